//! What a person is told, at the end of a walk, of the ratings kept aside because the
//! framework changed since they were given. (What opening such an assessment warns is said by
//! [`crate::open`].)

/// What the end of a walk says about the ratings and notes kept aside in the file at `shown`
/// (none when there are none): that they are kept, not counted, and come back.
pub fn set_aside(shown: &str, assessment: &crate::assessment::Assessment) -> Option<String> {
    if assessment.set_aside.is_empty() {
        return None;
    }
    let each: Vec<String> = assessment
        .set_aside
        .iter()
        .map(|(id, kept)| {
            let what = if kept.value.is_some() { "" } else { "note, " };
            format!("{id} ({what}{})", super::diff::drop_reason(kept.reason))
        })
        .collect();
    Some(format!(
        "{}: {} that no longer fit the framework {} kept under \"set_aside\", not counted; each comes back when its indicator does: {}",
        shown,
        super::plural(each.len(), "rating or note", "ratings or notes"),
        crate::words::agree(each.len(), "is", "are"),
        each.join(", ")
    ))
}

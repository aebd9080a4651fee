//! What a person is told when an assessment meets a framework that changed since it was taken.

use crate::assessment::reconcile::scale_values;
use crate::assessment::reconcile::{Attached, DropReason};

/// `sha256:0123456789ab…`: enough of a digest to tell two apart.
pub fn short_digest(digest: &str) -> String {
    match digest.get(..19) {
        Some(head) if digest.len() > 19 => format!("{head}…"),
        _ => digest.to_string(),
    }
}

/// The warnings for an attached assessment, one line each, without the `warning: ` prefix;
/// `shown` names the file. Nothing when the framework is unchanged.
pub fn warnings(shown: &str, attached: &Attached) -> Vec<String> {
    let mut lines = Vec::new();
    if !attached.digest_changed {
        return lines;
    }
    let recorded = &attached.assessment.framework;
    let framework = &attached.entry.framework;
    lines.push(format!(
        "{shown}: framework {} has changed since this assessment was made (recorded version {} {}, found version {} {}); ratings are matched by indicator id",
        framework.id,
        recorded.version,
        short_digest(&recorded.digest),
        framework.version,
        short_digest(&attached.entry.digest),
    ));
    let dropped = |reason: DropReason, with_value: bool| -> Vec<String> {
        attached
            .dropped
            .iter()
            .filter(|d| d.reason == reason)
            .map(|d| {
                if with_value {
                    format!("{} ({})", d.id, d.value)
                } else {
                    d.id.clone()
                }
            })
            .collect()
    };
    let gone = dropped(DropReason::NotInFramework, false);
    if !gone.is_empty() {
        lines.push(format!(
            "{shown}: left out the ratings of indicators no longer in the framework: {}",
            gone.join(", ")
        ));
    }
    let reworded = dropped(DropReason::TextChanged, false);
    if !reworded.is_empty() {
        lines.push(format!(
            "{shown}: left out the ratings of indicators whose text changed since they were rated (rate them again): {}",
            reworded.join(", ")
        ));
    }
    let off_scale = dropped(DropReason::OffScale, true);
    if !off_scale.is_empty() {
        lines.push(format!(
            "{shown}: left out ratings no longer on the scale ({}): {}",
            scale_values(framework),
            off_scale.join(", ")
        ));
    }
    if let Some(since) = &attached.since {
        if !since.added.is_empty() {
            lines.push(format!(
                "{shown}: added to the framework since this assessment was taken: {}",
                since.added.join(", ")
            ));
        }
        if !since.removed.is_empty() {
            lines.push(format!(
                "{shown}: removed from the framework since this assessment was taken: {}",
                since.removed.join(", ")
            ));
        }
        if !since.moved.is_empty() {
            lines.push(format!(
                "{shown}: moved since this assessment was taken: {}",
                since
                    .moved
                    .iter()
                    .map(|m| format!("{} ({} -> {})", m.id, m.from, m.to))
                    .collect::<Vec<_>>()
                    .join(", ")
            ));
        }
    }
    lines
}

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

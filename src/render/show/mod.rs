//! `rungs show`: a framework as a document, a file per format.

pub mod csv;
pub mod html;
pub mod json;
pub mod markdown;
pub mod table;

/// What the framework sets beyond the threshold and `demonstrated_at` (section 10), a sentence
/// each: competencies (or groups) with a threshold of their own, levels that are phases, and
/// `role_fit`. Empty when it sets none of these.
pub fn rule_notes(framework: &crate::framework::Framework) -> Vec<String> {
    let mut notes = Vec::new();
    let percent = |t: f64| crate::words::percent(t);
    for (c, competency) in framework.competencies.iter().enumerate() {
        let own = framework.threshold_of(c);
        if own != framework.threshold {
            notes.push(format!(
                "{}: a level passes when {} of its indicators are demonstrated.",
                competency.name,
                percent(own)
            ));
        }
    }
    let phases: Vec<&str> = (0..framework.competencies.len())
        .filter(|&c| !framework.gating_of(c))
        .map(|c| framework.competencies[c].name.as_str())
        .collect();
    if !phases.is_empty() {
        notes.push(format!(
            "The levels of {} are phases: each is tested on its own, a lower one does not gate a higher one.",
            phases.join(", ")
        ));
    }
    if framework.role_fit < 1.0 {
        notes.push(format!(
            "A role fits when {} of the competencies it names are met.",
            percent(framework.role_fit)
        ));
    }
    notes
}

//! The one sentence of each consistency warning: what does not hang together, what to
//! reconsider.

use crate::consistency::{Warning, WarningKind};
use crate::words::agree;

/// `a, b, c` (all of them: a warning names its indicators).
fn list(ids: &[String]) -> String {
    ids.join(", ")
}

/// One sentence naming the competency and the indicators, and saying what to reconsider.
pub fn sentence(warning: &Warning) -> String {
    let name = warning.competency_name.as_deref().unwrap_or("");
    match warning.kind {
        WarningKind::Inversion => match &warning.inversion {
            Some(i) => format!(
                "{name}: {} is rated demonstrated ({}) while most of the lower {} is not ({} of {} rated: {}); reconsider whether the higher ratings describe what you do now rather than what you aim for.",
                i.higher_title,
                list(&i.higher_demonstrated),
                i.lower_title,
                i.lower_not_demonstrated.len(),
                i.lower_rated,
                list(&i.lower_not_demonstrated)
            ),
            None => format!("{name}: a higher level is rated demonstrated while a lower one is not."),
        },
        WarningKind::FlatAnswers => {
            let value = warning.value.map(|v| v.to_string()).unwrap_or_default();
            match &warning.competency {
                None => format!(
                    "Every rated indicator ({}) has the same value, {value}; reconsider each one on its own, since one answer for everything often means the statements were not weighed one by one.",
                    warning.indicators.len()
                ),
                Some(_) => format!(
                    "{name}: all {} indicators are rated {value} ({}); reconsider each one on its own: do you really show every one of them equally?",
                    warning.indicators.len(),
                    list(&warning.indicators)
                ),
            }
        }
        WarningKind::MissingEvidence => format!(
            "{name}: {} {} rated demonstrated without the note this framework asks for; add the evidence, or reconsider the rating.",
            list(&warning.indicators),
            agree(warning.indicators.len(), "is", "are")
        ),
    }
}

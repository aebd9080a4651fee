//! The sentences of `report --explain`: why each level of a competency is held or not.

use super::{ExplainLevel, ExplainReport};
use crate::explain::{Explanation, LevelExplanation, LevelStatus};
use crate::framework::Framework;
use crate::scoring::CompetencyResult;
use crate::words::{percent, plural};

/// The explanation of one competency's result, with its sentences.
pub fn report(framework: &Framework, result: &CompetencyResult) -> ExplainReport {
    let explanation = crate::explain::explain(framework, result);
    let reasons = reasons(&explanation);
    ExplainReport {
        summary: summary(&explanation),
        levels: explanation
            .levels
            .into_iter()
            .zip(reasons)
            .map(|(level, reason)| ExplainLevel { level, reason })
            .collect(),
    }
}

/// "level 2 (Listens actively)".
fn level_name(level: &LevelExplanation) -> String {
    format!("level {} ({})", level.rank, level.title)
}

/// Why one level stands where it does, in one line: "level 2 (Listens actively) not held: 3 of
/// 5 demonstrated, 4 needed (80%)".
pub fn reason(level: &LevelExplanation, below: Option<&LevelExplanation>) -> String {
    let name = level_name(level);
    let mut counts = format!(
        "{} of {} demonstrated, {} needed ({})",
        level.demonstrated,
        level.counted,
        level.needed,
        percent(level.threshold)
    );
    if level.unrated > 0 && level.rated > 0 {
        counts.push_str(&format!("; {} not rated yet", level.unrated));
    }
    match level.status {
        LevelStatus::Held => format!("{name} held: {counts}"),
        LevelStatus::HeldNoRequirement if level.indicators == 0 => {
            format!("{name} held: it has no indicators, so no requirement")
        }
        LevelStatus::HeldNoRequirement => {
            format!("{name} held: every indicator is not applicable, so no requirement")
        }
        LevelStatus::PassedOver => format!(
            "{name} passed over: every indicator is not applicable, so it neither holds nor blocks"
        ),
        LevelStatus::NoIndicators => {
            format!("{name} not held: it has no indicators, and only a phase shown is held")
        }
        LevelStatus::BelowThreshold => format!("{name} not held: {counts}"),
        LevelStatus::NothingRated => format!(
            "{name} not held: none of its {} rated yet",
            plural(level.indicators, "indicator is", "indicators is")
        ),
        LevelStatus::LowerNotHeld => match below {
            Some(below) => format!("{name} not counted: level {} is not held", below.rank),
            None => format!("{name} not counted: a lower level is not held"),
        },
    }
}

/// The counts of one level: "rated 5, demonstrated 3, not applicable 1, unrated 0 (60%)".
pub fn counts(level: &LevelExplanation) -> String {
    format!(
        "rated {}, demonstrated {}, not applicable {}, unrated {}",
        level.rated, level.demonstrated, level.not_applicable, level.unrated
    )
}

/// Every level's reason, lowest first.
pub fn reasons(explanation: &Explanation) -> Vec<String> {
    let first_not_held = explanation
        .levels
        .iter()
        .find(|l| Some(l.rank) == explanation.stops_at);
    explanation
        .levels
        .iter()
        .map(|l| reason(l, first_not_held))
        .collect()
}

/// Where the ladder stops, in one line: the reason of the next level, or "top level held"
/// with its reason; "not applicable" when every indicator is answered na; said to be phases
/// when the levels are tested each on its own.
pub fn summary(explanation: &Explanation) -> String {
    if !explanation.applicable {
        return "not applicable: every indicator on its ladder is answered not applicable"
            .to_string();
    }
    let reasons = reasons(explanation);
    let summary = match explanation.stops_at {
        Some(rank) => explanation
            .levels
            .iter()
            .position(|l| l.rank == rank)
            .map(|i| reasons[i].clone())
            .unwrap_or_default(),
        None if explanation.levels.is_empty() => "no levels on this ladder".to_string(),
        None => match explanation.levels.iter().rposition(|l| {
            l.status == LevelStatus::Held || l.status == LevelStatus::HeldNoRequirement
        }) {
            Some(top) if top + 1 == explanation.levels.len() => {
                format!("top level held: {}", reasons[top])
            }
            Some(top) => format!(
                "highest level that applies held: {}; the levels above it are passed over or empty",
                reasons[top]
            ),
            None => "no level held".to_string(),
        },
    };
    if explanation.gating {
        summary
    } else {
        format!("levels are phases, each tested on its own (a lower one does not gate a higher one); {summary}")
    }
}

//! Why a competency stands where it does: per level of its ladder, what was rated and how that
//! meets the rule, and where the ladder stops (contract sections 2, 7 and 10). Pure data; the sentences are
//! built by [`crate::report::explain`].

use serde::Serialize;

use crate::framework::Framework;
use crate::scoring::{CompetencyResult, LevelKind, LevelResult};

/// One level of a competency's ladder, counted and judged.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LevelExplanation {
    /// Level id.
    pub level: String,
    /// The competency's title for the level.
    pub title: String,
    /// Rank on the ladder.
    pub rank: usize,
    /// Indicators at the level.
    pub indicators: usize,
    /// Indicators with a scale value.
    pub rated: usize,
    /// Rated indicators demonstrated.
    pub demonstrated: usize,
    /// Indicators marked not applicable.
    pub not_applicable: usize,
    /// Indicators that count toward the level: every one not na, rated or not yet.
    pub counted: usize,
    /// Indicators not rated yet.
    pub unrated: usize,
    /// demonstrated / counted, 0 when nothing counts.
    pub share: f64,
    /// The competency's threshold (its own, its group's or the framework's).
    pub threshold: f64,
    /// How many of the counted indicators must be demonstrated to meet the threshold.
    pub needed: usize,
    /// Whether the level's own counts meet the rule, lower levels aside: it passes, is empty
    /// or is passed over.
    pub meets_rule: bool,
    /// Where the level stands.
    pub status: LevelStatus,
}

/// Where one level stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum LevelStatus {
    /// Held: its share meets the threshold (and, on a gated ladder, every lower level is held,
    /// empty or passed over).
    Held,
    /// Held without a requirement: it has no indicators.
    HeldNoRequirement,
    /// Passed over: every indicator is not applicable; it neither holds nor blocks.
    PassedOver,
    /// Not held: it has no indicators, and on a ladder of phases only a phase shown is held.
    NoIndicators,
    /// Not held: its share of the indicators that count is below the threshold.
    BelowThreshold,
    /// Not held: none of its indicators is rated yet.
    NothingRated,
    /// Not counted: a lower level is not held.
    LowerNotHeld,
}

/// A competency's ladder, level by level.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Explanation {
    /// The levels of the competency's ladder, lowest first.
    pub levels: Vec<LevelExplanation>,
    /// Rank of the next level (the first tested one above the current level), whose own
    /// counts decide where the ladder stops; `None` when there is none.
    pub stops_at: Option<usize>,
    /// Whether the competency applies (section 10).
    pub applicable: bool,
    /// Whether a lower level gates a higher one; `false` when the levels are phases.
    pub gating: bool,
}

pub use crate::scoring::needed;

/// Explain one competency's result.
pub fn explain(framework: &Framework, result: &CompetencyResult) -> Explanation {
    let competency = &framework.competencies[result.competency];
    let threshold = result.threshold;
    let stops_at = result.next_level().map(|l| l.rank);
    let levels = result
        .levels
        .iter()
        .map(|level: &LevelResult| {
            let listed = &competency.levels[level.position];
            let blocked = result.gating && stops_at.is_some_and(|s| level.rank > s);
            let status = match level.kind() {
                LevelKind::PassedOver => LevelStatus::PassedOver,
                _ if blocked => LevelStatus::LowerNotHeld,
                _ if level.attained && level.total == 0 => LevelStatus::HeldNoRequirement,
                _ if level.attained => LevelStatus::Held,
                LevelKind::Empty => LevelStatus::NoIndicators,
                _ if level.rated == 0 => LevelStatus::NothingRated,
                _ if level.passes(threshold) => LevelStatus::Held,
                _ => LevelStatus::BelowThreshold,
            };
            LevelExplanation {
                level: framework.levels[level.level].id.clone(),
                title: framework.level_title(listed).to_string(),
                rank: level.rank,
                indicators: level.total,
                rated: level.rated,
                demonstrated: level.demonstrated,
                not_applicable: level.not_applicable,
                counted: level.counted(),
                unrated: level.unanswered(),
                share: level.share(),
                threshold,
                needed: needed(level.counted(), threshold),
                meets_rule: level.meets(threshold),
                status,
            }
        })
        .collect();
    Explanation {
        levels,
        stops_at,
        applicable: result.applicable,
        gating: result.gating,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn needed_matches_the_rule_at_the_threshold() {
        assert_eq!(needed(5, 0.8), 4);
        assert_eq!(needed(4, 0.8), 4);
        assert_eq!(needed(10, 0.8), 8);
        assert_eq!(needed(3, 0.5), 2);
        assert_eq!(needed(1, 1.0), 1);
        assert_eq!(needed(0, 0.8), 0);
    }
}

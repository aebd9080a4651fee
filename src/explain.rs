//! Why a competency stands where it does: per level of its ladder, what was rated and how that
//! meets the rule, and where the ladder stops (contract section 2). Pure data; the sentences are
//! built by [`crate::report::explain`].

use serde::Serialize;

use crate::framework::Framework;
use crate::scoring::{CompetencyResult, LevelResult};

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
    /// The framework's threshold.
    pub threshold: f64,
    /// How many of the counted indicators must be demonstrated to meet the threshold.
    pub needed: usize,
    /// Whether the level's own counts meet the rule, lower levels aside.
    pub meets_rule: bool,
    /// Where the level stands.
    pub status: LevelStatus,
}

/// Where one level stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum LevelStatus {
    /// Held: its share meets the threshold and every lower level is held.
    Held,
    /// Held without a requirement: every indicator is not applicable, or there are none.
    HeldNoRequirement,
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
    /// Rank of the first level not held, whose own counts decide where the ladder stops;
    /// `None` when the top level is held.
    pub stops_at: Option<usize>,
}

/// The smallest number of demonstrated indicators out of `counted` that meets `threshold`, by
/// the same comparison scoring makes.
pub fn needed(counted: usize, threshold: f64) -> usize {
    (0..=counted)
        .find(|&d| counted > 0 && d as f64 / counted as f64 >= threshold)
        .unwrap_or(0)
}

/// Explain one competency's result.
pub fn explain(framework: &Framework, result: &CompetencyResult) -> Explanation {
    let competency = &framework.competencies[result.competency];
    let mut stops_at = None;
    let levels = result
        .levels
        .iter()
        .map(|level: &LevelResult| {
            let listed = &competency.levels[level.position];
            let meets_rule = level.meets(framework.threshold);
            let status = if stops_at.is_some() {
                LevelStatus::LowerNotHeld
            } else if level.attained && level.counted() == 0 {
                LevelStatus::HeldNoRequirement
            } else if level.attained {
                LevelStatus::Held
            } else if level.rated == 0 {
                LevelStatus::NothingRated
            } else {
                LevelStatus::BelowThreshold
            };
            if !level.attained && stops_at.is_none() {
                stops_at = Some(level.rank);
            }
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
                threshold: framework.threshold,
                needed: needed(level.counted(), framework.threshold),
                meets_rule,
                status,
            }
        })
        .collect();
    Explanation { levels, stops_at }
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

//! The level profile, gaps against a target, and the development plan (docs/FORMAT.md, Scoring).
//!
//! Pure functions of a [`Framework`] and a set of ratings: nothing here reads files or prints.

use serde::Serialize;

use crate::assessment::{Rating, RatingValue};
use crate::framework::{Framework, Indicator, Ladder};

pub use crate::assessment::{Ratings, TargetLevels, TargetRequest};

/// How one level of one competency stands.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LevelResult {
    /// Index into the framework's levels.
    pub level: usize,
    /// Position of the level in the competency's `levels`.
    pub position: usize,
    /// The level's rank on the ladder scored against.
    pub rank: usize,
    /// Indicators at this level.
    pub total: usize,
    /// Indicators with a scale value (not na, not unrated).
    pub rated: usize,
    /// Rated indicators whose value is at least `demonstrated_at`.
    pub demonstrated: usize,
    /// Indicators marked not applicable.
    pub not_applicable: usize,
    /// Whether the level is attained (this and every lower listed level meet the rule).
    pub attained: bool,
}

impl LevelResult {
    /// demonstrated / rated, 0 when nothing is rated.
    pub fn share(&self) -> f64 {
        if self.rated == 0 {
            0.0
        } else {
            self.demonstrated as f64 / self.rated as f64
        }
    }
}

/// Where a person stands on one competency.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CompetencyResult {
    /// Index into the framework's competencies.
    pub competency: usize,
    /// One entry per level the competency lists that is on the ladder, lowest first.
    pub levels: Vec<LevelResult>,
    /// Framework level index of the highest attained level; `None` when none is attained.
    pub current: Option<usize>,
    /// Rank of the current level, 0 for none.
    pub rank: usize,
    /// Index into `levels` (above) of the first level not attained, if any.
    pub next: Option<usize>,
    /// Rank of the highest level the competency lists on the ladder, 0 when it lists none.
    pub top_rank: usize,
    /// rank + demonstrated share of the next level.
    pub score: f64,
}

impl CompetencyResult {
    /// The result for the next level, if any is left to attain.
    pub fn next_level(&self) -> Option<&LevelResult> {
        self.next.map(|n| &self.levels[n])
    }
}

/// The level profile: one result per competency, in framework order.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Profile {
    /// Results in framework order.
    pub competencies: Vec<CompetencyResult>,
    /// The ladder the ranks are on.
    #[serde(skip)]
    pub ladder: Ladder,
}

/// Whether a rating of an indicator of `competency` counts as demonstrated under its
/// `demonstrated_at` (the competency's own, else the framework's).
pub fn is_demonstrated(framework: &Framework, competency: usize, rating: Option<&Rating>) -> bool {
    matches!(rating.map(|r| r.value), Some(RatingValue::Scale(v)) if v >= framework.demonstrated_at_of(competency))
}

/// Counts for one list of indicators, without the cumulative attainment rule. `value` gives
/// each indicator's rating by its position in the list.
fn tally(
    demonstrated_at: u32,
    level: usize,
    indicators: &[Indicator],
    value: impl Fn(usize, &Indicator) -> Option<RatingValue>,
) -> LevelResult {
    let mut result = LevelResult {
        level,
        position: 0,
        rank: 0,
        total: indicators.len(),
        rated: 0,
        demonstrated: 0,
        not_applicable: 0,
        attained: false,
    };
    for (position, indicator) in indicators.iter().enumerate() {
        match value(position, indicator) {
            Some(RatingValue::Scale(v)) => {
                result.rated += 1;
                if v >= demonstrated_at {
                    result.demonstrated += 1;
                }
            }
            Some(RatingValue::NotApplicable) => result.not_applicable += 1,
            None => {}
        }
    }
    result
}

/// Whether a level's own counts meet the rule (ignoring lower levels).
fn meets_rule(framework: &Framework, level: &LevelResult) -> bool {
    if level.rated > 0 {
        level.share() >= framework.threshold
    } else {
        level.not_applicable == level.total
    }
}

/// Score one competency on a ladder: only the levels it lists that are on the ladder count.
pub fn score_competency(
    framework: &Framework,
    ladder: &Ladder,
    competency: usize,
    ratings: &Ratings,
) -> CompetencyResult {
    score_competency_by(framework, ladder, competency, |_, indicator| {
        ratings.get(&indicator.id).map(|r| r.value)
    })
}

/// Score one competency on a ladder with ratings looked up by `value`, which gets each
/// indicator with its position among the competency's indicators (flat over all the levels it
/// lists, lowest first, whether on the ladder or not).
pub fn score_competency_by(
    framework: &Framework,
    ladder: &Ladder,
    competency: usize,
    value: impl Fn(usize, &Indicator) -> Option<RatingValue>,
) -> CompetencyResult {
    let mut offset = 0;
    let mut levels = Vec::with_capacity(framework.competencies[competency].levels.len());
    let mut holding = true;
    let mut current = None;
    let mut next = None;
    let mut top_rank = 0;
    for (position, level) in framework.competencies[competency].levels.iter().enumerate() {
        let start = offset;
        offset += level.indicators.len();
        let Some(rank) = ladder.rank(level.level) else {
            continue;
        };
        top_rank = rank;
        let demonstrated_at = framework.demonstrated_at_of(competency);
        let mut result = tally(demonstrated_at, level.level, &level.indicators, |p, i| {
            value(start + p, i)
        });
        result.position = position;
        result.rank = rank;
        result.attained = holding && meets_rule(framework, &result);
        if result.attained {
            current = Some(level.level);
        } else if holding {
            holding = false;
            next = Some(levels.len());
        }
        levels.push(result);
    }
    let rank = current.and_then(|l| ladder.rank(l)).unwrap_or(0);
    let share = next.map_or(0.0, |n| levels[n].share());
    CompetencyResult {
        competency,
        levels,
        current,
        rank,
        next,
        top_rank,
        score: rank as f64 + share,
    }
}

/// The level profile of a set of ratings on the framework's default ladder (its first track,
/// or every level when it has no tracks).
pub fn profile(framework: &Framework, ratings: &Ratings) -> Profile {
    profile_on(framework, &framework.default_ladder(), ratings)
}

/// The level profile of a set of ratings on a ladder.
pub fn profile_on(framework: &Framework, ladder: &Ladder, ratings: &Ratings) -> Profile {
    Profile {
        competencies: (0..framework.competencies.len())
            .map(|c| score_competency(framework, ladder, c, ratings))
            .collect(),
        ladder: ladder.clone(),
    }
}

/// One message per target that no rating can meet: the target level ranks above every level
/// the competency lists, so its gap can never close.
pub fn unreachable_targets(
    framework: &Framework,
    ladder: &Ladder,
    targets: &TargetLevels,
) -> Vec<String> {
    framework
        .competencies
        .iter()
        .zip(&targets.levels)
        .filter_map(|(competency, target)| {
            let target = (*target)?;
            let target_rank = ladder.rank(target)?;
            let top = competency
                .levels
                .iter()
                .rev()
                .find(|l| ladder.contains(l.level))?;
            let top_rank = ladder.rank(top.level)?;
            (top_rank < target_rank).then(|| {
                format!(
                    "target {} (rank {target_rank}) for {} is above its highest level, {} (rank {top_rank}): that gap cannot close",
                    framework.levels[target].id,
                    competency.id,
                    framework.levels[top.level].id,
                )
            })
        })
        .collect()
}

/// How far one competency is from its target.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Gap {
    /// Index into the framework's competencies.
    pub competency: usize,
    /// Framework level index of the target.
    pub target: usize,
    /// Rank of the target level.
    pub target_rank: usize,
    /// Rank of the current level (0 for none).
    pub current_rank: usize,
    /// target rank - current rank, 0 when met.
    pub gap: usize,
}

impl Gap {
    /// Whether the target is met.
    pub fn met(&self) -> bool {
        self.gap == 0
    }
}

/// Gaps for every competency that has a target, in framework order.
pub fn gaps(profile: &Profile, targets: &TargetLevels) -> Vec<Gap> {
    profile
        .competencies
        .iter()
        .filter_map(|result| {
            let target = targets.levels.get(result.competency).copied().flatten()?;
            let target_rank = profile.ladder.rank(target)?;
            Some(Gap {
                competency: result.competency,
                target,
                target_rank,
                current_rank: result.rank,
                gap: target_rank.saturating_sub(result.rank),
            })
        })
        .collect()
}

/// One indicator to work on.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PlanItem {
    /// Framework level index of the indicator's level.
    pub level: usize,
    /// Position of that level in the competency's ladder.
    pub competency_level: usize,
    /// The indicator id.
    pub indicator: String,
    /// The rating given, if any.
    pub rating: Option<Rating>,
}

/// The development plan for one competency with a gap.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PlanEntry {
    /// Index into the framework's competencies.
    pub competency: usize,
    /// The gap being closed.
    pub gap: Gap,
    /// Indicators at levels up to the target that are not demonstrated, lowest level first.
    /// Indicators rated not applicable are left out: they are not the person's to develop.
    pub items: Vec<PlanItem>,
}

/// The development plan: per competency with a gap, what is not yet demonstrated.
pub fn plan(
    framework: &Framework,
    ladder: &Ladder,
    gaps: &[Gap],
    ratings: &Ratings,
) -> Vec<PlanEntry> {
    gaps.iter()
        .filter(|gap| !gap.met())
        .map(|gap| {
            let competency = &framework.competencies[gap.competency];
            let items = competency
                .levels
                .iter()
                .enumerate()
                .filter(|(_, level)| {
                    ladder
                        .rank(level.level)
                        .is_some_and(|rank| rank <= gap.target_rank)
                })
                .flat_map(|(position, level)| {
                    level.indicators.iter().filter_map(move |indicator| {
                        let rating = ratings.get(&indicator.id);
                        let skip = is_demonstrated(framework, gap.competency, rating)
                            || matches!(rating.map(|r| r.value), Some(RatingValue::NotApplicable));
                        (!skip).then(|| PlanItem {
                            level: level.level,
                            competency_level: position,
                            indicator: indicator.id.clone(),
                            rating: rating.cloned(),
                        })
                    })
                })
                .collect();
            PlanEntry {
                competency: gap.competency,
                gap: gap.clone(),
                items,
            }
        })
        .collect()
}

/// The label shown for a rating of an indicator of `competency`: the scale label, "not
/// applicable", or `None` when unrated.
pub fn rating_label(
    framework: &Framework,
    competency: usize,
    rating: Option<&Rating>,
) -> Option<String> {
    rating.map(|r| value_label(framework, competency, r.value).into_owned())
}

/// What a value of an indicator of `competency` reads as: its scale label ("Often", borrowed
/// from the framework), "not applicable", or "5 (off the scale)".
pub fn value_label(
    framework: &Framework,
    competency: usize,
    value: RatingValue,
) -> std::borrow::Cow<'_, str> {
    match value {
        RatingValue::Scale(v) => framework.point_of(competency, v).map_or_else(
            || format!("{v} (off the scale)").into(),
            |p| p.label.as_str().into(),
        ),
        RatingValue::NotApplicable => "not applicable".into(),
    }
}

/// How a line names a framework level: by the level's name, the same on every competency (a
/// competency's own title for it is shown apart, once: see [`competency_title`]).
pub fn level_title_for(framework: &Framework, _competency: usize, level: usize) -> String {
    framework.levels[level].name.clone()
}

/// A competency's own title for one of its levels, when it has one that differs from the
/// level's name; without a trailing period.
pub fn competency_title(framework: &Framework, competency: usize, level: usize) -> Option<String> {
    let own = framework.competencies[competency]
        .levels
        .iter()
        .find(|l| l.level == level)?
        .title
        .as_deref()?;
    let own = without_period(own);
    (own != framework.levels[level].name).then(|| own.to_string())
}

/// Text without one trailing period (a title is no sentence); an ellipsis stays.
pub fn without_period(text: &str) -> &str {
    let text = text.trim_end();
    match text.strip_suffix('.') {
        Some(rest) if !rest.ends_with('.') => rest,
        _ => text,
    }
}

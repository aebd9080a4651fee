//! What changed between two assessments of one framework: levels, scores, ratings.
//!
//! Each side is scored against its own framework, so two versions of one framework can be
//! compared: competencies and indicators are matched by id, and indicators only one version has
//! are listed as added or removed rather than as rating changes. [`DiffReport`] adds what
//! names the two sides, the notes that changed and the gaps to a target: everything `rungs
//! diff` shows, for the renderers of [`crate::render::diff`].

mod report;

use std::collections::HashMap;

use serde::Serialize;

use crate::assessment::{RatingValue, Ratings};
use crate::framework::{Framework, Ladder};
use crate::scoring;
use crate::scoring::{level_title_for, rating_label};

pub use report::{summary, DiffReport, DroppedRating, GapChange, NoteChange, SideSummary};

/// One assessment as the diff sees it: its ratings and the framework they are scored against.
#[derive(Debug, Clone, Copy)]
pub struct DiffSide<'a> {
    /// The framework the ratings are scored against.
    pub framework: &'a Framework,
    /// The ladder (every level, or a track's) ranks are counted on.
    pub ladder: &'a Ladder,
    /// The ratings.
    pub ratings: &'a Ratings,
}

/// The changes from an old assessment to a new one.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Diff {
    /// Every competency of either framework: the new framework's order, then any only the old
    /// one has.
    pub competencies: Vec<CompetencyChange>,
    /// Indicators of both frameworks whose rating changed: newly demonstrated first, then no
    /// longer demonstrated, then other changes; walk order within each group.
    pub indicators: Vec<IndicatorChange>,
    /// Indicators the new framework has and the old one lacks.
    pub added: Vec<IndicatorRef>,
    /// Indicators the old framework has and the new one lacks.
    pub removed: Vec<IndicatorRef>,
}

/// Level and score of one competency, before and after.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CompetencyChange {
    /// Competency id.
    pub id: String,
    /// Competency name (from the new framework when it has the competency).
    pub name: String,
    /// Level id before; `None` when no level was held or the old framework lacks the competency.
    pub from_level: Option<String>,
    /// Level id after.
    pub to_level: Option<String>,
    /// The competency's title of the level before.
    pub from_title: Option<String>,
    /// The competency's title of the level after.
    pub to_title: Option<String>,
    /// Rank before (0 for none); `None` when the old framework lacks the competency.
    pub from_rank: Option<usize>,
    /// Rank after.
    pub to_rank: Option<usize>,
    /// Score before; `None` when the old framework lacks the competency.
    pub from_score: Option<f64>,
    /// Score after.
    pub to_score: Option<f64>,
    /// to_score - from_score, when both exist.
    pub score_change: Option<f64>,
}

impl CompetencyChange {
    /// to_rank - from_rank, when both exist.
    pub fn rank_change(&self) -> Option<i64> {
        Some(self.to_rank? as i64 - self.from_rank? as i64)
    }

    /// Whether level or score differ.
    pub fn changed(&self) -> bool {
        self.from_rank != self.to_rank || self.from_score != self.to_score
    }
}

/// How a rating changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ChangeKind {
    /// Not demonstrated before, demonstrated now.
    Demonstrated,
    /// Demonstrated before, not any more.
    Lost,
    /// Another change (e.g. 1 -> 2, 3 -> 4, unrated -> na).
    Changed,
}

/// One indicator whose rating changed.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct IndicatorChange {
    /// Indicator id.
    pub id: String,
    /// Competency id.
    pub competency: String,
    /// Competency name.
    pub competency_name: String,
    /// Level id.
    pub level: String,
    /// Rank of the level.
    pub rank: usize,
    /// The indicator's text (from the new framework).
    pub text: String,
    /// Rating before: a value, `"na"`, or `None` when unrated.
    pub from: Option<RatingValue>,
    /// Rating after.
    pub to: Option<RatingValue>,
    /// Scale label of the rating before (old framework), "not applicable", or `None`.
    pub from_label: Option<String>,
    /// Scale label of the rating after (new framework).
    pub to_label: Option<String>,
    /// What kind of change.
    pub change: ChangeKind,
}

/// An indicator named in the added or removed lists.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct IndicatorRef {
    /// Indicator id.
    pub id: String,
    /// Competency id.
    pub competency: String,
    /// Competency name.
    pub competency_name: String,
    /// The indicator's text.
    pub text: String,
}

struct Located<'a> {
    /// Position in walk order.
    order: usize,
    competency: usize,
    level: usize,
    text: &'a str,
}

fn locate(framework: &Framework) -> (Vec<&str>, HashMap<&str, Located<'_>>) {
    let mut order = Vec::new();
    let mut by_id = HashMap::new();
    for (c, position, indicator) in framework.indicators() {
        by_id.insert(
            indicator.id.as_str(),
            Located {
                order: order.len(),
                competency: c,
                level: framework.competencies[c].levels[position].level,
                text: &indicator.text,
            },
        );
        order.push(indicator.id.as_str());
    }
    (order, by_id)
}

/// The ids whose rating differs between two sets of ratings, with both ratings: one walk
/// through both maps in id order.
fn differing<'a>(
    old: &'a Ratings,
    new: &'a Ratings,
) -> Vec<(
    &'a str,
    Option<&'a crate::assessment::Rating>,
    Option<&'a crate::assessment::Rating>,
)> {
    use std::cmp::Ordering;
    let mut out = Vec::new();
    let (mut old, mut new) = (old.iter().peekable(), new.iter().peekable());
    loop {
        let (id, from, to) = match (old.peek(), new.peek()) {
            (None, None) => break,
            (Some(&(id, r)), None) => {
                old.next();
                (id, Some(r), None)
            }
            (None, Some(&(id, r))) => {
                new.next();
                (id, None, Some(r))
            }
            (Some(&(a, ra)), Some(&(b, rb))) => match a.cmp(b) {
                Ordering::Less => {
                    old.next();
                    (a, Some(ra), None)
                }
                Ordering::Greater => {
                    new.next();
                    (b, None, Some(rb))
                }
                Ordering::Equal => {
                    old.next();
                    new.next();
                    (a, Some(ra), Some(rb))
                }
            },
        };
        if from.map(|r| r.value) != to.map(|r| r.value) {
            out.push((id.as_str(), from, to));
        }
    }
    out
}

/// Levels and scores before and after, per competency of either framework: the new
/// framework's order, then any only the old one has.
fn competency_changes(old: DiffSide<'_>, new: DiffSide<'_>) -> Vec<CompetencyChange> {
    let old_profile = scoring::profile_on(old.framework, old.ladder, old.ratings);
    let new_profile = scoring::profile_on(new.framework, new.ladder, new.ratings);

    let mut ids: Vec<&str> = new
        .framework
        .competencies
        .iter()
        .map(|c| c.id.as_str())
        .collect();
    for c in &old.framework.competencies {
        if new.framework.competency_index(&c.id).is_none() {
            ids.push(&c.id);
        }
    }
    ids.into_iter()
        .map(|id| {
            let before = old
                .framework
                .competency_index(id)
                .map(|c| (c, &old_profile.competencies[c]));
            let after = new
                .framework
                .competency_index(id)
                .map(|c| (c, &new_profile.competencies[c]));
            let name = after
                .or(before)
                .map(|(c, _)| {
                    let framework = if after.is_some() {
                        new.framework
                    } else {
                        old.framework
                    };
                    framework.competencies[c].name.clone()
                })
                .unwrap_or_default();
            let level =
                |framework: &Framework, side: Option<(usize, &scoring::CompetencyResult)>| {
                    side.and_then(|(c, r)| {
                        r.current.map(|l| {
                            (
                                framework.levels[l].id.clone(),
                                level_title_for(framework, c, l),
                            )
                        })
                    })
                    .unzip()
                };
            let (from_level, from_title) = level(old.framework, before);
            let (to_level, to_title) = level(new.framework, after);
            CompetencyChange {
                id: id.to_string(),
                name,
                from_level,
                to_level,
                from_title,
                to_title,
                from_rank: before.map(|(_, r)| r.rank),
                to_rank: after.map(|(_, r)| r.rank),
                from_score: before.and_then(|(_, r)| r.score),
                to_score: after.and_then(|(_, r)| r.score),
                score_change: before
                    .and_then(|(_, r)| r.score)
                    .zip(after.and_then(|(_, r)| r.score))
                    .map(|(b, a)| a - b),
            }
        })
        .collect()
}

/// Compare two assessments.
pub fn diff(old: DiffSide<'_>, new: DiffSide<'_>) -> Diff {
    let competencies = competency_changes(old, new);

    // One framework on both sides (the usual case) is located once.
    let same = std::ptr::eq(old.framework, new.framework);
    let (old_order, old_located) = locate(old.framework);
    let located_new;
    let (new_order, new_located) = if same {
        (&old_order, &old_located)
    } else {
        located_new = locate(new.framework);
        (&located_new.0, &located_new.1)
    };

    let mut indicators: Vec<(usize, IndicatorChange)> = differing(old.ratings, new.ratings)
        .into_iter()
        .filter_map(|(id, from, to)| {
            // Only indicators of both versions, and not those of levels off the ladder (they
            // are neither required nor attainable here).
            let at = new_located.get(id)?;
            let then = old_located.get(id)?.competency;
            if !new.ladder.contains(at.level) {
                return None;
            }
            let was = scoring::is_demonstrated(old.framework, then, from);
            let is = scoring::is_demonstrated(new.framework, at.competency, to);
            let change = match (was, is) {
                (false, true) => ChangeKind::Demonstrated,
                (true, false) => ChangeKind::Lost,
                _ => ChangeKind::Changed,
            };
            let competency = &new.framework.competencies[at.competency];
            Some((
                at.order,
                IndicatorChange {
                    id: id.to_string(),
                    competency: competency.id.clone(),
                    competency_name: competency.name.clone(),
                    level: new.framework.levels[at.level].id.clone(),
                    rank: new.ladder.rank(at.level).unwrap_or(0),
                    text: at.text.to_string(),
                    from: from.map(|r| r.value),
                    to: to.map(|r| r.value),
                    from_label: rating_label(old.framework, then, from),
                    to_label: rating_label(new.framework, at.competency, to),
                    change,
                },
            ))
        })
        .collect();
    // Walk order within each kind of change.
    indicators.sort_by_key(|(order, i)| (i.change, *order));
    let indicators: Vec<IndicatorChange> = indicators.into_iter().map(|(_, i)| i).collect();

    let reference = |framework: &Framework, located: &HashMap<&str, Located<'_>>, id: &str| {
        let at = &located[id];
        let competency = &framework.competencies[at.competency];
        IndicatorRef {
            id: id.to_string(),
            competency: competency.id.clone(),
            competency_name: competency.name.clone(),
            text: at.text.to_string(),
        }
    };
    let added = new_order
        .iter()
        .filter(|id| !same && !old_located.contains_key(*id))
        .map(|id| reference(new.framework, new_located, id))
        .collect();
    let removed = old_order
        .iter()
        .filter(|id| !same && !new_located.contains_key(*id))
        .map(|id| reference(old.framework, &old_located, id))
        .collect();

    Diff {
        competencies,
        indicators,
        added,
        removed,
    }
}

impl Diff {
    /// Whether nothing changed: same levels, scores, ratings and indicators.
    pub fn is_empty(&self) -> bool {
        self.indicators.is_empty()
            && self.added.is_empty()
            && self.removed.is_empty()
            && !self.competencies.iter().any(CompetencyChange::changed)
    }

    /// Indicators of one kind of change.
    pub fn count(&self, kind: ChangeKind) -> usize {
        self.indicators.iter().filter(|i| i.change == kind).count()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::assessment::Rating;
    use proptest::prelude::*;

    fn framework() -> Framework {
        crate::test_support::framework(
            "teamwork.yaml",
            include_str!("../../tests/fixtures/frameworks/teamwork.yaml"),
        )
    }

    /// Ratings over the fixture's 15 indicators: unrated, na, or 1..=4.
    fn ratings() -> impl Strategy<Value = Ratings> {
        let ids: Vec<String> = framework()
            .indicators()
            .map(|(_, _, i)| i.id.clone())
            .collect();
        proptest::collection::vec(0u32..=5, ids.len()).prop_map(move |values| {
            ids.iter()
                .zip(values)
                .filter_map(|(id, v)| {
                    let value = match v {
                        0 => return None,
                        5 => RatingValue::NotApplicable,
                        v => RatingValue::Scale(v),
                    };
                    Some((id.clone(), Rating { value, note: None }))
                })
                .collect()
        })
    }

    fn mirror(kind: ChangeKind) -> ChangeKind {
        match kind {
            ChangeKind::Demonstrated => ChangeKind::Lost,
            ChangeKind::Lost => ChangeKind::Demonstrated,
            ChangeKind::Changed => ChangeKind::Changed,
        }
    }

    proptest! {
        #[test]
        fn an_assessment_against_itself_has_no_changes(a in ratings()) {
            let f = framework();
            let l = f.default_ladder();
            let side = DiffSide { framework: &f, ladder: &l, ratings: &a };
            let d = diff(side, side);
            prop_assert!(d.is_empty());
            prop_assert_eq!(summary(&d), "No change: the same levels, scores and ratings.");
        }

        #[test]
        fn b_against_a_mirrors_a_against_b(a in ratings(), b in ratings()) {
            let f = framework();
            let l = f.default_ladder();
            let forward = diff(DiffSide { framework: &f, ladder: &l, ratings: &a }, DiffSide { framework: &f, ladder: &l, ratings: &b });
            let backward = diff(DiffSide { framework: &f, ladder: &l, ratings: &b }, DiffSide { framework: &f, ladder: &l, ratings: &a });
            for (x, y) in forward.competencies.iter().zip(&backward.competencies) {
                prop_assert_eq!(&x.from_level, &y.to_level);
                prop_assert_eq!(&x.to_level, &y.from_level);
                prop_assert_eq!(x.from_score, y.to_score);
                prop_assert_eq!(x.score_change.map(|d| -d), y.score_change);
            }
            let mut expected: Vec<_> = forward
                .indicators
                .iter()
                .map(|i| (i.id.clone(), i.to, i.from, mirror(i.change)))
                .collect();
            let mut actual: Vec<_> = backward
                .indicators
                .iter()
                .map(|i| (i.id.clone(), i.from, i.to, i.change))
                .collect();
            expected.sort();
            actual.sort();
            prop_assert_eq!(expected, actual);
            // Every changed rating is listed, and no unchanged one.
            let changed = f
                .indicators()
                .filter(|(_, _, i)| a.get(&i.id).map(|r| r.value) != b.get(&i.id).map(|r| r.value))
                .count();
            prop_assert_eq!(forward.indicators.len(), changed);
        }
    }
}

//! Many raters of one person (contract section 5): each rater's profile, the consensus of the
//! raters other than self, and per indicator the blind spots and hidden strengths.
//!
//! Pure functions of a framework and [`Scorecard`]s: nothing here reads files or prints.

use std::path::PathBuf;

use serde::Serialize;

use crate::assessment::gather::{offsets, Cell, Scorecard};
use crate::assessment::{RatingValue, Relation};
use crate::framework::{Framework, Ladder};
use crate::scoring::{self, CompetencyResult, Coverage, NamedFit, Profile};

/// The consensus of other raters' values for one indicator: the median of the scale values
/// (the lower middle one for an even count); `na` when no one gave a scale value but someone
/// said `na`; `None` (unrated) when no one rated it at all.
pub fn consensus(values: impl IntoIterator<Item = Option<RatingValue>>) -> Option<RatingValue> {
    let mut scale = Vec::new();
    let mut any_na = false;
    for value in values.into_iter().flatten() {
        match value {
            RatingValue::Scale(v) => scale.push(v),
            RatingValue::NotApplicable => any_na = true,
        }
    }
    if scale.is_empty() {
        return any_na.then_some(RatingValue::NotApplicable);
    }
    scale.sort_unstable();
    Some(RatingValue::Scale(scale[(scale.len() - 1) / 2]))
}

/// How self and consensus disagree on an indicator.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Flag {
    /// Self sees it demonstrated; the others do not.
    BlindSpot,
    /// The others see it demonstrated; self does not.
    HiddenStrength,
}

impl Flag {
    /// `blind spot`, `hidden strength`.
    pub fn label(self) -> &'static str {
        match self {
            Flag::BlindSpot => "blind spot",
            Flag::HiddenStrength => "hidden strength",
        }
    }
}

/// The flag of an indicator of `competency`: both self and consensus must be scale values.
pub fn flag(
    framework: &Framework,
    competency: usize,
    self_value: Option<RatingValue>,
    consensus: Option<RatingValue>,
) -> Option<Flag> {
    match (self_value, consensus) {
        (Some(RatingValue::Scale(s)), Some(RatingValue::Scale(c))) => {
            let at = framework.demonstrated_at_of(competency);
            if s >= at && c < at {
                Some(Flag::BlindSpot)
            } else if s < at && c >= at {
                Some(Flag::HiddenStrength)
            } else {
                None
            }
        }
        _ => None,
    }
}

/// One rater as shown: their name (or `peer 1` when anonymous), relation, file and whether the
/// assessment was complete.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RaterInfo {
    /// Name as shown.
    pub name: String,
    /// Relation to the subject.
    pub relation: Relation,
    /// The file; `None` when hidden for anonymity.
    pub file: Option<String>,
    /// Whether every indicator was answered.
    pub complete: bool,
    /// How many indicators of the scored ladder the rater answered.
    pub coverage: Coverage,
}

/// Where someone (or the consensus) places the subject on one competency.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Standing {
    /// Level id, `None` for no level.
    pub level: Option<String>,
    /// Rank of the level, 0 for none.
    pub rank: usize,
    /// Whether the competency applies (section 10); `false` when every indicator on its
    /// ladder is answered na.
    pub applicable: bool,
    /// Section 10 score, exact; `None` when the competency does not apply.
    pub score: Option<f64>,
    /// How many indicators of the competency's ladder are answered.
    pub coverage: Coverage,
}

impl Standing {
    /// The standing of a scored competency.
    pub fn of(framework: &Framework, result: &CompetencyResult) -> Standing {
        Standing {
            level: result.current.map(|l| framework.levels[l].id.clone()),
            rank: result.rank,
            applicable: result.applicable,
            score: result.score,
            coverage: result.coverage(),
        }
    }
}

/// The profile of one set of cells (a scorecard's, or the consensus), looked up by position among
/// the framework's indicators.
pub fn profile_of(
    framework: &Framework,
    ladder: &Ladder,
    offsets: &[usize],
    value: &dyn Fn(usize) -> Option<RatingValue>,
) -> Profile {
    Profile {
        competencies: (0..framework.competencies.len())
            .map(|c| {
                scoring::score_competency_by(framework, ladder, c, |p, _| value(offsets[c] + p))
            })
            .collect(),
        ladder: ladder.clone(),
    }
}

/// One competency across raters.
#[derive(Debug, Clone, PartialEq)]
pub struct CompetencyComparison {
    /// Competency id.
    pub id: String,
    /// Competency name.
    pub name: String,
    /// Self's standing; `None` without a self-assessment.
    pub self_standing: Option<Standing>,
    /// The consensus standing; `None` without other raters.
    pub consensus: Option<Standing>,
    /// Each rater other than self, in [`Comparison::raters`] order (self left out).
    pub raters: Vec<Standing>,
}

/// One indicator across raters.
#[derive(Debug, Clone, PartialEq)]
pub struct IndicatorComparison {
    /// Indicator id.
    pub id: String,
    /// Competency id.
    pub competency: String,
    /// Level id.
    pub level: String,
    /// Indicator text.
    pub text: String,
    /// Self's value.
    pub self_value: Option<RatingValue>,
    /// The consensus value.
    pub consensus: Option<RatingValue>,
    /// Each rater other than self, in order.
    pub values: Vec<Option<RatingValue>>,
    /// Notes, by rater position (self first when present); anonymous raters' notes are left out.
    pub notes: Vec<(usize, String)>,
    /// Blind spot or hidden strength.
    pub flag: Option<Flag>,
    /// The other raters split on it: their scale values differ by 2 or more, so the consensus
    /// (their median) stands for none of them well.
    pub split: bool,
}

impl IndicatorComparison {
    /// The flag column: the flag's label, `split` after it when the other raters split.
    pub fn flag_text(&self) -> String {
        match (self.flag, self.split) {
            (Some(f), true) => format!("{}, split", f.label()),
            (Some(f), false) => f.label().to_string(),
            (None, true) => "split".to_string(),
            (None, false) => String::new(),
        }
    }
}

/// Whether the other raters' scale values (na and unrated left out) differ by 2 or more.
pub fn is_split(values: &[Option<RatingValue>]) -> bool {
    let scale = values.iter().filter_map(|v| match v {
        Some(RatingValue::Scale(s)) => Some(*s),
        _ => None,
    });
    let (low, high) = scale.fold((u32::MAX, 0), |(lo, hi), v| (lo.min(v), hi.max(v)));
    high >= low.saturating_add(2)
}

/// The 360 view of one subject.
#[derive(Debug, Clone, PartialEq)]
pub struct Comparison {
    /// Framework id.
    pub framework_id: String,
    /// Framework name.
    pub framework_name: String,
    /// Framework version.
    pub framework_version: String,
    /// The person rated.
    pub subject: String,
    /// Self first (when there is a self-assessment), then the others by relation and name.
    pub raters: Vec<RaterInfo>,
    /// Whether `raters[0]` is the self-assessment.
    pub has_self: bool,
    /// Self's best-fit role; `None` without a self-assessment or without roles on the ladder.
    pub self_fit: Option<NamedFit>,
    /// The consensus's best-fit role; `None` without other raters or roles on the ladder.
    pub consensus_fit: Option<NamedFit>,
    /// How many indicators of the ladder the consensus has a value for (a scale value or na);
    /// `None` without other raters.
    pub consensus_coverage: Option<Coverage>,
    /// Per competency in framework order.
    pub competencies: Vec<CompetencyComparison>,
    /// Per indicator in walk order.
    pub indicators: Vec<IndicatorComparison>,
    /// Highest rank on the ladder.
    pub max_rank: usize,
    /// A value at least this counts as demonstrated.
    pub demonstrated_at: u32,
    /// Competencies (by name) rated on a scale of their own, with the value from which a
    /// rating of theirs counts as demonstrated.
    pub own_demonstrated_at: Vec<(String, u32)>,
}

/// Whether a relation's raters are shown by number under `--anonymous`.
pub fn hidden_when_anonymous(relation: Relation) -> bool {
    matches!(relation, Relation::Peer | Relation::Report)
}

/// A digest of a scorecard's answers: an order for anonymous raters that owes nothing to their names.
fn answers_digest(scorecard: &Scorecard) -> Vec<u8> {
    use sha2::{Digest, Sha256};
    let codes: Vec<u8> = scorecard
        .cells
        .iter()
        .map(|cell| match (cell.scale_position(), *cell == Cell::NA) {
            (Some(position), _) => u8::try_from(position + 2).unwrap_or(u8::MAX),
            (None, true) => 1,
            (None, false) => 0,
        })
        .collect();
    Sha256::digest(&codes).to_vec()
}

/// Compare the scorecards of one subject on a ladder (the caller checks they are of one subject
/// and framework). With `anonymous`, peers and reports are shown as `peer 1`, `report 1`, ...,
/// without files or notes.
pub fn compare(
    framework: &Framework,
    ladder: &Ladder,
    scorecards: &[Scorecard],
    anonymous: bool,
) -> Comparison {
    let mut ordered: Vec<&Scorecard> = scorecards.iter().collect();
    // Raters hidden by number are ordered by what they answered, not by name, so `peer 1`
    // says nothing about who it is; the others by name.
    let hidden = |s: &Scorecard| anonymous && hidden_when_anonymous(s.relation);
    ordered.sort_by_cached_key(|s| {
        if hidden(s) {
            (s.relation, String::new(), answers_digest(s), PathBuf::new())
        } else {
            (s.relation, s.rater.clone(), Vec::new(), s.file.clone())
        }
    });
    let has_self = ordered
        .first()
        .is_some_and(|s| s.relation == Relation::SelfRating);
    let offsets = offsets(framework);
    let scorecard_profile = |s: &Scorecard| {
        profile_of(framework, ladder, &offsets, &|p| {
            s.cells.get(p).and_then(|v| v.value(framework))
        })
    };
    let profiles: Vec<Profile> = ordered.iter().map(|s| scorecard_profile(s)).collect();
    let mut counters = std::collections::HashMap::new();
    let raters: Vec<RaterInfo> = ordered
        .iter()
        .zip(&profiles)
        .map(|(s, profile)| {
            if hidden(s) {
                let n = counters.entry(s.relation).or_insert(0);
                *n += 1;
                RaterInfo {
                    name: format!("{} {n}", s.relation),
                    relation: s.relation,
                    file: None,
                    complete: s.is_complete(),
                    coverage: profile.coverage(),
                }
            } else {
                RaterInfo {
                    name: s.rater.clone(),
                    relation: s.relation,
                    file: Some(s.file.display().to_string()),
                    complete: s.is_complete(),
                    coverage: profile.coverage(),
                }
            }
        })
        .collect();
    let self_sheet = has_self.then(|| ordered[0]);
    let others: Vec<&Scorecard> = ordered
        .iter()
        .skip(usize::from(has_self))
        .copied()
        .collect();
    let count = framework.indicator_count();
    let consensus_cells: Vec<Option<RatingValue>> = (0..count)
        .map(|p| consensus(others.iter().map(|s| s.cells[p].value(framework))))
        .collect();

    let self_profile = has_self.then(|| &profiles[0]);
    let other_profiles = &profiles[usize::from(has_self)..];
    let consensus_profile = (!others.is_empty())
        .then(|| profile_of(framework, ladder, &offsets, &|p| consensus_cells[p]));
    let competencies = framework
        .competencies
        .iter()
        .enumerate()
        .map(|(c, competency)| CompetencyComparison {
            id: competency.id.clone(),
            name: competency.name.clone(),
            self_standing: self_profile.map(|p| Standing::of(framework, &p.competencies[c])),
            consensus: consensus_profile
                .as_ref()
                .map(|p| Standing::of(framework, &p.competencies[c])),
            raters: other_profiles
                .iter()
                .map(|p| Standing::of(framework, &p.competencies[c]))
                .collect(),
        })
        .collect();

    let indicators = crate::assessment::gather::indicator_rows(framework)
        .into_iter()
        .zip(framework.indicators().map(|(c, _, _)| c))
        .enumerate()
        .map(|(p, ((competency, level, indicator), c))| {
            let cell = |s: &Scorecard| s.cells.get(p).copied().unwrap_or(Cell::UNRATED);
            let self_value = self_sheet.and_then(|s| cell(s).value(framework));
            let consensus = consensus_cells[p];
            let notes = ordered
                .iter()
                .enumerate()
                .filter(|(r, _)| raters[*r].file.is_some())
                .filter_map(|(r, s)| s.note(p).map(|n| (r, n.to_string())))
                .collect();
            let values: Vec<Option<RatingValue>> =
                others.iter().map(|s| cell(s).value(framework)).collect();
            IndicatorComparison {
                id: indicator.id.clone(),
                competency: competency.to_string(),
                level: level.to_string(),
                text: indicator.text.clone(),
                self_value,
                consensus,
                split: is_split(&values),
                values,
                notes,
                flag: flag(framework, c, self_value, consensus),
            }
        })
        .collect();
    Comparison {
        framework_id: framework.id.clone(),
        framework_name: framework.name.clone(),
        framework_version: framework.version.clone(),
        subject: ordered
            .first()
            .map(|s| s.subject.clone())
            .unwrap_or_default(),
        raters,
        has_self,
        self_fit: self_profile.and_then(|p| NamedFit::of(framework, p)),
        consensus_fit: consensus_profile
            .as_ref()
            .and_then(|p| NamedFit::of(framework, p)),
        consensus_coverage: consensus_profile.as_ref().map(Profile::coverage),
        competencies,
        indicators,
        max_rank: ladder.top_rank(),
        demonstrated_at: framework.demonstrated_at,
        own_demonstrated_at: framework
            .competencies
            .iter()
            .filter_map(|c| Some((c.name.clone(), c.scale.as_ref()?.demonstrated_at)))
            .collect(),
    }
}

impl Comparison {
    /// The raters other than self, in order.
    pub fn others(&self) -> &[RaterInfo] {
        &self.raters[usize::from(self.has_self)..]
    }

    /// Every evidence note, indicator by indicator: the indicator id, who wrote it (as
    /// [`Comparison::rater_label`] shows them) and the note.
    pub fn notes(&self) -> impl Iterator<Item = (&str, String, &str)> + '_ {
        self.indicators.iter().flat_map(move |i| {
            i.notes.iter().map(move |(r, note)| {
                (
                    i.id.as_str(),
                    Comparison::rater_label(&self.raters[*r]),
                    note.as_str(),
                )
            })
        })
    }

    /// `Sam Lee (manager)`, or `peer 1`.
    pub fn rater_label(rater: &RaterInfo) -> String {
        if rater.name.starts_with(rater.relation.as_str()) && rater.file.is_none() {
            rater.name.clone()
        } else {
            format!("{} ({})", rater.name, rater.relation)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(v: u32) -> Option<RatingValue> {
        Some(RatingValue::Scale(v))
    }
    const NA: Option<RatingValue> = Some(RatingValue::NotApplicable);

    #[test]
    fn an_odd_count_takes_the_middle_value() {
        assert_eq!(consensus([s(4), s(1), s(3)]), s(3));
        assert_eq!(consensus([s(2)]), s(2));
    }

    #[test]
    fn an_even_count_takes_the_lower_middle_value() {
        assert_eq!(consensus([s(4), s(2)]), s(2));
        assert_eq!(consensus([s(4), s(3), s(1), s(4)]), s(3));
    }

    #[test]
    fn na_and_unrated_are_left_out() {
        assert_eq!(consensus([s(4), NA, None, s(2), s(3)]), s(3));
        assert_eq!(consensus([NA, None]), NA);
        assert_eq!(consensus([None, None]), None);
        assert_eq!(consensus([]), None);
    }
}

//! Ratings that do not hang together: worth a second look, never a change of score.
//!
//! - an **inversion**: a competency whose higher level meets the threshold while most of a
//!   lower level's rated indicators are not demonstrated (people often rate what they aim for);
//! - **flat answers**: one value for every rated indicator of the whole assessment (at least
//!   five), or for every indicator of a competency with at least five;
//! - **missing evidence**: a demonstrated rating without a note where the framework or the level
//!   says `evidence: required`.
//!
//! The sentences are built by [`crate::report::warning`].

use serde::Serialize;

use crate::assessment::{RatingValue, Ratings};
use crate::framework::Framework;
use crate::scoring::Profile;

/// Fewest indicators a flat-answers warning is given for.
pub const FLAT_MINIMUM: usize = 5;

/// One thing worth reconsidering.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Warning {
    /// What kind of inconsistency.
    pub kind: WarningKind,
    /// Competency id; `None` for the whole assessment.
    pub competency: Option<String>,
    /// Competency name.
    pub competency_name: Option<String>,
    /// The indicators concerned, in walk order.
    pub indicators: Vec<String>,
    /// For an inversion: the lower level's id and title, and the indicators of it not
    /// demonstrated; the higher level's id and title.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub inversion: Option<Inversion>,
    /// For flat answers: the one value given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<u32>,
}

/// The two levels of an inversion.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Inversion {
    /// The lower level's id.
    pub lower: String,
    /// The competency's title for it.
    pub lower_title: String,
    /// Its rated indicators not demonstrated.
    pub lower_not_demonstrated: Vec<String>,
    /// How many of its indicators are rated.
    pub lower_rated: usize,
    /// The higher level's id.
    pub higher: String,
    /// The competency's title for it.
    pub higher_title: String,
    /// Its demonstrated indicators.
    pub higher_demonstrated: Vec<String>,
}

/// Kinds of inconsistency.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum WarningKind {
    /// A higher level demonstrated while most of a lower one is not.
    Inversion,
    /// One value for everything.
    FlatAnswers,
    /// A demonstrated rating without the note the framework asks for.
    MissingEvidence,
}

fn value(ratings: &Ratings, id: &str) -> Option<u32> {
    match ratings.get(id).map(|r| r.value) {
        Some(RatingValue::Scale(v)) => Some(v),
        _ => None,
    }
}

/// Every inconsistency in `ratings`, scored as `profile` (on its ladder): the whole-assessment
/// warning first, then per competency in framework order.
pub fn check(framework: &Framework, profile: &Profile, ratings: &Ratings) -> Vec<Warning> {
    let mut warnings = Vec::new();
    let demonstrated = |competency: usize, id: &str| {
        value(ratings, id).is_some_and(|v| v >= framework.demonstrated_at_of(competency))
    };

    // Flat over the whole assessment: every scale rating (na aside) one value. Most
    // assessments differ within their first few ratings, so the ids are collected only once
    // every value is known to be the same.
    let rated = || {
        framework
            .indicators()
            .filter_map(|(_, _, i)| value(ratings, &i.id).map(|v| (i.id.as_str(), v)))
    };
    let first = rated().next().map(|(_, v)| v);
    let whole_flat = first.is_some_and(|first| rated().all(|(_, v)| v == first))
        && rated().nth(FLAT_MINIMUM - 1).is_some();
    if whole_flat {
        let rated: Vec<(&str, u32)> = rated().collect();
        warnings.push(Warning {
            kind: WarningKind::FlatAnswers,
            competency: None,
            competency_name: None,
            indicators: rated.iter().map(|(id, _)| id.to_string()).collect(),
            inversion: None,
            value: Some(rated[0].1),
        });
    }

    for result in &profile.competencies {
        let competency = &framework.competencies[result.competency];
        let ids_at = |position: usize| {
            competency.levels[position]
                .indicators
                .iter()
                .map(|i| i.id.as_str())
        };

        // Inversion: the lowest level where most rated indicators are not demonstrated, and the
        // highest level above it whose own counts meet the threshold. Phases (`gating: false`)
        // are done in any order: a later one shown without an earlier one is no inversion.
        let lower = result
            .levels
            .iter()
            .filter(|_| result.gating)
            .find(|l| l.rated > 0 && l.demonstrated * 2 < l.rated);
        if let Some(lower) = lower {
            let higher = result
                .levels
                .iter()
                .rev()
                .take_while(|l| l.rank > lower.rank)
                .find(|l| l.rated > 0 && l.share() >= result.threshold);
            if let Some(higher) = higher {
                let lower_not: Vec<String> = ids_at(lower.position)
                    .filter(|id| {
                        value(ratings, id).is_some() && !demonstrated(result.competency, id)
                    })
                    .map(str::to_string)
                    .collect();
                let higher_yes: Vec<String> = ids_at(higher.position)
                    .filter(|id| demonstrated(result.competency, id))
                    .map(str::to_string)
                    .collect();
                warnings.push(Warning {
                    kind: WarningKind::Inversion,
                    competency: Some(competency.id.clone()),
                    competency_name: Some(competency.name.clone()),
                    indicators: lower_not.iter().chain(&higher_yes).cloned().collect(),
                    inversion: Some(Inversion {
                        lower: framework.levels[lower.level].id.clone(),
                        lower_title: framework
                            .level_title(&competency.levels[lower.position])
                            .to_string(),
                        lower_not_demonstrated: lower_not,
                        lower_rated: lower.rated,
                        higher: framework.levels[higher.level].id.clone(),
                        higher_title: framework
                            .level_title(&competency.levels[higher.position])
                            .to_string(),
                        higher_demonstrated: higher_yes,
                    }),
                    value: None,
                });
            }
        }

        // Flat within a competency of at least five indicators, every one rated the same.
        if !whole_flat {
            let ids = || result.levels.iter().flat_map(|l| ids_at(l.position));
            let first = ids().next().and_then(|id| value(ratings, id));
            if let Some(first) = first {
                if ids().nth(FLAT_MINIMUM - 1).is_some()
                    && ids().all(|id| value(ratings, id) == Some(first))
                {
                    warnings.push(Warning {
                        kind: WarningKind::FlatAnswers,
                        competency: Some(competency.id.clone()),
                        competency_name: Some(competency.name.clone()),
                        indicators: ids().map(str::to_string).collect(),
                        inversion: None,
                        value: Some(first),
                    });
                }
            }
        }

        // Evidence asked for and not given.
        let bare: Vec<String> = result
            .levels
            .iter()
            .filter(|l| {
                framework.evidence_required || competency.levels[l.position].evidence_required
            })
            .flat_map(|l| ids_at(l.position))
            .filter(|id| {
                demonstrated(result.competency, id)
                    && ratings
                        .get(*id)
                        .and_then(|r| r.note.as_deref())
                        .is_none_or(|n| n.trim().is_empty())
            })
            .map(str::to_string)
            .collect();
        if !bare.is_empty() {
            warnings.push(Warning {
                kind: WarningKind::MissingEvidence,
                competency: Some(competency.id.clone()),
                competency_name: Some(competency.name.clone()),
                indicators: bare,
                inversion: None,
                value: None,
            });
        }
    }
    warnings
}

//! Scores per competency over several assessments of one framework, in date order.

use serde::Serialize;

use crate::assessment::Assessment;
use crate::error::{BadInput, Diagnostic};
use crate::framework::{Framework, Ladder};
use crate::scoring;
use crate::scoring::level_title_for;

/// One assessment to place on the timeline.
#[derive(Debug, Clone, Copy)]
pub struct HistoryPoint<'a> {
    /// How the file is named in output.
    pub label: &'a str,
    /// The assessment.
    pub assessment: &'a Assessment,
    /// The framework its ratings are scored against.
    pub framework: &'a Framework,
    /// The ladder (every level, or a track's) ranks are counted on.
    pub ladder: &'a Ladder,
}

/// The timeline.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct History {
    /// The framework id shared by every assessment.
    pub framework: String,
    /// Name of the framework (from the newest assessment's framework).
    pub name: String,
    /// The assessments, oldest first.
    pub assessments: Vec<Dated>,
    /// One series per competency: the newest framework's order, then any only older ones have.
    pub competencies: Vec<Series>,
    /// What the target levels of the series are; `None` without a target.
    pub target: Option<String>,
}

/// An assessment's place on the timeline.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Dated {
    /// The file, as named by the user.
    pub file: String,
    /// The time it is placed at: completion, or start while in progress (RFC 3339, as recorded).
    pub date: String,
    /// Whether the assessment is complete.
    pub completed: bool,
    /// The person assessed, if named.
    pub subject: Option<String>,
    /// Version of the framework it was scored against.
    pub version: String,
}

/// One competency over time.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Series {
    /// Competency id.
    pub id: String,
    /// Competency name.
    pub name: String,
    /// Rank of the highest level on the competency's ladder (newest framework that has it).
    pub top_rank: usize,
    /// Score per assessment, oldest first; `None` where that framework lacks the competency or
    /// the assessment rated none of its indicators (yet): not assessed is not a score of 0.
    pub scores: Vec<Option<f64>>,
    /// Level id held per assessment; `None` for no level, or where there is no score.
    pub levels: Vec<Option<String>>,
    /// Title of the level held per assessment.
    pub titles: Vec<Option<String>>,
    /// The first score there is.
    pub first: Option<f64>,
    /// The last score there is.
    pub last: Option<f64>,
    /// last - first.
    pub change: Option<f64>,
    /// The target level, as `2 · Title`, when a target applies to the competency.
    pub target: Option<String>,
    /// Levels still to climb to the target in the newest assessment (0 when met).
    pub gap: Option<usize>,
}

/// Whether the assessment gave any of the competency's indicators a rating (value or na).
fn rated_any(point: &HistoryPoint<'_>, competency: usize) -> bool {
    point.framework.competencies[competency]
        .levels
        .iter()
        .flat_map(|l| &l.indicators)
        .any(|i| point.assessment.ratings.contains_key(&i.id))
}

/// Build the timeline; points are sorted by date (file label among equal dates).
/// Fails, naming the file, when a date does not parse.
pub fn history(points: &[HistoryPoint<'_>]) -> Result<History, BadInput> {
    let mut dated = points
        .iter()
        .map(|p| {
            p.assessment.placed_at().map(|t| (t, *p)).map_err(|e| {
                BadInput::located(
                    e.problems
                        .into_iter()
                        .map(|d| Diagnostic::file_error(p.label, d.message))
                        .collect(),
                )
            })
        })
        .collect::<Result<Vec<_>, _>>()?;
    dated.sort_by(|(a, pa), (b, pb)| a.cmp(b).then_with(|| pa.label.cmp(pb.label)));
    let points: Vec<HistoryPoint<'_>> = dated.into_iter().map(|(_, p)| p).collect();

    let profiles: Vec<_> = points
        .iter()
        .map(|p| scoring::profile_on(p.framework, p.ladder, &p.assessment.ratings))
        .collect();

    let mut ids: Vec<(&str, &str, usize)> = Vec::new();
    for p in points.iter().rev() {
        for c in &p.framework.competencies {
            if !ids.iter().any(|(id, _, _)| *id == c.id) {
                let top = c
                    .levels
                    .iter()
                    .rev()
                    .find_map(|l| p.ladder.rank(l.level))
                    .unwrap_or(0);
                ids.push((&c.id, &c.name, top));
            }
        }
    }

    let competencies = ids
        .into_iter()
        .map(|(id, name, top_rank)| {
            let mut scores = Vec::new();
            let mut levels = Vec::new();
            let mut titles = Vec::new();
            for (p, profile) in points.iter().zip(&profiles) {
                let result = p
                    .framework
                    .competency_index(id)
                    .filter(|&c| rated_any(p, c))
                    .map(|c| (c, &profile.competencies[c]));
                scores.push(result.and_then(|(_, r)| r.score));
                let current = result.and_then(|(c, r)| r.current.map(|l| (c, l)));
                levels.push(current.map(|(_, l)| p.framework.levels[l].id.clone()));
                titles.push(current.map(|(c, l)| level_title_for(p.framework, c, l)));
            }
            let first = scores.iter().flatten().next().copied();
            let last = scores.iter().flatten().last().copied();
            Series {
                id: id.to_string(),
                name: name.to_string(),
                top_rank,
                change: first.zip(last).map(|(f, l)| l - f),
                scores,
                levels,
                titles,
                first,
                last,
                target: None,
                gap: None,
            }
        })
        .collect();

    let newest = points.last();
    Ok(History {
        framework: newest.map(|p| p.framework.id.clone()).unwrap_or_default(),
        name: newest.map(|p| p.framework.name.clone()).unwrap_or_default(),
        assessments: points
            .iter()
            .map(|p| Dated {
                file: p.label.to_string(),
                date: p
                    .assessment
                    .completed_at
                    .clone()
                    .unwrap_or_else(|| p.assessment.started_at.clone()),
                completed: p.assessment.completed_at.is_some(),
                subject: p.assessment.subject.clone(),
                version: p.framework.version.clone(),
            })
            .collect(),
        competencies,
        target: None,
    })
}

//! The comparison as JSON: the contract's fields (section 5) plus whether each rater's
//! assessment is complete and each indicator's competency and level.

use serde::Serialize;

use crate::assessment::{RatingValue, Relation};
use crate::compare::{Comparison, Flag, Standing};
use crate::report::ReportCoverage;
use crate::scoring::NamedFit;

#[derive(Serialize)]
struct Document<'a> {
    framework: FrameworkId<'a>,
    subject: &'a str,
    raters: Vec<Rater<'a>>,
    competencies: Vec<Competency<'a>>,
    indicators: Vec<Indicator<'a>>,
    best_fit: BestFits<'a>,
    consensus_coverage: Option<ReportCoverage>,
}

#[derive(Serialize)]
struct FrameworkId<'a> {
    id: &'a str,
    version: &'a str,
}

/// The best-fit role of self and of the consensus.
#[derive(Serialize)]
struct BestFits<'a> {
    #[serde(rename = "self")]
    self_fit: Option<&'a NamedFit>,
    consensus: Option<&'a NamedFit>,
}

#[derive(Serialize)]
struct Rater<'a> {
    name: &'a str,
    relation: Relation,
    file: Option<&'a str>,
    complete: bool,
    coverage: ReportCoverage,
}

#[derive(Serialize)]
struct Competency<'a> {
    id: &'a str,
    name: &'a str,
    #[serde(rename = "self")]
    self_standing: Option<&'a Standing>,
    consensus: Option<&'a Standing>,
    raters: Vec<RaterStanding<'a>>,
}

#[derive(Serialize)]
struct RaterStanding<'a> {
    name: &'a str,
    relation: Relation,
    #[serde(flatten)]
    standing: &'a Standing,
}

#[derive(Serialize)]
struct Indicator<'a> {
    id: &'a str,
    competency: &'a str,
    level: &'a str,
    #[serde(rename = "self")]
    self_value: Option<RatingValue>,
    consensus: Option<RatingValue>,
    values: Vec<Value<'a>>,
    flag: Option<Flag>,
    /// The other raters' values differ by 2 or more.
    split: bool,
}

#[derive(Serialize)]
struct Value<'a> {
    name: &'a str,
    relation: Relation,
    value: Option<RatingValue>,
    #[serde(skip_serializing_if = "Option::is_none")]
    note: Option<&'a str>,
}

/// Pretty JSON with a trailing newline.
pub fn render(comparison: &Comparison) -> String {
    let others = comparison.others();
    let offset = usize::from(comparison.has_self);
    let document = Document {
        framework: FrameworkId {
            id: &comparison.framework_id,
            version: &comparison.framework_version,
        },
        subject: &comparison.subject,
        raters: comparison
            .raters
            .iter()
            .map(|r| Rater {
                name: &r.name,
                relation: r.relation,
                file: r.file.as_deref(),
                complete: r.complete,
                coverage: r.coverage.into(),
            })
            .collect(),
        competencies: comparison
            .competencies
            .iter()
            .map(|c| Competency {
                id: &c.id,
                name: &c.name,
                self_standing: c.self_standing.as_ref(),
                consensus: c.consensus.as_ref(),
                raters: others
                    .iter()
                    .zip(&c.raters)
                    .map(|(r, standing)| RaterStanding {
                        name: &r.name,
                        relation: r.relation,
                        standing,
                    })
                    .collect(),
            })
            .collect(),
        indicators: comparison
            .indicators
            .iter()
            .map(|i| Indicator {
                id: &i.id,
                competency: &i.competency,
                level: &i.level,
                self_value: i.self_value,
                consensus: i.consensus,
                values: others
                    .iter()
                    .enumerate()
                    .map(|(n, r)| Value {
                        name: &r.name,
                        relation: r.relation,
                        value: i.values[n],
                        note: i
                            .notes
                            .iter()
                            .find(|(at, _)| *at == n + offset)
                            .map(|(_, note)| note.as_str()),
                    })
                    .collect(),
                flag: i.flag,
                split: i.split,
            })
            .collect(),
        best_fit: BestFits {
            self_fit: comparison.self_fit.as_ref(),
            consensus: comparison.consensus_fit.as_ref(),
        },
        consensus_coverage: comparison.consensus_coverage.map(Into::into),
    };
    let mut text = crate::render::safe::json_pretty(&document);
    text.push('\n');
    text
}

//! The team as JSON: the contract's fields (section 5) plus the view, how many raters count
//! per person, the people without an assessment of the view, and single points of failure.

use std::io::Write;

use serde::ser::{SerializeMap, Serializer};
use serde::Serialize;

use crate::compare::Standing;
use crate::report::ReportCoverage;
use crate::scoring::NamedFit;
use crate::team::{CompetencyStats, Member, Team, View};

#[derive(Serialize)]
struct Document<'a> {
    framework: FrameworkId<'a>,
    view: String,
    #[serde(serialize_with = "members")]
    subjects: (&'a [Member], &'a [String]),
    competencies: Vec<Competency<'a>>,
    without: &'a [String],
}

#[derive(Serialize)]
struct FrameworkId<'a> {
    id: &'a str,
    version: &'a str,
}

#[derive(Serialize)]
struct Subject<'a> {
    subject: &'a str,
    file: Option<&'a str>,
    complete: bool,
    raters: usize,
    coverage: ReportCoverage,
    best_fit: Option<&'a NamedFit>,
    competencies: Vec<Level<'a>>,
}

#[derive(Serialize)]
struct Level<'a> {
    id: &'a str,
    #[serde(flatten)]
    standing: &'a Standing,
}

#[derive(Serialize)]
struct Competency<'a> {
    id: &'a str,
    name: &'a str,
    #[serde(serialize_with = "distribution")]
    distribution: &'a [(String, usize)],
    target: Option<&'a str>,
    met: Option<usize>,
    holders: &'a [String],
    single_point_of_failure: bool,
}

fn members<S: Serializer>(
    value: &(&[Member], &[String]),
    serializer: S,
) -> Result<S::Ok, S::Error> {
    let (members, ids) = *value;
    serializer.collect_seq(members.iter().map(|m| {
        Subject {
            subject: &m.subject,
            file: m.file.as_deref(),
            complete: m.complete,
            raters: m.raters,
            coverage: m.coverage.into(),
            best_fit: m.fit.as_ref(),
            competencies: ids
                .iter()
                .zip(&m.competencies)
                .map(|(id, standing)| Level { id, standing })
                .collect(),
        }
    }))
}

fn distribution<S: Serializer>(
    value: &&[(String, usize)],
    serializer: S,
) -> Result<S::Ok, S::Error> {
    let mut map = serializer.serialize_map(Some(value.len()))?;
    for (level, count) in value.iter() {
        map.serialize_entry(level, count)?;
    }
    map.end()
}

/// Stream pretty JSON, with a trailing newline, to a writer.
pub fn write(team: &Team, mut writer: impl Write) -> std::io::Result<()> {
    let ids: Vec<String> = team.competencies.iter().map(|c| c.id.clone()).collect();
    let document = Document {
        framework: FrameworkId {
            id: &team.framework_id,
            version: &team.framework_version,
        },
        view: match team.view {
            View::Relation(r) => r.to_string(),
            View::Consensus => "consensus".to_string(),
        },
        subjects: (&team.members, &ids),
        competencies: team.competencies.iter().map(competency).collect(),
        without: &team.without_view,
    };
    crate::render::safe::write_json_pretty(&mut writer, &document)?;
    writer.write_all(b"\n")?;
    writer.flush()
}

fn competency(c: &CompetencyStats) -> Competency<'_> {
    Competency {
        id: &c.id,
        name: &c.name,
        distribution: &c.distribution,
        target: c.target.as_deref(),
        met: c.met,
        holders: &c.holders,
        single_point_of_failure: c.single_point(),
    }
}

/// The same JSON as a String.
pub fn render(team: &Team) -> String {
    crate::render::document::written(|out| write(team, out))
}

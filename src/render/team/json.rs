//! The team as JSON: the contract's fields (section 5) plus the view, how many raters count
//! per person, the people without an assessment of the view, and single points of failure.

use std::io::Write;

use serde::ser::{SerializeMap, Serializer};
use serde::Serialize;

use crate::compare::Standing;
use crate::report::ReportCoverage;
use crate::scoring::NamedFit;
use crate::team::{CompetencyStats, Member, OverTime, Team, View};

#[derive(Serialize)]
struct Document<'a> {
    framework: FrameworkId<'a>,
    view: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    rounds: Option<&'a [String]>,
    #[serde(serialize_with = "members")]
    subjects: (&'a [Member], &'a [String], Option<&'a OverTime>),
    competencies: Vec<Competency<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    movement: Option<Vec<Moved<'a>>>,
    without: &'a [String],
}

#[derive(Serialize)]
struct Round<'a> {
    round: &'a str,
    competencies: Vec<Level<'a>>,
}

#[derive(Serialize)]
struct RoundDistribution<'a> {
    round: &'a str,
    #[serde(serialize_with = "distribution")]
    distribution: &'a [(String, usize)],
}

#[derive(Serialize)]
struct Moved<'a> {
    subject: &'a str,
    competency: &'a str,
    from_round: &'a str,
    to_round: &'a str,
    before: Level<'a>,
    after: Level<'a>,
    change: &'static str,
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
    track: Option<&'a str>,
    best_fit: Option<&'a NamedFit>,
    competencies: Vec<Level<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    rounds: Option<Vec<Round<'a>>>,
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
    #[serde(skip_serializing_if = "Option::is_none")]
    rounds: Option<Vec<RoundDistribution<'a>>>,
}

fn members<S: Serializer>(
    value: &(&[Member], &[String], Option<&OverTime>),
    serializer: S,
) -> Result<S::Ok, S::Error> {
    let (members, ids, over) = *value;
    fn levels<'a>(ids: &'a [String], standings: &'a [Standing]) -> Vec<Level<'a>> {
        ids.iter()
            .zip(standings)
            .map(|(id, standing)| Level { id, standing })
            .collect()
    }
    serializer.collect_seq(members.iter().map(|m| Subject {
        subject: &m.subject,
        file: m.file.as_deref(),
        complete: m.complete,
        raters: m.raters,
        coverage: m.coverage.into(),
        track: m.track.as_deref(),
        best_fit: m.fit.as_ref(),
        competencies: levels(ids, &m.competencies),
        rounds: over.map(|over| {
            over.of(&m.subject)
                .iter()
                .map(|(round, standings)| Round {
                    round: &over.labels[*round],
                    competencies: levels(ids, standings),
                })
                .collect()
        }),
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
    let over = team.over_time.as_ref();
    let document = Document {
        framework: FrameworkId {
            id: &team.framework_id,
            version: &team.framework_version,
        },
        view: match team.view {
            View::Relation(r) => r.to_string(),
            View::Consensus => "consensus".to_string(),
        },
        rounds: over.map(|o| o.labels.as_slice()),
        subjects: (&team.members, &ids, over),
        competencies: team
            .competencies
            .iter()
            .enumerate()
            .map(|(c, stats)| competency(stats, c, over))
            .collect(),
        movement: over.map(|o| {
            o.moves
                .iter()
                .map(|m| Moved {
                    subject: &m.subject,
                    competency: &team.competencies[m.competency].id,
                    from_round: &o.labels[m.from],
                    to_round: &o.labels[m.to],
                    before: Level {
                        id: &team.competencies[m.competency].id,
                        standing: &m.before,
                    },
                    after: Level {
                        id: &team.competencies[m.competency].id,
                        standing: &m.after,
                    },
                    change: m.change(),
                })
                .collect()
        }),
        without: &team.without_view,
    };
    crate::render::safe::write_json_pretty(&mut writer, &document)?;
    writer.write_all(b"\n")?;
    writer.flush()
}

fn competency<'a>(c: &'a CompetencyStats, at: usize, over: Option<&'a OverTime>) -> Competency<'a> {
    Competency {
        rounds: over.map(|o| {
            o.labels
                .iter()
                .zip(&o.distributions)
                .map(|(round, per_competency)| RoundDistribution {
                    round,
                    distribution: &per_competency[at],
                })
                .collect()
        }),
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

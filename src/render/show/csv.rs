//! `rungs show --format csv`: the framework as a sheet, one row per indicator, in the columns
//! `rungs import sheet` reads ([`sheet::COLUMNS`]), and its roles one row per role and
//! competency ([`sheet::ROLE_COLUMNS`]), so the sheets import back the same.
//!
//! Every cell goes through [`sheet::protect_cell`]: a text starting with `=`, `+`, `-` or `@`
//! opens as text in a spreadsheet, and the import takes the added apostrophe off again.

use crate::framework::sheet::{self, Column, RoleColumn, COLUMNS, NO_INDICATORS, ROLE_COLUMNS};
use crate::framework::{Competency, CompetencyLevel, Framework, Indicator};

/// A CSV writer as a spreadsheet reads it best: RFC 4180, CRLF line ends.
fn writer() -> csv::Writer<Vec<u8>> {
    csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new())
}

fn text_of(writer: csv::Writer<Vec<u8>>) -> String {
    let bytes = writer.into_inner().unwrap_or_default();
    String::from_utf8(bytes).unwrap_or_default()
}

/// The sheet as CSV, with a header row. A competency level without indicators gets one row
/// whose indicator cell says so ([`NO_INDICATORS`]), so the competency keeps the level.
pub fn render(framework: &Framework) -> String {
    let mut writer = writer();
    let _ = writer.write_record(COLUMNS.iter().map(|c| c.name()));
    for competency in &framework.competencies {
        for level in &competency.levels {
            let mut rows: Vec<Option<&Indicator>> = level.indicators.iter().map(Some).collect();
            if rows.is_empty() {
                rows.push(None);
            }
            for indicator in rows {
                let record = COLUMNS
                    .iter()
                    .map(|&column| cell(framework, competency, level, indicator, column));
                let _ = writer.write_record(record.map(|c| sheet::protect_cell(&c)));
            }
        }
    }
    text_of(writer)
}

/// The roles (targets) as CSV, one row per role and competency, with a header row.
pub fn roles(framework: &Framework) -> String {
    let mut writer = writer();
    let _ = writer.write_record(ROLE_COLUMNS.iter().map(|c| c.name()));
    for target in &framework.targets {
        // A role that asks no level yet is one row without competency and level.
        let asked: Vec<Option<(usize, usize)>> = if target.levels.is_empty() {
            vec![None]
        } else {
            target.levels.iter().copied().map(Some).collect()
        };
        for pair in asked {
            let record = ROLE_COLUMNS.iter().map(|column| match column {
                RoleColumn::Role => target.name.clone(),
                RoleColumn::RoleId => target.id.clone(),
                RoleColumn::RoleDescription => target.description.clone().unwrap_or_default(),
                RoleColumn::Track => target
                    .track
                    .map(|t| framework.tracks[t].id.clone())
                    .unwrap_or_default(),
                RoleColumn::Competency => pair
                    .map(|(c, _)| framework.competencies[c].id.clone())
                    .unwrap_or_default(),
                RoleColumn::Level => pair
                    .map(|(_, l)| framework.levels[l].id.clone())
                    .unwrap_or_default(),
            });
            let _ = writer.write_record(record.map(|c| sheet::protect_cell(&c)));
        }
    }
    text_of(writer)
}

/// The tracks a level is on, as names and as ids (` ; ` between several); both empty when it
/// is on every track (or the framework has none).
fn tracks_of(framework: &Framework, level: usize) -> (String, String) {
    let on: Vec<_> = framework
        .tracks
        .iter()
        .filter(|t| t.levels.contains(&level))
        .collect();
    if on.len() == framework.tracks.len() {
        return (String::new(), String::new());
    }
    let names: Vec<&str> = on.iter().map(|t| t.name.as_str()).collect();
    let ids: Vec<&str> = on.iter().map(|t| t.id.as_str()).collect();
    (names.join(" ; "), ids.join(" ; "))
}

/// The text of one cell.
fn cell(
    framework: &Framework,
    competency: &Competency,
    level: &CompetencyLevel,
    indicator: Option<&Indicator>,
    column: Column,
) -> String {
    let framework_level = &framework.levels[level.level];
    match column {
        Column::Competency => competency.name.clone(),
        Column::CompetencyId => competency.id.clone(),
        Column::CompetencyDescription => competency.description.clone().unwrap_or_default(),
        Column::Level => framework_level.name.clone(),
        Column::LevelId => framework_level.id.clone(),
        Column::LevelDescription => framework_level.description.clone().unwrap_or_default(),
        Column::Indicator => {
            indicator.map_or_else(|| NO_INDICATORS.to_string(), |i| i.text.clone())
        }
        Column::IndicatorId => indicator.map(|i| i.id.clone()).unwrap_or_default(),
        Column::Examples => indicator
            .map(|i| sheet::join_examples(&i.examples))
            .unwrap_or_default(),
        Column::Group => framework
            .group_of(competency)
            .map(|g| g.name.clone())
            .unwrap_or_default(),
        Column::GroupId => framework
            .group_of(competency)
            .map(|g| g.id.clone())
            .unwrap_or_default(),
        Column::CompetencyLevelTitle => level.title.clone().unwrap_or_default(),
        Column::CompetencyLevelDescription => level.description.clone().unwrap_or_default(),
        Column::CompetencyLevelExamples => sheet::join_examples(&level.examples),
        Column::Track => tracks_of(framework, level.level).0,
        Column::TrackId => tracks_of(framework, level.level).1,
        Column::IndicatorOrigin => indicator.and_then(|i| i.origin.clone()).unwrap_or_default(),
        Column::GroupCode => framework
            .group_of(competency)
            .and_then(|g| g.code.clone())
            .unwrap_or_default(),
        Column::CompetencyCode => competency.code.clone().unwrap_or_default(),
        Column::LevelCode => framework_level.code.clone().unwrap_or_default(),
        Column::IndicatorCode => indicator.and_then(|i| i.code.clone()).unwrap_or_default(),
        Column::Kind => indicator.and_then(|i| i.kind.clone()).unwrap_or_default(),
        Column::GroupDescription => framework
            .group_of(competency)
            .and_then(|g| g.description.clone())
            .unwrap_or_default(),
        Column::FrameworkId => framework.id.clone(),
        Column::FrameworkName => framework.name.clone(),
        Column::FrameworkVersion => framework.version.clone(),
    }
}

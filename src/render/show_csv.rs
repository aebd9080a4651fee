//! `rungs show --format csv`: the framework as a sheet, one row per indicator, in the columns
//! `rungs import csv` reads ([`sheet::COLUMNS`]), so the sheet imports back the same.
//!
//! Every cell goes through [`sheet::protect_cell`]: a text starting with `=`, `+`, `-` or `@`
//! opens as text in a spreadsheet, and the import takes the added apostrophe off again.

use crate::framework::sheet::{self, Column, COLUMNS};
use crate::framework::{Competency, CompetencyLevel, Framework, Indicator};

/// The sheet as CSV (RFC 4180, CRLF line ends), with a header row. A competency level without
/// indicators gets one row with an empty indicator, so the competency keeps the level.
pub fn render(framework: &Framework) -> String {
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
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
    let bytes = writer.into_inner().unwrap_or_default();
    String::from_utf8(bytes).unwrap_or_default()
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
        Column::Indicator => indicator.map(|i| i.text.clone()).unwrap_or_default(),
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
    }
}

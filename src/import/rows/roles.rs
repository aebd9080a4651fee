//! Phase 5: the roles sheet's rows as the framework's targets.

use std::collections::HashMap;

use super::cells::{agree_optional, id_of, At, Cells, Named, Problems};
use super::header::{header_columns, required_columns};
use super::Mapping;
use crate::framework::format::{RawFramework, RawTarget};
use crate::framework::sheet::{RoleColumn, ROLE_COLUMNS};
use crate::import::Table;

/// A role as its rows give it so far.
struct RoleEntry {
    /// Its place among the targets.
    index: usize,
    description: Option<(String, At)>,
    track: Option<(String, At)>,
}

/// Phase 5: the roles sheet's rows as targets, each competency's level named by id or name,
/// roles in order of first appearance.
pub(super) fn read_roles(
    problems: &mut Problems,
    table: &Table,
    mappings: &[Mapping],
    framework: &RawFramework,
) -> Vec<RawTarget> {
    let Some(columns) = header_columns(problems, table, &ROLE_COLUMNS, RoleColumn::name, mappings)
    else {
        return Vec::new();
    };
    required_columns(
        problems,
        &columns,
        &ROLE_COLUMNS,
        RoleColumn::is_required,
        RoleColumn::name,
    );
    if problems.has_error() {
        return Vec::new();
    }
    let mut targets: Vec<RawTarget> = Vec::new();
    let mut first_rows: HashMap<String, RoleEntry> = HashMap::new();
    for (index, row) in table.rows.iter().enumerate().skip(1) {
        let cells = Cells::new(table, &columns, index, row);
        if cells.is_blank() {
            continue;
        }
        let Some(id) = id_of(
            problems,
            "role",
            cells.trimmed(RoleColumn::RoleId),
            cells.at(RoleColumn::RoleId),
            cells.trimmed(RoleColumn::Role),
            cells.at(RoleColumn::Role),
        ) else {
            continue;
        };
        let what = Named("role", &id);
        let entry = first_rows.entry(id.to_string()).or_insert_with(|| {
            targets.push(RawTarget {
                id: id.to_string(),
                name: cells.trimmed(RoleColumn::Role).to_string(),
                ..RawTarget::default()
            });
            RoleEntry {
                index: targets.len() - 1,
                description: None,
                track: None,
            }
        });
        let target = &mut targets[entry.index];
        role_texts(problems, &cells, &what, entry, target, framework);
        role_level(problems, &cells, &what, target, framework);
    }
    targets
}

/// A role row's name (the same as its first row's), description and track.
fn role_texts(
    problems: &mut Problems,
    cells: &Cells<RoleColumn>,
    what: &Named<'_>,
    entry: &mut RoleEntry,
    target: &mut RawTarget,
    framework: &RawFramework,
) {
    if target.name != cells.trimmed(RoleColumn::Role) {
        problems.error(
            cells.at(RoleColumn::Role),
            format!(
                "{what} is named {:?} here but {:?} on an earlier row; give every row the same",
                cells.trimmed(RoleColumn::Role),
                target.name
            ),
        );
    }
    if let Some(d) = cells.non_blank(RoleColumn::RoleDescription) {
        agree_optional(
            problems,
            what,
            "description",
            &mut entry.description,
            d,
            cells.at(RoleColumn::RoleDescription),
        );
        target.description = entry.description.as_ref().map(|(d, _)| d.clone());
    }
    let track_cell = cells.trimmed(RoleColumn::Track);
    if !track_cell.is_empty() {
        let found = framework
            .tracks
            .iter()
            .find(|t| t.id == track_cell || t.name == track_cell);
        match found {
            Some(t) => {
                agree_optional(
                    problems,
                    what,
                    "track",
                    &mut entry.track,
                    &t.id,
                    cells.at(RoleColumn::Track),
                );
                target.track = entry.track.as_ref().map(|(t, _)| t.clone());
            }
            None => problems.error(
                cells.at(RoleColumn::Track),
                unknown("track", track_cell, framework.tracks.iter().map(|t| &t.id)),
            ),
        }
    }
}

/// The level a role row asks of a competency, both named by id or name; a row with neither
/// asks nothing (yet).
fn role_level(
    problems: &mut Problems,
    cells: &Cells<RoleColumn>,
    what: &Named<'_>,
    target: &mut RawTarget,
    framework: &RawFramework,
) {
    let competency_cell = cells.trimmed(RoleColumn::Competency);
    let level_cell = cells.trimmed(RoleColumn::Level);
    // A row with neither says the role asks no level (yet).
    if competency_cell.is_empty() && level_cell.is_empty() {
        return;
    }
    let competency = framework
        .competencies
        .iter()
        .find(|c| c.id == competency_cell || c.name == competency_cell);
    let level = framework
        .levels
        .iter()
        .find(|l| l.id == level_cell || l.name == level_cell);
    let Some(competency) = competency else {
        problems.error(
            cells.at(RoleColumn::Competency),
            unknown(
                "competency",
                competency_cell,
                framework.competencies.iter().map(|c| &c.id),
            ),
        );
        return;
    };
    let Some(level) = level else {
        problems.error(
            cells.at(RoleColumn::Level),
            unknown("level", level_cell, framework.levels.iter().map(|l| &l.id)),
        );
        return;
    };
    if let Some((_, given)) = target.levels.0.iter().find(|(c, _)| c == &competency.id) {
        if given != &level.id {
            problems.error(
                cells.at(RoleColumn::Level),
                format!(
                    "{what} asks level {:?} of competency {:?} here but {given:?} on an earlier row; give it once",
                    level.id, competency.id
                ),
            );
        }
        return;
    }
    target
        .levels
        .0
        .push((competency.id.clone(), level.id.clone()));
}

/// "unknown competency "X"; the competencies are: a, b" (the first few).
fn unknown<'a>(what: &str, given: &str, ids: impl Iterator<Item = &'a String>) -> String {
    let ids: Vec<&str> = ids.map(String::as_str).collect();
    let shown: Vec<&str> = ids.iter().take(12).copied().collect();
    let more = if ids.len() > shown.len() { ", ..." } else { "" };
    if given.is_empty() {
        format!("empty {what}: give its id or name")
    } else {
        format!(
            "no {what} {:?} in the framework sheet; give an id or a name of: {}{more}",
            crate::render::safe::visible(given),
            shown.join(", ")
        )
    }
}

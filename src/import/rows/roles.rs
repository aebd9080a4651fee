//! Phase 5: the roles sheet's rows as the framework's targets.

use std::collections::HashMap;

use super::cells::{agree_optional, folded, id_of, At, Cells, Named, Problems};
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
    /// Each competency it asks a level of, and that pair's place in its target's levels.
    asked: HashMap<String, usize>,
}

/// The first of a list's items whose id or name is a cell's text, looked up rather than
/// searched for: a roles sheet may name thousands of competencies.
struct ByIdOrName<'f> {
    ids: HashMap<&'f str, usize>,
    names: HashMap<&'f str, usize>,
    /// Names with case and spacing set aside, for a cell typed another way.
    folded: HashMap<String, usize>,
}

impl<'f> ByIdOrName<'f> {
    fn new(items: impl Iterator<Item = (&'f str, &'f str)>) -> ByIdOrName<'f> {
        let mut index = ByIdOrName {
            ids: HashMap::new(),
            names: HashMap::new(),
            folded: HashMap::new(),
        };
        for (i, (id, name)) in items.enumerate() {
            index.ids.entry(id).or_insert(i);
            index.names.entry(name).or_insert(i);
            index.folded.entry(folded(name)).or_insert(i);
        }
        index
    }

    /// The place of the first item with this id or this name (else this name in another case
    /// or spacing).
    fn find(&self, cell: &str) -> Option<usize> {
        match (self.ids.get(cell), self.names.get(cell)) {
            (Some(&a), Some(&b)) => Some(a.min(b)),
            (None, None) => self.folded.get(&folded(cell)).copied(),
            (a, b) => a.or(b).copied(),
        }
    }
}

/// The framework the roles name, with its tracks, competencies and levels by id or name.
struct Known<'f> {
    framework: &'f RawFramework,
    tracks: ByIdOrName<'f>,
    competencies: ByIdOrName<'f>,
    levels: ByIdOrName<'f>,
}

impl<'f> Known<'f> {
    fn new(framework: &'f RawFramework) -> Known<'f> {
        Known {
            framework,
            tracks: ByIdOrName::new(
                framework
                    .tracks
                    .iter()
                    .map(|t| (t.id.as_str(), t.name.as_str())),
            ),
            competencies: ByIdOrName::new(
                framework
                    .competencies
                    .iter()
                    .map(|c| (c.id.as_str(), c.name.as_str())),
            ),
            levels: ByIdOrName::new(
                framework
                    .levels
                    .iter()
                    .map(|l| (l.id.as_str(), l.name.as_str())),
            ),
        }
    }
}

/// Phase 5: the roles sheet's rows as targets, each competency's level named by id or name,
/// roles in order of first appearance. Without a framework (its sheet could not be read) only
/// the header is checked.
pub(super) fn read_roles(
    problems: &mut Problems,
    table: &Table,
    mappings: &[Mapping],
    framework: Option<&RawFramework>,
) -> Vec<RawTarget> {
    let Some(columns) = header_columns(
        problems,
        table,
        &ROLE_COLUMNS,
        RoleColumn::name,
        mappings,
        &|_| false,
    ) else {
        return Vec::new();
    };
    required_columns(
        problems,
        &columns,
        &ROLE_COLUMNS,
        RoleColumn::is_required,
        RoleColumn::name,
    );
    let Some(framework) = framework.filter(|_| !problems.has_error()) else {
        return Vec::new();
    };
    let known = Known::new(framework);
    let mut targets: Vec<RawTarget> = Vec::new();
    let mut first_rows: HashMap<String, RoleEntry> = HashMap::new();
    for (index, row) in table.rows().enumerate().skip(1) {
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
                asked: HashMap::new(),
            }
        });
        let target = &mut targets[entry.index];
        role_texts(problems, &cells, &what, entry, target, &known);
        role_level(problems, &cells, &what, entry, target, &known);
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
    known: &Known<'_>,
) {
    let framework = known.framework;
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
        let found = known
            .tracks
            .find(track_cell)
            .and_then(|i| framework.tracks.get(i));
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
    entry: &mut RoleEntry,
    target: &mut RawTarget,
    known: &Known<'_>,
) {
    let framework = known.framework;
    let competency_cell = cells.trimmed(RoleColumn::Competency);
    let level_cell = cells.trimmed(RoleColumn::Level);
    // A row with neither says the role asks no level (yet).
    if competency_cell.is_empty() && level_cell.is_empty() {
        return;
    }
    let competency = known
        .competencies
        .find(competency_cell)
        .and_then(|i| framework.competencies.get(i));
    let level = known
        .levels
        .find(level_cell)
        .and_then(|i| framework.levels.get(i));
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
    if let Some((_, given)) = entry
        .asked
        .get(&competency.id)
        .and_then(|&i| target.levels.0.get(i))
    {
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
    entry
        .asked
        .insert(competency.id.clone(), target.levels.0.len());
    target
        .levels
        .0
        .push((competency.id.clone(), level.id.clone()));
}

/// "unknown competency "X"; the competencies are: a, b" (the first few).
fn unknown<'a>(what: &str, given: &str, ids: impl Iterator<Item = &'a String>) -> String {
    // The first 12, and whether there are more: not every id, for each row that names none.
    let ids: Vec<&str> = ids.map(String::as_str).take(13).collect();
    let shown = &ids[..ids.len().min(12)];
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

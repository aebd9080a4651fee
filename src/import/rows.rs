//! `rungs import sheet`: the one mapping from a sheet's rows to a framework, whatever the
//! container ([`super::table`]) — one row per indicator, and optionally a roles sheet, one row
//! per role and competency.
//!
//! The columns are [`sheet::COLUMNS`] and [`sheet::ROLE_COLUMNS`], matched by header name (case,
//! spaces, hyphens and underscores do not matter) or by a `--column HEADER=FIELD` mapping.
//!
//! The phases: the header gives each column its field ([`header_columns`]); each row adds its
//! competency, level, competency level, tracks and indicator ([`Gathered::read_row`]); the
//! levels are ordered ([`level_order`]); the framework is built ([`Gathered::into_framework`]);
//! the roles sheet gives the targets ([`read_roles`]).
//!
//! Levels are ordered so that every competency's levels, and every track's, come in the order
//! the rows give them; where that leaves a choice, by first appearance. Ids that are not given
//! are made from the names (slugs); indicator ids from `<competency>.<level>.<n>`, as the
//! framework format does for an indicator written as a plain string.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::hash::Hash;

use csv::StringRecord;

use super::{Imported, Options, Table};
use crate::framework::format::*;
use crate::framework::sheet::{self, Column, RoleColumn, COLUMNS, NO_INDICATORS, ROLE_COLUMNS};
use crate::framework::{Diagnostic, LoadError, Severity};

/// A `--column HEADER=FIELD` mapping: a sheet's own header read as one of rungs's fields.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mapping {
    /// The sheet's header.
    pub header: String,
    /// The field it is read as ([`sheet::fields`]).
    pub field: &'static str,
}

impl Mapping {
    /// `HEADER=FIELD`, with FIELD one of [`sheet::fields`] (matched as headers are); the error
    /// says what is wrong and lists the fields.
    pub fn parse(text: &str) -> Result<Mapping, String> {
        let fields = sheet::fields();
        let Some((header, field)) = text.rsplit_once('=') else {
            return Err(format!(
                "--column {text:?} is not HEADER=FIELD; FIELD is one of: {}",
                fields.join(", ")
            ));
        };
        let Some(&field) = fields.iter().find(|f| sheet::same_header(f, field)) else {
            return Err(format!(
                "--column {text:?}: {:?} is not a field; the fields are: {}",
                field.trim(),
                fields.join(", ")
            ));
        };
        if header.trim().is_empty() {
            return Err(format!("--column {text:?} names no header"));
        }
        Ok(Mapping {
            header: header.trim().to_string(),
            field,
        })
    }
}

/// A sheet to read, and the name of its file in messages.
pub struct Sheet<'a> {
    /// The file, as shown in messages.
    pub file: &'a str,
    /// Its rows.
    pub table: &'a Table,
}

/// Read a framework sheet, and a roles sheet when given. Every problem found is returned, each
/// at its row and column.
pub fn import(
    framework: Sheet<'_>,
    roles: Option<Sheet<'_>>,
    options: &Options,
    mappings: &[Mapping],
) -> Result<Imported, LoadError> {
    let mut problems = Problems::new(framework.file);
    let table = framework.table;
    let Some(columns) = header_columns(&mut problems, table, &COLUMNS, Column::name, mappings)
    else {
        return Err(problems.into_error());
    };
    required_columns(
        &mut problems,
        &columns,
        &COLUMNS,
        Column::is_required,
        Column::name,
    );
    if problems.has_error() {
        return Err(problems.into_error());
    }
    let mut gathered = Gathered::default();
    for (index, row) in table.rows.iter().enumerate().skip(1) {
        gathered.read_row(&mut problems, &columns, table, index, row);
    }
    gathered.check_empty_levels(&mut problems);
    let order = level_order(&mut problems, &gathered);
    if problems.has_error() {
        return Err(problems.into_error());
    }
    let mut raw = gathered.into_framework(&order, framework.file, options);
    let mut warnings = problems.diagnostics;
    if let Some(roles) = roles {
        let mut role_problems = Problems::new(roles.file);
        raw.targets = read_roles(&mut role_problems, roles.table, mappings, &raw);
        if role_problems.has_error() {
            role_problems.diagnostics.extend(warnings);
            return Err(role_problems.into_error());
        }
        warnings.extend(role_problems.diagnostics);
    }
    Ok(Imported {
        framework: raw,
        warnings,
        about: None,
    })
}

/// Which cell of a row holds each field: a handful of pairs, looked up for every cell read, so
/// a list, not a hash map.
struct ColumnMap<C>(Vec<(C, usize)>);

impl<C: Copy + PartialEq> ColumnMap<C> {
    fn get(&self, column: C) -> Option<usize> {
        self.0.iter().find(|(c, _)| *c == column).map(|&(_, i)| i)
    }

    fn insert(&mut self, column: C, index: usize) {
        self.0.push((column, index));
    }
}

/// A place in the sheet: 1-based row and column, as a spreadsheet numbers them.
#[derive(Debug, Clone, Copy)]
struct At {
    row: usize,
    column: usize,
}

/// Problems found so far, errors and warnings.
struct Problems<'a> {
    file: &'a str,
    diagnostics: Vec<Diagnostic>,
}

impl<'a> Problems<'a> {
    fn new(file: &'a str) -> Problems<'a> {
        Problems {
            file,
            diagnostics: Vec::new(),
        }
    }

    fn error(&mut self, at: At, message: String) {
        self.diagnostics
            .push(Diagnostic::at(self.file, at.row, at.column, message));
    }

    fn warn(&mut self, at: At, message: String) {
        self.diagnostics
            .push(Diagnostic::at(self.file, at.row, at.column, message).warning());
    }

    fn header_error(&mut self, row: usize, message: String) {
        self.diagnostics.push(Diagnostic {
            file: self.file.to_string(),
            line: Some(row),
            column: None,
            message,
            severity: Severity::Error,
        });
    }

    fn has_error(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }

    fn into_error(mut self) -> LoadError {
        self.diagnostics
            .sort_by_key(|d| (d.line, d.column, d.severity == Severity::Warning));
        LoadError {
            diagnostics: self.diagnostics,
        }
    }
}

/// Phase 1: the field each header names (its own name, or a `--column` mapping), by position
/// in the row. A header twice is an error; one neither known nor mapped is a warning that lists
/// the fields still free to map it to. `None` when the sheet has no rows at all.
fn header_columns<C: Copy + Eq + Hash>(
    problems: &mut Problems,
    table: &Table,
    all: &[C],
    name: fn(C) -> &'static str,
    mappings: &[Mapping],
) -> Option<ColumnMap<C>> {
    let Some(header) = table.rows.first() else {
        problems
            .diagnostics
            .push(Diagnostic::file_error(problems.file, "the sheet is empty"));
        return None;
    };
    let row = table.row_number(0);
    let mut columns: ColumnMap<C> = ColumnMap(Vec::new());
    let mut unknown = Vec::new();
    for (i, cell) in header.iter().enumerate() {
        let at = At {
            row,
            column: table.column_number(i),
        };
        let field = mappings
            .iter()
            .find(|m| sheet::same_header(&m.header, cell))
            .map(|m| m.field);
        let column = match field {
            Some(field) => all.iter().copied().find(|&c| name(c) == field),
            None => all
                .iter()
                .copied()
                .find(|&c| sheet::same_header(name(c), cell)),
        };
        match column {
            Some(column) => {
                if let Some(first) = columns.get(column) {
                    problems.error(
                        at,
                        format!(
                            "column {:?} appears twice (first in column {}); keep one",
                            name(column),
                            table.column_number(first)
                        ),
                    );
                } else {
                    columns.insert(column, i);
                }
            }
            None if cell.trim().is_empty() => {}
            // Mapped to a field of the other sheet: read there, not here.
            None if field.is_some() => {}
            None => unknown.push((at, cell.trim())),
        }
    }
    let free: Vec<&str> = all
        .iter()
        .filter(|&&c| columns.get(c).is_none())
        .map(|&c| name(c))
        .collect();
    // A sheet of many columns not read is said in a few lines and a count, not a line each.
    let more = unknown.len().saturating_sub(UNREAD_COLUMNS_SHOWN);
    let first_unsaid = unknown.get(UNREAD_COLUMNS_SHOWN).map(|&(at, _)| at);
    for (at, header) in unknown.into_iter().take(UNREAD_COLUMNS_SHOWN) {
        let header = crate::render::safe::visible(header);
        problems.warn(
            at,
            if free.is_empty() {
                format!("column {header:?} is not read: every field already has a column")
            } else {
                format!(
                    "column {header:?} is not read; to read it, add --column '{header}=FIELD' with FIELD one of: {}",
                    free.join(", ")
                )
            },
        );
    }
    if let Some(at) = first_unsaid {
        problems.warn(
            at,
            format!(
                "and {}, from here on",
                crate::render::plural(more, "more column is not read", "more columns are not read")
            ),
        );
    }
    Some(columns)
}

/// How many unread columns are named one by one before the rest are counted.
const UNREAD_COLUMNS_SHOWN: usize = 5;

/// A required column missing from the header is an error.
fn required_columns<C: Copy + Eq + Hash>(
    problems: &mut Problems,
    columns: &ColumnMap<C>,
    all: &[C],
    required: fn(C) -> bool,
    name: fn(C) -> &'static str,
) {
    let needed: Vec<&str> = all
        .iter()
        .filter(|&&c| required(c))
        .map(|&c| name(c))
        .collect();
    for &column in all.iter().filter(|&&c| required(c)) {
        if columns.get(column).is_none() {
            problems.header_error(
                1,
                format!(
                    "missing column {:?}; the header row must name {}, or map a header of its own to it with --column 'HEADER={}'",
                    name(column),
                    needed.join(", "),
                    name(column)
                ),
            );
        }
    }
}

/// One row's cells, as the mapping reads them: a spreadsheet's formula protection taken off,
/// line breaks as `\n`.
struct Cells<'r, C> {
    cells: Vec<Cow<'r, str>>,
    columns: &'r ColumnMap<C>,
    table: &'r Table,
    row: usize,
}

impl<'r, C: Copy + Eq + Hash> Cells<'r, C> {
    fn new(
        table: &'r Table,
        columns: &'r ColumnMap<C>,
        index: usize,
        row: &'r StringRecord,
    ) -> Self {
        let cells = row
            .iter()
            .map(|c| {
                let c = sheet::restore_cell(c);
                if c.contains('\r') {
                    Cow::Owned(c.replace("\r\n", "\n").replace('\r', "\n"))
                } else {
                    Cow::Borrowed(c)
                }
            })
            .collect();
        Cells {
            cells,
            columns,
            table,
            row: table.row_number(index),
        }
    }

    fn is_blank(&self) -> bool {
        self.cells.iter().all(|c| c.trim().is_empty())
    }

    /// Where a column's cell is (past the row's end when the sheet has no such column).
    fn at(&self, column: C) -> At {
        At {
            row: self.row,
            column: self
                .table
                .column_number(self.columns.get(column).unwrap_or(self.cells.len())),
        }
    }

    fn cell(&self, column: C) -> Option<&str> {
        self.columns
            .get(column)
            .and_then(|i| self.cells.get(i))
            .map(|c| c.as_ref())
    }

    fn text(&self, column: C) -> &str {
        self.cell(column).unwrap_or("")
    }

    fn trimmed(&self, column: C) -> &str {
        self.text(column).trim()
    }

    fn non_blank(&self, column: C) -> Option<&str> {
        Some(self.text(column)).filter(|t| !t.trim().is_empty())
    }
}

/// One level as the rows name it.
struct LevelEntry {
    id: String,
    name: String,
    name_at: At,
    description: Option<(String, At)>,
}

/// One competency as the rows name it.
struct CompetencyEntry {
    id: String,
    name: String,
    name_at: At,
    description: Option<(String, At)>,
    /// The group's name, as the rows give it.
    group: Option<(String, At)>,
    /// The group's id: given, or made from its name.
    group_id: Option<(String, At)>,
    /// Its levels in the order the rows give them.
    levels: Vec<CompetencyLevelEntry>,
}

struct CompetencyLevelEntry {
    /// Index into the level list.
    level: usize,
    /// Where the competency first lists the level.
    at: At,
    title: Option<(String, At)>,
    description: Option<(String, At)>,
    examples: Option<(String, At)>,
    indicators: Vec<RawIndicatorObject>,
    /// Rows that say the level has no indicators.
    empty_rows: Vec<At>,
}

/// One track as the rows name it.
struct TrackEntry {
    id: String,
    name: String,
    name_at: At,
}

/// The tracks a row's level is on.
#[derive(PartialEq, Eq, Hash, Clone, Copy)]
enum OnTrack {
    Every,
    One(usize),
}

/// Everything the rows say, before the levels are ordered.
#[derive(Default)]
struct Gathered {
    levels: Vec<LevelEntry>,
    level_index: HashMap<String, usize>,
    competencies: Vec<CompetencyEntry>,
    competency_index: HashMap<String, usize>,
    indicator_ids: HashMap<String, usize>,
    tracks: Vec<TrackEntry>,
    track_index: HashMap<String, usize>,
    /// (level, track) pairs in order of first appearance: a track's ladder.
    on_tracks: Vec<(usize, OnTrack, At)>,
    on_tracks_seen: HashSet<(usize, OnTrack)>,
}

impl Gathered {
    /// Phase 2: what one row says.
    fn read_row(
        &mut self,
        problems: &mut Problems,
        columns: &ColumnMap<Column>,
        table: &Table,
        index: usize,
        row: &StringRecord,
    ) {
        let cells = Cells::new(table, columns, index, row);
        if cells.is_blank() {
            return;
        }
        let missing = COLUMNS
            .into_iter()
            .find(|c| c.is_required() && cells.cell(*c).is_none());
        if let Some(missing) = missing {
            problems.error(
                At {
                    row: cells.row,
                    column: table.column_number(row.len()),
                },
                format!(
                    "missing column {:?}: the row has {} cells, the header {}",
                    missing.name(),
                    row.len(),
                    table.rows.first().map_or(0, StringRecord::len)
                ),
            );
            return;
        }
        let Some(ci) = self.competency(problems, &cells) else {
            return;
        };
        let Some(li) = self.level(problems, &cells) else {
            return;
        };
        self.tracks_of(problems, &cells, li);
        let competency_id = self.competencies[ci].id.clone();
        let level_id = self.levels[li].id.clone();
        let entry = competency_level(problems, &cells, &mut self.competencies[ci], li, &level_id);
        indicator(
            problems,
            &cells,
            entry,
            &mut self.indicator_ids,
            &competency_id,
            &level_id,
        );
    }

    /// The row's competency (and its group), created at its first row.
    fn competency(&mut self, problems: &mut Problems, cells: &Cells<Column>) -> Option<usize> {
        let id = id_of(
            problems,
            "competency",
            cells.trimmed(Column::CompetencyId),
            cells.at(Column::CompetencyId),
            cells.trimmed(Column::Competency),
            cells.at(Column::Competency),
        )?;
        let ci = match self.competency_index.get(&id) {
            Some(&ci) => {
                let c = &mut self.competencies[ci];
                agree(
                    problems,
                    &format!("competency {id:?}"),
                    "name",
                    &c.name,
                    c.name_at,
                    cells.trimmed(Column::Competency),
                    cells.at(Column::Competency),
                );
                ci
            }
            None => {
                self.competencies.push(CompetencyEntry {
                    id: id.clone(),
                    name: cells.trimmed(Column::Competency).to_string(),
                    name_at: cells.at(Column::Competency),
                    description: None,
                    group: None,
                    group_id: None,
                    levels: Vec::new(),
                });
                self.competency_index
                    .insert(id.clone(), self.competencies.len() - 1);
                self.competencies.len() - 1
            }
        };
        let what = format!("competency {id:?}");
        let competency = &mut self.competencies[ci];
        if let Some(d) = cells.non_blank(Column::CompetencyDescription) {
            agree_optional(
                problems,
                &what,
                "description",
                &mut competency.description,
                d,
                cells.at(Column::CompetencyDescription),
            );
        }
        let group_name = cells.trimmed(Column::Group);
        let group_id = cells.trimmed(Column::GroupId);
        if !group_name.is_empty() || !group_id.is_empty() {
            if let Some(id) = id_of(
                problems,
                "group",
                group_id,
                cells.at(Column::GroupId),
                group_name,
                cells.at(Column::Group),
            ) {
                agree_optional(
                    problems,
                    &what,
                    "group",
                    &mut competency.group,
                    group_name,
                    cells.at(Column::Group),
                );
                agree_optional(
                    problems,
                    &what,
                    "group id",
                    &mut competency.group_id,
                    &id,
                    cells.at(Column::GroupId),
                );
            }
        }
        Some(ci)
    }

    /// The row's framework level, created at its first row.
    fn level(&mut self, problems: &mut Problems, cells: &Cells<Column>) -> Option<usize> {
        let id = id_of(
            problems,
            "level",
            cells.trimmed(Column::LevelId),
            cells.at(Column::LevelId),
            cells.trimmed(Column::Level),
            cells.at(Column::Level),
        )?;
        let li = match self.level_index.get(&id) {
            Some(&li) => {
                let l = &self.levels[li];
                agree(
                    problems,
                    &format!("level {id:?}"),
                    "name",
                    &l.name,
                    l.name_at,
                    cells.trimmed(Column::Level),
                    cells.at(Column::Level),
                );
                li
            }
            None => {
                self.levels.push(LevelEntry {
                    id: id.clone(),
                    name: cells.trimmed(Column::Level).to_string(),
                    name_at: cells.at(Column::Level),
                    description: None,
                });
                self.level_index.insert(id.clone(), self.levels.len() - 1);
                self.levels.len() - 1
            }
        };
        if let Some(d) = cells.non_blank(Column::LevelDescription) {
            agree_optional(
                problems,
                &format!("level {id:?}"),
                "description",
                &mut self.levels[li].description,
                d,
                cells.at(Column::LevelDescription),
            );
        }
        Some(li)
    }

    /// The tracks the row puts its level on: names or ids in `track` (and ids in `track_id`),
    /// ` ; ` between several; none means every track.
    fn tracks_of(&mut self, problems: &mut Problems, cells: &Cells<Column>, level: usize) {
        let names = sheet::split_examples(cells.text(Column::Track));
        let ids = sheet::split_examples(cells.text(Column::TrackId));
        let at = cells.at(Column::Track);
        if names.is_empty() && ids.is_empty() {
            self.on_track(level, OnTrack::Every, at);
            return;
        }
        if !ids.is_empty() && !names.is_empty() && ids.len() != names.len() {
            problems.error(
                cells.at(Column::TrackId),
                format!(
                    "{} track ids here but {} track names; give one id per name, in the same order",
                    ids.len(),
                    names.len()
                ),
            );
            return;
        }
        for i in 0..names.len().max(ids.len()) {
            let name = names.get(i).map(String::as_str);
            let id = ids.get(i).map(String::as_str);
            // A name cell may give an existing track's id or name.
            let known = id
                .or(name)
                .and_then(|key| self.track_index.get(key).copied())
                .or_else(|| name.and_then(|n| self.tracks.iter().position(|t| t.name == n)));
            let ti = match known {
                Some(ti) => {
                    if let (Some(name), Some(_)) = (name, id) {
                        let t = &self.tracks[ti];
                        agree(
                            problems,
                            &format!("track {:?}", t.id),
                            "name",
                            &t.name,
                            t.name_at,
                            name,
                            at,
                        );
                    }
                    ti
                }
                None => {
                    let given = id.unwrap_or("");
                    let Some(new_id) = id_of(
                        problems,
                        "track",
                        if given.is_empty() && name.is_some_and(is_slug) {
                            name.unwrap_or("")
                        } else {
                            given
                        },
                        cells.at(Column::TrackId),
                        name.or(id).unwrap_or(""),
                        at,
                    ) else {
                        continue;
                    };
                    self.tracks.push(TrackEntry {
                        id: new_id.clone(),
                        name: name.or(id).unwrap_or("").to_string(),
                        name_at: at,
                    });
                    self.track_index.insert(new_id, self.tracks.len() - 1);
                    self.tracks.len() - 1
                }
            };
            self.on_track(level, OnTrack::One(ti), at);
        }
    }

    fn on_track(&mut self, level: usize, track: OnTrack, at: At) {
        if self.on_tracks_seen.insert((level, track)) {
            self.on_tracks.push((level, track, at));
        }
    }

    /// A row that says a competency level has no indicators, where other rows give it some.
    fn check_empty_levels(&self, problems: &mut Problems) {
        for c in &self.competencies {
            for l in c.levels.iter().filter(|l| !l.indicators.is_empty()) {
                for &at in &l.empty_rows {
                    problems.error(
                        at,
                        format!("{NO_INDICATORS} for a level other rows give indicators; delete the row"),
                    );
                }
            }
        }
    }

    /// Each track's levels in order of first appearance, with where each first appears; a
    /// level on every track counts for each.
    fn track_ladders(&self) -> Vec<Vec<(usize, At)>> {
        let mut ladders: Vec<Vec<(usize, At)>> = vec![Vec::new(); self.tracks.len()];
        for &(level, track, at) in &self.on_tracks {
            for (ti, ladder) in ladders.iter_mut().enumerate() {
                let on = match track {
                    OnTrack::Every => true,
                    OnTrack::One(t) => t == ti,
                };
                if on && !ladder.iter().any(|&(l, _)| l == level) {
                    ladder.push((level, at));
                }
            }
        }
        ladders
    }

    /// Phase 4: the framework, its levels in `order`.
    fn into_framework(self, order: &[usize], file: &str, options: &Options) -> RawFramework {
        let stem = std::path::Path::new(file)
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let id = options.id.clone().unwrap_or_else(|| {
            let id = sheet::slug(&stem);
            if id.is_empty() {
                "imported".to_string()
            } else {
                id
            }
        });
        let name = options
            .name
            .clone()
            .unwrap_or_else(|| name_from(&stem, &id));
        let mut rank = vec![0; self.levels.len()];
        for (position, &li) in order.iter().enumerate() {
            rank[li] = position;
        }
        let tracks = self
            .track_ladders()
            .into_iter()
            .zip(&self.tracks)
            .map(|(mut ladder, t)| {
                ladder.sort_by_key(|&(l, _)| rank[l]);
                RawTrack {
                    id: t.id.clone(),
                    name: t.name.clone(),
                    description: None,
                    levels: ladder
                        .into_iter()
                        .map(|(l, _)| self.levels[l].id.clone())
                        .collect(),
                }
            })
            .collect();
        let levels = &self.levels;
        let raw_levels = order
            .iter()
            .map(|&li| {
                let l = &levels[li];
                RawLevel {
                    id: l.id.clone(),
                    name: l.name.clone(),
                    description: l.description.as_ref().map(|(d, _)| d.clone()),
                }
            })
            .collect();
        // Groups in order of first appearance, each named as its first competency names it.
        let mut groups: Vec<RawGroup> = Vec::new();
        for c in &self.competencies {
            if let (Some((name, _)), Some((id, _))) = (&c.group, &c.group_id) {
                if !groups.iter().any(|g| &g.id == id) {
                    groups.push(RawGroup {
                        id: id.clone(),
                        name: name.clone(),
                        ..RawGroup::default()
                    });
                }
            }
        }
        let competencies = self
            .competencies
            .into_iter()
            .map(|c| {
                let mut cls = c.levels;
                cls.sort_by_key(|l| rank[l.level]);
                RawCompetency {
                    id: c.id,
                    name: c.name,
                    description: c.description.map(|(d, _)| d),
                    group: c.group_id.map(|(id, _)| id),
                    levels: cls
                        .into_iter()
                        .map(|l| RawCompetencyLevel {
                            level: levels[l.level].id.clone(),
                            title: l.title.map(|(t, _)| t),
                            description: l.description.map(|(d, _)| d),
                            examples: l
                                .examples
                                .map(|(e, _)| sheet::split_examples(&e))
                                .unwrap_or_default(),
                            evidence: None,
                            indicators: l.indicators.into_iter().map(RawIndicator::Full).collect(),
                        })
                        .collect(),
                    ..RawCompetency::default()
                }
            })
            .collect();
        RawFramework {
            id,
            name,
            version: Version(options.version.clone().unwrap_or_else(|| "1.0".into())),
            description: None,
            source: None,
            scale: None,
            demonstrated_at: None,
            threshold: None,
            evidence: None,
            levels: raw_levels,
            groups,
            tracks,
            competencies,
            ..RawFramework::default()
        }
    }
}

/// The row's competency level, created at the competency's first row for it; its own title,
/// description and examples, each the same on every row that gives it.
fn competency_level<'c>(
    problems: &mut Problems,
    cells: &Cells<Column>,
    competency: &'c mut CompetencyEntry,
    level: usize,
    level_id: &str,
) -> &'c mut CompetencyLevelEntry {
    let cl = match competency.levels.iter().position(|l| l.level == level) {
        Some(cl) => cl,
        None => {
            competency.levels.push(CompetencyLevelEntry {
                level,
                at: cells.at(Column::Level),
                title: None,
                description: None,
                examples: None,
                indicators: Vec::new(),
                empty_rows: Vec::new(),
            });
            competency.levels.len() - 1
        }
    };
    let what = format!("competency {:?} at level {level_id:?}", competency.id);
    let entry = &mut competency.levels[cl];
    for (column, field, slot) in [
        (Column::CompetencyLevelTitle, "title", &mut entry.title),
        (
            Column::CompetencyLevelDescription,
            "description",
            &mut entry.description,
        ),
        (
            Column::CompetencyLevelExamples,
            "list of examples",
            &mut entry.examples,
        ),
    ] {
        if let Some(text) = cells.non_blank(column) {
            let text = if column == Column::CompetencyLevelTitle {
                text.trim()
            } else {
                text
            };
            agree_optional(problems, &what, field, slot, text, cells.at(column));
        }
    }
    entry
}

/// The row's indicator. An empty indicator cell is an error: a level without indicators is
/// said with [`NO_INDICATORS`].
fn indicator(
    problems: &mut Problems,
    cells: &Cells<Column>,
    entry: &mut CompetencyLevelEntry,
    indicator_ids: &mut HashMap<String, usize>,
    competency_id: &str,
    level_id: &str,
) {
    let text = cells.text(Column::Indicator);
    let given_id = cells.trimmed(Column::IndicatorId);
    let examples = sheet::split_examples(cells.text(Column::Examples));
    let at = cells.at(Column::Indicator);
    if text.trim() == NO_INDICATORS && given_id.is_empty() && examples.is_empty() {
        entry.empty_rows.push(at);
        return;
    }
    if text.trim().is_empty() {
        problems.error(
            at,
            format!("empty indicator: give the text to rate, write {NO_INDICATORS} for a level that asks nothing, or delete the row"),
        );
        return;
    }
    let (id, id_at) = if given_id.is_empty() {
        (
            format!("{competency_id}.{level_id}.{}", entry.indicators.len() + 1),
            at,
        )
    } else {
        (given_id.to_string(), cells.at(Column::IndicatorId))
    };
    if let Some(&first) = indicator_ids.get(&id) {
        problems.error(
            id_at,
            format!("duplicate indicator id {id:?} (first at row {first})"),
        );
        return;
    }
    indicator_ids.insert(id.clone(), cells.row);
    entry.indicators.push(RawIndicatorObject {
        id,
        text: text.to_string(),
        examples,
        ..RawIndicatorObject::default()
    });
}

/// A role as its rows give it so far.
struct RoleEntry {
    /// Its place among the targets.
    index: usize,
    description: Option<(String, At)>,
    track: Option<(String, At)>,
}

/// Phase 5: the roles sheet's rows as targets, each competency's level named by id or name,
/// roles in order of first appearance.
fn read_roles(
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
        let what = format!("role {id:?}");
        let RoleEntry {
            index,
            description,
            track,
        } = first_rows.entry(id.clone()).or_insert_with(|| {
            targets.push(RawTarget {
                id: id.clone(),
                name: cells.trimmed(RoleColumn::Role).to_string(),
                ..RawTarget::default()
            });
            RoleEntry {
                index: targets.len() - 1,
                description: None,
                track: None,
            }
        });
        let target = &mut targets[*index];
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
                &what,
                "description",
                description,
                d,
                cells.at(RoleColumn::RoleDescription),
            );
            target.description = description.as_ref().map(|(d, _)| d.clone());
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
                        &what,
                        "track",
                        track,
                        &t.id,
                        cells.at(RoleColumn::Track),
                    );
                    target.track = track.as_ref().map(|(t, _)| t.clone());
                }
                None => problems.error(
                    cells.at(RoleColumn::Track),
                    unknown("track", track_cell, framework.tracks.iter().map(|t| &t.id)),
                ),
            }
        }
        let competency_cell = cells.trimmed(RoleColumn::Competency);
        let level_cell = cells.trimmed(RoleColumn::Level);
        // A row with neither says the role asks no level (yet).
        if competency_cell.is_empty() && level_cell.is_empty() {
            continue;
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
            continue;
        };
        let Some(level) = level else {
            problems.error(
                cells.at(RoleColumn::Level),
                unknown("level", level_cell, framework.levels.iter().map(|l| &l.id)),
            );
            continue;
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
            continue;
        }
        target
            .levels
            .0
            .push((competency.id.clone(), level.id.clone()));
    }
    targets
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

/// The id of a competency, level, group, track or role: the id cell when given (it must be a
/// slug), else a slug made from the name. `None` after saying why there is none.
fn id_of(
    problems: &mut Problems,
    what: &str,
    id: &str,
    id_at: At,
    name: &str,
    name_at: At,
) -> Option<String> {
    if !id.is_empty() {
        if !is_slug(id) {
            problems.error(
                id_at,
                format!("{what} id {id:?} is not a slug: use lowercase letters, digits, '.', '_' and '-', starting with a letter or digit"),
            );
            return None;
        }
        if name.is_empty() {
            problems.error(name_at, format!("empty {what}: give its name"));
            return None;
        }
        return Some(id.to_string());
    }
    if name.is_empty() {
        problems.error(name_at, format!("empty {what}: give its name"));
        return None;
    }
    let slug = sheet::slug(name);
    if slug.is_empty() {
        problems.error(
            name_at,
            format!("cannot make an id from the {what} name {name:?}; add a {what}_id column"),
        );
        return None;
    }
    Some(slug)
}

fn is_slug(s: &str) -> bool {
    let mut chars = s.chars();
    matches!(chars.next(), Some(c) if c.is_ascii_lowercase() || c.is_ascii_digit())
        && chars
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '.' | '_' | '-'))
}

/// A later row must name a thing as the first one did.
fn agree(
    problems: &mut Problems,
    what: &str,
    field: &str,
    first: &str,
    first_at: At,
    here: &str,
    at: At,
) {
    if here != first {
        problems.error(
            at,
            format!(
                "{what} has {field} {here:?} here but {first:?} at row {}; give every row the same",
                first_at.row
            ),
        );
    }
}

/// A later row may leave a description or group out, but must not give another one.
fn agree_optional(
    problems: &mut Problems,
    what: &str,
    field: &str,
    first: &mut Option<(String, At)>,
    here: &str,
    at: At,
) {
    match first {
        None => *first = Some((here.to_string(), at)),
        Some((text, first_at)) if text.as_str() != here => problems.error(
            at,
            format!(
                "{what} has another {field} at row {} than at row {}; give it once, or the same on every row",
                at.row, first_at.row
            ),
        ),
        Some(_) => {}
    }
}

/// Phase 3: the framework's levels, lowest first: every competency's and every track's levels
/// in the order the rows give them, and by first appearance where they leave a choice. A level
/// that one competency or track puts above another and another below it is a problem, at the
/// row that contradicts the order.
fn level_order(problems: &mut Problems, gathered: &Gathered) -> Vec<usize> {
    let levels = &gathered.levels;
    let n = levels.len();
    // Each ladder the rows give, with its name in messages and where each level first appears.
    let mut ladders: Vec<(String, Vec<(usize, At)>)> = gathered
        .competencies
        .iter()
        .map(|c| {
            (
                format!("competency {:?}", c.id),
                c.levels.iter().map(|l| (l.level, l.at)).collect(),
            )
        })
        .collect();
    ladders.extend(
        gathered
            .track_ladders()
            .into_iter()
            .zip(&gathered.tracks)
            .map(|(ladder, t)| (format!("track {:?}", t.id), ladder)),
    );
    let mut after: Vec<Vec<usize>> = vec![Vec::new(); n];
    let mut before_count = vec![0usize; n];
    for (_, ladder) in &ladders {
        for pair in ladder.windows(2) {
            after[pair[0].0].push(pair[1].0);
            before_count[pair[1].0] += 1;
        }
    }
    let mut placed = vec![false; n];
    let mut order = Vec::with_capacity(n);
    // Levels are numbered by first appearance: the lowest free one goes next.
    let mut free: std::collections::BTreeSet<usize> =
        (0..n).filter(|&l| before_count[l] == 0).collect();
    while let Some(next) = free.pop_first() {
        placed[next] = true;
        order.push(next);
        for &b in &after[next] {
            before_count[b] -= 1;
            if before_count[b] == 0 {
                free.insert(b);
            }
        }
    }
    if order.len() < n {
        // The ladders disagree: finish by first appearance and name every row that goes
        // against that order.
        order.extend((0..n).filter(|&l| !placed[l]));
        let mut rank = vec![0; n];
        for (position, &l) in order.iter().enumerate() {
            rank[l] = position;
        }
        for (name, ladder) in &ladders {
            for pair in ladder.windows(2) {
                if rank[pair[1].0] < rank[pair[0].0] {
                    problems.error(
                        pair[1].1,
                        format!(
                            "level {:?} comes after {:?} for {name}, but earlier rows put it below {:?}; give every competency's and track's levels lowest first",
                            levels[pair[1].0].id,
                            levels[pair[0].0].id,
                            levels[pair[0].0].id
                        ),
                    );
                }
            }
        }
    }
    order
}

/// `engineering-ladder` -> `Engineering ladder`, unless the file name already reads as a name.
fn name_from(stem: &str, id: &str) -> String {
    let base = if stem.trim().is_empty() { id } else { stem };
    let spaced: String = base
        .chars()
        .map(|c| if matches!(c, '-' | '_') { ' ' } else { c })
        .collect();
    let mut chars = spaced.trim().chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => id.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::table::Source;

    fn read(text: &str) -> Result<Imported, LoadError> {
        let mut source = Source::open("sheet.csv", text.as_bytes())?;
        let table = source.table(None)?;
        import(
            Sheet {
                file: "sheet.csv",
                table: &table,
            },
            None,
            &Options::default(),
            &[],
        )
    }

    #[test]
    fn levels_follow_every_competency_and_first_appearance() {
        let sheet =
            "competency,level,indicator\nA,One,a1\nA,Three,a3\nB,One,b1\nB,Two,b2\nB,Three,b3\n";
        let imported = read(sheet).unwrap_or_else(|e| panic!("{e}"));
        let ids: Vec<_> = imported
            .framework
            .levels
            .iter()
            .map(|l| l.id.as_str())
            .collect();
        assert_eq!(ids, ["one", "two", "three"]);
    }

    #[test]
    fn contradicting_level_orders_are_named_at_their_row() {
        let sheet = "competency,level,indicator\nA,One,a1\nA,Two,a2\nB,Two,b2\nB,One,b1\n";
        let error = read(sheet).err().map(|e| e.to_string());
        assert_eq!(
            error.as_deref(),
            Some("sheet.csv:5:2: level \"one\" comes after \"two\" for competency \"b\", but earlier rows put it below \"two\"; give every competency's and track's levels lowest first")
        );
    }

    #[test]
    fn mappings_name_a_field_or_list_them() {
        assert_eq!(
            Mapping::parse("Signal=Indicator"),
            Ok(Mapping {
                header: "Signal".into(),
                field: "indicator"
            })
        );
        let error = Mapping::parse("Signal=signal").err().unwrap_or_default();
        assert!(
            error.starts_with("--column \"Signal=signal\": \"signal\" is not a field; the fields are: competency, level, indicator,"),
            "{error}"
        );
        assert!(
            error.ends_with("role, role_id, role_description"),
            "{error}"
        );
    }
}

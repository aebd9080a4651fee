//! Phase 2: what each row says (its competency, level, competency level, tracks and
//! indicator), gathered before the levels are ordered.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};

use super::cells::{
    agree, agree_optional, folded, id_and_code, id_of, is_slug, At, AtLevel, Cells, ColumnMap,
    Named, Problems, Spellings,
};
use super::tables::Tables;
use crate::framework::format::RawIndicatorObject;
use crate::framework::sheet::{self, Column, COLUMNS, NO_INDICATORS};
use crate::import::{Row, Table};

/// One level as the rows name it.
pub(super) struct LevelEntry {
    pub(super) id: String,
    pub(super) name: String,
    pub(super) name_at: At,
    /// Its name spelt with another case or spacing on later rows.
    pub(super) spellings: Spellings,
    pub(super) code: Option<(String, At)>,
    pub(super) description: Option<(String, At)>,
}

/// One competency as the rows name it.
pub(super) struct CompetencyEntry {
    pub(super) id: String,
    pub(super) name: String,
    pub(super) name_at: At,
    /// Its name spelt with another case or spacing on later rows.
    pub(super) spellings: Spellings,
    pub(super) code: Option<(String, At)>,
    pub(super) description: Option<(String, At)>,
    /// The group's name, as the rows give it.
    pub(super) group: Option<(String, At)>,
    /// The group's id: given, or made from its name.
    pub(super) group_id: Option<(String, At)>,
    /// The group's own code, as the rows give it.
    pub(super) group_code: Option<(String, At)>,
    /// The group's name as later rows spell it with another case or spacing.
    pub(super) group_spellings: Vec<(String, At)>,
    /// Its levels in the order the rows give them: indices into
    /// [`Gathered::competency_levels`].
    pub(super) levels: Vec<usize>,
    /// How many indicators restated at a higher level were folded into their first
    /// occurrence, and where the first of them is.
    pub(super) folded: usize,
    pub(super) folded_at: Option<At>,
}

pub(super) struct CompetencyLevelEntry {
    /// Index into the level list.
    pub(super) level: usize,
    /// Its place among the competency's levels, as the rows give them (lowest first).
    pub(super) nth: usize,
    /// Where the competency first lists the level.
    pub(super) at: At,
    pub(super) title: Option<(String, At)>,
    pub(super) description: Option<(String, At)>,
    pub(super) examples: Option<(String, At)>,
    pub(super) indicators: Vec<RawIndicatorObject>,
    /// Rows that say the level has no indicators.
    pub(super) empty_rows: Vec<At>,
}

/// One track as the rows name it.
pub(super) struct TrackEntry {
    pub(super) id: String,
    pub(super) name: String,
    pub(super) name_at: At,
}

/// The tracks a row's level is on.
#[derive(PartialEq, Eq, Hash, Clone, Copy)]
enum OnTrack {
    Every,
    One(usize),
}

/// Everything the rows say, before the levels are ordered.
#[derive(Default)]
pub(super) struct Gathered {
    pub(super) levels: Vec<LevelEntry>,
    level_index: HashMap<String, usize>,
    pub(super) competencies: Vec<CompetencyEntry>,
    competency_index: HashMap<String, usize>,
    /// Every competency's levels, in one list with room for one per row from the start: a
    /// list per competency would be copied each time it grows.
    pub(super) competency_levels: Vec<CompetencyLevelEntry>,
    indicator_ids: HashMap<String, usize>,
    /// Each (competency, level) pair's place in `competency_levels`.
    competency_level_index: HashMap<(usize, usize), usize>,
    pub(super) tracks: Vec<TrackEntry>,
    track_index: HashMap<String, usize>,
    /// Each track name's first track, for a name cell that gives a name, not an id.
    track_names: HashMap<String, usize>,
    /// (level, track) pairs in order of first appearance: a track's ladder.
    on_tracks: Vec<(usize, OnTrack, At)>,
    on_tracks_seen: HashSet<(usize, OnTrack)>,
    /// Per examples column: how many of its cells hold a `;` that does not split them, and
    /// the first.
    unsplit: [(usize, Option<At>); 2],
    /// Whether an indicator restated word for word at a higher level of its competency is
    /// kept as an indicator of its own (`--keep-repeats`).
    pub(super) keep_repeats: bool,
    /// The framework's id, name and version as the rows give them.
    pub(super) identity: [Option<(String, At)>; 3],
    /// What the table sheets give (levels, competencies, groups).
    pub(super) tables: Tables,
    /// Each group's description, as the framework sheet's rows give it.
    pub(super) group_descriptions: HashMap<String, Option<(String, At)>>,
    /// Each indicator text (its words' hash) of a competency: where it first appears, as
    /// (competency level, indicator).
    restated: HashMap<(usize, u64), (usize, usize)>,
}

impl Gathered {
    /// Nothing gathered yet, room made for the indicator ids of `rows` rows (one a row, mostly)
    /// so that the map of them is not grown row by row.
    pub(super) fn for_rows(rows: usize) -> Gathered {
        // Room for one of each per row from the start: growing a map rehashes every key in
        // it, and with thousands of rows those keys are spread over the heap.
        let mut gathered = Gathered::default();
        gathered.indicator_ids.reserve(rows);
        gathered.level_index.reserve(rows);
        gathered.competency_level_index.reserve(rows);
        gathered.competency_levels.reserve(rows);
        gathered.on_tracks.reserve(rows);
        gathered.on_tracks_seen.reserve(rows);
        gathered.restated.reserve(rows);
        gathered
    }

    /// The levels sheet's levels, first and in its order, before any row is read.
    pub(super) fn take_tables(&mut self, tables: Tables) {
        for item in &tables.levels.items {
            self.level_index.insert(item.id.clone(), self.levels.len());
            self.levels.push(LevelEntry {
                id: item.id.clone(),
                name: item.name.clone(),
                name_at: item.name_at,
                spellings: Spellings::default(),
                code: item.code.clone(),
                description: item.description.clone(),
            });
        }
        self.tables = tables;
    }

    /// Phase 2: what one row says.
    pub(super) fn read_row(
        &mut self,
        problems: &mut Problems,
        columns: &ColumnMap<Column>,
        table: &Table,
        index: usize,
        row: Row<'_>,
    ) {
        let cells = Cells::new(table, columns, index, row);
        if cells.is_blank() {
            return;
        }
        self.read_cells(problems, &cells, row.len());
    }

    /// Phase 2 of a wide sheet: what one row says of each level it has a cell for, each line
    /// or bullet of the cell an indicator when `split` says so.
    pub(super) fn read_wide_row(
        &mut self,
        problems: &mut Problems,
        columns: &ColumnMap<Column>,
        table: &Table,
        index: usize,
        row: Row<'_>,
        wide: Wide<'_>,
    ) {
        let mut cells = Cells::new(table, columns, index, row);
        if cells.is_blank() {
            return;
        }
        for level in wide.columns {
            let Some(text) = row
                .get(level.index)
                .map(str::trim)
                .filter(|t| !t.is_empty())
            else {
                continue;
            };
            let at = At {
                row: table.row_number(index),
                column: table.column_number(level.index),
            };
            let items: Vec<&str> = if wide.split {
                split_lines(text)
            } else {
                vec![text]
            };
            for item in items {
                cells.given = vec![
                    (Column::Level, level.name.as_str().into(), level.header_at),
                    (Column::Indicator, item.into(), at),
                ];
                self.read_cells(problems, &cells, row.len());
            }
        }
    }

    /// What one row's cells say.
    fn read_cells(&mut self, problems: &mut Problems, cells: &Cells<'_, Column>, width: usize) {
        let table = cells.table;
        let missing = COLUMNS
            .into_iter()
            .find(|c| c.is_required() && cells.cell(*c).is_none());
        if let Some(missing) = missing {
            problems.error(
                At {
                    row: cells.row,
                    column: table.column_number(width),
                },
                format!(
                    "missing column {:?}: the row has {} cells, the header {}",
                    missing.name(),
                    width,
                    table.row(0).map_or(0, |header| header.len())
                ),
            );
            return;
        }
        for (slot, column) in self.identity.iter_mut().zip([
            Column::FrameworkId,
            Column::FrameworkName,
            Column::FrameworkVersion,
        ]) {
            if let Some(text) = cells.non_blank(column) {
                agree_optional(
                    problems,
                    &"the sheet",
                    column.name(),
                    slot,
                    text,
                    cells.at(column),
                );
            }
        }
        let Some(ci) = self.competency(problems, cells) else {
            return;
        };
        let Some(li) = self.level(problems, cells) else {
            return;
        };
        self.tracks_of(problems, cells, li);
        let level_id = &self.levels[li].id;
        let CompetencyEntry { levels, .. } = &mut self.competencies[ci];
        let competency_levels = &mut self.competency_levels;
        // Looked up, not searched for: a competency may have thousands of levels.
        let cl = *self
            .competency_level_index
            .entry((ci, li))
            .or_insert_with(|| {
                competency_levels.push(CompetencyLevelEntry {
                    level: li,
                    nth: levels.len(),
                    at: cells.at(Column::Level),
                    title: None,
                    description: None,
                    examples: None,
                    indicators: Vec::new(),
                    empty_rows: Vec::new(),
                });
                levels.push(competency_levels.len() - 1);
                competency_levels.len() - 1
            });
        for (slot, column) in [Column::Examples, Column::CompetencyLevelExamples]
            .into_iter()
            .enumerate()
        {
            if unsplit_semicolon(cells.text(column)) {
                let (count, first) = &mut self.unsplit[slot];
                *count += 1;
                first.get_or_insert(cells.at(column));
            }
        }
        let repeat = if self.keep_repeats {
            None
        } else {
            repeat_key(cells).map(|key| (key, self.restated.get(&(ci, key)).copied()))
        };
        if let Some((_, Some((first_cl, first)))) = repeat {
            let earlier = &competency_levels[first_cl];
            let restated = earlier.nth < competency_levels[cl].nth
                && same_words(
                    &earlier.indicators[first].text,
                    cells.text(Column::Indicator),
                );
            if restated {
                let c = &mut self.competencies[ci];
                c.folded += 1;
                c.folded_at.get_or_insert(cells.at(Column::Indicator));
                return;
            }
        }
        let CompetencyEntry { id, .. } = &self.competencies[ci];
        let entry = competency_level(problems, cells, id, &mut competency_levels[cl], level_id);
        let before = entry.indicators.len();
        indicator(
            problems,
            cells,
            entry,
            &mut self.indicator_ids,
            id,
            level_id,
        );
        if let Some((key, None)) = repeat {
            if entry.indicators.len() > before {
                self.restated.insert((ci, key), (cl, before));
            }
        }
    }

    /// The row's competency (and its group), created at its first row.
    fn competency(&mut self, problems: &mut Problems, cells: &Cells<Column>) -> Option<usize> {
        let (id, id_code) = id_and_code(
            problems,
            "competency",
            cells.trimmed(Column::CompetencyId),
            cells.at(Column::CompetencyId),
            cells.trimmed(Column::Competency),
            cells.at(Column::Competency),
        )?;
        // The competencies sheet's item, when it names this one: its id, name and texts stand.
        let listed = self
            .tables
            .competencies
            .find(&id, cells.trimmed(Column::Competency))
            .map(|item| {
                let group = item.group.as_ref().map(|(gid, at)| {
                    let group = self.tables.groups.find(gid, "");
                    (
                        gid.clone(),
                        group.map_or_else(|| gid.clone(), |g| g.name.clone()),
                        group.and_then(|g| g.code.clone()),
                        *at,
                    )
                });
                (
                    item.id.clone(),
                    item.name.clone(),
                    item.name_at,
                    item.description.clone(),
                    item.code.clone(),
                    group,
                )
            });
        let id: Cow<str> = match &listed {
            Some((listed_id, ..)) => Cow::Owned(listed_id.clone()),
            None => id,
        };
        let what = Named("competency", &id);
        let ci = match self.competency_index.get(id.as_ref()) {
            Some(&ci) if listed.is_some() => ci,
            Some(&ci) => {
                let c = &mut self.competencies[ci];
                c.spellings.check(
                    problems,
                    &what,
                    &c.name,
                    c.name_at,
                    cells.trimmed(Column::Competency),
                    cells.at(Column::Competency),
                );
                ci
            }
            None => {
                let mut entry = CompetencyEntry {
                    id: id.to_string(),
                    name: cells.trimmed(Column::Competency).to_string(),
                    name_at: cells.at(Column::Competency),
                    spellings: Spellings::default(),
                    code: None,
                    description: None,
                    group: None,
                    group_id: None,
                    group_code: None,
                    group_spellings: Vec::new(),
                    levels: Vec::new(),
                    folded: 0,
                    folded_at: None,
                };
                match listed {
                    Some((_, name, name_at, description, code, group)) => {
                        (entry.name, entry.name_at) = (name, name_at);
                        (entry.description, entry.code) = (description, code);
                        if let Some((gid, gname, gcode, at)) = group {
                            entry.group = Some((gname, at));
                            entry.group_id = Some((gid, at));
                            entry.group_code = gcode;
                        }
                    }
                    None if self.tables.has_competencies => problems.warn(
                        cells.at(Column::Competency),
                        format!(
                            "competency {:?} is not on the competencies sheet; it is read from this sheet's rows",
                            crate::render::safe::visible(cells.trimmed(Column::Competency))
                        ),
                    ),
                    None => {}
                }
                self.competencies.push(entry);
                self.competency_index
                    .insert(id.to_string(), self.competencies.len() - 1);
                self.competencies.len() - 1
            }
        };
        let competency = &mut self.competencies[ci];
        let code = cells
            .non_blank(Column::CompetencyCode)
            .map(|code| (code, cells.at(Column::CompetencyCode)))
            .or(id_code.map(|code| (code, cells.at(Column::CompetencyId))));
        if let Some((code, at)) = code {
            agree_optional(problems, &what, "code", &mut competency.code, code, at);
        }
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
            if let Some((group_id, group_id_code)) = id_and_code(
                problems,
                "group",
                group_id,
                cells.at(Column::GroupId),
                group_name,
                cells.at(Column::Group),
            ) {
                // Spelt with another case or spacing, it is the same group (said once, by
                // `check_spellings`).
                let same = competency
                    .group
                    .as_ref()
                    .is_some_and(|(first, _)| folded(first) == folded(group_name));
                if same {
                    if competency
                        .group
                        .as_ref()
                        .is_some_and(|(g, _)| g != group_name)
                    {
                        competency
                            .group_spellings
                            .push((group_name.to_string(), cells.at(Column::Group)));
                    }
                } else {
                    agree_optional(
                        problems,
                        &what,
                        "group",
                        &mut competency.group,
                        group_name,
                        cells.at(Column::Group),
                    );
                }
                agree_optional(
                    problems,
                    &what,
                    "group id",
                    &mut competency.group_id,
                    &group_id,
                    cells.at(Column::GroupId),
                );
                if let Some(d) = cells.non_blank(Column::GroupDescription) {
                    agree_optional(
                        problems,
                        &Named("group", &group_id),
                        "description",
                        self.group_descriptions
                            .entry(group_id.to_string())
                            .or_default(),
                        d,
                        cells.at(Column::GroupDescription),
                    );
                }
                let code = cells
                    .non_blank(Column::GroupCode)
                    .map(|code| (code, cells.at(Column::GroupCode)))
                    .or(group_id_code.map(|code| (code, cells.at(Column::GroupId))));
                if let Some((code, at)) = code {
                    agree_optional(
                        problems,
                        &what,
                        "group code",
                        &mut competency.group_code,
                        code,
                        at,
                    );
                }
            }
        }
        Some(ci)
    }

    /// The row's framework level, created at its first row.
    fn level(&mut self, problems: &mut Problems, cells: &Cells<Column>) -> Option<usize> {
        let (id, id_code) = id_and_code(
            problems,
            "level",
            cells.trimmed(Column::LevelId),
            cells.at(Column::LevelId),
            cells.trimmed(Column::Level),
            cells.at(Column::Level),
        )?;
        // The levels sheet's level, when it names this one: its id, name and texts stand.
        let listed = self
            .tables
            .levels
            .find(&id, cells.trimmed(Column::Level))
            .map(|item| item.id.clone());
        let id: Cow<str> = match listed {
            Some(listed) => Cow::Owned(listed),
            None => id,
        };
        let li = match self.level_index.get(id.as_ref()) {
            Some(&li) if li < self.tables.levels.items.len() => li,
            Some(&li) => {
                let l = &mut self.levels[li];
                l.spellings.check(
                    problems,
                    &Named("level", &id),
                    &l.name,
                    l.name_at,
                    cells.trimmed(Column::Level),
                    cells.at(Column::Level),
                );
                li
            }
            None => {
                if self.tables.has_levels {
                    problems.warn(
                        cells.at(Column::Level),
                        format!(
                            "level {:?} is not on the levels sheet; it is read from this sheet's rows",
                            crate::render::safe::visible(cells.trimmed(Column::Level))
                        ),
                    );
                }
                self.levels.push(LevelEntry {
                    id: id.to_string(),
                    name: cells.trimmed(Column::Level).to_string(),
                    name_at: cells.at(Column::Level),
                    spellings: Spellings::default(),
                    code: None,
                    description: None,
                });
                self.level_index
                    .insert(id.to_string(), self.levels.len() - 1);
                self.levels.len() - 1
            }
        };
        let code = cells
            .non_blank(Column::LevelCode)
            .map(|code| (code, cells.at(Column::LevelCode)))
            .or(id_code.map(|code| (code, cells.at(Column::LevelId))));
        if let Some((code, at)) = code {
            agree_optional(
                problems,
                &Named("level", &id),
                "code",
                &mut self.levels[li].code,
                code,
                at,
            );
        }
        if let Some(d) = cells.non_blank(Column::LevelDescription) {
            agree_optional(
                problems,
                &Named("level", &id),
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
                .or_else(|| name.and_then(|n| self.track_names.get(n).copied()));
            let ti = match known {
                Some(ti) => {
                    if let (Some(name), Some(_)) = (name, id) {
                        let t = &self.tracks[ti];
                        agree(
                            problems,
                            &Named("track", &t.id),
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
                    let ti = self.tracks.len();
                    let track_name = name.or(id).unwrap_or("");
                    self.tracks.push(TrackEntry {
                        id: new_id.to_string(),
                        name: track_name.to_string(),
                        name_at: at,
                    });
                    self.track_index.insert(new_id.into_owned(), ti);
                    self.track_names.entry(track_name.to_string()).or_insert(ti);
                    ti
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

    /// One warning per competency, level and group whose name the rows spell in more than one
    /// way (case or spacing).
    pub(super) fn check_spellings(&self, problems: &mut Problems) {
        for l in &self.levels {
            l.spellings
                .warn(problems, &Named("level", &l.id), &l.name, l.name_at);
        }
        for c in &self.competencies {
            c.spellings
                .warn(problems, &Named("competency", &c.id), &c.name, c.name_at);
        }
        // A group is named by each of its competencies: the first name kept, as built.
        let mut groups: Vec<(&str, &str, At, Spellings)> = Vec::new();
        let mut index: HashMap<&str, usize> = HashMap::new();
        for c in &self.competencies {
            let (Some((name, at)), Some((id, _))) = (&c.group, &c.group_id) else {
                continue;
            };
            let g = *index.entry(id).or_insert_with(|| {
                groups.push((id, name, *at, Spellings::default()));
                groups.len() - 1
            });
            let (_, first, first_at, spellings) = &mut groups[g];
            let named =
                std::iter::once((name, at)).chain(c.group_spellings.iter().map(|(n, a)| (n, a)));
            for (name, at) in named {
                // Another name altogether is left as it was: the first is kept.
                if folded(first) == folded(name) {
                    spellings.check(problems, &"", first, *first_at, name, *at);
                }
            }
        }
        for (id, name, at, spellings) in &groups {
            spellings.warn(problems, &Named("group", id), name, *at);
        }
    }

    /// One warning per competency whose restated indicators were folded.
    pub(super) fn check_folded(&self, problems: &mut Problems) {
        for c in &self.competencies {
            if let Some(at) = c.folded_at {
                problems.warn(
                    at,
                    format!(
                        "competency {:?} restates {} word for word at a higher level; each is kept once, at the lowest level that asks it (a higher level asks what the levels below it ask); --keep-repeats keeps every row",
                        c.id,
                        crate::render::plural(c.folded, "indicator", "indicators")
                    ),
                );
            }
        }
    }

    /// One warning per examples column whose cells hold a `;` that splits nothing.
    pub(super) fn check_unsplit(&self, problems: &mut Problems) {
        for ((count, first), column) in self
            .unsplit
            .iter()
            .zip([Column::Examples, Column::CompetencyLevelExamples])
        {
            if let Some(at) = *first {
                problems.warn(
                    at,
                    format!(
                        "{} of column {:?} hold ';' with no space on both sides, which does not split examples, so each is one example (the first here); to split them, write \" ; \" or one example a line",
                        crate::render::plural(*count, "cell", "cells"),
                        column.name()
                    ),
                );
            }
        }
    }

    /// A row that says a competency level has no indicators, where other rows give it some.
    pub(super) fn check_empty_levels(&self, problems: &mut Problems) {
        for c in &self.competencies {
            let levels = c.levels.iter().map(|&l| &self.competency_levels[l]);
            for l in levels.filter(|l| !l.indicators.is_empty()) {
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
    pub(super) fn track_ladders(&self) -> Vec<Vec<(usize, At)>> {
        let mut ladders: Vec<Vec<(usize, At)>> = vec![Vec::new(); self.tracks.len()];
        // (track, level) pairs already on a ladder: a level may be on a track both by name
        // and as a level on every track.
        let mut on_ladder: HashSet<(usize, usize)> = HashSet::new();
        for &(level, track, at) in &self.on_tracks {
            let tracks = match track {
                OnTrack::Every => 0..ladders.len(),
                OnTrack::One(t) => t..t + 1,
            };
            for ti in tracks {
                if let Some(ladder) = ladders.get_mut(ti) {
                    if on_ladder.insert((ti, level)) {
                        ladder.push((level, at));
                    }
                }
            }
        }
        ladders
    }
}

/// How a wide sheet is read: its levels' columns, and whether a cell's lines are indicators
/// of their own.
#[derive(Clone, Copy)]
pub(super) struct Wide<'w> {
    pub(super) columns: &'w [LevelColumn],
    pub(super) split: bool,
}

/// A column of a wide sheet that gives one level's indicators.
pub(super) struct LevelColumn {
    /// Its place in the row.
    pub(super) index: usize,
    /// The level's name.
    pub(super) name: String,
    /// Where its header is.
    pub(super) header_at: At,
}

/// The indicators one cell lists, one a line or bullet: bullets (`•`, `-`, `*`, `–`) and
/// numbers (`1.`, `2)`) before an item are taken off, empty items dropped.
pub(super) fn split_lines(cell: &str) -> Vec<&str> {
    cell.split(['\n', '\r', '•', '◦', '▪'])
        .map(|item| {
            let item = item.trim();
            let item = item.strip_prefix(['-', '*', '–', '—', '·']).unwrap_or(item);
            let digits = item.len() - item.trim_start_matches(|c: char| c.is_ascii_digit()).len();
            // "1. Plans" is an item numbered; "4.2 Plans" is not.
            let numbered = item[digits..]
                .strip_prefix(['.', ')'])
                .filter(|rest| digits > 0 && rest.starts_with(char::is_whitespace));
            let item = numbered.unwrap_or(item);
            item.trim()
        })
        .filter(|item| !item.is_empty())
        .collect()
}

/// What an indicator row is looked up by among its competency's texts: its words' hash. A row
/// with an id or code of its own names an indicator of its own, and is never folded.
fn repeat_key(cells: &Cells<Column>) -> Option<u64> {
    use std::hash::{Hash, Hasher};
    let text = cells.text(Column::Indicator);
    if text.is_empty()
        || text == NO_INDICATORS
        || !cells.trimmed(Column::IndicatorId).is_empty()
        || !cells.trimmed(Column::IndicatorCode).is_empty()
    {
        return None;
    }
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    for word in text.split_whitespace() {
        word.hash(&mut hasher);
    }
    Some(hasher.finish())
}

/// Whether two texts have the same words, white space aside.
fn same_words(a: &str, b: &str) -> bool {
    a.split_whitespace().eq(b.split_whitespace())
}

/// Whether an examples cell holds a `;` that [`sheet::split_examples`] does not split on.
fn unsplit_semicolon(cell: &str) -> bool {
    cell.contains(';')
        && cell
            .lines()
            .flat_map(|line| line.split(" ; "))
            .any(|item| item.contains(';'))
}

/// The row's competency level (created at the competency's first row for it): its own title,
/// description and examples, each the same on every row that gives it.
fn competency_level<'c>(
    problems: &mut Problems,
    cells: &Cells<Column>,
    competency_id: &str,
    entry: &'c mut CompetencyLevelEntry,
    level_id: &str,
) -> &'c mut CompetencyLevelEntry {
    let what = AtLevel(competency_id, level_id);
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
    let origin = cells.trimmed(Column::IndicatorOrigin);
    let code = cells.trimmed(Column::IndicatorCode);
    let kind = cells.trimmed(Column::Kind);
    let at = cells.at(Column::Indicator);
    if text.trim() == NO_INDICATORS
        && given_id.is_empty()
        && examples.is_empty()
        && origin.is_empty()
        && code.is_empty()
        && kind.is_empty()
    {
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
    // Most levels of a sheet hold one or two indicators: the first push takes room for one,
    // not the four a vector starts with (at 40,000 levels, 11 MiB of the import's 55).
    if entry.indicators.is_empty() {
        entry.indicators.reserve_exact(1);
    }
    entry.indicators.push(RawIndicatorObject {
        id,
        code: (!code.is_empty()).then(|| code.to_string()),
        text: text.to_string(),
        kind: (!kind.is_empty()).then(|| kind.to_string()),
        examples,
        origin: (!origin.is_empty()).then(|| origin.to_string()),
    });
}

//! Tables on sheets of their own (`--levels-sheet`, `--competencies-sheet`, `--groups-sheet`):
//! one row per level, competency or group, giving its id, name, description and code (and a
//! competency's group), read before the framework sheet so that its rows name these items by
//! id or name. Rows naming one item merge when their texts agree.

use std::collections::HashMap;

use super::cells::{agree_optional, folded, id_and_code, At, Cells, Named, Problems, Spellings};
use super::header::{header_columns, required_columns};
use super::Mapping;
use crate::framework::sheet::Column;
use crate::import::Table;

/// One level, competency or group as a table sheet gives it.
pub(super) struct Item {
    pub(super) id: String,
    pub(super) name: String,
    pub(super) name_at: At,
    spellings: Spellings,
    pub(super) description: Option<(String, At)>,
    pub(super) code: Option<(String, At)>,
    /// A competency's group: its id.
    pub(super) group: Option<(String, At)>,
}

/// The items of one kind, in the order their sheets give them, found by id or by name (case
/// and spacing aside).
#[derive(Default)]
pub(super) struct Items {
    pub(super) items: Vec<Item>,
    keys: HashMap<String, usize>,
}

impl Items {
    /// The item a row names by this id, or else by this name.
    pub(super) fn find(&self, id: &str, name: &str) -> Option<&Item> {
        self.keys
            .get(id)
            .or_else(|| self.keys.get(&name_key(name)))
            .map(|&i| &self.items[i])
    }

    /// The item with this id or name, created when there is none; a later row naming it
    /// must agree with what earlier ones gave.
    fn merge(
        &mut self,
        problems: &mut Problems,
        what: &'static str,
        (id, name, name_at): (&str, &str, At),
        description: Option<(&str, At)>,
        code: Option<(&str, At)>,
        group: Option<(&str, At)>,
    ) -> usize {
        let i = match self.find(id, name).map(|item| item.id.clone()) {
            Some(found) => self.keys[&found],
            None => {
                self.items.push(Item {
                    id: id.to_string(),
                    name: name.to_string(),
                    name_at,
                    spellings: Spellings::default(),
                    description: None,
                    code: None,
                    group: None,
                });
                let i = self.items.len() - 1;
                self.keys.insert(id.to_string(), i);
                self.keys.entry(name_key(name)).or_insert(i);
                i
            }
        };
        let item = &mut self.items[i];
        let named = Named(what, &item.id);
        item.spellings
            .check(problems, &named, &item.name, item.name_at, name, name_at);
        for (field, slot, given) in [
            ("description", &mut item.description, description),
            ("code", &mut item.code, code),
            ("group", &mut item.group, group),
        ] {
            if let Some((text, at)) = given {
                agree_optional(problems, &named, field, slot, text, at);
            }
        }
        i
    }

    /// One warning per item its rows spell in more than one way.
    fn check_spellings(&self, problems: &mut Problems, what: &'static str) {
        for item in &self.items {
            item.spellings
                .warn(problems, &Named(what, &item.id), &item.name, item.name_at);
        }
    }
}

fn name_key(name: &str) -> String {
    format!("\u{0}{}", folded(name))
}

/// What the table sheets give.
#[derive(Default)]
pub(super) struct Tables {
    pub(super) levels: Items,
    pub(super) competencies: Items,
    pub(super) groups: Items,
    /// The framework sheet's columns whose texts a table sheet gives instead.
    pub(super) given: Vec<Column>,
    /// Which tables were given a sheet.
    pub(super) has_levels: bool,
    pub(super) has_competencies: bool,
}

/// The kinds of table sheet.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    Levels,
    Competencies,
    Groups,
}

impl Kind {
    /// The columns a sheet of this kind reads: its item's, and any of the tables above it.
    fn columns(self) -> &'static [Column] {
        match self {
            Kind::Levels => &[
                Column::Level,
                Column::LevelId,
                Column::LevelDescription,
                Column::LevelCode,
            ],
            Kind::Competencies => &[
                Column::Competency,
                Column::CompetencyId,
                Column::CompetencyDescription,
                Column::CompetencyCode,
                Column::Group,
                Column::GroupId,
                Column::GroupDescription,
                Column::GroupCode,
            ],
            Kind::Groups => &[
                Column::Group,
                Column::GroupId,
                Column::GroupDescription,
                Column::GroupCode,
            ],
        }
    }

    /// The name, id, description and code columns of the sheet's own item.
    fn own(self) -> [Column; 4] {
        match self {
            Kind::Levels => [
                Column::Level,
                Column::LevelId,
                Column::LevelDescription,
                Column::LevelCode,
            ],
            Kind::Competencies => [
                Column::Competency,
                Column::CompetencyId,
                Column::CompetencyDescription,
                Column::CompetencyCode,
            ],
            Kind::Groups => [
                Column::Group,
                Column::GroupId,
                Column::GroupDescription,
                Column::GroupCode,
            ],
        }
    }

    fn what(self) -> &'static str {
        match self {
            Kind::Levels => "level",
            Kind::Competencies => "competency",
            Kind::Groups => "group",
        }
    }
}

impl Tables {
    /// Read one table sheet into the tables (groups first, then competencies, then levels, so
    /// that a competencies sheet's groups merge with the groups sheet's).
    pub(super) fn read(
        &mut self,
        problems: &mut Problems,
        table: &Table,
        mappings: &[Mapping],
        kind: Kind,
    ) {
        let all = kind.columns();
        let Some(columns) =
            header_columns(problems, table, all, Column::name, mappings, &|_| false)
        else {
            return;
        };
        let [name_column, id_column, description_column, code_column] = kind.own();
        let required: fn(Column) -> bool = match kind {
            Kind::Levels => |c| c == Column::Level,
            Kind::Competencies => |c| c == Column::Competency,
            Kind::Groups => |c| c == Column::Group,
        };
        required_columns(problems, &columns, all, required, Column::name);
        if problems.has_error() {
            return;
        }
        // The texts this sheet gives: the framework sheet's columns for them are not read.
        for &column in all {
            let key = matches!(
                column,
                Column::Level | Column::LevelId | Column::Competency | Column::CompetencyId
            ) || (kind == Kind::Groups
                && matches!(column, Column::Group | Column::GroupId));
            if !key && columns.get(column).is_some() && !self.given.contains(&column) {
                self.given.push(column);
            }
        }
        match kind {
            Kind::Levels => self.has_levels = true,
            Kind::Competencies => self.has_competencies = true,
            Kind::Groups => {}
        }
        for (index, row) in table.rows().enumerate().skip(1) {
            let cells = Cells::new(table, &columns, index, row);
            if cells.is_blank() {
                continue;
            }
            let group = if kind == Kind::Competencies {
                self.group_of(problems, &cells)
            } else {
                None
            };
            let Some((id, id_code)) = id_and_code(
                problems,
                kind.what(),
                cells.trimmed(id_column),
                cells.at(id_column),
                cells.trimmed(name_column),
                cells.at(name_column),
            ) else {
                continue;
            };
            let description = cells
                .non_blank(description_column)
                .map(|d| (d, cells.at(description_column)));
            let code = cells
                .non_blank(code_column)
                .map(|c| (c, cells.at(code_column)))
                .or(id_code.map(|c| (c, cells.at(id_column))));
            let items = match kind {
                Kind::Levels => &mut self.levels,
                Kind::Competencies => &mut self.competencies,
                Kind::Groups => &mut self.groups,
            };
            items.merge(
                problems,
                kind.what(),
                (&id, cells.trimmed(name_column), cells.at(name_column)),
                description,
                code,
                group.as_ref().map(|(g, at)| (g.as_str(), *at)),
            );
        }
        match kind {
            Kind::Levels => self.levels.check_spellings(problems, "level"),
            Kind::Competencies => self.competencies.check_spellings(problems, "competency"),
            Kind::Groups => self.groups.check_spellings(problems, "group"),
        }
    }

    /// The group a competencies sheet's row puts its competency in (merged into the groups),
    /// by id, with where the row says so.
    fn group_of(&mut self, problems: &mut Problems, cells: &Cells<Column>) -> Option<(String, At)> {
        let name = cells.trimmed(Column::Group);
        let id = cells.trimmed(Column::GroupId);
        if name.is_empty() && id.is_empty() {
            return None;
        }
        // A group named only by id may be one the groups sheet gives.
        let (id, id_code) = match self.groups.find(id, name) {
            Some(found) if name.is_empty() || id.is_empty() => (found.id.clone().into(), None),
            _ => id_and_code(
                problems,
                "group",
                id,
                cells.at(Column::GroupId),
                name,
                cells.at(Column::Group),
            )?,
        };
        let name = if name.is_empty() {
            self.groups
                .find(&id, "")
                .map_or_else(|| id.to_string(), |g| g.name.clone())
        } else {
            name.to_string()
        };
        let description = cells
            .non_blank(Column::GroupDescription)
            .map(|d| (d, cells.at(Column::GroupDescription)));
        let code = cells
            .non_blank(Column::GroupCode)
            .map(|c| (c, cells.at(Column::GroupCode)))
            .or(id_code.map(|c| (c, cells.at(Column::GroupId))));
        let at = cells.at(Column::Group);
        self.groups
            .merge(problems, "group", (&id, &name, at), description, code, None);
        Some((id.into_owned(), at))
    }
}

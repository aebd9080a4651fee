//! `rungs import sheet`: the one mapping from a sheet's rows to a framework, whatever the
//! container ([`super::table`]) — one row per indicator, and optionally a roles sheet, one row
//! per role and competency.
//!
//! The columns are [`sheet::COLUMNS`] and [`sheet::ROLE_COLUMNS`], matched by header name (case,
//! spaces, hyphens and underscores do not matter) or by a `--column HEADER=FIELD` mapping.
//!
//! The phases, a file each: the header gives each column its field (`header`); each row adds
//! its competency, level, competency level, tracks and indicator (`gather`); the levels are
//! ordered (`order`); the framework is built (`build`); the roles sheet gives the targets
//! (`roles`). What every phase uses (a row's cells, the problems found, where a cell is) is
//! in `cells`.
//!
//! Levels are ordered so that every competency's levels, and every track's, come in the order
//! the rows give them; where that leaves a choice, by first appearance. Ids that are not given
//! are made from the names (slugs); indicator ids from `<competency>.<level>.<n>`, as the
//! framework format does for an indicator written as a plain string.

mod build;
mod cells;
mod gather;
mod header;
mod order;
mod roles;
mod tables;

use super::{Imported, Options, Table};
use crate::framework::sheet::{self, Column, COLUMNS};
use crate::framework::LoadError;
use cells::At;
use cells::Problems;
use gather::{Gathered, LevelColumn, Wide};
use header::{header_columns, required_columns};
use order::level_order;
use roles::read_roles;
use tables::{Kind, Tables};

/// A `--column HEADER=FIELD` mapping: a sheet's own header read as one of rungs's fields.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mapping {
    /// The sheet's header.
    pub header: String,
    /// The field it is read as ([`sheet::fields`]).
    pub field: &'static str,
    /// For `HEADER=level:NAME`, the level whose indicators the column gives (a wide sheet).
    pub level: Option<String>,
}

impl Mapping {
    /// `HEADER=FIELD`, with FIELD one of [`sheet::fields`] (matched as headers are); the error
    /// says what is wrong and lists the fields.
    pub fn parse(text: &str) -> Result<Mapping, String> {
        let fields = sheet::fields();
        if let Some((header, level)) = text.rsplit_once('=').and_then(|(header, field)| {
            let (key, name) = field.split_once(':')?;
            sheet::same_header(key, "level").then_some((header, name))
        }) {
            if header.trim().is_empty() || level.trim().is_empty() {
                return Err(format!(
                    "--column {text:?}: give the header and the level's name, as 'Level 3 description=level:Level 3'"
                ));
            }
            return Ok(Mapping {
                header: header.trim().to_string(),
                field: "level",
                level: Some(level.trim().to_string()),
            });
        }
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
            level: None,
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

/// Sheets of their own for the levels, competencies and groups (`--levels-sheet`,
/// `--competencies-sheet`, `--groups-sheet`), each one row per item.
#[derive(Default)]
pub struct TableSheets<'a> {
    /// Levels: `level`, `level_id`, `level_description`, `level_code`.
    pub levels: Option<Sheet<'a>>,
    /// Competencies: `competency`, `competency_id`, `competency_description`,
    /// `competency_code`, and their group's columns.
    pub competencies: Option<Sheet<'a>>,
    /// Groups: `group`, `group_id`, `group_description`, `group_code`.
    pub groups: Option<Sheet<'a>>,
}

/// Read a framework sheet, and a roles sheet when given. Every problem found in either is
/// returned, each at its row and column (in a workbook, of its sheet: `ladder.xlsx[Roles]`),
/// the framework sheet's first.
pub fn import(
    framework: Sheet<'_>,
    roles: Option<Sheet<'_>>,
    options: &Options,
    mappings: &[Mapping],
) -> Result<Imported, LoadError> {
    import_with_tables(framework, roles, TableSheets::default(), options, mappings)
}

/// [`import`], with the levels, competencies and groups read from sheets of their own first:
/// the framework sheet's rows then name them by id or name, and the texts they give stand.
pub fn import_with_tables(
    framework: Sheet<'_>,
    roles: Option<Sheet<'_>>,
    table_sheets: TableSheets<'_>,
    options: &Options,
    mappings: &[Mapping],
) -> Result<Imported, LoadError> {
    let mut tables = Tables::default();
    let mut sheets_problems: Vec<LoadError> = Vec::new();
    for (sheet, kind) in [
        (&table_sheets.groups, Kind::Groups),
        (&table_sheets.competencies, Kind::Competencies),
        (&table_sheets.levels, Kind::Levels),
    ] {
        if let Some(sheet) = sheet {
            let label = sheet.table.label(sheet.file);
            let mut problems = Problems::new(&label);
            tables.read(&mut problems, sheet.table, mappings, kind);
            sheets_problems.push(LoadError {
                diagnostics: problems.into_error().diagnostics,
            });
        }
    }
    let label = framework.table.label(framework.file);
    let mut problems = Problems::new(&label);
    let mut raw = read_framework(&mut problems, framework.table, mappings, options, tables)
        .map(|(gathered, order)| gathered.into_framework(&order, framework.file, options));
    let roles_label = roles.as_ref().map(|r| r.table.label(r.file));
    let mut role_problems = Problems::new(roles_label.as_deref().unwrap_or(""));
    if let Some(roles) = &roles {
        // Read even when the framework sheet has problems, so that both sheets' are said in
        // one run; the roles then name what the framework sheet's good rows gave.
        let targets = read_roles(&mut role_problems, roles.table, mappings, raw.as_ref());
        if let Some(raw) = &mut raw {
            raw.targets = targets;
        }
    }
    let table_error = sheets_problems
        .iter()
        .any(|e| e.diagnostics.iter().any(|d| d.is_error()));
    if table_error || problems.has_error() || role_problems.has_error() {
        let mut error = LoadError {
            diagnostics: sheets_problems
                .into_iter()
                .flat_map(|e| e.diagnostics)
                .collect(),
        };
        error.diagnostics.extend(problems.into_error().diagnostics);
        error
            .diagnostics
            .extend(role_problems.into_error().diagnostics);
        return Err(error);
    }
    let mut warnings: Vec<_> = sheets_problems
        .into_iter()
        .flat_map(|e| e.diagnostics)
        .collect();
    warnings.extend(problems.diagnostics);
    warnings.extend(role_problems.diagnostics);
    Ok(Imported {
        framework: raw.unwrap_or_default(),
        warnings,
        about: None,
    })
}

/// The framework sheet's rows gathered, and its levels' order; `None` when its header leaves
/// nothing to read (the problems say why).
fn read_framework(
    problems: &mut Problems,
    table: &Table,
    mappings: &[Mapping],
    options: &Options,
    tables: Tables,
) -> Option<(Gathered, Vec<usize>)> {
    let wide = level_columns(problems, table, mappings, options.wide);
    if wide.is_empty() && options.wide && !table.is_empty() {
        problems.header_error(
            table.row_number(0),
            "--wide: no header names a level (\"Level 1\", \"Level 2 description\"...); map each level's column with --column 'HEADER=level:NAME'".into(),
        );
        return None;
    }
    let is_level_column = |i: usize| wide.iter().any(|w| w.index == i);
    let mut columns = header_columns(
        problems,
        table,
        &COLUMNS,
        Column::name,
        mappings,
        &is_level_column,
    )?;
    // A text a table sheet gives stands; this sheet's column for it is not read.
    for &given in &tables.given {
        if let Some(i) = columns.get(given) {
            problems.warn(
                At {
                    row: table.row_number(0),
                    column: table.column_number(i),
                },
                format!(
                    "column {:?} is not read: a table sheet gives these texts",
                    given.name()
                ),
            );
            columns.0.retain(|&(c, _)| c != given);
        }
    }
    if wide.is_empty() {
        required_columns(
            problems,
            &columns,
            &COLUMNS,
            Column::is_required,
            Column::name,
        );
    } else {
        required_columns(
            problems,
            &columns,
            &COLUMNS,
            |c| c == Column::Competency,
            Column::name,
        );
        for column in [Column::Level, Column::Indicator] {
            if let Some(i) = columns.get(column) {
                problems.warn(
                    At {
                        row: table.row_number(0),
                        column: table.column_number(i),
                    },
                    format!(
                        "column {:?} is not read: in a wide sheet each level's column gives the level and its indicators",
                        column.name()
                    ),
                );
            }
        }
    }
    if problems.has_error() {
        return None;
    }
    let mut gathered = Gathered::for_rows(table.len());
    gathered.keep_repeats = options.keep_repeats;
    gathered.take_tables(tables);
    for (index, row) in table.rows().enumerate().skip(1) {
        if wide.is_empty() {
            gathered.read_row(problems, &columns, table, index, row);
        } else {
            gathered.read_wide_row(
                problems,
                &columns,
                table,
                index,
                row,
                Wide {
                    columns: &wide,
                    split: options.split_lines,
                },
            );
        }
    }
    gathered.check_empty_levels(problems);
    gathered.check_unsplit(problems);
    gathered.check_spellings(problems);
    gathered.check_folded(problems);
    let order = level_order(problems, &gathered);
    Some((gathered, order))
}

/// The columns of a wide sheet that each give one level's indicators: those mapped with
/// `--column 'HEADER=level:NAME'`, in the sheet's order, and with `--wide` every header
/// `Level N` or `Level N <words>` (the level `Level N`), in increasing N. Empty headers of
/// columns that hold text are skipped, with one warning.
fn level_columns(
    problems: &mut Problems,
    table: &Table,
    mappings: &[Mapping],
    wide: bool,
) -> Vec<LevelColumn> {
    let Some(header) = table.row(0) else {
        return Vec::new();
    };
    let row = table.row_number(0);
    let mut found: Vec<(u64, LevelColumn)> = Vec::new();
    let mut empty = Vec::new();
    for (index, cell) in header.iter().enumerate() {
        let at = At {
            row,
            column: table.column_number(index),
        };
        let mapped = mappings
            .iter()
            .find(|m| sheet::same_header(&m.header, cell))
            .and_then(|m| m.level.clone());
        if let Some(name) = mapped {
            found.push((
                0,
                LevelColumn {
                    index,
                    name,
                    header_at: at,
                },
            ));
        } else if wide {
            if let Some(n) = level_number(cell) {
                found.push((
                    n,
                    LevelColumn {
                        index,
                        name: format!("Level {n}"),
                        header_at: at,
                    },
                ));
            } else if cell.trim().is_empty() {
                empty.push(index);
            }
        }
    }
    if !found.is_empty() && !empty.is_empty() {
        // Said only of columns that hold something, once.
        let holding: Vec<usize> = empty
            .into_iter()
            .filter(|&i| {
                table
                    .rows()
                    .skip(1)
                    .any(|r| r.get(i).is_some_and(|c| !c.trim().is_empty()))
            })
            .collect();
        if let Some(&first) = holding.first() {
            problems.warn(
                At {
                    row,
                    column: table.column_number(first),
                },
                format!(
                    "{} without a header {} skipped (the first here); give a header to read it",
                    crate::render::plural(holding.len(), "column", "columns"),
                    if holding.len() == 1 { "is" } else { "are" }
                ),
            );
        }
    }
    // Mapped columns keep the sheet's order (their key is 0); --wide's go by N.
    found.sort_by_key(|(n, _)| *n);
    found.into_iter().map(|(_, column)| column).collect()
}

/// N of a header `Level N` or `Level N <words>` (N a whole number), case aside.
fn level_number(header: &str) -> Option<u64> {
    let mut words = header.split_whitespace();
    let first = words.next()?;
    if !first.eq_ignore_ascii_case("level") {
        return None;
    }
    words.next()?.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::table::Source;

    fn read(text: &str) -> Result<Imported, LoadError> {
        read_with_roles(text, None)
    }

    fn read_with_roles(text: &str, roles: Option<&str>) -> Result<Imported, LoadError> {
        let mut source = Source::open("sheet.csv", text.as_bytes())?;
        let table = source.table(None)?;
        let roles_table = match roles {
            Some(roles) => Some(Source::open("roles.csv", roles.as_bytes())?.table(None)?),
            None => None,
        };
        import(
            Sheet {
                file: "sheet.csv",
                table: &table,
            },
            roles_table.as_ref().map(|table| Sheet {
                file: "roles.csv",
                table,
            }),
            &Options::default(),
            &[],
        )
    }

    #[test]
    fn a_track_named_again_by_its_name_is_the_same_track_and_lists_a_level_once() {
        let sheet = "competency,level,indicator,track,track_id\n\
                     A,One,a1,,\n\
                     A,One,a2,Lead,mgr\n\
                     A,Two,a3,Lead,\n";
        let imported = read(sheet).unwrap_or_else(|e| panic!("{e}"));
        let tracks: Vec<_> = imported
            .framework
            .tracks
            .iter()
            .map(|t| (t.id.as_str(), t.name.as_str(), t.levels.clone()))
            .collect();
        assert_eq!(
            tracks,
            [("mgr", "Lead", vec!["one".to_string(), "two".to_string()])]
        );
    }

    #[test]
    fn a_role_names_the_first_competency_with_that_id_or_name_and_asks_it_once() {
        // Competency "a" is named "b"; competency "b" is named "B2".
        let sheet = "competency,competency_id,level,indicator\n\
                     b,a,One,x1\n\
                     b,a,Two,x2\n\
                     B2,b,One,y1\n";
        let roles = "role,competency,level\nLead,b,One\nLead,B2,one\n";
        let imported = read_with_roles(sheet, Some(roles)).unwrap_or_else(|e| panic!("{e}"));
        let targets: Vec<_> = imported
            .framework
            .targets
            .iter()
            .map(|t| (t.id.as_str(), t.levels.0.clone()))
            .collect();
        let pair = |c: &str, l: &str| (c.to_string(), l.to_string());
        assert_eq!(
            targets,
            [("lead", vec![pair("a", "one"), pair("b", "one")])]
        );
        let roles = "role,competency,level\nLead,b,One\nLead,a,Two\nLead,a,one\n";
        let error = read_with_roles(sheet, Some(roles))
            .err()
            .map(|e| e.to_string());
        assert_eq!(
            error.as_deref(),
            Some("roles.csv:3:3: role \"lead\" asks level \"two\" of competency \"a\" here but \"one\" on an earlier row; give it once")
        );
    }

    #[test]
    fn a_role_may_name_a_competency_and_level_in_another_case_or_spacing() {
        let sheet = "competency,level,indicator\nPersonal Growth,Senior Engineer,x1\n";
        let roles = "role,competency,level\nLead,personal  growth,SENIOR engineer\n";
        let imported = read_with_roles(sheet, Some(roles)).unwrap_or_else(|e| panic!("{e}"));
        let targets: Vec<_> = imported
            .framework
            .targets
            .iter()
            .map(|t| t.levels.0.clone())
            .collect();
        assert_eq!(
            targets,
            [vec![(
                "personal-growth".to_string(),
                "senior-engineer".to_string()
            )]]
        );
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
                field: "indicator",
                level: None,
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

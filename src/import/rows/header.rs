//! Phase 1: the header row gives each column its field.

use std::hash::Hash;

use super::cells::{At, ColumnMap, Problems};
use super::Mapping;
use crate::framework::sheet;
use crate::framework::Diagnostic;
use crate::import::Table;

/// Phase 1: the field each header names (its own name, or a `--column` mapping), by position
/// in the row. A header twice is an error; one neither known nor mapped is a warning that lists
/// the fields still free to map it to. `None` when the sheet has no rows at all.
pub(super) fn header_columns<C: Copy + Eq + Hash>(
    problems: &mut Problems,
    table: &Table,
    all: &[C],
    name: fn(C) -> &'static str,
    mappings: &[Mapping],
    skip: &dyn Fn(usize) -> bool,
) -> Option<ColumnMap<C>> {
    let Some(header) = table.row(0) else {
        problems
            .diagnostics
            .push(Diagnostic::file_error(problems.file, "the sheet is empty"));
        return None;
    };
    let row = table.row_number(0);
    let mut columns: ColumnMap<C> = ColumnMap(Vec::new());
    let mut unknown = Vec::new();
    for (i, cell) in header.iter().enumerate() {
        if skip(i) {
            continue;
        }
        let at = At {
            row,
            column: table.column_number(i),
        };
        let mapping = mappings
            .iter()
            .find(|m| sheet::same_header(&m.header, cell));
        // A level's column of a wide sheet, read by its row producer.
        if mapping.is_some_and(|m| m.level.is_some()) {
            continue;
        }
        let field = mapping.map(|m| m.field);
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
pub(super) const UNREAD_COLUMNS_SHOWN: usize = 5;

/// A required column missing from the header is an error.
pub(super) fn required_columns<C: Copy + Eq + Hash>(
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

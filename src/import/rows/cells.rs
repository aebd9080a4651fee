//! What every phase of reading a sheet uses: where a cell is ([`At`]), the problems found so
//! far ([`Problems`]), which cell holds each field ([`ColumnMap`]) and a row's cells as read
//! ([`Cells`]); ids made or checked ([`id_of`]) and a later row agreeing with the first
//! ([`agree`], [`agree_optional`]).

use std::borrow::Cow;
use std::fmt::{self, Display};
use std::hash::Hash;

use crate::framework::sheet;
use crate::framework::{Diagnostic, LoadError, Severity};
use crate::import::{Row, Table};

/// Which cell of a row holds each field: a handful of pairs, looked up for every cell read, so
/// a list, not a hash map.
pub(super) struct ColumnMap<C>(pub(super) Vec<(C, usize)>);

impl<C: Copy + PartialEq> ColumnMap<C> {
    pub(super) fn get(&self, column: C) -> Option<usize> {
        self.0.iter().find(|(c, _)| *c == column).map(|&(_, i)| i)
    }

    pub(super) fn insert(&mut self, column: C, index: usize) {
        self.0.push((column, index));
    }
}

/// A place in the sheet: 1-based row and column, as a spreadsheet numbers them.
#[derive(Debug, Clone, Copy)]
pub(super) struct At {
    pub(super) row: usize,
    pub(super) column: usize,
}

/// Problems found so far, errors and warnings.
pub(super) struct Problems<'a> {
    pub(super) file: &'a str,
    pub(super) diagnostics: Vec<Diagnostic>,
}

impl<'a> Problems<'a> {
    pub(super) fn new(file: &'a str) -> Problems<'a> {
        Problems {
            file,
            diagnostics: Vec::new(),
        }
    }

    pub(super) fn error(&mut self, at: At, message: String) {
        self.diagnostics
            .push(Diagnostic::at(self.file, at.row, at.column, message));
    }

    pub(super) fn warn(&mut self, at: At, message: String) {
        self.diagnostics
            .push(Diagnostic::at(self.file, at.row, at.column, message).warning());
    }

    pub(super) fn header_error(&mut self, row: usize, message: String) {
        self.diagnostics.push(Diagnostic {
            file: self.file.to_string(),
            line: Some(row),
            column: None,
            message,
            severity: Severity::Error,
        });
    }

    pub(super) fn has_error(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }

    pub(super) fn into_error(mut self) -> LoadError {
        self.diagnostics
            .sort_by_key(|d| (d.line, d.column, d.severity == Severity::Warning));
        LoadError {
            diagnostics: self.diagnostics,
        }
    }
}

/// One row's cells, as the mapping reads them: a spreadsheet's formula protection taken off,
/// line breaks as `\n`.
pub(super) struct Cells<'r, C> {
    pub(super) cells: Vec<Cow<'r, str>>,
    pub(super) columns: &'r ColumnMap<C>,
    pub(super) table: &'r Table,
    pub(super) row: usize,
    /// Fields a row producer gave this row besides its own cells (a wide sheet's level and
    /// indicator), each with the place to name in messages: looked up before `columns`.
    pub(super) given: Vec<(C, Cow<'r, str>, At)>,
}

impl<'r, C: Copy + Eq + Hash> Cells<'r, C> {
    pub(super) fn new(
        table: &'r Table,
        columns: &'r ColumnMap<C>,
        index: usize,
        row: Row<'r>,
    ) -> Self {
        let cells = row
            .iter()
            .map(|c| {
                // Trimmed before anything compares or keeps it: a trailing space (or no-break
                // space) must not make "Basic " another level. Line breaks stay: a paragraph
                // may end with one.
                let c = trim_spaces(sheet::restore_cell(trim_spaces(c)));
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
            given: Vec::new(),
        }
    }

    pub(super) fn is_blank(&self) -> bool {
        self.cells.iter().all(|c| c.trim().is_empty())
    }

    /// Where a column's cell is (past the row's end when the sheet has no such column).
    pub(super) fn at(&self, column: C) -> At {
        if let Some(&(_, _, at)) = self.given.iter().find(|(c, _, _)| *c == column) {
            return at;
        }
        At {
            row: self.row,
            column: self
                .table
                .column_number(self.columns.get(column).unwrap_or(self.cells.len())),
        }
    }

    pub(super) fn cell(&self, column: C) -> Option<&str> {
        if let Some((_, text, _)) = self.given.iter().find(|(c, _, _)| *c == column) {
            return Some(text);
        }
        self.columns
            .get(column)
            .and_then(|i| self.cells.get(i))
            .map(|c| c.as_ref())
    }

    pub(super) fn text(&self, column: C) -> &str {
        self.cell(column).unwrap_or("")
    }

    pub(super) fn trimmed(&self, column: C) -> &str {
        self.text(column).trim()
    }

    pub(super) fn non_blank(&self, column: C) -> Option<&str> {
        Some(self.text(column)).filter(|t| !t.trim().is_empty())
    }
}

/// A cell without the spaces, tabs and no-break spaces (any white space but a line break) at
/// its ends.
fn trim_spaces(cell: &str) -> &str {
    cell.trim_matches(|c: char| c.is_whitespace() && c != '\n' && c != '\r')
}

/// The id of a competency, level, group, track or role: the id cell when given (one that is not
/// a slug, such as `ITSP` or `LO3.1.06`, is made one, [`slug_of_code`], and given back as the
/// item's code too), else a slug made from the name. `None` after saying why there is none.
pub(super) fn id_of<'s>(
    problems: &mut Problems,
    what: &str,
    id: &'s str,
    id_at: At,
    name: &'s str,
    name_at: At,
) -> Option<Cow<'s, str>> {
    id_and_code(problems, what, id, id_at, name, name_at).map(|(id, _)| id)
}

/// [`id_of`], and the code the id cell gave when it was not a slug.
pub(super) fn id_and_code<'s>(
    problems: &mut Problems,
    what: &str,
    id: &'s str,
    id_at: At,
    name: &'s str,
    name_at: At,
) -> Option<(Cow<'s, str>, Option<&'s str>)> {
    if !id.is_empty() {
        if name.is_empty() {
            problems.error(name_at, format!("empty {what}: give its name"));
            return None;
        }
        if is_slug(id) {
            return Some((Cow::Borrowed(id), None));
        }
        let slug = slug_of_code(id);
        if slug.is_empty() {
            problems.error(
                id_at,
                format!("{what} id {id:?} has no letter or digit to make an id of: use lowercase letters, digits, '.', '_' and '-', starting with a letter or digit"),
            );
            return None;
        }
        return Some((Cow::Owned(slug), Some(id)));
    }
    if name.is_empty() {
        problems.error(name_at, format!("empty {what}: give its name"));
        return None;
    }
    let slug = slug_of(name);
    if slug.is_empty() {
        problems.error(
            name_at,
            format!("cannot make an id from the {what} name {name:?}; add a {what}_id column"),
        );
        return None;
    }
    Some((slug, None))
}

/// An id made of a code that is not a slug: lowercase, with `.`, `_` and `-` kept and any other
/// run of characters one `-` (`ITSP` -> `itsp`, `LO3.1.06` -> `lo3.1.06`, `A 1/b` -> `a-1-b`).
pub(super) fn slug_of_code(code: &str) -> String {
    let mut out = String::with_capacity(code.len());
    for c in code.trim().chars() {
        if c.is_ascii_alphanumeric() || (matches!(c, '.' | '_' | '-') && !out.is_empty()) {
            out.push(c.to_ascii_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    while out.ends_with(['-', '.', '_']) {
        out.pop();
    }
    out
}

/// A name as compared for being the same item: lowercase, white space (no-break spaces too)
/// one space between words.
pub(super) fn folded(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for word in name.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(word.chars().flat_map(char::to_lowercase));
    }
    out
}

/// The spellings of one item's name, the first kept: a later row may spell it with another case
/// or spacing (one warning per item, [`Spellings::warn`]), but not another name.
#[derive(Default)]
pub(super) struct Spellings {
    /// Other spellings, each where it first appears.
    others: Vec<(String, At)>,
}

impl Spellings {
    /// A later row's name for the item first named `first` at `first_at`.
    pub(super) fn check(
        &mut self,
        problems: &mut Problems,
        what: &dyn Display,
        first: &str,
        first_at: At,
        here: &str,
        at: At,
    ) {
        if here == first || self.others.iter().any(|(s, _)| s == here) {
            return;
        }
        if folded(here) == folded(first) {
            self.others.push((here.to_string(), at));
        } else {
            agree(problems, what, "name", first, first_at, here, at);
        }
    }

    /// One warning for the item, at its first other spelling, naming every spelling.
    pub(super) fn warn(
        &self,
        problems: &mut Problems,
        what: &dyn Display,
        first: &str,
        first_at: At,
    ) {
        let Some(&(_, at)) = self.others.first() else {
            return;
        };
        let others: Vec<String> = self
            .others
            .iter()
            .map(|(s, at)| format!("{s:?} (row {})", at.row))
            .collect();
        problems.warn(
            at,
            format!(
                "{what} is spelled {} as well as {first:?} (row {}); names that differ only in case or spacing are one, and the first spelling is kept",
                others.join(", "),
                first_at.row
            ),
        );
    }
}

/// [`sheet::slug`] of a name, borrowed when the name already is its own slug (as most ids
/// given as names are): one allocation less on every row.
fn slug_of(name: &str) -> Cow<'_, str> {
    let name = name.trim();
    let own = !name.starts_with('-')
        && !name.ends_with('-')
        && !name.contains("--")
        && name
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
    if own {
        Cow::Borrowed(name)
    } else {
        Cow::Owned(sheet::slug(name))
    }
}

pub(super) fn is_slug(s: &str) -> bool {
    let mut chars = s.chars();
    matches!(chars.next(), Some(c) if c.is_ascii_lowercase() || c.is_ascii_digit())
        && chars
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '.' | '_' | '-'))
}

/// What a message is about, `competency "c"`, written only when there is a message.
pub(super) struct Named<'a>(pub(super) &'static str, pub(super) &'a str);

impl Display for Named<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {:?}", self.0, self.1)
    }
}

/// A competency level in messages: `competency "c" at level "l"`.
pub(super) struct AtLevel<'a>(pub(super) &'a str, pub(super) &'a str);

impl Display for AtLevel<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "competency {:?} at level {:?}", self.0, self.1)
    }
}

/// A later row must name a thing as the first one did.
pub(super) fn agree(
    problems: &mut Problems,
    what: &dyn Display,
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
pub(super) fn agree_optional(
    problems: &mut Problems,
    what: &dyn Display,
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_slug_is_borrowed_only_when_it_is_the_names_own() {
        for name in [
            "c3", " c3 ", "l-12", "Level 2", "L12", "-a", "a-", "a--b", "a b", "é", "", "  ",
            "a.b", "a_b", "3x",
        ] {
            let made = slug_of(name);
            assert_eq!(made, sheet::slug(name), "{name:?}");
            assert_eq!(
                matches!(made, Cow::Borrowed(_)),
                name.trim() == sheet::slug(name),
                "{name:?}"
            );
        }
    }
}

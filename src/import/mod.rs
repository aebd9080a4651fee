//! Frameworks kept elsewhere, read into the framework's raw structs: a sheet (read into a
//! [`Table`] by [`table`], text sheets itself and workbooks through [`workbook`]; its rows
//! mapped by [`rows`]) or a 1EdTech CASE package ([`case`]). Each import is a pure function
//! from bytes; the result then goes through the same validation as a framework file and is
//! written by [`crate::framework::write::yaml`].

pub mod case;
pub mod rows;
pub mod table;
pub mod translation;
pub mod workbook;

use crate::framework::format::RawFramework;
use crate::framework::{Diagnostic, LoadError};

/// What the person importing may set that the source does not say.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// The framework id (default: made from the file name).
    pub id: Option<String>,
    /// The framework name (default: made from the file name, or the source's title).
    pub name: Option<String>,
    /// The framework version (default: the source's, else "1.0").
    pub version: Option<String>,
    /// Keep an indicator a sheet restates word for word at a higher level of its competency as
    /// an indicator of its own, rather than folding it into its first occurrence.
    pub keep_repeats: bool,
    /// Read every header `Level N` (or `Level N <words>`) as the column of level `Level N`'s
    /// indicators (a wide sheet).
    pub wide: bool,
    /// In a wide sheet, make one indicator of each line or bullet of a level's cell.
    pub split_lines: bool,
}

/// An imported framework, not yet validated, and what is worth telling the person.
#[derive(Debug)]
pub struct Imported {
    /// The framework as a framework file would hold it.
    pub framework: RawFramework,
    /// Legal but suspicious things found (columns not read, say).
    pub warnings: Vec<Diagnostic>,
    /// What the source says about itself, for the file's header (a CASE document's identifier).
    pub about: Option<String>,
}

/// A sheet's rows, as text: every cell's text in one buffer, so that reading a sheet makes a
/// few allocations, not one a row or a cell.
#[derive(Debug, Clone, Default)]
pub struct Table {
    /// Every cell's text, row after row.
    text: String,
    /// Where each cell ends in `text`, row after row.
    ends: Vec<usize>,
    /// Where each row's cells start in `ends`; one more at the end.
    rows: Vec<usize>,
    /// The spreadsheet row number of the first row (1-based).
    pub first_row: usize,
    /// The spreadsheet column number of each row's first cell (1-based).
    pub first_column: usize,
    /// The sheet's name in its workbook (`None` for a text sheet).
    pub sheet: Option<String>,
}

impl Table {
    /// An empty table whose first row and column will be at these spreadsheet numbers, with
    /// room for `bytes` of text in `cells` cells.
    pub fn new(first_row: usize, first_column: usize, bytes: usize, cells: usize) -> Table {
        Table {
            text: String::with_capacity(bytes),
            ends: Vec::with_capacity(cells),
            rows: vec![0],
            first_row,
            first_column,
            sheet: None,
        }
    }

    /// The file and sheet as messages name them: `ladder.xlsx[Roles]` in a workbook, the file
    /// alone for a text sheet.
    pub fn label(&self, file: &str) -> String {
        match &self.sheet {
            Some(sheet) => format!("{file}[{}]", crate::render::safe::visible(sheet)),
            None => file.to_string(),
        }
    }

    /// A cell added to the row being read.
    pub fn push_cell(&mut self, text: &str) {
        self.text.push_str(text);
        self.ends.push(self.text.len());
    }

    /// The row being read is complete; the cells pushed next are the next row's.
    pub fn end_row(&mut self) {
        self.rows.push(self.ends.len());
    }

    /// How many rows the sheet has.
    pub fn len(&self) -> usize {
        self.rows.len().saturating_sub(1)
    }

    /// Whether the sheet has no rows.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Row `index`, the first (the header) being 0.
    pub fn row(&self, index: usize) -> Option<Row<'_>> {
        let (&from, &to) = (self.rows.get(index)?, self.rows.get(index + 1)?);
        Some(Row {
            text: &self.text,
            start: from.checked_sub(1).map_or(0, |last| self.ends[last]),
            ends: &self.ends[from..to],
        })
    }

    /// Every row, top first.
    pub fn rows(&self) -> impl Iterator<Item = Row<'_>> {
        (0..self.len()).filter_map(|index| self.row(index))
    }

    /// The spreadsheet row number of row `index`.
    pub fn row_number(&self, index: usize) -> usize {
        self.first_row + index
    }

    /// The spreadsheet column number of a row's cell `index`.
    pub fn column_number(&self, index: usize) -> usize {
        self.first_column + index
    }
}

/// One row of a [`Table`]: its cells' texts.
#[derive(Debug, Clone, Copy)]
pub struct Row<'t> {
    text: &'t str,
    /// Where the first cell starts in `text`.
    start: usize,
    /// Where each cell ends in `text`.
    ends: &'t [usize],
}

impl<'t> Row<'t> {
    /// How many cells the row has.
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    /// Whether the row has no cells.
    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// Cell `index`'s text.
    pub fn get(&self, index: usize) -> Option<&'t str> {
        let end = *self.ends.get(index)?;
        let start = index
            .checked_sub(1)
            .map_or(self.start, |before| self.ends[before]);
        self.text.get(start..end)
    }

    /// Every cell's text, first to last.
    pub fn iter(&self) -> impl Iterator<Item = &'t str> + '_ {
        (0..self.len()).filter_map(|index| self.get(index))
    }
}

/// One problem as the error of a container's reader.
fn fail(diagnostic: Diagnostic) -> LoadError {
    LoadError {
        diagnostics: vec![diagnostic],
    }
}

//! Frameworks kept elsewhere, read into the framework's raw structs: a sheet (read into a
//! [`Table`] by [`table`], text sheets itself and workbooks through [`workbook`]; its rows
//! mapped by [`rows`]) or a 1EdTech CASE package ([`case`]). Each import is a pure function
//! from bytes; the result then goes through the same validation as a framework file and is
//! written by [`crate::framework::write::yaml`].

pub mod case;
pub mod rows;
pub mod table;
pub mod workbook;

use csv::StringRecord;

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

/// A sheet's rows, as text.
#[derive(Debug, Clone, Default)]
pub struct Table {
    /// The rows, top first; the first is the header. One allocation a row, not one a cell.
    pub rows: Vec<StringRecord>,
    /// The spreadsheet row number of `rows[0]` (1-based).
    pub first_row: usize,
    /// The spreadsheet column number of each row's first cell (1-based).
    pub first_column: usize,
}

impl Table {
    /// The spreadsheet row number of `rows[index]`.
    pub fn row_number(&self, index: usize) -> usize {
        self.first_row + index
    }

    /// The spreadsheet column number of a row's cell `index`.
    pub fn column_number(&self, index: usize) -> usize {
        self.first_column + index
    }
}

/// One problem as the error of a container's reader.
fn fail(diagnostic: Diagnostic) -> LoadError {
    LoadError {
        diagnostics: vec![diagnostic],
    }
}

//! Frameworks kept elsewhere, read into the framework's raw structs: a sheet ([`table`] reads
//! text sheets and workbooks, [`rows`] maps their rows) or a 1EdTech CASE package ([`case`]). Each import is a pure function from bytes;
//! the result then goes through the same validation as a framework file and is written by
//! [`crate::framework::write::yaml`].

pub mod case;
pub mod rows;
pub mod table;

use crate::framework::format::RawFramework;
use crate::framework::Diagnostic;

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

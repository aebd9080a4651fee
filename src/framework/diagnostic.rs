//! Problems found in a framework file, each pointing at the place to fix.

use std::fmt;

use crate::error::BadInput;
pub use crate::error::{Diagnostic, Severity};

/// A framework file that could not be loaded: every problem found, sorted by position.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadError {
    /// Every problem found, errors and warnings, sorted by position (file-wide ones first).
    pub diagnostics: Vec<Diagnostic>,
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, d) in self.diagnostics.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{d}")?;
        }
        Ok(())
    }
}

impl std::error::Error for LoadError {}

/// A framework that cannot be loaded is bad input: its problems, each at its place.
impl From<LoadError> for BadInput {
    fn from(error: LoadError) -> Self {
        BadInput::located(error.diagnostics)
    }
}

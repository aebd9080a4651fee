//! Competency frameworks: the model, loading and validation, and the built-in set.

pub mod builtin;
pub mod diagnostic;
pub mod format;
pub mod load;
pub mod model;
pub mod reading;
pub mod sheet;
pub mod text;
pub mod translation;
pub mod write;

pub use diagnostic::{Diagnostic, LoadError, Severity};
pub use load::{digest, load, Loaded};
pub use model::*;

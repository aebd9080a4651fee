//! Competency frameworks: the model, loading and validation, and the built-in set.

pub mod builtin;
pub mod diagnostic;
pub mod load;
pub mod locate;
pub mod marked;
pub mod model;
pub mod raw;
pub mod shape;
pub mod sheet;
pub mod text;
pub mod write;

pub use diagnostic::{Diagnostic, LoadError, Severity};
pub use load::{digest, load, Loaded};
pub use model::*;

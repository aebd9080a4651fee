//! Assessments: ratings of a framework's indicators, and their files.

pub mod answers;
pub mod file;
pub mod gather;
pub mod model;

pub use model::*;

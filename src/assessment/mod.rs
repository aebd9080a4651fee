//! Assessments: ratings of a framework's indicators, and their files.

pub mod model;

pub use model::*;

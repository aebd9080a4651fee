//! Assessments: ratings of a framework's indicators, and their files.

pub mod answers;
pub mod brief;
pub mod destination;
pub mod file;
pub mod folder;
pub mod gather;
pub mod issued;
pub mod model;
pub mod person;
pub mod reconcile;
pub mod start;
pub mod target;

pub use model::*;
pub use reconcile::{reconcile, Reconciled};
pub use target::{TargetLevels, TargetRequest};

//! rungs: competency self-assessment against YAML frameworks.
//!
//! Data flows one way: [`framework`] (model, load, validate) -> [`assessment`] (ratings, files)
//! -> [`scoring`] (profile, gaps, plan), [`diff`] and [`history`] (changes over time)
//! -> [`render`]. The library returns values and strings; only the binary reads the terminal,
//! prints or exits.

#![warn(clippy::print_stdout, clippy::print_stderr, missing_docs)]

pub mod assessment;
pub mod catalog;
pub mod diff;
pub mod error;
pub mod framework;
pub mod history;
pub mod render;
pub mod schema;
pub mod scoring;
pub mod walk;

//! rungs: competency self-assessment against YAML frameworks.
//!
//! Data flows one way: [`framework`] (model, load, validate) -> [`assessment`] (ratings, files)
//! -> [`scoring`] (profile, gaps, plan), [`report`] (what a report shows), [`diff`] and
//! [`history`] (changes over time) -> [`render`]. [`open`] is the one policy every command follows to read a saved assessment
//! with its framework, ladder and target. The library returns values and strings; only the
//! binary reads the terminal, prints or exits.
//!
//! ```
//! use rungs::assessment::{Rating, RatingValue};
//! use rungs::assessment::Ratings;
//! use rungs::scoring::profile;
//!
//! let yaml = r#"
//! id: listening
//! name: Listening
//! version: "1"
//! levels: [{ id: starting, name: Starting }, { id: leading, name: Leading }]
//! competencies:
//!   - id: listening
//!     name: Listening
//!     levels:
//!       - level: starting
//!         indicators: [Lets others finish, Asks questions]
//!       - level: leading
//!         indicators: [Coaches others to listen]
//! "#;
//! let framework = rungs::framework::load("listening.yaml", yaml.as_bytes())?.framework;
//! let rate = |value| Rating { value: RatingValue::Scale(value), note: None };
//! let ratings: Ratings = [
//!     ("listening.starting.1".to_string(), rate(4)),
//!     ("listening.starting.2".to_string(), rate(3)),
//!     ("listening.leading.1".to_string(), rate(2)),
//! ]
//! .into();
//! let result = &profile(&framework, &ratings).competencies[0];
//! assert_eq!(result.rank, 1); // Starting held: both its indicators rated 3 or more
//! assert_eq!(result.score, Some(1.0)); // and nothing of Leading shown yet
//! # Ok::<(), rungs::framework::LoadError>(())
//! ```

#![warn(clippy::print_stdout, clippy::print_stderr, missing_docs)]

pub mod assessment;
pub mod catalog;
pub mod compare;
pub mod consistency;
pub mod diff;
pub mod error;
pub mod explain;
pub mod form;
pub mod framework;
pub mod history;
pub mod import;
pub mod io;
pub mod language;
pub mod open;
pub mod render;
pub mod report;
pub mod schema;
pub mod scoring;
pub mod team;
pub mod walk;
pub mod words;
pub mod yaml;

#[cfg(test)]
mod test_support;

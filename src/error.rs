//! Errors that are the user's to fix: they map to exit code 2.

use std::fmt;

/// Bad input: usage, an invalid framework, an unreadable or mismatched assessment.
///
/// Each line is one problem. The binary prints them and exits with code 2.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadInput {
    /// One message per problem.
    pub problems: Vec<String>,
}

impl BadInput {
    /// A single problem.
    pub fn new(message: impl Into<String>) -> Self {
        BadInput {
            problems: vec![message.into()],
        }
    }

    /// Several problems, reported together.
    pub fn many(problems: Vec<String>) -> Self {
        BadInput { problems }
    }
}

impl fmt::Display for BadInput {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.problems.join("\n"))
    }
}

impl std::error::Error for BadInput {}

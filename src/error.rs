//! Problems that are the user's to fix, as values: each has its file, its place in the file
//! when it has one, and a message saying how to fix it. The library returns them; the binary
//! prints them, one line each, and maps them to exit code 2 (in `main.rs`, the one place exit
//! codes are chosen).

use std::fmt;

/// How serious a problem is: errors make a file invalid, warnings do not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// Legal but suspicious.
    Warning,
    /// The file cannot be used.
    Error,
}

/// One problem, printed as `file:line:col: message`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// The file as the user named it (or `builtin:<id>`); empty when the problem is not in a
    /// file (a command-line value, say).
    pub file: String,
    /// 1-based line, when the problem has a place in the file.
    pub line: Option<usize>,
    /// 1-based column, when the problem has a place in the file.
    pub column: Option<usize>,
    /// What is wrong and how to fix it.
    pub message: String,
    /// Error or warning.
    pub severity: Severity,
}

impl Diagnostic {
    /// An error that is not in a file: a command-line value, a choice that does not fit.
    pub fn general(message: impl Into<String>) -> Self {
        Diagnostic::file_error("", message)
    }

    /// An error with no position (the whole file is at fault).
    pub fn file_error(file: &str, message: impl Into<String>) -> Self {
        Diagnostic {
            file: file.to_string(),
            line: None,
            column: None,
            message: message.into(),
            severity: Severity::Error,
        }
    }

    /// An error at a 1-based line and column.
    pub fn at(file: &str, line: usize, column: usize, message: impl Into<String>) -> Self {
        Diagnostic {
            file: file.to_string(),
            line: Some(line),
            column: Some(column),
            message: message.into(),
            severity: Severity::Error,
        }
    }

    /// The same diagnostic as a warning.
    pub fn warning(mut self) -> Self {
        self.severity = Severity::Warning;
        self
    }

    /// Whether this makes the file invalid.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.file.is_empty() {
            if self.severity == Severity::Warning {
                write!(f, "warning: ")?;
            }
            return f.write_str(&self.message);
        }
        write!(f, "{}", self.file)?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
            if let Some(column) = self.column {
                write!(f, ":{column}")?;
            }
        }
        if self.severity == Severity::Warning {
            write!(f, ": warning")?;
        }
        write!(f, ": {}", self.message)
    }
}

/// Bad input: usage, an invalid framework, an unreadable or mismatched assessment.
///
/// Each problem is one line. The binary prints them and exits with code 2.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadInput {
    /// Every problem, in the order found.
    pub problems: Vec<Diagnostic>,
}

impl BadInput {
    /// A single problem that is not in a file: a command-line value, a choice that does not
    /// fit.
    pub fn new(message: impl Into<String>) -> Self {
        BadInput {
            problems: vec![Diagnostic::general(message)],
        }
    }

    /// A single problem with a whole file (no place in it), printed `file: message`.
    pub fn in_file(file: &str, message: impl Into<String>) -> Self {
        BadInput::located(vec![Diagnostic::file_error(file, message)])
    }

    /// A single problem at a 1-based line and column of a file, printed
    /// `file:line:col: message`.
    pub fn at(file: &str, line: usize, column: usize, message: impl Into<String>) -> Self {
        BadInput::located(vec![Diagnostic::at(file, line, column, message)])
    }

    /// Several problems, reported together.
    pub fn many(problems: Vec<String>) -> Self {
        BadInput {
            problems: problems.into_iter().map(Diagnostic::general).collect(),
        }
    }

    /// Problems found with their places.
    pub fn located(problems: Vec<Diagnostic>) -> Self {
        BadInput { problems }
    }

    /// The problems of another, then these.
    pub fn and(mut self, other: BadInput) -> Self {
        self.problems.extend(other.problems);
        self
    }
}

impl fmt::Display for BadInput {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, problem) in self.problems.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{problem}")?;
        }
        Ok(())
    }
}

impl std::error::Error for BadInput {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_problem_prints_its_file_and_place_before_the_message() {
        let whole = BadInput::in_file("me.json", "is a folder");
        assert_eq!(whole.problems[0].file, "me.json");
        assert_eq!(whole.to_string(), "me.json: is a folder");
        let placed = BadInput::at("me.json", 3, 7, "invalid assessment: expected `,`");
        assert_eq!(
            (placed.problems[0].line, placed.problems[0].column),
            (Some(3), Some(7))
        );
        assert_eq!(
            placed.to_string(),
            "me.json:3:7: invalid assessment: expected `,`"
        );
        assert_eq!(
            BadInput::new("--target needs a role id").to_string(),
            "--target needs a role id"
        );
    }
}

//! Problems that are the user's to fix, as values: each has its file, its place in the file
//! when it has one, and a message saying how to fix it. The library returns them; the binary
//! prints them, one line each, and maps them to exit code 2 (in `main.rs`, the one place exit
//! codes are chosen).

use std::fmt;

/// How serious a problem is: errors make a file invalid, warnings do not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
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

/// How many places one kind of problem is named at before the rest are counted in one line.
pub const PLACES_NAMED: usize = 20;

/// The problems as they are printed: each kind of problem (one file, one severity, one message
/// once the quoted names and the numbers in it are set aside) at its first [`PLACES_NAMED`]
/// places, then one line at the next place counting the rest. So 30,000 rows with an empty
/// cell are 21 lines, not 30,000. Order is kept.
pub fn capped(problems: &[Diagnostic]) -> Vec<Diagnostic> {
    use std::collections::HashMap;
    // Per kind: how many there are, counted first, so the line that counts the rest is
    // written where the rest begins.
    let kinds: Vec<(&str, Severity, String)> = problems
        .iter()
        .map(|p| (p.file.as_str(), p.severity, shape(&p.message)))
        .collect();
    let mut totals: HashMap<&(&str, Severity, String), usize> = HashMap::new();
    for kind in &kinds {
        *totals.entry(kind).or_insert(0) += 1;
    }
    let mut seen: HashMap<&(&str, Severity, String), usize> = HashMap::new();
    let mut out = Vec::with_capacity(problems.len().min(1024));
    for (problem, kind) in problems.iter().zip(&kinds) {
        let count = seen.entry(kind).or_insert(0);
        *count += 1;
        if *count <= PLACES_NAMED {
            out.push(problem.clone());
        } else if *count == PLACES_NAMED + 1 {
            let rest = totals.get(kind).copied().unwrap_or(0) - PLACES_NAMED;
            let mut line = problem.clone();
            line.message = format!(
                "{rest} more {} with this problem, from here on: {}",
                if rest == 1 { "place" } else { "places" },
                problem.message
            );
            out.push(line);
        }
    }
    out
}

/// A message with what names a place or a thing set aside: quoted text becomes `""` and a run
/// of digits `#`, so the same problem on two rows has one shape.
fn shape(message: &str) -> String {
    let mut out = String::with_capacity(message.len());
    let mut chars = message.chars();
    while let Some(c) = chars.next() {
        match c {
            '"' => {
                out.push_str("\"\"");
                while let Some(c) = chars.next() {
                    match c {
                        '\\' => {
                            chars.next();
                        }
                        '"' => break,
                        _ => {}
                    }
                }
            }
            '0'..='9' => {
                if !out.ends_with('#') {
                    out.push('#');
                }
            }
            c => out.push(c),
        }
    }
    out
}

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

    #[test]
    fn one_kind_of_problem_is_named_at_twenty_places_then_counted() {
        let mut problems: Vec<Diagnostic> = (1..=30)
            .map(|row| Diagnostic::at("s.csv", row, 3, format!("empty indicator at {row}")))
            .collect();
        problems.insert(
            25,
            Diagnostic::at(
                "s.csv",
                25,
                1,
                "duplicate indicator id \"a.b\" (first at row 2)",
            ),
        );
        problems.push(Diagnostic::at(
            "s.csv",
            31,
            1,
            "duplicate indicator id \"c\" (first at row 9)",
        ));
        let capped = capped(&problems);
        let lines: Vec<String> = capped.iter().map(ToString::to_string).collect();
        assert_eq!(lines.len(), 23, "{lines:#?}");
        assert_eq!(lines[19], "s.csv:20:3: empty indicator at 20");
        assert_eq!(
            lines[20],
            "s.csv:21:3: 10 more places with this problem, from here on: empty indicator at 21"
        );
        assert!(lines[21].starts_with("s.csv:25:1: duplicate"));
        assert!(lines[22].starts_with("s.csv:31:1: duplicate"));
        assert_eq!(shape("id \"a\\\"b\" at 12:4"), "id \"\" at #:#");
    }
}

//! The assessments folder: what is in it, and which files belong to a framework.
//!
//! `rungs assess` saves self-assessments there by default; `report`, `diff`, `history` and
//! `assess --resume`/`--from` take a framework id in place of a file and find its
//! self-assessments here, latest first. A rating of someone else is never picked that way.

use std::path::{Path, PathBuf};

use time::OffsetDateTime;

use super::file;
use super::model::{Assessment, Rater};
use crate::error::Diagnostic;
use crate::io::{files_in, Depth};

/// The assessments folder: `$XDG_DATA_HOME/rungs/assessments`, else
/// `$HOME/.local/share/rungs/assessments`.
pub fn default_dir() -> Result<PathBuf, crate::error::BadInput> {
    let absolute = |name: &str| {
        std::env::var_os(name)
            .map(PathBuf::from)
            .filter(|p| p.is_absolute())
    };
    if let Some(data) = absolute("XDG_DATA_HOME") {
        return Ok(data.join("rungs").join("assessments"));
    }
    if let Some(home) = absolute("HOME") {
        return Ok(home.join(".local/share/rungs/assessments"));
    }
    Err(crate::error::BadInput::new(
        "no place for assessments: neither XDG_DATA_HOME nor HOME is set; pass --output FILE",
    ))
}

/// One assessment file in the folder, with what a listing shows of it.
#[derive(Debug, Clone, PartialEq)]
pub struct Listed {
    /// The file.
    pub path: PathBuf,
    /// The framework id it records.
    pub framework: String,
    /// The person assessed, when named.
    pub subject: Option<String>,
    /// Who rated, when the file records it.
    pub rater: Option<Rater>,
    /// Completion time, else start time (RFC 3339, as recorded).
    pub date: String,
    /// Whether every indicator was answered.
    pub complete: bool,
    /// Whether it is a self-assessment (no rater other than the subject): the only kind a
    /// framework id picks.
    pub own: bool,
    placed: Option<OffsetDateTime>,
    modified: Option<std::time::SystemTime>,
}

impl Listed {
    fn new(path: PathBuf, assessment: &Assessment) -> Listed {
        Listed {
            placed: assessment.placed_at().ok(),
            framework: assessment.framework.id.clone(),
            subject: assessment.subject.clone(),
            rater: assessment.rater.clone(),
            date: assessment
                .completed_at
                .clone()
                .unwrap_or_else(|| assessment.started_at.clone()),
            complete: assessment.is_complete(),
            own: assessment.is_self_assessment(),
            modified: std::fs::metadata(&path).and_then(|m| m.modified()).ok(),
            path,
        }
    }
}

/// What [`list`] found.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Listing {
    /// The assessments, latest first (completion, else start; then by file name).
    pub assessments: Vec<Listed>,
    /// `*.json` files that are not readable assessments, one message each.
    pub unreadable: Vec<Diagnostic>,
}

impl Listing {
    /// The self-assessments of one framework, latest first: what a framework id names in
    /// place of a file. Ratings by someone else are never picked this way.
    pub fn of(&self, framework: &str) -> Vec<&Listed> {
        self.assessments
            .iter()
            .filter(|a| a.framework == framework && a.own)
            .collect()
    }

    /// The name the latest self-assessment that records one gives its person: whose folder
    /// this is, for a new self-assessment that names nobody.
    pub fn own_name(&self) -> Option<&str> {
        self.assessments
            .iter()
            .filter(|a| a.own)
            .find_map(|a| a.subject.as_deref())
    }

    /// The assessments of one framework by someone other than its subject, latest first.
    pub fn by_others(&self, framework: &str) -> Vec<&Listed> {
        self.assessments
            .iter()
            .filter(|a| a.framework == framework && !a.own)
            .collect()
    }

    /// The framework ids present, in first-seen (latest first) order.
    pub fn frameworks(&self) -> Vec<&str> {
        let mut ids: Vec<&str> = Vec::new();
        for a in &self.assessments {
            if !ids.contains(&a.framework.as_str()) {
                ids.push(&a.framework);
            }
        }
        ids
    }
}

/// The `*.json` assessment files directly inside `dir`, latest first. A folder that does not
/// exist holds nothing.
pub fn list(dir: &Path) -> Listing {
    let Ok(found) = files_in(dir, &["json"], Depth::Top) else {
        return Listing::default();
    };
    let paths = found.files;
    let mut listing = Listing {
        unreadable: found.skipped.into_iter().map(|s| s.detail).collect(),
        ..Listing::default()
    };
    for path in paths {
        match file::read(&path) {
            Ok(assessment) => listing.assessments.push(Listed::new(path, &assessment)),
            Err(bad) => listing.unreadable.extend(bad.problems),
        }
    }
    // Latest first: by the recorded time, then (within one second) the file written last,
    // then the longer name (`x-2.json` follows `x.json`, `x-10.json` follows `x-9.json`).
    let key = |a: &Listed| {
        (
            a.placed,
            a.modified,
            a.path.as_os_str().len(),
            a.path.clone(),
        )
    };
    listing
        .assessments
        .sort_by_key(|a| std::cmp::Reverse(key(a)));
    listing
}

/// Whether a command-line argument that names no existing file may be a framework id: no
/// folder separator and no `.json` ending.
pub fn looks_like_id(argument: &Path) -> bool {
    let text = argument.to_string_lossy();
    !text.is_empty()
        && !text.contains(std::path::MAIN_SEPARATOR)
        && !text.contains('/')
        && !text.ends_with(".json")
}

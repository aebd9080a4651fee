//! The form ledger: which rater form pages were issued, for whom, by whom, of which framework.
//!
//! A file saved from a `rungs form` page is a file a stranger sends back, and anyone can edit
//! it before it is sent: change the subject, turn a peer into a manager, change the version.
//! Each page `rungs form` writes carries a random token, which the page writes into the file it
//! saves (`form_token`), and the form records the page in a ledger beside the pages
//! ([`LEDGER_NAME`] in the output folder): its token, subject, rater, relation and framework.
//! `compare`, `team` and `report` given `--issued LEDGER` ([`Issued::check`]) count a file of a
//! rater other than self only when it carries a token the ledger issued, with the subject,
//! rater, relation and framework issued for it. A self-assessment without a token (made with
//! `rungs assess`) is not checked: the ledger knows nothing of it.
//!
//! What the ledger proves is that a file came from a page issued and was not moved to another
//! person, rater, relation or framework; it cannot prove the answers are the rater's own (the
//! page and its token travel together).

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::person;
use super::{Assessment, Relation};
use crate::error::BadInput;
use crate::io::write::{self, LockError, Replace};

/// The value of the `format` key of a ledger.
pub const FORMAT: &str = "rungs-issued/1";

/// The ledger's file name, in the folder of the pages it lists.
pub const LEDGER_NAME: &str = "issued.json";

/// Largest ledger read, in bytes (some 100,000 pages).
pub const MAX_LEDGER_SIZE: u64 = 64 * 1024 * 1024;

/// Every page issued into one folder.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Ledger {
    /// Always [`FORMAT`].
    pub format: String,
    /// The pages, oldest first.
    pub pages: Vec<IssuedPage>,
}

/// One page as it was issued. A name or relation the page left to the rater is `None`, and a
/// file saved from it may say anything there.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IssuedPage {
    /// The random token the page writes into the file it saves.
    pub token: String,
    /// The page's file name.
    pub page: String,
    /// When it was issued (RFC 3339).
    pub issued_at: String,
    /// The person rated.
    #[serde(default)]
    pub subject: Option<String>,
    /// The person rating.
    #[serde(default)]
    pub rater: Option<String>,
    /// How the rater relates to the subject.
    #[serde(default)]
    pub relation: Option<Relation>,
    /// The framework rated.
    pub framework: IssuedFramework,
}

/// The framework a page was issued for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IssuedFramework {
    /// Framework id.
    pub id: String,
    /// Framework version.
    pub version: String,
    /// `sha256:<hex>` of the framework file's bytes.
    pub digest: String,
}

impl IssuedPage {
    /// The record of a page made from `base` (the assessment the page starts from, its token
    /// set) for the rater and relation the page names.
    pub fn of(
        page: &str,
        base: &Assessment,
        rater: Option<&str>,
        relation: Option<Relation>,
    ) -> Option<IssuedPage> {
        Some(IssuedPage {
            token: base.form_token.clone()?,
            page: page.to_string(),
            issued_at: super::start::now(),
            subject: base.subject.as_deref().map(person::name),
            rater: rater.map(person::name),
            relation,
            framework: IssuedFramework {
                id: base.framework.id.clone(),
                version: base.framework.version.clone(),
                digest: base.framework.digest.clone(),
            },
        })
    }
}

/// A fresh token: 128 random bits as 32 hex digits, from the system's random source (with the
/// standard library's randomly keyed hasher, over the time and the process, where there is
/// none).
pub fn new_token() -> String {
    use std::io::Read;
    let mut bytes = [0u8; 16];
    let from_system = std::fs::File::open("/dev/urandom")
        .and_then(|mut f| f.read_exact(&mut bytes))
        .is_ok();
    if !from_system {
        use std::hash::{BuildHasher, Hasher};
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos());
        for (half, chunk) in bytes.chunks_mut(8).enumerate() {
            let mut hasher = std::collections::hash_map::RandomState::new().build_hasher();
            hasher.write_u128(nanos);
            hasher.write_u32(std::process::id());
            hasher.write_usize(half);
            chunk.copy_from_slice(&hasher.finish().to_le_bytes());
        }
    }
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// A ledger read, its pages found by token.
#[derive(Debug, Clone)]
pub struct Issued {
    /// The ledger file, as messages name it.
    pub shown: String,
    by_token: HashMap<String, IssuedPage>,
}

impl Issued {
    /// Read the ledger at `path`: a ledger file, whole and well formed, or bad input naming
    /// what is wrong.
    pub fn read(path: &Path) -> Result<Issued, BadInput> {
        let shown = path.display().to_string();
        let bytes = crate::io::read_limited(path, MAX_LEDGER_SIZE, "form ledger")?;
        let ledger = parse(&shown, &bytes)?;
        let mut by_token = HashMap::with_capacity(ledger.pages.len());
        for page in ledger.pages {
            by_token.insert(page.token.clone(), page);
        }
        Ok(Issued { shown, by_token })
    }

    /// Whether `assessment` may count: `Ok` for a file saved from a page this ledger issued,
    /// that still says what was issued (subject, rater and relation where the page named them;
    /// framework id, version and digest), and for a self-assessment that carries no token (not
    /// checked). Otherwise, why it is left out.
    pub fn check(&self, assessment: &Assessment) -> Result<(), String> {
        let Some(token) = &assessment.form_token else {
            if assessment.is_self_assessment() {
                return Ok(());
            }
            return Err(format!(
                "a rating by {} without a form token: it was not saved from a page {} lists",
                assessment.rated_by(),
                self.shown
            ));
        };
        let Some(page) = self.by_token.get(token) else {
            return Err(format!("its form token is not one {} issued", self.shown));
        };
        let mut differences = Vec::new();
        let framework = &assessment.framework;
        if framework.id != page.framework.id {
            differences.push(format!(
                "framework {:?} (issued {:?})",
                framework.id, page.framework.id
            ));
        }
        if framework.version != page.framework.version {
            differences.push(format!(
                "version {:?} (issued {:?})",
                framework.version, page.framework.version
            ));
        }
        if framework.digest != page.framework.digest {
            differences.push("framework digest (the file names other framework bytes)".into());
        }
        if let Some(issued) = &page.subject {
            let subject = assessment.subject_name().unwrap_or_default();
            if &subject != issued {
                differences.push(format!("subject {subject:?} (issued {issued:?})"));
            }
        }
        let (rater, relation) = match &assessment.rater {
            Some(rater) => (Some(person::name(&rater.name)), rater.relation),
            None => (None, Relation::SelfRating),
        };
        if let Some(issued) = &page.rater {
            if rater.as_ref() != Some(issued) {
                let said = rater.map_or_else(|| "none".to_string(), |r| format!("{r:?}"));
                differences.push(format!("rater {said} (issued {issued:?})"));
            }
        }
        if let Some(issued) = page.relation {
            if relation != issued {
                differences.push(format!("relation {relation} (issued {issued})"));
            }
        }
        if differences.is_empty() {
            Ok(())
        } else {
            Err(format!(
                "differs from what {} issued for page {}: {}",
                self.shown,
                page.page,
                differences.join(", ")
            ))
        }
    }
}

/// Parse a ledger's bytes; `shown` names the file in messages.
pub fn parse(shown: &str, bytes: &[u8]) -> Result<Ledger, BadInput> {
    let bytes = crate::io::without_bom(bytes);
    let ledger: Ledger = serde_json::from_slice(bytes).map_err(|e| {
        BadInput::at(
            shown,
            e.line(),
            e.column(),
            format!(
                "not a rungs form ledger: {}",
                strip_position(&e.to_string())
            ),
        )
    })?;
    if ledger.format != FORMAT {
        return Err(BadInput::in_file(
            shown,
            format!(
                "not a rungs form ledger: format {:?}, not {FORMAT:?}",
                ledger.format
            ),
        ));
    }
    Ok(ledger)
}

fn strip_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(i) => message[..i].to_string(),
        None => message.to_string(),
    }
}

/// Add `pages` to the ledger in `folder` (made when there is none), and return its path. Runs
/// that issue pages into one folder at once each keep theirs: the ledger is locked from read
/// to write, and a new one is claimed without replacing one that appeared meanwhile.
pub fn record(folder: &Path, pages: Vec<IssuedPage>) -> Result<PathBuf, RecordError> {
    let path = folder.join(LEDGER_NAME);
    let shown = path.display().to_string();
    let mut pages = Some(pages);
    // A run holds the lock for milliseconds; a minute of waiting means something is wrong.
    for _ in 0..6000 {
        let held = match write::lock(&path) {
            Ok(held) => held,
            Err(LockError::Held) => {
                std::thread::sleep(std::time::Duration::from_millis(10));
                continue;
            }
            Err(LockError::Io(e)) => return Err(RecordError::Io(shown, e)),
        };
        let (mut ledger, replace) = match &held {
            Some(_) => {
                let bytes = crate::io::read_limited(&path, MAX_LEDGER_SIZE, "form ledger")
                    .map_err(RecordError::Bad)?;
                (
                    parse(&shown, &bytes).map_err(RecordError::Bad)?,
                    Replace::Always,
                )
            }
            None => (
                Ledger {
                    format: FORMAT.to_string(),
                    pages: Vec::new(),
                },
                Replace::Never,
            ),
        };
        ledger.pages.extend(pages.take().unwrap_or_default());
        let mut text = serde_json::to_string_pretty(&ledger)
            .map_err(|e| RecordError::Io(shown.clone(), e.into()))?;
        text.push('\n');
        match write::write_locked(&path, text.as_bytes(), replace) {
            Ok(_new) => return Ok(path),
            // Another run made the ledger since: add to theirs.
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
                pages = Some(std::mem::take(&mut ledger.pages));
                continue;
            }
            Err(e) => return Err(RecordError::Io(shown, e)),
        }
    }
    Err(RecordError::Io(
        shown,
        std::io::Error::other("another run kept it locked for a minute"),
    ))
}

/// Why pages could not be recorded.
#[derive(Debug)]
pub enum RecordError {
    /// The ledger there is not one (or cannot be read as one).
    Bad(BadInput),
    /// Writing failed: the ledger's path and why.
    Io(String, std::io::Error),
}

impl std::fmt::Display for RecordError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            RecordError::Bad(bad) => bad.fmt(f),
            RecordError::Io(path, e) => write!(
                f,
                "cannot write the form ledger {path}: {}",
                crate::io::io_reason(e)
            ),
        }
    }
}

impl std::error::Error for RecordError {}

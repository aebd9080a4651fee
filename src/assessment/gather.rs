//! Reading many assessments of one framework at once, for `compare` and `team`.
//!
//! Files and folders (searched recursively for `*.json`) are read in parallel and folded into
//! one [`Scorecard`] per subject and rater: the latest assessment counts, the others are listed as
//! superseded. A scorecard keeps only what comparisons need (a small code per indicator), never the
//! file, so a team of 100,000 files fits in little memory. Nothing is ever written.

use std::borrow::Cow;
use std::collections::HashMap;

use rustc_hash::FxHashMap;
use std::path::{Path, PathBuf};

use time::format_description::well_known::Rfc3339;
use time::OffsetDateTime;

use super::brief;
use super::file::{self, MAX_ASSESSMENT_SIZE};
use super::model::{Assessment, Rater, RatingValue, Relation, FORMAT};
use super::person;
use super::reconcile::{fit, IndicatorsNow};
use crate::catalog::{Catalog, Entry};
use crate::error::Diagnostic;
use crate::framework::{Framework, Indicator};
use crate::io::{files_in, io_reason, once_each_of, read_limited, without_bom, Depth};

/// Why a file could not be counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Reason {
    /// JSON of another kind, or another file format.
    NotAssessment,
    /// An assessment of a framework other than the one compared.
    OtherFramework,
    /// Broken JSON, a truncated file, fields of the wrong type, ratings the framework lacks.
    Corrupt,
    /// The file could not be read (missing, permissions, a folder, too large).
    Unreadable,
    /// Not saved from a form page the ledger given with `--issued` lists, or no longer saying
    /// what the page was issued for ([`crate::assessment::issued::Issued::check`]).
    NotIssued,
}

impl Reason {
    /// The reason as shown on stderr.
    pub fn as_str(self) -> &'static str {
        match self {
            Reason::NotAssessment => "not an assessment",
            Reason::OtherFramework => "other framework",
            Reason::Corrupt => "corrupt",
            Reason::Unreadable => "unreadable",
            Reason::NotIssued => "not as issued",
        }
    }
}

/// A file that was left out, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Invalid {
    /// The file.
    pub path: PathBuf,
    /// The kind of problem.
    pub reason: Reason,
    /// The problem, with its file (and line and column where there is one).
    pub detail: Diagnostic,
}

/// One indicator's rating in a [`Scorecard`]: unrated, not applicable, or a position on the scale.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Cell(u8);

impl Cell {
    /// No rating.
    pub const UNRATED: Cell = Cell(0);
    /// Not applicable.
    pub const NA: Cell = Cell(1);

    /// The rating at a position of the framework's rating values
    /// ([`Framework::rating_values`]).
    pub fn scale(position: usize) -> Option<Cell> {
        u8::try_from(position + 2).ok().map(Cell)
    }

    /// The position on the scale, when the cell holds a scale value.
    pub fn scale_position(self) -> Option<usize> {
        usize::from(self.0).checked_sub(2)
    }

    /// The rating as the framework's value, `None` when unrated.
    pub fn value(self, framework: &Framework) -> Option<RatingValue> {
        match self.0 {
            0 => None,
            1 => Some(RatingValue::NotApplicable),
            n => framework
                .rating_values()
                .get(usize::from(n) - 2)
                .map(|&v| RatingValue::Scale(v)),
        }
    }
}

/// One assessment reduced to what comparisons need.
#[derive(Debug, Clone, PartialEq)]
pub struct Scorecard {
    /// The file it was read from.
    pub file: PathBuf,
    /// The person rated: `subject` (as [`person::name`] makes it), else the file stem.
    pub subject: String,
    /// Whether the file records its subject (when not, `subject` is the file stem).
    pub subject_recorded: bool,
    /// The rater's name (the subject's, for a self-assessment without a rater).
    pub rater: String,
    /// How the rater relates to the subject.
    pub relation: Relation,
    /// As recorded.
    pub started_at: String,
    /// As recorded; `None` while incomplete.
    pub completed_at: Option<String>,
    /// Per indicator, in [`Framework::indicators`] order.
    pub cells: Box<[Cell]>,
    /// Evidence notes by indicator position, when notes were asked for.
    pub notes: Vec<(u32, String)>,
    /// The track the assessment records, by index into [`Framework::tracks`]; `None` when it
    /// records none (or one the framework no longer has).
    pub track: Option<usize>,
    /// Which of the paths given it was found under (a round, for `team --over-time`), by index.
    pub round: usize,
    /// Whether it is the latest file of its subject and rater over every path given.
    pub latest: bool,
    when: Option<OffsetDateTime>,
}

impl Scorecard {
    /// What "latest" compares: `completed_at`, else `started_at`, then the file name.
    pub fn order_key(&self) -> (Option<OffsetDateTime>, &Path) {
        (self.when, &self.file)
    }

    /// Whether every indicator was answered.
    pub fn is_complete(&self) -> bool {
        self.completed_at.is_some()
    }

    /// The note on the indicator at `position`, if any was kept.
    pub fn note(&self, position: usize) -> Option<&str> {
        self.notes
            .iter()
            .find(|(p, _)| *p as usize == position)
            .map(|(_, n)| n.as_str())
    }
}

/// A file that counts for nothing because a later one of the same subject and rater does.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Superseded {
    /// The older file.
    pub path: PathBuf,
    /// The file that counts instead.
    pub by: PathBuf,
}

/// What [`gather`] found.
#[derive(Debug, Clone)]
pub struct Gathered {
    /// The framework every scorecard is of.
    pub entry: Entry,
    /// The latest scorecard per subject and rater (per round and subject and rater with
    /// [`Options::by_round`]), by subject, then relation, then rater, then round.
    pub scorecards: Vec<Scorecard>,
    /// With [`Options::keep_earlier`]: the scorecards of the files that do not count because a
    /// later one of the same subject and rater does, in the same order, oldest first.
    pub earlier: Vec<Scorecard>,
    /// Older files of a subject and rater.
    pub superseded: Vec<Superseded>,
    /// Files left out, in path order.
    pub invalid: Vec<Invalid>,
    /// Things worth saying on stderr (a framework changed since files were made).
    pub warnings: Vec<String>,
}

/// How to gather.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// A framework the user named; every file must be of its id.
    pub framework: Option<Entry>,
    /// Keep evidence notes in the scorecards.
    pub keep_notes: bool,
    /// Threads to parse with; 0 for as many as the machine has.
    pub threads: usize,
    /// Each path given is a round: the latest file of a subject and rater counts in each.
    pub by_round: bool,
    /// Keep the scorecards of files that do not count ([`Gathered::earlier`]).
    pub keep_earlier: bool,
    /// The form ledger (`--issued`): files it does not vouch for are left out as
    /// [`Reason::NotIssued`].
    pub issued: Option<std::sync::Arc<crate::assessment::issued::Issued>>,
}

/// Why nothing could be gathered.
#[derive(Debug, Clone)]
pub enum Failure {
    /// Not one file was an assessment.
    NoAssessments {
        /// The files that were tried.
        invalid: Vec<Invalid>,
    },
    /// The framework of the first assessment could not be found.
    Framework(crate::error::BadInput),
}

/// Every file named, folders searched recursively for `*.json`, sorted, each real file once,
/// with the index of the path it was found under (the first, when under several); a missing
/// path, an unreadable folder, or a pipe or device in a folder is returned as [`Invalid`].
pub fn discover(paths: &[PathBuf]) -> (Vec<(PathBuf, usize)>, Vec<Invalid>) {
    let mut files = Vec::new();
    let mut invalid = Vec::new();
    let unreadable = |path: &Path, detail: Diagnostic| Invalid {
        path: path.to_path_buf(),
        reason: Reason::Unreadable,
        detail,
    };
    for (round, path) in paths.iter().enumerate() {
        match std::fs::metadata(path) {
            Ok(meta) if meta.is_dir() => match files_in(path, &["json"], Depth::Nested) {
                Ok(found) => {
                    files.extend(found.files.into_iter().map(|f| (f, round)));
                    invalid.extend(
                        found
                            .skipped
                            .into_iter()
                            .map(|s| unreadable(&s.path, s.detail)),
                    );
                }
                Err(detail) => invalid.push(unreadable(path, detail)),
            },
            Ok(_) => files.push((path.clone(), round)),
            Err(e) => invalid.push(unreadable(
                path,
                Diagnostic::file_error(
                    &path.display().to_string(),
                    format!("cannot read: {}", io_reason(&e)),
                ),
            )),
        }
    }
    // One folder's files are already sorted and once each (`files_in`); across several paths
    // the same file may be named twice.
    if paths.len() > 1 {
        once_each_of(&mut files);
    }
    (files, invalid)
}

/// Read the files (from [`discover`]) and fold them into scorecards of one framework: the one
/// given in `options`, else that of the first file that is an assessment.
pub fn gather(
    catalog: &Catalog,
    files: &[(PathBuf, usize)],
    options: &Options,
) -> Result<Gathered, Failure> {
    let mut first = Fold::new(options);
    let mut rest = files;
    let entry = match &options.framework {
        Some(entry) => entry.clone(),
        None => loop {
            let Some(((path, round), tail)) = rest.split_first() else {
                return Err(Failure::NoAssessments {
                    invalid: first.invalid,
                });
            };
            rest = tail;
            match read_checked(path, options) {
                Ok(assessment) => {
                    let found = file::find_framework(
                        catalog,
                        &assessment,
                        None,
                        &path.display().to_string(),
                    )
                    .map_err(Failure::Framework)?;
                    let entry = found.entry;
                    let layout = Layout::new(&entry.framework, &entry.digest, options);
                    first.add(&layout, path, *round, assessment);
                    break entry;
                }
                Err(invalid) => first.invalid.push(invalid),
            }
        },
    };
    let layout = Layout::new(&entry.framework, &entry.digest, options);
    let threads = match options.threads {
        0 => std::thread::available_parallelism().map_or(1, |n| n.get()),
        n => n,
    };
    let latest = file::latest_allowed();
    let folds = in_parallel(rest, threads, |part| {
        let mut fold = Fold::new(options);
        for (path, round) in part {
            // Most files are plain assessments of this very framework: read briefly (unless a
            // form ledger must vouch for each). Anything else is read the full way, which says
            // what is wrong.
            let full = if options.issued.is_none() {
                let bytes = match read_bytes(path) {
                    Ok(bytes) => bytes,
                    Err(invalid) => {
                        fold.invalid.push(invalid);
                        continue;
                    }
                };
                if let Some(scorecard) = layout.brief(path, *round, &bytes, latest) {
                    fold.keep(scorecard);
                    continue;
                }
                parse_assessment(path, &bytes)
            } else {
                read_checked(path, options)
            };
            match full {
                Ok(assessment) => fold.add(&layout, path, *round, assessment),
                Err(invalid) => fold.invalid.push(invalid),
            }
        }
        fold
    });
    for fold in folds {
        first.merge(fold);
    }
    Ok(first.finish(entry))
}

/// `work` done on parts of `items` on up to `threads` threads, the results in order. A thread
/// that panics makes this panic with its payload: its share is never silently dropped.
fn in_parallel<I: Sync, T: Send>(
    items: &[I],
    threads: usize,
    work: impl Fn(&[I]) -> T + Sync,
) -> Vec<T> {
    let chunk = items.len().div_ceil(threads.max(1)).max(64);
    std::thread::scope(|scope| {
        let handles: Vec<_> = items
            .chunks(chunk)
            .map(|part| {
                let work = &work;
                scope.spawn(move || work(part))
            })
            .collect();
        handles
            .into_iter()
            .map(|h| {
                h.join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
            })
            .collect()
    })
}

/// [`read_assessment`], then left out unless the form ledger of `options` vouches for it.
fn read_checked(path: &Path, options: &Options) -> Result<Assessment, Invalid> {
    let assessment = read_assessment(path)?;
    match &options.issued {
        Some(issued) => match issued.check(&assessment) {
            Ok(()) => Ok(assessment),
            Err(why) => Err(Invalid {
                path: path.to_path_buf(),
                reason: Reason::NotIssued,
                detail: Diagnostic::file_error(&path.display().to_string(), why),
            }),
        },
        None => Ok(assessment),
    }
}

/// Read one file as an assessment, classifying what is wrong with it.
fn read_assessment(path: &Path) -> Result<Assessment, Invalid> {
    parse_assessment(path, &read_bytes(path)?)
}

/// The bytes of a file, bounded.
fn read_bytes(path: &Path) -> Result<Vec<u8>, Invalid> {
    read_limited(path, MAX_ASSESSMENT_SIZE, "assessment file").map_err(|bad| Invalid {
        path: path.to_path_buf(),
        reason: Reason::Unreadable,
        detail: bad
            .problems
            .into_iter()
            .next()
            .unwrap_or_else(|| Diagnostic::file_error(&path.display().to_string(), "cannot read")),
    })
}

/// Parse a file's bytes as an assessment, classifying what is wrong with it.
fn parse_assessment(path: &Path, bytes: &[u8]) -> Result<Assessment, Invalid> {
    let shown = path.display().to_string();
    let detail = match file::parse(&shown, bytes) {
        Ok(assessment) => return Ok(assessment),
        // Parsing stops at the first problem.
        Err(e) => e
            .problems
            .into_iter()
            .next()
            .unwrap_or_else(|| Diagnostic::file_error(&shown, "not a rungs assessment")),
    };
    let reason = match serde_json::from_slice::<serde_json::Value>(without_bom(bytes)) {
        Ok(value) if value.get("format").and_then(|f| f.as_str()) == Some(FORMAT) => {
            Reason::Corrupt
        }
        Ok(_) => Reason::NotAssessment,
        Err(_) => Reason::Corrupt,
    };
    Err(Invalid {
        path: path.to_path_buf(),
        reason,
        detail,
    })
}

/// What every parsing thread shares: the framework's indicator positions and scale.
struct Layout<'a> {
    framework: &'a Framework,
    digest: &'a str,
    /// Indicator id -> its position and its competency. Keyed by the framework's own ids, so a
    /// hasher made for speed is safe: files only look ids up.
    positions: FxHashMap<&'a str, (usize, usize)>,
    known: IndicatorsNow<'a>,
    keep_notes: bool,
}

impl<'a> Layout<'a> {
    fn new(framework: &'a Framework, digest: &'a str, options: &Options) -> Self {
        Layout {
            framework,
            digest,
            positions: framework
                .indicators()
                .enumerate()
                .map(|(position, (c, _, i))| (i.id.as_str(), (position, c)))
                .collect(),
            known: IndicatorsNow::new(framework),
            keep_notes: options.keep_notes,
        }
    }

    /// The scorecard of a file read briefly ([`brief`]): `None` unless it is plainly an
    /// assessment of this very framework (same id and digest) whose times are valid and
    /// whose every rating and note is of a known indicator, on its scale.
    fn brief(
        &self,
        path: &Path,
        round: usize,
        bytes: &[u8],
        latest: OffsetDateTime,
    ) -> Option<Scorecard> {
        let read = brief::parse(without_bom(bytes))?;
        // An id given twice is refused by the full reading; rungs writes every map sorted, so
        // one that is not strictly in order is left to it.
        if !brief::strictly_sorted(&read.ratings)
            || !brief::strictly_sorted(&read.notes)
            || !brief::strictly_sorted(&read.set_aside)
            || !read
                .framework
                .indicators
                .as_deref()
                .is_none_or(brief::strictly_sorted)
        {
            return None;
        }
        if read.format != FORMAT
            || read.framework.id != self.framework.id
            || read.framework.digest != self.digest
        {
            return None;
        }
        let started = file::checked_time("started_at", &read.started_at, latest).ok()?;
        let completed = match &read.completed_at {
            Some(text) => Some(file::checked_time("completed_at", text, latest).ok()?),
            None => None,
        };
        let own_scales = self.framework.has_own_scales();
        let values = self.framework.rating_values();
        let mut cells = vec![Cell::UNRATED; self.positions.len()].into_boxed_slice();
        let mut notes = Vec::new();
        for (id, rating) in read.ratings {
            let &(position, competency) = self.positions.get(id.as_ref())?;
            cells[position] = match rating.value {
                RatingValue::NotApplicable => Cell::NA,
                RatingValue::Scale(v) => {
                    let scale = if own_scales {
                        self.framework.scale_of(competency)
                    } else {
                        self.framework.scale.as_slice()
                    };
                    if !scale.iter().any(|p| p.value == v) {
                        return None;
                    }
                    values.binary_search(&v).ok().and_then(Cell::scale)?
                }
            };
            if self.keep_notes {
                if let Some(note) = rating.note {
                    notes.push((position as u32, note.into_owned()));
                }
            }
        }
        for (id, note) in read.notes {
            let &(position, _) = self.positions.get(id.as_ref())?;
            if self.keep_notes {
                notes.push((position as u32, note.into_owned()));
            }
        }
        // A rated indicator's recorded print must be that of its text: edited, the file is
        // corrupt (the full reading says so).
        for (id, recorded) in read.framework.indicators.iter().flatten() {
            let Some(&(position, _)) = self.positions.get(id.as_ref()) else {
                continue;
            };
            if cells[position] != Cell::UNRATED
                && self.known.print(id).is_some_and(|now| recorded.text != now)
            {
                return None;
            }
        }
        // A name with a character that shows as nothing is refused by the full reading.
        let names = [
            read.subject.as_deref(),
            read.rater.as_ref().map(|r| r.name.as_ref()),
        ];
        if names
            .into_iter()
            .flatten()
            .any(|name| name.chars().any(person::is_invisible))
        {
            return None;
        }
        let (subject, subject_recorded, rater, relation) = whose(
            path,
            read.subject.as_deref(),
            read.rater.map(|r| (person::name(&r.name), r.relation)),
        );
        Some(Scorecard {
            file: path.to_path_buf(),
            subject,
            subject_recorded,
            rater,
            relation,
            started_at: read.started_at.into_owned(),
            completed_at: read.completed_at.map(Cow::into_owned),
            cells,
            notes,
            track: read
                .track
                .as_deref()
                .and_then(|t| self.framework.track_index(t)),
            round,
            latest: true,
            when: Some(completed.unwrap_or(started)),
        })
    }

    /// The scorecard of an assessment of this framework, or why it is left out. Ratings the
    /// framework lacks are dropped when the framework changed since (returned as the second
    /// value: how many), and make the file corrupt when it did not.
    fn scorecard(
        &self,
        path: &Path,
        round: usize,
        assessment: Assessment,
    ) -> Result<(Scorecard, usize), Invalid> {
        let shown = path.display().to_string();
        if assessment.framework.id != self.framework.id {
            return Err(Invalid {
                path: path.to_path_buf(),
                reason: Reason::OtherFramework,
                detail: Diagnostic::file_error(
                    &shown,
                    format!(
                        "an assessment of framework {:?}, not {:?}",
                        assessment.framework.id, self.framework.id
                    ),
                ),
            });
        }
        // The rule `report` follows: against a changed framework keep what still counts;
        // against the one it was made with, anything that does not fit means an edited file.
        let changed = assessment.framework.digest != self.digest;
        let mut assessment = assessment;
        let dropped =
            fit(
                self.framework,
                &self.known,
                changed,
                &shown,
                &mut assessment,
            )
            .map_err(|bad| Invalid {
                path: path.to_path_buf(),
                reason: Reason::Corrupt,
                detail: bad.problems.into_iter().next().unwrap_or_else(|| {
                    Diagnostic::file_error(&shown, "does not fit its framework")
                }),
            })?
            .0
            .dropped
            .len();
        let mut cells = vec![Cell::UNRATED; self.positions.len()].into_boxed_slice();
        let mut notes = Vec::new();
        for (id, rating) in assessment.ratings {
            let position = self.positions.get(id.as_str()).map(|&(p, _)| p);
            let cell = match rating.value {
                RatingValue::NotApplicable => Some(Cell::NA),
                RatingValue::Scale(v) => self
                    .framework
                    .rating_values()
                    .binary_search(&v)
                    .ok()
                    .and_then(Cell::scale),
            };
            // `fit` left only ratings of known indicators, on the scale.
            let (Some(position), Some(cell)) = (position, cell) else {
                continue;
            };
            cells[position] = cell;
            if self.keep_notes {
                if let Some(note) = rating.note {
                    notes.push((position as u32, note));
                }
            }
        }
        if self.keep_notes {
            // Notes on indicators not rated yet are evidence too.
            for (id, note) in assessment.notes {
                if let Some(&(position, _)) = self.positions.get(id.as_str()) {
                    notes.push((position as u32, note));
                }
            }
        }
        let (subject, subject_recorded, rater, relation) = whose(
            path,
            assessment.subject.as_deref(),
            assessment
                .rater
                .map(|Rater { name, relation }| (person::name(&name), relation)),
        );
        let parse = |t: &str| OffsetDateTime::parse(t, &Rfc3339).ok();
        let when = assessment
            .completed_at
            .as_deref()
            .and_then(parse)
            .or_else(|| parse(&assessment.started_at));
        let track = assessment
            .track
            .as_deref()
            .and_then(|t| self.framework.track_index(t));
        Ok((
            Scorecard {
                file: path.to_path_buf(),
                subject,
                subject_recorded,
                rater,
                relation,
                started_at: assessment.started_at,
                completed_at: assessment.completed_at,
                cells,
                notes,
                track,
                round,
                latest: true,
                when,
            },
            dropped,
        ))
    }
}

/// Who a file is about and who rated: the recorded subject (else the file's stem, and
/// `false` for "recorded"), and the recorded rater (else the subject, rating themselves).
/// The brief and the full reading of a file share it, so both name people alike.
fn whose(
    path: &Path,
    subject: Option<&str>,
    rater: Option<(String, Relation)>,
) -> (String, bool, String, Relation) {
    let recorded = subject.map(person::name).filter(|n| !n.is_empty());
    let subject_recorded = recorded.is_some();
    let subject = recorded.unwrap_or_else(|| {
        path.file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default()
    });
    let (rater, relation) = rater.unwrap_or_else(|| (subject.clone(), Relation::SelfRating));
    (subject, subject_recorded, rater, relation)
}

/// Round (0 unless by round), subject, relation, rater.
type Key = (usize, String, Relation, String);

/// The running result of reading some files.
struct Fold {
    kept: HashMap<Key, Scorecard>,
    superseded: Vec<(Key, PathBuf)>,
    earlier: Vec<Scorecard>,
    invalid: Vec<Invalid>,
    /// Files made against another version of the framework, and ratings dropped from them.
    changed: usize,
    dropped: usize,
    by_round: bool,
    keep_earlier: bool,
}

impl Fold {
    fn new(options: &Options) -> Fold {
        Fold {
            kept: HashMap::new(),
            superseded: Vec::new(),
            earlier: Vec::new(),
            invalid: Vec::new(),
            changed: 0,
            dropped: 0,
            by_round: options.by_round,
            keep_earlier: options.keep_earlier,
        }
    }

    fn add(&mut self, layout: &Layout, path: &Path, round: usize, assessment: Assessment) {
        let changed = assessment.framework.digest != layout.digest;
        match layout.scorecard(path, round, assessment) {
            Ok((scorecard, dropped)) => {
                self.changed += usize::from(changed);
                self.dropped += dropped;
                self.keep(scorecard);
            }
            Err(invalid) => self.invalid.push(invalid),
        }
    }

    fn keep(&mut self, scorecard: Scorecard) {
        let key = (
            if self.by_round { scorecard.round } else { 0 },
            scorecard.subject.clone(),
            scorecard.relation,
            scorecard.rater.clone(),
        );
        match self.kept.get_mut(&key) {
            None => {
                self.kept.insert(key, scorecard);
            }
            Some(held) => {
                let mut older = if scorecard.order_key() > held.order_key() {
                    std::mem::replace(held, scorecard)
                } else {
                    scorecard
                };
                if self.keep_earlier {
                    older.latest = false;
                    self.superseded.push((key, older.file.clone()));
                    self.earlier.push(older);
                } else {
                    self.superseded.push((key, older.file));
                }
            }
        }
    }

    fn merge(&mut self, other: Fold) {
        self.invalid.extend(other.invalid);
        self.superseded.extend(other.superseded);
        self.earlier.extend(other.earlier);
        self.changed += other.changed;
        self.dropped += other.dropped;
        for (_, scorecard) in other.kept {
            self.keep(scorecard);
        }
    }

    fn finish(mut self, entry: Entry) -> Gathered {
        let mut superseded: Vec<Superseded> = self
            .superseded
            .into_iter()
            .map(|(key, path)| Superseded {
                by: self
                    .kept
                    .get(&key)
                    .map(|s| s.file.clone())
                    .unwrap_or_default(),
                path,
            })
            .collect();
        let mut scorecards: Vec<Scorecard> = self.kept.into_values().collect();
        let by_person = |a: &Scorecard, b: &Scorecard| {
            (&a.subject, a.relation, &a.rater, a.order_key()).cmp(&(
                &b.subject,
                b.relation,
                &b.rater,
                b.order_key(),
            ))
        };
        scorecards.sort_by(by_person);
        // By round, several scorecards of a subject and rater count (one a round): the latest
        // over every round is the last of them.
        for i in 1..scorecards.len() {
            let (before, after) = scorecards.split_at_mut(i);
            let (a, b) = (&mut before[i - 1], &after[0]);
            if (&a.subject, a.relation, &a.rater) == (&b.subject, b.relation, &b.rater) {
                a.latest = false;
            }
        }
        let mut earlier = self.earlier;
        earlier.sort_by(by_person);
        superseded.sort_by(|a, b| a.path.cmp(&b.path));
        self.invalid.sort_by(|a, b| a.path.cmp(&b.path));
        let mut warnings = Vec::new();
        if self.changed > 0 {
            warnings.push(format!(
                "{} made against another version of framework {} ({} now); ratings are matched by indicator id{}",
                crate::words::plural(self.changed, "file was", "files were"),
                entry.framework.id,
                entry.framework.version,
                if self.dropped > 0 {
                    format!(", {} for indicators it no longer has left out", self.dropped)
                } else {
                    String::new()
                }
            ));
        }
        Gathered {
            entry,
            scorecards,
            earlier,
            superseded,
            invalid: self.invalid,
            warnings,
        }
    }
}

/// The value of the indicator at `position` of a competency (flat over its levels, lowest
/// first), for [`crate::scoring::score_competency_by`].
pub fn offsets(framework: &Framework) -> Vec<usize> {
    let mut offsets = Vec::with_capacity(framework.competencies.len());
    let mut next = 0;
    for competency in &framework.competencies {
        offsets.push(next);
        next += competency
            .levels
            .iter()
            .map(|l| l.indicators.len())
            .sum::<usize>();
    }
    offsets
}

/// Each indicator in [`Framework::indicators`] order with its competency id and level id.
pub fn indicator_rows(framework: &Framework) -> Vec<(&str, &str, &Indicator)> {
    framework
        .indicators()
        .map(|(c, l, i)| {
            let competency = &framework.competencies[c];
            (
                competency.id.as_str(),
                framework.levels[competency.levels[l].level].id.as_str(),
                i,
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_part_is_worked_on_and_a_panicking_worker_is_not_dropped() {
        let items: Vec<usize> = (0..1000).collect();
        let sums = in_parallel(&items, 4, |part| part.iter().sum::<usize>());
        assert_eq!(sums.len(), 4);
        assert_eq!(sums.iter().sum::<usize>(), items.iter().sum::<usize>());
        let outcome = std::panic::catch_unwind(|| {
            in_parallel(&items, 4, |part| {
                assert!(!part.contains(&700), "a worker fails");
                part.len()
            })
        });
        assert!(outcome.is_err(), "the worker's panic reaches the caller");
    }
}

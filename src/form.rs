//! The rater form: a framework (and, for a second round, the answers given last time) made into
//! the model of a page that a rater fills in a browser and saves as an assessment file.
//!
//! Everything the file that comes back must carry and that only rungs can compute (the
//! framework's digest, the print of every indicator) is decided here, in the assessment the
//! page starts from; the page adds the rater's name, the answers and the times.

use crate::assessment::{Assessment, RatingValue, Relation};
use crate::framework::{Framework, Ladder, ScalePoint};

/// Everything a rater form shows and starts from.
#[derive(Debug, Clone)]
pub struct FormPage {
    /// Framework name, as shown.
    pub framework_name: String,
    /// Framework version.
    pub framework_version: String,
    /// The track rated, by name, when the framework has tracks.
    pub track: Option<String>,
    /// The person rated, when the form names them (otherwise the rater types the name).
    pub subject: Option<String>,
    /// The rater's name, when the form names them (otherwise the rater types it).
    pub rater: Option<String>,
    /// How the rater relates to the subject, when the form says.
    pub relation: Option<Relation>,
    /// The framework's scale: the indicators of a competency without a scale of its own are
    /// rated on it.
    pub scale: Vec<ScalePoint>,
    /// The competencies, each with the levels of its ladder and their indicators.
    pub competencies: Vec<FormCompetency>,
    /// The assessment the saved file is made from: framework reference with its digest and
    /// indicator prints, subject, track, rater, origin. Its ratings are empty: they are the
    /// page's.
    pub base: Assessment,
    /// The name the page keeps its answers under in the browser: framework digest, subject,
    /// rater and an id drawn for this page when it was made, so two pages made alike (two
    /// forms for anyone, opened in one browser) keep their drafts apart while a reload of one
    /// page finds its own.
    pub storage_key: String,
    /// The language of the page's own words (the framework's texts come translated).
    pub language: crate::language::Language,
}

/// A competency as the form lists it.
#[derive(Debug, Clone)]
pub struct FormCompetency {
    /// Competency id.
    pub id: String,
    /// Competency name, with its code beside it when it has one.
    pub name: String,
    /// What the competency is about.
    pub description: Option<String>,
    /// Its own scale (or its group's), when its indicators are not rated on the framework's.
    pub scale: Option<Vec<ScalePoint>>,
    /// The levels of its ladder that have indicators, lowest first.
    pub levels: Vec<FormLevel>,
}

/// One level of a competency, with the indicators to rate at it.
#[derive(Debug, Clone)]
pub struct FormLevel {
    /// Level id.
    pub id: String,
    /// Level name, with its code beside it when it has one.
    pub name: String,
    /// The competency's own title for the level.
    pub title: Option<String>,
    /// What the competency looks like at this level.
    pub description: Option<String>,
    /// Examples of the competency at this level.
    pub examples: Vec<String>,
    /// Its indicators, in file order.
    pub indicators: Vec<FormIndicator>,
}

/// One indicator to rate, with the answer it starts with.
#[derive(Debug, Clone)]
pub struct FormIndicator {
    /// Indicator id: the name of its radio inputs.
    pub id: String,
    /// The behaviour to rate.
    pub text: String,
    /// The framework's own code for it.
    pub code: Option<String>,
    /// What it is (knowledge, skill, ...), when the framework says.
    pub kind: Option<String>,
    /// Examples shown with it.
    pub examples: Vec<String>,
    /// Where its text comes from, when it is not the framework's own.
    pub origin: Option<String>,
    /// The answer given last time (`--from`), if any.
    pub answer: Option<RatingValue>,
    /// The note given last time, if any.
    pub note: Option<String>,
}

impl FormPage {
    /// How many indicators the form asks about.
    pub fn indicator_count(&self) -> usize {
        self.competencies
            .iter()
            .flat_map(|c| &c.levels)
            .map(|l| l.indicators.len())
            .sum()
    }

    /// How many of them start answered.
    pub fn answered_count(&self) -> usize {
        self.competencies
            .iter()
            .flat_map(|c| &c.levels)
            .flat_map(|l| &l.indicators)
            .filter(|i| i.answer.is_some())
            .count()
    }
}

/// Who a form is for, as its maker says (`--subject`, `--rater`, `--relation`); what is not
/// said is typed by the rater in the page.
#[derive(Debug, Clone, Default)]
pub struct Who {
    /// The person rated.
    pub subject: Option<String>,
    /// The person rating.
    pub rater: Option<String>,
    /// How the rater relates to the subject.
    pub relation: Option<Relation>,
}

/// The form for rating `framework` on `ladder`, starting from `base`: an assessment already
/// made for this framework (its framework reference, track and origin are kept, its ratings
/// and notes are the answers shown as given, its subject and rater stand where `who` says
/// nothing). Only the indicators of the levels on the ladder are asked.
pub fn form(framework: &Framework, ladder: &Ladder, base: &Assessment, who: Who) -> FormPage {
    let competencies = framework
        .competencies
        .iter()
        .map(|competency| FormCompetency {
            id: competency.id.clone(),
            name: competency.label().into_owned(),
            description: competency.description.clone(),
            scale: competency.scale.as_ref().map(|own| own.scale.clone()),
            levels: competency
                .levels
                .iter()
                .filter(|l| ladder.contains(l.level) && !l.indicators.is_empty())
                .map(|l| FormLevel {
                    id: framework.levels[l.level].id.clone(),
                    name: framework.levels[l.level].label().into_owned(),
                    title: l.title.clone(),
                    description: l.description.clone(),
                    examples: l.examples.clone(),
                    indicators: l
                        .indicators
                        .iter()
                        .map(|i| {
                            let rating = base.ratings.get(&i.id);
                            FormIndicator {
                                id: i.id.clone(),
                                text: i.text.clone(),
                                code: i.code.clone(),
                                kind: i.kind.clone(),
                                examples: i.examples.clone(),
                                origin: i.origin.clone(),
                                answer: rating.map(|r| r.value),
                                note: rating
                                    .and_then(|r| r.note.clone())
                                    .or_else(|| base.notes.get(&i.id).cloned())
                                    .filter(|n| !n.is_empty()),
                            }
                        })
                        .collect(),
                })
                .collect(),
        })
        .filter(|c| !c.levels.is_empty())
        .collect();
    let earlier = base.rater.as_ref();
    let subject = clean(who.subject).or_else(|| base.subject.clone());
    let rater = clean(who.rater).or_else(|| earlier.map(|r| r.name.clone()));
    let relation = who.relation.or_else(|| earlier.map(|r| r.relation));
    let mut start = base.clone();
    start.ratings.clear();
    start.notes.clear();
    // What the earlier file set aside stays in it: the page neither shows nor saves it.
    start.set_aside.clear();
    start.completed_at = None;
    // Drawn for this page, written into the file it saves, and listed in the form's ledger.
    start.form_token = Some(crate::assessment::issued::new_token());
    start.subject.clone_from(&subject);
    start.rater = None;
    start.track = ladder.track().map(|t| framework.tracks[t].id.clone());
    FormPage {
        framework_name: framework.name.clone(),
        framework_version: framework.version.clone(),
        track: ladder.track().map(|t| framework.tracks[t].name.clone()),
        storage_key: storage_key(
            &base.framework.digest,
            subject.as_deref(),
            rater.as_deref(),
            &page_id(),
        ),
        subject,
        rater,
        relation,
        scale: framework.scale.clone(),
        competencies,
        base: start,
        language: crate::language::Language::from_tag(base.lang.as_deref()),
    }
}

/// The browser storage name of a form's answers: one per framework digest, subject, rater and
/// page id, so the forms of two raters, or two forms for anyone, opened in one browser keep
/// their answers apart.
pub fn storage_key(digest: &str, subject: Option<&str>, rater: Option<&str>, page: &str) -> String {
    serde_json::json!(["rungs-form", digest, subject, rater, page]).to_string()
}

/// An id for a page being made, different for every page: the time and a per-process count
/// hashed with the standard library's randomly keyed hasher, as 32 hex digits.
fn page_id() -> String {
    use std::hash::{BuildHasher, Hasher};
    use std::sync::atomic::{AtomicU64, Ordering};
    static MADE: AtomicU64 = AtomicU64::new(0);
    let count = MADE.fetch_add(1, Ordering::Relaxed);
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    let half = |salt: u64| {
        let mut hasher = std::collections::hash_map::RandomState::new().build_hasher();
        hasher.write_u128(nanos);
        hasher.write_u64(count);
        hasher.write_u32(std::process::id());
        hasher.write_u64(salt);
        hasher.finish()
    };
    format!("{:016x}{:016x}", half(0), half(1))
}

/// A name given on the command line: trimmed, and none when blank.
fn clean(name: Option<String>) -> Option<String> {
    name.map(|n| n.trim().to_string()).filter(|n| !n.is_empty())
}

/// One rater from a raters sheet: who, how related, and the file stem of their page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RaterRow {
    /// The rater's name.
    pub name: String,
    /// How they relate to the subject.
    pub relation: Relation,
    /// The file name of their page, without `.html`: the name as a slug, made unique.
    pub stem: String,
}

/// Largest raters sheet accepted, in bytes.
pub const MAX_RATERS_SIZE: u64 = 1024 * 1024;

/// Read a raters sheet (CSV with the columns `name` and `relation`, header names matched
/// case-insensitively; other columns are left alone). Every problem names its row and column.
pub fn raters(shown: &str, bytes: &[u8]) -> Result<Vec<RaterRow>, crate::error::BadInput> {
    use crate::error::{BadInput, Diagnostic};
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes));
    let headers = reader
        .headers()
        .map_err(|e| BadInput::in_file(shown, format!("not a raters sheet: {e}")))?
        .clone();
    let column = |want: &str| {
        headers
            .iter()
            .position(|h| h.trim().eq_ignore_ascii_case(want))
    };
    let (Some(name_at), Some(relation_at)) = (column("name"), column("relation")) else {
        return Err(BadInput::at(
            shown,
            1,
            1,
            "a raters sheet needs the columns `name` and `relation` in its first row",
        ));
    };
    let mut problems = Vec::new();
    let mut rows: Vec<RaterRow> = Vec::new();
    for record in reader.records() {
        let record = match record {
            Ok(record) => record,
            Err(e) => {
                let line = e.position().map_or(0, |p| p.line() as usize);
                problems.push(Diagnostic::at(
                    shown,
                    line,
                    1,
                    format!("cannot read the row: {e}"),
                ));
                continue;
            }
        };
        let line = record.position().map_or(0, |p| p.line() as usize);
        let name = record.get(name_at).unwrap_or_default().trim();
        let relation_text = record.get(relation_at).unwrap_or_default().trim();
        if name.is_empty() && relation_text.is_empty() {
            continue;
        }
        if name.is_empty() {
            problems.push(Diagnostic::at(
                shown,
                line,
                name_at + 1,
                "the rater's name is empty",
            ));
            continue;
        }
        if let Err(message) = crate::assessment::person::check_name("the rater's name", name) {
            problems.push(Diagnostic::at(shown, line, name_at + 1, message));
            continue;
        }
        let relation = match serde_json::from_value::<Relation>(serde_json::Value::String(
            relation_text.to_ascii_lowercase(),
        )) {
            Ok(relation) => relation,
            Err(_) => {
                problems.push(Diagnostic::at(
                    shown,
                    line,
                    relation_at + 1,
                    format!(
                        "relation {relation_text:?} of {name:?} is not one of self, manager, peer, report, other"
                    ),
                ));
                continue;
            }
        };
        let slug = slug(name);
        let stem = (1..)
            .map(|n| {
                if n == 1 {
                    slug.clone()
                } else {
                    format!("{slug}-{n}")
                }
            })
            .find(|candidate| !rows.iter().any(|r| &r.stem == candidate))
            .unwrap_or_default();
        rows.push(RaterRow {
            name: name.to_string(),
            relation,
            stem,
        });
    }
    if !problems.is_empty() {
        return Err(BadInput::located(problems));
    }
    if rows.is_empty() {
        return Err(BadInput::in_file(
            shown,
            "names no rater: add a row per rater under the header `name,relation`",
        ));
    }
    Ok(rows)
}

/// Longest file stem made from a name, in characters: a file name stays far below the 255
/// bytes file systems allow, with room for `-N.html`, whatever the script.
pub const MAX_STEM: usize = 48;

/// A name as a file stem: letters and digits kept (lowercased), every run of anything else one
/// `-`, at most [`MAX_STEM`] characters; `rater` when nothing is left. A name Windows keeps for
/// a device (`con`, `nul`, `com1`, ...) gets `-rater` after it, so every page opens everywhere.
pub fn slug(name: &str) -> String {
    let mut out = String::with_capacity(name.len().min(4 * MAX_STEM));
    let mut kept = 0;
    for c in name.chars() {
        if kept >= MAX_STEM {
            break;
        }
        if c.is_alphanumeric() {
            let before = out.len();
            out.extend(c.to_lowercase());
            kept += out[before..].chars().count();
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
            kept += 1;
        }
    }
    let trimmed: String = out
        .chars()
        .take(MAX_STEM)
        .collect::<String>()
        .trim_end_matches('-')
        .to_string();
    if trimmed.is_empty() {
        "rater".to_string()
    } else if reserved_on_windows(&trimmed) {
        format!("{trimmed}-rater")
    } else {
        trimmed
    }
}

/// Whether Windows keeps `stem` for a device, whatever extension follows it: CON, PRN, AUX,
/// NUL, COM0-COM9 and LPT0-LPT9 (with the superscript digits ¹²³ too), in any case.
fn reserved_on_windows(stem: &str) -> bool {
    let lower = stem.to_lowercase();
    if matches!(lower.as_str(), "con" | "prn" | "aux" | "nul") {
        return true;
    }
    let mut chars = lower.chars();
    let head: String = chars.by_ref().take(3).collect();
    let rest: Vec<char> = chars.collect();
    matches!(head.as_str(), "com" | "lpt")
        && matches!(rest.as_slice(), [d] if d.is_ascii_digit() || matches!(d, '¹' | '²' | '³'))
}

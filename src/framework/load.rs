//! Turning framework bytes into a validated [`Framework`].
//!
//! One path for every file: a positioned YAML tree ([`yaml_tree`], aliases bounded), read into the
//! structs the format declares ([`super::format`]) with every shape problem located ([`reader`]),
//! then checked and resolved by [`build`]. Every problem is reported in one run, each at its
//! line and column.

use std::borrow::Cow;
use std::collections::HashMap;

use super::diagnostic::{Diagnostic, LoadError, Severity};
use super::format::*;
use super::locate::{closest, is_within, locate};
pub use super::locate::{render_path, PathSegment};
use super::model::*;
use super::reader;
use super::text::{forbidden_char, forbidden_message};
use super::yaml_tree::{self, Document, Position};

/// Largest framework file accepted, in bytes.
pub const MAX_FILE_SIZE: usize = 8 * 1024 * 1024;

/// Most indicators a framework may have.
pub const MAX_INDICATORS: usize = 100_000;

/// A semantic problem, with the path to the node it concerns (located later, only on failure).
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    /// From the root to the node at fault.
    pub path: Vec<PathSegment>,
    /// What is wrong and how to fix it.
    pub message: String,
    /// Whether the problem is only a warning.
    pub warning: bool,
    /// For a repeat of something: where the first one is.
    pub first: Option<Vec<PathSegment>>,
    /// A character to point at on the node's line, when the file holds it as written.
    pub character: Option<char>,
}

/// A successfully loaded framework with what is worth telling its author.
#[derive(Debug, Clone)]
pub struct Loaded {
    /// The framework.
    pub framework: Framework,
    /// `sha256:<hex>` of the file bytes.
    pub digest: String,
    /// Legal but suspicious things found.
    pub warnings: Vec<Diagnostic>,
}

/// `sha256:<hex>` of some bytes.
pub fn digest(bytes: &[u8]) -> String {
    use sha2::{Digest, Sha256};
    use std::fmt::Write;
    let hash = Sha256::digest(bytes);
    let mut out = String::with_capacity(7 + 64);
    out.push_str("sha256:");
    for b in hash.iter() {
        let _ = write!(out, "{b:02x}");
    }
    out
}

/// Load and validate a framework from its bytes; `file` names it in messages.
///
/// On failure every problem found is returned, sorted by position.
pub fn load(file: &str, bytes: &[u8]) -> Result<Loaded, LoadError> {
    let text = decode(file, bytes)?;
    let document = parse_tree(file, text)?;
    let shape = reader::read(&document);
    let (framework, problems) = match shape.framework {
        Some(raw) => build(raw),
        None => (None, Vec::new()),
    };
    let broken = shape.broken;
    let findings = shape.findings;
    let problems: Vec<Problem> = problems
        .into_iter()
        .filter(|p| !broken.iter().any(|b| is_within(&p.path, b)))
        .collect();
    let framework = match framework {
        Some(framework) if problems.is_empty() && findings.is_empty() => {
            return Ok(Loaded {
                framework,
                digest: digest(bytes),
                warnings: Vec::new(),
            })
        }
        other => other,
    };
    let document = Some(document);
    let mut diagnostics: Vec<Diagnostic> = findings
        .into_iter()
        .map(|f| match f.at {
            Some(at) => Diagnostic::at(file, at.line, at.column, f.message),
            None => Diagnostic::file_error(file, f.message),
        })
        .collect();
    diagnostics.extend(
        problems
            .iter()
            .map(|p| locate_problem(file, text, document.as_ref(), p)),
    );
    sort_diagnostics(&mut diagnostics);
    match framework {
        Some(framework) if !diagnostics.iter().any(Diagnostic::is_error) => Ok(Loaded {
            framework,
            digest: digest(bytes),
            warnings: diagnostics,
        }),
        _ => Err(LoadError { diagnostics }),
    }
}

/// The bytes as text, refusing what cannot be a framework file before any parsing.
fn decode<'b>(file: &str, bytes: &'b [u8]) -> Result<&'b str, LoadError> {
    let fail = |d: Diagnostic| LoadError {
        diagnostics: vec![d],
    };
    if bytes.len() > MAX_FILE_SIZE {
        return Err(fail(Diagnostic::file_error(
            file,
            format!(
                "file is {} bytes; framework files are limited to {MAX_FILE_SIZE} bytes (8 MiB)",
                bytes.len()
            ),
        )));
    }
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(fail(Diagnostic::file_error(
            file,
            "file is UTF-16 text; save it as UTF-8",
        )));
    }
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let valid = String::from_utf8_lossy(&bytes[..e.valid_up_to()]);
        let line = valid.matches('\n').count() + 1;
        let column = valid.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        let byte = bytes[e.valid_up_to()];
        fail(Diagnostic::at(
            file,
            line,
            column,
            format!("file is not UTF-8 text (byte 0x{byte:02X} here); save it as UTF-8"),
        ))
    })?;
    if text.trim().is_empty() {
        return Err(fail(Diagnostic::file_error(file, reader::EMPTY_FILE)));
    }
    Ok(text)
}

fn parse_tree(file: &str, text: &str) -> Result<Document, LoadError> {
    yaml_tree::parse(text).map_err(|e| LoadError {
        diagnostics: vec![match e.at {
            Some(at) => Diagnostic::at(file, at.line, at.column, e.message),
            None => Diagnostic::file_error(file, e.message),
        }],
    })
}

/// A problem as a diagnostic at its place, and with the place of the first one for a repeat.
fn locate_problem(
    file: &str,
    text: &str,
    document: Option<&Document>,
    problem: &Problem,
) -> Diagnostic {
    let place = |path: &[PathSegment]| document.and_then(|d| locate(d, path));
    let mut message = problem.message.clone();
    if let Some(first) = &problem.first {
        match place(first) {
            Some(at) => message.push_str(&format!(" (first at {at})")),
            None => message.push_str(&format!(" (first at {})", render_path(first))),
        }
    }
    let diagnostic = match place(&problem.path) {
        Some(at) => {
            let column = problem
                .character
                .and_then(|c| column_of(text, at, c))
                .unwrap_or(at.column);
            Diagnostic::at(file, at.line, column, message)
        }
        None => Diagnostic::file_error(file, format!("{}: {message}", render_path(&problem.path))),
    };
    if problem.warning {
        diagnostic.warning()
    } else {
        diagnostic
    }
}

/// The column of `c` on the line of `at`, at or after it, when the file holds it as written
/// (not as an escape).
fn column_of(text: &str, at: Position, c: char) -> Option<usize> {
    let line = text.lines().nth(at.line.checked_sub(1)?)?;
    line.chars()
        .enumerate()
        .skip(at.column.saturating_sub(1))
        .find(|&(_, found)| found == c)
        .map(|(i, _)| i + 1)
}

/// File-wide problems first, then by line and column; the same problem found twice (through
/// an alias) is kept once.
fn sort_diagnostics(diagnostics: &mut Vec<Diagnostic>) {
    diagnostics.sort_by_key(|d| (d.line, d.column, d.severity == Severity::Warning));
    diagnostics.dedup();
}

fn is_slug(s: &str) -> bool {
    let mut chars = s.chars();
    matches!(chars.next(), Some(c) if c.is_ascii_lowercase() || c.is_ascii_digit())
        && chars
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '.' | '_' | '-'))
}

const SLUG_RULE: &str =
    "use lowercase letters, digits, '.', '_' and '-', starting with a letter or digit";

/// Problems found while building.
#[derive(Default)]
struct Problems {
    errors: Vec<Problem>,
    warnings: Vec<Problem>,
}

impl Problems {
    fn error(&mut self, path: Vec<PathSegment>, message: String) {
        self.errors.push(Problem {
            path,
            message,
            warning: false,
            first: None,
            character: None,
        });
    }

    fn repeat(&mut self, path: Vec<PathSegment>, first: Vec<PathSegment>, message: String) {
        self.errors.push(Problem {
            path,
            message,
            warning: false,
            first: Some(first),
            character: None,
        });
    }

    fn warn(&mut self, path: Vec<PathSegment>, message: String) {
        self.warnings.push(Problem {
            path,
            message,
            warning: true,
            first: None,
            character: None,
        });
    }

    fn warn_repeat(&mut self, path: Vec<PathSegment>, first: Vec<PathSegment>, message: String) {
        self.warnings.push(Problem {
            path,
            message,
            warning: true,
            first: Some(first),
            character: None,
        });
    }
}

/// Resolve references and check every semantic rule of format 1.
///
/// Returns the framework when there is no error, and every problem found (errors and warnings).
pub fn build(raw: RawFramework) -> (Option<Framework>, Vec<Problem>) {
    let Problems {
        errors: mut problems,
        warnings,
    } = check(&raw);
    let has_error = !problems.is_empty();
    problems.extend(warnings);
    if has_error {
        return (None, problems);
    }
    (Some(convert(raw)), problems)
}

/// Where an indicator is: competency, competency level and indicator indices.
type IndicatorAt = (usize, usize, usize);

fn indicator_path((ci, li, ii): IndicatorAt) -> Vec<PathSegment> {
    use PathSegment::{Index, Key};
    vec![
        Key("competencies"),
        Index(ci),
        Key("levels"),
        Index(li),
        Key("indicators"),
        Index(ii),
    ]
}

/// The id an indicator is known by: its own, or `<competency>.<level>.<n>` for the shorthand.
fn indicator_id<'a>(
    competency: &str,
    level: &str,
    n: usize,
    indicator: &'a RawIndicator,
) -> Cow<'a, str> {
    match indicator {
        RawIndicator::Full(o) => Cow::Borrowed(&o.id),
        RawIndicator::Short(_) => Cow::Owned(format!("{competency}.{level}.{}", n + 1)),
    }
}

/// Text with runs of white space made one space and the ends trimmed (borrowed when already so).
fn normalise_space(text: &str) -> Cow<'_, str> {
    let mut previous_space = true;
    let already = text.chars().all(|c| {
        let ok = (c == ' ' && !previous_space) || !c.is_whitespace();
        previous_space = c == ' ';
        ok
    }) && !text.ends_with(' ');
    if already {
        Cow::Borrowed(text)
    } else {
        Cow::Owned(text.split_whitespace().collect::<Vec<_>>().join(" "))
    }
}

/// Every semantic rule of format 1, on the file as written.
fn check(raw: &RawFramework) -> Problems {
    use PathSegment::{EntryKey, EntryValue, Index, Key};
    let mut problems = Problems::default();

    if !is_slug(&raw.id) {
        problems.error(
            vec![Key("id")],
            format!("id {:?} is not a slug: {SLUG_RULE}", raw.id),
        );
    }
    if raw.version.0.trim().is_empty() {
        problems.error(
            vec![Key("version")],
            "version is empty; give the framework's version, e.g. \"1.0\"".into(),
        );
    }

    // Scale.
    let default_values: Vec<u32> = default_scale().iter().map(|p| p.value).collect();
    let scale_values = check_scale(
        &mut problems,
        &[],
        raw.scale.as_deref(),
        raw.demonstrated_at,
        &default_values,
    );
    let threshold = raw.threshold.unwrap_or(DEFAULT_THRESHOLD);
    if !(threshold > 0.0 && threshold <= 1.0) {
        problems.error(
            vec![Key("threshold")],
            format!("threshold {threshold} is outside (0, 1]: it is the share of a level's rated indicators that must be demonstrated, e.g. 0.8"),
        );
    }

    // Levels.
    if raw.levels.is_empty() {
        problems.error(
            vec![Key("levels")],
            "levels is empty; list the growth levels, lowest first".into(),
        );
    }
    let mut level_ids: HashMap<&str, usize> = HashMap::new();
    let mut level_list: Vec<&str> = Vec::with_capacity(raw.levels.len());
    for (i, level) in raw.levels.iter().enumerate() {
        let path = vec![Key("levels"), Index(i), Key("id")];
        if !is_slug(&level.id) {
            problems.error(
                path.clone(),
                format!("level id {:?} is not a slug: {SLUG_RULE}", level.id),
            );
        }
        if let Some(&first) = level_ids.get(level.id.as_str()) {
            problems.repeat(
                path,
                vec![Key("levels"), Index(first), Key("id")],
                format!("duplicate level id {:?}", level.id),
            );
        } else {
            level_ids.insert(&level.id, i);
            level_list.push(&level.id);
        }
    }
    let level_list = level_list.join(", ");
    let known_levels: Vec<&str> = raw.levels.iter().map(|l| l.id.as_str()).collect();

    if let Some(evidence) = &raw.evidence {
        check_evidence(&mut problems, vec![Key("evidence")], evidence);
    }

    // Groups.
    let group_ids = unique_ids(
        &mut problems,
        "groups",
        "group",
        raw.groups.iter().map(|g| g.id.as_str()),
    );
    let group_list: Vec<&str> = raw.groups.iter().map(|g| g.id.as_str()).collect();
    let group_values: Vec<Vec<u32>> = raw
        .groups
        .iter()
        .enumerate()
        .map(|(gi, g)| {
            check_scale(
                &mut problems,
                &[Key("groups"), Index(gi)],
                g.scale.as_deref(),
                g.demonstrated_at,
                &scale_values,
            )
        })
        .collect();

    // Tracks.
    let track_ids = unique_ids(
        &mut problems,
        "tracks",
        "track",
        raw.tracks.iter().map(|t| t.id.as_str()),
    );
    let track_list: Vec<&str> = raw.tracks.iter().map(|t| t.id.as_str()).collect();
    // Per track, the framework level indices on it (for targets on the track).
    let mut track_levels: Vec<Vec<usize>> = Vec::with_capacity(raw.tracks.len());
    for (ti, track) in raw.tracks.iter().enumerate() {
        let here = |i: usize| vec![Key("tracks"), Index(ti), Key("levels"), Index(i)];
        if track.levels.is_empty() {
            problems.error(
                vec![Key("tracks"), Index(ti), Key("levels")],
                format!(
                    "track {:?} lists no levels; list the framework levels it climbs, lowest first",
                    track.id
                ),
            );
        }
        let mut on_track: Vec<usize> = Vec::with_capacity(track.levels.len());
        let mut seen: HashMap<&str, usize> = HashMap::new();
        for (i, level) in track.levels.iter().enumerate() {
            if let Some(&first) = seen.get(level.as_str()) {
                problems.repeat(
                    here(i),
                    here(first),
                    format!("track {:?} lists level {level:?} twice", track.id),
                );
                continue;
            }
            seen.insert(level, i);
            let Some(&index) = level_ids.get(level.as_str()) else {
                problems.error(
                    here(i),
                    unknown_reference("level", level, &known_levels, &level_list),
                );
                continue;
            };
            if let Some(&previous) = on_track.last() {
                if index < previous {
                    problems.error(
                        here(i),
                        format!(
                            "track {:?} lists level {level:?} after {:?}, but it is lower in the framework's levels; list a track's levels in framework order",
                            track.id, raw.levels[previous].id
                        ),
                    );
                    continue;
                }
            }
            on_track.push(index);
        }
        track_levels.push(on_track);
    }

    // Competencies.
    if raw.competencies.is_empty() {
        problems.error(
            vec![Key("competencies")],
            "competencies is empty; a framework needs at least one competency".into(),
        );
    }
    let mut competency_ids: HashMap<&str, usize> = HashMap::new();
    let mut indicator_ids: HashMap<Cow<str>, IndicatorAt> = HashMap::new();
    let mut indicator_texts: HashMap<Cow<str>, IndicatorAt> = HashMap::new();
    let mut indicator_count = 0usize;
    for (ci, c) in raw.competencies.iter().enumerate() {
        let here = |rest: &[PathSegment]| {
            let mut p = vec![Key("competencies"), Index(ci)];
            p.extend_from_slice(rest);
            p
        };
        if !is_slug(&c.id) {
            problems.error(
                here(&[Key("id")]),
                format!("competency id {:?} is not a slug: {SLUG_RULE}", c.id),
            );
        }
        let repeated_competency = competency_ids.contains_key(c.id.as_str());
        if let Some(&first) = competency_ids.get(c.id.as_str()) {
            problems.repeat(
                here(&[Key("id")]),
                vec![Key("competencies"), Index(first), Key("id")],
                format!("duplicate competency id {:?}", c.id),
            );
        } else {
            competency_ids.insert(&c.id, ci);
        }
        let inherited = c
            .group
            .as_deref()
            .and_then(|g| group_ids.get(g))
            .and_then(|&gi| group_values.get(gi))
            .unwrap_or(&scale_values);
        check_scale(
            &mut problems,
            &here(&[]),
            c.scale.as_deref(),
            c.demonstrated_at,
            inherited,
        );
        check_guidance(&mut problems, &here(&[]), &c.guidance);
        if let Some(group) = &c.group {
            if !group_ids.contains_key(group.as_str()) {
                let message = if group_list.is_empty() {
                    format!("competency {:?} names group {group:?}, but the framework defines no groups; add it under `groups`", c.id)
                } else {
                    unknown_reference("group", group, &group_list, &group_list.join(", "))
                };
                problems.error(here(&[Key("group")]), message);
            }
        }
        for (track, on_track) in raw.tracks.iter().zip(&track_levels) {
            let listed = c
                .levels
                .iter()
                .filter_map(|cl| level_ids.get(cl.level.as_str()))
                .any(|level| on_track.contains(level));
            if !listed && !on_track.is_empty() {
                problems.warn(
                    here(&[Key("levels")]),
                    format!(
                        "competency {:?} lists no level of track {:?}: on that track it has nothing to rate and no level to hold",
                        c.id, track.id
                    ),
                );
            }
        }
        let mut last_rank: Option<(usize, &str)> = None;
        for (li, cl) in c.levels.iter().enumerate() {
            let level_path = here(&[Key("levels"), Index(li), Key("level")]);
            if let Some(evidence) = &cl.evidence {
                check_evidence(
                    &mut problems,
                    here(&[Key("levels"), Index(li), Key("evidence")]),
                    evidence,
                );
            }
            let level = level_ids.get(cl.level.as_str()).copied();
            if level.is_none() {
                problems.error(
                    level_path.clone(),
                    unknown_reference("level", &cl.level, &known_levels, &level_list),
                );
            }
            if let (Some(level), Some((previous, previous_id))) = (level, last_rank) {
                if level == previous {
                    problems.error(
                        level_path,
                        format!(
                            "level {:?} is listed twice in competency {:?}",
                            cl.level, c.id
                        ),
                    );
                } else if level < previous {
                    problems.error(
                        level_path,
                        format!("level {:?} comes after {:?} but is lower in the framework's levels; list a competency's levels lowest first", cl.level, previous_id),
                    );
                }
            }
            if let Some(level) = level {
                last_rank = Some((level, &cl.level));
            }
            // Indicators are checked even under an unknown level, so one run reports all.
            for (ii, indicator) in cl.indicators.iter().enumerate() {
                let at = (ci, li, ii);
                indicator_count += 1;
                if indicator_count == MAX_INDICATORS + 1 {
                    problems.error(
                        indicator_path(at),
                        format!("more than {MAX_INDICATORS} indicators: a framework may have at most {MAX_INDICATORS}; split it into several frameworks"),
                    );
                }
                let id = indicator_id(&c.id, &cl.level, ii, indicator);
                let text = match indicator {
                    RawIndicator::Full(o) => o.text.as_str(),
                    RawIndicator::Short(text) => text.as_str(),
                };
                if id.trim().is_empty() {
                    problems.error(indicator_path(at), "indicator id is empty".into());
                }
                if text.trim().is_empty() {
                    problems.error(indicator_path(at), format!("indicator {id:?} has no text"));
                }
                if let RawIndicator::Full(RawIndicatorObject {
                    origin: Some(origin),
                    ..
                }) = indicator
                {
                    if origin.trim().is_empty() {
                        let mut path = indicator_path(at);
                        path.push(Key("origin"));
                        problems.error(
                            path,
                            format!("indicator {id:?} has an empty origin; say where its text comes from, or leave origin out"),
                        );
                    }
                }
                let derived = matches!(indicator, RawIndicator::Short(_));
                let normalised = normalise_space(text);
                match indicator_texts.get(&normalised) {
                    Some(&first) if !normalised.is_empty() => problems.warn_repeat(
                        indicator_path(at),
                        indicator_path(first),
                        format!("indicator {id:?} has the same text as an earlier indicator"),
                    ),
                    Some(_) => {}
                    None => {
                        indicator_texts.insert(normalised, at);
                    }
                }
                match indicator_ids.get(&id) {
                    // A repeated competency id repeats its derived indicator ids: said once.
                    Some(_) if derived && repeated_competency => {}
                    Some(&first) => problems.repeat(
                        indicator_path(at),
                        indicator_path(first),
                        format!("duplicate indicator id {id:?}"),
                    ),
                    None => {
                        indicator_ids.insert(id, at);
                    }
                }
            }
        }
    }

    check_ladders(raw, &level_ids, &track_levels, &mut problems);

    // Targets.
    let mut target_ids: HashMap<&str, usize> = HashMap::new();
    for (ti, t) in raw.targets.iter().enumerate() {
        let id_path = vec![Key("targets"), Index(ti), Key("id")];
        if !is_slug(&t.id) {
            problems.error(
                id_path.clone(),
                format!("target id {:?} is not a slug: {SLUG_RULE}", t.id),
            );
        }
        if let Some(&first) = target_ids.get(t.id.as_str()) {
            problems.repeat(
                id_path,
                vec![Key("targets"), Index(first), Key("id")],
                format!("duplicate target id {:?}", t.id),
            );
        } else {
            target_ids.insert(&t.id, ti);
        }
        let target_track = match &t.track {
            None => None,
            Some(track) => match track_ids.get(track.as_str()) {
                Some(&index) => Some(index),
                None => {
                    let message = if track_list.is_empty() {
                        format!("target {:?} names track {track:?}, but the framework defines no tracks; add it under `tracks`", t.id)
                    } else {
                        unknown_reference("track", track, &track_list, &track_list.join(", "))
                    };
                    problems.error(vec![Key("targets"), Index(ti), Key("track")], message);
                    None
                }
            },
        };
        let mut seen: HashMap<&str, usize> = HashMap::new();
        for (ei, (competency, level)) in t.levels.0.iter().enumerate() {
            let entry =
                |segment: PathSegment| vec![Key("targets"), Index(ti), Key("levels"), segment];
            if let Some(&first) = seen.get(competency.as_str()) {
                problems.repeat(
                    entry(EntryKey(ei)),
                    entry(EntryKey(first)),
                    format!("target {:?} lists competency {competency:?} twice", t.id),
                );
            } else {
                seen.insert(competency, ei);
            }
            if !competency_ids.contains_key(competency.as_str()) {
                problems.error(
                    entry(EntryKey(ei)),
                    format!(
                        "target {:?} names unknown competency {competency:?}; the competencies are: {}",
                        t.id,
                        raw.competencies
                            .iter()
                            .map(|c| c.id.as_str())
                            .collect::<Vec<_>>()
                            .join(", ")
                    ),
                );
            }
            match level_ids.get(level.as_str()) {
                None => problems.error(
                    entry(EntryValue(ei)),
                    format!(
                        "target {:?} names unknown level {level:?} for competency {competency:?}; the framework's levels are: {level_list}",
                        t.id
                    ),
                ),
                Some(index) => {
                    let listed = raw
                        .competencies
                        .iter()
                        .find(|c| &c.id == competency)
                        .map(|c| c.levels.iter().map(|l| l.level.as_str()).collect::<Vec<_>>());
                    if let Some(listed) = listed.filter(|l| !l.contains(&level.as_str())) {
                        problems.warn(
                            entry(EntryValue(ei)),
                            format!(
                                "target {:?} names level {level:?} for competency {competency:?}, which does not list that level (it lists: {}); its gap is counted on the levels it lists",
                                t.id,
                                listed.join(", ")
                            ),
                        );
                    }
                    if let Some(track) = target_track {
                        if !track_levels[track].contains(index) {
                            problems.error(
                                entry(EntryValue(ei)),
                                format!(
                                    "target {:?} is on track {:?}, but level {level:?} is not on that track; its levels are: {}",
                                    t.id,
                                    raw.tracks[track].id,
                                    raw.tracks[track].levels.join(", ")
                                ),
                            );
                        }
                    }
                }
            }
        }
    }
    check_guidance(&mut problems, &[], &raw.guidance);
    check_texts(raw, &mut problems);
    problems
}

/// Warn about a competency whose ladder has a hole: it skips a level (of the framework, or of a
/// track) between the first and the last level it lists. Scoring counts its gaps on the levels
/// it lists, so the skipped level is neither required nor attainable; the warning says so in
/// case the level was left out by mistake.
fn check_ladders(
    raw: &RawFramework,
    level_ids: &HashMap<&str, usize>,
    track_levels: &[Vec<usize>],
    problems: &mut Problems,
) {
    use PathSegment::{Index, Key};
    let every_level: Vec<usize> = (0..raw.levels.len()).collect();
    let ladders: Vec<(Option<&str>, &[usize])> = if raw.tracks.is_empty() {
        vec![(None, &every_level)]
    } else {
        raw.tracks
            .iter()
            .zip(track_levels)
            .map(|(t, levels)| (Some(t.id.as_str()), levels.as_slice()))
            .collect()
    };
    for (ci, c) in raw.competencies.iter().enumerate() {
        let listed: Vec<usize> = c
            .levels
            .iter()
            .filter_map(|l| level_ids.get(l.level.as_str()).copied())
            .collect();
        let mut skipped: Vec<usize> = Vec::new();
        let mut on: Vec<&str> = Vec::new();
        for (track, ladder) in &ladders {
            let positions: Vec<usize> = ladder
                .iter()
                .enumerate()
                .filter(|(_, l)| listed.contains(l))
                .map(|(p, _)| p)
                .collect();
            let (Some(&first), Some(&last)) = (positions.first(), positions.last()) else {
                continue;
            };
            let holes: Vec<usize> = ladder[first..=last]
                .iter()
                .copied()
                .filter(|l| !listed.contains(l) && !skipped.contains(l))
                .collect();
            if !holes.is_empty() {
                skipped.extend(holes);
                on.extend(*track);
            }
        }
        if skipped.is_empty() {
            continue;
        }
        skipped.sort_unstable();
        let names: Vec<&str> = skipped
            .iter()
            .filter_map(|&l| raw.levels.get(l).map(|l| l.id.as_str()))
            .collect();
        let track = match on.as_slice() {
            [] => String::new(),
            [one] => format!(" of track {one:?}"),
            many => format!(" of tracks {}", many.join(", ")),
        };
        problems.warn(
            vec![Key("competencies"), Index(ci), Key("levels")],
            format!(
                "competency {:?} skips {} {}{track} between its first and last level: {} neither required nor attainable, and its gaps are counted on the levels it lists",
                c.id,
                if names.len() == 1 { "level" } else { "levels" },
                names.join(", "),
                if names.len() == 1 { "that level is" } else { "those levels are" },
            ),
        );
    }
}

/// A scale and `demonstrated_at` declared at `at` (the framework, a group or a competency);
/// `inherited` is the scale's values where none is declared here. Returns the values in force.
fn check_scale(
    problems: &mut Problems,
    at: &[PathSegment],
    scale: Option<&[RawScalePoint]>,
    demonstrated_at: Option<u32>,
    inherited: &[u32],
) -> Vec<u32> {
    use PathSegment::{Index, Key};
    let path = |rest: &[PathSegment]| {
        let mut p = at.to_vec();
        p.extend_from_slice(rest);
        p
    };
    let values: Vec<u32> = match scale {
        None => inherited.to_vec(),
        Some(points) => points.iter().map(|p| p.value).collect(),
    };
    if scale.is_some_and(<[RawScalePoint]>::is_empty) {
        problems.error(path(&[Key("scale")]), "scale is empty; give at least one { value, label } or leave scale out for the default 1-4 scale".into());
    }
    if scale.is_some() {
        for i in 1..values.len() {
            if values[i] <= values[i - 1] {
                let here = path(&[Key("scale"), Index(i), Key("value")]);
                match values[..i].iter().position(|v| *v == values[i]) {
                    Some(f) => problems.repeat(
                        here,
                        path(&[Key("scale"), Index(f), Key("value")]),
                        format!("duplicate scale value {}", values[i]),
                    ),
                    None => problems.error(
                        here,
                        format!(
                            "scale values must be strictly increasing: {} comes after {}",
                            values[i],
                            values[i - 1]
                        ),
                    ),
                }
            }
        }
    }
    if let Some(v) = demonstrated_at {
        if !values.is_empty() && !values.contains(&v) {
            problems.error(
                path(&[Key("demonstrated_at")]),
                format!(
                    "demonstrated_at {v} is not a scale value; use one of {}",
                    values
                        .iter()
                        .map(ToString::to_string)
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            );
        }
    }
    values
}

/// A guidance list without items says why, or it reads as something lost: a warning.
fn check_guidance(problems: &mut Problems, at: &[PathSegment], guidance: &[RawGuidance]) {
    use PathSegment::{Index, Key};
    for (gi, g) in guidance.iter().enumerate() {
        if g.items.is_empty() && g.note.as_deref().is_none_or(|n| n.trim().is_empty()) {
            let mut path = at.to_vec();
            path.extend([Key("guidance"), Index(gi), Key("title")]);
            problems.warn(
                path,
                format!(
                    "guidance {:?} has no items; add them, or say why it is empty with `note` (e.g. \"The source text gives this heading with no content.\")",
                    g.title
                ),
            );
        }
    }
}

/// Ids of one kind (groups, tracks) that must be slugs and unique; their indices by id.
fn unique_ids<'a>(
    problems: &mut Problems,
    key: &'static str,
    kind: &str,
    ids: impl Iterator<Item = &'a str>,
) -> HashMap<&'a str, usize> {
    use PathSegment::{Index, Key};
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for (i, id) in ids.enumerate() {
        let path = vec![Key(key), Index(i), Key("id")];
        if !is_slug(id) {
            problems.error(
                path.clone(),
                format!("{kind} id {id:?} is not a slug: {SLUG_RULE}"),
            );
        }
        match seen.get(id) {
            Some(&first) => problems.repeat(
                path,
                vec![Key(key), Index(first), Key("id")],
                format!("duplicate {kind} id {id:?}"),
            ),
            None => {
                seen.insert(id, i);
            }
        }
    }
    seen
}

/// "unknown group "tech"; did you mean "technical"?" or the list of known ones.
fn unknown_reference(kind: &str, id: &str, known: &[&str], list: &str) -> String {
    // A one- or two-letter id is near too many others for a guess to help.
    let guess = (id.chars().count() > 2)
        .then(|| closest(id, known))
        .flatten();
    match guess {
        Some(suggestion) => format!("unknown {kind} {id:?}; did you mean {suggestion:?}?"),
        None => format!("unknown {kind} {id:?}; the framework's {kind}s are: {list}"),
    }
}

/// `evidence` is `required` or `optional`.
fn check_evidence(problems: &mut Problems, path: Vec<PathSegment>, evidence: &str) {
    if !matches!(evidence, "required" | "optional") {
        problems.error(
            path,
            format!("evidence {evidence:?} is not understood; write `evidence: required` to ask for a note with every demonstrated rating (or `optional`)"),
        );
    }
}

/// Checks one text, given the path to it (made only when the text is at fault).
type TextCheck<'a> = dyn FnMut(&dyn Fn() -> Vec<PathSegment>, &str) + 'a;

/// Every text of the framework is free of control characters and bidirectional overrides.
fn check_texts(raw: &RawFramework, problems: &mut Problems) {
    use PathSegment::{EntryKey, EntryValue, Index, Key};
    let mut check = |path: &dyn Fn() -> Vec<PathSegment>, text: &str| {
        if let Some((_, c)) = forbidden_char(text) {
            problems.errors.push(Problem {
                path: path(),
                message: forbidden_message(c),
                warning: false,
                first: None,
                character: Some(c),
            });
        }
    };
    fn opt(text: &Option<String>) -> &str {
        text.as_deref().unwrap_or("")
    }
    check(&|| vec![Key("id")], &raw.id);
    check(&|| vec![Key("name")], &raw.name);
    check(&|| vec![Key("version")], &raw.version.0);
    check(&|| vec![Key("description")], opt(&raw.description));
    check(&|| vec![Key("source")], opt(&raw.source));
    check(&|| vec![Key("evidence")], opt(&raw.evidence));
    let scale_texts =
        |check: &mut TextCheck<'_>, at: &[PathSegment], scale: &Option<Vec<RawScalePoint>>| {
            for (i, p) in scale.iter().flatten().enumerate() {
                let here = |k| {
                    let mut path = at.to_vec();
                    path.extend([Key("scale"), Index(i), Key(k)]);
                    path
                };
                check(&|| here("label"), &p.label);
                check(&|| here("description"), opt(&p.description));
            }
        };
    let guidance_texts =
        |check: &mut TextCheck<'_>, at: &[PathSegment], guidance: &[RawGuidance]| {
            for (gi, g) in guidance.iter().enumerate() {
                let here = |rest: &[PathSegment]| {
                    let mut path = at.to_vec();
                    path.extend([Key("guidance"), Index(gi)]);
                    path.extend_from_slice(rest);
                    path
                };
                check(&|| here(&[Key("title")]), &g.title);
                check(&|| here(&[Key("note")]), opt(&g.note));
                for (ii, text) in g.items.iter().enumerate() {
                    check(&|| here(&[Key("items"), Index(ii)]), text);
                }
            }
        };
    scale_texts(&mut check, &[], &raw.scale);
    guidance_texts(&mut check, &[], &raw.guidance);
    for (i, l) in raw.levels.iter().enumerate() {
        let at = |k| move || vec![Key("levels"), Index(i), Key(k)];
        check(&at("id"), &l.id);
        check(&at("name"), &l.name);
        check(&at("description"), opt(&l.description));
    }
    for (i, g) in raw.groups.iter().enumerate() {
        let at = |k| move || vec![Key("groups"), Index(i), Key(k)];
        check(&at("id"), &g.id);
        check(&at("name"), &g.name);
        check(&at("description"), opt(&g.description));
        scale_texts(&mut check, &[Key("groups"), Index(i)], &g.scale);
    }
    for (i, t) in raw.tracks.iter().enumerate() {
        let at = |k| move || vec![Key("tracks"), Index(i), Key(k)];
        check(&at("id"), &t.id);
        check(&at("name"), &t.name);
        check(&at("description"), opt(&t.description));
        for (j, level) in t.levels.iter().enumerate() {
            check(
                &|| vec![Key("tracks"), Index(i), Key("levels"), Index(j)],
                level,
            );
        }
    }
    for (ci, c) in raw.competencies.iter().enumerate() {
        let at = |rest: &[PathSegment]| {
            let mut path = vec![Key("competencies"), Index(ci)];
            path.extend_from_slice(rest);
            path
        };
        check(&|| at(&[Key("id")]), &c.id);
        check(&|| at(&[Key("name")]), &c.name);
        check(&|| at(&[Key("description")]), opt(&c.description));
        check(&|| at(&[Key("group")]), opt(&c.group));
        scale_texts(&mut check, &at(&[]), &c.scale);
        for (li, cl) in c.levels.iter().enumerate() {
            let level = |rest: &[PathSegment]| {
                let mut path = at(&[Key("levels"), Index(li)]);
                path.extend_from_slice(rest);
                path
            };
            check(&|| level(&[Key("level")]), &cl.level);
            check(&|| level(&[Key("title")]), opt(&cl.title));
            check(&|| level(&[Key("description")]), opt(&cl.description));
            for (ei, example) in cl.examples.iter().enumerate() {
                check(&|| level(&[Key("examples"), Index(ei)]), example);
            }
            check(&|| level(&[Key("evidence")]), opt(&cl.evidence));
            for (ii, indicator) in cl.indicators.iter().enumerate() {
                let item = [Key("indicators"), Index(ii)];
                match indicator {
                    RawIndicator::Short(text) => check(&|| level(&item), text),
                    RawIndicator::Full(o) => {
                        check(
                            &|| level(&[item[0].clone(), item[1].clone(), Key("id")]),
                            &o.id,
                        );
                        check(
                            &|| level(&[item[0].clone(), item[1].clone(), Key("text")]),
                            &o.text,
                        );
                        check(
                            &|| level(&[item[0].clone(), item[1].clone(), Key("origin")]),
                            opt(&o.origin),
                        );
                        for (ei, example) in o.examples.iter().enumerate() {
                            check(
                                &|| {
                                    level(&[
                                        item[0].clone(),
                                        item[1].clone(),
                                        Key("examples"),
                                        Index(ei),
                                    ])
                                },
                                example,
                            );
                        }
                    }
                }
            }
        }
        guidance_texts(&mut check, &at(&[]), &c.guidance);
    }
    for (ti, t) in raw.targets.iter().enumerate() {
        let at = |k| move || vec![Key("targets"), Index(ti), Key(k)];
        check(&at("id"), &t.id);
        check(&at("name"), &t.name);
        check(&at("description"), opt(&t.description));
        check(&at("track"), opt(&t.track));
        for (ei, (competency, level)) in t.levels.0.iter().enumerate() {
            let entry =
                |segment: PathSegment| vec![Key("targets"), Index(ti), Key("levels"), segment];
            check(&|| entry(EntryKey(ei)), competency);
            check(&|| entry(EntryValue(ei)), level);
        }
    }
}

/// The model from a file that passed [`check`]: strings are moved, not copied.
fn convert(raw: RawFramework) -> Framework {
    let scale = match raw.scale {
        None => default_scale(),
        Some(points) => scale_points(points),
    };
    let demonstrated_at = raw
        .demonstrated_at
        .unwrap_or_else(|| default_demonstrated_at(&scale));
    let groups: Vec<Group> = raw
        .groups
        .into_iter()
        .map(|g| Group {
            scale: own_scale(g.scale, g.demonstrated_at, None, (&scale, demonstrated_at)),
            id: g.id,
            name: g.name,
            description: g.description,
        })
        .collect();
    let level_index: HashMap<String, usize> = raw
        .levels
        .iter()
        .enumerate()
        .map(|(i, l)| (l.id.clone(), i))
        .collect();
    let competency_index: HashMap<String, usize> = raw
        .competencies
        .iter()
        .enumerate()
        .map(|(i, c)| (c.id.clone(), i))
        .collect();
    let group_index: HashMap<&str, usize> = groups
        .iter()
        .enumerate()
        .map(|(i, g)| (g.id.as_str(), i))
        .collect();
    let track_index: HashMap<&str, usize> = raw
        .tracks
        .iter()
        .enumerate()
        .map(|(i, t)| (t.id.as_str(), i))
        .collect();
    let required = |evidence: &Option<String>| evidence.as_deref() == Some("required");
    let competencies: Vec<Competency> = raw
        .competencies
        .into_iter()
        .map(|c| {
            let levels = c
                .levels
                .into_iter()
                .filter_map(|cl| {
                    let level = *level_index.get(&cl.level)?;
                    let indicators = cl
                        .indicators
                        .into_iter()
                        .enumerate()
                        .map(|(n, indicator)| match indicator {
                            RawIndicator::Full(o) => Indicator {
                                id: o.id,
                                text: o.text,
                                examples: o.examples,
                                origin: o.origin,
                            },
                            RawIndicator::Short(text) => Indicator {
                                id: format!("{}.{}.{}", c.id, cl.level, n + 1),
                                text,
                                examples: Vec::new(),
                                origin: None,
                            },
                        })
                        .collect();
                    Some(CompetencyLevel {
                        level,
                        title: cl.title,
                        description: cl.description,
                        examples: cl.examples,
                        evidence_required: required(&cl.evidence),
                        indicators,
                    })
                })
                .collect();
            let group = c.group.as_deref().and_then(|g| group_index.get(g).copied());
            Competency {
                scale: own_scale(
                    c.scale,
                    c.demonstrated_at,
                    group.and_then(|g| groups[g].scale.as_ref()),
                    (&scale, demonstrated_at),
                ),
                group,
                id: c.id,
                name: c.name,
                description: c.description,
                levels,
                guidance: guidance(c.guidance),
            }
        })
        .collect();
    let targets = raw
        .targets
        .into_iter()
        .map(|t| Target {
            track: t
                .track
                .as_deref()
                .and_then(|id| track_index.get(id).copied()),
            levels: t
                .levels
                .0
                .iter()
                .filter_map(|(c, l)| Some((*competency_index.get(c)?, *level_index.get(l)?)))
                .collect(),
            id: t.id,
            name: t.name,
            description: t.description,
        })
        .collect();
    Framework {
        id: raw.id,
        name: raw.name,
        version: raw.version.0,
        description: raw.description,
        source: raw.source,
        demonstrated_at,
        threshold: raw.threshold.unwrap_or(DEFAULT_THRESHOLD),
        evidence_required: required(&raw.evidence),
        tracks: raw
            .tracks
            .iter()
            .map(|t| Track {
                id: t.id.clone(),
                name: t.name.clone(),
                description: t.description.clone(),
                levels: t
                    .levels
                    .iter()
                    .filter_map(|l| level_index.get(l).copied())
                    .collect(),
            })
            .collect(),
        groups,
        levels: raw
            .levels
            .into_iter()
            .map(|l| Level {
                id: l.id,
                name: l.name,
                description: l.description,
            })
            .collect(),
        rating_values: rating_values(&scale, &competencies),
        competencies,
        targets,
        guidance: guidance(raw.guidance),
        scale,
    }
}

/// Every value of the framework's scale and of the competencies' own, ascending.
fn rating_values(scale: &[ScalePoint], competencies: &[Competency]) -> Vec<u32> {
    let mut values: Vec<u32> = scale
        .iter()
        .chain(
            competencies
                .iter()
                .flat_map(|c| c.scale.iter().flat_map(|s| &s.scale)),
        )
        .map(|p| p.value)
        .collect();
    values.sort_unstable();
    values.dedup();
    values
}

fn scale_points(points: Vec<RawScalePoint>) -> Vec<ScalePoint> {
    points
        .into_iter()
        .map(|p| ScalePoint {
            value: p.value,
            label: p.label,
            description: p.description,
        })
        .collect()
}

/// The scale a group or competency declares, resolved: a declared `demonstrated_at` holds
/// on the scale in force; a declared scale without one takes its own default; with neither,
/// the enclosing one's (a competency's group's, `None` for the framework's).
fn own_scale(
    scale: Option<Vec<RawScalePoint>>,
    demonstrated_at: Option<u32>,
    enclosing: Option<&OwnScale>,
    framework: (&[ScalePoint], u32),
) -> Option<OwnScale> {
    match (scale, demonstrated_at) {
        (None, None) => enclosing.cloned(),
        (Some(points), at) => {
            let scale = scale_points(points);
            let demonstrated_at = at.unwrap_or_else(|| default_demonstrated_at(&scale));
            Some(OwnScale {
                scale,
                demonstrated_at,
            })
        }
        (None, Some(at)) => Some(OwnScale {
            scale: enclosing.map_or_else(|| framework.0.to_vec(), |e| e.scale.clone()),
            demonstrated_at: at,
        }),
    }
}

fn guidance(lists: Vec<RawGuidance>) -> Vec<Guidance> {
    lists
        .into_iter()
        .map(|g| Guidance {
            title: g.title,
            items: g.items,
            note: g.note,
        })
        .collect()
}

/// When a custom scale gives no `demonstrated_at`: the value just above the middle of the scale
/// (3 on the default 1-4 scale and on a 1-5 scale, 4 on a 1-6 scale).
pub fn default_demonstrated_at(scale: &[ScalePoint]) -> u32 {
    if scale.is_empty() {
        return DEFAULT_DEMONSTRATED_AT;
    }
    scale[scale.len() / 2].value
}

#[cfg(test)]
mod tests {
    use super::*;

    const RICH: &str = r#"
id: team-work
name: Team work
version: 1.10
description: |
  How a team works together.
source: "Written for the tests"
scale:
  - { value: 1, label: Rarely, description: Hardly ever }
  - { value: 2, label: Sometimes }
  - { value: 3, label: Often }
  - { value: 5, label: Always }
demonstrated_at: 3
threshold: 0.75
levels:
  - { id: starting, name: Starting, description: New to it }
  - { id: growing, name: Growing }
  - { id: leading, name: Leading }
competencies:
  - id: listening
    name: Listening
    description: Hearing what is meant.
    levels:
      - level: starting
        title: Lets people speak
        indicators:
          - Lets others finish before speaking.
          - id: listen-summary
            text: Summarises what was said.
            examples: [In meetings, "In one-to-ones"]
      - level: growing
        indicators: []
    guidance:
      - title: Reflection questions
        items: ["Who spoke least today?"]
      - title: Empty list
        note: Kept empty on purpose.
  - id: speaking
    name: Speaking
    levels:
      - level: growing
        indicators:
          - Speaks to the point.
targets:
  - id: team-lead
    name: Team lead
    levels: { listening: growing, speaking: growing }
  - id: newcomer
    name: Newcomer
"#;

    fn slow_build(text: &str) -> (Option<Framework>, Vec<Problem>) {
        let document = yaml_tree::parse(text).expect("parses");
        let shape = reader::read(&document);
        assert_eq!(shape.findings, vec![]);
        build(shape.framework.expect("a framework"))
    }

    fn messages(text: &str) -> Vec<String> {
        match load("f.yaml", text.as_bytes()) {
            Ok(loaded) => loaded.warnings.iter().map(ToString::to_string).collect(),
            Err(e) => e.diagnostics.iter().map(ToString::to_string).collect(),
        }
    }

    #[test]
    fn a_rich_file_loads_as_written() {
        let (built, problems) = slow_build(RICH);
        assert_eq!(problems, vec![]);
        let framework = built.expect("valid");
        assert_eq!(framework.version, "1.10");
        assert_eq!(
            framework.competencies[0].levels[0].indicators[0].id,
            "listening.starting.1"
        );
        assert_eq!(
            framework.competencies[0].levels[0].indicators[1].examples,
            ["In meetings", "In one-to-ones"]
        );
        assert_eq!(framework.scale[3].value, 5);
        assert_eq!(framework.targets[0].levels, vec![(0, 1), (1, 1)]);
    }

    const OWN_SCALES: &str = r#"
id: own
name: Own scales
version: "1"
demonstrated_at: 4
groups:
  - id: know
    name: Knowledge
    scale: [{ value: 1, label: Cannot explain }, { value: 2, label: Can explain }]
    demonstrated_at: 2
levels: [{ id: one, name: One }]
competencies:
  - id: plain
    name: Plain
    levels: [{ level: one, indicators: [Does it.] }]
  - id: grouped
    name: Grouped
    group: know
    levels: [{ level: one, indicators: [Knows it.] }]
  - id: own
    name: Own
    scale: [{ value: 0, label: No }, { value: 1, label: Partly }, { value: 2, label: Yes }]
    levels: [{ level: one, indicators: [{ id: o, text: Says it., origin: "Someone, 2020 (quoted)" }] }]
  - id: lower
    name: Lower bar
    demonstrated_at: 2
    levels: [{ level: one, indicators: [Tries it.] }]
guidance:
  - title: References
    items: ["Someone (2020). A book."]
"#;

    #[test]
    fn a_competency_or_its_group_may_have_its_own_scale() {
        let loaded = load("f.yaml", OWN_SCALES.as_bytes()).expect("valid");
        assert_eq!(loaded.warnings, vec![]);
        let f = loaded.framework;
        let labels =
            |c: usize| -> Vec<&str> { f.scale_of(c).iter().map(|p| p.label.as_str()).collect() };
        // The framework's default scale, with its own demonstrated_at.
        assert_eq!(labels(0), ["Rarely", "Sometimes", "Often", "Consistently"]);
        assert_eq!(f.demonstrated_at_of(0), 4);
        // The group's scale and demonstrated_at.
        assert_eq!(labels(1), ["Cannot explain", "Can explain"]);
        assert_eq!(f.demonstrated_at_of(1), 2);
        // Its own scale, demonstrated from the value above its middle.
        assert_eq!(labels(2), ["No", "Partly", "Yes"]);
        assert_eq!(f.demonstrated_at_of(2), 1);
        // Only its own demonstrated_at, on the framework's scale.
        assert_eq!(labels(3), labels(0));
        assert_eq!(f.demonstrated_at_of(3), 2);
        assert_eq!(f.rating_values(), [0, 1, 2, 3, 4]);
        assert_eq!(
            f.competencies[2].levels[0].indicators[0].origin.as_deref(),
            Some("Someone, 2020 (quoted)")
        );
        assert_eq!(f.guidance[0].items, ["Someone (2020). A book."]);
    }

    #[test]
    fn an_own_scale_is_checked_where_it_is_written() {
        let text = OWN_SCALES
            .replace(
                "  - id: lower\n    name: Lower bar\n    demonstrated_at: 2",
                "  - id: lower\n    name: Lower bar\n    demonstrated_at: 7",
            )
            .replace("{ value: 2, label: Yes }", "{ value: 1, label: Yes }")
            .replace("origin: \"Someone, 2020 (quoted)\"", "origin: \" \"");
        assert_eq!(
            messages(&text),
            [
                "f.yaml:22:76: duplicate scale value 1 (first at 22:47)",
                "f.yaml:23:74: indicator \"o\" has an empty origin; say where its text comes from, or leave origin out",
                "f.yaml:26:22: demonstrated_at 7 is not a scale value; use one of 1, 2, 3, 4",
            ]
        );
        // A group's demonstrated_at is checked against the group's scale.
        let text = OWN_SCALES.replace(
            "    demonstrated_at: 2\nlevels",
            "    demonstrated_at: 3\nlevels",
        );
        assert_eq!(
            messages(&text),
            ["f.yaml:10:22: demonstrated_at 3 is not a scale value; use one of 1, 2"]
        );
    }

    #[test]
    fn an_empty_guidance_list_is_a_warning_unless_its_note_says_why() {
        let text = OWN_SCALES.replace("    items: [\"Someone (2020). A book.\"]", "    items: []");
        assert_eq!(
            messages(&text),
            ["f.yaml:29:12: warning: guidance \"References\" has no items; add them, or say why it is empty with `note` (e.g. \"The source text gives this heading with no content.\")"]
        );
        let text = text.replace(
            "    items: []",
            "    items: []\n    note: The source gives none.",
        );
        assert_eq!(messages(&text), Vec::<String>::new());
    }

    #[test]
    fn x_keys_are_allowed_and_change_nothing() {
        let with_x = RICH
            .replace(
                "name: Team work\n",
                "name: Team work\nx-owner: People team\n",
            )
            .replace(
                "  - id: listening\n",
                "  - id: listening\n    x-notes: { a: [1, 2] }\n",
            )
            .replace(
                "            text: Summarises",
                "            x-weight: 2\n            text: Summarises",
            );
        assert_ne!(with_x, RICH);
        let plain = load("f.yaml", RICH.as_bytes()).expect("valid");
        let extended = load("f.yaml", with_x.as_bytes()).expect("valid with x- keys");
        assert_eq!(extended.framework, plain.framework);
        assert!(extended.warnings.is_empty());
    }

    #[test]
    fn anchors_and_aliases_load() {
        let text = RICH
            .replace(
                "items: [\"Who spoke least today?\"]",
                "items: &q [\"Who spoke least today?\"]",
            )
            .replace(
                "      - title: Empty list",
                "      - title: Again\n        items: *q",
            );
        let loaded = load("f.yaml", text.as_bytes()).expect("valid");
        assert_eq!(
            loaded.framework.competencies[0].guidance[1].items,
            ["Who spoke least today?"]
        );
    }

    #[test]
    fn every_problem_is_reported_in_file_order() {
        let text = "\
id: demo
name: Demo
version: '1'
threshold: 1.5
levels:
  - { id: a, name: A }
  - { id: a, name: Again }
competencies:
  - id: c
    name: C
    levels:
      - level: b
        indicatrs: []
";
        assert_eq!(
            messages(text),
            vec![
                "f.yaml:4:12: threshold 1.5 is outside (0, 1]: it is the share of a level's rated indicators that must be demonstrated, e.g. 0.8",
                "f.yaml:7:11: duplicate level id \"a\" (first at 6:11)",
                "f.yaml:12:16: unknown level \"b\"; the framework's levels are: a",
                "f.yaml:13:9: unknown key `indicatrs` in a competency's level; did you mean `indicators`?",
            ]
        );
    }

    #[test]
    fn a_competency_off_a_track_is_a_warning() {
        let text = "\
id: demo
name: Demo
version: '1'
levels:
  - { id: a, name: A }
  - { id: b, name: B }
tracks:
  - { id: one, name: One, levels: [a] }
  - { id: two, name: Two, levels: [b] }
competencies:
  - id: c
    name: C
    levels:
      - level: a
        indicators: [First]
";
        assert_eq!(
            messages(text),
            vec!["f.yaml:14:7: warning: competency \"c\" lists no level of track \"two\": on that track it has nothing to rate and no level to hold"]
        );
    }

    #[test]
    fn a_broken_part_is_reported_once() {
        // The level without an id must not also be "not a slug" or a duplicate of another.
        let text = "\
id: demo
name: Demo
version: '1'
levels:
  - { name: A }
  - { name: B }
competencies:
  - { id: c, name: C, levels: [] }
";
        assert_eq!(
            messages(text),
            vec![
                "f.yaml:5:5: missing required key `id` in a level",
                "f.yaml:6:5: missing required key `id` in a level",
            ]
        );
    }

    #[test]
    fn warnings_say_where_the_first_one_is() {
        let text = RICH.replace(
            "Speaks to the point.",
            "Lets others finish   before speaking.",
        );
        assert_eq!(
            messages(&text),
            vec!["f.yaml:43:13: warning: indicator \"speaking.growing.1\" has the same text as an earlier indicator (first at 27:13)"]
        );
    }

    #[test]
    fn files_that_are_not_text_are_refused_with_a_place() {
        assert_eq!(
            messages("id: x\nname: caf\u{e9}\n").len(),
            messages("id: x\nname: cafe\n").len(),
            "UTF-8 text is fine"
        );
        let latin1 = b"id: x\nname: caf\xe9\n";
        let e = load("f.yaml", latin1).expect_err("not UTF-8");
        assert_eq!(
            e.to_string(),
            "f.yaml:2:10: file is not UTF-8 text (byte 0xE9 here); save it as UTF-8"
        );
        let e = load("f.yaml", b"\xff\xfei\x00d\x00").expect_err("UTF-16");
        assert_eq!(
            e.to_string(),
            "f.yaml: file is UTF-16 text; save it as UTF-8"
        );
    }

    #[test]
    fn an_oversized_file_is_refused_before_parsing() {
        let big = vec![b'#'; MAX_FILE_SIZE + 1];
        let e = load("f.yaml", &big).expect_err("too big");
        assert!(e.to_string().contains("limited to 8388608 bytes"), "{e}");
    }

    #[test]
    fn empty_files_are_refused() {
        for text in ["", "  \n", "# nothing yet\n", "---\n...\n", "~\n"] {
            let e = load("f.yaml", text.as_bytes()).expect_err("empty");
            assert_eq!(
                e.to_string(),
                format!("f.yaml: {}", reader::EMPTY_FILE),
                "{text:?}"
            );
        }
    }

    #[test]
    fn the_indicator_cap_is_enforced() {
        let document = yaml_tree::parse(RICH).expect("parses");
        let mut raw = reader::read(&document).framework.expect("framework");
        raw.competencies[1].levels[0].indicators = (0..=MAX_INDICATORS)
            .map(|i| RawIndicator::Short(format!("Indicator {i}")))
            .collect();
        let (framework, problems) = build(raw);
        assert!(framework.is_none());
        let capped: Vec<_> = problems
            .iter()
            .filter(|p| p.message.contains("more than 100000 indicators"))
            .collect();
        assert_eq!(capped.len(), 1);
        assert_eq!(
            render_path(&capped[0].path),
            format!(
                "competencies[1].levels[0].indicators[{}]",
                MAX_INDICATORS - 2
            )
        );
    }

    #[test]
    fn a_hole_in_a_ladder_and_a_role_naming_an_unlisted_level_are_warnings() {
        // Listening lists starting and growing; speaking only growing (a late start, no hole).
        let text = RICH
            .replace(
                "      - level: growing\n        indicators: []\n",
                "      - level: leading\n        indicators: []\n",
            )
            .replace(
                "levels: { listening: growing, speaking: growing }",
                "levels: { listening: leading, speaking: leading }",
            );
        assert_eq!(
            messages(&text),
            vec![
                "f.yaml:24:7: warning: competency \"listening\" skips level growing between its first and last level: that level is neither required nor attainable, and its gaps are counted on the levels it lists",
                "f.yaml:47:45: warning: target \"team-lead\" names level \"leading\" for competency \"speaking\", which does not list that level (it lists: growing); its gap is counted on the levels it lists",
            ]
        );
    }

    #[test]
    fn on_a_track_a_hole_is_a_level_of_the_track_skipped() {
        // Two tracks fork after starting; a competency listing starting and lead (on the
        // manager track) skips no level of that track, but one listing starting and expert
        // skips senior on the ic track.
        let text = r#"
id: forks
name: Forks
version: "1"
levels:
  - { id: starting, name: Starting }
  - { id: senior, name: Senior }
  - { id: lead, name: Lead }
  - { id: expert, name: Expert }
tracks:
  - { id: ic, name: IC, levels: [starting, senior, expert] }
  - { id: m, name: Manager, levels: [starting, lead] }
competencies:
  - id: people
    name: People
    levels:
      - { level: starting, indicators: [a] }
      - { level: lead, indicators: [b] }
  - id: craft
    name: Craft
    levels:
      - { level: starting, indicators: [c] }
      - { level: expert, indicators: [d] }
"#;
        assert_eq!(
            messages(text),
            vec![
                "f.yaml:22:7: warning: competency \"craft\" skips level senior of track \"ic\" between its first and last level: that level is neither required nor attainable, and its gaps are counted on the levels it lists",
            ]
        );
    }

    #[test]
    fn target_entries_are_located_by_position() {
        let text = RICH.replace(
            "levels: { listening: growing, speaking: growing }",
            "levels: { listening: growing, listening: top }",
        );
        assert_eq!(
            messages(&text),
            vec![
                "f.yaml:47:35: target \"team-lead\" lists competency \"listening\" twice (first at 47:15)",
                "f.yaml:47:46: target \"team-lead\" names unknown level \"top\" for competency \"listening\"; the framework's levels are: starting, growing, leading",
            ]
        );
    }

    #[test]
    fn space_is_normalised_without_copying_normal_text() {
        assert!(matches!(
            normalise_space("Lets others speak."),
            Cow::Borrowed(_)
        ));
        assert_eq!(
            normalise_space("  Lets  others\n speak. "),
            "Lets others speak."
        );
        assert_eq!(normalise_space("tab\there"), "tab here");
        assert_eq!(normalise_space(""), "");
    }

    proptest::proptest! {
        /// Whatever the bytes, loading returns a framework or problems: it never panics, and
        /// every problem names the file.
        #[test]
        fn loading_never_panics(text in "[-:{}\\[\\],&*!|>'\"#%@ \n\ta-z0-9x]{0,80}") {
            let prefixed = format!("id: a\nname: A\nversion: '1'\n{text}");
            for candidate in [text.as_str(), prefixed.as_str()] {
                if let Err(e) = load("f.yaml", candidate.as_bytes()) {
                    proptest::prop_assert!(!e.diagnostics.is_empty());
                    for d in &e.diagnostics {
                        proptest::prop_assert_eq!(d.file.as_str(), "f.yaml");
                    }
                }
            }
        }
    }
}

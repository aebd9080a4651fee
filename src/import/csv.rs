//! `rungs import csv`: a spreadsheet export, one row per indicator, as a framework.
//!
//! The columns are [`sheet::COLUMNS`], matched by header name (case, spaces, hyphens and
//! underscores do not matter). What Excel writes reads like a clean file: a UTF-8 byte order
//! mark, CRLF line ends, `;` (or tab) as the delimiter, quoted cells with line breaks.
//!
//! Levels are ordered so that every competency's levels come in the order its rows give them;
//! where that leaves a choice, by first appearance. Ids that are not given are made from the
//! names (slugs); indicator ids from `<competency>.<level>.<n>`, as the framework format does
//! for an indicator written as a plain string.

use std::borrow::Cow;
use std::collections::HashMap;

use super::{Imported, Options};
use crate::framework::format::*;
use crate::framework::sheet::{self, Column};
use crate::framework::{Diagnostic, LoadError, Severity};

/// Largest sheet accepted, in bytes.
pub const MAX_SHEET_SIZE: usize = 64 * 1024 * 1024;

/// A place in the sheet: 1-based row (the header is row 1) and column, as a spreadsheet
/// numbers them.
#[derive(Debug, Clone, Copy)]
struct At {
    row: usize,
    column: usize,
}

/// One level as the rows name it.
struct LevelEntry {
    id: String,
    name: String,
    name_at: At,
    description: Option<(String, At)>,
}

/// One competency as the rows name it.
struct CompetencyEntry {
    id: String,
    name: String,
    name_at: At,
    description: Option<(String, At)>,
    /// The group's name, as the rows give it.
    group: Option<(String, At)>,
    /// The group's id: given, or made from its name.
    group_id: Option<(String, At)>,
    /// Its levels (indices into the level list) in the order the rows give them.
    levels: Vec<CompetencyLevelEntry>,
}

struct CompetencyLevelEntry {
    level: usize,
    /// Where the competency first lists the level.
    at: At,
    indicators: Vec<RawIndicatorObject>,
    /// Rows that list the level with no indicator (an empty level).
    blank_rows: Vec<At>,
}

/// Read a sheet; `file` names it in messages. Every problem found is returned, each at its
/// row and column.
pub fn import(file: &str, bytes: &[u8], options: &Options) -> Result<Imported, LoadError> {
    let mut problems = Problems {
        file,
        diagnostics: Vec::new(),
    };
    let text = decode(file, bytes)?;
    let delimiter = detect_delimiter(text);
    let mut reader = ::csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes());
    let mut records = reader.records();

    let header = match records.next() {
        Some(Ok(header)) => header,
        Some(Err(e)) => return Err(csv_error(file, &e)),
        None => {
            return Err(LoadError {
                diagnostics: vec![Diagnostic::file_error(file, "the sheet is empty")],
            })
        }
    };
    let mut columns: HashMap<Column, usize> = HashMap::new();
    for (i, name) in header.iter().enumerate() {
        let at = At {
            row: 1,
            column: i + 1,
        };
        match Column::from_header(name) {
            Some(column) => {
                if let Some(&first) = columns.get(&column) {
                    problems.error(
                        at,
                        format!(
                            "column {:?} appears twice (first in column {}); keep one",
                            column.name(),
                            first + 1
                        ),
                    );
                } else {
                    columns.insert(column, i);
                }
            }
            None if name.trim().is_empty() => {}
            None => problems.warn(
                at,
                format!(
                    "column {:?} is not read; the columns read are: {}",
                    name.trim(),
                    sheet::COLUMNS.map(Column::name).join(", ")
                ),
            ),
        }
    }
    for column in sheet::COLUMNS.into_iter().filter(|c| c.is_required()) {
        if !columns.contains_key(&column) {
            problems.diagnostics.push(Diagnostic {
                file: file.to_string(),
                line: Some(1),
                column: None,
                message: format!(
                    "missing column {:?}; the header row must name competency, level and indicator",
                    column.name()
                ),
                severity: Severity::Error,
            });
        }
    }
    if problems.has_error() {
        return Err(problems.into_error());
    }

    let mut levels: Vec<LevelEntry> = Vec::new();
    let mut level_index: HashMap<String, usize> = HashMap::new();
    let mut competencies: Vec<CompetencyEntry> = Vec::new();
    let mut competency_index: HashMap<String, usize> = HashMap::new();
    let mut indicator_ids: HashMap<String, usize> = HashMap::new();

    for (n, record) in records.enumerate() {
        let row = n + 2;
        let record = match record {
            Ok(record) => record,
            Err(e) => {
                problems.diagnostics.push(csv_diagnostic(file, &e));
                continue;
            }
        };
        if record.iter().all(|cell| cell.trim().is_empty()) {
            continue;
        }
        let at = |column: Column| At {
            row,
            column: columns.get(&column).map_or(record.len() + 1, |i| i + 1),
        };
        // Line breaks inside a cell are read as `\n`, whatever the file's line ends are.
        let cells: Vec<Cow<str>> = record
            .iter()
            .map(|c| {
                let c = sheet::restore_cell(c);
                if c.contains('\r') {
                    Cow::Owned(c.replace("\r\n", "\n").replace('\r', "\n"))
                } else {
                    Cow::Borrowed(c)
                }
            })
            .collect();
        let cell = |column: Column| -> Option<&str> {
            columns
                .get(&column)
                .and_then(|&i| cells.get(i))
                .map(|c| c.as_ref())
        };
        let missing: Vec<Column> = sheet::COLUMNS
            .into_iter()
            .filter(|c| c.is_required() && cell(*c).is_none())
            .collect();
        if !missing.is_empty() {
            problems.error(
                At {
                    row,
                    column: record.len() + 1,
                },
                format!(
                    "missing column {:?}: the row has {} cells, the header {}",
                    missing[0].name(),
                    record.len(),
                    header.len()
                ),
            );
            continue;
        }
        let text = |column: Column| cell(column).unwrap_or("");
        let trimmed = |column: Column| text(column).trim();
        let non_blank = |column: Column| Some(text(column)).filter(|t| !t.trim().is_empty());

        // The competency.
        let Some(competency_id) = id_of(
            &mut problems,
            "competency",
            trimmed(Column::CompetencyId),
            at(Column::CompetencyId),
            trimmed(Column::Competency),
            at(Column::Competency),
        ) else {
            continue;
        };
        let ci = match competency_index.get(&competency_id) {
            Some(&ci) => {
                let c = &mut competencies[ci];
                agree(
                    &mut problems,
                    &format!("competency {competency_id:?}"),
                    "name",
                    &mut c.name,
                    &mut c.name_at,
                    trimmed(Column::Competency),
                    at(Column::Competency),
                );
                ci
            }
            None => {
                competencies.push(CompetencyEntry {
                    id: competency_id.clone(),
                    name: trimmed(Column::Competency).to_string(),
                    name_at: at(Column::Competency),
                    description: None,
                    group: None,
                    group_id: None,
                    levels: Vec::new(),
                });
                competency_index.insert(competency_id.clone(), competencies.len() - 1);
                competencies.len() - 1
            }
        };
        let what = format!("competency {competency_id:?}");
        if let Some(d) = non_blank(Column::CompetencyDescription) {
            agree_optional(
                &mut problems,
                &what,
                "description",
                &mut competencies[ci].description,
                d,
                at(Column::CompetencyDescription),
            );
        }
        let group_name = trimmed(Column::Group);
        let group_id = trimmed(Column::GroupId);
        if !group_name.is_empty() || !group_id.is_empty() {
            if let Some(id) = id_of(
                &mut problems,
                "group",
                group_id,
                at(Column::GroupId),
                group_name,
                at(Column::Group),
            ) {
                let competency = &mut competencies[ci];
                agree_optional(
                    &mut problems,
                    &what,
                    "group",
                    &mut competency.group,
                    group_name,
                    at(Column::Group),
                );
                agree_optional(
                    &mut problems,
                    &what,
                    "group id",
                    &mut competency.group_id,
                    &id,
                    at(Column::GroupId),
                );
            }
        }

        // The level.
        let Some(level_id) = id_of(
            &mut problems,
            "level",
            trimmed(Column::LevelId),
            at(Column::LevelId),
            trimmed(Column::Level),
            at(Column::Level),
        ) else {
            continue;
        };
        let li = match level_index.get(&level_id) {
            Some(&li) => {
                let l = &mut levels[li];
                agree(
                    &mut problems,
                    &format!("level {level_id:?}"),
                    "name",
                    &mut l.name,
                    &mut l.name_at,
                    trimmed(Column::Level),
                    at(Column::Level),
                );
                li
            }
            None => {
                levels.push(LevelEntry {
                    id: level_id.clone(),
                    name: trimmed(Column::Level).to_string(),
                    name_at: at(Column::Level),
                    description: None,
                });
                level_index.insert(level_id.clone(), levels.len() - 1);
                levels.len() - 1
            }
        };
        if let Some(d) = non_blank(Column::LevelDescription) {
            agree_optional(
                &mut problems,
                &format!("level {level_id:?}"),
                "description",
                &mut levels[li].description,
                d,
                at(Column::LevelDescription),
            );
        }
        let competency = &mut competencies[ci];
        let cl = match competency.levels.iter().position(|l| l.level == li) {
            Some(cl) => cl,
            None => {
                competency.levels.push(CompetencyLevelEntry {
                    level: li,
                    at: at(Column::Level),
                    indicators: Vec::new(),
                    blank_rows: Vec::new(),
                });
                competency.levels.len() - 1
            }
        };
        let entry = &mut competency.levels[cl];

        // The indicator.
        let indicator_text = text(Column::Indicator);
        let given_id = trimmed(Column::IndicatorId);
        let examples = sheet::split_examples(text(Column::Examples));
        if indicator_text.trim().is_empty() {
            if given_id.is_empty() && examples.is_empty() {
                entry.blank_rows.push(at(Column::Indicator));
            } else {
                problems.error(
                    at(Column::Indicator),
                    "empty indicator: give the text to rate, or delete the row".into(),
                );
            }
            continue;
        }
        let (id, id_at) = if given_id.is_empty() {
            (
                format!("{competency_id}.{level_id}.{}", entry.indicators.len() + 1),
                at(Column::Indicator),
            )
        } else {
            (given_id.to_string(), at(Column::IndicatorId))
        };
        if let Some(&first) = indicator_ids.get(&id) {
            problems.error(
                id_at,
                format!("duplicate indicator id {id:?} (first at row {first})"),
            );
            continue;
        }
        indicator_ids.insert(id.clone(), row);
        entry.indicators.push(RawIndicatorObject {
            id,
            text: indicator_text.to_string(),
            examples,
            ..Default::default()
        });
    }

    for c in &competencies {
        for l in &c.levels {
            if !l.indicators.is_empty() {
                for &at in &l.blank_rows {
                    problems.error(
                        at,
                        "empty indicator: give the text to rate, or delete the row".into(),
                    );
                }
            }
        }
    }
    let order = level_order(&mut problems, &levels, &competencies);
    if problems.has_error() {
        return Err(problems.into_error());
    }

    let stem = std::path::Path::new(file)
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let id = options.id.clone().unwrap_or_else(|| {
        let id = sheet::slug(&stem);
        if id.is_empty() {
            "imported".to_string()
        } else {
            id
        }
    });
    let name = options
        .name
        .clone()
        .unwrap_or_else(|| name_from(&stem, &id));
    let mut rank = vec![0; levels.len()];
    for (position, &li) in order.iter().enumerate() {
        rank[li] = position;
    }
    let raw_levels = order
        .iter()
        .map(|&li| {
            let l = &levels[li];
            RawLevel {
                id: l.id.clone(),
                name: l.name.clone(),
                description: l.description.as_ref().map(|(d, _)| d.clone()),
            }
        })
        .collect();
    // Groups in order of first appearance, each named as its first competency names it.
    let mut groups: Vec<RawGroup> = Vec::new();
    for c in &competencies {
        if let (Some((name, _)), Some((id, _))) = (&c.group, &c.group_id) {
            if !groups.iter().any(|g| &g.id == id) {
                groups.push(RawGroup {
                    id: id.clone(),
                    name: name.clone(),
                    description: None,
                    ..Default::default()
                });
            }
        }
    }
    let raw_competencies = competencies
        .into_iter()
        .map(|c| {
            let mut cls = c.levels;
            cls.sort_by_key(|l| rank[l.level]);
            RawCompetency {
                id: c.id,
                name: c.name,
                description: c.description.map(|(d, _)| d),
                levels: cls
                    .into_iter()
                    .map(|l| RawCompetencyLevel {
                        level: levels[l.level].id.clone(),
                        title: None,
                        description: None,
                        examples: Vec::new(),
                        evidence: None,
                        indicators: l.indicators.into_iter().map(RawIndicator::Full).collect(),
                    })
                    .collect(),
                group: c.group_id.map(|(id, _)| id),
                guidance: Vec::new(),
                ..Default::default()
            }
        })
        .collect();
    Ok(Imported {
        framework: RawFramework {
            id,
            name,
            version: Version(options.version.clone().unwrap_or_else(|| "1.0".into())),
            description: None,
            source: None,
            scale: None,
            demonstrated_at: None,
            threshold: None,
            evidence: None,
            levels: raw_levels,
            groups,
            tracks: Vec::new(),
            competencies: raw_competencies,
            targets: Vec::new(),
            guidance: Vec::new(),
        },
        warnings: problems.diagnostics,
        about: None,
    })
}

/// Problems found so far, errors and warnings.
struct Problems<'a> {
    file: &'a str,
    diagnostics: Vec<Diagnostic>,
}

impl Problems<'_> {
    fn error(&mut self, at: At, message: String) {
        self.diagnostics
            .push(Diagnostic::at(self.file, at.row, at.column, message));
    }

    fn warn(&mut self, at: At, message: String) {
        self.diagnostics
            .push(Diagnostic::at(self.file, at.row, at.column, message).warning());
    }

    fn has_error(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }

    fn into_error(mut self) -> LoadError {
        self.diagnostics
            .sort_by_key(|d| (d.line, d.column, d.severity == Severity::Warning));
        LoadError {
            diagnostics: self.diagnostics,
        }
    }
}

/// The id of a competency or level: the id cell when given (it must be a slug), else a slug
/// made from the name. `None` after saying why there is none.
fn id_of(
    problems: &mut Problems,
    what: &str,
    id: &str,
    id_at: At,
    name: &str,
    name_at: At,
) -> Option<String> {
    if !id.is_empty() {
        if sheet::slug(id) != id && !is_slug(id) {
            problems.error(
                id_at,
                format!("{what} id {id:?} is not a slug: use lowercase letters, digits, '.', '_' and '-', starting with a letter or digit"),
            );
            return None;
        }
        if name.is_empty() {
            problems.error(name_at, format!("empty {what}: give its name"));
            return None;
        }
        return Some(id.to_string());
    }
    if name.is_empty() {
        problems.error(name_at, format!("empty {what}: give its name"));
        return None;
    }
    let slug = sheet::slug(name);
    if slug.is_empty() {
        problems.error(
            name_at,
            format!("cannot make an id from the {what} name {name:?}; add a {what}_id column"),
        );
        return None;
    }
    Some(slug)
}

fn is_slug(s: &str) -> bool {
    let mut chars = s.chars();
    matches!(chars.next(), Some(c) if c.is_ascii_lowercase() || c.is_ascii_digit())
        && chars
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '.' | '_' | '-'))
}

/// A later row must name a thing as the first one did.
fn agree(
    problems: &mut Problems,
    what: &str,
    field: &str,
    first: &mut String,
    first_at: &mut At,
    here: &str,
    at: At,
) {
    if here != first.as_str() {
        problems.error(
            at,
            format!(
                "{what} has {field} {here:?} here but {first:?} at row {}; give every row the same",
                first_at.row
            ),
        );
    }
}

/// A later row may leave a description or group out, but must not give another one.
fn agree_optional(
    problems: &mut Problems,
    what: &str,
    field: &str,
    first: &mut Option<(String, At)>,
    here: &str,
    at: At,
) {
    match first {
        None => *first = Some((here.to_string(), at)),
        Some((text, first_at)) if text.as_str() != here => problems.error(
            at,
            format!(
                "{what} has another {field} here than at row {}; give it once, or the same on every row",
                first_at.row
            ),
        ),
        Some(_) => {}
    }
}

/// The framework's levels, lowest first: every competency's levels in the order its rows give
/// them, and by first appearance where the competencies leave a choice. A level that one
/// competency puts above another and another competency below it is a problem, at the row
/// that contradicts the order.
fn level_order(
    problems: &mut Problems,
    levels: &[LevelEntry],
    competencies: &[CompetencyEntry],
) -> Vec<usize> {
    let n = levels.len();
    let mut after: Vec<Vec<usize>> = vec![Vec::new(); n];
    let mut before_count = vec![0usize; n];
    for c in competencies {
        for pair in c.levels.windows(2) {
            after[pair[0].level].push(pair[1].level);
            before_count[pair[1].level] += 1;
        }
    }
    let mut placed = vec![false; n];
    let mut order = Vec::with_capacity(n);
    while order.len() < n {
        // Levels are numbered by first appearance: the lowest free one goes next.
        let next = (0..n).find(|&l| !placed[l] && before_count[l] == 0);
        let Some(next) = next else {
            break;
        };
        placed[next] = true;
        order.push(next);
        for &b in &after[next] {
            before_count[b] -= 1;
        }
    }
    if order.len() < n {
        // The competencies disagree: finish by first appearance and name every row that
        // goes against that order.
        order.extend((0..n).filter(|&l| !placed[l]));
        let mut rank = vec![0; n];
        for (position, &l) in order.iter().enumerate() {
            rank[l] = position;
        }
        for c in competencies {
            for pair in c.levels.windows(2) {
                if rank[pair[1].level] < rank[pair[0].level] {
                    problems.error(
                        pair[1].at,
                        format!(
                            "level {:?} comes after {:?} for competency {:?}, but earlier rows put it below {:?}; give every competency's levels lowest first",
                            levels[pair[1].level].id,
                            levels[pair[0].level].id,
                            c.id,
                            levels[pair[0].level].id
                        ),
                    );
                }
            }
        }
    }
    order
}

/// `engineering-ladder` -> `Engineering ladder`, unless the file name already reads as a name.
fn name_from(stem: &str, id: &str) -> String {
    let base = if stem.trim().is_empty() { id } else { stem };
    let spaced: String = base
        .chars()
        .map(|c| if matches!(c, '-' | '_') { ' ' } else { c })
        .collect();
    let mut chars = spaced.trim().chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => id.to_string(),
    }
}

/// The bytes as text: a UTF-8 byte order mark is dropped; UTF-16 and other encodings are
/// refused with the way to save the sheet as UTF-8.
fn decode<'b>(file: &str, bytes: &'b [u8]) -> Result<&'b str, LoadError> {
    let fail = |d: Diagnostic| LoadError {
        diagnostics: vec![d],
    };
    if bytes.len() > MAX_SHEET_SIZE {
        return Err(fail(Diagnostic::file_error(
            file,
            format!(
                "file is {} bytes; sheets are limited to {MAX_SHEET_SIZE} bytes (64 MiB)",
                bytes.len()
            ),
        )));
    }
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(fail(Diagnostic::file_error(
            file,
            "file is UTF-16 text; save the sheet as \"CSV UTF-8\"",
        )));
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    std::str::from_utf8(bytes).map_err(|e| {
        let valid = &bytes[..e.valid_up_to()];
        let line = valid.iter().filter(|&&b| b == b'\n').count() + 1;
        fail(Diagnostic {
            file: file.to_string(),
            line: Some(line),
            column: None,
            message: format!(
                "file is not UTF-8 text (byte 0x{:02X} on this line); save the sheet as \"CSV UTF-8\"",
                bytes[e.valid_up_to()]
            ),
            severity: Severity::Error,
        })
    })
}

/// `,`, `;` or tab: whichever the header line has most of, outside quotes (`,` on a tie).
fn detect_delimiter(text: &str) -> u8 {
    let mut counts = [0usize; 3];
    let mut quoted = false;
    for c in text.chars() {
        match c {
            '"' => quoted = !quoted,
            '\n' | '\r' if !quoted => break,
            ',' if !quoted => counts[0] += 1,
            ';' if !quoted => counts[1] += 1,
            '\t' if !quoted => counts[2] += 1,
            _ => {}
        }
    }
    let best = (0..3).max_by_key(|&i| (counts[i], 3 - i)).unwrap_or(0);
    [b',', b';', b'\t'][best]
}

fn csv_diagnostic(file: &str, error: &::csv::Error) -> Diagnostic {
    let message = format!("cannot read the sheet: {error}");
    match error.position() {
        Some(p) => Diagnostic {
            file: file.to_string(),
            line: Some(p.record() as usize + 1),
            column: None,
            message,
            severity: Severity::Error,
        },
        None => Diagnostic::file_error(file, message),
    }
}

fn csv_error(file: &str, error: &::csv::Error) -> LoadError {
    LoadError {
        diagnostics: vec![csv_diagnostic(file, error)],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Result<Imported, LoadError> {
        import("sheet.csv", text.as_bytes(), &Options::default())
    }

    #[test]
    fn delimiter_is_what_the_header_uses() {
        assert_eq!(detect_delimiter("a;b;c\r\n1,5;2;3"), b';');
        assert_eq!(detect_delimiter("a,b,c\n"), b',');
        assert_eq!(detect_delimiter("\"a;b\",c,d\n"), b',');
        assert_eq!(detect_delimiter("a\tb\n"), b'\t');
    }

    #[test]
    fn levels_follow_every_competency_and_first_appearance() {
        let sheet =
            "competency,level,indicator\nA,One,a1\nA,Three,a3\nB,One,b1\nB,Two,b2\nB,Three,b3\n";
        let imported = read(sheet).unwrap_or_else(|e| panic!("{e}"));
        let ids: Vec<_> = imported
            .framework
            .levels
            .iter()
            .map(|l| l.id.as_str())
            .collect();
        assert_eq!(ids, ["one", "two", "three"]);
    }

    #[test]
    fn contradicting_level_orders_are_named_at_their_row() {
        let sheet = "competency,level,indicator\nA,One,a1\nA,Two,a2\nB,Two,b2\nB,One,b1\n";
        let error = read(sheet).err().map(|e| e.to_string());
        assert_eq!(
            error.as_deref(),
            Some("sheet.csv:5:2: level \"one\" comes after \"two\" for competency \"b\", but earlier rows put it below \"two\"; give every competency's levels lowest first")
        );
    }
}

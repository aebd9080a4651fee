//! Reading and writing assessment files: strict on read, atomic on write.

use std::path::Path;

use super::model::{Assessment, FORMAT};
use crate::catalog::{load_bytes, read_framework_bytes, Catalog, Entry};
use crate::error::BadInput;

/// Largest assessment file accepted, in bytes.
pub const MAX_ASSESSMENT_SIZE: u64 = 64 * 1024 * 1024;

/// Read and parse an assessment file, checking its `format`.
pub fn read(path: &Path) -> Result<Assessment, BadInput> {
    let bytes = crate::io::read_limited(path, MAX_ASSESSMENT_SIZE, "assessment file")?;
    parse(&path.display().to_string(), &bytes)
}

/// Parse assessment JSON; `shown` names the file in messages.
pub fn parse(shown: &str, bytes: &[u8]) -> Result<Assessment, BadInput> {
    let bytes = crate::io::without_bom(bytes);
    // A well-formed file parses straight into its type; only a faulty one pays for the
    // closer look that names what is wrong.
    match serde_json::from_slice::<Assessment>(bytes) {
        Ok(assessment) if assessment.format == FORMAT => return checked_times(shown, assessment),
        _ => {}
    }
    let value: serde_json::Value = serde_json::from_slice(bytes).map_err(|e| {
        let what = if e.is_eof() {
            "the file is truncated or empty"
        } else {
            "the file is not valid JSON"
        };
        BadInput::at(
            shown,
            e.line(),
            e.column(),
            format!(
                "not a rungs assessment: {what} ({})",
                strip_position(&e.to_string())
            ),
        )
    })?;
    match value.get("format").and_then(|f| f.as_str()) {
        Some(FORMAT) => {}
        Some(other) => {
            return Err(BadInput::in_file(
                shown,
                format!(
                    "assessment format {other:?} is not supported by this version of rungs (it reads {FORMAT:?})"
                ),
            ))
        }
        None => {
            return Err(BadInput::in_file(
                shown,
                format!("not a rungs assessment: no \"format\": {FORMAT:?} key"),
            ))
        }
    }
    drop(value);
    let assessment = serde_json::from_slice(bytes).map_err(|e| {
        BadInput::at(
            shown,
            e.line(),
            e.column(),
            format!("invalid assessment: {}", strip_position(&e.to_string())),
        )
    })?;
    checked_times(shown, assessment)
}

/// Refuse an assessment whose `started_at` or `completed_at` is not a time, or a time later
/// than tomorrow: it would be placed anywhere on a timeline, or always picked as the latest by
/// `team` and the id shortcuts. Refuse a subject or rater name holding an invisible character
/// ([`super::person::check_name`]).
fn checked_times(shown: &str, assessment: Assessment) -> Result<Assessment, BadInput> {
    let latest = latest_allowed();
    let times = [
        ("started_at", Some(&assessment.started_at)),
        ("completed_at", assessment.completed_at.as_ref()),
    ];
    for (key, text) in times {
        let Some(text) = text else { continue };
        if let Err(problem) = checked_time(key, text, latest) {
            return Err(BadInput::in_file(shown, problem));
        }
    }
    let names = [
        ("subject", assessment.subject.as_deref()),
        (
            "rater.name",
            assessment.rater.as_ref().map(|r| r.name.as_str()),
        ),
    ];
    for (key, name) in names {
        if let Some(name) = name {
            super::person::check_name(key, name).map_err(|m| BadInput::in_file(shown, m))?;
        }
    }
    Ok(assessment)
}

/// The latest time an assessment may record: tomorrow (a day of slack for clocks that disagree
/// and for time zones).
pub fn latest_allowed() -> time::OffsetDateTime {
    time::OffsetDateTime::now_utc() + time::Duration::days(1)
}

/// The time `text` of the key `key` stands for, or what is wrong with it: not an RFC 3339 time,
/// or later than `latest`.
pub fn checked_time(
    key: &str,
    text: &str,
    latest: time::OffsetDateTime,
) -> Result<time::OffsetDateTime, String> {
    let when = time::OffsetDateTime::parse(text, &time::format_description::well_known::Rfc3339)
        .map_err(|e| {
            format!(
                "{key} {text:?} is not an RFC 3339 time ({e}); write it like 2026-03-10T11:30:00Z"
            )
        })?;
    if when > latest {
        return Err(format!(
            "{key} {text:?} is in the future (later than tomorrow); an assessment cannot have been made then, and it would always count as the latest"
        ));
    }
    Ok(when)
}

fn strip_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(i) => message[..i].to_string(),
        None => message.to_string(),
    }
}

/// Serialise an assessment as pretty JSON with a trailing newline.
pub fn to_json(assessment: &Assessment) -> serde_json::Result<String> {
    let mut text = serde_json::to_string_pretty(assessment)?;
    text.push('\n');
    Ok(text)
}

/// Save an assessment atomically ([`crate::io::write::write_atomic`]).
pub fn save(path: &Path, assessment: &Assessment) -> std::io::Result<()> {
    crate::io::write::write_atomic(path, to_json(assessment)?.as_bytes())
}

/// Save an assessment atomically, replacing a file at `path` only as `replace` says, and keep
/// it locked ([`crate::io::write::write_locked`]).
pub fn save_locked(
    path: &Path,
    assessment: &Assessment,
    replace: crate::io::write::Replace,
) -> std::io::Result<crate::io::write::Lock> {
    crate::io::write::write_locked(path, to_json(assessment)?.as_bytes(), replace)
}

/// The framework an assessment was made against, found as docs/FORMAT.md (Assessment file)
/// says: `--framework` path, then a loaded framework with the recorded id, then the recorded
/// path.
#[derive(Debug, Clone)]
pub struct FoundFramework {
    /// The framework found.
    pub entry: Entry,
    /// Set when the found framework's digest differs from the recorded one.
    pub digest_changed: bool,
}

/// Find the framework of an assessment; `shown` names the assessment file in messages.
/// `override_entry` is a framework the user named with `--framework`, loaded once by the caller.
pub fn find_framework(
    catalog: &Catalog,
    assessment: &Assessment,
    override_entry: Option<&Entry>,
    shown: &str,
) -> Result<FoundFramework, BadInput> {
    let recorded = &assessment.framework;
    let entry = if let Some(entry) = override_entry {
        if entry.framework.id != recorded.id {
            return Err(BadInput::in_file(
                shown,
                format!(
                    "the assessment is of framework {:?}, but {} is framework {:?}",
                    recorded.id,
                    entry.display_name(),
                    entry.framework.id
                ),
            ));
        }
        entry.clone()
    } else if let Some(entry) = catalog.get(&recorded.id) {
        entry.clone()
    } else if let Some(path) = &recorded.path {
        if !Path::new(path).exists() {
            return Err(BadInput::in_file(
                shown,
                format!(
                    "framework {:?} is neither built in nor in --frameworks, and its recorded file {path} is gone; pass --framework PATH",
                    recorded.id
                ),
            ));
        }
        // The recorded path comes from the assessment, not from the user: what it names may be
        // any file, so nothing of its content is ever quoted. Loaded once per command.
        let entry = catalog.recorded(path, || {
            let bytes = read_framework_bytes(Path::new(path))?;
            load_bytes(Path::new(path), &bytes).map_err(|_| {
                BadInput::in_file(
                    shown,
                    format!(
                        "framework {:?} is neither built in nor in --frameworks, and its recorded file {path} is not a valid framework file; pass --framework PATH",
                        recorded.id
                    ),
                )
            })
        })?;
        if entry.framework.id != recorded.id {
            return Err(BadInput::in_file(
                shown,
                format!(
                    "the recorded file {path} now holds framework {:?}, not {:?}; pass --framework PATH",
                    entry.framework.id, recorded.id
                ),
            ));
        }
        entry
    } else {
        return Err(BadInput::in_file(
            shown,
            format!(
                "framework {:?} is neither built in nor in --frameworks; pass --framework PATH or --frameworks DIR",
                recorded.id
            ),
        ));
    };
    Ok(FoundFramework {
        digest_changed: entry.digest != recorded.digest,
        entry,
    })
}

//! Starting an assessment: a fresh one of a framework, or one that starts from a previous one,
//! and the clock both record.

use std::path::Path;

use super::model::{indicator_prints, Assessment, FrameworkRef, Origin, Ratings, FORMAT};
use crate::catalog::Entry;

impl Assessment {
    /// A fresh assessment of a framework, started now.
    pub fn new(entry: &Entry) -> Assessment {
        Assessment {
            format: FORMAT.to_string(),
            framework: FrameworkRef::of(entry),
            subject: None,
            track: None,
            rater: None,
            lang: None,
            form_token: None,
            from: None,
            started_at: now(),
            completed_at: None,
            ratings: Ratings::new(),
            notes: Default::default(),
            target: None,
            set_aside: Default::default(),
        }
    }

    /// A new assessment that starts from an earlier one read from `path` (already matched to
    /// `entry`): its subject, rater, track and target, what it set aside (so a re-assessment
    /// loses nothing kept, and a later `--resume` brings it back when its indicator returns),
    /// and a record of where it came from. Its ratings are not copied: each becomes an answer
    /// only when it is given again (kept with Enter in the walk), so an indicator never reached
    /// stays unanswered.
    pub fn started_from(entry: &Entry, earlier: &Assessment, path: &Path) -> Assessment {
        let shown = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
        Assessment {
            subject: earlier.subject.clone(),
            rater: earlier.rater.clone(),
            track: earlier.track.clone(),
            target: earlier.target.clone(),
            set_aside: earlier.set_aside.clone(),
            from: Some(Origin {
                path: shown.display().to_string(),
                started_at: earlier.started_at.clone(),
                completed_at: earlier.completed_at.clone(),
            }),
            ..Assessment::new(entry)
        }
    }
}

impl FrameworkRef {
    /// The reference a new assessment records to the framework of `entry`.
    pub fn of(entry: &Entry) -> FrameworkRef {
        FrameworkRef {
            id: entry.framework.id.clone(),
            version: entry.framework.version.clone(),
            digest: entry.digest.clone(),
            path: entry.recorded_path(),
            indicators: Some(indicator_prints(&entry.framework)),
        }
    }
}

fn local_now() -> time::OffsetDateTime {
    time::OffsetDateTime::now_local().unwrap_or_else(|_| time::OffsetDateTime::now_utc())
}

/// The current time as RFC 3339, to the second, in local time when it is known.
pub fn now() -> String {
    local_now()
        .replace_nanosecond(0)
        .unwrap_or_else(|_| local_now())
        .format(&time::format_description::well_known::Rfc3339)
        .unwrap_or_default()
}

/// Today's date, `YYYY-MM-DD`, in local time when it is known.
pub fn today() -> String {
    let date = local_now().date();
    format!(
        "{:04}-{:02}-{:02}",
        date.year(),
        u8::from(date.month()),
        date.day()
    )
}

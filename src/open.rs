//! Opening a saved assessment: one policy for every command that reads one (`report`, `diff`,
//! `history`, `assess --resume`/`--from`, `compare`, `team`).
//!
//! Reading the file, finding its framework and keeping the ratings that count
//! ([`reconcile`]), then choosing the ladder to score on and the target to measure against.
//! Nothing here prints: what a person should be told comes back as lines, without the
//! `warning: ` prefix, for the command to show.

use std::path::{Path, PathBuf};

use crate::assessment::reconcile::{self, scale_values, Attached, DropReason};
use crate::assessment::{file, Assessment, SavedTarget, TargetRequest};
use crate::catalog::{Catalog, Entry};
use crate::error::BadInput;
use crate::framework::{Framework, Ladder};

/// An assessment read from disk with the framework it was made against.
#[derive(Debug, Clone)]
pub struct Opened {
    /// The file, as the user named it.
    pub path: PathBuf,
    /// The assessment, holding only the ratings that count (see [`reconcile`]).
    pub assessment: Assessment,
    /// The framework found for it.
    pub entry: Entry,
    /// The ratings left out, and why.
    pub dropped: Vec<reconcile::Dropped>,
    /// Whether the framework's bytes differ from the ones the assessment recorded.
    pub digest_changed: bool,
    /// How the indicators changed since the assessment was taken, when the file records it.
    pub since: Option<reconcile::Since>,
    /// What to tell the person about the framework having changed: one line each.
    pub warnings: Vec<String>,
}

impl Opened {
    /// The file as messages name it.
    pub fn shown(&self) -> String {
        self.path.display().to_string()
    }
}

/// Read an assessment and find its framework: see [`attach`].
pub fn open(
    catalog: &Catalog,
    path: &Path,
    framework_override: Option<&Entry>,
) -> Result<Opened, BadInput> {
    let assessment = file::read(path)?;
    attach(catalog, path, assessment, framework_override)
}

/// Find the framework of an assessment read from `path` (docs/FORMAT.md, Assessment file) and
/// keep the ratings that count ([`reconcile`]). When the framework changed since, the warnings
/// say so and name what was left out and what moved; when it did not, a rating that does not
/// fit is bad input.
pub fn attach(
    catalog: &Catalog,
    path: &Path,
    assessment: Assessment,
    framework_override: Option<&Entry>,
) -> Result<Opened, BadInput> {
    let shown = path.display().to_string();
    let attached = reconcile::attach(catalog, &shown, assessment, framework_override)?;
    Ok(opened(path, attached))
}

/// An attached assessment as the commands use it, with the warnings to show.
pub fn opened(path: &Path, attached: Attached) -> Opened {
    let warnings = warnings(&path.display().to_string(), &attached);
    Opened {
        path: path.to_path_buf(),
        assessment: attached.assessment,
        entry: attached.entry,
        dropped: attached.dropped,
        digest_changed: attached.digest_changed,
        since: attached.since,
        warnings,
    }
}

/// `sha256:0123456789ab…`: enough of a digest to tell two apart.
fn short_digest(digest: &str) -> String {
    match digest.get(..19) {
        Some(head) if digest.len() > 19 => format!("{head}…"),
        _ => digest.to_string(),
    }
}

/// The warnings for an attached assessment, one line each, without the `warning: ` prefix;
/// `shown` names the file. Nothing when the framework is unchanged.
fn warnings(shown: &str, attached: &Attached) -> Vec<String> {
    let mut lines = Vec::new();
    if !attached.digest_changed {
        return lines;
    }
    let recorded = &attached.assessment.framework;
    let framework = &attached.entry.framework;
    lines.push(format!(
        "{shown}: framework {} has changed since this assessment was made (recorded version {} {}, found version {} {}); ratings are matched by indicator id",
        framework.id,
        recorded.version,
        short_digest(&recorded.digest),
        framework.version,
        short_digest(&attached.entry.digest),
    ));
    let dropped = |reason: DropReason, with_value: bool| -> Vec<String> {
        attached
            .dropped
            .iter()
            .filter(|d| d.reason == reason)
            .map(|d| {
                if with_value {
                    format!("{} ({})", d.id, d.value)
                } else {
                    d.id.clone()
                }
            })
            .collect()
    };
    let gone = dropped(DropReason::NotInFramework, false);
    if !gone.is_empty() {
        lines.push(format!(
            "{shown}: left out the ratings of indicators no longer in the framework: {}",
            gone.join(", ")
        ));
    }
    let reworded = dropped(DropReason::TextChanged, false);
    if !reworded.is_empty() {
        lines.push(format!(
            "{shown}: left out the ratings of indicators whose text changed since they were rated (rate them again): {}",
            reworded.join(", ")
        ));
    }
    let off_scale = dropped(DropReason::OffScale, true);
    if !off_scale.is_empty() {
        lines.push(format!(
            "{shown}: left out ratings no longer on the scale ({}): {}",
            scale_values(framework),
            off_scale.join(", ")
        ));
    }
    if let Some(since) = &attached.since {
        if !since.added.is_empty() {
            lines.push(format!(
                "{shown}: added to the framework since this assessment was taken: {}",
                since.added.join(", ")
            ));
        }
        if !since.removed.is_empty() {
            lines.push(format!(
                "{shown}: removed from the framework since this assessment was taken: {}",
                since.removed.join(", ")
            ));
        }
        if !since.moved.is_empty() {
            lines.push(format!(
                "{shown}: moved since this assessment was taken: {}",
                since
                    .moved
                    .iter()
                    .map(|m| format!("{} ({} -> {})", m.id, m.from, m.to))
                    .collect::<Vec<_>>()
                    .join(", ")
            ));
        }
    }
    lines
}

/// The ladder to score on: the track asked for with `--track`, else the one an assessment
/// recorded, else the target's own track, else the framework's first track (or every level
/// when it has none). An unknown track, or a target used on a track other than its own, is bad
/// input.
pub fn choose_ladder(
    framework: &Framework,
    asked: Option<&str>,
    recorded: Option<&str>,
    request: &TargetRequest,
) -> Result<Ladder, BadInput> {
    let role_track = request
        .role
        .as_deref()
        .and_then(|role| framework.target(role))
        .and_then(|t| t.track)
        .map(|t| framework.tracks[t].id.as_str());
    let track = framework.choose_track(asked.or(recorded).or(role_track))?;
    if let Some(role) = &request.role {
        framework.check_target_track(role, track)?;
    }
    Ok(framework.ladder(track))
}

/// The target to measure gaps against: the one `given` on the command line, else the one
/// `saved` in the assessment when it still fits the framework. When the saved one no longer
/// fits, the second value says so (`shown` names the file) and no target is used.
pub fn effective_target(
    given: TargetRequest,
    saved: Option<&SavedTarget>,
    framework: &Framework,
    ladder: &Ladder,
    shown: &str,
) -> (TargetRequest, Option<String>) {
    if !given.is_empty() {
        return (given, None);
    }
    let Some(saved) = saved else {
        return (given, None);
    };
    let request = saved.request();
    match request.resolve_on(framework, ladder) {
        Ok(_) => (request, None),
        Err(problems) => (
            TargetRequest::default(),
            Some(format!(
                "{shown}: the target saved with the assessment no longer fits the framework ({}); measuring against none",
                problems
                    .problems
                    .iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join("; ")
            )),
        ),
    }
}

/// One line per target of `request` that a competency's ladder cannot reach (nothing when the
/// request does not resolve: that is reported where it is resolved).
pub fn unreachable(framework: &Framework, ladder: &Ladder, request: &TargetRequest) -> Vec<String> {
    request
        .resolve_on(framework, ladder)
        .map(|levels| crate::scoring::unreachable_targets(framework, ladder, &levels))
        .unwrap_or_default()
}

/// Read a saved assessment to continue it (`assess --resume`) or to start from it
/// (`assess --from`), with the framework `framework_argument` names when given, else the one it
/// records. An unchanged framework must fit every rating; a changed one is matched by indicator
/// id ([`reconcile`]), the warnings saying what was dropped and what is new. The assessment
/// then records the framework as it is now.
pub fn to_continue(
    catalog: &Catalog,
    path: &Path,
    framework_argument: Option<&str>,
) -> Result<Opened, BadInput> {
    let assessment = file::read(path)?;
    let shown = path.display().to_string();
    let mut attached = match framework_argument {
        Some(name) => {
            let entry = catalog.resolve(name)?;
            if entry.framework.id != assessment.framework.id {
                return Err(BadInput::in_file(
                    &shown,
                    format!(
                        "the assessment is of framework {:?}, but {name} is framework {:?}",
                        assessment.framework.id, entry.framework.id
                    ),
                ));
            }
            let changed = entry.digest != assessment.framework.digest;
            reconcile::attach_to(entry, changed, &shown, assessment)?
        }
        None => reconcile::attach(catalog, &shown, assessment, None).map_err(|e| {
            BadInput::located(
                e.problems
                    .into_iter()
                    .map(|mut p| {
                        p.message = p.message.replace(
                            "pass --framework PATH",
                            "name it: rungs assess FRAMEWORK --resume FILE",
                        );
                        p
                    })
                    .collect(),
            )
        })?,
    };
    let stray_notes = std::mem::take(&mut attached.stray_notes);
    let mut opened = opened(path, attached);
    if opened.digest_changed && opened.since.is_none() {
        // A file written before rungs recorded the framework's indicators: guess what is new.
        opened.warnings.extend(unrated_before_last(&opened));
    }
    // Nothing the framework no longer takes is lost when the walk saves: it is set aside.
    let aside = reconcile::set_aside(
        &opened.entry.framework,
        &mut opened.assessment,
        opened.dropped.clone(),
        stray_notes,
    );
    if !aside.returned.is_empty() {
        opened.warnings.push(format!(
            "{shown}: set aside before and back in the framework now, so counted again: {}",
            aside.returned.join(", ")
        ));
    }
    opened.assessment.framework = crate::assessment::FrameworkRef::of(&opened.entry);
    Ok(opened)
}

/// The indicators before the last one rated that have no rating: added since, or skipped.
fn unrated_before_last(opened: &Opened) -> Option<String> {
    let ratings = &opened.assessment.ratings;
    let order: Vec<&str> = opened
        .entry
        .framework
        .indicators()
        .map(|(_, _, i)| i.id.as_str())
        .collect();
    let last = order.iter().rposition(|id| ratings.contains_key(*id))?;
    let added: Vec<&str> = order[..last]
        .iter()
        .copied()
        .filter(|id| !ratings.contains_key(*id))
        .collect();
    (!added.is_empty()).then(|| {
        format!(
            "{}: not yet rated though before your last answer (added since, or skipped), asked first: {}",
            opened.shown(),
            added.join(", ")
        )
    })
}

/// The assessment `assessment` started from (`assess --from`, recorded in its `from`), with
/// its path, its ratings matched to the framework of `entry`: what a resumed walk offers as
/// last time's, and what its end shows the changes since. `None` when it started from none;
/// a file that is gone or not of this framework is a problem to tell, not a reason to stop.
pub fn earlier_assessment(
    entry: &Entry,
    assessment: &Assessment,
) -> Result<Option<(Assessment, std::path::PathBuf)>, BadInput> {
    let Some(origin) = &assessment.from else {
        return Ok(None);
    };
    let earlier = file::read(Path::new(&origin.path))?;
    if earlier.framework.id != entry.framework.id {
        return Err(BadInput::in_file(
            &origin.path,
            format!(
                "is an assessment of framework {:?}, not {:?}",
                earlier.framework.id, entry.framework.id
            ),
        ));
    }
    let ratings = reconcile::reconcile(&entry.framework, &earlier).ratings;
    Ok(Some((
        Assessment { ratings, ..earlier },
        std::path::PathBuf::from(&origin.path),
    )))
}

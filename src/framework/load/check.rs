//! The checks' shared parts (the problems found, ids, references, a scale, guidance) and the
//! sections before the competencies: identity, scale, levels, groups, tracks.

use std::collections::HashMap;

use super::Problem;
use crate::framework::format::*;
use crate::framework::model::*;
use crate::yaml::locate::{closest, PathSegment};

pub(super) fn is_slug(s: &str) -> bool {
    let mut chars = s.chars();
    matches!(chars.next(), Some(c) if c.is_ascii_lowercase() || c.is_ascii_digit())
        && chars
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '.' | '_' | '-'))
}

pub(super) const SLUG_RULE: &str =
    "use lowercase letters, digits, '.', '_' and '-', starting with a letter or digit";

/// Problems found while building.
#[derive(Default)]
pub(super) struct Problems {
    pub(super) errors: Vec<Problem>,
    pub(super) warnings: Vec<Problem>,
}

impl Problems {
    pub(super) fn error(&mut self, path: Vec<PathSegment>, message: String) {
        self.errors.push(Problem {
            path,
            message,
            warning: false,
            first: None,
            character: None,
        });
    }

    pub(super) fn repeat(
        &mut self,
        path: Vec<PathSegment>,
        first: Vec<PathSegment>,
        message: String,
    ) {
        self.errors.push(Problem {
            path,
            message,
            warning: false,
            first: Some(first),
            character: None,
        });
    }

    pub(super) fn warn(&mut self, path: Vec<PathSegment>, message: String) {
        self.warnings.push(Problem {
            path,
            message,
            warning: true,
            first: None,
            character: None,
        });
    }

    pub(super) fn warn_repeat(
        &mut self,
        path: Vec<PathSegment>,
        first: Vec<PathSegment>,
        message: String,
    ) {
        self.warnings.push(Problem {
            path,
            message,
            warning: true,
            first: Some(first),
            character: None,
        });
    }
}

/// The framework's levels, for the sections that name them.
pub(super) struct Levels<'a> {
    /// Each unique level id's index.
    pub(super) ids: HashMap<&'a str, usize>,
    /// The unique ids, comma-separated, for messages.
    pub(super) list: String,
    /// Every id as written, for suggestions.
    pub(super) known: Vec<&'a str>,
}

/// The framework's groups: each unique id's index, and each group's scale values in force.
pub(super) struct Groups<'a> {
    pub(super) ids: HashMap<&'a str, usize>,
    pub(super) values: Vec<Vec<u32>>,
}

/// The framework's tracks: each unique id's index, and the framework level indices on each.
pub(super) struct Tracks<'a> {
    pub(super) ids: HashMap<&'a str, usize>,
    pub(super) levels: Vec<Vec<usize>>,
}

/// The framework's id and version.
pub(super) fn check_identity(raw: &RawFramework, problems: &mut Problems) {
    use PathSegment::Key;
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
}

/// The framework's scale, `demonstrated_at` and threshold; returns the scale's values.
pub(super) fn check_framework_scale(raw: &RawFramework, problems: &mut Problems) -> Vec<u32> {
    use PathSegment::Key;
    let default_values: Vec<u32> = default_scale().iter().map(|p| p.value).collect();
    let scale_values = check_scale(
        problems,
        &[],
        raw.scale.as_deref(),
        raw.demonstrated_at,
        &default_values,
    );
    check_threshold(problems, &[], raw.threshold);
    if let Some(role_fit) = raw.role_fit {
        if !(role_fit > 0.0 && role_fit <= 1.0) {
            problems.error(
                vec![Key("role_fit")],
                format!("role_fit {role_fit} is outside (0, 1]: it is the share of the competencies a role names that must be met for the role to fit, e.g. 0.8"),
            );
        }
    }
    scale_values
}

/// A `threshold` declared at `at` (the framework, a group or a competency): in (0, 1].
pub(super) fn check_threshold(problems: &mut Problems, at: &[PathSegment], threshold: Option<f64>) {
    let Some(threshold) = threshold else {
        return;
    };
    if !(threshold > 0.0 && threshold <= 1.0) {
        let mut path = at.to_vec();
        path.push(PathSegment::Key("threshold"));
        problems.error(
            path,
            format!("threshold {threshold} is outside (0, 1]: it is the share of a level's indicators not answered na that must be demonstrated, e.g. 0.8"),
        );
    }
}

/// The growth levels: listed, slugs, unique.
pub(super) fn check_levels<'a>(raw: &'a RawFramework, problems: &mut Problems) -> Levels<'a> {
    use PathSegment::{Index, Key};
    if raw.levels.is_empty() {
        problems.error(
            vec![Key("levels")],
            "levels is empty; list the growth levels, lowest first".into(),
        );
    }
    let mut level_ids: HashMap<&str, usize> = HashMap::with_capacity(raw.levels.len());
    let mut level_list: Vec<&str> = Vec::with_capacity(raw.levels.len());
    for (i, level) in raw.levels.iter().enumerate() {
        let path = || vec![Key("levels"), Index(i), Key("id")];
        if !is_slug(&level.id) {
            problems.error(
                path(),
                format!("level id {:?} is not a slug: {SLUG_RULE}", level.id),
            );
        }
        if let Some(&first) = level_ids.get(level.id.as_str()) {
            problems.repeat(
                path(),
                vec![Key("levels"), Index(first), Key("id")],
                format!("duplicate level id {:?}", level.id),
            );
        } else {
            level_ids.insert(&level.id, i);
            level_list.push(&level.id);
        }
    }
    Levels {
        ids: level_ids,
        list: level_list.join(", "),
        known: raw.levels.iter().map(|l| l.id.as_str()).collect(),
    }
}

/// The groups: unique slugs, each with its own scale checked against the framework's.
pub(super) fn check_groups<'a>(
    raw: &'a RawFramework,
    scale_values: &[u32],
    problems: &mut Problems,
) -> Groups<'a> {
    use PathSegment::{Index, Key};
    let ids = unique_ids(
        problems,
        "groups",
        "group",
        raw.groups.iter().map(|g| g.id.as_str()),
    );
    let values: Vec<Vec<u32>> = raw
        .groups
        .iter()
        .enumerate()
        .map(|(gi, g)| {
            check_threshold(problems, &[Key("groups"), Index(gi)], g.threshold);
            check_scale(
                problems,
                &[Key("groups"), Index(gi)],
                g.scale.as_deref(),
                g.demonstrated_at,
                scale_values,
            )
        })
        .collect();
    Groups { ids, values }
}

/// The tracks: unique slugs, each listing known framework levels once, in framework order.
pub(super) fn check_tracks<'a>(
    raw: &'a RawFramework,
    levels: &Levels<'a>,
    problems: &mut Problems,
) -> Tracks<'a> {
    use PathSegment::{Index, Key};
    let ids = unique_ids(
        problems,
        "tracks",
        "track",
        raw.tracks.iter().map(|t| t.id.as_str()),
    );
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
            let Some(&index) = levels.ids.get(level.as_str()) else {
                problems.error(
                    here(i),
                    unknown_reference("level", level, &levels.known, &levels.list),
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
    Tracks {
        ids,
        levels: track_levels,
    }
}

/// A scale and `demonstrated_at` declared at `at` (the framework, a group or a competency);
/// `inherited` is the scale's values where none is declared here. Returns the values in force.
pub(super) fn check_scale(
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
pub(super) fn check_guidance(
    problems: &mut Problems,
    at: &[PathSegment],
    guidance: &[RawGuidance],
) {
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
pub(super) fn unique_ids<'a>(
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
pub(super) fn unknown_reference(kind: &str, id: &str, known: &[&str], list: &str) -> String {
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
pub(super) fn check_evidence(problems: &mut Problems, path: Vec<PathSegment>, evidence: &str) {
    if !matches!(evidence, "required" | "optional") {
        problems.error(
            path,
            format!("evidence {evidence:?} is not understood; write `evidence: required` to ask for a note with every demonstrated rating (or `optional`)"),
        );
    }
}

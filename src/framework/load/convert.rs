//! The model from a checked file.

use std::collections::HashMap;

use super::competencies::ListedLevels;
use crate::framework::format::*;
use crate::framework::model::*;

/// The model from a file that passed [`check`](super::check): strings are moved, not copied.
/// `listed_levels` are the levels each competency lists, as the check found them.
pub(super) fn convert(raw: RawFramework, listed_levels: ListedLevels) -> Framework {
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
            threshold: g.threshold,
            id: g.id,
            name: g.name,
            code: g.code,
            description: g.description,
        })
        .collect();
    let level_index: HashMap<&str, usize> = raw
        .levels
        .iter()
        .enumerate()
        .map(|(i, l)| (l.id.as_str(), i))
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
    let competencies: Vec<Competency> = raw
        .competencies
        .into_iter()
        .zip(listed_levels)
        .map(|(c, listed)| {
            let levels = competency_levels(&c.id, c.levels, listed);
            let group = c.group.as_deref().and_then(|g| group_index.get(g).copied());
            Competency {
                scale: own_scale(
                    c.scale,
                    c.demonstrated_at,
                    group.and_then(|g| groups[g].scale.as_ref()),
                    (&scale, demonstrated_at),
                ),
                group,
                threshold: c.threshold,
                gating: c.gating,
                id: c.id,
                name: c.name,
                code: c.code,
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
                .filter_map(|(c, l)| {
                    Some((*competency_index.get(c)?, *level_index.get(l.as_str())?))
                })
                .collect(),
            id: t.id,
            name: t.name,
            description: t.description,
        })
        .collect();
    let tracks = raw
        .tracks
        .iter()
        .map(|t| Track {
            id: t.id.clone(),
            name: t.name.clone(),
            description: t.description.clone(),
            levels: t
                .levels
                .iter()
                .filter_map(|l| level_index.get(l.as_str()).copied())
                .collect(),
        })
        .collect();
    drop(level_index);
    Framework {
        id: raw.id,
        name: raw.name,
        version: raw.version.0,
        description: raw.description,
        source: raw.source,
        demonstrated_at,
        threshold: raw.threshold.unwrap_or(DEFAULT_THRESHOLD),
        gating: raw.gating.unwrap_or(true),
        role_fit: raw.role_fit.unwrap_or(DEFAULT_ROLE_FIT),
        evidence_required: required(&raw.evidence),
        tracks,
        groups,
        levels: raw
            .levels
            .into_iter()
            .map(|l| Level {
                id: l.id,
                name: l.name,
                code: l.code,
                description: l.description,
            })
            .collect(),
        rating_values: rating_values(&scale, &competencies),
        kept: Default::default(),
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

/// Whether an `evidence` value asks for a note with every demonstrated rating.
fn required(evidence: &Option<String>) -> bool {
    evidence.as_deref() == Some("required")
}

/// A competency's levels in the model: each at its framework level's index, with its
/// indicators (a shorthand one is given its `<competency>.<level>.<n>` id).
fn competency_levels(
    competency: &str,
    levels: Vec<RawCompetencyLevel>,
    listed: Vec<Option<usize>>,
) -> Vec<CompetencyLevel> {
    levels
        .into_iter()
        .zip(listed)
        .filter_map(|(cl, level)| {
            let level = level?;
            let indicators = cl
                .indicators
                .into_iter()
                .enumerate()
                .map(|(n, indicator)| match indicator {
                    RawIndicator::Full(o) => Indicator {
                        id: o.id,
                        code: o.code,
                        text: o.text,
                        kind: o.kind,
                        examples: o.examples,
                        origin: o.origin,
                    },
                    RawIndicator::Short(text) => Indicator {
                        id: format!("{competency}.{}.{}", cl.level, n + 1),
                        code: None,
                        text,
                        kind: None,
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
        .collect()
}

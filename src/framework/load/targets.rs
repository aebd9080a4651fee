//! The targets section: each target's id, track and the levels it names.

use std::collections::HashMap;

use super::check::{is_slug, unknown_reference, Levels, Problems, Tracks, SLUG_RULE};
use crate::framework::format::*;
use crate::yaml::locate::PathSegment;

/// Every target: a unique slug, a known track, and known competencies at known levels (on its
/// track when it has one), each named once.
pub(super) fn check_targets(
    raw: &RawFramework,
    levels: &Levels<'_>,
    tracks: &Tracks<'_>,
    competency_ids: &HashMap<&str, usize>,
    problems: &mut Problems,
) {
    use PathSegment::{EntryKey, EntryValue, Index, Key};
    let track_list: Vec<&str> = raw.tracks.iter().map(|t| t.id.as_str()).collect();
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
            Some(track) => match tracks.ids.get(track.as_str()) {
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
            match levels.ids.get(level.as_str()) {
                None => problems.error(
                    entry(EntryValue(ei)),
                    format!(
                        "target {:?} names unknown level {level:?} for competency {competency:?}; the framework's levels are: {}",
                        t.id, levels.list
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
                        if !tracks.levels[track].contains(index) {
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
}

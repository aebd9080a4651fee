//! The competencies section: each competency, its levels and their indicators, and the holes
//! in its ladder.

use std::borrow::Cow;
use std::collections::HashMap;

use super::check::{
    check_evidence, check_guidance, check_scale, check_threshold, is_slug, unknown_reference,
    Groups, Levels, Problems, Tracks, SLUG_RULE,
};
use super::MAX_INDICATORS;
use crate::framework::format::*;
use crate::words::agree;
use crate::yaml::locate::PathSegment;

/// Where an indicator is: competency, competency level and indicator indices.
type IndicatorAt = (usize, usize, usize);

/// For each competency, the index of each level it lists among the framework's levels, in
/// order (`None` for an unknown id). Looked up once here and used by the ladder check and the
/// conversion, so a big framework's level ids are not hashed and compared three times over.
pub(super) type ListedLevels = Vec<Vec<Option<usize>>>;

pub(super) fn indicator_path((ci, li, ii): IndicatorAt) -> Vec<PathSegment> {
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
pub(super) fn indicator_id<'a>(
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
pub(super) fn normalise_space(text: &str) -> Cow<'_, str> {
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

/// The path to competency `ci`, then `rest`.
fn competency_path(ci: usize, rest: &[PathSegment]) -> Vec<PathSegment> {
    let mut p = vec![PathSegment::Key("competencies"), PathSegment::Index(ci)];
    p.extend_from_slice(rest);
    p
}

/// Every competency: a unique slug, its own scale and guidance, a known group, a level on each
/// track, its levels and indicators. Returns each unique competency id's index, and the levels
/// each competency lists.
pub(super) fn check_competencies<'a>(
    raw: &'a RawFramework,
    scale_values: &[u32],
    levels: &Levels<'_>,
    groups: &Groups<'_>,
    tracks: &Tracks<'_>,
    problems: &mut Problems,
) -> (HashMap<&'a str, usize>, ListedLevels) {
    use PathSegment::{Index, Key};
    if raw.competencies.is_empty() {
        problems.error(
            vec![Key("competencies")],
            "competencies is empty; a framework needs at least one competency".into(),
        );
    }
    let mut competency_ids: HashMap<&str, usize> = HashMap::new();
    let mut indicators = Indicators::for_framework(raw);
    let mut listed_levels: ListedLevels = Vec::with_capacity(raw.competencies.len());
    let group_list: Vec<&str> = raw.groups.iter().map(|g| g.id.as_str()).collect();
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
            .and_then(|g| groups.ids.get(g))
            .and_then(|&gi| groups.values.get(gi))
            .map_or(scale_values, Vec::as_slice);
        check_scale(
            problems,
            &here(&[]),
            c.scale.as_deref(),
            c.demonstrated_at,
            inherited,
        );
        check_threshold(problems, &here(&[]), c.threshold);
        check_guidance(problems, &here(&[]), &c.guidance);
        if let Some(group) = &c.group {
            if !groups.ids.contains_key(group.as_str()) {
                let message = if group_list.is_empty() {
                    format!("competency {:?} names group {group:?}, but the framework defines no groups; add it under `groups`", c.id)
                } else {
                    unknown_reference("group", group, &group_list, &group_list.join(", "))
                };
                problems.error(here(&[Key("group")]), message);
            }
        }
        for (track, on_track) in raw.tracks.iter().zip(&tracks.levels) {
            let listed = c
                .levels
                .iter()
                .filter_map(|cl| levels.ids.get(cl.level.as_str()))
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
        listed_levels.push(check_competency_levels(
            ci,
            c,
            repeated_competency,
            levels,
            &mut indicators,
            problems,
        ));
    }
    (competency_ids, listed_levels)
}

/// A competency's levels: known, listed once, lowest first; and the indicators under each.
/// Returns the index of each level it lists (`None` for an unknown id).
fn check_competency_levels<'a>(
    ci: usize,
    c: &'a RawCompetency,
    repeated_competency: bool,
    levels: &Levels<'_>,
    indicators: &mut Indicators<'a>,
    problems: &mut Problems,
) -> Vec<Option<usize>> {
    use PathSegment::{Index, Key};
    let mut last_rank: Option<(usize, &str)> = None;
    let mut listed = Vec::with_capacity(c.levels.len());
    for (li, cl) in c.levels.iter().enumerate() {
        // Made only for a message: a big framework has tens of thousands of levels.
        let level_path = || competency_path(ci, &[Key("levels"), Index(li), Key("level")]);
        if let Some(evidence) = &cl.evidence {
            check_evidence(
                problems,
                competency_path(ci, &[Key("levels"), Index(li), Key("evidence")]),
                evidence,
            );
        }
        let level = levels.ids.get(cl.level.as_str()).copied();
        listed.push(level);
        if level.is_none() {
            problems.error(
                level_path(),
                unknown_reference("level", &cl.level, &levels.known, &levels.list),
            );
        }
        if let (Some(level), Some((previous, previous_id))) = (level, last_rank) {
            if level == previous {
                problems.error(
                    level_path(),
                    format!(
                        "level {:?} is listed twice in competency {:?}",
                        cl.level, c.id
                    ),
                );
            } else if level < previous {
                problems.error(
                    level_path(),
                    format!("level {:?} comes after {:?} but is lower in the framework's levels; list a competency's levels lowest first", cl.level, previous_id),
                );
            }
        }
        if let Some(level) = level {
            last_rank = Some((level, &cl.level));
        }
        // Indicators are checked even under an unknown level, so one run reports all.
        for (ii, indicator) in cl.indicators.iter().enumerate() {
            indicators.check(
                (ci, li, ii),
                &c.id,
                &cl.level,
                indicator,
                repeated_competency,
                problems,
            );
        }
    }
    listed
}

/// The indicators seen so far, across competencies: their ids, texts and number.
#[derive(Default)]
struct Indicators<'a> {
    ids: HashMap<Cow<'a, str>, IndicatorAt>,
    texts: HashMap<Cow<'a, str>, IndicatorAt>,
    count: usize,
}

impl<'a> Indicators<'a> {
    /// Room for every indicator of `raw` from the start: growing a map rehashes every key
    /// in it, and at tens of thousands of indicators those keys are spread over the heap.
    fn for_framework(raw: &RawFramework) -> Indicators<'a> {
        let count = raw
            .competencies
            .iter()
            .flat_map(|c| &c.levels)
            .map(|cl| cl.indicators.len())
            .sum::<usize>()
            .min(MAX_INDICATORS);
        Indicators {
            ids: HashMap::with_capacity(count),
            texts: HashMap::with_capacity(count),
            count: 0,
        }
    }

    /// One indicator at `at`, of `level` in `competency`: within the cap, with an id and a text,
    /// a unique id, and a text not seen before.
    fn check(
        &mut self,
        at: IndicatorAt,
        competency: &str,
        level: &str,
        indicator: &'a RawIndicator,
        repeated_competency: bool,
        problems: &mut Problems,
    ) {
        use PathSegment::Key;
        self.count += 1;
        if self.count == MAX_INDICATORS + 1 {
            problems.error(
                indicator_path(at),
                format!("more than {MAX_INDICATORS} indicators: a framework may have at most {MAX_INDICATORS}; split it into several frameworks"),
            );
        }
        let id = indicator_id(competency, level, at.2, indicator);
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
        match self.texts.get(&normalised) {
            Some(&first) if !normalised.is_empty() => problems.warn_repeat(
                indicator_path(at),
                indicator_path(first),
                format!("indicator {id:?} has the same text as an earlier indicator"),
            ),
            Some(_) => {}
            None => {
                self.texts.insert(normalised, at);
            }
        }
        match self.ids.get(&id) {
            // A repeated competency id repeats its derived indicator ids: said once.
            Some(_) if derived && repeated_competency => {}
            Some(&first) => problems.repeat(
                indicator_path(at),
                indicator_path(first),
                format!("duplicate indicator id {id:?}"),
            ),
            None => {
                self.ids.insert(id, at);
            }
        }
    }
}

/// How many skipped levels a hole warning names before it counts the rest.
const SKIPPED_LEVELS_NAMED: usize = 10;

/// Warn about a competency whose ladder has a hole: it skips a level (of the framework, or of a
/// track) between the first and the last level it lists. Scoring counts its gaps on the levels
/// it lists, so the skipped level is neither required nor attainable; the warning says so in
/// case the level was left out by mistake.
pub(super) fn check_ladders(
    raw: &RawFramework,
    listed_levels: &[Vec<Option<usize>>],
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
    // Where each level stands on each ladder: a competency's levels are placed in time that
    // grows with their number, not with the ladder's.
    let places: Vec<Vec<Option<usize>>> = ladders
        .iter()
        .map(|(_, ladder)| {
            let mut at = vec![None; raw.levels.len()];
            for (position, &level) in ladder.iter().enumerate() {
                if let Some(slot) = at.get_mut(level) {
                    *slot = Some(position);
                }
            }
            at
        })
        .collect();
    // Marks by level, set for one competency at a time and cleared after it: the levels it
    // lists, and those already named as skipped on an earlier ladder.
    let mut is_listed = vec![false; raw.levels.len()];
    let mut is_skipped = vec![false; raw.levels.len()];
    for ((ci, c), listed_here) in raw.competencies.iter().enumerate().zip(listed_levels) {
        let mut listed: Vec<usize> = Vec::new();
        for &l in listed_here.iter().flatten() {
            if let Some(mark) = is_listed.get_mut(l).filter(|mark| !**mark) {
                *mark = true;
                listed.push(l);
            }
        }
        let mut skipped: Vec<usize> = Vec::new();
        let mut on: Vec<&str> = Vec::new();
        for ((track, ladder), at) in ladders.iter().zip(&places) {
            let positions: Vec<usize> = listed
                .iter()
                .filter_map(|&l| at.get(l).copied().flatten())
                .collect();
            let (Some(&first), Some(&last)) = (positions.iter().min(), positions.iter().max())
            else {
                continue;
            };
            // Every level between the lowest and the highest listed: no hole to look for.
            if last - first + 1 == positions.len() {
                continue;
            }
            let before = skipped.len();
            for &l in &ladder[first..=last] {
                if !is_listed[l] && !is_skipped[l] {
                    is_skipped[l] = true;
                    skipped.push(l);
                }
            }
            if skipped.len() > before {
                on.extend(*track);
            }
        }
        for &l in &listed {
            is_listed[l] = false;
        }
        for &l in &skipped {
            is_skipped[l] = false;
        }
        if skipped.is_empty() {
            continue;
        }
        skipped.sort_unstable();
        // A sheet of thousands of levels can make a hole of thousands: name the first few and
        // count the rest, so one warning stays one readable line.
        let mut names: Vec<String> = skipped
            .iter()
            .take(SKIPPED_LEVELS_NAMED)
            .filter_map(|&l| raw.levels.get(l).map(|l| l.id.clone()))
            .collect();
        if skipped.len() > SKIPPED_LEVELS_NAMED {
            names.push(format!("and {} more", skipped.len() - SKIPPED_LEVELS_NAMED));
        }
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
                agree(skipped.len(), "level", "levels"),
                names.join(", "),
                agree(skipped.len(), "that level is", "those levels are"),
            ),
        );
    }
}

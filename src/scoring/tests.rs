//! The scoring rule of contract sections 2, 7 and 10: hand-made cases, a second computation of the
//! rule written apart from the library, and properties.

use proptest::prelude::*;

use crate::assessment::{Rating, RatingValue, Ratings, TargetRequest};
use crate::framework::{Competency, CompetencyLevel, Framework, Indicator, Level, Target};
use crate::scoring;

fn load(yaml: &str) -> Framework {
    crate::test_support::framework("test.yaml", yaml)
}

fn ratings(pairs: &[(&str, RatingValue)]) -> Ratings {
    pairs
        .iter()
        .map(|(id, value)| {
            (
                id.to_string(),
                Rating {
                    value: *value,
                    note: None,
                },
            )
        })
        .collect()
}

use RatingValue::{NotApplicable as Na, Scale};

/// Three levels; `craft` lists all three with a few indicators each, `late` starts at rank 3,
/// `gappy` lists ranks 1 and 3 only, `open` has an empty first level.
const LADDERS: &str = r#"
id: ladders
name: Ladders
version: "1"
levels:
  - { id: one, name: One }
  - { id: two, name: Two }
  - { id: three, name: Three }
competencies:
  - id: craft
    name: Craft
    levels:
      - level: one
        indicators: [{ id: c1a, text: a }, { id: c1b, text: b }, { id: c1c, text: c }, { id: c1d, text: d }, { id: c1e, text: e }]
      - level: two
        indicators: [{ id: c2a, text: a }, { id: c2b, text: b }]
      - level: three
        indicators: [{ id: c3a, text: a }]
  - id: late
    name: Late
    levels:
      - level: three
        indicators: [{ id: l3a, text: a }, { id: l3b, text: b }]
  - id: gappy
    name: Gappy
    levels:
      - level: one
        indicators: [{ id: g1a, text: a }]
      - level: three
        indicators: [{ id: g3a, text: a }, { id: g3b, text: b }]
  - id: open
    name: Open
    levels:
      - level: one
        indicators: []
      - level: two
        indicators: [{ id: o2a, text: a }]
targets:
  - id: senior
    name: Senior
    levels: { craft: three, late: three }
  - id: junior
    name: Junior
    levels: { craft: one }
  - id: mid
    name: Mid
    levels: { craft: two, open: two }
"#;

fn result(framework: &Framework, given: &[(&str, RatingValue)], competency: &str) -> (usize, f64) {
    let profile = scoring::profile(framework, &ratings(given));
    let index = framework
        .competency_index(competency)
        .expect("competency exists");
    let c = &profile.competencies[index];
    (c.rank, c.score.expect("the competency applies"))
}

#[test]
fn nothing_rated_is_no_level_and_score_zero() {
    let f = load(LADDERS);
    assert_eq!(result(&f, &[], "craft"), (0, 0.0));
    assert_eq!(result(&f, &[], "late"), (0, 0.0));
}

#[test]
fn four_of_five_demonstrated_meets_the_default_threshold_exactly() {
    let f = load(LADDERS);
    assert_eq!(f.threshold, 0.8);
    let given = [
        ("c1a", Scale(3)),
        ("c1b", Scale(4)),
        ("c1c", Scale(3)),
        ("c1d", Scale(3)),
        ("c1e", Scale(2)),
    ];
    assert_eq!(result(&f, &given, "craft"), (1, 1.0));
}

#[test]
fn three_of_five_demonstrated_is_below_the_threshold() {
    let f = load(LADDERS);
    let given = [
        ("c1a", Scale(3)),
        ("c1b", Scale(4)),
        ("c1c", Scale(3)),
        ("c1d", Scale(1)),
        ("c1e", Scale(2)),
    ];
    assert_eq!(result(&f, &given, "craft"), (0, 0.6));
}

#[test]
fn a_share_exactly_at_the_threshold_attains_for_many_thresholds() {
    for (demonstrated, rated, threshold) in [
        (1, 1, "1"),
        (1, 2, "0.5"),
        (3, 4, "0.75"),
        (3, 5, "0.6"),
        (4, 5, "0.8"),
        (1, 10, "0.1"),
        (3, 10, "0.3"),
        (7, 10, "0.7"),
        (9, 10, "0.9"),
        (17, 20, "0.85"),
    ] {
        let indicators: Vec<String> = (0..rated)
            .map(|i| format!("{{ id: i{i}, text: t }}"))
            .collect();
        let yaml = format!(
            "id: t\nname: T\nversion: \"1\"\nthreshold: {threshold}\nlevels: [{{ id: one, name: One }}]\n\
             competencies:\n  - id: c\n    name: C\n    levels:\n      - level: one\n        indicators: [{}]\n",
            indicators.join(", ")
        );
        let f = load(&yaml);
        let at: Vec<(String, RatingValue)> = (0..rated)
            .map(|i| (format!("i{i}"), Scale(if i < demonstrated { 3 } else { 2 })))
            .collect();
        let at: Vec<(&str, RatingValue)> = at.iter().map(|(id, v)| (id.as_str(), *v)).collect();
        assert_eq!(
            result(&f, &at, "c").0,
            1,
            "{demonstrated}/{rated} at threshold {threshold} must attain"
        );
        if demonstrated > 0 {
            let mut below = at.clone();
            below[0].1 = Scale(2);
            assert_eq!(
                result(&f, &below, "c").0,
                0,
                "{}/{rated} below threshold {threshold} must not attain",
                demonstrated - 1
            );
        }
    }
}

#[test]
fn not_applicable_indicators_leave_the_count() {
    let f = load(LADDERS);
    let given = [
        ("c1a", Scale(3)),
        ("c1b", Scale(3)),
        ("c1c", Scale(3)),
        ("c1d", Scale(3)),
        ("c1e", Na),
        ("c2a", Scale(4)),
        ("c2b", Na),
    ];
    assert_eq!(result(&f, &given, "craft"), (2, 2.0));
}

#[test]
fn a_level_whose_indicators_are_all_not_applicable_imposes_no_requirement() {
    let f = load(LADDERS);
    let given = [("g1a", Na), ("g3a", Scale(4)), ("g3b", Scale(4))];
    assert_eq!(result(&f, &given, "gappy"), (3, 3.0));
}

#[test]
fn an_empty_level_imposes_no_requirement() {
    let f = load(LADDERS);
    assert_eq!(result(&f, &[], "open"), (1, 1.0));
    assert_eq!(result(&f, &[("o2a", Scale(4))], "open"), (2, 2.0));
}

#[test]
fn a_level_with_nothing_rated_yet_is_not_attained() {
    let f = load(LADDERS);
    // c1 is held; level two has no rating yet, so three is out of reach even when shown.
    let given = [
        ("c1a", Scale(4)),
        ("c1b", Scale(4)),
        ("c1c", Scale(4)),
        ("c1d", Scale(4)),
        ("c1e", Scale(4)),
        ("c3a", Scale(4)),
    ];
    assert_eq!(result(&f, &given, "craft"), (1, 1.0));
}

#[test]
fn a_lower_level_not_attained_holds_back_every_higher_one() {
    let f = load(LADDERS);
    let given = [
        ("c1a", Scale(1)),
        ("c1b", Scale(1)),
        ("c1c", Scale(1)),
        ("c1d", Scale(1)),
        ("c1e", Scale(4)),
        ("c2a", Scale(4)),
        ("c2b", Scale(4)),
        ("c3a", Scale(4)),
    ];
    assert_eq!(result(&f, &given, "craft"), (0, 0.2));
}

#[test]
fn half_of_the_next_level_adds_half_a_point() {
    let f = load(LADDERS);
    let given = [
        ("c1a", Scale(3)),
        ("c1b", Scale(3)),
        ("c1c", Scale(3)),
        ("c1d", Scale(3)),
        ("c1e", Scale(3)),
        ("c2a", Scale(3)),
        ("c2b", Scale(2)),
    ];
    assert_eq!(result(&f, &given, "craft"), (1, 1.5));
}

#[test]
fn the_rating_at_demonstrated_at_counts_and_the_one_below_does_not() {
    let f = load(LADDERS);
    assert_eq!(f.demonstrated_at, 3);
    assert_eq!(
        result(&f, &[("l3a", Scale(3)), ("l3b", Scale(3))], "late").0,
        3
    );
    assert_eq!(
        result(&f, &[("l3a", Scale(3)), ("l3b", Scale(2))], "late").0,
        0
    );
}

#[test]
fn a_competency_that_starts_at_rank_three_goes_from_none_to_three() {
    let f = load(LADDERS);
    assert_eq!(
        result(&f, &[("l3a", Scale(4)), ("l3b", Scale(2))], "late"),
        (0, 0.5)
    );
    assert_eq!(
        result(&f, &[("l3a", Scale(4)), ("l3b", Scale(4))], "late"),
        (3, 3.0)
    );
}

#[test]
fn levels_a_competency_skips_are_neither_required_nor_attainable() {
    let f = load(LADDERS);
    assert_eq!(
        result(
            &f,
            &[("g1a", Scale(4)), ("g3a", Scale(4)), ("g3b", Scale(1))],
            "gappy"
        ),
        (1, 1.5)
    );
    assert_eq!(
        result(
            &f,
            &[("g1a", Scale(4)), ("g3a", Scale(4)), ("g3b", Scale(4))],
            "gappy"
        ),
        (3, 3.0)
    );
}

#[test]
fn the_top_level_gives_the_top_rank_and_no_next_level() {
    let f = load(LADDERS);
    let all: Vec<(&str, RatingValue)> = ["c1a", "c1b", "c1c", "c1d", "c1e", "c2a", "c2b", "c3a"]
        .into_iter()
        .map(|id| (id, Scale(4)))
        .collect();
    let profile = scoring::profile(&f, &ratings(&all));
    let craft = &profile.competencies[0];
    assert_eq!((craft.rank, craft.score, craft.next), (3, Some(3.0), None));
    assert_eq!(craft.current, Some(2));
}

#[test]
fn gaps_and_plan_against_a_role() {
    let f = load(LADDERS);
    let given = ratings(&[
        ("c1a", Scale(4)),
        ("c1b", Scale(4)),
        ("c1c", Scale(4)),
        ("c1d", Scale(4)),
        ("c1e", Scale(1)),
        ("c2a", Scale(2)),
        ("c2b", Na),
        ("l3a", Scale(4)),
        ("l3b", Scale(4)),
    ]);
    let profile = scoring::profile(&f, &given);
    let targets = TargetRequest {
        role: Some("senior".into()),
        ..TargetRequest::default()
    }
    .resolve(&f)
    .expect("senior is a target");
    let gaps = scoring::gaps(&profile, &targets);
    let summary: Vec<(usize, usize, usize)> = gaps
        .iter()
        .map(|g| (g.competency, g.current_rank, g.gap))
        .collect();
    assert_eq!(summary, vec![(0, 1, 2), (1, 3, 0)]);
    let plan = scoring::plan(&f, &profile.ladder, &gaps, &given);
    assert_eq!(plan.len(), 1);
    let ids: Vec<&str> = plan[0].items.iter().map(|i| i.indicator.as_str()).collect();
    assert_eq!(ids, vec!["c1e", "c2a", "c3a"]);
}

#[test]
fn unknown_targets_are_each_reported() {
    let f = load(LADDERS);
    let problems = TargetRequest {
        role: Some("chief".into()),
        level: Some("four".into()),
        per_competency: vec![("nope".into(), "one".into())],
    }
    .resolve(&f)
    .expect_err("nothing here is known");
    assert_eq!(problems.problems.len(), 3, "{problems:?}");
}

/// One competency by section 10, computed by hand in [`by_the_rule`].
#[derive(Debug, Clone, PartialEq)]
struct ByHand {
    applicable: bool,
    rank: usize,
    score: Option<f64>,
    /// (next's rank, demonstrated, needed, more, unrated, rank of the level it unlocks)
    next: Option<(usize, usize, usize, usize, usize, usize)>,
}

/// Section 10 computed by hand, apart from the library: `levels` are one competency's ladder,
/// lowest first, as (rank, values).
fn by_the_rule(
    levels: &[(usize, Vec<Option<RatingValue>>)],
    at: u32,
    threshold: f64,
    gating: bool,
) -> ByHand {
    let empty = |i: usize| levels[i].1.is_empty();
    let passed_over = |i: usize| !empty(i) && levels[i].1.iter().all(|v| *v == Some(Na));
    let tested = |i: usize| !empty(i) && !passed_over(i);
    let counted = |i: usize| levels[i].1.iter().filter(|v| **v != Some(Na)).count();
    let shown = |i: usize| {
        levels[i]
            .1
            .iter()
            .filter(|v| matches!(v, Some(Scale(x)) if *x >= at))
            .count()
    };
    let unrated = |i: usize| levels[i].1.iter().filter(|v| v.is_none()).count();
    let has_indicators = levels.iter().any(|(_, values)| !values.is_empty());
    let every_na = levels
        .iter()
        .all(|(_, values)| values.iter().all(|v| *v == Some(Na)));
    if has_indicators && every_na {
        return ByHand {
            applicable: false,
            rank: 0,
            score: None,
            next: None,
        };
    }
    // The current level (an index) when `extra` more are shown at level `extra_at`.
    let current = |extra_at: usize, extra: usize| -> Option<usize> {
        let passes = |i: usize| {
            let d = shown(i) + if i == extra_at { extra } else { 0 };
            tested(i) && d as f64 / counted(i) as f64 >= threshold
        };
        let mut held = vec![false; levels.len()];
        for i in 0..levels.len() {
            held[i] = if gating {
                (empty(i) || passes(i)) && (0..i).all(|j| !tested(j) || held[j])
            } else {
                passes(i)
            };
        }
        (0..levels.len()).rev().find(|&i| held[i])
    };
    let now = current(usize::MAX, 0);
    let rank = now.map_or(0, |i| levels[i].0);
    let above = now.map_or(0, |i| i + 1);
    let next = (above..levels.len()).find(|&i| tested(i));
    let score = rank as f64 + next.map_or(0.0, |i| shown(i) as f64 / counted(i) as f64);
    ByHand {
        applicable: true,
        rank,
        score: Some(score),
        next: next.map(|i| {
            let needed = (1..=counted(i))
                .find(|&n| n as f64 / counted(i) as f64 >= threshold)
                .unwrap_or(counted(i));
            let more = needed.saturating_sub(shown(i));
            let unlocks = if gating {
                current(i, more).map_or(0, |u| levels[u].0)
            } else {
                levels[i].0
            };
            (levels[i].0, shown(i), needed, more, unrated(i), unlocks)
        }),
    }
}

/// One competency's ladder as [`by_the_rule`] takes it, from the framework and ratings.
fn ladder_of(
    framework: &Framework,
    given: &Ratings,
    competency: usize,
) -> Vec<(usize, Vec<Option<RatingValue>>)> {
    framework.competencies[competency]
        .levels
        .iter()
        .map(|l| {
            (
                l.level + 1,
                l.indicators
                    .iter()
                    .map(|i| given.get(&i.id).map(|r| r.value))
                    .collect(),
            )
        })
        .collect()
}

#[test]
fn an_unanswered_indicator_is_not_yet_shown() {
    let f = load(LADDERS);
    // Four of five shown, the fifth unanswered: 4/5 is exactly the threshold, held.
    let four = [
        ("c1a", Scale(4)),
        ("c1b", Scale(4)),
        ("c1c", Scale(4)),
        ("c1d", Scale(4)),
    ];
    assert_eq!(result(&f, &four, "craft"), (1, 1.0));
    // One of five shown, four unanswered: not held (section 2 held it on 1 of 1).
    assert_eq!(result(&f, &[("c1a", Scale(4))], "craft"), (0, 0.2));
    // Level two: one shown, one unanswered: 1/2 of it.
    let mut more = four.to_vec();
    more.extend([("c1e", Scale(4)), ("c2a", Scale(4))]);
    assert_eq!(result(&f, &more, "craft"), (1, 1.5));
    // A level all na except one unanswered: that one still counts.
    assert_eq!(result(&f, &[("g3a", Na)], "gappy"), (0, 0.0));
    // Level one passed over (every indicator na) is never the current level; three still
    // counts its unanswered indicator.
    assert_eq!(result(&f, &[("g1a", Na), ("g3a", Na)], "gappy"), (0, 0.0));
}

#[test]
fn coverage_counts_answered_of_every_indicator_on_the_ladder() {
    let f = load(LADDERS);
    let given = ratings(&[("c1a", Scale(4)), ("c1b", Na), ("g3a", Scale(1))]);
    let profile = scoring::profile(&f, &given);
    let craft = profile.competencies[0].coverage();
    assert_eq!((craft.answered, craft.of, craft.complete()), (2, 8, false));
    let open = profile.competencies[3].coverage();
    assert_eq!((open.answered, open.of), (0, 1));
    let all = profile.coverage();
    // craft 8, late 2, gappy 3, open 1 indicators.
    assert_eq!((all.answered, all.of, all.complete()), (3, 14, false));
}

#[test]
fn gaps_count_the_levels_of_the_competencys_own_ladder() {
    let f = load(LADDERS);
    let target = |pairs: &[(&str, &str)]| {
        TargetRequest {
            per_competency: pairs
                .iter()
                .map(|(c, l)| (c.to_string(), l.to_string()))
                .collect(),
            ..TargetRequest::default()
        }
        .resolve(&f)
        .expect("known ids")
    };
    // gappy holds one; three is one level away on its ladder (two is not on it).
    let given = ratings(&[("g1a", Scale(4)), ("o2a", Scale(4))]);
    let profile = scoring::profile(&f, &given);
    let gaps = scoring::gaps(
        &profile,
        &target(&[("gappy", "three"), ("late", "three"), ("open", "three")]),
    );
    let summary: Vec<(usize, usize, bool, bool)> = gaps
        .iter()
        .map(|g| (g.competency, g.gap, g.met(), g.top_of_ladder))
        .collect();
    // late starts at three: none held, one level to go; open's top (two) is held and meets
    // three: the top of its ladder.
    assert_eq!(
        summary,
        vec![
            (1, 1, false, false),
            (2, 1, false, false),
            (3, 0, true, true)
        ]
    );
    // The plan names only levels on the ladder: gappy's level three, not the level it skips.
    let plan = scoring::plan(&f, &profile.ladder, &gaps, &given);
    let gappy: Vec<&str> = plan
        .iter()
        .find(|p| p.competency == 2)
        .expect("gappy has a gap")
        .items
        .iter()
        .map(|i| i.indicator.as_str())
        .collect();
    assert_eq!(gappy, ["g3a", "g3b"]);
    // A late start below its ladder: nothing on the ladder up to two, so met.
    let low = scoring::gaps(&profile, &target(&[("late", "two")]));
    assert_eq!((low[0].gap, low[0].top_of_ladder), (0, false));
}

#[test]
fn a_target_met_with_unanswered_indicators_below_says_how_many() {
    let f = load(LADDERS);
    let given = ratings(&[
        ("c1a", Scale(4)),
        ("c1b", Scale(4)),
        ("c1c", Scale(4)),
        ("c1d", Scale(4)),
    ]);
    let profile = scoring::profile(&f, &given);
    let targets = TargetRequest {
        level: Some("one".into()),
        ..TargetRequest::default()
    }
    .resolve(&f)
    .expect("one is a level");
    let gaps = scoring::gaps(&profile, &targets);
    let craft = &gaps[0];
    assert_eq!((craft.met(), craft.unanswered), (true, 1));
}

#[test]
fn the_best_fit_is_the_highest_role_met_and_next_the_closest_above() {
    let f = load(LADDERS);
    let fit = |pairs: &[(&str, RatingValue)]| {
        let fit = scoring::best_fit(&f, &scoring::profile(&f, &ratings(pairs)))
            .expect("the framework has roles");
        let id = |t: Option<usize>| t.map(|t| f.targets[t].id.as_str());
        (id(fit.role), id(fit.next), fit.next_gap)
    };
    let craft_one: Vec<(&str, RatingValue)> = ["c1a", "c1b", "c1c", "c1d", "c1e"]
        .into_iter()
        .map(|id| (id, Scale(4)))
        .collect();
    // Nothing shown: no role met; the closest of all is junior, one level away.
    assert_eq!(fit(&[]), (None, Some("junior"), 1));
    // Craft's first level: junior met; of the roles ranked as high or higher, mid is two
    // levels away (craft two, open two), senior three (craft two and three, late three).
    assert_eq!(fit(&craft_one), (Some("junior"), Some("mid"), 2));
    let mut mid = craft_one.clone();
    mid.extend([("c2a", Scale(4)), ("c2b", Scale(4)), ("o2a", Scale(4))]);
    assert_eq!(fit(&mid), (Some("mid"), Some("senior"), 2));
    let mut senior = mid.clone();
    senior.extend([("c3a", Scale(4)), ("l3a", Scale(4)), ("l3b", Scale(4))]);
    assert_eq!(fit(&senior), (Some("senior"), None, 0));
}

#[test]
fn without_roles_there_is_no_best_fit() {
    let f = load(&LADDERS[..LADDERS.find("targets:").expect("targets")]);
    assert_eq!(
        scoring::best_fit(&f, &scoring::profile(&f, &Ratings::new())),
        None
    );
}

/// Two tracks sharing `one` and `two`; roles on each and one on none.
const TRACKS: &str = r#"
id: forks
name: Forks
version: "1"
levels:
  - { id: one, name: One }
  - { id: two, name: Two }
  - { id: staff, name: Staff }
  - { id: manager, name: Manager }
tracks:
  - { id: ic, name: IC, levels: [one, two, staff] }
  - { id: m, name: Manager, levels: [one, two, manager] }
competencies:
  - id: craft
    name: Craft
    levels:
      - level: one
        indicators: [{ id: k1, text: a }]
      - level: two
        indicators: [{ id: k2, text: a }, { id: k2b, text: b }]
      - level: staff
        indicators: [{ id: ks, text: a }]
      - level: manager
        indicators: [{ id: km, text: a }]
targets:
  - { id: base, name: Base, levels: { craft: two } }
  - { id: staff, name: Staff, track: ic, levels: { craft: staff } }
  - { id: lead, name: Lead, track: m, levels: { craft: manager } }
"#;

#[test]
fn on_a_track_only_its_roles_and_levels_take_part() {
    let f = load(TRACKS);
    let given = ratings(&[("k1", Scale(4)), ("k2", Scale(4)), ("ks", Scale(4))]);
    let on = |track: &str| {
        let ladder = f.ladder(f.track_index(track));
        let profile = scoring::profile_on(&f, &ladder, &given);
        let craft = &profile.competencies[0];
        let fit = scoring::best_fit(&f, &profile).expect("roles on the track");
        let id = |t: Option<usize>| t.map(|t| f.targets[t].id.as_str());
        (
            craft.rank,
            craft.coverage().answered,
            craft.coverage().of,
            id(fit.role),
            id(fit.next),
            fit.next_gap,
        )
    };
    // k2b unanswered: two is 1 of 2 shown, not held, on either track.
    assert_eq!(on("ic"), (1, 3, 4, None, Some("base"), 1));
    assert_eq!(on("m"), (1, 2, 4, None, Some("base"), 1));
    let mut all = given.clone();
    all.insert(
        "k2b".into(),
        Rating {
            value: Scale(4),
            note: None,
        },
    );
    let on_all = |track: &str| {
        let ladder = f.ladder(f.track_index(track));
        let profile = scoring::profile_on(&f, &ladder, &all);
        let fit = scoring::best_fit(&f, &profile).expect("roles on the track");
        let id = |t: Option<usize>| t.map(|t| f.targets[t].id.as_str());
        (
            profile.competencies[0].rank,
            id(fit.role),
            id(fit.next),
            fit.next_gap,
        )
    };
    // On ic, staff (rank 3 on ic) is held: the staff role, and lead never takes part.
    assert_eq!(on_all("ic"), (3, Some("staff"), None, 0));
    // On m, the manager level is not shown: base is met and lead is next, one level away.
    assert_eq!(on_all("m"), (2, Some("base"), Some("lead"), 1));
}

mod properties;

/// Two levels of nine and ten indicators, one competency rated in phases.
const CLIFF: &str = r#"
id: cliff
name: Cliff
version: "1"
levels:
  - { id: one, name: Establishing }
  - { id: two, name: Growing }
  - { id: three, name: Sustaining }
competencies:
  - id: ladder
    name: Ladder
    levels:
      - level: one
        indicators: [a1, a2, a3, a4, a5, a6, a7, a8, a9]
      - level: two
        indicators: [b1, b2, b3, b4, b5, b6, b7, b8, b9, b10]
  - id: phases
    name: Phases
    gating: false
    levels:
      - level: one
        indicators: [p1]
      - level: two
        indicators: [q1, q2]
      - level: three
        indicators: [r1]
"#;

/// Ratings of `ids` (shorthand indicators of `competency` at `level`) as given.
fn of(competency: &str, level: &str, values: &[RatingValue]) -> Vec<(String, RatingValue)> {
    values
        .iter()
        .enumerate()
        .map(|(n, v)| (format!("{competency}.{level}.{}", n + 1), *v))
        .collect()
}

fn profile_of(f: &Framework, given: &[(String, RatingValue)]) -> scoring::Profile {
    let pairs: Vec<(&str, RatingValue)> = given.iter().map(|(id, v)| (id.as_str(), *v)).collect();
    scoring::profile(f, &ratings(&pairs))
}

#[test]
fn one_more_shown_holds_the_level_and_the_one_above_it() {
    let f = load(CLIFF);
    // Level one: 7 of 9 shown (8 needed: 7/9 < 0.8 <= 8/9); level two: 8 of 10. None held,
    // 0.78; one more shown at one holds one and, with it, two.
    let mut given = of("ladder", "one", &[Scale(4); 7]);
    given.extend(of("ladder", "one", &[Scale(1); 9]).into_iter().skip(7));
    given.extend(of("ladder", "two", &[Scale(4); 8]));
    given.extend(of("ladder", "two", &[Scale(1); 10]).into_iter().skip(8));
    let profile = profile_of(&f, &given);
    let ladder = &profile.competencies[0];
    assert_eq!(ladder.rank, 0);
    assert!((ladder.score.expect("applies") - 7.0 / 9.0).abs() < 1e-12);
    let step = ladder.step.expect("a next level");
    assert_eq!(
        (step.demonstrated, step.needed, step.more, step.unrated),
        (7, 8, 1, 0)
    );
    assert_eq!(ladder.levels[step.next].rank, 1);
    assert_eq!(
        ladder.levels[step.unlocks].rank, 2,
        "the cliff: two is held too"
    );
}

#[test]
fn a_competency_answered_na_throughout_does_not_apply() {
    let f = load(LADDERS);
    let all_na: Vec<(&str, RatingValue)> = ["c1a", "c1b", "c1c", "c1d", "c1e", "c2a", "c2b", "c3a"]
        .into_iter()
        .map(|id| (id, Na))
        .collect();
    let profile = scoring::profile(&f, &ratings(&all_na));
    let craft = &profile.competencies[0];
    assert!(!craft.applicable);
    assert_eq!(
        (craft.current, craft.rank, craft.score, craft.next),
        (None, 0, None, None)
    );
    // Not met for any target that names it, and no gap counted for it.
    let targets = TargetRequest {
        role: Some("junior".into()),
        ..TargetRequest::default()
    }
    .resolve(&f)
    .expect("junior is a role");
    let gaps = scoring::gaps(&profile, &targets);
    assert_eq!((gaps[0].met(), gaps[0].gap), (false, 0));
    let fits = scoring::role_fits(&f, &profile);
    let junior = fits
        .iter()
        .find(|r| f.targets[r.role].id == "junior")
        .expect("junior");
    assert_eq!(
        (junior.met, junior.of, junior.short, junior.fits),
        (0, 1, 0, false)
    );
    // It cannot fit whatever is rated next: never the next role.
    let fit = scoring::best_fit(&f, &profile).expect("roles");
    assert_ne!(fit.next.map(|t| f.targets[t].id.as_str()), Some("junior"));
}

#[test]
fn a_passed_over_level_neither_holds_nor_blocks_and_gaps_skip_it() {
    let f = load(LADDERS);
    // Craft: one shown, two passed over, three shown: three is held.
    let mut given: Vec<(&str, RatingValue)> = ["c1a", "c1b", "c1c", "c1d", "c1e"]
        .into_iter()
        .map(|id| (id, Scale(4)))
        .collect();
    given.extend([("c2a", Na), ("c2b", Na)]);
    assert_eq!(result(&f, &given, "craft"), (1, 1.0));
    let profile = scoring::profile(&f, &ratings(&given));
    let craft = &profile.competencies[0];
    // Next is the first tested level above one: three, not the passed-over two.
    assert_eq!(craft.next_level().map(|l| l.rank), Some(3));
    // A target of two (passed over) is met by the level below it; three is one level away.
    assert_eq!(craft.levels_to(2), 0);
    assert_eq!(craft.levels_to(3), 1);
    given.push(("c3a", Scale(4)));
    assert_eq!(result(&f, &given, "craft"), (3, 3.0));
}

#[test]
fn phases_are_each_tested_on_their_own() {
    let f = load(CLIFF);
    // Phase one not shown, phase two shown: two is current; three is next and unlocks itself.
    let mut given = of("phases", "one", &[Scale(1)]);
    given.extend(of("phases", "two", &[Scale(4), Scale(4)]));
    let profile = profile_of(&f, &given);
    let phases = &profile.competencies[1];
    assert!(!phases.gating);
    assert_eq!((phases.rank, phases.score), (2, Some(2.0)));
    let step = phases.step.expect("three is next");
    assert_eq!(step.next, step.unlocks);
    assert_eq!(phases.levels[step.next].rank, 3);
    // The gap to three is three alone; one, below the current level, is not counted.
    assert_eq!(phases.levels_to(3), 1);
}

#[test]
fn threshold_on_a_competency_or_group_and_role_fit_are_read() {
    let f = load(
        r#"
id: t
name: T
version: "1"
threshold: 0.5
role_fit: 0.5
levels: [{ id: one, name: One }]
groups:
  - { id: strict, name: Strict, threshold: 1 }
competencies:
  - { id: own, name: Own, threshold: 0.75, levels: [{ level: one, indicators: [a, b, c, d] }] }
  - { id: grouped, name: Grouped, group: strict, levels: [{ level: one, indicators: [a, b] }] }
  - { id: plain, name: Plain, levels: [{ level: one, indicators: [a, b] }] }
targets:
  - { id: both, name: Both, levels: { own: one, grouped: one } }
"#,
    );
    assert_eq!(
        (f.threshold_of(0), f.threshold_of(1), f.threshold_of(2)),
        (0.75, 1.0, 0.5)
    );
    let given = [
        ("own.one.1", Scale(4)),
        ("own.one.2", Scale(4)),
        ("own.one.3", Scale(4)),
        ("grouped.one.1", Scale(4)),
        ("grouped.one.2", Scale(1)),
        ("plain.one.1", Scale(4)),
    ];
    assert_eq!(result(&f, &given, "own").0, 1);
    assert_eq!(result(&f, &given, "grouped").0, 0);
    assert_eq!(result(&f, &given, "plain").0, 1);
    // One of the two competencies met fits at role_fit 0.5.
    let profile = scoring::profile(&f, &ratings(&given));
    let fits = scoring::role_fits(&f, &profile);
    assert_eq!((fits[0].met, fits[0].of, fits[0].fits), (1, 2, true));
}

//! Properties of the scoring rule over generated frameworks and ratings: the library agrees
//! with the rule computed apart ([`super::by_the_rule`]) on every shape.

use super::*;

/// A competency's shape: per listed level (framework level index), its indicator count; its
/// own threshold in tenths, if any; its own gating, if any.
type CompetencyShape = (Vec<(usize, usize)>, Option<u32>, Option<bool>);

/// A framework shape: level count, competencies, threshold in tenths, gating, role_fit in
/// tenths, and roles (per role, (competency, framework level index) pairs).
type Shape = (
    usize,
    Vec<CompetencyShape>,
    u32,
    bool,
    u32,
    Vec<Vec<(usize, usize)>>,
);

fn shapes() -> impl Strategy<Value = Shape> {
    (1usize..=5).prop_flat_map(|levels| {
        let ladder =
            proptest::collection::vec((any::<bool>(), 0usize..=4), levels).prop_map(|rungs| {
                let mut listed: Vec<(usize, usize)> = rungs
                    .into_iter()
                    .enumerate()
                    .filter(|(_, (listed, _))| *listed)
                    .map(|(level, (_, count))| (level, count))
                    .collect();
                if listed.is_empty() {
                    listed.push((0, 1));
                }
                listed
            });
        let competency = (
            ladder,
            proptest::option::weighted(0.3, 1u32..=10),
            proptest::option::weighted(0.3, any::<bool>()),
        );
        let role = proptest::collection::vec((0usize..3, 0..levels), 0..=3);
        (
            Just(levels),
            proptest::collection::vec(competency, 1..=3),
            1u32..=10,
            proptest::bool::weighted(0.7),
            1u32..=10,
            proptest::collection::vec(role, 0..=3),
        )
    })
}

fn build(shape: &Shape) -> Framework {
    let (levels, competencies, tenths, gating, fit_tenths, roles) = shape;
    let mut f = load(
        "id: p\nname: P\nversion: \"1\"\nlevels: [{ id: l0, name: L0 }]\n\
         competencies: [{ id: c, name: C, levels: [{ level: l0, indicators: [x] }] }]\n",
    );
    f.threshold = f64::from(*tenths) / 10.0;
    f.gating = *gating;
    f.role_fit = f64::from(*fit_tenths) / 10.0;
    f.levels = (0..*levels)
        .map(|l| Level {
            id: format!("l{l}"),
            name: format!("L{l}"),
            code: None,
            description: None,
        })
        .collect();
    f.competencies = competencies
        .iter()
        .enumerate()
        .map(|(c, (listed, threshold, gating))| Competency {
            id: format!("c{c}"),
            name: format!("C{c}"),
            code: None,
            description: None,
            group: None,
            scale: None,
            threshold: threshold.map(|t| f64::from(t) / 10.0),
            gating: *gating,
            levels: listed
                .iter()
                .map(|&(level, count)| CompetencyLevel {
                    level,
                    title: None,
                    description: None,
                    examples: vec![],
                    evidence_required: false,
                    indicators: (0..count)
                        .map(|i| Indicator {
                            id: format!("c{c}.l{level}.{i}"),
                            code: None,
                            text: "t".into(),
                            kind: None,
                            examples: vec![],
                            origin: None,
                        })
                        .collect(),
                })
                .collect(),
            guidance: vec![],
        })
        .collect();
    f.targets = roles
        .iter()
        .enumerate()
        .map(|(r, pairs)| {
            let mut levels: Vec<(usize, usize)> = Vec::new();
            for &(c, level) in pairs {
                // A role names a competency once.
                if c < f.competencies.len() && !levels.iter().any(|(named, _)| *named == c) {
                    levels.push((c, level));
                }
            }
            Target {
                id: format!("r{r}"),
                name: format!("R{r}"),
                description: None,
                track: None,
                levels,
            }
        })
        .collect();
    f
}

/// One choice per indicator (enough for the largest shape): 0 unrated, 1 na, 2..=5 a rating.
fn rate(framework: &Framework, choices: &[u8]) -> Ratings {
    framework
        .indicators()
        .zip(choices)
        .filter_map(|((_, _, indicator), choice)| {
            let value = match choice {
                0 => return None,
                1 => Na,
                v => Scale(u32::from(*v) - 1),
            };
            Some((indicator.id.clone(), Rating { value, note: None }))
        })
        .collect()
}

fn cases() -> impl Strategy<Value = (Framework, Ratings, usize, u8)> {
    // Ratings of every kind alike, or mostly na (a skills library rated on one's own skills).
    let uniform = proptest::collection::vec(0u8..=5, 60);
    let na_heavy = proptest::collection::vec(prop_oneof![4 => Just(1u8), 1 => 0u8..=5], 60);
    (
        shapes(),
        prop_oneof![uniform, na_heavy],
        any::<usize>(),
        1u8..=4,
    )
        .prop_filter("a framework needs an indicator to rate", |(shape, ..)| {
            shape
                .1
                .iter()
                .flat_map(|c| &c.0)
                .any(|&(_, count)| count > 0)
        })
        .prop_map(|(shape, choices, pick, raise)| {
            let f = build(&shape);
            let r = rate(&f, &choices);
            (f, r, pick, raise)
        })
}

/// The roles by section 10, computed by hand from the competencies computed by hand: per role
/// in file order (met, of, short, fits), then the best fit and the next role (indices) and
/// the next role's gap.
#[allow(clippy::type_complexity)]
fn roles_by_hand(
    f: &Framework,
    given: &Ratings,
) -> (
    Vec<(usize, usize, usize, bool)>,
    Option<usize>,
    Option<usize>,
    usize,
) {
    let hands: Vec<ByHand> = (0..f.competencies.len())
        .map(|c| {
            by_the_rule(
                &ladder_of(f, given, c),
                f.demonstrated_at,
                f.threshold_of(c),
                f.gating_of(c),
            )
        })
        .collect();
    let mut rows = Vec::new();
    // (index, rank sum, short, fits, could fit)
    let mut sums = Vec::new();
    for (r, role) in f.targets.iter().enumerate() {
        let (mut met, mut short, mut na, mut sum) = (0, 0, 0, 0);
        for &(c, level) in &role.levels {
            let target = level + 1;
            sum += target;
            let hand = &hands[c];
            if !hand.applicable {
                na += 1;
                continue;
            }
            let ladder = ladder_of(f, given, c);
            let gap = ladder
                .iter()
                .filter(|(rank, values)| {
                    let passed_over = !values.is_empty() && values.iter().all(|v| *v == Some(Na));
                    *rank > hand.rank && *rank <= target && !passed_over
                })
                .count();
            if gap == 0 {
                met += 1;
            } else {
                short += gap;
            }
        }
        let of = role.levels.len();
        let fits = of == 0 || met as f64 / of as f64 >= f.role_fit;
        let could = of == 0 || (of - na) as f64 / of as f64 >= f.role_fit;
        rows.push((met, of, short, fits));
        sums.push((r, sum, short, fits, could));
    }
    let mut best: Option<(usize, usize)> = None;
    for &(r, sum, _, fits, _) in &sums {
        if fits && best.is_none_or(|(_, b)| sum > b) {
            best = Some((r, sum));
        }
    }
    let floor = best.map_or(0, |(_, b)| b);
    let mut next: Option<(usize, usize)> = None;
    for &(r, sum, short, fits, could) in &sums {
        if !fits && could && sum >= floor && next.is_none_or(|(_, s)| short < s) {
            next = Some((r, short));
        }
    }
    (
        rows,
        best.map(|b| b.0),
        next.map(|n| n.0),
        next.map_or(0, |n| n.1),
    )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn raising_one_rating_never_lowers_a_level_or_score((f, given, pick, raise) in cases()) {
        // One of the indicators rated below the top of the scale (none: nothing to raise).
        let ids: Vec<(String, u32)> = f
            .indicators()
            .filter_map(|(_, _, i)| match given.get(&i.id).map(|r| r.value) {
                Some(Scale(v)) if v < 4 => Some((i.id.clone(), v)),
                _ => None,
            })
            .collect();
        if ids.is_empty() {
            return Ok(());
        }
        let (id, old) = &ids[pick % ids.len()];
        let (id, old) = (id, *old);
        let before = scoring::profile(&f, &given);
        let mut raised = given.clone();
        let new = (old + u32::from(raise)).min(4);
        raised.insert(id.clone(), Rating { value: Scale(new), note: None });
        let after = scoring::profile(&f, &raised);
        for (b, a) in before.competencies.iter().zip(&after.competencies) {
            prop_assert!(a.rank >= b.rank, "rank fell from {} to {} raising {id} {old}->{new}", b.rank, a.rank);
            prop_assert!(a.score_or_zero() >= b.score_or_zero(), "score fell from {:?} to {:?} raising {id} {old}->{new}", b.score, a.score);
            for (lb, la) in b.levels.iter().zip(&a.levels) {
                prop_assert!(la.attained || !lb.attained, "a level was lost raising {id}");
            }
        }
    }

    #[test]
    fn marking_one_indicator_na_never_changes_other_competencies((f, given, pick, _raise) in cases()) {
        let all: Vec<(usize, String)> = f.indicators().map(|(c, _, i)| (c, i.id.clone())).collect();
        let (competency, id) = &all[pick % all.len()];
        let before = scoring::profile(&f, &given);
        let mut marked = given.clone();
        marked.insert(id.clone(), Rating { value: Na, note: None });
        let after = scoring::profile(&f, &marked);
        for (c, (b, a)) in before.competencies.iter().zip(&after.competencies).enumerate() {
            if c != *competency {
                prop_assert_eq!(b, a);
            }
        }
    }

    #[test]
    fn the_profile_is_section_10_computed_by_hand((f, given, _pick, _raise) in cases()) {
        let profile = scoring::profile(&f, &given);
        for (c, result) in profile.competencies.iter().enumerate() {
            let hand = by_the_rule(&ladder_of(&f, &given, c), f.demonstrated_at, f.threshold_of(c), f.gating_of(c));
            prop_assert_eq!(result.applicable, hand.applicable);
            prop_assert_eq!(result.rank, hand.rank);
            match (result.score, hand.score) {
                (Some(a), Some(b)) => prop_assert!((a - b).abs() < 1e-12, "score {} by hand {}", a, b),
                (a, b) => prop_assert_eq!(a, b),
            }
            let next = result.step.map(|s| {
                (result.levels[s.next].rank, s.demonstrated, s.needed, s.more, s.unrated, result.levels[s.unlocks].rank)
            });
            prop_assert_eq!(next, hand.next, "next of c{}", c);
        }
    }

    #[test]
    fn roles_fit_by_section_10_computed_by_hand((f, given, _pick, _raise) in cases()) {
        let profile = scoring::profile(&f, &given);
        let (rows, best, next, next_gap) = roles_by_hand(&f, &given);
        let fits: Vec<(usize, usize, usize, bool)> = scoring::role_fits(&f, &profile)
            .iter()
            .map(|r| (r.met, r.of, r.short, r.fits))
            .collect();
        prop_assert_eq!(fits, rows);
        let fit = scoring::best_fit(&f, &profile);
        if f.targets.is_empty() {
            prop_assert_eq!(fit, None);
        } else {
            let fit = fit.expect("roles take part");
            prop_assert_eq!((fit.role, fit.next, fit.next_gap), (best, next, next_gap));
        }
    }

    #[test]
    fn the_report_says_what_the_rule_computes_by_hand((f, given, _pick, _raise) in cases()) {
        // Every competency against the framework's top level: the gap, and the next step.
        let target = TargetRequest {
            level: Some(f.levels[f.levels.len() - 1].id.clone()),
            ..TargetRequest::default()
        };
        let report = crate::report::Report::from_ratings(&f, &given, &target).expect("a valid target");
        let json: serde_json::Value = serde_json::from_str(&crate::render::report::json::render(&report)).expect("json");
        for (c, row) in json["competencies"].as_array().expect("competencies").iter().enumerate() {
            let ladder = ladder_of(&f, &given, c);
            let hand = by_the_rule(&ladder, f.demonstrated_at, f.threshold_of(c), f.gating_of(c));
            prop_assert_eq!(&row["applicable"], &serde_json::json!(hand.applicable));
            prop_assert_eq!(&row["rank"], &serde_json::json!(hand.rank));
            match hand.score {
                Some(score) => prop_assert!((row["score"].as_f64().expect("a score") - score).abs() < 1e-12),
                None => prop_assert!(row["score"].is_null() && row["level"].is_null() && row["gap"].is_null()),
            }
            match hand.next {
                Some((_, demonstrated, needed, more, unrated, unlocks)) => {
                    let next = &row["next"];
                    prop_assert_eq!(&next["demonstrated"], &serde_json::json!(demonstrated));
                    prop_assert_eq!(&next["needed"], &serde_json::json!(needed));
                    prop_assert_eq!(&next["more"], &serde_json::json!(more));
                    prop_assert_eq!(&next["unrated"], &serde_json::json!(unrated));
                    prop_assert_eq!(&next["unlocks"], &serde_json::json!(format!("l{}", unlocks - 1)));
                }
                None => prop_assert!(row["next"].is_null()),
            }
            if hand.applicable {
                let top = f.levels.len();
                let gap = ladder
                    .iter()
                    .filter(|(rank, values)| {
                        let passed_over = !values.is_empty() && values.iter().all(|v| *v == Some(Na));
                        *rank > hand.rank && *rank <= top && !passed_over
                    })
                    .count();
                prop_assert_eq!(&row["gap"], &serde_json::json!(gap));
                prop_assert_eq!(&row["met"], &serde_json::json!(gap == 0));
            } else {
                prop_assert_eq!(&row["met"], &serde_json::json!(false));
            }
        }
    }

    #[test]
    fn the_score_stays_within_zero_and_the_number_of_levels((f, given, _pick, _raise) in cases()) {
        let profile = scoring::profile(&f, &given);
        for c in &profile.competencies {
            prop_assert!(c.rank <= f.levels.len());
            let Some(score) = c.score else {
                prop_assert!(!c.applicable && c.rank == 0 && c.next.is_none());
                continue;
            };
            prop_assert!((0.0..=f.levels.len() as f64).contains(&score), "score {} out of range", score);
            prop_assert_eq!(score.floor() as usize, c.rank, "the whole part of the score is the rank");
        }
    }

    #[test]
    fn a_passed_over_level_is_never_the_current_level((f, given, _pick, _raise) in cases()) {
        let profile = scoring::profile(&f, &given);
        for c in &profile.competencies {
            for level in &c.levels {
                if level.passed_over() {
                    prop_assert!(!level.attained);
                    prop_assert_ne!(c.current, Some(level.level));
                }
            }
        }
    }
}

//! Properties of the scoring rule over generated frameworks and ratings: the library agrees
//! with the rule computed apart ([`super::by_the_rule`]) on every shape.

use super::*;

/// A framework shape: per competency, per listed level (framework level index), its indicator count.
type Shape = (usize, Vec<Vec<(usize, usize)>>, u32);

fn shapes() -> impl Strategy<Value = Shape> {
    (1usize..=5).prop_flat_map(|levels| {
        let competency =
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
        (
            Just(levels),
            proptest::collection::vec(competency, 1..=3),
            1u32..=10,
        )
    })
}

fn build(shape: &Shape) -> Framework {
    let (levels, competencies, tenths) = shape;
    let mut f = load(
        "id: p\nname: P\nversion: \"1\"\nlevels: [{ id: l0, name: L0 }]\n\
         competencies: [{ id: c, name: C, levels: [{ level: l0, indicators: [x] }] }]\n",
    );
    f.threshold = f64::from(*tenths) / 10.0;
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
        .map(|(c, listed)| Competency {
            id: format!("c{c}"),
            name: format!("C{c}"),
            code: None,
            description: None,
            group: None,
            scale: None,
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
    (
        shapes(),
        proptest::collection::vec(0u8..=5, 60),
        any::<usize>(),
        1u8..=4,
    )
        .prop_filter("a framework needs an indicator to rate", |(shape, ..)| {
            shape.1.iter().flatten().any(|&(_, count)| count > 0)
        })
        .prop_map(|(shape, choices, pick, raise)| {
            let f = build(&shape);
            let r = rate(&f, &choices);
            (f, r, pick, raise)
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn raising_one_rating_never_lowers_a_level_or_score((f, given, pick, raise) in cases()) {
        let ids: Vec<String> = f.indicators().map(|(_, _, i)| i.id.clone()).collect();
        let id = &ids[pick % ids.len()];
        let before = scoring::profile(&f, &given);
        let mut raised = given.clone();
        let old = match given.get(id).map(|r| r.value) {
            Some(Scale(v)) => v,
            _ => 0,
        };
        prop_assume!(old < 4);
        let new = (old + u32::from(raise)).min(4);
        prop_assume!(old >= 1);
        raised.insert(id.clone(), Rating { value: Scale(new), note: None });
        let after = scoring::profile(&f, &raised);
        for (b, a) in before.competencies.iter().zip(&after.competencies) {
            prop_assert!(a.rank >= b.rank, "rank fell from {} to {} raising {id} {old}->{new}", b.rank, a.rank);
            prop_assert!(a.score >= b.score, "score fell from {} to {} raising {id} {old}->{new}", b.score, a.score);
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
    fn the_profile_is_section_7_computed_by_hand((f, given, _pick, _raise) in cases()) {
        let profile = scoring::profile(&f, &given);
        for (c, result) in profile.competencies.iter().enumerate() {
            let (rank, score) = by_the_rule(&ladder_of(&f, &given, c), f.demonstrated_at, f.threshold);
            prop_assert_eq!(result.rank, rank);
            prop_assert!((result.score - score).abs() < 1e-12, "score {} by hand {}", result.score, score);
        }
    }

    #[test]
    fn a_complete_assessment_scores_as_when_unrated_was_left_out((f, given, _pick, _raise) in cases()) {
        // Answer every indicator left open with 1: then rated-only (section 2) and section 7 agree.
        let mut complete = given.clone();
        for (_, _, i) in f.indicators() {
            complete.entry(i.id.clone()).or_insert(Rating { value: Scale(1), note: None });
        }
        let profile = scoring::profile(&f, &complete);
        for (c, result) in profile.competencies.iter().enumerate() {
            // Section 2 by hand: na and unrated left out, a level with nothing rated held only
            // when every indicator is na.
            let mut held = 0;
            let mut score = None;
            for (rank, values) in ladder_of(&f, &complete, c) {
                let rated: Vec<u32> = values.iter().filter_map(|v| match v { Some(Scale(x)) => Some(*x), _ => None }).collect();
                let shown = rated.iter().filter(|x| **x >= f.demonstrated_at).count();
                let meets = if rated.is_empty() { true } else { shown as f64 / rated.len() as f64 >= f.threshold };
                if meets {
                    held = rank;
                } else {
                    score = Some(held as f64 + shown as f64 / rated.len() as f64);
                    break;
                }
            }
            prop_assert_eq!(result.rank, held);
            prop_assert!((result.score - score.unwrap_or(held as f64)).abs() < 1e-12);
        }
    }

    #[test]
    fn the_score_stays_within_zero_and_the_number_of_levels((f, given, _pick, _raise) in cases()) {
        let profile = scoring::profile(&f, &given);
        for c in &profile.competencies {
            prop_assert!(c.score >= 0.0 && c.score <= f.levels.len() as f64, "score {} out of range", c.score);
            prop_assert!(c.rank <= f.levels.len());
            prop_assert_eq!(c.score.floor() as usize, c.rank, "the whole part of the score is the rank");
        }
    }
}

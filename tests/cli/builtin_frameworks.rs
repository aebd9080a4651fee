//! The frameworks shipped in `frameworks/`: what `list` and `validate` say about them, and that
//! no indicator, level or section of their source texts was lost.

use rungs::framework::{builtin::BUILTIN_FILES, load, Framework};

use crate::support::rungs;

const SHIPPED: [&str; 5] = [
    "building-relationships",
    "community-platform-relationships",
    "lasting-relationships",
    "networking",
    "strategic-partnerships",
];

/// The ids printed by `rungs list`: the first word of each table row (continuation lines of a
/// wrapped name start with spaces), up to the legend line.
fn first_column(table: &str) -> Vec<String> {
    table
        .lines()
        .take_while(|l| !l.starts_with("(COMP"))
        .filter(|l| l.len() > 1 && !l[1..].starts_with(' '))
        .filter_map(|l| l.split_whitespace().next().map(str::to_string))
        .collect()
}

#[test]
fn list_shows_exactly_the_shipped_frameworks() {
    let run = rungs(&["list"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let ids = first_column(&run.stdout);
    assert_eq!(
        ids.first().map(String::as_str),
        Some("ID"),
        "{}",
        run.stdout
    );
    assert_eq!(ids[1..], SHIPPED, "{}", run.stdout);
}

#[test]
fn validate_accepts_the_shipped_frameworks_with_the_one_expected_warning() {
    let run = rungs(&["validate", "frameworks/"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let warnings: Vec<&str> = run
        .stderr
        .lines()
        .filter(|l| l.contains("warning"))
        .collect();
    assert_eq!(warnings.len(), 1, "{}", run.stderr);
    // Seed 000 repeats one indicator word for word at its first two levels; both are kept.
    assert!(
        warnings[0].starts_with("frameworks/building-relationships.yaml")
            && warnings[0]
                .contains(r#"indicator "rel-grow-5" has the same text as indicator "rel-est-2""#),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("5 files valid"), "{}", run.stderr);
}

fn shipped(id: &str) -> Framework {
    let (name, text) = BUILTIN_FILES
        .iter()
        .find(|(name, _)| *name == format!("{id}.yaml"))
        .unwrap_or_else(|| panic!("frameworks/{id}.yaml is shipped"));
    let loaded = load(name, text.as_bytes()).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(loaded.framework.id, id);
    loaded.framework
}

/// Indicator counts per competency, per level of its ladder, in file order.
fn counts(framework: &Framework) -> Vec<Vec<usize>> {
    framework
        .competencies
        .iter()
        .map(|c| c.levels.iter().map(|l| l.indicators.len()).collect())
        .collect()
}

fn level_ids(framework: &Framework) -> Vec<&str> {
    framework.levels.iter().map(|l| l.id.as_str()).collect()
}

fn guidance<'a>(framework: &'a Framework, title: &str) -> &'a [String] {
    framework
        .competencies
        .iter()
        .flat_map(|c| &c.guidance)
        .find(|g| g.title == title)
        .map(|g| g.items.as_slice())
        .unwrap_or_else(|| panic!("{}: no guidance titled {title:?}", framework.id))
}

fn indicator_ids(framework: &Framework) -> Vec<&str> {
    framework
        .indicators()
        .map(|(_, _, i)| i.id.as_str())
        .collect()
}

#[test]
fn building_relationships_keeps_every_bullet_of_seed_000() {
    let f = shipped("building-relationships");
    assert_eq!(
        level_ids(&f),
        [
            "establishing",
            "growing",
            "builds-networks",
            "creates-social-capital"
        ]
    );
    // The "•" bullets under each of the four growth-level headings of the seed text:
    // 10 + 10 + 8 + 5 = 33, including the one repeated at the first two levels.
    assert_eq!(counts(&f), [vec![10, 10, 8, 5]]);
    assert_eq!(f.indicator_count(), 33);
}

#[test]
fn community_platform_relationships_keeps_every_section_of_seed_001() {
    let f = shipped("community-platform-relationships");
    assert_eq!(level_ids(&f), ["establishing", "growing", "sustaining"]);
    // Indicators are written from the prose (key points, body text, experience/learnings), so
    // these counts are the encoding's own: 6 establishing, 5 growing, 5 sustaining.
    assert_eq!(counts(&f), [vec![6, 5, 5]]);
    // The seed's "-" bullets: 4 key points and 3 considerations; its 3 experience paragraphs.
    assert_eq!(guidance(&f, "Key points").len(), 4);
    assert_eq!(guidance(&f, "Considerations").len(), 3);
    assert_eq!(guidance(&f, "Our Experience/Learnings").len(), 3);
    // The three columns of the relevance table, "Essential" (community school) highest.
    let targets: Vec<(&str, &str)> = f
        .targets
        .iter()
        .map(|t| (t.id.as_str(), f.levels[t.levels[0].1].id.as_str()))
        .collect();
    assert_eq!(
        targets,
        [
            ("existing-footprint", "establishing"),
            ("hybrid", "growing"),
            ("community-school", "sustaining")
        ]
    );
}

#[test]
fn networking_keeps_every_behaviour_and_empty_section_of_seed_002() {
    let f = shipped("networking");
    assert_eq!(
        level_ids(&f),
        [
            "proficiency-1",
            "proficiency-2",
            "proficiency-3",
            "proficiency-4",
            "proficiency-5"
        ]
    );
    // The "-" items under each "Proficiency Level N" heading of the seed text: level 1 has none,
    // level 2 has 7, level 3 has 5, levels 4 and 5 have 6 and 8 of which the first is the
    // level's headline (kept as its title): 0 + 7 + 5 + 5 + 7 = 24.
    assert_eq!(counts(&f), [vec![0, 7, 5, 5, 7]]);
    let titles: Vec<&str> = f.competencies[0]
        .levels
        .iter()
        .map(|l| f.level_title(l))
        .collect();
    assert_eq!(
        titles[3..],
        [
            "Creates networking opportunities.",
            "Strategically expands networks"
        ]
    );
    for heading in [
        "Suggested Activities for Development",
        "Recommended Courses",
        "Additional Resource",
        "Behavioral-Based Interviewing Questions",
    ] {
        assert!(
            guidance(&f, heading).is_empty(),
            "{heading} is empty in the seed"
        );
    }
}

#[test]
fn lasting_relationships_has_the_three_pillars_of_seed_003() {
    let f = shipped("lasting-relationships");
    assert_eq!(level_ids(&f), ["building", "sustaining"]);
    let pillars: Vec<&str> = f.competencies.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(pillars, ["clear-expectations", "mutual-respect", "trust"]);
    // Indicators are written from the essay, so these counts are the encoding's own.
    assert_eq!(counts(&f), [vec![6, 3], vec![3, 2], vec![3, 3]]);
    // One quote opens each pillar's section; the essay ends with 4 pieces of advice and 3
    // references.
    let quotes: Vec<&str> = f
        .competencies
        .iter()
        .flat_map(|c| &c.guidance)
        .filter(|g| g.title == "Key quote")
        .flat_map(|g| g.items.iter().map(String::as_str))
        .collect();
    assert_eq!(quotes.len(), 3);
    for cite in [
        "(Metz, et al., 2020, p. 5)",
        "(Villanueva, 2021, p. 135)",
        "(Aguilar, 2020, p. 160)",
    ] {
        assert!(
            quotes.iter().any(|q| q.contains(cite)),
            "no quote cites {cite}"
        );
    }
    assert_eq!(
        guidance(&f, "Design your blueprint for relationship building").len(),
        4
    );
    assert_eq!(guidance(&f, "References").len(), 3);
}

#[test]
fn strategic_partnerships_keeps_every_code_and_sub_item_of_seed_004() {
    let f = shipped("strategic-partnerships");
    assert_eq!(level_ids(&f), ["knowledge", "performance"]);
    // The seed's "-" bullets: 4 under Knowledge & Understanding (K1-K4) and 21 under Effective
    // Performance (P1, P2, P3 and its 5 sub-steps, P4 and its 8 agreement elements, P5 and its 3
    // sub-steps). P4's elements are the examples of indicator p4, so 21 - 8 = 13 indicators.
    assert_eq!(counts(&f), [vec![4, 13]]);
    let ids = indicator_ids(&f);
    for code in ["k1", "k2", "k3", "k4", "p1", "p2", "p3", "p4", "p5"] {
        assert!(ids.contains(&code), "no indicator {code}");
    }
    assert_eq!(ids.iter().filter(|i| i.starts_with("p3-")).count(), 5);
    assert_eq!(ids.iter().filter(|i| i.starts_with("p5-")).count(), 3);
    let p4 = f
        .indicators()
        .map(|(_, _, i)| i)
        .find(|i| i.id == "p4")
        .expect("p4 exists");
    assert_eq!(p4.examples.len(), 8);
    for heading in [
        "Contextual Variables",
        "Glossary",
        "Information Sources and Resources for Consideration",
        "Context rating scale: Criticality",
        "Context rating scale: Frequency",
        "Context rating scale: Level of Difficulty",
        "Context rating scale: Autonomy",
        "Context rating scale: Automation",
    ] {
        assert!(!guidance(&f, heading).is_empty(), "{heading} is kept");
    }
    // The question and the seed's answer.
    assert_eq!(
        guidance(
            &f,
            "Context rating scale: Time Required to Gain Proficiency"
        )
        .len(),
        2
    );
}

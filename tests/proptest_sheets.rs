//! A framework shown as a sheet (`show --format csv`, and `--roles-output`) and imported back
//! (`import sheet`) is the same framework: competencies, levels, tracks, roles, groups and
//! competency-level texts, over generated frameworks.

use proptest::prelude::*;
use rungs::framework::{self, Framework};
use rungs::import::rows::{self, Sheet};
use rungs::import::table::Source;
use rungs::import::Options;
use rungs::render::show::csv as show_csv;

/// Text a cell holds: words with punctuation a sheet must quote or protect, never blank at its
/// ends, without line breaks or the ` ; ` that separates list items.
fn text() -> impl Strategy<Value = String> {
    (
        prop::sample::select(vec!["", "=", "-", "+", "@", "'", "\""]),
        prop::collection::vec("[A-Za-z0-9]{1,8}", 1..4),
        prop::sample::select(vec!["", ",", ".", "\"x\"", ";"]),
    )
        .prop_map(|(start, words, end)| format!("{start}{}{end}", words.join(" ")))
}

fn optional_text() -> impl Strategy<Value = Option<String>> {
    prop::option::of(text())
}

/// A YAML double-quoted string.
fn q(text: &str) -> String {
    serde_json::to_string(text).expect("a string")
}

#[derive(Debug, Clone)]
struct Plan {
    levels: usize,
    forked: bool,
    competencies: Vec<CompetencyPlan>,
    targets: Vec<(usize, Vec<Option<usize>>, Option<String>)>,
    names: Vec<String>,
}

#[derive(Debug, Clone)]
struct CompetencyPlan {
    group: Option<usize>,
    levels: Vec<bool>,
    title: Vec<Option<String>>,
    description: Vec<Option<String>>,
    examples: Vec<Vec<String>>,
    indicators: Vec<Vec<(String, Vec<String>)>>,
}

fn plan() -> impl Strategy<Value = Plan> {
    (2usize..6, any::<bool>(), 0usize..3).prop_flat_map(|(levels, forked, groups)| {
        let competency = (
            prop::option::of(0..groups.max(1)),
            prop::collection::vec(any::<bool>(), levels),
            prop::collection::vec(optional_text(), levels),
            prop::collection::vec(optional_text(), levels),
            prop::collection::vec(prop::collection::vec(text(), 0..3), levels),
            prop::collection::vec(
                prop::collection::vec((text(), prop::collection::vec(text(), 0..2)), 0..3),
                levels,
            ),
        )
            .prop_map(
                move |(group, on, title, description, examples, indicators)| CompetencyPlan {
                    group: group.filter(|_| groups > 0),
                    levels: on,
                    title,
                    description,
                    examples,
                    indicators,
                },
            );
        let target = (
            0usize..2,
            prop::collection::vec(prop::option::of(0..levels), 1..4),
            optional_text(),
        );
        (
            Just(levels),
            Just(forked),
            prop::collection::vec(competency, 1..4),
            prop::collection::vec(target, 0..3),
            prop::collection::vec(text(), 16),
        )
            .prop_map(|(levels, forked, competencies, targets, names)| Plan {
                levels,
                forked,
                competencies,
                targets,
                names,
            })
    })
}

/// The framework a plan describes, as YAML. The first competency lists every level, so the
/// sheet gives the whole order; a forked framework's last level is on the second track only and
/// the one below it on the first only.
fn yaml(plan: &Plan) -> String {
    let mut out = String::from("id: generated\nname: Generated\nversion: \"1\"\nlevels:\n");
    for l in 0..plan.levels {
        out.push_str(&format!(
            "  - {{ id: l{l}, name: {} }}\n",
            q(&format!("Level {l} {}", plan.names[l]))
        ));
    }
    let track_levels = |t: usize| -> Vec<usize> {
        (0..plan.levels)
            .filter(|&l| {
                let top = plan.levels - 1;
                !(l == top && t == 0 || l == top - 1 && t == 1 && plan.levels > 2)
            })
            .collect()
    };
    let forked = plan.forked && plan.levels >= 3;
    if forked {
        out.push_str("tracks:\n");
        for t in 0..2 {
            let levels: Vec<String> = track_levels(t).iter().map(|l| format!("l{l}")).collect();
            out.push_str(&format!(
                "  - {{ id: t{t}, name: {}, levels: [{}] }}\n",
                q(&format!("Track {t} {}", plan.names[8 + t])),
                levels.join(", ")
            ));
        }
    }
    // The groups the competencies name, in the order they first name them: a sheet carries a
    // group on its competencies' rows.
    let mut used: Vec<usize> = Vec::new();
    for g in plan.competencies.iter().filter_map(|c| c.group) {
        if !used.contains(&g) {
            used.push(g);
        }
    }
    if !used.is_empty() {
        out.push_str("groups:\n");
        for g in used {
            out.push_str(&format!(
                "  - {{ id: g{g}, name: {} }}\n",
                q(&format!("Group {g} {}", plan.names[10 + g]))
            ));
        }
    }
    out.push_str("competencies:\n");
    // Whether a competency lists a level: the first lists all, every other at least l0.
    let lists = |ci: usize, l: usize| {
        let c = &plan.competencies[ci];
        ci == 0 || c.levels[l] || (l == 0 && !c.levels.contains(&true))
    };
    let mut n = 0;
    for (ci, c) in plan.competencies.iter().enumerate() {
        out.push_str(&format!(
            "  - id: c{ci}\n    name: {}\n",
            q(&format!("Competency {ci} {}", plan.names[12 + ci]))
        ));
        if let Some(g) = c.group {
            out.push_str(&format!("    group: g{g}\n"));
        }
        out.push_str("    levels:\n");
        for l in 0..plan.levels {
            if !lists(ci, l) {
                continue;
            }
            out.push_str(&format!("      - level: l{l}\n"));
            if let Some(t) = &c.title[l] {
                out.push_str(&format!("        title: {}\n", q(t)));
            }
            if let Some(d) = &c.description[l] {
                out.push_str(&format!("        description: {}\n", q(d)));
            }
            if !c.examples[l].is_empty() {
                let items: Vec<String> = c.examples[l].iter().map(|e| q(e)).collect();
                out.push_str(&format!("        examples: [{}]\n", items.join(", ")));
            }
            out.push_str("        indicators:\n");
            if c.indicators[l].is_empty() {
                out.push_str("          []\n");
            }
            for (text, examples) in &c.indicators[l] {
                n += 1;
                let items: Vec<String> = examples.iter().map(|e| q(e)).collect();
                out.push_str(&format!(
                    "          - {{ id: i{n}, text: {}, examples: [{}] }}\n",
                    q(text),
                    items.join(", ")
                ));
            }
        }
    }
    if !plan.targets.is_empty() {
        out.push_str("targets:\n");
    }
    for (ti, (track, levels, description)) in plan.targets.iter().enumerate() {
        out.push_str(&format!(
            "  - id: r{ti}\n    name: {}\n",
            q(&format!("Role {ti} {}", plan.names[4 + ti]))
        ));
        if let Some(d) = description {
            out.push_str(&format!("    description: {}\n", q(d)));
        }
        let on: Vec<usize> = if forked {
            out.push_str(&format!("    track: t{track}\n"));
            track_levels(*track)
        } else {
            (0..plan.levels).collect()
        };
        out.push_str("    levels:\n");
        let mut any = false;
        for (ci, level) in levels.iter().enumerate() {
            let Some(level) = level.filter(|_| ci < plan.competencies.len()) else {
                continue;
            };
            let reachable: Vec<usize> = on.iter().copied().filter(|&l| lists(ci, l)).collect();
            if let Some(l) = reachable.get(level % reachable.len().max(1)) {
                out.push_str(&format!("      c{ci}: l{l}\n"));
                any = true;
            }
        }
        if !any {
            out.push_str("      {}\n");
        }
    }
    out
}

/// What a sheet must carry, as `show --format json` gives it, without what a sheet has no
/// column for (the framework's own id and name are given to the import as options).
fn carried(framework: &Framework) -> serde_json::Value {
    let mut value: serde_json::Value =
        serde_json::from_str(&rungs::render::show::json::render(framework)).expect("JSON");
    for key in ["groups", "tracks"] {
        if let Some(items) = value[key].as_array_mut() {
            for item in items {
                item["description"] = serde_json::Value::Null;
            }
        }
    }
    serde_json::json!({
        "levels": value["levels"],
        "groups": value["groups"],
        "tracks": value["tracks"],
        "competencies": value["competencies"],
        "targets": value["targets"],
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn show_csv_then_import_sheet_gives_back_the_framework(plan in plan()) {
        let text = yaml(&plan);
        let original = framework::load("generated.yaml", text.as_bytes())
            .unwrap_or_else(|e| panic!("{e}\n{text}"))
            .framework;
        let sheet = show_csv::render(&original);
        let roles = show_csv::roles(&original);
        let table = Source::open("f.csv", sheet.as_bytes())
            .and_then(|mut s| s.table(None))
            .unwrap_or_else(|e| panic!("{e}\n{sheet}"));
        let roles_table = Source::open("roles.csv", roles.as_bytes())
            .and_then(|mut s| s.table(None))
            .unwrap_or_else(|e| panic!("{e}\n{roles}"));
        let imported = rows::import(
            Sheet { file: "f.csv", table: &table },
            (!original.targets.is_empty()).then_some(Sheet { file: "roles.csv", table: &roles_table }),
            &Options { id: Some("generated".into()), name: Some("Generated".into()), version: Some("1".into()), ..Options::default() },
            &[],
        )
        .unwrap_or_else(|e| panic!("{e}\n{sheet}"));
        let (back, problems) = framework::load::build(imported.framework);
        let errors: Vec<_> = problems.iter().filter(|p| !p.warning).map(|p| p.message.clone()).collect();
        let back = back.filter(|_| errors.is_empty()).unwrap_or_else(|| panic!("{errors:?}\n{sheet}"));
        prop_assert_eq!(carried(&back), carried(&original), "{}", sheet);
    }
}

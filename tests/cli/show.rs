//! `rungs show ID` for every shipped framework, as a person reads it at 80 columns.

use crate::support::rungs;

fn show(id: &str) -> String {
    let run = rungs(&["show", id]);
    assert_eq!(run.code, 0, "rungs show {id} failed: {}", run.stderr);
    run.stdout
}

#[test]
fn shows_building_relationships() {
    insta::assert_snapshot!(show("building-relationships"));
}

#[test]
fn shows_community_platform_relationships() {
    insta::assert_snapshot!(show("community-platform-relationships"));
}

#[test]
fn shows_networking() {
    insta::assert_snapshot!(show("networking"));
}

#[test]
fn shows_lasting_relationships() {
    insta::assert_snapshot!(show("lasting-relationships"));
}

#[test]
fn shows_strategic_partnerships() {
    insta::assert_snapshot!(show("strategic-partnerships"));
}

#[test]
fn networking_as_csv_json_and_markdown() {
    for format in ["csv", "json", "markdown"] {
        let out = crate::support::command(&["show", "networking", "--format", format])
            .env("NO_COLOR", "1")
            .succeeds();
        insta::assert_snapshot!(format!("networking_{format}"), out);
    }
}

#[test]
fn markdown_puts_one_blank_line_between_blocks() {
    let dir = tempfile::tempdir().expect("temp dir");
    // A group without a description, framework guidance, then the targets.
    let framework = dir.path().join("tidy.yaml");
    std::fs::write(
        &framework,
        r#"id: tidy
name: Tidy
version: "1"
levels: [{ id: one, name: One }]
groups: [{ id: people, name: People }]
competencies:
  - id: craft
    name: Craft
    group: people
    levels:
      - level: one
        indicators: [{ id: c1, text: Shares what they learn }]
guidance:
  - { title: Read, items: [The handbook] }
targets:
  - { id: lead, name: Lead, levels: { craft: one } }
"#,
    )
    .expect("framework");
    let markdown = crate::support::command(&["show", "--format", "markdown"])
        .arg(&framework)
        .succeeds();
    assert!(
        markdown.contains("\n\n## People\n\n### Craft (`craft`)\n\n"),
        "{markdown}"
    );
    assert!(
        markdown.contains("- The handbook\n\n## Targets\n\n"),
        "{markdown}"
    );
    for shown in [
        "lasting-relationships",
        "networking",
        "tests/fixtures/frameworks/engineering-ladder.yaml",
        "tests/fixtures/frameworks/own-scales.yaml",
        "tests/fixtures/frameworks/teamwork.yaml",
    ] {
        let markdown = crate::support::command(&["show", shown, "--format", "markdown"]).succeeds();
        assert!(!markdown.contains("\n\n\n"), "{shown}:\n{markdown}");
    }
}

#[test]
fn csv_has_the_import_columns_and_one_row_per_indicator() {
    let out = crate::support::command(&["show", "lasting-relationships", "--format", "csv"])
        .env("NO_COLOR", "1")
        .succeeds();
    let mut lines = out.split("\r\n");
    assert_eq!(
        lines.next(),
        Some("competency,level,indicator,indicator_id,competency_id,level_id,examples,competency_description,level_description,group,group_id,competency_level_title,competency_level_description,competency_level_examples,track,track_id,indicator_origin,group_code,competency_code,level_code,indicator_code,kind,group_description,framework_id,framework_name,framework_version")
    );
    let json = crate::support::command(&["show", "lasting-relationships", "--format", "json"])
        .env("NO_COLOR", "1")
        .succeeds();
    let value: serde_json::Value = serde_json::from_str(&json).expect("show json is JSON");
    let indicators: usize = value["competencies"]
        .as_array()
        .expect("competencies")
        .iter()
        .flat_map(|c| c["levels"].as_array().expect("levels"))
        .map(|l| l["indicators"].as_array().expect("indicators").len())
        .sum();
    assert!(indicators > 0);
    // Header, one row per indicator, and the empty string after the last CRLF.
    assert_eq!(out.split("\r\n").count(), indicators + 2);
}

#[test]
fn csv_cells_that_look_like_formulas_open_as_text() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("formulas.yaml");
    std::fs::write(
        &file,
        "id: formulas\nname: \"=cmd|' /C calc'!A0\"\nversion: \"1\"\nlevels: [{ id: one, name: \"+One\" }]\n\
         competencies:\n  - id: c\n    name: \"@SUM(1+1)\"\n    levels:\n      - level: one\n        indicators:\n\
         \x20         - { id: i1, text: \"=HYPERLINK(\\\"http://x\\\")\", examples: [\"-2 is less\"] }\n",
    )
    .expect("write");
    let out = crate::support::command(&["show", "--format", "csv"])
        .arg(&file)
        .env("NO_COLOR", "1")
        .succeeds();
    let row = out.split("\r\n").nth(1).expect("a row");
    assert_eq!(
        row,
        "'@SUM(1+1),'+One,\"'=HYPERLINK(\"\"http://x\"\")\",i1,c,one,'-2 is less,,,,,,,,,,,,,,,,,formulas,'=cmd|' /C calc'!A0,1"
    );
}

#[test]
fn a_built_in_frameworks_warnings_are_for_its_authors_not_its_users() {
    // The shipped file has a repeated indicator text: `validate` of the file tells its author...
    let run = rungs(&["validate", "frameworks/building-relationships.yaml"]);
    assert_eq!(run.code, 0);
    assert!(run.stderr.contains("warning: indicator"), "{}", run.stderr);
    // ...but a person who uses the built-in framework, and cannot change it, is not told.
    let run = rungs(&["show", "building-relationships"]);
    assert_eq!(run.code, 0);
    assert_eq!(run.stderr, "");
}

/// The fixture with competency-level descriptions and examples, groups, a forked pair of
/// tracks and targets on them.
fn milestones() -> String {
    crate::support::fixture("frameworks/milestones.yaml")
        .to_str()
        .expect("utf-8 path")
        .to_string()
}

#[test]
fn competency_level_texts_show_under_their_level_in_text_and_markdown() {
    let file = milestones();
    let text = crate::support::command(&["show", &file])
        .env("NO_COLOR", "1")
        .succeeds();
    let level = text
        .split("Level 1: Adopts (Milestone 1)\n")
        .nth(1)
        .expect("the level's heading");
    assert!(
        level.starts_with(
            "  Works effectively within established iOS or Android architectures, following\n  current best practices.\n  For example:\n    • Delivered a new screen in an existing flow\n    • Added an existing button to another surface\n"
        ),
        "{level}"
    );
    let markdown = crate::support::command(&["show", &file, "--format", "markdown"])
        .env("NO_COLOR", "1")
        .succeeds();
    assert!(
        markdown.contains("Develops new flows in the app's architecture and reviews others' work.\n\n- Builds a new flow end to end. (`mo-2`)"),
        "{markdown}"
    );
    assert!(
        markdown.contains("Examples:\n\n- Onboarded a new hire\n"),
        "{markdown}"
    );
}

/// Every key of every mapping in `file` is a key of `shown` at the same place (lists matched
/// item by item); the places where they are missing.
fn keys_missing(file: &serde_json::Value, shown: &serde_json::Value, at: &str) -> Vec<String> {
    use serde_json::Value;
    match (file, shown) {
        (Value::Object(keys), Value::Object(shown_keys)) => keys
            .iter()
            .flat_map(|(key, value)| match shown_keys.get(key) {
                Some(shown) => keys_missing(value, shown, &format!("{at}.{key}")),
                None => vec![format!("{at}.{key}")],
            })
            .collect(),
        (Value::Array(items), Value::Array(shown_items)) => items
            .iter()
            .enumerate()
            .flat_map(|(i, item)| match shown_items.get(i) {
                Some(shown) => keys_missing(item, shown, &format!("{at}[{i}]")),
                None => vec![format!("{at}[{i}]")],
            })
            .collect(),
        _ => Vec::new(),
    }
}

#[test]
fn json_carries_every_key_of_the_file() {
    let file = milestones();
    let yaml = std::fs::read_to_string(&file).expect("fixture read");
    let written: serde_json::Value = serde_yaml::from_str(&yaml).expect("fixture is YAML");
    let json = crate::support::command(&["show", &file, "--format", "json"])
        .env("NO_COLOR", "1")
        .succeeds();
    let shown: serde_json::Value = serde_json::from_str(&json).expect("show json is JSON");
    assert_eq!(keys_missing(&written, &shown, ""), Vec::<String>::new());
    assert_eq!(
        shown["tracks"][1]["levels"],
        serde_json::json!(["m1", "m2", "m3-mgr"])
    );
    assert_eq!(shown["competencies"][1]["group"], "people");
    assert_eq!(shown["targets"][0]["track"], "ic");
    assert_eq!(
        shown["competencies"][0]["levels"][0]["examples"][1],
        "Added an existing button to another surface"
    );
    assert_eq!(
        shown["competencies"][0]["levels"][2]["evidence"],
        "required"
    );
}

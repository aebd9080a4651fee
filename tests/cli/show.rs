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
fn csv_has_the_import_columns_and_one_row_per_indicator() {
    let out = crate::support::command(&["show", "lasting-relationships", "--format", "csv"])
        .env("NO_COLOR", "1")
        .succeeds();
    let mut lines = out.split("\r\n");
    assert_eq!(
        lines.next(),
        Some("competency,level,indicator,indicator_id,competency_id,level_id,examples,competency_description,level_description,group,group_id")
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
        "'@SUM(1+1),'+One,\"'=HYPERLINK(\"\"http://x\"\")\",i1,c,one,'-2 is less,,,,"
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

//! `rungs compare`: the consensus rule of contract section 5 on hand-computed cases, the
//! formats, anonymity, and refusing files that do not belong together.
//!
//! The fixtures in `tests/fixtures/360` rate Alex Rivera on `teamwork-walk` (lis-1..5,
//! sha-1..3; 3 or more is demonstrated):
//!
//! | indicator | self | Sam (manager) | Jo (peer) | Kim (peer, incomplete) |
//! | --- | --- | --- | --- | --- |
//! | lis-1 | 4 | 2 | 1 | 3 |
//! | lis-2 | 3 | 3 | 4 | 2 |
//! | lis-3 | 3 | 4 | 4 | 3 |
//! | lis-4 | 3 | 2 | 2 | 1 |
//! | lis-5 | 2 | na | 3 | na |
//! | sha-1 | 2 | 4 | 3 | 3 |
//! | sha-2 | 2 | 3 | 2 | 4 |
//! | sha-3 | na | 1 | na | unrated |
//!
//! `old/alex-by-sam-january.json` is Sam's earlier assessment: the later one counts.

use std::path::PathBuf;

use serde_json::{json, Value};

use crate::support::{fixture, run, Run};

const FRAMEWORK: &str = "tests/fixtures/assess/teamwork.yaml";

fn file(name: &str) -> String {
    format!("tests/fixtures/360/{name}")
}

fn compare(args: &[&str]) -> Run {
    let mut all = vec!["compare", "--framework", FRAMEWORK];
    all.extend_from_slice(args);
    run(&all)
}

fn json_of(args: &[&str]) -> Value {
    let mut all = args.to_vec();
    all.extend_from_slice(&["--format", "json"]);
    let out = compare(&all);
    assert_eq!(out.code, 0, "{}", out.stderr);
    serde_json::from_str(&out.stdout).expect("compare prints JSON")
}

/// indicator id -> (self, consensus, flag)
fn indicators(value: &Value) -> Vec<(String, Value, Value, Value)> {
    value["indicators"]
        .as_array()
        .expect("indicators")
        .iter()
        .map(|i| {
            (
                i["id"].as_str().unwrap_or_default().to_string(),
                i["self"].clone(),
                i["consensus"].clone(),
                i["flag"].clone(),
            )
        })
        .collect()
}

fn row(id: &str, own: Value, consensus: Value, flag: Value) -> (String, Value, Value, Value) {
    (id.to_string(), own, consensus, flag)
}

#[test]
fn three_other_raters_take_the_middle_value_and_flag_disagreements() {
    let value = json_of(&[&file("")]);
    assert_eq!(value["subject"], "Alex Rivera");
    assert_eq!(
        value["framework"],
        json!({ "id": "teamwork-walk", "version": "1.0" })
    );
    let names: Vec<&str> = value["raters"]
        .as_array()
        .expect("raters")
        .iter()
        .map(|r| r["name"].as_str().unwrap_or_default())
        .collect();
    assert_eq!(names, ["Alex Rivera", "Sam Lee", "Jo Chen", "Kim Park"]);
    assert_eq!(value["raters"][3]["complete"], false);
    assert_eq!(
        indicators(&value),
        vec![
            row("lis-1", json!(4), json!(2), json!("blind_spot")),
            row("lis-2", json!(3), json!(3), Value::Null),
            row("lis-3", json!(3), json!(4), Value::Null),
            row("lis-4", json!(3), json!(2), json!("blind_spot")),
            row("lis-5", json!(2), json!(3), json!("hidden_strength")),
            row("sha-1", json!(2), json!(3), json!("hidden_strength")),
            row("sha-2", json!(2), json!(3), json!("hidden_strength")),
            row("sha-3", json!("na"), json!(1), Value::Null),
        ]
    );
    // Consensus: listening starting has lis-1 2 and lis-2 3, half shown: no level, 0.5.
    // Self: starting and growing held, leading's only indicator 2: growing, 2.0.
    let listening = &value["competencies"][0];
    assert_eq!(listening["id"], "listening");
    assert_eq!(
        listening["self"],
        json!({ "applicable": true, "level": "growing", "rank": 2, "score": 2.0, "coverage": { "answered": 5, "of": 5 } })
    );
    assert_eq!(
        listening["consensus"],
        json!({ "applicable": true, "level": null, "rank": 0, "score": 0.5, "coverage": { "answered": 5, "of": 5 } })
    );
    let sharing = &value["competencies"][1];
    assert_eq!(
        sharing["consensus"],
        json!({ "applicable": true, "level": "starting", "rank": 1, "score": 1.0, "coverage": { "answered": 3, "of": 3 } })
    );
    assert_eq!(
        sharing["self"],
        json!({ "applicable": true, "level": null, "rank": 0, "score": 0.0, "coverage": { "answered": 3, "of": 3 } })
    );
    assert_eq!(sharing["raters"][1]["name"], "Jo Chen");
    assert_eq!(sharing["raters"][1]["score"], 0.5);
    assert_eq!(
        value["indicators"][0]["values"][0],
        json!({ "name": "Sam Lee", "relation": "manager", "value": 2, "note": "cuts in at stand-ups" })
    );
}

#[test]
fn two_other_raters_take_the_lower_middle_value_and_all_na_stays_na() {
    let value = json_of(&[
        &file("alex.json"),
        &file("alex-by-sam.json"),
        &file("alex-by-kim.json"),
    ]);
    assert_eq!(
        indicators(&value),
        vec![
            row("lis-1", json!(4), json!(2), json!("blind_spot")),
            row("lis-2", json!(3), json!(2), json!("blind_spot")),
            row("lis-3", json!(3), json!(3), Value::Null),
            row("lis-4", json!(3), json!(1), json!("blind_spot")),
            row("lis-5", json!(2), json!("na"), Value::Null),
            row("sha-1", json!(2), json!(3), json!("hidden_strength")),
            row("sha-2", json!(2), json!(3), json!("hidden_strength")),
            row("sha-3", json!("na"), json!(1), Value::Null),
        ]
    );
}

#[test]
fn without_self_there_is_no_self_and_no_flag() {
    let value = json_of(&[&file("alex-by-sam.json"), &file("alex-by-jo.json")]);
    for i in value["indicators"].as_array().expect("indicators") {
        assert_eq!(i["self"], Value::Null, "{i}");
        assert_eq!(i["flag"], Value::Null, "{i}");
    }
    // lis-5: na and 3 -> 3; sha-3: 1 and na -> 1; lis-1: 2 and 1 -> 1.
    assert_eq!(value["indicators"][0]["consensus"], 1);
    assert_eq!(value["indicators"][4]["consensus"], 3);
    assert_eq!(value["indicators"][7]["consensus"], 1);
    assert_eq!(value["competencies"][0]["self"], Value::Null);
}

#[test]
fn self_alone_has_no_consensus() {
    let value = json_of(&[&file("alex.json")]);
    assert_eq!(value["competencies"][0]["consensus"], Value::Null);
    assert_eq!(value["indicators"][0]["consensus"], Value::Null);
    assert_eq!(value["indicators"][0]["self"], 4);
}

#[test]
fn the_table_shows_levels_values_flags_and_the_later_file_counts() {
    let out = compare(&[&file("")]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    insta::assert_snapshot!("compare_table", out.stdout);
    // The table's short marks are said in words once, below it.
    assert!(
        out.stdout.contains("na: not applicable; –: not rated.\n"),
        "{}",
        out.stdout
    );
    assert!(
        out.stderr.contains(
            "note: tests/fixtures/360/old/alex-by-sam-january.json: not counted, tests/fixtures/360/alex-by-sam.json is later"
        ),
        "{}",
        out.stderr
    );
}

#[test]
fn anonymous_shows_peers_by_number_without_names_files_or_notes() {
    for format in ["table", "json", "markdown", "html"] {
        let out = compare(&[&file(""), "--anonymous", "--format", format]);
        assert_eq!(out.code, 0, "{format}: {}", out.stderr);
        for hidden in [
            "Kim",
            "Jo Chen",
            "alex-by-kim",
            "alex-by-jo",
            "held firm in the design review",
        ] {
            assert!(
                !out.stdout.contains(hidden),
                "{format} shows {hidden:?}:\n{}",
                out.stdout
            );
        }
        assert!(out.stdout.contains("peer 1"), "{format}: {}", out.stdout);
        assert!(out.stdout.contains("peer 2"), "{format}: {}", out.stdout);
        assert!(out.stdout.contains("Sam Lee"), "{format}: {}", out.stdout);
    }
}

#[test]
fn anonymous_numbers_do_not_follow_the_peers_names() {
    // Jo's and Kim's files with their names swapped: were peers numbered by name, `peer 1`
    // would now carry the other person's answers, and the order would tell who is who.
    let read =
        |name: &str| std::fs::read_to_string(fixture(&format!("360/{name}"))).expect("fixture");
    let swapped = |text: String, from: &str, to: &str| text.replace(from, to);
    let as_written = sandbox_with(&[
        ("alex-by-jo.json", &read("alex-by-jo.json")),
        ("alex-by-kim.json", &read("alex-by-kim.json")),
    ]);
    let renamed = sandbox_with(&[
        (
            "alex-by-jo.json",
            &swapped(read("alex-by-jo.json"), "Jo Chen", "Kim Park"),
        ),
        (
            "alex-by-kim.json",
            &swapped(read("alex-by-kim.json"), "Kim Park", "Jo Chen"),
        ),
    ]);
    let shown = |dir: &tempfile::TempDir| {
        let path = dir.path().display().to_string();
        let out = compare(&[&path, "--anonymous", "--format", "json"]);
        assert_eq!(out.code, 0, "{}", out.stderr);
        assert!(!out.stdout.contains("Jo Chen") && !out.stdout.contains("Kim Park"));
        out.stdout.replace(&path, "DIR")
    };
    assert_eq!(shown(&as_written), shown(&renamed));
}

#[test]
fn anonymous_never_names_a_hidden_raters_earlier_file() {
    let kim = std::fs::read_to_string(fixture("360/alex-by-kim.json")).expect("fixture");
    let earlier = kim.replace("2026-06-03T10:00:00Z", "2026-01-03T10:00:00Z");
    let dir = sandbox_with(&[
        ("alex-by-kim.json", &kim),
        ("kim-park-january.json", &earlier),
    ]);
    let path = dir.path().display().to_string();
    let hidden = compare(&[&path, "--anonymous", "--format", "json"]);
    assert_eq!(hidden.code, 0, "{}", hidden.stderr);
    assert!(
        !hidden.stderr.contains("kim-park") && !hidden.stderr.contains("alex-by-kim"),
        "{}",
        hidden.stderr
    );
    assert!(
        hidden
            .stderr
            .contains("an earlier file of a rater shown by number is not counted"),
        "{}",
        hidden.stderr
    );
    let named = compare(&[&path, "--format", "json"]);
    assert!(
        named.stderr.contains("kim-park-january.json: not counted"),
        "{}",
        named.stderr
    );
}

#[test]
fn markdown_and_html_carry_the_flags() {
    let md = compare(&[&file(""), "--format", "markdown"]);
    assert_eq!(md.code, 0, "{}", md.stderr);
    insta::assert_snapshot!("compare_markdown", md.stdout);
    let html = compare(&[&file(""), "--format", "html"]);
    assert_eq!(html.code, 0, "{}", html.stderr);
    let page = html.stdout;
    assert!(page.contains("Content-Security-Policy"), "{page}");
    assert!(page.contains("<svg"), "{page}");
    assert!(!page.contains("<script"), "{page}");
    assert!(
        !page.contains("http://") && !page.contains("https://"),
        "{page}"
    );
    assert_eq!(page.matches("\"blind_spot\">blind spot").count(), 2);
    assert_eq!(
        page.matches("\"hidden_strength\">hidden strength").count(),
        3
    );
}

fn sandbox_with(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temporary folder");
    for name in ["alex.json", "alex-by-sam.json"] {
        std::fs::copy(fixture(&format!("360/{name}")), dir.path().join(name)).expect("copy");
    }
    for (name, text) in files {
        std::fs::write(dir.path().join(name), text).expect("write");
    }
    dir
}

fn listing(dir: &std::path::Path) -> Vec<PathBuf> {
    let mut names: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("list")
        .map(|e| e.expect("entry").path())
        .collect();
    names.sort();
    names
}

#[test]
fn files_of_two_people_are_refused_naming_each_file() {
    let other = std::fs::read_to_string(fixture("360/alex-by-jo.json"))
        .expect("fixture")
        .replace("Alex Rivera", "Bo Diaz");
    let dir = sandbox_with(&[("bo.json", &other)]);
    let out = compare(&[&dir.path().display().to_string()]);
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert!(out.stderr.contains("of 2 people"), "{}", out.stderr);
    assert!(
        out.stderr.contains("bo.json: \"Bo Diaz\""),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr.contains("alex.json: \"Alex Rivera\""),
        "{}",
        out.stderr
    );
    assert_eq!(out.stdout, "");
}

#[test]
fn another_framework_is_refused_even_with_skip_invalid() {
    let other = std::fs::read_to_string(fixture("360/alex-by-jo.json"))
        .expect("fixture")
        .replace("\"teamwork-walk\"", "\"networking\"");
    let dir = sandbox_with(&[("jo.json", &other)]);
    let out = compare(&[&dir.path().display().to_string(), "--skip-invalid"]);
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert!(
        out.stderr
            .contains("jo.json: other framework: an assessment of framework \"networking\""),
        "{}",
        out.stderr
    );
}

#[test]
fn bad_files_are_each_named_with_their_reason_and_skipped_on_request() {
    let dir = sandbox_with(&[
        (
            "broken.json",
            "{\"format\": \"rungs-assessment/1\", \"ratings\": {",
        ),
        ("package.json", "{\"name\": \"left-pad\"}"),
        ("notes.txt", "not json, not looked at"),
    ]);
    let before = listing(dir.path());
    let path = dir.path().display().to_string();
    let out = compare(&[&path]);
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert_eq!(out.stdout, "");
    let shown = out.stderr.replace(&path, "[DIR]");
    assert!(
        shown.contains("error: [DIR]/broken.json: corrupt: "),
        "{shown}"
    );
    assert!(
        shown.contains("error: [DIR]/package.json: not an assessment: "),
        "{shown}"
    );
    assert!(!shown.contains("notes.txt"), "{shown}");
    assert!(shown.contains("--skip-invalid"), "{shown}");

    let out = compare(&[&path, "--skip-invalid", "--format", "json"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let shown = out.stderr.replace(&path, "[DIR]");
    assert!(
        shown.contains("skipped: [DIR]/broken.json: corrupt"),
        "{shown}"
    );
    assert!(
        shown.contains("skipped: [DIR]/package.json: not an assessment"),
        "{shown}"
    );
    let value: Value = serde_json::from_str(&out.stdout).expect("JSON");
    assert_eq!(value["raters"].as_array().map(Vec::len), Some(2));
    assert_eq!(
        listing(dir.path()),
        before,
        "nothing is written next to the inputs"
    );
}

#[test]
fn a_file_without_subject_belongs_to_its_stem() {
    let text = std::fs::read_to_string(fixture("360/alex.json"))
        .expect("fixture")
        .replace("  \"subject\": \"Alex Rivera\",\n", "");
    let dir = tempfile::tempdir().expect("temporary folder");
    std::fs::write(dir.path().join("alex.json"), text).expect("write");
    let value = json_of(&[&dir.path().join("alex.json").display().to_string()]);
    assert_eq!(value["subject"], "alex");
    assert_eq!(value["raters"][0]["relation"], "self");
}

#[test]
fn two_people_because_a_file_records_no_name_says_how_to_name_it() {
    let mut own: Value =
        serde_json::from_str(&std::fs::read_to_string(fixture("360/alex.json")).expect("fixture"))
            .expect("JSON");
    own.as_object_mut().expect("object").remove("subject");
    let dir = sandbox_with(&[("me.json", &own.to_string())]);
    let me = dir.path().join("me.json").display().to_string();
    let out = compare(&[&me, &file("alex-by-sam.json")]);
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert!(
        out.stderr.contains("me.json: no name recorded"),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr.contains(
            "when they are one person, name them alike: rungs assess --resume FILE --subject NAME"
        ),
        "{}",
        out.stderr
    );
}

#[test]
fn indicators_show_their_text_flags_are_explained_and_one_anonymous_peer_is_warned_of() {
    let out = compare(&[
        &file("alex.json"),
        &file("alex-by-sam.json"),
        &file("alex-by-jo.json"),
        "--anonymous",
    ]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let flat = out.stdout.split_whitespace().collect::<Vec<_>>().join(" ");
    let cells: Vec<&str> = out
        .stdout
        .lines()
        .filter_map(|l| l.strip_prefix("│ "))
        .filter_map(|l| l.split(" ┆").next())
        .map(str::trim)
        .collect();
    let first = cells.join(" ");
    assert!(
        first.contains("Lets others finish before answering (lis-1)"),
        "the indicator's text, wrapped, then its id: {}",
        out.stdout
    );
    assert!(
        flat.contains("A blind spot: self rates it demonstrated (3 or more), the consensus does not. A hidden strength: the consensus rates it demonstrated, self does not."),
        "{}",
        out.stdout
    );
    assert!(
        out.stderr
            .contains("warning: --anonymous: only one peer rated"),
        "{}",
        out.stderr
    );
    let two_peers = compare(&[
        &file("alex.json"),
        &file("alex-by-jo.json"),
        &file("alex-by-kim.json"),
        "--anonymous",
    ]);
    assert_eq!(two_peers.code, 0, "{}", two_peers.stderr);
    assert!(
        !two_peers.stderr.contains("only one peer"),
        "{}",
        two_peers.stderr
    );
}

#[test]
fn the_readme_360_session_is_real_output() {
    // Alex Rivera rated by self, a manager and two peers on lasting-relationships, each file made
    // with `assess --answers` from tests/fixtures/readme/360-answers.
    let out = crate::support::command(&["compare", "tests/fixtures/readme/360/", "--anonymous"])
        .env("NO_COLOR", "1")
        .succeeds();
    assert!(
        out.contains("6 blind spots, 1 hidden strength."),
        "docs/360.md's ratings no longer give its flags:\n{out}"
    );
    let readme = crate::support::doc("docs/360.md");
    assert!(
        readme.contains(&format!("```text\n{out}```")),
        "docs/360.md's 360 session differs from what rungs prints now:\n{out}"
    );
}

#[test]
fn indicators_the_other_raters_split_on_are_marked_in_every_format_with_the_legend() {
    // Others (Sam, Jo, Kim): lis-1 2 1 3, lis-2 3 4 2 and sha-2 3 2 4 differ by 2; the rest
    // by 1 at most (na and unrated left out).
    let value = json_of(&[&file("")]);
    let split: Vec<(String, bool, Value)> = value["indicators"]
        .as_array()
        .expect("indicators")
        .iter()
        .map(|i| {
            (
                i["id"].as_str().unwrap_or_default().to_string(),
                i["split"].as_bool().expect("split is a boolean"),
                i["flag"].clone(),
            )
        })
        .collect();
    let marked: Vec<&str> = split
        .iter()
        .filter(|(_, s, _)| *s)
        .map(|(id, _, _)| id.as_str())
        .collect();
    assert_eq!(marked, vec!["lis-1", "lis-2", "sha-2"]);
    // The rule is kept: lis-1's consensus is the lower middle value, 2, a blind spot.
    assert_eq!(split[0].2, json!("blind_spot"));

    let table = compare(&[&file("")]);
    assert_eq!(table.code, 0, "{}", table.stderr);
    let flat = table
        .stdout
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    assert!(
        table.stdout.lines().any(|l| l.ends_with("┆ split      │")),
        "{}",
        table.stdout
    );
    assert!(flat.contains("; 3 split."), "{}", table.stdout);
    assert!(
        flat.contains("Split: the other raters' values differ by 2 or more"),
        "{}",
        table.stdout
    );
    let markdown = compare(&[&file(""), "--format", "markdown"]);
    assert!(
        markdown.stdout.contains("| **blind spot, split** |"),
        "{}",
        markdown.stdout
    );
    assert!(markdown.stdout.contains("Split: the other raters"));
    let html = compare(&[&file(""), "--format", "html"]);
    assert!(
        html.stdout
            .contains("<td class=\"blind_spot\">blind spot, split</td>"),
        "{}",
        html.stdout
    );
    assert!(html.stdout.contains("Split: the other raters&#39; values"));

    // Two raters who agree within 1 split on nothing, and the legend says nothing of it.
    let agree = compare(&[&file("alex.json"), &file("alex-by-sam.json")]);
    assert!(!agree.stdout.contains("plit"), "{}", agree.stdout);
}

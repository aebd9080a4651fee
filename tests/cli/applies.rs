//! Contract section 10 through the CLI: what does not apply, how close the next level is, how
//! well each role fits, and ladders that are phases.
//!
//! `tests/fixtures/applies/skills.yaml` (role_fit 0.6) rated by Sam (`sam.json`, from
//! `sam.yaml`), by hand:
//!
//! | competency | answers | level | next |
//! | --- | --- | --- | --- |
//! | Coding | follow 2 of 3 (3 needed), assist 2 of 2, apply 0 of 1 | none, 0.67 | 1 more at Follow holds Assist |
//! | Testing | follow 2 of 2, assist 1 of 1, apply na | 2 assist (apply passed over) | none |
//! | Research | every indicator na | not applicable | none |
//! | Rollout (phases) | follow 0 of 1, assist 1 of 1, apply unanswered | 2 assist | 1 more at Apply holds it |
//!
//! Roles: Contributor (coding, testing, rollout at assist) 2 of 3 met, 2 short: fits (2/3 >=
//! 0.6); Practitioner (coding, testing, research at assist) 1 of 3, research not applicable, 2
//! short; Lead (coding, testing, rollout at apply) 1 of 3 (testing met: apply passed over),
//! 4 short (coding 3, rollout 1). Best fit Contributor; next Practitioner, 2 levels.

use serde_json::{json, Value};

use crate::support::{command, run};

const FRAMEWORK: &str = "tests/fixtures/applies/skills.yaml";
const SAM: &str = "tests/fixtures/applies/sam.json";

fn report(args: &[&str]) -> String {
    report_at("80", args)
}

/// The report on a terminal `columns` wide.
fn report_at(columns: &str, args: &[&str]) -> String {
    let mut all = vec!["report", SAM, "--framework", FRAMEWORK];
    all.extend_from_slice(args);
    let out = command(&all).env("COLUMNS", columns).run();
    assert_eq!(out.code, 0, "{}", out.stderr);
    out.stdout
}

fn competency<'a>(value: &'a Value, id: &str) -> &'a Value {
    value["competencies"]
        .as_array()
        .expect("competencies")
        .iter()
        .find(|c| c["id"] == id)
        .expect("the competency")
}

#[test]
fn report_json_follows_section_10() {
    let value: Value =
        serde_json::from_str(&report(&["--format", "json", "--target", "practitioner"]))
            .expect("json");
    let research = competency(&value, "research");
    assert_eq!(research["applicable"], false);
    assert_eq!(
        (&research["level"], &research["rank"], &research["score"]),
        (&Value::Null, &json!(0), &Value::Null)
    );
    assert_eq!(
        research["gap"],
        Value::Null,
        "no gap for what does not apply"
    );
    assert_eq!(research["met"], false, "never met for a role that names it");
    assert_eq!(research["next"], Value::Null);

    let coding = competency(&value, "coding");
    assert_eq!(coding["applicable"], true);
    assert_eq!(coding["level"], Value::Null);
    assert!((coding["score"].as_f64().expect("a score") - 2.0 / 3.0).abs() < 1e-12);
    let next = &coding["next"];
    assert_eq!(
        (
            &next["level"],
            &next["demonstrated"],
            &next["needed"],
            &next["more"],
            &next["unrated"],
            &next["unlocks"]
        ),
        (
            &json!("follow"),
            &json!(2),
            &json!(3),
            &json!(1),
            &json!(0),
            &json!("assist")
        ),
        "one more at follow holds assist too: the cliff"
    );

    let testing = competency(&value, "testing");
    assert_eq!(
        (&testing["level"], &testing["score"]),
        (&json!("assist"), &json!(2.0))
    );
    assert_eq!(testing["next"], Value::Null, "apply is passed over");

    let rollout = competency(&value, "rollout");
    assert_eq!(
        rollout["level"], "assist",
        "phases: follow not shown does not gate"
    );
    assert_eq!(
        (
            &rollout["next"]["level"],
            &rollout["next"]["unrated"],
            &rollout["next"]["unlocks"]
        ),
        (&json!("apply"), &json!(1), &json!("apply"))
    );

    assert_eq!(value["role_fit"], 0.6);
    assert_eq!(
        value["roles"],
        json!([
            { "id": "contributor", "name": "Contributor", "met": 2, "of": 3, "short": 2, "not_applicable": 0, "fits": true },
            { "id": "practitioner", "name": "Practitioner", "met": 1, "of": 3, "short": 2, "not_applicable": 1, "fits": false },
            { "id": "lead", "name": "Lead", "met": 1, "of": 3, "short": 4, "not_applicable": 0, "fits": false },
        ])
    );
    assert_eq!(value["best_fit"]["role"], "contributor");
    assert_eq!(value["best_fit"]["next"], "practitioner");
    assert_eq!(value["best_fit"]["next_gap"], 2);
}

#[test]
fn the_table_says_not_applicable_the_next_step_in_words_and_the_roles() {
    insta::assert_snapshot!("applies_table_lead", report(&["--target", "lead"]));
}

#[test]
fn markdown_html_and_csv_say_the_same() {
    let markdown = report(&["--format", "markdown"]);
    for expected in [
        "| Research | not applicable | – | `░░░░░░` | not applicable |",
        "| Coding | none | 0.67 | `█▍░░░░` | 1 more at Follow holds level 2 · Assist |",
        "| Contributor (`contributor`) | 2 of 3 met | 2 | yes |",
        "| Practitioner (`practitioner`) | 1 of 3 met (1 not applicable) | 2 | no |",
        "**Roles (a role fits when 60% of the competencies it names are met)**",
    ] {
        assert!(markdown.contains(expected), "{expected}\n{markdown}");
    }
    let html = report(&["--format", "html"]);
    for expected in [
        "<td>Research</td><td>not applicable</td><td class=\"num\">–</td><td>not applicable</td>",
        "<td>1 more at Follow holds level 2 · Assist</td>",
        "<tr data-role=\"practitioner\"><td>Practitioner</td><td>1 of 3 met (1 not applicable)</td><td class=\"num\">2</td><td>no</td></tr>",
    ] {
        assert!(html.contains(expected), "{expected}\n{html}");
    }
    let csv = report(&["--format", "csv"]);
    let rows: Vec<&str> = csv.lines().collect();
    assert!(
        rows[0].ends_with(",next_gap,competency_level,next_step,roles"),
        "{}",
        rows[0]
    );
    let research = rows
        .iter()
        .find(|r| r.contains(",res-1a,"))
        .expect("a research row");
    assert!(
        research.contains(",not applicable,not applicable,Contributor (contributor): 2 of 3 met · 2 levels short · fits: yes; Practitioner (practitioner): 1 of 3 met (1 not applicable) · 2 levels short · fits: no; Lead (lead): 1 of 3 met · 4 levels short · fits: no"),
        "{research}"
    );
    let coding = rows
        .iter()
        .find(|r| r.contains(",cod-1a,"))
        .expect("a coding row");
    assert!(
        coding.contains(",none,1 more at Follow holds level 2 · Assist,"),
        "{coding}"
    );
}

#[test]
fn explain_says_when_levels_are_phases_and_what_does_not_apply() {
    let text = report_at("250", &["--explain"]);
    assert!(
        text.contains("Rollout: levels are phases, each tested on its own (a lower one does not gate a higher one); level 3 (Reviews a rollout) not held"),
        "{text}"
    );
    assert!(
        text.contains(
            "Research: not applicable: every indicator on its ladder is answered not applicable"
        ),
        "{text}"
    );
    assert!(
        text.contains("level 3 (Apply) passed over: every indicator is not applicable, so it neither holds nor blocks"),
        "{text}"
    );
    // Phases done in any order raise no inversion warning.
    assert!(!text.contains("Worth a second look"), "{text}");
}

#[test]
fn team_counts_not_applicable_and_fits_each_person_by_the_same_rule() {
    let out = run(&[
        "team",
        "tests/fixtures/applies/team",
        "--framework",
        FRAMEWORK,
        "--format",
        "json",
    ]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let value: Value = serde_json::from_str(&out.stdout).expect("json");
    let research = competency(&value, "research");
    assert_eq!(
        research["distribution"],
        json!({ "none": 0, "follow": 0, "assist": 0, "not_applicable": 2 })
    );
    let subjects = value["subjects"].as_array().expect("subjects");
    let sam = subjects
        .iter()
        .find(|s| s["subject"] == "Sam")
        .expect("Sam");
    assert_eq!(sam["best_fit"]["role"], "contributor");
    assert_eq!(sam["best_fit"]["next"], "practitioner");
    let alex = subjects
        .iter()
        .find(|s| s["subject"] == "Alex")
        .expect("Alex");
    // Alex: every level shown but research, which does not apply: Lead fits (3 of 3),
    // Practitioner could fit at 2 of 3 >= 0.6.
    assert_eq!(alex["best_fit"]["role"], "lead");
    let research_of_alex = &alex["competencies"][2];
    assert_eq!(
        (&research_of_alex["applicable"], &research_of_alex["score"]),
        (&json!(false), &Value::Null)
    );
    let table = run(&[
        "team",
        "tests/fixtures/applies/team",
        "--framework",
        FRAMEWORK,
    ]);
    assert!(
        table.stdout.contains("· for none; na not applicable;"),
        "{}",
        table.stdout
    );
}

#[test]
fn diff_and_history_give_no_score_for_what_does_not_apply() {
    let dir = tempfile::tempdir().expect("a folder");
    let before = dir.path().join("before.json");
    let mut value: Value =
        serde_json::from_str(&std::fs::read_to_string(SAM).expect("sam")).expect("json");
    value["ratings"]["res-1a"] = json!({ "value": 4 });
    value["started_at"] = json!("2026-01-04T09:00:00Z");
    std::fs::write(&before, value.to_string()).expect("write");
    let before = before.display().to_string();
    let out = run(&[
        "diff",
        &before,
        SAM,
        "--framework",
        FRAMEWORK,
        "--format",
        "json",
    ]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let diff: Value = serde_json::from_str(&out.stdout).expect("json");
    let research = competency(&diff, "research");
    assert_eq!(
        (
            &research["from_score"],
            &research["to_score"],
            &research["score_change"]
        ),
        (&json!(1.0), &Value::Null, &Value::Null)
    );
    let out = run(&[
        "history",
        &before,
        SAM,
        "--framework",
        FRAMEWORK,
        "--format",
        "json",
    ]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let history: Value = serde_json::from_str(&out.stdout).expect("json");
    let research = competency(&history, "research");
    assert_eq!(research["scores"], json!([1.0, null]));
}

#[test]
fn show_says_role_fit_phases_and_own_thresholds() {
    let dir = tempfile::tempdir().expect("a folder");
    let text = std::fs::read_to_string(FRAMEWORK)
        .expect("framework")
        .replace(
            "    name: Testing\n",
            "    name: Testing\n    threshold: 1\n",
        );
    let file = dir.path().join("skills.yaml");
    std::fs::write(&file, text).expect("write");
    let file = file.display().to_string();
    let table = command(&["show", &file]).env("COLUMNS", "200").run();
    assert_eq!(table.code, 0, "{}", table.stderr);
    for expected in [
        "Testing: a level passes when 100% of its indicators are demonstrated.",
        "The levels of Rollout are phases: each is tested on its own, a lower one does not gate a higher one.",
        "A role fits when 60% of the competencies it names are met.",
    ] {
        assert!(table.stdout.contains(expected), "{expected}\n{}", table.stdout);
    }
    let out = run(&["show", &file, "--format", "json"]);
    let value: Value = serde_json::from_str(&out.stdout).expect("json");
    assert_eq!(
        (&value["gating"], &value["role_fit"]),
        (&json!(true), &json!(0.6))
    );
    assert_eq!(competency(&value, "testing")["threshold"], 1.0);
    assert_eq!(competency(&value, "rollout")["gating"], false);
    assert_eq!(competency(&value, "coding").get("gating"), None);
}

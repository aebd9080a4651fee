//! `report --explain` (why each level stands where it does) and the ratings worth a second look
//! (inversions, flat answers, missing evidence), after an assessment and in every report.

use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::support::{command, fixture, Run};

const FRAMEWORKS: &str = "tests/fixtures/frameworks";
const TEAMWORK: &str = "tests/fixtures/assessments/teamwork/2026-03-01.json";

fn report(args: &[&str]) -> String {
    command(&["report", TEAMWORK, "--frameworks", FRAMEWORKS, "--quiet"])
        .args(args)
        .succeeds()
}

#[test]
fn explain_says_why_each_level_is_held_or_not_in_every_format() {
    insta::assert_snapshot!("explain_table", report(&["--explain"]));
    insta::assert_snapshot!(
        "explain_markdown",
        report(&["--explain", "--format", "markdown"])
    );

    let json: Value =
        serde_json::from_str(&report(&["--explain", "--format", "json"])).expect("valid JSON");
    let feedback = &json["competencies"][1];
    assert_eq!(feedback["id"], "feedback");
    let explain = &feedback["explain"];
    assert_eq!(
        explain["summary"],
        "level 1 (Asks for feedback) not held: 1 of 2 demonstrated, 2 needed (80%)"
    );
    assert_eq!(explain["levels"][0]["status"], "below_threshold");
    assert_eq!(explain["levels"][0]["rated"], 2);
    assert_eq!(explain["levels"][0]["demonstrated"], 1);
    assert_eq!(explain["levels"][0]["needed"], 2);
    assert_eq!(explain["levels"][0]["unrated"], 0);
    assert_eq!(explain["levels"][1]["status"], "lower_not_held");
    assert_eq!(
        explain["levels"][1]["reason"],
        "level 2 (Gives specific feedback) not counted: level 1 is not held"
    );
    assert_eq!(explain["levels"][1]["unrated"], 1);
    let planning = &json["competencies"][2]["explain"]["levels"];
    assert_eq!(planning[0]["not_applicable"], 2);
    assert_eq!(planning[0]["status"], "held");

    let html = report(&["--explain", "--format", "html"]);
    assert!(html.contains("<section id=\"explain\">"), "{html}");
    assert!(
        html.contains("<li>level 2 (Gives specific feedback) not counted: level 1 is not held;"),
        "{html}"
    );

    let csv = report(&["--explain", "--format", "csv"]);
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(
        lines[0],
        "competency_id,competency,level_rank,level_id,level,indicators,rated,demonstrated,not_applicable,unrated,share,needed,status,reason"
    );
    assert_eq!(
        lines.len(),
        1 + 3 + 2 + 2,
        "one row per level of each ladder"
    );
    assert!(
        lines.contains(&"feedback,Giving feedback,1,starting,Asks for feedback,2,2,1,0,0,0.5,2,below_threshold,\"level 1 (Asks for feedback) not held: 1 of 2 demonstrated, 2 needed (80%)\""),
        "{csv}"
    );
}

#[test]
fn the_explain_csv_carries_each_share_exactly_as_json_does() {
    let dir = tempfile::tempdir().expect("temp dir");
    // Planning's practising level: 1 of 3 demonstrated, a share no decimal ends.
    let answers = dir.path().join("answers.yaml");
    std::fs::write(
        &answers,
        "planning.practising.1: 3\nplanning.practising.2: 1\nplanning.practising.3: 1\n",
    )
    .expect("answers");
    let saved = dir.path().join("saved.json");
    command(&[
        "assess",
        "tests/fixtures/frameworks/teamwork.yaml",
        "--quiet",
        "--answers",
    ])
    .arg(&answers)
    .arg("--out")
    .arg(&saved)
    .succeeds();
    let report = |format: &str| {
        command(&["report", "--quiet", "--explain", "--format", format])
            .arg(&saved)
            .succeeds()
    };
    let json: Value = serde_json::from_str(&report("json")).expect("valid JSON");
    let from_json: Vec<(String, String)> = json["competencies"]
        .as_array()
        .expect("competencies")
        .iter()
        .flat_map(|c| {
            c["explain"]["levels"]
                .as_array()
                .expect("levels")
                .iter()
                .map(move |l| {
                    (
                        format!("{},{}", c["id"], l["level"]),
                        l["share"].to_string(),
                    )
                })
        })
        .map(|(key, share)| (key.replace('"', ""), share))
        .collect();
    let csv = report("csv");
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let from_csv: Vec<(String, String)> = reader
        .records()
        .map(|row| {
            let row = row.expect("a CSV row");
            (format!("{},{}", &row[0], &row[3]), row[10].to_string())
        })
        .collect();
    assert_eq!(from_csv, from_json);
    assert!(
        from_csv.contains(&(
            "planning,practising".to_string(),
            (1.0_f64 / 3.0).to_string()
        )),
        "{from_csv:?}"
    );
}

#[test]
fn without_explain_the_report_is_as_before() {
    let json: Value = serde_json::from_str(&report(&["--format", "json"])).expect("valid JSON");
    assert!(json["competencies"][0].get("explain").is_none());
    assert_eq!(json["warnings"], serde_json::json!([]));
    assert!(!report(&[]).contains("Why these levels"));
}

/// Assess the habits framework from an answers file; the saved file and what was printed.
fn assessed(dir: &Path, answers: &str, extra: &[&str]) -> (PathBuf, Run) {
    let saved = dir.join("saved.json");
    let run = command(&["assess"])
        .arg(fixture("second-look/habits.yaml"))
        .arg("--answers")
        .arg(fixture(&format!("second-look/{answers}")))
        .arg("--out")
        .arg(&saved)
        .arg("--force")
        .args(extra)
        .env("NO_COLOR", "1")
        .run();
    assert_eq!(run.code, 0, "{}", run.stderr);
    (saved, run)
}

const INVERSION: &str = "Listening: Leading is rated demonstrated (l5, l6) while most of the lower Starting is not (2 of 2 rated: l1, l2); reconsider whether the higher ratings describe what you do now rather than what you aim for.";
const EVIDENCE: &str = "Listening: l5 is rated demonstrated without the note this framework asks for; add the evidence, or reconsider the rating.";
const FLAT: &str = "Writing: all 5 indicators are rated 2 (w1, w2, w3, w4, w5); reconsider each one on its own: do you really show every one of them equally?";

#[test]
fn ratings_that_do_not_hang_together_are_named_after_the_assessment_and_in_the_report() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (saved, run) = assessed(dir.path(), "uneven.yaml", &[]);
    let shown = saved.display().to_string();
    assert_eq!(
        run.stderr,
        format!(
            "warning: {INVERSION}\nwarning: {EVIDENCE}\nwarning: {FLAT}\n\
             Saved to {shown}\nWhy these levels: rungs report {shown} --explain\n"
        )
    );

    let json: Value = serde_json::from_str(
        &command(&["report", "--quiet", "--format", "json"])
            .arg(&saved)
            .succeeds(),
    )
    .expect("valid JSON");
    let warnings = json["warnings"].as_array().expect("warnings");
    let kinds: Vec<&str> = warnings
        .iter()
        .map(|w| w["kind"].as_str().unwrap_or(""))
        .collect();
    assert_eq!(kinds, ["inversion", "missing_evidence", "flat_answers"]);
    assert_eq!(warnings[0]["competency"], "listening");
    assert_eq!(
        warnings[0]["indicators"],
        serde_json::json!(["l1", "l2", "l5", "l6"])
    );
    assert_eq!(warnings[0]["message"], INVERSION);
    assert_eq!(warnings[1]["indicators"], serde_json::json!(["l5"]));
    assert_eq!(warnings[2]["value"], 2);
    // No score moves: Starting holds 0 of 2 and 0 of 3, so both competencies stand at 0.
    let scores: Vec<f64> = json["competencies"]
        .as_array()
        .expect("competencies")
        .iter()
        .map(|c| c["score"].as_f64().unwrap_or(-1.0))
        .collect();
    assert_eq!(scores, [0.0, 0.0]);

    let table = command(&["report", "--quiet"]).arg(&saved).succeeds();
    assert!(
        table.contains("\nWorth a second look\n  - Listening: Leading is rated"),
        "{table}"
    );
    let markdown = command(&["report", "--quiet", "--format", "markdown"])
        .arg(&saved)
        .succeeds();
    assert!(
        markdown.contains("## Worth a second look\n\n- Listening: Leading"),
        "{markdown}"
    );
    let html = command(&["report", "--quiet", "--format", "html"])
        .arg(&saved)
        .succeeds();
    assert!(html.contains("<section id=\"warnings\">"), "{html}");

    let (_, quiet) = assessed(dir.path(), "uneven.yaml", &["--quiet"]);
    assert_eq!(quiet.stderr, "", "--quiet silences the warnings too");
}

#[test]
fn one_value_for_everything_is_one_warning_for_the_whole_assessment() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (saved, run) = assessed(dir.path(), "all-threes.yaml", &[]);
    assert!(
        run.stderr.starts_with(
            "warning: Every rated indicator (11) has the same value, 3; reconsider each one on its own, since one answer for everything often means the statements were not weighed one by one.\nSaved to "
        ),
        "{}",
        run.stderr
    );
    let json: Value = serde_json::from_str(
        &command(&["report", "--quiet", "--format", "json"])
            .arg(&saved)
            .succeeds(),
    )
    .expect("valid JSON");
    assert_eq!(json["warnings"].as_array().map(Vec::len), Some(1));
    assert_eq!(json["warnings"][0]["competency"], Value::Null);
    assert_eq!(json["competencies"][0]["score"], 3.0, "every level held");
}

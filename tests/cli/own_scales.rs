//! A competency rated on a scale of its own (knowledge is not rated on a frequency scale):
//! answers files read its labels, and reports, compare and team count its ratings by its own
//! `demonstrated_at`.

use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::support::{run, Run};

const FRAMEWORK: &str = "tests/fixtures/frameworks/own-scales.yaml";

/// Save an assessment of [`FRAMEWORK`] from these answers, with extra `assess` arguments.
fn assess(dir: &Path, name: &str, answers: &str, extra: &[&str]) -> PathBuf {
    let answers_file = dir.join(format!("{name}.answers.yaml"));
    std::fs::write(&answers_file, answers).expect("answers written");
    let out = dir.join(format!("{name}.json"));
    let mut args = vec![
        "assess",
        FRAMEWORK,
        "--answers",
        answers_file.to_str().expect("utf-8 path"),
        "--output",
        out.to_str().expect("utf-8 path"),
    ];
    args.extend_from_slice(extra);
    let run = run(&args);
    assert_eq!(run.code, 0, "{}", run.stderr);
    out
}

fn report_json(file: &Path) -> Value {
    let out = run(&[
        "report",
        file.to_str().expect("utf-8 path"),
        "--format",
        "json",
    ]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    serde_json::from_str(&out.stdout).expect("report prints JSON")
}

fn levels(report: &Value) -> Vec<(String, Value)> {
    report["competencies"]
        .as_array()
        .expect("competencies")
        .iter()
        .map(|c| {
            (
                c["id"].as_str().unwrap_or_default().to_string(),
                c["level"].clone(),
            )
        })
        .collect()
}

#[test]
fn answers_take_each_competencys_own_labels_and_reports_count_by_its_own_bar() {
    let dir = tempfile::tempdir().expect("temp dir");
    // "Can explain" is 2 on knowing's scale, where 2 counts as demonstrated; 2 on the
    // framework's scale (Sometimes) would not.
    let file = assess(
        dir.path(),
        "self",
        "d1: Consistently\nd2: 4\nk1: Can explain\nk2: 2\n",
        &[],
    );
    let report = report_json(&file);
    assert_eq!(
        levels(&report),
        [
            ("doing".to_string(), "one".into()),
            ("knowing".to_string(), "one".into())
        ]
    );
    let labels: Vec<&str> = report["indicators"]
        .as_array()
        .expect("indicators")
        .iter()
        .map(|i| i["rating_label"].as_str().unwrap_or_default())
        .collect();
    assert_eq!(
        labels,
        ["Consistently", "Consistently", "Can explain", "Can explain"]
    );
    assert_eq!(report["own_scales"][0]["competency"], "knowing");
    assert_eq!(report["own_scales"][0]["demonstrated_at"], 2);

    let table = run(&["report", file.to_str().expect("utf-8 path")]);
    assert_eq!(table.code, 0, "{}", table.stderr);
    let flat = table
        .stdout
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    assert!(
        flat.contains(
            "Knowing is rated on a scale of its own, where 2 (Can explain) or more counts."
        ),
        "{}",
        table.stdout
    );
}

#[test]
fn a_label_or_value_of_another_scale_is_refused_with_the_indicators_own() {
    let dir = tempfile::tempdir().expect("temp dir");
    let answers = dir.path().join("answers.yaml");
    std::fs::write(&answers, "d1: Can explain\nd2: 3\nk1: Often\nk2: 4\n").expect("written");
    let out = run(&[
        "assess",
        FRAMEWORK,
        "--answers",
        answers.to_str().expect("utf-8 path"),
        "--output",
        dir.path().join("out.json").to_str().expect("utf-8 path"),
    ]);
    assert_eq!(out.code, 2, "{}", out.stderr);
    let shown = answers.display().to_string();
    assert_eq!(
        out.stderr.replace(&shown, "answers.yaml"),
        "error: answers.yaml:1:1: indicator \"d1\": \"Can explain\" is neither a scale value, a scale label nor na; use one of 1 (Rarely), 2 (Sometimes), 3 (Often), 4 (Consistently) or na\n\
         error: answers.yaml:3:1: indicator \"k1\": \"Often\" is neither a scale value, a scale label nor na; use one of 0 (Not yet), 1 (Partly), 2 (Can explain) or na\n\
         error: answers.yaml:4:1: indicator \"k2\": 4 is not on the scale; use one of 0 (Not yet), 1 (Partly), 2 (Can explain) or na\n"
    );
    assert!(!dir.path().join("out.json").exists(), "nothing saved");
}

#[test]
fn compare_and_team_flag_and_hold_by_the_competencys_own_bar() {
    let dir = tempfile::tempdir().expect("temp dir");
    let people = dir.path().join("people");
    std::fs::create_dir(&people).expect("folder");
    // Self: knowing at the top of its own scale; the peer: 1 (Partly), below its bar of 2 but
    // at the framework's 1 (Rarely), a value both scales have. 0 (Not yet) is a rating, not
    // "unrated", on knowing's scale.
    assess(
        &people,
        "alex",
        "d1: 4\nd2: 4\nk1: 2\nk2: 2\n",
        &["--subject", "Alex"],
    );
    assess(
        &people,
        "alex-by-jo",
        "d1: 4\nd2: 4\nk1: Partly\nk2: Not yet\n",
        &["--subject", "Alex", "--rater", "Jo", "--relation", "peer"],
    );
    let files: Vec<String> = ["alex.json", "alex-by-jo.json"]
        .iter()
        .map(|f| people.join(f).display().to_string())
        .collect();
    let out = run(&[
        "compare",
        &files[0],
        &files[1],
        "--framework",
        FRAMEWORK,
        "--format",
        "json",
    ]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let value: Value = serde_json::from_str(&out.stdout).expect("JSON");
    let flags: Vec<(&str, &Value, &Value)> = value["indicators"]
        .as_array()
        .expect("indicators")
        .iter()
        .map(|i| {
            (
                i["id"].as_str().unwrap_or_default(),
                &i["consensus"],
                &i["flag"],
            )
        })
        .collect();
    assert_eq!(
        flags[2],
        ("k1", &Value::from(1), &Value::from("blind_spot"))
    );
    assert_eq!(
        flags[3],
        ("k2", &Value::from(0), &Value::from("blind_spot"))
    );

    let team = |format: &str| -> Run {
        run(&[
            "team",
            people.to_str().expect("utf-8 path"),
            "--framework",
            FRAMEWORK,
            "--relation",
            "peer",
            "--format",
            format,
        ])
    };
    let out = team("json");
    assert_eq!(out.code, 0, "{}", out.stderr);
    let value: Value = serde_json::from_str(&out.stdout).expect("JSON");
    let held: Vec<&Value> = value["subjects"][0]["competencies"]
        .as_array()
        .expect("competencies")
        .iter()
        .map(|c| &c["level"])
        .collect();
    assert_eq!(held, [&Value::from("one"), &Value::Null]);
    let out = team("ndjson");
    assert_eq!(out.code, 0, "{}", out.stderr);
    let values: Vec<(String, Value)> = out
        .stdout
        .lines()
        .map(|l| serde_json::from_str::<Value>(l).expect("JSON line"))
        .map(|row| {
            (
                row["indicator"].as_str().unwrap_or_default().to_string(),
                row["value"].clone(),
            )
        })
        .collect();
    assert_eq!(
        values,
        [
            ("d1".to_string(), Value::from(4)),
            ("d2".to_string(), Value::from(4)),
            ("k1".to_string(), Value::from(1)),
            ("k2".to_string(), Value::from(0)),
        ]
    );
}

#[test]
fn show_gives_the_own_scale_the_origin_and_the_frameworks_guidance() {
    let out = run(&["show", FRAMEWORK]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let flat = out.stdout.split_whitespace().collect::<Vec<_>>().join(" ");
    for expected in [
        "Rated on a scale of its own: 0 Not yet · 1 Partly · 2 Can explain; 2 or more counts as demonstrated.",
        "┆ From: Author, 2020, p. 5 (quoted) │",
        "About the whole framework",
        "References • Author, A. (2020). A book about the work.",
    ] {
        assert!(flat.contains(expected), "{expected:?} in\n{}", out.stdout);
    }
    let markdown = run(&["show", FRAMEWORK, "--format", "markdown"]);
    assert!(
        markdown
            .stdout
            .contains("  From: Author, 2020, p. 5 (quoted)\n")
            && markdown
                .stdout
                .contains("## About the whole framework\n\n**References**\n"),
        "{}",
        markdown.stdout
    );
}

#[test]
fn an_empty_guidance_list_is_shown_empty_and_validate_warns_unless_a_note_says_why() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("empty.yaml");
    let text = std::fs::read_to_string(FRAMEWORK)
        .expect("fixture")
        .replace(
            "    items: [\"Author, A. (2020). A book about the work.\"]",
            "    items: []",
        );
    std::fs::write(&file, &text).expect("written");
    let path = file.to_str().expect("utf-8 path");
    let out = run(&["show", path]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stdout.contains("References\n  (no items)\n"),
        "{}",
        out.stdout
    );
    assert!(!out.stdout.contains("source text"), "{}", out.stdout);
    let validate = run(&["validate", path]);
    assert_eq!(validate.code, 0, "{}", validate.stderr);
    assert!(
        validate.stderr.starts_with(&format!(
            "{path}:28:12: warning: guidance \"References\" has no items; add them, or say why it is empty with `note`"
        )),
        "{}",
        validate.stderr
    );

    let noted = text.replace(
        "    items: []",
        "    items: []\n    note: The source text gives this heading with no content.",
    );
    std::fs::write(&file, noted).expect("written");
    let out = run(&["show", path]);
    assert!(
        out.stdout
            .contains("References\n  (The source text gives this heading with no content.)\n"),
        "{}",
        out.stdout
    );
    let validate = run(&["validate", path]);
    assert!(!validate.stderr.contains("warning"), "{}", validate.stderr);
}

//! Text from assessment and answers files (notes, subject, rater names) never reaches an output
//! with a control character or a bidirectional override in it: each is shown as `\u{..}`, and
//! the only escape sequences rungs writes are its own colours.

use crate::support::{command, fixture, Run};

const FRAMEWORKS: &str = "tests/fixtures/frameworks";
const OTHER: &str = "tests/fixtures/assessments/teamwork/2026-06-02.json";
/// One fixture per kind of character: C0 controls and DEL, C1 controls, bidirectional controls.
const CLASSES: [&str; 3] = ["c0", "c1", "bidi"];

/// Every character of `text` that rungs did not mean to write: any control character other
/// than newline, tab and a carriage return ending a line (CSV), and any bidirectional control, except (when `colour`) the ESC that
/// starts one of rungs' own colour sequences (`ESC [ digits ; ... m`).
fn unmeant(text: &str, colour: bool) -> Vec<String> {
    let mut found = Vec::new();
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '\u{1b}' && colour && chars.get(i + 1) == Some(&'[') {
            let mut j = i + 2;
            while j < chars.len() && (chars[j].is_ascii_digit() || chars[j] == ';') {
                j += 1;
            }
            if chars.get(j) == Some(&'m') {
                i = j + 1;
                continue;
            }
        }
        let line_end = c == '\r' && chars.get(i + 1) == Some(&'\n');
        let hidden = (c.is_control() && c != '\n' && c != '\t' && !line_end)
            || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}');
        if hidden {
            let start = i.saturating_sub(12);
            found.push(format!(
                "U+{:04X} after {:?}",
                u32::from(c),
                chars[start..i].iter().collect::<String>()
            ));
        }
        i += 1;
    }
    found
}

fn check(what: &str, run: &Run, colour: bool) {
    assert_eq!(run.code, 0, "{what}: {}", run.stderr);
    let stdout = unmeant(&run.stdout, colour);
    assert!(stdout.is_empty(), "{what}: stdout carries {stdout:?}");
    let stderr = unmeant(&run.stderr, false);
    assert!(stderr.is_empty(), "{what}: stderr carries {stderr:?}");
}

/// [`OTHER`], saved in `dir` as an assessment of the same person by the same rater as `file`
/// (diff and history follow one person rated by one rater): the file to set beside the hostile
/// one.
fn other_of_same_person(dir: &std::path::Path, file: &str) -> String {
    let read = |path: &str| -> serde_json::Value {
        serde_json::from_str(&std::fs::read_to_string(path).expect("fixture")).expect("JSON")
    };
    let mut other = read(OTHER);
    let hostile = read(file);
    other["subject"] = hostile["subject"].clone();
    other["rater"] = hostile["rater"].clone();
    let path = dir.join("other.json");
    std::fs::write(&path, other.to_string()).expect("write");
    path.display().to_string()
}

fn assessment(class: &str) -> String {
    format!("tests/fixtures/controls/assessment-{class}.json")
}

#[test]
fn no_report_diff_or_history_writes_a_control_character_from_a_file() {
    let dir = tempfile::tempdir().expect("temp dir");
    for class in CLASSES {
        let file = assessment(class);
        let other = other_of_same_person(dir.path(), &file);
        for colour in ["never", "always"] {
            let on = colour == "always";
            for format in ["table", "json", "markdown", "csv", "html"] {
                let args = [
                    "report",
                    &file,
                    "--frameworks",
                    FRAMEWORKS,
                    "--target-level",
                    "leading",
                    "--format",
                    format,
                    "--color",
                    colour,
                ];
                check(&format!("{args:?}"), &command(&args).run(), on);
            }
            for format in ["table", "json", "markdown"] {
                for command_name in ["diff", "history"] {
                    let args = [
                        command_name,
                        &file,
                        &other,
                        "--frameworks",
                        FRAMEWORKS,
                        "--format",
                        format,
                        "--color",
                        colour,
                    ];
                    check(&format!("{args:?}"), &command(&args).run(), on);
                }
            }
        }
    }
}

#[test]
fn what_a_file_held_is_shown_not_obeyed() {
    let table = command(&[
        "report",
        &assessment("c0"),
        "--frameworks",
        FRAMEWORKS,
        "--target-level",
        "leading",
        "--color",
        "never",
    ])
    .run();
    assert!(
        table
            .stdout
            .starts_with("Teamwork 1.0 · Sam\\u{1b}]0;new window title\\u{7} Example\\u{1b}[2J"),
        "{}",
        table.stdout
    );
    assert!(table.stdout.contains("\\u{1b}[31mred"), "{}", table.stdout);
    let bidi = command(&[
        "report",
        &assessment("bidi"),
        "--frameworks",
        FRAMEWORKS,
        "--format",
        "markdown",
    ])
    .run();
    assert!(
        // Markdown escapes the backslash it shows.
        bidi.stdout.contains("Sam \\\\u{202e}elpmaxE\\\\u{202c}"),
        "{}",
        bidi.stdout
    );
    // JSON keeps the data exact, escaped as JSON escapes it.
    let json = command(&[
        "report",
        &assessment("c1"),
        "--frameworks",
        FRAMEWORKS,
        "--format",
        "json",
    ])
    .run();
    let value: serde_json::Value = serde_json::from_str(&json.stdout).expect("valid JSON");
    assert_eq!(value["subject"], "Sam \u{9b}2J Example");
    assert!(
        json.stdout.contains("Sam \\u009b2J Example"),
        "{}",
        json.stdout
    );
}

#[test]
fn notes_from_an_answers_file_are_shown_not_obeyed() {
    for class in CLASSES {
        let dir = tempfile::tempdir().expect("temp dir");
        let saved = dir.path().join("saved.json");
        let answers = fixture(&format!("controls/answers-{class}.yaml"));
        for colour in ["never", "always"] {
            let made = command(&[
                "assess",
                "teamwork",
                "--frameworks",
                FRAMEWORKS,
                "--color",
                colour,
            ])
            .arg("--answers")
            .arg(&answers)
            .arg("--out")
            .arg(&saved)
            .arg("--force")
            .run();
            check(
                &format!("assess --answers {class}"),
                &made,
                colour == "always",
            );
        }
        for format in ["table", "json", "markdown", "csv", "html"] {
            let report = command(&[
                "report",
                "--frameworks",
                FRAMEWORKS,
                "--target-level",
                "leading",
                "--format",
                format,
                "--color",
                "never",
            ])
            .arg(&saved)
            .run();
            check(&format!("report {class} {format}"), &report, false);
        }
    }
}

#[test]
fn a_file_name_with_controls_is_shown_not_obeyed() {
    let dir = tempfile::tempdir().expect("temp dir");
    let hostile = dir.path().join("a\u{1b}[2J\u{202e}.json");
    std::fs::copy(assessment("c0"), &hostile).expect("copy");
    let other = other_of_same_person(dir.path(), &assessment("c0"));
    let run = command(&["history", "--frameworks", FRAMEWORKS, "--color", "never"])
        .arg(&hostile)
        .arg(&other)
        .run();
    check("history of a hostile file name", &run, false);
    assert!(
        run.stdout.contains("a\\u{1b}[2J\\u{202e}.json"),
        "{}",
        run.stdout
    );
    let missing = command(&["report", "--color", "never"])
        .arg(dir.path().join("gone\u{1b}]0;x\u{7}.json"))
        .run();
    assert_eq!(missing.code, 2);
    assert!(
        unmeant(&missing.stderr, false).is_empty(),
        "{}",
        missing.stderr
    );
    assert!(
        missing.stderr.contains("gone\\u{1b}]0;x\\u{7}.json"),
        "{}",
        missing.stderr
    );
}

/// A folder holding a class's assessment as a self-assessment and as a manager's rating of
/// the same person by a rater whose name carries the subject's characters.
fn rated_by_two(class: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    let text = std::fs::read_to_string(assessment(class)).expect("fixture");
    let mut value: serde_json::Value = serde_json::from_str(&text).expect("JSON");
    let object = value.as_object_mut().expect("an object");
    object.remove("rater");
    std::fs::write(dir.path().join("self.json"), value.to_string()).expect("write");
    let rater = format!("Mo {}", value["subject"].as_str().expect("a subject"));
    value["rater"] = serde_json::json!({ "name": rater, "relation": "manager" });
    std::fs::write(dir.path().join("manager.json"), value.to_string()).expect("write");
    dir
}

#[test]
fn no_compare_or_team_writes_a_control_character_from_a_file_in_any_format() {
    let frameworks = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(FRAMEWORKS);
    let frameworks = frameworks.display().to_string();
    for class in CLASSES {
        let dir = rated_by_two(class);
        for colour in ["never", "always"] {
            let on = colour == "always";
            let run = |args: &[&str]| {
                let mut all = args.to_vec();
                all.extend(["--frameworks", &frameworks, "--color", colour]);
                let run = command(&all).current_dir(dir.path()).run();
                check(&format!("{class} {all:?}"), &run, on);
                run
            };
            for format in ["table", "json", "markdown", "html"] {
                let out = run(&["compare", "self.json", "manager.json", "--format", format]);
                assert!(!out.stdout.is_empty(), "compare {format} wrote nothing");
            }
            for format in ["table", "json", "csv", "markdown", "html", "ndjson"] {
                for view in ["--relation=self", "--relation=manager", "--consensus"] {
                    if format == "ndjson" && view == "--consensus" {
                        continue;
                    }
                    let out = run(&["team", ".", view, "--format", format]);
                    assert!(!out.stdout.is_empty(), "team {format} {view} wrote nothing");
                    if format == "json" || format == "ndjson" {
                        for line in out.stdout.lines().filter(|_| format == "ndjson") {
                            serde_json::from_str::<serde_json::Value>(line)
                                .expect("each NDJSON line is valid JSON");
                        }
                        if format == "json" {
                            serde_json::from_str::<serde_json::Value>(&out.stdout)
                                .expect("valid JSON");
                        }
                    }
                }
            }
        }
    }
}

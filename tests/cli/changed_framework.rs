//! An assessment read after its framework changed: `assess --resume`, `report`, `diff` and
//! `history` keep the same ratings, name the same changes, and `--quiet` silences them all.

use std::path::Path;

use serde_json::Value;

use crate::support::{run_in, Run};

const V1: &str = r#"id: drift
name: Drift
version: "1"
scale:
  - { value: 0, label: Never }
  - { value: 1, label: Rarely }
  - { value: 2, label: Sometimes }
  - { value: 3, label: Often }
  - { value: 4, label: Always }
  - { value: 7, label: Beyond }
demonstrated_at: 3
levels: [{ id: one, name: One }, { id: two, name: Two }]
competencies:
  - id: craft
    name: Craft
    levels:
      - level: one
        indicators:
          - { id: c1, text: Writes tests first }
          - { id: c2, text: Reviews every change }
          - { id: c3, text: Keeps builds green }
          - { id: c4, text: Documents decisions }
          - { id: c5, text: Pairs with newcomers }
      - level: two
        indicators:
          - { id: c6, text: Leads design reviews }
"#;

/// Rated 7 (on the scale then) once; with it 3 of 5 are demonstrated (score 0.6), without it
/// c1 is unanswered, which counts as not yet shown: 2 of 5 (score 0.4).
const EARLIER: &str = "c1: 7\nc2: 3\nc3: 3\nc4: 1\nc5: 1\nc6: 0\n";
/// 4 of 5 demonstrated: level one held, nothing of level two (score 1.0).
const LATER: &str = "c1: 3\nc2: 3\nc3: 3\nc4: 3\nc5: 1\nc6: 0\n";

/// A folder with the framework `drift.yaml` (as `V1`) and two assessments of it, `a.json` and
/// `b.json`, made from [`EARLIER`] and [`LATER`]; then the framework is replaced by `changed`.
fn assessed_then_changed(changed: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    let at = dir.path();
    std::fs::write(at.join("drift.yaml"), V1).expect("framework");
    for (name, answers) in [("a", EARLIER), ("b", LATER)] {
        std::fs::write(at.join(format!("{name}.yaml")), answers).expect("answers");
        let made = run_in(
            at,
            &[
                "assess",
                "drift.yaml",
                "--answers",
                &format!("{name}.yaml"),
                "--out",
                &format!("{name}.json"),
                "--quiet",
            ],
        );
        assert_eq!(made.code, 0, "{}", made.stderr);
    }
    std::fs::write(at.join("drift.yaml"), changed).expect("change the framework");
    dir
}

fn json(run: &Run) -> Value {
    assert_eq!(run.code, 0, "{}", run.stderr);
    serde_json::from_str(&run.stdout).expect("valid JSON")
}

/// The warning lines of a run, `warning: ` and the file name taken off.
fn warnings(run: &Run, file: &str) -> Vec<String> {
    run.stderr
        .lines()
        .filter_map(|l| l.strip_prefix("warning: "))
        .filter_map(|l| l.strip_prefix(&format!("{file}: ")))
        .filter(|l| !l.starts_with("framework drift has changed"))
        .map(str::to_string)
        .collect()
}

fn resume(at: &Path, file: &str) -> Run {
    // Without a terminal the walk cannot go on, but what the file holds is said first.
    run_in(at, &["assess", "--resume", file])
}

#[test]
fn a_rating_off_the_current_scale_counts_nowhere() {
    let dir = assessed_then_changed(&V1.replace("  - { value: 7, label: Beyond }\n", ""));
    let at = dir.path();
    let said = "left out ratings no longer on the scale (0, 1, 2, 3, 4): c1 (7)";

    let report = run_in(at, &["report", "a.json", "--format", "json"]);
    assert_eq!(warnings(&report, "a.json"), [said]);
    assert_eq!(json(&report)["competencies"][0]["score"], 0.4);

    let diff = run_in(at, &["diff", "a.json", "b.json", "--format", "json"]);
    assert_eq!(warnings(&diff, "a.json"), [said]);
    let changes = json(&diff);
    assert_eq!(changes["competencies"][0]["from_score"], 0.4);
    assert_eq!(changes["competencies"][0]["to_score"], 1.0);
    let c1 = changes["indicators"]
        .as_array()
        .expect("indicators")
        .iter()
        .find(|i| i["id"] == "c1")
        .expect("c1 is listed as changed");
    assert_eq!(c1["from"], Value::Null, "the 7 is not a rating any more");
    assert_eq!(c1["to"], 3);

    let history = run_in(at, &["history", "a.json", "b.json", "--format", "json"]);
    assert_eq!(warnings(&history, "a.json"), [said]);
    let timeline = json(&history);
    assert_eq!(
        timeline["competencies"][0]["scores"],
        serde_json::json!([0.4, 1.0])
    );

    let resumed = resume(at, "a.json");
    assert_eq!(resumed.code, 2, "no terminal to continue at");
    assert_eq!(
        warnings(&resumed, "a.json"),
        [said],
        "resume drops the same rating: c1 is asked again"
    );
}

const V3: &str = r#"id: drift
name: Drift
version: "3"
scale:
  - { value: 0, label: Never }
  - { value: 1, label: Rarely }
  - { value: 2, label: Sometimes }
  - { value: 3, label: Often }
  - { value: 4, label: Always }
  - { value: 7, label: Beyond }
demonstrated_at: 3
levels: [{ id: one, name: One }, { id: two, name: Two }]
competencies:
  - id: craft
    name: Craft
    levels:
      - level: one
        indicators:
          - { id: c1, text: Writes tests first }
          - { id: c2, text: Reviews every change within a day }
          - { id: c3, text: "Keeps   builds\n green" }
          - { id: c4, text: Documents decisions }
          - { id: c7, text: Answers questions in the open }
  - id: lead
    name: Lead
    levels:
      - level: two
        indicators:
          - { id: c6, text: Leads design reviews }
"#;

#[test]
fn added_removed_moved_and_reworded_indicators_are_named_exactly() {
    let dir = assessed_then_changed(V3);
    let at = dir.path();
    let expected = [
        "left out the ratings of indicators no longer in the framework: c5",
        "left out the ratings of indicators whose text changed since they were rated (rate them again): c2",
        "added to the framework since this assessment was taken: c7",
        "removed from the framework since this assessment was taken: c5",
        "moved since this assessment was taken: c6 (craft/two -> lead/two)",
    ];
    let report = run_in(at, &["report", "a.json"]);
    assert_eq!(report.code, 0, "{}", report.stderr);
    assert_eq!(warnings(&report, "a.json"), expected);
    assert!(
        report.stderr.starts_with(
            "warning: a.json: framework drift has changed since this assessment was made (recorded version 1 "
        ),
        "{}",
        report.stderr
    );
    let diff = run_in(at, &["diff", "a.json", "b.json"]);
    assert_eq!(diff.code, 0, "{}", diff.stderr);
    assert_eq!(warnings(&diff, "a.json"), expected);
    assert_eq!(warnings(&diff, "b.json"), expected);
    assert_eq!(warnings(&resume(at, "a.json"), "a.json"), expected);
    // c3 was only re-wrapped: its rating still counts. c1 7, c3 3, c4 1, with c2 (reworded)
    // and c7 (added) unanswered: 2 of 5 demonstrated.
    let score = json(&run_in(at, &["report", "a.json", "--format", "json"]));
    let score = score["competencies"][0]["score"].as_f64().expect("a score");
    assert!((score - 2.0 / 5.0).abs() < 1e-9, "{score}");
}

#[test]
fn quiet_silences_every_warning_of_every_command() {
    for changed in [
        V1.replace("  - { value: 7, label: Beyond }\n", ""),
        V3.to_string(),
    ] {
        let dir = assessed_then_changed(&changed);
        let at = dir.path();
        for args in [
            &["report", "a.json"][..],
            &["report", "a.json", "--target-level", "two"],
            &["diff", "a.json", "b.json"],
            &["history", "a.json", "b.json"],
            // Complete after the scale change (its profile is shown), incomplete after the
            // other (the walk needs a terminal: only that error is left).
            &["assess", "--resume", "b.json"],
        ] {
            let loud = run_in(at, args);
            assert!(
                loud.stderr.contains("warning: "),
                "{args:?}: {}",
                loud.stderr
            );
            let quiet = run_in(at, &[args, &["--quiet"]].concat());
            assert_eq!(quiet.code, loud.code, "{args:?}: {}", quiet.stderr);
            assert_eq!(quiet.stdout, loud.stdout, "{args:?}: same data either way");
            if quiet.code == 0 {
                assert_eq!(quiet.stderr, "", "{args:?} --quiet");
            } else {
                assert!(
                    quiet
                        .stderr
                        .starts_with("error: rungs assess asks its questions at a terminal"),
                    "{args:?} --quiet: {}",
                    quiet.stderr
                );
                assert!(!quiet.stderr.contains("warning"), "{}", quiet.stderr);
            }
        }
    }
}

#[test]
fn quiet_silences_the_warnings_of_assess_with_answers() {
    let dir = tempfile::tempdir().expect("temp dir");
    let at = dir.path();
    std::fs::write(at.join("drift.yaml"), V1).expect("framework");
    std::fs::write(at.join("some.yaml"), "c1: 3\n").expect("answers");
    let args = [
        "assess",
        "drift.yaml",
        "--answers",
        "some.yaml",
        "--out",
        "some.json",
        "--force",
        "--target",
        "craft=two",
    ];
    let loud = run_in(at, &args);
    assert_eq!(loud.code, 0, "{}", loud.stderr);
    assert!(
        loud.stderr
            .contains("warning: some.yaml: 5 indicators are not answered, left unrated"),
        "{}",
        loud.stderr
    );
    let quiet = run_in(at, &[&args[..], &["-q"]].concat());
    assert_eq!(quiet.code, 0, "{}", quiet.stderr);
    assert_eq!(quiet.stderr, "");
}

#[test]
fn a_diff_across_a_framework_change_lists_the_ratings_left_out_in_every_format() {
    let dir = assessed_then_changed(V3);
    let at = dir.path();
    let json = json(&run_in(
        at,
        &["diff", "a.json", "b.json", "--format", "json", "-q"],
    ));
    let dropped: Vec<(String, String, String)> = json["dropped"]
        .as_array()
        .expect("dropped")
        .iter()
        .map(|d| {
            (
                d["file"].as_str().unwrap_or("").to_string(),
                d["id"].as_str().unwrap_or("").to_string(),
                d["reason"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect();
    let expect = |file: &str, id: &str, reason: &str| (file.into(), id.into(), reason.into());
    assert_eq!(
        dropped,
        [
            expect("a.json", "c2", "text_changed"),
            expect("a.json", "c5", "not_in_framework"),
            expect("b.json", "c2", "text_changed"),
            expect("b.json", "c5", "not_in_framework"),
        ]
    );
    assert_eq!(json["dropped"][1]["value"], 1);
    let table = run_in(at, &["diff", "a.json", "b.json", "-q"]);
    assert!(
        table
            .stdout
            .contains("Ratings left out (the framework changed)"),
        "{}",
        table.stdout
    );
    assert!(
        table.stdout.contains("no longer in the framework"),
        "{}",
        table.stdout
    );
    let markdown = run_in(
        at,
        &["diff", "a.json", "b.json", "--format", "markdown", "-q"],
    );
    assert!(
        markdown
            .stdout
            .contains("- a.json: `c2` rated 3: its text changed since it was rated\n"),
        "{}",
        markdown.stdout
    );
}

#[test]
fn diff_and_history_write_to_a_file_atomically_and_replace_it_only_with_force() {
    let dir = assessed_then_changed(V1);
    let at = dir.path();
    for (args, name) in [
        (&["diff", "a.json", "b.json"][..], "diff.md"),
        (&["history", "a.json", "b.json"][..], "history.md"),
    ] {
        let shown = run_in(at, &[args, &["--format", "markdown"]].concat());
        assert_eq!(shown.code, 0, "{}", shown.stderr);
        let written = run_in(
            at,
            &[args, &["--format", "markdown", "--output", name]].concat(),
        );
        assert_eq!(written.code, 0, "{}", written.stderr);
        assert_eq!(written.stdout, "", "the output goes to the file");
        assert_eq!(written.stderr, format!("wrote {name}\n"));
        let text = std::fs::read_to_string(at.join(name)).expect("written");
        assert_eq!(text, shown.stdout);

        std::fs::write(at.join(name), "keep me").expect("overwrite");
        let refused = run_in(at, &[args, &["-o", name]].concat());
        assert_eq!(refused.code, 2);
        assert_eq!(
            refused.stderr,
            format!("error: --output {name}: file exists; pass --force to overwrite it\n")
        );
        assert_eq!(
            std::fs::read_to_string(at.join(name)).expect("kept"),
            "keep me"
        );
        let forced = run_in(at, &[args, &["-o", name, "--force", "-q"]].concat());
        assert_eq!(forced.code, 0, "{}", forced.stderr);
        assert_ne!(
            std::fs::read_to_string(at.join(name)).expect("replaced"),
            "keep me"
        );
    }
}

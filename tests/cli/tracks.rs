//! Tracks and groups: a framework whose ladder forks above senior into an individual-contributor
//! track and a people-manager track. On a track, a level of the other track is neither required
//! nor attainable, and ranks count along the track.

use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::support::{fixture, rungs, Run};

/// The forked fixture framework.
fn ladder() -> PathBuf {
    fixture("frameworks/engineering-ladder.yaml")
}

/// Every indicator demonstrated (4) except those of the levels named, which get 1.
fn answers_except(dir: &Path, weak: &[&str]) -> PathBuf {
    let ids = [
        "sd-jr-1", "sd-en-1", "sd-sr-1", "sd-st-1", "sd-pr-1", "me-en-1", "me-sr-1", "me-st-1",
        "me-mg-1", "me-di-1", "de-jr-1", "de-en-1", "de-sr-1", "de-st-1", "de-mg-1", "de-pr-1",
        "de-di-1",
    ];
    let text: String = ids
        .iter()
        .map(|id| {
            let level = id.split('-').nth(1).unwrap_or_default();
            let value = if weak.contains(&level) { 1 } else { 4 };
            format!("{id}: {value}\n")
        })
        .collect();
    let path = dir.join("answers.yaml");
    std::fs::write(&path, text).expect("answers written");
    path
}

/// `rungs assess` with answers, saved to `name` in `dir`; the run must succeed.
fn assess(dir: &Path, name: &str, weak: &[&str], extra: &[&str]) -> PathBuf {
    let (out, run) = assess_run(dir, name, weak, extra);
    assert_eq!(run.code, 0, "{}", run.stderr);
    out
}

/// [`assess`], returning the run as well, whatever its outcome.
fn assess_run(dir: &Path, name: &str, weak: &[&str], extra: &[&str]) -> (PathBuf, Run) {
    let answers = answers_except(dir, weak);
    let out = dir.join(name);
    let framework = ladder();
    let mut args = vec![
        "assess",
        framework.to_str().expect("utf-8 path"),
        "--answers",
        answers.to_str().expect("utf-8 path"),
        "--out",
        out.to_str().expect("utf-8 path"),
    ];
    args.extend_from_slice(extra);
    let run = rungs(&args);
    (out, run)
}

fn report_json(file: &Path, extra: &[&str]) -> Value {
    let mut args = vec![
        "report",
        file.to_str().expect("utf-8 path"),
        "--format",
        "json",
    ];
    args.extend_from_slice(extra);
    let run = rungs(&args);
    assert_eq!(run.code, 0, "{}", run.stderr);
    serde_json::from_str(&run.stdout).expect("valid JSON")
}

/// (level, rank, score) of a competency in a report.
fn standing(report: &Value, competency: &str) -> (Value, u64, f64) {
    let c = report["competencies"]
        .as_array()
        .expect("competencies")
        .iter()
        .find(|c| c["id"] == competency)
        .unwrap_or_else(|| panic!("{competency} in the report"));
    (
        c["level"].clone(),
        c["rank"].as_u64().expect("rank"),
        c["score"].as_f64().expect("score"),
    )
}

fn refused(run: &Run) -> &str {
    assert_eq!(
        run.code, 2,
        "stdout: {}\nstderr: {}",
        run.stdout, run.stderr
    );
    run.stderr.trim()
}

#[test]
fn the_fixture_is_valid() {
    let run = rungs(&["validate", ladder().to_str().expect("utf-8 path")]);
    assert_eq!(run.code, 0, "{}", run.stderr);
}

#[test]
fn a_level_of_the_other_track_is_not_required() {
    // Manager-track levels rated low: on the IC track they are not on the ladder, so delivery
    // climbs past them from staff to principal (framework rank 6, IC rank 5).
    let dir = tempfile::tempdir().expect("a temporary folder");
    let file = assess(dir.path(), "ic.json", &["mg", "di"], &["--track", "ic"]);
    let report = report_json(&file, &[]);
    assert_eq!(report["track"], "ic");
    assert_eq!(
        standing(&report, "delivery"),
        (Value::from("principal"), 5, 5.0)
    );
    assert_eq!(
        standing(&report, "mentoring"),
        (Value::from("staff"), 4, 4.0),
        "mentoring's IC ladder ends at staff"
    );
    assert_eq!(
        standing(&report, "system-design"),
        (Value::from("principal"), 5, 5.0)
    );
}

#[test]
fn a_level_of_the_other_track_is_not_attainable() {
    // The same ratings on the manager track: the principal and staff levels (all demonstrated)
    // count for nothing there; delivery stops at senior, below the manager level it lacks.
    let dir = tempfile::tempdir().expect("a temporary folder");
    let file = assess(dir.path(), "ic.json", &["mg", "di"], &["--track", "ic"]);
    let report = report_json(&file, &["--track", "manager"]);
    assert_eq!(report["track"], "manager");
    assert_eq!(
        standing(&report, "delivery"),
        (Value::from("senior"), 3, 3.0)
    );
    assert_eq!(
        standing(&report, "system-design"),
        (Value::from("senior"), 3, 3.0),
        "system design's manager ladder ends at senior"
    );
    let delivery = report["competencies"]
        .as_array()
        .expect("competencies")
        .iter()
        .find(|c| c["id"] == "delivery")
        .expect("delivery");
    assert_eq!(delivery["next"]["level"], "manager");
    assert_eq!(delivery["next"]["rank"], 4);
    assert_eq!(delivery["top_rank"], 5);
    assert_eq!(report["max_rank"], 5);
}

#[test]
fn gaps_and_plans_follow_the_track() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let file = assess(dir.path(), "ic.json", &["mg", "di"], &["--track", "ic"]);
    let report = report_json(
        &file,
        &["--track", "manager", "--target", "engineering-manager"],
    );
    let gaps: Vec<(String, u64, u64, u64)> = report["gaps"]
        .as_array()
        .expect("gaps")
        .iter()
        .map(|g| {
            (
                g["competency"].as_str().expect("id").to_string(),
                g["rank"].as_u64().expect("rank"),
                g["target_rank"].as_u64().expect("target rank"),
                g["gap"].as_u64().expect("gap"),
            )
        })
        .collect();
    assert_eq!(
        gaps,
        vec![
            ("mentoring".to_string(), 3, 4, 1),
            ("delivery".to_string(), 3, 4, 1)
        ]
    );
    // The plan names only the manager level's indicators: staff and principal ones are not on
    // the way, however they were rated.
    let planned: Vec<&str> = report["plan"]
        .as_array()
        .expect("plan")
        .iter()
        .flat_map(|p| p["indicators"].as_array().expect("indicators"))
        .map(|i| i["id"].as_str().expect("id"))
        .collect();
    assert_eq!(planned, vec!["me-mg-1", "de-mg-1"]);
    // Indicators off the track are not in the report at all.
    let listed: Vec<&str> = report["indicators"]
        .as_array()
        .expect("indicators")
        .iter()
        .map(|i| i["id"].as_str().expect("id"))
        .collect();
    assert!(!listed.contains(&"de-pr-1") && !listed.contains(&"sd-st-1"));
    assert!(listed.contains(&"de-mg-1"));
}

#[test]
fn the_assessment_records_its_track_and_the_report_uses_it() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let file = assess(dir.path(), "m.json", &["st", "pr"], &["--track", "manager"]);
    let saved: Value =
        serde_json::from_str(&std::fs::read_to_string(&file).expect("saved")).expect("JSON");
    assert_eq!(saved["track"], "manager");
    let report = report_json(&file, &[]);
    assert_eq!(report["track"], "manager");
    assert_eq!(
        standing(&report, "delivery"),
        (Value::from("director"), 5, 5.0)
    );
    // The IC ladder of the same ratings stops below staff.
    let ic = report_json(&file, &["--track", "ic"]);
    assert_eq!(ic["track"], "ic");
    assert_eq!(standing(&ic, "delivery"), (Value::from("senior"), 3, 3.0));
}

#[test]
fn without_a_track_the_first_one_is_used() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let file = assess(dir.path(), "a.json", &[], &[]);
    let saved: Value =
        serde_json::from_str(&std::fs::read_to_string(&file).expect("saved")).expect("JSON");
    assert_eq!(saved["track"], "ic");
    assert_eq!(report_json(&file, &[])["track"], "ic");
}

#[test]
fn report_json_carries_each_competencys_group() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let file = assess(dir.path(), "a.json", &[], &[]);
    let report = report_json(&file, &[]);
    let groups: Vec<(&str, &str)> = report["competencies"]
        .as_array()
        .expect("competencies")
        .iter()
        .map(|c| {
            (
                c["id"].as_str().expect("id"),
                c["group"].as_str().expect("group"),
            )
        })
        .collect();
    assert_eq!(
        groups,
        vec![
            ("system-design", "craft"),
            ("mentoring", "people"),
            ("delivery", "impact")
        ]
    );
}

#[test]
fn an_unknown_track_is_bad_input_that_lists_the_tracks() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let file = assess(dir.path(), "a.json", &[], &[]);
    let file = file.to_str().expect("utf-8 path");
    for args in [
        vec!["report", file, "--track", "architect"],
        vec!["diff", file, file, "--track", "architect"],
        vec!["history", file, "--track", "architect"],
    ] {
        let run = rungs(&args);
        assert_eq!(
            refused(&run),
            "error: unknown track \"architect\"; the tracks of engineering-ladder are: ic (Individual contributor), manager (People manager)",
            "{args:?}"
        );
    }
    let framework = ladder();
    let answers = answers_except(dir.path(), &[]);
    let run = rungs(&[
        "assess",
        framework.to_str().expect("utf-8 path"),
        "--answers",
        answers.to_str().expect("utf-8 path"),
        "--out",
        dir.path().join("b.json").to_str().expect("utf-8 path"),
        "--track",
        "architect",
    ]);
    assert!(refused(&run).contains("unknown track \"architect\""));
    assert!(!dir.path().join("b.json").exists(), "nothing saved");
}

#[test]
fn a_target_on_one_track_cannot_be_used_on_the_other() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let file = assess(dir.path(), "a.json", &[], &[]);
    let run = rungs(&[
        "report",
        file.to_str().expect("utf-8 path"),
        "--track",
        "manager",
        "--target",
        "staff",
    ]);
    assert_eq!(
        refused(&run),
        "error: target \"staff\" is on track \"ic\", not \"manager\"; use --track ic with it"
    );
    // A level of the other track as every competency's target is refused the same way.
    let run = rungs(&[
        "report",
        file.to_str().expect("utf-8 path"),
        "--track",
        "manager",
        "--target-level",
        "principal",
    ]);
    assert!(
        refused(&run).contains("target level \"principal\" for system-design is not on the ladder being scored (track manager)"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_target_with_a_track_picks_that_track() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let framework = ladder();
    let answers = answers_except(dir.path(), &[]);
    let out = dir.path().join("m.json");
    let run = rungs(&[
        "assess",
        framework.to_str().expect("utf-8 path"),
        "--answers",
        answers.to_str().expect("utf-8 path"),
        "--out",
        out.to_str().expect("utf-8 path"),
        "--target",
        "engineering-manager",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let saved: Value =
        serde_json::from_str(&std::fs::read_to_string(&out).expect("saved")).expect("JSON");
    assert_eq!(saved["track"], "manager");
}

#[test]
fn diff_and_history_rank_along_the_track() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let before = assess(dir.path(), "before.json", &["st", "mg", "pr", "di"], &[]);
    let after = assess(dir.path(), "after.json", &["mg", "di"], &[]);
    let (before, after) = (
        before.to_str().expect("utf-8 path"),
        after.to_str().expect("utf-8 path"),
    );
    let run = rungs(&["diff", before, after, "--format", "json"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let diff: Value = serde_json::from_str(&run.stdout).expect("JSON");
    let delivery = diff["competencies"]
        .as_array()
        .expect("competencies")
        .iter()
        .find(|c| c["id"] == "delivery")
        .expect("delivery");
    // On the IC track the manager level is not in the way: senior (3) to principal (5).
    assert_eq!(
        (&delivery["from_level"], &delivery["to_level"]),
        (&Value::from("senior"), &Value::from("principal"))
    );
    assert_eq!(
        (&delivery["from_score"], &delivery["to_score"]),
        (&Value::from(3.0), &Value::from(5.0))
    );
    // On the manager track nothing changed: staff and principal are not on it.
    let run = rungs(&[
        "diff", before, after, "--format", "json", "--track", "manager",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let diff: Value = serde_json::from_str(&run.stdout).expect("JSON");
    assert_eq!(diff["indicators"], Value::Array(vec![]), "{diff:#}");

    let run = rungs(&[
        "history", before, after, "--format", "json", "--track", "manager",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let history: Value = serde_json::from_str(&run.stdout).expect("JSON");
    let delivery = history["competencies"]
        .as_array()
        .expect("competencies")
        .iter()
        .find(|c| c["id"] == "delivery")
        .expect("delivery");
    assert_eq!(delivery["scores"], serde_json::json!([3.0, 3.0]));
    assert_eq!(delivery["top_rank"], 5);
}

#[test]
fn a_competency_with_no_level_on_the_track_is_said_to_be_off_it() {
    let dir = tempfile::tempdir().expect("temp dir");
    // A competency only managers grow in: no level on the individual-contributor track.
    let text = std::fs::read_to_string(ladder())
        .expect("fixture")
        .replacen(
            "targets:",
            "  - id: hiring\n    name: Hiring\n    levels:\n      - level: manager\n        \
         indicators:\n          - { id: hi-mg-1, text: Runs a fair interview loop. }\n\
         targets:",
            1,
        );
    let framework = dir.path().join("forked.yaml");
    std::fs::write(&framework, text).expect("framework written");
    let answers = answers_except(dir.path(), &[]);
    let saved = dir.path().join("ic.json");
    let path = |p: &Path| p.to_str().expect("utf-8 path").to_string();
    let run = rungs(&[
        "assess",
        &path(&framework),
        "--answers",
        &path(&answers),
        "--track",
        "ic",
        "-q",
        "-o",
        &path(&saved),
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    for format in ["table", "markdown", "html"] {
        let out = rungs(&["report", &path(&saved), "--format", format]);
        assert_eq!(out.code, 0, "{}", out.stderr);
        // Every indicator on the track is demonstrated: the three competencies on it are at
        // their top, and the fourth is off it.
        assert_eq!(
            out.stdout.matches("top level held").count(),
            3,
            "{format}: {}",
            out.stdout
        );
        assert_eq!(
            out.stdout.matches("not on this track").count(),
            1,
            "{format}: {}",
            out.stdout
        );
    }
}

#[test]
fn answers_for_levels_off_the_track_are_named_and_kept() {
    let dir = tempfile::tempdir().expect("temp dir");
    // The answers rate every indicator, the manager track's too.
    let (saved, run) = assess_run(dir.path(), "ic.json", &[], &["--track", "ic"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr.contains(
            "4 ratings are of levels off track ic (saved; they count only on a report of another track): de-di-1, de-mg-1, me-di-1, me-mg-1"
        ),
        "{}",
        run.stderr
    );
    // Kept in the file, and counted on the manager track: mentoring reaches its top there.
    let file: Value =
        serde_json::from_str(&std::fs::read_to_string(&saved).expect("saved")).expect("JSON");
    assert_eq!(file["ratings"]["me-mg-1"]["value"], 4, "{file}");
    let manager = report_json(&saved, &["--track", "manager"]);
    let top = manager["competencies"]
        .as_array()
        .expect("competencies")
        .iter()
        .find(|c| c["id"] == "mentoring")
        .map(|c| c["top_rank"].clone())
        .expect("mentoring");
    let (_, rank, _) = standing(&manager, "mentoring");
    assert_eq!(Some(rank), top.as_u64(), "{manager}");
}

#[test]
fn show_and_the_report_table_name_the_tracks() {
    let ladder = "tests/fixtures/frameworks/engineering-ladder.yaml";
    let table = crate::support::command(&["show", ladder])
        .env("NO_COLOR", "1")
        .succeeds();
    assert!(
        table.contains("Tracks (pick one with --track ID; without it, ic is used)"),
        "{table}"
    );
    assert!(
        table.contains("  Individual contributor (ic): Junior engineer → "),
        "{table}"
    );
    let markdown = crate::support::command(&["show", ladder, "--format", "markdown"]).succeeds();
    assert!(markdown.contains("\n## Tracks\n"), "{markdown}");
    assert!(
        markdown.contains("| People manager | `manager` |"),
        "{markdown}"
    );
}

#[test]
fn the_report_table_names_the_track_it_scored() {
    let dir = tempfile::tempdir().expect("temp dir");
    let saved = assess(dir.path(), "m.json", &[], &["--track", "manager"]);
    let out = rungs(&["report", &saved.display().to_string()]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stdout
            .contains("Track: People manager (manager); another with --track ID"),
        "{}",
        out.stdout
    );
}

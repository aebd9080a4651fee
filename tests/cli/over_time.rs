//! Contract section 12, teams over time: the feed of every file, rounds (`team --over-time`),
//! one line for earlier files, each person on their own track, `history FOLDER` in subfolders.
//!
//! [`two_rounds`] writes two rounds of `teamwork-walk` assessments (listening: starting lis-1,2,
//! growing lis-3,4, leading lis-5; sharing: starting sha-1,2, growing sha-3; a rating >= 3
//! demonstrates, a level holds at 80 %). By hand:
//!
//! | person (self) | spring listening | spring sharing | autumn listening | autumn sharing |
//! | --- | --- | --- | --- | --- |
//! | Ana | starting (3 3 2 2 1) | starting (3 3 1) | growing (4 4 3 3 1) | growing (3 3 3) |
//! | Ben | growing (3 3 3 3 1) | none (2 2 2) | growing (3 3 3 3 1) | starting (3 3 2) |
//! | Cy  | (not in spring) | | starting (3 3 1 1 1) | none (1 1, sha-3 na) |
//!
//! Autumn also holds an earlier file of Ana's (all 1s, a month before her latest), which does
//! not count, and spring a manager's rating of Ben (Mo, every indicator 3: leading, growing).

use std::path::{Path, PathBuf};

use serde_json::{json, Value};

use crate::support::{command, Run};

/// The real digest of `tests/fixtures/assess/teamwork.yaml`.
const DIGEST: &str = "sha256:c03f7b005eb316c72b7cd0ae0ed7b6d6092e1d840c95f00353b89399ae710f43";
/// The framework of [`two_rounds`].
pub const FRAMEWORK: &str = "tests/fixtures/assess/teamwork.yaml";

const IDS: [&str; 8] = [
    "lis-1", "lis-2", "lis-3", "lis-4", "lis-5", "sha-1", "sha-2", "sha-3",
];

/// One assessment of `teamwork-walk`: `values` in [`IDS`] order (0 for `na`).
fn assessment(subject: &str, rater: Option<&str>, completed: &str, values: [u32; 8]) -> String {
    let ratings: serde_json::Map<String, Value> = IDS
        .iter()
        .zip(values)
        .map(|(id, v)| {
            let value = if v == 0 { json!("na") } else { json!(v) };
            (id.to_string(), json!({ "value": value }))
        })
        .collect();
    let mut doc = json!({
        "format": "rungs-assessment/1",
        "framework": { "id": "teamwork-walk", "version": "1.0", "digest": DIGEST },
        "subject": subject,
        "started_at": completed.replace("T10", "T09"),
        "completed_at": completed,
        "ratings": ratings,
    });
    if let Some(rater) = rater {
        doc["rater"] = json!({ "name": rater, "relation": "manager" });
    }
    serde_json::to_string_pretty(&doc).expect("JSON")
}

/// Write the two rounds under `dir` (`dir/spring`, `dir/autumn`) and return their folders.
pub fn two_rounds(dir: &Path) -> (PathBuf, PathBuf) {
    let spring = dir.join("spring");
    let autumn = dir.join("autumn");
    std::fs::create_dir_all(spring.join("managers")).expect("folder");
    std::fs::create_dir_all(&autumn).expect("folder");
    let write = |path: PathBuf, text: String| std::fs::write(path, text).expect("write");
    let s = "2026-03-10T10:00:00Z";
    let a = "2026-09-10T10:00:00Z";
    write(
        spring.join("ana.json"),
        assessment("Ana", None, s, [3, 3, 2, 2, 1, 3, 3, 1]),
    );
    write(
        spring.join("ben.json"),
        assessment("Ben", None, s, [3, 3, 3, 3, 1, 2, 2, 2]),
    );
    write(
        spring.join("managers/ben-by-mo.json"),
        assessment("Ben", Some("Mo"), s, [3; 8]),
    );
    write(
        autumn.join("ana.json"),
        assessment("Ana", None, a, [4, 4, 3, 3, 1, 3, 3, 3]),
    );
    write(
        autumn.join("ana-draft.json"),
        assessment("Ana", None, "2026-08-10T10:00:00Z", [1; 8]),
    );
    write(
        autumn.join("ben.json"),
        assessment("Ben", None, a, [3, 3, 3, 3, 1, 3, 3, 2]),
    );
    write(
        autumn.join("cy.json"),
        assessment("Cy", None, a, [3, 3, 1, 1, 1, 1, 1, 0]),
    );
    (spring, autumn)
}

/// `rungs team ARGS...` run in `dir` (so round labels are the folder names).
fn team_in(dir: &Path, args: &[&str]) -> Run {
    let framework = Path::new(env!("CARGO_MANIFEST_DIR")).join(FRAMEWORK);
    command(&["team"])
        .args(args)
        .arg("--framework")
        .arg(framework)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .run()
}

fn rows(out: &Run) -> Vec<Value> {
    assert_eq!(out.code, 0, "{}", out.stderr);
    out.stdout
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is JSON"))
        .collect()
}

#[test]
fn the_feed_has_every_file_with_its_round_whether_it_is_the_latest_and_a_numeric_value() {
    let dir = tempfile::tempdir().expect("temporary folder");
    two_rounds(dir.path());
    let out = team_in(dir.path(), &["spring", "autumn", "--format", "ndjson"]);
    let rows = rows(&out);
    // 7 files, 8 ratings each; Cy's sha-3 is na and still a row.
    assert_eq!(rows.len(), 7 * 8, "{}", out.stdout);
    assert_eq!(out.stderr, "", "the feed has every file: no note");
    let file_rows = |file: &str| -> Vec<&Value> {
        rows.iter()
            .filter(|r| r["file"].as_str().is_some_and(|f| f.ends_with(file)))
            .collect()
    };
    for (file, round, latest) in [
        ("spring/ana.json", "spring", false),
        ("spring/ben.json", "spring", false),
        ("spring/managers/ben-by-mo.json", "spring", true),
        ("autumn/ana.json", "autumn", true),
        ("autumn/ana-draft.json", "autumn", false),
        ("autumn/ben.json", "autumn", true),
        ("autumn/cy.json", "autumn", true),
    ] {
        let found = file_rows(file);
        assert_eq!(found.len(), 8, "{file}");
        for row in found {
            assert_eq!(row["round"], round, "{file}");
            assert_eq!(row["latest"], latest, "{file}");
        }
    }
    let cy_na = rows
        .iter()
        .find(|r| r["subject"] == "Cy" && r["indicator"] == "sha-3")
        .expect("Cy's na row");
    assert_eq!(cy_na["value"], Value::Null);
    assert_eq!(cy_na["na"], true);
    let ana = rows
        .iter()
        .find(|r| r["latest"] == true && r["subject"] == "Ana" && r["indicator"] == "lis-1")
        .expect("Ana's latest lis-1");
    assert_eq!(ana["value"], 4);
    assert_eq!(ana["na"], false);
    // Every value is a number or null, and `na` says which.
    for row in &rows {
        assert!(row["value"].is_u64() || row["value"].is_null(), "{row}");
        assert_eq!(row["na"], row["value"].is_null(), "{row}");
    }
    // Round labels are the paths as given.
    let spring = dir.path().join("spring").display().to_string();
    let out = command(&["team", &spring, "--format", "ndjson", "--framework"])
        .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join(FRAMEWORK))
        .run();
    let rows = self::rows(&out);
    assert!(rows.iter().all(|r| r["round"] == spring.as_str()));
    assert!(
        rows.iter().all(|r| r["latest"] == true),
        "one round: each latest"
    );
}

#[test]
fn earlier_files_are_one_line_and_verbose_lists_them() {
    let dir = tempfile::tempdir().expect("temporary folder");
    two_rounds(dir.path());
    let out = team_in(dir.path(), &["spring", "autumn", "--format", "csv"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    // Ana's spring file and autumn draft, Ben's spring file.
    assert_eq!(
        out.stderr,
        "note: 3 earlier files not counted: the latest of each person and rater counts; --verbose lists them\n"
    );
    let out = team_in(
        dir.path(),
        &["spring", "autumn", "--format", "csv", "--verbose"],
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    let notes: Vec<&str> = out.stderr.lines().collect();
    assert_eq!(
        notes,
        [
            "note: autumn/ana-draft.json: not counted, autumn/ana.json is later (same subject and rater)",
            "note: spring/ana.json: not counted, autumn/ana.json is later (same subject and rater)",
            "note: spring/ben.json: not counted, autumn/ben.json is later (same subject and rater)",
        ]
    );
    let quiet = team_in(dir.path(), &["spring", "autumn", "--format", "csv", "-q"]);
    assert_eq!(quiet.stderr, "");
}

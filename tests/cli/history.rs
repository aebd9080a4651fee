//! `rungs history`: scores per competency over time.

use serde_json::Value;

use crate::support::command;

const FOLDER: &str = "tests/fixtures/assessments/teamwork";
const FRAMEWORKS: &str = "tests/fixtures/frameworks";

#[test]
fn every_format_of_a_folder() {
    for (format, name) in [
        ("table", "teamwork_history_table"),
        ("json", "teamwork_history_json"),
        ("markdown", "teamwork_history_markdown"),
    ] {
        let out = command(&[
            "history",
            FOLDER,
            "--frameworks",
            FRAMEWORKS,
            "--format",
            format,
        ])
        .succeeds();
        insta::assert_snapshot!(name, out);
    }
}

#[test]
fn files_are_put_in_date_order_with_scores_and_change() {
    // Given newest first; completed_at (or started_at while in progress) decides the order,
    // whatever the offset: 2026-06-02T14:25+02:00 is 12:25 UTC.
    let out = command(&[
        "history",
        "tests/fixtures/assessments/teamwork/2026-09-15.json",
        "tests/fixtures/assessments/teamwork/2026-06-02.json",
        "tests/fixtures/assessments/teamwork/2026-03-01.json",
        "--frameworks",
        FRAMEWORKS,
        "--format",
        "json",
    ])
    .succeeds();
    let h: Value = serde_json::from_str(&out).expect("valid JSON");
    let dates: Vec<&str> = h["assessments"]
        .as_array()
        .expect("assessments")
        .iter()
        .map(|a| a["date"].as_str().unwrap_or_default())
        .collect();
    assert_eq!(
        dates,
        [
            "2026-03-01T09:20:00Z",
            "2026-06-02T14:25:00+02:00",
            "2026-09-15T08:30:00Z"
        ]
    );
    assert_eq!(h["assessments"][2]["completed"], false);
    let scores = |id: &str| -> Vec<f64> {
        h["competencies"]
            .as_array()
            .expect("competencies")
            .iter()
            .find(|c| c["id"] == id)
            .and_then(|c| c["scores"].as_array())
            .expect("scores")
            .iter()
            .filter_map(Value::as_f64)
            .collect()
    };
    assert_eq!(scores("listening"), [3.0, 2.5, 3.0]);
    // September rates fb-3 (3) and leaves fb-4 unanswered: practising is 1 of 2 shown, not held.
    assert_eq!(scores("feedback"), [0.5, 1.0, 1.5]);
    // September is in progress with planning not rated yet: no score, rather than 0.
    assert_eq!(scores("planning"), [2.0, 2.0]);
    assert!(h["competencies"][2]["scores"][2].is_null());
    assert_eq!(h["competencies"][2]["change"].as_f64(), Some(0.0));
    let feedback = &h["competencies"][1];
    assert_eq!(feedback["first"].as_f64(), Some(0.5));
    assert_eq!(feedback["last"].as_f64(), Some(1.5));
    assert_eq!(feedback["change"].as_f64(), Some(1.0));
}

#[test]
fn a_folder_of_several_frameworks_gives_one_history_each() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::copy(
        "tests/fixtures/assessments/teamwork/2026-03-01.json",
        dir.path().join("a.json"),
    )
    .expect("copy");
    std::fs::write(
        dir.path().join("b.json"),
        r#"{"format": "rungs-assessment/1",
            "framework": {"id": "networking", "version": "1.0", "digest": "sha256:00"},
            "started_at": "2026-01-01T00:00:00Z", "completed_at": null, "ratings": {}}"#,
    )
    .expect("write");
    let out = command(&["history", "--frameworks", "tests/fixtures/frameworks", "-q"])
        .arg(dir.path())
        .run();
    assert_eq!(out.code, 0, "{}", out.stderr);
    let networking = out.stdout.find("Networking (networking): 1 assessment in ");
    let teamwork = out.stdout.find("Teamwork (teamwork): 1 assessment in ");
    assert!(
        networking.is_some() && teamwork.is_some() && networking < teamwork,
        "one history per framework, by id: {}",
        out.stdout
    );
}

#[test]
fn an_empty_folder_or_a_bad_date_is_bad_input() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = command(&["history"]).arg(dir.path()).run();
    assert_eq!(out.code, 2);
    assert_eq!(
        out.stderr,
        format!(
            "error: {}: no assessment files (*.json) in this folder\n",
            dir.path().display()
        )
    );
    let text = std::fs::read_to_string("tests/fixtures/assessments/teamwork/2026-03-01.json")
        .expect("fixture")
        .replace("\"2026-03-01T09:20:00Z\"", "\"last Tuesday\"");
    let bad = dir.path().join("bad.json");
    std::fs::write(&bad, text).expect("write");
    let out = command(&["history", "--frameworks", FRAMEWORKS])
        .arg(&bad)
        .run();
    assert_eq!(out.code, 2);
    assert!(
        out.stderr.starts_with(&format!(
            "error: {}: completed_at \"last Tuesday\" is not an RFC 3339 time",
            bad.display()
        )),
        "{}",
        out.stderr
    );
}

#[test]
fn seed_history_in_every_format() {
    for (format, name) in [
        ("table", "lasting_history_table"),
        ("json", "lasting_history_json"),
        ("markdown", "lasting_history_markdown"),
    ] {
        let out = command(&[
            "history",
            "tests/fixtures/assessments/lasting-relationships",
            "--format",
            format,
        ])
        .succeeds();
        insta::assert_snapshot!(name, out);
    }
}

/// The 360 fixtures of Alex Rivera: a self-assessment, a manager's and two peers' ratings.
const THREE_SIXTY: &str = "tests/fixtures/360";
const TEAMWORK_WALK: &str = "tests/fixtures/assess/teamwork.yaml";

fn history_360(extra: &[&str]) -> crate::support::Run {
    let mut args = vec![
        "history",
        "tests/fixtures/360/alex.json",
        "tests/fixtures/360/alex-by-sam.json",
        "tests/fixtures/360/old/alex-by-sam-january.json",
        "tests/fixtures/360/alex-by-jo.json",
        "--framework",
        TEAMWORK_WALK,
    ];
    args.extend_from_slice(extra);
    command(&args).run()
}

#[test]
fn a_mix_of_raters_is_refused_naming_each() {
    let out = history_360(&[]);
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert_eq!(out.stdout, "");
    let stderr = out.stderr.replace('\n', " ");
    assert!(
        stderr.contains("history follows one person rated by one rater; these assessments are of 3 raters: self (tests/fixtures/360/alex.json), \"Sam Lee\" (manager) (tests/fixtures/360/alex-by-sam.json, tests/fixtures/360/old/alex-by-sam-january.json), \"Jo Chen\" (peer) (tests/fixtures/360/alex-by-jo.json)"),
        "{stderr}"
    );
    assert!(
        stderr.contains("--subject NAME and --rater NAME"),
        "{stderr}"
    );
    // A folder of a 360 is refused the same way.
    let folder = command(&["history", THREE_SIXTY, "--framework", TEAMWORK_WALK]).run();
    assert_eq!(folder.code, 2, "{}", folder.stderr);
    assert!(folder.stderr.contains("raters"), "{}", folder.stderr);
}

#[test]
fn rater_and_subject_pick_one_series() {
    let out = history_360(&["--rater", "Sam  Lee ", "--format", "json"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let h: Value = serde_json::from_str(&out.stdout).expect("JSON");
    let files: Vec<&str> = h["assessments"]
        .as_array()
        .expect("assessments")
        .iter()
        .map(|a| a["file"].as_str().unwrap_or_default())
        .collect();
    assert_eq!(
        files,
        [
            "tests/fixtures/360/old/alex-by-sam-january.json",
            "tests/fixtures/360/alex-by-sam.json"
        ]
    );
    let own = history_360(&["--subject", "Alex Rivera", "--rater", "self"]);
    assert_eq!(own.code, 0, "{}", own.stderr);
    assert!(own.stdout.contains("1 assessment"), "{}", own.stdout);
    let by_name = history_360(&["--rater", "Alex Rivera", "--format", "json"]);
    assert_eq!(
        by_name.code, 0,
        "the subject's own name picks self-assessments: {}",
        by_name.stderr
    );
    let nobody = history_360(&["--subject", "Pat Ng"]);
    assert_eq!(nobody.code, 2);
    assert!(
        nobody
            .stderr
            .contains("none of the 4 assessments is of \"Pat Ng\""),
        "{}",
        nobody.stderr
    );
}

#[test]
fn the_readme_shows_the_refusal_of_a_360_folder_as_it_is() {
    let out = command(&["history", "360/"])
        .current_dir(&crate::support::fixture(""))
        .run();
    assert_eq!(out.code, 2, "{}", out.stderr);
    let line = out.stderr.trim_end();
    assert!(
        crate::support::doc("docs/360.md").contains(&format!("$ rungs history 360/\n{line}\n")),
        "docs/360.md shows: {line}"
    );
}

#[test]
fn with_a_target_no_heading_sits_on_another() {
    let out = command(&[
        "history",
        FOLDER,
        "--frameworks",
        FRAMEWORKS,
        "--target-level",
        "practising",
    ])
    .env("COLUMNS", "120")
    .succeeds();
    let lines: Vec<&str> = out.lines().collect();
    for pair in lines.windows(2) {
        let heading =
            |line: &str| !line.is_empty() && !line.starts_with(['┌', '│', '╞', '└', '├', '╰', '╭']);
        assert!(
            !(heading(pair[0]) && heading(pair[1])),
            "two headings in a row: {pair:?}\n{out}"
        );
    }
    let last = lines.last().copied().unwrap_or_default();
    assert_eq!(
        last,
        "Gaps to every competency at Practising, in the newest assessment: the target column."
    );
}

#[test]
fn a_folder_is_searched_through_its_subfolders_as_team_searches() {
    // A person's assessments filed by year and quarter (section 12): the same history as the
    // three files side by side, and a hidden folder is passed over as team passes it.
    let dir = tempfile::tempdir().expect("temp dir");
    let filed = [
        ("2026/q1", "2026-03-01.json"),
        ("2026/q2", "2026-06-02.json"),
        ("2026", "2026-09-15.json"),
    ];
    for (folder, name) in filed {
        std::fs::create_dir_all(dir.path().join(folder)).expect("folder");
        std::fs::copy(
            format!("{FOLDER}/{name}"),
            dir.path().join(folder).join(name),
        )
        .expect("copy");
    }
    std::fs::create_dir_all(dir.path().join(".trash")).expect("folder");
    std::fs::write(dir.path().join(".trash/broken.json"), "{").expect("write");
    let nested = command(&["history", "--frameworks", FRAMEWORKS, "--format", "json"])
        .arg(dir.path())
        .succeeds();
    let flat = command(&[
        "history",
        FOLDER,
        "--frameworks",
        FRAMEWORKS,
        "--format",
        "json",
    ])
    .succeeds();
    let nested: Value = serde_json::from_str(&nested).expect("JSON");
    let flat: Value = serde_json::from_str(&flat).expect("JSON");
    assert_eq!(nested["assessments"].as_array().map(Vec::len), Some(3));
    assert_eq!(nested["competencies"], flat["competencies"]);
    let files: Vec<&str> = nested["assessments"]
        .as_array()
        .expect("assessments")
        .iter()
        .map(|a| a["file"].as_str().expect("file"))
        .collect();
    assert!(files[0].ends_with("2026/q1/2026-03-01.json"), "{files:?}");
    assert!(files[2].ends_with("2026/2026-09-15.json"), "{files:?}");
}

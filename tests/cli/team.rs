//! `rungs team`: the matrix, distribution and target view on a hand-computed team, the views
//! (self, another relation, consensus), every format, wide teams at 80 columns, bad files.
//!
//! `tests/fixtures/team` holds assessments of `teamwork-walk` (listening: starting, growing,
//! leading; sharing: starting, growing). Self-assessments hold, by hand:
//!
//! | person | listening | sharing | |
//! | --- | --- | --- | --- |
//! | Alex Rivera | 3 leading | 2 growing | |
//! | Bo Diaz | 1 starting | none | `archive/bo-2025.json` is older and does not count |
//! | Cy Okafor | 2 growing | 1 starting | incomplete (sha-3 unrated) |
//! | dee | none | 2 growing | no `subject`: named by the file stem |
//!
//! Sam Lee (manager) rated Alex (listening growing, sharing growing) and Bo (listening
//! leading, sharing starting).

use serde_json::{json, Value};

use crate::support::{command, fixture, run, Run};

const FRAMEWORK: &str = "tests/fixtures/assess/teamwork.yaml";
const TEAM: &str = "tests/fixtures/team";

fn team(args: &[&str]) -> Run {
    let mut all = vec!["team", TEAM, "--framework", FRAMEWORK];
    all.extend_from_slice(args);
    run(&all)
}

fn json_of(args: &[&str]) -> Value {
    let mut all = args.to_vec();
    all.extend_from_slice(&["--format", "json"]);
    let out = team(&all);
    assert_eq!(out.code, 0, "{}", out.stderr);
    serde_json::from_str(&out.stdout).expect("team prints JSON")
}

/// subject -> [level of each competency]
fn levels(value: &Value) -> Vec<(String, Vec<Value>)> {
    value["subjects"]
        .as_array()
        .expect("subjects")
        .iter()
        .map(|s| {
            (
                s["subject"].as_str().unwrap_or_default().to_string(),
                s["competencies"]
                    .as_array()
                    .expect("competencies")
                    .iter()
                    .map(|c| c["level"].clone())
                    .collect(),
            )
        })
        .collect()
}

fn person(name: &str, levels: [Value; 2]) -> (String, Vec<Value>) {
    (name.to_string(), levels.to_vec())
}

#[test]
fn json_holds_each_persons_levels_the_distribution_and_the_target_view() {
    let value = json_of(&["--target", "senior"]);
    assert_eq!(
        value["framework"],
        json!({ "id": "teamwork-walk", "version": "1.0" })
    );
    assert_eq!(
        levels(&value),
        vec![
            person("Alex Rivera", [json!("leading"), json!("growing")]),
            person("Bo Diaz", [json!("starting"), Value::Null]),
            person("Cy Okafor", [json!("growing"), json!("starting")]),
            person("dee", [Value::Null, json!("growing")]),
        ]
    );
    let subjects = value["subjects"].as_array().expect("subjects");
    assert_eq!(subjects[1]["file"], "tests/fixtures/team/bo.json");
    assert_eq!(subjects[2]["complete"], false);
    assert_eq!(subjects[0]["complete"], true);
    assert_eq!(subjects[0]["competencies"][0]["rank"], 3);
    assert_eq!(subjects[0]["competencies"][0]["score"], 3.0);

    let listening = &value["competencies"][0];
    assert_eq!(
        listening["distribution"],
        json!({ "none": 1, "starting": 1, "growing": 1, "leading": 1, "not_applicable": 0 })
    );
    assert_eq!(listening["target"], "leading");
    assert_eq!(listening["met"], 1);
    assert_eq!(listening["holders"], json!(["Alex Rivera"]));
    assert_eq!(listening["single_point_of_failure"], true);
    let sharing = &value["competencies"][1];
    assert_eq!(
        sharing["distribution"],
        json!({ "none": 1, "starting": 1, "growing": 2, "not_applicable": 0 })
    );
    assert_eq!(sharing["met"], 2);
    assert_eq!(sharing["holders"], json!(["Alex Rivera", "dee"]));
    assert_eq!(sharing["single_point_of_failure"], false);
}

#[test]
fn without_a_target_met_and_holders_are_empty() {
    let value = json_of(&[]);
    assert_eq!(value["competencies"][0]["target"], Value::Null);
    assert_eq!(value["competencies"][0]["met"], Value::Null);
    assert_eq!(value["competencies"][0]["holders"], json!([]));
}

#[test]
fn another_relation_or_the_consensus_counts_on_request() {
    let value = json_of(&["--relation", "manager"]);
    assert_eq!(
        levels(&value),
        vec![
            person("Alex Rivera", [json!("growing"), json!("growing")]),
            person("Bo Diaz", [json!("leading"), json!("starting")]),
        ]
    );
    assert_eq!(value["without"], json!(["Cy Okafor", "dee"]));
    assert_eq!(
        value["subjects"][0]["file"],
        "tests/fixtures/team/managers/alex-by-sam.json"
    );
    // One other rater each: the consensus is the manager's view.
    let consensus = json_of(&["--consensus"]);
    assert_eq!(levels(&consensus), levels(&value));
    assert_eq!(consensus["view"], "consensus");
    assert_eq!(consensus["subjects"][0]["file"], Value::Null);
}

#[test]
fn the_table_shows_the_matrix_distribution_target_and_the_file_that_does_not_count() {
    let out = team(&["--target", "senior"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    insta::assert_snapshot!("team_table", out.stdout);
    assert_eq!(
        out.stderr,
        "note: 1 earlier file not counted: the latest of each person and rater counts; --verbose lists it\n"
    );
    let verbose = team(&["--target", "senior", "--verbose"]);
    assert!(
        verbose.stderr.contains(
            "note: tests/fixtures/team/archive/bo-2025.json: not counted, tests/fixtures/team/bo.json is later"
        ),
        "{}",
        verbose.stderr
    );
}

#[test]
fn colour_marks_ranks_only_when_asked() {
    let coloured = team(&["--color", "always"]);
    assert_eq!(coloured.code, 0, "{}", coloured.stderr);
    assert!(coloured.stdout.contains("\x1b["), "{}", coloured.stdout);
    let plain = command(&["team", TEAM, "--framework", FRAMEWORK, "--color", "never"]).run();
    assert!(!plain.stdout.contains('\x1b'), "{}", plain.stdout);
}

#[test]
fn csv_has_a_row_per_person_and_a_column_per_competency() {
    let out = team(&["--format", "csv"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(
        out.stdout,
        "subject,complete,file,answered,of,track,best_fit,next_role,next_gap,listening,sharing\r\n\
         Alex Rivera,yes,tests/fixtures/team/alex.json,8,8,,senior,,,leading,growing\r\n\
         Bo Diaz,yes,tests/fixtures/team/bo.json,8,8,,,senior,4,starting,none\r\n\
         Cy Okafor,no,tests/fixtures/team/design/cy.json,7,8,,,senior,2,growing,starting\r\n\
         dee,yes,tests/fixtures/team/design/dee.json,8,8,,,senior,2,none,growing\r\n"
    );
}

#[test]
fn markdown_and_html_show_the_matrix() {
    let md = team(&["--format", "markdown", "--target", "senior"]);
    assert_eq!(md.code, 0, "{}", md.stderr);
    insta::assert_snapshot!("team_markdown", md.stdout);
    let html = team(&["--format", "html", "--target", "senior"]);
    assert_eq!(html.code, 0, "{}", html.stderr);
    let page = html.stdout;
    assert!(page.contains("Content-Security-Policy"), "{page}");
    assert!(page.contains("class=\"heatmap\""), "{page}");
    assert!(page.contains("@media print"), "{page}");
    assert!(!page.contains("<script"), "{page}");
    assert!(
        !page.contains("http://") && !page.contains("https://"),
        "{page}"
    );
    assert_eq!(
        page.matches("<td class=\"cell\"").count(),
        8,
        "4 people × 2"
    );
    assert!(
        page.contains("Cy Okafor (in progress: 7 of 8 answered)"),
        "{page}"
    );
    assert!(page.contains("one person only"), "{page}");
}

#[test]
fn ndjson_has_a_row_per_person_rater_and_rated_indicator() {
    let out = team(&["--format", "ndjson"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let rows: Vec<Value> = out
        .stdout
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is JSON"))
        .collect();
    // Self: Alex 8, Bo 8 (and 8 of the older Bo file, not the latest), Cy 7 (sha-3 unrated),
    // dee 8 (one na); managers: 8 + 8.
    assert_eq!(rows.len(), 8 + 8 + 8 + 7 + 8 + 8 + 8);
    let fields = [
        "subject",
        "rater",
        "relation",
        "framework",
        "framework_version",
        "competency",
        "level",
        "indicator",
        "value",
        "na",
        "round",
        "latest",
        "completed_at",
        "file",
    ];
    for row in &rows {
        for field in fields {
            assert!(row.get(field).is_some(), "{field} missing in {row}");
        }
    }
    let dee_na = rows
        .iter()
        .find(|r| r["subject"] == "dee" && r["indicator"] == "lis-5")
        .expect("dee's na row");
    assert_eq!(dee_na["value"], Value::Null);
    assert_eq!(dee_na["na"], true);
    assert_eq!(dee_na["level"], "leading");
    assert_eq!(dee_na["competency"], "listening");
    assert_eq!(dee_na["relation"], "self");
    let sam = rows
        .iter()
        .find(|r| r["rater"] == "Sam Lee" && r["subject"] == "Bo Diaz" && r["indicator"] == "sha-3")
        .expect("Sam's rating of Bo");
    assert_eq!(sam["value"], 2);
    assert_eq!(sam["relation"], "manager");
    assert_eq!(sam["completed_at"], "2026-06-05T10:30:00Z");
    let cy = rows
        .iter()
        .find(|r| r["subject"] == "Cy Okafor")
        .expect("Cy");
    assert_eq!(cy["completed_at"], Value::Null);
    let older: Vec<&Value> = rows
        .iter()
        .filter(|r| r["file"] == "tests/fixtures/team/archive/bo-2025.json")
        .collect();
    assert_eq!(older.len(), 8, "the older file of Bo is in the feed");
    assert!(older.iter().all(|r| r["latest"] == false));
    assert_eq!(
        rows.iter().filter(|r| r["latest"] == true).count(),
        rows.len() - 8
    );
    assert!(rows.iter().all(|r| r["round"] == TEAM));
    let managers = team(&["--format", "ndjson", "--relation", "manager"]);
    assert_eq!(managers.stdout.lines().count(), 16);
}

/// A framework of `n` competencies with long names, and people with long names.
fn wide_team(dir: &std::path::Path, competencies: usize) -> std::path::PathBuf {
    let mut yaml = String::from(
        "id: wide\nname: Wide\nversion: \"1\"\nlevels: [{ id: one, name: One }, { id: two, name: Two }]\ncompetencies:\n",
    );
    for c in 0..competencies {
        yaml.push_str(&format!(
            "  - id: c{c}\n    name: A rather long competency name number {c}\n    levels:\n      - level: one\n        indicators: [{{ id: c{c}-1, text: Does one }}]\n      - level: two\n        indicators: [{{ id: c{c}-2, text: Does two }}]\n"
        ));
    }
    let framework = dir.join("wide.yaml");
    std::fs::write(&framework, yaml).expect("write framework");
    // Not the file's digest: the files read as made against another version, which only warns.
    let digest = "sha256:0";
    let people = dir.join("people");
    std::fs::create_dir(&people).expect("folder");
    for p in 0..6 {
        let ratings: serde_json::Map<String, Value> = (0..competencies)
            .flat_map(|c| {
                [
                    (format!("c{c}-1"), json!({ "value": 1 + (p + c) % 4 })),
                    (format!("c{c}-2"), json!({ "value": 1 + (p * c) % 4 })),
                ]
            })
            .collect();
        let doc = json!({
            "format": "rungs-assessment/1",
            "framework": { "id": "wide", "version": "1", "digest": digest },
            "subject": format!("Maximiliana Alexandrova-Featherstonehaugh {p}"),
            "started_at": "2026-01-01T00:00:00Z",
            "completed_at": "2026-01-01T01:00:00Z",
            "ratings": ratings,
        });
        std::fs::write(people.join(format!("p{p}.json")), doc.to_string()).expect("write");
    }
    framework
}

#[test]
fn a_wide_team_stays_within_80_columns() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let framework = wide_team(dir.path(), 30);
    let people = dir.path().join("people").display().to_string();
    let out = command(&[
        "team",
        &people,
        "--framework",
        &framework.display().to_string(),
        "-q",
    ])
    .env("NO_COLOR", "1")
    .run();
    assert_eq!(out.code, 0, "{}", out.stderr);
    for line in out.stdout.lines() {
        assert!(
            console::measure_text_width(line) <= 80,
            "{} columns: {line}",
            console::measure_text_width(line)
        );
    }
    // Names are cut, every competency still has its column and its name in a legend.
    assert!(
        out.stdout.contains("Maximiliana Alexandrova…"),
        "{}",
        out.stdout
    );
    for c in 1..=30 {
        assert!(out.stdout.contains(&format!("C{c} A rather long")), "C{c}");
    }
    // 30 competencies at 4 columns do not fit beside the names: the people come again.
    assert!(
        out.stdout.matches("Maximiliana Alexandrova…").count() >= 12,
        "{}",
        out.stdout
    );
}

fn sandbox(extra: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temporary folder");
    for name in ["alex.json", "bo.json"] {
        std::fs::copy(fixture(&format!("team/{name}")), dir.path().join(name)).expect("copy");
    }
    for (name, text) in extra {
        std::fs::write(dir.path().join(name), text).expect("write");
    }
    dir
}

#[test]
fn bad_files_fail_each_named_unless_skipped_and_nothing_is_written_beside_them() {
    let other = std::fs::read_to_string(fixture("team/bo.json"))
        .expect("fixture")
        .replace("\"teamwork-walk\"", "\"networking\"")
        .replace("Bo Diaz", "Flo");
    let dir = sandbox(&[
        (
            "truncated.json",
            "{\"format\": \"rungs-assessment/1\", \"framework\": {",
        ),
        ("settings.json", "[1, 2, 3]"),
        ("flo.json", &other),
    ]);
    let before: Vec<_> = std::fs::read_dir(dir.path())
        .expect("list")
        .map(|e| e.expect("entry").file_name())
        .collect();
    let path = dir.path().display().to_string();
    let out = run(&["team", &path, "--framework", FRAMEWORK]);
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert_eq!(out.stdout, "");
    let shown = out.stderr.replace(&path, "[DIR]");
    assert!(
        shown.contains("error: [DIR]/flo.json: other framework: "),
        "{shown}"
    );
    assert!(
        shown.contains("error: [DIR]/settings.json: not an assessment: "),
        "{shown}"
    );
    assert!(
        shown.contains("error: [DIR]/truncated.json: corrupt: "),
        "{shown}"
    );
    assert!(shown.contains("3 files left out of 5"), "{shown}");

    let out = run(&[
        "team",
        &path,
        "--framework",
        FRAMEWORK,
        "--skip-invalid",
        "--format",
        "csv",
    ]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(out.stdout.lines().count(), 3, "{}", out.stdout);
    assert_eq!(out.stderr.matches("skipped: ").count(), 3, "{}", out.stderr);
    let mut after: Vec<_> = std::fs::read_dir(dir.path())
        .expect("list")
        .map(|e| e.expect("entry").file_name())
        .collect();
    after.sort();
    let mut before = before;
    before.sort();
    assert_eq!(after, before, "nothing is written next to the inputs");
}

#[test]
fn a_missing_path_and_an_empty_folder_are_bad_input() {
    let out = run(&["team", "tests/fixtures/no-such-folder"]);
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert!(
        out.stderr
            .contains("tests/fixtures/no-such-folder: unreadable: cannot read"),
        "{}",
        out.stderr
    );
    let dir = tempfile::tempdir().expect("temporary folder");
    let out = run(&["team", &dir.path().display().to_string()]);
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert!(
        out.stderr.contains("no assessment files (*.json) found"),
        "{}",
        out.stderr
    );
}

#[test]
fn a_track_changes_the_ladder_the_team_is_scored_on() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let framework = fixture("frameworks/engineering-ladder.yaml");
    let ids = [
        "sd-jr-1", "sd-en-1", "sd-sr-1", "sd-st-1", "sd-pr-1", "me-en-1", "me-sr-1", "me-st-1",
        "me-mg-1", "me-di-1", "de-jr-1", "de-en-1", "de-sr-1", "de-st-1", "de-mg-1", "de-pr-1",
        "de-di-1",
    ];
    // Everything shown but the staff level (on the individual contributor track only).
    let answers: String = ids
        .iter()
        .map(|id| format!("{id}: {}\n", if id.contains("-st-") { 1 } else { 4 }))
        .collect();
    std::fs::write(dir.path().join("answers.yaml"), answers).expect("answers");
    let people = dir.path().join("people");
    std::fs::create_dir(&people).expect("folder");
    let framework_arg = framework.display().to_string();
    let made = run(&[
        "assess",
        &framework_arg,
        "--answers",
        &dir.path().join("answers.yaml").display().to_string(),
        "--subject",
        "Robin",
        "--out",
        &people.join("robin.json").display().to_string(),
    ]);
    assert_eq!(made.code, 0, "{}", made.stderr);
    let people_arg = people.display().to_string();
    let mentoring = |track: &[&str]| -> (Value, Value) {
        let mut args = vec![
            "team",
            &people_arg,
            "--framework",
            &framework_arg,
            "--format",
            "json",
        ];
        args.extend_from_slice(track);
        let out = run(&args);
        assert_eq!(out.code, 0, "{}", out.stderr);
        let value: Value = serde_json::from_str(&out.stdout).expect("JSON");
        let at = value["competencies"]
            .as_array()
            .expect("competencies")
            .iter()
            .position(|c| c["id"] == "mentoring")
            .expect("mentoring");
        (
            value["subjects"][0]["competencies"][at].clone(),
            value["competencies"][at]["distribution"].clone(),
        )
    };
    // Individual contributor (the first track): staff is not shown, so senior is the top held.
    let (ic, ic_distribution) = mentoring(&[]);
    assert_eq!(ic["level"], "senior");
    assert_eq!(ic["rank"], 3);
    assert_eq!(
        ic_distribution,
        json!({ "none": 0, "engineer": 0, "senior": 1, "staff": 0, "not_applicable": 0 })
    );
    // Manager track: manager and director are on the ladder and shown.
    let (manager, manager_distribution) = mentoring(&["--track", "manager"]);
    assert_eq!(manager["level"], "director");
    assert_eq!(manager["rank"], 5);
    assert_eq!(
        manager_distribution,
        json!({ "none": 0, "engineer": 0, "senior": 0, "manager": 0, "director": 1, "not_applicable": 0 })
    );
    let unknown = run(&[
        "team",
        &people_arg,
        "--framework",
        &framework_arg,
        "--track",
        "nope",
    ]);
    assert_eq!(unknown.code, 2, "{}", unknown.stderr);
    assert!(unknown.stderr.contains("nope"), "{}", unknown.stderr);
}

#[test]
fn the_readme_team_session_is_real_output() {
    // The six people of the team session of docs/TEAMS.md, rated with --answers.
    let out = command(&[
        "team",
        "tests/fixtures/readme/team",
        "--target-level",
        "sustaining",
    ])
    .env("NO_COLOR", "1")
    .succeeds();
    let guide = crate::support::doc("docs/TEAMS.md");
    assert!(
        guide.contains(&format!("```text\n{out}```")),
        "docs/TEAMS.md's team session differs from what rungs prints now:\n{out}"
    );
}

#[test]
fn counts_say_their_plurals_two_competencies_on_one_person_and_two_files_of_another_version() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let framework = dir.path().join("pair.yaml");
    std::fs::write(
        &framework,
        "id: pair\nname: Pair\nversion: \"2\"\nlevels: [{ id: one, name: One }, { id: two, name: Two }]\n\
         competencies:\n\
         \x20 - { id: a, name: Asking, levels: [{ level: one, indicators: [{ id: a-1, text: Asks }] }, { level: two, indicators: [{ id: a-2, text: Asks well }] }] }\n\
         \x20 - { id: b, name: Building, levels: [{ level: one, indicators: [{ id: b-1, text: Builds }] }, { level: two, indicators: [{ id: b-2, text: Builds well }] }] }\n\
         targets: [{ id: lead, name: Lead, levels: { a: two, b: two } }]\n",
    )
    .expect("write framework");
    let people = dir.path().join("people");
    std::fs::create_dir(&people).expect("folder");
    for (name, value) in [("Ana", 4), ("Ben", 1)] {
        let doc = json!({
            "format": "rungs-assessment/1",
            // Not the file's digest: both files read as made against another version.
            "framework": { "id": "pair", "version": "1", "digest": "sha256:0" },
            "subject": name,
            "started_at": "2026-01-01T00:00:00Z",
            "completed_at": "2026-01-01T01:00:00Z",
            "ratings": {
                "a-1": { "value": value }, "a-2": { "value": value },
                "b-1": { "value": value }, "b-2": { "value": value }
            },
        });
        std::fs::write(people.join(format!("{name}.json")), doc.to_string()).expect("write");
    }
    let out = command(&["team"])
        .arg(&people)
        .arg("--framework")
        .arg(&framework)
        .args(&["--target", "lead", "--color", "never"])
        .run();
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stdout
            .ends_with("2 competencies rest on one person only.\n"),
        "{}",
        out.stdout
    );
    assert_eq!(
        out.stderr,
        "warning: 2 files were made against another version of framework pair (2 now); ratings are matched by indicator id\n"
    );
}

#[test]
fn a_file_team_reads_briefly_is_refused_as_report_refuses_it() {
    // team reads a plain file of its framework without building the assessment; what the full
    // reading refuses must be refused alike: an id rated twice (in file order or not), a time
    // later than tomorrow, an edited indicator map.
    let bo = std::fs::read_to_string(fixture("team/bo.json")).expect("fixture");
    let cases = [
        (
            "twice.json",
            bo.replacen(
                "\"ratings\": {",
                "\"ratings\": {\n    \"lis-1\": { \"value\": 1 },",
                1,
            ),
            "ratings: \"lis-1\" is given twice",
        ),
        (
            "twice-at-the-end.json",
            bo.replacen(
                "\"sha-3\": {",
                "\"sha-3\": { \"value\": 1 },\n    \"sha-3\": {",
                1,
            ),
            "ratings: \"sha-3\" is given twice",
        ),
        (
            "future.json",
            bo.replace("2026-06-02T09:30:00Z", "9999-12-31T09:30:00Z"),
            "is in the future",
        ),
    ];
    for (name, text, problem) in cases {
        assert_ne!(text, bo, "{name} changes the file");
        let dir = tempfile::tempdir().expect("temporary folder");
        std::fs::write(dir.path().join(name), &text).expect("write");
        let path = dir.path().display().to_string();
        let out = run(&["team", &path, "--framework", FRAMEWORK]);
        assert_eq!(out.code, 2, "{name}: {}", out.stderr);
        assert!(
            out.stderr.contains(&format!("{name}: corrupt: ")) && out.stderr.contains(problem),
            "{name}: {}",
            out.stderr
        );
        let report = run(&[
            "report",
            &dir.path().join(name).display().to_string(),
            "--framework",
            FRAMEWORK,
        ]);
        assert_eq!(report.code, 2, "{name}: {}", report.stderr);
        assert!(report.stderr.contains(problem), "{name}: {}", report.stderr);
    }
}

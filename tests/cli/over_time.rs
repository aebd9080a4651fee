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
//! | Ben | growing (3 3 3 3 1) | none (2 2 2) | starting (3 3 2 2 1) | starting (3 3 2) |
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
        assessment("Ben", None, a, [3, 3, 2, 2, 1, 3, 3, 2]),
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

fn json_over_time(dir: &Path, args: &[&str]) -> Value {
    let mut all = vec!["spring", "autumn", "--over-time", "--format", "json"];
    all.extend_from_slice(args);
    let out = team_in(dir, &all);
    assert_eq!(out.code, 0, "{}", out.stderr);
    serde_json::from_str(&out.stdout).expect("JSON")
}

/// A round's label and the level per competency.
type RoundLevels = (String, Vec<Value>);

/// subject -> [(round, [level per competency])]
fn rounds_of(value: &Value) -> Vec<(String, Vec<RoundLevels>)> {
    value["subjects"]
        .as_array()
        .expect("subjects")
        .iter()
        .map(|s| {
            let rounds = s["rounds"]
                .as_array()
                .expect("rounds per subject")
                .iter()
                .map(|r| {
                    (
                        r["round"].as_str().expect("round").to_string(),
                        r["competencies"]
                            .as_array()
                            .expect("competencies")
                            .iter()
                            .map(|c| c["level"].clone())
                            .collect(),
                    )
                })
                .collect();
            (s["subject"].as_str().expect("subject").to_string(), rounds)
        })
        .collect()
}

fn round(label: &str, levels: [Value; 2]) -> RoundLevels {
    (label.to_string(), levels.to_vec())
}

#[test]
fn json_over_time_has_the_rounds_each_persons_rounds_per_round_distributions_and_movement() {
    let dir = tempfile::tempdir().expect("temporary folder");
    two_rounds(dir.path());
    let value = json_over_time(dir.path(), &[]);
    assert_eq!(value["rounds"], json!(["spring", "autumn"]));
    assert_eq!(
        rounds_of(&value),
        vec![
            (
                "Ana".to_string(),
                vec![
                    round("spring", [json!("starting"), json!("starting")]),
                    round("autumn", [json!("growing"), json!("growing")]),
                ]
            ),
            (
                "Ben".to_string(),
                vec![
                    round("spring", [json!("growing"), Value::Null]),
                    round("autumn", [json!("starting"), json!("starting")]),
                ]
            ),
            // In autumn only: only that round.
            (
                "Cy".to_string(),
                vec![round("autumn", [json!("starting"), Value::Null])]
            ),
        ]
    );
    // The team itself counts each person's latest file over both rounds.
    let ana = &value["subjects"][0];
    assert_eq!(ana["file"], "autumn/ana.json");
    assert_eq!(ana["competencies"][0]["level"], "growing");
    assert_eq!(ana["rounds"][0]["competencies"][0]["rank"], 1);
    assert_eq!(ana["rounds"][1]["competencies"][0]["score"], 2.0);
    let listening = &value["competencies"][0];
    assert_eq!(
        listening["rounds"],
        json!([
            { "round": "spring", "distribution": { "none": 0, "starting": 1, "growing": 1, "leading": 0, "not_applicable": 0 } },
            { "round": "autumn", "distribution": { "none": 0, "starting": 2, "growing": 1, "leading": 0, "not_applicable": 0 } },
        ])
    );
    assert_eq!(
        value["competencies"][1]["rounds"][0]["distribution"],
        json!({ "none": 1, "starting": 1, "growing": 0, "not_applicable": 0 })
    );
    let moves: Vec<(String, String, String, Value, Value, String)> = value["movement"]
        .as_array()
        .expect("movement")
        .iter()
        .map(|m| {
            (
                m["subject"].as_str().expect("subject").to_string(),
                m["competency"].as_str().expect("competency").to_string(),
                format!("{} -> {}", m["from_round"], m["to_round"]),
                m["before"]["level"].clone(),
                m["after"]["level"].clone(),
                m["change"].as_str().expect("change").to_string(),
            )
        })
        .collect();
    let moved = |s: &str, c: &str, before: Value, after: Value, change: &str| {
        (
            s.to_string(),
            c.to_string(),
            "\"spring\" -> \"autumn\"".to_string(),
            before,
            after,
            change.to_string(),
        )
    };
    assert_eq!(
        moves,
        vec![
            moved(
                "Ana",
                "listening",
                json!("starting"),
                json!("growing"),
                "up"
            ),
            moved("Ana", "sharing", json!("starting"), json!("growing"), "up"),
            moved(
                "Ben",
                "listening",
                json!("growing"),
                json!("starting"),
                "down"
            ),
            moved("Ben", "sharing", Value::Null, json!("starting"), "up"),
        ]
    );
    // Without --over-time: no rounds anywhere.
    let plain = team_in(dir.path(), &["spring", "autumn", "--format", "json"]);
    let plain: Value = serde_json::from_str(&plain.stdout).expect("JSON");
    assert!(plain.get("rounds").is_none() && plain.get("movement").is_none());
    assert!(plain["subjects"][0].get("rounds").is_none());
}

#[test]
fn rounds_follow_the_view_a_managers_rounds_and_the_order_given() {
    let dir = tempfile::tempdir().expect("temporary folder");
    two_rounds(dir.path());
    // Mo rated Ben in spring only: one round, so no movement.
    let value = json_over_time(dir.path(), &["--relation", "manager"]);
    assert_eq!(
        rounds_of(&value),
        vec![(
            "Ben".to_string(),
            vec![round("spring", [json!("leading"), json!("growing")])]
        )]
    );
    assert_eq!(value["movement"], json!([]));
    // Rounds are in the order given, not by date: backwards, every move turns round.
    let out = team_in(
        dir.path(),
        &["autumn", "spring", "--over-time", "--format", "json"],
    );
    let value: Value = serde_json::from_str(&out.stdout).expect("JSON");
    assert_eq!(value["rounds"], json!(["autumn", "spring"]));
    assert_eq!(value["movement"][0]["change"], "down");
    assert_eq!(value["movement"][0]["from_round"], "autumn");
}

#[test]
fn table_markdown_csv_and_html_show_each_rounds_distribution_and_who_moved() {
    let dir = tempfile::tempdir().expect("temporary folder");
    two_rounds(dir.path());
    let table = team_in(dir.path(), &["spring", "autumn", "--over-time"]);
    assert_eq!(table.code, 0, "{}", table.stderr);
    insta::assert_snapshot!("team_over_time_table", table.stdout);
    let guide = crate::support::doc("docs/TEAMS.md");
    let rounds_part = &table.stdout[table
        .stdout
        .find("How many people hold each level, per round")
        .expect("the rounds table")..];
    assert!(
        guide.contains(rounds_part),
        "docs/TEAMS.md's rounds tables differ from what rungs prints now:\n{rounds_part}"
    );

    let csv = team_in(
        dir.path(),
        &["spring", "autumn", "--over-time", "--format", "csv"],
    );
    assert_eq!(csv.code, 0, "{}", csv.stderr);
    assert_eq!(
        csv.stdout,
        "subject,complete,file,answered,of,track,best_fit,next_role,next_gap,listening,sharing\r\n\
         Ana,yes,autumn/ana.json,8,8,,,senior,1,growing,growing\r\n\
         Ben,yes,autumn/ben.json,8,8,,,senior,3,starting,starting\r\n\
         Cy,yes,autumn/cy.json,8,8,,,senior,3,starting,none\r\n\
         \r\n\
         competency,round,none,starting,growing,leading\r\n\
         listening,spring,0,1,1,0\r\n\
         listening,autumn,0,2,1,0\r\n\
         sharing,spring,1,1,0,\r\n\
         sharing,autumn,1,1,1,\r\n\
         \r\n\
         subject,competency,from_round,before,to_round,after,change\r\n\
         Ana,listening,spring,starting,autumn,growing,up\r\n\
         Ana,sharing,spring,starting,autumn,growing,up\r\n\
         Ben,listening,spring,growing,autumn,starting,down\r\n\
         Ben,sharing,spring,none,autumn,starting,up\r\n"
    );

    let md = team_in(
        dir.path(),
        &["spring", "autumn", "--over-time", "--format", "markdown"],
    );
    assert_eq!(md.code, 0, "{}", md.stderr);
    assert!(
        md.stdout.contains("## Distribution per round"),
        "{}",
        md.stdout
    );
    assert!(
        md.stdout.contains("| Listening | autumn | 0 | 2 | 1 | 0 |"),
        "{}",
        md.stdout
    );
    assert!(
        md.stdout
            .contains("| Ben | Listening | 2 growing (spring) | 1 starting (autumn) | ↓ down |"),
        "{}",
        md.stdout
    );

    let html = team_in(
        dir.path(),
        &["spring", "autumn", "--over-time", "--format", "html"],
    );
    assert_eq!(html.code, 0, "{}", html.stderr);
    let page = html.stdout;
    assert!(page.contains("<h2>Distribution per round</h2>"), "{page}");
    assert!(page.contains("<h2>Who moved</h2>"), "{page}");
    assert!(
        page.contains("<tr><td>Ben</td><td>Sharing</td><td>none (spring)</td><td>1 starting (autumn)</td><td>↑ up</td></tr>"),
        "{page}"
    );
    assert!(!page.contains("<script"), "{page}");
}

/// Two people of the engineering ladder (tracks ic: junior engineer senior staff principal;
/// manager: junior engineer senior manager director) rated 4 on everything but the staff
/// indicators: Robin records no track (so the default, ic), Morgan records the manager track.
fn two_tracks(dir: &Path) -> (PathBuf, PathBuf) {
    let framework = crate::support::fixture("frameworks/engineering-ladder.yaml");
    let ids = [
        "sd-jr-1", "sd-en-1", "sd-sr-1", "sd-st-1", "sd-pr-1", "me-en-1", "me-sr-1", "me-st-1",
        "me-mg-1", "me-di-1", "de-jr-1", "de-en-1", "de-sr-1", "de-st-1", "de-mg-1", "de-pr-1",
        "de-di-1",
    ];
    let answers: String = ids
        .iter()
        .map(|id| format!("{id}: {}\n", if id.contains("-st-") { 1 } else { 4 }))
        .collect();
    std::fs::write(dir.join("answers.yaml"), answers).expect("answers");
    let people = dir.join("people");
    std::fs::create_dir_all(&people).expect("folder");
    for (name, track) in [("Robin", None), ("Morgan", Some("manager"))] {
        let mut made = command(&["assess"])
            .arg(&framework)
            .arg("--answers")
            .arg(dir.join("answers.yaml"))
            .args(&["--subject", name, "--out"])
            .arg(people.join(format!("{}.json", name.to_lowercase())));
        if let Some(track) = track {
            made = made.args(&["--track", track]);
        }
        let made = made.run();
        assert_eq!(made.code, 0, "{}", made.stderr);
    }
    (framework, people)
}

#[test]
fn each_person_is_scored_on_the_track_their_assessment_records_with_a_best_fit_everywhere() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let (framework, people) = two_tracks(dir.path());
    let team = |args: &[&str]| {
        command(&["team"])
            .arg(&people)
            .arg("--framework")
            .arg(&framework)
            .args(args)
            .env("NO_COLOR", "1")
            .run()
    };
    let out = team(&["--format", "json"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let value: Value = serde_json::from_str(&out.stdout).expect("JSON");
    let subjects = value["subjects"].as_array().expect("subjects");
    let mentoring = value["competencies"]
        .as_array()
        .expect("competencies")
        .iter()
        .position(|c| c["id"] == "mentoring")
        .expect("mentoring");
    let morgan = &subjects[0];
    let robin = &subjects[1];
    assert_eq!(morgan["subject"], "Morgan");
    assert_eq!(morgan["track"], "manager");
    // Director is on the manager track only: Morgan holds it, Robin tops out at senior.
    assert_eq!(morgan["competencies"][mentoring]["level"], "director");
    assert_eq!(morgan["competencies"][mentoring]["rank"], 5);
    assert_eq!(robin["track"], "ic");
    assert_eq!(robin["competencies"][mentoring]["level"], "senior");
    // The distribution shows the levels of both tracks.
    assert_eq!(
        value["competencies"][mentoring]["distribution"],
        json!({ "none": 0, "engineer": 0, "senior": 1, "staff": 0, "manager": 0, "director": 1, "not_applicable": 0 })
    );
    // Each best fit is the one `report` gives the same file on its own track.
    for (subject, file) in [(morgan, "morgan.json"), (robin, "robin.json")] {
        let report = command(&["report"])
            .arg(people.join(file))
            .arg("--framework")
            .arg(&framework)
            .args(&["--format", "json"])
            .run();
        assert_eq!(report.code, 0, "{}", report.stderr);
        let report: Value = serde_json::from_str(&report.stdout).expect("JSON");
        assert!(report["best_fit"].is_object(), "{report}");
        assert_eq!(subject["best_fit"], report["best_fit"], "{file}");
    }
    assert_ne!(morgan["best_fit"], robin["best_fit"]);
    let role = |s: &Value| s["best_fit"]["role"].as_str().unwrap_or("").to_string();

    // --track puts everyone on one ladder.
    let ic = team(&["--format", "json", "--track", "ic"]);
    let ic: Value = serde_json::from_str(&ic.stdout).expect("JSON");
    assert_eq!(ic["subjects"][0]["track"], "ic");
    assert_eq!(
        ic["subjects"][0]["competencies"][mentoring]["level"],
        "senior"
    );

    // Table, Markdown, HTML and CSV show each person's track and best-fit role.
    let table = team(&[]);
    assert_eq!(table.code, 0, "{}", table.stderr);
    let row = |name: &str| -> String {
        table
            .stdout
            .lines()
            .find(|l| l.starts_with(&format!("│ {name} ")))
            .unwrap_or_else(|| panic!("a row of {name}:\n{}", table.stdout))
            .to_string()
    };
    assert!(row("Morgan").contains("┆ manager ┆"), "{}", table.stdout);
    assert!(row("Robin").contains("┆ ic "), "{}", table.stdout);
    for (name, subject) in [("Morgan", morgan), ("Robin", robin)] {
        let shown = row(name);
        assert!(
            role(subject).is_empty() || shown.contains(&format!("({})", role(subject))),
            "{shown}"
        );
    }
    let md = team(&["--format", "markdown"]);
    assert!(md.stdout.contains("| Track | Best fit |"), "{}", md.stdout);
    let html = team(&["--format", "html"]);
    assert!(
        html.stdout.contains("<th>Track</th><th>Best fit</th>"),
        "{}",
        html.stdout
    );
    let csv = team(&["--format", "csv"]);
    let lines: Vec<&str> = csv.stdout.lines().collect();
    assert!(
        lines[0].starts_with("subject,complete,file,answered,of,track,best_fit,next_role,"),
        "{}",
        lines[0]
    );
    assert!(lines[1].starts_with("Morgan,yes,"), "{}", lines[1]);
    assert!(
        lines[1].contains(&format!(",manager,{},", role(morgan))),
        "{}",
        lines[1]
    );
    assert!(
        lines[2].contains(&format!(",ic,{},", role(robin))),
        "{}",
        lines[2]
    );
}

#[test]
fn a_competency_that_stops_applying_is_a_change_neither_up_nor_down() {
    let dir = tempfile::tempdir().expect("temporary folder");
    for (round, sharing) in [("spring", [3, 3, 1]), ("autumn", [0, 0, 0])] {
        std::fs::create_dir_all(dir.path().join(round)).expect("folder");
        let when = if round == "spring" {
            "2026-03-10T10:00:00Z"
        } else {
            "2026-09-10T10:00:00Z"
        };
        let values = [3, 3, 3, 3, 1, sharing[0], sharing[1], sharing[2]];
        std::fs::write(
            dir.path().join(round).join("dee.json"),
            assessment("Dee", None, when, values),
        )
        .expect("write");
    }
    let value = json_over_time(dir.path(), &[]);
    let moves = value["movement"].as_array().expect("movement");
    assert_eq!(moves.len(), 1, "{value}");
    assert_eq!(moves[0]["competency"], "sharing");
    assert_eq!(moves[0]["before"]["level"], "starting");
    assert_eq!(moves[0]["after"]["level"], Value::Null);
    assert_eq!(moves[0]["after"]["applicable"], false);
    assert_eq!(moves[0]["change"], "changed");
    let md = team_in(
        dir.path(),
        &["spring", "autumn", "--over-time", "--format", "markdown"],
    );
    assert!(
        md.stdout.contains(
            "| Dee | Sharing | 1 starting (spring) | not applicable (autumn) | ~ changed |"
        ),
        "{}",
        md.stdout
    );
    let csv = team_in(
        dir.path(),
        &["spring", "autumn", "--over-time", "--format", "csv"],
    );
    assert!(
        csv.stdout
            .contains("Dee,sharing,spring,starting,autumn,not_applicable,changed\r\n"),
        "{}",
        csv.stdout
    );
}

//! Files from other people: every input is read bounded, what is not a regular file is refused
//! at once (named pipes, devices), and a folder lists each real file once. Pipes are made with
//! `mkfifo` and device links point at `/dev/zero` inside each test's own temporary folder; they
//! are only ever read.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::support::{fixture, Run};

const TEAM_FRAMEWORK: &str = "tests/fixtures/assess/teamwork.yaml";

/// Run `rungs ARGS` in `dir`; a run still going after 30 seconds is killed and fails the test
/// (a hang is what these tests look for).
fn run_bounded(dir: &Path, args: &[&str]) -> Run {
    let mut child = Command::new(env!("CARGO_BIN_EXE_rungs"))
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .env("NO_COLOR", "1")
        .env("COLUMNS", "80")
        .env_remove("RUST_BACKTRACE")
        .env_remove("RUNGS_FRAMEWORKS")
        .spawn()
        .expect("rungs starts");
    let start = Instant::now();
    while child.try_wait().expect("wait").is_none() {
        if start.elapsed() > Duration::from_secs(30) {
            let _ = child.kill();
            let _ = child.wait();
            panic!("rungs {args:?} still running after 30 s");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let output = child.wait_with_output().expect("output");
    Run {
        stdout: String::from_utf8(output.stdout).expect("UTF-8"),
        stderr: String::from_utf8(output.stderr).expect("UTF-8"),
        code: output.status.code().unwrap_or(-1),
    }
}

fn mkfifo(path: &Path) {
    let status = Command::new("mkfifo")
        .arg(path)
        .status()
        .expect("mkfifo runs");
    assert!(status.success(), "mkfifo {}", path.display());
}

fn link(target: &str, path: &Path) {
    std::os::unix::fs::symlink(target, path).expect("symlink");
}

/// A folder holding two team members' self-assessments.
fn team_folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::create_dir(dir.path().join("team")).expect("folder");
    for name in ["alex.json", "bo.json"] {
        std::fs::copy(
            fixture(&format!("team/{name}")),
            dir.path().join("team").join(name),
        )
        .expect("copy");
    }
    dir
}

fn framework() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(TEAM_FRAMEWORK)
}

#[test]
fn a_named_pipe_is_refused_at_once_wherever_a_file_is_read() {
    let dir = tempfile::tempdir().expect("temp dir");
    let pipe = |name: &str| {
        mkfifo(&dir.path().join(name));
        name.to_string()
    };
    let assessment = pipe("me.json");
    let yaml = pipe("ladder.yaml");
    let answers = pipe("answers.yaml");
    let sheet = pipe("sheet.csv");
    let case = pipe("package.json");
    let cases: [(Vec<&str>, String); 8] = [
        (
            vec!["report", &assessment],
            format!("{assessment}: is a named pipe, not an assessment file"),
        ),
        (
            vec!["diff", &assessment, &assessment],
            format!("{assessment}: is a named pipe, not an assessment file"),
        ),
        (
            vec!["show", &yaml],
            format!("{yaml}: is a named pipe, not a framework file"),
        ),
        (
            vec![
                "assess",
                "networking",
                "--answers",
                &answers,
                "-o",
                "out.json",
            ],
            format!("{answers}: is a named pipe, not an answers file"),
        ),
        (
            vec!["assess", "--resume", &assessment],
            format!("{assessment}: is a named pipe, not an assessment file"),
        ),
        (
            vec!["assess", "--from", &assessment, "-o", "out.json"],
            format!("{assessment}: is a named pipe, not an assessment file"),
        ),
        (
            vec!["import", "csv", &sheet],
            format!("{sheet}: is a named pipe, not a sheet"),
        ),
        (
            vec!["import", "case", &case],
            format!("{case}: is a named pipe, not a CASE package"),
        ),
    ];
    for (args, expected) in cases {
        let out = run_bounded(dir.path(), &args);
        assert_eq!(out.code, 2, "{args:?}: {}", out.stderr);
        assert!(out.stderr.contains(&expected), "{args:?}: {}", out.stderr);
        assert_eq!(out.stderr.lines().count(), 1, "{args:?}: {}", out.stderr);
        assert!(
            !dir.path().join("out.json").exists(),
            "{args:?} saved nothing"
        );
    }
}

/// Alex's assessment (`team/alex.json` of the fixtures) as `dir/alex.json`, its framework
/// recorded as `id` at `path`.
fn alex_recording(dir: &Path, id: &str, path: &str) {
    let text = std::fs::read_to_string(fixture("team/alex.json"))
        .expect("fixture")
        .replace(
            "\"id\": \"teamwork-walk\"",
            &format!("\"id\": {id:?}, \"path\": {path:?}"),
        );
    assert!(text.contains(path), "the fixture records a path");
    std::fs::write(dir.join("alex.json"), text).expect("write");
}

#[test]
fn a_recorded_framework_path_that_is_a_pipe_is_refused() {
    let dir = tempfile::tempdir().expect("temp dir");
    mkfifo(&dir.path().join("ladder.yaml"));
    let recorded = dir.path().join("ladder.yaml").display().to_string();
    alex_recording(dir.path(), "teamwork-walk", &recorded);
    let out = run_bounded(dir.path(), &["report", "alex.json"]);
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert!(
        out.stderr.contains(&format!(
            "{recorded}: is a named pipe, not a framework file"
        )),
        "{}",
        out.stderr
    );
}

#[test]
fn a_device_is_never_read_whole() {
    let dir = team_folder();
    link("/dev/zero", &dir.path().join("zero.json"));
    link("/dev/zero", &dir.path().join("team/z.json"));
    let framework = framework().display().to_string();
    let out = run_bounded(
        dir.path(),
        &[
            "compare",
            "zero.json",
            "team/alex.json",
            "--framework",
            &framework,
        ],
    );
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert!(
        out.stderr
            .contains("zero.json: unreadable: is a device, not an assessment file"),
        "{}",
        out.stderr
    );
    let out = run_bounded(dir.path(), &["team", "team", "--framework", &framework]);
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert!(
        out.stderr
            .contains("error: team/z.json: unreadable: is a device, not a file"),
        "{}",
        out.stderr
    );
    let out = run_bounded(
        dir.path(),
        &[
            "team",
            "team",
            "--framework",
            &framework,
            "--skip-invalid",
            "--format",
            "csv",
        ],
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(out.stdout.lines().count(), 3, "{}", out.stdout);
    assert_eq!(
        out.stderr,
        "skipped: team/z.json: unreadable: is a device, not a file\n"
    );
}

#[test]
fn a_pipe_in_a_folder_is_skipped_with_a_warning_and_hangs_nothing() {
    let dir = team_folder();
    mkfifo(&dir.path().join("team/pipe.json"));
    let framework = framework().display().to_string();
    let out = run_bounded(
        dir.path(),
        &[
            "team",
            "team",
            "--framework",
            &framework,
            "--skip-invalid",
            "--format",
            "csv",
        ],
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(
        out.stderr,
        "skipped: team/pipe.json: unreadable: is a named pipe, not a file\n"
    );
    let out = run_bounded(dir.path(), &["history", "team"]);
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert!(
        out.stderr
            .contains("team/pipe.json: is a named pipe, not a file"),
        "{}",
        out.stderr
    );

    std::fs::create_dir(dir.path().join("ladders")).expect("folder");
    std::fs::copy(&framework, dir.path().join("ladders/teamwork.yaml")).expect("copy");
    mkfifo(&dir.path().join("ladders/pipe.yaml"));
    let out = run_bounded(dir.path(), &["validate", "ladders"]);
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert!(
        out.stderr
            .contains("ladders/pipe.yaml: is a named pipe, not a file"),
        "{}",
        out.stderr
    );
}

#[test]
fn a_link_loop_in_a_team_folder_reads_each_file_once() {
    let dir = team_folder();
    link("..", &dir.path().join("team/again"));
    link("alex.json", &dir.path().join("team/alex-link.json"));
    let framework = framework().display().to_string();
    let out = run_bounded(
        dir.path(),
        &["team", "team", "--framework", &framework, "--format", "csv"],
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(out.stdout.lines().count(), 3, "{}", out.stdout);
    assert!(
        !out.stderr.contains("not counted"),
        "one real file is not superseded by itself: {}",
        out.stderr
    );
}

#[test]
fn a_recorded_framework_path_never_has_its_content_quoted() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(
        dir.path().join("secret.conf"),
        "password = hunter2\nuser = sam\n",
    )
    .expect("write");
    let recorded = dir.path().join("secret.conf").display().to_string();
    alex_recording(dir.path(), "elsewhere", &recorded);
    for args in [&["report", "alex.json"][..], &["team", "alex.json"][..]] {
        let out = run_bounded(dir.path(), args);
        assert_eq!(out.code, 2, "{args:?}: {}", out.stderr);
        assert!(!out.stderr.contains("hunter2"), "{args:?}: {}", out.stderr);
        assert!(!out.stderr.contains("password"), "{args:?}: {}", out.stderr);
    }
    let out = run_bounded(dir.path(), &["report", "alex.json"]);
    assert_eq!(
        out.stderr,
        format!("error: alex.json: framework \"elsewhere\" is neither built in nor in --frameworks, and its recorded file {recorded} is not a valid framework file; pass --framework PATH\n")
    );
}

#[test]
fn a_time_that_is_not_a_time_is_refused_and_never_counts_as_latest() {
    let dir = team_folder();
    let framework = framework().display().to_string();
    let alex = std::fs::read_to_string(dir.path().join("team/alex.json")).expect("read");
    for bad in ["not-a-date", "2026-13-45T99:99:99Z"] {
        let mut later: serde_json::Value = serde_json::from_str(&alex).expect("JSON");
        later["completed_at"] = bad.into();
        std::fs::write(dir.path().join("team/alex-again.json"), later.to_string()).expect("write");
        for args in [
            &["report", "team/alex-again.json", "--framework", &framework][..],
            &[
                "diff",
                "team/alex.json",
                "team/alex-again.json",
                "--framework",
                &framework,
            ][..],
        ] {
            let out = run_bounded(dir.path(), args);
            assert_eq!(out.code, 2, "{args:?}: {}", out.stderr);
            assert!(
                out.stderr.starts_with(&format!(
                    "error: team/alex-again.json: completed_at \"{bad}\" is not an RFC 3339 time"
                )),
                "{args:?}: {}",
                out.stderr
            );
        }
        let out = run_bounded(
            dir.path(),
            &[
                "team",
                "team",
                "--framework",
                &framework,
                "--skip-invalid",
                "--format",
                "json",
            ],
        );
        assert_eq!(out.code, 0, "{}", out.stderr);
        assert!(
            out.stderr
                .contains("skipped: team/alex-again.json: corrupt: completed_at \""),
            "{}",
            out.stderr
        );
        assert!(
            out.stdout.contains("team/alex.json"),
            "the valid file counts: {}",
            out.stdout
        );
    }
}

#[test]
fn a_byte_order_mark_is_accepted_in_every_json_input() {
    let dir = team_folder();
    let framework = framework().display().to_string();
    let mut bom = b"\xEF\xBB\xBF".to_vec();
    bom.extend(std::fs::read(dir.path().join("team/alex.json")).expect("read"));
    std::fs::write(dir.path().join("team/alex.json"), &bom).expect("write");
    let mut answers = b"\xEF\xBB\xBF".to_vec();
    answers.extend(br#"{"lis-1": 3}"#);
    std::fs::write(dir.path().join("answers.json"), &answers).expect("write");
    for args in [
        &["report", "team/alex.json", "--framework", &framework][..],
        &["team", "team", "--framework", &framework][..],
        &["history", "team/alex.json", "--framework", &framework][..],
        &[
            "assess",
            &framework,
            "--answers",
            "answers.json",
            "-o",
            "me.json",
        ][..],
    ] {
        let out = run_bounded(dir.path(), args);
        assert_eq!(out.code, 0, "{args:?}: {}", out.stderr);
    }
}

#[test]
fn report_and_team_refuse_alike_a_file_whose_recorded_text_print_was_edited() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::create_dir(dir.path().join("team")).expect("folder");
    let framework = framework().display().to_string();
    std::fs::write(dir.path().join("answers.yaml"), "lis-1: 3\nlis-2: 4\n").expect("write");
    let made = run_bounded(
        dir.path(),
        &[
            "assess",
            &framework,
            "--answers",
            "answers.yaml",
            "-o",
            "team/me.json",
            "-q",
        ],
    );
    assert_eq!(made.code, 0, "{}", made.stderr);
    let path = dir.path().join("team/me.json");
    let mut value: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&path).expect("saved")).expect("JSON");
    let print = &mut value["framework"]["indicators"]["lis-1"]["text"];
    assert!(print.is_string(), "the file records text prints: {value}");
    *print = "000000000000".into();
    std::fs::write(&path, value.to_string()).expect("write");
    let problem = "team/me.json: indicator \"lis-1\" has a recorded text print that does not match its text (the assessment does not match its framework)";
    let report = run_bounded(
        dir.path(),
        &["report", "team/me.json", "--framework", &framework],
    );
    assert_eq!(report.code, 2, "{}", report.stderr);
    assert_eq!(report.stderr, format!("error: {problem}\n"));
    let team = run_bounded(dir.path(), &["team", "team", "--framework", &framework]);
    assert_eq!(team.code, 2, "{}", team.stderr);
    assert!(
        team.stderr.contains(
            "error: team/me.json: corrupt: indicator \"lis-1\" has a recorded text print that does not match its text"
        ),
        "{}",
        team.stderr
    );
}

#[test]
fn many_columns_not_read_are_said_in_a_few_lines_and_a_count() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut header = vec!["competency".to_string(), "level".into(), "indicator".into()];
    header.extend((0..10_000).map(|i| format!("extra {i}")));
    let mut row = vec![
        "Listening".to_string(),
        "Starting".into(),
        "Lets others finish".into(),
    ];
    row.extend((0..10_000).map(|_| String::new()));
    std::fs::write(
        dir.path().join("wide.csv"),
        format!("{}\n{}\n", header.join(","), row.join(",")),
    )
    .expect("write");
    let out = run_bounded(
        dir.path(),
        &["import", "csv", "wide.csv", "-o", "wide.yaml"],
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    let warnings: Vec<&str> = out
        .stderr
        .lines()
        .filter(|l| l.contains("warning"))
        .collect();
    assert_eq!(warnings.len(), 6, "{}", out.stderr);
    assert!(
        warnings[0].contains("column \"extra 0\" is not read"),
        "{}",
        out.stderr
    );
    assert_eq!(
        warnings[5],
        "wide.csv:1:9: warning: and 9995 more columns are not read, from here on"
    );
}

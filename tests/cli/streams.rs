//! When stdout or stderr cannot be written: a closed pipe, a full disk, no stdout at all. rungs
//! never panics on them, saves what it was to save first, and fails in one line when its
//! output cannot be written.

use std::path::Path;
use std::process::{Command, Stdio};

use crate::support::Run;

/// Run `rungs ARGS` under `sh` with `redirect` applied (`2>/dev/full`, `>&-`), in `dir`.
fn run_redirected(dir: &Path, args: &[&str], redirect: &str) -> Run {
    let output = Command::new("sh")
        .arg("-c")
        .arg(format!("exec \"$0\" \"$@\" {redirect}"))
        .arg(env!("CARGO_BIN_EXE_rungs"))
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::null())
        .env("NO_COLOR", "1")
        .env_remove("RUST_BACKTRACE")
        .env_remove("RUNGS_FRAMEWORKS")
        .output()
        .expect("sh runs");
    Run {
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
        code: output.status.code().unwrap_or(-1),
    }
}

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn a_full_stderr_is_no_panic_and_what_was_answered_is_saved() {
    let out = run_redirected(root(), &["validate", "tests/broken"], "2>/dev/full");
    assert_eq!(out.code, 2, "invalid files, and no panic: {}", out.stdout);
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("answers.yaml"), "lis-1: 3\n").expect("write");
    let framework = root().join("tests/fixtures/assess/teamwork.yaml");
    let framework = framework.display().to_string();
    let args = [
        "assess",
        &framework,
        "--answers",
        "answers.yaml",
        "-o",
        "me.json",
    ];
    let out = run_redirected(dir.path(), &args, "2>/dev/full");
    assert_eq!(out.code, 0, "{}", out.stdout);
    let saved = std::fs::read_to_string(dir.path().join("me.json")).expect("saved");
    assert!(saved.contains("\"lis-1\""), "{saved}");
}

#[test]
fn a_stderr_closed_early_is_no_panic() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_rungs"))
        .args(["validate", "tests/broken"])
        .current_dir(root())
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .env_remove("RUST_BACKTRACE")
        .spawn()
        .expect("rungs starts");
    // The reading end goes before rungs writes its first line: each line meets a closed pipe.
    drop(child.stderr.take());
    let status = child.wait().expect("wait");
    assert_eq!(status.code(), Some(2));
}

#[test]
fn output_that_cannot_be_written_fails_in_one_line() {
    let report = [
        "report",
        "tests/fixtures/assessments/networking/2026-03-10.json",
        "-q",
    ];
    let team = [
        "team",
        "tests/fixtures/team",
        "--framework",
        "tests/fixtures/assess/teamwork.yaml",
        "--format",
        "csv",
        "-q",
    ];
    for args in [&report[..], &team[..]] {
        let out = run_redirected(root(), args, ">/dev/full");
        assert_eq!(out.code, 1, "{args:?}: {}", out.stderr);
        assert_eq!(
            out.stderr, "error: cannot write the output: no space left on device\n",
            "{args:?}"
        );
        let out = run_redirected(root(), args, ">/dev/null");
        assert_eq!(out.code, 0, "{args:?}: {}", out.stderr);
        assert_eq!(out.stderr, "", "{args:?}");
    }
}

/// Python's `subprocess.DEVNULL` opens `/dev/null` for reading and writing (`1<>/dev/null` in
/// a shell): output thrown away on purpose, the most common way a script silences a command.
/// A stdout closed outright (`>&-`) looks the same to rungs by the time it runs, and is taken
/// the same way.
#[test]
fn a_stdout_on_dev_null_opened_for_reading_and_writing_is_output_thrown_away() {
    let report = [
        "report",
        "tests/fixtures/assessments/networking/2026-03-10.json",
        "-q",
    ];
    for args in [&["list"][..], &report[..]] {
        for redirect in ["1<>/dev/null", ">&-"] {
            let out = run_redirected(root(), args, redirect);
            assert_eq!(out.code, 0, "{args:?} {redirect}: {}", out.stderr);
            assert_eq!(out.stderr, "", "{args:?} {redirect}");
        }
    }
}

#[test]
fn a_dash_reads_standard_input_for_answers_validate_report_and_show() {
    let networking =
        std::fs::read(crate::support::fixture("../../frameworks/networking.yaml")).expect("yaml");
    let valid = crate::support::command(&["validate", "-"])
        .env("NO_COLOR", "1")
        .stdin(networking.clone())
        .run();
    assert_eq!(valid.code, 0, "{}", valid.stderr);
    assert!(valid.stderr.contains("1 file valid"), "{}", valid.stderr);

    let shown = crate::support::command(&["show", "-"])
        .env("NO_COLOR", "1")
        .stdin(networking)
        .succeeds();
    let from_file = crate::support::rungs(&["show", "frameworks/networking.yaml"]);
    assert_eq!(shown, from_file.stdout);

    // A framework read from standard input is refused by line and column like a file.
    let broken = crate::support::command(&["validate", "-"])
        .env("NO_COLOR", "1")
        .stdin("id: x\nname: [\n")
        .run();
    assert_eq!(broken.code, 2, "{}", broken.stderr);
    assert!(broken.stderr.starts_with("-:3:1: "), "{}", broken.stderr);

    let assessment = std::fs::read(crate::support::fixture(
        "assessments/lasting-relationships/2026-06-20.json",
    ))
    .expect("fixture");
    let report = crate::support::command(&["report", "-", "--target-level", "sustaining"])
        .env("NO_COLOR", "1")
        .stdin(assessment.clone())
        .succeeds();
    let from_file = crate::support::rungs(&[
        "report",
        "tests/fixtures/assessments/lasting-relationships/2026-06-20.json",
        "--target-level",
        "sustaining",
    ]);
    assert_eq!(report, from_file.stdout);

    // Standard input is read once: a second `-` is refused, not read as empty.
    let twice = crate::support::command(&["diff", "-", "-"])
        .env("NO_COLOR", "1")
        .stdin(assessment)
        .run();
    assert_eq!(twice.code, 2, "{}", twice.stderr);
    assert!(
        twice.stderr.contains("-: standard input is read once"),
        "{}",
        twice.stderr
    );

    // Answers piped in (as from jq) make the same assessment as a file of them.
    let dir = tempfile::tempdir().expect("temporary folder");
    let out = dir.path().join("x.json");
    let piped = crate::support::command(&["assess", "networking", "--answers", "-", "-o"])
        .arg(&out)
        .env("NO_COLOR", "1")
        .stdin("{\"net-l2-1\": 3, \"net-l2-2\": \"na\"}")
        .run();
    assert_eq!(piped.code, 0, "{}", piped.stderr);
    let saved: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&out).expect("saved")).expect("JSON");
    assert_eq!(saved["ratings"]["net-l2-1"]["value"], 3);
    assert_eq!(saved["ratings"]["net-l2-2"]["value"], "na");

    // Bounded like a file: more than an answers file may hold is refused.
    let huge = vec![b' '; 9 * 1024 * 1024];
    let refused = crate::support::command(&["assess", "networking", "--answers", "-", "-o"])
        .arg(dir.path().join("y.json"))
        .env("NO_COLOR", "1")
        .stdin(huge)
        .run();
    assert_eq!(refused.code, 2, "{}", refused.stderr);
    assert!(
        refused.stderr.contains("-: standard input holds more than"),
        "{}",
        refused.stderr
    );
    assert!(!dir.path().join("y.json").exists());
}

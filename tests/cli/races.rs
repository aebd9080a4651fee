//! Runs that save to one name at the same moment: without `--force` no save replaces a file
//! that appeared after its check, however late. Each test races real processes for a bounded
//! number of rounds, enough for the old check-then-rename to lose a file in every run.

use std::path::Path;
use std::process::{Child, Command, Stdio};

use crate::support::{fixture, Sandbox};

/// `rungs assess teamwork --answers ANSWERS MORE...` started in `dir` (not waited for), with
/// the sandbox's home so that default saves land in its assessments folder.
fn start_assess(sandbox: &Sandbox, answers: &Path, more: &[&str]) -> Child {
    Command::new(env!("CARGO_BIN_EXE_rungs"))
        .arg("assess")
        .arg(fixture("assess/teamwork.yaml"))
        .arg("--answers")
        .arg(answers)
        .args(more)
        .current_dir(sandbox.dir.path())
        .env("HOME", sandbox.path("home"))
        .env("XDG_DATA_HOME", sandbox.path("data"))
        .env("NO_COLOR", "1")
        .env_remove("RUNGS_FRAMEWORKS")
        .env_remove("RUST_BACKTRACE")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("rungs starts")
}

/// Exit code and stderr of a finished run.
fn finish(child: Child) -> (i32, String) {
    let output = child.wait_with_output().expect("rungs ends");
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

#[test]
fn two_saves_to_one_new_file_never_both_succeed() {
    let sandbox = Sandbox::new();
    let answers = [
        sandbox.write(
            "first.yaml",
            "lis-1: { value: 1, note: written by the first }\n",
        ),
        sandbox.write(
            "second.yaml",
            "lis-1: { value: 3, note: written by the second }\n",
        ),
    ];
    for round in 0..12 {
        let name = format!("out-{round}.json");
        let runs: Vec<Child> = answers
            .iter()
            .map(|a| start_assess(&sandbox, a, &["-o", &name]))
            .collect();
        let ends: Vec<(i32, String)> = runs.into_iter().map(finish).collect();
        let saved = std::fs::read_to_string(sandbox.path(&name)).expect("one save landed");
        let winners: Vec<usize> = (0..2).filter(|&i| ends[i].0 == 0).collect();
        assert_eq!(
            winners.len(),
            1,
            "round {round}: exactly one save succeeds: {ends:?}"
        );
        let (winner, loser) = (winners[0], 1 - winners[0]);
        let mark = ["written by the first", "written by the second"];
        assert!(
            saved.contains(mark[winner]) && !saved.contains(mark[loser]),
            "round {round}: the file holds the answers of the run that said it saved them"
        );
        let (code, stderr) = &ends[loser];
        assert_eq!(*code, 2, "round {round}: {stderr}");
        assert!(
            stderr.contains(&format!("{name}: already exists; pass --force")),
            "round {round}: {stderr}"
        );
    }
    let left: Vec<String> = std::fs::read_dir(sandbox.dir.path())
        .expect("list")
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".tmp"))
        .collect();
    assert!(left.is_empty(), "no temporary file is left: {left:?}");
}

#[test]
fn concurrent_saves_into_the_assessments_folder_each_get_a_file() {
    let sandbox = Sandbox::new();
    let count = 24;
    let answers: Vec<_> = (0..count)
        .map(|i| {
            sandbox.write(
                &format!("answers-{i}.yaml"),
                &format!("lis-1: {{ value: 2, note: run {i} }}\n"),
            )
        })
        .collect();
    let runs: Vec<Child> = answers
        .iter()
        .map(|a| start_assess(&sandbox, a, &[]))
        .collect();
    for (i, (code, stderr)) in runs.into_iter().map(finish).enumerate() {
        assert_eq!(code, 0, "run {i}: {stderr}");
    }
    let saved = sandbox.saved();
    assert_eq!(saved.len(), count, "one file per run: {saved:?}");
    let mut notes: Vec<usize> = saved
        .iter()
        .map(|name| {
            let text = std::fs::read_to_string(sandbox.assessments().join(name)).expect("read");
            let at = text.find("\"run ").expect("a note") + 5;
            text[at..]
                .split('"')
                .next()
                .and_then(|n| n.parse().ok())
                .expect("a run number")
        })
        .collect();
    notes.sort_unstable();
    assert_eq!(
        notes,
        (0..count).collect::<Vec<_>>(),
        "every run's answers are kept"
    );
    let stem = saved
        .iter()
        .min_by_key(|n| n.len())
        .map(|n| n.trim_end_matches(".json").to_string())
        .expect("the first name");
    for n in 2..=count {
        assert!(
            saved.contains(&format!("{stem}-{n}.json")),
            "numbered {n}: {saved:?}"
        );
    }
}

#[test]
fn two_reports_to_one_new_file_never_both_succeed() {
    let sandbox = Sandbox::new();
    let assessment = fixture("assessments/networking/2026-03-10.json");
    for round in 0..12 {
        let name = format!("report-{round}.txt");
        let runs: Vec<Child> = ["markdown", "json"]
            .iter()
            .map(|format| {
                Command::new(env!("CARGO_BIN_EXE_rungs"))
                    .arg("report")
                    .arg(&assessment)
                    .args(["--format", format, "-o", &name])
                    .current_dir(sandbox.dir.path())
                    .env_remove("RUNGS_FRAMEWORKS")
                    .stdin(Stdio::null())
                    .stdout(Stdio::piped())
                    .stderr(Stdio::piped())
                    .spawn()
                    .expect("rungs starts")
            })
            .collect();
        let ends: Vec<(i32, String)> = runs.into_iter().map(finish).collect();
        let codes: Vec<i32> = ends.iter().map(|e| e.0).collect();
        assert!(
            codes == [0, 2] || codes == [2, 0],
            "round {round}: one writes, one is refused: {ends:?}"
        );
        let saved = std::fs::read_to_string(sandbox.path(&name)).expect("written");
        assert_eq!(saved.starts_with('{'), codes[1] == 0, "round {round}");
        let loser = &ends[usize::from(codes[0] == 0)].1;
        assert!(loser.contains("file exists; pass --force"), "{loser}");
    }
}

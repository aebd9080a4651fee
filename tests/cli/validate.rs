//! `rungs validate`: every problem of a framework file, one line each as `file:line:col:
//! message`, exit 2; the corpus of broken files is `tests/broken/`.

use std::path::Path;
use std::process::Command;

use crate::support::{run, Run};

/// Exit code for bad input.
const BAD_INPUT: i32 = 2;

/// The broken framework files of the corpus, sorted by name.
fn corpus() -> Vec<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/broken");
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("tests/broken exists")
        .filter_map(Result::ok)
        .filter(|e| e.path().is_file())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|name| name.ends_with(".yaml"))
        .collect();
    names.sort();
    names
}

/// A refused file: exit 2, no panic, no backtrace, and every line but the summary names it.
fn assert_refused(run: &Run, shown_path: &str) {
    assert_eq!(run.code, BAD_INPUT, "{shown_path}: {run:?}");
    assert_calm(run);
    let lines: Vec<&str> = run.stderr.lines().collect();
    let (summary, problems) = lines.split_last().expect("something on stderr");
    assert_eq!(*summary, "1 file invalid");
    assert!(!problems.is_empty(), "no problem reported: {run:?}");
    for line in problems {
        assert!(
            line.starts_with(&format!("{shown_path}:")),
            "{line:?} does not start with {shown_path}:"
        );
    }
    assert_eq!(run.stdout, "", "problems go to stderr");
}

/// No sign of a crash.
fn assert_calm(run: &Run) {
    let all = format!("{}{}", run.stdout, run.stderr).to_lowercase();
    assert!(!all.contains("panicked"), "{all}");
    assert!(!all.contains("backtrace"), "{all}");
}

/// The (line, column) of each `file:line:col:` problem line.
fn positions(stderr: &str) -> Vec<(usize, usize)> {
    stderr
        .lines()
        .filter_map(|line| {
            let mut parts = line.split(':');
            parts.next()?;
            Some((parts.next()?.parse().ok()?, parts.next()?.parse().ok()?))
        })
        .collect()
}

#[test]
fn the_corpus_covers_every_problem_class() {
    let names = corpus();
    assert!(names.len() >= 25, "only {} broken files", names.len());
}

#[test]
fn every_broken_file_is_refused_with_its_problems() {
    for name in corpus() {
        let path = format!("tests/broken/{name}");
        let run = run(&["validate", &path]);
        assert_refused(&run, &path);
        let stem = name.trim_end_matches(".yaml");
        insta::assert_snapshot!(stem, run.stderr);
    }
}

#[test]
fn problems_are_sorted_by_position() {
    for name in corpus() {
        let run = run(&["validate", &format!("tests/broken/{name}")]);
        let found = positions(&run.stderr);
        let mut sorted = found.clone();
        sorted.sort();
        assert_eq!(found, sorted, "{name}");
    }
}

#[test]
fn an_unknown_key_suggests_the_closest_one() {
    let run = run(&["validate", "tests/broken/unknown-key-suggestion.yaml"]);
    assert!(run.stderr.contains(
        "tests/broken/unknown-key-suggestion.yaml:11:9: unknown key `indicatrs` in a competency's level; did you mean `indicators`?"
    ), "{}", run.stderr);
}

#[test]
fn several_problems_are_reported_in_one_run() {
    let run = run(&["validate", "tests/broken/many-problems.yaml"]);
    assert_refused(&run, "tests/broken/many-problems.yaml");
    let found = positions(&run.stderr);
    assert!(found.len() >= 8, "{}", run.stderr);
    for expected in [
        "threshold 2 is outside (0, 1]",
        "unknown key `nmae` in a level; did you mean `name`?",
        "duplicate level id \"starting\" (first at 7:11)",
        "comes after \"growing\"",
        "did you mean `indicators`?",
        "unknown level \"expert\"",
        "missing required key `name` in a competency",
        "names unknown competency \"writing\"",
    ] {
        assert!(
            run.stderr.contains(expected),
            "{expected:?} missing from\n{}",
            run.stderr
        );
    }
}

#[test]
fn duplicates_name_where_the_first_one_is() {
    for (name, expected) in [
        (
            "duplicate-scale-value",
            "7:14: duplicate scale value 2 (first at 6:14)",
        ),
        (
            "duplicate-level-id",
            "7:11: duplicate level id \"starting\" (first at 5:11)",
        ),
        (
            "duplicate-competency-id",
            "13:9: duplicate competency id \"listening\" (first at 7:9)",
        ),
        (
            "duplicate-indicator-id",
            "17:13: duplicate indicator id \"listen-1\" (first at 13:13)",
        ),
        (
            "duplicate-target-id",
            "18:9: duplicate target id \"team-lead\" (first at 15:9)",
        ),
        (
            "duplicate-key",
            "4:1: duplicate key `name` in a framework file (first at 2:1)",
        ),
    ] {
        let path = format!("tests/broken/{name}.yaml");
        let run = run(&["validate", &path]);
        assert!(
            run.stderr.contains(&format!("{path}:{expected}")),
            "{}",
            run.stderr
        );
    }
}

#[test]
fn a_valid_file_with_x_keys_passes() {
    let run = run(&["validate", "tests/broken/valid/x-keys.yaml"]);
    assert_eq!(run.code, 0, "{run:?}");
    assert_eq!(run.stderr, "1 file valid\n");
}

#[test]
fn warnings_alone_exit_zero_and_say_where_the_first_one_is() {
    let run = run(&["validate", "tests/broken/valid/warnings-only.yaml"]);
    assert_eq!(run.code, 0, "{run:?}");
    assert_calm(&run);
    insta::assert_snapshot!(run.stderr, @r#"
    tests/broken/valid/warnings-only.yaml:18:13: warning: indicator "listening.growing.2" has the same text as an earlier indicator (first at 14:13)
    1 file valid (1 warning)
    "#);
}

#[test]
fn every_file_is_checked_and_counted() {
    let run = run(&[
        "validate",
        "tests/broken/valid/x-keys.yaml",
        "tests/broken/threshold-zero.yaml",
        "tests/broken/scale-empty.yaml",
    ]);
    assert_eq!(run.code, BAD_INPUT);
    insta::assert_snapshot!(run.stderr, @r"
    tests/broken/threshold-zero.yaml:4:12: threshold 0 is outside (0, 1]: it is the share of a level's indicators not answered na that must be demonstrated, e.g. 0.8
    tests/broken/scale-empty.yaml:4:8: scale is empty; give at least one { value, label } or leave scale out for the default 1-4 scale
    2 of 3 files invalid
    ");
}

#[test]
fn a_missing_file_is_named() {
    let run = run(&["validate", "tests/broken/no-such-file.yaml"]);
    assert_eq!(run.code, BAD_INPUT);
    assert_calm(&run);
    insta::assert_snapshot!(run.stderr, @r"
    tests/broken/no-such-file.yaml: cannot read: no such file or folder
    1 file invalid
    ");
}

#[test]
fn a_folder_is_not_a_framework_file() {
    let run_validate = run(&["validate", "tests/broken/folder.yaml"]);
    assert_eq!(run_validate.code, BAD_INPUT);
    assert_calm(&run_validate);
    insta::assert_snapshot!(run_validate.stderr, @r"
    tests/broken/folder.yaml: is a folder with no .yaml or .yml files in it
    1 folder not checked
    ");
    let run_show = run(&["show", "tests/broken/folder.yaml"]);
    assert_eq!(run_show.code, BAD_INPUT);
    assert_calm(&run_show);
    assert_eq!(
        run_show.stderr,
        "error: tests/broken/folder.yaml: is a folder, not a framework file\n"
    );
}

#[test]
fn other_commands_report_the_same_positions() {
    let run = run(&["show", "tests/broken/unknown-level-reference.yaml"]);
    assert_eq!(run.code, BAD_INPUT);
    assert_eq!(
        run.stderr,
        "error: tests/broken/unknown-level-reference.yaml:14:16: unknown level \"expert\"; the framework's levels are: starting, growing\n"
    );
}

/// A temporary folder holding one generated file; runs happen inside it.
fn generated(name: &str, contents: &[u8]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join(name), contents).expect("write generated file");
    dir
}

/// Memory a refusal may use: an input that would be expanded, nested or read whole before it
/// is refused runs out of it and fails the test instead of passing slowly.
const MEMORY_CAP_KIB: u32 = 512 * 1024;

/// CPU seconds after which a run is stopped, so a refusal that never comes fails the test
/// instead of hanging it. A guard against runaway work, not a speed target: speed is measured
/// by `cargo bench --bench perf`.
const CPU_CAP_SECONDS: u32 = 60;

/// Run `rungs validate NAME` inside `dir` with its memory and CPU time capped.
fn bounded_validate(dir: &Path, name: &str) -> Run {
    let output = Command::new("sh")
        .current_dir(dir)
        .env("RUNGS_BIN", env!("CARGO_BIN_EXE_rungs"))
        .env("NO_COLOR", "1")
        .env_remove("RUST_BACKTRACE")
        .env_remove("RUNGS_FRAMEWORKS")
        .arg("-c")
        .arg(format!(
            "ulimit -v {MEMORY_CAP_KIB}; ulimit -t {CPU_CAP_SECONDS}; exec \"$RUNGS_BIN\" validate \"$0\""
        ))
        .arg(name)
        .stdin(std::process::Stdio::null())
        .output()
        .expect("sh runs");
    Run {
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
        code: output.status.code().unwrap_or(-1),
    }
}

const HEADER: &str = "id: team-work\nname: Team work\nversion: \"1.0\"\nlevels:\n  - { id: starting, name: Starting }\n";

#[test]
fn ten_thousand_deep_nesting_is_refused_within_bounds() {
    let flow = format!(
        "{HEADER}x-deep: {}{}\n",
        "[".repeat(10_000),
        "]".repeat(10_000)
    );
    let block = format!("{HEADER}x-deep:\n  {}x\n", "- ".repeat(10_000));
    for (name, text) in [("deep-flow.yaml", flow), ("deep-block.yaml", block)] {
        let dir = generated(name, text.as_bytes());
        let run = bounded_validate(dir.path(), name);
        assert_refused(&run, name);
        assert!(
            run.stderr.contains("nesting is deeper than 64 levels"),
            "{}",
            run.stderr
        );
    }
}

#[test]
fn a_file_over_8_mib_is_refused_before_reading() {
    let text = format!("{HEADER}description: \"{}\"\n", "a".repeat(8 * 1024 * 1024));
    let dir = generated("huge.yaml", text.as_bytes());
    let run = bounded_validate(dir.path(), "huge.yaml");
    assert_refused(&run, "huge.yaml");
    assert_eq!(
        run.stderr,
        format!(
            "huge.yaml: file is {} bytes; framework files are limited to 8388608 bytes (8 MiB)\n1 file invalid\n",
            text.len()
        )
    );
}

#[test]
fn more_than_100000_indicators_are_refused() {
    let mut text = format!("{HEADER}competencies:\n  - id: c\n    name: C\n    levels:\n      - level: starting\n        indicators:\n");
    for i in 0..100_001 {
        text.push_str(&format!("          - Indicator {i}\n"));
    }
    let dir = generated("many.yaml", text.as_bytes());
    let run = bounded_validate(dir.path(), "many.yaml");
    assert_refused(&run, "many.yaml");
    assert_eq!(
        run.stderr,
        "many.yaml:100012:13: more than 100000 indicators: a framework may have at most 100000; split it into several frameworks\n1 file invalid\n"
    );
}

#[test]
fn alias_bombs_are_refused_within_bounds() {
    for name in ["billion-laughs.yaml", "alias-to-large-anchor.yaml"] {
        let path = format!("tests/broken/{name}");
        let run = bounded_validate(Path::new(env!("CARGO_MANIFEST_DIR")), &path);
        assert_refused(&run, &path);
        assert!(
            run.stderr.contains("YAML aliases expand the file beyond"),
            "{}",
            run.stderr
        );
    }
}

#[cfg(target_os = "linux")]
#[test]
fn an_endless_device_is_refused_before_it_is_read() {
    let run = bounded_validate(Path::new("/"), "/dev/zero");
    assert_refused(&run, "/dev/zero");
    assert_eq!(
        run.stderr,
        "/dev/zero: is a device, not a framework file\n1 file invalid\n"
    );
}

#[test]
fn a_duplicate_indicator_under_a_misspelled_level_is_reported_with_the_misspelling() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join("f.yaml");
    std::fs::write(
        &path,
        "id: f\nname: F\nversion: '1'\nlevels: [{ id: growing, name: Growing }]\ncompetencies:\n  - id: c\n    name: C\n    levels:\n      - level: growng\n        indicators:\n          - { id: one, text: First }\n          - { id: one, text: Second }\n",
    )
    .expect("written");
    let shown = path.display().to_string();
    let run = run(&["validate", &shown]);
    assert_eq!(run.code, 2);
    assert_eq!(
        run.stderr,
        format!(
            "{shown}:9:16: unknown level \"growng\"; did you mean \"growing\"?\n\
             {shown}:12:13: duplicate indicator id \"one\" (first at 11:13)\n\
             1 file invalid\n"
        )
    );
}

#[test]
fn a_hole_of_many_levels_is_one_readable_line_naming_the_first_ten_and_counting_the_rest() {
    let dir = tempfile::tempdir().expect("temp dir");
    let levels: Vec<String> = (1..=14)
        .map(|i| format!("  - {{ id: l{i}, name: Level {i} }}"))
        .collect();
    let yaml = format!(
        "id: wide\nname: Wide\nversion: \"1\"\nlevels:\n{}\ncompetencies:\n  - id: craft\n    name: Craft\n    levels:\n      - level: l1\n        indicators: [Starts]\n      - level: l14\n        indicators: [Leads]\n",
        levels.join("\n")
    );
    let path = dir.path().join("wide.yaml");
    std::fs::write(&path, yaml).expect("framework written");
    let run = run(&["validate", path.to_str().expect("a UTF-8 path")]);
    assert_eq!(run.code, 0, "{run:?}");
    assert_calm(&run);
    let warning = run.stderr.lines().next().expect("a warning line");
    assert!(
        warning.ends_with(
            "warning: competency \"craft\" skips levels l2, l3, l4, l5, l6, l7, l8, l9, l10, l11, and 2 more between its first and last level: those levels are neither required nor attainable, and its gaps are counted on the levels it lists"
        ),
        "{warning}"
    );
    assert_eq!(run.stderr.lines().count(), 2, "{}", run.stderr);
}

//! Files from others that say more than they may (an id rated twice, a time in the future, a
//! framework id taken twice), and counts that must add up.

use crate::support::{fixture, run_in, Sandbox};

/// The networking fixture assessment, as text to alter.
fn networking() -> String {
    std::fs::read_to_string(fixture("assessments/networking/2026-03-10.json")).expect("fixture")
}

#[test]
fn an_indicator_rated_twice_in_an_assessment_is_refused_with_its_place() {
    let sandbox = Sandbox::new();
    let text = networking().replacen(
        "\"net-l2-2\": {\n      \"value\": 3\n    },",
        "\"net-l2-1\": {\n      \"value\": 1\n    },",
        1,
    );
    assert_ne!(text, networking(), "the fixture has the rating to double");
    let file = sandbox.write("twice.json", &text);
    for args in [&["report"][..], &["team", "--format", "csv"][..]] {
        let out = run_in(
            sandbox.dir.path(),
            &[args, &[file.to_str().expect("utf-8")]].concat(),
        );
        assert_eq!(out.code, 2, "{args:?}: {}", out.stderr);
        assert!(
            out.stderr.contains("twice.json")
                && out.stderr.contains("15:14: ")
                && out.stderr.contains("ratings: \"net-l2-1\" is given twice"),
            "{args:?}: {}",
            out.stderr
        );
    }
}

#[test]
fn a_time_later_than_tomorrow_is_refused_naming_the_key() {
    let sandbox = Sandbox::new();
    for (key, from, to) in [
        (
            "completed_at",
            "\"completed_at\": \"2026-03-10T11:30:00Z\"",
            "\"completed_at\": \"9999-12-31T23:59:59Z\"",
        ),
        (
            "started_at",
            "\"started_at\": \"2026-03-10T11:00:00Z\"",
            "\"started_at\": \"9999-12-31T23:00:00Z\"",
        ),
    ] {
        let file = sandbox.write("future.json", &networking().replacen(from, to, 1));
        let out = run_in(sandbox.dir.path(), &["report", "future.json"]);
        assert_eq!(out.code, 2, "{key}: {}", out.stderr);
        assert!(
            out.stderr
                .contains(&format!("future.json: {key} \"9999-12-31T2"))
                && out.stderr.contains("is in the future"),
            "{key}: {}",
            out.stderr
        );
        std::fs::remove_file(file).expect("remove");
    }
    // Today is no future: an assessment just finished is read.
    let now = time::OffsetDateTime::now_utc()
        .format(&time::format_description::well_known::Rfc3339)
        .expect("format");
    sandbox.write(
        "today.json",
        &networking().replacen(
            "\"completed_at\": \"2026-03-10T11:30:00Z\"",
            &format!("\"completed_at\": \"{now}\""),
            1,
        ),
    );
    let out = run_in(sandbox.dir.path(), &["report", "today.json", "-q"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
}

/// The teamwork fixture framework with another id.
fn teamwork(id: &str) -> String {
    std::fs::read_to_string(fixture("assess/teamwork.yaml"))
        .expect("fixture")
        .replacen("id: teamwork-walk", &format!("id: {id}"), 1)
}

#[test]
fn validate_fails_on_two_frameworks_of_one_folder_with_one_id_and_warns_on_a_built_in_id() {
    let sandbox = Sandbox::new();
    std::fs::create_dir(sandbox.path("set")).expect("mkdir");
    sandbox.write("set/a.yaml", &teamwork("team-skills"));
    sandbox.write("set/b.yaml", &teamwork("team-skills"));
    let out = run_in(sandbox.dir.path(), &["validate", "set"]);
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert!(
        out.stderr
            .contains("set/b.yaml: framework id \"team-skills\" is already used by set/a.yaml"),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr.ends_with("1 of 2 files invalid\n"),
        "{}",
        out.stderr
    );

    std::fs::remove_file(sandbox.path("set/b.yaml")).expect("remove");
    sandbox.write("set/c.yaml", &teamwork("networking"));
    let out = run_in(sandbox.dir.path(), &["validate", "set"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stderr.contains(
            "set/c.yaml: warning: framework id \"networking\" is the id of a built-in framework"
        ),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr.ends_with("2 files valid (1 warning)\n"),
        "{}",
        out.stderr
    );
}

#[test]
fn validate_counts_files_and_folders_apart() {
    let sandbox = Sandbox::new();
    std::fs::create_dir(sandbox.path("empty")).expect("mkdir");
    sandbox.write("good.yaml", &teamwork("good-one"));
    sandbox.write("bad.yaml", "id: [\n");
    let out = run_in(
        sandbox.dir.path(),
        &["validate", "empty", "good.yaml", "bad.yaml"],
    );
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert!(
        out.stderr
            .ends_with("1 of 2 files invalid; 1 folder not checked\n"),
        "{}",
        out.stderr
    );
    let out = run_in(sandbox.dir.path(), &["validate", "empty", "good.yaml"]);
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert!(
        out.stderr.ends_with("1 file valid; 1 folder not checked\n"),
        "{}",
        out.stderr
    );
}

#[cfg(unix)]
#[test]
fn files_left_out_are_counted_out_of_every_file_found() {
    let sandbox = Sandbox::new();
    std::fs::create_dir(sandbox.path("team")).expect("mkdir");
    sandbox.write("team/a.json", &networking());
    sandbox.write("team/b.json", "{ not json");
    let fifo = sandbox.path("team/c.json");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .expect("mkfifo");
    assert!(made.success());
    let out = run_in(sandbox.dir.path(), &["team", "team"]);
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert!(
        out.stderr.contains("2 files left out of 3 files"),
        "{}",
        out.stderr
    );
}

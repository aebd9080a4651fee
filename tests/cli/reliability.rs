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

/// The pages in `dir`, sorted.
fn names_in(dir: &std::path::Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("list")
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".html"))
        .collect();
    names.sort();
    names
}

#[test]
fn a_very_long_rater_name_gets_a_short_unique_page_name() {
    let sandbox = Sandbox::new();
    let long = "a".repeat(10_000);
    let longer = format!("{long}b");
    sandbox.write(
        "raters.csv",
        &format!("name,relation\n{long},peer\n{longer},peer\n"),
    );
    let out = run_in(
        sandbox.dir.path(),
        &[
            "form",
            "networking",
            "--subject",
            "Ana",
            "--raters",
            "raters.csv",
            "--output-dir",
            "forms",
        ],
    );
    assert_eq!(out.code, 0, "{}", &out.stderr[..out.stderr.len().min(300)]);
    assert!(
        out.stderr.lines().all(|l| l.len() < 300),
        "short messages: {}",
        out.stderr.len()
    );
    let pages = names_in(&sandbox.path("forms"));
    assert_eq!(pages.len(), 2, "{pages:?}");
    assert!(pages.iter().all(|p| p.len() < 80), "{pages:?}");
    assert_ne!(pages[0], pages[1]);
}

#[test]
fn rater_pages_never_take_a_name_windows_keeps_for_a_device() {
    let sandbox = Sandbox::new();
    sandbox.write(
        "raters.csv",
        "name,relation\nCon,peer\nnul,peer\nAUX,manager\nCom1,peer\nlpt9,report\nPrn,other\nConnie,peer\n",
    );
    let out = run_in(
        sandbox.dir.path(),
        &[
            "form",
            "networking",
            "--subject",
            "Ana",
            "--raters",
            "raters.csv",
            "--output-dir",
            "forms",
        ],
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    let pages = names_in(&sandbox.path("forms"));
    assert_eq!(pages.len(), 7, "{pages:?}");
    let reserved = ["con", "prn", "aux", "nul", "com1", "lpt9"];
    for page in &pages {
        let stem = page.split('.').next().unwrap_or_default().to_lowercase();
        assert!(!reserved.contains(&stem.as_str()), "{page} in {pages:?}");
    }
    assert!(pages.contains(&"connie.html".to_string()), "{pages:?}");
}

#[test]
fn names_with_invisible_characters_are_refused_wherever_they_come_in() {
    let sandbox = Sandbox::new();
    for (what, invisible) in [
        ("zero-width space", "\u{200b}"),
        ("soft hyphen", "\u{ad}"),
        ("joiner", "\u{200d}"),
        ("byte order mark", "\u{feff}"),
    ] {
        let name = format!("Al{invisible}ex");
        sandbox.write(
            "file.json",
            &networking().replacen(
                "\"subject\": \"Jordan Lee\"",
                &format!("\"subject\": \"{name}\""),
                1,
            ),
        );
        let out = run_in(sandbox.dir.path(), &["report", "file.json"]);
        assert_eq!(out.code, 2, "{what}: {}", out.stderr);
        let escaped = format!(
            "\\u{{{:x}}}",
            u32::from(invisible.chars().next().expect("char"))
        );
        assert!(
            out.stderr.contains(&format!(
                "file.json: subject \"Al{escaped}ex\" holds an invisible character"
            )),
            "{what}: {}",
            out.stderr
        );
        assert!(
            !out.stderr.contains(invisible),
            "{what}: shown, not written raw"
        );
    }
    let rated = networking().replacen(
        "\"subject\": \"Jordan Lee\",",
        "\"subject\": \"Jordan Lee\",\n  \"rater\": { \"name\": \"Sa\u{200b}m\", \"relation\": \"peer\" },",
        1,
    );
    sandbox.write("rated.json", &rated);
    let out = run_in(sandbox.dir.path(), &["team", "rated.json"]);
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert!(
        out.stderr
            .contains("rater.name \"Sa\\u{200b}m\" holds an invisible character"),
        "{}",
        out.stderr
    );

    sandbox.write("answers.yaml", "lis-1: 3\n");
    let framework = fixture("assess/teamwork.yaml");
    let framework = framework.to_str().expect("utf-8");
    let out = run_in(
        sandbox.dir.path(),
        &[
            "assess",
            framework,
            "--answers",
            "answers.yaml",
            "--subject",
            "Al\u{200b}ex",
            "-o",
            "me.json",
        ],
    );
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert!(
        out.stderr.contains("--subject \"Al\\u{200b}ex\" holds"),
        "{}",
        out.stderr
    );
    assert!(!sandbox.path("me.json").exists());
    sandbox.write("raters.csv", "name,relation\nSam,peer\nSa\u{200d}m,peer\n");
    let out = run_in(
        sandbox.dir.path(),
        &[
            "form",
            "networking",
            "--subject",
            "Ana",
            "--raters",
            "raters.csv",
            "--output-dir",
            "forms",
        ],
    );
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert!(
        out.stderr
            .contains("raters.csv:3:1: the rater's name \"Sa\\u{200d}m\" holds"),
        "{}",
        out.stderr
    );
}

#[test]
fn a_tab_in_framework_text_is_shown_not_written_into_a_table() {
    let sandbox = Sandbox::new();
    let text = teamwork("tabbed")
        .replacen("name: Listening", "name: \"Liste\\tning\"", 1)
        .replacen(
            "text: Lets others finish before answering",
            "text: \"Lets others\\tfinish before answering\"",
            1,
        );
    sandbox.write("tabbed.yaml", &text);
    let out = run_in(sandbox.dir.path(), &["show", "tabbed.yaml"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(!out.stdout.contains('\t'), "{}", out.stdout);
    sandbox.write("answers.yaml", "lis-1: 3\nlis-2: 2\n");
    let out = run_in(
        sandbox.dir.path(),
        &[
            "assess",
            "tabbed.yaml",
            "--answers",
            "answers.yaml",
            "-o",
            "me.json",
            "-q",
        ],
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    for args in [
        &["report", "me.json", "--framework", "tabbed.yaml"][..],
        &["team", "me.json", "--framework", "tabbed.yaml"][..],
    ] {
        let out = run_in(sandbox.dir.path(), args);
        assert_eq!(out.code, 0, "{args:?}: {}", out.stderr);
        assert!(!out.stdout.contains('\t'), "{args:?}: {}", out.stdout);
        assert!(
            out.stdout.contains("Liste\\u{9}ning"),
            "{args:?}: {}",
            out.stdout
        );
        // Every line of a table is as wide as its top border: the layout holds.
        let width = |l: &str| l.chars().count();
        let mut top = None;
        for line in out.stdout.lines() {
            if line.starts_with('┌') {
                top = Some(width(line));
            } else if line.starts_with(['│', '└', '╞', '├']) {
                assert_eq!(Some(width(line)), top, "{args:?}: {line}\n{}", out.stdout);
            }
        }
        assert!(top.is_some(), "{args:?}: a table: {}", out.stdout);
    }
}

#[test]
fn help_and_version_that_cannot_be_written_fail() {
    for args in ["--help", "--version", "report --help"] {
        let out = std::process::Command::new("sh")
            .arg("-c")
            .arg(format!("exec \"$0\" {args} >/dev/full"))
            .arg(env!("CARGO_BIN_EXE_rungs"))
            .output()
            .expect("sh runs");
        assert_eq!(out.status.code(), Some(1), "{args}");
        assert_eq!(
            String::from_utf8_lossy(&out.stderr),
            "error: cannot write the output: no space left on device\n",
            "{args}"
        );
    }
    assert_eq!(run_in(std::path::Path::new("."), &["--version"]).code, 0);
}

#[test]
fn a_nul_in_a_yaml_file_is_named_with_its_place() {
    let sandbox = Sandbox::new();
    sandbox.write(
        "nul.yaml",
        &teamwork("nul").replacen("name: Listening", "name: \"Listen\0ing\"", 1),
    );
    let out = run_in(sandbox.dir.path(), &["validate", "nul.yaml"]);
    assert_eq!(out.code, 2, "{}", out.stderr);
    let line = teamwork("nul")
        .lines()
        .position(|l| l.contains("name: Listening"))
        .expect("line")
        + 1;
    assert!(
        out.stderr
            .contains(&format!("nul.yaml:{line}:18: a NUL character (U+0000)")),
        "{}",
        out.stderr
    );
    sandbox.write("answers.yaml", "lis-1: 3\n\0lis-2: 2\n");
    let framework = fixture("assess/teamwork.yaml");
    let out = run_in(
        sandbox.dir.path(),
        &[
            "assess",
            framework.to_str().expect("utf-8"),
            "--answers",
            "answers.yaml",
            "-o",
            "me.json",
        ],
    );
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert!(
        out.stderr.contains("answers.yaml:2:1: a NUL character"),
        "{}",
        out.stderr
    );
}

/// A first save that fails (the file grows past the size the process may write, as on a full
/// disk) says nothing was saved: there were no answers saved before.
#[cfg(unix)]
#[test]
fn a_failed_first_save_says_nothing_was_saved() {
    let sandbox = Sandbox::new();
    sandbox.write("answers.yaml", "lis-1: 3\n");
    let framework = fixture("assess/teamwork.yaml");
    let out = std::process::Command::new("sh")
        .arg("-c")
        .arg("trap '' XFSZ; ulimit -f 1; exec \"$0\" assess \"$1\" --answers answers.yaml -o me.json")
        .arg(env!("CARGO_BIN_EXE_rungs"))
        .arg(&framework)
        .current_dir(sandbox.dir.path())
        .env_remove("RUNGS_FRAMEWORKS")
        .output()
        .expect("sh runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("cannot save the assessment to me.json (nothing was saved)"),
        "{stderr}"
    );
    assert!(!stderr.contains("saved before"), "{stderr}");
    assert!(!sandbox.path("me.json").exists());
}

#[test]
fn team_refuses_an_invisible_character_in_any_file_not_only_the_first() {
    let sandbox = Sandbox::new();
    std::fs::create_dir(sandbox.path("team")).expect("mkdir");
    sandbox.write("team/a.json", &networking());
    for (name, subject) in [("b.json", "Jo\u{200b}rdan Lee"), ("c.json", "Sam Park")] {
        sandbox.write(
            &format!("team/{name}"),
            &networking().replacen(
                "\"subject\": \"Jordan Lee\"",
                &format!("\"subject\": \"{subject}\""),
                1,
            ),
        );
    }
    let out = run_in(sandbox.dir.path(), &["team", "team", "--format", "csv"]);
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert!(
        out.stderr
            .contains("subject \"Jo\\u{200b}rdan Lee\" holds an invisible character"),
        "{}",
        out.stderr
    );
}

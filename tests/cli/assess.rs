//! `rungs assess` without a terminal: `--answers`, where files go, and reading files back.

use std::path::{Path, PathBuf};

use crate::support::Sandbox;

const FRAMEWORK: &str = "tests/fixtures/assess/teamwork.yaml";

fn json(path: &Path) -> serde_json::Value {
    let text = std::fs::read_to_string(path).expect("the assessment file exists");
    serde_json::from_str(&text).expect("the assessment file is JSON")
}

/// `teamwork-walk-YYYY-MM-DD.json` with an optional `-N`.
fn is_default_name(name: &str, suffix: &str) -> bool {
    let Some(rest) = name.strip_prefix("teamwork-walk-") else {
        return false;
    };
    let Some(date) = rest.strip_suffix(&format!("{suffix}.json")) else {
        return false;
    };
    date.len() == 10
        && date.char_indices().all(|(i, c)| {
            if i == 4 || i == 7 {
                c == '-'
            } else {
                c.is_ascii_digit()
            }
        })
}

const ALL_ANSWERS: &str = "\
framework: teamwork-walk
lis-1: 4
lis-2: often
lis-3: { value: 3, note: \"asked Sam first in the retro\" }
lis-4: Consistently
lis-5: na
sha-1: 3
sha-2: 2
sha-3: \"1\"
";

#[test]
fn answers_make_the_same_file_the_walk_would() {
    let sandbox = Sandbox::new();
    let answers = sandbox.write("answers.yaml", ALL_ANSWERS);
    let out = sandbox.run(&[
        "assess",
        FRAMEWORK,
        "--answers",
        &answers.display().to_string(),
        "--subject",
        "Ada",
    ]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let saved = sandbox.saved();
    assert_eq!(saved.len(), 1, "{saved:?}");
    assert!(is_default_name(&saved[0], ""), "{saved:?}");
    let file = sandbox.assessments().join(&saved[0]);
    assert_eq!(
        sandbox.clean(&out.stderr),
        format!(
            "Saved to [TMP]/data/rungs/assessments/{0}\n\
             Why these levels: rungs report [TMP]/data/rungs/assessments/{0} --explain\n",
            saved[0]
        )
    );
    insta::assert_snapshot!("answers_profile", out.stdout);

    let value = json(&file);
    assert_eq!(value["format"], "rungs-assessment/1");
    assert_eq!(value["framework"]["id"], "teamwork-walk");
    assert_eq!(value["framework"]["version"], "1.0");
    assert!(value["framework"]["digest"]
        .as_str()
        .is_some_and(|d| d.starts_with("sha256:") && d.len() == 71));
    assert!(value["framework"]["path"]
        .as_str()
        .is_some_and(|p| Path::new(p).is_absolute() && p.ends_with("teamwork.yaml")));
    assert_eq!(value["subject"], "Ada");
    assert!(
        value["completed_at"].is_string(),
        "every indicator answered"
    );
    assert_eq!(
        value["ratings"],
        serde_json::json!({
            "lis-1": { "value": 4 },
            "lis-2": { "value": 3 },
            "lis-3": { "value": 3, "note": "asked Sam first in the retro" },
            "lis-4": { "value": 4 },
            "lis-5": { "value": "na" },
            "sha-1": { "value": 3 },
            "sha-2": { "value": 2 },
            "sha-3": { "value": 1 },
        })
    );
}

#[test]
fn the_default_name_never_collides() {
    let sandbox = Sandbox::new();
    let answers = sandbox.write("answers.json", r#"{"lis-1": 3}"#);
    let answers = answers.display().to_string();
    for _ in 0..3 {
        let out = sandbox.run(&["assess", FRAMEWORK, "--answers", &answers]);
        assert_eq!(out.code, 0, "{}", out.stderr);
    }
    let saved = sandbox.saved();
    assert_eq!(saved.len(), 3, "{saved:?}");
    for suffix in ["", "-2", "-3"] {
        assert!(
            saved.iter().any(|name| is_default_name(name, suffix)),
            "no file ending in {suffix}.json: {saved:?}"
        );
    }
}

#[test]
fn without_xdg_data_home_files_go_under_home() {
    let sandbox = Sandbox::new();
    let answers = sandbox.write("answers.yaml", "lis-1: 3\n");
    let out = sandbox.run_with_data_home(
        &[
            "assess",
            FRAMEWORK,
            "--answers",
            &answers.display().to_string(),
        ],
        "",
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    let folder = sandbox.path("home/.local/share/rungs/assessments");
    let names: Vec<_> = std::fs::read_dir(&folder)
        .expect("the folder was made")
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names.len(), 1);
    assert!(is_default_name(&names[0], ""), "{names:?}");
}

#[test]
fn missing_answers_stay_unrated_with_a_warning() {
    let sandbox = Sandbox::new();
    let answers = sandbox.write("answers.yaml", "lis-1: 3\nlis-2: 4\nsha-1:\n");
    let out_file = sandbox.path("me.json");
    let out = sandbox.run(&[
        "assess",
        FRAMEWORK,
        "--answers",
        &answers.display().to_string(),
        "--out",
        &out_file.display().to_string(),
    ]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    insta::assert_snapshot!("answers_missing", sandbox.clean(&out.stderr));
    let value = json(&out_file);
    assert_eq!(
        value["ratings"],
        serde_json::json!({ "lis-1": { "value": 3 }, "lis-2": { "value": 4 } })
    );
    assert!(value["completed_at"].is_null(), "not complete: null");
}

/// Run `assess --answers` with `text` and check it fails with exit 2, saving nothing.
fn refused(sandbox: &Sandbox, name: &str, text: &str) -> String {
    let answers = sandbox.write(name, text);
    let out = sandbox.run(&[
        "assess",
        FRAMEWORK,
        "--answers",
        &answers.display().to_string(),
    ]);
    assert_eq!(
        out.code, 2,
        "stdout:\n{}\nstderr:\n{}",
        out.stdout, out.stderr
    );
    assert_eq!(out.stdout, "");
    assert!(sandbox.saved().is_empty(), "nothing is saved");
    sandbox.clean(&out.stderr)
}

#[test]
fn unknown_ids_are_each_named() {
    let sandbox = Sandbox::new();
    let stderr = refused(
        &sandbox,
        "answers.yaml",
        "lis-1: 3\nlis-9: 4\nsharing-1: 2\nlis-2: 4\n",
    );
    insta::assert_snapshot!("answers_unknown_ids", stderr);
}

#[test]
fn values_off_the_scale_are_each_named() {
    let sandbox = Sandbox::new();
    let stderr = refused(
        &sandbox,
        "answers.yaml",
        "lis-1: 5\nlis-2: 0\nlis-3: Always\nlis-4: { value: 2.5 }\nlis-5: [3]\nsha-1: { value: 3, notes: typo }\n",
    );
    insta::assert_snapshot!("answers_off_scale", stderr);
}

#[test]
fn answers_for_another_framework_are_refused() {
    let sandbox = Sandbox::new();
    let stderr = refused(
        &sandbox,
        "answers.yaml",
        "framework: networking\nlis-1: 3\n",
    );
    insta::assert_snapshot!("answers_framework_named", stderr);
    let stderr = refused(
        &sandbox,
        "others.json",
        "{\n  \"net-1\": 3,\n  \"net-2\": \"na\"\n}\n",
    );
    insta::assert_snapshot!("answers_no_known_id", stderr);
}

#[test]
fn answers_that_are_not_a_map_or_not_yaml_are_refused() {
    let sandbox = Sandbox::new();
    let stderr = refused(&sandbox, "list.yaml", "- lis-1\n- lis-2\n");
    insta::assert_snapshot!("answers_list", stderr);
    let stderr = refused(&sandbox, "broken.json", "{\"lis-1\": 3,");
    insta::assert_snapshot!("answers_truncated", stderr);
    let stderr = refused(&sandbox, "empty.yaml", "\n");
    insta::assert_snapshot!("answers_empty", stderr);
    let out = sandbox.run(&[
        "assess",
        FRAMEWORK,
        "--answers",
        &sandbox.path("nope.yaml").display().to_string(),
    ]);
    assert_eq!(out.code, 2);
    assert_eq!(
        sandbox.clean(&out.stderr),
        "error: [TMP]/nope.yaml: cannot read: no such file or folder\n"
    );
}

#[test]
fn an_existing_out_file_is_kept_unless_forced() {
    let sandbox = Sandbox::new();
    let answers = sandbox.write("answers.yaml", "lis-1: 3\n");
    let answers = answers.display().to_string();
    let out_file = sandbox.write("me.json", "precious\n");
    let out_name = out_file.display().to_string();
    let out = sandbox.run(&[
        "assess",
        FRAMEWORK,
        "--answers",
        &answers,
        "--out",
        &out_name,
    ]);
    assert_eq!(out.code, 2);
    assert_eq!(
        sandbox.clean(&out.stderr),
        "error: [TMP]/me.json: already exists; pass --force to overwrite it, or --resume [TMP]/me.json to continue it\n"
    );
    assert_eq!(
        std::fs::read_to_string(&out_file).expect("test set-up"),
        "precious\n"
    );

    let out = sandbox.run(&[
        "assess",
        FRAMEWORK,
        "--answers",
        &answers,
        "--out",
        &out_name,
        "--force",
    ]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(json(&out_file)["ratings"]["lis-1"]["value"], 3);
}

#[test]
fn without_a_terminal_or_answers_it_says_how_to_proceed() {
    let sandbox = Sandbox::new();
    let out = sandbox.run(&["assess", FRAMEWORK]);
    assert_eq!(out.code, 2);
    assert_eq!(out.stdout, "");
    insta::assert_snapshot!("no_terminal", out.stderr);
    assert!(sandbox.saved().is_empty());
}

#[test]
fn an_unknown_target_is_refused_before_anything_is_asked() {
    let sandbox = Sandbox::new();
    let answers = sandbox.write("answers.yaml", "lis-1: 3\n");
    let out = sandbox.run(&[
        "assess",
        FRAMEWORK,
        "--answers",
        &answers.display().to_string(),
        "--target",
        "listening=expert",
        "--target",
        "chief",
    ]);
    assert_eq!(out.code, 2);
    insta::assert_snapshot!("unknown_targets", out.stderr);
    assert!(sandbox.saved().is_empty());
}

#[test]
fn a_target_adds_the_gap_table() {
    let sandbox = Sandbox::new();
    let answers = sandbox.write("answers.yaml", ALL_ANSWERS);
    let out = sandbox.run(&[
        "assess",
        FRAMEWORK,
        "--answers",
        &answers.display().to_string(),
        "--target",
        "senior",
        "--target",
        "sharing=leading",
    ]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    insta::assert_snapshot!("answers_with_target", out.stdout);
}

// Reading an assessment back with --resume: every problem is caught before the walk starts.

fn resume_refused(sandbox: &Sandbox, file: &Path) -> String {
    let before = std::fs::read(file).ok();
    let out = sandbox.run(&["assess", "--resume", &file.display().to_string()]);
    assert_eq!(out.code, 2, "stderr:\n{}", out.stderr);
    assert_eq!(
        std::fs::read(file).ok(),
        before,
        "the file is left as it was"
    );
    sandbox.clean(&out.stderr)
}

/// A valid saved assessment of the fixture, made through --answers.
fn saved_assessment(sandbox: &Sandbox, framework: &Path, answers: &str) -> PathBuf {
    let answers = sandbox.write("saved-answers.yaml", answers);
    let file = sandbox.path("saved.json");
    let out = sandbox.run(&[
        "assess",
        &framework.display().to_string(),
        "--answers",
        &answers.display().to_string(),
        "--out",
        &file.display().to_string(),
        "--force",
    ]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    file
}

#[test]
fn resume_refuses_corrupt_truncated_and_foreign_files() {
    let sandbox = Sandbox::new();
    let corrupt = sandbox.write(
        "corrupt.json",
        "{ \"format\": \"rungs-assessment/1\", oops }\n",
    );
    let truncated = sandbox.write(
        "truncated.json",
        "{ \"format\": \"rungs-assessment/1\", \"framework\": {",
    );
    let foreign = sandbox.write(
        "foreign.json",
        "{ \"name\": \"package\", \"version\": \"1.0.0\" }\n",
    );
    let mut all = String::new();
    for file in [&corrupt, &truncated, &foreign] {
        all.push_str(&resume_refused(&sandbox, file));
    }
    insta::assert_snapshot!("resume_unreadable", all);
}

#[test]
fn resume_refuses_ratings_of_unknown_indicators_when_the_framework_is_unchanged() {
    let sandbox = Sandbox::new();
    let file = saved_assessment(
        &sandbox,
        &PathBuf::from(FRAMEWORK)
            .canonicalize()
            .expect("test set-up"),
        "lis-1: 3\n",
    );
    let mut value = json(&file);
    value["ratings"]["lis-77"] = serde_json::json!({ "value": 3 });
    value["ratings"]["lis-2"] = serde_json::json!({ "value": 9 });
    std::fs::write(
        &file,
        serde_json::to_string_pretty(&value).expect("test set-up"),
    )
    .expect("test set-up");
    insta::assert_snapshot!("resume_unknown_ratings", resume_refused(&sandbox, &file));
}

#[test]
fn resume_names_a_framework_that_cannot_be_found() {
    let sandbox = Sandbox::new();
    let framework = sandbox.path("team.yaml");
    std::fs::copy(FRAMEWORK, &framework).expect("test set-up");
    let file = saved_assessment(&sandbox, &framework, "lis-1: 3\n");
    std::fs::remove_file(&framework).expect("test set-up");
    insta::assert_snapshot!("resume_framework_gone", resume_refused(&sandbox, &file));
}

#[test]
fn resume_after_the_framework_changed_matches_by_id_and_names_what_changed() {
    let sandbox = Sandbox::new();
    let framework = sandbox.path("team.yaml");
    std::fs::copy(FRAMEWORK, &framework).expect("test set-up");
    let file = saved_assessment(
        &sandbox,
        &framework,
        "lis-1: 3\nlis-2: 4\nlis-4: 3\nlis-5: 2\n",
    );
    // lis-5 is removed and lis-6 added; lis-3 was never answered, and is not named: the file
    // records which indicators the framework had.
    let text = std::fs::read_to_string(FRAMEWORK)
        .expect("test set-up")
        .replace(
        "          - id: lis-5\n            text: Sets up meetings where every voice is heard\n",
        "          - id: lis-6\n            text: Sets up meetings where every voice is heard\n",
    );
    std::fs::write(&framework, text).expect("test set-up");
    let out = sandbox.run(&["assess", "--resume", &file.display().to_string()]);
    // Without a terminal the walk cannot go on, but everything about the file is said first.
    assert_eq!(out.code, 2);
    insta::assert_snapshot!("resume_framework_changed", sandbox.clean(&out.stderr));
    assert_eq!(
        json(&file)["ratings"]["lis-5"]["value"],
        2,
        "nothing is dropped from the file until the next answer"
    );
}

#[test]
fn resume_with_another_framework_named_is_refused() {
    let sandbox = Sandbox::new();
    let file = saved_assessment(&sandbox, Path::new(FRAMEWORK), "lis-1: 3\n");
    let other = sandbox.write(
        "other.yaml",
        "id: other\nname: Other\nversion: \"1\"\nlevels: [{ id: one, name: One }]\n\
         competencies: [{ id: c, name: C, levels: [{ level: one, indicators: [x] }] }]\n",
    );
    let out = sandbox.run(&[
        "assess",
        &other.display().to_string(),
        "--resume",
        &file.display().to_string(),
    ]);
    assert_eq!(out.code, 2);
    assert_eq!(
        sandbox.clean(&out.stderr),
        "error: [TMP]/saved.json: the assessment is of framework \"teamwork-walk\", but [TMP]/other.yaml is framework \"other\"\n"
    );
}

#[test]
fn resuming_a_complete_assessment_without_a_terminal_shows_its_profile() {
    let sandbox = Sandbox::new();
    let file = saved_assessment(&sandbox, Path::new(FRAMEWORK), ALL_ANSWERS);
    let before = std::fs::read(&file).expect("saved");
    let out = sandbox.run(&["assess", "--resume", &file.display().to_string()]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stdout.starts_with("Level profile (scores out of 3)\n"),
        "{}",
        out.stdout
    );
    // Leading's one indicator is answered na: passed over, never the current level (section
    // 10), and nothing above growing applies.
    assert!(
        out.stdout
            .contains("Listening  ┆ 2 · Growing ┆  2.00 ┆ ████░░ ┆ the levels above do not apply"),
        "{}",
        out.stdout
    );
    assert_eq!(
        sandbox.clean(&out.stderr),
        "Every indicator in [TMP]/saved.json is answered; at a terminal, --resume opens it to review and change.\n"
    );
    assert_eq!(
        std::fs::read(&file).expect("saved"),
        before,
        "left as it was"
    );
}

#[test]
fn a_manager_rates_someone_else_with_answers() {
    let sandbox = Sandbox::new();
    let answers = sandbox.write("answers.yaml", ALL_ANSWERS);
    let out_file = sandbox.path("alex-by-sam.json");
    let out = sandbox.run(&[
        "assess",
        FRAMEWORK,
        "--answers",
        &answers.display().to_string(),
        "--subject",
        "Alex Rivera",
        "--rater",
        "Sam Lee",
        "--relation",
        "manager",
        "--out",
        &out_file.display().to_string(),
    ]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let saved = json(&out_file);
    assert_eq!(saved["subject"], "Alex Rivera");
    assert_eq!(
        saved["rater"],
        serde_json::json!({ "name": "Sam Lee", "relation": "manager" })
    );
}

#[test]
fn a_self_assessment_records_no_rater() {
    let sandbox = Sandbox::new();
    let answers = sandbox.write("answers.yaml", ALL_ANSWERS);
    let out_file = sandbox.path("alex.json");
    let out = sandbox.run(&[
        "assess",
        FRAMEWORK,
        "--answers",
        &answers.display().to_string(),
        "--subject",
        "Alex Rivera",
        "--relation",
        "self",
        "--out",
        &out_file.display().to_string(),
    ]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let saved = json(&out_file);
    assert_eq!(saved["subject"], "Alex Rivera");
    assert!(saved.get("rater").is_none(), "{saved}");
}

#[test]
fn rater_flags_that_do_not_fit_together_are_refused() {
    let sandbox = Sandbox::new();
    let answers = sandbox.write("answers.yaml", ALL_ANSWERS);
    let answers = answers.display().to_string();
    let cases: [(&[&str], &str); 4] = [
        (
            &["--rater", "Sam Lee"],
            "--rater \"Sam Lee\": say how they relate",
        ),
        (
            &["--relation", "peer"],
            "--relation peer: name the rater too",
        ),
        (
            &["--rater", "Sam Lee", "--relation", "peer"],
            "name the person being rated with --subject NAME",
        ),
        (
            &["--subject", "Alex", "--rater", "Sam", "--relation", "boss"],
            "invalid value 'boss'",
        ),
    ];
    for (flags, expected) in cases {
        let mut args = vec!["assess", FRAMEWORK, "--answers", &answers];
        args.extend_from_slice(flags);
        let out = sandbox.run(&args);
        assert_eq!(out.code, 2, "{flags:?}: {}", out.stderr);
        assert!(out.stderr.contains(expected), "{flags:?}: {}", out.stderr);
        assert!(sandbox.saved().is_empty(), "{flags:?} saved nothing");
    }
}

#[test]
fn a_target_given_to_assess_is_saved_and_used_by_report_diff_and_history() {
    let sandbox = Sandbox::new();
    let answers = sandbox.write("answers.yaml", ALL_ANSWERS);
    let lower = sandbox.write(
        "lower.yaml",
        "lis-1: 3\nlis-2: 3\nlis-3: 1\nlis-4: 1\nlis-5: 1\nsha-1: 3\nsha-2: 3\nsha-3: 1\n",
    );
    let first = sandbox.path("first.json");
    let second = sandbox.path("second.json");
    for (answers, file) in [(&lower, &first), (&answers, &second)] {
        let out = sandbox.run(&[
            "assess",
            FRAMEWORK,
            "--answers",
            &answers.display().to_string(),
            "--target-level",
            "growing",
            "--out",
            &file.display().to_string(),
        ]);
        assert_eq!(out.code, 0, "{}", out.stderr);
    }
    assert_eq!(
        json(&first)["target"],
        serde_json::json!({ "level": "growing" })
    );
    let first_arg = first.display().to_string();
    let second_arg = second.display().to_string();

    let report = sandbox.run(&["report", &first_arg]);
    assert_eq!(report.code, 0, "{}", report.stderr);
    assert_eq!(report.stderr, "");
    assert!(
        report
            .stdout
            .contains("Gaps to every competency at Growing"),
        "{}",
        report.stdout
    );
    assert!(
        report.stdout.contains("Development plan"),
        "{}",
        report.stdout
    );
    let other = sandbox.run(&["report", &first_arg, "--target", "senior"]);
    assert!(
        other.stdout.contains("Gaps to Senior (senior)"),
        "a target given wins: {}",
        other.stdout
    );

    let diff = sandbox.run(&["diff", &first_arg, &second_arg]);
    assert_eq!(diff.code, 0, "{}", diff.stderr);
    assert!(
        diff.stdout.contains("Gaps to every competency at Growing"),
        "{}",
        diff.stdout
    );
    assert!(diff.stdout.contains("1 → met"), "{}", diff.stdout);

    let history = sandbox.run(&["history", &first_arg, &second_arg]);
    assert_eq!(history.code, 0, "{}", history.stderr);
    assert!(
        history
            .stdout
            .contains("Gaps to every competency at Growing, in the newest assessment"),
        "{}",
        history.stdout
    );
    assert!(history.stdout.contains("met"), "{}", history.stdout);
    let json_history = sandbox.run(&["history", &first_arg, &second_arg, "--format", "json"]);
    let value: serde_json::Value = serde_json::from_str(&json_history.stdout).expect("JSON");
    assert_eq!(value["competencies"][0]["gap"], 0, "{value}");
}

#[test]
fn a_report_without_a_target_says_in_one_line_how_to_get_the_gaps() {
    let sandbox = Sandbox::new();
    let file = saved_assessment(&sandbox, Path::new(FRAMEWORK), ALL_ANSWERS);
    let out = sandbox.run(&["report", &file.display().to_string()]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(
        out.stderr,
        "hint: no target, so no gap table or development plan; add --target-level LEVEL (starting, growing, leading) or --target ROLE (senior)\n"
    );
    assert!(!out.stdout.contains("Gaps to"), "{}", out.stdout);
    let quiet = sandbox.run(&["report", &file.display().to_string(), "--format", "json"]);
    assert_eq!(quiet.stderr, "", "no hint beside machine formats");
}

#[test]
fn every_note_shows_beside_its_rating_in_table_markdown_and_html_unless_no_notes() {
    let sandbox = Sandbox::new();
    let file = saved_assessment(&sandbox, Path::new(FRAMEWORK), ALL_ANSWERS);
    // A note on an indicator not rated yet is evidence too.
    let mut value = json(&file);
    value["notes"] = serde_json::json!({ "sha-3": "demo planned for May" });
    let unrated = value["ratings"]
        .as_object_mut()
        .expect("ratings")
        .remove("sha-3");
    assert!(unrated.is_some());
    std::fs::write(&file, value.to_string()).expect("write");
    let file = file.display().to_string();

    let table = sandbox.run(&["report", &file]);
    assert_eq!(table.code, 0, "{}", table.stderr);
    let notes = &table.stdout[table
        .stdout
        .find("Evidence notes")
        .expect("a notes section")..];
    assert!(notes.contains("3 · Often"), "{notes}");
    assert!(notes.contains("asked Sam first in the retro"), "{notes}");
    assert!(notes.contains("not rated"), "{notes}");
    assert!(notes.contains("demo planned for May"), "{notes}");

    let markdown = sandbox
        .run(&["report", &file, "--format", "markdown"])
        .stdout;
    assert!(
        markdown.contains("| 3 · Often | asked Sam first in the retro |"),
        "{markdown}"
    );
    assert!(
        markdown.contains("| not rated | demo planned for May |"),
        "{markdown}"
    );
    let html = sandbox.run(&["report", &file, "--format", "html"]).stdout;
    assert!(
        html.contains("<td class=\"rating\">3 · Often</td><td class=\"note\">asked Sam first in the retro</td>"),
        "{html}"
    );

    for format in ["table", "markdown", "html", "json"] {
        let out = sandbox.run(&["report", &file, "--format", format, "--no-notes"]);
        assert_eq!(out.code, 0, "{}", out.stderr);
        assert!(!out.stdout.contains("Evidence notes"), "{format}");
        assert!(
            !out.stdout.contains("asked Sam"),
            "{format}: {}",
            out.stdout
        );
        assert!(!out.stdout.contains("demo planned"), "{format}");
    }
}

/// Save assessments in the sandbox's assessments folder, in this order: two of the teamwork
/// fixture (a partial self-assessment, then a complete self-assessment of Alex Rivera) and one
/// of networking.
fn three_saved(sandbox: &Sandbox) {
    three_saved_with(sandbox, &[]);
}

/// [`three_saved`], the second saved with `second` added to its arguments.
fn three_saved_with(sandbox: &Sandbox, second: &[&str]) {
    let partial = sandbox.write("partial.yaml", "lis-1: 3\nlis-2: 2\n");
    let all = sandbox.write("all.yaml", ALL_ANSWERS);
    let network = sandbox.write("net.yaml", "net-l2-1: 3\n");
    let mut complete = vec![
        "assess",
        FRAMEWORK,
        "--answers",
        all.to_str().expect("utf-8"),
        "--subject",
        "Alex Rivera",
    ];
    complete.extend_from_slice(second);
    for args in [
        vec![
            "assess",
            FRAMEWORK,
            "--answers",
            partial.to_str().expect("utf-8"),
        ],
        complete,
        vec![
            "assess",
            "networking",
            "--answers",
            network.to_str().expect("utf-8"),
        ],
    ] {
        let out = sandbox.run(&args);
        assert_eq!(out.code, 0, "{}", out.stderr);
    }
}

#[test]
fn ls_and_list_assessments_show_what_the_folder_holds_latest_first() {
    let sandbox = Sandbox::new();
    let empty = sandbox.run(&["ls"]);
    assert_eq!(empty.code, 0, "{}", empty.stderr);
    assert!(
        sandbox
            .clean(&empty.stdout)
            .starts_with("0 assessments in [TMP]/data/rungs/assessments\n"),
        "{}",
        empty.stdout
    );
    // A rating by someone else is saved in the folder only when named there with -o.
    let by_sam = sandbox.assessments().join("teamwork-walk-by-sam.json");
    three_saved_with(
        &sandbox,
        &[
            "--rater",
            "Sam Lee",
            "--relation",
            "manager",
            "-o",
            by_sam.to_str().expect("utf-8"),
        ],
    );
    let out = sandbox.run(&["ls"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let text = sandbox.clean(&out.stdout);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[0], "3 assessments in [TMP]/data/rungs/assessments");
    assert!(lines[1].starts_with("networking-"), "latest first: {text}");
    assert!(lines[2].starts_with("  networking · "), "{text}");
    assert!(lines[2].ends_with(" · in progress"), "{text}");
    assert!(
        lines[4].starts_with("  teamwork-walk · Alex Rivera · rated by Sam Lee (manager) · "),
        "{text}"
    );
    assert_eq!(lines[5], "  complete", "wrapped between words: {text}");
    assert!(lines[6].starts_with("teamwork-walk-"), "{text}");
    assert!(lines[7].ends_with(" · in progress"), "{text}");
    assert_eq!(sandbox.run(&["list", "--assessments"]).stdout, out.stdout);
}

#[test]
fn report_diff_history_take_a_framework_id_for_its_assessments() {
    let sandbox = Sandbox::new();
    three_saved(&sandbox);
    let saved = sandbox.saved();
    let (first, second) = (&saved[2], &saved[1]);
    assert!(second.ends_with("-2.json"), "{saved:?}");

    let report = sandbox.run(&["report", "teamwork-walk", "--target-level", "growing"]);
    assert_eq!(report.code, 0, "{}", report.stderr);
    assert_eq!(
        sandbox.clean(&report.stderr),
        format!("Reporting [TMP]/data/rungs/assessments/{second}\n")
    );
    assert!(
        report.stdout.contains("Alex Rivera"),
        "the latest: {}",
        report.stdout
    );

    let diff = sandbox.run(&["diff", "teamwork-walk"]);
    assert_eq!(diff.code, 0, "{}", diff.stderr);
    assert_eq!(
        sandbox.clean(&diff.stderr),
        format!("Comparing the last two: [TMP]/data/rungs/assessments/{first} and [TMP]/data/rungs/assessments/{second}\n")
    );
    let one = sandbox.run(&["diff", "networking"]);
    assert_eq!(one.code, 2);
    assert!(
        one.stderr.contains("diff compares two assessments"),
        "{}",
        one.stderr
    );

    let history = sandbox.run(&["history", "teamwork-walk"]);
    assert_eq!(history.code, 0, "{}", history.stderr);
    assert!(
        history.stdout.contains("(teamwork-walk): 2 assessments"),
        "{}",
        history.stdout
    );

    let missing = sandbox.run(&["report", "no-such-framework"]);
    assert_eq!(missing.code, 2);
    assert_eq!(
        sandbox.clean(&missing.stderr),
        "error: no-such-framework: no such file, and no assessment of framework \"no-such-framework\" in [TMP]/data/rungs/assessments (it holds: networking, teamwork-walk)\n"
    );
}

#[test]
fn history_of_the_assessments_folder_gives_one_history_per_framework() {
    let sandbox = Sandbox::new();
    three_saved(&sandbox);
    let folder = sandbox.assessments().display().to_string();
    let out = sandbox.run(&["history", &folder]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stdout
            .contains("Networking (networking): 1 assessment in"),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout.contains("(teamwork-walk): 2 assessments in"),
        "{}",
        out.stdout
    );
    let json = sandbox.run(&["history", &folder, "--format", "json"]);
    let value: serde_json::Value = serde_json::from_str(&json.stdout).expect("one JSON document");
    assert_eq!(value.as_array().map(Vec::len), Some(2), "{value}");
}

#[test]
fn a_rating_of_someone_else_needs_its_own_file_and_names_are_tidied() {
    let sandbox = Sandbox::new();
    let all = sandbox.write("all.yaml", ALL_ANSWERS);
    let all = all.to_str().expect("utf-8");
    let refused = sandbox.run(&[
        "assess",
        FRAMEWORK,
        "--answers",
        all,
        "--subject",
        "Alex Rivera",
        "--rater",
        "Pat Ng",
        "--relation",
        "peer",
    ]);
    assert_eq!(refused.code, 2, "{}", refused.stderr);
    assert!(
        refused.stderr.contains("--rater \"Pat Ng\" --relation peer: a rating of someone else is not saved in your assessments folder")
            && refused.stderr.contains("name its file with -o FILE"),
        "{}",
        refused.stderr
    );
    assert!(sandbox.saved().is_empty(), "nothing saved");

    let out = sandbox.path("alex-by-pat.json");
    let saved = sandbox.run(&[
        "assess",
        FRAMEWORK,
        "--answers",
        all,
        "--subject",
        " Alex   Rivera ",
        "--rater",
        "Pat  Ng",
        "--relation",
        "peer",
        "-o",
        out.to_str().expect("utf-8"),
    ]);
    assert_eq!(saved.code, 0, "{}", saved.stderr);
    let file: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&out).expect("saved")).expect("JSON");
    assert_eq!(file["subject"], "Alex Rivera");
    assert_eq!(file["rater"]["name"], "Pat Ng");
}

#[test]
fn a_framework_id_picks_only_own_self_assessments() {
    let sandbox = Sandbox::new();
    three_saved(&sandbox);
    // Pat's rating of Alex, kept in the folder by name (as an older version saved it there).
    let all = sandbox.write("all.yaml", ALL_ANSWERS);
    let by_pat = sandbox.assessments().join("zz-by-pat.json");
    let saved = sandbox.run(&[
        "assess",
        FRAMEWORK,
        "--answers",
        all.to_str().expect("utf-8"),
        "--subject",
        "Alex Rivera",
        "--rater",
        "Pat Ng",
        "--relation",
        "peer",
        "-o",
        by_pat.to_str().expect("utf-8"),
    ]);
    assert_eq!(saved.code, 0, "{}", saved.stderr);
    let own = sandbox.saved()[1].clone();
    assert!(own.ends_with("-2.json"), "{own}");
    for args in [
        vec!["report", "teamwork-walk"],
        vec!["assess", "--resume", "teamwork-walk"],
    ] {
        let out = sandbox.run(&args);
        assert!(
            sandbox.clean(&out.stderr).contains(&own),
            "{args:?} picks the latest own self-assessment: {}",
            out.stderr
        );
        assert!(!out.stderr.contains("zz-by-pat"), "{}", out.stderr);
    }
    let diff = sandbox.run(&["diff", "teamwork-walk"]);
    assert_eq!(diff.code, 0, "{}", diff.stderr);
    assert!(!diff.stderr.contains("zz-by-pat"), "{}", diff.stderr);
    let history = sandbox.run(&["history", "teamwork-walk"]);
    assert_eq!(history.code, 0, "{}", history.stderr);
    assert!(
        history.stdout.contains("2 assessments"),
        "{}",
        history.stdout
    );
}

#[test]
fn subject_on_resume_sets_a_missing_one_and_refuses_another() {
    let sandbox = Sandbox::new();
    let all = sandbox.write("all.yaml", ALL_ANSWERS);
    let file = sandbox.path("me.json");
    let file = file.to_str().expect("utf-8");
    let made = sandbox.run(&[
        "assess",
        FRAMEWORK,
        "--answers",
        all.to_str().expect("utf-8"),
        "-o",
        file,
    ]);
    assert_eq!(made.code, 0, "{}", made.stderr);
    let set = sandbox.run(&["assess", "--resume", file, "--subject", "Alex  Rivera"]);
    assert_eq!(set.code, 0, "{}", set.stderr);
    let read = || -> serde_json::Value {
        serde_json::from_str(&std::fs::read_to_string(file).expect("saved")).expect("JSON")
    };
    assert_eq!(read()["subject"], "Alex Rivera", "{}", set.stderr);
    let again = sandbox.run(&["assess", "--resume", file, "--subject", "Alex Rivera "]);
    assert_eq!(again.code, 0, "the same name: {}", again.stderr);
    let other = sandbox.run(&["assess", "--resume", file, "--subject", "Pat Ng"]);
    assert_eq!(other.code, 2, "{}", other.stderr);
    assert!(
        other
            .stderr
            .contains("is an assessment of \"Alex Rivera\", not \"Pat Ng\" (--subject)"),
        "{}",
        other.stderr
    );
    assert_eq!(read()["subject"], "Alex Rivera");
}

#[test]
fn help_names_every_key_and_says_an_id_works_for_a_file() {
    let assess = crate::support::run(&["assess", "--help"]);
    assert_eq!(assess.code, 0);
    let flat = assess
        .stdout
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    assert!(
        flat.contains("Enter or Right keep the rating shown and go on"),
        "{flat}"
    );
    assert!(
        flat.contains("--resume <FILE> Continue a saved assessment at its first unrated indicator (a file, or a framework id for your latest self-assessment of it"),
        "{flat}"
    );
    let report = crate::support::run(&["report", "--help"]);
    let flat = report
        .stdout
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    assert!(
        flat.contains("<FILE> A saved assessment (JSON), or a framework id for your latest self-assessment of it"),
        "{flat}"
    );
}

#[test]
fn ls_shows_the_time_of_day_so_two_files_of_a_day_differ() {
    let sandbox = Sandbox::new();
    three_saved(&sandbox);
    let out = sandbox.run(&["ls"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let described: Vec<&str> = out
        .stdout
        .lines()
        .filter(|l| l.starts_with("  ") && l.contains(" · "))
        .collect();
    assert_eq!(described.len(), 3, "{}", out.stdout);
    for line in described {
        let has_time = line.split(" · ").any(|part| {
            let b = part.as_bytes();
            b.len() == 16 && b[4] == b'-' && b[10] == b' ' && b[13] == b':'
        });
        assert!(has_time, "date and time of day: {line}");
    }
}

#[test]
fn report_by_framework_id_of_one_in_progress_names_the_latest_complete_one() {
    let sandbox = Sandbox::new();
    three_saved(&sandbox);
    // A newer assessment started and left half way.
    let partial = sandbox.write("later.yaml", "lis-1: 4\n");
    let out = sandbox.run(&[
        "assess",
        FRAMEWORK,
        "--answers",
        partial.to_str().expect("utf-8"),
    ]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let saved = sandbox.saved();
    let newest = saved
        .iter()
        .find(|n| n.ends_with("-3.json"))
        .expect("a third file");
    let complete = saved
        .iter()
        .find(|n| n.ends_with("-2.json"))
        .expect("the complete one");
    let report = sandbox.run(&["report", "teamwork-walk"]);
    assert_eq!(report.code, 0, "{}", report.stderr);
    assert!(report.stdout.contains("in progress"), "{}", report.stdout);
    let folder = "[TMP]/data/rungs/assessments";
    assert_eq!(
        sandbox.clean(&report.stderr).lines().take(2).collect::<Vec<_>>(),
        vec![
            format!("Reporting {folder}/{newest}"),
            format!(
                "It is in progress; the latest complete one is {folder}/{complete}: rungs report {folder}/{complete}"
            ),
        ]
    );
    // When the latest is complete, nothing more is said.
    let all = sandbox.write("all-again.yaml", ALL_ANSWERS);
    let out = sandbox.run(&[
        "assess",
        FRAMEWORK,
        "--answers",
        all.to_str().expect("utf-8"),
    ]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let report = sandbox.run(&["report", "teamwork-walk"]);
    assert!(!report.stderr.contains("in progress"), "{}", report.stderr);
}

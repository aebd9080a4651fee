//! `rungs report`: every format, targets, --output, and what a user gets wrong.

use crate::support::{command, fixture};

const MARCH: &str = "tests/fixtures/assessments/teamwork/2026-03-01.json";
const FRAMEWORKS: &str = "tests/fixtures/frameworks";
const JUNE: &str = "tests/fixtures/assessments/teamwork/2026-06-02.json";

fn report(args: &[&str]) -> String {
    command(&["report", MARCH, "--frameworks", FRAMEWORKS])
        .args(args)
        .succeeds()
}

#[test]
fn table_without_target_shows_only_the_profile() {
    let run = command(&["report", MARCH, "--frameworks", FRAMEWORKS])
        .env("NO_COLOR", "1")
        .run();
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr.starts_with(
            "hint: no target, so no gap table or development plan; add --target-level LEVEL ("
        ),
        "one line says how to get them: {}",
        run.stderr
    );
    assert_eq!(run.stderr.lines().count(), 1);
    let out = run.stdout;
    assert!(out.contains("Level profile"));
    assert!(!out.contains("Gaps to"));
    assert!(!out.contains("Development plan"));
    insta::assert_snapshot!("teamwork_table_no_target", out);
}

#[test]
fn table_with_role_target_shows_gaps_and_plan() {
    insta::assert_snapshot!(
        "teamwork_table_team_lead",
        report(&["--target", "team-lead"])
    );
}

#[test]
fn table_fits_80_columns_and_uses_more_when_given() {
    let narrow = report(&["--target", "team-lead"]);
    for line in narrow.lines() {
        assert!(
            line.chars().count() <= 80,
            "line wider than 80 columns: {line:?}"
        );
    }
    let wide = command(&[
        "report",
        MARCH,
        "--frameworks",
        FRAMEWORKS,
        "--target",
        "team-lead",
    ])
    .env("COLUMNS", "160")
    .succeeds();
    let widest = wide.lines().map(|l| l.chars().count()).max().unwrap_or(0);
    assert!(widest > 80 && widest <= 160, "widest line {widest}");
    assert!(
        wide.lines().count() < narrow.lines().count(),
        "a wide terminal wraps less"
    );
}

#[test]
fn colour_only_when_asked_or_on_a_terminal_and_never_with_no_color() {
    let piped = report(&["--target", "team-lead"]);
    assert!(!piped.contains('\x1b'), "no colour when piped");
    let forced = report(&["--target", "team-lead", "--color", "always"]);
    assert!(forced.contains("\x1b["), "colour with --color always");
    let no_color = command(&[
        "report",
        MARCH,
        "--frameworks",
        FRAMEWORKS,
        "--target",
        "team-lead",
    ])
    .env("NO_COLOR", "1")
    .succeeds();
    assert!(!no_color.contains('\x1b'));
}

#[test]
fn json_markdown_csv_and_html_snapshots() {
    for (format, name) in [
        ("json", "teamwork_json_team_lead"),
        ("markdown", "teamwork_markdown_team_lead"),
        ("csv", "teamwork_csv_team_lead"),
        ("html", "teamwork_html_team_lead"),
    ] {
        let out = report(&["--target", "team-lead", "--format", format]);
        insta::assert_snapshot!(name, out);
    }
}

#[test]
fn json_has_the_contract_fields_with_hand_computed_values() {
    // listening: all six indicators rated 3 or 4 -> level 3 (leading) held, score 3.
    // feedback: fb-1 = 2, fb-2 = 3 -> 1/2 = 50% < 80% at level 1 -> none, score 0 + 0.5.
    // planning: starts at rank 2; two na and one 3 at practising -> 1/1 held; leading has one
    //   na and a 2 -> 0/1 -> score 2 + 0.
    // team-lead: listening leading (met), feedback practising (gap 2), planning leading (gap 1).
    let out = report(&["--target", "team-lead", "--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&out).expect("valid JSON");
    assert_eq!(json["framework"]["id"], "teamwork");
    assert_eq!(json["framework"]["version"], "1.0");
    let competencies = json["competencies"].as_array().expect("competencies array");
    let expected = [
        (
            "listening",
            "Listening",
            Some("leading"),
            3,
            3.0,
            "leading",
            0,
        ),
        ("feedback", "Giving feedback", None, 0, 0.5, "practising", 2),
        (
            "planning",
            "Planning together",
            Some("practising"),
            2,
            2.0,
            "leading",
            1,
        ),
    ];
    assert_eq!(competencies.len(), expected.len());
    for (c, (id, name, level, rank, score, target, gap)) in competencies.iter().zip(expected) {
        assert_eq!(c["id"], id);
        assert_eq!(c["name"], name);
        assert_eq!(c["level"], serde_json::json!(level), "{id} level");
        assert_eq!(c["rank"], rank, "{id} rank");
        assert_eq!(c["score"].as_f64(), Some(score), "{id} score");
        assert_eq!(c["target"], target, "{id} target");
        assert_eq!(c["gap"], gap, "{id} gap");
    }
    // Without a target, target and gap are null.
    let plain: serde_json::Value =
        serde_json::from_str(&report(&["--format", "json"])).expect("valid JSON");
    assert!(plain["competencies"][0]["target"].is_null());
    assert!(plain["competencies"][0]["gap"].is_null());
    // The plan lists feedback first (gap 2) with fb-1 (rated 2), fb-3 (rated 1), fb-4 (unrated).
    let plan = json["plan"].as_array().expect("plan array");
    assert_eq!(plan[0]["competency"], "feedback");
    let ids: Vec<&str> = plan[0]["indicators"]
        .as_array()
        .expect("indicators")
        .iter()
        .map(|i| i["id"].as_str().unwrap_or_default())
        .collect();
    assert_eq!(ids, ["fb-1", "fb-3", "fb-4"]);
    assert_eq!(plan[0]["indicators"][0]["rating"], 2);
    assert_eq!(
        plan[0]["indicators"][0]["note"],
        "Only when my manager asks."
    );
    assert!(plan[0]["indicators"][2]["rating"].is_null());
    assert_eq!(plan[1]["competency"], "planning");
}

#[test]
fn target_level_then_per_competency_overrides() {
    let out = report(&[
        "--target-level",
        "practising",
        "--target",
        "planning=leading",
        "--target",
        "planning=starting",
        "--format",
        "json",
    ]);
    let json: serde_json::Value = serde_json::from_str(&out).expect("valid JSON");
    let targets: Vec<&str> = json["competencies"]
        .as_array()
        .expect("competencies")
        .iter()
        .map(|c| c["target"].as_str().unwrap_or_default())
        .collect();
    // The last planning=... wins over the first and over --target-level.
    assert_eq!(targets, ["practising", "practising", "starting"]);
    let gaps: Vec<u64> = json["competencies"]
        .as_array()
        .expect("competencies")
        .iter()
        .map(|c| c["gap"].as_u64().unwrap_or(99))
        .collect();
    assert_eq!(gaps, [0, 2, 0]);
}

#[test]
fn csv_neutralises_formulas() {
    let out = command(&[
        "report",
        "tests/fixtures/hostile/teamwork-injection.json",
        "--frameworks",
        FRAMEWORKS,
        "--format",
        "csv",
    ])
    .succeeds();
    assert!(out.contains(r#""'=HYPERLINK(""http://example.invalid"",""click"")""#));
    assert!(out.contains(r#""'+1 and a comma, ""quoted""""#));
    // The note, then the best fit (none), the next role (member) and its gap.
    assert!(out.contains(",'-2+3,,member,3,"));
    assert!(out.contains(",'@SUM(A1:A9),,member,3,"));
    // Every line has the header's 22 columns once quoted commas are accounted for.
    let header = out.lines().next().expect("a header");
    assert_eq!(header.split(',').count(), 22);
    assert_eq!(out.lines().count(), 1 + 15, "one row per indicator");
    for line in out.lines() {
        for cell in line.split(',') {
            assert!(
                !cell.starts_with(['=', '+', '-', '@']),
                "cell {cell:?} would be read as a formula"
            );
        }
    }
}

#[test]
fn markdown_escapes_notes() {
    let out = command(&[
        "report",
        "tests/fixtures/hostile/teamwork-injection.json",
        "--frameworks",
        FRAMEWORKS,
        "--format",
        "markdown",
        "--target-level",
        "practising",
    ])
    .succeeds();
    assert!(out.contains("&lt;script&gt;"));
    assert!(!out.contains("<script>"));
    assert!(out.contains(r"\| \*bold\* \[link\](x)"));
    assert!(out.contains("# Teamwork 1.0 · &lt;b&gt;Mallory&lt;/b&gt; · in progress"));
}

#[test]
fn output_is_written_once_and_replaced_only_with_force() {
    let dir = tempfile::tempdir().expect("temp dir");
    let target = dir.path().join("me.md");
    let first = command(&[
        "report",
        MARCH,
        "--frameworks",
        FRAMEWORKS,
        "-f",
        "markdown",
        "-o",
    ])
    .arg(&target)
    .run();
    assert_eq!(first.code, 0, "{}", first.stderr);
    assert_eq!(first.stdout, "", "nothing on stdout when writing a file");
    assert!(first.stderr.contains("wrote"));
    let written = std::fs::read_to_string(&target).expect("written");
    assert!(written.starts_with("# Teamwork 1.0"));

    std::fs::write(&target, "my own notes").expect("overwrite by hand");
    let refused = command(&["report", MARCH, "--frameworks", FRAMEWORKS, "-o"])
        .arg(&target)
        .run();
    assert_eq!(refused.code, 2);
    assert!(
        refused
            .stderr
            .contains("file exists; pass --force to overwrite it"),
        "{}",
        refused.stderr
    );
    assert_eq!(
        std::fs::read_to_string(&target).expect("still there"),
        "my own notes"
    );

    let forced = command(&["report", MARCH, "--frameworks", FRAMEWORKS, "--force", "-o"])
        .arg(&target)
        .run();
    assert_eq!(forced.code, 0, "{}", forced.stderr);
    let replaced = std::fs::read_to_string(&target).expect("replaced");
    assert!(replaced.contains("Level profile"));
    assert!(!replaced.contains('\x1b'), "no colour in a file");
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .expect("list")
        .filter_map(Result::ok)
        .map(|e| e.file_name())
        .collect();
    assert_eq!(leftovers.len(), 1, "no temporary files left: {leftovers:?}");
}

#[test]
fn unknown_target_is_bad_input_listing_what_exists() {
    let out = command(&[
        "report",
        MARCH,
        "--frameworks",
        FRAMEWORKS,
        "--target",
        "boss",
    ])
    .run();
    assert_eq!(out.code, 2);
    insta::assert_snapshot!("unknown_target", out.stderr);
    let out = command(&[
        "report",
        MARCH,
        "--frameworks",
        FRAMEWORKS,
        "--target",
        "nope=leading",
        "--target",
        "planning=",
    ])
    .run();
    assert_eq!(out.code, 2);
    insta::assert_snapshot!("bad_target_pairs", out.stderr);
}

#[test]
fn missing_or_invalid_assessment_is_bad_input() {
    let out = command(&["report", "no-such.json"]).run();
    assert_eq!(out.code, 2);
    assert_eq!(
        out.stderr,
        "error: no-such.json: cannot read: no such file or folder\n"
    );
    let out = command(&["report", "tests/fixtures/frameworks/teamwork.yaml"]).run();
    assert_eq!(out.code, 2);
    assert!(
        out.stderr.contains("not a rungs assessment"),
        "{}",
        out.stderr
    );
    // The framework is found neither built in nor in a --frameworks folder.
    let out = command(&["report", MARCH]).run();
    assert_eq!(out.code, 2);
    assert!(
        out.stderr
            .contains("pass --framework PATH or --frameworks DIR"),
        "{}",
        out.stderr
    );
}

#[test]
fn a_malformed_rating_is_named_at_its_line_and_column() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("bad.json");
    std::fs::write(
        &file,
        "{\"format\": \"rungs-assessment/1\",\n\"framework\": {\"id\": \"networking\", \"version\": \"1.0\", \"digest\": \"sha256:00\"},\n\"started_at\": \"2026-01-01T00:00:00Z\",\n\"ratings\": {\"net-l2-1\": {\"value\": \"often\"}}}\n",
    )
    .expect("write");
    let out = command(&["report"]).arg(&file).run();
    assert_eq!(out.code, 2);
    assert!(
        out.stderr.ends_with(
            "bad.json:4:41: invalid assessment: rating \"often\" is neither a scale value nor \"na\"\n"
        ),
        "{}",
        out.stderr
    );
}

#[test]
fn ratings_that_do_not_fit_an_unchanged_framework_are_refused() {
    let dir = tempfile::tempdir().expect("temp dir");
    let text = std::fs::read_to_string(fixture("assessments/teamwork/2026-03-01.json"))
        .expect("fixture")
        .replace("\"lis-1\"", "\"lis-99\"")
        .replace("\"fb-2\": { \"value\": 3 }", "\"fb-2\": { \"value\": 7 }");
    let path = dir.path().join("bad.json");
    std::fs::write(&path, text).expect("write");
    let out = command(&["report", "--frameworks", FRAMEWORKS])
        .arg(&path)
        .run();
    assert_eq!(out.code, 2);
    assert!(
        out.stderr.contains(
            "rating for unknown indicator \"lis-99\" (the assessment does not match its framework)"
        ),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr
            .contains("indicator \"fb-2\" is rated 7, which is not on the scale (1, 2, 3, 4)"),
        "{}",
        out.stderr
    );
}

#[test]
fn a_changed_framework_is_said_on_stderr_and_ratings_match_by_id() {
    let dir = tempfile::tempdir().expect("temp dir");
    let text = std::fs::read_to_string(fixture("assessments/teamwork/2026-03-01.json"))
        .expect("fixture")
        .replace(
            "sha256:ef09eba8faf9ce35315ef66a6cddcf0a7ff120be132b4f203dbfb5135fb65faf",
            "sha256:1111111111111111111111111111111111111111111111111111111111111111",
        )
        .replace("\"version\": \"1.0\"", "\"version\": \"0.9\"")
        .replace("\"lis-1\"", "\"lis-0\"");
    let path = dir.path().join("old.json");
    std::fs::write(&path, text).expect("write");
    let out = command(&["report", "--frameworks", FRAMEWORKS, "--format", "json"])
        .arg(&path)
        .run();
    assert_eq!(out.code, 0, "{}", out.stderr);
    let shown = path.display().to_string();
    assert_eq!(
        out.stderr,
        format!(
            "warning: {shown}: framework teamwork has changed since this assessment was made (recorded version 0.9 sha256:111111111111…, found version 1.0 sha256:ef09eba8faf9…); ratings are matched by indicator id\n\
             warning: {shown}: left out the ratings of indicators no longer in the framework: lis-0\n"
        )
    );
    let json: serde_json::Value = serde_json::from_str(&out.stdout).expect("valid JSON");
    // lis-1 is now unrated, which counts as not yet shown: listening's first level (2
    // indicators) has 1 of 2 shown, under 80%, so no level is held.
    assert_eq!(json["competencies"][0]["rank"], 0);
    assert_eq!(
        json["competencies"][0]["coverage"],
        serde_json::json!({ "answered": 5, "of": 6 })
    );
    let quiet = command(&["report", "--quiet", "--frameworks", FRAMEWORKS])
        .arg(&path)
        .run();
    assert_eq!(quiet.code, 0);
    assert_eq!(quiet.stderr, "", "--quiet silences the warning");
}

const LASTING_JANUARY: &str = "tests/fixtures/assessments/lasting-relationships/2026-01-15.json";
const COMMUNITY: &str =
    "tests/fixtures/assessments/community-platform-relationships/2026-02-01.json";
const NETWORKING: &str = "tests/fixtures/assessments/networking/2026-03-10.json";

/// A report of an assessment of a built-in framework (no --frameworks needed).
fn seed_report(file: &str, args: &[&str]) -> String {
    command(&["report", file]).args(args).succeeds()
}

#[test]
fn seed_report_in_every_format() {
    // Clear expectations fully held, mutual respect mostly not applicable, trust at no level;
    // against Sustaining one target is met and two are missed.
    for (format, name) in [
        ("table", "lasting_table"),
        ("json", "lasting_json"),
        ("markdown", "lasting_markdown"),
        ("csv", "lasting_csv"),
        ("html", "lasting_html"),
    ] {
        let out = seed_report(
            LASTING_JANUARY,
            &["--target-level", "sustaining", "--format", format],
        );
        insta::assert_snapshot!(name, out);
    }
}

#[test]
fn seed_reports_against_roles_and_an_empty_first_level() {
    insta::assert_snapshot!(
        "community_platform_hybrid_met",
        seed_report(COMMUNITY, &["--target", "hybrid"])
    );
    insta::assert_snapshot!(
        "community_platform_community_school_missed",
        seed_report(COMMUNITY, &["--target", "community-school"])
    );
    insta::assert_snapshot!(
        "networking_to_level_4",
        seed_report(NETWORKING, &["--target-level", "proficiency-4"])
    );
}

#[test]
fn seed_json_values_by_hand() {
    let json: serde_json::Value = serde_json::from_str(&seed_report(
        LASTING_JANUARY,
        &["--target-level", "sustaining", "--format", "json"],
    ))
    .expect("valid JSON");
    assert_eq!(json["framework"]["id"], "lasting-relationships");
    assert_eq!(json["framework"]["version"], "1.1");
    let c = &json["competencies"];
    // clear-expectations: building 6/6, sustaining 3/3 -> top level, score 2, target met.
    assert_eq!(c[0]["id"], "clear-expectations");
    assert_eq!(c[0]["level"], "sustaining");
    assert_eq!(c[0]["rank"], 2);
    assert_eq!(c[0]["score"].as_f64(), Some(2.0));
    assert_eq!(c[0]["gap"], 0);
    // mutual-respect: building has 2 na and one 3 (1/1); sustaining has 1 na and one 2 (0/1).
    assert_eq!(c[1]["level"], "building");
    assert_eq!(c[1]["score"].as_f64(), Some(1.0));
    assert_eq!(c[1]["next"]["not_applicable"], 1);
    assert_eq!(c[1]["gap"], 1);
    // trust: 1 of 2 demonstrated at building -> no level, score 1/2.
    assert!(c[2]["level"].is_null());
    assert_eq!(c[2]["rank"], 0);
    assert_eq!(c[2]["score"].as_f64(), Some(0.5));
    assert_eq!(c[2]["target"], "sustaining");
    assert_eq!(c[2]["gap"], 2);

    // Growing holds: its 4 indicators rated 3 or more; sustaining shows 2 of 5: score 2.4.
    let json: serde_json::Value = serde_json::from_str(&seed_report(
        COMMUNITY,
        &["--target", "hybrid", "--format", "json"],
    ))
    .expect("valid JSON");
    assert_eq!(json["competencies"][0]["level"], "growing");
    assert_eq!(json["competencies"][0]["score"].as_f64(), Some(2.4));
    assert_eq!(json["competencies"][0]["gap"], 0);

    // Networking's level 1 has no indicators and holds by itself.
    let json: serde_json::Value =
        serde_json::from_str(&seed_report(NETWORKING, &["--format", "json"])).expect("valid JSON");
    assert_eq!(json["competencies"][0]["rank"], 2);
    assert_eq!(json["competencies"][0]["score"].as_f64(), Some(2.6));
}

#[test]
fn the_report_never_replaces_the_assessment_itself() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("me.json");
    let original =
        std::fs::read_to_string(fixture("assessments/teamwork/2026-03-01.json")).expect("fixture");
    std::fs::write(&path, &original).expect("write");
    let out = command(&["report", "--frameworks", FRAMEWORKS, "--force", "--output"])
        .arg(&path)
        .arg(&path)
        .run();
    assert_eq!(out.code, 2);
    assert!(
        out.stderr.contains("that is the assessment being reported"),
        "{}",
        out.stderr
    );
    assert_eq!(std::fs::read_to_string(&path).expect("kept"), original);
}

#[test]
fn output_into_a_missing_folder_is_bad_input_and_leaves_no_files() {
    let dir = tempfile::tempdir().expect("temp dir");
    let target = dir.path().join("no-such-folder").join("me.html");
    let out = command(&[
        "report",
        MARCH,
        "--frameworks",
        FRAMEWORKS,
        "-f",
        "html",
        "-o",
    ])
    .arg(&target)
    .run();
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert_eq!(
        out.stderr,
        format!(
            "error: --output {}: folder {} does not exist\n",
            target.display(),
            dir.path().join("no-such-folder").display()
        )
    );
    assert_eq!(std::fs::read_dir(dir.path()).expect("list").count(), 0);
}

#[test]
fn a_target_above_a_competencys_ladder_is_warned_about() {
    let out = command(&[
        "report",
        MARCH,
        "--frameworks",
        FRAMEWORKS,
        "--target-level",
        "leading",
    ])
    .run();
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stderr.contains(
            "warning: target leading (rank 3) for feedback is above its highest level, practising (rank 2): holding practising meets it, the top of its ladder\n"
        ),
        "{}",
        out.stderr
    );
    // A reachable target says nothing of the kind.
    let out = command(&[
        "report",
        MARCH,
        "--frameworks",
        FRAMEWORKS,
        "--target-level",
        "practising",
    ])
    .run();
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(!out.stderr.contains("top of its ladder"), "{}", out.stderr);
}

#[test]
fn empty_guidance_sections_print_nothing_and_levels_have_one_naming() {
    let file = "tests/fixtures/assessments/networking/2026-03-10.json";
    for format in ["table", "markdown", "html"] {
        let out = command(&[
            "report",
            file,
            "--target-level",
            "proficiency-5",
            "-f",
            format,
        ])
        .env("NO_COLOR", "1")
        .env("COLUMNS", "120")
        .succeeds();
        assert!(out.contains("Development plan"), "{format}");
        for heading in [
            "Suggested Activities for Development",
            "Recommended Courses",
            "Additional Resource",
            "Behavioral-Based Interviewing Questions",
        ] {
            assert!(!out.contains(heading), "{format}: empty {heading} shown");
        }
        // The plan's heading names both levels the same way, with no stray period.
        assert!(
            out.contains("2 · Proficiency Level 2 → 5 · Proficiency Level 5 (3 levels to go)"),
            "{format}: {out}"
        );
        assert!(!out.contains(". (3 levels to go)"), "{format}");
    }
    // The competency's own title for a level is shown once, beside the level's name.
    let html = command(&[
        "report",
        file,
        "--target-level",
        "proficiency-5",
        "-f",
        "html",
    ])
    .succeeds();
    assert_eq!(
        html.matches("Creates networking opportunities").count(),
        1,
        "{html}"
    );
    assert!(html.contains("<span class=\"title\">Creates networking opportunities</span>"));
}

#[test]
fn csv_says_nothing_about_demonstrated_for_na_and_unrated_rows() {
    let csv = report(&["--format", "csv"]);
    let rows: Vec<&str> = csv.lines().collect();
    assert!(
        rows[0].ends_with(
            ",demonstrated,note,best_fit,next_role,next_gap,competency_level,next_step,roles"
        ),
        "{}",
        rows[0]
    );
    // These rows have no note, so after demonstrated come an empty note, the three fields of
    // the best fit and the competency's level, next step and the roles.
    let cell = |id: &str| -> String {
        let row = rows
            .iter()
            .find(|r| r.contains(&format!(",{id},")))
            .unwrap_or_else(|| panic!("row {id}: {csv}"));
        row.rsplit(',').nth(7).unwrap_or_default().to_string()
    };
    assert_eq!(cell("planning.practising.1"), "", "na");
    assert_eq!(cell("lis-1"), "yes");
    assert_eq!(cell("fb-3"), "no");
}

#[test]
fn at_50_columns_no_word_breaks_in_the_profile_and_gap_tables() {
    let file = "tests/fixtures/assessments/networking/2026-03-10.json";
    let at = |columns: &str| {
        command(&["report", file, "--target-level", "proficiency-5"])
            .env("NO_COLOR", "1")
            .env("COLUMNS", columns)
            .succeeds()
    };
    let (narrow, wide) = (at("50"), at("200"));
    let tables = |text: &str| text[..text.find("Development plan").expect("a plan")].to_string();
    let (narrow, wide) = (tables(&narrow), tables(&wide));
    for line in narrow.lines() {
        assert!(line.chars().count() <= 50, "wider than 50: {line:?}");
    }
    // Every word is whole: each appears as often at 50 columns as at 200.
    for word in [
        "competency",
        "Proficiency",
        "Develops",
        "networks",
        "more",
        "holds",
        "current",
        "target",
    ] {
        let count = |text: &str| {
            text.split(|c: char| !c.is_alphanumeric())
                .filter(|w| *w == word)
                .count()
        };
        assert_eq!(
            count(&narrow),
            count(&wide),
            "{word} broken at 50 columns:\n{narrow}"
        );
        assert!(count(&narrow) > 0, "{word}");
    }
}

#[test]
fn the_plan_says_what_the_target_level_looks_like() {
    let dir = tempfile::tempdir().expect("temp dir");
    let answers = dir.path().join("answers.yaml");
    std::fs::write(&answers, "mo-1: 4\nmo-2: 4\nmo-3: 1\nme-2: 1\n").expect("answers written");
    let out = dir.path().join("a.json");
    let framework = crate::support::fixture("frameworks/milestones.yaml");
    let path = |p: &std::path::Path| p.to_str().expect("utf-8 path").to_string();
    let run = crate::support::rungs(&[
        "assess",
        &path(&framework),
        "--answers",
        &path(&answers),
        "--out",
        &path(&out),
        "--track",
        "ic",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let report = |args: &[&str]| {
        command(&["report", &path(&out), "--target", "senior-ic"])
            .args(args)
            .env("NO_COLOR", "1")
            .succeeds()
    };
    let text = report(&[]);
    assert!(
        text.contains("Mobile: 2 · Milestone 2 → 3 · Milestone 3 (IC) (1 level to go)\n  Sets the direction of the app's architecture.\n"),
        "{text}"
    );
    assert!(
        text.contains("  For example:\n    • Onboarded a new hire\n"),
        "{text}"
    );
    let json: serde_json::Value =
        serde_json::from_str(&report(&["--format", "json"])).expect("report json");
    let mobile = json["plan"]
        .as_array()
        .and_then(|plan| plan.iter().find(|p| p["competency"] == "mobile"))
        .expect("mobile in the plan");
    assert_eq!(
        mobile["target_description"],
        "Sets the direction of the app's architecture."
    );
}

#[test]
fn the_output_files_extension_picks_the_format_unless_format_is_given() {
    let dir = tempfile::tempdir().expect("temp dir");
    let read = |name: &str| std::fs::read_to_string(dir.path().join(name)).expect("written");
    let write = |name: &str, extra: &[&str]| {
        let out = dir.path().join(name).display().to_string();
        let mut args = vec!["report", MARCH, "--frameworks", FRAMEWORKS, "-o", &out];
        args.extend_from_slice(extra);
        command(&args).run()
    };
    for (name, starts) in [
        ("r.html", "<!DOCTYPE html>"),
        ("r.json", "{"),
        ("r.md", "# "),
        ("r.csv", "group,competency_id,"),
        ("r.txt", "Teamwork"),
        ("r", "Teamwork"),
    ] {
        let run = write(name, &[]);
        assert_eq!(run.code, 0, "{name}: {}", run.stderr);
        let text = read(name);
        assert!(text.starts_with(starts), "{name}: {text}");
    }
    assert!(serde_json::from_str::<serde_json::Value>(&read("r.json")).is_ok());
    let given = write("given.json", &["--format", "table", "--force"]);
    assert_eq!(given.code, 0, "{}", given.stderr);
    assert!(read("given.json").starts_with("Teamwork"), "--format wins");

    // Every command with -o follows the extension; one it cannot write is refused.
    let diff_json = dir.path().join("d.json").display().to_string();
    let diff = command(&[
        "diff",
        MARCH,
        JUNE,
        "--frameworks",
        FRAMEWORKS,
        "-o",
        &diff_json,
    ])
    .run();
    assert_eq!(diff.code, 0, "{}", diff.stderr);
    assert!(serde_json::from_str::<serde_json::Value>(&read("d.json")).is_ok());
    let history_md = dir.path().join("h.md").display().to_string();
    let history = command(&[
        "history",
        MARCH,
        JUNE,
        "--frameworks",
        FRAMEWORKS,
        "-o",
        &history_md,
    ])
    .run();
    assert_eq!(history.code, 0, "{}", history.stderr);
    assert!(read("h.md").starts_with("# "), "{}", read("h.md"));
    let diff_html = dir.path().join("d.html").display().to_string();
    let refused = command(&[
        "diff",
        MARCH,
        JUNE,
        "--frameworks",
        FRAMEWORKS,
        "-o",
        &diff_html,
    ])
    .run();
    assert_eq!(refused.code, 2, "{}", refused.stderr);
    assert!(
        refused.stderr.contains("its extension asks for html, which this command does not write (table, json, markdown); pass --format FORMAT"),
        "{}",
        refused.stderr
    );
    assert!(!dir.path().join("d.html").exists());
    let team_csv = dir.path().join("t.csv").display().to_string();
    let team = command(&[
        "team",
        "tests/fixtures/team",
        "--framework",
        "tests/fixtures/assess/teamwork.yaml",
        "-o",
        &team_csv,
    ])
    .run();
    assert_eq!(team.code, 0, "{}", team.stderr);
    assert!(
        !read("t.csv").contains('│'),
        "CSV, not a table: {}",
        read("t.csv")
    );
    let compare_html = dir.path().join("c.html").display().to_string();
    let compare = command(&[
        "compare",
        "tests/fixtures/360/alex.json",
        "tests/fixtures/360/alex-by-sam.json",
        "--framework",
        "tests/fixtures/assess/teamwork.yaml",
        "-o",
        &compare_html,
    ])
    .run();
    assert_eq!(compare.code, 0, "{}", compare.stderr);
    assert!(
        read("c.html").starts_with("<!DOCTYPE html>"),
        "{}",
        read("c.html")
    );
}

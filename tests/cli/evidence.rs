//! Contract section 7 at the command line: an unanswered indicator is not yet shown, every
//! output says how much is answered, gaps are counted on a competency's own ladder, `validate`
//! warns about holes, and reports name the best-fit role. Expected values are worked out by
//! hand in the comments, not by the library.

use std::path::Path;

use serde_json::{json, Value};

use crate::support::{command, run_in, Run};

/// Three levels; threshold 0.5. `craft` lists every level, `gappy` skips two (a hole), `late`
/// starts at three, `open` has an empty first level, `quiet` a first level rated na.
/// The role `lead` names gappy at two, which gappy does not list.
const SHAPES: &str = r#"id: shapes
name: Shapes
version: "1"
threshold: 0.5
levels:
  - { id: one, name: One }
  - { id: two, name: Two }
  - { id: three, name: Three }
competencies:
  - id: craft
    name: Craft
    levels:
      - level: one
        indicators: [{ id: a1, text: First craft }, { id: a2, text: Second craft }]
      - level: two
        indicators: [{ id: b1, text: Third craft }, { id: b2, text: Fourth craft }, { id: b3, text: Fifth craft }]
      - level: three
        indicators: [{ id: c1, text: Sixth craft }]
  - id: gappy
    name: Gappy
    levels:
      - level: one
        indicators: [{ id: g1, text: First gappy }]
      - level: three
        indicators: [{ id: g3a, text: Second gappy }, { id: g3b, text: Third gappy }]
  - id: late
    name: Late
    levels:
      - level: three
        indicators: [{ id: l3a, text: First late }, { id: l3b, text: Second late }]
  - id: open
    name: Open
    levels:
      - level: one
        indicators: []
      - level: two
        indicators: [{ id: o2a, text: First open }]
  - id: quiet
    name: Quiet
    levels:
      - level: one
        indicators: [{ id: q1, text: First quiet }]
      - level: two
        indicators: [{ id: q2, text: Second quiet }]
targets:
  - { id: starter, name: Starter, levels: { craft: one } }
  - { id: lead, name: Lead, levels: { craft: three, gappy: two } }
"#;

/// 9 of the 14 indicators answered (b3, c1, g3b, l3b and o2a are not).
///
/// - craft: one 2/2 held; two 1 of 3 shown (b3 unanswered counts): 1 + 1/3; 4 of 6 answered.
/// - gappy: one held; three 0 of 2 shown: 1; 2 of 3 answered.
/// - late: three 1 of 2 shown, at the threshold 0.5: held, none -> 3; 1 of 2 answered.
/// - open: one (empty) held; two 0 of 1: 1; 0 of 1 answered.
/// - quiet: one all na, held; two 1/1: 2, the top; 2 of 2 answered.
///
/// Roles: starter (craft one) is met, rank sum 1; lead (craft three, gappy two) has rank sum 5
/// and gap 2 (craft two and three; gappy lists no level above one up to two): next, 2 to go.
const ALEX: &str = "a1: 4\na2: 4\nb1: 4\nb2: 2\ng1: 4\ng3a: 2\nl3a: 4\nq1: na\nq2: 4\n";

/// Every indicator 4 (q1 too).
const BY_SAM: &str = "a1: 4\na2: 4\nb1: 4\nb2: 4\nb3: 4\nc1: 4\ng1: 4\ng3a: 4\ng3b: 4\nl3a: 4\nl3b: 4\no2a: 4\nq1: 4\nq2: 4\n";

/// A folder with `shapes.yaml`, Alex's self-assessment `alex.json` and Sam's rating of Alex
/// `alex-by-sam.json`.
fn assessed() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    let at = dir.path();
    std::fs::write(at.join("shapes.yaml"), SHAPES).expect("framework");
    std::fs::write(at.join("alex.yaml"), ALEX).expect("answers");
    std::fs::write(at.join("sam.yaml"), BY_SAM).expect("answers");
    for args in [
        &["--answers", "alex.yaml", "--out", "alex.json"][..],
        &[
            "--answers",
            "sam.yaml",
            "--out",
            "alex-by-sam.json",
            "--rater",
            "Sam",
            "--relation",
            "manager",
        ][..],
    ] {
        let mut all = vec!["assess", "shapes.yaml", "--subject", "Alex"];
        all.extend_from_slice(args);
        let made = run_in(at, &all);
        assert_eq!(made.code, 0, "{}", made.stderr);
    }
    dir
}

fn ok(run: Run) -> String {
    assert_eq!(run.code, 0, "{}", run.stderr);
    run.stdout
}

fn json(text: &str) -> Value {
    serde_json::from_str(text).expect("valid JSON")
}

/// `rungs COMMAND… --framework shapes.yaml ARGS…` in `at`, which must succeed: what it printed.
fn on_shapes(at: &Path, command: &[&str], args: &[&str]) -> String {
    let mut all = command.to_vec();
    all.extend_from_slice(&["--framework", "shapes.yaml"]);
    all.extend_from_slice(args);
    ok(run_in(at, &all))
}

fn report(at: &Path, args: &[&str]) -> String {
    on_shapes(at, &["report", "alex.json"], args)
}

#[test]
fn holes_late_starts_na_and_empty_levels_score_by_section_7_in_json() {
    let dir = assessed();
    let value = json(&report(
        dir.path(),
        &["--format", "json", "--target-level", "three"],
    ));
    let rows: Vec<Value> = value["competencies"]
        .as_array()
        .expect("competencies")
        .iter()
        .map(|c| {
            json!([
                c["id"],
                c["level"],
                c["rank"],
                c["score"],
                c["coverage"],
                c["gap"]
            ])
        })
        .collect();
    let row = |id: &str, level: Value, rank: u32, score: f64, answered: u32, of: u32, gap: u32| json!([id, level, rank, score, { "answered": answered, "of": of }, gap]);
    assert_eq!(
        rows,
        [
            // Exact, not rounded: 1 + 1/3.
            row("craft", json!("one"), 1, 1.0 + 1.0 / 3.0, 4, 6, 2),
            // The hole: one level (three) to go, not two.
            row("gappy", json!("one"), 1, 1.0, 2, 3, 1),
            // The late start: none straight to three.
            row("late", json!("three"), 3, 3.0, 1, 2, 0),
            row("open", json!("one"), 1, 1.0, 0, 1, 1),
            // The top of its ladder (two) is held: three is met.
            row("quiet", json!("two"), 2, 2.0, 2, 2, 0),
        ]
    );
    assert_eq!(
        value["coverage"],
        json!({ "answered": 9, "of": 14, "complete": false })
    );
    assert_eq!(
        value["best_fit"],
        json!({ "role": "starter", "role_name": "Starter", "next": "lead", "next_name": "Lead", "next_gap": 2 })
    );
    let gaps: Vec<Value> = value["gaps"]
        .as_array()
        .expect("gaps")
        .iter()
        .map(|g| {
            json!([
                g["competency"],
                g["met"],
                g["unanswered"],
                g["top_of_ladder"]
            ])
        })
        .collect();
    assert!(gaps.contains(&json!(["late", true, 1, false])), "{gaps:?}");
    assert!(gaps.contains(&json!(["quiet", true, 0, true])), "{gaps:?}");
    // The plan names gappy's level three only: the level it skips is not on its ladder.
    let gappy = value["plan"]
        .as_array()
        .expect("plan")
        .iter()
        .find(|p| p["competency"] == "gappy")
        .expect("gappy has a gap");
    let ids: Vec<&str> = gappy["indicators"]
        .as_array()
        .expect("indicators")
        .iter()
        .filter_map(|i| i["id"].as_str())
        .collect();
    assert_eq!(ids, ["g3a", "g3b"]);
}

#[test]
fn the_table_says_how_much_is_answered_and_what_met_rests_on() {
    let dir = assessed();
    let out = report(dir.path(), &["--target-level", "three"]);
    assert!(out.contains("in progress: 9 of 14 answered"), "{out}");
    assert!(out.contains("4 of 6 answered"), "{out}");
    // Quiet is fully answered: no count beside it.
    assert!(!out.contains("2 of 2 answered"), "{out}");
    assert!(
        out.contains("Best fit: Starter (starter). Next: Lead (lead), 2 levels to go."),
        "{out}"
    );
    assert!(out.contains("met so far (1 not answered)"), "{out}");
    assert!(out.contains("met (top of its ladder)"), "{out}");
    // Every target met, with l3b below it unanswered: the plan does not say nothing to close.
    // Wrapped lines joined, to read the sentences whole.
    let late = report(dir.path(), &["--target", "late=three"]).replace('\n', " ");
    assert!(!late.contains("nothing to close"), "{late}");
    assert!(
        late.contains(
            "Every target is met on the answers so far; 1 indicator up to the targets is not answered yet."
        ),
        "{late}"
    );
    assert!(
        late.contains("Targets met: 1 of 1. Met on the answers so far: 1 indicator up to it is"),
        "{late}"
    );
}

#[test]
fn csv_rows_carry_the_best_fit_and_unanswered_ratings_stay_empty() {
    let dir = assessed();
    let csv = report(dir.path(), &["--format", "csv"]);
    let mut lines = csv.lines();
    assert!(
        lines
            .next()
            .is_some_and(|h| h
                .ends_with(",note,best_fit,next_role,next_gap,competency_level,next_step,roles")),
        "{csv}"
    );
    // Every row names starter and lead, 2 to go; b3 is unanswered: no rating, no verdict.
    assert!(
        lines.clone().all(|l| l.contains(",starter,lead,2,")),
        "{csv}"
    );
    let b3 = lines.find(|l| l.contains(",b3,")).expect("b3 has a row");
    assert!(b3.contains(",b3,,Fifth craft,,,,,,starter"), "{b3}");
}

#[test]
fn validate_warns_about_a_hole_and_a_role_naming_a_level_not_listed() {
    let dir = assessed();
    let out = run_in(dir.path(), &["validate", "shapes.yaml"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let said = format!("{}{}", out.stdout, out.stderr);
    assert!(
        said.contains("shapes.yaml:22:7: warning: competency \"gappy\" skips level two between its first and last level"),
        "{said}"
    );
    assert!(
        said.contains("shapes.yaml:47:60: warning: target \"lead\" names level \"two\" for competency \"gappy\", which does not list that level"),
        "{said}"
    );
    // A late start, an empty level and a level rated na are no hole.
    assert!(!said.contains("\"late\" skips"), "{said}");
    assert!(said.contains("1 file valid (2 warnings)"), "{said}");
}

#[test]
fn compare_gives_exact_scores_coverage_and_the_best_fit_of_self_and_consensus() {
    let dir = assessed();
    let at = dir.path();
    let pair = ["compare", "alex.json", "alex-by-sam.json"];
    let value = json(&on_shapes(at, &pair, &["--format", "json"]));
    let craft = &value["competencies"][0];
    assert_eq!(craft["self"]["score"], json!(1.0 + 1.0 / 3.0));
    assert_eq!(craft["self"]["coverage"], json!({ "answered": 4, "of": 6 }));
    assert_eq!(craft["consensus"]["score"], json!(3.0));
    // Sam shows everything: lead (rank sum 5) is met, nothing ranks higher.
    assert_eq!(
        value["best_fit"]["consensus"],
        json!({ "role": "lead", "role_name": "Lead", "next": null, "next_name": null, "next_gap": 0 })
    );
    assert_eq!(value["best_fit"]["self"]["role"], "starter");
    assert_eq!(
        value["raters"][0]["coverage"],
        json!({ "answered": 9, "of": 14, "complete": false })
    );
    let table = on_shapes(at, &pair, &[]);
    assert!(
        table.contains("self (in progress: 9 of 14 answered)"),
        "{table}"
    );
    assert!(
        table.contains("Best fit, self: Starter (starter)."),
        "{table}"
    );
    assert!(
        table.contains("Best fit, consensus: Lead (lead). Next: none above it."),
        "{table}"
    );
}

#[test]
fn team_gives_each_persons_coverage_and_best_fit() {
    let dir = assessed();
    let at = dir.path();
    let value = json(&on_shapes(
        at,
        &["team", "."],
        &["--relation", "manager", "--format", "json"],
    ));
    let alex = &value["subjects"][0];
    assert_eq!(
        alex["coverage"],
        json!({ "answered": 14, "of": 14, "complete": true })
    );
    assert_eq!(alex["best_fit"]["role"], "lead");
    let mine = json(&on_shapes(at, &["team", "."], &["--format", "json"]));
    let alex = &mine["subjects"][0];
    assert_eq!(
        alex["coverage"],
        json!({ "answered": 9, "of": 14, "complete": false })
    );
    assert_eq!(alex["competencies"][0]["score"], json!(1.0 + 1.0 / 3.0));
    assert_eq!(
        alex["best_fit"],
        json!({ "role": "starter", "role_name": "Starter", "next": "lead", "next_name": "Lead", "next_gap": 2 })
    );
    let table = on_shapes(at, &["team", "."], &[]);
    assert!(table.contains("in progress: 9 of 14 answered"), "{table}");
    assert!(table.contains("Starter (starter); next: Lead"), "{table}");
}

/// Networking has 24 indicators over levels 2 to 5 (level 1 has none); one rated 4 per level.
fn networking_four_of_twenty_four() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    let at = dir.path();
    std::fs::write(
        at.join("answers.yaml"),
        "net-l2-1: 4\nnet-l3-1: 4\nnet-l4-1: 4\nnet-l5-1: 4\n",
    )
    .expect("answers");
    dir
}

#[test]
fn four_of_twenty_four_networking_indicators_hold_no_level_above_the_rule() {
    let dir = networking_four_of_twenty_four();
    let at = dir.path();
    let assessed = run_in(
        at,
        &[
            "assess",
            "networking",
            "--answers",
            "answers.yaml",
            "--out",
            "n.json",
        ],
    );
    assert_eq!(assessed.code, 0, "{}", assessed.stderr);
    // The profile assess prints says so too.
    assert!(
        assessed
            .stdout
            .starts_with("in progress: 4 of 24 answered\n"),
        "{}",
        assessed.stdout
    );
    // Level 1 is empty, so held; level 2 has 1 of 7 shown: 1 + 1/7.
    let report = |format: &str| {
        ok(run_in(
            at,
            &[
                "report",
                "n.json",
                "--format",
                format,
                "--target-level",
                "proficiency-5",
            ],
        ))
    };
    let value = json(&report("json"));
    let c = &value["competencies"][0];
    assert_eq!(c["level"], "proficiency-1");
    assert_eq!(c["rank"], 1);
    assert_eq!(c["score"], json!(1.0 + 1.0 / 7.0));
    assert_eq!(c["coverage"], json!({ "answered": 4, "of": 24 }));
    assert_eq!(c["gap"], 4);
    assert_eq!(
        value["coverage"],
        json!({ "answered": 4, "of": 24, "complete": false })
    );
    // Networking defines no roles: nothing is said about them.
    assert_eq!(value["best_fit"], Value::Null);
    for format in ["table", "markdown", "html"] {
        let out = report(format);
        assert!(
            out.contains("in progress: 4 of 24 answered"),
            "{format}: {out}"
        );
        assert!(out.contains("4 of 24 answered"), "{format}: {out}");
        assert!(out.contains("1 · Proficiency Level 1"), "{format}: {out}");
        for above in 2..=5 {
            let held = format!("{above} · Proficiency Level {above} ┆  ");
            assert!(!out.contains(&held), "{format}: {out}");
        }
        assert!(!out.contains("top level held"), "{format}: {out}");
        assert!(!out.contains("nothing to close"), "{format}: {out}");
        assert!(!out.contains("Best fit"), "{format}: {out}");
        assert!(!out.contains("Targets met: 1"), "{format}: {out}");
    }
}

#[test]
fn report_and_assess_name_the_best_fit_on_a_framework_with_roles() {
    let out = command(&[
        "report",
        "tests/fixtures/assessments/teamwork/2026-03-01.json",
        "--frameworks",
        "tests/fixtures/frameworks",
        "--format",
        "markdown",
    ])
    .env("NO_COLOR", "1")
    .run();
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(out.stdout.contains("Best fit: "), "{}", out.stdout);
    assert!(out.stdout.contains("Next: "), "{}", out.stdout);
}

#[test]
fn the_readme_best_fit_example_is_real_output() {
    let out = command(&[
        "report",
        "tests/fixtures/assessments/community-platform-relationships/2026-02-01.json",
    ])
    .env("NO_COLOR", "1")
    .run();
    assert_eq!(out.code, 0, "{}", out.stderr);
    let start = out.stdout.find("Level profile").expect("a profile");
    let end = out.stdout[start..]
        .find("\n\n")
        .expect("a blank line after it")
        + start
        + 1;
    let block = &out.stdout[start..end];
    assert!(block.contains("Best fit: Hybrid (hybrid)."), "{block}");
    assert!(
        crate::support::doc("docs/EXAMPLES.md").contains(&format!("```text\n{block}```")),
        "docs/EXAMPLES.md's best-fit example differs from what rungs prints now:\n{block}"
    );
}

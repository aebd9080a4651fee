//! Groups (areas, themes): `show`, every report format and the walk present competencies under
//! their group's heading, and report json and csv carry the group id.

use serde_json::Value;

use crate::support::{command, fixture};

fn ladder() -> String {
    fixture("frameworks/engineering-ladder.yaml")
        .display()
        .to_string()
}

/// An assessment of the engineering ladder with a few ratings, made through `--answers`.
fn assessment(dir: &std::path::Path) -> String {
    let answers = dir.join("answers.yaml");
    std::fs::write(&answers, "sd-jr-1: 4\nsd-en-1: 3\nme-en-1: 2\n").expect("answers");
    let out = dir.join("me.json");
    let run = command(&["-q", "assess", &ladder(), "--answers"])
        .arg(&answers)
        .arg("--out")
        .arg(&out)
        .env("NO_COLOR", "1")
        .run();
    assert_eq!(run.code, 0, "{}", run.stderr);
    out.display().to_string()
}

/// The lines of `text` that contain one of `needles`, in order, each shown as its needle.
fn order_of<'a>(text: &str, needles: &[&'a str]) -> Vec<&'a str> {
    text.lines()
        .filter_map(|line| needles.iter().find(|n| line.contains(**n)).copied())
        .collect()
}

#[test]
fn show_puts_each_competency_under_its_group() {
    let shown = command(&["show", &ladder()])
        .env("NO_COLOR", "1")
        .succeeds();
    assert!(
        shown.contains("\n── Technical craft (craft) ─────"),
        "{shown}"
    );
    assert!(
        shown
            .contains("Building software that works and lasts.\n\nSystem design (system-design)\n"),
        "{shown}"
    );
    assert_eq!(
        order_of(
            &shown,
            &[
                "── Technical craft",
                "System design (",
                "── People and collaboration",
                "Mentoring (",
                "── Delivery and impact",
                "Delivery (",
            ]
        ),
        [
            "── Technical craft",
            "System design (",
            "── People and collaboration",
            "Mentoring (",
            "── Delivery and impact",
            "Delivery (",
        ]
    );
    let markdown = command(&["show", &ladder(), "--format", "markdown"])
        .env("NO_COLOR", "1")
        .succeeds();
    let headings: Vec<&str> = markdown
        .lines()
        .filter(|l| l.starts_with("## ") || l.starts_with("### "))
        .collect();
    assert_eq!(
        headings,
        [
            "## Scale",
            "## Levels",
            "## Tracks",
            "## Technical craft",
            "### System design (`system-design`)",
            "## People and collaboration",
            "### Mentoring (`mentoring`)",
            "## Delivery and impact",
            "### Delivery (`delivery`)",
            "## Targets",
        ]
    );
    let csv = command(&["show", &ladder(), "--format", "csv"])
        .env("NO_COLOR", "1")
        .run();
    assert_eq!(
        csv.stderr,
        "hint: the framework has 3 roles; write them with --roles-output FILE\n"
    );
    assert!(
        csv.stdout
            .contains(",sd-jr-1,system-design,junior,,,,Technical craft,craft,,,,,,,,,,,,Building software that works and lasts.,engineering-ladder,Engineering career ladder,2.1\r\n"),
        "{}",
        csv.stdout
    );
}

#[test]
fn every_report_format_groups_the_profile() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = assessment(dir.path());
    let report = |format: &str| {
        command(&["-q", "report", &file, "--format", format])
            .env("NO_COLOR", "1")
            .succeeds()
    };

    let table = report("table");
    assert_eq!(
        order_of(
            &table,
            &[
                "Technical craft",
                "│ System design",
                "People and collaboration",
                "│ Mentoring",
                "Delivery and impact",
                "│ Delivery "
            ]
        ),
        [
            "Technical craft",
            "│ System design",
            "People and collaboration",
            "│ Mentoring",
            "Delivery and impact",
            "│ Delivery "
        ]
    );

    let markdown = report("markdown");
    assert!(
        markdown.contains("### Technical craft\n\n| Competency | Level | Score | Progress | Next level |\n| --- | --- | ---: | --- | --- |\n| System design (2 of 5 answered) |"),
        "{markdown}"
    );
    assert!(
        markdown.contains("### People and collaboration\n"),
        "{markdown}"
    );

    let html = report("html");
    assert!(
        html.contains("<tbody data-group=\"craft\">\n<tr class=\"group\"><th colspan=\"4\" scope=\"rowgroup\">Technical craft</th></tr>\n<tr data-competency=\"system-design\">"),
        "{html}"
    );

    let json: Value = serde_json::from_str(&report("json")).expect("json");
    let groups: Vec<(&str, &str)> = json["competencies"]
        .as_array()
        .expect("competencies")
        .iter()
        .map(|c| {
            (
                c["id"].as_str().expect("id"),
                c["group"].as_str().expect("group"),
            )
        })
        .collect();
    assert_eq!(
        groups,
        [
            ("system-design", "craft"),
            ("mentoring", "people"),
            ("delivery", "impact")
        ]
    );
    assert_eq!(json["groups"][0]["name"], "Technical craft");

    let csv = report("csv");
    assert!(csv.starts_with("group,competency_id,"), "{csv}");
    assert!(
        csv.contains("\r\ncraft,system-design,System design,,1,junior,"),
        "{csv}"
    );
}

#[test]
fn a_framework_without_groups_shows_no_group_headings() {
    let shown = command(&["show", "lasting-relationships"])
        .env("NO_COLOR", "1")
        .succeeds();
    assert!(!shown.contains("\n── "), "{shown}");
    assert!(!shown.contains("Other competencies"), "{shown}");
}

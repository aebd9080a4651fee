//! Long framework texts written as hard-wrapped YAML `|` blocks read as paragraphs and lists in
//! `show`, the walk's screens and every report format.

use crate::support::command;

const MENTORING: &str = "tests/fixtures/prose/mentoring.yaml";

/// An assessment of the mentoring fixture with nothing demonstrated, made through `--answers`.
fn assessment(dir: &std::path::Path) -> String {
    let answers = dir.join("answers.yaml");
    std::fs::write(&answers, "men-1: 1\nmen-2: 2\nmen-3: 1\n").expect("answers");
    let out = dir.join("me.json");
    command(&["-q", "assess", MENTORING, "--answers"])
        .arg(&answers)
        .arg("--out")
        .arg(&out)
        .env("NO_COLOR", "1")
        .succeeds();
    out.display().to_string()
}

#[test]
fn show_joins_wrapped_lines_and_keeps_paragraphs_and_numbered_items() {
    let shown = command(&["show", MENTORING])
        .env("NO_COLOR", "1")
        .succeeds();
    // The author's line breaks at 70 columns are gone: the table wraps at its own width.
    assert!(
        shown.contains(
            "│ men-1 ┆ Explains their own work to a newer colleague in a way that the       │\n\
             │       ┆ colleague can repeat it the next day without help.                   │"
        ),
        "{shown}"
    );
    assert!(
        shown.contains(
            "This framework describes how an engineer grows as a mentor. It was written in a\n"
        ),
        "{shown}"
    );
    // A blank line separates paragraphs; numbered items stay one a line.
    assert!(
        shown.contains("are kept.\n\nIt has two levels.\n"),
        "{shown}"
    );
    assert!(
        shown.contains("│       ┆ 1. agrees what the mentee wants to learn and by when;                │\n\
                        │       ┆ 2. agrees how often to meet;                                         │"),
        "{shown}"
    );
    insta::assert_snapshot!(shown);
}

#[test]
fn report_formats_read_the_same_paragraphs() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = assessment(dir.path());
    let report = |format: &str| {
        command(&["report", &file, "--target", "mentor", "--format", format])
            .env("NO_COLOR", "1")
            .succeeds()
    };

    let table = report("table");
    assert!(
        table
            .contains("Pair with a mentee on a real task for an afternoon and let them keep the\n"),
        "{table}"
    );
    assert!(
        table.contains("Runs a first one-to-one with a mentee:"),
        "{table}"
    );
    assert!(
        table.contains("┆ 1. agrees what the mentee wants to learn and by ┆"),
        "{table}"
    );

    let markdown = report("markdown");
    assert!(
        markdown.contains(
            "- [ ] **1 · Peer**: Runs a first one-to-one with a mentee:\n\n  \
             1. agrees what the mentee wants to learn and by when;\n  \
             2. agrees how often to meet;\n  \
             3. writes both down. (`men-2`), rated 2 · Sometimes\n"
        ),
        "{markdown}"
    );
    assert!(
        markdown.contains("- Pair with a mentee on a real task for an afternoon and let them keep the keyboard.\n"),
        "{markdown}"
    );

    let html = report("html");
    assert!(
        html.contains("<p>Runs a first one-to-one with a mentee:</p><ol><li>agrees what the mentee wants to learn and by when;</li><li>agrees how often to meet;</li><li>writes both down.</li></ol>"),
        "{html}"
    );
    assert!(
        html.contains("<p>Gives feedback that is specific and kind.</p><p>Follows up a week later to see what changed.</p>"),
        "{html}"
    );
}

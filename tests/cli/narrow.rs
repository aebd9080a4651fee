//! A 50-column terminal: every command's output fits it, and no word is broken to make it fit
//! (a table that cannot keep its words whole at that width shows one block per row instead).

use std::collections::BTreeSet;

use crate::support::command;

const TEAMWORK: &str = "tests/fixtures/assess/teamwork.yaml";

/// The command lines that print tables and headings.
fn sessions() -> Vec<Vec<&'static str>> {
    let mut all = vec![
        vec![
            "report",
            "tests/fixtures/assessments/networking/2026-03-10.json",
            "--target-level",
            "proficiency-5",
            "--explain",
        ],
        vec![
            "report",
            "tests/fixtures/assessments/lasting-relationships/2026-06-20.json",
            "--target-level",
            "sustaining",
        ],
        vec![
            "diff",
            "tests/fixtures/assessments/lasting-relationships/2026-01-15.json",
            "tests/fixtures/assessments/lasting-relationships/2026-06-20.json",
            "--target-level",
            "sustaining",
        ],
        vec![
            "history",
            "tests/fixtures/assessments/lasting-relationships/",
            "--target-level",
            "sustaining",
        ],
        vec![
            "history",
            "tests/fixtures/assessments/lasting-relationships/2026-01-15.json",
            "tests/fixtures/assessments/teamwork/2026-03-01.json",
            "--frameworks",
            "tests/fixtures/frameworks",
        ],
        vec!["list"],
        vec!["show", "tests/fixtures/frameworks/engineering-ladder.yaml"],
        vec!["compare", "tests/fixtures/360", "--framework", TEAMWORK],
        vec![
            "team",
            "tests/fixtures/team",
            "--framework",
            TEAMWORK,
            "--target-level",
            "growing",
        ],
    ];
    for framework in [
        "building-relationships",
        "community-platform-relationships",
        "lasting-relationships",
        "networking",
        "strategic-partnerships",
    ] {
        all.push(vec!["show", framework]);
    }
    all
}

fn at(columns: &str, args: &[&str]) -> String {
    let out = command(args)
        .args(&["-q", "--color", "never"])
        .env("COLUMNS", columns)
        .run();
    assert_eq!(out.code, 0, "rungs {args:?}: {}", out.stderr);
    out.stdout
}

/// The words of a text: runs of letters and digits.
fn words(text: &str) -> BTreeSet<&str> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect()
}

#[test]
fn at_50_columns_every_line_fits_and_every_word_is_whole() {
    for args in sessions() {
        let narrow = at("50", &args);
        let wide = at("400", &args);
        for line in narrow.lines() {
            // A line of one token longer than the width (a web address) is kept whole, so it
            // can still be copied; any other line fits.
            let one_token = !line.trim().contains(char::is_whitespace);
            assert!(
                console::measure_text_width(line) <= 50 || one_token,
                "rungs {args:?}: a line wider than 50 columns: {line:?}\n{narrow}"
            );
        }
        // A word broken in two leaves pieces that are not words of the wide output.
        let whole = words(&wide);
        let pieces: Vec<&str> = words(&narrow)
            .into_iter()
            .filter(|w| !whole.contains(w))
            .collect();
        assert!(
            pieces.is_empty(),
            "rungs {args:?}: words broken at 50 columns: {pieces:?}\n{narrow}"
        );
    }
}

#[test]
fn a_table_too_narrow_for_its_words_shows_one_block_per_row() {
    let args = [
        "diff",
        "tests/fixtures/assessments/lasting-relationships/2026-01-15.json",
        "tests/fixtures/assessments/lasting-relationships/2026-06-20.json",
    ];
    let wide = at("100", &args);
    assert!(wide.contains("┆ before"), "a table at 100 columns:\n{wide}");
    let narrow = at("50", &args);
    assert!(
        !narrow.contains("┆ before"),
        "no competency table at 50 columns:\n{narrow}"
    );
    assert!(
        narrow.contains("Clear expectations\n  before  "),
        "one block per competency, each value under its column's name:\n{narrow}"
    );
}

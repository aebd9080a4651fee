//! Names with emoji (emoji presentation with U+FE0F, ZWJ sequences, flags, skin tones) and East
//! Asian text keep every terminal table aligned: each border and column separator at the same
//! column on every line, as a terminal draws them.
//!
//! Widths here are worked out on their own, not with the function rungs uses: a grapheme
//! cluster with an emoji presentation selector, a zero-width joiner, a skin tone or a pair of
//! regional indicators takes two columns; any other takes the sum of its characters' widths
//! (two for East Asian wide and fullwidth characters, none for combining marks).

use std::path::Path;

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthChar;

use crate::support::{command, Sandbox};

const WIDE: &str = r#"id: wide
name: "🌏 Wide 世界"
version: "1.0"
levels:
  - { id: one, name: "🌱 Growing" }
  - { id: two, name: "🛠️ Mastery" }
groups:
  - { id: people, name: "👩‍💼 Leadership", code: "人" }
competencies:
  - id: lead
    name: "👩‍💼 Leadership"
    group: people
    levels:
      - level: one
        indicators:
          - { id: l1, text: "Leads the 👨‍👩‍👧‍👦 family of teams with ❤️ care", kind: "🤝 behaviour" }
      - level: two
        indicators:
          - { id: "指標", text: "日本語のテキストで書かれた指標です。チームを率いる。" }
  - id: craft
    name: "🛠️ Mastery of 工具"
    levels:
      - level: one
        indicators:
          - { id: c1, text: "Uses ⚙️ gears and 🇬🇧 flags and 1️⃣ keycaps 👍🏽" }
targets:
  - { id: lead-role, name: "👑 Lead", levels: { lead: two, craft: one } }
"#;

/// The columns a terminal gives `text`, worked out grapheme by grapheme.
fn columns(text: &str) -> usize {
    text.graphemes(true)
        .map(|g| {
            let emoji_sequence = g
                .chars()
                .any(|c| matches!(c, '\u{FE0F}' | '\u{200D}' | '\u{1F3FB}'..='\u{1F3FF}'))
                || g.chars()
                    .filter(|c| matches!(c, '\u{1F1E6}'..='\u{1F1FF}'))
                    .count()
                    == 2;
            if emoji_sequence {
                2
            } else {
                g.chars().map(|c| c.width().unwrap_or(0)).sum()
            }
        })
        .sum()
}

/// The columns of a line at which a border or separator stands.
fn rules(line: &str) -> Vec<usize> {
    let mut at = 0;
    let mut found = Vec::new();
    for g in line.graphemes(true) {
        if g.chars().all(|c| "│┆┌┐└┘├┤┬┴┼╞╡╪".contains(c)) {
            found.push(at);
        }
        at += columns(g);
    }
    found
}

/// Every table drawn with borders in `out`: each line as wide as the table's top border, with
/// its separators at the top border's columns (a row separates where the top does), no wider
/// than `width`. Returns how many tables were checked.
fn assert_tables_aligned(out: &str, width: usize, what: &str) -> usize {
    let mut tables = 0;
    let mut lines = out.lines().peekable();
    while let Some(line) = lines.next() {
        if !line.starts_with('┌') {
            continue;
        }
        tables += 1;
        let top = rules(line);
        let top_width = columns(line);
        assert!(
            top_width <= width,
            "{what}: a table {top_width} columns wide on a {width}-column terminal:\n{out}"
        );
        while let Some(row) = lines.next_if(|l| l.starts_with(['│', '├', '╞', '└'])) {
            assert_eq!(
                (columns(row), rules(row)),
                (top_width, top.clone()),
                "{what}: this line is out of line with the table's top border:\n{line}\n{row}\n\n{out}"
            );
        }
    }
    tables
}

/// A sandbox with [`WIDE`] and four assessments of it in `team/`: two people's own, a
/// manager's of the first, and the first's own again.
fn assessed() -> Sandbox {
    let sandbox = Sandbox::new();
    let framework = sandbox.write("wide.yaml", WIDE);
    std::fs::create_dir(sandbox.path("team")).expect("team folder");
    for (file, answers, who) in [
        (
            "a.json",
            "l1: 3\n\"指標\": 2\nc1: 4\n",
            &["--subject", "田中 太郎 👩‍💼"][..],
        ),
        (
            "b.json",
            "l1: 4\n\"指標\": 4\nc1: 1\n",
            &["--subject", "🛠️ Zoë"][..],
        ),
        (
            "c.json",
            "l1: 4\n\"指標\": 4\nc1: 1\n",
            &[
                "--subject",
                "田中 太郎 👩‍💼",
                "--rater",
                "👩‍💼 上司",
                "--relation",
                "manager",
            ][..],
        ),
        (
            "d.json",
            "l1: 4\n\"指標\": 3\nc1: 2\n",
            &["--subject", "田中 太郎 👩‍💼"][..],
        ),
    ] {
        let out = sandbox.path("team").join(file).display().to_string();
        let mut more = who.to_vec();
        more.extend(["--out", &out]);
        crate::support::assess_with_answers(
            sandbox.dir.path(),
            &framework.display().to_string(),
            answers,
            &more,
        );
    }
    sandbox
}

/// `rungs ARGS` in `dir` on a terminal `width` columns wide; it must succeed.
fn at_width(dir: &Path, width: usize, args: &[&str]) -> String {
    let run = command(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .env("COLUMNS", &width.to_string())
        .run();
    assert_eq!(run.code, 0, "{args:?}: {}", run.stderr);
    run.stdout
}

#[test]
fn the_widths_this_test_counts_are_a_terminals() {
    assert_eq!(columns("🛠️ Mastery"), 10);
    assert_eq!(columns("👩‍💼 Leadership"), 13);
    assert_eq!(columns("日本語"), 6);
    assert_eq!(columns("🇬🇧 👍🏽 1️⃣"), 8);
    assert_eq!(columns("e\u{301}"), 1);
    // Counting characters, as a table laid out by `chars().count()` would, is wrong for each.
    assert_eq!("日本語".chars().count(), 3);
    assert_eq!("👩‍💼 Leadership".chars().count(), 14);
    assert_eq!(rules("│ 日本 ┆ x │"), [0, 7, 11]);
}

#[test]
fn every_table_keeps_its_borders_aligned_with_wide_names() {
    let sandbox = assessed();
    let dir = sandbox.dir.path();
    let commands: [&[&str]; 7] = [
        &["show", "wide.yaml"],
        &["report", "team/a.json", "--target", "lead-role"],
        &[
            "report",
            "team/a.json",
            "--target",
            "lead-role",
            "--explain",
        ],
        &["team", "team"],
        &["compare", "team/a.json", "team/c.json"],
        &["history", "team/a.json", "team/d.json"],
        &["diff", "team/a.json", "team/d.json"],
    ];
    for width in [100, 80, 60, 45] {
        for args in commands {
            let out = at_width(dir, width, args);
            let tables = assert_tables_aligned(&out, width, &format!("{args:?} at {width}"));
            // Every command draws at least one table at a width where it fits.
            if width >= 80 {
                assert!(tables > 0, "{args:?} at {width} drew no table:\n{out}");
            }
        }
    }
}

#[test]
fn the_team_matrix_lines_up_its_columns_after_wide_names() {
    let sandbox = assessed();
    let out = at_width(sandbox.dir.path(), 80, &["team", "team"]);
    let matrix: Vec<&str> = out
        .lines()
        .skip_while(|l| !l.starts_with("person"))
        .take(3)
        .collect();
    assert_eq!(matrix.len(), 3, "{out}");
    assert!(matrix[1].starts_with("田中 太郎 👩‍💼 "), "{out}");
    // The header's C1 and C2 end where each person's ranks do.
    let widths: Vec<usize> = matrix.iter().map(|l| columns(l)).collect();
    assert_eq!(widths, [widths[0]; 3], "{out}");
    let rank_columns = |line: &str| {
        let mut at = 0;
        let mut ends = Vec::new();
        let graphemes: Vec<&str> = line.graphemes(true).collect();
        for (i, g) in graphemes.iter().enumerate() {
            at += columns(g);
            let next_is_space = graphemes.get(i + 1).is_none_or(|n| *n == " ");
            if *g != " " && next_is_space {
                ends.push(at);
            }
        }
        ends.split_off(ends.len() - 2)
    };
    assert_eq!(rank_columns(matrix[0]), rank_columns(matrix[1]), "{out}");
    assert_eq!(rank_columns(matrix[0]), rank_columns(matrix[2]), "{out}");
}

#[test]
fn a_long_wide_name_is_cut_whole_in_the_team_matrix() {
    let sandbox = Sandbox::new();
    let framework = sandbox.write("wide.yaml", WIDE);
    std::fs::create_dir(sandbox.path("team")).expect("team folder");
    let name = "👩‍💼".repeat(30);
    let out = sandbox.path("team/a.json").display().to_string();
    crate::support::assess_with_answers(
        sandbox.dir.path(),
        &framework.display().to_string(),
        "l1: 3\n\"指標\": 2\nc1: 4\n",
        &["--subject", &name, "--out", &out],
    );
    let shown = at_width(sandbox.dir.path(), 80, &["team", "team"]);
    let row = shown
        .lines()
        .find(|l| l.starts_with("👩‍💼"))
        .unwrap_or_else(|| panic!("no row for the long name:\n{shown}"));
    // Cut between sequences, never inside one: every joiner still joins two people.
    let cut = row.split('…').next().expect("cut");
    assert!(row.contains('…'), "{row}");
    assert_eq!(cut, "👩‍💼".repeat(cut.graphemes(true).count()), "{row}");
}

#[test]
fn a_joiner_within_an_emoji_is_part_of_a_name_and_one_between_letters_is_not() {
    let sandbox = Sandbox::new();
    let framework = sandbox.write("wide.yaml", WIDE);
    let answers = sandbox.write("answers.yaml", "l1: 3\n\"指標\": 2\nc1: 4\n");
    let assess = |subject: &str, out: &str| {
        command(&["assess"])
            .arg(&framework)
            .arg("--answers")
            .arg(&answers)
            .args(&["--subject", subject, "--out"])
            .arg(sandbox.path(out))
            .env("NO_COLOR", "1")
            .env("HOME", &sandbox.path("home").display().to_string())
            .env("XDG_DATA_HOME", &sandbox.path("data").display().to_string())
            .run()
    };
    for (n, subject) in ["👩‍💼 Sam", "🏳️‍🌈 Alex", "👨‍👩‍👧‍👦 Family", "❤️‍🔥 Kai"]
        .iter()
        .enumerate()
    {
        let run = assess(subject, &format!("ok-{n}.json"));
        assert_eq!(run.code, 0, "{subject}: {}", run.stderr);
    }
    let run = assess("Al\u{200d}ex", "no.json");
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr.contains("holds an invisible character (U+200D)"),
        "{}",
        run.stderr
    );
    let run = assess("👩\u{200d} Sam", "no.json");
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(!sandbox.path("no.json").exists());
}

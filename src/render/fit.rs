//! Tables laid out for the width they are given, words kept whole.
//!
//! A table whose longest words fit side by side is drawn as a table, each column at least as
//! wide as its longest word ([`whole_words`]). A table that cannot be (five columns at 50
//! columns, a file path longer than a column) is not squeezed until its words break: each row
//! becomes a block instead, its first cell as a heading and the others below it, each under
//! its column's name, wrapped at spaces.

use comfy_table::Table;

use super::{one_line, whole_words, wrap_hanging};

/// The table as text for its width: drawn with every word whole, or one block per row when
/// that cannot be. No newline at the end, as a drawn table has none.
pub fn laid_out(mut table: Table) -> String {
    if whole_words(&mut table) {
        return table.to_string();
    }
    let width = table.width().unwrap_or(80);
    blocks(&table, width)
}

/// One block per row: the first cell, then `  column  value` for each other non-empty cell,
/// values wrapped under themselves; a blank line between blocks.
fn blocks(table: &Table, width: u16) -> String {
    let names: Vec<String> = table
        .header()
        .map(|h| h.cell_iter().map(|c| one_line(&c.content())).collect())
        .unwrap_or_default();
    let name_width = names
        .iter()
        .skip(1)
        .map(|n| crate::render::width::width(n))
        .max()
        .unwrap_or(0);
    let mut out = String::new();
    for (n, row) in table.row_iter().enumerate() {
        if n > 0 {
            out.push('\n');
        }
        let mut cells = row.cell_iter().map(|c| c.content());
        let heading = cells.next().unwrap_or_default();
        let heading = match names.first().map(String::as_str) {
            Some("#") => format!("#{heading}"),
            _ => heading,
        };
        out.push_str(&wrap_hanging(&heading, width, "", ""));
        for (column, value) in cells.enumerate() {
            if value.trim().is_empty() {
                continue;
            }
            let name = names.get(column + 1).map(String::as_str).unwrap_or("");
            let pad = name_width - crate::render::width::width(name);
            let first = if name_width == 0 {
                "  ".to_string()
            } else {
                format!("  {name}{}  ", " ".repeat(pad))
            };
            let rest = " ".repeat(crate::render::width::width(&first));
            out.push_str(&wrap_hanging(&value, width, &first, &rest));
        }
    }
    out.truncate(out.trim_end().len());
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::{table, Style};

    fn diff_like(width: u16) -> Table {
        let mut t = table(Style {
            width,
            color: false,
            ..Style::default()
        });
        t.set_header(vec!["competency", "before", "after", "score", "change"]);
        t.add_row(vec![
            "Develops networks",
            "2 · Proficiency Level 2",
            "3 · Proficiency Level 3",
            "2.60 → 3.10",
            "+0.50",
        ]);
        t.add_row(vec![
            "Listening",
            "1 · Starting",
            "",
            "1.00 → 1.00",
            "= 0.00",
        ]);
        t
    }

    #[test]
    fn a_table_whose_words_fit_is_drawn() {
        let text = laid_out(diff_like(100));
        assert!(text.starts_with('┌'), "{text}");
        assert!(text.contains("Develops networks"), "{text}");
    }

    #[test]
    fn a_table_too_narrow_for_its_words_becomes_one_block_per_row() {
        let text = laid_out(diff_like(50));
        assert_eq!(
            text,
            "Develops networks\n  \
             before  2 · Proficiency Level 2\n  \
             after   3 · Proficiency Level 3\n  \
             score   2.60 → 3.10\n  \
             change  +0.50\n\
             \n\
             Listening\n  \
             before  1 · Starting\n  \
             score   1.00 → 1.00\n  \
             change  = 0.00"
        );
        assert!(text.lines().all(|l| crate::render::width::width(l) <= 50));
    }

    #[test]
    fn a_numbered_first_column_heads_each_block_with_its_number() {
        let mut t = table(Style {
            width: 30,
            color: false,
            ..Style::default()
        });
        t.set_header(vec!["#", "date", "file"]);
        t.add_row(vec![
            "1",
            "2026-03-10",
            "assessments/networking-2026-03-10.json",
        ]);
        let text = laid_out(t);
        assert!(text.starts_with("#1\n  date  2026-03-10\n"), "{text}");
    }
}

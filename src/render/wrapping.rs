//! Word wrapping for the terminal, one family with one argument order: the text, the width in
//! columns, then what each line starts with. Every line, the last included, ends with a
//! newline; a word longer than a line stands alone; widths are measured without ANSI styling.

use super::prose::{blocks, Block};
use super::width::width as text_width;

/// Wrap `text` to `width` columns, every line starting with `indent`.
pub fn wrap(text: &str, width: u16, indent: &str) -> String {
    wrap_hanging(text, width, indent, indent)
}

/// Text wrapped at spaces to `width` columns, without a newline at the end: a heading or a
/// sentence on its own.
pub fn lines(text: &str, width: u16) -> String {
    wrap_hanging(text, width, "", "").trim_end().to_string()
}

/// Wrap `text` to `width` columns: the first line starts with `first`, the others with `rest`.
/// Each line of `text` starts a new line; empty text gives one empty line, with no prefix.
pub fn wrap_hanging(text: &str, width: u16, first: &str, rest: &str) -> String {
    let width = usize::from(width).max(text_width(first).max(text_width(rest)) + 20);
    let mut out = String::new();
    let mut prefix = first;
    for paragraph in text.lines() {
        let mut line = String::from(prefix);
        let mut empty = true;
        for word in paragraph.split_whitespace() {
            let needed = text_width(&line) + 1 + text_width(word);
            if !empty && needed > width {
                out.push_str(line.trim_end());
                out.push('\n');
                prefix = rest;
                line = String::from(prefix);
                empty = true;
            }
            if !empty {
                line.push(' ');
            }
            line.push_str(word);
            empty = false;
        }
        out.push_str(line.trim_end());
        out.push('\n');
        prefix = rest;
    }
    if text.is_empty() {
        out.push('\n');
    }
    out
}

/// Framework prose (see [`super::prose`]) wrapped to `width` columns: the first line starts
/// with `first`, the others with `rest`; paragraphs are separated by a blank line, and a list
/// item's lines hang under its text.
pub fn wrap_prose(text: &str, width: u16, first: &str, rest: &str) -> String {
    let blocks = blocks(text);
    if blocks.is_empty() {
        return wrap_hanging("", width, first, rest);
    }
    let mut out = String::new();
    let mut previous: Option<&Block> = None;
    for block in &blocks {
        let lead = if previous.is_none() { first } else { rest };
        if let Some(previous) = previous {
            let both_items =
                matches!(previous, Block::Item { .. }) && matches!(block, Block::Item { .. });
            if !both_items {
                out.push('\n');
            }
        }
        match block {
            Block::Paragraph(p) => out.push_str(&wrap_hanging(p, width, lead, rest)),
            Block::Item { marker, text } => {
                let hang = format!("{rest}{}", " ".repeat(text_width(marker) + 1));
                out.push_str(&wrap_hanging(
                    &format!("{marker} {text}"),
                    width,
                    lead,
                    &hang,
                ));
            }
        }
        previous = Some(block);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrap_breaks_between_words() {
        assert_eq!(
            wrap("one two three four five six", 20, "  "),
            "  one two three four\n  five six\n"
        );
    }

    #[test]
    fn wrap_hanging_indents_the_lines_after_the_first() {
        assert_eq!(
            wrap_hanging("- one two three four five six seven", 24, "", "  "),
            "- one two three four\n  five six seven\n"
        );
        assert_eq!(wrap_hanging("", 40, "> ", ""), "\n");
    }

    #[test]
    fn a_word_longer_than_the_line_stands_alone() {
        let long = "x".repeat(30);
        assert_eq!(
            wrap(&format!("a {long} b"), 20, ""),
            format!("a\n{long}\nb\n")
        );
    }

    #[test]
    fn wrap_prose_hangs_list_items_under_their_text() {
        assert_eq!(
            wrap_prose(
                "Intro line\nwrapped.\n- an item long enough to wrap onto a second line here",
                30,
                "",
                ""
            ),
            "Intro line wrapped.\n\n- an item long enough to wrap\n  onto a second line here\n"
        );
    }
}

//! Framework prose (descriptions, indicator texts, examples, guidance) as paragraphs and lists.
//!
//! Authors hard-wrap long texts (YAML `|` blocks) and write numbered or bulleted lists. Read as
//! prose: a single line break inside a paragraph is a space, a blank line separates paragraphs,
//! and a line starting with `-`, `*`, `•` or a number and `.` or `)` (`1.`, `2)`) is a list
//! item, which runs on over the lines that follow it until a blank line or the next item.
//! [`blocks`] is that reading; every renderer lays the blocks out its own way from it.

/// One block of prose.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    /// A paragraph, its lines joined by single spaces.
    Paragraph(String),
    /// A list item: its marker as written (`-`, `*`, `•`, `1.`, `2)`) and its text.
    Item {
        /// The marker, kept so numbered lists keep their numbers.
        marker: String,
        /// The item's text, its lines joined by single spaces.
        text: String,
    },
}

impl Block {
    /// Whether the item is numbered (`1.`, `2)`) rather than bulleted.
    pub fn is_numbered(&self) -> bool {
        matches!(self, Block::Item { marker, .. } if marker.starts_with(|c: char| c.is_ascii_digit()))
    }
}

/// The list marker a line starts with, and the text after it.
fn list_marker(line: &str) -> Option<(&str, &str)> {
    let line = line.trim_start();
    for bullet in ["- ", "* ", "• "] {
        if let Some(rest) = line.strip_prefix(bullet) {
            return Some((bullet.trim_end(), rest));
        }
    }
    let digits = line.chars().take_while(char::is_ascii_digit).count();
    if (1..=3).contains(&digits) {
        let rest = &line[digits..];
        for end in [". ", ") "] {
            if rest.starts_with(end) {
                return Some((&line[..digits + 1], &rest[2..]));
            }
        }
    }
    None
}

/// Read text as paragraphs and list items.
pub fn blocks(text: &str) -> Vec<Block> {
    let mut out = Vec::new();
    let mut current: Option<Block> = None;
    let push_words = |target: &mut String, words: &str| {
        for word in words.split_whitespace() {
            if !target.is_empty() {
                target.push(' ');
            }
            target.push_str(word);
        }
    };
    for line in text.lines() {
        if line.trim().is_empty() {
            out.extend(current.take());
            continue;
        }
        if let Some((marker, rest)) = list_marker(line) {
            out.extend(current.take());
            let mut item = String::new();
            push_words(&mut item, rest);
            current = Some(Block::Item {
                marker: marker.to_string(),
                text: item,
            });
            continue;
        }
        match &mut current {
            Some(Block::Paragraph(p)) | Some(Block::Item { text: p, .. }) => push_words(p, line),
            None => {
                let mut p = String::new();
                push_words(&mut p, line);
                current = Some(Block::Paragraph(p));
            }
        }
    }
    out.extend(current);
    out
}

/// The text reflowed for a place that wraps lines itself (a table cell): each paragraph on one
/// line, a blank line between paragraphs, each list item on its own line after its marker.
pub fn flow(text: &str) -> String {
    let mut out = String::new();
    let mut previous: Option<&Block> = None;
    let blocks = blocks(text);
    for block in &blocks {
        if let Some(previous) = previous {
            let both_items =
                matches!(previous, Block::Item { .. }) && matches!(block, Block::Item { .. });
            out.push_str(if both_items { "\n" } else { "\n\n" });
        }
        match block {
            Block::Paragraph(p) => out.push_str(p),
            Block::Item { marker, text } => {
                out.push_str(marker);
                out.push(' ');
                out.push_str(text);
            }
        }
        previous = Some(block);
    }
    out
}

/// The text as Markdown: `escape` is applied to the words (never to the list markers), blocks
/// are separated as CommonMark needs, and every line after the first starts with `indent` (so
/// the text can continue a list item). No trailing newline.
pub fn markdown(text: &str, escape: impl Fn(&str) -> String, indent: &str) -> String {
    let mut out = String::new();
    let mut previous: Option<&Block> = None;
    let blocks = blocks(text);
    for block in &blocks {
        if let Some(previous) = previous {
            let both_items =
                matches!(previous, Block::Item { .. }) && matches!(block, Block::Item { .. });
            out.push_str(if both_items { "\n" } else { "\n\n" });
            out.push_str(indent);
        }
        match block {
            Block::Paragraph(p) => out.push_str(&escape(p)),
            Block::Item { marker, text } => {
                let marker = if block.is_numbered() {
                    marker.replace(')', ".")
                } else {
                    "-".to_string()
                };
                out.push_str(&marker);
                out.push(' ');
                out.push_str(&escape(text));
            }
        }
        previous = Some(block);
    }
    out
}

/// The text as HTML element content: one paragraph stays bare text; several blocks become
/// `<p>` paragraphs and `<ul>`/`<ol>` lists. `escape` is applied to every piece of text.
pub fn html(text: &str, escape: impl Fn(&str) -> String) -> String {
    let blocks = blocks(text);
    if let [Block::Paragraph(p)] = blocks.as_slice() {
        return escape(p);
    }
    let mut out = String::new();
    let mut open: Option<&str> = None;
    for block in &blocks {
        let wanted = match block {
            Block::Paragraph(_) => None,
            Block::Item { .. } if block.is_numbered() => Some("ol"),
            Block::Item { .. } => Some("ul"),
        };
        if open != wanted {
            if let Some(tag) = open {
                out.push_str(&format!("</{tag}>"));
            }
            if let Some(tag) = wanted {
                out.push_str(&format!("<{tag}>"));
            }
            open = wanted;
        }
        match block {
            Block::Paragraph(p) => out.push_str(&format!("<p>{}</p>", escape(p))),
            Block::Item { text, .. } => out.push_str(&format!("<li>{}</li>", escape(text))),
        }
    }
    if let Some(tag) = open {
        out.push_str(&format!("</{tag}>"));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "Builds trust by keeping\ncommitments and by being\nopen about mistakes.\n\nIn practice:\n- says what they will do\n  and does it\n- admits errors early\n1. first\n2) second\n";

    #[test]
    fn lines_join_blank_lines_split_and_list_items_stay() {
        assert_eq!(
            blocks(TEXT),
            vec![
                Block::Paragraph(
                    "Builds trust by keeping commitments and by being open about mistakes.".into()
                ),
                Block::Paragraph("In practice:".into()),
                Block::Item {
                    marker: "-".into(),
                    text: "says what they will do and does it".into()
                },
                Block::Item {
                    marker: "-".into(),
                    text: "admits errors early".into()
                },
                Block::Item {
                    marker: "1.".into(),
                    text: "first".into()
                },
                Block::Item {
                    marker: "2)".into(),
                    text: "second".into()
                },
            ]
        );
    }

    #[test]
    fn a_paragraph_running_into_a_list_splits_at_the_first_item() {
        assert_eq!(
            flow("Do this:\n* one\n* two"),
            "Do this:\n\n* one\n* two".to_string()
        );
    }

    #[test]
    fn a_hyphen_inside_a_line_is_not_a_list() {
        assert_eq!(
            blocks("well-kept - and\n-1 degrees"),
            vec![Block::Paragraph("well-kept - and -1 degrees".into())]
        );
    }

    #[test]
    fn markdown_and_html_keep_the_structure() {
        let text = "One\ntwo.\n\n1. a\n2. b";
        assert_eq!(
            markdown(text, str::to_string, "  "),
            "One two.\n\n  1. a\n  2. b"
        );
        assert_eq!(
            html(text, str::to_string),
            "<p>One two.</p><ol><li>a</li><li>b</li></ol>"
        );
        assert_eq!(html("just\none", str::to_string), "just one");
    }
}

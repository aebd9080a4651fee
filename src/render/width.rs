//! How many columns text takes on a terminal, for every layout rungs draws by hand (the team
//! matrix, cut names, indents); comfy-table measures its cells the same way.
//!
//! A character is not a column: East Asian text takes two columns a character, an emoji in
//! emoji presentation (`🛠️`, the base followed by U+FE0F) two, a ZWJ sequence (`👩‍💼`) or a
//! flag two for the whole sequence, a combining mark none. Widths follow Unicode's East Asian
//! Width and emoji presentation rules (the `unicode-width` crate), as current terminals draw
//! them; ANSI styling takes no column. Text is cut only between grapheme clusters, so a
//! sequence is never split.

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// The columns `text` takes on a terminal, ANSI styling left out.
pub fn width(text: &str) -> usize {
    if text.contains('\u{1b}') {
        console::measure_text_width(text)
    } else {
        text.width()
    }
}

/// `text` padded with spaces on the right to `columns` columns (as it is when already as wide).
pub fn pad(text: &str, columns: usize) -> String {
    let mut out = text.to_string();
    out.push_str(&" ".repeat(columns.saturating_sub(width(text))));
    out
}

/// `text` cut to at most `columns` columns, ending in `…` when cut; never inside a grapheme
/// cluster (an emoji sequence, a letter with its accents).
pub fn cut(text: &str, columns: usize) -> String {
    if width(text) <= columns {
        return text.to_string();
    }
    let room = columns.saturating_sub(1);
    let mut out = String::new();
    let mut used = 0;
    for grapheme in text.graphemes(true) {
        let w = grapheme.width();
        if used + w > room {
            break;
        }
        out.push_str(grapheme);
        used += w;
    }
    out.push('…');
    out
}

/// The first `count` grapheme clusters of `text` (a label shortened to its first letters),
/// and whether anything was left out.
pub fn first_graphemes(text: &str, count: usize) -> (String, bool) {
    let mut graphemes = text.graphemes(true);
    let head: String = graphemes.by_ref().take(count).collect();
    (head, graphemes.next().is_some())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emoji_sequences_and_east_asian_text_take_the_columns_a_terminal_gives_them() {
        assert_eq!(width("🛠️ Mastery"), 10);
        assert_eq!(width("👩‍💼 Leadership"), 13);
        assert_eq!(width("日本語"), 6);
        assert_eq!(width("🇬🇧"), 2);
        assert_eq!(width("👍🏽"), 2);
        assert_eq!(width("é"), 1);
        assert_eq!(width("e\u{301}"), 1);
        assert_eq!(width("\u{1b}[1m日本\u{1b}[0m"), 4);
    }

    #[test]
    fn padding_and_cutting_count_columns_and_keep_sequences_whole() {
        assert_eq!(pad("日本", 6), "日本  ");
        assert_eq!(pad("👩‍💼", 4), "👩‍💼  ");
        assert_eq!(cut("👩‍💼👩‍💼👩‍💼", 5), "👩‍💼👩‍💼…");
        assert_eq!(cut("日本語のテキスト", 7), "日本語…");
        assert_eq!(cut("short", 10), "short");
        assert_eq!(first_graphemes("🛠️ Mastery", 3), ("🛠️ M".to_string(), true));
        assert_eq!(first_graphemes("ab", 3), ("ab".to_string(), false));
    }
}

//! Writing YAML the way a person writes it by hand: keys at their indentation, long texts as
//! literal `|` blocks, a scalar plain when it reads back as itself and quoted otherwise.

use super::scalar::{plain_value, PlainScalar};
use super::tree::NodeKind;

/// A value of a format written as YAML, the way a person writes it by hand. The keys and
/// their order come from the format's declaration (the framework's in
/// [`crate::framework::format`]).
pub trait WriteYaml {
    /// Whether there is nothing to write: no value, or an empty list or map. An optional key
    /// holding nothing is left out.
    fn is_absent(&self) -> bool {
        false
    }

    /// Write the value after its `key:` (or a list's `-`), ending the line; `indent` is the
    /// column of that key (or dash).
    fn write(&self, out: &mut String, indent: usize);

    /// Write the value as an item of a list, its dash at column `indent`.
    fn write_item(&self, out: &mut String, indent: usize) {
        pad(out, indent);
        out.push('-');
        self.write(out, indent);
    }
}

/// `key:` at column `indent`; when `dash`, the first key of a mapping in a list, written
/// `- key:` with the dash two columns before it (and `dash` is then spent).
pub fn write_key(out: &mut String, indent: usize, dash: &mut bool, key: &str) {
    if std::mem::take(dash) {
        pad(out, indent.saturating_sub(2));
        out.push_str("- ");
    } else {
        pad(out, indent);
    }
    out.push_str(key);
    out.push(':');
}

/// `width` spaces, written without a string of them made first (a file has a line a key).
pub fn pad(out: &mut String, width: usize) {
    out.extend(std::iter::repeat_n(' ', width));
}

impl WriteYaml for String {
    fn write(&self, out: &mut String, indent: usize) {
        scalar(out, indent, self);
    }
}

impl WriteYaml for u32 {
    fn write(&self, out: &mut String, _indent: usize) {
        out.push_str(&format!(" {self}\n"));
    }
}

impl WriteYaml for f64 {
    fn write(&self, out: &mut String, _indent: usize) {
        out.push_str(&format!(" {self}\n"));
    }
}

impl WriteYaml for bool {
    fn write(&self, out: &mut String, _indent: usize) {
        out.push_str(if *self { " true\n" } else { " false\n" });
    }
}

impl<T: WriteYaml> WriteYaml for Option<T> {
    fn is_absent(&self) -> bool {
        self.is_none()
    }

    fn write(&self, out: &mut String, indent: usize) {
        match self {
            Some(value) => value.write(out, indent),
            None => out.push_str(" null\n"),
        }
    }
}

/// A block list, items two columns in from the key; `[]` when empty.
impl<T: WriteYaml> WriteYaml for Vec<T> {
    fn is_absent(&self) -> bool {
        self.is_empty()
    }

    fn write(&self, out: &mut String, indent: usize) {
        if self.is_empty() {
            out.push_str(" []\n");
            return;
        }
        out.push('\n');
        for item in self {
            item.write_item(out, indent + 2);
        }
    }
}

/// A string value after its key (or dash), ending the line: a literal block for text over
/// several lines, else a plain or quoted scalar. `indent` is the key's own indentation.
pub fn scalar(out: &mut String, indent: usize, value: &str) {
    if let Some(block) = literal_block(value, indent + 2) {
        out.push_str(&block);
    } else {
        out.push(' ');
        if is_plain_safe(value) {
            out.push_str(value);
        } else {
            out.push_str(&inline(value));
        }
        out.push('\n');
    }
}

/// A string as a one-line YAML scalar: plain when YAML reads it back as the same string,
/// else quoted as the YAML serialiser quotes it when rungs reads that back as the same
/// string, else double-quoted (JSON's escaping is valid in YAML double quotes).
pub fn inline(value: &str) -> String {
    if is_plain_safe(value) {
        return value.to_string();
    }
    if let Ok(text) = serde_yaml::to_string(value) {
        let text = text.trim_end_matches('\n');
        if !text.contains('\n') && reads_back_as(text, value) {
            return text.to_string();
        }
    }
    serde_json::to_string(value).unwrap_or_else(|_| "\"\"".into())
}

/// Whether `text`, read by the same front end as every file rungs reads ([`super::tree`]), is
/// one scalar holding `value` as text: quoted, or plain and not a null, boolean or number.
fn reads_back_as(text: &str, value: &str) -> bool {
    let Ok(document) = super::tree::parse(text) else {
        return false;
    };
    let Some(root) = document.root() else {
        return false;
    };
    match &document.node(root).kind {
        NodeKind::Scalar { text: read, plain } => {
            read == value && (!*plain || plain_value(read) == PlainScalar::Text)
        }
        _ => false,
    }
}

/// Whether a string reads back as itself written plain, decided without a YAML round trip for
/// the common case: it starts with a letter, is not a YAML keyword, and holds nothing that
/// could start a comment, a mapping or another kind of scalar.
fn is_plain_safe(value: &str) -> bool {
    const KEYWORDS: &[&str] = &["y", "n", "yes", "no", "true", "false", "on", "off", "null"];
    value.starts_with(|c: char| c.is_alphabetic())
        && !value.ends_with([' ', ':'])
        && !value.contains(": ")
        && !value.contains(" #")
        && !value.chars().any(|c| c.is_control())
        && !KEYWORDS.iter().any(|k| value.eq_ignore_ascii_case(k))
}

/// ` |` (with the chomping that keeps the trailing line breaks exact) and the lines indented
/// by `indent`; `None` when the text is one line or cannot be written as a literal block.
fn literal_block(value: &str, indent: usize) -> Option<String> {
    if !value.contains('\n') {
        return None;
    }
    let body = value.trim_end_matches('\n');
    let trailing = value.len() - body.len();
    let printable = |c: char| c == '\n' || c == '\t' || !c.is_control();
    let first = body.lines().next().unwrap_or("");
    if body.is_empty()
        || !value.chars().all(printable)
        || value.contains('\r')
        || first.starts_with([' ', '\t'])
        || first.is_empty()
        || body.lines().any(|l| l.trim().is_empty() && !l.is_empty())
    {
        return None;
    }
    let chomp = match trailing {
        0 => "-",
        1 => "",
        _ => "+",
    };
    let mut out = format!(" |{chomp}\n");
    let pad = " ".repeat(indent);
    for line in body.split('\n') {
        if !line.is_empty() {
            out.push_str(&pad);
            out.push_str(line);
        }
        out.push('\n');
    }
    for _ in 1..trailing {
        out.push('\n');
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn round_trip(value: &str) -> String {
        let mut text = String::from("text:");
        value.to_string().write(&mut text, 0);
        #[derive(serde::Deserialize)]
        struct Holder {
            text: String,
        }
        match serde_yaml::from_str::<Holder>(&text) {
            Ok(h) => h.text,
            Err(e) => panic!("{text:?}: {e}"),
        }
    }

    #[test]
    fn every_string_reads_back_the_same() {
        for value in [
            "plain",
            "yes",
            "1.0",
            "null",
            "~",
            "- dash",
            "key: value",
            "# hash",
            "'quoted'",
            "\"double\"",
            "two\nlines",
            "two\nlines\n",
            "two\nlines\n\n",
            "para\n\npara\n",
            "\nleading blank line",
            "  indented\nfirst",
            "tab\there\nand more",
            "bell\u{7}\nnext",
            "trailing spaces  \nline",
            "crlf\r\nline",
            "   ",
            "",
            "\n",
            "a\n  \nb",
            "€ and ✓\n— unicode",
            "Yes",
            "NULL",
            "Off",
            "ends with colon:",
            "has a # inside",
            "has a comment #here",
            "key: value inside",
            "commas, [brackets] and {braces}",
            "quotes \"inside\" and 'here'",
            "ends with space ",
            "Émile",
        ] {
            assert_eq!(round_trip(value), value, "{value:?}");
        }
    }

    #[test]
    fn long_texts_are_literal_blocks() {
        let mut text = String::from("    text:");
        "One line\nand another\n".to_string().write(&mut text, 4);
        assert_eq!(text, "    text: |\n      One line\n      and another\n");
    }
}

#[cfg(test)]
mod what_is_written_reads_back {
    use super::*;
    use proptest::prelude::*;

    /// The value of `key: <inline(value)>` as rungs's own reader reads it: its text when it is
    /// text (quoted, or plain and not a null, boolean or number).
    fn read_back(value: &str) -> Option<String> {
        let document = super::super::tree::parse(&format!("key: {}\n", inline(value))).ok()?;
        let NodeKind::Mapping(pairs) = &document.node(document.root()?).kind else {
            return None;
        };
        match &document.node(pairs.first()?.1).kind {
            NodeKind::Scalar { text, plain }
                if !*plain || plain_value(text) == PlainScalar::Text =>
            {
                Some(text.clone())
            }
            _ => None,
        }
    }

    #[test]
    fn a_line_separator_is_quoted_so_that_it_reads_back() {
        // The serialiser writes it as a line break of YAML 1.1, which YAML 1.2 does not fold.
        for value in ["\u{2028}", "\u{2029}", "- \u{2028} -", "\u{85}"] {
            assert_eq!(read_back(value).as_deref(), Some(value), "{value:?}");
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]
        /// Every string, written as one scalar, is read back by rungs as the same string.
        #[test]
        fn every_string(value in "\\PC{0,12}|[ -~]{0,12}|[-+.0-9a-zA-Z:#'\" ~_\u{2028}\u{85}]{0,8}") {
            let read = read_back(&value);
            prop_assert_eq!(read.as_deref(), Some(value.as_str()), "written {:?}", inline(&value));
        }
    }
}

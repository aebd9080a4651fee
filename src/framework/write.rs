//! Writing a framework file (format 1) from the raw structs: what every import produces.
//!
//! The output is meant to be read and edited by a person: keys spelled and ordered as
//! [`super::format`] declares them (the order the README shows), long texts as literal `|`
//! blocks, and a comment header saying where the file came from.

use super::format::*;

/// The framework as YAML, after `header` (each line written as a `#` comment).
pub fn yaml(raw: &RawFramework, header: &str) -> String {
    let mut out = String::new();
    for line in header.lines() {
        // A comment may hold only printable text: anything else (from a file name, say) is `?`.
        let line: String = line
            .chars()
            .map(|c| {
                if c.is_control() || super::text::is_forbidden(c) {
                    '?'
                } else {
                    c
                }
            })
            .collect();
        if line.is_empty() {
            out.push_str("#\n");
        } else {
            out.push_str(&format!("# {line}\n"));
        }
    }
    raw.write_fields(&mut out, 0, false);
    out
}

/// A value of the format written as YAML, the way a person writes it by hand. The keys and
/// their order come from the format's declaration ([`super::format`]).
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
        out.push_str(&" ".repeat(indent));
        out.push('-');
        self.write(out, indent);
    }
}

/// `key:` at column `indent`; when `dash`, the first key of a mapping in a list, written
/// `- key:` with the dash two columns before it (and `dash` is then spent).
pub fn write_key(out: &mut String, indent: usize, dash: &mut bool, key: &str) {
    if std::mem::take(dash) {
        out.push_str(&" ".repeat(indent.saturating_sub(2)));
        out.push_str("- ");
    } else {
        out.push_str(&" ".repeat(indent));
    }
    out.push_str(key);
    out.push(':');
}

impl WriteYaml for String {
    fn write(&self, out: &mut String, indent: usize) {
        scalar(out, indent, self);
    }
}

impl WriteYaml for Version {
    fn write(&self, out: &mut String, indent: usize) {
        scalar(out, indent, &self.0);
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

/// One `key: value` line per entry, two columns in from the key; `{}` when empty.
impl WriteYaml for OrderedMap {
    fn is_absent(&self) -> bool {
        self.0.is_empty()
    }

    fn write(&self, out: &mut String, indent: usize) {
        if self.0.is_empty() {
            out.push_str(" {}\n");
            return;
        }
        out.push('\n');
        for (key, value) in &self.0 {
            out.push_str(&format!(
                "{}{}: {}\n",
                " ".repeat(indent + 2),
                inline(key),
                inline(value)
            ));
        }
    }
}

/// The object form as a mapping, the short form as the string it is.
impl WriteYaml for RawIndicator {
    fn write(&self, out: &mut String, indent: usize) {
        match self {
            RawIndicator::Full(object) => object.write(out, indent),
            RawIndicator::Short(text) => text.write(out, indent),
        }
    }

    fn write_item(&self, out: &mut String, indent: usize) {
        match self {
            RawIndicator::Full(object) => object.write_item(out, indent),
            RawIndicator::Short(text) => text.write_item(out, indent),
        }
    }
}

/// A string value after its key (or dash), ending the line: a literal block for text over
/// several lines, else a plain or quoted scalar. `indent` is the key's own indentation.
fn scalar(out: &mut String, indent: usize, value: &str) {
    if let Some(block) = literal_block(value, indent + 2) {
        out.push_str(&block);
    } else {
        out.push(' ');
        out.push_str(&inline(value));
        out.push('\n');
    }
}

/// A string as a one-line YAML scalar: plain when YAML reads it back as the same string,
/// else double-quoted (JSON's escaping is valid in YAML double quotes).
fn inline(value: &str) -> String {
    if is_plain_safe(value) {
        return value.to_string();
    }
    if let Ok(text) = serde_yaml::to_string(value) {
        let text = text.trim_end_matches('\n');
        if !text.contains('\n')
            && serde_yaml::from_str::<String>(text).ok().as_deref() == Some(value)
        {
            return text.to_string();
        }
    }
    serde_json::to_string(value).unwrap_or_else(|_| "\"\"".into())
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
    fn the_header_is_comments_whatever_it_holds() {
        let raw = RawFramework {
            id: "x".into(),
            name: "X".into(),
            version: Version("1".into()),
            levels: vec![RawLevel {
                id: "a".into(),
                name: "A".into(),
                description: None,
            }],
            competencies: vec![RawCompetency {
                id: "c".into(),
                name: "C".into(),
                levels: vec![RawCompetencyLevel {
                    level: "a".into(),
                    indicators: vec![RawIndicator::Short("t".into())],
                    ..Default::default()
                }],
                ..Default::default()
            }],
            ..Default::default()
        };
        let text = yaml(&raw, "from a\u{1b}[2Jb.csv\nsecond line\n\nafter a blank");
        assert!(
            text.starts_with("# from a?[2Jb.csv\n# second line\n#\n# after a blank\nid: x\n"),
            "{text}"
        );
        assert!(
            crate::framework::load("x.yaml", text.as_bytes()).is_ok(),
            "{text}"
        );
    }

    /// The raw structs of a framework file.
    fn read_raw(text: &str) -> RawFramework {
        let document = match crate::framework::yaml_tree::parse(text) {
            Ok(document) => document,
            Err(e) => panic!("{}: {text}", e.message),
        };
        let reading = crate::framework::reader::read(&document);
        assert!(
            reading.findings.is_empty(),
            "{:?}\n{text}",
            reading.findings
        );
        reading.framework.expect("a framework")
    }

    #[test]
    fn every_shipped_framework_reads_back_as_written() {
        for (name, text) in crate::framework::builtin::BUILTIN_FILES {
            let raw = read_raw(text);
            assert_eq!(read_raw(&yaml(&raw, "")), raw, "{name}");
        }
    }

    #[test]
    fn optional_keys_without_a_value_are_left_out_and_meaningful_empties_shown() {
        let raw = read_raw(
            "id: x\nname: X\nversion: 1.0\nlevels: [{ id: a, name: A }]\ncompetencies:\n  - id: c\n    name: C\n    levels: [{ level: a, indicators: [] }]\n    guidance: [{ title: Read }]\ntargets: [{ id: t, name: T }]\n",
        );
        assert_eq!(
            yaml(&raw, ""),
            "id: x\nname: X\nversion: '1.0'\nlevels:\n  - id: a\n    name: A\ncompetencies:\n  - id: c\n    name: C\n    levels:\n      - level: a\n        indicators: []\n    guidance:\n      - title: Read\n        items: []\ntargets:\n  - id: t\n    name: T\n    levels: {}\n"
        );
    }

    #[test]
    fn long_texts_are_literal_blocks() {
        let mut text = String::from("    text:");
        "One line\nand another\n".to_string().write(&mut text, 4);
        assert_eq!(text, "    text: |\n      One line\n      and another\n");
    }
}

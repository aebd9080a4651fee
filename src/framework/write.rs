//! Writing a framework file (format 1) from the raw structs: what every import produces.
//!
//! The output is meant to be read and edited by a person: keys spelled and ordered as
//! [`super::format`] declares them (the order the README shows), long texts as literal `|`
//! blocks, and a comment header saying where the file came from.

use super::format::*;
use crate::yaml::write::{inline, scalar, WriteYaml};

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

impl WriteYaml for Version {
    fn write(&self, out: &mut String, indent: usize) {
        scalar(out, indent, &self.0);
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_header_is_comments_whatever_it_holds() {
        let raw = RawFramework {
            id: "x".into(),
            name: "X".into(),
            version: Version("1".into()),
            levels: vec![RawLevel {
                id: "a".into(),
                name: "A".into(),
                ..RawLevel::default()
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
        let document = match crate::yaml::tree::parse(text) {
            Ok(document) => document,
            Err(e) => panic!("{}: {text}", e.message),
        };
        let reading = crate::framework::reading::read(&document);
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
}

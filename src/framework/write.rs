//! Writing a framework file (format 1) from the raw structs: what every import produces.
//!
//! The output is meant to be read and edited by a person: keys in the order the README shows,
//! long texts as literal `|` blocks, and a comment header saying where the file came from.

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
    let w = &mut out;
    field(w, 0, "id", &raw.id);
    field(w, 0, "name", &raw.name);
    field(w, 0, "version", &raw.version.0);
    optional(w, 0, "description", raw.description.as_deref());
    optional(w, 0, "source", raw.source.as_deref());
    if let Some(scale) = &raw.scale {
        w.push_str("scale:\n");
        for p in scale {
            w.push_str(&format!("  - value: {}\n", p.value));
            field(w, 4, "label", &p.label);
            optional(w, 4, "description", p.description.as_deref());
        }
    }
    if let Some(v) = raw.demonstrated_at {
        w.push_str(&format!("demonstrated_at: {v}\n"));
    }
    if let Some(t) = raw.threshold {
        w.push_str(&format!("threshold: {t}\n"));
    }
    optional(w, 0, "evidence", raw.evidence.as_deref());
    w.push_str("levels:\n");
    for l in &raw.levels {
        item(w, 2, "id", &l.id);
        field(w, 4, "name", &l.name);
        optional(w, 4, "description", l.description.as_deref());
    }
    if !raw.groups.is_empty() {
        w.push_str("groups:\n");
        for g in &raw.groups {
            item(w, 2, "id", &g.id);
            field(w, 4, "name", &g.name);
            optional(w, 4, "description", g.description.as_deref());
        }
    }
    if !raw.tracks.is_empty() {
        w.push_str("tracks:\n");
        for t in &raw.tracks {
            item(w, 2, "id", &t.id);
            field(w, 4, "name", &t.name);
            optional(w, 4, "description", t.description.as_deref());
            w.push_str("    levels:\n");
            for l in &t.levels {
                list_item(w, 6, l);
            }
        }
    }
    w.push_str("competencies:\n");
    for c in &raw.competencies {
        item(w, 2, "id", &c.id);
        field(w, 4, "name", &c.name);
        optional(w, 4, "description", c.description.as_deref());
        optional(w, 4, "group", c.group.as_deref());
        w.push_str("    levels:\n");
        for cl in &c.levels {
            item(w, 6, "level", &cl.level);
            optional(w, 8, "title", cl.title.as_deref());
            optional(w, 8, "evidence", cl.evidence.as_deref());
            if cl.indicators.is_empty() {
                w.push_str("        indicators: []\n");
                continue;
            }
            w.push_str("        indicators:\n");
            for indicator in &cl.indicators {
                match indicator {
                    RawIndicator::Full(o) => {
                        item(w, 10, "id", &o.id);
                        field(w, 12, "text", &o.text);
                        if !o.examples.is_empty() {
                            w.push_str(&format!("{}examples:\n", " ".repeat(12)));
                            for e in &o.examples {
                                list_item(w, 14, e);
                            }
                        }
                    }
                    RawIndicator::Short(text) => list_item(w, 10, text),
                }
            }
        }
        if !c.guidance.is_empty() {
            w.push_str("    guidance:\n");
            for g in &c.guidance {
                item(w, 6, "title", &g.title);
                w.push_str("        items:");
                if g.items.is_empty() {
                    w.push_str(" []\n");
                } else {
                    w.push('\n');
                    for i in &g.items {
                        list_item(w, 10, i);
                    }
                }
            }
        }
    }
    if !raw.targets.is_empty() {
        w.push_str("targets:\n");
        for t in &raw.targets {
            item(w, 2, "id", &t.id);
            field(w, 4, "name", &t.name);
            optional(w, 4, "description", t.description.as_deref());
            optional(w, 4, "track", t.track.as_deref());
            if t.levels.0.is_empty() {
                w.push_str("    levels: {}\n");
            } else {
                w.push_str("    levels:\n");
            }
            for (competency, level) in &t.levels.0 {
                w.push_str(&format!(
                    "      {}: {}\n",
                    inline(competency),
                    inline(level)
                ));
            }
        }
    }
    out
}

/// `key: value` at `indent`.
fn field(out: &mut String, indent: usize, key: &str, value: &str) {
    out.push_str(&" ".repeat(indent));
    out.push_str(key);
    out.push(':');
    scalar(out, indent, value);
}

/// `key: value` at `indent`, when there is a value.
fn optional(out: &mut String, indent: usize, key: &str, value: Option<&str>) {
    if let Some(value) = value {
        field(out, indent, key, value);
    }
}

/// `- key: value`: the first key of a mapping in a list, the dash at `indent`.
fn item(out: &mut String, indent: usize, key: &str, value: &str) {
    out.push_str(&" ".repeat(indent));
    out.push_str("- ");
    out.push_str(key);
    out.push(':');
    scalar(out, indent + 2, value);
}

/// `- value`: a string in a list, the dash at `indent`.
fn list_item(out: &mut String, indent: usize, value: &str) {
    out.push_str(&" ".repeat(indent));
    out.push('-');
    scalar(out, indent, value);
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
        let mut text = String::new();
        field(&mut text, 0, "text", value);
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

    #[test]
    fn long_texts_are_literal_blocks() {
        let mut text = String::new();
        field(&mut text, 4, "text", "One line\nand another\n");
        assert_eq!(text, "    text: |\n      One line\n      and another\n");
    }
}

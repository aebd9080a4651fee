//! Reading a framework from a positioned YAML tree: every wrong type, unknown, duplicate or
//! missing key is found in one pass, with its place; keys starting with `x-` are skipped.
//!
//! The keys and types it reads are declared once, in [`super::format`]; this is the machinery
//! that reads them. Where a part is broken it puts a placeholder (keeping list positions) and
//! records the part's path, so the semantic checks can still run on the rest without echoing
//! the same fault.

use super::format::{Need, OrderedMap, RawFramework, Read};
use super::locate::{closest, PathSegment};
use super::yaml_tree::{Document, NodeId, NodeKind, Position};

/// A problem with the shape of the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// Where, when the problem has a place.
    pub at: Option<Position>,
    /// What is wrong and how to fix it.
    pub message: String,
}

/// What reading the tree gave.
#[derive(Debug)]
pub struct Reading {
    /// The framework as written, placeholders where parts are broken; `None` when the file is
    /// empty or not a mapping.
    pub framework: Option<RawFramework>,
    /// Every shape problem found.
    pub findings: Vec<Finding>,
    /// Paths of broken parts: semantic problems inside them repeat a finding and are dropped.
    pub broken: Vec<Vec<PathSegment>>,
}

/// Read a framework from a parsed document.
pub fn read(document: &Document) -> Reading {
    let mut reader = Reader {
        document,
        findings: Vec::new(),
        broken: Vec::new(),
        path: Vec::new(),
    };
    let framework = match document.root() {
        None => {
            reader.findings.push(Finding {
                at: None,
                message: EMPTY_FILE.into(),
            });
            None
        }
        Some(root) => match &document.node(root).kind {
            NodeKind::Scalar { text, plain }
                if *plain && plain_value(text) == PlainScalar::Null =>
            {
                reader.findings.push(Finding {
                    at: None,
                    message: EMPTY_FILE.into(),
                });
                None
            }
            _ => RawFramework::read(&mut reader, root, ""),
        },
    };
    Reading {
        framework,
        findings: reader.findings,
        broken: reader.broken,
    }
}

/// The message for a file with nothing in it.
pub const EMPTY_FILE: &str =
    "file is empty; a framework needs id, name, version, levels and competencies";

/// How YAML reads an unquoted scalar.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum PlainScalar {
    /// `~`, `null` or nothing.
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// A whole number (decimal, `0x` hexadecimal or `0o` octal).
    Int(i128),
    /// A number with a fraction or exponent, or `.inf` / `.nan`.
    Float(f64),
    /// Anything else: text.
    Text,
}

/// How YAML (as the typed loader reads it) resolves an unquoted scalar.
pub fn plain_value(text: &str) -> PlainScalar {
    match text {
        "" | "~" | "null" | "Null" | "NULL" => return PlainScalar::Null,
        "true" | "True" | "TRUE" => return PlainScalar::Bool(true),
        "false" | "False" | "FALSE" => return PlainScalar::Bool(false),
        ".inf" | ".Inf" | ".INF" | "+.inf" | "+.Inf" | "+.INF" => {
            return PlainScalar::Float(f64::INFINITY)
        }
        "-.inf" | "-.Inf" | "-.INF" => return PlainScalar::Float(f64::NEG_INFINITY),
        ".nan" | ".NaN" | ".NAN" => return PlainScalar::Float(f64::NAN),
        _ => {}
    }
    let (negative, digits) = match text.as_bytes()[0] {
        b'-' => (true, &text[1..]),
        b'+' => (false, &text[1..]),
        _ => (false, text),
    };
    let whole = if let Some(hex) = digits.strip_prefix("0x") {
        parse_radix(hex, 16)
    } else if let Some(octal) = digits.strip_prefix("0o") {
        parse_radix(octal, 8)
    } else if digits == "0" || (!digits.starts_with('0') && !digits.is_empty()) {
        parse_radix(digits, 10)
    } else {
        None
    };
    if let Some(value) = whole {
        return PlainScalar::Int(if negative { -value } else { value });
    }
    let looks_numeric = digits.bytes().any(|b| b.is_ascii_digit())
        && digits
            .bytes()
            .all(|b| b.is_ascii_digit() || matches!(b, b'.' | b'e' | b'E' | b'+' | b'-'))
        && digits.bytes().any(|b| matches!(b, b'.' | b'e' | b'E'));
    match text.parse::<f64>() {
        Ok(value) if looks_numeric => PlainScalar::Float(value),
        _ => PlainScalar::Text,
    }
}

fn parse_radix(digits: &str, radix: u32) -> Option<i128> {
    if digits.is_empty() || !digits.chars().all(|c| c.is_digit(radix)) {
        return None;
    }
    i128::from_str_radix(digits, radix).ok()
}

/// The keys found in a mapping, by their format names.
pub struct Fields {
    at: Position,
    found: Vec<(&'static str, NodeId)>,
}

impl Fields {
    fn get(&self, key: &str) -> Option<NodeId> {
        self.found.iter().find(|(k, _)| *k == key).map(|(_, v)| *v)
    }
}

/// Reads the parts of a framework from a positioned tree, recording every problem with its
/// place and the path of every broken part.
pub struct Reader<'d> {
    document: &'d Document,
    findings: Vec<Finding>,
    broken: Vec<Vec<PathSegment>>,
    path: Vec<PathSegment>,
}

impl<'d> Reader<'d> {
    /// The document being read.
    pub fn document(&self) -> &'d Document {
        self.document
    }

    /// Record a problem with the part at the current path.
    pub fn fail(&mut self, node: NodeId, message: String) {
        let at = self.document.position(node);
        self.fail_at(at, message);
    }

    fn fail_at(&mut self, at: Position, message: String) {
        self.findings.push(Finding {
            at: Some(at),
            message,
        });
        self.broken.push(self.path.clone());
    }

    fn note(&mut self, at: Position, message: String) {
        self.findings.push(Finding {
            at: Some(at),
            message,
        });
    }

    /// Run `read` with `segment` added to the current path.
    pub fn within<T>(&mut self, segment: PathSegment, read: impl FnOnce(&mut Self) -> T) -> T {
        self.path.push(segment);
        let value = read(self);
        self.path.pop();
        value
    }

    /// The known keys of a mapping; reports unknown and duplicate keys, skips `x-` keys.
    pub fn fields(
        &mut self,
        node: NodeId,
        what: &str,
        known: &'static [&'static str],
    ) -> Option<Fields> {
        let document = self.document;
        let NodeKind::Mapping(pairs) = &document.node(node).kind else {
            self.fail(
                node,
                format!(
                    "{what} must be a mapping with keys {}, but is {}",
                    known.join(", "),
                    describe(document, node)
                ),
            );
            return None;
        };
        let mut found: Vec<(&'static str, NodeId)> = Vec::new();
        // Keys met so far: a map, so that a mapping of many keys is read in linear time.
        let mut seen: std::collections::HashMap<&str, Position> = std::collections::HashMap::new();
        for &(key_node, value) in pairs {
            let key_at = document.position(key_node);
            let Some(key) = document.scalar_text(key_node) else {
                self.note(
                    key_at,
                    format!(
                        "a key must be text, but this one is {}",
                        describe(document, key_node)
                    ),
                );
                continue;
            };
            if key.starts_with("x-") {
                continue;
            }
            if let Some(first) = seen.get(key) {
                self.note(
                    key_at,
                    format!("duplicate key `{key}` in {what} (first at {first})"),
                );
                continue;
            }
            seen.insert(key, key_at);
            match known.iter().find(|k| **k == key) {
                Some(name) => found.push((name, value)),
                None => self.note(key_at, unknown_key(key, what, known)),
            }
        }
        Some(Fields {
            at: document.position(node),
            found,
        })
    }

    /// The value of one key of a record: read when present, the default when missing (an
    /// error when the key is required) or broken.
    pub fn field<T: Read>(
        &mut self,
        fields: &Fields,
        key: &'static str,
        need: Need,
        what: &str,
    ) -> T {
        match fields.get(key) {
            None => {
                if need == Need::Required {
                    let at = fields.at;
                    self.within(PathSegment::Key(key), |r| {
                        r.fail_at(at, format!("missing required key `{key}` in {what}"));
                    });
                }
                T::default()
            }
            Some(node) => self
                .within(PathSegment::Key(key), |r| T::read(r, node, key))
                .unwrap_or_default(),
        }
    }

    /// A scalar's text (numbers and the like as written).
    pub fn as_text(&mut self, node: NodeId, label: &str) -> Option<String> {
        match self.document.scalar_text(node) {
            Some(text) => Some(text.to_string()),
            None => {
                let found = describe(self.document, node);
                self.fail(node, format!("`{label}` must be text, but is {found}"));
                None
            }
        }
    }

    /// Whether a node is an unquoted null (`~`, `null` or nothing).
    pub fn is_null(&self, node: NodeId) -> bool {
        matches!(&self.document.node(node).kind, NodeKind::Scalar { text, plain: true } if plain_value(text) == PlainScalar::Null)
    }

    fn is_empty_plain(&self, node: NodeId) -> bool {
        matches!(&self.document.node(node).kind, NodeKind::Scalar { text, plain: true } if text.is_empty())
    }

    /// The items of a list (an empty value reads as an empty list).
    pub fn list(&mut self, node: NodeId, key: &str) -> Option<Vec<NodeId>> {
        match &self.document.node(node).kind {
            NodeKind::Sequence(items) => Some(items.clone()),
            _ if self.is_empty_plain(node) => Some(Vec::new()),
            _ => {
                let found = describe(self.document, node);
                self.fail(node, format!("`{key}` must be a list, but is {found}"));
                None
            }
        }
    }

    /// A whole number of 0 or more that fits in 32 bits.
    pub fn count(&mut self, node: NodeId, label: &str) -> Option<u32> {
        let value = match &self.document.node(node).kind {
            NodeKind::Scalar { text, plain: true } => match plain_value(text) {
                PlainScalar::Int(v) => u32::try_from(v).ok(),
                _ => None,
            },
            _ => None,
        };
        if value.is_none() {
            let found = describe(self.document, node);
            self.fail(
                node,
                format!(
                    "`{label}` must be a whole number from 0 to {}, but is {found}",
                    u32::MAX
                ),
            );
        }
        value
    }

    /// A number, whole or not.
    pub fn number(&mut self, node: NodeId, key: &str) -> Option<f64> {
        let value = match &self.document.node(node).kind {
            NodeKind::Scalar { text, plain: true } => match plain_value(text) {
                PlainScalar::Int(v) => Some(v as f64),
                PlainScalar::Float(v) => Some(v),
                _ => None,
            },
            _ => None,
        };
        if value.is_none() {
            let found = describe(self.document, node);
            self.fail(node, format!("`{key}` must be a number, but is {found}"));
        }
        value
    }

    /// A target's `competency: level` pairs; the keys are the author's, so `x-` is not special.
    pub fn target_levels(&mut self, node: NodeId) -> OrderedMap {
        let document = self.document;
        let pairs = match &document.node(node).kind {
            NodeKind::Mapping(pairs) => pairs,
            _ if self.is_empty_plain(node) => return OrderedMap::default(),
            _ => {
                let found = describe(document, node);
                self.fail(
                    node,
                    format!("a target's `levels` must be a mapping of competency id to level id, but is {found}"),
                );
                return OrderedMap::default();
            }
        };
        let mut out = Vec::with_capacity(pairs.len());
        for (i, &(key, value)) in pairs.iter().enumerate() {
            // A broken entry keeps its place (as an empty pair) so later entries stay aligned.
            let mut entry_broken = false;
            let competency = match document.scalar_text(key) {
                Some(text) => text.to_string(),
                None => {
                    entry_broken = true;
                    let found = describe(document, key);
                    self.within(PathSegment::EntryKey(i), |r| {
                        r.fail(
                            key,
                            format!("a competency id must be text, but this one is {found}"),
                        );
                    });
                    String::new()
                }
            };
            let level = match document.scalar_text(value) {
                Some(text) => text.to_string(),
                None => {
                    entry_broken = true;
                    let found = describe(document, value);
                    self.within(PathSegment::EntryValue(i), |r| {
                        r.fail(value, format!("the target level of `{competency}` must be a level id, but is {found}"));
                    });
                    String::new()
                }
            };
            if entry_broken {
                for segment in [PathSegment::EntryKey(i), PathSegment::EntryValue(i)] {
                    let mut path = self.path.clone();
                    path.push(segment);
                    self.broken.push(path);
                }
            }
            out.push((competency, level));
        }
        OrderedMap(out)
    }
}

/// "unknown key `indicatrs` in a competency's level; did you mean `indicators`?"
fn unknown_key(key: &str, what: &str, known: &[&str]) -> String {
    match closest(key, known) {
        Some(suggestion) => format!("unknown key `{key}` in {what}; did you mean `{suggestion}`?"),
        None => format!(
            "unknown key `{key}` in {what}; the keys here are {} (start your own keys with `x-`)",
            known.join(", ")
        ),
    }
}

/// What a node is, for "must be X, but is Y" messages.
pub fn describe(document: &Document, node: NodeId) -> String {
    match &document.node(node).kind {
        NodeKind::Sequence(_) => "a list".into(),
        NodeKind::Mapping(_) => "a mapping".into(),
        NodeKind::Alias(_) => "an alias".into(),
        NodeKind::Scalar { text, plain } => {
            let shown = if text.chars().count() > 40 {
                format!("{}...", text.chars().take(40).collect::<String>())
            } else {
                text.clone()
            };
            if !*plain {
                return format!("the text {shown:?}");
            }
            match plain_value(text) {
                PlainScalar::Null => "empty".into(),
                PlainScalar::Bool(_) => format!("`{text}` (true/false)"),
                PlainScalar::Int(_) | PlainScalar::Float(_) => format!("the number {shown}"),
                PlainScalar::Text => format!("the text {shown:?}"),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::yaml_tree::parse;
    use super::*;

    fn shape_of(text: &str) -> Reading {
        read(&parse(text).expect("parses"))
    }

    /// The findings as `line:col: message`, in file order.
    fn messages(text: &str) -> Vec<String> {
        let mut findings = shape_of(text).findings;
        findings.sort_by_key(|f| f.at);
        findings
            .into_iter()
            .map(|f| match f.at {
                Some(at) => format!("{at}: {}", f.message),
                None => f.message,
            })
            .collect()
    }

    #[test]
    fn plain_scalars_resolve_like_yaml() {
        assert_eq!(plain_value(""), PlainScalar::Null);
        assert_eq!(plain_value("~"), PlainScalar::Null);
        assert_eq!(plain_value("True"), PlainScalar::Bool(true));
        assert_eq!(plain_value("3"), PlainScalar::Int(3));
        assert_eq!(plain_value("+3"), PlainScalar::Int(3));
        assert_eq!(plain_value("-1"), PlainScalar::Int(-1));
        assert_eq!(plain_value("0x1F"), PlainScalar::Int(31));
        assert_eq!(plain_value("0o17"), PlainScalar::Int(15));
        assert_eq!(plain_value("0.8"), PlainScalar::Float(0.8));
        assert_eq!(plain_value(".5"), PlainScalar::Float(0.5));
        assert_eq!(plain_value("1e3"), PlainScalar::Float(1000.0));
        assert_eq!(plain_value(".inf"), PlainScalar::Float(f64::INFINITY));
        assert_eq!(plain_value("03"), PlainScalar::Text);
        assert_eq!(plain_value("1_000"), PlainScalar::Text);
        assert_eq!(plain_value("yes"), PlainScalar::Text);
        assert_eq!(plain_value("inf"), PlainScalar::Text);
        assert_eq!(plain_value("e"), PlainScalar::Text);
        assert_eq!(plain_value("-"), PlainScalar::Text);
    }

    #[test]
    fn unknown_keys_get_a_suggestion() {
        let found = messages("id: a\nnmae: A\n");
        assert!(
            found.contains(
                &"2:1: unknown key `nmae` in a framework file; did you mean `name`?".to_string()
            ),
            "{found:?}"
        );
    }

    #[test]
    fn unknown_keys_without_a_near_one_list_the_keys() {
        let found = messages("id: a\ncolour: red\n");
        assert!(
            found
                .iter()
                .any(|m| m.starts_with("2:1: unknown key `colour`") && m.contains("x-")),
            "{found:?}"
        );
    }

    #[test]
    fn x_keys_are_skipped_everywhere() {
        let shape = shape_of("id: a\nname: A\nversion: 1\nx-owner: me\nlevels:\n  - {id: l, name: L, x-colour: red}\ncompetencies:\n  - id: c\n    name: C\n    x-notes: [1, 2]\n    levels:\n      - level: l\n        indicators: [{id: i, text: T, x-weight: 2}]\n");
        assert_eq!(shape.findings, vec![]);
        let framework = shape.framework.expect("framework");
        assert_eq!(framework.levels[0].id, "l");
    }

    #[test]
    fn missing_keys_are_reported_at_their_mapping() {
        let found =
            messages("id: a\nname: A\nlevels: []\ncompetencies:\n  - id: c\n    levels: []\n");
        assert_eq!(
            found,
            vec![
                "1:1: missing required key `version` in the framework",
                "5:5: missing required key `name` in a competency"
            ]
        );
    }

    #[test]
    fn duplicate_keys_name_the_first() {
        let found = messages("id: a\nname: A\nname: B\n");
        assert!(
            found.contains(
                &"3:1: duplicate key `name` in a framework file (first at 2:1)".to_string()
            ),
            "{found:?}"
        );
    }

    #[test]
    fn wrong_types_say_what_was_expected_and_found() {
        let found = messages("id: a\nname: A\nversion: 1\nthreshold: high\ndemonstrated_at: -1\nlevels: nope\ncompetencies: []\n");
        assert_eq!(
            found,
            vec![
                "4:12: `threshold` must be a number, but is the text \"high\"",
                "5:18: `demonstrated_at` must be a whole number from 0 to 4294967295, but is the number -1",
                "6:9: `levels` must be a list, but is the text \"nope\"",
            ]
        );
    }

    #[test]
    fn broken_items_keep_their_place() {
        let shape = shape_of("id: a\nname: A\nversion: 1\nlevels:\n  - oops\n  - {id: b, name: B}\ncompetencies: []\n");
        let framework = shape.framework.expect("framework");
        assert_eq!(framework.levels.len(), 2);
        assert_eq!(framework.levels[1].id, "b");
        assert_eq!(
            shape.broken,
            vec![vec![PathSegment::Key("levels"), PathSegment::Index(0)]]
        );
    }

    #[test]
    fn numbers_as_indicators_are_refused() {
        let found = messages("id: a\nname: A\nversion: 1\nlevels: []\ncompetencies:\n  - id: c\n    name: C\n    levels:\n      - level: l\n        indicators: [42, '42', Text]\n");
        assert_eq!(
            found,
            vec!["10:22: an indicator must be text, or a mapping with id and text, but this one is the number 42"]
        );
    }

    #[test]
    fn an_empty_document_is_empty() {
        assert_eq!(messages("# nothing\n"), vec![EMPTY_FILE.to_string()]);
        assert_eq!(messages("---\n~\n"), vec![EMPTY_FILE.to_string()]);
    }

    #[test]
    fn a_list_at_the_top_is_not_a_framework() {
        let found = messages("- a\n- b\n");
        assert_eq!(found.len(), 1);
        assert!(
            found[0].starts_with("1:1: a framework file must be a mapping"),
            "{found:?}"
        );
    }
}

#[cfg(test)]
mod resolution_agrees_with_the_typed_loader {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// The reader resolves unquoted scalars as YAML 1.2 (and serde_yaml) does.
        #[test]
        fn plain_scalars(text in "[-+.0-9a-fA-FxoeE_~]{1,7}|null|Null|true|False|\\.inf|-\\.Inf|\\.nan") {
            let Ok(value) = serde_yaml::from_str::<serde_yaml::Value>(&text) else {
                return Ok(());
            };
            let ours = plain_value(&text);
            match value {
                serde_yaml::Value::Null => prop_assert_eq!(ours, PlainScalar::Null),
                serde_yaml::Value::Bool(b) => prop_assert_eq!(ours, PlainScalar::Bool(b)),
                serde_yaml::Value::Number(n) => {
                    if let Some(i) = n.as_i64() {
                        prop_assert_eq!(ours, PlainScalar::Int(i128::from(i)));
                    } else if let Some(u) = n.as_u64() {
                        prop_assert_eq!(ours, PlainScalar::Int(i128::from(u)));
                    } else {
                        let f = n.as_f64().unwrap_or(f64::NAN);
                        match ours {
                            PlainScalar::Float(v) => prop_assert!(v == f || (v.is_nan() && f.is_nan())),
                            other => prop_assert!(false, "{text:?}: serde reads float {f}, we read {other:?}"),
                        }
                    }
                }
                serde_yaml::Value::String(_) => prop_assert_eq!(ours, PlainScalar::Text),
                _ => {}
            }
        }
    }
}

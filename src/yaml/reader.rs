//! Reading a file from a positioned YAML tree: every wrong type, unknown, duplicate or missing
//! key is found in one pass, with its place; keys starting with `x-` are skipped.
//!
//! A format declares its keys and types once (the framework's in
//! [`crate::framework::format`]); this is the machinery that reads them. Where a part is
//! broken it puts a placeholder (keeping list positions) and records the part's path, so the
//! semantic checks can still run on the rest without echoing the same fault.

use serde_json::{json, Map, Value};

use super::locate::{closest, PathSegment};
use super::scalar::{describe, plain_value, PlainScalar};
use super::tree::{Document, NodeId, NodeKind, Position};

/// A problem with the shape of the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// Where, when the problem has a place.
    pub at: Option<Position>,
    /// What is wrong and how to fix it.
    pub message: String,
}

/// Whether a key must be present.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Need {
    /// Missing is an error.
    Required,
    /// Missing means the default (none, or an empty list).
    Optional,
    /// Missing means an empty list or map, as with `Optional`; but an empty one says something
    /// (a level that asks nothing, a heading without items), so written files show it:
    /// `indicators: []`.
    OptionalShown,
}

/// A value of the file format: how it is read from a node, and its JSON Schema.
pub trait Read: Sized + Default {
    /// Read a value written in the file; `None` (after recording a finding) when the node is
    /// of the wrong kind.
    fn read(reader: &mut Reader<'_>, node: NodeId, key: &'static str) -> Option<Self>;
    /// The JSON Schema of the value.
    fn schema() -> Value;
    /// Add the schema definitions the value refers to.
    fn definitions(_definitions: &mut Map<String, Value>) {}
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

/// Reads the parts of a file from a positioned tree, recording every problem with its place
/// and the path of every broken part.
pub struct Reader<'d> {
    document: &'d Document,
    findings: Vec<Finding>,
    broken: Vec<Vec<PathSegment>>,
    path: Vec<PathSegment>,
}

impl<'d> Reader<'d> {
    /// A reader at the root of `document`, nothing found yet.
    pub fn new(document: &'d Document) -> Self {
        Reader {
            document,
            findings: Vec::new(),
            broken: Vec::new(),
            path: Vec::new(),
        }
    }

    /// Every problem found, and the paths of the broken parts.
    pub fn finish(self) -> (Vec<Finding>, Vec<Vec<PathSegment>>) {
        (self.findings, self.broken)
    }

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

    /// Mark the part at `segment` under the current path as broken, its problem already
    /// recorded, so the semantic checks do not repeat it.
    pub fn mark_broken(&mut self, segment: PathSegment) {
        let mut path = self.path.clone();
        path.push(segment);
        self.broken.push(path);
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

    /// Whether a node is an unquoted empty value.
    pub fn is_empty_plain(&self, node: NodeId) -> bool {
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

    /// `true` or `false`, unquoted.
    pub fn boolean(&mut self, node: NodeId, key: &str) -> Option<bool> {
        let value = match &self.document.node(node).kind {
            NodeKind::Scalar { text, plain: true } => match plain_value(text) {
                PlainScalar::Bool(v) => Some(v),
                _ => None,
            },
            _ => None,
        };
        if value.is_none() {
            let found = describe(self.document, node);
            self.fail(
                node,
                format!("`{key}` must be true or false, but is {found}"),
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

impl Read for String {
    fn read(reader: &mut Reader<'_>, node: NodeId, key: &'static str) -> Option<Self> {
        reader.as_text(node, key)
    }

    fn schema() -> Value {
        json!({ "type": "string" })
    }
}

impl Read for u32 {
    fn read(reader: &mut Reader<'_>, node: NodeId, key: &'static str) -> Option<Self> {
        reader.count(node, key)
    }

    fn schema() -> Value {
        json!({ "type": "integer", "minimum": 0, "maximum": u32::MAX })
    }
}

impl Read for f64 {
    fn read(reader: &mut Reader<'_>, node: NodeId, key: &'static str) -> Option<Self> {
        reader.number(node, key)
    }

    fn schema() -> Value {
        json!({ "type": "number" })
    }
}

impl Read for bool {
    fn read(reader: &mut Reader<'_>, node: NodeId, key: &'static str) -> Option<Self> {
        reader.boolean(node, key)
    }

    fn schema() -> Value {
        json!({ "type": "boolean" })
    }
}

impl<T: Read> Read for Option<T> {
    fn read(reader: &mut Reader<'_>, node: NodeId, key: &'static str) -> Option<Self> {
        if reader.is_null(node) {
            return Some(None);
        }
        T::read(reader, node, key).map(Some)
    }

    /// The value's schema with `null` allowed.
    fn schema() -> Value {
        let mut schema = T::schema();
        if let Some(Value::String(kind)) = schema.get("type").cloned() {
            schema["type"] = json!([kind, "null"]);
        }
        schema
    }

    fn definitions(definitions: &mut Map<String, Value>) {
        T::definitions(definitions);
    }
}

/// A list; an empty value reads as an empty list. Each item keeps its place, a broken one as
/// a placeholder, so positions stay aligned.
impl<T: Read> Read for Vec<T> {
    fn read(reader: &mut Reader<'_>, node: NodeId, key: &'static str) -> Option<Self> {
        let items = reader.list(node, key)?;
        Some(
            items
                .iter()
                .enumerate()
                .map(|(i, &item)| {
                    reader.within(PathSegment::Index(i), |r| {
                        T::read(r, item, key).unwrap_or_default()
                    })
                })
                .collect(),
        )
    }

    fn schema() -> Value {
        json!({ "type": "array", "items": T::schema() })
    }

    fn definitions(definitions: &mut Map<String, Value>) {
        T::definitions(definitions);
    }
}

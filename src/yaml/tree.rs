//! A YAML document parsed with the place of every node, so problems can be reported where they
//! are.
//!
//! Every framework file and answers file is read through it. Parsing is bounded: nesting deeper than
//! [`MAX_NESTING`] and aliases that would expand the document far beyond its own size are
//! refused as soon as they are seen, and aliases are kept as references, never copied.

use std::collections::HashMap;

use saphyr_parser::{Event, Parser, ScalarStyle, ScanError, Span};

/// Deepest nesting of mappings and sequences accepted (a framework needs about 8).
pub const MAX_NESTING: usize = 64;

/// Aliases may expand a document to at most this many times its own size...
pub const ALIAS_EXPANSION_FACTOR: u64 = 10;

/// ...or to this many bytes, whichever is larger.
pub const ALIAS_EXPANSION_FLOOR: u64 = 1024 * 1024;

/// A 1-based line and column (in characters) in the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default)]
pub struct Position {
    /// 1-based line.
    pub line: usize,
    /// 1-based column, counted in characters.
    pub column: usize,
}

impl Position {
    fn of(span: &Span) -> Position {
        Position {
            line: span.start.line(),
            column: span.start.col() + 1,
        }
    }
}

impl std::fmt::Display for Position {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}", self.line, self.column)
    }
}

/// Index of a node in its [`Document`].
pub type NodeId = usize;

/// What a node holds.
#[derive(Debug, Clone, PartialEq)]
pub enum NodeKind {
    /// A scalar's text; `plain` when it was written unquoted, so `~`, `true` or `3` are not text.
    Scalar {
        /// The scalar's value, escapes and folding applied.
        text: String,
        /// Written unquoted, not as a block scalar, and without a `!!str` tag.
        plain: bool,
    },
    /// A sequence's items, in order.
    Sequence(Vec<NodeId>),
    /// A mapping's (key, value) pairs, in file order, duplicates kept.
    Mapping(Vec<(NodeId, NodeId)>),
    /// An alias: the anchored node it stands for.
    Alias(NodeId),
}

/// A node and where it starts.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    /// Its contents.
    pub kind: NodeKind,
    /// Where it starts (an anchor or tag before it included).
    pub at: Position,
}

/// One parsed YAML document: nodes in an arena, aliases as references.
#[derive(Debug, Clone, Default)]
pub struct Document {
    nodes: Vec<Node>,
    root: Option<NodeId>,
}

/// Why a document could not be parsed: the first problem, where it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseError {
    /// Where, when the problem has a place.
    pub at: Option<Position>,
    /// What is wrong and how to fix it.
    pub message: String,
}

impl Document {
    /// The top node, or `None` for an empty document.
    pub fn root(&self) -> Option<NodeId> {
        self.root.map(|id| self.resolve(id))
    }

    /// The node with this id, aliases followed.
    pub fn node(&self, id: NodeId) -> &Node {
        &self.nodes[self.resolve(id)]
    }

    /// The id an alias stands for (or the id itself).
    pub fn resolve(&self, id: NodeId) -> NodeId {
        match self.nodes[id].kind {
            NodeKind::Alias(target) => target,
            _ => id,
        }
    }

    /// Where the node with this id is written (for an alias, where the alias is).
    pub fn position(&self, id: NodeId) -> Position {
        self.nodes[id].at
    }

    /// The value under `key` in a mapping node, and the key's node.
    pub fn entry(&self, mapping: NodeId, key: &str) -> Option<(NodeId, NodeId)> {
        match &self.node(mapping).kind {
            NodeKind::Mapping(pairs) => pairs
                .iter()
                .find(|(k, _)| self.scalar_text(*k) == Some(key))
                .copied(),
            _ => None,
        }
    }

    /// The (key, value) at `index` of a mapping node, in file order.
    pub fn entry_at(&self, mapping: NodeId, index: usize) -> Option<(NodeId, NodeId)> {
        match &self.node(mapping).kind {
            NodeKind::Mapping(pairs) => pairs.get(index).copied(),
            _ => None,
        }
    }

    /// The item at `index` of a sequence node.
    pub fn item(&self, sequence: NodeId, index: usize) -> Option<NodeId> {
        match &self.node(sequence).kind {
            NodeKind::Sequence(items) => items.get(index).copied(),
            _ => None,
        }
    }

    /// The text of a scalar node.
    pub fn scalar_text(&self, id: NodeId) -> Option<&str> {
        match &self.node(id).kind {
            NodeKind::Scalar { text, .. } => Some(text),
            _ => None,
        }
    }
}

/// An open collection while parsing.
struct Open {
    node: NodeId,
    /// Where it starts: a character index, and the position.
    index: usize,
    at: Position,
    anchor: usize,
    expanded: u64,
    children: Vec<NodeId>,
}

/// Parse one YAML document, keeping positions, within the nesting and alias limits.
pub fn parse(text: &str) -> Result<Document, ParseError> {
    // The scanner takes a NUL for the end of the text: what follows would be cut off, or a
    // quoted string said to be unfinished.
    if let Some(at) = text.find('\0') {
        let before = &text[..at];
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        return Err(ParseError {
            at: Some(Position {
                line: before.matches('\n').count() + 1,
                column: before[line_start..].chars().count() + 1,
            }),
            message: "a NUL character (U+0000) is here; a YAML file cannot hold one: remove it"
                .into(),
        });
    }
    let budget =
        ALIAS_EXPANSION_FLOOR.max((text.len() as u64).saturating_mul(ALIAS_EXPANSION_FACTOR));
    let mut document = Document::default();
    let mut open: Vec<Open> = Vec::new();
    // Anchor id -> (node, expanded size); present only once the anchored node is complete.
    let mut anchors: HashMap<usize, (NodeId, u64)> = HashMap::new();
    let mut expanded_total: u64 = 0;
    let mut documents = 0usize;

    for event in Parser::new_from_str(text) {
        let (event, span) = event.map_err(|e| syntax_error(text, &e, open.last()))?;
        let at = Position::of(&span);
        match event {
            Event::DocumentStart(_) => {
                documents += 1;
                if documents > 1 {
                    return Err(ParseError {
                        at: Some(at),
                        message: "a second YAML document starts here; the file must hold exactly one (remove the `---` line or split the file)".into(),
                    });
                }
            }
            Event::Scalar(value, style, anchor, tag) => {
                let tagged_str = tag
                    .as_ref()
                    .is_some_and(|t| t.is_yaml_core_schema() && t.suffix == "str");
                let plain = style == ScalarStyle::Plain && !tagged_str;
                let size = value.len() as u64 + 1;
                // The scanner gives every plain scalar room for 128 more bytes; kept as it
                // comes, a framework's tree would hold four times its text.
                let mut text = value.into_owned();
                text.shrink_to_fit();
                let id = push(&mut document, NodeKind::Scalar { text, plain }, at);
                if anchor != 0 {
                    anchors.insert(anchor, (id, size));
                }
                expanded_total = expanded_total.saturating_add(size);
                attach(&mut document, &mut open, id, size);
            }
            Event::Alias(anchor) => {
                let Some(&(target, size)) = anchors.get(&anchor) else {
                    return Err(ParseError {
                        at: Some(at),
                        message: "this alias refers to the node that contains it; an alias must refer to a complete node defined before it".into(),
                    });
                };
                expanded_total = expanded_total.saturating_add(size);
                if expanded_total > budget {
                    return Err(ParseError {
                        at: Some(at),
                        message: format!(
                            "YAML aliases expand the file beyond {budget} bytes here (the file is {} bytes); refusing it: aliases may expand a file to {ALIAS_EXPANSION_FACTOR} times its size or {} MiB, whichever is more",
                            text.len(),
                            ALIAS_EXPANSION_FLOOR / (1024 * 1024)
                        ),
                    });
                }
                let id = push(&mut document, NodeKind::Alias(target), at);
                attach(&mut document, &mut open, id, size);
            }
            Event::SequenceStart(anchor, _) | Event::MappingStart(anchor, _) => {
                if open.len() >= MAX_NESTING {
                    return Err(ParseError {
                        at: Some(at),
                        message: format!("nesting is deeper than {MAX_NESTING} levels; no rungs file needs that many"),
                    });
                }
                let kind = if matches!(event, Event::SequenceStart(..)) {
                    NodeKind::Sequence(Vec::new())
                } else {
                    NodeKind::Mapping(Vec::new())
                };
                let node = push(&mut document, kind, at);
                expanded_total = expanded_total.saturating_add(1);
                open.push(Open {
                    node,
                    index: span.start.index(),
                    at,
                    anchor,
                    expanded: 1,
                    children: Vec::new(),
                });
            }
            Event::SequenceEnd | Event::MappingEnd => {
                let Some(done) = open.pop() else { continue };
                let node = &mut document.nodes[done.node];
                match &mut node.kind {
                    NodeKind::Sequence(items) => *items = done.children,
                    NodeKind::Mapping(pairs) => {
                        *pairs = done
                            .children
                            .chunks(2)
                            .filter_map(|pair| match pair {
                                [k, v] => Some((*k, *v)),
                                _ => None,
                            })
                            .collect();
                    }
                    _ => {}
                }
                if done.anchor != 0 {
                    anchors.insert(done.anchor, (done.node, done.expanded));
                }
                attach(&mut document, &mut open, done.node, done.expanded);
            }
            Event::StreamEnd => break,
            Event::Nothing | Event::StreamStart | Event::DocumentEnd => {}
        }
    }
    Ok(document)
}

fn push(document: &mut Document, kind: NodeKind, at: Position) -> NodeId {
    document.nodes.push(Node { kind, at });
    document.nodes.len() - 1
}

fn attach(document: &mut Document, open: &mut [Open], id: NodeId, size: u64) {
    match open.last_mut() {
        Some(parent) => {
            parent.children.push(id);
            parent.expanded = parent.expanded.saturating_add(size);
        }
        None => document.root = Some(id),
    }
}

/// A parser error as a message an author can act on; tab indentation gets its own message, and
/// a bracket still open when the error came is pointed at.
fn syntax_error(text: &str, error: &ScanError, innermost: Option<&Open>) -> ParseError {
    let marker = error.marker();
    let at = Position {
        line: marker.line(),
        column: marker.col() + 1,
    };
    if let Some(tab) = tab_indentation_near(text, at.line) {
        return ParseError {
            at: Some(tab),
            message: "tab character in indentation; YAML indents with spaces only".into(),
        };
    }
    let info = error.info();
    let message = if info.contains("recursion limit exceeded") {
        format!("nesting is deeper than {MAX_NESTING} levels; no rungs file needs that many")
    } else if info.contains("unknown anchor") {
        "this alias names an anchor that is not defined before it (`&name` must come first)".into()
    } else {
        let mut message = format!("YAML syntax error: {info}");
        if let Some(open) = innermost {
            let bracket = text.chars().nth(open.index);
            if let Some(bracket @ ('[' | '{')) = bracket {
                message.push_str(&format!(" (is the `{bracket}` at {} closed?)", open.at));
            }
        }
        message
    };
    ParseError {
        at: Some(at),
        message,
    }
}

/// The tab in the leading white space of the last line at or just after `line` that has one.
fn tab_indentation_near(text: &str, line: usize) -> Option<Position> {
    text.lines()
        .take(line + 1)
        .enumerate()
        .filter_map(|(i, l)| {
            let indent = &l[..l.len() - l.trim_start_matches([' ', '\t']).len()];
            indent.find('\t').map(|col| Position {
                line: i + 1,
                column: col + 1,
            })
        })
        .last()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn error_of(text: &str) -> ParseError {
        parse(text).expect_err("should not parse")
    }

    #[test]
    fn positions_are_one_based_lines_and_columns() {
        let doc = parse("id: x\nlevels:\n  - id: a\n    name: A\n").expect("parses");
        let root = doc.root().expect("root");
        let (key, levels) = doc.entry(root, "levels").expect("levels");
        assert_eq!(doc.position(key), Position { line: 2, column: 1 });
        let first = doc.item(levels, 0).expect("item");
        let (_, name) = doc.entry(first, "name").expect("name");
        assert_eq!(
            doc.position(name),
            Position {
                line: 4,
                column: 11
            }
        );
        assert_eq!(doc.scalar_text(name), Some("A"));
    }

    #[test]
    fn empty_text_has_no_root() {
        assert_eq!(parse("# only a comment\n").expect("parses").root(), None);
    }

    #[test]
    fn aliases_resolve_to_their_anchor() {
        let doc = parse("a: &x [1, 2]\nb: *x\n").expect("parses");
        let root = doc.root().expect("root");
        let (_, a) = doc.entry(root, "a").expect("a");
        let (_, b) = doc.entry(root, "b").expect("b");
        assert_eq!(doc.resolve(b), a);
        assert_eq!(doc.position(b), Position { line: 2, column: 4 });
    }

    #[test]
    fn quoted_scalars_are_not_plain() {
        let doc = parse("a: '3'\nb: 3\nc: !!str 3\n").expect("parses");
        let root = doc.root().expect("root");
        let plain = |k: &str| match &doc.node(doc.entry(root, k).expect("key").1).kind {
            NodeKind::Scalar { plain, .. } => *plain,
            other => panic!("not a scalar: {other:?}"),
        };
        assert!(!plain("a"));
        assert!(plain("b"));
        assert!(!plain("c"));
    }

    #[test]
    fn a_syntax_error_has_a_position() {
        let e = error_of("a: [1, 2\nb: 3\n");
        assert!(e.message.starts_with("YAML syntax error"), "{}", e.message);
        assert!(e.at.is_some());
    }

    #[test]
    fn tab_indentation_is_named() {
        let e = error_of("a:\n\tb: 1\n");
        assert_eq!(e.at, Some(Position { line: 2, column: 1 }));
        assert!(e.message.contains("tab"), "{}", e.message);
    }

    #[test]
    fn deep_block_nesting_is_refused() {
        let text = "- ".repeat(10_000) + "x\n";
        let e = error_of(&text);
        assert!(
            e.message.contains("nesting is deeper than 64"),
            "{}",
            e.message
        );
    }

    #[test]
    fn deep_flow_nesting_is_refused() {
        let text = "[".repeat(10_000) + &"]".repeat(10_000);
        let e = error_of(&text);
        assert!(e.message.contains("nesting is deeper"), "{}", e.message);
    }

    #[test]
    fn billion_laughs_is_refused() {
        let mut text = String::from(
            "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n",
        );
        for (name, previous) in ["b", "c", "d", "e", "f", "g", "h", "i"]
            .iter()
            .zip(["a", "b", "c", "d", "e", "f", "g", "h"])
        {
            text.push_str(&format!(
                "{name}: &{name} [{}]\n",
                vec![format!("*{previous}"); 9].join(",")
            ));
        }
        let e = error_of(&text);
        assert!(e.message.contains("aliases expand"), "{}", e.message);
    }

    #[test]
    fn many_aliases_of_one_large_anchor_are_refused() {
        let big: Vec<String> = (0..2000)
            .map(|i| format!("\"item number {i} with some text\""))
            .collect();
        let text = format!(
            "a: &a [{}]\nb: [{}]\n",
            big.join(","),
            vec!["*a"; 300].join(",")
        );
        let e = error_of(&text);
        assert!(e.message.contains("aliases expand"), "{}", e.message);
    }

    #[test]
    fn modest_alias_use_is_fine() {
        let text = "shared: &g [\"Ask a colleague\", \"Read the guide\"]\none: *g\ntwo: *g\n";
        assert!(parse(text).is_ok());
    }

    #[test]
    fn a_recursive_alias_is_refused() {
        let e = error_of("a: &x [1, *x]\n");
        assert!(e.message.contains("contains it"), "{}", e.message);
    }

    #[test]
    fn an_undefined_alias_is_named() {
        let e = error_of("a: *nowhere\n");
        assert!(e.message.contains("not defined"), "{}", e.message);
    }

    #[test]
    fn a_second_document_is_refused() {
        let e = error_of("a: 1\n---\nb: 2\n");
        assert_eq!(e.at, Some(Position { line: 2, column: 1 }));
    }
}

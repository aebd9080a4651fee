//! Reading a framework file's shape from its positioned YAML tree, by the declaration in
//! [`super::format`] and the machinery of [`crate::yaml::reader`]: every wrong type, unknown,
//! duplicate or missing key found in one pass, each with its place.

use super::format::RawFramework;
use crate::yaml::locate::PathSegment;
use crate::yaml::reader::{Finding, Read, Reader};
use crate::yaml::scalar::{plain_value, PlainScalar};
use crate::yaml::tree::{Document, NodeKind};

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
    let empty = || Reading {
        framework: None,
        findings: vec![Finding {
            at: None,
            message: EMPTY_FILE.into(),
        }],
        broken: Vec::new(),
    };
    let Some(root) = document.root() else {
        return empty();
    };
    if let NodeKind::Scalar { text, plain: true } = &document.node(root).kind {
        if plain_value(text) == PlainScalar::Null {
            return empty();
        }
    }
    let mut reader = Reader::new(document);
    let framework = RawFramework::read(&mut reader, root, "");
    let (findings, broken) = reader.finish();
    Reading {
        framework,
        findings,
        broken,
    }
}

/// The message for a file with nothing in it.
pub const EMPTY_FILE: &str =
    "file is empty; a framework needs id, name, version, levels and competencies";

#[cfg(test)]
mod tests {
    use super::*;
    use crate::yaml::tree::parse;

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

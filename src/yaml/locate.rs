//! Finding where a problem is: paths from the document root, their line and column, and the
//! closest known key to suggest for a typo.

use super::tree::{Document, Position};

/// A step on the way from the document root to a node.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PathSegment {
    /// The value under a key of the format.
    Key(&'static str),
    /// A sequence item.
    Index(usize),
    /// The key of a mapping's entry by position (keys chosen by the author, e.g. a target's
    /// competency ids).
    EntryKey(usize),
    /// The value of a mapping's entry by position.
    EntryValue(usize),
}

/// `competencies[2].levels[0].level`
pub fn render_path(path: &[PathSegment]) -> String {
    let mut out = String::new();
    for segment in path {
        match segment {
            PathSegment::Index(i) => out.push_str(&format!("[{i}]")),
            PathSegment::Key(k) => push_key(&mut out, k),
            PathSegment::EntryKey(i) => out.push_str(&format!("[key {}]", i + 1)),
            PathSegment::EntryValue(i) => out.push_str(&format!("[entry {}]", i + 1)),
        }
    }
    out
}

fn push_key(out: &mut String, key: &str) {
    if !out.is_empty() {
        out.push('.');
    }
    out.push_str(key);
}

/// Whether `path` is `prefix` or lies inside it.
pub fn is_within(path: &[PathSegment], prefix: &[PathSegment]) -> bool {
    path.len() >= prefix.len() && path[..prefix.len()] == *prefix
}

/// Where the node at `path` is written. When the path leads somewhere the file does not spell
/// out (a default), the deepest node on the way that exists; `None` for an empty document.
pub fn locate(document: &Document, path: &[PathSegment]) -> Option<Position> {
    let mut node = document.root()?;
    let mut at = document.position(node);
    for segment in path {
        let next = match segment {
            PathSegment::Key(key) => document.entry(node, key).map(|(_, value)| value),
            PathSegment::EntryKey(i) => document.entry_at(node, *i).map(|(key, _)| key),
            PathSegment::EntryValue(i) => document.entry_at(node, *i).map(|(_, value)| value),
            PathSegment::Index(i) => document.item(node, *i),
        };
        let Some(next) = next else { break };
        at = document.position(next);
        node = next;
    }
    Some(at)
}

/// The number of single-character edits (insert, delete, replace, swap of neighbours) that
/// turn `a` into `b`.
pub fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    // Three rows are enough for the swap rule (optimal string alignment).
    let mut before_previous: Vec<usize> = vec![0; b.len() + 1];
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    let mut current: Vec<usize> = vec![0; b.len() + 1];
    for i in 1..=a.len() {
        current[0] = i;
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut best = (previous[j] + 1)
                .min(current[j - 1] + 1)
                .min(previous[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(before_previous[j - 2] + 1);
            }
            current[j] = best;
        }
        std::mem::swap(&mut before_previous, &mut previous);
        std::mem::swap(&mut previous, &mut current);
    }
    previous[b.len()]
}

/// The known key closest to a mistyped one, if it is close enough to be what was meant: at most
/// one edit for short keys, a third of the length for longer ones. Case is ignored.
pub fn closest<'a>(typed: &str, known: &[&'a str]) -> Option<&'a str> {
    let typed_lower = typed.to_lowercase();
    let allowed = (typed.chars().count() / 3).max(1);
    known
        .iter()
        .map(|k| (edit_distance(&typed_lower, k), *k))
        .filter(|(d, _)| *d <= allowed)
        .min_by_key(|(d, _)| *d)
        .map(|(_, k)| k)
}

#[cfg(test)]
mod tests {
    use super::super::tree::parse;
    use super::*;
    use PathSegment::*;

    #[test]
    fn edit_distance_counts_edits() {
        assert_eq!(edit_distance("indicators", "indicators"), 0);
        assert_eq!(edit_distance("indicatrs", "indicators"), 1);
        assert_eq!(edit_distance("nmae", "name"), 1);
        assert_eq!(edit_distance("levle", "level"), 1);
        assert_eq!(edit_distance("", "id"), 2);
        assert_eq!(edit_distance("kitten", "sitting"), 3);
    }

    #[test]
    fn closest_suggests_only_near_keys() {
        let known = ["id", "name", "description", "levels", "indicators"];
        assert_eq!(closest("indicatrs", &known), Some("indicators"));
        assert_eq!(closest("Name", &known), Some("name"));
        assert_eq!(closest("descripton", &known), Some("description"));
        assert_eq!(closest("level", &known), Some("levels"));
        assert_eq!(closest("colour", &known), None);
        assert_eq!(closest("x", &known), None);
    }

    #[test]
    fn closest_prefers_the_nearest() {
        assert_eq!(closest("titel", &["title", "text"]), Some("title"));
    }

    const TEXT: &str = "\
id: demo
levels:
  - id: one
    name: One
competencies:
  - id: c
    levels:
      - level: one
        indicators:
          - First
          - id: i2
            text: Second
targets:
  - id: t
    levels: { c: two }
";

    #[test]
    fn locate_follows_keys_and_indices() {
        let doc = parse(TEXT).expect("parses");
        let path = [
            Key("competencies"),
            Index(0),
            Key("levels"),
            Index(0),
            Key("indicators"),
            Index(1),
            Key("text"),
        ];
        assert_eq!(
            locate(&doc, &path),
            Some(Position {
                line: 12,
                column: 19
            })
        );
        assert_eq!(
            locate(&doc, &[Key("levels"), Index(0), Key("id")]),
            Some(Position { line: 3, column: 9 })
        );
    }

    #[test]
    fn locate_finds_author_keys_and_their_values() {
        let doc = parse(TEXT).expect("parses");
        let base = [Key("targets"), Index(0), Key("levels")];
        let key = [&base[..], &[EntryKey(0)]].concat();
        let value = [&base[..], &[EntryValue(0)]].concat();
        assert_eq!(
            locate(&doc, &key),
            Some(Position {
                line: 15,
                column: 15
            })
        );
        assert_eq!(
            locate(&doc, &value),
            Some(Position {
                line: 15,
                column: 18
            })
        );
    }

    #[test]
    fn locate_stops_at_the_deepest_existing_node() {
        let doc = parse(TEXT).expect("parses");
        assert_eq!(
            locate(&doc, &[Key("levels"), Index(0), Key("description")]),
            Some(Position { line: 3, column: 5 })
        );
        assert_eq!(
            locate(&doc, &[Key("threshold")]),
            Some(Position { line: 1, column: 1 })
        );
    }

    #[test]
    fn paths_render_readably() {
        let path = [
            Key("competencies"),
            Index(2),
            Key("levels"),
            Index(0),
            Key("level"),
        ];
        assert_eq!(render_path(&path), "competencies[2].levels[0].level");
        assert!(is_within(&path, &path[..2]));
        assert!(!is_within(&path[..2], &path));
    }
}

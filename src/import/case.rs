//! `rungs import case`: a 1EdTech CASE 1.0/1.1 package (CFPackage JSON) as a framework.
//!
//! The mapping (also in docs/IMPORT.md):
//! - the CFDocument is the framework: `title` its name, `version` its version, `description`
//!   its description, `creator`, `officialSourceURL` (or `uri`) and `licenseURI` its source;
//! - the tree is read from the `isChildOf` associations (origin = child, destination =
//!   parent), children in `sequenceNumber` order; an item with no parent hangs from the
//!   document;
//! - every CFItem without children is an indicator, `fullStatement` its text; its id is its
//!   `humanCodingScheme` when it has one (and no other indicator has it), else its identifier;
//! - an indicator's parent item is its competency (name: `abbreviatedStatement`, else
//!   `fullStatement`; description: `fullStatement` when there is an abbreviated one); leaves
//!   directly under the document make one competency named after the document;
//! - the item above a competency, when there is one, is the competency's group; in a deeper
//!   tree (domains, clusters) the group is named by its path from the top (`Reading › Key
//!   ideas`), so every intermediate item is kept;
//! - an item's `humanCodingScheme` is kept as the `code` of its competency, group or indicator
//!   where the id is not that code already;
//! - a CFItem's `notes` ("For example, ...") are its indicator's examples, one a line;
//! - an `isChildOf` cycle is refused, naming its items; an association the tree cannot use (no
//!   `originNodeURI`, a child that is not an item of the package, a parent that is neither the
//!   document nor an item, an item's second parent) is counted in a warning naming the first
//!   few, never dropped without a word;
//! - levels: by default from `educationLevel` (or `educationalLevel`, as some publishers spell
//!   it: the lowest grade an item lists; an item without one takes its nearest ancestor's, else
//!   the lowest level), in the order of the CEDS grade codes; `--levels-from item-type` makes the leaves' `CFItemType` values the levels, in order
//!   of first appearance; without either, one level, "Standard".

use std::collections::{HashMap, HashSet};

use serde_json::Value;

use super::{Imported, Options};
use crate::framework::format::*;
use crate::framework::sheet::slug;
use crate::framework::{Diagnostic, LoadError};
use crate::words::plural;

/// Where the levels of an imported CASE package come from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum LevelsFrom {
    /// The items' `educationLevel` when the package gives any, else one level.
    #[default]
    EducationLevel,
    /// The leaves' `CFItemType`, in order of first appearance.
    ItemType,
    /// One level for every indicator.
    One,
}

/// The CEDS grade level codes CASE uses, lowest first, with their names.
const GRADES: &[(&str, &str)] = &[
    ("IT", "Infant/toddler"),
    ("PR", "Preschool"),
    ("PK", "Prekindergarten"),
    ("TK", "Transitional kindergarten"),
    ("KG", "Kindergarten"),
    ("01", "Grade 1"),
    ("02", "Grade 2"),
    ("03", "Grade 3"),
    ("04", "Grade 4"),
    ("05", "Grade 5"),
    ("06", "Grade 6"),
    ("07", "Grade 7"),
    ("08", "Grade 8"),
    ("09", "Grade 9"),
    ("10", "Grade 10"),
    ("11", "Grade 11"),
    ("12", "Grade 12"),
    ("13", "Grade 13"),
    ("AS", "Associate's degree"),
    ("BA", "Bachelor's degree"),
    ("PB", "Post-baccalaureate"),
    ("MD", "Master's degree"),
    ("PM", "Post-master's"),
    ("DO", "Doctoral"),
    ("PD", "Post-doctoral"),
    ("AE", "Adult education"),
    ("PT", "Professional or technical"),
    ("OT", "Other"),
];

/// One CFItem, as much of it as the import reads.
struct Item {
    identifier: String,
    full: String,
    abbreviated: Option<String>,
    code: Option<String>,
    kind: Option<String>,
    education: Vec<String>,
    /// The item's `notes`, one example a line.
    notes: Vec<String>,
}

impl Item {
    fn name(&self) -> &str {
        self.abbreviated.as_deref().unwrap_or(&self.full)
    }
}

/// Read a CASE package; `file` names it in messages. The phases: the JSON (`parse`), the
/// items (`read_items`), the tree (`read_tree`, `check_tree`), the levels
/// (`plan_levels`), the competencies and groups (`gather`), the framework (`framework`).
pub fn import(
    file: &str,
    bytes: &[u8],
    options: &Options,
    levels_from: LevelsFrom,
) -> Result<Imported, LoadError> {
    let fail = |diagnostics: Vec<Diagnostic>| LoadError { diagnostics };
    let root = parse(file, bytes)?;
    let package = root.get("CFPackage").unwrap_or(&root);
    let Some(document) = package.get("CFDocument").filter(|d| d.is_object()) else {
        return Err(fail(vec![Diagnostic::file_error(
            file,
            "not a CASE package: there is no CFDocument (a CFPackage has CFDocument, CFItems and CFAssociations)",
        )]));
    };
    let document_id = text(document, "identifier").unwrap_or_default();
    let title = text(document, "title").unwrap_or_else(|| "Imported CASE framework".into());

    let mut errors = Vec::new();
    let mut warnings = Vec::new();
    let (items, index) = read_items(file, package, &mut errors);
    if items.is_empty() && errors.is_empty() {
        errors.push(Diagnostic::file_error(
            file,
            "the CASE package has no CFItems: there is nothing to rate",
        ));
    }

    let tree = read_tree(file, package, &items, &index, &document_id, &mut warnings);
    check_tree(file, &items, &tree, &mut errors);
    let Tree {
        leaves,
        parent: tree_parent,
        ..
    } = tree;
    for &(leaf, _) in &leaves {
        if items[leaf].full.is_empty() {
            errors.push(Diagnostic::file_error(
                file,
                format!(
                    "item {:?} has no fullStatement: an indicator needs a text to rate",
                    items[leaf].identifier
                ),
            ));
        }
    }
    if !errors.is_empty() {
        errors.extend(warnings.into_iter().map(Diagnostic::warning));
        return Err(fail(errors));
    }

    let (levels, leaf_level) = plan_levels(&items, &leaves, levels_from);
    let (competencies, groups) = gather(
        &items,
        &tree_parent,
        &leaves,
        &leaf_level,
        levels.len(),
        &title,
    );
    let framework = framework(document, options, title, &levels, groups, competencies);
    let mut about = format!("CASE document {:?}", document_id);
    if let Some(uri) = text(document, "uri") {
        about.push_str(&format!(" ({uri})"));
    }
    Ok(Imported {
        framework,
        warnings,
        about: Some(about),
    })
}

/// The package's JSON (after a UTF-8 byte order mark, if any); not JSON is an error at its
/// line and column.
fn parse(file: &str, bytes: &[u8]) -> Result<Value, LoadError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    serde_json::from_slice(bytes).map_err(|e| {
        let message = e.to_string();
        let message = match message.rfind(" at line ") {
            Some(i) => message[..i].to_string(),
            None => message,
        };
        LoadError {
            diagnostics: vec![Diagnostic::at(
                file,
                e.line(),
                e.column().max(1),
                format!("not a CASE package: the file is not valid JSON ({message})"),
            )],
        }
    })
}

/// A competency as the leaves give it: one list of indicators a level.
struct Competency {
    id: String,
    name: String,
    code: Option<String>,
    description: Option<String>,
    group: Option<String>,
    levels: Vec<Vec<RawIndicatorObject>>,
}

/// The competencies (the leaves' parents) with their indicators at the leaves' levels, and the
/// groups (the items above them), each in order of first appearance.
fn gather(
    items: &[Item],
    parent: &[Option<usize>],
    leaves: &[(usize, Above)],
    leaf_level: &[usize],
    level_count: usize,
    title: &str,
) -> (Vec<Competency>, Vec<RawGroup>) {
    let mut competencies: Vec<Competency> = Vec::new();
    let mut competency_of: HashMap<Option<usize>, usize> = HashMap::new();
    let mut groups: Vec<RawGroup> = Vec::new();
    let mut group_of: HashMap<usize, String> = HashMap::new();
    let mut competency_ids: HashSet<String> = HashSet::new();
    let mut indicator_ids: HashSet<String> = HashSet::new();
    let codes: HashMap<&str, usize> = {
        let mut count: HashMap<&str, usize> = HashMap::new();
        for (leaf, _) in leaves {
            if let Some(code) = items[*leaf].code.as_deref() {
                *count.entry(code).or_default() += 1;
            }
        }
        count
    };
    for (n, (leaf, above)) in leaves.iter().enumerate() {
        let owner = above.parent;
        let ci = match competency_of.get(&owner) {
            Some(&ci) => ci,
            None => {
                let (base, name, description, code) = match owner {
                    Some(p) => {
                        let item = &items[p];
                        let description = item.abbreviated.as_ref().map(|_| item.full.clone());
                        (
                            item.code.clone().unwrap_or_else(|| item.name().to_string()),
                            item.name().to_string(),
                            description,
                            item.code.clone(),
                        )
                    }
                    None => (title.to_string(), title.to_string(), None, None),
                };
                let id = unique_slug(&base, "competency", &competency_ids);
                competency_ids.insert(id.clone());
                let group = above
                    .group
                    .map(|g| group_id(items, parent, g, &mut groups, &mut group_of));
                competencies.push(Competency {
                    code: code.filter(|code| *code != id),
                    id,
                    name,
                    description,
                    group,
                    levels: (0..level_count).map(|_| Vec::new()).collect(),
                });
                competency_of.insert(owner, competencies.len() - 1);
                competencies.len() - 1
            }
        };
        let item = &items[*leaf];
        let id = match item.code.as_deref() {
            Some(code) if codes.get(code) == Some(&1) && !indicator_ids.contains(code) => {
                code.to_string()
            }
            _ => item.identifier.clone(),
        };
        indicator_ids.insert(id.clone());
        competencies[ci].levels[leaf_level[n]].push(RawIndicatorObject {
            code: item.code.clone().filter(|code| *code != id),
            id,
            text: item.full.clone(),
            examples: item.notes.clone(),
            ..Default::default()
        });
    }
    (competencies, groups)
}

/// The id of the group item `g` makes, the group added at its first competency. Below the top
/// of the tree (a cluster in a domain), the group is named by the items above it too, `Reading ›
/// Key ideas`, so no item of the tree is left out.
fn group_id(
    items: &[Item],
    parent: &[Option<usize>],
    g: usize,
    groups: &mut Vec<RawGroup>,
    group_of: &mut HashMap<usize, String>,
) -> String {
    if let Some(id) = group_of.get(&g) {
        return id.clone();
    }
    let item = &items[g];
    let taken = groups.iter().map(|g| g.id.clone()).collect();
    let id = unique_slug(item.code.as_deref().unwrap_or(item.name()), "group", &taken);
    // The path from the top; the tree has no cycle here (a cycle is refused before), and the
    // walk is bounded by the number of items all the same.
    let mut path = vec![item.name()];
    let mut up = parent[g];
    while let Some(p) = up.filter(|_| path.len() <= items.len()) {
        path.push(items[p].name());
        up = parent[p];
    }
    path.reverse();
    groups.push(RawGroup {
        code: item.code.clone().filter(|code| *code != id),
        id: id.clone(),
        name: path.join(" › "),
        description: item.abbreviated.as_ref().map(|_| item.full.clone()),
        ..Default::default()
    });
    group_of.insert(g, id.clone());
    id
}

/// The framework the document, the levels and the competencies make.
fn framework(
    document: &Value,
    options: &Options,
    title: String,
    levels: &[(String, String)],
    groups: Vec<RawGroup>,
    competencies: Vec<Competency>,
) -> RawFramework {
    let source = [
        text(document, "creator"),
        Some(title.clone()),
        text(document, "officialSourceURL").or_else(|| text(document, "uri")),
        text(document, "licenseURI").map(|l| format!("licence: {l}")),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(", ");
    let framework_id = options.id.clone().unwrap_or_else(|| {
        let id = slug(&title);
        if id.is_empty() {
            "imported".into()
        } else {
            id
        }
    });
    RawFramework {
        id: framework_id,
        name: options.name.clone().unwrap_or(title),
        version: Version(
            options
                .version
                .clone()
                .or_else(|| text(document, "version"))
                .unwrap_or_else(|| "1.0".into()),
        ),
        description: text(document, "description"),
        source: Some(source),
        levels: levels
            .iter()
            .map(|(id, name)| RawLevel {
                id: id.clone(),
                name: name.clone(),
                ..RawLevel::default()
            })
            .collect(),
        groups,
        competencies: competencies
            .into_iter()
            .map(|c| RawCompetency {
                id: c.id,
                name: c.name,
                code: c.code,
                description: c.description,
                group: c.group,
                levels: c
                    .levels
                    .into_iter()
                    .enumerate()
                    .filter(|(_, indicators)| !indicators.is_empty())
                    .map(|(l, indicators)| RawCompetencyLevel {
                        level: levels[l].0.clone(),
                        indicators: indicators.into_iter().map(RawIndicator::Full).collect(),
                        ..Default::default()
                    })
                    .collect(),
                ..Default::default()
            })
            .collect(),
        ..Default::default()
    }
}

/// What importing a leaf needs of the items above it: its parent (the competency), the item
/// above that (the group) and the nearest item, the leaf included, that names education levels.
#[derive(Debug, Clone, Copy, Default)]
struct Above {
    parent: Option<usize>,
    group: Option<usize>,
    education: Option<usize>,
}

/// The tree the `isChildOf` associations make.
struct Tree {
    /// Each item's parent item, if any.
    parent: Vec<Option<usize>>,
    /// Every leaf reached from the document, with what is above it, in order.
    leaves: Vec<(usize, Above)>,
    /// Every item reached from the document.
    seen: HashSet<usize>,
}

/// The second phase: each item's parent (the first isChildOf that names it), children in
/// `sequenceNumber` order, and the leaves reached from the document, depth first.
fn read_tree(
    file: &str,
    package: &Value,
    items: &[Item],
    index: &HashMap<String, usize>,
    document_id: &str,
    warnings: &mut Vec<Diagnostic>,
) -> Tree {
    let empty = Vec::new();
    let mut parent: Vec<Option<usize>> = vec![None; items.len()];
    let mut has_parent = vec![false; items.len()];
    let mut children: Vec<Vec<(f64, usize, usize)>> = vec![Vec::new(); items.len()];
    let mut top: Vec<(f64, usize, usize)> = Vec::new();
    let associations = package
        .get("CFAssociations")
        .and_then(Value::as_array)
        .unwrap_or(&empty);
    // Associations the tree cannot use, by what is wrong with them: each said in one warning.
    let mut no_end: Vec<String> = Vec::new();
    let mut not_an_item: Vec<String> = Vec::new();
    let mut no_parent: Vec<String> = Vec::new();
    let mut second_parent: Vec<String> = Vec::new();
    for (n, a) in associations.iter().enumerate() {
        if a.get("associationType").and_then(Value::as_str) != Some("isChildOf") {
            continue;
        }
        let end = |key: &str| a.get(key).and_then(|node| text(node, "identifier"));
        let (child, to) = (end("originNodeURI"), end("destinationNodeURI"));
        let (Some(child), Some(to)) = (child.clone(), to.clone()) else {
            let missing = match (child, to) {
                (None, None) => "originNodeURI, destinationNodeURI",
                (None, _) => "originNodeURI",
                _ => "destinationNodeURI",
            };
            no_end.push(format!("CFAssociations[{n}] (no {missing})"));
            continue;
        };
        let Some(&c) = index.get(&child) else {
            not_an_item.push(format!("CFAssociations[{n}] ({child:?})"));
            continue;
        };
        if has_parent[c] {
            second_parent.push(format!("CFAssociations[{n}] ({child:?} in {to:?})"));
            continue;
        }
        let order = a
            .get("sequenceNumber")
            .and_then(Value::as_f64)
            .unwrap_or(f64::MAX);
        if to == document_id {
            has_parent[c] = true;
            top.push((order, c, n));
        } else if let Some(&p) = index.get(&to) {
            has_parent[c] = true;
            parent[c] = Some(p);
            children[p].push((order, c, n));
        } else {
            no_parent.push(format!("CFAssociations[{n}] ({child:?} in {to:?})"));
        }
    }
    for (list, what) in [
        (
            no_end,
            "without an item at one end, not read (the items they would place hang from the document, unless another association places them)",
        ),
        (
            not_an_item,
            "whose child is not an item of the package, not read",
        ),
        (
            no_parent,
            "whose parent is neither the document nor an item of the package; their children are read as top-level items",
        ),
        (
            second_parent,
            "giving an item a second parent, not read: an item has one place in a framework, under the parent its first isChildOf names",
        ),
    ] {
        if let Some(message) = unread(&list, what) {
            warnings.push(Diagnostic::file_error(file, message).warning());
        }
    }
    for (i, &had) in has_parent.iter().enumerate() {
        if !had {
            top.push((f64::MAX, i, usize::MAX));
        }
    }
    let by_order = |list: &mut Vec<(f64, usize, usize)>| {
        list.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.2.cmp(&b.2)).then(a.1.cmp(&b.1)));
    };
    by_order(&mut top);
    for list in &mut children {
        by_order(list);
    }

    // Walk the tree depth first: every leaf with what the import needs of the items above it
    // (never the whole path, so a deep chain is walked in linear time and memory).
    let mut leaves: Vec<(usize, Above)> = Vec::new();
    let mut seen: HashSet<usize> = HashSet::new();
    let mut stack: Vec<(usize, Above)> = top
        .iter()
        .rev()
        .map(|&(_, i, _)| (i, Above::default()))
        .collect();
    while let Some((i, above)) = stack.pop() {
        if !seen.insert(i) {
            continue;
        }
        let education = if items[i].education.is_empty() {
            above.education
        } else {
            Some(i)
        };
        if children[i].is_empty() {
            leaves.push((i, Above { education, ..above }));
            continue;
        }
        let below = Above {
            parent: Some(i),
            group: above.parent,
            education,
        };
        for &(_, c, _) in children[i].iter().rev() {
            stack.push((c, below));
        }
    }
    Tree {
        parent,
        leaves,
        seen,
    }
}

/// The warning for the associations `list` names (each `CFAssociations[n] (...)`): how many
/// there are, `what` is wrong with them, and the first few; `None` when there are none.
fn unread(list: &[String], what: &str) -> Option<String> {
    const SHOWN: usize = 5;
    if list.is_empty() {
        return None;
    }
    let more = if list.len() > SHOWN {
        format!(" and {} more", list.len() - SHOWN)
    } else {
        String::new()
    };
    Some(format!(
        "{} {what}: {}{more}",
        plural(
            list.len(),
            "isChildOf association",
            "isChildOf associations"
        ),
        list[..list.len().min(SHOWN)].join(", ")
    ))
}

/// An `isChildOf` cycle is an error naming its items.
fn check_tree(file: &str, items: &[Item], tree: &Tree, errors: &mut Vec<Diagnostic>) {
    let Tree { parent, seen, .. } = tree;
    for cycle in cycles(parent, seen) {
        let names: Vec<String> = cycle
            .iter()
            .chain(cycle.first())
            .map(|&i| format!("{:?}", items[i].identifier))
            .collect();
        errors.push(Diagnostic::file_error(
            file,
            format!(
                "the isChildOf associations make a cycle: {}; an item cannot be its own ancestor",
                names.join(" is a child of ")
            ),
        ));
    }
}

/// The third phase: the levels, lowest first as (id, name), and the level of each leaf.
fn plan_levels(
    items: &[Item],
    leaves: &[(usize, Above)],
    levels_from: LevelsFrom,
) -> (Vec<(String, String)>, Vec<usize>) {
    let education_of = |above: &Above| above.education.map(|i| &items[i].education);
    let any_education = leaves
        .iter()
        .any(|(_, above)| education_of(above).is_some());
    let mode = match levels_from {
        LevelsFrom::EducationLevel if !any_education => LevelsFrom::One,
        other => other,
    };
    // (id, name) of each level, lowest first, and the level of each leaf.
    let mut levels: Vec<(String, String)> = Vec::new();
    let mut leaf_level: Vec<usize> = Vec::with_capacity(leaves.len());
    match mode {
        LevelsFrom::One => {
            levels.push(("standard".into(), "Standard".into()));
            leaf_level.resize(leaves.len(), 0);
        }
        LevelsFrom::ItemType => {
            for (leaf, _) in leaves {
                let kind = items[*leaf].kind.as_deref().unwrap_or("Item");
                let id = unique_slug(kind, "level", &levels.iter().map(|l| l.0.clone()).collect());
                let found = levels.iter().position(|(_, name)| name == kind);
                leaf_level.push(found.unwrap_or_else(|| {
                    levels.push((id, kind.to_string()));
                    levels.len() - 1
                }));
            }
        }
        LevelsFrom::EducationLevel => {
            // Every code any leaf names, ordered by the CEDS list, unknown codes after it.
            let rank = |code: &str| {
                GRADES
                    .iter()
                    .position(|(c, _)| c.eq_ignore_ascii_case(code))
                    .unwrap_or(GRADES.len())
            };
            let mut codes: Vec<String> = Vec::new();
            let lowest: Vec<Option<String>> = leaves
                .iter()
                .map(|(_, above)| {
                    education_of(above).and_then(|list| {
                        list.iter()
                            .enumerate()
                            .min_by_key(|(n, c)| (rank(c), *n))
                            .map(|(_, c)| c.clone())
                    })
                })
                .collect();
            for code in lowest.iter().flatten() {
                if !codes.contains(code) {
                    codes.push(code.clone());
                }
            }
            codes.sort_by_key(|c| rank(c));
            for code in &codes {
                let name = GRADES
                    .iter()
                    .find(|(c, _)| c.eq_ignore_ascii_case(code))
                    .map_or_else(|| code.clone(), |(_, name)| name.to_string());
                let id = unique_slug(
                    &name,
                    "level",
                    &levels.iter().map(|l| l.0.clone()).collect(),
                );
                levels.push((id, name));
            }
            for code in &lowest {
                leaf_level.push(
                    code.as_ref()
                        .and_then(|c| codes.iter().position(|k| k == c))
                        .unwrap_or(0),
                );
            }
        }
    }

    (levels, leaf_level)
}

/// The first phase: every CFItem the import reads, and its position by identifier.
fn read_items(
    file: &str,
    package: &Value,
    errors: &mut Vec<Diagnostic>,
) -> (Vec<Item>, HashMap<String, usize>) {
    let mut items: Vec<Item> = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::new();
    let Some(raw_items) = package.get("CFItems").and_then(Value::as_array) else {
        return (items, index);
    };
    for (n, value) in raw_items.iter().enumerate() {
        let Some(identifier) = text(value, "identifier") else {
            errors.push(Diagnostic::file_error(
                file,
                format!("CFItems[{n}]: no identifier"),
            ));
            continue;
        };
        if index.contains_key(&identifier) {
            errors.push(Diagnostic::file_error(
                file,
                format!("CFItems[{n}]: identifier {identifier:?} is used by an earlier item"),
            ));
            continue;
        }
        // The statement is kept as written; only its ends are trimmed.
        let full = value
            .get("fullStatement")
            .and_then(Value::as_str)
            .map(str::trim)
            .unwrap_or("")
            .to_string();
        // CASE 1.0 spells it educationLevel; some publishers write educationalLevel.
        let education = match value
            .get("educationLevel")
            .or_else(|| value.get("educationalLevel"))
        {
            Some(Value::Array(levels)) => levels
                .iter()
                .filter_map(Value::as_str)
                .map(|s| s.trim().to_string())
                .filter(|s| !s.is_empty())
                .collect(),
            // Some CASE 1.0 publishers write the list as one comma-separated string.
            Some(Value::String(levels)) => levels
                .split(',')
                .map(|s| s.trim().to_string())
                .filter(|s| !s.is_empty())
                .collect(),
            _ => Vec::new(),
        };
        let notes = text(value, "notes")
            .map(|notes| {
                notes
                    .lines()
                    .map(str::trim)
                    .filter(|l| !l.is_empty())
                    .map(str::to_string)
                    .collect()
            })
            .unwrap_or_default();
        index.insert(identifier.clone(), items.len());
        items.push(Item {
            identifier,
            full,
            abbreviated: text(value, "abbreviatedStatement"),
            code: text(value, "humanCodingScheme"),
            kind: text(value, "CFItemType"),
            education,
            notes,
        });
    }
    (items, index)
}

/// A value's text at `key`, trimmed; `None` when missing or blank.
fn text(value: &Value, key: &str) -> Option<String> {
    value
        .get(key)
        .and_then(Value::as_str)
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
}

/// Items that every `isChildOf` chain leads round in a circle: each cycle once, as its items'
/// identifiers in parent order, and the items hanging below a cycle (never reached from the
/// document).
fn cycles(parent: &[Option<usize>], reached: &HashSet<usize>) -> Vec<Vec<usize>> {
    let mut found: Vec<Vec<usize>> = Vec::new();
    let mut in_cycle: HashSet<usize> = HashSet::new();
    for start in (0..parent.len()).filter(|i| !reached.contains(i)) {
        // Follow the parents; the first item met twice is on a cycle.
        let mut seen: HashSet<usize> = HashSet::new();
        let mut at = start;
        while seen.insert(at) {
            match parent[at] {
                Some(p) => at = p,
                None => break,
            }
        }
        if parent[at].is_none() || in_cycle.contains(&at) {
            continue;
        }
        let mut cycle = vec![at];
        let mut next = parent[at];
        while let Some(p) = next.filter(|&p| p != at) {
            cycle.push(p);
            next = parent[p];
        }
        in_cycle.extend(cycle.iter().copied());
        found.push(cycle);
    }
    found
}

/// A slug of `text` not in `taken` (`-2`, `-3`, ... appended when needed); `fallback` when the
/// text has no letters or digits. Long texts are cut at a word boundary.
fn unique_slug(text: &str, fallback: &str, taken: &HashSet<String>) -> String {
    let mut base = slug(text);
    if base.len() > 48 {
        let cut = base[..48].rfind('-').unwrap_or(48);
        base.truncate(cut);
    }
    if base.is_empty() {
        base = fallback.to_string();
    }
    let mut id = base.clone();
    let mut n = 2;
    while taken.contains(&id) {
        id = format!("{base}-{n}");
        n += 1;
    }
    id
}

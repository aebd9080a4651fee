//! The value completers of the arguments: they run inside the shell's call-back (see
//! `rungs completions`) and offer the ids of the frameworks and assessments present at that
//! moment, and a path beside them.
//!
//! They see only the word being completed, so `--frameworks` folders come from
//! `RUNGS_FRAMEWORKS`, and ids come from every framework known (a `--target-level` is not
//! narrowed to the framework named earlier on the line). Nothing here may fail loudly: a
//! folder that cannot be read offers nothing.

use std::collections::BTreeMap;
use std::ffi::OsStr;

use clap_complete::engine::{CompletionCandidate, PathCompleter, ValueCompleter};
use rungs::catalog::Catalog;
use rungs::framework::Framework;
use rungs::render::safe::visible;

/// The frameworks a completion can see: built-in ones and those of RUNGS_FRAMEWORKS's
/// folders (a folder with a broken file still contributes nothing rather than an error).
fn catalog() -> Catalog {
    let mut catalog = Catalog::builtin();
    if let Some(dirs) = std::env::var_os("RUNGS_FRAMEWORKS") {
        for dir in std::env::split_paths(&dirs) {
            if let Ok(found) = Catalog::with_dirs(&[dir]) {
                for entry in found.entries {
                    if catalog.get(&entry.framework.id).is_none() {
                        catalog.entries.push(entry);
                    }
                }
            }
        }
    }
    catalog
}

/// Candidates among `ids` (id → help) that start with `current`, in id order.
fn matching(
    ids: BTreeMap<String, String>,
    current: &str,
    prefix: &str,
) -> Vec<CompletionCandidate> {
    ids.into_iter()
        .filter(|(id, _)| id.starts_with(current))
        .map(|(id, help)| {
            let candidate = CompletionCandidate::new(format!("{prefix}{id}"));
            if help.is_empty() {
                candidate
            } else {
                candidate.help(Some(visible(&help).into_owned().into()))
            }
        })
        .collect()
}

/// Ids first, then the paths that match, so a file of the same name is never hidden.
fn with_paths(mut ids: Vec<CompletionCandidate>, current: &OsStr) -> Vec<CompletionCandidate> {
    ids.extend(PathCompleter::any().complete(current));
    ids
}

/// A FRAMEWORK argument: a framework id, or a path to a YAML file.
pub fn framework(current: &OsStr) -> Vec<CompletionCandidate> {
    let text = current.to_string_lossy();
    let ids = catalog()
        .entries
        .iter()
        .map(|e| (e.framework.id.clone(), e.framework.name.clone()))
        .collect();
    with_paths(matching(ids, &text, ""), current)
}

/// An assessment argument of report, diff, history and `assess --resume`: the id of a
/// framework that has assessments in the assessments folder, or a path.
pub fn assessed(current: &OsStr) -> Vec<CompletionCandidate> {
    let text = current.to_string_lossy();
    let mut ids = BTreeMap::new();
    if let Ok(dir) = rungs::assessment::folder::default_dir() {
        let listing = rungs::assessment::folder::list(&dir);
        for id in listing.frameworks() {
            let count = listing.of(id).len();
            let help = rungs::render::plural(count, "assessment", "assessments");
            ids.insert(id.to_string(), help);
        }
    }
    with_paths(matching(ids, &text, ""), current)
}

/// `--target-level`: the level ids of every framework known.
pub fn level(current: &OsStr) -> Vec<CompletionCandidate> {
    let text = current.to_string_lossy();
    matching(levels(), &text, "")
}

/// `--target`: a role id, or COMPETENCY=LEVEL (after the `=`, the level ids).
pub fn target(current: &OsStr) -> Vec<CompletionCandidate> {
    let text = current.to_string_lossy();
    if let Some((competency, level)) = text.split_once('=') {
        return matching(levels(), level, &format!("{competency}="));
    }
    let roles = named(|f| f.targets.iter().map(|t| (&t.id, &t.name)).collect());
    matching(roles, &text, "")
}

/// `--track`: the track ids of every framework known.
pub fn track(current: &OsStr) -> Vec<CompletionCandidate> {
    let text = current.to_string_lossy();
    let tracks = named(|f| f.tracks.iter().map(|t| (&t.id, &t.name)).collect());
    matching(tracks, &text, "")
}

fn levels() -> BTreeMap<String, String> {
    named(|f| f.levels.iter().map(|l| (&l.id, &l.name)).collect())
}

/// Id → name of the things `pick` lists in every framework known; where two frameworks use
/// one id, the first one's name.
fn named(pick: impl Fn(&Framework) -> Vec<(&String, &String)>) -> BTreeMap<String, String> {
    let mut ids = BTreeMap::new();
    for entry in &catalog().entries {
        for (id, name) in pick(&entry.framework) {
            ids.entry(id.clone()).or_insert_with(|| name.clone());
        }
    }
    ids
}

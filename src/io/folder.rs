//! The one folder lister: which files of a folder rungs reads, each real file once.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use super::read::{io_reason, irregular_kind};
use crate::error::Diagnostic;

/// How deep [`files_in`] looks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Depth {
    /// The files directly inside the folder.
    Top,
    /// Subfolders too, except hidden ones (`.name`); links to folders are followed, each real
    /// folder entered once, so a link loop ends.
    Nested,
}

/// A path [`files_in`] did not list, and why: named like a file it wants, but a named pipe, a
/// device or a socket; or a subfolder it could not read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    /// The path left out.
    pub path: PathBuf,
    /// Why, with the path as its file.
    pub detail: Diagnostic,
}

/// What [`files_in`] found.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Found {
    /// Regular files (or links to them) with a wanted extension, sorted, each real file once.
    pub files: Vec<PathBuf>,
    /// Paths left out, in the order met.
    pub skipped: Vec<Skipped>,
}

/// The files of `dir` whose extension is one of `extensions`, each real file once (a link to a
/// file listed already is left out). Whatever is not a regular file is never listed: folders
/// named like a wanted file are passed over, pipes, devices and sockets are [`Skipped`] (they
/// could hang a reader or never end). The error is the folder itself being unreadable.
pub fn files_in(dir: &Path, extensions: &[&str], depth: Depth) -> Result<Found, Diagnostic> {
    let mut found = Found::default();
    let mut entered = HashSet::new();
    if let Some(id) = real_id(dir) {
        entered.insert(id);
    }
    let entries = std::fs::read_dir(dir).map_err(|e| unreadable_folder(dir, &e))?;
    let mut pending = vec![entries];
    while let Some(entries) = pending.pop() {
        for entry in entries.flatten() {
            let path = entry.path();
            let Ok(kind) = entry.file_type() else {
                continue;
            };
            // A link is judged by what it leads to; a broken link leads nowhere.
            let meta = if kind.is_symlink() {
                match std::fs::metadata(&path) {
                    Ok(meta) => Some(meta),
                    Err(_) => continue,
                }
            } else {
                None
            };
            let is_dir = meta.as_ref().map_or(kind.is_dir(), |m| m.is_dir());
            if is_dir {
                let hidden = entry.file_name().to_string_lossy().starts_with('.');
                if depth == Depth::Nested
                    && !hidden
                    && real_id(&path).is_none_or(|id| entered.insert(id))
                {
                    match std::fs::read_dir(&path) {
                        Ok(inner) => pending.push(inner),
                        Err(e) => found.skipped.push(Skipped {
                            detail: unreadable_folder(&path, &e),
                            path,
                        }),
                    }
                }
                continue;
            }
            let wanted = path
                .extension()
                .is_some_and(|x| extensions.iter().any(|e| x == *e));
            if !wanted {
                continue;
            }
            let is_file = meta.as_ref().map_or(kind.is_file(), |m| m.is_file());
            if is_file {
                found.files.push(path);
                continue;
            }
            let what = match meta.map_or_else(|| std::fs::metadata(&path), Ok) {
                Ok(meta) => irregular_kind(&meta),
                Err(_) => "not a regular file",
            };
            found.skipped.push(Skipped {
                detail: Diagnostic::file_error(
                    &path.display().to_string(),
                    format!("is {what}, not a file"),
                ),
                path,
            });
        }
    }
    once_each(&mut found.files);
    Ok(found)
}

/// Sort `files` and leave out every path to a real file met before (a link, or the same file
/// named twice).
pub fn once_each(files: &mut Vec<PathBuf>) {
    files.sort();
    files.dedup();
    let mut seen = HashSet::new();
    files.retain(|path| real_id(path).is_none_or(|id| seen.insert(id)));
}

/// Like [`once_each`] for files found under several places, each with the index of the place:
/// a real file met under two places keeps the first place's index. Sorted by path.
pub fn once_each_of(files: &mut Vec<(PathBuf, usize)>) {
    files.sort_by(|a, b| (a.1, &a.0).cmp(&(b.1, &b.0)));
    let mut named = HashSet::new();
    let mut seen = HashSet::new();
    files.retain(|(path, _)| {
        named.insert(path.clone()) && real_id(path).is_none_or(|id| seen.insert(id))
    });
    files.sort();
}

/// What tells one real file or folder from another: its device and inode where there are such,
/// else its canonical path. `None` for a path that cannot be looked at.
fn real_id(path: &Path) -> Option<RealId> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        std::fs::metadata(path)
            .ok()
            .map(|m| RealId::Inode(m.dev(), m.ino()))
    }
    #[cfg(not(unix))]
    {
        std::fs::canonicalize(path).ok().map(RealId::Path)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum RealId {
    #[cfg(unix)]
    Inode(u64, u64),
    #[cfg(not(unix))]
    Path(PathBuf),
}

fn unreadable_folder(dir: &Path, error: &std::io::Error) -> Diagnostic {
    Diagnostic::file_error(
        &dir.display().to_string(),
        format!("cannot read folder: {}", io_reason(error)),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(found: &Found, root: &Path) -> Vec<String> {
        found
            .files
            .iter()
            .map(|p| p.strip_prefix(root).unwrap_or(p).display().to_string())
            .collect()
    }

    #[test]
    fn lists_wanted_files_sorted_and_looks_into_subfolders_only_when_asked() {
        let dir = tempfile::tempdir().expect("temp dir");
        let root = dir.path();
        for name in ["b.json", "a.json", "notes.txt", "c.yaml"] {
            std::fs::write(root.join(name), "{}").expect("write");
        }
        std::fs::create_dir_all(root.join("team/.hidden")).expect("folders");
        std::fs::create_dir(root.join("folder.json")).expect("folder");
        std::fs::write(root.join("team/d.json"), "{}").expect("write");
        std::fs::write(root.join("team/.hidden/e.json"), "{}").expect("write");
        let top = files_in(root, &["json"], Depth::Top).expect("listed");
        assert_eq!(names(&top, root), ["a.json", "b.json"]);
        assert_eq!(top.skipped, []);
        let nested = files_in(root, &["json", "yaml"], Depth::Nested).expect("listed");
        assert_eq!(
            names(&nested, root),
            ["a.json", "b.json", "c.yaml", "team/d.json"]
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_link_loop_ends_and_each_real_file_is_listed_once() {
        let dir = tempfile::tempdir().expect("temp dir");
        let root = dir.path();
        std::fs::create_dir(root.join("team")).expect("folder");
        std::fs::write(root.join("team/a.json"), "{}").expect("write");
        std::os::unix::fs::symlink("..", root.join("team/up")).expect("link");
        std::os::unix::fs::symlink("a.json", root.join("team/same.json")).expect("link");
        let found = files_in(root, &["json"], Depth::Nested).expect("listed");
        assert_eq!(names(&found, root), ["team/a.json"]);
    }

    #[test]
    fn an_unreadable_folder_is_named() {
        let dir = tempfile::tempdir().expect("temp dir");
        let gone = dir.path().join("gone");
        let error = files_in(&gone, &["json"], Depth::Top).expect_err("no folder");
        assert_eq!(
            error.to_string(),
            format!(
                "{}: cannot read folder: no such file or folder",
                gone.display()
            )
        );
    }
}

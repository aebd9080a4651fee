//! Assessments named by their framework: `rungs report networking` finds the latest
//! self-assessment of `networking` in the assessments folder when no file of that name exists.
//! Ratings of someone else in that folder (saved there by an older version) are never picked.

use std::path::{Path, PathBuf};

use rungs::assessment::folder;
use rungs::error::BadInput;

/// The assessment files an argument names: an existing file or folder as it is; otherwise,
/// when it can be a framework id, that framework's self-assessments in the assessments folder,
/// latest first (at least one, else bad input). Any other argument is returned as it is, for
/// the command to report as missing.
pub fn assessments(argument: &Path) -> Result<Vec<PathBuf>, BadInput> {
    if argument.exists() || rungs::io::is_stdin(argument) || !folder::looks_like_id(argument) {
        return Ok(vec![argument.to_path_buf()]);
    }
    let dir = folder::default_dir()?;
    let id = argument.to_string_lossy();
    let listing = folder::list(&dir);
    let found: Vec<PathBuf> = listing.of(&id).iter().map(|a| a.path.clone()).collect();
    if found.is_empty() {
        let mut problem = format!(
            "no such file, and no assessment of framework {id:?} in {}",
            dir.display()
        );
        let others = listing.by_others(&id);
        let known = listing.frameworks();
        if let Some(other) = others.first() {
            problem = format!(
                "no such file, and no self-assessment of framework {id:?} in {}; a framework id picks only your own, and the ratings by others there are named by file, e.g. {}",
                dir.display(),
                other.path.display()
            );
        } else if !known.is_empty() {
            problem.push_str(&format!(" (it holds: {})", known.join(", ")));
        }
        return Err(BadInput::in_file(&id, problem));
    }
    Ok(found)
}

/// The one assessment an argument names: the file, or the latest of the framework.
pub fn latest(argument: &Path) -> Result<PathBuf, BadInput> {
    Ok(assessments(argument)?.swap_remove(0))
}

/// When `argument` is a framework id whose latest self-assessment in the folder is still in
/// progress: the latest complete one, if there is one.
pub fn latest_complete_behind(argument: &Path) -> Option<PathBuf> {
    if argument.exists() || !folder::looks_like_id(argument) {
        return None;
    }
    let listing = folder::list(&folder::default_dir().ok()?);
    let own = listing.of(&argument.to_string_lossy());
    if own.first()?.complete {
        return None;
    }
    own.iter().find(|a| a.complete).map(|a| a.path.clone())
}

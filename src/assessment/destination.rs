//! Where a new or resumed assessment is saved: the file named with `--output`, the resumed
//! file, or a new dated file in the assessments folder.

use std::path::{Path, PathBuf};

use super::{file, folder, Assessment};
use crate::error::BadInput;
pub use crate::io::write::same_file;
use crate::io::write::{check_target, folder_of, is_stdout, Lock, LockError, Refusal, Replace};

/// Where answers are saved, and whether the first save must not replace an existing file.
#[derive(Debug)]
pub struct Destination {
    /// The file written after every answer.
    pub path: PathBuf,
    /// Folder and file stem when the name was chosen by rungs (to pick another if it is taken).
    default_name: Option<(PathBuf, String)>,
    /// Set once the file was written by this run (or belongs to the resumed assessment).
    pub saved: bool,
    /// Whether an existing file may be replaced.
    force: bool,
    /// The advisory lock on the file at `path`, held from the first save (or from the start
    /// of a resumed walk) to the end: a second walk of the same file is refused.
    lock: Option<Lock>,
}

/// Why an assessment could not be saved: a choice to refuse (bad input), or the system failed.
#[derive(Debug)]
pub enum SaveError {
    /// The file or folder named cannot be used as it is.
    Refused(BadInput),
    /// Writing failed: what was being done, and why.
    Io(String, std::io::Error),
}

impl std::fmt::Display for SaveError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SaveError::Refused(bad) => bad.fmt(f),
            SaveError::Io(doing, _) => f.write_str(doing),
        }
    }
}

impl std::error::Error for SaveError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            SaveError::Refused(_) => None,
            SaveError::Io(_, e) => Some(e),
        }
    }
}

impl From<BadInput> for SaveError {
    fn from(bad: BadInput) -> Self {
        SaveError::Refused(bad)
    }
}

/// What decides where an assessment is saved.
#[derive(Debug, Clone, Copy)]
pub struct Choice<'a> {
    /// The file named with `--output`.
    pub out: Option<&'a Path>,
    /// Whether `out` may replace an existing file.
    pub force: bool,
    /// The file being resumed, when one is.
    pub resumed: Option<&'a Path>,
    /// The framework id, first part of a default file name.
    pub framework: &'a str,
}

impl Destination {
    /// `--output` when given (refused as [`check_target`] says, unless it is the file resumed); else the resumed file; else a new `FRAMEWORK-DATE.json` in the
    /// assessments folder (created when missing).
    pub fn choose(choice: Choice) -> Result<Destination, SaveError> {
        if let Some(out) = choice.out {
            let shown = out.display().to_string();
            if is_stdout(out) {
                return Err(BadInput::new(
                    "--output -: an assessment is saved to its file after every answer, so it needs a file name; `rungs report FILE` prints it",
                )
                .into());
            }
            let continuing = choice.resumed.filter(|r| same_file(r, out));
            if continuing.is_none() {
                check_target(out, choice.force).map_err(|refusal| {
                    let message = match refusal {
                        Refusal::Folder => "is a folder; --output takes a file name".to_string(),
                        Refusal::Exists => format!(
                            "already exists; pass --force to overwrite it, or --resume {} to continue it",
                            shell_word(out)
                        ),
                        other => other.to_string(),
                    };
                    BadInput::in_file(&shown, message)
                })?;
            }
            return Ok(Destination {
                path: continuing.map_or_else(|| out.to_path_buf(), through_link),
                default_name: None,
                saved: continuing.is_some(),
                force: choice.force || continuing.is_some(),
                lock: None,
            });
        }
        if let Some(resumed) = choice.resumed {
            // Resuming through a link saves to the file it leads to, and keeps the link.
            return Ok(Destination {
                path: through_link(resumed),
                default_name: None,
                saved: true,
                force: true,
                lock: None,
            });
        }
        let dir = folder::default_dir()?;
        std::fs::create_dir_all(&dir)
            .map_err(|e| SaveError::Io(format!("cannot create the folder {}", dir.display()), e))?;
        let stem = format!("{}-{}", choice.framework, super::start::today());
        Ok(Destination {
            path: free_name(&dir, &stem),
            default_name: Some((dir, stem)),
            saved: false,
            force: false,
            lock: None,
        })
    }

    /// Keep `lock`, taken with [`hold`] on the file resumed before it was read, when this is
    /// where answers are saved.
    pub fn holding(mut self, lock: Option<Lock>, resumed: Option<&Path>) -> Self {
        if resumed.is_some_and(|resumed| same_file(resumed, &self.path)) {
            self.lock = lock;
        }
        self
    }

    /// Save atomically. The first save of a new file never replaces one that appeared
    /// meanwhile, however late: a default name moves on to the next free one, an --output name
    /// is refused ("already exists; pass --force").
    pub fn save(&mut self, assessment: &Assessment) -> Result<(), SaveError> {
        if !self.saved && !self.force {
            return self.save_new(assessment);
        }
        if self.lock.is_none() {
            self.lock = hold(&self.path)?;
        }
        let lock = file::save_locked(&self.path, assessment, Replace::Always)
            .map_err(|e| self.failed(e))?;
        self.lock = Some(lock);
        self.saved = true;
        Ok(())
    }

    /// The first save of a file no one has yet: its name is claimed by the save itself (a
    /// rename that refuses to replace), so two runs saving to one name never both succeed.
    fn save_new(&mut self, assessment: &Assessment) -> Result<(), SaveError> {
        // Each failed claim means another file appeared; a bound keeps a folder filling faster
        // than rungs can count from holding it forever.
        for _ in 0..MAX_CLAIMS {
            match file::save_locked(&self.path, assessment, Replace::Never) {
                Ok(lock) => {
                    self.lock = Some(lock);
                    self.saved = true;
                    return Ok(());
                }
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
                    let Some((dir, stem)) = &self.default_name else {
                        return Err(BadInput::in_file(
                            &self.path.display().to_string(),
                            "already exists; pass --force to overwrite it (it appeared while this run went on; nothing was saved)",
                        )
                        .into());
                    };
                    self.path = free_name(dir, stem);
                }
                Err(e) => return Err(self.failed(e)),
            }
        }
        Err(SaveError::Io(
            format!(
                "cannot find a free name for the assessment in {} (nothing was saved)",
                folder_of(&self.path).display()
            ),
            std::io::Error::from(std::io::ErrorKind::AlreadyExists),
        ))
    }

    /// A failed write, said with what it left: the answers saved before, or nothing.
    fn failed(&self, error: std::io::Error) -> SaveError {
        let left = if self.saved {
            "answers saved before are still in it"
        } else if taken(&self.path) {
            "nothing was saved; the file there is as it was"
        } else {
            "nothing was saved"
        };
        SaveError::Io(
            format!(
                "cannot save the assessment to {} ({left})",
                self.path.display()
            ),
            error,
        )
    }
}

/// How many names a first save into the assessments folder tries before giving up.
const MAX_CLAIMS: usize = 10_000;

/// Lock the assessment at `path` for this run, or refuse: another `rungs assess` has it open
/// and would overwrite what this one saves (or the other way round). `None` when there is no
/// file there yet.
pub fn hold(path: &Path) -> Result<Option<Lock>, BadInput> {
    let shown = path.display().to_string();
    match crate::io::write::lock(path) {
        Ok(lock) => Ok(lock),
        Err(LockError::Held) => Err(BadInput::in_file(
            &shown,
            "another rungs assess has this assessment open; finish or quit that walk first (nothing was changed)",
        )),
        Err(LockError::Io(e)) => Err(BadInput::in_file(
            &shown,
            format!("cannot lock: {}", crate::io::io_reason(&e)),
        )),
    }
}

/// `<stem>.json`, else `<stem>-2.json`, `<stem>-3.json`, ... whichever does not exist yet.
fn free_name(dir: &Path, stem: &str) -> PathBuf {
    let first = dir.join(format!("{stem}.json"));
    if !taken(&first) {
        return first;
    }
    (2..)
        .map(|n| dir.join(format!("{stem}-{n}.json")))
        .find(|p| !taken(p))
        .unwrap_or(first)
}

/// Whether anything is at `path`, a dangling link included.
fn taken(path: &Path) -> bool {
    std::fs::symlink_metadata(path).is_ok()
}

/// The file a link leads to, so that saving replaces that file and keeps the link; any other
/// path as it is.
fn through_link(path: &Path) -> PathBuf {
    match std::fs::symlink_metadata(path) {
        Ok(meta) if meta.file_type().is_symlink() => {
            std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf())
        }
        _ => path.to_path_buf(),
    }
}

/// The path as one shell word, quoted when it needs to be.
pub fn shell_word(path: &Path) -> String {
    let text = path.display().to_string();
    if text
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || "/._-+:@%,=~".contains(c))
    {
        text
    } else {
        format!("'{}'", text.replace('\'', r"'\''"))
    }
}

//! Writing where others can reach: every file rungs writes is made whole in a temporary file
//! created exclusively (an unpredictable name, never an existing file or link) in the target's
//! folder, then renamed over the target. An existing target must be a regular file, replaced
//! only with `--force`, and never one of the command's own inputs. Without `--force` the last
//! step is a rename that refuses to replace ([`Replace::Never`]): a file that appeared at the
//! target after the check (another run saving to the same name) is kept, and this save fails
//! with `AlreadyExists`. A file being edited (an assessment during a walk) can be held with an
//! advisory [`Lock`].

use std::fmt;
use std::fs::File;
use std::io::{Error, ErrorKind, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

/// The name that means stdout wherever a command takes `--output`.
pub const STDOUT: &str = "-";

/// A temporary file older than this with our name pattern was left by a process that died
/// during a save (a save takes milliseconds); the next save of the same file removes it.
const STALE_AFTER: Duration = Duration::from_secs(60);

/// Whether `--output PATH` means stdout.
pub fn is_stdout(path: &Path) -> bool {
    path.as_os_str() == STDOUT
}

/// Why an output target is refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// The target is a folder.
    Folder,
    /// The target's folder does not exist.
    NoFolder(PathBuf),
    /// A regular file is there and `--force` was not given.
    Exists,
    /// A symbolic link is there: rungs neither writes through it nor replaces it.
    Link,
    /// Something other than a file, folder or link (a FIFO, a device, a socket) is there.
    Special(&'static str),
}

impl fmt::Display for Refusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Refusal::Folder => f.write_str("is a folder; give a file name"),
            Refusal::NoFolder(dir) => write!(f, "folder {} does not exist", dir.display()),
            Refusal::Exists => f.write_str("file exists; pass --force to overwrite it"),
            Refusal::Link => f.write_str(
                "is a symbolic link; rungs neither writes through a link nor replaces one, even with --force: remove it or give another name",
            ),
            Refusal::Special(kind) => write!(
                f,
                "is a {kind}, not a regular file; rungs replaces only regular files, even with --force"
            ),
        }
    }
}

/// The folder a file is written in (`.` for a bare name).
pub fn folder_of(path: &Path) -> PathBuf {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// The one check of an output target, for every command: its folder must exist; what is there
/// already must be a regular file (not a link, FIFO, device or socket), replaced only when
/// `force` is given.
pub fn check_target(path: &Path, force: bool) -> Result<(), Refusal> {
    let folder = folder_of(path);
    match std::fs::symlink_metadata(path) {
        Ok(meta) => {
            let kind = meta.file_type();
            if kind.is_dir() {
                return Err(Refusal::Folder);
            }
            if kind.is_symlink() {
                if path.is_dir() {
                    return Err(Refusal::Folder);
                }
                return Err(Refusal::Link);
            }
            if !kind.is_file() {
                return Err(Refusal::Special(special_kind(&kind)));
            }
            if !force {
                return Err(Refusal::Exists);
            }
            Ok(())
        }
        Err(_) if !folder.is_dir() => Err(Refusal::NoFolder(folder)),
        Err(_) => Ok(()),
    }
}

#[cfg(unix)]
fn special_kind(kind: &std::fs::FileType) -> &'static str {
    use std::os::unix::fs::FileTypeExt;
    if kind.is_fifo() {
        "FIFO (named pipe)"
    } else if kind.is_char_device() || kind.is_block_device() {
        "device"
    } else if kind.is_socket() {
        "socket"
    } else {
        "special file"
    }
}

#[cfg(not(unix))]
fn special_kind(_: &std::fs::FileType) -> &'static str {
    "special file"
}

/// Whether two paths name one file: the same file on disk (through links, or hard links), or
/// the same path when either does not exist yet.
pub fn same_file(a: &Path, b: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        if let (Ok(a), Ok(b)) = (std::fs::metadata(a), std::fs::metadata(b)) {
            return a.dev() == b.dev() && a.ino() == b.ino();
        }
    }
    match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
        (Ok(a), Ok(b)) => a == b,
        _ => a == b,
    }
}

/// Whether a save may replace a file at its target.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Replace {
    /// Replace what is there (`--force`, or the next save of a file this run wrote).
    Always,
    /// Fail with `AlreadyExists` when anything is at the target, however late it appeared:
    /// the temporary file is moved into place by one call that refuses to replace
    /// (`renameat2(RENAME_NOREPLACE)`, or a hard link then the removal of the temporary name
    /// where the file system has no such rename).
    Never,
}

impl Replace {
    /// [`Replace::Always`] when `force` is given, else [`Replace::Never`].
    pub fn when(force: bool) -> Self {
        if force {
            Replace::Always
        } else {
            Replace::Never
        }
    }
}

/// Write `bytes` to `path` atomically as [`write_atomic`] does, replacing a file there only as
/// `replace` says; a refusal is an error of kind `AlreadyExists` and leaves both files as they
/// were.
pub fn write_file(path: &Path, bytes: &[u8], replace: Replace) -> std::io::Result<()> {
    save(path, bytes, replace, false).map(drop)
}

/// Write bytes to `path` atomically: a temporary file created exclusively in the same folder,
/// flushed and synced, then renamed over the target. A crash or a failed write (full disk,
/// read-only folder) at any point leaves either the old file or the new one, never a mix; a
/// failed write leaves no temporary file behind.
///
/// A link at `path` is replaced, never written through (callers refuse one first with
/// [`check_target`]). A missing folder is reported as `NotFound` naming the folder; a replaced
/// file keeps its permissions.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    save(path, bytes, Replace::Always, false).map(drop)
}

/// As [`write_file`], and hold a [`Lock`] on the new file from before it appears at `path`:
/// a walk saving after every answer keeps the file locked throughout.
pub fn write_locked(path: &Path, bytes: &[u8], replace: Replace) -> std::io::Result<Lock> {
    save(path, bytes, replace, true).map(|file| Lock { _file: file })
}

fn save(path: &Path, bytes: &[u8], replace: Replace, lock: bool) -> std::io::Result<File> {
    let dir = folder_of(path);
    match std::fs::metadata(&dir) {
        Ok(meta) if meta.is_dir() => {}
        Ok(_) => {
            return Err(Error::new(
                ErrorKind::NotADirectory,
                format!("{} is not a folder", dir.display()),
            ))
        }
        Err(e) if e.kind() == ErrorKind::NotFound => {
            return Err(Error::new(
                ErrorKind::NotFound,
                format!("folder {} does not exist", dir.display()),
            ))
        }
        Err(e) => return Err(e),
    }
    let previous_permissions = std::fs::symlink_metadata(path)
        .ok()
        .filter(|m| m.is_file())
        .map(|m| m.permissions());
    let (prefix, suffix) = temp_pattern(path);
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix).suffix(suffix);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        // As a plain create would: readable by others as the umask allows.
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    // Created with O_EXCL under a random name: never an existing file, link or FIFO. Dropped on
    // every error path below, which removes it.
    let mut temp = builder.tempfile_in(&dir).map_err(plain)?;
    let file = temp.as_file_mut();
    file.write_all(bytes)?;
    file.flush()?;
    file.sync_all()?;
    if let Some(permissions) = previous_permissions {
        temp.as_file().set_permissions(permissions)?;
    }
    if lock {
        temp.as_file().lock()?;
    }
    let file = match replace {
        Replace::Always => temp.persist(path),
        Replace::Never => temp.persist_noclobber(path),
    }
    .map_err(|e| plain(e.error))?;
    if let Ok(d) = File::open(&dir) {
        let _ = d.sync_all();
    }
    remove_stale(&dir, &prefix, suffix);
    Ok(file)
}

/// The error without the temporary file's path, which the user never named: "permission
/// denied", "read-only file system".
fn plain(error: Error) -> Error {
    let text = error.to_string();
    match text.find(" at path ") {
        Some(i) => {
            let reason = text[..i].split(" (os error").next().unwrap_or_default();
            Error::new(error.kind(), reason.to_lowercase())
        }
        None => error,
    }
}

/// `.NAME.` and `.tmp`: the temporary files of a save of `path` are `.NAME.XXXXXX.tmp`, hidden,
/// and with an extension no command reads.
fn temp_pattern(path: &Path) -> (String, &'static str) {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "rungs".into());
    (format!(".{name}."), ".tmp")
}

/// Remove the temporary files of earlier saves of the same file that were never finished (the
/// process was killed): regular files of our name pattern not touched for a while.
fn remove_stale(dir: &Path, prefix: &str, suffix: &str) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let now = SystemTime::now();
    for entry in entries.filter_map(Result::ok) {
        let name = entry.file_name();
        let Some(name) = name.to_str() else {
            continue;
        };
        if !(name.starts_with(prefix) && name.ends_with(suffix)) || name.len() <= prefix.len() {
            continue;
        }
        let Ok(meta) = entry.metadata() else {
            continue;
        };
        let old = meta
            .modified()
            .ok()
            .and_then(|m| now.duration_since(m).ok())
            .is_some_and(|age| age > STALE_AFTER);
        if meta.is_file() && old {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// An advisory lock on a file, held until dropped; other rungs processes that ask for it are
/// refused (programs that do not ask are not stopped).
#[derive(Debug)]
pub struct Lock {
    _file: File,
}

/// Why a lock was not had.
#[derive(Debug)]
pub enum LockError {
    /// Another process holds it.
    Held,
    /// The file could not be opened or locked.
    Io(Error),
}

/// Lock the regular file at `path`; `Ok(None)` when there is none (nothing to lock: a missing
/// file, or something the reader refuses). The lock is on the file now at `path`: a save that
/// replaced it meanwhile is noticed, and the new file is locked instead.
pub fn lock(path: &Path) -> Result<Option<Lock>, LockError> {
    for _ in 0..8 {
        match std::fs::metadata(path) {
            Ok(meta) if meta.is_file() => {}
            _ => return Ok(None),
        }
        // Opened without waiting: a named pipe swapped in after the check above cannot hang
        // the walk, and is left to the reader to refuse.
        let file = match super::read::open_without_waiting(path) {
            Ok(file) => file,
            Err(e) if e.kind() == ErrorKind::NotFound => continue,
            Err(e) => return Err(LockError::Io(e)),
        };
        if !file.metadata().is_ok_and(|m| m.is_file()) {
            return Ok(None);
        }
        match file.try_lock() {
            Ok(()) => {}
            Err(std::fs::TryLockError::WouldBlock) => return Err(LockError::Held),
            Err(std::fs::TryLockError::Error(e)) => return Err(LockError::Io(e)),
        }
        if still_at(&file, path) {
            return Ok(Some(Lock { _file: file }));
        }
    }
    Err(LockError::Held)
}

/// Whether the open `file` is still the one at `path` (not replaced by a save).
fn still_at(file: &File, path: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        match (file.metadata(), std::fs::metadata(path)) {
            (Ok(a), Ok(b)) => a.dev() == b.dev() && a.ino() == b.ino(),
            _ => false,
        }
    }
    #[cfg(not(unix))]
    {
        let _ = (file, path);
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn temps(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(dir)
            .expect("read dir")
            .filter_map(Result::ok)
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".tmp"))
            .collect();
        names.sort();
        names
    }

    #[test]
    fn a_save_replaces_the_file_and_leaves_no_temporary_file() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("me.json");
        write_atomic(&path, b"one").expect("first");
        write_atomic(&path, b"two").expect("second");
        assert_eq!(std::fs::read(&path).expect("read"), b"two");
        assert!(temps(dir.path()).is_empty());
    }

    #[cfg(unix)]
    #[test]
    fn a_planted_link_is_replaced_never_written_through() {
        let dir = tempfile::tempdir().expect("temp dir");
        let victim = dir.path().join("victim.txt");
        std::fs::write(&victim, "keep").expect("write");
        let path = dir.path().join("me.json");
        std::os::unix::fs::symlink(&victim, &path).expect("link");
        assert_eq!(check_target(&path, true), Err(Refusal::Link));
        write_atomic(&path, b"new").expect("write");
        assert_eq!(std::fs::read_to_string(&victim).expect("read"), "keep");
        assert!(std::fs::symlink_metadata(&path).expect("meta").is_file());
    }

    #[test]
    fn stale_temporary_files_of_the_same_name_are_removed_and_fresh_ones_kept() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("me.json");
        let stale = dir.path().join(".me.json.a1b2c3.tmp");
        let fresh = dir.path().join(".me.json.d4e5f6.tmp");
        let other = dir.path().join(".you.json.a1b2c3.tmp");
        for p in [&stale, &fresh, &other] {
            std::fs::write(p, "partial").expect("write");
        }
        let old = SystemTime::now() - Duration::from_secs(3600);
        for p in [&stale, &other] {
            File::options()
                .write(true)
                .open(p)
                .and_then(|f| f.set_modified(old))
                .expect("age");
        }
        write_atomic(&path, b"saved").expect("write");
        assert_eq!(
            temps(dir.path()),
            vec![".me.json.d4e5f6.tmp", ".you.json.a1b2c3.tmp"]
        );
    }

    #[test]
    fn a_locked_file_stays_locked_across_saves() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("me.json");
        std::fs::write(&path, "{}").expect("write");
        let held = lock(&path).expect("lock").expect("a file");
        assert!(matches!(lock(&path), Err(LockError::Held)));
        let saved = write_locked(&path, b"{\"a\":1}", Replace::Always).expect("save");
        drop(held);
        assert!(matches!(lock(&path), Err(LockError::Held)));
        drop(saved);
        assert!(lock(&path).expect("free").is_some());
        assert!(lock(&dir.path().join("none.json")).expect("none").is_none());
    }
}

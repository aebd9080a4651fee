//! The one way rungs reads a user's file: regular files only (a link to one is followed), and
//! never more than a size limit, checked before reading and again while reading.

use std::fs::{File, Metadata};
use std::io::Read;
use std::path::Path;

use crate::error::BadInput;

/// Read `path`, a `kind` of file ("framework file", "assessment file", "answers file"), of at
/// most `limit` bytes. Every refusal names the file and says why, in one line. A folder, a
/// named pipe, a device or a socket is refused at once, before anything is read from it.
pub fn read_limited(path: &Path, limit: u64, kind: &str) -> Result<Vec<u8>, BadInput> {
    if is_stdin(path) {
        return read_stdin(limit, kind);
    }
    // The name is written only for a message (a team reads 100,000 files).
    let shown = || path.display().to_string();
    let cannot =
        |e: std::io::Error| BadInput::in_file(&shown(), format!("cannot read: {}", io_reason(&e)));
    // Refused by what the path names now; the file opened is looked at again below, so a pipe
    // put in its place in between is refused too (and, opened without waiting, never blocks).
    let meta = std::fs::metadata(path).map_err(cannot)?;
    refuse_irregular(&meta, path, kind)?;
    let file = open_without_waiting(path).map_err(cannot)?;
    let meta = file.metadata().map_err(cannot)?;
    refuse_irregular(&meta, path, kind)?;
    if meta.len() > limit {
        return Err(BadInput::in_file(
            &shown(),
            format!(
                "file is {} bytes; {kind}s are limited to {limit} bytes ({})",
                meta.len(),
                size(limit)
            ),
        ));
    }
    // Sized from the metadata: `take` hides the length from `read_to_end`, which would grow
    // the buffer a doubling at a time.
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).map_or(0, |n| n + 1));
    file.take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(cannot)?;
    if bytes.len() as u64 > limit {
        return Err(BadInput::in_file(
            &shown(),
            format!(
                "more than {limit} bytes; {kind}s are limited to {}",
                size(limit)
            ),
        ));
    }
    Ok(bytes)
}

/// Whether `path` is `-`: standard input, where a command reads one file.
pub fn is_stdin(path: &Path) -> bool {
    path.as_os_str() == "-"
}

/// Standard input has been read: a second `-` on one command line would find it empty.
static STDIN_READ: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Read standard input (`-`) as a file of at most `limit` bytes: once per run.
fn read_stdin(limit: u64, kind: &str) -> Result<Vec<u8>, BadInput> {
    if STDIN_READ.swap(true, std::sync::atomic::Ordering::SeqCst) {
        return Err(BadInput::in_file(
            "-",
            "standard input is read once: name one input - at most",
        ));
    }
    let mut bytes = Vec::new();
    std::io::stdin()
        .lock()
        .take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| {
            BadInput::in_file(
                "-",
                format!("cannot read standard input: {}", io_reason(&e)),
            )
        })?;
    if bytes.len() as u64 > limit {
        return Err(BadInput::in_file(
            "-",
            format!(
                "standard input holds more than {limit} bytes; {kind}s are limited to {}",
                size(limit)
            ),
        ));
    }
    Ok(bytes)
}

/// The bytes after a UTF-8 byte order mark, which Windows editors write at the start of a text
/// file: never part of what the file says.
pub fn without_bom(bytes: &[u8]) -> &[u8] {
    bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes)
}

/// `8 MiB`, or the exact number of bytes.
fn size(bytes: u64) -> String {
    if bytes.is_multiple_of(1024 * 1024) {
        format!("{} MiB", bytes / (1024 * 1024))
    } else {
        format!("{bytes} bytes")
    }
}

/// Refuse anything but a regular file, saying what it is instead.
fn refuse_irregular(meta: &Metadata, path: &Path, kind: &str) -> Result<(), BadInput> {
    if meta.is_file() {
        return Ok(());
    }
    let article = if kind.starts_with(['a', 'e', 'i', 'o', 'u']) {
        "an"
    } else {
        "a"
    };
    Err(BadInput::in_file(
        &path.display().to_string(),
        format!("is {}, not {article} {kind}", irregular_kind(meta)),
    ))
}

/// What a path that is not a regular file is: `a folder`, `a named pipe`, `a device`, ...
pub(super) fn irregular_kind(meta: &Metadata) -> &'static str {
    if meta.is_dir() {
        return "a folder";
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        let kind = meta.file_type();
        if kind.is_fifo() {
            return "a named pipe";
        }
        if kind.is_char_device() || kind.is_block_device() {
            return "a device";
        }
        if kind.is_socket() {
            return "a socket";
        }
    }
    "something other than a file"
}

/// Open for reading without waiting for a writer (a named pipe opens at once, and is then
/// refused as one).
pub(super) fn open_without_waiting(path: &Path) -> std::io::Result<File> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
    }
    options.open(path)
}

/// A short, lower-case reason for an I/O error, without the OS error number.
pub fn io_reason(error: &std::io::Error) -> String {
    use std::io::ErrorKind::*;
    match error.kind() {
        NotFound => "no such file or folder".into(),
        PermissionDenied => "permission denied".into(),
        IsADirectory => "is a folder".into(),
        _ => {
            let text = error.to_string();
            match text.find(" (os error") {
                Some(i) => text[..i].to_lowercase(),
                None => text.to_lowercase(),
            }
        }
    }
}

//! The one way rungs reads a user's file: folders refused, and never more than a size limit,
//! checked before reading and again while reading (a device or pipe reports no size).

use std::io::Read;
use std::path::Path;

use crate::catalog::io_reason;
use crate::error::BadInput;

/// Read `path`, a `kind` of file ("framework file", "assessment file", "answers file"), of at
/// most `limit` bytes. Every refusal names the file and says why, in one line.
pub fn read_limited(path: &Path, limit: u64, kind: &str) -> Result<Vec<u8>, BadInput> {
    let shown = path.display().to_string();
    let size = |bytes: u64| {
        if bytes.is_multiple_of(1024 * 1024) {
            format!("{} MiB", bytes / (1024 * 1024))
        } else {
            format!("{bytes} bytes")
        }
    };
    let meta = std::fs::metadata(path)
        .map_err(|e| BadInput::in_file(&shown, format!("cannot read: {}", io_reason(&e))))?;
    if meta.is_dir() {
        let article = if kind.starts_with(['a', 'e', 'i', 'o', 'u']) {
            "an"
        } else {
            "a"
        };
        return Err(BadInput::in_file(
            &shown,
            format!("is a folder, not {article} {kind}"),
        ));
    }
    if meta.len() > limit {
        return Err(BadInput::in_file(
            &shown,
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
    std::fs::File::open(path)
        .and_then(|file| file.take(limit + 1).read_to_end(&mut bytes))
        .map_err(|e| BadInput::in_file(&shown, format!("cannot read: {}", io_reason(&e))))?;
    if bytes.len() as u64 > limit {
        return Err(BadInput::in_file(
            &shown,
            format!(
                "more than {limit} bytes; {kind}s are limited to {}",
                size(limit)
            ),
        ));
    }
    Ok(bytes)
}

//! How rungs touches files that other people may have written: the safety rules of reading
//! (bounded, regular files only, each real file once) live here, below every command.

mod folder;
mod read;

pub use folder::{files_in, once_each, Depth, Found, Skipped};
pub use read::{io_reason, read_limited};

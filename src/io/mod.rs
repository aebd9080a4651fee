//! How rungs touches files that other people may have written or can reach: the safety rules
//! of reading (bounded, regular files only, each real file once) and of writing (atomic,
//! regular files only, never through a link or over an input) live here, below every command.

mod folder;
mod read;
pub mod write;

pub use folder::{files_in, once_each, once_each_of, Depth, Found, Skipped};
pub use read::{io_reason, is_stdin, read_limited, without_bom};

//! Integration tests: the built `rungs` binary, one module per command or topic.

mod builtin_frameworks;
mod show;
mod support;

//! Integration tests: the built `rungs` binary, one module per command or topic.

mod assess;
mod builtin_frameworks;
mod pty;
mod show;
mod support;

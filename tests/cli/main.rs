//! Integration tests: the built `rungs` binary, one module per command or topic.

mod assess;
mod builtin_frameworks;
mod diff;
mod history;
mod html;
mod pty;
mod report;
mod show;
mod support;
mod validate;

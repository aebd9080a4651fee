//! Integration tests: the built `rungs` binary, one module per command or topic.

mod diff;
mod history;
mod html;
mod report;
mod support;

//! Integration tests: the built `rungs` binary, one module per command or topic.

mod assess;
mod builtin_frameworks;
mod catalog;
mod changed_framework;
mod compare;
mod controls;
mod conventions;
mod diff;
mod duckdb;
mod evidence;
mod groups;
mod hardening;
mod history;
mod html;
mod import;
mod narrow;
mod prose;
mod pty;
mod report;
mod schema;
mod second_look;
mod show;
mod support;
mod team;
mod tracks;
mod validate;

//! The command-line contract, tested through the real binary: one module per command.

mod support;

mod conventions;
mod hardening;
mod schema;

//! The `rungs` binary, run as a person would: one module per command.

mod support;

mod validate;

//! The `rungs` binary, driven as a person would: one module per command.

mod support;

mod assess;
mod pty;

//! Running the built `rungs` binary: arguments in; exit code, stdout and stderr out.

#![allow(dead_code)] // each test module uses a different part

use std::path::Path;
use std::process::{Command, Stdio};

/// What a finished run of `rungs` printed and returned.
#[derive(Debug)]
pub struct Run {
    /// Exit code (-1 when killed by a signal).
    pub code: i32,
    /// Everything printed on stdout.
    pub stdout: String,
    /// Everything printed on stderr.
    pub stderr: String,
}

/// A `rungs` command with a predictable environment: no colour, 100 columns, no stdin.
pub fn rungs() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_rungs"));
    command
        .env("NO_COLOR", "1")
        .env("COLUMNS", "100")
        .env_remove("RUST_BACKTRACE")
        .stdin(Stdio::null());
    command
}

/// Run a prepared command to the end.
pub fn finish(command: &mut Command) -> Run {
    let output = command.output().expect("the rungs binary runs");
    Run {
        code: output.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    }
}

/// Run `rungs ARGS` in the repository root, so paths in messages are relative and stable.
pub fn run(args: &[&str]) -> Run {
    run_in(Path::new(env!("CARGO_MANIFEST_DIR")), args)
}

/// Run `rungs ARGS` in `dir`.
pub fn run_in(dir: &Path, args: &[&str]) -> Run {
    finish(rungs().current_dir(dir).args(args))
}

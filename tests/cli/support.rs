//! Runs the built `rungs` binary the way a person would, with a fixed terminal.

use std::process::Command;

/// What one run of `rungs` printed and how it ended.
#[derive(Debug)]
pub struct Run {
    /// Everything printed on stdout.
    pub stdout: String,
    /// Everything printed on stderr.
    pub stderr: String,
    /// The exit code (-1 when killed by a signal).
    pub code: i32,
}

/// Run `rungs ARGS` from the crate root, 80 columns wide, without colour.
pub fn rungs(args: &[&str]) -> Run {
    rungs_with_env(args, &[])
}

/// Run `rungs ARGS` like [`rungs`], with these environment variables set as well.
pub fn rungs_with_env(args: &[&str], env: &[(&str, &str)]) -> Run {
    let output = Command::new(env!("CARGO_BIN_EXE_rungs"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("COLUMNS", "80")
        .env("NO_COLOR", "1")
        .env_remove("RUNGS_FRAMEWORKS")
        .envs(env.iter().copied())
        .output()
        .expect("the rungs binary runs");
    Run {
        stdout: String::from_utf8(output.stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8(output.stderr).expect("stderr is UTF-8"),
        code: output.status.code().unwrap_or(-1),
    }
}

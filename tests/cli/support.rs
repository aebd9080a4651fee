//! Running the `rungs` binary in tests: arguments, environment, working folder, and what came out.

#![allow(dead_code)]

use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The repository root: the working folder of every run unless told otherwise.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A file under `tests/fixtures`.
pub fn fixture(relative: &str) -> PathBuf {
    root().join("tests/fixtures").join(relative)
}

/// What a run of `rungs` produced.
#[derive(Debug)]
pub struct Output {
    /// Exit code (-1 when killed by a signal).
    pub code: i32,
    /// Standard output.
    pub stdout: String,
    /// Standard error.
    pub stderr: String,
}

/// A `rungs` command line to run: starts in the repository root, 80 columns, no colour, no
/// frameworks from the environment.
pub struct Rungs {
    args: Vec<OsString>,
    envs: Vec<(String, String)>,
    dir: PathBuf,
}

/// Start a command line with these arguments.
pub fn rungs<I, S>(args: I) -> Rungs
where
    I: IntoIterator<Item = S>,
    S: Into<OsString>,
{
    Rungs {
        args: args.into_iter().map(Into::into).collect(),
        envs: Vec::new(),
        dir: root(),
    }
}

impl Rungs {
    /// Add more arguments.
    pub fn arg(mut self, arg: impl Into<OsString>) -> Rungs {
        self.args.push(arg.into());
        self
    }

    /// Add several more arguments.
    pub fn args<I, S>(mut self, args: I) -> Rungs
    where
        I: IntoIterator<Item = S>,
        S: Into<OsString>,
    {
        self.args.extend(args.into_iter().map(Into::into));
        self
    }

    /// Set an environment variable for the run.
    pub fn env(mut self, key: &str, value: &str) -> Rungs {
        self.envs.push((key.to_string(), value.to_string()));
        self
    }

    /// Run in another folder.
    pub fn current_dir(mut self, dir: &Path) -> Rungs {
        self.dir = dir.to_path_buf();
        self
    }

    /// Run to the end and collect the output.
    pub fn run(self) -> Output {
        let mut command = Command::new(env!("CARGO_BIN_EXE_rungs"));
        command
            .args(&self.args)
            .current_dir(&self.dir)
            .env_remove("NO_COLOR")
            .env_remove("RUNGS_FRAMEWORKS")
            .env_remove("CLICOLOR_FORCE")
            .env("COLUMNS", "80");
        for (key, value) in &self.envs {
            command.env(key, value);
        }
        let output = command.output().expect("the rungs binary runs");
        Output {
            code: output.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
        }
    }

    /// Run, and fail the test unless the exit code is 0 and stderr is empty; return stdout.
    pub fn succeeds(self) -> String {
        let output = self.run();
        assert_eq!(
            output.code, 0,
            "rungs failed\nstdout:\n{}\nstderr:\n{}",
            output.stdout, output.stderr
        );
        assert_eq!(output.stderr, "", "unexpected stderr");
        output.stdout
    }
}

//! Runs the built `rungs` binary the way a person would, with a fixed terminal.

#![allow(dead_code)]

use std::ffi::OsString;
use std::path::{Path, PathBuf};
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
    command(args).env("NO_COLOR", "1").run()
}

/// A file under `tests/fixtures`.
pub fn fixture(relative: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(relative)
}

/// The README, whose examples some tests run.
pub fn readme() -> String {
    doc("README.md")
}

/// A page of the documentation (`README.md`, `docs/360.md`, ...), whose examples some tests run.
pub fn doc(relative: &str) -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(relative))
        .unwrap_or_else(|e| panic!("{relative}: {e}"))
}

/// A `rungs` command line to build up before running: from the crate root, 80 columns wide,
/// no NO_COLOR and no frameworks from the environment.
pub struct Rungs {
    args: Vec<OsString>,
    envs: Vec<(String, String)>,
    dir: Option<PathBuf>,
    input: Option<Vec<u8>>,
}

/// Start a command line with these arguments.
pub fn command(args: &[&str]) -> Rungs {
    Rungs {
        args: args.iter().map(OsString::from).collect(),
        envs: Vec::new(),
        dir: None,
        input: None,
    }
}

impl Rungs {
    /// Add an argument (a path, say).
    pub fn arg(mut self, arg: impl Into<OsString>) -> Rungs {
        self.args.push(arg.into());
        self
    }

    /// Add several arguments.
    pub fn args(mut self, args: &[&str]) -> Rungs {
        self.args.extend(args.iter().map(OsString::from));
        self
    }

    /// Set an environment variable for the run.
    pub fn env(mut self, key: &str, value: &str) -> Rungs {
        self.envs.push((key.to_string(), value.to_string()));
        self
    }

    /// Give these bytes on standard input (else it is empty, `/dev/null`).
    pub fn stdin(mut self, bytes: impl Into<Vec<u8>>) -> Rungs {
        self.input = Some(bytes.into());
        self
    }

    /// Run in this folder instead of the crate root.
    pub fn current_dir(mut self, dir: &Path) -> Rungs {
        self.dir = Some(dir.to_path_buf());
        self
    }

    /// Run to the end and collect what it printed.
    pub fn run(self) -> Run {
        let mut command = Command::new(env!("CARGO_BIN_EXE_rungs"));
        command
            .args(&self.args)
            .current_dir(
                self.dir
                    .clone()
                    .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR"))),
            )
            .stdin(if self.input.is_some() {
                std::process::Stdio::piped()
            } else {
                std::process::Stdio::null()
            })
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .env_remove("RUST_BACKTRACE")
            .env("COLUMNS", "80")
            .env_remove("NO_COLOR")
            .env_remove("CLICOLOR_FORCE")
            .env_remove("RUNGS_FRAMEWORKS")
            .env_remove("COMPLETE");
        for (key, value) in &self.envs {
            command.env(key, value);
        }
        let mut child = command.spawn().expect("the rungs binary runs");
        if let Some(input) = self.input {
            let mut stdin = child.stdin.take().expect("stdin is piped");
            // Written from a thread, so a rungs that stops reading early cannot stall the test;
            // a closed pipe is what such a rungs leaves, not an error here.
            std::thread::spawn(move || {
                use std::io::Write;
                let _ = stdin.write_all(&input);
            });
        }
        let output = child.wait_with_output().expect("the rungs binary runs");
        Run {
            stdout: String::from_utf8(output.stdout).expect("stdout is UTF-8"),
            stderr: String::from_utf8(output.stderr).expect("stderr is UTF-8"),
            code: output.status.code().unwrap_or(-1),
        }
    }

    /// Run, fail the test unless it exits 0 with nothing on stderr, and return stdout.
    pub fn succeeds(self) -> String {
        let run = self.run();
        assert_eq!(
            run.code, 0,
            "rungs failed\nstdout:\n{}\nstderr:\n{}",
            run.stdout, run.stderr
        );
        assert_eq!(run.stderr, "", "nothing expected on stderr");
        run.stdout
    }
}

/// Run `rungs ARGS` in the crate root without colour, so paths in messages are relative.
pub fn run(args: &[&str]) -> Run {
    rungs(args)
}

/// Run `rungs ARGS` in `dir` without colour.
pub fn run_in(dir: &Path, args: &[&str]) -> Run {
    command(args).current_dir(dir).env("NO_COLOR", "1").run()
}

/// Run `rungs ARGS` like [`rungs`], with these environment variables set as well.
pub fn rungs_with_env(args: &[&str], env: &[(&str, &str)]) -> Run {
    env.iter()
        .fold(command(args).env("NO_COLOR", "1"), |c, (k, v)| c.env(k, v))
        .run()
}

/// Rate without a terminal, as a person whose home is `home` (HOME and XDG_DATA_HOME below it,
/// as the pseudo-terminal tests give a walk): `answers`, an answers file's text, is written to
/// `home/answers-given.yaml` and `rungs assess FRAMEWORK --answers FILE MORE…` is run in `home`
/// (`MORE` say `--out FILE`; without it the assessment goes to its default place). The test
/// fails unless it exits 0.
pub fn assess_with_answers(home: &Path, framework: &str, answers: &str, more: &[&str]) -> Run {
    let file = home.join("answers-given.yaml");
    std::fs::write(&file, answers).expect("write the answers file");
    let run = command(&["assess", framework, "--answers"])
        .arg(&file)
        .args(more)
        .current_dir(home)
        .env("HOME", &home.join("home").display().to_string())
        .env("XDG_DATA_HOME", &home.join("data").display().to_string())
        .run();
    assert_eq!(
        run.code, 0,
        "rungs assess --answers failed:\n{}",
        run.stderr
    );
    run
}

/// A temporary home: assessments land in `<tmp>/data/rungs/assessments`.
pub struct Sandbox {
    /// The folder, removed when the sandbox is dropped.
    pub dir: tempfile::TempDir,
}

impl Sandbox {
    /// A new, empty sandbox.
    pub fn new() -> Sandbox {
        Sandbox {
            dir: tempfile::tempdir().expect("a temporary folder"),
        }
    }

    /// `name` inside the sandbox.
    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// Write `text` to `name` inside the sandbox.
    pub fn write(&self, name: &str, text: &str) -> PathBuf {
        let path = self.path(name);
        std::fs::write(&path, text).expect("write a test file");
        path
    }

    /// The default assessments folder of the sandbox's person.
    pub fn assessments(&self) -> PathBuf {
        self.path("data/rungs/assessments")
    }

    /// Files in the assessments folder, sorted.
    pub fn saved(&self) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(self.assessments())
            .map(|entries| {
                entries
                    .filter_map(Result::ok)
                    .map(|e| e.file_name().to_string_lossy().into_owned())
                    .collect()
            })
            .unwrap_or_default();
        names.sort();
        names
    }

    /// Run `rungs ARGS` as the sandbox's person (HOME and XDG_DATA_HOME inside it).
    pub fn run(&self, args: &[&str]) -> Run {
        self.run_with_data_home(args, &self.path("data").display().to_string())
    }

    /// Like [`Sandbox::run`], with XDG_DATA_HOME set to `data_home`.
    pub fn run_with_data_home(&self, args: &[&str], data_home: &str) -> Run {
        let home = self.path("home").display().to_string();
        rungs_with_env(args, &[("HOME", &home), ("XDG_DATA_HOME", data_home)])
    }

    /// Output with the sandbox path replaced by `[TMP]`.
    pub fn clean(&self, text: &str) -> String {
        text.replace(&self.dir.path().display().to_string(), "[TMP]")
    }
}

//! `rungs completions SHELL`: a completion script on stdout.

use std::process::ExitCode;

use clap::CommandFactory;
use clap_complete::Shell;

use crate::cli::Cli;

pub fn run(shell: Shell) -> anyhow::Result<ExitCode> {
    let mut command = Cli::command();
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut command, "rungs", &mut script);
    super::write_stdout(&script)?;
    Ok(ExitCode::SUCCESS)
}

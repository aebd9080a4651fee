//! `rungs man`: the manual page in roff, on stdout or as one file per command.

use std::path::Path;
use std::process::ExitCode;

use anyhow::Context as _;
use clap::CommandFactory;

use super::Context;
use crate::cli::Cli;

pub fn run(context: &Context, out_dir: Option<&Path>) -> anyhow::Result<ExitCode> {
    let command = Cli::command();
    match out_dir {
        None => {
            let mut page = Vec::new();
            clap_mangen::Man::new(command).render(&mut page)?;
            super::write_stdout(&page)?;
        }
        Some(dir) => {
            if !dir.is_dir() {
                return Err(rungs::error::BadInput::new(format!(
                    "{}: no such folder; create it first",
                    dir.display()
                ))
                .into());
            }
            clap_mangen::generate_to(command, dir)
                .with_context(|| format!("cannot write manual pages into {}", dir.display()))?;
            context.say(format!("wrote manual pages into {}", dir.display()));
        }
    }
    Ok(ExitCode::SUCCESS)
}

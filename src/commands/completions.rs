//! `rungs completions SHELL`: a completion script on stdout.
//!
//! The script offers the ids known when it is made: the frameworks (built-in ones, and those
//! of --frameworks or RUNGS_FRAMEWORKS), their level ids for --target-level and their target
//! (role) ids for --target.

use std::collections::BTreeSet;
use std::process::ExitCode;

use clap::builder::{PossibleValue, PossibleValuesParser};
use clap_complete::Shell;

use super::Context;

pub fn run(context: &Context, shell: Shell) -> anyhow::Result<ExitCode> {
    let catalog = context.catalog()?;
    let mut frameworks = BTreeSet::new();
    let mut levels = BTreeSet::new();
    let mut targets = BTreeSet::new();
    for entry in &catalog.entries {
        let f = &entry.framework;
        frameworks.insert(f.id.clone());
        levels.extend(f.levels.iter().map(|l| l.id.clone()));
        targets.extend(f.targets.iter().map(|t| t.id.clone()));
    }
    let mut command = with_candidates(
        crate::cli::command(),
        &[
            ("framework", &frameworks),
            ("target_level", &levels),
            ("target", &targets),
        ],
    );
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut command, "rungs", &mut script);
    super::write_stdout(&script)?;
    Ok(ExitCode::SUCCESS)
}

/// The command with these candidates on every argument of these ids, in every subcommand. Only
/// the completion script is made from it: parsing still takes any value (a path, a
/// COMPETENCY=LEVEL pair).
fn with_candidates(
    command: clap::Command,
    candidates: &[(&str, &BTreeSet<String>)],
) -> clap::Command {
    let names: Vec<String> = command
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    let mut command = command;
    for name in names {
        command = command.mut_subcommand(name, |mut sub| {
            for (id, values) in candidates {
                if values.is_empty() || !sub.get_arguments().any(|a| a.get_id() == *id) {
                    continue;
                }
                let values: Vec<PossibleValue> = values
                    .iter()
                    .map(|v| PossibleValue::new(&*Box::leak(v.clone().into_boxed_str())))
                    .collect();
                sub = sub.mut_arg(*id, |a| a.value_parser(PossibleValuesParser::new(values)));
            }
            sub
        });
    }
    command
}

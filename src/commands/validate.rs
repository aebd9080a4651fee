use std::path::{Path, PathBuf};
use std::process::ExitCode;

use rungs::catalog::{read_framework_bytes, yaml_files_in};
use rungs::framework;

use super::Context;

/// Validate every file (folders expand to their YAML files); print every problem; exit 2 if any
/// file is invalid.
pub fn run(context: &Context, paths: &[PathBuf]) -> anyhow::Result<ExitCode> {
    let mut files = Vec::new();
    let mut invalid = 0usize;
    for path in paths {
        if path.is_dir() {
            match yaml_files_in(path) {
                Ok(found) if found.is_empty() => {
                    eprintln!("{}: no .yaml or .yml files in this folder", path.display());
                    invalid += 1;
                }
                Ok(found) => files.extend(found),
                Err(e) => {
                    e.problems.iter().for_each(|p| eprintln!("{p}"));
                    invalid += 1;
                }
            }
        } else {
            files.push(path.clone());
        }
    }
    for file in &files {
        if !validate_one(context, file) {
            invalid += 1;
        }
    }
    if invalid == 0 {
        context.say(format!("{} valid", plural(files.len(), "file")));
        Ok(ExitCode::SUCCESS)
    } else {
        eprintln!(
            "{} of {} invalid",
            plural(invalid, "file"),
            files.len().max(invalid)
        );
        Ok(ExitCode::from(2))
    }
}

fn validate_one(context: &Context, file: &Path) -> bool {
    let bytes = match read_framework_bytes(file) {
        Ok(b) => b,
        Err(e) => {
            e.problems.iter().for_each(|p| eprintln!("{p}"));
            return false;
        }
    };
    match framework::load(&file.display().to_string(), &bytes) {
        Ok(loaded) => {
            for w in &loaded.warnings {
                context.say(w);
            }
            true
        }
        Err(e) => {
            for d in &e.diagnostics {
                eprintln!("{d}");
            }
            false
        }
    }
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("{n} {word}")
    } else {
        format!("{n} {word}s")
    }
}

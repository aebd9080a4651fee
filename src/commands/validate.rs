//! `rungs validate PATH...`: check framework files (or every framework in a folder) and say
//! each problem with its file, line and column.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use rungs::catalog::{read_framework_bytes, yaml_files_in};
use rungs::framework;
use rungs::render::plural;

use super::Context;

/// What checking one file found.
enum Outcome {
    Valid { warnings: usize },
    Invalid,
}

/// Validate every file (folders expand to their YAML files); print every problem, one line
/// each; exit 2 if any file or folder is invalid.
pub fn run(context: &Context, paths: &[PathBuf]) -> anyhow::Result<ExitCode> {
    let mut files = Vec::new();
    let mut invalid = 0usize;
    for path in paths {
        if path.is_dir() {
            match yaml_files_in(path) {
                Ok(found) if found.files.is_empty() && found.skipped.is_empty() => {
                    super::eprint_line(format_args!(
                        "{}: is a folder with no .yaml or .yml files in it",
                        path.display()
                    ));
                    invalid += 1;
                }
                Ok(found) => {
                    for skipped in &found.skipped {
                        super::eprint_line(&skipped.detail);
                        invalid += 1;
                    }
                    files.extend(found.files);
                }
                Err(e) => {
                    e.problems.iter().for_each(super::eprint_line);
                    invalid += 1;
                }
            }
        } else {
            files.push(path.clone());
        }
    }
    let mut warnings = 0usize;
    for file in &files {
        match validate_one(context, file) {
            Outcome::Valid { warnings: w } => warnings += w,
            Outcome::Invalid => invalid += 1,
        }
    }
    let checked = files.len().max(invalid);
    if invalid == 0 {
        let mut summary = format!("{} valid", plural(checked, "file", "files"));
        if warnings > 0 {
            summary.push_str(&format!(" ({})", plural(warnings, "warning", "warnings")));
        }
        context.say(summary);
        Ok(ExitCode::SUCCESS)
    } else {
        if checked == 1 {
            context.say("1 file invalid");
        } else {
            context.say(format!("{invalid} of {checked} files invalid"));
        }
        Ok(ExitCode::from(2))
    }
}

fn validate_one(context: &Context, file: &Path) -> Outcome {
    let bytes = match read_framework_bytes(file) {
        Ok(b) => b,
        Err(e) => {
            e.problems.iter().for_each(super::eprint_line);
            return Outcome::Invalid;
        }
    };
    match framework::load(&file.display().to_string(), &bytes) {
        Ok(loaded) => {
            for w in &loaded.warnings {
                context.say(w);
            }
            Outcome::Valid {
                warnings: loaded.warnings.len(),
            }
        }
        Err(e) => {
            for d in &e.diagnostics {
                super::eprint_line(d);
            }
            Outcome::Invalid
        }
    }
}

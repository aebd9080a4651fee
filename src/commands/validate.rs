//! `rungs validate PATH...`: check framework files (or every framework in a folder) and say
//! each problem with its file, line and column.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use rungs::catalog::{read_framework_bytes, yaml_files_in};
use rungs::framework::{self, translation};
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
    // A framework's translation files are checked with it (contract section 13).
    let mut with_translations = Vec::new();
    for file in files {
        let beside = translations_beside(&file);
        if !with_translations.contains(&file) {
            with_translations.push(file);
        }
        for translation in beside {
            if !with_translations.contains(&translation) {
                with_translations.push(translation);
            }
        }
    }
    let files = with_translations;
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
    if translation::is_translation(&bytes) {
        return validate_translation(context, file, &bytes);
    }
    match framework::load(&file.display().to_string(), &bytes) {
        Ok(loaded) => {
            for w in &rungs::error::capped(&loaded.warnings) {
                context.say(w);
            }
            Outcome::Valid {
                warnings: loaded.warnings.len(),
            }
        }
        Err(e) => {
            for d in &rungs::error::capped(&e.diagnostics) {
                super::eprint_line(d);
            }
            Outcome::Invalid
        }
    }
}

/// The translation files beside a framework file (`F.LANG.yaml` beside `F.yaml`).
fn translations_beside(file: &Path) -> Vec<PathBuf> {
    let (Some(name), Some(dir)) = (file.file_name().and_then(|n| n.to_str()), file.parent()) else {
        return Vec::new();
    };
    let dir = if dir.as_os_str().is_empty() {
        Path::new(".")
    } else {
        dir
    };
    let Ok(found) = yaml_files_in(dir) else {
        return Vec::new();
    };
    found
        .files
        .into_iter()
        .filter(|f| {
            f.file_name()
                .and_then(|n| n.to_str())
                .and_then(|n| translation::language_of(name, n))
                .is_some()
                && read_framework_bytes(f).is_ok_and(|b| translation::is_translation(&b))
        })
        .map(|f| {
            if file.parent().is_some_and(|p| p.as_os_str().is_empty()) {
                f.strip_prefix("./").map(Path::to_path_buf).unwrap_or(f)
            } else {
                f
            }
        })
        .collect()
}

/// Check a translation file: its shape, then against the framework file its name belongs to
/// (unknown paths are errors, stale translations warnings).
fn validate_translation(context: &Context, file: &Path, bytes: &[u8]) -> Outcome {
    let shown = file.display().to_string();
    let read = match translation::read(&shown, bytes) {
        Ok(read) => read,
        Err(e) => {
            e.diagnostics.iter().for_each(super::eprint_line);
            return Outcome::Invalid;
        }
    };
    let Some((framework_file, _)) = translation::framework_beside(file) else {
        super::eprint_line(format_args!(
            "{shown}: a translation file is named after its framework file and language, e.g. skills.nl.yaml beside skills.yaml"
        ));
        return Outcome::Invalid;
    };
    let framework = match read_framework_bytes(&framework_file)
        .ok()
        .and_then(|b| framework::load(&framework_file.display().to_string(), &b).ok())
    {
        Some(loaded) => loaded.framework,
        None => {
            super::eprint_line(format_args!(
                "{shown}: no valid framework file {} beside it to check the translation against",
                framework_file.display()
            ));
            return Outcome::Invalid;
        }
    };
    let found = translation::check(&shown, &read, &framework);
    let mut warnings = 0;
    let mut invalid = false;
    for d in &found {
        if d.is_error() {
            invalid = true;
            super::eprint_line(d);
        } else {
            warnings += 1;
            context.say(d);
        }
    }
    if invalid {
        Outcome::Invalid
    } else {
        Outcome::Valid { warnings }
    }
}

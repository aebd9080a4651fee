//! `rungs validate PATH...`: check framework files (or every framework in a folder) and say
//! each problem with its file, line and column.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use rungs::catalog::{read_framework_bytes, yaml_files_in};
use rungs::error::Diagnostic;
use rungs::framework::{self, translation};
use rungs::render::plural;

use super::Context;

/// What checking one file found.
enum Outcome {
    /// Valid, with so many warnings; the framework id and digest when it is a framework (not
    /// a translation).
    Valid {
        warnings: usize,
        id: Option<(String, String)>,
    },
    Invalid,
}

/// Validate every file (folders expand to their YAML files); print every problem, one line
/// each; exit 2 if any file or folder is invalid.
///
/// Frameworks found in the folders given are a set, as a `--frameworks` folder is: a second
/// file with an id already used is invalid (the catalog would leave it out). A file named
/// on its own that reuses an id, or any file that reuses a built-in framework's id, is
/// warned about.
pub fn run(context: &Context, paths: &[PathBuf]) -> anyhow::Result<ExitCode> {
    let mut files = Vec::new();
    let mut in_folders = std::collections::HashSet::new();
    // Folders that could not be checked, and files found in them that could not be read.
    let mut bad_folders = 0usize;
    let mut unread = 0usize;
    for path in paths {
        if path.is_dir() {
            match yaml_files_in(path) {
                Ok(found) if found.files.is_empty() && found.skipped.is_empty() => {
                    super::eprint_line(format_args!(
                        "{}: is a folder with no .yaml or .yml files in it",
                        path.display()
                    ));
                    bad_folders += 1;
                }
                Ok(found) => {
                    for skipped in &found.skipped {
                        super::eprint_line(&skipped.detail);
                        unread += 1;
                    }
                    in_folders.extend(found.files.iter().cloned());
                    files.extend(found.files);
                }
                Err(e) => {
                    e.problems.iter().for_each(super::eprint_line);
                    bad_folders += 1;
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
    let mut invalid = unread;
    let builtin = rungs::catalog::Catalog::builtin();
    // Each framework id checked so far, with the file that has it.
    let mut ids: std::collections::HashMap<String, &Path> = std::collections::HashMap::new();
    for file in &files {
        match validate_one(context, file) {
            Outcome::Valid { warnings: w, id } => {
                warnings += w;
                let Some((id, digest)) = id else { continue };
                let shown = file.display().to_string();
                if let Some(first) = ids.get(id.as_str()) {
                    let message = format!(
                        "framework id {id:?} is already used by {}; in one --frameworks folder this file would be left out: give one of them another id",
                        first.display()
                    );
                    if in_folders.contains(file) && in_folders.contains(*first) {
                        super::eprint_line(Diagnostic::file_error(&shown, message));
                        invalid += 1;
                        continue;
                    }
                    context.say(Diagnostic::file_error(&shown, message).warning());
                    warnings += 1;
                } else if builtin.get(&id).is_some_and(|b| b.digest != digest) {
                    context.say(
                        Diagnostic::file_error(
                            &shown,
                            format!(
                                "framework id {id:?} is the id of a built-in framework: in a --frameworks folder this file is left out (the built-in one is used); give it another id"
                            ),
                        )
                        .warning(),
                    );
                    warnings += 1;
                }
                ids.entry(id).or_insert(file);
            }
            Outcome::Invalid => invalid += 1,
        }
    }
    let checked = files.len() + unread;
    let mut summary = if checked == 0 {
        String::new()
    } else if invalid == 0 {
        let mut summary = format!("{} valid", plural(checked, "file", "files"));
        if warnings > 0 {
            summary.push_str(&format!(" ({})", plural(warnings, "warning", "warnings")));
        }
        summary
    } else if checked == 1 {
        "1 file invalid".to_string()
    } else {
        format!("{invalid} of {checked} files invalid")
    };
    if bad_folders > 0 {
        let folders = format!("{} not checked", plural(bad_folders, "folder", "folders"));
        summary = if summary.is_empty() {
            folders
        } else {
            format!("{summary}; {folders}")
        };
    }
    context.say(summary);
    if invalid == 0 && bad_folders == 0 {
        Ok(ExitCode::SUCCESS)
    } else {
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
                id: Some((loaded.framework.id, loaded.digest)),
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
        Outcome::Valid { warnings, id: None }
    }
}

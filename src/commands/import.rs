//! `rungs import csv|case FILE`: a framework file from a spreadsheet or a CASE package.

use std::process::ExitCode;

use rungs::error::BadInput;
use rungs::framework::{self, Diagnostic, LoadError};
use rungs::import::{self, Imported, Options};
use rungs::io::write::{is_stdout, same_file, write_atomic};
use rungs::render;

use super::new::{check_destination, write_reason};
use super::Context;
use crate::cli::{ImportSource, LevelsFromArg};
use rungs::import::case::LevelsFrom;

/// Largest file imported, in bytes: refused before it is read.
const MAX_IMPORT_SIZE: u64 = 64 * 1024 * 1024;

pub fn run(context: &Context, source: &ImportSource) -> anyhow::Result<ExitCode> {
    let (args, kind) = match source {
        ImportSource::Csv(args) => (args, "csv"),
        ImportSource::Case(case) => (&case.common, "case"),
    };
    let shown = args.file.display().to_string();
    let what = if kind == "csv" {
        "sheet"
    } else {
        "CASE package"
    };
    let output = args.output.as_deref().filter(|out| !is_stdout(out));
    if let Some(out) = output {
        if same_file(out, &args.file) {
            return Err(BadInput::new(format!(
                "--output {}: that is the {what} being imported; write the framework to another file",
                out.display()
            ))
            .into());
        }
        check_destination(out, args.force)?;
    }
    let bytes = rungs::io::read_limited(&args.file, MAX_IMPORT_SIZE, what)?;
    let options = Options {
        id: args.id.clone(),
        name: args.name.clone(),
        version: args.version.clone(),
    };
    let imported = match source {
        ImportSource::Csv(_) => import::csv::import(&shown, &bytes, &options),
        ImportSource::Case(case) => {
            let levels_from = match case.levels_from {
                LevelsFromArg::EducationLevel => LevelsFrom::EducationLevel,
                LevelsFromArg::ItemType => LevelsFrom::ItemType,
                LevelsFromArg::One => LevelsFrom::One,
            };
            import::case::import(&shown, &bytes, &options, levels_from)
        }
    }
    .map_err(|e| problems(context, e))?;
    let text = write(&imported, kind, &shown, &bytes);
    for warning in &imported.warnings {
        context.say(warning);
    }
    // The same validation as any framework file, on the structs the file was written from.
    let (framework, problems) = framework::load::build(imported.framework);
    let (errors, warnings): (Vec<_>, Vec<_>) = problems.into_iter().partition(|p| !p.warning);
    let place = |p: &framework::load::Problem| {
        format!("{}: {}", framework::load::render_path(&p.path), p.message)
    };
    let Some(framework) = framework.filter(|_| errors.is_empty()) else {
        return Err(BadInput::located(
            errors
                .iter()
                .map(|p| {
                    Diagnostic::file_error(
                        &shown,
                        format!("the imported framework is not valid: {}", place(p)),
                    )
                })
                .collect(),
        )
        .into());
    };
    match output {
        None => super::write_stdout(text.as_bytes())?,
        Some(out) => {
            if let Err(e) = write_atomic(out, text.as_bytes()) {
                anyhow::bail!(
                    "cannot write {}: {}; nothing was changed",
                    out.display(),
                    write_reason(&e)
                );
            }
        }
    }
    for warning in &warnings {
        context.say(Diagnostic::file_error(&shown, place(warning)).warning());
    }
    let f = &framework;
    context.say(format!(
        "imported {}, {}, {}{}",
        render::plural(f.competencies.len(), "competency", "competencies"),
        render::plural(f.levels.len(), "level", "levels"),
        render::plural(f.indicator_count(), "indicator", "indicators"),
        match output {
            Some(out) => format!(
                " into {}; check it with: rungs validate {}",
                out.display(),
                out.display()
            ),
            None => String::new(),
        }
    ));
    Ok(ExitCode::SUCCESS)
}

/// Every error as one line (exit 2); the warnings found with them go to stderr.
fn problems(context: &Context, error: LoadError) -> BadInput {
    let (errors, warnings): (Vec<Diagnostic>, Vec<Diagnostic>) = error
        .diagnostics
        .into_iter()
        .partition(Diagnostic::is_error);
    for warning in warnings {
        context.say(warning);
    }
    BadInput::located(errors)
}

/// The framework file, with a header saying where it came from.
fn write(imported: &Imported, kind: &str, shown: &str, bytes: &[u8]) -> String {
    let mut header = format!(
        "Imported with `rungs import {kind}` from {shown}\n({}).\n",
        framework::digest(bytes)
    );
    if let Some(about) = &imported.about {
        header.push_str(&format!("Source: {about}.\n"));
    }
    header.push_str(
        "Check it with `rungs validate` after editing; see `rungs schema framework` for every key.",
    );
    framework::write::yaml(&imported.framework, &header)
}

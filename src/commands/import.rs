//! `rungs import sheet|case FILE`: a framework file from a spreadsheet or a CASE package.

use std::process::ExitCode;

use rungs::error::BadInput;
use rungs::framework::{self, Diagnostic, LoadError};
use rungs::import::rows::{Mapping, Sheet, TableSheets};
use rungs::import::table::Source;
use rungs::import::{self, Imported, Options};
use rungs::io::write::{is_stdout, same_file};
use rungs::render;

use super::new::{check_destination, write_destination};
use super::Context;
use crate::cli::{ImportSheetArgs, ImportSource, LevelsFromArg};
use rungs::import::case::LevelsFrom;

/// Largest file imported, in bytes: refused before it is read.
const MAX_IMPORT_SIZE: u64 = 64 * 1024 * 1024;

pub fn run(context: &Context, source: &ImportSource) -> anyhow::Result<ExitCode> {
    let (args, kind) = match source {
        ImportSource::Sheet(sheet) => (&sheet.common, "sheet"),
        ImportSource::Case(case) => (&case.common, "case"),
    };
    let shown = args.file.display().to_string();
    let what = if kind == "sheet" {
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
        keep_repeats: matches!(source, ImportSource::Sheet(sheet) if sheet.keep_repeats),
        wide: matches!(source, ImportSource::Sheet(sheet) if sheet.wide),
        split_lines: matches!(source, ImportSource::Sheet(sheet) if sheet.split.is_some()),
    };
    let imported = match source {
        ImportSource::Sheet(sheet) => import_sheet(context, sheet, &shown, &bytes, &options)?,
        ImportSource::Case(case) => {
            let levels_from = match case.levels_from {
                LevelsFromArg::EducationLevel => LevelsFrom::EducationLevel,
                LevelsFromArg::ItemType => LevelsFrom::ItemType,
                LevelsFromArg::One => LevelsFrom::One,
            };
            import::case::import(&shown, &bytes, &options, levels_from)
                .map_err(|e| problems(context, e))?
        }
    };
    for warning in &rungs::error::capped(&imported.warnings) {
        context.say(warning);
    }
    // The same validation as any framework file, on the structs the file was written from.
    let problems = framework::load::problems(&imported.framework);
    let (errors, warnings): (Vec<_>, Vec<_>) = problems.into_iter().partition(|p| !p.warning);
    let place = |p: &framework::load::Problem| {
        format!("{}: {}", framework::load::render_path(&p.path), p.message)
    };
    if !errors.is_empty() {
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
    }
    // Written once the structs pass: while they are checked, the text would only take room.
    let text = write(&imported, kind, &shown, &bytes);
    if text.len() > framework::load::MAX_FILE_SIZE {
        return Err(BadInput::located(vec![Diagnostic::file_error(
            &shown,
            format!(
                "the framework would be {} bytes, and framework files are limited to {} bytes (8 MiB); nothing was written. Shorten the longest cells, or split the sheet into several frameworks",
                text.len(),
                framework::load::MAX_FILE_SIZE
            ),
        )])
        .into());
    }
    match output {
        None => super::write_stdout(text.as_bytes())?,
        Some(out) => {
            write_destination(out, text.as_bytes(), args.force)?;
        }
    }
    let warnings: Vec<Diagnostic> = warnings
        .iter()
        .map(|w| Diagnostic::file_error(&shown, place(w)).warning())
        .collect();
    for warning in &rungs::error::capped(&warnings) {
        context.say(warning);
    }
    let f = &imported.framework;
    let indicators = f
        .competencies
        .iter()
        .flat_map(|c| &c.levels)
        .map(|l| l.indicators.len())
        .sum();
    context.say(format!(
        "imported {}, {}, {}{}",
        render::plural(f.competencies.len(), "competency", "competencies"),
        render::plural(f.levels.len(), "level", "levels"),
        render::plural(indicators, "indicator", "indicators"),
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

/// A sheet (and its roles, from the same workbook or another file) as a framework.
fn import_sheet(
    context: &Context,
    args: &ImportSheetArgs,
    shown: &str,
    bytes: &[u8],
    options: &Options,
) -> Result<Imported, BadInput> {
    let mappings = args
        .columns
        .iter()
        .map(|c| Mapping::parse(c))
        .collect::<Result<Vec<_>, _>>()
        .map_err(BadInput::new)?;
    let encoding = args
        .encoding
        .as_deref()
        .map(rungs::import::table::encoding_label)
        .transpose()
        .map_err(BadInput::new)?;
    let mut source = Source::open_as(shown, bytes, encoding).map_err(|e| problems(context, e))?;
    if encoding.is_some() && source.is_workbook() {
        context.warn(format_args!(
            "--encoding is for text sheets; {shown} is a workbook, which says its own encoding"
        ));
    }
    let table = source
        .table(args.sheet.as_deref())
        .map_err(|e| problems(context, e))?;
    let roles_table;
    let roles_bytes;
    let roles_shown;
    let roles = match (&args.roles, &args.roles_sheet) {
        (Some(file), _) => {
            roles_shown = file.display().to_string();
            roles_bytes = rungs::io::read_limited(file, MAX_IMPORT_SIZE, "roles sheet")?;
            let mut roles_source = Source::open_as(&roles_shown, &roles_bytes, encoding)
                .map_err(|e| problems(context, e))?;
            roles_table = roles_source.table(None).map_err(|e| problems(context, e))?;
            Some(Sheet {
                file: &roles_shown,
                table: &roles_table,
            })
        }
        (None, Some(name)) => {
            if !source.is_workbook() {
                return Err(BadInput::new(format!(
                    "{shown} is a text sheet, with no sheet {name:?}; give the roles with --roles FILE"
                )));
            }
            roles_table = source.table(Some(name)).map_err(|e| problems(context, e))?;
            Some(Sheet {
                file: shown,
                table: &roles_table,
            })
        }
        (None, None) => None,
    };
    let mut tables = Vec::new();
    for (flag, name) in [
        ("--levels-sheet", &args.levels_sheet),
        ("--competencies-sheet", &args.competencies_sheet),
        ("--groups-sheet", &args.groups_sheet),
    ] {
        let Some(name) = name else {
            tables.push(None);
            continue;
        };
        if !source.is_workbook() {
            return Err(BadInput::new(format!(
                "{flag} {name:?}: {shown} is a text sheet, with no sheets by name; give a workbook (.xlsx, .ods)"
            )));
        }
        tables.push(Some(
            source.table(Some(name)).map_err(|e| problems(context, e))?,
        ));
    }
    fn sheet<'a>(file: &'a str, table: &'a Option<rungs::import::Table>) -> Option<Sheet<'a>> {
        table.as_ref().map(|table| Sheet { file, table })
    }
    let result = import::rows::import_with_tables(
        Sheet {
            file: shown,
            table: &table,
        },
        roles,
        TableSheets {
            levels: sheet(shown, &tables[0]),
            competencies: sheet(shown, &tables[1]),
            groups: sheet(shown, &tables[2]),
        },
        options,
        &mappings,
    );
    result.map_err(|mut e| {
        // A sheet without a column it needs may not be the sheet meant: name them all.
        let missing = e
            .diagnostics
            .iter()
            .any(|d| d.is_error() && d.message.starts_with("missing column"));
        if missing && source.is_workbook() {
            let sheets: Vec<String> = source
                .overview()
                .into_iter()
                .map(|(name, first)| {
                    format!(
                        "{:?} ({})",
                        render::safe::visible(&name),
                        render::safe::visible(&first.join(", "))
                    )
                })
                .collect();
            e.diagnostics.push(Diagnostic::file_error(
                shown,
                format!(
                    "the workbook's sheets, with their first row: {}; pick the one to read with --sheet NAME",
                    sheets.join("; ")
                ),
            ));
        }
        problems(context, e)
    })
}

/// Every error as one line (exit 2); the warnings found with them go to stderr.
fn problems(context: &Context, error: LoadError) -> BadInput {
    let (errors, warnings): (Vec<Diagnostic>, Vec<Diagnostic>) = error
        .diagnostics
        .into_iter()
        .partition(Diagnostic::is_error);
    for warning in &rungs::error::capped(&warnings) {
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

//! `rungs translate FRAMEWORK --lang LANG`: write the translator's sheet (`-o SHEET`), or read
//! translated sheets back (`--from SHEET`) into the translation file `F.LANG.yaml`.

use std::path::Path;
use std::process::ExitCode;

use rungs::catalog::{Entry, Origin};
use rungs::error::BadInput;
use rungs::framework::translation::{self, Translation};
use rungs::import::table::{Source, MAX_SHEET_SIZE};
use rungs::import::translation as sheet;
use rungs::io::write::{same_file, write_atomic};
use rungs::render::plural;

use super::new::{check_destination, write_reason};
use super::Context;
use crate::cli::TranslateArgs;

/// How many unmatched rows are named before "and N more".
const SHOWN_UNMATCHED: usize = 5;

pub fn run(context: &Context, args: &TranslateArgs) -> anyhow::Result<ExitCode> {
    if !translation::is_language(&args.lang) {
        return Err(BadInput::new(format!(
            "--lang {:?} is not a language tag; give one like nl, de or pt-BR",
            args.lang
        ))
        .into());
    }
    let catalog = context.catalog()?;
    let entry = catalog.resolve(&args.framework)?;
    match &args.output {
        Some(out) => write_sheet(context, &entry, &args.lang, out, args.force),
        None => read_sheets(context, &entry, args),
    }
}

/// `-o SHEET`: one row per text, targets filled from the translation file.
fn write_sheet(
    context: &Context,
    entry: &Entry,
    lang: &str,
    out: &Path,
    force: bool,
) -> anyhow::Result<ExitCode> {
    let existing = entry.translation(lang)?.map(|(_, t)| t);
    let rows = sheet::rows(&entry.framework, existing.as_ref());
    let workbook = out
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("xlsx"));
    let bytes = if workbook {
        sheet::xlsx(&rows)
    } else {
        sheet::csv(&rows)
    }
    .map_err(|e| anyhow::anyhow!("{}: cannot write the sheet: {e}", out.display()))?;
    if rungs::io::write::is_stdout(out) {
        context.print(&String::from_utf8_lossy(&bytes))?;
        return Ok(ExitCode::SUCCESS);
    }
    check_destination(out, force).map_err(anyhow::Error::from)?;
    write_atomic(out, &bytes)
        .map_err(|e| anyhow::anyhow!("{}: {}", out.display(), write_reason(&e)))?;
    let filled = rows.iter().skip(1).filter(|r| !r[3].is_empty()).count();
    context.say(format!(
        "Wrote {} ({} of {} filled in)",
        out.display(),
        filled,
        plural(rows.len() - 1, "text", "texts")
    ));
    Ok(ExitCode::SUCCESS)
}

/// `--from SHEET...`: each sheet's rows added to `F.LANG.yaml`, then what came of it.
fn read_sheets(context: &Context, entry: &Entry, args: &TranslateArgs) -> anyhow::Result<ExitCode> {
    let Origin::File(framework_path) = &entry.origin else {
        return Err(BadInput::new(format!(
            "{} is built in; its translations ship with rungs. To translate it, save it with `rungs show {} --format csv` and `rungs import sheet`, or copy its file, and translate that",
            entry.framework.id, entry.framework.id
        ))
        .into());
    };
    let target = translation::path_beside(framework_path, &args.lang);
    let mappings = args
        .columns
        .iter()
        .map(|c| sheet::mapping(c))
        .collect::<Result<Vec<_>, _>>()
        .map_err(BadInput::new)?;
    let mut translation = match entry.translation(&args.lang)? {
        Some((_, found)) => found,
        None => Translation::new(&entry.framework, &args.lang),
    };
    translation.version = Some(entry.framework.version.clone());
    let mut unmatched = Vec::new();
    for from in &args.from {
        if same_file(from, &target) || same_file(from, framework_path) {
            return Err(BadInput::new(format!(
                "--from {}: that is the translation or framework file itself; give the translated sheet",
                from.display()
            ))
            .into());
        }
        let shown = from.display().to_string();
        let bytes = rungs::io::read_limited(from, MAX_SHEET_SIZE as u64, "sheet")?;
        let mut source = Source::open(&shown, &bytes).map_err(BadInput::from)?;
        let table = source
            .table(args.sheet.as_deref())
            .map_err(BadInput::from)?;
        let read = sheet::read_back(
            &shown,
            &table,
            &mappings,
            &entry.framework,
            &mut translation,
        )
        .map_err(BadInput::new)?;
        for conflict in &read.conflicts {
            context.warn(conflict);
        }
        unmatched.extend(read.unmatched.into_iter().map(|u| (shown.clone(), u)));
    }
    let yaml = translation.yaml(&entry.framework);
    write_atomic(&target, yaml.as_bytes())
        .map_err(|e| anyhow::anyhow!("{}: {}", target.display(), write_reason(&e)))?;
    let applied = translation.apply(&entry.framework);
    context.say(format!(
        "{}: translated {} of {} into {}",
        target.display(),
        applied.translated,
        plural(applied.total, "text", "texts"),
        args.lang
    ));
    if !unmatched.is_empty() {
        let mut line = format!(
            "{} matched no text of {}:",
            plural(unmatched.len(), "row", "rows"),
            entry.framework.id
        );
        for (file, row) in unmatched.iter().take(SHOWN_UNMATCHED) {
            line.push_str(&format!(" {file}:{} {:?};", row.row, shortened(&row.what)));
        }
        if unmatched.len() > SHOWN_UNMATCHED {
            line.push_str(&format!(" and {} more", unmatched.len() - SHOWN_UNMATCHED));
        } else {
            line.pop();
        }
        context.warn(line);
    }
    let stale = sheet::stale(&entry.framework, &translation);
    if !stale.is_empty() {
        let mut line = format!(
            "{} stale (the source changed since it was translated; shown in the source language until translated again):",
            plural(stale.len(), "translation is", "translations are")
        );
        for path in stale.iter().take(SHOWN_UNMATCHED) {
            line.push_str(&format!(" {path};"));
        }
        if stale.len() > SHOWN_UNMATCHED {
            line.push_str(&format!(" and {} more", stale.len() - SHOWN_UNMATCHED));
        } else {
            line.pop();
        }
        context.warn(line);
    }
    Ok(ExitCode::SUCCESS)
}

/// At most 40 characters of a cell, for a message.
fn shortened(text: &str) -> String {
    let mut out: String = text.chars().take(40).collect();
    if text.chars().nth(40).is_some() {
        out.push('…');
    }
    out
}

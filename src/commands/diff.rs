//! `rungs diff OLD NEW`: what changed between two assessments of one framework.

use std::process::ExitCode;

use rungs::assessment::file;
use rungs::diff::{diff, Side};
use rungs::error::BadInput;
use rungs::render::diff::{json_text, markdown_text, table_text, DiffReport, SideSummary};
use rungs::render::Style;

use rungs::scoring::TargetRequest;

use super::report::{attach, choose_ladder, emit, Opened};
use super::Context;
use crate::cli::{DiffArgs, DiffFormat};

fn summary(opened: &Opened) -> SideSummary {
    SideSummary {
        file: opened.path.display().to_string(),
        subject: opened.assessment.subject.clone(),
        date: opened
            .assessment
            .completed_at
            .clone()
            .unwrap_or_else(|| opened.assessment.started_at.clone()),
        version: opened.entry.framework.version.clone(),
    }
}

/// Run `rungs diff`.
pub fn run(context: &Context, args: &DiffArgs) -> anyhow::Result<ExitCode> {
    let old = file::read(&args.old)?;
    let new = file::read(&args.new)?;
    if old.framework.id != new.framework.id {
        return Err(BadInput::new(format!(
            "cannot compare {} (framework {:?}) with {} (framework {:?}): diff compares two assessments of one framework",
            args.old.display(),
            old.framework.id,
            args.new.display(),
            new.framework.id
        ))
        .into());
    }
    let catalog = context.catalog()?;
    let override_entry = super::report::load_override(&args.framework)?;
    let old = attach(context, &catalog, &args.old, old, override_entry.as_ref())?;
    let new = attach(context, &catalog, &args.new, new, override_entry.as_ref())?;
    let none = TargetRequest::default();
    let asked = args.track.track.as_deref();
    let old_ladder = choose_ladder(
        &old.entry.framework,
        asked,
        old.assessment.track.as_deref(),
        &none,
    )?;
    let new_ladder = choose_ladder(
        &new.entry.framework,
        asked,
        new.assessment.track.as_deref(),
        &none,
    )?;
    let changes = diff(
        Side {
            framework: &old.entry.framework,
            ladder: &old_ladder,
            ratings: &old.assessment.ratings,
        },
        Side {
            framework: &new.entry.framework,
            ladder: &new_ladder,
            ratings: &new.assessment.ratings,
        },
    );
    let report = DiffReport::new(&new.entry.framework, summary(&old), summary(&new), changes);
    let style = Style {
        width: context.width,
        color: context.color,
    };
    let text = match args.format {
        DiffFormat::Table => table_text(&report, style),
        DiffFormat::Json => json_text(&report),
        DiffFormat::Markdown => markdown_text(&report),
    };
    emit(context, None, false, &text)?;
    Ok(ExitCode::SUCCESS)
}

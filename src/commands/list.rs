//! `rungs list`: the frameworks available, or with `--assessments` the saved assessments.

use std::process::ExitCode;

use rungs::render::{self, Style};

use super::Context;

pub fn run(context: &Context) -> anyhow::Result<ExitCode> {
    let catalog = context.catalog()?;
    let style = Style {
        width: context.width,
        color: context.color,
        ..Style::default()
    };
    let languages: Vec<Vec<String>> = catalog.entries.iter().map(|e| e.languages()).collect();
    context.print(&render::catalog::list(&catalog, &languages, style))?;
    Ok(ExitCode::SUCCESS)
}

/// `rungs ls`, `rungs list --assessments`: what the assessments folder holds.
pub fn assessments(context: &Context) -> anyhow::Result<ExitCode> {
    let dir = rungs::assessment::folder::default_dir()?;
    let listing = rungs::assessment::folder::list(&dir);
    let style = Style {
        width: context.width,
        color: context.color,
        ..Style::default()
    };
    context.print(&render::catalog::assessments(
        &listing,
        &dir.display().to_string(),
        style,
    ))?;
    Ok(ExitCode::SUCCESS)
}

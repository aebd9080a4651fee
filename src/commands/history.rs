//! `rungs history FILE...`: scores per competency over several assessments of one framework.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::process::ExitCode;

use rungs::assessment::file;
use rungs::catalog::io_reason;
use rungs::error::BadInput;
use rungs::history::{history, Point};
use rungs::render::history::{json_text, markdown_text, table_text};
use rungs::render::report::{level_text, Report};
use rungs::render::Style;

use rungs::scoring::TargetRequest;

use super::report::{attach, choose_ladder, emit};
use super::Context;
use crate::cli::{DiffFormat, HistoryArgs};

/// The assessment files named: files as given, folders as the `.json` files directly inside.
fn expand(paths: &[PathBuf]) -> Result<Vec<PathBuf>, BadInput> {
    let mut files = Vec::new();
    let mut problems = Vec::new();
    for path in paths {
        if !path.is_dir() {
            files.push(path.clone());
            continue;
        }
        let entries = match std::fs::read_dir(path) {
            Ok(entries) => entries,
            Err(e) => {
                problems.push(format!(
                    "{}: cannot read folder: {}",
                    path.display(),
                    io_reason(&e)
                ));
                continue;
            }
        };
        let mut found: Vec<PathBuf> = entries
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.is_file() && p.extension().is_some_and(|x| x == "json"))
            .collect();
        if found.is_empty() {
            problems.push(format!(
                "{}: no assessment files (*.json) in this folder",
                path.display()
            ));
        }
        found.sort();
        files.extend(found);
    }
    if problems.is_empty() {
        Ok(files)
    } else {
        Err(BadInput::many(problems))
    }
}

/// Run `rungs history`.
pub fn run(context: &Context, args: &HistoryArgs) -> anyhow::Result<ExitCode> {
    let files = expand(&args.files)?;
    let mut read = Vec::new();
    let mut problems = Vec::new();
    for path in files {
        match file::read(&path) {
            Ok(assessment) => read.push((path, assessment)),
            Err(e) => problems.extend(e.problems),
        }
    }
    if !problems.is_empty() {
        return Err(BadInput::many(problems).into());
    }
    let mut by_framework: BTreeMap<&str, Vec<String>> = BTreeMap::new();
    for (path, assessment) in &read {
        by_framework
            .entry(&assessment.framework.id)
            .or_default()
            .push(path.display().to_string());
    }
    if by_framework.len() > 1 {
        let mut lines = vec![format!(
            "history follows one framework, but these assessments are of {}; pass the files of one of them:",
            by_framework.len()
        )];
        for (id, files) in &by_framework {
            lines.push(format!("  {id}: {}", files.join(", ")));
        }
        return Err(BadInput::many(lines).into());
    }

    let catalog = context.catalog()?;
    let override_entry = super::report::load_override(&args.framework)?;
    let mut opened = Vec::new();
    for (path, assessment) in read {
        opened.push(attach(
            context,
            &catalog,
            &path,
            assessment,
            override_entry.as_ref(),
        )?);
    }
    let none = TargetRequest::default();
    let ladders = opened
        .iter()
        .map(|o| {
            choose_ladder(
                &o.entry.framework,
                args.track.track.as_deref(),
                o.assessment.track.as_deref(),
                &none,
            )
        })
        .collect::<Result<Vec<_>, _>>()?;
    let labels: Vec<String> = opened
        .iter()
        .map(|o| o.path.display().to_string())
        .collect();
    let points: Vec<Point<'_>> = opened
        .iter()
        .zip(&labels)
        .zip(&ladders)
        .map(|((o, label), ladder)| Point {
            label,
            assessment: &o.assessment,
            framework: &o.entry.framework,
            ladder,
        })
        .collect();
    let mut timeline = history(&points).map_err(BadInput::new)?;
    let (given, problems) = super::report::target_request(&args.target);
    if !problems.is_empty() {
        return Err(BadInput::many(problems).into());
    }
    // The newest assessment decides: its saved target, and the gaps shown.
    let newest = timeline.assessments.last().and_then(|d| {
        opened
            .iter()
            .zip(&ladders)
            .find(|(o, _)| o.path.display().to_string() == d.file)
    });
    if let Some((newest, ladder)) = newest {
        let saved = newest.assessment.target.as_ref().or_else(|| {
            opened
                .iter()
                .rev()
                .find_map(|o| o.assessment.target.as_ref())
        });
        let request = super::report::effective_target(
            context,
            given,
            saved,
            &newest.entry.framework,
            ladder,
            &newest.path.display().to_string(),
        );
        if !request.is_empty() {
            let report = Report::from_ratings_on(
                &newest.entry.framework,
                ladder,
                &newest.assessment.ratings,
                &request,
            )
            .map_err(BadInput::many)?;
            super::report::warn_unreachable(context, &newest.entry.framework, ladder, &request);
            for series in &mut timeline.competencies {
                if let Some(c) = report.competencies.iter().find(|c| c.id == series.id) {
                    series.target = c
                        .target_rank
                        .map(|rank| level_text(rank, c.target_title.as_deref()));
                    series.gap = c.gap;
                }
            }
            timeline.target = report.target.map(|t| t.description);
        }
    }
    let style = Style {
        width: context.width,
        color: context.color,
    };
    let text = match args.format {
        DiffFormat::Table => table_text(&timeline, style),
        DiffFormat::Json => json_text(&timeline),
        DiffFormat::Markdown => markdown_text(&timeline),
    };
    emit(context, None, false, &text)?;
    Ok(ExitCode::SUCCESS)
}

//! `rungs history FILE...`: scores per competency over several assessments of one framework.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::process::ExitCode;

use rungs::assessment::person::{self, Labelled};
use rungs::assessment::{file, Assessment};
use rungs::error::{BadInput, Diagnostic};
use rungs::history::{history, History, HistoryPoint};
use rungs::io::{files_in, Depth};
use rungs::render::history::Histories;
use rungs::report::Report;
use rungs::words::level_text;

use rungs::assessment::TargetRequest;
use rungs::open::{attach, choose_ladder, effective_target, unreachable};

use super::output::Output;
use super::Context;
use crate::cli::HistoryArgs;

/// The assessment files named: files as given, folders as the `.json` files inside, subfolders
/// searched as `team` searches them.
/// Whatever in a folder cannot be read as a file is a problem, as an unreadable file is.
fn expand(paths: &[PathBuf]) -> Result<Vec<PathBuf>, BadInput> {
    let mut files = Vec::new();
    let mut problems = Vec::new();
    for path in paths {
        if !path.is_dir() {
            files.push(path.clone());
            continue;
        }
        match files_in(path, &["json"], Depth::Nested) {
            Ok(found) => {
                if found.files.is_empty() && found.skipped.is_empty() {
                    problems.push(Diagnostic::file_error(
                        &path.display().to_string(),
                        "no assessment files (*.json) in this folder",
                    ));
                }
                problems.extend(found.skipped.into_iter().map(|s| s.detail));
                files.extend(found.files);
            }
            Err(problem) => problems.push(problem),
        }
    }
    if problems.is_empty() {
        Ok(files)
    } else {
        Err(BadInput::located(problems))
    }
}

/// Run `rungs history`.
pub fn run(context: &Context, args: &HistoryArgs) -> anyhow::Result<ExitCode> {
    let format = args.output.format(args.format)?;
    let mut named = Vec::new();
    for argument in &args.files {
        named.extend(super::named::assessments(argument)?);
    }
    let files = expand(&named)?;
    let output = Output::new(args.output.path.as_deref(), args.output.force)
        .in_language(args.lang.lang.as_deref());
    output.refuse_framework(&args.framework)?;
    output.refuse_inputs(
        files.iter().map(PathBuf::as_path),
        "one of the assessments read; write to another file",
    )?;
    let mut read = Vec::new();
    let mut problems = Vec::new();
    for path in files {
        match file::read(&path) {
            Ok(assessment) => read.push((path, assessment)),
            Err(e) => problems.extend(e.problems),
        }
    }
    if !problems.is_empty() {
        return Err(BadInput::located(problems).into());
    }
    let read = one_person(args, read)?;
    // Several frameworks (a folder holds them all): one history each, by framework id.
    let mut by_framework: BTreeMap<String, Vec<(PathBuf, Assessment)>> = BTreeMap::new();
    for (path, assessment) in read {
        by_framework
            .entry(assessment.framework.id.clone())
            .or_default()
            .push((path, assessment));
    }
    let catalog = context.catalog()?;
    let override_entry = args.framework.load()?;
    let mut histories = Vec::new();
    for (_, read) in by_framework {
        histories.push(one_framework(
            context,
            args,
            &catalog,
            override_entry.as_ref(),
            read,
        )?);
    }
    output.write(context, &Histories(histories), format.into())?;
    Ok(ExitCode::SUCCESS)
}

/// The assessments `--subject` and `--rater` pick; refused when those left are of more than
/// one person or rater (a history follows one person rated by one rater).
fn one_person(
    args: &HistoryArgs,
    read: Vec<(PathBuf, Assessment)>,
) -> Result<Vec<(PathBuf, Assessment)>, BadInput> {
    let subject = args.subject.as_deref().map(person::name);
    let had = read.len();
    let read: Vec<(PathBuf, Assessment)> = read
        .into_iter()
        .filter(|(_, a)| {
            subject
                .as_ref()
                .is_none_or(|s| a.subject_name().as_ref() == Some(s))
                && args.rater.as_deref().is_none_or(|r| a.is_rated_by(r))
        })
        .collect();
    if read.is_empty() && had > 0 {
        let mut wanted = Vec::new();
        if let Some(subject) = &subject {
            wanted.push(format!("of {subject:?}"));
        }
        if let Some(rater) = &args.rater {
            wanted.push(format!("by {:?}", person::name(rater)));
        }
        return Err(BadInput::new(format!(
            "none of the {had} assessments is {}",
            wanted.join(" ")
        )));
    }
    let labels: Vec<String> = read.iter().map(|(p, _)| p.display().to_string()).collect();
    let mut frameworks: Vec<&str> = read.iter().map(|(_, a)| a.framework.id.as_str()).collect();
    frameworks.sort_unstable();
    frameworks.dedup();
    for framework in frameworks {
        let items: Vec<Labelled> = read
            .iter()
            .zip(&labels)
            .filter(|((_, a), _)| a.framework.id == framework)
            .map(|((_, assessment), label)| Labelled { label, assessment })
            .collect();
        person::one_series(
            &items,
            "history",
            "pick one series with --subject NAME and --rater NAME (or --rater self)",
        )?;
    }
    Ok(read)
}

/// The history of the assessments of one framework.
fn one_framework(
    context: &Context,
    args: &HistoryArgs,
    catalog: &rungs::catalog::Catalog,
    override_entry: Option<&rungs::catalog::Entry>,
    read: Vec<(PathBuf, Assessment)>,
) -> anyhow::Result<History> {
    let mut opened = Vec::new();
    // Each framework's texts in the language asked for, once per framework file.
    let mut shown: Vec<(String, std::sync::Arc<rungs::framework::Framework>)> = Vec::new();
    for (path, assessment) in read {
        let mut one = attach(catalog, &path, assessment, override_entry)?;
        context.warn_all(&one.warnings);
        if args.lang.lang.is_some() {
            let found = shown.iter().find(|(digest, _)| *digest == one.entry.digest);
            let framework = match found {
                Some((_, framework)) => framework.clone(),
                None => {
                    let translated = context.in_language(&one.entry, args.lang.lang.as_deref())?;
                    let framework = translated
                        .map_or_else(|| one.entry.framework.clone(), |t| t.framework.into());
                    shown.push((one.entry.digest.clone(), framework.clone()));
                    framework
                }
            };
            // The ratings were fitted to the framework as written; only its texts change.
            one.entry.framework = framework;
        }
        opened.push(one);
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
    let points: Vec<HistoryPoint<'_>> = opened
        .iter()
        .zip(&labels)
        .zip(&ladders)
        .map(|((o, label), ladder)| HistoryPoint {
            label,
            assessment: &o.assessment,
            framework: &o.entry.framework,
            ladder,
        })
        .collect();
    let mut timeline = history(&points)?;
    let (given, problems) = args.target.request();
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
        let (request, misfit) = effective_target(
            given,
            saved,
            &newest.entry.framework,
            ladder,
            &newest.path.display().to_string(),
        );
        context.warn_all(misfit);
        if !request.is_empty() {
            let report = Report::from_ratings_on(
                &newest.entry.framework,
                ladder,
                &newest.assessment.ratings,
                &request,
            )?;
            context.warn_all(unreachable(&newest.entry.framework, ladder, &request));
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
    Ok(timeline)
}

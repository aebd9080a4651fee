//! `rungs report FILE`: profile, gaps and plan of a saved assessment, in five formats.

use std::process::ExitCode;

use rungs::error::BadInput;
use rungs::open::{choose_ladder, effective_target, open, unreachable};
use rungs::report::Report;

use super::output::Output;
use super::Context;
use crate::cli::{ReportArgs, ReportFormat};

/// Run `rungs report`.
pub fn run(context: &Context, args: &ReportArgs) -> anyhow::Result<ExitCode> {
    let format = args.output.format(args.format)?;
    let file = super::named::latest(&args.file)?;
    if file != args.file {
        context.say(format!("Reporting {}", file.display()));
        if let Some(complete) = super::named::latest_complete_behind(&args.file) {
            context.say(format!(
                "It is in progress; the latest complete one is {}: rungs report {}",
                complete.display(),
                rungs::assessment::destination::shell_word(&complete)
            ));
        }
    }
    let (request, problems) = args.target.request();
    let catalog = context.catalog()?;
    let issued = super::issued(args.issued.as_deref())?;
    let opened = open(&catalog, &file, args.framework.load()?.as_ref())?;
    if let Some(issued) = &issued {
        issued.check(&opened.assessment).map_err(|why| {
            BadInput::new(format!(
                "left out: {}: {why}; nothing is left to report",
                rungs::render::visible(&file.display().to_string())
            ))
        })?;
    }
    context.warn_all(&opened.warnings);
    let framework = &opened.entry.framework;
    let ladder = choose_ladder(
        framework,
        args.track.track.as_deref(),
        opened.assessment.track.as_deref(),
        &request,
    )?;
    let (request, misfit) = effective_target(
        request,
        opened.assessment.target.as_ref(),
        framework,
        &ladder,
        &file.display().to_string(),
    );
    context.warn_all(misfit);
    context.warn_all(unreachable(framework, &ladder, &request));
    let human = matches!(
        format,
        ReportFormat::Table | ReportFormat::Markdown | ReportFormat::Html
    );
    let hint = (request.is_empty() && human).then(|| no_target_hint(framework));
    // Scored on the framework as written; its texts shown in the language asked for.
    let translated = context.in_language(&opened.entry, args.lang.lang.as_deref())?;
    if let (Some(translated), Some(lang)) = (&translated, args.lang.lang.as_deref()) {
        context.say_untranslated(translated, lang);
    }
    let framework: &rungs::framework::Framework =
        translated.as_ref().map_or(framework, |t| &t.framework);
    let report = Report::on_ladder(framework, &ladder, &opened.assessment, &request);
    let report = match report {
        Ok(report) if problems.is_empty() && args.explain => {
            report.with_explanations(framework, &ladder, &opened.assessment.ratings)
        }
        Ok(report) if problems.is_empty() => report,
        Ok(_) => return Err(BadInput::many(problems).into()),
        Err(more) => return Err(BadInput::many(problems).and(more).into()),
    };
    let report = if args.no_notes {
        report.without_notes()
    } else {
        report
    };
    let report = match &args.kind {
        Some(kind) => report.only_kind(framework, kind)?,
        None => report,
    };
    // The report carries everything it prints: free the framework and ratings before the
    // output, the largest allocation, is built.
    drop(opened);
    drop(catalog);
    let output = Output::new(args.output.path.as_deref(), args.output.force)
        .in_language(args.lang.lang.as_deref());
    output.refuse_framework(&args.framework)?;
    output.refuse_inputs(
        [file.as_path()],
        "the assessment being reported; write the report to another file",
    )?;
    output.write(context, &report, format.into())?;
    if let Some(hint) = hint {
        context.say(hint);
    }
    Ok(ExitCode::SUCCESS)
}

/// The one line that says how to get the gap table and plan a report without a target leaves
/// out.
fn no_target_hint(framework: &rungs::framework::Framework) -> String {
    let levels: Vec<&str> = framework.levels.iter().map(|l| l.id.as_str()).collect();
    let mut hint = format!(
        "hint: no target, so no gap table or development plan; add --target-level LEVEL ({})",
        levels.join(", ")
    );
    if !framework.targets.is_empty() {
        let roles: Vec<&str> = framework.targets.iter().map(|t| t.id.as_str()).collect();
        hint.push_str(&format!(" or --target ROLE ({})", roles.join(", ")));
    }
    hint
}

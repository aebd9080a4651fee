//! `rungs report FILE`: profile, gaps and plan of a saved assessment, in five formats.
//!
//! Also home of what `diff` and `history` share: opening an assessment with its framework,
//! choosing its ladder and target.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use rungs::assessment::file;
use rungs::assessment::reconcile::{self, Attached};
use rungs::assessment::Assessment;
use rungs::catalog::{load_file, Catalog, Entry};
use rungs::error::BadInput;
use rungs::framework::{Framework, Ladder};
use rungs::render;
use rungs::render::report::Report;
use rungs::scoring::TargetRequest;

use super::output::Output;
use super::Context;
use crate::cli::{FrameworkOverride, ReportArgs, ReportFormat, TargetArgs};

/// An assessment read from disk with the framework it was made against.
pub struct Opened {
    /// The file, as the user named it.
    pub path: PathBuf,
    /// The assessment, holding only the ratings that count (see [`reconcile`]).
    pub assessment: Assessment,
    /// The framework found for it.
    pub entry: Entry,
    /// The ratings left out, and why.
    pub dropped: Vec<reconcile::Dropped>,
}

/// Warn (stderr) about targets that a competency's ladder cannot reach.
pub fn warn_unreachable(
    context: &Context,
    framework: &Framework,
    ladder: &Ladder,
    request: &TargetRequest,
) {
    if let Ok(levels) = request.resolve_on(framework, ladder) {
        for message in rungs::scoring::unreachable_targets(framework, ladder, &levels) {
            context.warn(message);
        }
    }
}

/// The target to measure gaps against: the one given on the command line, else the one saved
/// in the assessment (when it still fits the framework; when not, say so and use none).
pub fn effective_target(
    context: &Context,
    given: TargetRequest,
    saved: Option<&rungs::assessment::SavedTarget>,
    framework: &Framework,
    ladder: &Ladder,
    shown: &str,
) -> TargetRequest {
    if !given.is_empty() {
        return given;
    }
    let Some(saved) = saved else {
        return given;
    };
    let request = saved.request();
    match request.resolve_on(framework, ladder) {
        Ok(_) => request,
        Err(problems) => {
            context.warn(format!(
                "{shown}: the target saved with the assessment no longer fits the framework ({}); measuring against none",
                problems
                    .problems
                    .iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join("; ")
            ));
            TargetRequest::default()
        }
    }
}

/// The ladder to score on: the track asked for with `--track`, else the one an assessment
/// recorded, else the target's own track, else the framework's first track (or every level
/// when it has none). An unknown track, or a target used on a track other than its own, is bad
/// input.
pub fn choose_ladder(
    framework: &Framework,
    asked: Option<&str>,
    recorded: Option<&str>,
    request: &TargetRequest,
) -> Result<Ladder, BadInput> {
    let role_track = request
        .role
        .as_deref()
        .and_then(|role| framework.target(role))
        .and_then(|t| t.track)
        .map(|t| framework.tracks[t].id.as_str());
    let track = framework.choose_track(asked.or(recorded).or(role_track))?;
    if let Some(role) = &request.role {
        framework.check_target_track(role, track)?;
    }
    Ok(framework.ladder(track))
}

/// The framework named with `--framework`, loaded once for every assessment of the command.
pub fn load_override(args: &FrameworkOverride) -> Result<Option<Entry>, BadInput> {
    args.framework.as_deref().map(load_file).transpose()
}

/// Read an assessment and find its framework: see [`attach`].
pub fn open(
    context: &Context,
    catalog: &Catalog,
    path: &Path,
    framework_override: Option<&Entry>,
) -> anyhow::Result<Opened> {
    let assessment = file::read(path)?;
    attach(context, catalog, path, assessment, framework_override)
}

/// Find the framework of an assessment read from `path` (docs/FORMAT.md, Assessment file) and keep the
/// ratings that count ([`reconcile`]). When the framework changed since, say so and name what
/// was left out and what moved; when it did not, a rating that does not fit is bad input.
pub fn attach(
    context: &Context,
    catalog: &Catalog,
    path: &Path,
    assessment: Assessment,
    framework_override: Option<&Entry>,
) -> anyhow::Result<Opened> {
    let shown = path.display().to_string();
    let attached = reconcile::attach(catalog, &shown, assessment, framework_override)?;
    Ok(opened(context, path, attached))
}

/// Print the warnings of an attached assessment and keep what the commands need.
pub fn opened(context: &Context, path: &Path, attached: Attached) -> Opened {
    for warning in render::reconcile::warnings(&path.display().to_string(), &attached) {
        context.warn(warning);
    }
    Opened {
        path: path.to_path_buf(),
        assessment: attached.assessment,
        entry: attached.entry,
        dropped: attached.dropped,
    }
}

/// Turn `--target` and `--target-level` into a [`TargetRequest`]: a value with `=` is
/// COMPETENCY=LEVEL, any other is a role (the last role given wins). Malformed values are
/// returned as problems beside the request made of the others.
pub fn target_request(args: &TargetArgs) -> (TargetRequest, Vec<String>) {
    let mut request = TargetRequest {
        level: args.target_level.clone(),
        ..TargetRequest::default()
    };
    let mut problems = Vec::new();
    for value in &args.target {
        match value.split_once('=') {
            Some((competency, level)) => {
                let (competency, level) = (competency.trim(), level.trim());
                if competency.is_empty() || level.is_empty() {
                    problems.push(format!(
                        "--target {value:?}: give COMPETENCY=LEVEL, both ids, e.g. --target listening=practising"
                    ));
                } else {
                    request
                        .per_competency
                        .push((competency.to_string(), level.to_string()));
                }
            }
            None if value.trim().is_empty() => {
                problems.push("--target needs a role id or COMPETENCY=LEVEL".to_string())
            }
            None => request.role = Some(value.trim().to_string()),
        }
    }
    (request, problems)
}

/// Run `rungs report`.
pub fn run(context: &Context, args: &ReportArgs) -> anyhow::Result<ExitCode> {
    let file = super::named::latest(&args.file)?;
    if file != args.file {
        context.say(format!("Reporting {}", file.display()));
    }
    let (request, problems) = target_request(&args.target);
    let catalog = context.catalog()?;
    let opened = open(
        context,
        &catalog,
        &file,
        load_override(&args.framework)?.as_ref(),
    )?;
    let framework = &opened.entry.framework;
    let ladder = choose_ladder(
        framework,
        args.track.track.as_deref(),
        opened.assessment.track.as_deref(),
        &request,
    )?;
    let request = effective_target(
        context,
        request,
        opened.assessment.target.as_ref(),
        framework,
        &ladder,
        &file.display().to_string(),
    );
    warn_unreachable(context, framework, &ladder, &request);
    let human = matches!(
        args.format,
        ReportFormat::Table | ReportFormat::Markdown | ReportFormat::Html
    );
    let hint = (request.is_empty() && human).then(|| no_target_hint(framework));
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
    // The report carries everything it prints: free the framework and ratings before the
    // output, the largest allocation, is built.
    drop(opened);
    drop(catalog);
    let output = Output::new(args.output.path.as_deref(), args.output.force);
    output.refuse_framework(&args.framework)?;
    output.refuse_inputs(
        [file.as_path()],
        "the assessment being reported; write the report to another file",
    )?;
    output.write(context, &report, args.format.into())?;
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

//! `rungs assess`: the interactive walk, `--resume`, and `--answers` without a terminal.

mod keys;
mod terminal;

use std::io::IsTerminal;
use std::path::Path;
use std::process::ExitCode;

use rungs::assessment::destination::{self, same_file, shell_word, Choice, Destination};
use rungs::assessment::start::now;
use rungs::assessment::{
    answers, person, Assessment, Rater, Ratings, Relation, SavedTarget, TargetRequest,
};
use rungs::error::BadInput;
use rungs::framework::{Framework, Ladder};
use rungs::open::{choose_ladder, effective_target, to_continue, unreachable, Opened};
use rungs::render::diff::{DiffReport, SideSummary};
use rungs::render::{self, Style};
use rungs::report::Report;

use super::Context;
use crate::cli::AssessArgs;

/// Save through `destination`: a refusal is bad input, a failed write an error with its cause.
pub fn save(destination: &mut Destination, assessment: &Assessment) -> anyhow::Result<()> {
    destination.save(assessment).map_err(saving_failed)
}

fn saving_failed(error: destination::SaveError) -> anyhow::Error {
    match error {
        destination::SaveError::Refused(bad) => bad.into(),
        io => io.into(),
    }
}

/// `--output` must not name a file the assessment is made from: the framework file or the
/// answers file.
fn refuse_inputs(args: &AssessArgs, entry: &rungs::catalog::Entry) -> Result<(), BadInput> {
    let output = super::output::Output::new(args.out.as_deref(), true);
    if let rungs::catalog::Origin::File(framework) = &entry.origin {
        output.refuse_inputs([framework.as_path()], "the framework being assessed")?;
    }
    output.refuse_inputs(args.answers.as_deref(), "the answers file")
}

/// Print the warnings of an opened assessment and keep its framework and assessment.
fn opened(context: &Context, opened: Opened) -> (rungs::catalog::Entry, Assessment) {
    context.warn_all(&opened.warnings);
    (opened.entry, opened.assessment)
}

pub fn run(context: &Context, mut args: AssessArgs) -> anyhow::Result<ExitCode> {
    if let Some(named) = &args.resume {
        let path = super::named::latest(named)?;
        if &path != named {
            context.say(format!("Resuming {}", path.display()));
        }
        args.resume = Some(path);
    }
    if let Some(named) = &args.from {
        let path = super::named::latest(named)?;
        if &path != named {
            context.say(format!("Starting from {}", path.display()));
        }
        args.from = Some(path);
    }
    // Held from before the file is read until the walk ends: a second walk of it is refused.
    let held = match &args.resume {
        Some(path) => destination::hold(path)?,
        None => None,
    };
    let catalog = context.catalog()?;
    let mut previous: Option<Assessment> = None;
    let (entry, mut assessment) = match (&args.resume, &args.from) {
        (Some(path), _) => opened(
            context,
            to_continue(&catalog, path, args.framework.as_deref())?,
        ),
        (None, Some(from)) => {
            let (entry, earlier) = opened(
                context,
                to_continue(&catalog, from, args.framework.as_deref())?,
            );
            if args.out.as_deref().is_some_and(|out| same_file(out, from)) {
                return Err(BadInput::new(format!(
                    "--out {}: that is the assessment to start from, which is left as it is; save the new one to another file",
                    from.display()
                ))
                .into());
            }
            let assessment = Assessment::started_from(&entry, &earlier, from);
            previous = Some(earlier);
            (entry, assessment)
        }
        (None, None) => {
            let name = args.framework.as_deref().ok_or_else(|| {
                BadInput::new("name the FRAMEWORK to assess, or pass --resume FILE")
            })?;
            let entry = catalog.resolve(name)?;
            let assessment = Assessment::new(&entry);
            (entry, assessment)
        }
    };
    for warning in &entry.warnings {
        context.say(warning);
    }
    let continued = args.resume.as_deref().or(args.from.as_deref());
    let people_before = (assessment.subject.clone(), assessment.rater.clone());
    set_subject(args.subject.as_deref(), continued, &mut assessment)?;
    set_rater(&args, continued, &mut assessment)?;
    if !assessment.is_self_assessment() && args.out.is_none() && args.resume.is_none() {
        return Err(BadInput::new(format!(
            "{}: a rating of someone else is not saved in your assessments folder, which holds your own self-assessments (what a framework id picks in report, diff, history and assess --resume); name its file with -o FILE",
            describe_rater(&assessment)
        ))
        .into());
    }
    let framework = &entry.framework;
    let (request, problems) = args.target.request();
    let ladder = choose_ladder(
        framework,
        args.track.track.as_deref(),
        assessment.track.as_deref(),
        &request,
    )?;
    assessment.track = ladder.track().map(|t| framework.tracks[t].id.clone());
    let given = resolve_targets(request, problems, framework, &ladder)?;
    if !given.is_empty() {
        assessment.target = SavedTarget::from_request(&given);
    }
    let shown = args
        .resume
        .as_deref()
        .map_or_else(String::new, |p| p.display().to_string());
    let (targets, misfit) = effective_target(
        given,
        assessment.target.as_ref(),
        framework,
        &ladder,
        &shown,
    );
    context.warn_all(misfit);
    let warnings = unreachable(framework, &ladder, &targets);
    context.warn_all(&warnings);
    refuse_inputs(&args, &entry)?;
    let mut destination = Destination::choose(Choice {
        out: args.out.as_deref(),
        force: args.force,
        resumed: args.resume.as_deref(),
        framework: &framework.id,
    })
    .map_err(saving_failed)?
    .holding(held, args.resume.as_deref());
    if args.resume.is_some()
        && args.answers.is_none()
        && people_before != (assessment.subject.clone(), assessment.rater.clone())
    {
        save(&mut destination, &assessment)?;
        context.say(format!(
            "{}: now records whose behaviour: {}",
            destination.path.display(),
            render::walk::whose(assessment.subject.as_deref(), assessment.rater.as_ref())
                .unwrap_or_default()
        ));
    }
    let style = Style {
        width: context.width,
        color: context.color,
    };

    if let Some(path) = &args.answers {
        let answers = answers::read(path)?;
        let mut resolved = answers.resolve(framework)?;
        let on_ladder: std::collections::HashSet<&str> = framework
            .indicators()
            .filter(|&(c, l, _)| ladder.contains(framework.competencies[c].levels[l].level))
            .map(|(_, _, i)| i.id.as_str())
            .collect();
        resolved
            .missing
            .retain(|id| on_ladder.contains(id.as_str()));
        if !resolved.missing.is_empty() {
            context.warn(format!(
                "{}: {} not answered, left unrated: {}",
                path.display(),
                render::plural(resolved.missing.len(), "indicator is", "indicators are"),
                resolved.missing.join(", ")
            ));
        }
        if let Some(track) = ladder.track() {
            let off: Vec<&str> = resolved
                .ratings
                .keys()
                .map(String::as_str)
                .filter(|id| !on_ladder.contains(id))
                .collect();
            if !off.is_empty() {
                context.warn(format!(
                    "{}: {} of levels off track {} (saved; they count only on a report of another track): {}",
                    path.display(),
                    render::plural(off.len(), "rating is", "ratings are"),
                    framework.tracks[track].id,
                    off.join(", ")
                ));
            }
        }
        assessment.ratings = resolved.ratings;
        assessment.completed_at = resolved.missing.is_empty().then(now);
        save(&mut destination, &assessment)?;
        finish(
            context,
            framework,
            &ladder,
            &assessment,
            &targets,
            style,
            &destination.path,
            None,
        )?;
        if !resolved.missing.is_empty() {
            context.say(format!(
                "Rate the rest with: rungs assess --resume {}",
                shell_word(&destination.path)
            ));
        }
        return Ok(ExitCode::SUCCESS);
    }

    let at_terminal = std::io::stdin().is_terminal() && console::Term::stderr().is_term();
    if let Some(path) = &args.resume {
        if !at_terminal
            && rungs::walk::Walk::new(framework, assessment.ratings.clone(), args.adaptive)
                .on_ladder(&ladder)
                .is_complete()
        {
            context.print(&summary(framework, &ladder, &assessment.ratings, &targets, style).0)?;
            context.say(format!(
                "Every indicator in {} is answered; at a terminal, --resume opens it to review and change.",
                path.display()
            ));
            return Ok(ExitCode::SUCCESS);
        }
    }

    if !at_terminal {
        return Err(BadInput::many(vec![
            "rungs assess asks its questions at a terminal, and none is attached (stdin and stderr must both be a terminal)".into(),
            format!(
                "to assess without one, give the ratings in a file: rungs assess {} --answers FILE (a YAML or JSON map of indicator id -> value, label or na; `rungs show {}` lists the ids)",
                framework.id, framework.id
            ),
        ])
        .into());
    }

    let resumed_earlier = match (&previous, &args.resume) {
        (None, Some(path)) => match rungs::open::earlier_ratings(&entry, &assessment) {
            Ok(found) => found,
            Err(problem) => {
                context.warn(format!(
                    "{}: last time's ratings are not shown: {problem}",
                    path.display()
                ));
                None
            }
        },
        _ => None,
    };
    let closing = terminal::Closing {
        targets: &targets,
        ladder: &ladder,
        warnings: &warnings,
        earlier: previous
            .as_ref()
            .map(|earlier| &earlier.ratings)
            .or(resumed_earlier.as_ref()),
    };
    let outcome = terminal::walk(
        &entry,
        &mut assessment,
        &mut destination,
        args.adaptive,
        &closing,
        style,
    )?;
    match outcome {
        terminal::Outcome::Finished { skipped } => {
            let skipped = (skipped > 0).then(|| {
                format!(
                    "{} not asked: their level was out of reach.",
                    render::plural(skipped, "indicator was", "indicators were")
                )
            });
            finish(
                context,
                framework,
                &ladder,
                &assessment,
                &targets,
                style,
                &destination.path,
                skipped,
            )?;
            if let (Some(earlier), Some(from)) = (&previous, &args.from) {
                context.print(&changes_since(
                    framework,
                    &ladder,
                    (earlier, from),
                    (&assessment, &destination.path),
                    style,
                ))?;
            }
        }
        terminal::Outcome::Closed => {}
        terminal::Outcome::Quit { answered, total } => {
            context.say("");
            if destination.saved && assessment.completed_at.is_some() {
                context.say(format_args!(
                    "Saved {answered} of {total} answers, complete, to {}",
                    destination.path.display()
                ));
                context.say(format_args!(
                    "Review or change it with: rungs assess --resume {}",
                    shell_word(&destination.path)
                ));
            } else if destination.saved {
                context.say(format_args!(
                    "Saved {answered} of {total} answers to {}",
                    destination.path.display()
                ));
                context.say(format_args!(
                    "Continue with: rungs assess --resume {}{}",
                    shell_word(&destination.path),
                    if args.adaptive { " --adaptive" } else { "" }
                ));
            } else {
                context.say("Nothing answered, nothing saved.");
            }
        }
    }
    if outcome != terminal::Outcome::Closed && destination.saved {
        let shown = destination.path.display().to_string();
        if let Some(kept) = render::reconcile::set_aside(&shown, &assessment) {
            context.say(kept);
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// `--rater NAME --relation REL` as given, for messages.
fn describe_rater(assessment: &Assessment) -> String {
    match &assessment.rater {
        Some(rater) => format!("--rater {:?} --relation {}", rater.name, rater.relation),
        None => "--rater".to_string(),
    }
}

/// Record `--subject` (trimmed, inner spaces made one): it names the person of a new
/// assessment, and of a continued one (`continued`, resumed or started from) that records
/// none; one that names another person is refused.
fn set_subject(
    given: Option<&str>,
    continued: Option<&Path>,
    assessment: &mut Assessment,
) -> Result<(), BadInput> {
    let Some(given) = given else {
        return Ok(());
    };
    let subject = person::name(given);
    if subject.is_empty() {
        return Err(BadInput::new("--subject needs a name"));
    }
    if let (Some(recorded), Some(file)) = (assessment.subject_name(), continued) {
        if recorded != subject {
            return Err(BadInput::in_file(
                &file.display().to_string(),
                format!(
                    "is an assessment of {recorded:?}, not {subject:?} (--subject); an assessment stays of the person it is of: start another one for {subject:?}"
                ),
            ));
        }
    }
    assessment.subject = Some(subject);
    Ok(())
}

/// Record `--rater` and `--relation`: a rater other than the subject needs a relation and a
/// subject; `--relation` other than self needs a rater's name. A continued assessment that
/// records another rater is refused.
fn set_rater(
    args: &AssessArgs,
    continued: Option<&Path>,
    assessment: &mut Assessment,
) -> Result<(), BadInput> {
    let relation = args.relation.map(Relation::from);
    let before = assessment.rated_by();
    set_rater_as_given(args.rater.as_deref(), relation, assessment)?;
    if let Some(file) = continued.filter(|_| args.rater.is_some() || relation.is_some()) {
        let now = assessment.rated_by();
        if now != before {
            return Err(BadInput::in_file(
                &file.display().to_string(),
                format!(
                    "is rated by {before}, not {now} (--rater, --relation); an assessment keeps its rater: start another one with -o FILE"
                ),
            ));
        }
    }
    Ok(())
}

fn set_rater_as_given(
    rater: Option<&str>,
    relation: Option<Relation>,
    assessment: &mut Assessment,
) -> Result<(), BadInput> {
    let rater = rater.map(person::name);
    match (&rater, relation) {
        (None, None) => Ok(()),
        (None, Some(Relation::SelfRating)) => {
            assessment.rater = None;
            Ok(())
        }
        (None, Some(relation)) => Err(BadInput::new(format!(
            "--relation {relation}: name the rater too, e.g. --rater \"Sam Lee\" --relation {relation}"
        ))),
        (Some(name), None) => Err(BadInput::new(format!(
            "--rater {name:?}: say how they relate to the person rated with --relation self|manager|peer|report|other"
        ))),
        (Some(name), Some(relation)) => {
            if name.trim().is_empty() {
                return Err(BadInput::new("--rater needs a name"));
            }
            if assessment.subject.is_none() && relation != Relation::SelfRating {
                return Err(BadInput::new(format!(
                    "--rater {name:?}: name the person being rated with --subject NAME"
                )));
            }
            if relation == Relation::SelfRating && assessment.subject.is_none() {
                assessment.subject = Some(name.clone());
            }
            assessment.rater = Some(Rater {
                name: name.clone(),
                relation,
            });
            Ok(())
        }
    }
}

/// The profile table, and the gaps when a target was given: the same tables as `rungs report`;
/// with the consistency warnings of the ratings.
fn summary(
    framework: &Framework,
    ladder: &Ladder,
    ratings: &Ratings,
    targets: &TargetRequest,
    style: Style,
) -> (String, Vec<String>) {
    match Report::from_ratings_on(framework, ladder, ratings, targets) {
        Ok(report) => (
            render::report::table::profile_and_gaps(&report, style),
            report.warnings.into_iter().map(|w| w.message).collect(),
        ),
        // The request was resolved against this framework before the walk began.
        Err(problems) => (problems.to_string(), Vec::new()),
    }
}

/// What every finished assessment ends with: the profile on stdout; on stderr the ratings worth
/// a second look, where the file is and how to see why each level stands where it does.
#[allow(clippy::too_many_arguments)]
fn finish(
    context: &Context,
    framework: &Framework,
    ladder: &Ladder,
    assessment: &Assessment,
    targets: &TargetRequest,
    style: Style,
    path: &Path,
    remark: Option<String>,
) -> anyhow::Result<()> {
    let (profile, warnings) = summary(framework, ladder, &assessment.ratings, targets, style);
    context.print(&profile)?;
    for warning in warnings {
        context.warn(warning);
    }
    if let Some(remark) = remark {
        context.say(remark);
    }
    context.say(format!("Saved to {}", path.display()));
    // Kept whole for a person at a terminal; one line for whatever reads a pipe.
    let width = if console::Term::stderr().is_term() {
        context.width
    } else {
        u16::MAX
    };
    context.say(render::walk::explain_hint(&shell_word(path), width));
    Ok(())
}

/// What changed from the assessment a new one started from: the same tables as `rungs diff`.
fn changes_since(
    framework: &Framework,
    ladder: &Ladder,
    (earlier, earlier_path): (&Assessment, &Path),
    (now, now_path): (&Assessment, &Path),
    style: Style,
) -> String {
    let side = |a: &Assessment, path: &Path| SideSummary {
        file: path.display().to_string(),
        subject: a.subject.clone(),
        date: a
            .completed_at
            .clone()
            .unwrap_or_else(|| a.started_at.clone()),
        version: framework.version.clone(),
    };
    let changes = rungs::diff::diff(
        rungs::diff::DiffSide {
            framework,
            ladder,
            ratings: &earlier.ratings,
        },
        rungs::diff::DiffSide {
            framework,
            ladder,
            ratings: &now.ratings,
        },
    );
    let report = DiffReport::new(
        framework,
        side(earlier, earlier_path),
        side(now, now_path),
        changes,
    );
    format!("\n{}", render::diff::table::render(&report, style))
}

/// `--target ROLE` / `--target COMPETENCY=LEVEL` (repeatable) and `--target-level LEVEL`,
/// checked against the framework and its ladder before any question is asked.
fn resolve_targets(
    request: TargetRequest,
    problems: Vec<String>,
    framework: &Framework,
    ladder: &Ladder,
) -> Result<TargetRequest, BadInput> {
    let mut problems = BadInput::many(problems);
    if !request.is_empty() {
        if let Err(unknown) = request.resolve_on(framework, ladder) {
            problems = problems.and(unknown);
        }
    }
    if problems.problems.is_empty() {
        Ok(request)
    } else {
        Err(problems)
    }
}

//! `rungs assess`: the interactive walk, `--resume`, and `--answers` without a terminal.

mod keys;
mod terminal;

use std::io::IsTerminal;
use std::path::Path;
use std::process::ExitCode;

use rungs::assessment::destination::{self, same_file, shell_word, Choice, Destination};
use rungs::assessment::start::now;
use rungs::assessment::{answers, person, Assessment, Rater, Relation, SavedTarget, TargetRequest};
use rungs::catalog::Entry;
use rungs::diff::{DiffReport, SideSummary};
use rungs::error::BadInput;
use rungs::framework::{Framework, Ladder};
use rungs::open::{choose_ladder, effective_target, to_continue, unreachable, Opened};
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
fn refuse_inputs(args: &AssessArgs, entry: &Entry) -> Result<(), BadInput> {
    let output = super::output::Output::new(args.out.as_deref(), true);
    if let rungs::catalog::Origin::File(framework) = &entry.origin {
        output.refuse_inputs([framework.as_path()], "the framework being assessed")?;
    }
    output.refuse_inputs(args.answers.as_deref(), "the answers file")
}

/// Print the warnings of an opened assessment and keep its framework and assessment.
fn opened(context: &Context, opened: Opened) -> (Entry, Assessment) {
    context.warn_all(&opened.warnings);
    (opened.entry, opened.assessment)
}

/// An assessment ready to be rated: opened or started, its people recorded, its ladder and
/// target chosen and checked, and the file it is saved to.
struct Session {
    entry: Entry,
    /// The framework as the person reads it: in the language of `--lang` (or the one the
    /// assessment recorded), else `entry` itself. Ratings are fitted and saved against `entry`.
    shown: Entry,
    assessment: Assessment,
    /// The assessment a new one starts from (`--from`, or recorded in a resumed one's `from`),
    /// left as it is.
    previous: Option<Assessment>,
    /// Where `previous` was read from.
    previous_path: Option<std::path::PathBuf>,
    /// Whether the walk's opening screen asks whose assessment this is: a new
    /// self-assessment that nothing names the person of.
    ask_name: bool,
    ladder: Ladder,
    targets: TargetRequest,
    /// Target levels the ladder cannot reach: warned about, and repeated on the review screen.
    warnings: Vec<String>,
    destination: Destination,
    style: Style,
}

pub fn run(context: &Context, mut args: AssessArgs) -> anyhow::Result<ExitCode> {
    find_named(context, &mut args)?;
    let mut session = prepare(context, &args)?;
    if let Some(path) = &args.answers {
        return from_answers(context, &mut session, path);
    }
    let at_terminal = std::io::stdin().is_terminal() && console::Term::stderr().is_term();
    if !at_terminal {
        return without_terminal(context, &session, &args);
    }
    at_the_terminal(context, &mut session, &args)
}

/// `--resume` and `--from` given a framework id: the latest self-assessment of it.
fn find_named(context: &Context, args: &mut AssessArgs) -> anyhow::Result<()> {
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
    Ok(())
}

/// Open or start the assessment, record its people, choose its ladder and target, and choose
/// where it is saved; everything wrong with the command is refused before a question is asked.
fn prepare(context: &Context, args: &AssessArgs) -> anyhow::Result<Session> {
    // Held from before the file is read until the walk ends: a second walk of it is refused.
    let held = match &args.resume {
        Some(path) => destination::hold(path)?,
        None => None,
    };
    let (entry, mut assessment, previous) = open_or_start(context, args)?;
    for warning in &rungs::error::capped(&entry.warnings) {
        context.say(warning);
    }
    let continued = args.resume.as_deref().or(args.from.as_deref());
    let people_before = (assessment.subject.clone(), assessment.rater.clone());
    set_subject(args.subject.as_deref(), continued, &mut assessment)?;
    set_rater(args, continued, &mut assessment)?;
    if !assessment.is_self_assessment() && args.out.is_none() && args.resume.is_none() {
        return Err(BadInput::new(format!(
            "{}: a rating of someone else is not saved in your assessments folder, which holds your own self-assessments (what a framework id picks in report, diff, history and assess --resume); name its file with -o FILE",
            describe_rater(&assessment)
        ))
        .into());
    }
    let ask_name = args.resume.is_none() && !named_from_folder(&mut assessment);
    let (ladder, targets, warnings) = choose_target(context, args, &entry, &mut assessment)?;
    let lang = args.lang.lang.clone().or_else(|| assessment.lang.clone());
    let mut shown = entry.clone();
    if let Some(translated) = context.in_language(&entry, lang.as_deref())? {
        shown.framework = translated.framework.into();
    }
    assessment.lang.clone_from(&lang);
    let session_lang = lang;
    refuse_inputs(args, &entry)?;
    let destination = Destination::choose(Choice {
        out: args.out.as_deref(),
        force: args.force,
        resumed: args.resume.as_deref(),
        framework: &entry.framework.id,
    })
    .map_err(saving_failed)?
    .holding(held, args.resume.as_deref());
    let mut session = Session {
        entry,
        shown,
        assessment,
        previous_path: previous.as_ref().and(args.from.clone()),
        ask_name,
        previous,
        ladder,
        targets,
        warnings,
        destination,
        style: Style {
            width: context.width,
            color: context.color,
            lang: rungs::language::Language::from_tag(session_lang.as_deref()),
        },
    };
    let people_now = (
        session.assessment.subject.clone(),
        session.assessment.rater.clone(),
    );
    if args.resume.is_some() && args.answers.is_none() && people_before != people_now {
        save(&mut session.destination, &session.assessment)?;
        context.say(format!(
            "{}: now records whose behaviour: {}",
            session.destination.path.display(),
            render::walk::whose(
                session.assessment.subject.as_deref(),
                session.assessment.rater.as_ref()
            )
            .unwrap_or_default()
        ));
    }
    Ok(session)
}

/// The assessment to rate, with its framework: the one resumed, a new one started from a
/// previous one (returned too), or a new one of the framework named.
fn open_or_start(
    context: &Context,
    args: &AssessArgs,
) -> anyhow::Result<(Entry, Assessment, Option<Assessment>)> {
    let catalog = context.catalog()?;
    let framework = args.framework.as_deref();
    match (&args.resume, &args.from) {
        (Some(path), _) => {
            let (entry, assessment) = opened(context, to_continue(&catalog, path, framework)?);
            Ok((entry, assessment, None))
        }
        (None, Some(from)) => {
            let (entry, earlier) = opened(context, to_continue(&catalog, from, framework)?);
            if args.out.as_deref().is_some_and(|out| same_file(out, from)) {
                return Err(BadInput::new(format!(
                    "--out {}: that is the assessment to start from, which is left as it is; save the new one to another file",
                    from.display()
                ))
                .into());
            }
            let assessment = Assessment::started_from(&entry, &earlier, from);
            Ok((entry, assessment, Some(earlier)))
        }
        (None, None) => {
            let name = framework.ok_or_else(|| {
                BadInput::new("name the FRAMEWORK to assess, or pass --resume FILE")
            })?;
            let entry = catalog.resolve(name)?;
            let assessment = Assessment::new(&entry);
            Ok((entry, assessment, None))
        }
    }
}

/// The ladder (`--track`, else the recorded or the role's track) and the target (`--target`,
/// `--target-level`, else the recorded one), recorded in the assessment; with the target levels
/// the ladder cannot reach, warned about.
fn choose_target(
    context: &Context,
    args: &AssessArgs,
    entry: &Entry,
    assessment: &mut Assessment,
) -> anyhow::Result<(Ladder, TargetRequest, Vec<String>)> {
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
    Ok((ladder, targets, warnings))
}

/// `--answers FILE`: the ratings from the file, saved, and the profile; no terminal needed.
fn from_answers(context: &Context, session: &mut Session, path: &Path) -> anyhow::Result<ExitCode> {
    let resolved = read_answers(context, &session.entry.framework, &session.ladder, path)?;
    session.assessment.ratings = resolved.ratings;
    session.assessment.completed_at = resolved.missing.is_empty().then(now);
    save(&mut session.destination, &session.assessment)?;
    finish(context, session, None)?;
    if !resolved.missing.is_empty() {
        context.say(format!(
            "Rate the rest with: rungs assess --resume {}",
            shell_word(&session.destination.path)
        ));
    }
    Ok(ExitCode::SUCCESS)
}

/// The ratings of an answers file, with a warning for the indicators of the ladder it leaves
/// unanswered and one for the ratings of levels off the track.
fn read_answers(
    context: &Context,
    framework: &Framework,
    ladder: &Ladder,
    path: &Path,
) -> anyhow::Result<answers::Resolved> {
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
    Ok(resolved)
}

/// No terminal to ask at: a resumed assessment with every indicator answered shows its profile;
/// anything else is refused, with how to give the ratings in a file instead.
fn without_terminal(
    context: &Context,
    session: &Session,
    args: &AssessArgs,
) -> anyhow::Result<ExitCode> {
    let framework = &session.entry.framework;
    if let Some(path) = &args.resume {
        let ratings = &session.assessment.ratings;
        if rungs::walk::Walk::new(framework, ratings.clone(), args.adaptive)
            .on_ladder(&session.ladder)
            .is_complete()
        {
            let (profile, _) = summary(session);
            context.print(&profile)?;
            context.say(format!(
                "Every indicator in {} is answered; at a terminal, --resume opens it to review and change.",
                path.display()
            ));
            return Ok(ExitCode::SUCCESS);
        }
    }
    Err(BadInput::many(vec![
        "rungs assess asks its questions at a terminal, and none is attached (stdin and stderr must both be a terminal)".into(),
        format!(
            "to assess without one, give the ratings in a file: rungs assess {} --answers FILE (a YAML or JSON map of indicator id -> value, label or na; `rungs show {}` lists the ids)",
            framework.id, framework.id
        ),
    ])
    .into())
}

/// The walk at the terminal, saved after every answer, and what it ends with.
fn at_the_terminal(
    context: &Context,
    session: &mut Session,
    args: &AssessArgs,
) -> anyhow::Result<ExitCode> {
    // A resumed walk that started from an earlier assessment offers its ratings again and
    // ends with what changed since, as the walk it continues would have.
    if let (None, Some(path)) = (&session.previous, &args.resume) {
        match rungs::open::earlier_assessment(&session.entry, &session.assessment) {
            Ok(Some((earlier, earlier_path))) => {
                session.previous = Some(earlier);
                session.previous_path = Some(earlier_path);
            }
            Ok(None) => {}
            Err(problem) => context.warn(format!(
                "{}: last time's ratings are not shown: {problem}",
                path.display()
            )),
        }
    }
    let closing = terminal::Closing {
        targets: &session.targets,
        ladder: &session.ladder,
        warnings: &session.warnings,
        earlier: session.previous.as_ref().map(|earlier| &earlier.ratings),
        ask_name: session.ask_name,
    };
    let outcome = terminal::walk(
        &session.shown,
        &mut session.assessment,
        &mut session.destination,
        args.adaptive,
        &closing,
        session.style,
    )?;
    match outcome {
        terminal::Outcome::Finished {
            skipped,
            unanswered,
        } => finished(context, session, skipped, unanswered)?,
        terminal::Outcome::Closed => {}
        terminal::Outcome::Quit { answered, total } => {
            quit(context, session, args, answered, total)
        }
    }
    if outcome != terminal::Outcome::Closed && session.destination.saved {
        let shown = session.destination.path.display().to_string();
        if let Some(kept) = render::reconcile::set_aside(&shown, &session.assessment) {
            context.say(kept);
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// The review confirmed at the terminal: the profile, and with `--from` what changed; what
/// was skipped with `s` is counted, with how to answer it.
fn finished(
    context: &Context,
    session: &Session,
    skipped: usize,
    unanswered: usize,
) -> anyhow::Result<()> {
    let skipped = (skipped > 0).then(|| {
        format!(
            "{} not asked: their level was out of reach.",
            render::plural(skipped, "indicator was", "indicators were")
        )
    });
    finish(context, session, skipped)?;
    if unanswered > 0 {
        context.say(format!(
            "{} skipped, not answered yet; answer {} with: rungs assess --resume {}",
            render::plural(unanswered, "indicator", "indicators"),
            rungs::words::agree(unanswered, "it", "them"),
            shell_word(&session.destination.path)
        ));
    }
    if let (Some(earlier), Some(from)) = (&session.previous, &session.previous_path) {
        context.print(&changes_since(session, earlier, from))?;
    }
    Ok(())
}

/// Quit before the end: what was saved where, and how to go on.
fn quit(context: &Context, session: &Session, args: &AssessArgs, answered: usize, total: usize) {
    let destination = &session.destination;
    context.say("");
    if destination.saved && session.assessment.completed_at.is_some() {
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

/// A new self-assessment that records no subject takes the name of the latest
/// self-assessment in the assessments folder that records one; whether the person is named.
fn named_from_folder(assessment: &mut Assessment) -> bool {
    if assessment.subject.is_some() || !assessment.is_self_assessment() {
        return true;
    }
    let Ok(dir) = rungs::assessment::folder::default_dir() else {
        return false;
    };
    assessment.subject = rungs::assessment::folder::list(&dir)
        .own_name()
        .map(str::to_string);
    assessment.subject.is_some()
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
    person::check_name("--subject", &subject).map_err(BadInput::new)?;
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
            person::check_name("--rater", name).map_err(BadInput::new)?;
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
fn summary(session: &Session) -> (String, Vec<String>) {
    let framework = &session.shown.framework;
    let ratings = &session.assessment.ratings;
    match Report::from_ratings_on(framework, &session.ladder, ratings, &session.targets) {
        Ok(report) => (
            render::report::table::profile_and_gaps(&report, session.style),
            report.warnings.into_iter().map(|w| w.message).collect(),
        ),
        // The request was resolved against this framework before the walk began.
        Err(problems) => (problems.to_string(), Vec::new()),
    }
}

/// What every finished assessment ends with: the profile on stdout; on stderr the ratings worth
/// a second look, where the file is and how to see why each level stands where it does.
fn finish(context: &Context, session: &Session, remark: Option<String>) -> anyhow::Result<()> {
    let (profile, warnings) = summary(session);
    context.print(&profile)?;
    for warning in warnings {
        context.warn(warning);
    }
    if let Some(remark) = remark {
        context.say(remark);
    }
    let path = &session.destination.path;
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

/// What changed from the assessment a new one started from (`earlier`, read from
/// `earlier_path`): the same tables as `rungs diff`.
fn changes_since(session: &Session, earlier: &Assessment, earlier_path: &Path) -> String {
    let framework = &session.shown.framework;
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
            ladder: &session.ladder,
            ratings: &earlier.ratings,
        },
        rungs::diff::DiffSide {
            framework,
            ladder: &session.ladder,
            ratings: &session.assessment.ratings,
        },
    );
    let report = DiffReport::new(
        framework,
        side(earlier, earlier_path),
        side(&session.assessment, &session.destination.path),
        changes,
    );
    format!("\n{}", render::diff::table::render(&report, session.style))
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

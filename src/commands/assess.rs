//! `rungs assess`: the interactive walk, `--resume`, and `--answers` without a terminal.

mod terminal;

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context as _;
use rungs::assessment::{
    answers, file, indicator_prints, reconcile, Assessment, FrameworkRef, Origin, Rater, Relation,
    SavedTarget, FORMAT,
};
use rungs::catalog::{Catalog, Entry};
use rungs::error::BadInput;
use rungs::framework::{Framework, Ladder};
use rungs::render::diff::{DiffReport, SideSummary};
use rungs::render::report::Report;
use rungs::render::{self, Style};
use rungs::scoring::{Ratings, TargetRequest};

use rungs::io::write::{check_target, is_stdout, same_file, Refusal};

use super::output::Output;
use super::Context;
use crate::cli::AssessArgs;

pub fn run(context: &Context, mut args: AssessArgs) -> anyhow::Result<ExitCode> {
    if let Some(named) = &args.resume {
        let path = super::named::latest(named)?;
        if &path != named {
            context.say(format!("Resuming {}", path.display()));
        }
        args.resume = Some(path);
    }
    let catalog = context.catalog()?;
    let mut previous: Option<Assessment> = None;
    let (entry, mut assessment) = match (&args.resume, &args.from) {
        (Some(path), _) => resume(context, &catalog, path, args.framework.as_deref())?,
        (None, Some(from)) => {
            let (entry, earlier) = resume(context, &catalog, from, args.framework.as_deref())?;
            if args.out.as_deref().is_some_and(|out| same_file(out, from)) {
                return Err(BadInput::new(format!(
                    "--out {}: that is the assessment to start from, which is left as it is; save the new one to another file",
                    from.display()
                ))
                .into());
            }
            let assessment = started_from(&entry, &earlier, from);
            previous = Some(earlier);
            (entry, assessment)
        }
        (None, None) => {
            let name = args.framework.as_deref().ok_or_else(|| {
                BadInput::new("name the FRAMEWORK to assess, or pass --resume FILE")
            })?;
            let entry = catalog.resolve(name)?;
            let assessment = new_assessment(&entry);
            (entry, assessment)
        }
    };
    for warning in &entry.warnings {
        context.say(warning);
    }
    if let Some(subject) = &args.subject {
        assessment.subject = Some(subject.clone());
    }
    set_rater(&args, &mut assessment)?;
    let framework = &entry.framework;
    let (request, problems) = super::report::target_request(&args.target);
    let ladder = super::report::choose_ladder(
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
    let targets = super::report::effective_target(
        context,
        given,
        assessment.target.as_ref(),
        framework,
        &ladder,
        &shown,
    );
    super::report::warn_unreachable(context, framework, &ladder, &targets);
    refuse_inputs(&args, &entry)?;
    let mut destination = Destination::choose(&args, framework, args.resume.as_deref())?;
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
        destination.save(&assessment)?;
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

    let warnings: Vec<String> = targets
        .resolve_on(framework, &ladder)
        .map(|levels| rungs::scoring::unreachable_targets(framework, &ladder, &levels))
        .unwrap_or_default();
    let closing = terminal::Closing {
        targets: &targets,
        ladder: &ladder,
        warnings: &warnings,
        revisit: previous.is_some(),
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
            super::eprint_line("");
            if destination.saved && assessment.completed_at.is_some() {
                super::eprint_line(format_args!(
                    "Saved {answered} of {total} answers, complete, to {}",
                    destination.path.display()
                ));
                super::eprint_line(format_args!(
                    "Review or change it with: rungs assess --resume {}",
                    shell_word(&destination.path)
                ));
            } else if destination.saved {
                super::eprint_line(format_args!(
                    "Saved {answered} of {total} answers to {}",
                    destination.path.display()
                ));
                super::eprint_line(format_args!(
                    "Continue with: rungs assess --resume {}{}",
                    shell_word(&destination.path),
                    if args.adaptive { " --adaptive" } else { "" }
                ));
            } else {
                super::eprint_line("Nothing answered, nothing saved.");
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Record `--rater` and `--relation`: a rater other than the subject needs a relation and a
/// subject; `--relation` other than self needs a rater's name.
fn set_rater(args: &AssessArgs, assessment: &mut Assessment) -> Result<(), BadInput> {
    let relation = args.relation.map(Relation::from);
    match (&args.rater, relation) {
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
    context.say(render::walk::explain_hint(&shell_word(path)));
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
    format!("\n{}", render::diff::table_text(&report, style))
}

/// A new assessment that starts from an earlier one (already matched to `entry`): its ratings,
/// notes, subject, rater, track and target, and a record of where it came from.
fn started_from(entry: &Entry, earlier: &Assessment, path: &Path) -> Assessment {
    let shown = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
    Assessment {
        ratings: earlier.ratings.clone(),
        notes: earlier.notes.clone(),
        subject: earlier.subject.clone(),
        rater: earlier.rater.clone(),
        track: earlier.track.clone(),
        target: earlier.target.clone(),
        from: Some(Origin {
            path: shown.display().to_string(),
            started_at: earlier.started_at.clone(),
            completed_at: earlier.completed_at.clone(),
        }),
        ..new_assessment(entry)
    }
}

/// A fresh assessment of a framework, started now.
fn new_assessment(entry: &Entry) -> Assessment {
    Assessment {
        format: FORMAT.to_string(),
        framework: framework_ref(entry),
        subject: None,
        track: None,
        rater: None,
        from: None,
        started_at: now(),
        completed_at: None,
        ratings: Ratings::new(),
        notes: Default::default(),
        target: None,
    }
}

fn framework_ref(entry: &Entry) -> FrameworkRef {
    FrameworkRef {
        id: entry.framework.id.clone(),
        version: entry.framework.version.clone(),
        digest: entry.digest.clone(),
        path: entry.recorded_path(),
        indicators: Some(indicator_prints(&entry.framework)),
    }
}

/// Read a saved assessment and find its framework. An unchanged framework must fit every
/// rating; a changed one is matched by indicator id ([`reconcile`]), saying what was dropped and
/// what is new.
fn resume(
    context: &Context,
    catalog: &Catalog,
    path: &Path,
    framework_argument: Option<&str>,
) -> anyhow::Result<(Entry, Assessment)> {
    let assessment = file::read(path)?;
    let shown = path.display().to_string();
    let attached = match framework_argument {
        Some(name) => {
            let entry = catalog.resolve(name)?;
            if entry.framework.id != assessment.framework.id {
                return Err(BadInput::in_file(
                    &shown,
                    format!(
                        "the assessment is of framework {:?}, but {name} is framework {:?}",
                        assessment.framework.id, entry.framework.id
                    ),
                )
                .into());
            }
            let changed = entry.digest != assessment.framework.digest;
            reconcile::attach_to(entry, changed, &shown, assessment)?
        }
        None => reconcile::attach(catalog, &shown, assessment, None).map_err(|e| {
            BadInput::located(
                e.problems
                    .into_iter()
                    .map(|mut p| {
                        p.message = p.message.replace(
                            "pass --framework PATH",
                            "name it: rungs assess FRAMEWORK --resume FILE",
                        );
                        p
                    })
                    .collect(),
            )
        })?,
    };
    for warning in render::reconcile::warnings(&shown, &attached) {
        context.warn(warning);
    }
    let reconcile::Attached {
        entry,
        mut assessment,
        digest_changed,
        since,
        ..
    } = attached;
    if digest_changed && since.is_none() {
        // A file written before rungs recorded the framework's indicators: guess what is new.
        let framework = &entry.framework;
        let order: Vec<&str> = framework
            .indicators()
            .map(|(_, _, i)| i.id.as_str())
            .collect();
        if let Some(last) = order
            .iter()
            .rposition(|id| assessment.ratings.contains_key(*id))
        {
            let added: Vec<&str> = order[..last]
                .iter()
                .copied()
                .filter(|id| !assessment.ratings.contains_key(*id))
                .collect();
            if !added.is_empty() {
                context.warn(format!(
                    "{shown}: not yet rated though before your last answer (added since, or skipped), asked first: {}",
                    added.join(", ")
                ));
            }
        }
    }
    assessment.framework = framework_ref(&entry);
    Ok((entry, assessment))
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

/// `--output` must not name a file the assessment is made from: the framework file or the
/// answers file.
fn refuse_inputs(args: &AssessArgs, entry: &Entry) -> Result<(), BadInput> {
    let output = Output::new(args.out.as_deref(), true);
    if let rungs::catalog::Origin::File(framework) = &entry.origin {
        output.refuse_inputs([framework.as_path()], "the framework being assessed")?;
    }
    output.refuse_inputs(args.answers.as_deref(), "the answers file")
}

/// The file a link leads to, so that saving replaces that file and keeps the link; any other
/// path as it is.
fn through_link(path: &Path) -> PathBuf {
    match std::fs::symlink_metadata(path) {
        Ok(meta) if meta.file_type().is_symlink() => {
            std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf())
        }
        _ => path.to_path_buf(),
    }
}

/// Where answers are saved, and whether the first save must not replace an existing file.
#[derive(Debug)]
pub struct Destination {
    /// The file written after every answer.
    pub path: PathBuf,
    /// Folder and file stem when the name was chosen by rungs (to pick another if it is taken).
    default_name: Option<(PathBuf, String)>,
    /// Set once the file was written by this run (or belongs to the resumed assessment).
    pub saved: bool,
    /// Whether an existing file may be replaced.
    force: bool,
}

impl Destination {
    fn choose(
        args: &AssessArgs,
        framework: &Framework,
        resumed: Option<&Path>,
    ) -> anyhow::Result<Self> {
        if let Some(out) = &args.out {
            let shown = out.display().to_string();
            if is_stdout(out) {
                return Err(BadInput::new(
                    "--output -: an assessment is saved to its file after every answer, so it needs a file name; `rungs report FILE` prints it",
                )
                .into());
            }
            let continuing = resumed.filter(|r| same_file(r, out));
            if continuing.is_none() {
                check_target(out, args.force).map_err(|refusal| {
                    let message = match refusal {
                        Refusal::Folder => "is a folder; --output takes a file name".to_string(),
                        Refusal::Exists => format!(
                            "already exists; pass --force to overwrite it, or --resume {} to continue it",
                            shell_word(out)
                        ),
                        other => other.to_string(),
                    };
                    BadInput::in_file(&shown, message)
                })?;
            }
            return Ok(Destination {
                path: continuing.map_or_else(|| out.clone(), through_link),
                default_name: None,
                saved: continuing.is_some(),
                force: args.force || continuing.is_some(),
            });
        }
        if let Some(resumed) = resumed {
            // Resuming through a link saves to the file it leads to.
            return Ok(Destination {
                path: through_link(resumed),
                default_name: None,
                saved: true,
                force: true,
            });
        }
        let dir = super::named::assessments_dir()?;
        std::fs::create_dir_all(&dir)
            .with_context(|| format!("cannot create the folder {}", dir.display()))?;
        let stem = format!("{}-{}", framework.id, today());
        Ok(Destination {
            path: free_name(&dir, &stem),
            default_name: Some((dir, stem)),
            saved: false,
            force: false,
        })
    }

    /// Save atomically. The first save of a new file never replaces one that appeared
    /// meanwhile: a default name moves on to the next free one, an --output name is refused.
    pub fn save(&mut self, assessment: &Assessment) -> anyhow::Result<()> {
        if !self.saved && !self.force && taken(&self.path) {
            match &self.default_name {
                Some((dir, stem)) => self.path = free_name(dir, stem),
                None => return Err(BadInput::in_file(
                    &self.path.display().to_string(),
                    "was created by something else meanwhile; not overwriting it (pass --force to)",
                )
                .into()),
            }
        }
        file::save(&self.path, assessment).with_context(|| {
            format!(
                "cannot save the assessment to {} (answers saved before are still in it)",
                self.path.display()
            )
        })?;
        self.saved = true;
        Ok(())
    }
}

/// `<stem>.json`, else `<stem>-2.json`, `<stem>-3.json`, ... whichever does not exist yet.
fn free_name(dir: &Path, stem: &str) -> PathBuf {
    let first = dir.join(format!("{stem}.json"));
    if !taken(&first) {
        return first;
    }
    (2..)
        .map(|n| dir.join(format!("{stem}-{n}.json")))
        .find(|p| !taken(p))
        .unwrap_or(first)
}

/// Whether anything is at `path`, a dangling link included.
fn taken(path: &Path) -> bool {
    std::fs::symlink_metadata(path).is_ok()
}

/// The path as one shell word, quoted when it needs to be.
fn shell_word(path: &Path) -> String {
    let text = path.display().to_string();
    if text
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || "/._-+:@%,=~".contains(c))
    {
        text
    } else {
        format!("'{}'", text.replace('\'', r"'\''"))
    }
}

fn local_now() -> time::OffsetDateTime {
    time::OffsetDateTime::now_local().unwrap_or_else(|_| time::OffsetDateTime::now_utc())
}

/// The current time as RFC 3339.
pub fn now() -> String {
    local_now()
        .replace_nanosecond(0)
        .unwrap_or_else(|_| local_now())
        .format(&time::format_description::well_known::Rfc3339)
        .unwrap_or_default()
}

fn today() -> String {
    let date = local_now().date();
    format!(
        "{:04}-{:02}-{:02}",
        date.year(),
        u8::from(date.month()),
        date.day()
    )
}

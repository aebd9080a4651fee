//! `rungs diff OLD NEW`: what changed between two assessments of one framework.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use rungs::assessment::person::{self, Labelled};
use rungs::assessment::{file, Assessment};
use rungs::diff::{diff, DiffReport, DiffSide, DroppedRating, GapChange, NoteChange, SideSummary};
use rungs::error::BadInput;
use rungs::framework::Ladder;
use rungs::report::Report;

use rungs::assessment::TargetRequest;
use rungs::open::{attach, choose_ladder, effective_target, unreachable, Opened};

use super::output::Output;
use super::Context;
use crate::cli::DiffArgs;

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

/// The evidence notes that differ between the two sides (on rated or unrated indicators), in
/// the new framework's walk order.
fn note_changes(old: &Opened, new: &Opened) -> Vec<NoteChange> {
    let note = |opened: &Opened, id: &str| -> Option<String> {
        let a = &opened.assessment;
        a.ratings
            .get(id)
            .and_then(|r| r.note.clone())
            .or_else(|| a.notes.get(id).cloned())
    };
    new.entry
        .framework
        .indicators()
        .filter_map(|(_, _, i)| {
            let (from, to) = (note(old, &i.id), note(new, &i.id));
            (from != to).then(|| NoteChange {
                id: i.id.clone(),
                text: i.text.clone(),
                from,
                to,
            })
        })
        .collect()
}

/// Run `rungs diff`.
pub fn run(context: &Context, args: &DiffArgs) -> anyhow::Result<ExitCode> {
    let format = args.output.format(args.format)?;
    let (old_path, new_path) = paths(context, args)?;
    let output = Output::new(args.output.path.as_deref(), args.output.force)
        .in_language(args.lang.lang.as_deref());
    output.refuse_framework(&args.framework)?;
    output.refuse_inputs(
        [old_path.as_path(), new_path.as_path()],
        "one of the assessments compared; write to another file",
    )?;
    let (old, new) = read_pair(&old_path, &new_path)?;
    let catalog = context.catalog()?;
    let override_entry = args.framework.load()?;
    let old = attach(&catalog, &old_path, old, override_entry.as_ref())?;
    context.warn_all(&old.warnings);
    let new = attach(&catalog, &new_path, new, override_entry.as_ref())?;
    context.warn_all(&new.warnings);
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
    // Compared on the frameworks as written; their texts shown in the language asked for.
    let lang = args.lang.lang.as_deref();
    let new_shown = context.in_language(&new.entry, lang)?;
    let old_shown = if old.entry.digest == new.entry.digest {
        new_shown.clone()
    } else {
        context.in_language(&old.entry, lang)?
    };
    let old_framework: &rungs::framework::Framework = old_shown
        .as_ref()
        .map_or(&old.entry.framework, |t| &t.framework);
    let new_framework: &rungs::framework::Framework = new_shown
        .as_ref()
        .map_or(&new.entry.framework, |t| &t.framework);
    let changes = diff(
        DiffSide {
            framework: old_framework,
            ladder: &old_ladder,
            ratings: &old.assessment.ratings,
        },
        DiffSide {
            framework: new_framework,
            ladder: &new_ladder,
            ratings: &new.assessment.ratings,
        },
    );
    let report = DiffReport::new(new_framework, summary(&old), summary(&new), changes)
        .with_notes(note_changes(&old, &new))
        .with_dropped(dropped(&old, &new));
    let report = with_target(
        context,
        args,
        (&old, &old_ladder),
        (&new, &new_ladder),
        report,
    )?;
    output.write(context, &report, format.into())?;
    Ok(ExitCode::SUCCESS)
}

/// The two assessments to compare: OLD and NEW as named, or the last two of a framework id.
fn paths(context: &Context, args: &DiffArgs) -> anyhow::Result<(PathBuf, PathBuf)> {
    if let Some(new) = &args.new {
        return Ok((super::named::latest(&args.old)?, super::named::latest(new)?));
    }
    let found = super::named::assessments(&args.old)?;
    match found.as_slice() {
        [latest, before, ..] if found[0] != args.old => {
            context.say(format!(
                "Comparing the last two: {} and {}",
                before.display(),
                latest.display()
            ));
            Ok((before.clone(), latest.clone()))
        }
        _ => Err(BadInput::in_file(
            &args.old.display().to_string(),
            "diff compares two assessments: give OLD and NEW, or a framework id with at least two assessments in the assessments folder",
        )
        .into()),
    }
}

/// Read both assessments; they must be of one framework, one person and one rater.
fn read_pair(old_path: &Path, new_path: &Path) -> anyhow::Result<(Assessment, Assessment)> {
    let old = file::read(old_path)?;
    let new = file::read(new_path)?;
    if old.framework.id != new.framework.id {
        return Err(BadInput::new(format!(
            "cannot compare {} (framework {:?}) with {} (framework {:?}): diff compares two assessments of one framework",
            old_path.display(),
            old.framework.id,
            new_path.display(),
            new.framework.id
        ))
        .into());
    }
    let (old_label, new_label) = (
        old_path.display().to_string(),
        new_path.display().to_string(),
    );
    person::one_series(
        &[
            Labelled {
                label: &old_label,
                assessment: &old,
            },
            Labelled {
                label: &new_label,
                assessment: &new,
            },
        ],
        "diff",
        "give two assessments of one person by one rater",
    )?;
    Ok((old, new))
}

/// The ratings each side leaves out, with the file it is in.
fn dropped(old: &Opened, new: &Opened) -> Vec<DroppedRating> {
    [old, new]
        .iter()
        .flat_map(|side| {
            side.dropped.iter().map(|d| DroppedRating {
                file: side.path.display().to_string(),
                dropped: d.clone(),
            })
        })
        .collect()
}

/// The report measured against the target asked for, or else the one saved (the new side's
/// first): per competency, the gap before and after.
fn with_target(
    context: &Context,
    args: &DiffArgs,
    (old, old_ladder): (&Opened, &Ladder),
    (new, new_ladder): (&Opened, &Ladder),
    report: DiffReport,
) -> anyhow::Result<DiffReport> {
    let (given, problems) = args.target.request();
    if !problems.is_empty() {
        return Err(BadInput::many(problems).into());
    }
    let saved = new
        .assessment
        .target
        .as_ref()
        .or(old.assessment.target.as_ref());
    let (request, misfit) = effective_target(
        given,
        saved,
        &new.entry.framework,
        new_ladder,
        &new.path.display().to_string(),
    );
    context.warn_all(misfit);
    if request.is_empty() {
        return Ok(report);
    }
    let side = |opened: &Opened, ladder| {
        Report::from_ratings_on(
            &opened.entry.framework,
            ladder,
            &opened.assessment.ratings,
            &request,
        )
    };
    let (before, after) = match (side(old, old_ladder), side(new, new_ladder)) {
        (Ok(before), Ok(after)) => (before, after),
        (Err(problems), _) | (_, Err(problems)) => return Err(problems.into()),
    };
    context.warn_all(unreachable(&new.entry.framework, new_ladder, &request));
    let gaps = after
        .gaps
        .iter()
        .map(|g| GapChange {
            competency: g.competency.clone(),
            target: g.target.clone(),
            from_gap: before
                .gaps
                .iter()
                .find(|b| b.competency == g.competency)
                .and_then(|b| b.gap),
            to_gap: g.gap,
        })
        .collect();
    let description = after.target.map(|t| t.description).unwrap_or_default();
    Ok(report.with_target(description, gaps))
}

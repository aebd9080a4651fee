//! `rungs compare FILE...`: the raters of one person side by side, with the consensus.

use std::process::ExitCode;

use rungs::assessment::gather::Options;
use rungs::error::BadInput;

use super::assessment_files::{self, Strictness};
use super::output::Output;
use super::Context;
use crate::cli::CompareArgs;

/// Run `rungs compare`.
pub fn run(context: &Context, args: &CompareArgs) -> anyhow::Result<ExitCode> {
    let format = args.output.format(args.format)?;
    let gathered = assessment_files::read(
        context,
        &args.files,
        Options {
            framework: args.framework.load()?,
            issued: super::issued(args.issued.as_deref())?,
            keep_notes: true,
            ..Options::default()
        },
        Strictness {
            skip_invalid: args.skip_invalid,
            refuse_other_framework: true,
            anonymous: args.anonymous,
            verbose: true,
        },
    )?;
    let subjects: std::collections::BTreeSet<&str> = gathered
        .scorecards
        .iter()
        .map(|s| s.subject.as_str())
        .collect();
    if subjects.len() > 1 {
        let mut problems = vec![format!(
            "compare takes the assessments of one person; these files are of {} people:",
            subjects.len()
        )];
        problems.extend(gathered.scorecards.iter().map(|s| {
            let who = if s.subject_recorded {
                format!("{:?}", s.subject)
            } else {
                "no name recorded".to_string()
            };
            rungs::render::visible(&format!("  {}: {who}", s.file.display())).into_owned()
        }));
        problems.push(
            "when they are one person, name them alike: rungs assess --resume FILE --subject NAME sets the name of a file that records none; otherwise compare each person's files on their own".to_string(),
        );
        return Err(BadInput::many(problems).into());
    }
    let peers = gathered
        .scorecards
        .iter()
        .filter(|s| s.relation == rungs::assessment::Relation::Peer)
        .count();
    if args.anonymous && peers == 1 {
        context.warn(
            "--anonymous: only one peer rated, so anyone who knows who was asked can tell whose ratings \"peer 1\" are",
        );
    }
    let translated = context.in_language(&gathered.entry, args.lang.lang.as_deref())?;
    let framework: &rungs::framework::Framework = translated
        .as_ref()
        .map_or(&gathered.entry.framework, |t| &t.framework);
    let ladder = rungs::open::choose_ladder(
        framework,
        args.track.track.as_deref(),
        None,
        &Default::default(),
    )?;
    let comparison =
        rungs::compare::compare(framework, &ladder, &gathered.scorecards, args.anonymous);
    let output = Output::new(args.output.path.as_deref(), args.output.force)
        .in_language(args.lang.lang.as_deref());
    output.refuse_framework(&args.framework)?;
    output.refuse_inputs(
        gathered.scorecards.iter().map(|s| s.file.as_path()),
        "one of the assessments compared; write to another file",
    )?;
    output.write(context, &comparison, format.into())?;
    Ok(ExitCode::SUCCESS)
}

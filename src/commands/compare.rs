//! `rungs compare FILE...`: the raters of one person side by side, with the consensus.

use std::process::ExitCode;

use rungs::assessment::gather::Options;
use rungs::error::BadInput;
use rungs::render::compare as render;
use rungs::render::Style;

use super::gathering::{self, Strictness};
use super::report::{emit, load_override};
use super::Context;
use crate::cli::{CompareArgs, CompareFormat};

/// Run `rungs compare`.
pub fn run(context: &Context, args: &CompareArgs) -> anyhow::Result<ExitCode> {
    let gathered = gathering::read(
        context,
        &args.files,
        Options {
            framework: load_override(&args.framework)?,
            keep_notes: true,
            threads: 0,
        },
        Strictness {
            skip_invalid: args.skip_invalid,
            refuse_other_framework: true,
            anonymous: args.anonymous,
        },
    )?;
    let subjects: std::collections::BTreeSet<&str> =
        gathered.sheets.iter().map(|s| s.subject.as_str()).collect();
    if subjects.len() > 1 {
        let mut problems = vec![format!(
            "compare takes the assessments of one person; these files are of {} people:",
            subjects.len()
        )];
        problems.extend(gathered.sheets.iter().map(|s| {
            rungs::render::visible(&format!("  {}: {}", s.file.display(), s.subject)).into_owned()
        }));
        return Err(BadInput::many(problems).into());
    }
    let framework = &gathered.entry.framework;
    let ladder = super::report::choose_ladder(
        framework,
        args.track.track.as_deref(),
        None,
        &Default::default(),
    )?;
    let comparison = rungs::compare::compare(framework, &ladder, &gathered.sheets, args.anonymous);
    let style = Style {
        width: context.width,
        color: context.color && args.output.is_none(),
    };
    let text = match args.format {
        CompareFormat::Table => render::table::render(&comparison, style),
        CompareFormat::Json => render::json::render(&comparison),
        CompareFormat::Markdown => render::markdown::render(&comparison),
        CompareFormat::Html => render::html::render(&comparison),
    };
    if let Some(output) = &args.output {
        if gathered
            .sheets
            .iter()
            .any(|s| super::report::same_file(output, &s.file))
        {
            return Err(BadInput::new(format!(
                "--output {}: that is one of the assessments compared; write to another file",
                output.display()
            ))
            .into());
        }
    }
    emit(context, args.output.as_deref(), args.force, &text)?;
    Ok(ExitCode::SUCCESS)
}

//! `rungs team PATH...`: a skills matrix over many assessments, or their ratings as NDJSON.

use std::io::Write;
use std::process::ExitCode;

use rungs::assessment::gather::Options;
use rungs::assessment::Relation;
use rungs::error::BadInput;
use rungs::render::team as render;
use rungs::render::Style;
use rungs::team::View;

use super::gathering::{self, Strictness};
use super::report::{choose_ladder, emit, load_override, target_request, warn_unreachable};
use super::Context;
use crate::cli::{TeamArgs, TeamFormat};

/// Run `rungs team`.
pub fn run(context: &Context, args: &TeamArgs) -> anyhow::Result<ExitCode> {
    let (request, problems) = target_request(&args.target);
    if !problems.is_empty() {
        return Err(BadInput::many(problems).into());
    }
    let gathered = gathering::read(
        context,
        &args.paths,
        Options {
            framework: load_override(&args.framework)?,
            keep_notes: false,
            threads: 0,
        },
        Strictness {
            skip_invalid: args.skip_invalid,
            refuse_other_framework: false,
            anonymous: false,
        },
    )?;
    let framework = &gathered.entry.framework;
    if let Some(output) = &args.output {
        if gathered
            .sheets
            .iter()
            .any(|s| super::report::same_file(output, &s.file))
        {
            return Err(BadInput::new(format!(
                "--output {}: that is one of the assessments read; write to another file",
                output.display()
            ))
            .into());
        }
    }
    let relation = args.relation.map(Relation::from);

    if args.format == TeamFormat::Ndjson {
        let sheets: Vec<&rungs::assessment::gather::Sheet> = gathered
            .sheets
            .iter()
            .filter(|s| relation.is_none_or(|r| s.relation == r))
            .collect();
        let write = |writer: &mut dyn Write| {
            render::ndjson::write(framework, sheets.iter().copied(), writer)
        };
        return finish(context, args, write);
    }

    let ladder = choose_ladder(framework, args.track.track.as_deref(), None, &request)?;
    let targets = if request.is_empty() {
        None
    } else {
        warn_unreachable(context, framework, &ladder, &request);
        Some(request.resolve_on(framework, &ladder)?)
    };
    let view = if args.consensus {
        View::Consensus
    } else {
        View::Relation(relation.unwrap_or(Relation::SelfRating))
    };
    let team = rungs::team::team(framework, &ladder, &gathered.sheets, view, targets.as_ref());
    drop(gathered.sheets);
    if team.members.is_empty() {
        return Err(BadInput::new(format!(
            "no one has {}: try --relation or --consensus",
            match view {
                View::Relation(Relation::SelfRating) => "a self-assessment".to_string(),
                View::Relation(r) => format!("an assessment by a {r}"),
                View::Consensus => "an assessment by anyone but themself".to_string(),
            }
        ))
        .into());
    }
    let style = Style {
        width: context.width,
        color: context.color && args.output.is_none(),
    };
    match args.format {
        TeamFormat::Json => finish(context, args, |w| render::json::write(&team, w)),
        TeamFormat::Csv => finish(context, args, |w| render::csv::write(&team, w)),
        TeamFormat::Table => text(context, args, &render::table::render(&team, style)),
        TeamFormat::Markdown => text(context, args, &render::markdown::render(&team)),
        TeamFormat::Html => text(context, args, &render::html::render(&team)),
        // Written from the sheets above, before the matrix was built.
        TeamFormat::Ndjson => Ok(ExitCode::SUCCESS),
    }
}

fn text(context: &Context, args: &TeamArgs, text: &str) -> anyhow::Result<ExitCode> {
    emit(context, args.output.as_deref(), args.force, text)?;
    Ok(ExitCode::SUCCESS)
}

/// Stream to stdout (a closed pipe is not an error), or build the text and write it atomically.
fn finish(
    context: &Context,
    args: &TeamArgs,
    write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> anyhow::Result<ExitCode> {
    match &args.output {
        None => {
            let mut stdout = std::io::BufWriter::with_capacity(1 << 16, std::io::stdout().lock());
            match write(&mut stdout) {
                Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(e.into()),
                _ => Ok(ExitCode::SUCCESS),
            }
        }
        Some(path) => {
            let mut bytes = Vec::new();
            write(&mut bytes)?;
            let text = String::from_utf8(bytes)?;
            emit(context, Some(path), args.force, &text)?;
            Ok(ExitCode::SUCCESS)
        }
    }
}

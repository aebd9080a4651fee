//! `rungs team PATH...`: a skills matrix over many assessments, or their ratings as NDJSON.

use std::process::ExitCode;

use rungs::assessment::gather::{Options, Scorecard};
use rungs::assessment::Relation;
use rungs::error::BadInput;
use rungs::render::team::ndjson::{Ndjson, RatingLines};
use rungs::team::{Ladders, View};

use super::assessment_files::{self, Strictness};
use super::output::Output;
use super::Context;
use crate::cli::TeamArgs;
use rungs::open::{choose_ladder, unreachable};

/// Run `rungs team`.
pub fn run(context: &Context, args: &TeamArgs) -> anyhow::Result<ExitCode> {
    let format = args.output.format(args.format)?;
    let (request, problems) = args.target.request();
    if !problems.is_empty() {
        return Err(BadInput::many(problems).into());
    }
    let matrix = format.matrix();
    let gathered = assessment_files::read(
        context,
        &args.paths,
        Options {
            framework: args.framework.load()?,
            issued: super::issued(args.issued.as_deref())?,
            // The feed carries every file.
            keep_earlier: matrix.is_none(),
            by_round: args.over_time && matrix.is_some(),
            ..Options::default()
        },
        Strictness {
            skip_invalid: args.skip_invalid,
            refuse_other_framework: false,
            anonymous: false,
            // The feed names every file in its rows.
            verbose: args.verbose,
        },
    )?;
    let translated = context.in_language(&gathered.entry, args.lang.lang.as_deref())?;
    let framework: &rungs::framework::Framework = translated
        .as_ref()
        .map_or(&gathered.entry.framework, |t| &t.framework);
    let output = Output::new(args.output.path.as_deref(), args.output.force)
        .in_language(args.lang.lang.as_deref());
    output.refuse_framework(&args.framework)?;
    output.refuse_inputs(
        gathered
            .scorecards
            .iter()
            .chain(&gathered.earlier)
            .map(|s| s.file.as_path()),
        "one of the assessments read; write to another file",
    )?;
    let relation = args.relation.map(Relation::from);

    let Some(format) = matrix else {
        let mut scorecards: Vec<&Scorecard> = gathered
            .scorecards
            .iter()
            .chain(&gathered.earlier)
            .filter(|s| relation.is_none_or(|r| s.relation == r))
            .collect();
        scorecards.sort_by(|a, b| {
            (&a.subject, a.relation, &a.rater, a.order_key()).cmp(&(
                &b.subject,
                b.relation,
                &b.rater,
                b.order_key(),
            ))
        });
        let ratings = RatingLines {
            framework,
            rounds: round_labels(&args.paths),
            scorecards,
        };
        output.write(context, &ratings, Ndjson)?;
        return Ok(ExitCode::SUCCESS);
    };

    // One ladder for everyone when one is asked for (`--track`, or a role on a track); else
    // each person on the track their assessment records.
    let role_on_a_track = request
        .role
        .as_deref()
        .and_then(|role| framework.target(role))
        .is_some_and(|t| t.track.is_some());
    let ladders = if args.track.track.is_some() || role_on_a_track {
        let ladder = choose_ladder(framework, args.track.track.as_deref(), None, &request)?;
        let targets = if request.is_empty() {
            None
        } else {
            context.warn_all(unreachable(framework, &ladder, &request));
            Some(request.resolve_on(framework, &ladder)?)
        };
        Ladders::one(ladder, targets)
    } else {
        let ladders = Ladders::recorded(
            framework,
            gathered.scorecards.iter().map(|s| s.track),
            &request,
        )?;
        if !request.is_empty() {
            let mut said = Vec::new();
            let mut used: Vec<Option<usize>> =
                gathered.scorecards.iter().map(|s| s.track).collect();
            used.sort_unstable();
            used.dedup();
            for track in used {
                for warning in unreachable(framework, ladders.of(track).0, &request) {
                    if !said.contains(&warning) {
                        context.warn(&warning);
                        said.push(warning);
                    }
                }
            }
        }
        ladders
    };
    let view = if args.consensus {
        View::Consensus
    } else {
        View::Relation(relation.unwrap_or(Relation::SelfRating))
    };
    let team = if args.over_time {
        rungs::team::over_time(
            framework,
            &ladders,
            &gathered.scorecards,
            round_labels(&args.paths),
            view,
        )
    } else {
        let scorecards: Vec<&Scorecard> = gathered.scorecards.iter().collect();
        rungs::team::team(framework, &ladders, &scorecards, view)
    };
    drop(gathered.scorecards);
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
    output.write(context, &team, format)?;
    Ok(ExitCode::SUCCESS)
}

/// Each path as given: the label of its round.
fn round_labels(paths: &[std::path::PathBuf]) -> Vec<String> {
    paths.iter().map(|p| p.display().to_string()).collect()
}

//! What `compare` and `team` share: reading many assessments and saying on stderr what was
//! left out and why.

use std::path::PathBuf;

use rungs::assessment::gather::{self, Failure, Gathered, Options, Reason};
use rungs::error::BadInput;
use rungs::render::{plural, visible};

use super::Context;

/// How strict to be with files that cannot count.
pub struct Strictness {
    /// List bad files and go on instead of failing.
    pub skip_invalid: bool,
    /// Files of another framework fail even with `skip_invalid`.
    pub refuse_other_framework: bool,
    /// Raters shown by number (`compare --anonymous`): their files are never named.
    pub anonymous: bool,
    /// Name each file that a later one of the same subject and rater replaces; else one line
    /// says how many there are.
    pub verbose: bool,
}

/// Read every assessment under `paths`. Bad files are errors (exit 2) unless skipped; files
/// that a later one of the same subject and rater replaces are listed.
pub fn read(
    context: &Context,
    paths: &[PathBuf],
    options: Options,
    strictness: Strictness,
) -> anyhow::Result<Gathered> {
    let catalog = context.catalog()?;
    let options_by_round = options.by_round;
    // Files kept although a later one counts are used (the feed has every file): no note.
    let earlier_used = options.keep_earlier;
    let (files, mut invalid) = gather::discover(paths);
    // What was found: the files read, and those refused before reading (a pipe, a device).
    let found = files.len() + invalid.len();
    let gathered = match gather::gather(&catalog, &files, &options) {
        Ok(gathered) => gathered,
        Err(Failure::Framework(bad)) => return Err(bad.into()),
        Err(Failure::NoAssessments { invalid: more }) => {
            invalid.extend(more);
            let mut problems: Vec<String> = invalid.iter().map(line).collect();
            let not_issued = invalid
                .iter()
                .filter(|i| i.reason == Reason::NotIssued)
                .count();
            problems.push(if files.is_empty() {
                "no assessment files (*.json) found".to_string()
            } else if not_issued > 0 {
                format!(
                    "no file is left: {} not saved from a page the ledger lists, or not as issued",
                    plural(not_issued, "file is", "files are")
                )
            } else {
                "none of the files is a rungs assessment".to_string()
            });
            return Err(BadInput::many(problems).into());
        }
    };
    invalid.extend(gathered.invalid.iter().cloned());
    invalid.sort_by(|a, b| a.path.cmp(&b.path));
    let refused: Vec<String> = invalid
        .iter()
        .filter(|i| {
            // Files the form ledger does not vouch for are left out, never an error.
            i.reason != Reason::NotIssued
                && (!strictness.skip_invalid
                    || (strictness.refuse_other_framework && i.reason == Reason::OtherFramework))
        })
        .map(line)
        .collect();
    if !refused.is_empty() {
        let mut problems = refused;
        problems.extend(
            invalid
                .iter()
                .filter(|i| i.reason == Reason::NotIssued)
                .map(|i| format!("left out: {}", line(i))),
        );
        if !strictness.skip_invalid {
            problems.push(format!(
                "{} left out of {} (pass --skip-invalid to go on without them)",
                plural(invalid.len(), "file", "files"),
                plural(found, "file", "files"),
            ));
        }
        return Err(BadInput::many(problems).into());
    }
    for bad in &invalid {
        if bad.reason == Reason::NotIssued {
            // Said even with -q: what counts depends on it.
            super::eprint_line(format_args!("left out: {}", line(bad)));
        } else {
            context.say(format_args!("skipped: {}", line(bad)));
        }
    }
    for warning in &gathered.warnings {
        context.warn(warning);
    }
    if earlier_used {
        return Ok(gathered);
    }
    if !strictness.verbose && !gathered.superseded.is_empty() {
        context.say(format!(
            "note: {} not counted: the latest of each person and rater{} counts; --verbose lists {}",
            plural(
                gathered.superseded.len(),
                "earlier file",
                "earlier files"
            ),
            if options_by_round { " in each round" } else { "" },
            if gathered.superseded.len() == 1 {
                "it"
            } else {
                "them"
            }
        ));
        return Ok(gathered);
    }
    for old in &gathered.superseded {
        let hidden = strictness.anonymous
            && gathered
                .scorecards
                .iter()
                .any(|s| s.file == old.by && rungs::compare::hidden_when_anonymous(s.relation));
        if hidden {
            context.say("note: an earlier file of a rater shown by number is not counted; their later one is");
        } else {
            context.say(format!(
                "note: {}: not counted, {} is later (same subject and rater)",
                visible(&old.path.display().to_string()),
                visible(&old.by.display().to_string())
            ));
        }
    }
    Ok(gathered)
}

/// `file: reason: message`, or `file: reason: line:col: message` where the problem has a place.
fn line(invalid: &gather::Invalid) -> String {
    let detail = &invalid.detail;
    let place = match (detail.line, detail.column) {
        (Some(line), Some(column)) => format!("{line}:{column}: "),
        (Some(line), None) => format!("{line}: "),
        _ => String::new(),
    };
    visible(&format!(
        "{}: {}: {place}{}",
        invalid.path.display(),
        invalid.reason.as_str(),
        detail.message
    ))
    .into_owned()
}

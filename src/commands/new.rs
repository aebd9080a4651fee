//! `rungs new FRAMEWORK_ID`: a commented starter framework that validates.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use rungs::error::BadInput;
use rungs::framework;
use rungs::io::io_reason;
use rungs::io::write::{check_target, is_stdout, write_file, Refusal, Replace};

use super::Context;
use crate::cli::NewArgs;

pub fn run(context: &Context, args: &NewArgs) -> anyhow::Result<ExitCode> {
    let out = args
        .out
        .clone()
        .unwrap_or_else(|| PathBuf::from(format!("{}.yaml", args.id)));
    let name = args.name.clone().unwrap_or_else(|| name_from_id(&args.id));
    let text = scaffold(&args.id, &name);
    check_scaffold(&args.id, &text)?;
    if is_stdout(&out) {
        super::write_stdout(text.as_bytes())?;
        return Ok(ExitCode::SUCCESS);
    }
    check_destination(&out, args.force)?;
    write_destination(&out, text.as_bytes(), args.force)?;
    context.say(format!(
        "wrote {}; edit it, then check it with: rungs validate {}",
        out.display(),
        out.display()
    ));
    Ok(ExitCode::SUCCESS)
}

/// Write a file checked with [`check_destination`]; without `force` a file that appeared there
/// since the check is kept and refused as it would have been.
pub(super) fn write_destination(out: &Path, bytes: &[u8], force: bool) -> anyhow::Result<()> {
    match write_file(out, bytes, Replace::when(force)) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
            Err(refused(out, Refusal::Exists).into())
        }
        Err(e) => anyhow::bail!(
            "cannot write {}: {}; nothing was changed",
            out.display(),
            write_reason(&e)
        ),
    }
}

/// The message write_atomic gave (it names the folder at fault), else the short OS reason.
pub(super) fn write_reason(error: &std::io::Error) -> String {
    if error.get_ref().is_some() {
        error.to_string()
    } else {
        io_reason(error)
    }
}

/// The scaffold must load; it can only fail on what the user chose (the id or the name).
fn check_scaffold(id: &str, text: &str) -> Result<(), BadInput> {
    match framework::load("scaffold", text.as_bytes()) {
        Ok(_) => Ok(()),
        Err(e) => Err(BadInput::many(
            e.diagnostics
                .iter()
                .filter(|d| d.is_error())
                .map(|d| {
                    let message = d.message.strip_prefix("id: ").unwrap_or(&d.message);
                    format!("cannot use {id:?} as FRAMEWORK_ID: {message}")
                })
                .collect(),
        )),
    }
}

/// The one output check ([`check_target`]), worded for a framework file.
pub(super) fn check_destination(out: &Path, force: bool) -> Result<(), BadInput> {
    check_target(out, force).map_err(|refusal| refused(out, refusal))
}

/// A refused output, worded for a framework file.
fn refused(out: &Path, refusal: Refusal) -> BadInput {
    {
        let message = match refusal {
            Refusal::Folder => format!(
                "is a folder; give a file name, e.g. --output {}",
                out.join("framework.yaml").display()
            ),
            Refusal::Exists => {
                "already exists; pass --force to overwrite it or --output another file".into()
            }
            Refusal::NoFolder(folder) => {
                format!(
                    "folder {} does not exist; create it first",
                    folder.display()
                )
            }
            other => other.to_string(),
        };
        BadInput::in_file(&out.display().to_string(), message)
    }
}

/// `our-framework` -> `Our framework`.
fn name_from_id(id: &str) -> String {
    let spaced: String = id
        .chars()
        .map(|c| if matches!(c, '-' | '_' | '.') { ' ' } else { c })
        .collect();
    let mut chars = spaced.trim().chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => id.to_string(),
    }
}

/// The starter file: every key of format 1 shown once, with a comment saying what it is for.
fn scaffold(id: &str, name: &str) -> String {
    // JSON strings are valid YAML double-quoted scalars, so any id or name is written safely.
    let quote = |s: &str| serde_json::to_string(s).unwrap_or_else(|_| "\"\"".into());
    SCAFFOLD
        .replace("{ID}", &quote(id))
        .replace("{NAME}", &quote(name))
}

const SCAFFOLD: &str = r#"# yaml-language-server: $schema=framework.schema.json
# A rungs competency framework (format 1).
#
# Check it with:     rungs validate THIS_FILE
# Try it with:       rungs show THIS_FILE   and   rungs assess THIS_FILE
# Editor support:    rungs schema framework > framework.schema.json
#                    (written beside this file, it lets an editor with the YAML language server
#                    complete and check the file as you type; see the first line)
#
# Unknown keys are errors, so a typo cannot pass silently. Keys starting with x- are yours:
# rungs ignores them.

id: {ID}                 # lowercase letters, digits, '.', '_' and '-'; unique among your frameworks
name: {NAME}
version: "0.1"           # your own version string; assessments record it
description: |
  What this framework describes, and for whom.
source: "Who wrote this text, and under which licence"

# The rating scale, lowest first. This is the default one: delete these lines to keep it.
scale:
  - { value: 1, label: Rarely }
  - { value: 2, label: Sometimes }
  - { value: 3, label: Often }
  - { value: 4, label: Consistently }
demonstrated_at: 3       # a rating of at least this value counts as demonstrated
threshold: 0.8           # share of a level's rated indicators that must be demonstrated

# Growth levels shared by every competency, lowest first. A level's rank is its position.
levels:
  - id: foundation
    name: Foundation
    description: Does the basics reliably with some guidance.
  - id: practitioner
    name: Practitioner
    description: Works independently and helps others.
  - id: leader
    name: Leader
    description: Shapes how the organisation works.

competencies:
  - id: communication
    name: Communication
    description: Shares information clearly and listens to others.
    levels:                           # any of the levels above, lowest first
      - level: foundation
        title: Communicates clearly   # optional title for this competency at this level
        indicators:
          - id: communication-1       # explicit id: ratings are stored under it
            text: Explains their work so that colleagues understand it.
            examples:                 # optional, shown while rating
              - Writes a short summary at the end of a piece of work
          # A plain string is an indicator too; its id is derived: communication.foundation.2
          - Listens to others without interrupting and checks they have understood.
      - level: practitioner
        indicators:
          - Adapts the message to the audience.
          - Gives feedback that is specific, timely and kind.
      - level: leader
        indicators:
          - Creates forums where difficult topics can be raised safely.
    guidance:                         # optional titled lists shown with the competency
      - title: Reflection questions
        items:
          - When did someone last misunderstand me, and why?
      - title: Activities
        items:
          - Ask a colleague to summarise what you said in your last meeting.

  - id: collaboration
    name: Collaboration
    levels:
      - level: foundation
        indicators:
          - Does their share of shared work and follows through on commitments.
      - level: practitioner
        indicators:
          - Brings people with different views together to agree a way forward.
      # A competency may skip levels: collaboration has no "leader" level.

# Optional named targets (roles, contexts): the level each competency should reach.
# Use them with: rungs assess THIS_FILE --target senior
targets:
  - id: senior
    name: Senior role
    levels:
      communication: practitioner
      collaboration: practitioner
"#;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn name_is_made_from_the_id() {
        assert_eq!(name_from_id("our-framework"), "Our framework");
        assert_eq!(name_from_id("it_skills.v2"), "It skills v2");
    }

    #[test]
    fn ids_that_are_yaml_keywords_stay_strings() {
        for id in ["true", "null", "1.0", "0x1f"] {
            let text = scaffold(id, "Name");
            let loaded = framework::load("scaffold", text.as_bytes());
            assert_eq!(loaded.map(|l| l.framework.id).ok().as_deref(), Some(id));
        }
    }
}

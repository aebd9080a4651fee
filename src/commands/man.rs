//! `rungs man`: the manual page in roff, on stdout or as one file per command.

use std::io::Write as _;
use std::path::Path;
use std::process::ExitCode;

use anyhow::Context as _;
use rungs::error::BadInput;
use rungs::io::write::{check_target, is_stdout};

use super::Context;

/// The sections a manual page has beyond what the options say, in roff.
const SECTIONS: &str = r#".SH EXAMPLES
.TP
\fBrungs assess networking \-\-target\-level proficiency\-3\fR
Rate yourself on a built\-in framework; the target is saved with the assessment.
.TP
\fBrungs report networking\fR
The report of the latest networking assessment in the assessments folder.
.TP
\fBrungs diff networking\fR
What changed between its last two assessments.
.TP
\fBrungs history networking\fR
Scores per competency over all of them.
.TP
\fBrungs assess \-\-resume networking\fR
Continue the latest, or review and change it when it is complete.
.TP
\fBrungs ls\fR
The saved assessments: framework, subject, rater, date, complete or not.
.TP
\fBrungs report me.json \-\-format html \-o me.html\fR
One self\-contained page to share.
.TP
\fBrungs form networking \-\-subject "Alex Rivera" \-\-raters raters.csv \-\-output\-dir forms/\fR
One HTML page per rater (a CSV sheet with the columns name and relation): each opens it in a browser, rates, and saves an assessment file to send back for \fBrungs compare\fR.
.TP
\fBrungs validate our\-framework.yaml\fR
Every problem of a framework file, as file:line:col: message.
.SH EXIT STATUS
.TP
\fB0\fR
Success; also \-\-help, \-\-version, and validate with warnings only.
.TP
\fB1\fR
Runtime failure: a file could not be written (disk full, read\-only folder) or another unexpected error. Files are replaced atomically: nothing saved is lost.
.TP
\fB2\fR
Bad input: a usage error, an invalid framework, an unreadable, corrupt or mismatched assessment or answers file, no terminal for the interactive walk, an output file that exists without \-\-force, an output file whose folder does not exist (a folder named by form \-\-output\-dir or man \-o is made), an output that is a link, a named pipe, a device or one of the command's inputs, an assessment another walk has open.
.SH ENVIRONMENT
.TP
\fBRUNGS_FRAMEWORKS\fR
Folders of framework files, separated by \fB:\fR, used as \-\-frameworks is.
.TP
\fBXDG_DATA_HOME\fR
The data folder: assessments are saved in \fB$XDG_DATA_HOME/rungs/assessments\fR.
.TP
\fBHOME\fR
Without XDG_DATA_HOME, the data folder is \fB$HOME/.local/share\fR.
.TP
\fBNO_COLOR\fR
When set and not empty, no colour (as \-\-color never).
.TP
\fBCOLUMNS\fR, \fBLINES\fR
The width and height to lay output out for, when set.
.TP
\fBCOMPLETE\fR
Set by the script of \fBrungs completions\fR when the shell asks for completions: rungs then prints what to offer and does nothing else.
.SH FILES
.TP
\fB$XDG_DATA_HOME/rungs/assessments/\fR (else \fB~/.local/share/rungs/assessments/\fR)
Assessments, as \fB<framework\-id>\-<YYYY\-MM\-DD>.json\fR (then \fB\-2\fR, \fB\-3\fR, ... on the same day). A framework id in place of a file names the assessments of that framework here, latest first.
.TP
\fI*.yaml\fR
Framework files: \fBrungs new ID\fR writes a starter, \fBrungs schema framework\fR prints the JSON Schema.
"#;

/// The main page: clap's sections, then examples, exit status, environment and files.
fn main_page(command: clap::Command) -> std::io::Result<Vec<u8>> {
    let mut page = Vec::new();
    clap_mangen::Man::new(command).render(&mut page)?;
    page.write_all(SECTIONS.as_bytes())?;
    Ok(page)
}

pub fn run(context: &Context, out_dir: Option<&Path>, force: bool) -> anyhow::Result<ExitCode> {
    let command = crate::cli::command();
    let Some(dir) = out_dir.filter(|d| !is_stdout(d)) else {
        super::write_stdout(&main_page(command)?)?;
        return Ok(ExitCode::SUCCESS);
    };
    let pages = pages(command)?;
    std::fs::create_dir_all(dir)
        .with_context(|| format!("cannot create the folder {}", dir.display()))?;
    // Every page is checked before any is written: a refusal leaves the folder as it was.
    let problems: Vec<String> = pages
        .iter()
        .filter_map(|(name, _)| {
            let path = dir.join(name);
            check_target(&path, force)
                .err()
                .map(|refusal| format!("--output {}: {refusal}", path.display()))
        })
        .collect();
    if !problems.is_empty() {
        return Err(BadInput::many(problems).into());
    }
    for (name, page) in &pages {
        let path = dir.join(name);
        super::output::save(&path, page, force)?;
    }
    context.say(format!("wrote manual pages into {}", dir.display()));
    Ok(ExitCode::SUCCESS)
}

/// `rungs.1` and a `rungs-COMMAND.1` page per command, as the files clap_mangen would write.
fn pages(command: clap::Command) -> std::io::Result<Vec<(String, Vec<u8>)>> {
    let mut main = command.disable_help_subcommand(true);
    main.build();
    let mut pages = vec![("rungs.1".to_string(), main_page(main.clone())?)];
    let mut pending: Vec<clap::Command> = main.get_subcommands().cloned().collect();
    while let Some(sub) = pending.pop() {
        if sub.is_hide_set() {
            continue;
        }
        pending.extend(sub.get_subcommands().cloned());
        let man = clap_mangen::Man::new(sub.clone());
        let mut page = Vec::new();
        man.render(&mut page)?;
        pages.push((man.get_filename(), page));
    }
    Ok(pages)
}

//! Command-line arguments (clap derive). Nothing outside the binary sees these types.
//!
//! The top level and the list of commands are here; each group of commands has its arguments
//! in a file of its own: [`frameworks`] (show, new, schema), [`rating`] (assess, form),
//! [`results`] (report, diff, history, compare, team), [`import`], and [`options`] shared by
//! several of them.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};
use clap_complete::ArgValueCompleter;

pub mod completers;
pub mod frameworks;
pub mod import;
pub mod options;
pub mod rating;
pub mod results;

pub use frameworks::{NewArgs, SchemaArg, ShowFormat, TranslateArgs};
pub use import::{ImportSheetArgs, ImportSource, LevelsFromArg};
pub use options::FrameworkOverride;
pub use rating::{AssessArgs, FormArgs};
pub use results::{CompareArgs, DiffArgs, HistoryArgs, ReportArgs, ReportFormat, TeamArgs};

/// Competency self-assessment in the terminal: rate behavioural indicators, see your level
/// profile, close the gaps.
#[derive(Debug, Parser)]
#[command(name = "rungs", version, about, long_about = None, propagate_version = true)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,

    /// Also load every framework file in this folder (repeatable).
    #[arg(
        long = "frameworks",
        value_name = "DIR",
        global = true,
        env = "RUNGS_FRAMEWORKS",
        value_delimiter = ':'
    )]
    pub frameworks: Vec<PathBuf>,

    /// Print only data and errors: no progress or hints on stderr.
    #[arg(short, long, global = true)]
    pub quiet: bool,

    /// When to use colour.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto, global = true, value_name = "WHEN")]
    pub color: ColorChoice,
}

/// When to colour output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    /// On a terminal, unless NO_COLOR is set.
    Auto,
    /// Always.
    Always,
    /// Never.
    Never,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// List the frameworks available: built-in ones and those in --frameworks folders.
    #[command(
        after_help = "Examples:\n  rungs list\n  rungs list --frameworks ./my-frameworks\n  rungs list --assessments"
    )]
    List {
        /// List the saved assessments instead: framework, subject, rater, date, complete or not.
        #[arg(long)]
        assessments: bool,
    },

    /// List the saved assessments in the assessments folder, latest first (list --assessments).
    #[command(
        after_help = "Examples:\n  rungs ls\n  rungs report networking   # the latest of them"
    )]
    Ls,

    /// Show a framework as readable tables: levels, competencies, indicators, guidance.
    #[command(
        after_help = "Examples:\n  rungs show building-relationships\n  rungs show ./our-framework.yaml\n  \
rungs show networking --format csv > networking.csv    # edit in a spreadsheet, then: rungs import csv networking.csv\n  \
rungs show networking --format markdown > networking.md\n  \
rungs show networking -o networking.html    # one self-contained page, for an intranet"
    )]
    Show {
        /// A built-in or --frameworks id, a path to a YAML file, or - for standard input.
        #[arg(add = ArgValueCompleter::new(completers::framework))]
        framework: String,

        /// Output format: tables, a sheet that `rungs import sheet` reads back, the loaded
        /// framework as JSON, a Markdown document or an HTML page (default: the one the
        /// --output file's extension names, else tables).
        #[arg(long, short, value_enum)]
        format: Option<ShowFormat>,

        #[command(flatten)]
        output: options::OutputArgs,

        /// With --format csv: write the roles (targets) as a sheet to this file, one row per
        /// role and competency, as `rungs import sheet --roles` reads it (--force replaces it).
        #[arg(long, value_name = "FILE")]
        roles_output: Option<PathBuf>,

        #[command(flatten)]
        lang: options::LangArg,
    },

    /// Check framework files; every problem as file:line:col: message.
    #[command(
        after_help = "Examples:\n  rungs validate frameworks/\n  rungs validate ours.yaml theirs.yaml\n\nExit status: 0 when every file is valid (warnings allowed), 2 otherwise."
    )]
    Validate {
        /// Framework files, or folders of them.
        #[arg(required = true, value_name = "PATH")]
        paths: Vec<PathBuf>,
    },

    /// Rate a framework's indicators, one keystroke each, and see your level profile.
    Assess(AssessArgs),

    /// Level profile, gap table and development plan of a saved assessment.
    Report(ReportArgs),

    /// What changed between two assessments of one framework.
    Diff(DiffArgs),

    /// Scores per competency over several assessments of one framework.
    History(HistoryArgs),

    /// The raters of one person side by side: self, consensus, blind spots and hidden strengths.
    Compare(CompareArgs),

    /// A team's skills matrix: people × competencies, levels held, who meets a target and who could mentor.
    Team(TeamArgs),

    /// Write a commented starter framework file that validates, to edit into your own.
    New(NewArgs),

    /// Write an HTML page a rater fills in a browser and saves as an assessment file: no terminal, no install.
    Form(FormArgs),

    /// Translate a framework: write the translator's sheet, or read one back into F.LANG.yaml.
    #[command(
        after_help = "The sheet has the columns location, context, source, target: one row per text of the\n\
framework, the bilingual layout Weblate and translators' spreadsheets use. Reading one back, a\n\
row matches by location when that is a rungs path, else by its source text (trimmed) equal to\n\
one text of the framework, so a sheet keyed by another tool's locations imports as published.\n\
The translation is written beside the framework file as F.LANG.yaml; --lang on show, report,\n\
assess, form, compare, team, diff and history then uses it.\n\n\
Examples:\n  rungs translate ours.yaml --lang nl -o nl.xlsx\n  \
rungs translate ours.yaml --lang nl --from nl.xlsx\n  \
rungs translate ours.yaml --lang nl --from weblate.csv --column 'Source text=source'\n  \
rungs show ours.yaml --lang nl"
    )]
    Translate(TranslateArgs),

    /// Make a framework file from one kept elsewhere: a spreadsheet (CSV, TSV, Excel,
    /// OpenDocument) or a CASE package.
    #[command(
        after_help = "Examples:\n  rungs import sheet ladder.xlsx --roles-sheet Roles -o ladder.yaml\n  rungs validate ladder.yaml"
    )]
    Import {
        #[command(subcommand)]
        source: ImportSource,
    },

    /// Print the JSON Schema of framework or assessment files, for editors and other tools.
    #[command(
        after_help = "Examples:\n  rungs schema framework > framework.schema.json\n  rungs schema assessment\n\n\
An editor with the YAML language server checks and completes a framework whose first line is\n  \
# yaml-language-server: $schema=framework.schema.json"
    )]
    Schema {
        /// Which file format.
        #[arg(value_enum)]
        kind: SchemaArg,
    },

    /// Print a shell completion script: on each Tab it asks rungs for the ids present then.
    #[command(
        after_help = "Examples:\n  rungs completions powershell >> $PROFILE\n  \
rungs completions elvish >> ~/.config/elvish/rc.elv\n  \
echo 'source <(rungs completions bash)' >> ~/.bashrc\n  \
echo 'source <(rungs completions zsh)' >> ~/.zshrc\n  \
echo 'rungs completions fish | source' >> ~/.config/fish/config.fish"
    )]
    Completions {
        /// The shell to complete for.
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },

    /// Print the manual page (roff), or write one page per command into a folder.
    #[command(
        after_help = "Examples:\n  rungs man | man -l -\n  rungs man > /usr/local/share/man/man1/rungs.1\n  rungs man -o ./man"
    )]
    Man {
        /// Write rungs.1 and a rungs-COMMAND.1 page per command into this folder instead
        /// (created when missing; - is stdout).
        #[arg(long = "output", short = 'o', value_name = "DIR", alias = "out-dir")]
        out_dir: Option<PathBuf>,
        /// Overwrite pages that exist in --output.
        #[arg(long)]
        force: bool,
    },
}

/// The global flags each command leaves alone: their help, man page and completions do not
/// offer them (they are still accepted anywhere).
const UNUSED_GLOBALS: &[(&str, &[&str])] = &[
    ("validate", &["frameworks", "color"]),
    ("new", &["frameworks", "color"]),
    ("import", &["frameworks", "color"]),
    ("schema", &["frameworks", "color", "quiet"]),
    ("completions", &["color", "quiet"]),
    ("man", &["frameworks", "color"]),
    ("ls", &["frameworks", "color"]),
];

/// The command line as rungs parses and documents it: the derived one, with each global flag
/// shown only on the commands it affects (a hidden copy in the others keeps it accepted there).
pub fn command() -> clap::Command {
    use clap::CommandFactory;
    let mut command = Cli::command();
    let globals: Vec<clap::Arg> = command.get_arguments().cloned().collect();
    for (name, unused) in UNUSED_GLOBALS {
        if command.find_subcommand(name).is_none() {
            continue;
        }
        command = command.mut_subcommand(*name, |mut sub| {
            for arg in globals
                .iter()
                .filter(|a| unused.contains(&a.get_id().as_str()))
            {
                sub = sub.arg(arg.clone().hide(true));
            }
            sub
        });
    }
    command
}

/// Parse the command line with [`command`].
pub fn parse() -> Result<Cli, clap::Error> {
    use clap::FromArgMatches;
    let mut matches = command().try_get_matches()?;
    Cli::from_arg_matches_mut(&mut matches)
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn verify_cli() {
        Cli::command().debug_assert();
        command().debug_assert();
    }
}

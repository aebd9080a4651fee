//! Command-line arguments (clap derive). Nothing outside the binary sees these types.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};
use clap_complete::ArgValueCompleter;

pub mod completers;

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
rungs show networking --format markdown > networking.md"
    )]
    Show {
        /// A built-in or --frameworks id, or a path to a YAML file.
        #[arg(add = ArgValueCompleter::new(completers::framework))]
        framework: String,

        /// Output format: tables, a sheet that `rungs import sheet` reads back, the loaded
        /// framework as JSON, or a Markdown document.
        #[arg(long, short, value_enum, default_value_t = ShowFormat::Table)]
        format: ShowFormat,

        /// With --format csv: write the roles (targets) as a sheet to this file, one row per
        /// role and competency, as `rungs import sheet --roles` reads it.
        #[arg(long, value_name = "FILE")]
        roles_output: Option<PathBuf>,

        /// Overwrite --roles-output if it exists.
        #[arg(long, requires = "roles_output")]
        force: bool,
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

/// What `rungs import` reads.
#[derive(Debug, Subcommand)]
pub enum ImportSource {
    /// A spreadsheet (.csv, .tsv, .xlsx, .ods), one row per indicator (the columns `rungs show --format csv` writes).
    #[command(
        visible_alias = "csv",
        disable_version_flag = true,
        after_help = "Columns (header names; case, spaces, hyphens and underscores do not matter):\n  \
required: competency, level, indicator\n  \
optional: indicator_id, competency_id, level_id, examples (one a line, or separated by \" ; \"),\n            \
competency_description, level_description, group, group_id,\n            \
competency_level_title, competency_level_description, competency_level_examples,\n            \
track, track_id (the tracks the row's level is on, \" ; \" between several; empty: every track)\n\
Roles (--roles FILE or --roles-sheet NAME), one row per role and competency:\n  \
required: role, competency, level    optional: role_id, role_description, track\n\n\
A header of your own is read as a field with --column 'HEADER=FIELD'. Levels are ordered as\n\
the rows give them; missing ids are made from the names. An empty indicator cell is an error:\n\
write (no indicators) for a level that asks nothing.\n\n\
Examples:\n  rungs import sheet ladder.csv -o ladder.yaml\n  \
rungs import sheet ladder.xlsx --sheet Signals --column 'Signal=indicator' --column 'Milestone=level' --roles-sheet Roles -o ladder.yaml\n  \
rungs import sheet ladder.tsv --id eng-ladder --name \"Engineering ladder\" --version 2026.1 -o ladder.yaml\n  \
rungs show networking --format csv > networking.csv && rungs import sheet networking.csv --id networking"
    )]
    Sheet(ImportSheetArgs),

    /// A 1EdTech CASE 1.0/1.1 package (CFPackage JSON): items without children become indicators.
    #[command(
        disable_version_flag = true,
        after_help = "The document becomes the framework, each indicator's parent item its competency, the\n\
top item above that its group. Indicator ids are the items' humanCodingScheme where given,\n\
else their CFItem identifier, so a re-import of a newer package diffs cleanly.\n\
Levels come from the items' educationLevel (grades in CEDS order); without one, a single\n\
level, or the leaves' CFItemType with --levels-from item-type.\n\n\
Examples:\n  rungs import case digital-literacy.json -o digital-literacy.yaml\n  \
rungs import case package.json --levels-from item-type --id our-standards -o ours.yaml"
    )]
    Case(ImportCaseArgs),
}

/// Options of `rungs import sheet`.
#[derive(Debug, Args)]
pub struct ImportSheetArgs {
    #[command(flatten)]
    pub common: ImportArgs,

    /// In a workbook, the sheet of indicators (default: the first).
    #[arg(long, value_name = "NAME")]
    pub sheet: Option<String>,

    /// Read the sheet's own header HEADER as FIELD (a column name above); repeatable.
    #[arg(long = "column", value_name = "HEADER=FIELD")]
    pub columns: Vec<String>,

    /// Read roles (targets) from this sheet file.
    #[arg(long, value_name = "FILE", conflicts_with = "roles_sheet")]
    pub roles: Option<PathBuf>,

    /// Read roles (targets) from this sheet of the same workbook.
    #[arg(long, value_name = "NAME")]
    pub roles_sheet: Option<String>,
}

/// Options of `rungs import case`.
#[derive(Debug, Args)]
pub struct ImportCaseArgs {
    #[command(flatten)]
    pub common: ImportArgs,

    /// Where the levels come from.
    #[arg(long, value_enum, default_value_t = LevelsFromArg::EducationLevel, value_name = "FROM")]
    pub levels_from: LevelsFromArg,
}

/// Where `rungs import case` takes the levels from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LevelsFromArg {
    /// The items' educationLevel (grades); one level when the package gives none.
    EducationLevel,
    /// The leaves' CFItemType, in order of first appearance.
    ItemType,
    /// One level for every indicator.
    One,
}

/// Options every import takes.
#[derive(Debug, Args)]
pub struct ImportArgs {
    /// The file to read.
    pub file: PathBuf,

    /// The framework's id (default: made from the file name).
    #[arg(long, value_name = "ID")]
    pub id: Option<String>,

    /// The framework's name (default: made from the file name, or the source's title).
    #[arg(long, value_name = "NAME")]
    pub name: Option<String>,

    /// The framework's version (default: the source's, else 1.0).
    #[arg(long, value_name = "VERSION")]
    pub version: Option<String>,

    /// Write the framework to this file (atomically) instead of stdout.
    #[arg(long, short, value_name = "FILE", alias = "out")]
    pub output: Option<PathBuf>,

    /// Overwrite --output if it exists.
    #[arg(long)]
    pub force: bool,
}

/// File formats `rungs schema` describes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SchemaArg {
    /// A framework YAML file.
    Framework,
    /// An assessment JSON file.
    Assessment,
}

#[derive(Debug, Args)]
#[command(
    after_help = "Examples:\n  rungs new our-framework\n  rungs new our-framework --name \"Our Framework\" -o frameworks/ours.yaml\n\n\
Then edit the file and check it with: rungs validate our-framework.yaml"
)]
pub struct NewArgs {
    /// The new framework's id: lowercase letters, digits, '.', '_' and '-'.
    #[arg(value_name = "FRAMEWORK_ID")]
    pub id: String,

    /// The framework's human name (default: made from the id).
    #[arg(long, value_name = "NAME")]
    pub name: Option<String>,

    /// Where to write the file (default: FRAMEWORK_ID.yaml in the current folder).
    #[arg(long = "output", short = 'o', value_name = "FILE", alias = "out")]
    pub out: Option<PathBuf>,

    /// Overwrite the file if it exists.
    #[arg(long)]
    pub force: bool,
}

/// Target options shared by assess and report.
#[derive(Debug, Clone, Args, Default)]
pub struct TargetArgs {
    /// A target (role) from the framework's `targets`, or COMPETENCY=LEVEL (repeatable; later ones win).
    #[arg(long = "target", value_name = "ROLE|COMPETENCY=LEVEL", add = ArgValueCompleter::new(completers::target))]
    pub target: Vec<String>,

    /// The same target level for every competency.
    #[arg(long = "target-level", value_name = "LEVEL", add = ArgValueCompleter::new(completers::level))]
    pub target_level: Option<String>,
}

impl TargetArgs {
    /// The [`TargetRequest`](rungs::assessment::TargetRequest) asked for: a `--target` value
    /// with `=` is COMPETENCY=LEVEL, any other is a role (the last role given wins). Malformed
    /// values are returned as problems beside the request made of the others.
    pub fn request(&self) -> (rungs::assessment::TargetRequest, Vec<String>) {
        let mut request = rungs::assessment::TargetRequest {
            level: self.target_level.clone(),
            ..Default::default()
        };
        let mut problems = Vec::new();
        for value in &self.target {
            match value.split_once('=') {
                Some((competency, level)) => {
                    let (competency, level) = (competency.trim(), level.trim());
                    if competency.is_empty() || level.is_empty() {
                        problems.push(format!(
                            "--target {value:?}: give COMPETENCY=LEVEL, both ids, e.g. --target listening=practising"
                        ));
                    } else {
                        request
                            .per_competency
                            .push((competency.to_string(), level.to_string()));
                    }
                }
                None if value.trim().is_empty() => {
                    problems.push("--target needs a role id or COMPETENCY=LEVEL".to_string())
                }
                None => request.role = Some(value.trim().to_string()),
            }
        }
        (request, problems)
    }
}

/// The `--track` option of the commands that score.
#[derive(Debug, Clone, Args, Default)]
pub struct TrackArg {
    /// The framework's track to score on (default: the one recorded in the assessment, else the first track).
    #[arg(long = "track", value_name = "ID", add = ArgValueCompleter::new(completers::track))]
    pub track: Option<String>,
}

#[derive(Debug, Args)]
#[command(
    after_help = "Keys while rating: 1-4 rate (the scale's values), 0 or n not applicable, \
Enter or Right keep the rating shown and go on, Backspace or Left go back, e add a note, \
? show the scale, q save and quit.\n\n\
Examples:\n  rungs assess building-relationships\n  rungs assess building-relationships --target-level builds-networks\n  \
rungs assess networking --answers my-answers.yaml -o me.json\n  rungs assess networking --resume me.json\n  \
rungs assess networking --subject \"Alex Rivera\" --rater \"Sam Lee\" --relation manager"
)]
pub struct AssessArgs {
    /// A built-in or --frameworks id, or a path to a YAML file.
    #[arg(required_unless_present_any = ["resume", "from"], add = ArgValueCompleter::new(completers::framework))]
    pub framework: Option<String>,

    /// Continue a saved assessment at its first unrated indicator (a file, or a framework id for
    /// your latest self-assessment of it in the assessments folder).
    #[arg(long, value_name = "FILE", conflicts_with = "answers", add = ArgValueCompleter::new(completers::assessed))]
    pub resume: Option<PathBuf>,

    /// Start a new assessment from a previous one (a file, or a framework id for your latest
    /// self-assessment of it): each indicator shows last time's rating and note, Enter keeps it,
    /// a digit changes it, each saved at once; the previous file is left as it is.
    #[arg(long, value_name = "PREVIOUS", conflicts_with_all = ["resume", "answers"])]
    pub from: Option<PathBuf>,

    /// Take the ratings from a YAML or JSON map (indicator id -> value, label or na): no terminal needed.
    #[arg(long, value_name = "FILE")]
    pub answers: Option<PathBuf>,

    /// Where to save the assessment (default: a new dated file in the assessments folder).
    #[arg(long = "output", short = 'o', value_name = "FILE", alias = "out")]
    pub out: Option<PathBuf>,

    /// Overwrite --output if it exists.
    #[arg(long)]
    pub force: bool,

    /// Name of the person assessed, stored in the file.
    #[arg(long, value_name = "NAME")]
    pub subject: Option<String>,

    /// Name of the person giving the ratings, when it is not the subject (needs --subject and --relation).
    #[arg(long, value_name = "NAME")]
    pub rater: Option<String>,

    /// How the rater relates to the subject.
    #[arg(long, value_enum, value_name = "RELATION")]
    pub relation: Option<RelationArg>,

    /// Skip a competency's higher levels once a level can no longer reach the threshold.
    #[arg(long)]
    pub adaptive: bool,

    #[command(flatten)]
    pub target: TargetArgs,

    #[command(flatten)]
    pub track: TrackArg,
}

#[derive(Debug, Args)]
#[command(
    after_help = "The page is one file with no network access: the rater opens it in a browser, \
rates (clicks or keys: a digit rates and moves on, n is not applicable), and presses Save, \
which downloads SUBJECT-by-RATER.json. Answers are kept in the browser until then.\n\n\
Examples:\n  rungs form networking --subject \"Alex Rivera\" --rater \"Sam Lee\" --relation manager -o alex-by-sam.html\n  \
rungs form networking --subject \"Alex Rivera\" --raters raters.csv --output-dir forms/   # columns name,relation\n  \
rungs form networking --from alex-by-sam.json -o alex-by-sam-2.html   # a second round, last answers filled in\n  \
rungs compare alex.json alex-by-*.json"
)]
pub struct FormArgs {
    /// A built-in or --frameworks id, or a path to a YAML file.
    #[arg(add = ArgValueCompleter::new(completers::framework))]
    pub framework: String,

    /// The page to write (FILE.html).
    #[arg(long, short = 'o', value_name = "FILE", required_unless_present = "raters", conflicts_with_all = ["raters", "output_dir"])]
    pub output: Option<PathBuf>,

    /// A CSV sheet of raters (columns name, relation): one page each, in --output-dir.
    #[arg(
        long,
        value_name = "FILE",
        requires = "output_dir",
        conflicts_with = "rater"
    )]
    pub raters: Option<PathBuf>,

    /// The folder the pages of --raters go to, each named from the rater's name.
    #[arg(long = "output-dir", value_name = "DIR", requires = "raters")]
    pub output_dir: Option<PathBuf>,

    /// Overwrite pages that exist.
    #[arg(long)]
    pub force: bool,

    /// Name of the person rated (without it, the rater types it).
    #[arg(long, value_name = "NAME")]
    pub subject: Option<String>,

    /// Name of the person rating (without it, the rater types it).
    #[arg(long, value_name = "NAME")]
    pub rater: Option<String>,

    /// How the rater relates to the subject (without it, the rater picks it).
    #[arg(long, value_enum, value_name = "RELATION")]
    pub relation: Option<RelationArg>,

    /// Fill the page with the answers of an earlier assessment (a rater's second round).
    #[arg(long, value_name = "PREVIOUS")]
    pub from: Option<PathBuf>,

    #[command(flatten)]
    pub track: TrackArg,
}

/// How a rater relates to the subject.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum RelationArg {
    /// The subject rates themself.
    #[value(name = "self")]
    SelfRating,
    /// The subject's manager.
    Manager,
    /// A peer of the subject.
    Peer,
    /// Someone who reports to the subject.
    Report,
    /// Anyone else.
    Other,
}

impl From<RelationArg> for rungs::assessment::Relation {
    fn from(arg: RelationArg) -> Self {
        use rungs::assessment::Relation;
        match arg {
            RelationArg::SelfRating => Relation::SelfRating,
            RelationArg::Manager => Relation::Manager,
            RelationArg::Peer => Relation::Peer,
            RelationArg::Report => Relation::Report,
            RelationArg::Other => Relation::Other,
        }
    }
}

/// Output formats of `show`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ShowFormat {
    Table,
    Csv,
    Json,
    Markdown,
}

/// Output formats of `report`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    Table,
    Json,
    Markdown,
    Csv,
    Html,
}

impl From<ReportFormat> for rungs::render::report::Format {
    fn from(format: ReportFormat) -> Self {
        use rungs::render::report::Format;
        match format {
            ReportFormat::Table => Format::Table,
            ReportFormat::Json => Format::Json,
            ReportFormat::Markdown => Format::Markdown,
            ReportFormat::Csv => Format::Csv,
            ReportFormat::Html => Format::Html,
        }
    }
}

/// Output formats of `diff` and `history`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DiffFormat {
    Table,
    Json,
    Markdown,
}

impl From<DiffFormat> for rungs::render::diff::Format {
    fn from(format: DiffFormat) -> Self {
        use rungs::render::diff::Format;
        match format {
            DiffFormat::Table => Format::Table,
            DiffFormat::Json => Format::Json,
            DiffFormat::Markdown => Format::Markdown,
        }
    }
}

/// How report, diff and history find the framework of an assessment.
#[derive(Debug, Clone, Args, Default)]
pub struct FrameworkOverride {
    /// Use this framework file instead of the one the assessment names.
    #[arg(long = "framework", value_name = "PATH")]
    pub framework: Option<PathBuf>,
}

impl FrameworkOverride {
    /// The framework named with `--framework`, loaded once for every assessment of the command.
    pub fn load(&self) -> Result<Option<rungs::catalog::Entry>, rungs::error::BadInput> {
        self.framework
            .as_deref()
            .map(rungs::catalog::load_file)
            .transpose()
    }
}

#[derive(Debug, Args)]
#[command(
    after_help = "Examples:\n  rungs report networking          # its latest assessment in the assessments folder\n  rungs report me.json\n  rungs report me.json --target community-school\n  \
rungs report me.json --target-level growing --format markdown\n  rungs report me.json --format html --output me.html"
)]
pub struct ReportArgs {
    /// A saved assessment (JSON), or a framework id for your latest self-assessment of it in the
    /// assessments folder.
    #[arg(add = ArgValueCompleter::new(completers::assessed))]
    pub file: PathBuf,

    /// Output format (default: the one the --output file's extension names, else table).
    #[arg(long, short, value_enum)]
    pub format: Option<ReportFormat>,

    #[command(flatten)]
    pub output: OutputArgs,

    /// Say why each competency stands where it does: per level, what is rated and demonstrated
    /// against the threshold (with --format csv, one row per level instead of per indicator).
    #[arg(long)]
    pub explain: bool,

    /// Leave the evidence notes out (they are shown beside their ratings by default).
    #[arg(long)]
    pub no_notes: bool,

    #[command(flatten)]
    pub target: TargetArgs,

    #[command(flatten)]
    pub track: TrackArg,

    #[command(flatten)]
    pub framework: FrameworkOverride,
}

#[derive(Debug, Args)]
#[command(
    after_help = "Examples:\n  rungs diff networking            # its last two assessments in the assessments folder\n  rungs diff january.json june.json\n  rungs diff january.json june.json --format json"
)]
pub struct DiffArgs {
    /// The earlier assessment (a file, or a framework id for your latest self-assessment of it
    /// in the assessments folder).
    #[arg(add = ArgValueCompleter::new(completers::assessed))]
    pub old: PathBuf,
    /// The later assessment. Without it, OLD may be a framework id: your last two
    /// self-assessments of it in the assessments folder are compared.
    #[arg(add = ArgValueCompleter::new(completers::assessed))]
    pub new: Option<PathBuf>,
    /// Output format (default: the one the --output file's extension names, else table).
    #[arg(long, short, value_enum)]
    pub format: Option<DiffFormat>,
    #[command(flatten)]
    pub output: OutputArgs,
    #[command(flatten)]
    pub target: TargetArgs,
    #[command(flatten)]
    pub track: TrackArg,
    #[command(flatten)]
    pub framework: FrameworkOverride,
}

#[derive(Debug, Args)]
#[command(
    after_help = "Examples:\n  rungs history networking         # its assessments in the assessments folder\n  rungs history ~/.local/share/rungs/assessments/   # one history per framework\n  rungs history a.json b.json c.json --format json\n  rungs history 360/ --subject \"Alex Rivera\" --rater self"
)]
pub struct HistoryArgs {
    /// Assessment files, folders of them, or a framework id for your self-assessments of it in
    /// the assessments folder.
    #[arg(required = true, value_name = "FILE", add = ArgValueCompleter::new(completers::assessed))]
    pub files: Vec<PathBuf>,
    /// Only the assessments of this person (a history follows one person).
    #[arg(long, value_name = "NAME")]
    pub subject: Option<String>,
    /// Only the assessments by this rater: a rater's name, or `self` for self-assessments (a
    /// history follows one rater).
    #[arg(long, value_name = "NAME")]
    pub rater: Option<String>,
    /// Output format (default: the one the --output file's extension names, else table).
    #[arg(long, short, value_enum)]
    pub format: Option<DiffFormat>,
    #[command(flatten)]
    pub output: OutputArgs,
    #[command(flatten)]
    pub target: TargetArgs,
    #[command(flatten)]
    pub track: TrackArg,
    #[command(flatten)]
    pub framework: FrameworkOverride,
}

/// Output formats of `compare`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CompareFormat {
    Table,
    Json,
    Markdown,
    Html,
}

impl From<CompareFormat> for rungs::render::compare::Format {
    fn from(format: CompareFormat) -> Self {
        use rungs::render::compare::Format;
        match format {
            CompareFormat::Table => Format::Table,
            CompareFormat::Json => Format::Json,
            CompareFormat::Markdown => Format::Markdown,
            CompareFormat::Html => Format::Html,
        }
    }
}

#[derive(Debug, Args)]
#[command(
    after_help = "Consensus: per indicator, the median of the values of the raters other than self \
(the lower middle one for an even count); na and unrated values are left out. A blind spot is rated \
demonstrated by self but not by the consensus; a hidden strength the other way round.\n\n\
Examples:\n  rungs compare alex.json alex-by-sam.json alex-by-kim.json\n  \
rungs compare 360/alex/ --anonymous --format html -o alex-360.html"
)]
pub struct CompareArgs {
    /// Assessments of one person (files, or folders searched for *.json).
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<PathBuf>,

    /// Output format (default: the one the --output file's extension names, else table).
    #[arg(long, short, value_enum)]
    pub format: Option<CompareFormat>,

    /// Show peers and reports as "peer 1", "report 1", ..., never their names, files or notes.
    #[arg(long)]
    pub anonymous: bool,

    /// List files that are not assessments of the framework and go on without them.
    #[arg(long)]
    pub skip_invalid: bool,

    #[command(flatten)]
    pub output: OutputArgs,

    #[command(flatten)]
    pub track: TrackArg,

    #[command(flatten)]
    pub framework: FrameworkOverride,
}

/// Output formats of `team`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TeamFormat {
    Table,
    Json,
    Csv,
    Markdown,
    Html,
    /// One JSON object a line per person × rater × rated indicator, for analytics engines.
    Ndjson,
}

impl TeamFormat {
    /// The format of the matrix; `None` for NDJSON, which writes the ratings instead.
    pub fn matrix(self) -> Option<rungs::render::team::Format> {
        use rungs::render::team::Format;
        match self {
            TeamFormat::Table => Some(Format::Table),
            TeamFormat::Json => Some(Format::Json),
            TeamFormat::Csv => Some(Format::Csv),
            TeamFormat::Markdown => Some(Format::Markdown),
            TeamFormat::Html => Some(Format::Html),
            TeamFormat::Ndjson => None,
        }
    }
}

#[derive(Debug, Args)]
#[command(
    after_help = "Per person the latest self-assessment counts; --relation picks another rater's, \
--consensus the median of the raters other than self.\n\n\
Examples:\n  rungs team assessments/\n  rungs team assessments/ --target-level growing\n  \
rungs team assessments/ --consensus --format html -o team.html\n  \
rungs team assessments/ --format ndjson > ratings.ndjson"
)]
pub struct TeamArgs {
    /// Assessment files, or folders searched recursively for *.json.
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,

    /// Output format (default: the one the --output file's extension names, else table).
    #[arg(long, short, value_enum)]
    pub format: Option<TeamFormat>,

    /// Count the latest assessment by a rater of this relation instead of the self-assessment.
    #[arg(
        long,
        value_enum,
        value_name = "RELATION",
        conflicts_with = "consensus"
    )]
    pub relation: Option<RelationArg>,

    /// Count the consensus of the raters other than self.
    #[arg(long)]
    pub consensus: bool,

    /// List files that are not assessments of the framework and go on without them.
    #[arg(long)]
    pub skip_invalid: bool,

    #[command(flatten)]
    pub output: OutputArgs,

    #[command(flatten)]
    pub target: TargetArgs,

    #[command(flatten)]
    pub track: TrackArg,

    #[command(flatten)]
    pub framework: FrameworkOverride,
}

/// Where report, diff, history, compare and team write: stdout, or a file written atomically.
#[derive(Debug, Args)]
pub struct OutputArgs {
    /// Write to this file (atomically) instead of stdout.
    #[arg(long = "output", short = 'o', value_name = "FILE", alias = "out")]
    pub path: Option<PathBuf>,
    /// Overwrite --output if it exists.
    #[arg(long)]
    pub force: bool,
}

impl OutputArgs {
    /// The format to write: the one given with `--format`; else the one the `--output` file's
    /// extension names (`.json`, `.md`, `.csv`, `.html`, `.ndjson`, `.txt` for a table); else a
    /// table. An extension naming a format the command does not write is refused.
    pub fn format<F: ValueEnum>(&self, given: Option<F>) -> Result<F, rungs::error::BadInput> {
        if let Some(given) = given {
            return Ok(given);
        }
        let named = |name: &str| F::from_str(name, true).ok();
        let table =
            || named("table").ok_or_else(|| rungs::error::BadInput::new("pass --format FORMAT"));
        let Some(path) = &self.path else {
            return table();
        };
        let extension = path
            .extension()
            .map(|e| e.to_string_lossy().to_ascii_lowercase());
        let format = match extension.as_deref() {
            Some("json") => "json",
            Some("md" | "markdown") => "markdown",
            Some("csv") => "csv",
            Some("html" | "htm") => "html",
            Some("ndjson" | "jsonl") => "ndjson",
            _ => return table(),
        };
        named(format).ok_or_else(|| {
            let known: Vec<String> = F::value_variants()
                .iter()
                .filter_map(|v| v.to_possible_value().map(|p| p.get_name().to_string()))
                .collect();
            rungs::error::BadInput::new(format!(
                "--output {}: its extension asks for {format}, which this command does not write ({}); pass --format FORMAT",
                path.display(),
                known.join(", ")
            ))
        })
    }
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

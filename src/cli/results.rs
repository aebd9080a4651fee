//! The arguments of the commands that read saved assessments and write results: `report`,
//! `diff`, `history`, `compare` and `team`, with their output formats.

use std::path::PathBuf;

use clap::{Args, ValueEnum};
use clap_complete::ArgValueCompleter;

use super::completers;
use super::options::{FrameworkOverride, OutputArgs, TargetArgs, TrackArg};
use super::rating::RelationArg;

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

#[derive(Debug, Args)]
#[command(
    after_help = "Examples:\n  rungs report networking          # its latest assessment in the assessments folder\n  rungs report me.json\n  rungs report me.json --target community-school\n  \
rungs report me.json --target-level growing --format markdown\n  rungs report me.json --format html --output me.html\n  \
rungs report me.json --kind knowledge   # only the indicators the framework labels knowledge"
)]
pub struct ReportArgs {
    #[command(flatten)]
    pub lang: super::options::LangArg,

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

    /// List only the indicators of this kind (knowledge, skill, ... as the framework labels
    /// them; case does not matter); levels, scores and gaps still count every indicator.
    #[arg(long, value_name = "KIND")]
    pub kind: Option<String>,

    #[command(flatten)]
    pub target: TargetArgs,

    #[command(flatten)]
    pub track: TrackArg,

    #[command(flatten)]
    pub framework: FrameworkOverride,

    /// Count only files saved from the form pages this ledger lists (the issued.json `rungs
    /// form` writes beside its pages), saying what they were issued for; the others are named
    /// and left out. A self-assessment without a form token is not checked.
    #[arg(long, value_name = "LEDGER")]
    pub issued: Option<PathBuf>,
}

#[derive(Debug, Args)]
#[command(
    after_help = "Examples:\n  rungs diff networking            # its last two assessments in the assessments folder\n  rungs diff january.json june.json\n  rungs diff january.json june.json --format json"
)]
pub struct DiffArgs {
    #[command(flatten)]
    pub lang: super::options::LangArg,

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
    #[command(flatten)]
    pub lang: super::options::LangArg,

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
    #[command(flatten)]
    pub lang: super::options::LangArg,

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

    /// Count only files saved from the form pages this ledger lists (the issued.json `rungs
    /// form` writes beside its pages), saying what they were issued for; the others are named
    /// and left out. A self-assessment without a form token is not checked.
    #[arg(long, value_name = "LEDGER")]
    pub issued: Option<PathBuf>,
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
    #[command(flatten)]
    pub lang: super::options::LangArg,

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

    /// Each PATH is a round, in the order given: the distribution per round and who moved
    /// between the first and the last round they appear in.
    #[arg(long)]
    pub over_time: bool,

    /// List each earlier file that is not counted because a later one of the same person and
    /// rater is (without it, one line says how many).
    #[arg(long)]
    pub verbose: bool,

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

    /// Count only files saved from the form pages this ledger lists (the issued.json `rungs
    /// form` writes beside its pages), saying what they were issued for; the others are named
    /// and left out. A self-assessment without a form token is not checked.
    #[arg(long, value_name = "LEDGER")]
    pub issued: Option<PathBuf>,
}

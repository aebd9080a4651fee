//! The arguments of the commands that take ratings: `assess` in the terminal and `form` for a
//! browser.

use std::path::PathBuf;

use clap::{Args, ValueEnum};
use clap_complete::ArgValueCompleter;

use super::completers;
use super::options::{TargetArgs, TrackArg};

#[derive(Debug, Args)]
#[command(
    after_help = "Keys while rating: 1-4 rate (the scale's values), 0 or n not applicable, \
s skip it for now (the review lists it, --resume asks it), Enter or Right keep the rating shown and go on, Backspace or Left go back, e add a note, \
? show the scale, q save and quit.\n\n\
Examples:\n  rungs assess building-relationships\n  rungs assess building-relationships --target-level builds-networks\n  \
rungs assess networking --answers my-answers.yaml -o me.json\n  rungs assess networking --resume me.json\n  \
rungs assess networking --subject \"Alex Rivera\" --rater \"Sam Lee\" --relation manager"
)]
pub struct AssessArgs {
    #[command(flatten)]
    pub lang: super::options::LangArg,

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
    #[command(flatten)]
    pub lang: super::options::LangArg,

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

//! The arguments of the commands about framework files themselves: `show`, `new` and `schema`.

use std::path::PathBuf;

use clap::{Args, ValueEnum};

/// Output formats of `show`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ShowFormat {
    Table,
    Csv,
    Json,
    Markdown,
    Html,
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

/// File formats `rungs schema` describes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SchemaArg {
    /// A framework YAML file.
    Framework,
    /// An assessment JSON file.
    Assessment,
    /// A translation file (F.LANG.yaml).
    Translation,
}

/// Options of `rungs translate`.
#[derive(Debug, Args)]
pub struct TranslateArgs {
    /// A built-in or --frameworks id, or a path to a YAML file.
    #[arg(add = clap_complete::ArgValueCompleter::new(super::completers::framework))]
    pub framework: String,

    /// The language of the translation: nl, de, pt-BR.
    #[arg(long, value_name = "LANG")]
    pub lang: String,

    /// Write the translator's sheet to this file (.csv, or .xlsx for a workbook).
    #[arg(
        long = "output",
        short = 'o',
        value_name = "SHEET",
        conflicts_with = "from",
        required_unless_present = "from"
    )]
    pub output: Option<PathBuf>,

    /// Read a translated sheet (.csv, .tsv, .xlsx, .ods) into the translation file; repeatable,
    /// and each run adds to the file.
    #[arg(long, value_name = "SHEET")]
    pub from: Vec<PathBuf>,

    /// In a workbook, the sheet to read (default: the first).
    #[arg(long, value_name = "NAME", requires = "from")]
    pub sheet: Option<String>,

    /// Read the sheet's own header HEADER as FIELD (location, context, source or target);
    /// repeatable.
    #[arg(long = "column", value_name = "HEADER=FIELD", requires = "from")]
    pub columns: Vec<String>,

    /// Overwrite the sheet given to --output if it exists.
    #[arg(long)]
    pub force: bool,
}

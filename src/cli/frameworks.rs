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
}

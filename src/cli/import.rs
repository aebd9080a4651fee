//! The arguments of `rungs import`: what it reads and the options of each source.

use std::path::PathBuf;

use clap::{Args, Subcommand, ValueEnum};

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
indicator_origin, competency_description, level_description, group, group_id,\n            \
competency_level_title, competency_level_description, competency_level_examples,\n            \
track, track_id (the tracks the row's level is on, \" ; \" between several; empty: every track),\n            \
group_code, competency_code, level_code, indicator_code (the framework's own codes), kind,\n            \
group_description, framework_id, framework_name, framework_version\n\
Roles (--roles FILE or --roles-sheet NAME), one row per role and competency:\n  \
required: role, competency, level    optional: role_id, role_description, track\n\
Tables of their own in the workbook, one row per item: --levels-sheet (level, level_id,\n\
level_description), --competencies-sheet (competency, competency_id, competency_description,\n\
group, group_id, group_description), --groups-sheet (group, group_id, group_description).\n\
A wide sheet, one column per level: --wide (headers \"Level N ...\"), or\n\
--column 'HEADER=level:NAME' per level column; --split lines for one indicator a line.\n\n\
A header of your own is read as a field with --column 'HEADER=FIELD'. Levels are ordered as\n\
the rows give them; missing ids are made from the names. An empty indicator cell is an error:\n\
write (no indicators) for a level that asks nothing.\n\n\
Examples:\n  rungs import sheet ladder.csv -o ladder.yaml\n  \
rungs import sheet ladder.xlsx --sheet Signals --column 'Signal=indicator' --column 'Milestone=level' --roles-sheet Roles -o ladder.yaml\n  \
rungs import sheet ladder.tsv --id eng-ladder --name \"Engineering ladder\" --version 2026.1 -o ladder.yaml\n  \
rungs import sheet sfia.csv --wide --split lines --encoding windows-1252 --column Code=competency_id --column Skill=competency\n  \
rungs show networking --format csv > networking.csv && rungs import sheet networking.csv --id networking"
    )]
    Sheet(ImportSheetArgs),

    /// A 1EdTech CASE 1.0/1.1 package (CFPackage JSON): items without children become indicators.
    #[command(
        disable_version_flag = true,
        after_help = "The document becomes the framework, each indicator's parent item its competency, the\n\
item above that its group (in a deeper tree named by its path: Reading › Key ideas), each\n\
humanCodingScheme the code beside a name. Indicator ids are the items' humanCodingScheme where given,\n\
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

    /// Read the sheet's own header HEADER as FIELD (a column name above), or as the column of
    /// one level's indicators with HEADER=level:NAME (a wide sheet); repeatable.
    #[arg(long = "column", value_name = "HEADER=FIELD")]
    pub columns: Vec<String>,

    /// Read roles (targets) from this sheet file.
    #[arg(long, value_name = "FILE", conflicts_with = "roles_sheet")]
    pub roles: Option<PathBuf>,

    /// Read roles (targets) from this sheet of the same workbook.
    #[arg(long, value_name = "NAME")]
    pub roles_sheet: Option<String>,

    /// Read the levels (level, level_id, level_description) from this sheet of the workbook.
    #[arg(long, value_name = "NAME")]
    pub levels_sheet: Option<String>,

    /// Read the competencies (competency, competency_id, competency_description, group,
    /// group_id, group_description) from this sheet of the workbook.
    #[arg(long, value_name = "NAME")]
    pub competencies_sheet: Option<String>,

    /// Read the groups (group, group_id, group_description) from this sheet of the workbook.
    #[arg(long, value_name = "NAME")]
    pub groups_sheet: Option<String>,

    /// The text encoding of a .csv or .tsv sheet that is not UTF-8 (a WHATWG label such as
    /// windows-1252, Excel's plain "CSV" on Windows).
    #[arg(long, value_name = "LABEL")]
    pub encoding: Option<String>,

    /// Keep an indicator restated word for word at a higher level of its competency as an
    /// indicator of its own (by default it is kept once, at the lowest level that asks it).
    #[arg(long)]
    pub keep_repeats: bool,

    /// A wide sheet: every header "Level N" or "Level N <words>" is the column of level
    /// "Level N" (id level-N), each cell its indicator for the row's competency.
    #[arg(long)]
    pub wide: bool,

    /// In a wide sheet, make one indicator of each line (or bullet) of a level's cell.
    #[arg(long, value_enum, value_name = "HOW")]
    pub split: Option<SplitArg>,
}

/// How a wide sheet's level cell is split into indicators.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SplitArg {
    /// One indicator per line or bullet.
    Lines,
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

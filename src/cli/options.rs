//! Options several commands share: the target, the track, the framework in place of the
//! recorded one, and where the output goes.

use std::path::PathBuf;

use clap::{Args, ValueEnum};
use clap_complete::ArgValueCompleter;

use super::completers;

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

/// The `--lang` option: the framework's texts (and the interface words) in another language.
#[derive(Debug, Clone, Args, Default)]
pub struct LangArg {
    /// Show the framework's texts in this language (its translation file F.LANG.yaml; the
    /// source text where a text has none) and the interface in it (English and Dutch, nl).
    #[arg(long = "lang", value_name = "LANG")]
    pub lang: Option<String>,
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

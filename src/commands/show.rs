//! `rungs show FRAMEWORK`: a framework as tables, Markdown, JSON or a sheet (CSV).

use std::path::Path;
use std::process::ExitCode;

use rungs::error::BadInput;
use rungs::render::{self, Style};

use super::new::{check_destination, write_destination};
use super::output::Output;
use super::Context;
use crate::cli::options::OutputArgs;
use crate::cli::ShowFormat;

/// The framework shown: a document in each of `show`'s formats.
struct Shown<'a>(&'a rungs::framework::Framework);

impl render::Document for Shown<'_> {
    type Format = ShowFormat;

    fn render(&self, format: ShowFormat, style: Style) -> String {
        match format {
            ShowFormat::Table => render::show::table::render(self.0, style),
            ShowFormat::Csv => render::show::csv::render(self.0),
            ShowFormat::Json => render::show::json::render(self.0),
            ShowFormat::Markdown => render::show::markdown::render(self.0, style.lang),
            ShowFormat::Html => render::show::html::render(self.0, style.lang),
        }
    }
}

pub fn run(
    context: &Context,
    framework: &str,
    format: ShowFormat,
    output: &OutputArgs,
    roles_output: Option<&Path>,
    lang: Option<&str>,
) -> anyhow::Result<ExitCode> {
    let force = output.force;
    if let Some(out) = roles_output {
        if format != ShowFormat::Csv {
            return Err(BadInput::new(
                "--roles-output writes the roles sheet beside a framework sheet: add --format csv",
            )
            .into());
        }
        check_destination(out, force)?;
    }
    let mut entry = context.catalog()?.resolve(framework)?;
    for warning in &rungs::error::capped(&entry.warnings) {
        context.say(warning);
    }
    if let (Some(translated), Some(lang)) = (context.in_language(&entry, lang)?, lang) {
        context.say_untranslated(&translated, lang);
        entry.framework = translated.framework.into();
    }
    let out = Output::new(output.path.as_deref(), output.force).in_language(lang);
    if let rungs::catalog::Origin::File(path) = &entry.origin {
        out.refuse_inputs(
            [path.as_path()],
            "the framework shown; write to another file",
        )?;
    }
    out.refuse_inputs(
        roles_output,
        "the --roles-output file; write to another file",
    )?;
    if let Some(out) = roles_output {
        let roles = render::show::csv::roles(&entry.framework);
        write_destination(out, roles.as_bytes(), force)?;
    } else if format == ShowFormat::Csv && !entry.framework.targets.is_empty() {
        context.say(format!(
            "hint: the framework has {}; write them with --roles-output FILE",
            render::plural(entry.framework.targets.len(), "role", "roles")
        ));
    }
    out.write(context, &Shown(&entry.framework), format)?;
    Ok(ExitCode::SUCCESS)
}

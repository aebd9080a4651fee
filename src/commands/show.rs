//! `rungs show FRAMEWORK`: a framework as tables, Markdown, JSON or a sheet (CSV).

use std::path::Path;
use std::process::ExitCode;

use rungs::error::BadInput;
use rungs::render::{self, Style};

use super::new::{check_destination, write_destination};
use super::Context;
use crate::cli::ShowFormat;

pub fn run(
    context: &Context,
    framework: &str,
    format: ShowFormat,
    roles_output: Option<&Path>,
    force: bool,
    lang: Option<&str>,
) -> anyhow::Result<ExitCode> {
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
    let style = Style {
        width: context.width,
        color: context.color,
        lang: rungs::language::Language::from_tag(lang),
    };
    let text = match format {
        ShowFormat::Table => render::show::table::render(&entry.framework, style),
        ShowFormat::Csv => render::show::csv::render(&entry.framework),
        ShowFormat::Json => render::show::json::render(&entry.framework),
        ShowFormat::Markdown => render::show::markdown::render(&entry.framework),
    };
    if let Some(out) = roles_output {
        let roles = render::show::csv::roles(&entry.framework);
        write_destination(out, roles.as_bytes(), force)?;
    } else if format == ShowFormat::Csv && !entry.framework.targets.is_empty() {
        context.say(format!(
            "hint: the framework has {}; write them with --roles-output FILE",
            render::plural(entry.framework.targets.len(), "role", "roles")
        ));
    }
    context.print(&text)?;
    Ok(ExitCode::SUCCESS)
}

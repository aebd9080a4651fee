use std::process::ExitCode;

use rungs::render::{self, Style};

use super::Context;
use crate::cli::ShowFormat;

pub fn run(context: &Context, framework: &str, format: ShowFormat) -> anyhow::Result<ExitCode> {
    let entry = context.catalog()?.resolve(framework)?;
    for warning in &entry.warnings {
        context.say(warning);
    }
    let style = Style {
        width: context.width,
        color: context.color,
    };
    let text = match format {
        ShowFormat::Table => render::show::show(&entry.framework, style),
        ShowFormat::Csv => render::show_csv::render(&entry.framework),
        ShowFormat::Json => render::show_json::render(&entry.framework),
        ShowFormat::Markdown => render::show_markdown::render(&entry.framework),
    };
    context.print(&text)?;
    Ok(ExitCode::SUCCESS)
}

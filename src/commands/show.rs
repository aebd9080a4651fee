use std::process::ExitCode;

use rungs::render::{self, Style};

use super::Context;

pub fn run(context: &Context, framework: &str) -> anyhow::Result<ExitCode> {
    let entry = context.catalog()?.resolve(framework)?;
    for warning in &entry.warnings {
        context.say(warning);
    }
    let style = Style {
        width: context.width,
        color: context.color,
    };
    context.print(&render::show::show(&entry.framework, style))?;
    Ok(ExitCode::SUCCESS)
}

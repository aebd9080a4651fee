use std::process::ExitCode;

use rungs::render::{self, Style};

use super::Context;

pub fn run(context: &Context) -> anyhow::Result<ExitCode> {
    let catalog = context.catalog()?;
    let style = Style {
        width: context.width,
        color: context.color,
    };
    context.print(&render::catalog::list(&catalog, style))?;
    Ok(ExitCode::SUCCESS)
}

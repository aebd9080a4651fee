//! One module per command; each takes plain options and prints through [`Context`].

use std::io::IsTerminal;
use std::process::ExitCode;

use rungs::catalog::Catalog;

use crate::cli::{Cli, ColorChoice, Command};

mod assess;
mod compare;
pub mod completions;
mod diff;
mod form;
mod gathering;
mod history;
mod import;
mod list;
mod man;
mod named;
mod new;
mod output;
mod report;
mod schema;
mod show;
mod team;
mod validate;

/// What every command needs to know about where it prints.
#[derive(Debug, Clone)]
pub struct Context {
    /// Folders of user frameworks.
    pub framework_dirs: Vec<std::path::PathBuf>,
    /// No messages on stderr besides errors.
    pub quiet: bool,
    /// Whether stdout output may use colour.
    pub color: bool,
    /// Width to lay tables out for.
    pub width: u16,
}

impl Context {
    fn from_cli(cli: &Cli) -> Context {
        let stdout_is_terminal = std::io::stdout().is_terminal();
        let color = match cli.color {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => {
                stdout_is_terminal && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
            }
        };
        Context {
            framework_dirs: cli.frameworks.clone(),
            quiet: cli.quiet,
            color,
            width: terminal_width(stdout_is_terminal),
        }
    }

    /// The built-in frameworks plus the user folders.
    pub fn catalog(&self) -> anyhow::Result<Catalog> {
        Ok(Catalog::with_dirs(&self.framework_dirs)?)
    }

    /// A message for the person at the terminal (stderr), unless --quiet.
    pub fn say(&self, message: impl std::fmt::Display) {
        if !self.quiet {
            eprint_line(message);
        }
    }

    /// Write text a renderer made to stdout, every control character from a file made visible
    /// (rungs' own colour kept when colour is on).
    pub fn print(&self, text: &str) -> std::io::Result<()> {
        write_stdout(rungs::render::safe::output(text, self.color).as_bytes())
    }

    /// A warning (stderr, `warning: ` first), unless --quiet: the one way every command warns.
    pub fn warn(&self, message: impl std::fmt::Display) {
        self.say(format_args!("warning: {message}"));
    }

    /// [`Context::warn`] each of the lines the library returned.
    pub fn warn_all<T: std::fmt::Display>(&self, messages: impl IntoIterator<Item = T>) {
        for message in messages {
            self.warn(message);
        }
    }
}

/// COLUMNS when set, else the terminal's width, else 80.
fn terminal_width(stdout_is_terminal: bool) -> u16 {
    if let Some(columns) = std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.parse::<u16>().ok())
    {
        if columns >= 20 {
            return columns;
        }
    }
    if stdout_is_terminal {
        let (_, width) = console::Term::stdout().size();
        if width >= 20 {
            return width;
        }
    }
    80
}

/// One line on stderr, every control character in it made visible: messages quote file names,
/// ids and texts from files.
pub fn eprint_line(message: impl std::fmt::Display) {
    eprintln!("{}", rungs::render::visible(&message.to_string()));
}

/// Write data to stdout; a closed pipe (`rungs ... | head`) is not an error.
pub fn write_stdout(bytes: &[u8]) -> std::io::Result<()> {
    use std::io::Write;
    let mut stdout = std::io::stdout().lock();
    match stdout.write_all(bytes).and_then(|()| stdout.flush()) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => other,
    }
}

/// Run a parsed command line.
pub fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    let context = Context::from_cli(&cli);
    match cli.command {
        Command::List { assessments: false } => list::run(&context),
        Command::List { assessments: true } | Command::Ls => list::assessments(&context),
        Command::Show { framework, format } => show::run(&context, &framework, format),
        Command::Validate { paths } => validate::run(&context, &paths),
        Command::Report(args) => report::run(&context, &args),
        Command::Diff(args) => diff::run(&context, &args),
        Command::Compare(args) => compare::run(&context, &args),
        Command::Team(args) => team::run(&context, &args),
        Command::History(args) => history::run(&context, &args),
        Command::Assess(args) => assess::run(&context, args),
        Command::New(args) => new::run(&context, &args),
        Command::Form(args) => form::run(&context, &args),
        Command::Import { source } => import::run(&context, &source),
        Command::Schema { kind } => schema::run(kind),
        Command::Completions { shell } => completions::run(shell),
        Command::Man { out_dir, force } => man::run(&context, out_dir.as_deref(), force),
    }
}

//! One module per command; each takes plain options and prints through [`Context`].

use std::io::IsTerminal;
use std::process::ExitCode;

use rungs::catalog::Catalog;

use crate::cli::{Cli, ColorChoice, Command};

mod assess;
mod assessment_files;
mod compare;
pub mod completions;
mod diff;
mod form;
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
mod translate;
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
        let catalog = Catalog::with_dirs(&self.framework_dirs)?;
        for line in &catalog.left_out {
            self.warn(line);
        }
        Ok(catalog)
    }

    /// The framework of `entry` in the language `--lang` asks for (None without it): its
    /// translation laid over it, or with a warning its source texts when it has none.
    pub fn in_language(
        &self,
        entry: &rungs::catalog::Entry,
        lang: Option<&str>,
    ) -> anyhow::Result<Option<rungs::framework::translation::Translated>> {
        let Some(lang) = lang else {
            return Ok(None);
        };
        if !rungs::framework::translation::is_language(lang) {
            return Err(rungs::error::BadInput::new(format!(
                "--lang {lang:?} is not a language tag; give one like nl, de or pt-BR"
            ))
            .into());
        }
        if !entry.languages().iter().any(|l| l == lang) {
            self.warn(format!(
                "framework {} has no translation into {lang}; its texts are shown as written (`rungs translate {} --lang {lang} -o SHEET` starts one)",
                entry.framework.id,
                entry.display_name()
            ));
        }
        Ok(Some(entry.in_language(lang)?))
    }

    /// Say how many of a translated framework's texts are shown in the source language.
    pub fn say_untranslated(
        &self,
        translated: &rungs::framework::translation::Translated,
        lang: &str,
    ) {
        let missing = translated.untranslated();
        if missing > 0 {
            self.say(format!(
                "{} of {} have no {lang} translation and are shown as written",
                missing,
                rungs::render::plural(translated.total, "text", "texts")
            ));
        }
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
/// ids and texts from files. A stderr that cannot be written to (a closed pipe, a full disk)
/// loses the line and nothing else: never a panic, and what was to be saved is saved.
pub fn eprint_line(message: impl std::fmt::Display) {
    use std::io::Write;
    let line = format!("{}\n", rungs::render::visible(&message.to_string()));
    let _ = std::io::stderr().lock().write_all(line.as_bytes());
}

/// Write data to stdout; a closed pipe (`rungs ... | head`) is not an error.
///
/// A program started with stdout closed (`>&-`) is given `/dev/null` by the Rust runtime before
/// `main`, opened for reading and writing, exactly as Python's `subprocess.DEVNULL` opens it:
/// rungs cannot tell the two apart, so it takes both for output thrown away (as `> /dev/null`).
pub fn write_stdout(bytes: &[u8]) -> std::io::Result<()> {
    use std::io::Write;
    let mut stdout = std::io::stdout().lock();
    stdout_result(stdout.write_all(bytes).and_then(|()| stdout.flush()))
}

/// What writing to stdout came to: a closed pipe is no error; any other failure is said in
/// one line.
pub fn stdout_result(result: std::io::Result<()>) -> std::io::Result<()> {
    match result {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => Err(std::io::Error::new(
            e.kind(),
            format!("cannot write the output: {}", rungs::io::io_reason(&e)),
        )),
        Ok(()) => Ok(()),
    }
}

/// The form ledger named with `--issued`, read whole before any assessment.
pub fn issued(
    path: Option<&std::path::Path>,
) -> Result<Option<std::sync::Arc<rungs::assessment::issued::Issued>>, rungs::error::BadInput> {
    path.map(|p| rungs::assessment::issued::Issued::read(p).map(std::sync::Arc::new))
        .transpose()
}

/// Run a parsed command line.
pub fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    let context = Context::from_cli(&cli);
    match cli.command {
        Command::List { assessments: false } => list::run(&context),
        Command::List { assessments: true } | Command::Ls => list::assessments(&context),
        Command::Show {
            framework,
            format,
            output,
            roles_output,
            lang,
        } => show::run(
            &context,
            &framework,
            output.format(format)?,
            &output,
            roles_output.as_deref(),
            lang.lang.as_deref(),
        ),
        Command::Validate { paths } => validate::run(&context, &paths),
        Command::Report(args) => report::run(&context, &args),
        Command::Diff(args) => diff::run(&context, &args),
        Command::Compare(args) => compare::run(&context, &args),
        Command::Team(args) => team::run(&context, &args),
        Command::History(args) => history::run(&context, &args),
        Command::Assess(args) => assess::run(&context, args),
        Command::New(args) => new::run(&context, &args),
        Command::Form(args) => form::run(&context, &args),
        Command::Translate(args) => translate::run(&context, &args),
        Command::Import { source } => import::run(&context, &source),
        Command::Schema { kind } => schema::run(kind),
        Command::Completions { shell } => completions::run(shell),
        Command::Man { out_dir, force } => man::run(&context, out_dir.as_deref(), force),
    }
}

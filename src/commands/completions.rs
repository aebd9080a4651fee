//! Shell completion, computed when the shell asks: `rungs completions SHELL` prints a small
//! script that calls rungs back on each Tab (clap's dynamic completion), so the ids offered
//! are those of the frameworks and assessments present at that moment, and a path is always
//! offered beside them. The completers themselves are the arguments' own
//! ([`crate::cli::completers`]).

use std::path::PathBuf;
use std::process::ExitCode;

use clap_complete::env::Shells;
use clap_complete::Shell;

/// The environment variable that switches rungs into answering a completion request.
pub const VAR: &str = "COMPLETE";

/// Answer a completion request and exit, when the shell's script made this call; otherwise
/// return and let the command run.
pub fn answer_if_asked() {
    clap_complete::CompleteEnv::with_factory(crate::cli::command)
        .var(VAR)
        .bin("rungs")
        .complete();
}

/// Run `rungs completions SHELL`: the script that registers the call-back.
pub fn run(shell: Shell) -> anyhow::Result<ExitCode> {
    let name = shell.to_string();
    let shells = Shells::builtins();
    let Some(completer) = shells.completer(&name) else {
        anyhow::bail!("no completion support for {name}");
    };
    let mut script = Vec::new();
    completer.write_registration(VAR, "rungs", "rungs", &callback(), &mut script)?;
    super::write_stdout(&script)?;
    Ok(ExitCode::SUCCESS)
}

/// The program the script calls back: this one as it was invoked, made absolute when it was
/// named by a relative path (`./target/release/rungs`), else found on PATH by the shell.
fn callback() -> String {
    let invoked = PathBuf::from(std::env::args_os().next().unwrap_or_else(|| "rungs".into()));
    let program = if invoked.components().count() > 1 && invoked.is_relative() {
        std::env::current_dir()
            .map(|dir| dir.join(&invoked))
            .unwrap_or(invoked)
    } else {
        invoked
    };
    program.to_string_lossy().into_owned()
}

//! The `rungs` binary: parse arguments, run the command, map errors to exit codes.

mod cli;
mod commands;

use std::process::ExitCode;

fn main() -> ExitCode {
    // A shell asking for completions (its script sets COMPLETE): answer and exit.
    commands::completions::answer_if_asked();
    let cli = match cli::parse() {
        Ok(cli) => cli,
        Err(e) => {
            // --help and --version are successes, unless they cannot be written (a full disk);
            // usage errors are bad input (exit 2).
            if e.use_stderr() {
                let _ = e.print();
                return ExitCode::from(2);
            }
            let printed = e
                .print()
                .and_then(|()| std::io::Write::flush(&mut std::io::stdout()));
            if let Err(failed) = commands::stdout_result(printed) {
                commands::eprint_line(format_args!("error: {failed}"));
                return ExitCode::from(1);
            }
            return ExitCode::SUCCESS;
        }
    };
    match commands::run(cli) {
        Ok(code) => code,
        Err(error) => report(&error),
    }
}

/// Print an error, one line per problem, and pick its exit code: 2 for bad input, 1 otherwise.
fn report(error: &anyhow::Error) -> ExitCode {
    if let Some(bad) = error.downcast_ref::<rungs::error::BadInput>() {
        for problem in &rungs::error::capped(&bad.problems) {
            commands::eprint_line(format_args!("error: {problem}"));
        }
        return ExitCode::from(2);
    }
    commands::eprint_line(format_args!("error: {error}"));
    for cause in error.chain().skip(1) {
        commands::eprint_line(format_args!("  caused by: {cause}"));
    }
    ExitCode::from(1)
}

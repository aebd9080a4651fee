//! `rungs schema framework|assessment|translation`: a JSON Schema on stdout.

use std::process::ExitCode;

use rungs::schema::SchemaKind;

use crate::cli::SchemaArg;

pub fn run(kind: SchemaArg) -> anyhow::Result<ExitCode> {
    let kind = match kind {
        SchemaArg::Framework => SchemaKind::Framework,
        SchemaArg::Assessment => SchemaKind::Assessment,
        SchemaArg::Translation => SchemaKind::Translation,
    };
    super::write_stdout(kind.to_pretty_json().as_bytes())?;
    Ok(ExitCode::SUCCESS)
}

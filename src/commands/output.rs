//! Where a command's document goes: stdout, or (atomically) the file given with `--output`.
//! The one place report, diff, history, compare and team write what they made.

use std::path::Path;

use anyhow::Context as _;
use rungs::error::BadInput;
use rungs::io::write::{check_target, is_stdout, same_file, write_file, Refusal, Replace};
use rungs::render::{self, Document, Style};

use super::Context;
use crate::cli::FrameworkOverride;

/// The `--output` and `--force` a command was given.
#[derive(Debug, Clone, Copy)]
pub struct Output<'a> {
    /// The file to write; stdout when `None`.
    pub path: Option<&'a Path>,
    /// Whether an existing file may be replaced.
    pub force: bool,
    /// The language of the document's words.
    pub lang: rungs::language::Language,
}

impl<'a> Output<'a> {
    /// Output to `path` (stdout when `None` or `-`).
    pub fn new(path: Option<&'a Path>, force: bool) -> Self {
        Output {
            path: path.filter(|p| !is_stdout(p)),
            force,
            lang: rungs::language::Language::English,
        }
    }

    /// The same output, its words in the language `--lang` names.
    pub fn in_language(self, tag: Option<&str>) -> Self {
        Output {
            lang: rungs::language::Language::from_tag(tag),
            ..self
        }
    }

    /// Refuse an `--output` that names one of the files the command reads; `what` says which it
    /// is and what to do instead.
    pub fn refuse_inputs<'p>(
        &self,
        inputs: impl IntoIterator<Item = &'p Path>,
        what: &str,
    ) -> Result<(), BadInput> {
        let Some(path) = self.path else {
            return Ok(());
        };
        if inputs.into_iter().any(|input| same_file(path, input)) {
            return Err(BadInput::new(format!(
                "--output {}: that is {what}",
                path.display()
            )));
        }
        Ok(())
    }

    /// Refuse an `--output` that names the `--framework` file the command reads.
    pub fn refuse_framework(&self, framework: &FrameworkOverride) -> Result<(), BadInput> {
        self.refuse_inputs(
            framework.framework.as_deref(),
            "the framework file read; write to another file",
        )
    }

    /// Refuse what [`check_target`] refuses: a folder, a file in a folder that does not exist,
    /// a link, FIFO or device, and an existing file without `--force`.
    pub(super) fn check(&self) -> Result<(), BadInput> {
        let Some(path) = self.path else {
            return Ok(());
        };
        check_target(path, self.force)
            .map_err(|refusal| BadInput::new(format!("--output {}: {refusal}", path.display())))
    }

    /// Write `document` in `format`: to stdout (a streamed format as it is made, a closed pipe
    /// being no error; the others with colour when the terminal has it), or atomically to the
    /// file, every control character from a file made visible, then say so on stderr.
    pub fn write<D: Document>(
        &self,
        context: &Context,
        document: &D,
        format: D::Format,
    ) -> anyhow::Result<()> {
        self.check()?;
        let style = Style {
            width: context.width,
            color: context.color && self.path.is_none(),
            lang: self.lang,
        };
        let Some(path) = self.path else {
            if document.streams(format) {
                // Every streamed format passes through the one escaping writer, in large pieces.
                let mut stdout = std::io::BufWriter::with_capacity(
                    1 << 16,
                    render::safe::VisibleWriter::new(std::io::stdout().lock()),
                );
                let written = document
                    .write(format, style, &mut stdout)
                    .and_then(|()| stdout.into_inner().map_err(|e| e.into_error()))
                    .and_then(|visible| visible.finish().map(drop));
                return Ok(super::stdout_result(written)?);
            }
            context.print(&document.render(format, style))?;
            return Ok(());
        };
        let text = document.render(format, style);
        let bytes = render::safe::output(&text, false);
        save(path, bytes.as_bytes(), self.force)?;
        context.say(format!("wrote {}", path.display()));
        Ok(())
    }
}

/// Write `bytes` to `path` as `--output` does: replacing a file there only with `force`, and
/// when another run wrote the file since it was checked, keeping that file and saying so.
pub(super) fn save(path: &Path, bytes: &[u8], force: bool) -> anyhow::Result<()> {
    match write_file(path, bytes, Replace::when(force)) {
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
            Err(BadInput::new(format!("--output {}: {}", path.display(), Refusal::Exists)).into())
        }
        written => written.with_context(|| format!("cannot write {}", path.display())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn refusal(output: Output<'_>) -> String {
        match output.check() {
            Ok(()) => "accepted".to_string(),
            Err(e) => e.to_string(),
        }
    }

    #[test]
    fn a_folder_a_missing_folder_and_an_existing_file_are_refused() {
        let dir = tempfile::tempdir().expect("temp dir");
        let existing = dir.path().join("report.md");
        std::fs::write(&existing, "before").expect("write");
        let folder = dir.path().display();
        assert_eq!(
            refusal(Output::new(Some(dir.path()), true)),
            format!("--output {folder}: is a folder; give a file name")
        );
        let nowhere = dir.path().join("gone").join("report.md");
        assert_eq!(
            refusal(Output::new(Some(&nowhere), true)),
            format!(
                "--output {}: folder {} does not exist",
                nowhere.display(),
                dir.path().join("gone").display()
            )
        );
        assert_eq!(
            refusal(Output::new(Some(&existing), false)),
            format!(
                "--output {}: file exists; pass --force to overwrite it",
                existing.display()
            )
        );
        assert_eq!(refusal(Output::new(Some(&existing), true)), "accepted");
        assert_eq!(
            refusal(Output::new(Some(&dir.path().join("new.md")), false)),
            "accepted"
        );
        assert_eq!(refusal(Output::new(None, false)), "accepted");
    }

    #[test]
    fn an_input_named_as_output_is_refused() {
        let dir = tempfile::tempdir().expect("temp dir");
        let input = dir.path().join("me.json");
        std::fs::write(&input, "{}").expect("write");
        let same = dir.path().join(".").join("me.json");
        let output = Output::new(Some(&same), true);
        let refused = output
            .refuse_inputs([input.as_path()], "the assessment being reported")
            .expect_err("the input itself");
        assert_eq!(
            refused.to_string(),
            format!(
                "--output {}: that is the assessment being reported",
                same.display()
            )
        );
        let other = dir.path().join("other.json");
        assert!(Output::new(Some(&other), true)
            .refuse_inputs([input.as_path()], "it")
            .is_ok());
        assert!(Output::new(None, true)
            .refuse_inputs([input.as_path()], "it")
            .is_ok());
    }
}

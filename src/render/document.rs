//! Every document a command writes (a report, a diff, histories, a comparison, a team), each in
//! the formats it has: one trait, so the binary writes any of them to stdout or a file the same
//! way. The document says how it looks in each format; where it goes is not its business.

use std::io::Write;

use super::Style;

/// A document that renders itself in each of its formats.
pub trait Document {
    /// The formats it has.
    type Format: Copy;

    /// The document as text in `format`; tables are laid out for `style`.
    fn render(&self, format: Self::Format, style: Style) -> String;

    /// Whether `format` is large and written piece by piece with [`Document::write`], never held
    /// whole in memory (the machine-readable formats of the largest documents).
    fn streams(&self, _format: Self::Format) -> bool {
        false
    }

    /// Write the document in `format` to `out`: piece by piece when it [`streams`], else
    /// rendered whole, then written.
    ///
    /// [`streams`]: Document::streams
    fn write(
        &self,
        format: Self::Format,
        style: Style,
        out: &mut dyn Write,
    ) -> std::io::Result<()> {
        out.write_all(self.render(format, style).as_bytes())
    }
}

/// What a writer wrote, as text: how a streamed format is rendered whole.
pub fn written(write: impl FnOnce(&mut Vec<u8>) -> std::io::Result<()>) -> String {
    let mut bytes = Vec::new();
    // Writing into a Vec cannot fail; the writers write UTF-8 only.
    let _ = write(&mut bytes);
    String::from_utf8(bytes).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Greeting;

    impl Document for Greeting {
        type Format = bool;

        fn render(&self, shout: bool, style: Style) -> String {
            let text = format!("hello at {}\n", style.width);
            if shout {
                text.to_uppercase()
            } else {
                text
            }
        }
    }

    #[test]
    fn a_document_that_does_not_stream_is_written_as_rendered() {
        let mut out = Vec::new();
        Greeting
            .write(true, Style::default(), &mut out)
            .expect("writes");
        assert_eq!(out, b"HELLO AT 80\n");
        assert!(!Greeting.streams(true));
        assert_eq!(
            written(|out| Greeting.write(false, Style::default(), out)),
            "hello at 80\n"
        );
    }
}

//! How text read from files reaches any output.
//!
//! Framework texts, notes, subjects, rater names and file names come from strangers. A control
//! character in them could move the cursor, clear the screen, set the window title (or, on some
//! terminals, the clipboard), and a bidirectional override could make text read other than it
//! is. [`visible`] decides how such text is written, everywhere: those characters are shown as
//! `\u{1b}`, everything else is left as it is. JSON output escapes them as JSON does
//! ([`json_pretty`]), so the data stays exact.

use std::borrow::Cow;
use std::io::{self, Write};

use serde::Serialize;
use serde_json::ser::{CompactFormatter, Formatter, PrettyFormatter};

/// Whether a character must never be written raw: C0 controls other than newline (a tab too:
/// a terminal moves it to the next tab stop, which breaks every table it is in), DEL, C1
/// controls, and the Unicode bidirectional embeddings, overrides and isolates
/// (U+202A-U+202E, U+2066-U+2069).
pub fn is_hidden(c: char) -> bool {
    (c.is_control() && c != '\n') || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Whether `text` may hold a character [`is_hidden`]: a byte scan that is exact for everything
/// but a carriage return (which the callers look at again). Clean text, nearly all text, is
/// then passed on without being decoded character by character.
fn may_hide(text: &str) -> bool {
    let bytes = text.as_bytes();
    // Printable ASCII and newlines throughout: the common case, whole reports and
    // tables among it. Blocks are checked without stopping early, a loop the compiler
    // vectorises; stopping at the first block that fails.
    let plain = |b: u8| (0x20..0x7f).contains(&b) || b == b'\n';
    if bytes
        .chunks(64)
        .all(|block| block.iter().fold(true, |all, &b| all & plain(b)))
    {
        return false;
    }
    bytes.iter().enumerate().any(|(i, &b)| match b {
        b'\n' => false,
        0..=0x1f | 0x7f => true,
        // C1 controls: U+0080-U+009F.
        0xc2 => matches!(bytes.get(i + 1), Some(0x80..=0x9f)),
        // Bidirectional embeddings, overrides (U+202A-U+202E) and isolates (U+2066-U+2069).
        0xe2 => matches!(
            (bytes.get(i + 1), bytes.get(i + 2)),
            (Some(0x80), Some(0xaa..=0xae)) | (Some(0x81), Some(0xa6..=0xa9))
        ),
        _ => false,
    })
}

/// Text from a file, made safe to write anywhere a person reads it: each character
/// [`is_hidden`] becomes `\u{..}` (`\u{1b}` for ESC), except a carriage return right before a
/// newline (a line end, as CSV writes them). Clean text is borrowed as is.
pub fn visible(text: &str) -> Cow<'_, str> {
    if !may_hide(text) {
        return Cow::Borrowed(text);
    }
    let mut chars = text.char_indices().peekable();
    let mut out: Option<String> = None;
    let mut clean_to = 0;
    while let Some((i, c)) = chars.next() {
        let line_end = c == '\r' && matches!(chars.peek(), Some((_, '\n')));
        if is_hidden(c) && !line_end {
            let out = out.get_or_insert_with(|| String::with_capacity(text.len() + 16));
            out.push_str(&text[clean_to..i]);
            out.push_str(&format!("\\u{{{:x}}}", u32::from(c)));
            clean_to = i + c.len_utf8();
        }
    }
    match out {
        None => Cow::Borrowed(text),
        Some(mut out) => {
            out.push_str(&text[clean_to..]);
            Cow::Owned(out)
        }
    }
}

/// A whole output, made safe at the moment it is written: like [`visible`], except that with
/// `keep_style` the colour and weight sequences rungs writes itself (`ESC [ digits ; ... m`)
/// are kept. With `keep_style` off, no escape sequence at all is written.
pub fn output(text: &str, keep_style: bool) -> Cow<'_, str> {
    if !keep_style || !text.contains('\u{1b}') {
        return visible(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    let mut rest = text;
    while let Some(at) = rest.find('\u{1b}') {
        out.push_str(&visible(&rest[..at]));
        let after = &rest[at + 1..];
        let style_len = after
            .strip_prefix('[')
            .map(|body| body.find(|c: char| !(c.is_ascii_digit() || c == ';')))
            .and_then(|end| end.filter(|e| after[1 + e..].starts_with('m')));
        match style_len {
            Some(end) => {
                out.push_str(&rest[at..at + 1 + 1 + end + 1]);
                rest = &after[1 + end + 1..];
            }
            None => {
                out.push_str("\\u{1b}");
                rest = after;
            }
        }
    }
    out.push_str(&visible(rest));
    Cow::Owned(out)
}

/// serde_json's pretty printer, escaping in strings every character [`is_hidden`] (serde_json
/// escapes C0 itself; this adds DEL, C1 and the bidirectional controls) as `\uXXXX`.
struct SafeJson<F>(F);

impl<F: Formatter> Formatter for SafeJson<F> {
    fn begin_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_array(w)
    }
    fn end_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_array(w)
    }
    fn begin_array_value<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.0.begin_array_value(w, first)
    }
    fn end_array_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_array_value(w)
    }
    fn begin_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_object(w)
    }
    fn end_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_object(w)
    }
    fn begin_object_key<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.0.begin_object_key(w, first)
    }
    fn begin_object_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_object_value(w)
    }
    fn end_object_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_object_value(w)
    }
    fn write_string_fragment<W: ?Sized + Write>(
        &mut self,
        w: &mut W,
        fragment: &str,
    ) -> io::Result<()> {
        if !may_hide(fragment) {
            return w.write_all(fragment.as_bytes());
        }
        let mut start = 0;
        for (i, c) in fragment.char_indices() {
            if is_hidden(c) {
                w.write_all(&fragment.as_bytes()[start..i])?;
                write!(w, "\\u{:04x}", u32::from(c))?;
                start = i + c.len_utf8();
            }
        }
        w.write_all(&fragment.as_bytes()[start..])
    }
}

/// Write `value` as pretty JSON in which no string holds a character [`is_hidden`] raw.
pub fn write_json_pretty<W: Write, T: Serialize + ?Sized>(writer: W, value: &T) -> io::Result<()> {
    let mut serializer =
        serde_json::Serializer::with_formatter(writer, SafeJson(PrettyFormatter::new()));
    value.serialize(&mut serializer).map_err(io::Error::from)
}

/// `text` as one JSON string, quoted, with no character [`is_hidden`] raw: how line-at-a-time
/// JSON (NDJSON) writes text from files.
pub fn json_string(text: &str) -> String {
    let mut bytes = Vec::with_capacity(text.len() + 2);
    let mut serializer =
        serde_json::Serializer::with_formatter(&mut bytes, SafeJson(CompactFormatter));
    if text.serialize(&mut serializer).is_err() {
        return "\"\"".to_string();
    }
    String::from_utf8(bytes).unwrap_or_default()
}

/// A writer that passes text on as [`visible`] makes it: how every streamed output reaches
/// stdout, so that a renderer writing piece by piece can never let a control character
/// through. A character split across two writes, and a carriage return that a newline may
/// follow, are held back until the next write or [`VisibleWriter::finish`].
pub struct VisibleWriter<W: Write> {
    inner: W,
    held: Vec<u8>,
}

impl<W: Write> VisibleWriter<W> {
    /// Pass what is written on to `inner`.
    pub fn new(inner: W) -> Self {
        VisibleWriter {
            inner,
            held: Vec::new(),
        }
    }

    /// Write what was held back (a final lone carriage return is shown, not obeyed), flush,
    /// and return the inner writer.
    pub fn finish(mut self) -> io::Result<W> {
        let held = std::mem::take(&mut self.held);
        self.inner
            .write_all(visible(&String::from_utf8_lossy(&held)).as_bytes())?;
        self.inner.flush()?;
        Ok(self.inner)
    }

    fn pass(&mut self, bytes: &[u8]) -> io::Result<()> {
        // Valid UTF-8 (the usual case) is checked once and passed on borrowed.
        let checked = std::str::from_utf8(bytes);
        let mut ready = match &checked {
            Err(e) if e.error_len().is_none() => e.valid_up_to(),
            _ => bytes.len(),
        };
        if ready > 0 && bytes[ready - 1] == b'\r' {
            ready -= 1;
        }
        let text = match checked {
            Ok(text) => Cow::Borrowed(&text[..ready]),
            Err(_) => String::from_utf8_lossy(&bytes[..ready]),
        };
        self.inner.write_all(visible(&text).as_bytes())?;
        self.held.extend_from_slice(&bytes[ready..]);
        Ok(())
    }
}

impl<W: Write> Write for VisibleWriter<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if self.held.is_empty() {
            self.pass(buf)?;
        } else {
            let mut joined = std::mem::take(&mut self.held);
            joined.extend_from_slice(buf);
            self.pass(&joined)?;
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

/// `value` as pretty JSON (see [`write_json_pretty`]), without a trailing newline.
pub fn json_pretty<T: Serialize + ?Sized>(value: &T) -> String {
    let mut bytes = Vec::new();
    if write_json_pretty(&mut bytes, value).is_err() {
        return String::new();
    }
    String::from_utf8(bytes).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_byte_scan_finds_a_hidden_character_in_any_block_of_a_long_text() {
        let clean = "word wrap\n".repeat(40);
        assert!(!may_hide(&clean));
        for at in [0, 63, 64, 65, 200, clean.len()] {
            for hidden in ["\u{1b}", "\u{9b}", "\u{202e}", "\u{7f}", "\t"] {
                let text = format!("{}{hidden}{}", &clean[..at], &clean[at..]);
                assert!(may_hide(&text), "{hidden:?} at {at}");
                assert_ne!(visible(&text), text, "{hidden:?} at {at}");
            }
        }
    }

    #[test]
    fn the_byte_scan_finds_every_hidden_character() {
        for c in (0..=0x3000u32).filter_map(char::from_u32) {
            let text = format!("a{c}b");
            if is_hidden(c) {
                assert!(may_hide(&text), "{:04x} missed", u32::from(c));
            } else if c != '\r' {
                assert!(!may_hide(&text), "{:04x} flagged", u32::from(c));
            }
        }
    }

    #[test]
    fn controls_and_bidi_overrides_are_shown_not_obeyed() {
        assert_eq!(
            visible("a\u{1b}]0;title\u{7}b\u{1b}[2Jc"),
            "a\\u{1b}]0;title\\u{7}b\\u{1b}[2Jc"
        );
        assert_eq!(visible("x\u{9b}31m\u{7f}"), "x\\u{9b}31m\\u{7f}");
        assert_eq!(
            visible("abc\u{202e}def\u{2066}"),
            "abc\\u{202e}def\\u{2066}"
        );
        assert_eq!(visible("cr\rlf"), "cr\\u{d}lf");
        assert_eq!(visible("line\r\nend\r"), "line\r\nend\\u{d}");
        assert_eq!(visible("tab\tin a cell"), "tab\\u{9}in a cell");
        assert!(matches!(visible("newline\né ✓"), Cow::Borrowed(_)));
    }

    #[test]
    fn output_keeps_only_style_sequences_when_asked() {
        let text = "\u{1b}[1mbold\u{1b}[0m \u{1b}]0;t\u{7} \u{1b}[2J \u{1b}[38;5;8mgrey\u{1b}[0m";
        assert_eq!(
            output(text, true),
            "\u{1b}[1mbold\u{1b}[0m \\u{1b}]0;t\\u{7} \\u{1b}[2J \u{1b}[38;5;8mgrey\u{1b}[0m"
        );
        assert!(!output(text, false).contains('\u{1b}'));
        assert_eq!(output("\u{1b}", true), "\\u{1b}");
        assert_eq!(output("\u{1b}[", true), "\\u{1b}[");
        assert_eq!(output("\u{1b}[12", true), "\\u{1b}[12");
    }

    #[test]
    fn a_streamed_text_is_made_visible_even_when_cut_anywhere() {
        let text = "a\u{1b}[2J\u{9b}é\u{202e}x\r\n\ry\r";
        for cut in 0..=text.len() {
            let mut writer = VisibleWriter::new(Vec::new());
            writer.write_all(&text.as_bytes()[..cut]).expect("write");
            writer.write_all(&text.as_bytes()[cut..]).expect("write");
            let out = String::from_utf8(writer.finish().expect("finish")).expect("UTF-8");
            assert_eq!(out, visible(text), "cut at {cut}");
        }
        assert_eq!(
            visible(text),
            "a\\u{1b}[2J\\u{9b}é\\u{202e}x\r\n\\u{d}y\\u{d}"
        );
    }

    #[test]
    fn a_json_string_escapes_every_hidden_character_and_stays_exact() {
        let text = "e\u{1b}c\u{9b}\u{202e}\"";
        let quoted = json_string(text);
        assert!(!quoted.chars().any(is_hidden), "{quoted:?}");
        let back: String = serde_json::from_str(&quoted).expect("valid JSON");
        assert_eq!(back, text);
    }

    #[test]
    fn json_escapes_every_hidden_character_and_stays_exact() {
        let text = "e\u{1b}c\u{9b}d\u{7f}\u{202e}\u{2069}";
        let json = json_pretty(&serde_json::json!({ "note": text }));
        assert!(!json.chars().any(is_hidden), "{json:?}");
        let back: serde_json::Value = serde_json::from_str(&json).expect("valid JSON");
        assert_eq!(back["note"], text);
    }
}

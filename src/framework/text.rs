//! Characters a framework's text may not hold: control characters (other than tab and newline)
//! and the Unicode bidirectional overrides. A framework is often someone else's file, and such
//! characters could rewrite what a terminal shows.

/// The first character of `text` that is not allowed in a framework's text, with its byte
/// offset.
pub fn forbidden_char(text: &str) -> Option<(usize, char)> {
    // Most text is printable ASCII: a byte scan decides it without decoding.
    if text
        .bytes()
        .all(|b| (0x20..0x7F).contains(&b) || b == b'\t' || b == b'\n')
    {
        return None;
    }
    text.char_indices().find(|&(_, c)| is_forbidden(c))
}

/// Whether a character is refused in a framework's text.
pub fn is_forbidden(c: char) -> bool {
    match c {
        '\t' | '\n' => false,
        '\u{0}'..='\u{1F}' | '\u{7F}'..='\u{9F}' => true,
        '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' => true,
        _ => false,
    }
}

/// "U+001B (escape)": the code point and what the character is.
pub fn describe_char(c: char) -> String {
    format!("U+{:04X} ({})", u32::from(c), char_name(c))
}

/// The message for a forbidden character.
pub fn forbidden_message(c: char) -> String {
    format!(
        "{} is not allowed in text: control characters and bidirectional overrides could rewrite what a terminal shows; remove it",
        describe_char(c)
    )
}

fn char_name(c: char) -> &'static str {
    const C0: [&str; 32] = [
        "null",
        "start of heading",
        "start of text",
        "end of text",
        "end of transmission",
        "enquiry",
        "acknowledge",
        "bell",
        "backspace",
        "tab",
        "line feed",
        "vertical tab",
        "form feed",
        "carriage return",
        "shift out",
        "shift in",
        "data link escape",
        "device control one",
        "device control two",
        "device control three",
        "device control four",
        "negative acknowledge",
        "synchronous idle",
        "end of transmission block",
        "cancel",
        "end of medium",
        "substitute",
        "escape",
        "file separator",
        "group separator",
        "record separator",
        "unit separator",
    ];
    match c {
        '\u{0}'..='\u{1F}' => C0[c as usize],
        '\u{7F}' => "delete",
        '\u{85}' => "next line, a C1 control character",
        '\u{9B}' => "control sequence introducer, a C1 control character",
        '\u{9D}' => "operating system command, a C1 control character",
        '\u{80}'..='\u{9F}' => "a C1 control character",
        '\u{202A}' => "left-to-right embedding",
        '\u{202B}' => "right-to-left embedding",
        '\u{202C}' => "pop directional formatting",
        '\u{202D}' => "left-to-right override",
        '\u{202E}' => "right-to-left override",
        '\u{2066}' => "left-to-right isolate",
        '\u{2067}' => "right-to-left isolate",
        '\u{2068}' => "first strong isolate",
        '\u{2069}' => "pop directional isolate",
        _ => "character",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn printable_text_tabs_and_newlines_pass() {
        assert_eq!(forbidden_char("Listens, then speaks.\n\tAnd café ✓"), None);
    }

    #[test]
    fn each_class_is_found_with_its_offset() {
        assert_eq!(forbidden_char("a\u{1b}[2J"), Some((1, '\u{1b}')));
        assert_eq!(forbidden_char("é\u{9b}"), Some((2, '\u{9b}')));
        assert_eq!(forbidden_char("x\u{202E}y"), Some((1, '\u{202E}')));
        assert_eq!(forbidden_char("x\u{2069}"), Some((1, '\u{2069}')));
        assert_eq!(forbidden_char("cr\r"), Some((2, '\r')));
        assert_eq!(forbidden_char("del\u{7f}"), Some((3, '\u{7f}')));
        assert_eq!(forbidden_char("\u{2065}\u{202F}"), None);
    }

    #[test]
    fn characters_are_named() {
        assert_eq!(describe_char('\u{1b}'), "U+001B (escape)");
        assert_eq!(describe_char('\u{202E}'), "U+202E (right-to-left override)");
        assert_eq!(
            describe_char('\u{9b}'),
            "U+009B (control sequence introducer, a C1 control character)"
        );
    }
}

//! Keys and pastes from the terminal, and the one-line editor of evidence notes.
//!
//! The walk turns bracketed paste on: a terminal then wraps whatever is pasted in
//! `ESC [200~` ... `ESC [201~`. A paste is never taken for keys: in the note editor it is note
//! text (its line breaks become spaces), elsewhere it is ignored, so a pasted "4\n4\nq" neither
//! rates nor quits.

use console::Term;
use rungs::walk::Key;

/// Turns bracketed paste on for as long as it lives.
pub struct BracketedPaste<'t>(&'t Term);

impl<'t> BracketedPaste<'t> {
    /// Ask the terminal to bracket pastes.
    pub fn on(term: &'t Term) -> Self {
        let _ = term.write_str("\x1b[?2004h");
        let _ = term.flush();
        BracketedPaste(term)
    }
}

impl Drop for BracketedPaste<'_> {
    fn drop(&mut self) {
        let _ = self.0.write_str("\x1b[?2004l");
        let _ = self.0.flush();
    }
}

/// What the terminal sent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    /// One key.
    Key(Key),
    /// Escape on its own.
    Escape,
    /// Everything pasted at once, as note text: line breaks and tabs as spaces, other control
    /// characters left out.
    Paste(String),
}

/// Where a bracketed paste starts and ends: console reads `ESC [20` as an unknown escape
/// sequence and the rest as two keys.
const PASTE_START: [char; 2] = ['0', '~'];
const PASTE_END: [char; 2] = ['1', '~'];

/// One key or one whole paste; a terminal that is gone reads as [`Key::Closed`].
pub fn read(term: &Term) -> Input {
    match term.read_key_raw() {
        Ok(console::Key::UnknownEscSeq(seq)) if seq == ['[', '2', '0'] => {
            match (read_char(term), read_char(term)) {
                (Some(a), Some(b)) if [a, b] == PASTE_START => Input::Paste(paste(term)),
                _ => Input::Key(Key::Other),
            }
        }
        Ok(console::Key::Escape) => Input::Escape,
        other => Input::Key(key(other)),
    }
}

fn key(read: std::io::Result<console::Key>) -> Key {
    match read {
        Ok(console::Key::Char(c)) => Key::Char(c),
        Ok(console::Key::Enter) => Key::Enter,
        Ok(console::Key::Backspace) => Key::Backspace,
        Ok(console::Key::ArrowLeft) => Key::Left,
        Ok(console::Key::ArrowRight) => Key::Right,
        Ok(console::Key::CtrlC) => Key::Interrupt,
        Ok(console::Key::Unknown) | Err(_) => Key::Closed,
        Ok(_) => Key::Other,
    }
}

fn read_char(term: &Term) -> Option<char> {
    match term.read_key_raw() {
        Ok(console::Key::Char(c)) => Some(c),
        _ => None,
    }
}

/// The text of a paste, read up to its end (or until the terminal is gone).
fn paste(term: &Term) -> String {
    let mut text = String::new();
    loop {
        match term.read_key_raw() {
            Ok(console::Key::UnknownEscSeq(seq)) if seq == ['[', '2', '0'] => {
                let rest = [read_char(term), read_char(term)];
                if rest == PASTE_END.map(Some) {
                    return as_note(&text);
                }
            }
            Ok(console::Key::Char(c)) => text.push(c),
            Ok(console::Key::Enter | console::Key::Tab) => text.push(' '),
            Ok(console::Key::Unknown) | Err(_) => return as_note(&text),
            Ok(_) => {}
        }
    }
}

/// Pasted text as one line of note: every run of white space (line breaks included) one space,
/// control characters left out.
pub fn as_note(pasted: &str) -> String {
    let kept: String = pasted
        .chars()
        .map(|c| if c.is_whitespace() { ' ' } else { c })
        .filter(|c| !c.is_control())
        .collect();
    kept.split(' ')
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Read an evidence note on one line after `prompt`, starting from `initial`: characters are
/// added at the end, Backspace removes the last one, a paste is added whole; Enter keeps the
/// note, Ctrl-C or Escape cancels it (`None`), as does a terminal that is gone.
pub fn read_note(term: &Term, prompt: &str, initial: &str) -> Option<String> {
    let mut text: String = initial.to_string();
    let mut drawn_rows = 0;
    loop {
        drawn_rows = draw_note(term, prompt, &text, drawn_rows);
        match read(term) {
            Input::Key(Key::Enter) => {
                let _ = term.write_line("");
                return Some(text);
            }
            Input::Key(Key::Interrupt | Key::Closed) | Input::Escape => {
                let _ = term.write_line("");
                return None;
            }
            Input::Key(Key::Char(c)) if !c.is_control() => text.push(c),
            Input::Key(Key::Backspace) => {
                text.pop();
            }
            Input::Paste(pasted) => {
                if !pasted.is_empty() && !text.is_empty() && !text.ends_with(' ') {
                    text.push(' ');
                }
                text.push_str(&pasted);
            }
            Input::Key(_) => {}
        }
    }
}

/// Draw the prompt and the note over what was drawn before (`rows` terminal rows); return
/// the rows it takes now.
fn draw_note(term: &Term, prompt: &str, text: &str, rows: usize) -> usize {
    for _ in 1..rows {
        let _ = term.clear_line();
        let _ = term.move_cursor_up(1);
    }
    let _ = term.clear_line();
    let line = format!("{prompt}: {}", rungs::render::safe::visible(text));
    let _ = term.write_str(&line);
    let _ = term.flush();
    let columns = usize::from(term.size_checked().map_or(80, |(_, c)| c.max(1)));
    rungs::render::width::width(&line).max(1).div_ceil(columns)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_paste_is_one_line_of_note_text() {
        assert_eq!(
            as_note("pasted line one\n4\r\n4\n1\nq"),
            "pasted line one 4 4 1 q"
        );
        assert_eq!(
            as_note("  tabs\tand\x1b[31m bells\x07 "),
            "tabs and[31m bells"
        );
        assert_eq!(as_note("\n\n"), "");
    }
}

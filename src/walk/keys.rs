//! Key presses in: what each key does on the opening, question and review screens.

use super::{Notice, Phase, Walk};
use crate::assessment::RatingValue;
use crate::framework::RatingScale;

/// A key press, as the walk understands it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    /// A printable character.
    Char(char),
    /// Enter or Return.
    Enter,
    /// Backspace (or Delete as some terminals send it).
    Backspace,
    /// Arrow left.
    Left,
    /// Arrow right.
    Right,
    /// Ctrl-C.
    Interrupt,
    /// The terminal is gone: no more keys will come.
    Closed,
    /// Any other key.
    Other,
}

/// What the terminal layer must do after a key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// Nothing changed on disk: draw the screen again.
    Redraw,
    /// A rating or a note changed: save the file, then draw the screen.
    Answered,
    /// Ask for an evidence note for [`Walk::note_target`], then call [`Walk::set_note`].
    EditNote,
    /// Stop here; everything answered is already saved.
    Quit,
    /// The person confirmed the review screen: save the file as completed and show the profile.
    Finished,
}

impl<'f> Walk<'f> {
    /// Take one key press.
    pub fn handle(&mut self, key: Key) -> Step {
        self.notice = None;
        let showing_scale = std::mem::take(&mut self.show_scale);
        if matches!(key, Key::Interrupt | Key::Closed | Key::Char('q' | 'Q')) {
            self.typed.clear();
            return Step::Quit;
        }
        match self.phase {
            Phase::Opening => self.handle_opening(key),
            Phase::Asking => self.handle_asking(key, showing_scale),
            Phase::Review => self.handle_review(key),
            Phase::Done => Step::Finished,
        }
    }

    /// The review screen: Enter finishes, back returns to the last indicator, a number jumps
    /// to that indicator (at once when no longer number fits, else on Enter).
    fn handle_review(&mut self, key: Key) -> Step {
        match key {
            Key::Char(digit) if digit.is_ascii_digit() => {
                self.typed.push(digit);
                let total = self.asked_total();
                match self.typed.parse::<usize>() {
                    Ok(n) if n >= 1 && n <= total && n * 10 > total => {
                        self.typed.clear();
                        self.jump(n)
                    }
                    Ok(n) if n >= 1 && n <= total => Step::Redraw,
                    _ => {
                        let typed = std::mem::take(&mut self.typed);
                        self.notice = Some(Notice::NoSuchIndicator(typed));
                        Step::Redraw
                    }
                }
            }
            Key::Enter if !self.typed.is_empty() => {
                let typed = std::mem::take(&mut self.typed);
                match typed.parse::<usize>() {
                    Ok(n) if n >= 1 && n <= self.asked_total() => self.jump(n),
                    _ => {
                        self.notice = Some(Notice::NoSuchIndicator(typed));
                        Step::Redraw
                    }
                }
            }
            Key::Enter => {
                self.phase = Phase::Done;
                Step::Finished
            }
            Key::Backspace if !self.typed.is_empty() => {
                self.typed.pop();
                Step::Redraw
            }
            Key::Backspace | Key::Left => {
                self.typed.clear();
                self.position = self.items.len();
                self.phase = Phase::Asking;
                match self.back() {
                    Step::Redraw if self.position < self.items.len() => Step::Redraw,
                    _ => self.review(),
                }
            }
            Key::Char('?') => Step::Redraw,
            _ => {
                self.typed.clear();
                self.notice = Some(Notice::ReviewKeys);
                Step::Redraw
            }
        }
    }

    fn handle_opening(&mut self, key: Key) -> Step {
        match key {
            Key::Enter | Key::Char(' ') | Key::Right => self.enter_at(self.position),
            Key::Char('?') => Step::Redraw,
            _ => {
                self.notice = Some(Notice::PressEnter);
                Step::Redraw
            }
        }
    }

    fn handle_asking(&mut self, key: Key, showing_scale: bool) -> Step {
        match key {
            Key::Char('?') => {
                self.show_scale = !showing_scale;
                Step::Redraw
            }
            Key::Char('n' | 'N') => {
                self.typed.clear();
                self.answer(RatingValue::NotApplicable)
            }
            Key::Char(digit) if digit.is_ascii_digit() => self.digit(digit),
            Key::Char('e' | 'E') => {
                self.typed.clear();
                Step::EditNote
            }
            Key::Char('s' | 'S') => {
                self.typed.clear();
                self.previous = None;
                self.pass()
            }
            Key::Enter if !self.typed.is_empty() => {
                let typed = std::mem::take(&mut self.typed);
                match self.scale_value(&typed) {
                    Some(value) => self.answer(RatingValue::Scale(value)),
                    None => {
                        self.notice = Some(Notice::NotOnScale(typed));
                        Step::Redraw
                    }
                }
            }
            Key::Enter | Key::Right => {
                self.typed.clear();
                // The ✓ confirms the answer just given; moving on is no answer.
                self.previous = None;
                if self.current_rating().is_some() {
                    self.advance()
                } else if let Some(kept) = self.current_earlier() {
                    self.answer(kept)
                } else {
                    self.notice = Some(Notice::RateFirst);
                    Step::Redraw
                }
            }
            Key::Backspace if !self.typed.is_empty() => {
                self.typed.pop();
                Step::Redraw
            }
            Key::Backspace | Key::Left => {
                self.typed.clear();
                self.previous = None;
                self.back()
            }
            _ => {
                self.notice = Some(Notice::UnknownKey);
                Step::Redraw
            }
        }
    }

    /// A digit: rate when it completes a scale value no longer value starts with; `0` alone is
    /// not applicable unless 0 is on the scale.
    fn digit(&mut self, digit: char) -> Step {
        self.typed.push(digit);
        let typed = self.typed.clone();
        let exact = self.scale_value(&typed);
        let longer = self.current_scale().points.iter().any(|p| {
            let text = p.value.to_string();
            text.len() > typed.len() && text.starts_with(&typed)
        });
        if typed == "0" && exact.is_none() && !longer {
            self.typed.clear();
            return self.answer(RatingValue::NotApplicable);
        }
        match (exact, longer) {
            (Some(value), false) => {
                self.typed.clear();
                self.answer(RatingValue::Scale(value))
            }
            (_, true) => Step::Redraw,
            (None, false) => {
                self.typed.clear();
                self.notice = Some(Notice::NotOnScale(typed));
                Step::Redraw
            }
        }
    }

    pub(super) fn scale_value(&self, typed: &str) -> Option<u32> {
        let value = typed.parse::<u32>().ok()?;
        (self.current_scale().point(value).is_some() && value.to_string() == typed).then_some(value)
    }

    /// The scale of the indicator asked now (its competency's).
    pub(super) fn current_scale(&self) -> RatingScale<'f> {
        match self.items.get(self.position) {
            Some(item) => self
                .framework
                .rating_scale(&self.framework.competencies[item.competency]),
            None => self.framework.framework_scale(),
        }
    }
}

//! Who an assessment is of and who rated: names as rungs compares them, and the rule that
//! `diff` and `history` follow: one person, rated by one rater.

use std::fmt;

use super::model::{Assessment, Relation};
use crate::error::BadInput;

/// A person's name as rungs stores and compares it: trimmed, each run of white space one space
/// (`"Alex  Rivera "` is `"Alex Rivera"`).
pub fn name(text: &str) -> String {
    // Nearly every name is written so already: copied as it is.
    let plain = !text.starts_with(' ')
        && !text.ends_with(' ')
        && !text.contains("  ")
        && text.chars().all(|c| c == ' ' || !c.is_whitespace());
    if plain {
        return text.to_string();
    }
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Whether a character shows as nothing (or as a space) in a name: soft hyphen, zero-width
/// space, joiners and marks, word joiner, byte order mark, Hangul fillers and tag characters.
/// (Control characters and bidirectional overrides are not refused: every output shows them as
/// `\u{..}`, [`crate::render::safe::visible`].) "Alex" and "Al\u{200b}ex" would look
/// like one person in two rows.
pub fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}'
            | '\u{034F}'
            | '\u{061C}'
            | '\u{115F}'
            | '\u{1160}'
            | '\u{17B4}'
            | '\u{17B5}'
            | '\u{180E}'
            | '\u{200B}'..='\u{200F}'
            | '\u{2060}'..='\u{2064}'
            | '\u{206A}'..='\u{206F}'
            | '\u{3164}'
            | '\u{FEFF}'
            | '\u{FFA0}'
            | '\u{E0000}'..='\u{E007F}'
    )
}

/// Whether a character is drawn as (part of) an emoji: the blocks of pictographs, dingbats and
/// symbols emoji are taken from, and what may follow an emoji within its sequence (U+FE0F, a
/// skin tone, a keycap).
fn is_emoji_part(c: char) -> bool {
    matches!(
        c,
        '\u{2190}'..='\u{21FF}'
            | '\u{2300}'..='\u{23FF}'
            | '\u{2460}'..='\u{24FF}'
            | '\u{25A0}'..='\u{27BF}'
            | '\u{2900}'..='\u{297F}'
            | '\u{2B00}'..='\u{2BFF}'
            | '\u{FE0F}'
            | '\u{20E3}'
            | '\u{1F000}'..='\u{1FAFF}'
    )
}

/// The places (in characters) of the characters of `text` that [`is_invisible`]: a zero-width
/// joiner between two emoji (`👩‍💼`, one glyph on the screen) is part of what is drawn, not
/// hidden.
fn invisible_at(text: &str) -> Vec<usize> {
    let chars: Vec<char> = text.chars().collect();
    (0..chars.len())
        .filter(|&i| {
            let c = chars[i];
            let joins_emoji = c == '\u{200D}'
                && i > 0
                && is_emoji_part(chars[i - 1])
                && chars.get(i + 1).is_some_and(|&n| is_emoji_part(n));
            is_invisible(c) && !joins_emoji
        })
        .collect()
}

/// Refuse a name holding a character [`is_invisible`] (other than a joiner within an emoji
/// sequence): `what` names it (`subject`, `--rater`). The message shows the name with each
/// such character as `\u{..}`.
pub fn check_name(what: &str, text: &str) -> Result<(), String> {
    let hidden = invisible_at(text);
    let Some(first) = hidden.first().and_then(|&i| text.chars().nth(i)) else {
        return Ok(());
    };
    let shown: String = text
        .chars()
        .enumerate()
        .map(|(i, c)| {
            if hidden.contains(&i) || crate::render::safe::is_hidden(c) {
                format!("\\u{{{:x}}}", u32::from(c))
            } else {
                c.to_string()
            }
        })
        .collect();
    Err(format!(
        "{what} \"{shown}\" holds an invisible character (U+{:04X}): a name may not, since it would look like another person's; remove it",
        u32::from(first)
    ))
}

/// Who gave an assessment's ratings, as told apart from other raters.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum RatedBy {
    /// The subject rated themself (no rater recorded, or relation `self`).
    Themself,
    /// Someone else: their name and how they relate to the subject.
    Other(String, Relation),
}

impl fmt::Display for RatedBy {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RatedBy::Themself => f.write_str("self"),
            RatedBy::Other(name, relation) => write!(f, "{name:?} ({relation})"),
        }
    }
}

impl Assessment {
    /// The person assessed, as compared: [`name`] of `subject`; `None` when none is recorded.
    pub fn subject_name(&self) -> Option<String> {
        self.subject
            .as_deref()
            .map(name)
            .filter(|name| !name.is_empty())
    }

    /// Who gave the ratings.
    pub fn rated_by(&self) -> RatedBy {
        match &self.rater {
            Some(rater) if rater.relation != Relation::SelfRating => {
                RatedBy::Other(name(&rater.name), rater.relation)
            }
            _ => RatedBy::Themself,
        }
    }

    /// Whether the ratings are the subject's own (a self-assessment).
    pub fn is_self_assessment(&self) -> bool {
        self.rated_by() == RatedBy::Themself
    }

    /// Whether `rater` names who gave the ratings: a rater's name, the subject's name for a
    /// self-assessment, or `self` for any self-assessment (names compared as [`name`] makes
    /// them).
    pub fn is_rated_by(&self, rater: &str) -> bool {
        let asked = name(rater);
        match self.rated_by() {
            RatedBy::Other(name, _) => name == asked,
            RatedBy::Themself => asked == "self" || self.subject_name().as_deref() == Some(&asked),
        }
    }
}

/// One file's person and rater, labelled by its file name.
#[derive(Debug, Clone, Copy)]
pub struct Labelled<'a> {
    /// The file, as messages name it.
    pub label: &'a str,
    /// The assessment read from it.
    pub assessment: &'a Assessment,
}

/// Check that assessments follow one person rated by one rater, as a change over time must:
/// two recorded subjects that differ, or two raters, are bad input naming each and the files of
/// each. An assessment that records no subject goes with any. `command` names the command and
/// `fix` says how to pick one series.
pub fn one_series(items: &[Labelled], command: &str, fix: &str) -> Result<(), BadInput> {
    let subjects = grouped(items, |a| a.subject_name().map(|s| format!("{s:?}")));
    if subjects.len() > 1 {
        return Err(mixed(command, "people", &subjects, fix));
    }
    let raters = grouped(items, |a| Some(a.rated_by().to_string()));
    if raters.len() > 1 {
        return Err(mixed(command, "raters", &raters, fix));
    }
    Ok(())
}

/// The distinct values of `key` in first-seen order, each with the files that have it.
fn grouped<'a>(
    items: &[Labelled<'a>],
    key: impl Fn(&Assessment) -> Option<String>,
) -> Vec<(String, Vec<&'a str>)> {
    let mut groups: Vec<(String, Vec<&str>)> = Vec::new();
    for item in items {
        let Some(value) = key(item.assessment) else {
            continue;
        };
        match groups.iter_mut().find(|(v, _)| *v == value) {
            Some((_, files)) => files.push(item.label),
            None => groups.push((value, vec![item.label])),
        }
    }
    groups
}

fn mixed(command: &str, what: &str, groups: &[(String, Vec<&str>)], fix: &str) -> BadInput {
    let each: Vec<String> = groups
        .iter()
        .map(|(value, files)| format!("{value} ({})", files.join(", ")))
        .collect();
    BadInput::new(format!(
        "{command} follows one person rated by one rater; these assessments are of {} {what}: {}; {fix}",
        groups.len(),
        each.join(", ")
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_trimmed_with_inner_runs_made_one_space() {
        assert_eq!(name("  Alex \t Rivera "), "Alex Rivera");
        assert_eq!(name(""), "");
    }
}

//! `rungs assess --answers FILE`: ratings given as a YAML or JSON map instead of at a terminal.
//!
//! ```yaml
//! framework: networking          # optional: the framework these answers are for
//! net-1: 3                       # a scale value
//! net-2: Often                   # a scale label (any case)
//! net-3: na                      # not applicable
//! net-4: { value: 4, note: "ran the partner day" }
//! ```
//!
//! Reading is strict: every unknown id and every value off the scale is reported, each with
//! its line and column, before anything is saved.

use std::cell::Cell;
use std::collections::HashSet;
use std::fmt;
use std::path::Path;

use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, Visitor};

use super::model::{Rating, RatingValue};
use crate::catalog::io_reason;
use crate::error::BadInput;
use crate::framework::Framework;
use crate::scoring::Ratings;

/// Largest answers file accepted, in bytes.
pub const MAX_ANSWERS_SIZE: u64 = 8 * 1024 * 1024;

/// The key that may name the framework the answers are for.
pub const FRAMEWORK_KEY: &str = "framework";

/// One entry of an answers file, as written.
#[derive(Debug, Clone, PartialEq)]
pub struct Answer {
    /// The key: an indicator id (or [`FRAMEWORK_KEY`]).
    pub id: String,
    /// The value as written.
    pub value: Given,
    /// An evidence note, when the entry is a `{ value, note }` map.
    pub note: Option<String>,
    /// 1-based line and column of the key, when it could be found in the text.
    pub position: Option<(usize, usize)>,
}

/// A value as written in an answers file, before it is checked against a scale.
#[derive(Debug, Clone, PartialEq)]
pub enum Given {
    /// A whole number.
    Number(i64),
    /// Text: a label, `na`, or a number in quotes.
    Text(String),
    /// No value (`id:` or `null`): the indicator stays unrated.
    Nothing,
    /// Something that can never be a rating; says what was found.
    Invalid(String),
    /// A `{ value, note }` map that is not well formed; says what is wrong.
    Malformed(String),
}

/// A parsed answers file.
#[derive(Debug, Clone, PartialEq)]
pub struct Answers {
    /// How the file is named in messages.
    pub shown: String,
    /// The entries, in file order.
    pub entries: Vec<Answer>,
}

/// Answers checked against a framework.
#[derive(Debug, Clone, PartialEq)]
pub struct Resolved {
    /// The ratings to save.
    pub ratings: Ratings,
    /// Indicators the file does not answer, in walk order: they stay unrated.
    pub missing: Vec<String>,
}

/// Read and parse an answers file.
pub fn read(path: &Path) -> Result<Answers, BadInput> {
    let shown = path.display().to_string();
    let meta = std::fs::metadata(path)
        .map_err(|e| BadInput::new(format!("{shown}: cannot read: {}", io_reason(&e))))?;
    if meta.is_dir() {
        return Err(BadInput::new(format!(
            "{shown}: is a folder, not an answers file"
        )));
    }
    if meta.len() > MAX_ANSWERS_SIZE {
        return Err(BadInput::new(format!(
            "{shown}: file is {} bytes; answers files are limited to {MAX_ANSWERS_SIZE} bytes",
            meta.len()
        )));
    }
    let bytes = std::fs::read(path)
        .map_err(|e| BadInput::new(format!("{shown}: cannot read: {}", io_reason(&e))))?;
    parse(&shown, &bytes)
}

/// Parse answers from YAML or JSON text; `shown` names the file in messages.
pub fn parse(shown: &str, bytes: &[u8]) -> Result<Answers, BadInput> {
    let text = std::str::from_utf8(bytes).map_err(|e| {
        BadInput::new(format!(
            "{shown}: not UTF-8 text (invalid byte at offset {})",
            e.valid_up_to()
        ))
    })?;
    if text.trim().is_empty() {
        return Err(BadInput::new(format!(
            "{shown}: the file is empty; write one `indicator-id: value` line per answer"
        )));
    }
    // Strings may be read at most about as many bytes as the file holds: YAML aliases that
    // repeat a large anchor many times are refused before they can use up memory.
    let budget = Cell::new(text.len() + 4096);
    let deserializer = serde_yaml::Deserializer::from_str(text);
    let raw = TopSeed { budget: &budget }
        .deserialize(deserializer)
        .map_err(|e| {
            let message = strip_location(&e.to_string());
            match e.location() {
                Some(at) => {
                    BadInput::new(format!("{shown}:{}:{}: {message}", at.line(), at.column()))
                }
                None => BadInput::new(format!("{shown}: {message}")),
            }
        })?;
    let mut after = 0;
    let entries = raw
        .into_iter()
        .map(|(id, value, note)| {
            let position = locate_key(text, &id, &mut after);
            Answer {
                id,
                value,
                note,
                position,
            }
        })
        .collect();
    Ok(Answers {
        shown: shown.to_string(),
        entries,
    })
}

impl Answers {
    /// `file:line:col` of an entry, or the file alone.
    fn at(&self, answer: &Answer) -> String {
        match answer.position {
            Some((line, column)) => format!("{}:{line}:{column}", self.shown),
            None => self.shown.clone(),
        }
    }

    /// Check every entry against `framework`: unknown ids, values off the scale, a file for
    /// another framework and ids given twice are all reported together.
    pub fn resolve(&self, framework: &Framework) -> Result<Resolved, BadInput> {
        let known: HashSet<&str> = framework
            .indicators()
            .map(|(_, _, i)| i.id.as_str())
            .collect();
        let mut problems = Vec::new();
        let mut ratings = Ratings::new();
        let mut seen: Vec<(&str, String)> = Vec::new();
        let mut unknown = 0usize;
        let mut counted = 0usize;
        for answer in &self.entries {
            let at = self.at(answer);
            if answer.id == FRAMEWORK_KEY && !known.contains(FRAMEWORK_KEY) {
                match &answer.value {
                    Given::Text(id) if id == &framework.id => {}
                    Given::Text(id) => problems.push(format!(
                        "{at}: these answers are for framework {id:?}, not {:?}",
                        framework.id
                    )),
                    _ => problems.push(format!(
                        "{at}: `framework` names the framework the answers are for, e.g. `framework: {}`",
                        framework.id
                    )),
                }
                continue;
            }
            counted += 1;
            if let Some((_, first)) = seen.iter().find(|(id, _)| *id == answer.id) {
                problems.push(format!(
                    "{at}: indicator {:?} is answered twice (first at {first})",
                    answer.id
                ));
                continue;
            }
            seen.push((&answer.id, at.clone()));
            if !known.contains(answer.id.as_str()) {
                unknown += 1;
                problems.push(format!(
                    "{at}: unknown indicator {:?} (not in framework {:?})",
                    answer.id, framework.id
                ));
                continue;
            }
            match value_of(framework, &answer.value) {
                Ok(Some(value)) => {
                    ratings.insert(
                        answer.id.clone(),
                        Rating {
                            value,
                            note: answer.note.clone(),
                        },
                    );
                }
                Ok(None) => {}
                Err(why) => problems.push(format!("{at}: indicator {:?}: {why}", answer.id)),
            }
        }
        if unknown > 0 && unknown == counted {
            problems.insert(
                0,
                format!(
                    "{}: none of its {} ids is an indicator of framework {:?}: are these answers for another framework? (`rungs show {}` lists the ids)",
                    self.shown,
                    counted,
                    framework.id,
                    framework.id
                ),
            );
        }
        if !problems.is_empty() {
            return Err(BadInput::many(problems));
        }
        let missing = framework
            .indicators()
            .map(|(_, _, i)| &i.id)
            .filter(|id| !ratings.contains_key(id.as_str()))
            .cloned()
            .collect();
        Ok(Resolved { ratings, missing })
    }
}

/// The rating a written value stands for; `None` for no value.
fn value_of(framework: &Framework, given: &Given) -> Result<Option<RatingValue>, String> {
    match given {
        Given::Nothing => Ok(None),
        Given::Number(n) => on_scale(framework, *n).map(Some),
        Given::Invalid(what) => Err(format!("{what} is not a rating; {}", expected(framework))),
        Given::Malformed(why) => Err(why.clone()),
        Given::Text(text) => {
            let text = text.trim();
            if text.eq_ignore_ascii_case("na") || text.eq_ignore_ascii_case("n/a") {
                return Ok(Some(RatingValue::NotApplicable));
            }
            if let Ok(n) = text.parse::<i64>() {
                return on_scale(framework, n).map(Some);
            }
            framework
                .scale
                .iter()
                .find(|p| p.label.trim().eq_ignore_ascii_case(text))
                .map(|p| Some(RatingValue::Scale(p.value)))
                .ok_or_else(|| {
                    format!(
                        "{text:?} is neither a scale value, a scale label nor na; {}",
                        expected(framework)
                    )
                })
        }
    }
}

fn on_scale(framework: &Framework, n: i64) -> Result<RatingValue, String> {
    u32::try_from(n)
        .ok()
        .filter(|v| framework.scale_point(*v).is_some())
        .map(RatingValue::Scale)
        .ok_or_else(|| format!("{n} is not on the scale; {}", expected(framework)))
}

fn expected(framework: &Framework) -> String {
    format!(
        "use one of {} or na",
        framework
            .scale
            .iter()
            .map(|p| format!("{} ({})", p.value, p.label))
            .collect::<Vec<_>>()
            .join(", ")
    )
}

fn strip_location(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(i) => message[..i].to_string(),
        None => message.to_string(),
    }
}

/// The 1-based line and column of the next occurrence of `key` used as a mapping key at or
/// after byte `after`: `key:` at the start of a line, or `"key":` / `'key':` anywhere.
fn locate_key(text: &str, key: &str, after: &mut usize) -> Option<(usize, usize)> {
    let candidates = [format!("\"{key}\""), format!("'{key}'"), key.to_string()];
    let mut best: Option<usize> = None;
    for (n, needle) in candidates.iter().enumerate() {
        if needle.is_empty() {
            continue; // the empty key: only its quoted forms can be found, and "" matches anywhere
        }
        let mut from = *after;
        while let Some(found) = text.get(from..).and_then(|rest| rest.find(needle.as_str())) {
            let start = from + found;
            let end = start + needle.len();
            let followed_by_colon = text[end..].trim_start_matches([' ', '\t']).starts_with(':');
            let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
            let at_line_start = text[line_start..start]
                .chars()
                .all(|c| c == ' ' || c == '\t' || c == '{' || c == ',');
            let bare_ok = n < 2 || at_line_start;
            if followed_by_colon && bare_ok {
                best = Some(best.map_or(start, |b| b.min(start)));
                break;
            }
            from = end;
        }
    }
    let start = best?;
    *after = start + key.len();
    let line = text[..start].matches('\n').count() + 1;
    let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
    let column = text[line_start..start].chars().count() + 1;
    Some((line, column))
}

// Deserialisation with a byte budget shared by every string read.

type RawEntry = (String, Given, Option<String>);

fn spend<E: de::Error>(budget: &Cell<usize>, amount: usize) -> Result<(), E> {
    let left = budget.get();
    if amount > left {
        return Err(E::custom(
            "the file expands to far more than its own size (YAML aliases repeating an anchor?); write each answer out",
        ));
    }
    budget.set(left - amount);
    Ok(())
}

struct TopSeed<'b> {
    budget: &'b Cell<usize>,
}

impl<'de> DeserializeSeed<'de> for TopSeed<'_> {
    type Value = Vec<RawEntry>;
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for TopSeed<'_> {
    type Value = Vec<RawEntry>;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a map of indicator id -> rating (value, label or na)")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut entries = Vec::new();
        while let Some(id) = map.next_key_seed(KeySeed {
            budget: self.budget,
        })? {
            let (value, note) = map.next_value_seed(ValueSeed {
                budget: self.budget,
            })?;
            entries.push((id, value, note));
        }
        Ok(entries)
    }
}

struct KeySeed<'b> {
    budget: &'b Cell<usize>,
}

impl<'de> DeserializeSeed<'de> for KeySeed<'_> {
    type Value = String;
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl Visitor<'_> for KeySeed<'_> {
    type Value = String;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an indicator id")
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<String, E> {
        spend(self.budget, v.len() + 1)?;
        Ok(v.to_string())
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<String, E> {
        spend(self.budget, 1)?;
        Ok(v.to_string())
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<String, E> {
        spend(self.budget, 1)?;
        Ok(v.to_string())
    }
}

struct ValueSeed<'b> {
    budget: &'b Cell<usize>,
}

impl<'de> DeserializeSeed<'de> for ValueSeed<'_> {
    type Value = (Given, Option<String>);
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for ValueSeed<'_> {
    type Value = (Given, Option<String>);
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a scale value, a scale label, na, or { value, note }")
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
        spend(self.budget, 1)?;
        Ok((
            i64::try_from(v).map_or_else(|_| Given::Invalid(v.to_string()), Given::Number),
            None,
        ))
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Self::Value, E> {
        spend(self.budget, 1)?;
        Ok((Given::Number(v), None))
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Self::Value, E> {
        spend(self.budget, 1)?;
        Ok((Given::Invalid(format!("{v} (not a whole number)")), None))
    }
    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Self::Value, E> {
        spend(self.budget, 1)?;
        Ok((Given::Invalid(v.to_string()), None))
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
        spend(self.budget, v.len() + 1)?;
        Ok((Given::Text(v.to_string()), None))
    }
    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        spend(self.budget, 1)?;
        Ok((Given::Nothing, None))
    }
    fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
        self.visit_unit()
    }
    fn visit_seq<A: de::SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        while seq
            .next_element_seed(Skip {
                budget: self.budget,
            })?
            .is_some()
        {}
        Ok((Given::Invalid("a list".into()), None))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut value = None;
        let mut note = None;
        let mut invalid = None;
        while let Some(key) = map.next_key_seed(KeySeed {
            budget: self.budget,
        })? {
            match key.as_str() {
                "value" => {
                    let (given, _) = map.next_value_seed(ValueSeed {
                        budget: self.budget,
                    })?;
                    value = Some(given);
                }
                "note" => {
                    let (given, _) = map.next_value_seed(ValueSeed {
                        budget: self.budget,
                    })?;
                    match given {
                        Given::Text(text) => note = Some(text),
                        Given::Number(n) => note = Some(n.to_string()),
                        Given::Nothing => {}
                        Given::Invalid(what) | Given::Malformed(what) => {
                            invalid = Some(format!("a note must be text, not {what}"))
                        }
                    }
                }
                other => {
                    map.next_value_seed(Skip {
                        budget: self.budget,
                    })?;
                    invalid = Some(format!(
                        "unknown key {other:?}: an answer map takes `value` and `note`"
                    ));
                }
            }
        }
        let given = match (invalid, value) {
            (Some(why), _) => Given::Malformed(why),
            (None, Some(Given::Malformed(_))) => {
                Given::Malformed("`value` takes a scale value, a scale label or na".into())
            }
            (None, Some(value)) => value,
            (None, None) => {
                Given::Malformed("an answer map needs a `value` (and may have a `note`)".into())
            }
        };
        Ok((given, note.filter(|n| !n.trim().is_empty())))
    }
}

/// Reads and discards any value, spending the budget on it.
struct Skip<'b> {
    budget: &'b Cell<usize>,
}

impl<'de> DeserializeSeed<'de> for Skip<'_> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Skip<'_> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any value")
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<(), E> {
        spend(self.budget, v.len() + 1)
    }
    fn visit_u64<E: de::Error>(self, _: u64) -> Result<(), E> {
        spend(self.budget, 1)
    }
    fn visit_i64<E: de::Error>(self, _: i64) -> Result<(), E> {
        spend(self.budget, 1)
    }
    fn visit_f64<E: de::Error>(self, _: f64) -> Result<(), E> {
        spend(self.budget, 1)
    }
    fn visit_bool<E: de::Error>(self, _: bool) -> Result<(), E> {
        spend(self.budget, 1)
    }
    fn visit_unit<E: de::Error>(self) -> Result<(), E> {
        spend(self.budget, 1)
    }
    fn visit_none<E: de::Error>(self) -> Result<(), E> {
        spend(self.budget, 1)
    }
    fn visit_seq<A: de::SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        while seq
            .next_element_seed(Skip {
                budget: self.budget,
            })?
            .is_some()
        {}
        Ok(())
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        while map
            .next_key_seed(Skip {
                budget: self.budget,
            })?
            .is_some()
        {
            map.next_value_seed(Skip {
                budget: self.budget,
            })?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::framework;

    const FRAMEWORK: &str = r#"
id: small
name: Small
version: "1"
levels: [{ id: one, name: One }]
competencies:
  - id: craft
    name: Craft
    levels:
      - level: one
        indicators: [{ id: a1, text: A }, { id: a2, text: B }, { id: a3, text: C }, { id: a4, text: D }]
"#;

    fn framework() -> Framework {
        match framework::load("small.yaml", FRAMEWORK.as_bytes()) {
            Ok(l) => l.framework,
            Err(e) => panic!("{e}"),
        }
    }

    fn resolve(text: &str) -> Result<Resolved, Vec<String>> {
        parse("answers.yaml", text.as_bytes())
            .map_err(|e| e.problems)?
            .resolve(&framework())
            .map_err(|e| e.problems)
    }

    #[test]
    fn values_labels_na_and_notes() {
        let resolved = resolve(
            "a1: 3\na2: often\na3: NA\na4: { value: \"Consistently\", note: led the retro }\n",
        )
        .expect("valid");
        let text: Vec<String> = resolved
            .ratings
            .iter()
            .map(|(id, r)| {
                format!(
                    "{id}={}{}",
                    r.value,
                    r.note
                        .as_deref()
                        .map(|n| format!(" ({n})"))
                        .unwrap_or_default()
                )
            })
            .collect();
        assert_eq!(text, ["a1=3", "a2=3", "a3=na", "a4=4 (led the retro)"]);
        assert!(resolved.missing.is_empty());
    }

    #[test]
    fn json_works_too_and_missing_ones_are_listed() {
        let resolved =
            resolve(r#"{"framework": "small", "a2": 1, "a4": {"value": "na"}}"#).expect("valid");
        assert_eq!(resolved.ratings.len(), 2);
        assert_eq!(resolved.missing, ["a1", "a3"]);
    }

    #[test]
    fn every_bad_entry_is_reported_with_its_position() {
        let problems =
            resolve("a1: 7\nzz: 3\na2: sometimes-ish\na3: 2.5\na1: 2\n").expect_err("bad");
        assert_eq!(
            problems,
            [
                "answers.yaml:1:1: indicator \"a1\": 7 is not on the scale; use one of 1 (Rarely), 2 (Sometimes), 3 (Often), 4 (Consistently) or na",
                "answers.yaml:2:1: unknown indicator \"zz\" (not in framework \"small\")",
                "answers.yaml:3:1: indicator \"a2\": \"sometimes-ish\" is neither a scale value, a scale label nor na; use one of 1 (Rarely), 2 (Sometimes), 3 (Often), 4 (Consistently) or na",
                "answers.yaml:4:1: indicator \"a3\": 2.5 (not a whole number) is not a rating; use one of 1 (Rarely), 2 (Sometimes), 3 (Often), 4 (Consistently) or na",
                "answers.yaml:5:1: indicator \"a1\" is answered twice (first at answers.yaml:1:1)",
            ]
        );
    }

    #[test]
    fn aliases_that_multiply_a_large_anchor_are_refused() {
        let big = "x".repeat(10_000);
        let mut text = format!("a1: {{ value: 3, note: &big \"{big}\" }}\n");
        for n in 0..200 {
            text.push_str(&format!("k{n}: {{ value: 3, note: *big }}\n"));
        }
        let problems = resolve(&text).expect_err("refused");
        assert!(
            problems[0].contains("expands to far more than its own size"),
            "{problems:?}"
        );
    }

    #[test]
    fn not_a_map_is_refused() {
        let problems = resolve("- a1\n- a2\n").expect_err("refused");
        assert_eq!(problems.len(), 1);
        assert!(
            problems[0].starts_with(
                "answers.yaml:1:1: invalid type: sequence, expected a map of indicator id"
            ),
            "{problems:?}"
        );
    }

    #[test]
    fn keys_are_located_in_json_on_one_line() {
        let answers = parse("a.json", br#"{"a1": 3, "a2": 4}"#).expect("parses");
        let positions: Vec<_> = answers.entries.iter().map(|a| a.position).collect();
        assert_eq!(positions, [Some((1, 2)), Some((1, 11))]);
    }
}

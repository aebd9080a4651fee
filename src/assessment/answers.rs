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

use std::collections::hash_map::Entry;
use std::collections::HashMap;
use std::path::Path;

use super::model::{Rating, RatingValue, Ratings};
use crate::error::{BadInput, Diagnostic};
use crate::framework::{Framework, ScalePoint};
use crate::yaml::scalar::{describe, plain_value, PlainScalar};
use crate::yaml::tree::{self, Document, NodeId, NodeKind};

/// Largest answers file accepted, in bytes.
pub const MAX_ANSWERS_SIZE: u64 = 8 * 1024 * 1024;

/// What an empty answers file is told.
const EMPTY: &str = "the file is empty; write one `indicator-id: value` line per answer";

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
    /// 1-based line and column of the key.
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
    let bytes = crate::io::read_limited(path, MAX_ANSWERS_SIZE, "answers file")?;
    parse(&path.display().to_string(), &bytes)
}

/// Parse answers from YAML or JSON text; `shown` names the file in messages.
pub fn parse(shown: &str, bytes: &[u8]) -> Result<Answers, BadInput> {
    let text = std::str::from_utf8(bytes).map_err(|e| {
        BadInput::in_file(
            shown,
            format!(
                "not UTF-8 text (invalid byte at offset {})",
                e.valid_up_to()
            ),
        )
    })?;
    if text.trim().is_empty() {
        return Err(BadInput::in_file(shown, EMPTY));
    }
    // The same bounded, positioned YAML reader as framework files: one alias budget, and every
    // entry's place from the parser.
    let document = tree::parse(text).map_err(|e| match e.at {
        Some(at) => BadInput::at(shown, at.line, at.column, e.message),
        None => BadInput::in_file(shown, e.message),
    })?;
    let Some(root) = document.root() else {
        return Err(BadInput::in_file(shown, EMPTY));
    };
    let NodeKind::Mapping(pairs) = &document.node(root).kind else {
        let at = document.position(root);
        return Err(BadInput::at(
            shown,
            at.line,
            at.column,
            format!(
                "an answers file is a map of indicator id -> rating (value, label or na), but this is {}",
                describe(&document, root)
            ),
        ));
    };
    let mut entries = Vec::with_capacity(pairs.len());
    let mut problems = Vec::new();
    for &(key, value) in pairs {
        let at = document.position(key);
        let Some(id) = document.scalar_text(key) else {
            problems.push(Diagnostic::at(
                shown,
                at.line,
                at.column,
                format!(
                    "a key must be an indicator id, but this one is {}",
                    describe(&document, key)
                ),
            ));
            continue;
        };
        let (value, note) = given(&document, value);
        entries.push(Answer {
            id: id.to_string(),
            value,
            note,
            position: Some((at.line, at.column)),
        });
    }
    if !problems.is_empty() {
        return Err(BadInput::located(problems));
    }
    Ok(Answers {
        shown: shown.to_string(),
        entries,
    })
}

/// What a value node says, and its note when it is a `{ value, note }` map.
fn given(document: &Document, node: NodeId) -> (Given, Option<String>) {
    match &document.node(node).kind {
        NodeKind::Scalar { text, plain: false } => (Given::Text(text.clone()), None),
        NodeKind::Scalar { text, plain: true } => {
            let value = match plain_value(text) {
                PlainScalar::Null => Given::Nothing,
                PlainScalar::Bool(b) => Given::Invalid(b.to_string()),
                PlainScalar::Int(n) => {
                    i64::try_from(n).map_or_else(|_| Given::Invalid(text.clone()), Given::Number)
                }
                PlainScalar::Float(f) => Given::Invalid(format!("{f} (not a whole number)")),
                PlainScalar::Text => Given::Text(text.clone()),
            };
            (value, None)
        }
        NodeKind::Sequence(_) => (Given::Invalid("a list".into()), None),
        NodeKind::Mapping(pairs) => answer_map(document, pairs),
        // `node` resolves aliases, so an alias is never seen here.
        NodeKind::Alias(_) => (Given::Invalid("an alias".into()), None),
    }
}

/// A `{ value, note }` map.
fn answer_map(document: &Document, pairs: &[(NodeId, NodeId)]) -> (Given, Option<String>) {
    let mut value = None;
    let mut note = None;
    let mut invalid = None;
    for &(key, node) in pairs {
        match document.scalar_text(key).unwrap_or_default() {
            "value" => value = Some(given(document, node).0),
            "note" => match given(document, node).0 {
                Given::Text(text) => note = Some(text),
                Given::Number(n) => note = Some(n.to_string()),
                Given::Nothing => {}
                Given::Invalid(what) => invalid = Some(format!("a note must be text, not {what}")),
                Given::Malformed(_) => invalid = Some("a note must be text, not a map".into()),
            },
            other => {
                invalid = Some(format!(
                    "unknown key {other:?}: an answer map takes `value` and `note`"
                ))
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
    (given, note.filter(|n| !n.trim().is_empty()))
}

impl Answers {
    /// `file:line:col` of an entry, or the file alone.
    fn at(&self, answer: &Answer) -> String {
        match answer.position {
            Some((line, column)) => format!("{}:{line}:{column}", self.shown),
            None => self.shown.clone(),
        }
    }

    /// A problem with an entry, at the entry's key.
    fn problem(&self, answer: &Answer, message: String) -> Diagnostic {
        match answer.position {
            Some((line, column)) => Diagnostic::at(&self.shown, line, column, message),
            None => Diagnostic::file_error(&self.shown, message),
        }
    }

    /// Check every entry against `framework`: unknown ids, values off the scale, a file for
    /// another framework and ids given twice are all reported together.
    pub fn resolve(&self, framework: &Framework) -> Result<Resolved, BadInput> {
        // Each indicator with its competency, whose scale its labels and values are read on,
        // and the entry that answered it so far: one lookup per entry finds both.
        let known: HashMap<&str, (usize, usize)> = framework
            .indicators()
            .enumerate()
            .map(|(n, (c, _, i))| (i.id.as_str(), (n, c)))
            .collect();
        let mut answered: Vec<Option<&Answer>> = vec![None; framework.indicators().count()];
        // Unknown ids given so far, with the entry that gave them, for one given twice. Sized
        // for every entry from the start: growing would rehash every id in it, and a file of
        // tens of thousands of unknown ids has them spread over the heap.
        let mut strangers: HashMap<&str, &Answer> = HashMap::with_capacity(self.entries.len());
        let mut problems = Vec::new();
        let mut ratings = Ratings::new();
        let mut unknown = 0usize;
        let mut counted = 0usize;
        for answer in &self.entries {
            if answer.id == FRAMEWORK_KEY && !known.contains_key(FRAMEWORK_KEY) {
                match &answer.value {
                    Given::Text(id) if id == &framework.id => {}
                    Given::Text(id) => problems.push(self.problem(
                        answer,
                        format!(
                            "these answers are for framework {id:?}, not {:?}",
                            framework.id
                        ),
                    )),
                    _ => problems.push(self.problem(
                        answer,
                        format!(
                            "`framework` names the framework the answers are for, e.g. `framework: {}`",
                            framework.id
                        ),
                    )),
                }
                continue;
            }
            counted += 1;
            // The entry that gave this id before, if any; its place is written out only then.
            let (first, competency) = match known.get(answer.id.as_str()) {
                Some(&(n, competency)) => match answered.get_mut(n) {
                    Some(Some(first)) => (Some(*first), Some(competency)),
                    Some(slot) => {
                        *slot = Some(answer);
                        (None, Some(competency))
                    }
                    None => (None, Some(competency)),
                },
                None => match strangers.entry(&answer.id) {
                    Entry::Occupied(first) => (Some(*first.get()), None),
                    Entry::Vacant(slot) => {
                        slot.insert(answer);
                        (None, None)
                    }
                },
            };
            if let Some(first) = first {
                problems.push(self.problem(
                    answer,
                    format!(
                        "indicator {:?} is answered twice (first at {})",
                        answer.id,
                        self.at(first)
                    ),
                ));
                continue;
            }
            let Some(competency) = competency else {
                unknown += 1;
                problems.push(self.problem(
                    answer,
                    format!(
                        "unknown indicator {:?} (not in framework {:?})",
                        answer.id, framework.id
                    ),
                ));
                continue;
            };
            let scale = framework.scale_of(competency);
            match value_of(scale, &answer.value) {
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
                Err(why) => problems.push(self.problem(
                    answer,
                    format!("indicator {:?}: {}", answer.id, why.message(scale)),
                )),
            }
        }
        if unknown > 0 && unknown == counted {
            problems.insert(
                0,
                Diagnostic::file_error(
                    &self.shown,
                    format!(
                        "none of its {} ids is an indicator of framework {:?}: are these answers for another framework? (`rungs show {}` lists the ids)",
                        counted,
                        framework.id,
                        framework.id
                    ),
                ),
            );
        }
        if !problems.is_empty() {
            return Err(BadInput::located(problems));
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

/// Why a written value is not a rating.
#[derive(Debug, Clone, PartialEq)]
enum NotARating {
    /// A whole number that is not a value of the scale.
    OffScale(i64),
    /// Text that is neither a scale value, a scale label nor na.
    Unknown(String),
    /// Something that can never be a rating: what was found.
    Invalid(String),
    /// A `{ value, note }` map that is not well formed: what is wrong.
    Malformed(String),
}

impl NotARating {
    /// The problem in words, with the values the framework takes where they help.
    fn message(&self, scale: &[ScalePoint]) -> String {
        match self {
            NotARating::OffScale(n) => {
                format!("{n} is not on the scale; {}", expected(scale))
            }
            NotARating::Unknown(text) => format!(
                "{text:?} is neither a scale value, a scale label nor na; {}",
                expected(scale)
            ),
            NotARating::Invalid(what) => {
                format!("{what} is not a rating; {}", expected(scale))
            }
            NotARating::Malformed(why) => why.clone(),
        }
    }
}

/// The rating a written value stands for on an indicator's scale; `None` for no value.
fn value_of(scale: &[ScalePoint], given: &Given) -> Result<Option<RatingValue>, NotARating> {
    match given {
        Given::Nothing => Ok(None),
        Given::Number(n) => on_scale(scale, *n).map(Some),
        Given::Invalid(what) => Err(NotARating::Invalid(what.clone())),
        Given::Malformed(why) => Err(NotARating::Malformed(why.clone())),
        Given::Text(text) => {
            let text = text.trim();
            if text.eq_ignore_ascii_case("na") || text.eq_ignore_ascii_case("n/a") {
                return Ok(Some(RatingValue::NotApplicable));
            }
            if let Ok(n) = text.parse::<i64>() {
                return on_scale(scale, n).map(Some);
            }
            scale
                .iter()
                .find(|p| p.label.trim().eq_ignore_ascii_case(text))
                .map(|p| Some(RatingValue::Scale(p.value)))
                .ok_or_else(|| NotARating::Unknown(text.to_string()))
        }
    }
}

/// The scale value `n`, when the scale has it.
fn on_scale(scale: &[ScalePoint], n: i64) -> Result<RatingValue, NotARating> {
    u32::try_from(n)
        .ok()
        .filter(|v| scale.iter().any(|p| p.value == *v))
        .map(RatingValue::Scale)
        .ok_or(NotARating::OffScale(n))
}

/// `use one of 1 (Rarely), ... or na`: what the scale takes.
fn expected(scale: &[ScalePoint]) -> String {
    format!(
        "use one of {} or na",
        scale
            .iter()
            .map(|p| format!("{} ({})", p.value, p.label))
            .collect::<Vec<_>>()
            .join(", ")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

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
        crate::test_support::framework("small.yaml", FRAMEWORK)
    }

    fn resolve(text: &str) -> Result<Resolved, Vec<String>> {
        let strings = |e: BadInput| e.problems.iter().map(ToString::to_string).collect();
        parse("answers.yaml", text.as_bytes())
            .map_err(strings)?
            .resolve(&framework())
            .map_err(strings)
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
            problems[0].starts_with("answers.yaml:105:25: YAML aliases expand the file beyond"),
            "{problems:?}"
        );
    }

    #[test]
    fn not_a_map_is_refused() {
        let problems = resolve("- a1\n- a2\n").expect_err("refused");
        assert_eq!(problems.len(), 1);
        assert_eq!(
            problems[0],
            "answers.yaml:1:1: an answers file is a map of indicator id -> rating (value, label or na), but this is a list"
        );
    }

    #[test]
    fn keys_are_located_in_json_on_one_line() {
        let answers = parse("a.json", br#"{"a1": 3, "a2": 4}"#).expect("parses");
        let positions: Vec<_> = answers.entries.iter().map(|a| a.position).collect();
        assert_eq!(positions, [Some((1, 2)), Some((1, 11))]);
    }

    #[test]
    fn each_problem_is_a_value_with_its_file_and_place() {
        let error = parse(
            "answers.yaml",
            b"a1: 3
zz: 3
",
        )
        .expect("parses")
        .resolve(&framework())
        .expect_err("zz is unknown");
        let problem = &error.problems[0];
        assert_eq!(problem.file, "answers.yaml");
        assert_eq!((problem.line, problem.column), (Some(2), Some(1)));
        assert_eq!(
            problem.message,
            "unknown indicator \"zz\" (not in framework \"small\")"
        );
    }
}

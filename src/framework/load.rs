//! Turning framework bytes into a validated [`Framework`].
//!
//! One path for every file: a positioned YAML tree ([`crate::yaml::tree`], aliases bounded), read into the
//! structs the format declares ([`super::format`]) with every shape problem located ([`reading`]),
//! then checked and resolved by [`build`]. Every problem is reported in one run, each at its
//! line and column.

mod check;
mod competencies;
mod convert;
mod targets;
mod texts;

use super::diagnostic::{Diagnostic, LoadError, Severity};
use super::format::*;
use super::model::*;
use super::reading;
use crate::yaml::locate::{is_within, locate};
pub use crate::yaml::locate::{render_path, PathSegment};
use crate::yaml::tree::{self, Document, Position};
use check::{
    check_evidence, check_framework_scale, check_groups, check_guidance, check_identity,
    check_levels, check_tracks, Problems,
};
use competencies::{check_competencies, check_ladders, ListedLevels};
use convert::convert;
pub use convert::default_demonstrated_at;
use targets::check_targets;
use texts::{check_labels, check_texts};

/// Largest framework file accepted, in bytes.
pub const MAX_FILE_SIZE: usize = 8 * 1024 * 1024;

/// Most indicators a framework may have.
pub const MAX_INDICATORS: usize = 100_000;

/// A semantic problem, with the path to the node it concerns (located later, only on failure).
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    /// From the root to the node at fault.
    pub path: Vec<PathSegment>,
    /// What is wrong and how to fix it.
    pub message: String,
    /// Whether the problem is only a warning.
    pub warning: bool,
    /// For a repeat of something: where the first one is.
    pub first: Option<Vec<PathSegment>>,
    /// A character to point at on the node's line, when the file holds it as written.
    pub character: Option<char>,
}

/// A successfully loaded framework with what is worth telling its author.
#[derive(Debug, Clone)]
pub struct Loaded {
    /// The framework.
    pub framework: Framework,
    /// `sha256:<hex>` of the file bytes.
    pub digest: String,
    /// Legal but suspicious things found.
    pub warnings: Vec<Diagnostic>,
}

/// `sha256:<hex>` of some bytes.
pub fn digest(bytes: &[u8]) -> String {
    use sha2::{Digest, Sha256};
    let hash = Sha256::digest(bytes);
    let mut out = String::with_capacity(7 + 64);
    out.push_str("sha256:");
    push_hex(&mut out, &hash);
    out
}

/// Append `bytes` as lowercase hex, two digits a byte (by table: formatting each byte with
/// `write!` cost more than hashing a short text).
pub fn push_hex(out: &mut String, bytes: &[u8]) {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    for &b in bytes {
        out.push(char::from(DIGITS[usize::from(b >> 4)]));
        out.push(char::from(DIGITS[usize::from(b & 0x0f)]));
    }
}

/// Load and validate a framework from its bytes; `file` names it in messages.
///
/// On failure every problem found is returned, sorted by position.
pub fn load(file: &str, bytes: &[u8]) -> Result<Loaded, LoadError> {
    let text = decode(file, bytes)?;
    let document = parse_tree(file, text)?;
    let shape = reading::read(&document);
    let (framework, problems) = match shape.framework {
        Some(raw) => build(raw),
        None => (None, Vec::new()),
    };
    let broken = shape.broken;
    let findings = shape.findings;
    let problems: Vec<Problem> = problems
        .into_iter()
        .filter(|p| !broken.iter().any(|b| is_within(&p.path, b)))
        .collect();
    let framework = match framework {
        Some(framework) if problems.is_empty() && findings.is_empty() => {
            return Ok(Loaded {
                framework,
                digest: digest(bytes),
                warnings: Vec::new(),
            })
        }
        other => other,
    };
    let document = Some(document);
    let mut diagnostics: Vec<Diagnostic> = findings
        .into_iter()
        .map(|f| match f.at {
            Some(at) => Diagnostic::at(file, at.line, at.column, f.message),
            None => Diagnostic::file_error(file, f.message),
        })
        .collect();
    diagnostics.extend(
        problems
            .iter()
            .map(|p| locate_problem(file, text, document.as_ref(), p)),
    );
    sort_diagnostics(&mut diagnostics);
    match framework {
        Some(framework) if !diagnostics.iter().any(Diagnostic::is_error) => Ok(Loaded {
            framework,
            digest: digest(bytes),
            warnings: diagnostics,
        }),
        _ => Err(LoadError { diagnostics }),
    }
}

/// The bytes as text, refusing what cannot be a framework file before any parsing.
fn decode<'b>(file: &str, bytes: &'b [u8]) -> Result<&'b str, LoadError> {
    let fail = |d: Diagnostic| LoadError {
        diagnostics: vec![d],
    };
    if bytes.len() > MAX_FILE_SIZE {
        return Err(fail(Diagnostic::file_error(
            file,
            format!(
                "file is {} bytes; framework files are limited to {MAX_FILE_SIZE} bytes (8 MiB)",
                bytes.len()
            ),
        )));
    }
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(fail(Diagnostic::file_error(
            file,
            "file is UTF-16 text; save it as UTF-8",
        )));
    }
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let valid = String::from_utf8_lossy(&bytes[..e.valid_up_to()]);
        let line = valid.matches('\n').count() + 1;
        let column = valid.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        let byte = bytes[e.valid_up_to()];
        fail(Diagnostic::at(
            file,
            line,
            column,
            format!("file is not UTF-8 text (byte 0x{byte:02X} here); save it as UTF-8"),
        ))
    })?;
    if text.trim().is_empty() {
        return Err(fail(Diagnostic::file_error(file, reading::EMPTY_FILE)));
    }
    Ok(text)
}

fn parse_tree(file: &str, text: &str) -> Result<Document, LoadError> {
    tree::parse(text).map_err(|e| LoadError {
        diagnostics: vec![match e.at {
            Some(at) => Diagnostic::at(file, at.line, at.column, e.message),
            None => Diagnostic::file_error(file, e.message),
        }],
    })
}

/// A problem as a diagnostic at its place, and with the place of the first one for a repeat.
fn locate_problem(
    file: &str,
    text: &str,
    document: Option<&Document>,
    problem: &Problem,
) -> Diagnostic {
    let place = |path: &[PathSegment]| document.and_then(|d| locate(d, path));
    let mut message = problem.message.clone();
    if let Some(first) = &problem.first {
        match place(first) {
            Some(at) => message.push_str(&format!(" (first at {at})")),
            None => message.push_str(&format!(" (first at {})", render_path(first))),
        }
    }
    let diagnostic = match place(&problem.path) {
        Some(at) => {
            let column = problem
                .character
                .and_then(|c| column_of(text, at, c))
                .unwrap_or(at.column);
            Diagnostic::at(file, at.line, column, message)
        }
        None => Diagnostic::file_error(file, format!("{}: {message}", render_path(&problem.path))),
    };
    if problem.warning {
        diagnostic.warning()
    } else {
        diagnostic
    }
}

/// The column of `c` on the line of `at`, at or after it, when the file holds it as written
/// (not as an escape).
fn column_of(text: &str, at: Position, c: char) -> Option<usize> {
    let line = text.lines().nth(at.line.checked_sub(1)?)?;
    line.chars()
        .enumerate()
        .skip(at.column.saturating_sub(1))
        .find(|&(_, found)| found == c)
        .map(|(i, _)| i + 1)
}

/// File-wide problems first, then by line and column; the same problem found twice (through
/// an alias) is kept once.
fn sort_diagnostics(diagnostics: &mut Vec<Diagnostic>) {
    diagnostics.sort_by_key(|d| (d.line, d.column, d.severity == Severity::Warning));
    diagnostics.dedup();
}

/// Resolve references and check every semantic rule of format 1.
///
/// Returns the framework when there is no error, and every problem found (errors and warnings).
pub fn build(raw: RawFramework) -> (Option<Framework>, Vec<Problem>) {
    let (
        Problems {
            errors: mut problems,
            warnings,
        },
        listed_levels,
    ) = check(&raw);
    let has_error = !problems.is_empty();
    problems.extend(warnings);
    if has_error {
        return (None, problems);
    }
    (Some(convert(raw, listed_levels)), problems)
}

/// Every problem [`build`] finds (errors first, then warnings), without building the model:
/// for a caller that only needs to know whether the file is valid.
pub fn problems(raw: &RawFramework) -> Vec<Problem> {
    let (
        Problems {
            errors: mut problems,
            warnings,
        },
        _,
    ) = check(raw);
    problems.extend(warnings);
    problems
}

/// Every semantic rule of format 1, on the file as written: one function per section, in the
/// order the file reads, each given what the sections before it declared. Also returns the
/// levels each competency lists, for [`convert`].
fn check(raw: &RawFramework) -> (Problems, ListedLevels) {
    let mut problems = Problems::default();
    check_identity(raw, &mut problems);
    let scale_values = check_framework_scale(raw, &mut problems);
    let levels = check_levels(raw, &mut problems);
    if let Some(evidence) = &raw.evidence {
        check_evidence(&mut problems, vec![PathSegment::Key("evidence")], evidence);
    }
    let groups = check_groups(raw, &scale_values, &mut problems);
    let tracks = check_tracks(raw, &levels, &mut problems);
    let (competency_ids, listed_levels) =
        check_competencies(raw, &scale_values, &levels, &groups, &tracks, &mut problems);
    check_ladders(raw, &listed_levels, &tracks.levels, &mut problems);
    check_targets(raw, &levels, &tracks, &competency_ids, &mut problems);
    check_guidance(&mut problems, &[], &raw.guidance);
    check_texts(raw, &mut problems);
    check_labels(raw, &mut problems);
    (problems, listed_levels)
}

#[cfg(test)]
mod tests {
    use super::competencies::normalise_space;
    use super::*;
    use std::borrow::Cow;

    const RICH: &str = r#"
id: team-work
name: Team work
version: 1.10
description: |
  How a team works together.
source: "Written for the tests"
scale:
  - { value: 1, label: Rarely, description: Hardly ever }
  - { value: 2, label: Sometimes }
  - { value: 3, label: Often }
  - { value: 5, label: Always }
demonstrated_at: 3
threshold: 0.75
levels:
  - { id: starting, name: Starting, description: New to it }
  - { id: growing, name: Growing }
  - { id: leading, name: Leading }
competencies:
  - id: listening
    name: Listening
    description: Hearing what is meant.
    levels:
      - level: starting
        title: Lets people speak
        indicators:
          - Lets others finish before speaking.
          - id: listen-summary
            text: Summarises what was said.
            examples: [In meetings, "In one-to-ones"]
      - level: growing
        indicators: []
    guidance:
      - title: Reflection questions
        items: ["Who spoke least today?"]
      - title: Empty list
        note: Kept empty on purpose.
  - id: speaking
    name: Speaking
    levels:
      - level: growing
        indicators:
          - Speaks to the point.
targets:
  - id: team-lead
    name: Team lead
    levels: { listening: growing, speaking: growing }
  - id: newcomer
    name: Newcomer
"#;

    fn slow_build(text: &str) -> (Option<Framework>, Vec<Problem>) {
        let document = tree::parse(text).expect("parses");
        let shape = reading::read(&document);
        assert_eq!(shape.findings, vec![]);
        build(shape.framework.expect("a framework"))
    }

    fn messages(text: &str) -> Vec<String> {
        match load("f.yaml", text.as_bytes()) {
            Ok(loaded) => loaded.warnings.iter().map(ToString::to_string).collect(),
            Err(e) => e.diagnostics.iter().map(ToString::to_string).collect(),
        }
    }

    #[test]
    fn a_rich_file_loads_as_written() {
        let (built, problems) = slow_build(RICH);
        assert_eq!(problems, vec![]);
        let framework = built.expect("valid");
        assert_eq!(framework.version, "1.10");
        assert_eq!(
            framework.competencies[0].levels[0].indicators[0].id,
            "listening.starting.1"
        );
        assert_eq!(
            framework.competencies[0].levels[0].indicators[1].examples,
            ["In meetings", "In one-to-ones"]
        );
        assert_eq!(framework.scale[3].value, 5);
        assert_eq!(framework.targets[0].levels, vec![(0, 1), (1, 1)]);
    }

    const OWN_SCALES: &str = r#"
id: own
name: Own scales
version: "1"
demonstrated_at: 4
groups:
  - id: know
    name: Knowledge
    scale: [{ value: 1, label: Cannot explain }, { value: 2, label: Can explain }]
    demonstrated_at: 2
levels: [{ id: one, name: One }]
competencies:
  - id: plain
    name: Plain
    levels: [{ level: one, indicators: [Does it.] }]
  - id: grouped
    name: Grouped
    group: know
    levels: [{ level: one, indicators: [Knows it.] }]
  - id: own
    name: Own
    scale: [{ value: 0, label: No }, { value: 1, label: Partly }, { value: 2, label: Yes }]
    levels: [{ level: one, indicators: [{ id: o, text: Says it., origin: "Someone, 2020 (quoted)" }] }]
  - id: lower
    name: Lower bar
    demonstrated_at: 2
    levels: [{ level: one, indicators: [Tries it.] }]
guidance:
  - title: References
    items: ["Someone (2020). A book."]
"#;

    #[test]
    fn a_competency_or_its_group_may_have_its_own_scale() {
        let loaded = load("f.yaml", OWN_SCALES.as_bytes()).expect("valid");
        assert_eq!(loaded.warnings, vec![]);
        let f = loaded.framework;
        let labels =
            |c: usize| -> Vec<&str> { f.scale_of(c).iter().map(|p| p.label.as_str()).collect() };
        // The framework's default scale, with its own demonstrated_at.
        assert_eq!(labels(0), ["Rarely", "Sometimes", "Often", "Consistently"]);
        assert_eq!(f.demonstrated_at_of(0), 4);
        // The group's scale and demonstrated_at.
        assert_eq!(labels(1), ["Cannot explain", "Can explain"]);
        assert_eq!(f.demonstrated_at_of(1), 2);
        // Its own scale, demonstrated from the value above its middle.
        assert_eq!(labels(2), ["No", "Partly", "Yes"]);
        assert_eq!(f.demonstrated_at_of(2), 1);
        // Only its own demonstrated_at, on the framework's scale.
        assert_eq!(labels(3), labels(0));
        assert_eq!(f.demonstrated_at_of(3), 2);
        assert_eq!(f.rating_values(), [0, 1, 2, 3, 4]);
        assert_eq!(
            f.competencies[2].levels[0].indicators[0].origin.as_deref(),
            Some("Someone, 2020 (quoted)")
        );
        assert_eq!(f.guidance[0].items, ["Someone (2020). A book."]);
    }

    #[test]
    fn an_own_scale_is_checked_where_it_is_written() {
        let text = OWN_SCALES
            .replace(
                "  - id: lower\n    name: Lower bar\n    demonstrated_at: 2",
                "  - id: lower\n    name: Lower bar\n    demonstrated_at: 7",
            )
            .replace("{ value: 2, label: Yes }", "{ value: 1, label: Yes }")
            .replace("origin: \"Someone, 2020 (quoted)\"", "origin: \" \"");
        assert_eq!(
            messages(&text),
            [
                "f.yaml:22:76: duplicate scale value 1 (first at 22:47)",
                "f.yaml:23:74: indicator \"o\" has an empty origin; say where its text comes from, or leave origin out",
                "f.yaml:26:22: demonstrated_at 7 is not a scale value; use one of 1, 2, 3, 4",
            ]
        );
        // A group's demonstrated_at is checked against the group's scale.
        let text = OWN_SCALES.replace(
            "    demonstrated_at: 2\nlevels",
            "    demonstrated_at: 3\nlevels",
        );
        assert_eq!(
            messages(&text),
            ["f.yaml:10:22: demonstrated_at 3 is not a scale value; use one of 1, 2"]
        );
    }

    #[test]
    fn an_empty_guidance_list_is_a_warning_unless_its_note_says_why() {
        let text = OWN_SCALES.replace("    items: [\"Someone (2020). A book.\"]", "    items: []");
        assert_eq!(
            messages(&text),
            ["f.yaml:29:12: warning: guidance \"References\" has no items; add them, or say why it is empty with `note` (e.g. \"The source text gives this heading with no content.\")"]
        );
        let text = text.replace(
            "    items: []",
            "    items: []\n    note: The source gives none.",
        );
        assert_eq!(messages(&text), Vec::<String>::new());
    }

    #[test]
    fn x_keys_are_allowed_and_change_nothing() {
        let with_x = RICH
            .replace(
                "name: Team work\n",
                "name: Team work\nx-owner: People team\n",
            )
            .replace(
                "  - id: listening\n",
                "  - id: listening\n    x-notes: { a: [1, 2] }\n",
            )
            .replace(
                "            text: Summarises",
                "            x-weight: 2\n            text: Summarises",
            );
        assert_ne!(with_x, RICH);
        let plain = load("f.yaml", RICH.as_bytes()).expect("valid");
        let extended = load("f.yaml", with_x.as_bytes()).expect("valid with x- keys");
        assert_eq!(extended.framework, plain.framework);
        assert!(extended.warnings.is_empty());
    }

    #[test]
    fn anchors_and_aliases_load() {
        let text = RICH
            .replace(
                "items: [\"Who spoke least today?\"]",
                "items: &q [\"Who spoke least today?\"]",
            )
            .replace(
                "      - title: Empty list",
                "      - title: Again\n        items: *q",
            );
        let loaded = load("f.yaml", text.as_bytes()).expect("valid");
        assert_eq!(
            loaded.framework.competencies[0].guidance[1].items,
            ["Who spoke least today?"]
        );
    }

    #[test]
    fn every_problem_is_reported_in_file_order() {
        let text = "\
id: demo
name: Demo
version: '1'
threshold: 1.5
levels:
  - { id: a, name: A }
  - { id: a, name: Again }
competencies:
  - id: c
    name: C
    levels:
      - level: b
        indicatrs: []
";
        assert_eq!(
            messages(text),
            vec![
                "f.yaml:4:12: threshold 1.5 is outside (0, 1]: it is the share of a level's indicators not answered na that must be demonstrated, e.g. 0.8",
                "f.yaml:7:11: duplicate level id \"a\" (first at 6:11)",
                "f.yaml:12:16: unknown level \"b\"; the framework's levels are: a",
                "f.yaml:13:9: unknown key `indicatrs` in a competency's level; did you mean `indicators`?",
            ]
        );
    }

    #[test]
    fn role_fit_gating_and_thresholds_are_checked() {
        let text = "\
id: demo
name: Demo
version: '1'
role_fit: 1.5
gating: yes
levels: [{ id: a, name: A }]
groups: [{ id: g, name: G, threshold: 0 }]
competencies:
  - { id: c, name: C, threshold: 2, gating: 'false', levels: [{ level: a, indicators: [x] }] }
";
        assert_eq!(
            messages(text),
            vec![
                "f.yaml:4:11: role_fit 1.5 is outside (0, 1]: it is the share of the competencies a role names that must be met for the role to fit, e.g. 0.8",
                "f.yaml:5:9: `gating` must be true or false, but is the text \"yes\"",
                "f.yaml:7:39: threshold 0 is outside (0, 1]: it is the share of a level's indicators not answered na that must be demonstrated, e.g. 0.8",
                "f.yaml:9:34: threshold 2 is outside (0, 1]: it is the share of a level's indicators not answered na that must be demonstrated, e.g. 0.8",
                "f.yaml:9:45: `gating` must be true or false, but is the text \"false\"",
            ]
        );
        let fine = text
            .replace("role_fit: 1.5", "role_fit: 0.8")
            .replace("gating: yes", "gating: false")
            .replace("threshold: 0 ", "threshold: 1 ")
            .replace("threshold: 2", "threshold: 0.5")
            .replace("gating: 'false'", "gating: true");
        let loaded = load("f.yaml", fine.as_bytes()).expect("valid");
        let f = loaded.framework;
        assert_eq!((f.role_fit, f.gating), (0.8, false));
        assert_eq!(f.threshold_of(0), 0.5);
        assert!(f.gating_of(0), "the competency's own gating wins");
        assert_eq!(f.groups[0].threshold, Some(1.0));
    }

    #[test]
    fn a_competency_off_a_track_is_a_warning() {
        let text = "\
id: demo
name: Demo
version: '1'
levels:
  - { id: a, name: A }
  - { id: b, name: B }
tracks:
  - { id: one, name: One, levels: [a] }
  - { id: two, name: Two, levels: [b] }
competencies:
  - id: c
    name: C
    levels:
      - level: a
        indicators: [First]
";
        assert_eq!(
            messages(text),
            vec!["f.yaml:14:7: warning: competency \"c\" lists no level of track \"two\": on that track it has nothing to rate and no level to hold"]
        );
    }

    #[test]
    fn a_broken_part_is_reported_once() {
        // The level without an id must not also be "not a slug" or a duplicate of another.
        let text = "\
id: demo
name: Demo
version: '1'
levels:
  - { name: A }
  - { name: B }
competencies:
  - { id: c, name: C, levels: [] }
";
        assert_eq!(
            messages(text),
            vec![
                "f.yaml:5:5: missing required key `id` in a level",
                "f.yaml:6:5: missing required key `id` in a level",
            ]
        );
    }

    #[test]
    fn warnings_say_where_the_first_one_is() {
        let text = RICH.replace(
            "Speaks to the point.",
            "Lets others finish   before speaking.",
        );
        assert_eq!(
            messages(&text),
            vec!["f.yaml:43:13: warning: indicator \"speaking.growing.1\" has the same text as an earlier indicator (first at 27:13)"]
        );
    }

    #[test]
    fn files_that_are_not_text_are_refused_with_a_place() {
        assert_eq!(
            messages("id: x\nname: caf\u{e9}\n").len(),
            messages("id: x\nname: cafe\n").len(),
            "UTF-8 text is fine"
        );
        let latin1 = b"id: x\nname: caf\xe9\n";
        let e = load("f.yaml", latin1).expect_err("not UTF-8");
        assert_eq!(
            e.to_string(),
            "f.yaml:2:10: file is not UTF-8 text (byte 0xE9 here); save it as UTF-8"
        );
        let e = load("f.yaml", b"\xff\xfei\x00d\x00").expect_err("UTF-16");
        assert_eq!(
            e.to_string(),
            "f.yaml: file is UTF-16 text; save it as UTF-8"
        );
    }

    #[test]
    fn an_oversized_file_is_refused_before_parsing() {
        let big = vec![b'#'; MAX_FILE_SIZE + 1];
        let e = load("f.yaml", &big).expect_err("too big");
        assert!(e.to_string().contains("limited to 8388608 bytes"), "{e}");
    }

    #[test]
    fn empty_files_are_refused() {
        for text in ["", "  \n", "# nothing yet\n", "---\n...\n", "~\n"] {
            let e = load("f.yaml", text.as_bytes()).expect_err("empty");
            assert_eq!(
                e.to_string(),
                format!("f.yaml: {}", reading::EMPTY_FILE),
                "{text:?}"
            );
        }
    }

    #[test]
    fn the_indicator_cap_is_enforced() {
        let document = tree::parse(RICH).expect("parses");
        let mut raw = reading::read(&document).framework.expect("framework");
        raw.competencies[1].levels[0].indicators = (0..=MAX_INDICATORS)
            .map(|i| RawIndicator::Short(format!("Indicator {i}")))
            .collect();
        let (framework, problems) = build(raw);
        assert!(framework.is_none());
        let capped: Vec<_> = problems
            .iter()
            .filter(|p| p.message.contains("more than 100000 indicators"))
            .collect();
        assert_eq!(capped.len(), 1);
        assert_eq!(
            render_path(&capped[0].path),
            format!(
                "competencies[1].levels[0].indicators[{}]",
                MAX_INDICATORS - 2
            )
        );
    }

    #[test]
    fn a_hole_in_a_ladder_and_a_role_naming_an_unlisted_level_are_warnings() {
        // Listening lists starting and growing; speaking only growing (a late start, no hole).
        let text = RICH
            .replace(
                "      - level: growing\n        indicators: []\n",
                "      - level: leading\n        indicators: []\n",
            )
            .replace(
                "levels: { listening: growing, speaking: growing }",
                "levels: { listening: leading, speaking: leading }",
            );
        assert_eq!(
            messages(&text),
            vec![
                "f.yaml:24:7: warning: competency \"listening\" skips level growing between its first and last level: that level is neither required nor attainable, and its gaps are counted on the levels it lists",
                "f.yaml:47:45: warning: target \"team-lead\" names level \"leading\" for competency \"speaking\", which does not list that level (it lists: growing); its gap is counted on the levels it lists",
            ]
        );
    }

    #[test]
    fn on_a_track_a_hole_is_a_level_of_the_track_skipped() {
        // Two tracks fork after starting; a competency listing starting and lead (on the
        // manager track) skips no level of that track, but one listing starting and expert
        // skips senior on the ic track.
        let text = r#"
id: forks
name: Forks
version: "1"
levels:
  - { id: starting, name: Starting }
  - { id: senior, name: Senior }
  - { id: lead, name: Lead }
  - { id: expert, name: Expert }
tracks:
  - { id: ic, name: IC, levels: [starting, senior, expert] }
  - { id: m, name: Manager, levels: [starting, lead] }
competencies:
  - id: people
    name: People
    levels:
      - { level: starting, indicators: [a] }
      - { level: lead, indicators: [b] }
  - id: craft
    name: Craft
    levels:
      - { level: starting, indicators: [c] }
      - { level: expert, indicators: [d] }
"#;
        assert_eq!(
            messages(text),
            vec![
                "f.yaml:22:7: warning: competency \"craft\" skips level senior of track \"ic\" between its first and last level: that level is neither required nor attainable, and its gaps are counted on the levels it lists",
            ]
        );
    }

    #[test]
    fn target_entries_are_located_by_position() {
        let text = RICH.replace(
            "levels: { listening: growing, speaking: growing }",
            "levels: { listening: growing, listening: top }",
        );
        assert_eq!(
            messages(&text),
            vec![
                "f.yaml:47:35: target \"team-lead\" lists competency \"listening\" twice (first at 47:15)",
                "f.yaml:47:46: target \"team-lead\" names unknown level \"top\" for competency \"listening\"; the framework's levels are: starting, growing, leading",
            ]
        );
    }

    #[test]
    fn space_is_normalised_without_copying_normal_text() {
        assert!(matches!(
            normalise_space("Lets others speak."),
            Cow::Borrowed(_)
        ));
        assert_eq!(
            normalise_space("  Lets  others\n speak. "),
            "Lets others speak."
        );
        assert_eq!(normalise_space("tab\there"), "tab here");
        assert_eq!(normalise_space(""), "");
    }

    proptest::proptest! {
        /// Whatever the bytes, loading returns a framework or problems: it never panics, and
        /// every problem names the file.
        #[test]
        fn loading_never_panics(text in "[-:{}\\[\\],&*!|>'\"#%@ \n\ta-z0-9x]{0,80}") {
            let prefixed = format!("id: a\nname: A\nversion: '1'\n{text}");
            for candidate in [text.as_str(), prefixed.as_str()] {
                if let Err(e) = load("f.yaml", candidate.as_bytes()) {
                    proptest::prop_assert!(!e.diagnostics.is_empty());
                    for d in &e.diagnostics {
                        proptest::prop_assert_eq!(d.file.as_str(), "f.yaml");
                    }
                }
            }
        }
    }
}

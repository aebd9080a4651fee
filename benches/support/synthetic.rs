//! A synthetic framework of realistic shape at any scale, and assessments of it.
//!
//! The shape follows the shipped frameworks: every competency has a description, titled levels,
//! indicators of 80-200 characters (most with explicit ids, some as plain strings, some with
//! examples) and guidance lists; the framework has targets. Output is deterministic: the same
//! shape always gives the same bytes.

#![allow(dead_code)] // shared by the benchmark and the example; each uses a part

use std::fmt::Write as _;

/// How big a synthetic framework is.
#[derive(Debug, Clone, Copy)]
pub struct Shape {
    /// Number of competencies.
    pub competencies: usize,
    /// Framework levels; every competency lists all of them.
    pub levels: usize,
    /// Indicators at each level of each competency.
    pub indicators_per_level: usize,
}

impl Shape {
    /// The reference size: 200 competencies x 7 levels x 10 indicators = 14,000 indicators.
    pub const BASE: Shape = Shape {
        competencies: 200,
        levels: 7,
        indicators_per_level: 10,
    };

    /// The reference size with `factor` times as many competencies (and so indicators).
    pub fn times(factor: usize) -> Shape {
        Shape {
            competencies: Shape::BASE.competencies * factor,
            ..Shape::BASE
        }
    }

    /// Number of indicators.
    pub fn indicators(&self) -> usize {
        self.competencies * self.levels * self.indicators_per_level
    }
}

/// A small deterministic pseudo-random sequence (xorshift), so no dependency is needed.
pub struct Sequence(u64);

impl Sequence {
    /// A sequence started from a seed.
    pub fn new(seed: u64) -> Sequence {
        Sequence(seed.max(1))
    }

    /// The next number.
    pub fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }

    /// A number below `n`.
    pub fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

const WORDS: &[&str] = &[
    "actively",
    "seeks",
    "feedback",
    "from",
    "colleagues",
    "and",
    "people",
    "supported",
    "shares",
    "information",
    "in",
    "a",
    "timely",
    "manner",
    "with",
    "the",
    "team",
    "builds",
    "trust",
    "through",
    "consistent",
    "follow-through",
    "on",
    "commitments",
    "anticipates",
    "needs",
    "of",
    "partners",
    "community",
    "organisation",
    "adapts",
    "communication",
    "to",
    "audience",
    "explains",
    "decisions",
    "clearly",
    "listens",
    "openly",
    "different",
    "points",
    "view",
    "resolves",
    "conflict",
    "constructively",
    "mentors",
    "others",
    "develops",
    "networks",
    "across",
    "sector",
    "identifies",
    "opportunities",
    "collaboration",
    "reflects",
    "own",
    "practice",
    "learning",
    "applies",
    "ethical",
    "judgement",
    "when",
    "sharing",
    "sensitive",
    "data",
    "coordinates",
    "work",
    "between",
    "groups",
    "sets",
    "priorities",
    "that",
    "balance",
    "short",
    "long",
    "term",
    "goals",
    "evaluates",
    "results",
    "improves",
    "processes",
    "for",
    "everyone",
    "involved",
];

fn sentence(seq: &mut Sequence, min_words: u64, extra_words: u64) -> String {
    let count = min_words + seq.below(extra_words + 1);
    let mut text = String::new();
    for i in 0..count {
        if i > 0 {
            text.push(' ');
        }
        let word = WORDS[seq.below(WORDS.len() as u64) as usize];
        if i == 0 {
            let mut chars = word.chars();
            if let Some(first) = chars.next() {
                text.extend(first.to_uppercase());
                text.push_str(chars.as_str());
            }
        } else {
            text.push_str(word);
        }
    }
    text.push('.');
    text
}

/// The id rungs gives an indicator of this competency, level and position.
pub fn indicator_id(competency: usize, level: usize, index: usize) -> String {
    if index % 10 < 7 {
        format!("c{competency:04}-l{level}-{index:02}")
    } else {
        // Plain-string indicators get the derived id <competency>.<level>.<n>.
        format!("comp-{competency:04}.level-{level}.{}", index + 1)
    }
}

/// Every indicator id of the framework, in walk order.
pub fn indicator_ids(shape: Shape) -> Vec<String> {
    let mut ids = Vec::with_capacity(shape.indicators());
    for c in 0..shape.competencies {
        for l in 0..shape.levels {
            for i in 0..shape.indicators_per_level {
                ids.push(indicator_id(c, l, i));
            }
        }
    }
    ids
}

/// The framework file (YAML, format 1).
pub fn framework_yaml(shape: Shape) -> String {
    let mut seq = Sequence::new(0x5eed);
    let mut out = String::with_capacity(shape.indicators() * 190);
    let _ = writeln!(
        out,
        "# yaml-language-server: $schema=../schema/framework.schema.json\n\
         id: synthetic\nname: Synthetic framework\nversion: \"1.0\"\n\
         description: |\n  A generated framework of realistic shape for benchmarks.\n  {}\n\
         source: \"Generated by the rungs benchmark; no rights reserved\"\n\
         scale:\n  - {{ value: 1, label: Rarely }}\n  - {{ value: 2, label: Sometimes }}\n  \
         - {{ value: 3, label: Often }}\n  - {{ value: 4, label: Consistently }}\n\
         demonstrated_at: 3\nthreshold: 0.8\nlevels:",
        sentence(&mut seq, 20, 10)
    );
    for l in 0..shape.levels {
        let _ = writeln!(
            out,
            "  - id: level-{l}\n    name: Level {}\n    description: {}",
            l + 1,
            sentence(&mut seq, 8, 8)
        );
    }
    out.push_str("competencies:\n");
    for c in 0..shape.competencies {
        let _ = writeln!(
            out,
            "  - id: comp-{c:04}\n    name: Competency {c}\n    description: >-\n      {}\n    levels:",
            sentence(&mut seq, 25, 15)
        );
        for l in 0..shape.levels {
            let _ = writeln!(
                out,
                "      - level: level-{l}\n        title: {}\n        indicators:",
                sentence(&mut seq, 3, 3).trim_end_matches('.')
            );
            for i in 0..shape.indicators_per_level {
                let text = sentence(&mut seq, 12, 14);
                if i % 10 < 7 {
                    let _ = writeln!(
                        out,
                        "          - id: {}\n            text: {text}",
                        indicator_id(c, l, i)
                    );
                    if i % 5 == 0 {
                        let _ = writeln!(
                            out,
                            "            examples:\n              - {}\n              - {}",
                            sentence(&mut seq, 6, 6),
                            sentence(&mut seq, 6, 6)
                        );
                    }
                } else {
                    let _ = writeln!(out, "          - {text}");
                }
            }
        }
        out.push_str("    guidance:\n");
        for title in ["Reflection questions", "Activities"] {
            let _ = writeln!(out, "      - title: {title}\n        items:");
            for _ in 0..3 {
                let _ = writeln!(out, "          - {}", sentence(&mut seq, 8, 8));
            }
        }
    }
    out.push_str("targets:\n");
    for t in 0..5usize {
        let _ = writeln!(out, "  - id: role-{t}\n    name: Role {t}\n    levels:");
        for c in 0..shape.competencies {
            let level = (t + c) % shape.levels;
            let _ = writeln!(out, "      comp-{c:04}: level-{level}");
        }
    }
    out
}

/// A full assessment of the framework: every indicator rated, about 5% not applicable.
///
/// `changed_percent` of the ratings differ from those of the seed-0 assessment, so two
/// assessments made with different `changed_percent` are a realistic pair to diff.
pub fn assessment_json(shape: Shape, digest: &str, changed_percent: u64) -> String {
    let mut values = Sequence::new(0xa55e55);
    let mut changes = Sequence::new(0xc4a96e);
    let mut out = String::with_capacity(shape.indicators() * 40);
    let _ = write!(
        out,
        "{{\n  \"format\": \"rungs-assessment/1\",\n  \"framework\": {{\n    \"id\": \"synthetic\",\n    \
         \"version\": \"1.0\",\n    \"digest\": \"{digest}\"\n  }},\n  \"subject\": \"Synthetic person\",\n  \
         \"started_at\": \"2026-01-05T09:00:00Z\",\n  \"completed_at\": \"2026-01-05T11:30:00Z\",\n  \"ratings\": {{"
    );
    let mut ids = indicator_ids(shape);
    ids.sort();
    for (n, id) in ids.iter().enumerate() {
        let mut value = values.below(100);
        if changes.below(100) < changed_percent {
            value = (value + 37) % 100;
        }
        let rating = match value {
            0..=4 => "\"na\"".to_string(),
            5..=19 => "1".into(),
            20..=39 => "2".into(),
            40..=74 => "3".into(),
            _ => "4".into(),
        };
        let separator = if n == 0 { "" } else { "," };
        if value.is_multiple_of(17) {
            let _ = write!(
                out,
                "{separator}\n    \"{id}\": {{\n      \"value\": {rating},\n      \"note\": \"Shown in the March project review\"\n    }}"
            );
        } else {
            let _ = write!(
                out,
                "{separator}\n    \"{id}\": {{\n      \"value\": {rating}\n    }}"
            );
        }
    }
    out.push_str("\n  }\n}\n");
    out
}

//! JSON Schemas of the framework file and the assessment file, for editors and other tools.
//!
//! The schemas describe the shape only (keys, types, slugs); references between ids and the
//! uniqueness of ids are checked by `rungs validate`. The committed copies in `schema/` are the
//! output of `rungs schema framework|assessment`, and a test keeps them equal.

use serde_json::{json, Value};

use crate::assessment::FORMAT;

/// Which file format a schema describes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SchemaKind {
    /// A framework YAML file (format 1).
    Framework,
    /// An assessment JSON file (`rungs-assessment/1`).
    Assessment,
    /// A translation file (`F.LANG.yaml`, contract section 13).
    Translation,
}

impl SchemaKind {
    /// The schema as a JSON value.
    pub fn schema(self) -> Value {
        match self {
            SchemaKind::Framework => framework(),
            SchemaKind::Assessment => assessment(),
            SchemaKind::Translation => translation(),
        }
    }

    /// The schema as pretty JSON with a trailing newline, as committed in `schema/`.
    pub fn to_pretty_json(self) -> String {
        let mut text = serde_json::to_string_pretty(&self.schema()).unwrap_or_default();
        text.push('\n');
        text
    }

    /// The file name of the committed copy, e.g. `framework.schema.json`.
    pub fn file_name(self) -> &'static str {
        match self {
            SchemaKind::Framework => "framework.schema.json",
            SchemaKind::Assessment => "assessment.schema.json",
            SchemaKind::Translation => "translation.schema.json",
        }
    }
}

const DRAFT: &str = "http://json-schema.org/draft-07/schema#";

/// The JSON Schema of a framework file (format 1), from the format's one description.
pub fn framework() -> Value {
    crate::framework::format::framework_schema()
}

/// The JSON Schema of a translation file (`F.LANG.yaml`).
pub fn translation() -> Value {
    json!({
        "$schema": DRAFT,
        "title": "rungs translation",
        "description": "A framework's texts in another language, kept beside the framework file as F.LANG.yaml.",
        "type": "object",
        "required": ["translation"],
        "additionalProperties": false,
        "patternProperties": { "^x-": {} },
        "properties": {
            "translation": {
                "type": "object",
                "description": "Which framework, and into which language.",
                "required": ["framework", "lang"],
                "additionalProperties": false,
                "properties": {
                    "framework": { "type": "string", "description": "The id of the framework translated." },
                    "version": { "type": ["string", "number"], "description": "The framework version it was made for." },
                    "lang": { "type": "string", "pattern": "^[a-z]{2,3}(-[A-Za-z0-9]{1,8})*$", "description": "The language, e.g. nl, de, pt-BR." }
                }
            },
            "texts": {
                "type": ["object", "null"],
                "description": "Path of a text (name, competencies.ID.name, indicators.ID.text, scale.VALUE.label, guidance.N.items.M, ...) -> its translation.",
                "additionalProperties": {
                    "type": "object",
                    "required": ["source", "text"],
                    "additionalProperties": false,
                    "properties": {
                        "source": { "type": "string", "description": "The framework's text translated; when it changes, the translation is stale." },
                        "text": { "type": "string", "description": "The translation." }
                    }
                }
            }
        }
    })
}

/// The JSON Schema of an assessment file (`rungs-assessment/1`).
pub fn assessment() -> Value {
    json!({
        "$schema": DRAFT,
        "title": "rungs assessment",
        "description": "Ratings of one framework's indicators, as saved by `rungs assess`.",
        "type": "object",
        "required": ["format", "framework", "started_at"],
        "additionalProperties": false,
        "properties": {
            "format": { "const": FORMAT, "description": "The file format and its version." },
            "framework": {
                "type": "object",
                "description": "Which framework, and which exact bytes of it, was rated.",
                "required": ["id", "version", "digest"],
                "additionalProperties": false,
                "properties": {
                    "id": { "type": "string", "description": "Framework id." },
                    "version": { "type": "string", "description": "Framework version." },
                    "digest": { "type": "string", "description": "sha256:<hex> of the framework file bytes." },
                    "path": { "type": ["string", "null"], "description": "Absolute path of the framework file, when it was not a built-in one." },
                    "indicators": {
                        "type": "object",
                        "description": "Indicator id -> where the indicator stood and a print of its text when the assessment was taken; tells which indicators were added, removed, moved or reworded since.",
                        "additionalProperties": {
                            "type": "object",
                            "required": ["competency", "level", "text"],
                            "additionalProperties": false,
                            "properties": {
                                "competency": { "type": "string", "description": "Id of its competency." },
                                "level": { "type": "string", "description": "Id of its level." },
                                "text": { "type": "string", "description": "First 12 hex digits of the SHA-256 of its text, white space runs made one space." },
                            },
                        },
                    },
                },
            },
            "subject": { "type": ["string", "null"], "description": "Name of the person assessed; when absent, the file's stem (alex.json -> alex)." },
            "lang": { "type": "string", "description": "The language the framework's texts were shown in (`--lang`), when not its own; ratings and prints are those of the framework as written." },
            "form_token": { "type": "string", "description": "The token of the `rungs form` page the file was saved from; the form's ledger (issued.json) lists what the page was issued for, and `--issued LEDGER` checks the file against it." },
            "rater": {
                "type": ["object", "null"],
                "description": "Who gave the ratings; absent in a self-assessment.",
                "required": ["name", "relation"],
                "additionalProperties": false,
                "properties": {
                    "name": { "type": "string", "description": "The rater's name." },
                    "relation": { "enum": ["self", "manager", "peer", "report", "other"], "description": "How the rater relates to the subject." },
                },
            },
            "track": { "type": ["string", "null"], "description": "The framework track rated, when the framework has tracks." },
            "started_at": { "type": "string", "description": "RFC 3339 time the assessment began." },
            "completed_at": { "type": ["string", "null"], "description": "RFC 3339 time the last indicator was answered; null while in progress." },
            "ratings": {
                "type": "object",
                "description": "Indicator id -> rating; unrated indicators are absent.",
                "additionalProperties": {
                    "type": "object",
                    "required": ["value"],
                    "additionalProperties": false,
                    "properties": {
                        "value": {
                            "description": "A scale value, or \"na\" for not applicable.",
                            "oneOf": [
                                { "type": "integer", "minimum": 0, "maximum": u32::MAX },
                                { "const": "na" },
                            ],
                        },
                        "note": { "type": ["string", "null"], "description": "Evidence for the rating." },
                    },
                },
            },
            "target": {
                "type": "object",
                "description": "The target given to `rungs assess`; reports, diffs and histories measure gaps against it unless given another.",
                "additionalProperties": false,
                "properties": {
                    "role": { "type": "string", "description": "A role id from the framework's targets." },
                    "level": { "type": "string", "description": "One level id for every competency." },
                    "competencies": {
                        "type": "array",
                        "description": "COMPETENCY=LEVEL overrides, in the order given; later ones win.",
                        "items": {
                            "type": "object",
                            "required": ["competency", "level"],
                            "additionalProperties": false,
                            "properties": {
                                "competency": { "type": "string" },
                                "level": { "type": "string" },
                            },
                        },
                    },
                },
            },
            "from": {
                "type": "object",
                "description": "The earlier assessment this one started from (`rungs assess --from`).",
                "required": ["path", "started_at"],
                "additionalProperties": false,
                "properties": {
                    "path": { "type": "string", "description": "Its file, as an absolute path." },
                    "started_at": { "type": "string", "description": "When it began (RFC 3339)." },
                    "completed_at": { "type": ["string", "null"], "description": "When it was completed; null while it was in progress." },
                },
            },
            "notes": {
                "type": "object",
                "description": "Indicator id -> evidence note, for indicators not rated yet; rating the indicator moves its note into the rating.",
                "additionalProperties": { "type": "string" },
            },
            "set_aside": {
                "type": "object",
                "description": "Indicator id -> a rating or note kept aside when a resumed walk found it no longer fits the framework; never counted, brought back when it fits again.",
                "additionalProperties": {
                    "type": "object",
                    "required": ["reason"],
                    "additionalProperties": false,
                    "properties": {
                        "value": {
                            "description": "The rating's value (a scale value, or \"na\"); absent for a note given before any rating.",
                            "oneOf": [
                                { "type": "integer", "minimum": 0, "maximum": u32::MAX },
                                { "const": "na" },
                            ],
                        },
                        "note": { "type": "string", "description": "The evidence note." },
                        "reason": {
                            "enum": ["not_in_framework", "text_changed", "off_scale"],
                            "description": "Why it no longer counted: the indicator was removed or renamed, reworded since it was rated, or the value left the scale.",
                        },
                        "text": { "type": "string", "description": "Print of the text it was given to (as framework.indicators records), when known: it comes back only to that text." },
                    },
                },
            },
        },
    })
}

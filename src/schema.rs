//! JSON Schemas of the framework file and the assessment file, for editors and other tools.
//!
//! The schemas describe the shape only (keys, types, slugs); references between ids and the
//! uniqueness of ids are checked by `rungs validate`. The committed copies in `schema/` are the
//! output of `rungs schema framework|assessment`, and a test keeps them equal.

use serde_json::{json, Map, Value};

use crate::assessment::FORMAT;

/// Which file format a schema describes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SchemaKind {
    /// A framework YAML file (format 1).
    Framework,
    /// An assessment JSON file (`rungs-assessment/1`).
    Assessment,
}

impl SchemaKind {
    /// The schema as a JSON value.
    pub fn schema(self) -> Value {
        match self {
            SchemaKind::Framework => framework(),
            SchemaKind::Assessment => assessment(),
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
        }
    }
}

const DRAFT: &str = "http://json-schema.org/draft-07/schema#";
const SLUG: &str = "^[a-z0-9][a-z0-9._-]*$";
/// Text that is not only whitespace.
const SOME_TEXT: &str = "\\S";

/// An object that forbids unknown keys except `x-` extension keys.
fn strict_object(description: &str, required: &[&str], properties: Value) -> Value {
    json!({
        "type": "object",
        "description": description,
        "required": required,
        "properties": properties,
        "patternProperties": { "^x-": { "description": "Your own data; rungs ignores it." } },
        "additionalProperties": false,
    })
}

fn text(description: &str) -> Value {
    json!({ "type": "string", "pattern": SOME_TEXT, "description": description })
}

fn string(description: &str) -> Value {
    json!({ "type": "string", "description": description })
}

fn optional_text(description: &str) -> Value {
    json!({ "type": ["string", "null"], "description": description })
}

fn slug(description: &str) -> Value {
    json!({ "type": "string", "pattern": SLUG, "description": description })
}

fn evidence() -> Value {
    json!({
        "type": ["string", "null"],
        "enum": ["required", "optional", null],
        "description": "`required`: a demonstrated rating here should come with a note as evidence.",
    })
}

fn strings(description: &str) -> Value {
    json!({ "type": "array", "items": { "type": "string" }, "description": description })
}

/// The JSON Schema of a framework file (format 1).
pub fn framework() -> Value {
    let scale_point = strict_object(
        "One point of the rating scale.",
        &["value", "label"],
        json!({
            "value": { "type": "integer", "minimum": 0, "maximum": u32::MAX,
                       "description": "The number typed to give this rating; values increase down the list." },
            "label": string("What the rating means, e.g. Often."),
            "description": optional_text("A longer explanation shown with the scale."),
        }),
    );
    let level = strict_object(
        "A growth level shared by every competency.",
        &["id", "name"],
        json!({
            "id": slug("Referenced by competencies and targets."),
            "name": string("Human name of the level."),
            "description": optional_text("What the level means."),
        }),
    );
    let indicator_object = strict_object(
        "A behavioural indicator with an explicit id.",
        &["id", "text"],
        json!({
            "id": text("Unique across the framework; assessments record ratings by it."),
            "text": text("The behaviour the person rates."),
            "examples": strings("Details shown while rating."),
        }),
    );
    let indicator = json!({
        "description": "A behavioural indicator: a plain string (its id becomes <competency>.<level>.<n>) or an object with id and text.",
        "oneOf": [
            { "type": "string", "pattern": SOME_TEXT },
            { "$ref": "#/definitions/indicatorObject" },
        ],
    });
    let competency_level = strict_object(
        "One rung of a competency's ladder.",
        &["level"],
        json!({
            "level": slug("A framework level id; a competency lists its levels lowest first."),
            "title": optional_text("A title specific to this competency at this level."),
            "evidence": evidence(),
            "indicators": {
                "type": "array",
                "items": { "$ref": "#/definitions/indicator" },
                "description": "May be empty: an empty level imposes no requirement.",
            },
        }),
    );
    let guidance = strict_object(
        "A titled list: key points, reflection questions, activities, courses.",
        &["title"],
        json!({
            "title": string("Title of the list."),
            "items": strings("The items of the list."),
        }),
    );
    let competency = strict_object(
        "A competency: a ladder of some of the framework's levels, each with indicators.",
        &["id", "name", "levels"],
        json!({
            "id": slug("Unique in the framework."),
            "name": string("Human name of the competency."),
            "description": optional_text("What the competency is about."),
            "group": slug("The id of the group (area or theme) the competency belongs to."),
            "levels": {
                "type": "array",
                "items": { "$ref": "#/definitions/competencyLevel" },
                "description": "Any subset of the framework levels, lowest first.",
            },
            "guidance": {
                "type": "array",
                "items": { "$ref": "#/definitions/guidance" },
                "description": "Titled lists shown with the competency.",
            },
        }),
    );
    let target = strict_object(
        "A named target profile (a role or context).",
        &["id", "name"],
        json!({
            "id": slug("Given to --target."),
            "name": string("Human name of the target."),
            "description": optional_text("What the target is for."),
            "track": slug("The id of the track the target is on; its levels must be on that track."),
            "levels": {
                "type": "object",
                "additionalProperties": { "type": "string", "pattern": SLUG },
                "description": "Competency id -> the level id it should reach.",
            },
        }),
    );
    let group = strict_object(
        "An area or theme that gathers competencies.",
        &["id", "name"],
        json!({
            "id": slug("Named by a competency's group."),
            "name": string("Human name of the group, shown as a heading."),
            "description": optional_text("What the group covers."),
        }),
    );
    let track = strict_object(
        "A ladder over some of the framework's levels: tracks share lower levels and fork.",
        &["id", "name", "levels"],
        json!({
            "id": slug("Given to --track."),
            "name": string("Human name of the track."),
            "description": optional_text("What the track is for."),
            "levels": {
                "type": "array",
                "items": { "type": "string", "pattern": SLUG },
                "minItems": 1,
                "uniqueItems": true,
                "description": "Framework level ids, in framework order; on the track a level's rank is its position here.",
            },
        }),
    );
    let mut root = strict_object(
        "A rungs competency framework (format 1). Check references and ids with `rungs validate`.",
        &["id", "name", "version", "levels", "competencies"],
        json!({
            "id": slug("Identifies the framework among those loaded."),
            "name": string("Human name of the framework."),
            "version": {
                "type": ["string", "number"],
                "description": "The author's version, e.g. \"1.0\".",
            },
            "description": optional_text("What the framework is for."),
            "source": optional_text("Citation, URL or licence note for the framework text."),
            "scale": {
                "type": ["array", "null"],
                "items": { "$ref": "#/definitions/scalePoint" },
                "minItems": 1,
                "description": "The rating scale, values strictly increasing; default 1 Rarely, 2 Sometimes, 3 Often, 4 Consistently.",
            },
            "demonstrated_at": {
                "type": ["integer", "null"],
                "minimum": 0,
                "maximum": u32::MAX,
                "description": "A rating of at least this scale value counts as demonstrated (default 3 on the default scale).",
            },
            "threshold": {
                "type": ["number", "null"],
                "exclusiveMinimum": 0,
                "maximum": 1,
                "description": "Share of a level's rated indicators that must be demonstrated (default 0.8).",
            },
            "evidence": evidence(),
            "levels": {
                "type": "array",
                "items": { "$ref": "#/definitions/level" },
                "minItems": 1,
                "description": "Growth levels, lowest first; a level's rank is its position.",
            },
            "groups": {
                "type": "array",
                "items": { "$ref": "#/definitions/group" },
                "description": "Areas or themes that gather competencies.",
            },
            "tracks": {
                "type": "array",
                "items": { "$ref": "#/definitions/track" },
                "description": "Ladders over the levels; with tracks, scoring follows one track (--track, default the first).",
            },
            "competencies": {
                "type": "array",
                "items": { "$ref": "#/definitions/competency" },
                "minItems": 1,
                "description": "The competencies rated.",
            },
            "targets": {
                "type": "array",
                "items": { "$ref": "#/definitions/target" },
                "description": "Named target profiles: the level each competency should reach.",
            },
        }),
    );
    let definitions: Map<String, Value> = [
        ("scalePoint", scale_point),
        ("level", level),
        ("indicator", indicator),
        ("indicatorObject", indicator_object),
        ("competencyLevel", competency_level),
        ("guidance", guidance),
        ("competency", competency),
        ("target", target),
        ("group", group),
        ("track", track),
    ]
    .into_iter()
    .map(|(name, schema)| (name.to_string(), schema))
    .collect();
    if let Value::Object(map) = &mut root {
        map.insert("$schema".into(), json!(DRAFT));
        map.insert("title".into(), json!("rungs framework"));
        map.insert("definitions".into(), Value::Object(definitions));
    }
    root
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
            "notes": {
                "type": "object",
                "description": "Indicator id -> evidence note, for indicators not rated yet; rating the indicator moves its note into the rating.",
                "additionalProperties": { "type": "string" },
            },
        },
    })
}

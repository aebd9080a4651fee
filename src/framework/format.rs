//! The framework file format (format 1), described once.
//!
//! Each part of a framework file is declared here with `record!`: its keys, their types,
//! whether they are required, and what they mean. That one declaration gives the Rust struct
//! (the file as written, before references are resolved), the reader that builds it from a
//! positioned YAML tree (every wrong type, unknown, duplicate or missing key found in one run,
//! each at its place; keys starting with `x-` skipped), the key lists in messages, the JSON
//! Schema that `rungs schema framework` prints, and the writer that imports use
//! ([`super::write`]). Adding a key is one line here, plus its semantic check in
//! [`super::load()`].

#![allow(missing_docs)] // field names are the file format's keys, documented by their schema text

use serde_json::{json, Map, Value};

use crate::yaml::locate::PathSegment;
use crate::yaml::reader::{Need, Read, Reader};
use crate::yaml::scalar::{describe, plain_value, PlainScalar};
use crate::yaml::tree::{NodeId, NodeKind};
use crate::yaml::write::{write_key, WriteYaml};

/// A part of the file written as a mapping of known keys.
pub trait Record: Read {
    /// "a competency": the part in messages.
    const WHAT: &'static str;
    /// The part in "missing required key" messages (differs only for the whole file).
    const WHAT_MISSING: &'static str;
    /// The keys it may have besides `x-` keys, in the order of the format.
    const KEYS: &'static [&'static str];
    /// Its schema object (not a reference to it).
    fn record_schema() -> Value;
    /// Write its keys as YAML, in the order of the format, each key at column `indent`; the
    /// first after a list's `- ` when `dash`. Optional keys without a value are left out.
    fn write_fields(&self, out: &mut String, indent: usize, dash: bool);
}

/// Declare a record of the format: the struct, its reader, its key list, its schema and its
/// writer.
///
/// `field: Type, Need, "meaning", { extra schema }` per key; the key is the field's name.
macro_rules! record {
    (
        $(#[$meta:meta])*
        $name:ident as $definition:literal, $what:literal $(/ $what_missing:literal)?, $doc:literal {
            $( $field:ident : $ty:ty , $need:ident , $fdoc:literal $(, $extra:tt)? ; )*
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Default, Clone, PartialEq)]
        pub struct $name {
            $( pub $field: $ty, )*
        }

        impl Record for $name {
            const WHAT: &'static str = $what;
            const WHAT_MISSING: &'static str = record!(@missing $what $(, $what_missing)?);
            const KEYS: &'static [&'static str] = &[$(stringify!($field)),*];

            fn record_schema() -> Value {
                let mut required: Vec<&str> = Vec::new();
                let mut properties = Map::new();
                $(
                    if Need::$need == Need::Required {
                        required.push(stringify!($field));
                    }
                    properties.insert(
                        stringify!($field).to_string(),
                        field_schema(<$ty as Read>::schema(), $fdoc, record!(@extra $($extra)?)),
                    );
                )*
                strict_object($doc, &required, properties)
            }

            fn write_fields(&self, out: &mut String, indent: usize, dash: bool) {
                let mut dash = dash;
                $(
                    if Need::$need != Need::Optional || !self.$field.is_absent() {
                        write_key(out, indent, &mut dash, stringify!($field));
                        self.$field.write(out, indent);
                    }
                )*
            }
        }

        impl WriteYaml for $name {
            fn write(&self, out: &mut String, indent: usize) {
                out.push('\n');
                self.write_fields(out, indent + 2, false);
            }

            fn write_item(&self, out: &mut String, indent: usize) {
                self.write_fields(out, indent + 2, true);
            }
        }

        impl Read for $name {
            fn read(reader: &mut Reader<'_>, node: NodeId, _key: &'static str) -> Option<Self> {
                let Some(fields) = reader.fields(node, Self::WHAT, Self::KEYS) else {
                    return Some(Self::default());
                };
                Some($name {
                    $( $field: reader.field::<$ty>(
                        &fields,
                        stringify!($field),
                        Need::$need,
                        Self::WHAT_MISSING,
                    ), )*
                })
            }

            fn schema() -> Value {
                json!({ "$ref": concat!("#/definitions/", $definition) })
            }

            fn definitions(definitions: &mut Map<String, Value>) {
                if definitions.contains_key($definition) {
                    return;
                }
                definitions.insert($definition.to_string(), Self::record_schema());
                $( <$ty as Read>::definitions(definitions); )*
            }
        }
    };
    (@missing $what:literal) => { $what };
    (@missing $what:literal, $missing:literal) => { $missing };
    (@extra) => { Value::Null };
    (@extra $extra:tt) => { json!($extra) };
}

const SLUG: &str = "^[a-z0-9][a-z0-9._-]*$";
/// Text that is not only whitespace.
const SOME_TEXT: &str = "\\S";

record! {
    /// Top level of a framework file.
    RawFramework as "framework", "a framework file" / "the framework",
    "A rungs competency framework (format 1). Check references and ids with `rungs validate`." {
        id: String, Required, "Identifies the framework among those loaded.", { "pattern": SLUG };
        name: String, Required, "Human name of the framework.";
        version: Version, Required, "The author's version, e.g. \"1.0\".";
        description: Option<String>, Optional, "What the framework is for.";
        source: Option<String>, Optional, "Citation, URL or licence note for the framework text.";
        scale: Option<Vec<RawScalePoint>>, Optional,
            "The rating scale, values strictly increasing; default 1 Rarely, 2 Sometimes, 3 Often, 4 Consistently.",
            { "minItems": 1 };
        demonstrated_at: Option<u32>, Optional,
            "A rating of at least this scale value counts as demonstrated (default 3 on the default scale).";
        threshold: Option<f64>, Optional,
            "Share of a level's indicators not answered na that must be demonstrated for the level to pass (default 0.8).",
            { "exclusiveMinimum": 0, "maximum": 1 };
        gating: Option<bool>, Optional,
            "false: the levels are phases, each tested on its own (a lower level does not gate a higher one); default true.";
        role_fit: Option<f64>, Optional,
            "Share of the competencies a role names that must be met for the role to fit (default 1: every one).",
            { "exclusiveMinimum": 0, "maximum": 1 };
        evidence: Option<String>, Optional,
            "`required`: a demonstrated rating should come with a note as evidence.",
            { "enum": ["required", "optional", null] };
        levels: Vec<RawLevel>, Required,
            "Growth levels, lowest first; a level's rank is its position.", { "minItems": 1 };
        groups: Vec<RawGroup>, Optional, "Areas or themes that gather competencies.";
        tracks: Vec<RawTrack>, Optional,
            "Ladders over the levels; with tracks, scoring follows one track (--track, default the first).";
        competencies: Vec<RawCompetency>, Required, "The competencies rated.", { "minItems": 1 };
        targets: Vec<RawTarget>, Optional,
            "Named target profiles: the level each competency should reach.";
        guidance: Vec<RawGuidance>, Optional,
            "Titled lists about the whole framework (closing advice, references), as a competency's.";
    }
}

record! {
    /// One point of the rating scale.
    RawScalePoint as "scalePoint", "a scale point", "One point of the rating scale." {
        value: u32, Required, "The number typed to give this rating; values increase down the list.";
        label: String, Required, "What the rating means, e.g. Often.";
        description: Option<String>, Optional, "A longer explanation shown with the scale.";
    }
}

record! {
    /// A growth level shared by every competency.
    RawLevel as "level", "a level", "A growth level shared by every competency." {
        id: String, Required, "Referenced by competencies and targets.", { "pattern": SLUG };
        name: String, Required, "Human name of the level.";
        code: Option<String>, Optional,
            "The framework's own code for the level (e.g. \"L3\"), shown beside its name; the id stays the slug.",
            { "pattern": SOME_TEXT };
        description: Option<String>, Optional, "What the level means.";
    }
}

record! {
    /// An area or theme that gathers competencies.
    RawGroup as "group", "a group", "An area or theme that gathers competencies." {
        id: String, Required, "Named by a competency's group.", { "pattern": SLUG };
        name: String, Required, "Human name of the group, shown as a heading.";
        code: Option<String>, Optional,
            "The framework's own code for the group (e.g. \"1\" or \"ITSP\"), shown beside its name; the id stays the slug.",
            { "pattern": SOME_TEXT };
        description: Option<String>, Optional, "What the group covers.";
        scale: Option<Vec<RawScalePoint>>, Optional,
            "A rating scale for the group's competencies instead of the framework's.",
            { "minItems": 1 };
        demonstrated_at: Option<u32>, Optional,
            "For the group's competencies, a rating of at least this value counts as demonstrated.";
        threshold: Option<f64>, Optional,
            "For the group's competencies, the share of a level's indicators not answered na that must be demonstrated.",
            { "exclusiveMinimum": 0, "maximum": 1 };
    }
}

record! {
    /// A ladder over some of the framework's levels (e.g. an individual-contributor track).
    RawTrack as "track", "a track",
    "A ladder over some of the framework's levels: tracks share lower levels and fork." {
        id: String, Required, "Given to --track.", { "pattern": SLUG };
        name: String, Required, "Human name of the track.";
        description: Option<String>, Optional, "What the track is for.";
        levels: Vec<String>, Required,
            "Framework level ids, in framework order; on the track a level's rank is its position here.",
            { "minItems": 1, "uniqueItems": true, "items": { "type": "string", "pattern": SLUG } };
    }
}

record! {
    /// A competency: a ladder of some of the framework's levels, each with indicators.
    RawCompetency as "competency", "a competency",
    "A competency: a ladder of some of the framework's levels, each with indicators." {
        id: String, Required, "Unique in the framework.", { "pattern": SLUG };
        name: String, Required, "Human name of the competency.";
        code: Option<String>, Optional,
            "The framework's own code for the competency (e.g. \"4.2\" or \"ITSP\"), shown beside its name; the id stays the slug.",
            { "pattern": SOME_TEXT };
        description: Option<String>, Optional, "What the competency is about.";
        group: Option<String>, Optional,
            "The id of the group (area or theme) the competency belongs to.", { "pattern": SLUG };
        scale: Option<Vec<RawScalePoint>>, Optional,
            "A rating scale for this competency's indicators instead of its group's or the framework's (knowledge is not rated on a frequency scale).",
            { "minItems": 1 };
        demonstrated_at: Option<u32>, Optional,
            "For this competency's indicators, a rating of at least this value counts as demonstrated (default: the value above the middle of its own scale).";
        threshold: Option<f64>, Optional,
            "For this competency's levels, the share of a level's indicators not answered na that must be demonstrated (default: its group's, else the framework's).",
            { "exclusiveMinimum": 0, "maximum": 1 };
        gating: Option<bool>, Optional,
            "false: this competency's levels are phases, each tested on its own (default: the framework's gating).";
        levels: Vec<RawCompetencyLevel>, Required,
            "Any subset of the framework levels, lowest first.";
        guidance: Vec<RawGuidance>, Optional, "Titled lists shown with the competency.";
    }
}

record! {
    /// One rung of a competency's ladder.
    RawCompetencyLevel as "competencyLevel", "a competency's level",
    "One rung of a competency's ladder." {
        level: String, Required,
            "A framework level id; a competency lists its levels lowest first.", { "pattern": SLUG };
        title: Option<String>, Optional, "A title specific to this competency at this level.";
        description: Option<String>, Optional,
            "What this competency looks like at this level: a paragraph shown while rating its indicators.";
        examples: Vec<String>, Optional,
            "Examples of this competency at this level, shown with its description.";
        evidence: Option<String>, Optional,
            "`required`: a demonstrated rating here should come with a note as evidence.",
            { "enum": ["required", "optional", null] };
        indicators: Vec<RawIndicator>, OptionalShown,
            "May be empty: an empty level imposes no requirement.";
    }
}

record! {
    /// An indicator written as a mapping.
    RawIndicatorObject as "indicatorObject", "an indicator",
    "A behavioural indicator with an explicit id." {
        id: String, Required, "Unique across the framework; assessments record ratings by it.",
            { "pattern": SOME_TEXT };
        code: Option<String>, Optional,
            "The framework's own code for the indicator (e.g. \"LO3.1.06\"), shown with it.",
            { "pattern": SOME_TEXT };
        text: String, Required, "The behaviour the person rates.", { "pattern": SOME_TEXT };
        kind: Option<String>, Optional,
            "What the indicator is: a free label such as knowledge, skill, attitude, behaviour, or the framework's own (\"AI-Explicit\"); `rungs report --kind K` reports only those.",
            { "pattern": SOME_TEXT };
        examples: Vec<String>, Optional, "Details shown while rating.";
        origin: Option<String>, Optional,
            "Where the text comes from when it is not the framework's own, e.g. \"Metz et al. 2020, p. 5 (quoted)\".",
            { "pattern": SOME_TEXT };
    }
}

record! {
    /// A titled list of guidance.
    RawGuidance as "guidance", "a guidance list",
    "A titled list: key points, reflection questions, activities, courses." {
        title: String, Required, "Title of the list.";
        items: Vec<String>, OptionalShown, "The items of the list.";
        note: Option<String>, Optional,
            "Said with the list, e.g. why it is empty: \"The source text gives this heading with no content.\"";
    }
}

record! {
    /// A named target profile (a role or context).
    RawTarget as "target", "a target", "A named target profile (a role or context)." {
        id: String, Required, "Given to --target.", { "pattern": SLUG };
        name: String, Required, "Human name of the target.";
        description: Option<String>, Optional, "What the target is for.";
        track: Option<String>, Optional,
            "The id of the track the target is on; its levels must be on that track.",
            { "pattern": SLUG };
        levels: OrderedMap, OptionalShown, "Competency id -> the level id it should reach.";
    }
}

/// The JSON Schema of a framework file, with every record as a definition.
pub fn framework_schema() -> Value {
    let mut definitions = Map::new();
    RawFramework::definitions(&mut definitions);
    let mut root = RawFramework::record_schema();
    definitions.remove("framework");
    if let Value::Object(map) = &mut root {
        map.insert(
            "$schema".into(),
            json!("http://json-schema.org/draft-07/schema#"),
        );
        map.insert("title".into(), json!("rungs framework"));
        map.insert("definitions".into(), Value::Object(definitions));
    }
    root
}

/// An object that forbids unknown keys except `x-` extension keys.
fn strict_object(description: &str, required: &[&str], properties: Map<String, Value>) -> Value {
    json!({
        "type": "object",
        "description": description,
        "required": required,
        "properties": properties,
        "patternProperties": { "^x-": { "description": "Your own data; rungs ignores it." } },
        "additionalProperties": false,
    })
}

/// A field's schema: its type's, with its meaning and any extra constraints.
fn field_schema(mut schema: Value, description: &str, extra: Value) -> Value {
    if let Value::Object(map) = &mut schema {
        map.insert("description".into(), json!(description));
        if let Value::Object(extra) = extra {
            map.extend(extra);
        }
    }
    schema
}

/// The `version` string, kept exactly as written: a bare `1.0` stays "1.0", not "1".
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Version(pub String);

impl Read for Version {
    fn read(reader: &mut Reader<'_>, node: NodeId, key: &'static str) -> Option<Self> {
        String::read(reader, node, key).map(Version)
    }

    fn schema() -> Value {
        json!({ "type": ["string", "number"] })
    }
}

/// An indicator: the object form, or a plain string whose id is derived.
#[derive(Debug, Clone, PartialEq)]
pub enum RawIndicator {
    Full(RawIndicatorObject),
    Short(String),
}

impl Default for RawIndicator {
    fn default() -> Self {
        RawIndicator::Short(String::new())
    }
}

impl Read for RawIndicator {
    fn read(reader: &mut Reader<'_>, node: NodeId, key: &'static str) -> Option<Self> {
        let document = reader.document();
        match &document.node(node).kind {
            NodeKind::Mapping(_) => {
                RawIndicatorObject::read(reader, node, key).map(RawIndicator::Full)
            }
            NodeKind::Scalar { text, plain }
                if !*plain || plain_value(text) == PlainScalar::Text =>
            {
                Some(RawIndicator::Short(text.clone()))
            }
            _ => {
                let found = describe(document, node);
                reader.fail(
                    node,
                    format!("an indicator must be text, or a mapping with id and text, but this one is {found}"),
                );
                None
            }
        }
    }

    fn schema() -> Value {
        json!({
            "description": "A behavioural indicator: a plain string (its id becomes <competency>.<level>.<n>) or an object with id and text.",
            "oneOf": [
                { "type": "string", "pattern": SOME_TEXT },
                RawIndicatorObject::schema(),
            ],
        })
    }

    fn definitions(definitions: &mut Map<String, Value>) {
        RawIndicatorObject::definitions(definitions);
    }
}

/// A YAML mapping kept in file order (competency id -> level id); its keys are the author's, so
/// `x-` is not special in it.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct OrderedMap(pub Vec<(String, String)>);

/// A target's `competency: level` pairs; the keys are the author's, so `x-` is not special.
impl Read for OrderedMap {
    fn read(reader: &mut Reader<'_>, node: NodeId, _key: &'static str) -> Option<Self> {
        let document = reader.document();
        let pairs = match &document.node(node).kind {
            NodeKind::Mapping(pairs) => pairs,
            _ if reader.is_empty_plain(node) => return Some(OrderedMap::default()),
            _ => {
                let found = describe(document, node);
                reader.fail(
                    node,
                    format!("a target's `levels` must be a mapping of competency id to level id, but is {found}"),
                );
                return Some(OrderedMap::default());
            }
        };
        let mut out = Vec::with_capacity(pairs.len());
        for (i, &(key, value)) in pairs.iter().enumerate() {
            // A broken entry keeps its place (as an empty pair) so later entries stay aligned.
            let mut entry_broken = false;
            let competency = match document.scalar_text(key) {
                Some(text) => text.to_string(),
                None => {
                    entry_broken = true;
                    let found = describe(document, key);
                    reader.within(PathSegment::EntryKey(i), |r| {
                        r.fail(
                            key,
                            format!("a competency id must be text, but this one is {found}"),
                        );
                    });
                    String::new()
                }
            };
            let level = match document.scalar_text(value) {
                Some(text) => text.to_string(),
                None => {
                    entry_broken = true;
                    let found = describe(document, value);
                    reader.within(PathSegment::EntryValue(i), |r| {
                        r.fail(value, format!("the target level of `{competency}` must be a level id, but is {found}"));
                    });
                    String::new()
                }
            };
            if entry_broken {
                reader.mark_broken(PathSegment::EntryKey(i));
                reader.mark_broken(PathSegment::EntryValue(i));
            }
            out.push((competency, level));
        }
        Some(OrderedMap(out))
    }

    fn schema() -> Value {
        json!({ "type": "object", "additionalProperties": { "type": "string", "pattern": SLUG } })
    }
}

/// The keys each part of a framework file may have (besides `x-` keys).
pub mod keys {
    use super::*;

    /// Keys of the top level of a framework.
    pub const FRAMEWORK: &[&str] = RawFramework::KEYS;
    /// Keys of a competency.
    pub const COMPETENCY: &[&str] = RawCompetency::KEYS;
    /// Keys of a competency's level.
    pub const COMPETENCY_LEVEL: &[&str] = RawCompetencyLevel::KEYS;
    /// Keys of an indicator written as a mapping.
    pub const INDICATOR: &[&str] = RawIndicatorObject::KEYS;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_come_from_the_declaration_in_order() {
        assert_eq!(
            RawCompetencyLevel::KEYS,
            [
                "level",
                "title",
                "description",
                "examples",
                "evidence",
                "indicators"
            ]
        );
        assert_eq!(RawFramework::WHAT_MISSING, "the framework");
        assert_eq!(RawLevel::WHAT_MISSING, "a level");
    }

    #[test]
    fn the_schema_names_every_key_and_requires_the_required_ones() {
        let schema = framework_schema();
        let properties = schema["definitions"]["competency"]["properties"]
            .as_object()
            .expect("properties");
        let keys: Vec<&str> = properties.keys().map(String::as_str).collect();
        let mut expected = RawCompetency::KEYS.to_vec();
        expected.sort_unstable();
        let mut keys = keys;
        keys.sort_unstable();
        assert_eq!(keys, expected);
        assert_eq!(
            schema["definitions"]["competency"]["required"],
            json!(["id", "name", "levels"])
        );
        assert_eq!(
            schema["properties"]["scale"]["type"],
            json!(["array", "null"])
        );
        assert_eq!(schema["properties"]["scale"]["minItems"], 1);
    }
}

//! The framework file exactly as written (format 1), before references are resolved.
//!
//! `deny_unknown_fields` makes the fast path strict; keys starting with `x-` are allowed by the
//! slow path in [`super::load`], which strips them and deserialises again.

#![allow(missing_docs)] // field names are the file format's keys, documented in README

use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::Deserialize;

/// Top level of a framework file.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawFramework {
    pub id: String,
    pub name: String,
    pub version: Version,
    #[serde(default)]
    pub description: Option<String>,
    #[serde(default)]
    pub source: Option<String>,
    #[serde(default)]
    pub scale: Option<Vec<RawScalePoint>>,
    #[serde(default)]
    pub demonstrated_at: Option<u32>,
    #[serde(default)]
    pub threshold: Option<f64>,
    pub levels: Vec<RawLevel>,
    pub competencies: Vec<RawCompetency>,
    #[serde(default)]
    pub targets: Vec<RawTarget>,
}

/// The `version` string; a bare number such as `1.0` is accepted and kept as written.
#[derive(Debug)]
pub struct Version(pub String);

impl<'de> Deserialize<'de> for Version {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = Version;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a version string such as \"1.0\"")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Version, E> {
                Ok(Version(v.to_string()))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Version, E> {
                Ok(Version(v.to_string()))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Version, E> {
                Ok(Version(v.to_string()))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Version, E> {
                Ok(Version(v.to_string()))
            }
        }
        deserializer.deserialize_any(V)
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawScalePoint {
    pub value: u32,
    pub label: String,
    #[serde(default)]
    pub description: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawLevel {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub description: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawCompetency {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub description: Option<String>,
    pub levels: Vec<RawCompetencyLevel>,
    #[serde(default)]
    pub guidance: Vec<RawGuidance>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawCompetencyLevel {
    pub level: String,
    #[serde(default)]
    pub title: Option<String>,
    #[serde(default)]
    pub indicators: Vec<RawIndicator>,
}

/// An indicator: the object form, or a plain string whose id is derived.
#[derive(Debug)]
pub enum RawIndicator {
    Full(RawIndicatorObject),
    Short(String),
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawIndicatorObject {
    pub id: String,
    pub text: String,
    #[serde(default)]
    pub examples: Vec<String>,
}

impl<'de> Deserialize<'de> for RawIndicator {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = RawIndicator;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("an indicator: a string, or a map with id, text and optional examples")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<RawIndicator, E> {
                Ok(RawIndicator::Short(v.to_string()))
            }
            fn visit_string<E: de::Error>(self, v: String) -> Result<RawIndicator, E> {
                Ok(RawIndicator::Short(v))
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<RawIndicator, A::Error> {
                RawIndicatorObject::deserialize(de::value::MapAccessDeserializer::new(map))
                    .map(RawIndicator::Full)
            }
        }
        deserializer.deserialize_any(V)
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawGuidance {
    pub title: String,
    #[serde(default)]
    pub items: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawTarget {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub description: Option<String>,
    #[serde(default)]
    pub levels: indexmap_like::OrderedMap,
}

/// A YAML mapping kept in file order (competency id -> level id).
pub mod indexmap_like {
    use serde::de::{Deserializer, MapAccess, Visitor};
    use serde::Deserialize;

    /// Pairs in the order the file gives them.
    #[derive(Debug, Default)]
    pub struct OrderedMap(pub Vec<(String, String)>);

    impl<'de> Deserialize<'de> for OrderedMap {
        fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
            struct V;
            impl<'de> Visitor<'de> for V {
                type Value = OrderedMap;
                fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                    f.write_str("a map of competency id to level id")
                }
                fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<OrderedMap, A::Error> {
                    let mut pairs = Vec::new();
                    while let Some(pair) = map.next_entry::<String, String>()? {
                        pairs.push(pair);
                    }
                    Ok(OrderedMap(pairs))
                }
            }
            deserializer.deserialize_map(V)
        }
    }
}

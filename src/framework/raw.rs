//! The framework file exactly as written (format 1), before references are resolved.
//!
//! `deny_unknown_fields` makes the fast (serde) path strict; keys starting with `x-` are allowed
//! by the slow path in [`super::shape`], which builds these structs from a positioned tree. Each
//! struct's `KEYS` lists the keys that path accepts; a test keeps them equal to serde's.

#![allow(missing_docs)] // field names are the file format's keys, documented in README

use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::Deserialize;

/// Top level of a framework file.
#[derive(Debug, Default, Deserialize)]
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
    #[serde(default)]
    pub evidence: Option<String>,
    pub levels: Vec<RawLevel>,
    #[serde(default)]
    pub groups: Vec<RawGroup>,
    #[serde(default)]
    pub tracks: Vec<RawTrack>,
    pub competencies: Vec<RawCompetency>,
    #[serde(default)]
    pub targets: Vec<RawTarget>,
}

/// An area or theme that gathers competencies.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawGroup {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub description: Option<String>,
}

/// A ladder over some of the framework's levels (e.g. an individual-contributor track).
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawTrack {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub description: Option<String>,
    pub levels: Vec<String>,
}

/// The `version` string, kept exactly as written: a bare `1.0` stays "1.0", not "1".
#[derive(Debug, Clone, Default, PartialEq, Eq)]
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
        }
        // A YAML scalar handed over as a string is its text as written, numbers included.
        deserializer.deserialize_str(V)
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawScalePoint {
    pub value: u32,
    pub label: String,
    #[serde(default)]
    pub description: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawLevel {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub description: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawCompetency {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub description: Option<String>,
    #[serde(default)]
    pub group: Option<String>,
    pub levels: Vec<RawCompetencyLevel>,
    #[serde(default)]
    pub guidance: Vec<RawGuidance>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawCompetencyLevel {
    pub level: String,
    #[serde(default)]
    pub title: Option<String>,
    #[serde(default)]
    pub evidence: Option<String>,
    #[serde(default)]
    pub indicators: Vec<RawIndicator>,
}

/// An indicator: the object form, or a plain string whose id is derived.
#[derive(Debug)]
pub enum RawIndicator {
    Full(RawIndicatorObject),
    Short(String),
}

#[derive(Debug, Default, Deserialize)]
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

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawGuidance {
    pub title: String,
    #[serde(default)]
    pub items: Vec<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawTarget {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub description: Option<String>,
    #[serde(default)]
    pub track: Option<String>,
    #[serde(default)]
    pub levels: indexmap_like::OrderedMap,
}

/// The keys each part of a framework file may have (besides `x-` keys).
pub mod keys {
    /// Keys of the top level of a framework.
    pub const FRAMEWORK: &[&str] = &[
        "id",
        "name",
        "version",
        "description",
        "source",
        "scale",
        "demonstrated_at",
        "threshold",
        "evidence",
        "levels",
        "groups",
        "tracks",
        "competencies",
        "targets",
    ];
    /// Keys of a scale point.
    pub const SCALE_POINT: &[&str] = &["value", "label", "description"];
    /// Keys of a framework level.
    pub const LEVEL: &[&str] = &["id", "name", "description"];
    /// Keys of a competency.
    pub const COMPETENCY: &[&str] = &["id", "name", "description", "group", "levels", "guidance"];
    /// Keys of a competency's level.
    pub const COMPETENCY_LEVEL: &[&str] = &["level", "title", "evidence", "indicators"];
    /// Keys of an indicator written as a mapping.
    pub const INDICATOR: &[&str] = &["id", "text", "examples"];
    /// Keys of a guidance list.
    pub const GUIDANCE: &[&str] = &["title", "items"];
    /// Keys of a target.
    pub const TARGET: &[&str] = &["id", "name", "description", "track", "levels"];
    /// Keys of a group.
    pub const GROUP: &[&str] = &["id", "name", "description"];
    /// Keys of a track.
    pub const TRACK: &[&str] = &["id", "name", "description", "levels"];
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

#[cfg(test)]
mod tests {
    use super::*;

    /// The keys serde names in its "unknown field" error for `T`.
    fn serde_keys<T: for<'de> Deserialize<'de> + std::fmt::Debug>() -> Vec<String> {
        let error = serde_yaml::from_str::<T>("zz-not-a-key: 1").expect_err("unknown key");
        let message = error.to_string();
        let list = message
            .split("expected ")
            .nth(1)
            .unwrap_or_else(|| panic!("no key list in {message:?}"));
        list.split('`')
            .skip(1)
            .step_by(2)
            .map(str::to_string)
            .collect()
    }

    #[test]
    fn key_lists_match_the_serde_structs() {
        assert_eq!(serde_keys::<RawFramework>(), keys::FRAMEWORK);
        assert_eq!(serde_keys::<RawScalePoint>(), keys::SCALE_POINT);
        assert_eq!(serde_keys::<RawLevel>(), keys::LEVEL);
        assert_eq!(serde_keys::<RawCompetency>(), keys::COMPETENCY);
        assert_eq!(serde_keys::<RawCompetencyLevel>(), keys::COMPETENCY_LEVEL);
        assert_eq!(serde_keys::<RawIndicatorObject>(), keys::INDICATOR);
        assert_eq!(serde_keys::<RawGuidance>(), keys::GUIDANCE);
        assert_eq!(serde_keys::<RawTarget>(), keys::TARGET);
        assert_eq!(serde_keys::<RawGroup>(), keys::GROUP);
        assert_eq!(serde_keys::<RawTrack>(), keys::TRACK);
    }

    #[test]
    fn version_is_kept_as_written() {
        #[derive(Debug, Deserialize)]
        struct Holder {
            version: Version,
        }
        let read = |text: &str| serde_yaml::from_str::<Holder>(text).map(|h| h.version.0);
        assert_eq!(read("version: 1.0").expect("number"), "1.0");
        assert_eq!(read("version: \"2.10\"").expect("string"), "2.10");
        assert_eq!(read("version: 3").expect("integer"), "3");
        assert!(read("version: [1]").is_err());
    }
}

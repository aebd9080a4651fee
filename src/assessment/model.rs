//! The assessment file (format `rungs-assessment/1`): who rated which indicator how.
//!
//! Ratings are the source of truth; profiles and gaps are always recomputed from them.

use std::collections::BTreeMap;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// The value of the `format` key of every assessment file this version writes.
pub const FORMAT: &str = "rungs-assessment/1";

/// A saved assessment: ratings of one framework's indicators by one subject.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Assessment {
    /// Always [`FORMAT`].
    pub format: String,
    /// Which framework (and which exact bytes of it) was rated.
    pub framework: FrameworkRef,
    /// Optional name of the person assessed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subject: Option<String>,
    /// The track rated, when the framework has tracks.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub track: Option<String>,
    /// RFC 3339 time the assessment began.
    pub started_at: String,
    /// RFC 3339 time the last indicator was answered; null while in progress.
    #[serde(default)]
    pub completed_at: Option<String>,
    /// Indicator id -> rating. Unrated indicators are absent.
    #[serde(default)]
    pub ratings: BTreeMap<String, Rating>,
}

/// Identifies the framework an assessment was made against.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FrameworkRef {
    /// Framework id.
    pub id: String,
    /// Framework version string.
    pub version: String,
    /// `sha256:<hex>` of the framework file bytes.
    pub digest: String,
    /// Absolute path of the YAML file, when it was not a built-in one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
}

/// One indicator's rating and optional evidence note.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rating {
    /// A scale value or not applicable.
    pub value: RatingValue,
    /// Optional evidence.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// A rating: a value on the framework's scale, or not applicable.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum RatingValue {
    /// A scale value.
    Scale(u32),
    /// Not applicable: excluded from scoring.
    NotApplicable,
}

impl std::fmt::Display for RatingValue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            RatingValue::Scale(v) => write!(f, "{v}"),
            RatingValue::NotApplicable => f.write_str("na"),
        }
    }
}

impl Serialize for RatingValue {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            RatingValue::Scale(v) => serializer.serialize_u32(*v),
            RatingValue::NotApplicable => serializer.serialize_str("na"),
        }
    }
}

impl<'de> Deserialize<'de> for RatingValue {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = RatingValue;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a scale value (a whole number) or \"na\"")
            }
            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<RatingValue, E> {
                u32::try_from(v)
                    .map(RatingValue::Scale)
                    .map_err(|_| E::custom(format!("rating {v} is too large")))
            }
            fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<RatingValue, E> {
                u64::try_from(v)
                    .map_err(|_| E::custom(format!("rating {v} is negative")))
                    .and_then(|v| self.visit_u64(v))
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<RatingValue, E> {
                if v == "na" {
                    Ok(RatingValue::NotApplicable)
                } else {
                    Err(E::custom(format!(
                        "rating {v:?} is neither a scale value nor \"na\""
                    )))
                }
            }
        }
        deserializer.deserialize_any(Visitor)
    }
}

//! An assessment read for what a team needs, straight from the file's bytes: texts borrowed
//! where they have no escapes, ratings and the recorded indicator map as lists, nothing copied.
//!
//! It accepts exactly the keys an [`Assessment`](super::Assessment) has, and is used only where
//! nothing can go wrong: a caller that finds anything out of the ordinary (another framework or
//! digest, a time that does not parse, an unknown indicator) reads the file the full way, which
//! says what is wrong. Of the indicator map only the text prints of rated indicators are
//! looked at (a print edited by hand makes the file corrupt, as `report` says).

use std::borrow::Cow;
use std::fmt;
use std::marker::PhantomData;

use serde::de::{MapAccess, Visitor};
use serde::{Deserialize, Deserializer};

use super::model::{Origin, RatingValue, Relation, SavedTarget, SetAside};

/// The parts of an assessment file a team reads.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Brief<'a> {
    /// The `format` key.
    #[serde(borrow)]
    pub format: Cow<'a, str>,
    /// Which framework was rated.
    #[serde(borrow)]
    pub framework: BriefFramework<'a>,
    /// The person assessed, as recorded.
    #[serde(default, borrow)]
    pub subject: Option<Cow<'a, str>>,
    /// The track rated, as recorded.
    #[serde(default, borrow)]
    pub track: Option<Cow<'a, str>>,
    /// Who rated.
    #[serde(default, borrow)]
    pub rater: Option<BriefRater<'a>>,
    /// The language the texts were shown in.
    #[serde(default, borrow)]
    pub lang: Option<Cow<'a, str>>,
    /// The form page it was saved from (checked to be a text, not used).
    #[serde(default, borrow)]
    pub form_token: Option<Cow<'a, str>>,
    /// As recorded.
    #[serde(borrow)]
    pub started_at: Cow<'a, str>,
    /// As recorded.
    #[serde(default, borrow)]
    pub completed_at: Option<Cow<'a, str>>,
    /// Indicator id and rating, in file order.
    #[serde(default, borrow, deserialize_with = "pairs")]
    pub ratings: Vec<(Cow<'a, str>, BriefRating<'a>)>,
    /// Indicator id and note, for indicators not rated yet.
    #[serde(default, borrow, deserialize_with = "pairs")]
    pub notes: Vec<(Cow<'a, str>, Cow<'a, str>)>,
    /// Read to check it, not used.
    #[serde(default)]
    pub target: Option<SavedTarget>,
    /// Read to check it, not used.
    #[serde(default)]
    pub from: Option<Origin>,
    /// Read to check it, not used.
    #[serde(default, borrow, deserialize_with = "pairs")]
    pub set_aside: Vec<(Cow<'a, str>, SetAside)>,
}

/// The framework an assessment records.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BriefFramework<'a> {
    /// Framework id.
    #[serde(borrow)]
    pub id: Cow<'a, str>,
    /// Version string.
    #[serde(borrow)]
    pub version: Cow<'a, str>,
    /// `sha256:<hex>` of the framework file.
    #[serde(borrow)]
    pub digest: Cow<'a, str>,
    /// The framework file's path.
    #[serde(default, borrow)]
    pub path: Option<Cow<'a, str>>,
    /// The indicator map: id and what was recorded of it, in file order.
    #[serde(default, borrow, deserialize_with = "optional_pairs")]
    pub indicators: Option<Vec<(Cow<'a, str>, BriefPrint<'a>)>>,
}

/// An indicator as recorded in an assessment.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BriefPrint<'a> {
    /// Id of its competency (checked to be a text, not used).
    #[serde(borrow)]
    pub competency: Cow<'a, str>,
    /// Id of its level (checked to be a text, not used).
    #[serde(borrow)]
    pub level: Cow<'a, str>,
    /// The print of its text.
    #[serde(borrow)]
    pub text: Cow<'a, str>,
}

/// Who rated.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BriefRater<'a> {
    /// The rater's name.
    #[serde(borrow)]
    pub name: Cow<'a, str>,
    /// How they relate to the subject.
    pub relation: Relation,
}

/// One rating.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BriefRating<'a> {
    /// The value.
    pub value: RatingValue,
    /// The evidence note.
    #[serde(default, borrow)]
    pub note: Option<Cow<'a, str>>,
}

/// Parse `bytes` (without a byte order mark) as far as a team needs; `None` for anything that is
/// not plainly an assessment.
pub fn parse(bytes: &[u8]) -> Option<Brief<'_>> {
    serde_json::from_slice(bytes).ok()
}

/// Whether the ids of a map read as pairs are strictly ascending: no id twice, in the order
/// rungs writes them.
pub fn strictly_sorted<T>(pairs: &[(Cow<'_, str>, T)]) -> bool {
    pairs.windows(2).all(|w| w[0].0 < w[1].0)
}

/// A key borrowed from the file where it has no escapes.
#[derive(Deserialize)]
struct Key<'a>(#[serde(borrow)] Cow<'a, str>);

/// A JSON object as its entries in file order, keys borrowed where they can be.
fn pairs<'de, D, V>(deserializer: D) -> Result<Vec<(Cow<'de, str>, V)>, D::Error>
where
    D: Deserializer<'de>,
    V: Deserialize<'de>,
{
    struct Pairs<V>(PhantomData<V>);
    impl<'de, V: Deserialize<'de>> Visitor<'de> for Pairs<V> {
        type Value = Vec<(Cow<'de, str>, V)>;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("an object")
        }
        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
            let mut out = Vec::with_capacity(map.size_hint().unwrap_or(0).min(4096));
            while let Some((Key(key), value)) = map.next_entry::<Key<'de>, V>()? {
                out.push((key, value));
            }
            Ok(out)
        }
    }
    deserializer.deserialize_map(Pairs(PhantomData))
}

/// Like [`pairs`], for a key that may be absent or null.
#[allow(clippy::type_complexity)]
fn optional_pairs<'de, D, V>(deserializer: D) -> Result<Option<Vec<(Cow<'de, str>, V)>>, D::Error>
where
    D: Deserializer<'de>,
    V: Deserialize<'de>,
{
    struct Optional<V>(PhantomData<V>);
    impl<'de, V: Deserialize<'de>> Visitor<'de> for Optional<V> {
        type Value = Option<Vec<(Cow<'de, str>, V)>>;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("an object or null")
        }
        fn visit_none<E: serde::de::Error>(self) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_unit<E: serde::de::Error>(self) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_some<D2: Deserializer<'de>>(self, d: D2) -> Result<Self::Value, D2::Error> {
            pairs(d).map(Some)
        }
    }
    deserializer.deserialize_option(Optional(PhantomData))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn texts_without_escapes_are_borrowed() {
        let text = br#"{"format": "rungs-assessment/1",
            "framework": {"id": "f", "version": "1", "digest": "sha256:0",
                          "indicators": {"a": {"competency": "c", "level": "l", "text": "x"}}},
            "subject": "Ana", "started_at": "2026-01-01T00:00:00Z",
            "ratings": {"a": {"value": 3}, "b\u0041": {"value": "na", "note": "n"}}}"#;
        let brief = parse(text).expect("parses");
        let recorded = brief.framework.indicators.as_ref().expect("the map");
        assert!(matches!(recorded[0].1.text, Cow::Borrowed("x")));
        assert!(matches!(brief.framework.id, Cow::Borrowed("f")));
        assert_eq!(brief.ratings.len(), 2);
        assert!(matches!(brief.ratings[0].0, Cow::Borrowed("a")));
        assert_eq!(brief.ratings[1].0, "bA");
        assert_eq!(brief.ratings[1].1.value, RatingValue::NotApplicable);
        assert_eq!(brief.ratings[1].1.note.as_deref(), Some("n"));
    }

    #[test]
    fn ids_in_order_once_each_are_strictly_sorted() {
        let ids = |list: &[&'static str]| -> Vec<(Cow<'static, str>, ())> {
            list.iter().map(|id| (Cow::Borrowed(*id), ())).collect()
        };
        assert!(strictly_sorted(&ids(&["a", "b", "c"])));
        assert!(strictly_sorted(&ids(&[])));
        assert!(!strictly_sorted(&ids(&["a", "a"])), "an id twice");
        assert!(!strictly_sorted(&ids(&["b", "a"])), "out of order");
    }

    #[test]
    fn an_unknown_key_or_a_wrong_type_is_not_read_briefly() {
        let base = r#"{"format": "rungs-assessment/1", "framework": {"id": "f", "version": "1", "digest": "d"}, "started_at": "2026-01-01T00:00:00Z""#;
        assert!(parse(format!("{base}}}").as_bytes()).is_some());
        assert!(parse(format!("{base}, \"extra\": 1}}").as_bytes()).is_none());
        assert!(
            parse(format!("{base}, \"ratings\": {{\"a\": {{\"value\": -1}}}}}}").as_bytes())
                .is_none()
        );
        assert!(parse(format!("{base}, \"target\": {{\"role\": 3}}}}").as_bytes()).is_none());
    }
}

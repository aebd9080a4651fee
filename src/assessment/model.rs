//! The assessment file (format `rungs-assessment/1`): who rated which indicator how.
//!
//! Ratings are the source of truth; profiles and gaps are always recomputed from them.

use std::collections::BTreeMap;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// The value of the `format` key of every assessment file this version writes.
pub const FORMAT: &str = "rungs-assessment/1";

/// Ratings keyed by indicator id, as stored in an assessment.
pub type Ratings = BTreeMap<String, Rating>;

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
    /// Who gave the ratings; absent in a self-assessment.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rater: Option<Rater>,
    /// The language the framework's texts were shown in (`--lang`), when not its own.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lang: Option<String>,
    /// The token of the `rungs form` page this file was saved from, which the form's ledger
    /// lists with what the page was issued for ([`crate::assessment::issued`]); absent in files made
    /// otherwise.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub form_token: Option<String>,
    /// RFC 3339 time the assessment began.
    pub started_at: String,
    /// RFC 3339 time the last indicator was answered; null while in progress.
    #[serde(default)]
    pub completed_at: Option<String>,
    /// Indicator id -> rating. Unrated indicators are absent.
    #[serde(default, deserialize_with = "unique::ratings")]
    pub ratings: Ratings,
    /// Indicator id -> evidence note, for indicators not rated yet: a note is evidence even
    /// before its rating. Rating the indicator moves its note into the rating.
    #[serde(
        default,
        skip_serializing_if = "BTreeMap::is_empty",
        deserialize_with = "unique::notes"
    )]
    pub notes: BTreeMap<String, String>,
    /// The target given to `rungs assess`: reports, diffs and histories measure gaps against
    /// it unless they are given another.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<SavedTarget>,
    /// The assessment this one started from (`rungs assess --from`), when it did.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<Origin>,
    /// Indicator id -> a rating or note kept aside when a resumed walk found it no longer fits
    /// the framework (the indicator was removed or renamed, reworded, or the value left the
    /// scale). Never counted; it comes back when it fits again (see
    /// [`super::reconcile::set_aside`]).
    #[serde(
        default,
        skip_serializing_if = "BTreeMap::is_empty",
        deserialize_with = "unique::set_aside"
    )]
    pub set_aside: BTreeMap<String, SetAside>,
}

/// A rating or note kept aside, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SetAside {
    /// The rating's value; absent for a note given before any rating.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<RatingValue>,
    /// The evidence note.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Why it no longer counted.
    pub reason: DropReason,
    /// [`text_print`] of the text it was given to, when the file recorded it: it comes back
    /// only to that text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
}

/// Why a rating no longer counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DropReason {
    /// The framework has no indicator with this id.
    NotInFramework,
    /// The indicator's text changed since it was rated: the rating was given to another text.
    TextChanged,
    /// The value is not on the framework's scale.
    OffScale,
}

/// A target as saved in an assessment: the same parts as `--target` and `--target-level`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SavedTarget {
    /// A role id from the framework's `targets`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    /// One level id for every competency.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub level: Option<String>,
    /// Competency id -> level id overrides, in the order given (later ones win).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub competencies: Vec<SavedTargetPair>,
}

/// One `COMPETENCY=LEVEL` part of a saved target.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SavedTargetPair {
    /// Competency id.
    pub competency: String,
    /// Level id.
    pub level: String,
}

impl SavedTarget {
    /// The saved form of a request; `None` when nothing was asked for.
    pub fn from_request(request: &super::target::TargetRequest) -> Option<SavedTarget> {
        (!request.is_empty()).then(|| SavedTarget {
            role: request.role.clone(),
            level: request.level.clone(),
            competencies: request
                .per_competency
                .iter()
                .map(|(competency, level)| SavedTargetPair {
                    competency: competency.clone(),
                    level: level.clone(),
                })
                .collect(),
        })
    }

    /// The request this target stands for.
    pub fn request(&self) -> super::target::TargetRequest {
        super::target::TargetRequest {
            role: self.role.clone(),
            level: self.level.clone(),
            per_competency: self
                .competencies
                .iter()
                .map(|p| (p.competency.clone(), p.level.clone()))
                .collect(),
        }
    }
}

impl Assessment {
    /// The relation of the rater to the subject: [`Relation::SelfRating`] when no rater is
    /// recorded.
    pub fn relation(&self) -> Relation {
        self.rater
            .as_ref()
            .map_or(Relation::SelfRating, |r| r.relation)
    }

    /// Whether every indicator was answered (`completed_at` is set).
    pub fn is_complete(&self) -> bool {
        self.completed_at.is_some()
    }

    /// When the assessment is placed on a timeline: completion, else start. A time that does
    /// not parse is a problem that names the key.
    pub fn placed_at(&self) -> Result<time::OffsetDateTime, crate::error::BadInput> {
        let (key, text) = match &self.completed_at {
            Some(done) => ("completed_at", done),
            None => ("started_at", &self.started_at),
        };
        time::OffsetDateTime::parse(text, &time::format_description::well_known::Rfc3339).map_err(
            |e| {
                crate::error::BadInput::new(format!("{key} {text:?} is not an RFC 3339 time ({e})"))
            },
        )
    }
}

/// The person who gave an assessment's ratings, and how they relate to its subject.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rater {
    /// The rater's name.
    pub name: String,
    /// How the rater relates to the subject.
    pub relation: Relation,
}

/// How a rater relates to the person rated.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Relation {
    /// The subject rates themself.
    #[serde(rename = "self")]
    SelfRating,
    /// The subject's manager.
    Manager,
    /// A peer of the subject.
    Peer,
    /// Someone who reports to the subject.
    Report,
    /// Anyone else.
    Other,
}

impl Relation {
    /// Every relation, in the order tables list them.
    pub const ALL: [Relation; 5] = [
        Relation::SelfRating,
        Relation::Manager,
        Relation::Peer,
        Relation::Report,
        Relation::Other,
    ];

    /// The name used in files and on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            Relation::SelfRating => "self",
            Relation::Manager => "manager",
            Relation::Peer => "peer",
            Relation::Report => "report",
            Relation::Other => "other",
        }
    }
}

impl std::fmt::Display for Relation {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The earlier assessment a new one started from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Origin {
    /// Its file, as an absolute path when it could be made one.
    pub path: String,
    /// When it began (RFC 3339, as recorded there).
    pub started_at: String,
    /// When it was completed; null when it was in progress.
    #[serde(default)]
    pub completed_at: Option<String>,
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
    /// Where each indicator stood, and a print of its text, when the assessment was taken:
    /// what tells, after the framework changed, which indicators were added, removed, moved or
    /// reworded since. Files written before it was recorded lack it.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "unique::prints"
    )]
    pub indicators: Option<BTreeMap<String, IndicatorPrint>>,
}

/// An indicator as it stood in the framework when the assessment was taken.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IndicatorPrint {
    /// Id of its competency.
    pub competency: String,
    /// Id of its level.
    pub level: String,
    /// [`text_print`] of its text.
    pub text: String,
}

/// A short print of an indicator's text: the first 12 hex digits of the SHA-256 of the text
/// with runs of white space made one space, so re-wrapping a line is not a change.
pub fn text_print(text: &str) -> String {
    use sha2::{Digest, Sha256};
    // Hashed in one piece: the text itself when its words are already one space apart (nearly
    // always), else the words joined so.
    let hash = if single_spaced(text) {
        Sha256::digest(text.as_bytes())
    } else {
        Sha256::digest(
            text.split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
                .as_bytes(),
        )
    };
    let mut print = String::with_capacity(12);
    crate::framework::load::push_hex(&mut print, &hash[..6]);
    print
}

/// Whether `text` is its words one space apart, with no white space before or after them.
fn single_spaced(text: &str) -> bool {
    let mut after_space = true;
    for c in text.chars() {
        if c.is_whitespace() {
            if c != ' ' || after_space {
                return false;
            }
            after_space = true;
        } else {
            after_space = false;
        }
    }
    !after_space || text.is_empty()
}

/// The print of every indicator of a framework, to record in a new assessment.
pub fn indicator_prints(
    framework: &crate::framework::Framework,
) -> BTreeMap<String, IndicatorPrint> {
    framework
        .indicators()
        .map(|(c, l, indicator)| {
            let competency = &framework.competencies[c];
            (
                indicator.id.clone(),
                IndicatorPrint {
                    competency: competency.id.clone(),
                    level: framework.levels[competency.levels[l].level].id.clone(),
                    text: text_print(&indicator.text),
                },
            )
        })
        .collect()
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

/// The maps of an assessment keyed by indicator id: an id given twice is refused (as answers
/// files and YAML refuse it), never read as "the last one wins", which would let one of two
/// ratings vanish without a word.
mod unique {
    use std::collections::BTreeMap;
    use std::marker::PhantomData;

    use serde::de::{Deserialize, Deserializer, Error, MapAccess, Visitor};

    use super::{IndicatorPrint, Ratings, SetAside};

    struct Unique<V> {
        what: &'static str,
        value: PhantomData<V>,
    }

    impl<'de, V: Deserialize<'de>> Visitor<'de> for Unique<V> {
        type Value = BTreeMap<String, V>;

        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            write!(f, "a map of {}", self.what)
        }

        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
            let mut out = BTreeMap::new();
            while let Some(key) = map.next_key::<String>()? {
                if out.contains_key(&key) {
                    return Err(A::Error::custom(format!(
                        "{}: {key:?} is given twice; an id may appear once",
                        self.what
                    )));
                }
                let value = map.next_value()?;
                out.insert(key, value);
            }
            Ok(out)
        }
    }

    fn map<'de, D: Deserializer<'de>, V: Deserialize<'de>>(
        deserializer: D,
        what: &'static str,
    ) -> Result<BTreeMap<String, V>, D::Error> {
        deserializer.deserialize_map(Unique {
            what,
            value: PhantomData,
        })
    }

    pub fn ratings<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Ratings, D::Error> {
        map(deserializer, "ratings")
    }

    pub fn notes<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<BTreeMap<String, String>, D::Error> {
        map(deserializer, "notes")
    }

    pub fn set_aside<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<BTreeMap<String, SetAside>, D::Error> {
        map(deserializer, "set_aside")
    }

    /// The indicator prints, which may be absent or null.
    pub fn prints<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Option<BTreeMap<String, IndicatorPrint>>, D::Error> {
        struct Prints(BTreeMap<String, IndicatorPrint>);
        impl<'de> Deserialize<'de> for Prints {
            fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                map(deserializer, "framework.indicators").map(Prints)
            }
        }
        Ok(Option::<Prints>::deserialize(deserializer)?.map(|p| p.0))
    }
}

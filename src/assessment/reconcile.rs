//! Matching a saved assessment to the framework found for it: one step, used by every command
//! that reads an assessment, so a rating counts the same way everywhere.
//!
//! A rating is kept when its indicator is still in the framework, its text is the one that was
//! rated (when the file recorded it) and its value is on the current scale. Everything else is
//! dropped, each with its reason, and left out of every score.

use std::collections::{BTreeMap, HashMap};

use super::file::{find_framework, FoundFramework};
use super::model::{text_print, Assessment, IndicatorPrint, RatingValue, Ratings};
use crate::catalog::{Catalog, Entry};
use crate::error::{BadInput, Diagnostic};
use crate::framework::{Framework, ScalePoint};

/// What [`reconcile`] made of an assessment's ratings.
#[derive(Debug, Clone, PartialEq)]
pub struct Reconciled {
    /// The ratings that count.
    pub ratings: Ratings,
    /// The ratings that do not, in indicator id order.
    pub dropped: Vec<Dropped>,
    /// How the framework's indicators changed since the assessment was taken; `None` when the
    /// file does not record them (written by an older version of rungs).
    pub since: Option<Since>,
}

/// A rating left out, and why.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Dropped {
    /// The indicator id it was given to.
    pub id: String,
    /// The value it had.
    pub value: RatingValue,
    /// Why it no longer counts.
    pub reason: DropReason,
    /// The rating's evidence note, kept with it when it is set aside.
    #[serde(skip)]
    pub note: Option<String>,
}

pub use super::model::DropReason;

/// How the framework's indicators changed since the assessment was taken.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Since {
    /// Indicators the framework has now and did not have then, in walk order.
    pub added: Vec<String>,
    /// Indicators the framework had then and has no longer, in id order.
    pub removed: Vec<String>,
    /// Indicators now under another competency or level, in walk order.
    pub moved: Vec<Moved>,
}

impl Since {
    /// Whether nothing was added, removed or moved.
    pub fn is_empty(&self) -> bool {
        self.added.is_empty() && self.removed.is_empty() && self.moved.is_empty()
    }
}

/// An indicator that moved to another competency or level.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Moved {
    /// The indicator id.
    pub id: String,
    /// `competency/level` then.
    pub from: String,
    /// `competency/level` now.
    pub to: String,
}

fn place(print: &IndicatorPrint) -> String {
    format!("{}/{}", print.competency, print.level)
}

/// Match an assessment's ratings to `framework`: which count, which are dropped and why, and
/// what changed in the framework's indicators since the assessment was taken.
pub fn reconcile(framework: &Framework, assessment: &Assessment) -> Reconciled {
    let known = IndicatorsNow::new(framework);
    let recorded = assessment.framework.indicators.as_ref();
    sort_out(framework, &known, recorded, assessment.ratings.clone())
}

fn reconcile_known(
    framework: &Framework,
    known: &IndicatorsNow<'_>,
    assessment: &mut Assessment,
) -> Reconciled {
    let ratings = std::mem::take(&mut assessment.ratings);
    let recorded = assessment.framework.indicators.as_ref();
    let mut reconciled = sort_out(framework, known, recorded, ratings);
    assessment.ratings = std::mem::take(&mut reconciled.ratings);
    reconciled
}

/// The rule itself: `ratings` keeps what counts, and the rest is listed with its reason.
fn sort_out(
    framework: &Framework,
    known: &IndicatorsNow<'_>,
    recorded: Option<&BTreeMap<String, IndicatorPrint>>,
    mut ratings: Ratings,
) -> Reconciled {
    // Each indicator's competency, for its scale, only when some competency has its own.
    let competency_of: HashMap<&str, usize> = if framework.has_own_scales() {
        framework
            .indicators()
            .map(|(c, _, indicator)| (indicator.id.as_str(), c))
            .collect()
    } else {
        HashMap::new()
    };
    let mut dropped = Vec::new();
    ratings.retain(|id, rating| {
        let reason = if !known.contains(id) {
            Some(DropReason::NotInFramework)
        } else if recorded
            .and_then(|r| r.get(id))
            // Printed only for an indicator the file recorded a print of.
            .is_some_and(|then| known.print(id).is_some_and(|now| then.text != now))
        {
            Some(DropReason::TextChanged)
        } else {
            match rating.value {
                RatingValue::Scale(v)
                    if !competency_of
                        .get(id.as_str())
                        .map_or(framework.scale.as_slice(), |&c| framework.scale_of(c))
                        .iter()
                        .any(|p| p.value == v) =>
                {
                    Some(DropReason::OffScale)
                }
                _ => None,
            }
        };
        if let Some(reason) = reason {
            dropped.push(Dropped {
                id: id.clone(),
                value: rating.value,
                reason,
                note: rating.note.clone(),
            });
        }
        reason.is_none()
    });
    let since = recorded.map(|then| {
        let mut since = Since::default();
        for (_, _, indicator) in framework.indicators() {
            let Some(now) = known.place(&indicator.id) else {
                continue;
            };
            match then.get(&indicator.id) {
                None => since.added.push(indicator.id.clone()),
                Some(before)
                    if before.competency != now.competency || before.level != now.level =>
                {
                    since.moved.push(Moved {
                        id: indicator.id.clone(),
                        from: place(before),
                        to: format!("{}/{}", now.competency, now.level),
                    })
                }
                Some(_) => {}
            }
        }
        since.removed = then
            .keys()
            .filter(|id| !known.contains(id))
            .cloned()
            .collect();
        since
    });
    Reconciled {
        ratings,
        dropped,
        since,
    }
}

/// An assessment matched to its framework: what `report`, `diff`, `history` and the other
/// commands that read assessments work from.
#[derive(Debug, Clone)]
pub struct Attached {
    /// The assessment, holding only the ratings that count; `framework` is still the one
    /// recorded in the file.
    pub assessment: Assessment,
    /// The framework found for it.
    pub entry: Entry,
    /// Set when the framework's bytes differ from the ones the assessment recorded.
    pub digest_changed: bool,
    /// The ratings left out, and why.
    pub dropped: Vec<Dropped>,
    /// How the indicators changed since the assessment was taken, when the file records it.
    pub since: Option<Since>,
    /// Notes on indicators the framework no longer has, taken out of the assessment's notes.
    pub stray_notes: BTreeMap<String, String>,
}

/// Find the framework of an assessment (see [`find_framework`]) and [`attach_to`] it.
/// `shown` names the assessment file in messages.
pub fn attach(
    catalog: &Catalog,
    shown: &str,
    assessment: Assessment,
    override_entry: Option<&Entry>,
) -> Result<Attached, BadInput> {
    let FoundFramework {
        entry,
        digest_changed,
    } = find_framework(catalog, &assessment, override_entry, shown)?;
    attach_to(entry, digest_changed, shown, assessment)
}

/// Reconcile an assessment with the framework `entry`. When the framework is the one the
/// assessment was made against (`digest_changed` false), a rating that does not fit is bad
/// input: the file was edited or damaged. After a change, such ratings are dropped.
pub fn attach_to(
    entry: Entry,
    digest_changed: bool,
    shown: &str,
    mut assessment: Assessment,
) -> Result<Attached, BadInput> {
    let known = IndicatorsNow::new(&entry.framework);
    let (reconciled, stray_notes) = fit(
        &entry.framework,
        &known,
        digest_changed,
        shown,
        &mut assessment,
    )?;
    Ok(Attached {
        assessment,
        entry,
        digest_changed,
        dropped: reconciled.dropped,
        since: reconciled.since,
        stray_notes,
    })
}

/// The one rule for fitting an assessment to the framework found for it, for one file read
/// alone (`report`) or among many (`team`): against a changed framework (`digest_changed`),
/// what no longer fits is dropped (and listed); against the very framework it was made with,
/// a rating for an unknown indicator, off the scale or given to another text than the one
/// recorded, or a note for an unknown indicator, means the file was edited: it is refused.
/// `known` is [`IndicatorsNow::new`] of `framework`, made once by a caller fitting many files.
/// Notes of indicators the framework lacks are taken out of the assessment and returned.
pub fn fit(
    framework: &Framework,
    known: &IndicatorsNow<'_>,
    digest_changed: bool,
    shown: &str,
    assessment: &mut Assessment,
) -> Result<(Reconciled, BTreeMap<String, String>), BadInput> {
    let reconciled = reconcile_known(framework, known, assessment);
    let stray_notes: Vec<String> = assessment
        .notes
        .keys()
        .filter(|id| !known.contains(id))
        .map(|id| format!("note for unknown indicator {id:?}"))
        .collect();
    if !digest_changed && (!reconciled.dropped.is_empty() || !stray_notes.is_empty()) {
        return Err(BadInput::located(
            reconciled
                .dropped
                .iter()
                .map(|d| misfit(framework, d))
                .chain(stray_notes)
                .map(|problem| {
                    Diagnostic::file_error(
                        shown,
                        format!("{problem} (the assessment does not match its framework)"),
                    )
                })
                .collect(),
        ));
    }
    let (notes, stray_notes) = std::mem::take(&mut assessment.notes)
        .into_iter()
        .partition(|(id, _)| known.contains(id));
    assessment.notes = notes;
    Ok((reconciled, stray_notes))
}

/// What [`set_aside`] did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Aside {
    /// Indicator ids whose rating or note came back from `set_aside`, in id order.
    pub returned: Vec<String>,
    /// Indicator ids newly set aside, in id order.
    pub added: Vec<String>,
}

/// Keep what a resumed assessment would otherwise lose to a changed framework: the ratings
/// [`attach_to`] dropped and the notes of indicators no longer there move to
/// `assessment.set_aside` with their reason, and what was set aside before and fits again (its
/// indicator is back, with the text it was given to, and its value is on the scale) returns.
/// Call it before the assessment records the new framework: the text prints it keeps are the
/// recorded ones.
pub fn set_aside(
    framework: &Framework,
    assessment: &mut Assessment,
    dropped: Vec<Dropped>,
    stray_notes: BTreeMap<String, String>,
) -> Aside {
    let mut aside = Aside::default();
    let current: HashMap<&str, (usize, &str)> = framework
        .indicators()
        .map(|(c, _, i)| (i.id.as_str(), (c, i.text.as_str())))
        .collect();
    let fits = |id: &str, kept: &super::model::SetAside| {
        current.get(id).is_some_and(|&(c, text)| {
            kept.text
                .as_ref()
                .is_none_or(|print| *print == text_print(text))
                && match kept.value {
                    Some(RatingValue::Scale(v)) => {
                        framework.scale_of(c).iter().any(|p| p.value == v)
                    }
                    _ => true,
                }
        })
    };
    let earlier = std::mem::take(&mut assessment.set_aside);
    for (id, kept) in earlier {
        let free = !assessment.ratings.contains_key(&id) && !assessment.notes.contains_key(&id);
        if free && fits(&id, &kept) {
            match kept.value {
                Some(value) => {
                    assessment.ratings.insert(
                        id.clone(),
                        super::model::Rating {
                            value,
                            note: kept.note,
                        },
                    );
                }
                None => {
                    if let Some(note) = kept.note {
                        assessment.notes.insert(id.clone(), note);
                    }
                }
            }
            aside.returned.push(id);
        } else {
            assessment.set_aside.insert(id, kept);
        }
    }
    let recorded = assessment.framework.indicators.as_ref();
    let print = |id: &str| recorded.and_then(|r| r.get(id)).map(|p| p.text.clone());
    for d in dropped {
        let kept = super::model::SetAside {
            value: Some(d.value),
            note: d.note,
            reason: d.reason,
            text: print(&d.id),
        };
        aside.added.push(d.id.clone());
        assessment.set_aside.insert(d.id, kept);
    }
    for (id, note) in stray_notes {
        let kept = super::model::SetAside {
            value: None,
            note: Some(note),
            reason: DropReason::NotInFramework,
            text: print(&id),
        };
        aside.added.push(id.clone());
        assessment.set_aside.insert(id, kept);
    }
    aside.added.sort();
    aside
}

/// Why one rating does not fit an unchanged framework.
fn misfit(framework: &Framework, dropped: &Dropped) -> String {
    let id = &dropped.id;
    match dropped.reason {
        DropReason::NotInFramework => format!("rating for unknown indicator {id:?}"),
        DropReason::TextChanged => {
            format!("indicator {id:?} has a recorded text print that does not match its text")
        }
        DropReason::OffScale => format!(
            "indicator {id:?} is rated {}, which is not on the scale ({})",
            dropped.value,
            values(
                framework
                    .indicators()
                    .find(|(_, _, i)| &i.id == id)
                    .map_or(framework.scale.as_slice(), |(c, _, _)| framework
                        .scale_of(c))
            )
        ),
    }
}

/// The scale's values, `1, 2, 3, 4`; with competencies on scales of their own, the values of
/// every scale.
pub fn scale_values(framework: &Framework) -> String {
    if framework.has_own_scales() {
        framework
            .rating_values()
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join(", ")
    } else {
        values(&framework.scale)
    }
}

fn values(scale: &[ScalePoint]) -> String {
    scale
        .iter()
        .map(|p| p.value.to_string())
        .collect::<Vec<_>>()
        .join(", ")
}

/// A framework's indicators as they are now, as fitting a file to it needs them: each id with
/// its competency, level and text, and the print of the text, worked out the first time a file
/// asks for it and kept with the framework, so every file fitted to the same loaded framework
/// shares it (a team's files, a history's, both sides of a diff).
pub struct IndicatorsNow<'a> {
    /// Keyed by the framework's own ids, so a hasher made for speed is safe: files only look
    /// ids up.
    places: rustc_hash::FxHashMap<&'a str, Place<'a>>,
    /// Where the prints are kept, shared by every file fitted to it.
    framework: &'a Framework,
}

/// Where an indicator stands now.
struct Place<'a> {
    competency: &'a str,
    level: &'a str,
    text: &'a str,
    /// In [`Framework::indicators`] order.
    position: usize,
}

impl<'a> IndicatorsNow<'a> {
    /// Every indicator of `framework`.
    pub fn new(framework: &'a Framework) -> IndicatorsNow<'a> {
        let places = framework
            .indicators()
            .enumerate()
            .map(|(position, (c, l, indicator))| {
                let competency = &framework.competencies[c];
                let place = Place {
                    competency: competency.id.as_str(),
                    level: framework.levels[competency.levels[l].level].id.as_str(),
                    text: indicator.text.as_str(),
                    position,
                };
                (indicator.id.as_str(), place)
            })
            .collect();
        IndicatorsNow { framework, places }
    }

    /// Whether the framework has an indicator `id`.
    pub fn contains(&self, id: &str) -> bool {
        self.places.contains_key(id)
    }

    fn place(&self, id: &str) -> Option<&Place<'a>> {
        self.places.get(id)
    }

    /// The [`text_print`] of indicator `id`'s text, worked out once.
    pub fn print(&self, id: &str) -> Option<&str> {
        let place = self.places.get(id)?;
        self.framework
            .kept_for_indicator(place.position, place.text, text_print)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::assessment::{FrameworkRef, Rating, FORMAT};

    fn framework(yaml: &str) -> Framework {
        crate::test_support::framework("f.yaml", yaml)
    }

    const BEFORE: &str = r#"
id: f
name: F
version: "1"
scale: [{ value: 1, label: One }, { value: 2, label: Two }, { value: 7, label: Seven }]
demonstrated_at: 2
levels: [{ id: a, name: A }, { id: b, name: B }]
competencies:
  - id: c
    name: C
    levels:
      - level: a
        indicators: [{ id: i1, text: First }, { id: i2, text: Second }]
      - level: b
        indicators: [{ id: i3, text: Third }]
"#;

    fn assessment(framework: &Framework, ratings: &[(&str, u32)]) -> Assessment {
        Assessment {
            format: FORMAT.into(),
            framework: FrameworkRef {
                id: "f".into(),
                version: "1".into(),
                digest: "sha256:0".into(),
                path: None,
                indicators: Some(crate::assessment::indicator_prints(framework)),
            },
            subject: None,
            track: None,
            rater: None,
            lang: None,
            form_token: None,
            started_at: "2026-01-01T00:00:00Z".into(),
            completed_at: None,
            notes: Default::default(),
            target: None,
            from: None,
            set_aside: Default::default(),
            ratings: ratings
                .iter()
                .map(|(id, v)| {
                    (
                        id.to_string(),
                        Rating {
                            value: RatingValue::Scale(*v),
                            note: None,
                        },
                    )
                })
                .collect(),
        }
    }

    fn entry(framework: &Framework) -> Entry {
        Entry {
            framework: std::sync::Arc::new(framework.clone()),
            digest: "sha256:1".into(),
            origin: crate::catalog::Origin::File("f.yaml".into()),
            warnings: Vec::new(),
        }
    }

    #[test]
    fn what_no_longer_fits_is_set_aside_and_returns_only_when_it_fits_again() {
        let before = framework(BEFORE);
        let mut a = assessment(&before, &[("i1", 7), ("i2", 2), ("i3", 1)]);
        a.notes
            .insert("i9".into(), "a note on a gone indicator".into());
        // i1 off the new scale, i2 renamed i5, i3 reworded.
        let after = framework(
            &BEFORE
                .replace("{ value: 7, label: Seven }", "{ value: 3, label: Three }")
                .replace("id: i2", "id: i5")
                .replace("text: Third", "text: Third again"),
        );
        let changed = |a: Assessment| attach_to(entry(&after), true, "a.json", a).expect("attach");
        let attached = changed(a);
        let mut resumed = attached.assessment;
        let aside = set_aside(&after, &mut resumed, attached.dropped, attached.stray_notes);
        assert_eq!(aside.added, ["i1", "i2", "i3", "i9"]);
        assert!(aside.returned.is_empty());
        assert!(resumed.ratings.is_empty());
        let reasons: Vec<(&str, DropReason, bool)> = resumed
            .set_aside
            .iter()
            .map(|(id, kept)| (id.as_str(), kept.reason, kept.value.is_some()))
            .collect();
        assert_eq!(
            reasons,
            [
                ("i1", DropReason::OffScale, true),
                ("i2", DropReason::NotInFramework, true),
                ("i3", DropReason::TextChanged, true),
                ("i9", DropReason::NotInFramework, false),
            ]
        );
        // Resumed again on the same framework: nothing fits yet, nothing returns.
        let mut same = resumed.clone();
        let none = set_aside(&after, &mut same, Vec::new(), BTreeMap::new());
        assert!(none.returned.is_empty() && none.added.is_empty());
        assert_eq!(same.set_aside, resumed.set_aside);
        // Back to the first framework: i1 and i2 fit again; i3 too, its text is the one rated;
        // the note on i9 stays aside, i9 is still not there.
        resumed.framework.indicators = Some(crate::assessment::indicator_prints(&after));
        let mut again = changed(resumed).assessment;
        let aside = set_aside(&before, &mut again, Vec::new(), BTreeMap::new());
        assert_eq!(aside.returned, ["i1", "i2", "i3"]);
        assert_eq!(again.ratings.len(), 3);
        assert_eq!(again.set_aside.keys().collect::<Vec<_>>(), ["i9"]);
    }

    #[test]
    fn an_unchanged_framework_keeps_every_rating() {
        let f = framework(BEFORE);
        let a = assessment(&f, &[("i1", 7), ("i3", 1)]);
        let r = reconcile(&f, &a);
        assert_eq!(r.ratings, a.ratings);
        assert!(r.dropped.is_empty());
        assert_eq!(r.since, Some(Since::default()));
    }

    #[test]
    fn each_misfit_is_dropped_with_its_reason_and_changes_are_named() {
        let before = framework(BEFORE);
        let a = assessment(&before, &[("i1", 7), ("i2", 2), ("i3", 1)]);
        let after = framework(
            r#"
id: f
name: F
version: "2"
scale: [{ value: 1, label: One }, { value: 2, label: Two }]
demonstrated_at: 2
levels: [{ id: a, name: A }, { id: b, name: B }]
competencies:
  - id: c
    name: C
    levels:
      - level: a
        indicators: [{ id: i5, text: Fifth }]
      - level: b
        indicators: [{ id: i1, text: First }, { id: i4, text: Fourth }, { id: i3, text: "Third, reworded" }]
"#,
        );
        let r = reconcile(&after, &a);
        let reasons: Vec<(&str, DropReason)> = r
            .dropped
            .iter()
            .map(|d| (d.id.as_str(), d.reason))
            .collect();
        assert_eq!(
            reasons,
            [
                ("i1", DropReason::OffScale),
                ("i2", DropReason::NotInFramework),
                ("i3", DropReason::TextChanged)
            ]
        );
        assert!(r.ratings.is_empty());
        let since = r.since.expect("recorded");
        assert_eq!(since.added, ["i5", "i4"]);
        assert_eq!(since.removed, ["i2"]);
        assert_eq!(
            since.moved,
            [Moved {
                id: "i1".into(),
                from: "c/a".into(),
                to: "c/b".into()
            }]
        );
    }

    #[test]
    fn a_file_without_prints_matches_by_id_only() {
        let f = framework(BEFORE);
        let mut a = assessment(&f, &[("i3", 1)]);
        a.framework.indicators = None;
        let reworded = framework(&BEFORE.replace("text: Third", "text: Other"));
        let r = reconcile(&reworded, &a);
        assert_eq!(r.ratings.len(), 1);
        assert_eq!(r.since, None);
    }

    #[test]
    fn white_space_is_not_a_change_of_text() {
        assert_eq!(
            text_print("Listens  well\n to others"),
            text_print("Listens well to others")
        );
        assert_ne!(text_print("Listens well"), text_print("Listens badly"));
        assert_eq!(text_print("x").len(), 12);
        // The print is the first 12 hex digits of the digest of the words joined by one
        // space, as assessments already on disk recorded it.
        for text in [
            "x",
            "Listens well to others",
            " a\tb\n\u{a0}c  ",
            "",
            " ",
            "a ",
            " a",
            "a  b",
            "a\u{a0}b",
            "Ünïcödé  wörds",
        ] {
            let joined = text.split_whitespace().collect::<Vec<_>>().join(" ");
            let digest = crate::framework::digest(joined.as_bytes());
            assert_eq!(
                text_print(text),
                digest["sha256:".len()..][..12],
                "{text:?}"
            );
        }
        assert_eq!(
            crate::framework::digest(b"abc"),
            "sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }
}

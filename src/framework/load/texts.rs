//! Every text of the framework, free of control characters and bidirectional overrides.

use super::check::Problems;
use super::Problem;
use crate::framework::format::*;
use crate::framework::text::{forbidden_char, forbidden_message};
use crate::yaml::locate::PathSegment;

/// Checks one text, given the path to it (made only when the text is at fault).
type TextCheck<'a> = dyn FnMut(&dyn Fn() -> Vec<PathSegment>, &str) + 'a;

/// Every text of the framework is free of control characters and bidirectional overrides.
pub(super) fn check_texts(raw: &RawFramework, problems: &mut Problems) {
    use PathSegment::{EntryKey, EntryValue, Index, Key};
    let mut check = |path: &dyn Fn() -> Vec<PathSegment>, text: &str| {
        if let Some((_, c)) = forbidden_char(text) {
            problems.errors.push(Problem {
                path: path(),
                message: forbidden_message(c),
                warning: false,
                first: None,
                character: Some(c),
            });
        }
    };
    check(&|| vec![Key("id")], &raw.id);
    check(&|| vec![Key("name")], &raw.name);
    check(&|| vec![Key("version")], &raw.version.0);
    check(&|| vec![Key("description")], opt(&raw.description));
    check(&|| vec![Key("source")], opt(&raw.source));
    check(&|| vec![Key("evidence")], opt(&raw.evidence));
    scale_texts(&mut check, &[], &raw.scale);
    guidance_texts(&mut check, &[], &raw.guidance);
    for (i, l) in raw.levels.iter().enumerate() {
        let at = |k| move || vec![Key("levels"), Index(i), Key(k)];
        check(&at("id"), &l.id);
        check(&at("name"), &l.name);
        check(&at("description"), opt(&l.description));
    }
    for (i, g) in raw.groups.iter().enumerate() {
        let at = |k| move || vec![Key("groups"), Index(i), Key(k)];
        check(&at("id"), &g.id);
        check(&at("name"), &g.name);
        check(&at("description"), opt(&g.description));
        scale_texts(&mut check, &[Key("groups"), Index(i)], &g.scale);
    }
    for (i, t) in raw.tracks.iter().enumerate() {
        let at = |k| move || vec![Key("tracks"), Index(i), Key(k)];
        check(&at("id"), &t.id);
        check(&at("name"), &t.name);
        check(&at("description"), opt(&t.description));
        for (j, level) in t.levels.iter().enumerate() {
            check(
                &|| vec![Key("tracks"), Index(i), Key("levels"), Index(j)],
                level,
            );
        }
    }
    for (ci, c) in raw.competencies.iter().enumerate() {
        competency_texts(&mut check, ci, c);
    }
    for (ti, t) in raw.targets.iter().enumerate() {
        let at = |k| move || vec![Key("targets"), Index(ti), Key(k)];
        check(&at("id"), &t.id);
        check(&at("name"), &t.name);
        check(&at("description"), opt(&t.description));
        check(&at("track"), opt(&t.track));
        for (ei, (competency, level)) in t.levels.0.iter().enumerate() {
            let entry =
                |segment: PathSegment| vec![Key("targets"), Index(ti), Key("levels"), segment];
            check(&|| entry(EntryKey(ei)), competency);
            check(&|| entry(EntryValue(ei)), level);
        }
    }
}

fn opt(text: &Option<String>) -> &str {
    text.as_deref().unwrap_or("")
}

/// The labels and descriptions of a scale declared at `at`.
fn scale_texts(check: &mut TextCheck<'_>, at: &[PathSegment], scale: &Option<Vec<RawScalePoint>>) {
    use PathSegment::{Index, Key};
    for (i, p) in scale.iter().flatten().enumerate() {
        let here = |k| {
            let mut path = at.to_vec();
            path.extend([Key("scale"), Index(i), Key(k)]);
            path
        };
        check(&|| here("label"), &p.label);
        check(&|| here("description"), opt(&p.description));
    }
}

/// The titles, notes and items of the guidance lists at `at`.
fn guidance_texts(check: &mut TextCheck<'_>, at: &[PathSegment], guidance: &[RawGuidance]) {
    use PathSegment::{Index, Key};
    for (gi, g) in guidance.iter().enumerate() {
        let here = |rest: &[PathSegment]| {
            let mut path = at.to_vec();
            path.extend([Key("guidance"), Index(gi)]);
            path.extend_from_slice(rest);
            path
        };
        check(&|| here(&[Key("title")]), &g.title);
        check(&|| here(&[Key("note")]), opt(&g.note));
        for (ii, text) in g.items.iter().enumerate() {
            check(&|| here(&[Key("items"), Index(ii)]), text);
        }
    }
}

/// A competency's texts, its levels' and its indicators'.
fn competency_texts(check: &mut TextCheck<'_>, ci: usize, c: &RawCompetency) {
    use PathSegment::{Index, Key};
    let at = |rest: &[PathSegment]| {
        let mut path = vec![Key("competencies"), Index(ci)];
        path.extend_from_slice(rest);
        path
    };
    check(&|| at(&[Key("id")]), &c.id);
    check(&|| at(&[Key("name")]), &c.name);
    check(&|| at(&[Key("description")]), opt(&c.description));
    check(&|| at(&[Key("group")]), opt(&c.group));
    scale_texts(check, &at(&[]), &c.scale);
    for (li, cl) in c.levels.iter().enumerate() {
        let level = |rest: &[PathSegment]| {
            let mut path = at(&[Key("levels"), Index(li)]);
            path.extend_from_slice(rest);
            path
        };
        check(&|| level(&[Key("level")]), &cl.level);
        check(&|| level(&[Key("title")]), opt(&cl.title));
        check(&|| level(&[Key("description")]), opt(&cl.description));
        for (ei, example) in cl.examples.iter().enumerate() {
            check(&|| level(&[Key("examples"), Index(ei)]), example);
        }
        check(&|| level(&[Key("evidence")]), opt(&cl.evidence));
        for (ii, indicator) in cl.indicators.iter().enumerate() {
            let item = [Key("indicators"), Index(ii)];
            match indicator {
                RawIndicator::Short(text) => check(&|| level(&item), text),
                RawIndicator::Full(o) => {
                    check(
                        &|| level(&[item[0].clone(), item[1].clone(), Key("id")]),
                        &o.id,
                    );
                    check(
                        &|| level(&[item[0].clone(), item[1].clone(), Key("text")]),
                        &o.text,
                    );
                    check(
                        &|| level(&[item[0].clone(), item[1].clone(), Key("origin")]),
                        opt(&o.origin),
                    );
                    for (ei, example) in o.examples.iter().enumerate() {
                        check(
                            &|| {
                                level(&[
                                    item[0].clone(),
                                    item[1].clone(),
                                    Key("examples"),
                                    Index(ei),
                                ])
                            },
                            example,
                        );
                    }
                }
            }
        }
    }
    guidance_texts(check, &at(&[]), &c.guidance);
}

/// The codes and kinds a framework gives its parts: each, when given, is some text, free of
/// control characters and bidirectional overrides.
pub(super) fn check_labels(raw: &RawFramework, problems: &mut Problems) {
    use PathSegment::{Index, Key};
    let mut label =
        |mut path: Vec<PathSegment>, key: &'static str, what: &str, text: &Option<String>| {
            let Some(text) = text else { return };
            path.push(Key(key));
            if text.trim().is_empty() {
                let advice = if key == "kind" {
                    "give a label such as knowledge, skill or attitude"
                } else {
                    "give the framework's own code"
                };
                problems.error(
                    path,
                    format!("{what} has an empty {key}; {advice}, or leave {key} out"),
                );
            } else if let Some((_, c)) = forbidden_char(text) {
                problems.errors.push(Problem {
                    path,
                    message: forbidden_message(c),
                    warning: false,
                    first: None,
                    character: Some(c),
                });
            }
        };
    for (i, l) in raw.levels.iter().enumerate() {
        let what = format!("level {:?}", l.id);
        label(vec![Key("levels"), Index(i)], "code", &what, &l.code);
    }
    for (i, g) in raw.groups.iter().enumerate() {
        let what = format!("group {:?}", g.id);
        label(vec![Key("groups"), Index(i)], "code", &what, &g.code);
    }
    for (ci, c) in raw.competencies.iter().enumerate() {
        let what = format!("competency {:?}", c.id);
        label(vec![Key("competencies"), Index(ci)], "code", &what, &c.code);
        for (li, cl) in c.levels.iter().enumerate() {
            for (ii, indicator) in cl.indicators.iter().enumerate() {
                let RawIndicator::Full(o) = indicator else {
                    continue;
                };
                let path = vec![
                    Key("competencies"),
                    Index(ci),
                    Key("levels"),
                    Index(li),
                    Key("indicators"),
                    Index(ii),
                ];
                let what = format!("indicator {:?}", o.id);
                label(path.clone(), "code", &what, &o.code);
                label(path, "kind", &what, &o.kind);
            }
        }
    }
}

//! The paths of a framework's texts (contract section 13): every text a person reads, named
//! the same way in a translation file and in the translator's sheet.

use std::collections::HashMap;

use super::super::model::{Framework, Guidance, OwnScale, ScalePoint};

/// One text of a framework: where it is, what it is, and what it says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    /// `competencies.listening.name`, `indicators.rel-est-1.text`, ...
    pub path: String,
    /// What the text is, for a translator: `indicator of Listening at Starting`.
    pub context: String,
    /// The text as the framework says it.
    pub source: String,
}

/// Every text of the framework, in file order, each path once.
pub fn places(framework: &Framework) -> Vec<Place> {
    let mut copy = framework.clone();
    let mut seen = std::collections::HashSet::new();
    let mut out = Vec::new();
    visit(&mut copy, &mut |path, context, text| {
        if seen.insert(path.to_string()) {
            out.push(Place {
                path: path.to_string(),
                context: context.to_string(),
                source: text.clone(),
            });
        }
    });
    out
}

/// The framework with every text that `texts` (path -> text) holds replaced; how many of its
/// distinct paths were replaced.
pub fn replaced(framework: &Framework, texts: &HashMap<&str, &str>) -> (Framework, usize) {
    let mut copy = framework.clone();
    let mut done = std::collections::HashSet::new();
    visit(&mut copy, &mut |path, _, text| {
        if let Some(found) = texts.get(path) {
            *text = (*found).to_string();
            done.insert(path.to_string());
        }
    });
    (copy, done.len())
}

type Each<'a> = dyn FnMut(&str, &str, &mut String) + 'a;

/// Call `each(path, context, text)` for every text of the framework, in file order.
fn visit(f: &mut Framework, each: &mut Each<'_>) {
    each("name", "framework name", &mut f.name);
    optional(
        each,
        "description",
        "framework description",
        &mut f.description,
    );
    scale(each, "scale", "rating scale", &mut f.scale);
    for level in &mut f.levels {
        let path = format!("levels.{}", level.id);
        let context = format!("level {}", level.id);
        each(
            &format!("{path}.name"),
            &format!("{context}: name"),
            &mut level.name,
        );
        optional(
            each,
            &format!("{path}.description"),
            &format!("{context}: description"),
            &mut level.description,
        );
    }
    let group_scales: Vec<Option<OwnScale>> = f.groups.iter().map(|g| g.scale.clone()).collect();
    let group_ids: Vec<String> = f.groups.iter().map(|g| g.id.clone()).collect();
    for group in &mut f.groups {
        let path = format!("groups.{}", group.id);
        let context = format!("group {}", group.id);
        each(
            &format!("{path}.name"),
            &format!("{context}: name"),
            &mut group.name,
        );
        optional(
            each,
            &format!("{path}.description"),
            &format!("{context}: description"),
            &mut group.description,
        );
        if let Some(own) = &mut group.scale {
            scale(
                each,
                &format!("{path}.scale"),
                &format!("{context}: scale"),
                &mut own.scale,
            );
        }
    }
    for track in &mut f.tracks {
        let path = format!("tracks.{}", track.id);
        let context = format!("track {}", track.id);
        each(
            &format!("{path}.name"),
            &format!("{context}: name"),
            &mut track.name,
        );
        optional(
            each,
            &format!("{path}.description"),
            &format!("{context}: description"),
            &mut track.description,
        );
    }
    let level_ids: Vec<String> = f.levels.iter().map(|l| l.id.clone()).collect();
    for competency in &mut f.competencies {
        let path = format!("competencies.{}", competency.id);
        let context = format!("competency {}", competency.id);
        each(
            &format!("{path}.name"),
            &format!("{context}: name"),
            &mut competency.name,
        );
        optional(
            each,
            &format!("{path}.description"),
            &format!("{context}: description"),
            &mut competency.description,
        );
        if let Some(own) = &mut competency.scale {
            // A competency of a group with a scale carries the group's: it is the group's text.
            let group = competency.group.filter(|&g| {
                group_scales
                    .get(g)
                    .is_some_and(|s| s.as_ref() == Some(&*own))
            });
            match group {
                Some(g) => {
                    let at = format!("groups.{}", group_ids[g]);
                    scale(
                        each,
                        &format!("{at}.scale"),
                        &format!("group {}: scale", group_ids[g]),
                        &mut own.scale,
                    );
                }
                None => scale(
                    each,
                    &format!("{path}.scale"),
                    &format!("{context}: scale"),
                    &mut own.scale,
                ),
            }
        }
        for rung in &mut competency.levels {
            let level = level_ids.get(rung.level).map_or("", String::as_str);
            let at = format!("{path}.levels.{level}");
            let about = format!("{context} at level {level}");
            if let Some(title) = &mut rung.title {
                each(&format!("{at}.title"), &format!("{about}: title"), title);
            }
            optional(
                each,
                &format!("{at}.description"),
                &format!("{about}: description"),
                &mut rung.description,
            );
            list(
                each,
                &format!("{at}.examples"),
                &format!("{about}: example"),
                &mut rung.examples,
            );
            for indicator in &mut rung.indicators {
                let ip = format!("indicators.{}", indicator.id);
                let ic = format!("indicator of {} at level {level}", competency.id);
                each(&format!("{ip}.text"), &ic, &mut indicator.text);
                list(
                    each,
                    &format!("{ip}.examples"),
                    &format!("{ic}: example"),
                    &mut indicator.examples,
                );
            }
        }
        guidance(
            each,
            &format!("{path}."),
            &format!("{context}: "),
            &mut competency.guidance,
        );
    }
    for target in &mut f.targets {
        let path = format!("targets.{}", target.id);
        let context = format!("target {}", target.id);
        each(
            &format!("{path}.name"),
            &format!("{context}: name"),
            &mut target.name,
        );
        optional(
            each,
            &format!("{path}.description"),
            &format!("{context}: description"),
            &mut target.description,
        );
    }
    guidance(each, "", "", &mut f.guidance);
}

fn optional(each: &mut Each<'_>, path: &str, context: &str, text: &mut Option<String>) {
    if let Some(text) = text {
        each(path, context, text);
    }
}

/// `PATH.N` for each item, N from 1.
fn list(each: &mut Each<'_>, path: &str, context: &str, items: &mut [String]) {
    for (n, item) in items.iter_mut().enumerate() {
        each(&format!("{path}.{}", n + 1), context, item);
    }
}

fn scale(each: &mut Each<'_>, path: &str, context: &str, points: &mut [ScalePoint]) {
    for point in points {
        let at = format!("{path}.{}", point.value);
        each(
            &format!("{at}.label"),
            &format!("{context}: label of {}", point.value),
            &mut point.label,
        );
        optional(
            each,
            &format!("{at}.description"),
            &format!("{context}: description of {}", point.value),
            &mut point.description,
        );
    }
}

fn guidance(each: &mut Each<'_>, prefix: &str, context: &str, lists: &mut [Guidance]) {
    for (n, g) in lists.iter_mut().enumerate() {
        let at = format!("{prefix}guidance.{}", n + 1);
        each(
            &format!("{at}.title"),
            &format!("{context}guidance title"),
            &mut g.title,
        );
        list(
            each,
            &format!("{at}.items"),
            &format!("{context}guidance item"),
            &mut g.items,
        );
    }
}

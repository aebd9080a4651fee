//! Phase 4: the framework the gathered rows make, its levels in the order found.

use std::collections::HashSet;

use super::gather::{CompetencyLevelEntry, Gathered};
use crate::framework::format::*;
use crate::framework::sheet;
use crate::import::Options;

impl Gathered {
    /// Phase 4: the framework, its levels in `order`.
    pub(super) fn into_framework(
        self,
        order: &[usize],
        file: &str,
        options: &Options,
    ) -> RawFramework {
        let stem = std::path::Path::new(file)
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let [given_id, given_name, given_version] = self
            .identity
            .clone()
            .map(|given| given.map(|(text, _)| text));
        let id = options.id.clone().or(given_id).unwrap_or_else(|| {
            let id = sheet::slug(&stem);
            if id.is_empty() {
                "imported".to_string()
            } else {
                id
            }
        });
        let name = options
            .name
            .clone()
            .or(given_name)
            .unwrap_or_else(|| name_from(&stem, &id));
        let mut rank = vec![0; self.levels.len()];
        for (position, &li) in order.iter().enumerate() {
            rank[li] = position;
        }
        let tracks = self
            .track_ladders()
            .into_iter()
            .zip(&self.tracks)
            .map(|(mut ladder, t)| {
                ladder.sort_by_key(|&(l, _)| rank[l]);
                RawTrack {
                    id: t.id.clone(),
                    name: t.name.clone(),
                    description: None,
                    levels: ladder
                        .into_iter()
                        .map(|(l, _)| self.levels[l].id.clone())
                        .collect(),
                }
            })
            .collect();
        let levels = &self.levels;
        let raw_levels = order
            .iter()
            .map(|&li| {
                let l = &levels[li];
                RawLevel {
                    id: l.id.clone(),
                    name: l.name.clone(),
                    code: l.code.as_ref().map(|(c, _)| c.clone()),
                    description: l.description.as_ref().map(|(d, _)| d.clone()),
                }
            })
            .collect();
        // Groups in order of first appearance, each named as its first competency names it.
        let mut groups: Vec<RawGroup> = Vec::new();
        let mut group_ids: HashSet<&str> = HashSet::new();
        for c in &self.competencies {
            if let (Some((name, _)), Some((id, _))) = (&c.group, &c.group_id) {
                if group_ids.insert(id) {
                    // A groups sheet's (or competencies sheet's) texts stand; else the rows'.
                    let listed = self.tables.groups.find(id, "");
                    let description = listed
                        .and_then(|g| g.description.as_ref())
                        .or_else(|| self.group_descriptions.get(id).and_then(Option::as_ref));
                    groups.push(RawGroup {
                        id: id.clone(),
                        name: listed.map_or_else(|| name.clone(), |g| g.name.clone()),
                        code: c
                            .group_code
                            .as_ref()
                            .or(listed.and_then(|g| g.code.as_ref()))
                            .map(|(code, _)| code.clone()),
                        description: description.map(|(d, _)| d.clone()),
                        ..RawGroup::default()
                    });
                }
            }
        }
        // Copied, not moved: the rows came in sheet order, so one competency's texts lie
        // scattered over everything gathered. Copies are laid out in the framework's order,
        // which every later pass (writing, checking, converting) reads in, and the scattered
        // originals go at once when `self` does. At 40,000 rows this halves the passes' time.
        let competencies = self
            .competencies
            .iter()
            .map(|c| {
                let mut cls: Vec<&CompetencyLevelEntry> = c
                    .levels
                    .iter()
                    .map(|&l| &self.competency_levels[l])
                    .collect();
                cls.sort_by_key(|l| rank[l.level]);
                RawCompetency {
                    id: c.id.clone(),
                    name: c.name.clone(),
                    code: c.code.as_ref().map(|(code, _)| code.clone()),
                    description: c.description.as_ref().map(|(d, _)| d.clone()),
                    group: c.group_id.as_ref().map(|(id, _)| id.clone()),
                    levels: cls
                        .into_iter()
                        .map(|l| RawCompetencyLevel {
                            level: levels[l.level].id.clone(),
                            title: l.title.as_ref().map(|(t, _)| t.clone()),
                            description: l.description.as_ref().map(|(d, _)| d.clone()),
                            examples: l
                                .examples
                                .as_ref()
                                .map(|(e, _)| sheet::split_examples(e))
                                .unwrap_or_default(),
                            evidence: None,
                            indicators: l
                                .indicators
                                .iter()
                                .cloned()
                                .map(RawIndicator::Full)
                                .collect(),
                        })
                        .collect(),
                    ..RawCompetency::default()
                }
            })
            .collect();
        RawFramework {
            id,
            name,
            version: Version(
                options
                    .version
                    .clone()
                    .or(given_version)
                    .unwrap_or_else(|| "1.0".into()),
            ),
            description: None,
            source: None,
            scale: None,
            demonstrated_at: None,
            threshold: None,
            evidence: None,
            levels: raw_levels,
            groups,
            tracks,
            competencies,
            ..RawFramework::default()
        }
    }
}

/// `engineering-ladder` -> `Engineering ladder`, unless the file name already reads as a name.
fn name_from(stem: &str, id: &str) -> String {
    let base = if stem.trim().is_empty() { id } else { stem };
    let spaced: String = base
        .chars()
        .map(|c| if matches!(c, '-' | '_') { ' ' } else { c })
        .collect();
    let mut chars = spaced.trim().chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => id.to_string(),
    }
}

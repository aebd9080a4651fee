//! A generated team: self-assessments of a shipped framework, as `rungs assess` writes them,
//! and a manager's assessment for every tenth person.

use std::path::Path;

use rungs::assessment::{
    file, indicator_prints, Assessment, FrameworkRef, Rater, Rating, RatingValue, Ratings,
    Relation, FORMAT,
};
use rungs::catalog::Entry;

use super::synthetic::Sequence;

/// Write `people` self-assessments (and a manager's for every tenth person) into `dir`;
/// returns the number of files written.
pub fn write_team(dir: &Path, entry: &Entry, people: usize, seed: u64) -> usize {
    std::fs::create_dir_all(dir).expect("team folder");
    let framework = &entry.framework;
    let reference = FrameworkRef {
        id: framework.id.clone(),
        version: framework.version.clone(),
        digest: entry.digest.clone(),
        path: None,
        indicators: Some(indicator_prints(framework)),
    };
    let ids: Vec<String> = framework
        .indicators()
        .map(|(_, _, i)| i.id.clone())
        .collect();
    let values: Vec<u32> = framework.scale.iter().map(|p| p.value).collect();
    let mut sequence = Sequence::new(seed);
    let mut written = 0;
    let mut write = |name: String, subject: String, rater: Option<Rater>, seq: &mut Sequence| {
        // Each person has a level of skill; ratings scatter around it.
        let skill = seq.below(values.len() as u64) as i64;
        let ratings: Ratings = ids
            .iter()
            .map(|id| {
                let value = if seq.below(20) == 0 {
                    RatingValue::NotApplicable
                } else {
                    let at = (skill + seq.below(3) as i64 - 1).clamp(0, values.len() as i64 - 1);
                    RatingValue::Scale(values[at as usize])
                };
                let note = (seq.below(10) == 0).then(|| "Ran the partner day in March".to_string());
                (id.clone(), Rating { value, note })
            })
            .collect();
        let day = 1 + seq.below(28);
        // Built from the fields every assessment has, so fields added later keep their defaults.
        let mut assessment: Assessment = serde_json::from_value(serde_json::json!({
            "format": FORMAT,
            "framework": { "id": "", "version": "", "digest": "" },
            "started_at": format!("2026-03-{day:02}T09:00:00+01:00"),
            "completed_at": format!("2026-03-{day:02}T09:40:00+01:00"),
        }))
        .expect("a minimal assessment");
        assessment.framework = reference.clone();
        assessment.subject = Some(subject);
        assessment.rater = rater;
        assessment.ratings = ratings;
        std::fs::write(dir.join(name), file::to_json(&assessment).expect("JSON"))
            .expect("write assessment");
        written += 1;
    };
    for person in 0..people {
        let subject = format!("Person {person:06}");
        if person % 10 == 9 {
            write(
                format!("person-{person:06}-by-manager.json"),
                subject.clone(),
                Some(Rater {
                    name: format!("Manager {:04}", person / 10),
                    relation: Relation::Manager,
                }),
                &mut sequence,
            );
        }
        write(
            format!("person-{person:06}.json"),
            subject,
            None,
            &mut sequence,
        );
    }
    written
}

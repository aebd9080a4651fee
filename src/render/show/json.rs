//! `rungs show --format json`: the loaded framework for other tools, with every reference
//! written as an id (and every level with its rank), never as a position in a list.

use serde_json::{json, Value};

use crate::framework::Framework;

/// The framework as pretty JSON with a trailing newline.
pub fn render(framework: &Framework) -> String {
    let level_id = |index: usize| framework.levels[index].id.clone();
    let evidence = |required: bool| if required { Some("required") } else { None };
    let value = json!({
        "id": framework.id,
        "name": framework.name,
        "version": framework.version,
        "description": framework.description,
        "source": framework.source,
        "scale": framework.scale,
        "demonstrated_at": framework.demonstrated_at,
        "threshold": framework.threshold,
        "gating": framework.gating,
        "role_fit": framework.role_fit,
        "evidence": evidence(framework.evidence_required),
        "levels": framework.levels.iter().enumerate().map(|(i, l)| with_code(&l.code, json!({
            "id": l.id,
            "name": l.name,
            "rank": framework.rank(i),
            "description": l.description,
        }))).collect::<Vec<_>>(),
        "groups": framework.groups,
        "tracks": framework.tracks.iter().map(|t| json!({
            "id": t.id,
            "name": t.name,
            "description": t.description,
            "levels": t.levels.iter().map(|&l| level_id(l)).collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
        "competencies": framework.competencies.iter().map(|c| own_scale(c, with_code(&c.code, json!({
            "id": c.id,
            "name": c.name,
            "description": c.description,
            "group": framework.group_of(c).map(|g| g.id.as_str()),
            "levels": c.levels.iter().map(|cl| json!({
                "level": level_id(cl.level),
                "rank": framework.rank(cl.level),
                "title": framework.level_title(cl),
                "description": cl.description,
                "examples": cl.examples,
                "evidence": evidence(cl.evidence_required),
                "indicators": cl.indicators,
            })).collect::<Vec<_>>(),
            "guidance": c.guidance,
        })))).collect::<Vec<_>>(),
        "targets": framework.targets.iter().map(|t| json!({
            "id": t.id,
            "name": t.name,
            "description": t.description,
            "track": t.track.map(|i| framework.tracks[i].id.as_str()),
            "levels": t.levels.iter().map(|&(c, l)| {
                (framework.competencies[c].id.clone(), Value::String(level_id(l)))
            }).collect::<serde_json::Map<String, Value>>(),
        })).collect::<Vec<_>>(),
        "guidance": framework.guidance,
    });
    let mut text = crate::render::safe::json_pretty(&value);
    text.push('\n');
    text
}

/// A competency's JSON with its own `scale`, `demonstrated_at`, `threshold` and `gating`,
/// when it has them.
fn own_scale(competency: &crate::framework::Competency, mut value: Value) -> Value {
    if let Value::Object(map) = &mut value {
        if let Some(own) = &competency.scale {
            map.insert("scale".into(), json!(own.scale));
            map.insert("demonstrated_at".into(), json!(own.demonstrated_at));
        }
        if let Some(threshold) = competency.threshold {
            map.insert("threshold".into(), json!(threshold));
        }
        if let Some(gating) = competency.gating {
            map.insert("gating".into(), json!(gating));
        }
    }
    value
}

/// An object with the framework's own `code`, when it has one.
fn with_code(code: &Option<String>, mut value: Value) -> Value {
    if let (Some(code), Value::Object(map)) = (code, &mut value) {
        map.insert("code".into(), json!(code));
    }
    value
}

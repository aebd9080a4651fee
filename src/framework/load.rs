//! Turning framework bytes into a validated [`Framework`].
//!
//! The fast path deserialises straight into the typed [`raw`](super::raw) structs and resolves
//! references; only when that fails does the slower path run that locates every problem.

use std::collections::HashMap;

use super::diagnostic::{Diagnostic, LoadError};
use super::model::*;
use super::raw::*;

/// Largest framework file accepted, in bytes.
pub const MAX_FILE_SIZE: usize = 8 * 1024 * 1024;

/// A step on the way from the document root to a node: a map key or a sequence index.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PathSegment {
    /// A mapping key.
    Key(&'static str),
    /// A sequence index.
    Index(usize),
}

/// A semantic problem, with the path to the node it concerns (located later, only on failure).
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    /// From the root to the node at fault.
    pub path: Vec<PathSegment>,
    /// What is wrong and how to fix it.
    pub message: String,
    /// Whether the problem is only a warning.
    pub warning: bool,
}

/// A successfully loaded framework with what is worth telling its author.
#[derive(Debug, Clone)]
pub struct Loaded {
    /// The framework.
    pub framework: Framework,
    /// `sha256:<hex>` of the file bytes.
    pub digest: String,
    /// Legal but suspicious things found.
    pub warnings: Vec<Diagnostic>,
}

/// `sha256:<hex>` of some bytes.
pub fn digest(bytes: &[u8]) -> String {
    use sha2::{Digest, Sha256};
    let hash = Sha256::digest(bytes);
    let mut out = String::with_capacity(7 + 64);
    out.push_str("sha256:");
    for b in hash.iter() {
        out.push_str(&format!("{b:02x}"));
    }
    out
}

/// Load and validate a framework from its bytes; `file` names it in messages.
pub fn load(file: &str, bytes: &[u8]) -> Result<Loaded, LoadError> {
    if bytes.len() > MAX_FILE_SIZE {
        return Err(LoadError {
            diagnostics: vec![Diagnostic::file_error(
                file,
                format!(
                    "file is {} bytes; framework files are limited to {} bytes (8 MiB)",
                    bytes.len(),
                    MAX_FILE_SIZE
                ),
            )],
        });
    }
    let fail = |message: String| LoadError {
        diagnostics: vec![Diagnostic::file_error(file, message)],
    };
    let text = std::str::from_utf8(bytes).map_err(|e| {
        fail(format!(
            "file is not UTF-8 text (invalid byte at offset {})",
            e.valid_up_to()
        ))
    })?;
    if text.trim().is_empty() {
        return Err(fail(
            "file is empty; a framework needs id, name, version, levels and competencies".into(),
        ));
    }
    let raw: RawFramework = serde_yaml::from_str(text).map_err(|e| {
        let message = e.to_string();
        let d = match e.location() {
            Some(loc) => Diagnostic::at(file, loc.line(), loc.column(), strip_location(&message)),
            None => Diagnostic::file_error(file, message),
        };
        LoadError {
            diagnostics: vec![d],
        }
    })?;
    let (framework, problems) = build(raw);
    let (errors, warnings): (Vec<_>, Vec<_>) = problems.into_iter().partition(|p| !p.warning);
    let unlocated = |p: Problem| {
        let d = Diagnostic::file_error(file, format!("{}: {}", render_path(&p.path), p.message));
        if p.warning {
            d.warning()
        } else {
            d
        }
    };
    if !errors.is_empty() {
        return Err(LoadError {
            diagnostics: errors.into_iter().chain(warnings).map(unlocated).collect(),
        });
    }
    Ok(Loaded {
        framework: framework.expect("no errors means a framework was built"),
        digest: digest(bytes),
        warnings: warnings.into_iter().map(unlocated).collect(),
    })
}

/// serde_yaml appends " at line L column C" to its messages; the diagnostic prints it already.
fn strip_location(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(i) => message[..i].to_string(),
        None => message.to_string(),
    }
}

/// `competencies[2].levels[0].level`
pub fn render_path(path: &[PathSegment]) -> String {
    let mut out = String::new();
    for segment in path {
        match segment {
            PathSegment::Key(k) => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(k);
            }
            PathSegment::Index(i) => out.push_str(&format!("[{i}]")),
        }
    }
    out
}

fn is_slug(s: &str) -> bool {
    let mut chars = s.chars();
    matches!(chars.next(), Some(c) if c.is_ascii_lowercase() || c.is_ascii_digit())
        && chars
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '.' | '_' | '-'))
}

/// Resolve references and check every semantic rule of format 1.
///
/// Returns the framework when there is no error, and every problem found (errors and warnings).
pub fn build(raw: RawFramework) -> (Option<Framework>, Vec<Problem>) {
    use PathSegment::{Index, Key};
    let mut problems = Vec::new();
    let mut error = |path: Vec<PathSegment>, message: String| {
        problems.push(Problem {
            path,
            message,
            warning: false,
        })
    };

    if !is_slug(&raw.id) {
        error(
            vec![Key("id")],
            format!("id {:?} is not a slug: use lowercase letters, digits, '.', '_' and '-', starting with a letter or digit", raw.id),
        );
    }

    // Scale.
    let scale: Vec<ScalePoint> = match raw.scale {
        None => default_scale(),
        Some(points) => {
            if points.is_empty() {
                error(vec![Key("scale")], "scale is empty; give at least one { value, label } or leave scale out for the default 1-4 scale".into());
            }
            for i in 1..points.len() {
                if points[i].value <= points[i - 1].value {
                    let first = points[..i].iter().position(|p| p.value == points[i].value);
                    let message = match first {
                        Some(f) => format!(
                            "duplicate scale value {} (first at scale[{f}])",
                            points[i].value
                        ),
                        None => format!(
                            "scale values must be strictly increasing: {} comes after {}",
                            points[i].value,
                            points[i - 1].value
                        ),
                    };
                    error(vec![Key("scale"), Index(i), Key("value")], message);
                }
            }
            points
                .into_iter()
                .map(|p| ScalePoint {
                    value: p.value,
                    label: p.label,
                    description: p.description,
                })
                .collect()
        }
    };
    let demonstrated_at = match raw.demonstrated_at {
        Some(v) => {
            if !scale.is_empty() && !scale.iter().any(|p| p.value == v) {
                error(
                    vec![Key("demonstrated_at")],
                    format!(
                        "demonstrated_at {v} is not a scale value; use one of {}",
                        scale
                            .iter()
                            .map(|p| p.value.to_string())
                            .collect::<Vec<_>>()
                            .join(", ")
                    ),
                );
            }
            v
        }
        None => default_demonstrated_at(&scale),
    };
    let threshold = raw.threshold.unwrap_or(DEFAULT_THRESHOLD);
    if !(threshold > 0.0 && threshold <= 1.0) {
        error(
            vec![Key("threshold")],
            format!("threshold {threshold} is outside (0, 1]: it is the share of a level's rated indicators that must be demonstrated, e.g. 0.8"),
        );
    }

    // Levels.
    if raw.levels.is_empty() {
        error(
            vec![Key("levels")],
            "levels is empty; list the growth levels, lowest first".into(),
        );
    }
    let mut level_ids: HashMap<&str, usize> = HashMap::new();
    for (i, level) in raw.levels.iter().enumerate() {
        if !is_slug(&level.id) {
            error(
                vec![Key("levels"), Index(i), Key("id")],
                format!(
                    "level id {:?} is not a slug: use lowercase letters, digits, '.', '_' and '-'",
                    level.id
                ),
            );
        }
        if let Some(first) = level_ids.get(level.id.as_str()) {
            error(
                vec![Key("levels"), Index(i), Key("id")],
                format!(
                    "duplicate level id {:?} (first at levels[{first}])",
                    level.id
                ),
            );
        } else {
            level_ids.insert(&level.id, i);
        }
    }

    // Competencies.
    if raw.competencies.is_empty() {
        error(
            vec![Key("competencies")],
            "competencies is empty; a framework needs at least one competency".into(),
        );
    }
    let mut competency_ids: HashMap<&str, usize> = HashMap::new();
    let mut indicator_ids: HashMap<String, Vec<PathSegment>> = HashMap::new();
    let mut indicator_texts: HashMap<String, String> = HashMap::new();
    let mut warnings = Vec::new();
    let mut competencies = Vec::with_capacity(raw.competencies.len());
    for (ci, c) in raw.competencies.iter().enumerate() {
        let here = |rest: &[PathSegment]| {
            let mut p = vec![Key("competencies"), Index(ci)];
            p.extend_from_slice(rest);
            p
        };
        if !is_slug(&c.id) {
            error(here(&[Key("id")]), format!("competency id {:?} is not a slug: use lowercase letters, digits, '.', '_' and '-'", c.id));
        }
        if let Some(first) = competency_ids.get(c.id.as_str()) {
            error(
                here(&[Key("id")]),
                format!(
                    "duplicate competency id {:?} (first at competencies[{first}])",
                    c.id
                ),
            );
        } else {
            competency_ids.insert(&c.id, ci);
        }
        let mut levels = Vec::with_capacity(c.levels.len());
        let mut last_rank: Option<(usize, &str)> = None;
        for (li, cl) in c.levels.iter().enumerate() {
            let Some(&level) = level_ids.get(cl.level.as_str()) else {
                error(
                    here(&[Key("levels"), Index(li), Key("level")]),
                    format!(
                        "unknown level {:?}; the framework's levels are: {}",
                        cl.level,
                        raw.levels
                            .iter()
                            .map(|l| l.id.as_str())
                            .collect::<Vec<_>>()
                            .join(", ")
                    ),
                );
                continue;
            };
            if let Some((previous, previous_id)) = last_rank {
                if level == previous {
                    error(
                        here(&[Key("levels"), Index(li), Key("level")]),
                        format!(
                            "level {:?} is listed twice in competency {:?}",
                            cl.level, c.id
                        ),
                    );
                } else if level < previous {
                    error(
                        here(&[Key("levels"), Index(li), Key("level")]),
                        format!("level {:?} comes after {:?} but is lower in the framework's levels; list a competency's levels lowest first", cl.level, previous_id),
                    );
                }
            }
            last_rank = Some((level, &cl.level));
            let mut indicators = Vec::with_capacity(cl.indicators.len());
            for (ii, ind) in cl.indicators.iter().enumerate() {
                let path = here(&[Key("levels"), Index(li), Key("indicators"), Index(ii)]);
                let indicator = match ind {
                    RawIndicator::Full(o) => Indicator {
                        id: o.id.clone(),
                        text: o.text.clone(),
                        examples: o.examples.clone(),
                    },
                    RawIndicator::Short(text) => Indicator {
                        id: format!("{}.{}.{}", c.id, cl.level, ii + 1),
                        text: text.clone(),
                        examples: Vec::new(),
                    },
                };
                if indicator.id.trim().is_empty() {
                    error(path.clone(), "indicator id is empty".into());
                }
                if indicator.text.trim().is_empty() {
                    error(
                        path.clone(),
                        format!("indicator {:?} has no text", indicator.id),
                    );
                }
                if indicator_ids.contains_key(&indicator.id) {
                    let first = render_path(&indicator_ids[&indicator.id]);
                    error(
                        path.clone(),
                        format!(
                            "duplicate indicator id {:?} (first at {first})",
                            indicator.id
                        ),
                    );
                } else {
                    indicator_ids.insert(indicator.id.clone(), path.clone());
                }
                let normalised = indicator
                    .text
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" ");
                if let Some(first) = indicator_texts.get(&normalised) {
                    warnings.push(Problem {
                        path: path.clone(),
                        message: format!(
                            "indicator {:?} has the same text as indicator {first:?}",
                            indicator.id
                        ),
                        warning: true,
                    });
                } else {
                    indicator_texts.insert(normalised, indicator.id.clone());
                }
                indicators.push(indicator);
            }
            levels.push(CompetencyLevel {
                level,
                title: cl.title.clone(),
                indicators,
            });
        }
        competencies.push(Competency {
            id: c.id.clone(),
            name: c.name.clone(),
            description: c.description.clone(),
            levels,
            guidance: c
                .guidance
                .iter()
                .map(|g| Guidance {
                    title: g.title.clone(),
                    items: g.items.clone(),
                })
                .collect(),
        });
    }

    // Targets.
    let mut target_ids: HashMap<&str, usize> = HashMap::new();
    let mut targets = Vec::with_capacity(raw.targets.len());
    for (ti, t) in raw.targets.iter().enumerate() {
        if !is_slug(&t.id) {
            error(
                vec![Key("targets"), Index(ti), Key("id")],
                format!(
                    "target id {:?} is not a slug: use lowercase letters, digits, '.', '_' and '-'",
                    t.id
                ),
            );
        }
        if let Some(first) = target_ids.get(t.id.as_str()) {
            error(
                vec![Key("targets"), Index(ti), Key("id")],
                format!("duplicate target id {:?} (first at targets[{first}])", t.id),
            );
        } else {
            target_ids.insert(&t.id, ti);
        }
        let mut pairs = Vec::with_capacity(t.levels.0.len());
        for (competency, level) in &t.levels.0 {
            let path = vec![Key("targets"), Index(ti), Key("levels")];
            let c = competency_ids.get(competency.as_str()).copied();
            let l = level_ids.get(level.as_str()).copied();
            if c.is_none() {
                error(
                    path.clone(),
                    format!("target {:?} names unknown competency {competency:?}", t.id),
                );
            }
            if l.is_none() {
                error(
                    path.clone(),
                    format!(
                        "target {:?} names unknown level {level:?} for competency {competency:?}",
                        t.id
                    ),
                );
            }
            if let (Some(c), Some(l)) = (c, l) {
                pairs.push((c, l));
            }
        }
        targets.push(Target {
            id: t.id.clone(),
            name: t.name.clone(),
            description: t.description.clone(),
            levels: pairs,
        });
    }

    let has_error = !problems.is_empty();
    problems.extend(warnings);
    if has_error {
        return (None, problems);
    }
    let framework = Framework {
        id: raw.id,
        name: raw.name,
        version: raw.version.0,
        description: raw.description,
        source: raw.source,
        scale,
        demonstrated_at,
        threshold,
        levels: raw
            .levels
            .into_iter()
            .map(|l| Level {
                id: l.id,
                name: l.name,
                description: l.description,
            })
            .collect(),
        competencies,
        targets,
    };
    (Some(framework), problems)
}

/// When a custom scale gives no `demonstrated_at`: the value just above the middle of the scale
/// (3 on the default 1-4 scale and on a 1-5 scale, 4 on a 1-6 scale).
pub fn default_demonstrated_at(scale: &[ScalePoint]) -> u32 {
    if scale.is_empty() {
        return DEFAULT_DEMONSTRATED_AT;
    }
    scale[scale.len() / 2].value
}

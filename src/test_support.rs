//! What the unit tests share: a framework from YAML text, loaded, or the test fails saying why.

use crate::framework::{load, Framework};

/// Load `yaml` as the framework file `name`; a test framework that does not load fails the
/// test with every problem found.
pub fn framework(name: &str, yaml: &str) -> Framework {
    match load(name, yaml.as_bytes()) {
        Ok(loaded) => loaded.framework,
        Err(e) => panic!("{name}: {e}"),
    }
}

/// A framework of one competency on two levels: `craft.one.1`, `craft.one.2`, `craft.two.1`,
/// on the default scale of four points.
pub const TWO_LEVELS: &str = r#"
id: small
name: Small
version: "1"
levels: [{ id: one, name: One }, { id: two, name: Two }]
competencies:
  - id: craft
    name: Craft
    levels:
      - level: one
        indicators: [Shares what they learn, Asks for feedback]
      - level: two
        indicators: [Coaches others]
"#;

/// Ratings on the scale, without notes: `(indicator id, value)`.
pub fn rated(values: &[(&str, u32)]) -> crate::assessment::Ratings {
    values
        .iter()
        .map(|&(id, value)| {
            let value = crate::assessment::RatingValue::Scale(value);
            (
                id.to_string(),
                crate::assessment::Rating { value, note: None },
            )
        })
        .collect()
}

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

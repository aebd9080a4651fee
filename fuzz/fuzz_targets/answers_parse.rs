//! Any bytes given as an `--answers` file give answers or explained errors, never a panic, and
//! answers that parse resolve against a framework without panicking either.

#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use rungs::assessment::answers;
use rungs::framework::Framework;

const FRAMEWORK: &str = include_str!("../seeds/framework_load/tiny.yaml");

fn framework() -> &'static Framework {
    static LOADED: OnceLock<Framework> = OnceLock::new();
    LOADED.get_or_init(|| {
        rungs::framework::load("tiny.yaml", FRAMEWORK.as_bytes())
            .expect("the seed framework is valid")
            .framework
    })
}

fuzz_target!(|bytes: &[u8]| {
    match answers::parse("fuzz.yaml", bytes) {
        Ok(parsed) => {
            if let Err(error) = parsed.resolve(framework()) {
                assert!(!error.problems.is_empty());
            }
        }
        Err(error) => assert!(!error.problems.is_empty()),
    }
});

//! Any bytes given to the assessment reader give an assessment or an explained error, never a
//! panic; an assessment it accepts is written back and read again unchanged.

#![no_main]

use libfuzzer_sys::fuzz_target;
use rungs::assessment::file::{parse, to_json};

fuzz_target!(|bytes: &[u8]| {
    match parse("fuzz.json", bytes) {
        Ok(assessment) => {
            let again = parse("again.json", to_json(&assessment).as_bytes())
                .expect("rungs reads what it writes");
            assert_eq!(again, assessment);
        }
        Err(error) => assert!(error.problems.iter().all(|p| p.starts_with("fuzz.json"))),
    }
});

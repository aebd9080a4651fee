//! Any bytes given to the assessment reader give an assessment or an explained error, never a
//! panic; an assessment it accepts is written back and read again unchanged, and its texts
//! (subject, rater, notes) as rungs shows them carry no control character.

#![no_main]

use libfuzzer_sys::fuzz_target;
use rungs::assessment::file::{parse, to_json};
use rungs::render::safe::{is_hidden, visible};

fuzz_target!(|bytes: &[u8]| {
    match parse("fuzz.json", bytes) {
        Ok(assessment) => {
            let written = to_json(&assessment).expect("an accepted assessment is written");
            let again =
                parse("again.json", written.as_bytes()).expect("rungs reads what it writes");
            assert_eq!(again, assessment);
            let texts = assessment
                .subject
                .iter()
                .chain(assessment.rater.iter().map(|r| &r.name))
                .chain(assessment.ratings.values().filter_map(|r| r.note.as_ref()));
            for text in texts {
                assert!(!visible(text).chars().any(is_hidden), "{text:?}");
            }
        }
        Err(error) => assert!(error
            .problems
            .iter()
            .all(|p| p.to_string().starts_with("fuzz.json"))),
    }
});

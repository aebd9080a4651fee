//! Any bytes given to the framework loader give a framework or explained errors, never a panic.

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    match rungs::framework::load("fuzz.yaml", bytes) {
        Ok(loaded) => {
            let framework = &loaded.framework;
            assert!(framework.threshold > 0.0 && framework.threshold <= 1.0);
            let ratings = Default::default();
            let profile = rungs::scoring::profile(framework, &ratings);
            assert_eq!(profile.competencies.len(), framework.competencies.len());
        }
        Err(error) => {
            assert!(!error.diagnostics.is_empty());
            assert!(error.diagnostics.iter().all(|d| !d.message.is_empty()));
        }
    }
});

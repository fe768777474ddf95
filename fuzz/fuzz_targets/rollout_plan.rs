//! Feeds text to the rollout plan reader (`RolloutPlan::parse`).
//!
//! Checks: no panic; an error has a code; a plan that parses survives a
//! JSON round trip equal.
#![no_main]

use libfuzzer_sys::fuzz_target;
use zhurnal::rollout::RolloutPlan;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    match RolloutPlan::parse(text) {
        Ok(plan) => {
            let json = serde_json::to_string(&plan).expect("a plan writes");
            let again: RolloutPlan = serde_json::from_str(&json).expect("a written plan loads");
            assert_eq!(plan, again);
            let _ = plan.tasks();
        }
        Err(e) => assert!(!e.code().is_empty()),
    }
});

//! Feeds text to the school and journal snapshot readers
//! (`School::from_json`, `Journal::from_json`).
//!
//! Checks: no panic; a snapshot that loads, written again with `to_json`,
//! loads again equal, and writes the same text again.
#![no_main]

use libfuzzer_sys::fuzz_target;
use zhurnal::journal::Journal;
use zhurnal::school::School;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(school) = School::from_json(text) {
        let json = school.to_json().expect("a loaded school writes");
        let again = School::from_json(&json).expect("a written school loads");
        assert_eq!(school, again);
        assert_eq!(json, again.to_json().expect("a loaded school writes"));
    }
    if let Ok(journal) = Journal::from_json(text) {
        let json = journal.to_json().expect("a loaded journal writes");
        let again = Journal::from_json(&json).expect("a written journal loads");
        assert_eq!(journal, again);
    }
});

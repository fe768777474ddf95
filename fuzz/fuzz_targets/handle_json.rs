//! Feeds text to the handle's snapshot reader (`SchoolHandle::from_json`:
//! a handle, a per-person export, a journal or a school).
//!
//! Checks: no panic; a handle that loads, written again with `to_json`,
//! loads again equal.
#![no_main]

use libfuzzer_sys::fuzz_target;
use zhurnal::handle::SchoolHandle;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(handle) = SchoolHandle::from_json(text) {
        let json = handle.to_json().expect("a loaded handle writes");
        let again = SchoolHandle::from_json(&json).expect("a written handle loads");
        assert_eq!(handle, again);
    }
});

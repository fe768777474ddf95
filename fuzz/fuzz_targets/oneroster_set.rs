//! Builds a OneRoster set from the input (split at NUL bytes, one piece
//! per file in the order of `FILES`; an empty piece leaves that file out)
//! and feeds it to `validate` and `import`.
//!
//! Checks: no panic; a set that imports has no errors in its report; the
//! imported handle survives a JSON round trip, and exports.
#![no_main]

use libfuzzer_sys::fuzz_target;
use zhurnal::handle::SchoolHandle;
use zhurnal::interop::oneroster::{OneRosterSet, export, import, validate};

/// The files of a set, in the order the pieces of an input fill them.
const FILES: [&str; 14] = [
    "manifest.csv",
    "orgs.csv",
    "academicSessions.csv",
    "courses.csv",
    "classes.csv",
    "users.csv",
    "roles.csv",
    "demographics.csv",
    "enrollments.csv",
    "userProfiles.csv",
    "categories.csv",
    "scoreScales.csv",
    "lineItems.csv",
    "results.csv",
];

fuzz_target!(|data: &[u8]| {
    let mut files = Vec::new();
    for (name, piece) in FILES.iter().zip(data.split(|b| *b == 0)) {
        if piece.is_empty() {
            continue;
        }
        let Ok(text) = std::str::from_utf8(piece) else {
            return;
        };
        files.push(((*name).to_owned(), text.to_owned()));
    }
    let Ok(set) = OneRosterSet::from_files(files) else {
        return;
    };
    let report = validate(&set);
    if let Ok((handle, imported)) = import(&set) {
        assert_eq!(report.error_count(), 0, "an imported set has no errors");
        assert_eq!(imported.error_count(), 0);
        let json = handle.to_json().expect("an imported handle writes");
        let again = SchoolHandle::from_json(&json).expect("a written handle loads");
        assert_eq!(handle, again);
        let _ = export(&handle);
    }
});

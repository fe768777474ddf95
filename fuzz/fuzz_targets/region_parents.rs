//! Feeds `parents.csv` bytes to the region activation report
//! (`ActivationReport::from_reader` on one thread, `from_opener` on two),
//! strict and collecting malformed rows as the first byte chooses.
//!
//! Checks: no panic; one thread and two threads give the same report or
//! the same error; a report renders as CSV; a collected reject and an
//! error have a code.
#![no_main]

use libfuzzer_sys::fuzz_target;
use zhurnal::region::{ActivationOptions, ActivationReport, MalformedRows, scan_fields};

fuzz_target!(|data: &[u8]| {
    let Some((&flags, csv)) = data.split_first() else {
        return;
    };
    let malformed = if flags & 1 == 0 {
        MalformedRows::Fail
    } else {
        MalformedRows::Collect
    };
    let options = ActivationOptions::default().with_malformed_rows(malformed);
    let one = ActivationReport::from_reader(csv, &options.clone().with_threads(1));
    let two = ActivationReport::from_opener(|| Ok(csv), &options.with_threads(2));
    match (&one, &two) {
        (Ok(a), Ok(b)) => {
            assert_eq!(a, b, "one thread and two threads disagree");
            let _ = a.to_csv();
            for reject in a.rejects() {
                assert!(!reject.code().is_empty());
            }
        }
        (Err(a), Err(b)) => assert_eq!(a, b, "one thread and two threads fail differently"),
        _ => panic!("one thread and two threads disagree: {one:?} / {two:?}"),
    }
    let _ = scan_fields(csv, 1 + u32::from(flags >> 7));
});

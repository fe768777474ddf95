//! Feeds `grades.csv` bytes to the region term-grades report
//! (`TermGradesReport::from_reader`), strict and collecting malformed rows
//! as the first byte chooses, on one thread and on two.
//!
//! Checks: no panic; one thread and two threads give the same CSV, the
//! same rejects and the same error; the row count matches `len()`.
#![no_main]

use libfuzzer_sys::fuzz_target;
use zhurnal::region::{MalformedRows, TermGradesOptions, TermGradesReport};

fuzz_target!(|data: &[u8]| {
    let Some((&flags, csv)) = data.split_first() else {
        return;
    };
    let malformed = if flags & 1 == 0 {
        MalformedRows::Fail
    } else {
        MalformedRows::Collect
    };
    let options = TermGradesOptions::default().with_malformed_rows(malformed);
    let one = TermGradesReport::from_reader(csv, &options.clone().with_threads(1));
    let two = TermGradesReport::from_reader(csv, &options.with_threads(2));
    match (&one, &two) {
        (Ok(a), Ok(b)) => {
            let text = a.to_csv();
            assert_eq!(text, b.to_csv(), "one thread and two threads disagree");
            assert_eq!(a.rejects(), b.rejects());
            assert_eq!(a.marks(), b.marks());
            assert_eq!(a.rows().len() as u64, a.len());
        }
        (Err(a), Err(b)) => assert_eq!(a, b, "one thread and two threads fail differently"),
        _ => panic!(
            "one thread and two threads disagree: {:?} / {:?}",
            one.err(),
            two.err()
        ),
    }
});

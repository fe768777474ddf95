//! Feeds a NetSchool diary payload to `diary_week`. An input with a NUL
//! byte is the server's assignment-type table (`AssignmentTypes::from_json`)
//! before it and the payload after; without one, the whole input is the
//! payload and the type table is empty.
//!
//! Checks: no panic; an error has a code; an imported week has at most
//! seven days, one per date, in date order.
#![no_main]

use chrono::NaiveDate;
use libfuzzer_sys::fuzz_target;
use zhurnal::ids::StudentId;
use zhurnal::interop::netschool::{AssignmentTypes, WeekContext, diary_week};
use zhurnal::organisation::PersonName;

fuzz_target!(|data: &[u8]| {
    let (types, payload) = match data.iter().position(|b| *b == 0) {
        Some(at) => (&data[..at], &data[at + 1..]),
        None => (&[][..], data),
    };
    let (Ok(types), Ok(payload)) = (std::str::from_utf8(types), std::str::from_utf8(payload))
    else {
        return;
    };
    let types = if types.is_empty() {
        AssignmentTypes::default()
    } else {
        match AssignmentTypes::from_json(types) {
            Ok(t) => t,
            Err(e) => {
                assert!(!e.code().is_empty());
                return;
            }
        }
    };
    let context = WeekContext {
        student: StudentId::new(1),
        student_name: PersonName::new("Орлова", "Анна", None).expect("a valid name"),
        today: NaiveDate::from_ymd_opt(2022, 1, 26).expect("a valid date"),
    };
    match diary_week(payload, &types, &context) {
        Ok(imported) => {
            let days = &imported.week.days;
            assert!(days.len() <= 7, "a week has at most seven days");
            assert!(days.windows(2).all(|w| w[0].date < w[1].date));
        }
        Err(e) => assert!(!e.code().is_empty()),
    }
});

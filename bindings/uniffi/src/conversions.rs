//! Custom types: how the core's values cross the boundary.
//!
//! Decimals cross as their exact string (`Decimal::from_str_exact`: plain
//! parsing would round); dates and times as ISO 8601 text, read in both
//! forms a host writes (`12:30` and `12:30:00`: Kotlin's `toString()`
//! drops zero seconds). Values that keep an invariant (points, weights,
//! work-type codes, term codes) cross through the core's validating
//! constructors; ids are plain numbers. `uniffi.toml` maps them onto
//! `java.math.BigDecimal` and `java.time` in Kotlin, `Foundation.Decimal`
//! in Swift.

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use rust_decimal::Decimal;
use zhurnal::calendar::TermCode;
use zhurnal::ids::{
    ApplicationId, ClassId, LessonId, MarkId, ParentId, StudentId, SubjectId, TeacherId,
};
use zhurnal::marks::{Points, Weight, WorkTypeCode};

use crate::ZhurnalError;

/// The error of a value that does not parse at the boundary.
fn invalid(what: &str, text: &str) -> uniffi::deps::anyhow::Error {
    ZhurnalError::Conversion {
        code: "ffi.invalid_value".to_owned(),
        text: format!("invalid {what} '{text}'"),
    }
    .into()
}

uniffi::custom_type!(Decimal, String, {
    remote,
    lower: |d| d.to_string(),
    try_lift: |s| Decimal::from_str_exact(&s).map_err(|_| invalid("decimal", &s)),
});

uniffi::custom_type!(NaiveDate, String, {
    remote,
    lower: |d| d.format("%Y-%m-%d").to_string(),
    try_lift: |s| NaiveDate::parse_from_str(&s, "%Y-%m-%d").map_err(|_| invalid("date", &s)),
});

/// Reads `12:30:15.5`, `12:30:15` and `12:30`.
fn parse_time(s: &str) -> Option<NaiveTime> {
    NaiveTime::parse_from_str(s, "%H:%M:%S%.f")
        .or_else(|_| NaiveTime::parse_from_str(s, "%H:%M"))
        .ok()
}

/// Writes seconds always, fractions when there are any.
fn format_time(t: &NaiveTime) -> String {
    t.format("%H:%M:%S%.f").to_string()
}

uniffi::custom_type!(NaiveTime, String, {
    remote,
    lower: |t| format_time(&t),
    try_lift: |s| parse_time(&s).ok_or_else(|| invalid("time", &s)),
});

uniffi::custom_type!(NaiveDateTime, String, {
    remote,
    lower: |t| format!("{}T{}", t.date().format("%Y-%m-%d"), format_time(&t.time())),
    try_lift: |s| {
        s.split_once('T')
            .and_then(|(d, t)| {
                let date = NaiveDate::parse_from_str(d, "%Y-%m-%d").ok()?;
                Some(date.and_time(parse_time(t)?))
            })
            .ok_or_else(|| invalid("date and time", &s))
    },
});

uniffi::custom_type!(Points, u8, {
    remote,
    lower: |p| p.get(),
    try_lift: |v| Ok(Points::new(v).map_err(|e| ZhurnalError::from(zhurnal::Error::from(e)))?),
});

uniffi::custom_type!(Weight, Decimal, {
    remote,
    lower: |w| w.get(),
    try_lift: |v| Ok(Weight::new(v).map_err(|e| ZhurnalError::from(zhurnal::Error::from(e)))?),
});

uniffi::custom_type!(WorkTypeCode, String, {
    remote,
    lower: |c| c.as_str().to_owned(),
    try_lift: |v| Ok(WorkTypeCode::new(v).map_err(|e| ZhurnalError::from(zhurnal::Error::from(e)))?),
});

uniffi::custom_type!(TermCode, String, {
    remote,
    lower: |c| c.as_str().to_owned(),
    try_lift: |v| Ok(TermCode::parse(&v).map_err(|e| ZhurnalError::from(zhurnal::Error::from(e)))?),
});

/// Ids cross as their number.
macro_rules! id_types {
    ($($id:ident),*) => {$(
        uniffi::custom_type!($id, u32, {
            remote,
            lower: |id| id.get(),
            try_lift: |v| Ok($id::new(v)),
        });
    )*};
}

id_types!(
    ApplicationId,
    ClassId,
    LessonId,
    MarkId,
    ParentId,
    StudentId,
    SubjectId,
    TeacherId
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_read_both_forms_and_write_seconds() {
        let t = parse_time("12:30");
        assert_eq!(t, NaiveTime::from_hms_opt(12, 30, 0));
        assert_eq!(parse_time("12:30:00"), t);
        assert_eq!(t.map(|t| format_time(&t)), Some("12:30:00".to_owned()));
        assert_eq!(parse_time("25:00"), None);
    }
}

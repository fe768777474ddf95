//! Errors of the calendar module.

use chrono::{NaiveDate, NaiveTime, Weekday};

use super::{Shift, TermScheme};

/// What can be wrong with a school year, a term, a holiday, a lesson slot,
/// or a date someone wants to hold a lesson on.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum CalendarError {
    /// A school year that ends before it starts.
    #[error("school year {start}..{end} must end after it starts")]
    InvalidYearRange {
        /// First day of the year.
        start: NaiveDate,
        /// Last day of the year.
        end: NaiveDate,
    },
    /// A term that ends before it starts.
    #[error("term {code} {start}..{end} must not end before it starts")]
    InvalidTermRange {
        /// The term's code (`Q1`).
        code: String,
        /// First day.
        start: NaiveDate,
        /// Last day.
        end: NaiveDate,
    },
    /// A term number outside 1..=the scheme's number of terms.
    #[error("term number {number} is outside 1..={max} for {scheme:?}")]
    InvalidTermNumber {
        /// The scheme.
        scheme: TermScheme,
        /// The number given.
        number: u8,
        /// The scheme's number of terms.
        max: u8,
    },
    /// A year whose terms are not exactly the scheme's terms.
    #[error("{scheme:?} need {expected} terms, {found} given")]
    WrongTermCount {
        /// The scheme of the first term.
        scheme: TermScheme,
        /// How many the scheme has.
        expected: u8,
        /// How many were given.
        found: usize,
    },
    /// A year whose terms mix quarters, trimesters or semesters.
    #[error("term {code} does not belong to the year's scheme {scheme:?}")]
    MixedTermSchemes {
        /// The odd term's code.
        code: String,
        /// The scheme of the first term.
        scheme: TermScheme,
    },
    /// Terms given out of their numbering order.
    #[error("term {code} is given where term number {expected} belongs")]
    TermsOutOfOrder {
        /// The code of the term found.
        code: String,
        /// The number that belongs there.
        expected: u8,
    },
    /// A term that starts on or before the end of the previous one.
    #[error("term {code} starting {start} overlaps term {previous} ending {previous_end}")]
    TermsOverlap {
        /// The term's code.
        code: String,
        /// Its first day.
        start: NaiveDate,
        /// The previous term's code.
        previous: String,
        /// The previous term's last day.
        previous_end: NaiveDate,
    },
    /// A term not inside the school year.
    #[error("term {code} {start}..{end} is not inside the school year {year_start}..{year_end}")]
    TermOutsideYear {
        /// The term's code.
        code: String,
        /// Its first day.
        start: NaiveDate,
        /// Its last day.
        end: NaiveDate,
        /// The year's first day.
        year_start: NaiveDate,
        /// The year's last day.
        year_end: NaiveDate,
    },
    /// A holiday with a blank name.
    #[error("holiday {start}..{end} has an empty name")]
    EmptyHolidayName {
        /// First day.
        start: NaiveDate,
        /// Last day.
        end: NaiveDate,
    },
    /// A holiday that ends before it starts.
    #[error("holiday {name:?} {start}..{end} must not end before it starts")]
    InvalidHolidayRange {
        /// The holiday's name.
        name: String,
        /// First day.
        start: NaiveDate,
        /// Last day.
        end: NaiveDate,
    },
    /// A holiday not inside the school year.
    #[error(
        "holiday {name:?} {start}..{end} is not inside the school year {year_start}..{year_end}"
    )]
    HolidayOutsideYear {
        /// The holiday's name.
        name: String,
        /// First day.
        start: NaiveDate,
        /// Last day.
        end: NaiveDate,
        /// The year's first day.
        year_start: NaiveDate,
        /// The year's last day.
        year_end: NaiveDate,
    },
    /// A lesson number outside 0..=15 (0 is the «нулевой урок»).
    #[error("lesson slot number {number} is outside 0..=15")]
    InvalidSlotNumber {
        /// The number given.
        number: u8,
    },
    /// A slot that does not end after it starts.
    #[error("lesson slot {number} ({shift:?}) {start}..{end} must end after it starts")]
    InvalidSlotTime {
        /// The slot's number.
        number: u8,
        /// Its shift.
        shift: Shift,
        /// Start time.
        start: NaiveTime,
        /// End time.
        end: NaiveTime,
    },
    /// A second slot with the same shift and number.
    #[error("lesson slot {number} of shift {shift:?} already exists")]
    DuplicateSlot {
        /// The slot's number.
        number: u8,
        /// Its shift.
        shift: Shift,
    },
    /// Two slots of one shift whose times overlap.
    #[error("lesson slot {number} of shift {shift:?} overlaps slot {other}")]
    SlotsOverlap {
        /// The new slot's number.
        number: u8,
        /// The shift.
        shift: Shift,
        /// The number of the slot it overlaps.
        other: u8,
    },
    /// A slot the year does not have.
    #[error("the school year has no lesson slot {number} in shift {shift:?}")]
    UnknownSlot {
        /// The number asked for.
        number: u8,
        /// The shift asked for.
        shift: Shift,
    },
    /// A term code the year does not have.
    #[error("the school year has no term {code:?}")]
    UnknownTerm {
        /// The code asked for.
        code: String,
    },
    /// A date outside the school year.
    #[error("{date} is outside the school year {year_start}..{year_end}")]
    OutsideYear {
        /// The date.
        date: NaiveDate,
        /// The year's first day.
        year_start: NaiveDate,
        /// The year's last day.
        year_end: NaiveDate,
    },
    /// A date inside a holiday.
    #[error("{date} is a holiday ({holiday})")]
    LessonOnHoliday {
        /// The date.
        date: NaiveDate,
        /// The holiday's name.
        holiday: String,
    },
    /// A date that is not a study day of the week (Sunday; Saturday in a
    /// five-day week).
    #[error("{date} is a {weekday}, not a study day")]
    DayOff {
        /// The date.
        date: NaiveDate,
        /// Its day of the week.
        weekday: Weekday,
    },
    /// A date span that ends before it starts.
    #[error("date span {start}..{end} must not end before it starts")]
    InvalidSpan {
        /// First day.
        start: NaiveDate,
        /// Last day.
        end: NaiveDate,
    },
    /// A text that is no term code.
    #[error("invalid term code {code:?}: use Q1-Q4, T1-T3, S1-S2 or Y")]
    InvalidTermCode {
        /// The text given.
        code: String,
    },
    /// A grade outside 1–11.
    #[error("grade {grade} is outside 1..=11")]
    InvalidGrade {
        /// The grade given.
        grade: u8,
    },
    /// A set of grades with no grade in it.
    #[error("a set of grades must hold at least one grade")]
    EmptyGradeSet,
    /// A date that is a school day for the school's usual week and
    /// holidays, but not for this grade: a break only for some grades (the
    /// additional February week of grade 1) or a day off of the grade's own
    /// study week (Saturday in grade 1's five-day week).
    #[error("{date} is not a school day for grade {grade}: {reason}")]
    NotASchoolDayForGrade {
        /// The date.
        date: NaiveDate,
        /// The grade.
        grade: u8,
        /// Why: the break's name or the day of the week off.
        reason: String,
    },
    /// A date inside the year but in no term (a break not listed as a
    /// holiday).
    #[error("{date} is in no term of the school year")]
    BetweenTerms {
        /// The date.
        date: NaiveDate,
    },
}

impl CalendarError {
    /// The stable machine code, e.g. `"calendar.lesson_on_holiday"`.
    pub fn code(&self) -> &'static str {
        match self {
            Self::InvalidYearRange { .. } => "calendar.invalid_year_range",
            Self::InvalidTermRange { .. } => "calendar.invalid_term_range",
            Self::InvalidTermNumber { .. } => "calendar.invalid_term_number",
            Self::WrongTermCount { .. } => "calendar.wrong_term_count",
            Self::MixedTermSchemes { .. } => "calendar.mixed_term_schemes",
            Self::TermsOutOfOrder { .. } => "calendar.terms_out_of_order",
            Self::TermsOverlap { .. } => "calendar.terms_overlap",
            Self::TermOutsideYear { .. } => "calendar.term_outside_year",
            Self::EmptyHolidayName { .. } => "calendar.empty_holiday_name",
            Self::InvalidHolidayRange { .. } => "calendar.invalid_holiday_range",
            Self::HolidayOutsideYear { .. } => "calendar.holiday_outside_year",
            Self::InvalidSlotNumber { .. } => "calendar.invalid_slot_number",
            Self::InvalidSlotTime { .. } => "calendar.invalid_slot_time",
            Self::DuplicateSlot { .. } => "calendar.duplicate_slot",
            Self::SlotsOverlap { .. } => "calendar.slots_overlap",
            Self::UnknownSlot { .. } => "calendar.unknown_slot",
            Self::UnknownTerm { .. } => "calendar.unknown_term",
            Self::OutsideYear { .. } => "calendar.outside_year",
            Self::LessonOnHoliday { .. } => "calendar.lesson_on_holiday",
            Self::DayOff { .. } => "calendar.day_off",
            Self::BetweenTerms { .. } => "calendar.between_terms",
            Self::InvalidSpan { .. } => "calendar.invalid_span",
            Self::InvalidTermCode { .. } => "calendar.invalid_term_code",
            Self::InvalidGrade { .. } => "calendar.invalid_grade",
            Self::EmptyGradeSet => "calendar.empty_grade_set",
            Self::NotASchoolDayForGrade { .. } => "calendar.not_a_school_day_for_grade",
        }
    }
}

//! The school calendar: the school year, its terms (quarters by default;
//! trimesters or semesters), holidays and breaks, the bell schedule with
//! shifts, and the study week.
//!
//! - [`SchoolYear`] holds it all and answers which [`Term`] a date is in
//!   ([`SchoolYear::term_of`]) and whether lessons can be held on a date,
//!   under the school's default rules ([`SchoolYear::is_school_day`],
//!   [`SchoolYear::check_school_day`]) or for a class of one grade
//!   ([`SchoolYear::is_school_day_for`],
//!   [`SchoolYear::check_school_day_for`]): a grade may have its own
//!   [`StudyWeek`] and breaks of its own (a [`Holiday`] for a
//!   [`GradeSet`]).
//! - [`SchoolYear::russian_2014_2015`] is the default calendar.
//! - Other years are built with [`SchoolYear::new`] from [`Term`]s of one
//!   [`TermScheme`], then [`SchoolYear::add_holiday`],
//!   [`SchoolYear::add_slot`] and [`SchoolYear::set_study_week_for`];
//!   every step validates.
//! - [`DateSpan`] is the one span of dates (both ends inclusive) of terms,
//!   holidays and report terms; [`TermCode`] is a term's code (`Q1`).

mod error;
mod grades;
mod holiday;
mod russian;
mod school_day;
mod slot;
mod span;
mod term;
mod term_code;
mod year;

pub use error::CalendarError;
pub use grades::{GradeSet, MAX_GRADE, MIN_GRADE};
pub use holiday::Holiday;
pub use slot::{LessonSlot, MAX_SLOT_NUMBER, Shift, StudyWeek};
pub use span::DateSpan;
pub use term::{Term, TermScheme};
pub use term_code::TermCode;
pub use year::{GradeWeek, SchoolYear};

//! The school calendar: the school year, its terms (quarters by default;
//! trimesters or semesters), holidays and breaks, the bell schedule with
//! shifts, and the study week.
//!
//! - [`SchoolYear`] holds it all and answers which [`Term`] a date is in
//!   ([`SchoolYear::term_of`]) and whether lessons can be held on a date
//!   ([`SchoolYear::is_school_day`], [`SchoolYear::check_school_day`]).
//! - [`SchoolYear::russian_2014_2015`] is the default calendar.
//! - Other years are built with [`SchoolYear::new`] from [`Term`]s of one
//!   [`TermScheme`], then [`SchoolYear::add_holiday`] and
//!   [`SchoolYear::add_slot`]; every step validates.

mod error;
mod holiday;
mod russian;
mod slot;
mod term;
mod year;

pub use error::CalendarError;
pub use holiday::Holiday;
pub use slot::{LessonSlot, MAX_SLOT_NUMBER, Shift, StudyWeek};
pub use term::{Term, TermScheme};
pub use year::SchoolYear;

//! Lesson slots (the bell schedule), shifts and the study week.

use chrono::{NaiveTime, Weekday};
use serde::{Deserialize, Serialize};

use super::CalendarError;

/// A shift (смена): many schools teach some classes in the morning and
/// others in the afternoon, each shift with its own numbered lessons.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum Shift {
    /// The first (morning) shift. The default.
    #[default]
    First,
    /// The second (afternoon) shift.
    Second,
    /// A third shift (rare).
    Third,
}

impl Shift {
    /// 1, 2 or 3.
    pub fn number(self) -> u8 {
        match self {
            Shift::First => 1,
            Shift::Second => 2,
            Shift::Third => 3,
        }
    }
}

impl std::fmt::Display for Shift {
    /// «1 смена».
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} смена", self.number())
    }
}

/// The highest lesson number a slot may have.
pub const MAX_SLOT_NUMBER: u8 = 15;

/// One lesson of the bell schedule: its number within the shift (0 is the
/// «нулевой урок» before the first), and its start and end time.
///
/// # Example
/// ```
/// use chrono::NaiveTime;
/// use zhurnal::calendar::{LessonSlot, Shift};
/// let t = |h, m| NaiveTime::from_hms_opt(h, m, 0).unwrap();
/// let first = LessonSlot::new(1, t(8, 0), t(8, 45), Shift::First)?;
/// assert_eq!(first.duration_minutes(), 45);
/// assert_eq!(first.to_string(), "1 урок 08:00–08:45 (1 смена)");
/// # Ok::<(), zhurnal::calendar::CalendarError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "SlotFields")]
pub struct LessonSlot {
    pub(super) number: u8,
    pub(super) start: NaiveTime,
    pub(super) end: NaiveTime,
    pub(super) shift: Shift,
}

#[derive(Deserialize)]
struct SlotFields {
    number: u8,
    start: NaiveTime,
    end: NaiveTime,
    shift: Shift,
}

impl TryFrom<SlotFields> for LessonSlot {
    type Error = CalendarError;
    fn try_from(f: SlotFields) -> Result<Self, Self::Error> {
        LessonSlot::new(f.number, f.start, f.end, f.shift)
    }
}

impl LessonSlot {
    /// A slot numbered `number` in `shift` from `start` to `end`.
    ///
    /// # Errors
    /// [`CalendarError::InvalidSlotNumber`] when `number` is above
    /// [`MAX_SLOT_NUMBER`]; [`CalendarError::InvalidSlotTime`] when `end` is
    /// not after `start`.
    ///
    /// # Example
    /// ```
    /// use chrono::NaiveTime;
    /// use zhurnal::calendar::{LessonSlot, Shift};
    /// let t = |h, m| NaiveTime::from_hms_opt(h, m, 0).unwrap();
    /// let e = LessonSlot::new(2, t(9, 0), t(8, 0), Shift::First).unwrap_err();
    /// assert_eq!(e.code(), "calendar.invalid_slot_time");
    /// ```
    pub fn new(
        number: u8,
        start: NaiveTime,
        end: NaiveTime,
        shift: Shift,
    ) -> Result<LessonSlot, CalendarError> {
        if number > MAX_SLOT_NUMBER {
            return Err(CalendarError::InvalidSlotNumber { number });
        }
        if end <= start {
            return Err(CalendarError::InvalidSlotTime {
                number,
                shift,
                start,
                end,
            });
        }
        Ok(LessonSlot {
            number,
            start,
            end,
            shift,
        })
    }

    /// The lesson number within the shift.
    pub fn number(&self) -> u8 {
        self.number
    }

    /// The start time.
    pub fn start(&self) -> NaiveTime {
        self.start
    }

    /// The end time.
    pub fn end(&self) -> NaiveTime {
        self.end
    }

    /// The shift.
    pub fn shift(&self) -> Shift {
        self.shift
    }

    /// Length in whole minutes.
    pub fn duration_minutes(&self) -> i64 {
        (self.end - self.start).num_minutes()
    }

    /// Whether the two slots' times overlap (touching ends do not).
    pub fn overlaps(&self, other: &LessonSlot) -> bool {
        self.start < other.end && other.start < self.end
    }
}

impl std::fmt::Display for LessonSlot {
    /// «1 урок 08:00–08:45 (1 смена)».
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} урок {}–{} ({})",
            self.number,
            self.start.format("%H:%M"),
            self.end.format("%H:%M"),
            self.shift
        )
    }
}

/// The study days of a week: Monday to Friday, or Monday to Saturday (the
/// default, usual for the grades of a gymnasium). Sunday is never a study
/// day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StudyWeek {
    /// Monday–Friday.
    FiveDays,
    /// Monday–Saturday. The default.
    #[default]
    SixDays,
}

impl StudyWeek {
    /// Whether lessons are held on `weekday`.
    pub fn is_study_day(self, weekday: Weekday) -> bool {
        match weekday {
            Weekday::Sun => false,
            Weekday::Sat => self == StudyWeek::SixDays,
            _ => true,
        }
    }

    /// 5 or 6.
    pub fn days(self) -> u8 {
        match self {
            StudyWeek::FiveDays => 5,
            StudyWeek::SixDays => 6,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(h: u32, m: u32) -> NaiveTime {
        NaiveTime::from_hms_opt(h, m, 0).unwrap()
    }

    #[test]
    fn slot_validation() {
        assert!(LessonSlot::new(0, t(7, 30), t(8, 10), Shift::First).is_ok());
        let e = LessonSlot::new(16, t(8, 0), t(8, 45), Shift::First).unwrap_err();
        assert_eq!(e.code(), "calendar.invalid_slot_number");
        let e = LessonSlot::new(1, t(8, 0), t(8, 0), Shift::Second).unwrap_err();
        assert_eq!(e.code(), "calendar.invalid_slot_time");
        assert_eq!(
            e.to_string(),
            "lesson slot 1 (Second) 08:00:00..08:00:00 must end after it starts"
        );
    }

    #[test]
    fn overlap() {
        let a = LessonSlot::new(1, t(8, 0), t(8, 45), Shift::First).unwrap();
        let b = LessonSlot::new(2, t(8, 45), t(9, 30), Shift::First).unwrap();
        let c = LessonSlot::new(3, t(8, 30), t(9, 0), Shift::First).unwrap();
        assert!(!a.overlaps(&b));
        assert!(a.overlaps(&c) && c.overlaps(&a) && b.overlaps(&c));
    }

    #[test]
    fn study_week() {
        assert!(StudyWeek::default().is_study_day(Weekday::Sat));
        assert!(!StudyWeek::FiveDays.is_study_day(Weekday::Sat));
        assert!(!StudyWeek::SixDays.is_study_day(Weekday::Sun));
        assert!(StudyWeek::FiveDays.is_study_day(Weekday::Mon));
        assert_eq!(StudyWeek::FiveDays.days(), 5);
        assert_eq!(Shift::Second.to_string(), "2 смена");
    }

    #[test]
    fn serde_validates() {
        let s = LessonSlot::new(2, t(8, 55), t(9, 40), Shift::First).unwrap();
        let json = serde_json::to_string(&s).unwrap();
        assert_eq!(
            json,
            r#"{"number":2,"start":"08:55:00","end":"09:40:00","shift":"first"}"#
        );
        assert_eq!(serde_json::from_str::<LessonSlot>(&json).unwrap(), s);
        let bad = r#"{"number":2,"start":"09:55:00","end":"09:40:00","shift":"first"}"#;
        assert!(serde_json::from_str::<LessonSlot>(bad).is_err());
    }
}

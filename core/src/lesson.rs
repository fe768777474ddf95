//! Lessons: when, where, for whom, what was taught and what was set.
//!
//! A [`Lesson`] is scheduled through [`crate::school::School::schedule_lesson`]
//! from a [`NewLesson`]; the school checks the calendar, the bell schedule,
//! the class or subgroup, subject and teacher, and that nobody is booked
//! twice. Its topic and [`Homework`] are set through the school too.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::calendar::Shift;
use crate::ids::{ClassId, LessonId, SubgroupId, SubjectId, TeacherId};

/// Longest topic or room text, in characters.
const MAX_SHORT_TEXT: usize = 500;
/// Longest homework text, in characters.
const MAX_HOMEWORK_TEXT: usize = 4000;

/// What can be wrong with a lesson's room, topic or homework.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum LessonError {
    /// A blank topic.
    #[error("topic of {lesson} must not be empty")]
    EmptyTopic {
        /// The lesson.
        lesson: LessonId,
    },
    /// A blank homework text.
    #[error("homework text must not be empty")]
    EmptyHomework,
    /// A text with control characters or too long (topic and room: 500
    /// characters; homework: 4000, line breaks and tabs allowed).
    #[error("{field} has control characters or is longer than {max} characters")]
    InvalidText {
        /// `"topic"`, `"room"` or `"homework"`.
        field: String,
        /// The longest allowed.
        max: usize,
    },
    /// Homework due before the lesson it is set at.
    #[error("homework of {lesson} on {date} is due {due}, before the lesson")]
    HomeworkDueBeforeLesson {
        /// The lesson.
        lesson: LessonId,
        /// The lesson's date.
        date: NaiveDate,
        /// The due date given.
        due: NaiveDate,
    },
}

impl LessonError {
    /// The stable machine code, e.g. `"lesson.homework_due_before_lesson"`.
    pub fn code(&self) -> &'static str {
        match self {
            Self::EmptyTopic { .. } => "lesson.empty_topic",
            Self::EmptyHomework => "lesson.empty_homework",
            Self::InvalidText { .. } => "lesson.invalid_text",
            Self::HomeworkDueBeforeLesson { .. } => "lesson.homework_due_before_lesson",
        }
    }
}

/// Trims `text` and checks length and characters; `multiline` allows line
/// breaks and tabs.
fn checked_text(
    field: &str,
    text: &str,
    max: usize,
    multiline: bool,
) -> Result<String, LessonError> {
    let text = text.trim();
    let bad_char = |c: char| c.is_control() && !(multiline && matches!(c, '\n' | '\r' | '\t'));
    if text.chars().count() > max || text.chars().any(bad_char) {
        return Err(LessonError::InvalidText {
            field: field.to_owned(),
            max,
        });
    }
    Ok(text.to_owned())
}

/// Who a lesson is for: a whole class or one of its subgroups.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LessonGroup {
    /// The whole class.
    Class(ClassId),
    /// A subgroup (e.g. English group 1).
    Subgroup(SubgroupId),
}

/// Homework set at a lesson: the text and the date it is due.
///
/// # Example
/// ```
/// use chrono::NaiveDate;
/// use zhurnal::lesson::Homework;
/// let due = NaiveDate::from_ymd_opt(2014, 9, 3).unwrap();
/// let hw = Homework::new("§ 1, упр. 5–7", due)?;
/// assert_eq!(hw.text(), "§ 1, упр. 5–7");
/// assert_eq!(Homework::new("  ", due).unwrap_err().code(), "lesson.empty_homework");
/// # Ok::<(), zhurnal::lesson::LessonError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "HomeworkFields")]
pub struct Homework {
    text: String,
    due: NaiveDate,
}

#[derive(Deserialize)]
struct HomeworkFields {
    text: String,
    due: NaiveDate,
}

impl TryFrom<HomeworkFields> for Homework {
    type Error = LessonError;
    fn try_from(f: HomeworkFields) -> Result<Self, Self::Error> {
        Homework::new(&f.text, f.due)
    }
}

impl Homework {
    /// Homework with its text (trimmed; line breaks allowed) and due date.
    ///
    /// # Errors
    /// [`LessonError::EmptyHomework`], [`LessonError::InvalidText`].
    ///
    /// # Example
    /// ```
    /// use chrono::NaiveDate;
    /// use zhurnal::lesson::Homework;
    /// let due = NaiveDate::from_ymd_opt(2014, 9, 3).unwrap();
    /// assert!(Homework::new("Выучить\nстихотворение", due).is_ok());
    /// assert_eq!(Homework::new("a\u{0}", due).unwrap_err().code(), "lesson.invalid_text");
    /// ```
    pub fn new(text: &str, due: NaiveDate) -> Result<Homework, LessonError> {
        let text = checked_text("homework", text, MAX_HOMEWORK_TEXT, true)?;
        if text.is_empty() {
            return Err(LessonError::EmptyHomework);
        }
        Ok(Homework { text, due })
    }

    /// The text.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The due date.
    pub fn due(&self) -> NaiveDate {
        self.due
    }
}

/// What a caller gives to schedule a lesson; the school assigns the id.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct NewLesson {
    /// The date.
    pub date: NaiveDate,
    /// The shift of the slot.
    pub shift: Shift,
    /// The lesson number in the shift's bell schedule.
    pub slot: u8,
    /// The class or subgroup.
    pub group: LessonGroup,
    /// The subject.
    pub subject: SubjectId,
    /// The teacher.
    pub teacher: TeacherId,
    /// The room (кабинет), if known.
    pub room: Option<String>,
}

/// A scheduled lesson.
///
/// # Example
/// ```
/// use chrono::NaiveDate;
/// use zhurnal::calendar::Shift;
/// use zhurnal::ids::{ClassId, LessonId, SubjectId, TeacherId};
/// use zhurnal::lesson::{Lesson, LessonGroup, NewLesson};
/// let lesson = Lesson::new(LessonId::new(1), NewLesson {
///     date: NaiveDate::from_ymd_opt(2014, 9, 1).unwrap(),
///     shift: Shift::First,
///     slot: 2,
///     group: LessonGroup::Class(ClassId::new(1)),
///     subject: SubjectId::new(1),
///     teacher: TeacherId::new(1),
///     room: Some(" 21 ".into()),
/// })?;
/// assert_eq!(lesson.room(), Some("21"));
/// assert_eq!(lesson.topic(), None);
/// # Ok::<(), zhurnal::lesson::LessonError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "LessonFields")]
pub struct Lesson {
    id: LessonId,
    date: NaiveDate,
    shift: Shift,
    slot: u8,
    group: LessonGroup,
    subject: SubjectId,
    teacher: TeacherId,
    room: Option<String>,
    topic: Option<String>,
    homework: Option<Homework>,
}

#[derive(Deserialize)]
struct LessonFields {
    id: LessonId,
    date: NaiveDate,
    shift: Shift,
    slot: u8,
    group: LessonGroup,
    subject: SubjectId,
    teacher: TeacherId,
    #[serde(default)]
    room: Option<String>,
    #[serde(default)]
    topic: Option<String>,
    #[serde(default)]
    homework: Option<Homework>,
}

impl TryFrom<LessonFields> for Lesson {
    type Error = LessonError;
    fn try_from(f: LessonFields) -> Result<Self, Self::Error> {
        let mut lesson = Lesson::new(
            f.id,
            NewLesson {
                date: f.date,
                shift: f.shift,
                slot: f.slot,
                group: f.group,
                subject: f.subject,
                teacher: f.teacher,
                room: f.room,
            },
        )?;
        if let Some(topic) = f.topic {
            lesson.set_topic(&topic)?;
        }
        if let Some(homework) = f.homework {
            lesson.set_homework(homework)?;
        }
        Ok(lesson)
    }
}

impl Lesson {
    /// A lesson without topic or homework. Only the lesson's own fields are
    /// checked here; the school checks it against the calendar and roster.
    ///
    /// # Errors
    /// [`LessonError::InvalidText`] for a room with control characters or
    /// longer than 500 characters (a blank room counts as none).
    ///
    /// # Example
    /// ```
    /// use chrono::NaiveDate;
    /// use zhurnal::calendar::Shift;
    /// use zhurnal::ids::{ClassId, LessonId, SubjectId, TeacherId};
    /// use zhurnal::lesson::{Lesson, LessonGroup, NewLesson};
    /// let e = Lesson::new(LessonId::new(1), NewLesson {
    ///     date: NaiveDate::from_ymd_opt(2014, 9, 1).unwrap(),
    ///     shift: Shift::First,
    ///     slot: 1,
    ///     group: LessonGroup::Class(ClassId::new(1)),
    ///     subject: SubjectId::new(1),
    ///     teacher: TeacherId::new(1),
    ///     room: Some("2\u{0}1".into()),
    /// }).unwrap_err();
    /// assert_eq!(e.code(), "lesson.invalid_text");
    /// ```
    pub fn new(id: LessonId, new: NewLesson) -> Result<Lesson, LessonError> {
        let room = match new.room {
            Some(room) => {
                Some(checked_text("room", &room, MAX_SHORT_TEXT, false)?).filter(|r| !r.is_empty())
            }
            None => None,
        };
        Ok(Lesson {
            id,
            date: new.date,
            shift: new.shift,
            slot: new.slot,
            group: new.group,
            subject: new.subject,
            teacher: new.teacher,
            room,
            topic: None,
            homework: None,
        })
    }

    /// Sets the topic (trimmed).
    pub(crate) fn set_topic(&mut self, topic: &str) -> Result<(), LessonError> {
        let topic = checked_text("topic", topic, MAX_SHORT_TEXT, false)?;
        if topic.is_empty() {
            return Err(LessonError::EmptyTopic { lesson: self.id });
        }
        self.topic = Some(topic);
        Ok(())
    }

    /// Removes the topic.
    pub(crate) fn clear_topic(&mut self) {
        self.topic = None;
    }

    /// Sets the homework; it may not be due before the lesson.
    pub(crate) fn set_homework(&mut self, homework: Homework) -> Result<(), LessonError> {
        if homework.due() < self.date {
            return Err(LessonError::HomeworkDueBeforeLesson {
                lesson: self.id,
                date: self.date,
                due: homework.due(),
            });
        }
        self.homework = Some(homework);
        Ok(())
    }

    /// Removes the homework.
    pub(crate) fn clear_homework(&mut self) {
        self.homework = None;
    }

    /// The id.
    pub fn id(&self) -> LessonId {
        self.id
    }

    /// The date.
    pub fn date(&self) -> NaiveDate {
        self.date
    }

    /// The shift of its slot.
    pub fn shift(&self) -> Shift {
        self.shift
    }

    /// Its lesson number in the shift.
    pub fn slot(&self) -> u8 {
        self.slot
    }

    /// The class or subgroup.
    pub fn group(&self) -> LessonGroup {
        self.group
    }

    /// The subject.
    pub fn subject(&self) -> SubjectId {
        self.subject
    }

    /// The teacher.
    pub fn teacher(&self) -> TeacherId {
        self.teacher
    }

    /// The room, if known.
    pub fn room(&self) -> Option<&str> {
        self.room.as_deref()
    }

    /// The topic, if set.
    pub fn topic(&self) -> Option<&str> {
        self.topic.as_deref()
    }

    /// The homework, if set.
    pub fn homework(&self) -> Option<&Homework> {
        self.homework.as_ref()
    }

    /// The order of lessons in a journal: date, shift, slot, then id.
    pub(crate) fn sort_key(&self) -> (NaiveDate, Shift, u8, LessonId) {
        (self.date, self.shift, self.slot, self.id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2014, 9, day).unwrap()
    }

    fn lesson() -> Lesson {
        Lesson::new(
            LessonId::new(7),
            NewLesson {
                date: d(2),
                shift: Shift::First,
                slot: 1,
                group: LessonGroup::Subgroup(SubgroupId::new(3)),
                subject: SubjectId::new(1),
                teacher: TeacherId::new(1),
                room: Some("  ".into()),
            },
        )
        .unwrap()
    }

    #[test]
    fn blank_room_is_none() {
        assert_eq!(lesson().room(), None);
    }

    #[test]
    fn topic_rules() {
        let mut l = lesson();
        l.set_topic("  Натуральные числа ").unwrap();
        assert_eq!(l.topic(), Some("Натуральные числа"));
        let before = l.clone();
        let e = l.set_topic(" ").unwrap_err();
        assert_eq!(e.code(), "lesson.empty_topic");
        assert_eq!(e.to_string(), "topic of lesson#7 must not be empty");
        let e = l.set_topic("a\nb").unwrap_err();
        assert_eq!(e.code(), "lesson.invalid_text");
        let e = l.set_topic(&"я".repeat(501)).unwrap_err();
        assert_eq!(e.code(), "lesson.invalid_text");
        assert_eq!(l, before);
        l.clear_topic();
        assert_eq!(l.topic(), None);
    }

    #[test]
    fn homework_rules() {
        let mut l = lesson();
        l.set_homework(Homework::new("№ 1", d(2)).unwrap()).unwrap();
        l.set_homework(Homework::new("№ 2", d(4)).unwrap()).unwrap();
        assert_eq!(l.homework().unwrap().due(), d(4));
        let before = l.clone();
        let e = l
            .set_homework(Homework::new("№ 3", d(1)).unwrap())
            .unwrap_err();
        assert_eq!(e.code(), "lesson.homework_due_before_lesson");
        assert_eq!(
            e.to_string(),
            "homework of lesson#7 on 2014-09-02 is due 2014-09-01, before the lesson"
        );
        assert_eq!(l, before);
        assert_eq!(
            Homework::new(&"я".repeat(4001), d(2)).unwrap_err().code(),
            "lesson.invalid_text"
        );
        assert_eq!(
            Homework::new("", d(2)).unwrap_err().code(),
            "lesson.empty_homework"
        );
        l.clear_homework();
        assert!(l.homework().is_none());
    }

    #[test]
    fn serde_validates() {
        let mut l = lesson();
        l.set_topic("Тема").unwrap();
        l.set_homework(Homework::new("№ 1", d(3)).unwrap()).unwrap();
        let json = serde_json::to_string(&l).unwrap();
        assert_eq!(serde_json::from_str::<Lesson>(&json).unwrap(), l);
        let mut v: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(v["group"], serde_json::json!({"subgroup": 3}));
        v["homework"]["due"] = "2014-09-01".into();
        assert!(serde_json::from_value::<Lesson>(v.clone()).is_err());
        v["homework"] = serde_json::Value::Null;
        v["topic"] = " ".into();
        assert!(serde_json::from_value::<Lesson>(v).is_err());
        assert!(serde_json::from_str::<Homework>(r#"{"text":"","due":"2014-09-01"}"#).is_err());
    }
}

//! The thematic plan (календарно-тематическое планирование, КТП) and
//! attaching it to the scheduled lessons.
//!
//! A [`ThematicPlan`] is an ordered list of [`PlanSection`]s, each an
//! ordered list of [`PlanTopic`]s with a number of hours.
//! [`ThematicPlan::attach`] lays the topics onto lessons in order, one hour
//! per lesson, and reports what did not fit ([`PlanAttachment`]).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::ids::LessonId;
use crate::lesson::Lesson;

/// Most hours one topic may have.
pub const MAX_TOPIC_HOURS: u32 = 500;

/// What can be wrong with a thematic plan.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ThematicPlanError {
    /// A blank section or topic title.
    #[error("{what} title must not be empty")]
    EmptyTitle {
        /// `"section"` or `"topic"`.
        what: String,
    },
    /// A title with control characters or longer than 500 characters.
    #[error("{what} title {title:?} has control characters or is longer than 500 characters")]
    InvalidTitle {
        /// `"section"` or `"topic"`.
        what: String,
        /// The title given.
        title: String,
    },
    /// A topic with zero hours.
    #[error("topic {title:?} has zero hours")]
    ZeroHours {
        /// The topic's title.
        title: String,
    },
    /// A topic with more than 500 hours.
    #[error("topic {title:?} has {hours} hours, more than {MAX_TOPIC_HOURS}")]
    TooManyHours {
        /// The topic's title.
        title: String,
        /// The hours given.
        hours: u32,
    },
    /// A section without topics.
    #[error("section {title:?} has no topics")]
    EmptySection {
        /// The section's title.
        title: String,
    },
    /// A plan without sections.
    #[error("the thematic plan has no sections")]
    EmptyPlan,
}

impl ThematicPlanError {
    /// The stable machine code, e.g. `"plan.zero_hours"`.
    pub fn code(&self) -> &'static str {
        match self {
            Self::EmptyTitle { .. } => "plan.empty_title",
            Self::InvalidTitle { .. } => "plan.invalid_title",
            Self::ZeroHours { .. } => "plan.zero_hours",
            Self::TooManyHours { .. } => "plan.too_many_hours",
            Self::EmptySection { .. } => "plan.empty_section",
            Self::EmptyPlan => "plan.empty",
        }
    }
}

fn checked_title(what: &str, title: &str) -> Result<String, ThematicPlanError> {
    let title = title.trim();
    if title.is_empty() {
        return Err(ThematicPlanError::EmptyTitle {
            what: what.to_owned(),
        });
    }
    if title.chars().count() > 500 || title.chars().any(char::is_control) {
        return Err(ThematicPlanError::InvalidTitle {
            what: what.to_owned(),
            title: crate::excerpt::excerpt(title),
        });
    }
    Ok(title.to_owned())
}

/// A topic of the plan with its number of hours (lessons).
///
/// # Example
/// ```
/// use zhurnal::thematic_plan::PlanTopic;
/// let t = PlanTopic::new("Натуральные числа", 2)?;
/// assert_eq!(t.hours(), 2);
/// assert_eq!(PlanTopic::new("Повторение", 0).unwrap_err().code(), "plan.zero_hours");
/// # Ok::<(), zhurnal::thematic_plan::ThematicPlanError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "TopicFields")]
pub struct PlanTopic {
    title: String,
    hours: u32,
}

#[derive(Deserialize)]
struct TopicFields {
    title: String,
    hours: u32,
}

impl TryFrom<TopicFields> for PlanTopic {
    type Error = ThematicPlanError;
    fn try_from(f: TopicFields) -> Result<Self, Self::Error> {
        PlanTopic::new(&f.title, f.hours)
    }
}

impl PlanTopic {
    /// A topic of 1 to 500 hours.
    ///
    /// # Errors
    /// [`ThematicPlanError::EmptyTitle`], [`ThematicPlanError::InvalidTitle`],
    /// [`ThematicPlanError::ZeroHours`], [`ThematicPlanError::TooManyHours`].
    ///
    /// # Example
    /// ```
    /// use zhurnal::thematic_plan::PlanTopic;
    /// assert_eq!(PlanTopic::new(" ", 1).unwrap_err().code(), "plan.empty_title");
    /// assert_eq!(PlanTopic::new("Дроби", 501).unwrap_err().code(), "plan.too_many_hours");
    /// ```
    pub fn new(title: &str, hours: u32) -> Result<PlanTopic, ThematicPlanError> {
        let title = checked_title("topic", title)?;
        if hours == 0 {
            return Err(ThematicPlanError::ZeroHours { title });
        }
        if hours > MAX_TOPIC_HOURS {
            return Err(ThematicPlanError::TooManyHours { title, hours });
        }
        Ok(PlanTopic { title, hours })
    }

    /// The title.
    pub fn title(&self) -> &str {
        &self.title
    }

    /// The number of hours.
    pub fn hours(&self) -> u32 {
        self.hours
    }
}

/// A section of the plan: a title and its topics in order.
///
/// # Example
/// ```
/// use zhurnal::thematic_plan::{PlanSection, PlanTopic};
/// let s = PlanSection::new("Натуральные числа", vec![PlanTopic::new("Ряд натуральных чисел", 2)?])?;
/// assert_eq!(s.hours(), 2);
/// assert_eq!(PlanSection::new("Пусто", vec![]).unwrap_err().code(), "plan.empty_section");
/// # Ok::<(), zhurnal::thematic_plan::ThematicPlanError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "SectionFields")]
pub struct PlanSection {
    title: String,
    topics: Vec<PlanTopic>,
}

#[derive(Deserialize)]
struct SectionFields {
    title: String,
    topics: Vec<PlanTopic>,
}

impl TryFrom<SectionFields> for PlanSection {
    type Error = ThematicPlanError;
    fn try_from(f: SectionFields) -> Result<Self, Self::Error> {
        PlanSection::new(&f.title, f.topics)
    }
}

impl PlanSection {
    /// A section with at least one topic.
    ///
    /// # Errors
    /// [`ThematicPlanError::EmptyTitle`], [`ThematicPlanError::InvalidTitle`],
    /// [`ThematicPlanError::EmptySection`].
    ///
    /// # Example
    /// ```
    /// use zhurnal::thematic_plan::{PlanSection, PlanTopic};
    /// let e = PlanSection::new("", vec![PlanTopic::new("Тема", 1)?]).unwrap_err();
    /// assert_eq!(e.code(), "plan.empty_title");
    /// # Ok::<(), zhurnal::thematic_plan::ThematicPlanError>(())
    /// ```
    pub fn new(title: &str, topics: Vec<PlanTopic>) -> Result<PlanSection, ThematicPlanError> {
        let title = checked_title("section", title)?;
        if topics.is_empty() {
            return Err(ThematicPlanError::EmptySection { title });
        }
        Ok(PlanSection { title, topics })
    }

    /// The title.
    pub fn title(&self) -> &str {
        &self.title
    }

    /// The topics in order.
    pub fn topics(&self) -> &[PlanTopic] {
        &self.topics
    }

    /// Σ hours of its topics.
    pub fn hours(&self) -> u64 {
        self.topics.iter().map(|t| u64::from(t.hours)).sum()
    }
}

/// A thematic plan: sections in order.
///
/// # Example
/// ```
/// use zhurnal::thematic_plan::{PlanSection, PlanTopic, ThematicPlan};
/// let plan = ThematicPlan::new(vec![
///     PlanSection::new("Числа", vec![PlanTopic::new("Счёт", 2)?, PlanTopic::new("Сложение", 1)?])?,
/// ])?;
/// assert_eq!(plan.total_hours(), 3);
/// assert_eq!(ThematicPlan::new(vec![]).unwrap_err().code(), "plan.empty");
/// # Ok::<(), zhurnal::thematic_plan::ThematicPlanError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "PlanFields")]
pub struct ThematicPlan {
    sections: Vec<PlanSection>,
}

#[derive(Deserialize)]
struct PlanFields {
    sections: Vec<PlanSection>,
}

impl TryFrom<PlanFields> for ThematicPlan {
    type Error = ThematicPlanError;
    fn try_from(f: PlanFields) -> Result<Self, Self::Error> {
        ThematicPlan::new(f.sections)
    }
}

/// A topic put on a lesson by [`ThematicPlan::attach`].
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct TopicAssignment {
    /// The lesson.
    pub lesson: LessonId,
    /// The lesson's date.
    pub date: NaiveDate,
    /// Section number, from 1.
    pub section: u32,
    /// Topic number within the section, from 1.
    pub topic: u32,
    /// The topic's title.
    pub title: String,
    /// Which hour of the topic this lesson is, from 1.
    pub hour: u32,
    /// The topic's hours.
    pub hours: u32,
}

/// A topic with hours left over when the lessons ran out.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct UnreachedTopic {
    /// Section number, from 1.
    pub section: u32,
    /// Topic number within the section, from 1.
    pub topic: u32,
    /// The topic's title.
    pub title: String,
    /// The hours planned.
    pub hours: u32,
    /// How many of them got a lesson (0 when not reached at all).
    pub hours_covered: u32,
}

/// The report of attaching a plan to lessons.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct PlanAttachment {
    /// The topic of each lesson that got one, in lesson order.
    pub assignments: Vec<TopicAssignment>,
    /// Lessons left without a topic (the plan ran out), in order.
    pub lessons_without_topic: Vec<LessonId>,
    /// Topics not fully reached (the lessons ran out), in plan order.
    pub topics_not_reached: Vec<UnreachedTopic>,
    /// Σ hours of the plan.
    pub planned_hours: u64,
    /// Number of lessons given.
    pub scheduled_lessons: u64,
    /// `scheduled_lessons − planned_hours`: negative when the plan does not
    /// fit, positive when lessons are left over.
    pub difference: i64,
}

impl ThematicPlan {
    /// A plan with at least one section.
    ///
    /// # Errors
    /// [`ThematicPlanError::EmptyPlan`].
    ///
    /// # Example
    /// ```
    /// use zhurnal::thematic_plan::{PlanSection, PlanTopic, ThematicPlan};
    /// let plan = ThematicPlan::new(vec![PlanSection::new("Раздел", vec![PlanTopic::new("Тема", 1)?])?])?;
    /// assert_eq!(plan.sections().len(), 1);
    /// # Ok::<(), zhurnal::thematic_plan::ThematicPlanError>(())
    /// ```
    pub fn new(sections: Vec<PlanSection>) -> Result<ThematicPlan, ThematicPlanError> {
        if sections.is_empty() {
            return Err(ThematicPlanError::EmptyPlan);
        }
        Ok(ThematicPlan { sections })
    }

    /// The sections in order.
    pub fn sections(&self) -> &[PlanSection] {
        &self.sections
    }

    /// Σ hours of all topics.
    pub fn total_hours(&self) -> u64 {
        self.sections.iter().map(PlanSection::hours).sum()
    }

    /// Lays the topics onto `lessons` (taken in journal order: date, shift,
    /// slot), one hour per lesson: a topic of 2 hours takes two lessons.
    ///
    /// # Example
    /// ```
    /// use chrono::NaiveDate;
    /// use zhurnal::calendar::Shift;
    /// use zhurnal::ids::{ClassId, LessonId, SubjectId, TeacherId};
    /// use zhurnal::lesson::{Lesson, LessonGroup, NewLesson};
    /// use zhurnal::thematic_plan::{PlanSection, PlanTopic, ThematicPlan};
    /// let lesson = |id, day| Lesson::new(LessonId::new(id), NewLesson {
    ///     date: NaiveDate::from_ymd_opt(2014, 9, day).unwrap(),
    ///     shift: Shift::First, slot: 1,
    ///     group: LessonGroup::Class(ClassId::new(1)),
    ///     subject: SubjectId::new(1), teacher: TeacherId::new(1), room: None,
    /// });
    /// let plan = ThematicPlan::new(vec![PlanSection::new("Числа", vec![
    ///     PlanTopic::new("Счёт", 2)?, PlanTopic::new("Сложение", 2)?,
    /// ])?])?;
    /// let report = plan.attach(&[lesson(1, 1)?, lesson(2, 2)?, lesson(3, 3)?]);
    /// assert_eq!(report.assignments.len(), 3);
    /// assert_eq!(report.topics_not_reached[0].hours_covered, 1);
    /// assert_eq!(report.difference, -1);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn attach(&self, lessons: &[Lesson]) -> PlanAttachment {
        let mut ordered: Vec<&Lesson> = lessons.iter().collect();
        ordered.sort_by_key(|l| l.sort_key());
        let mut next = ordered.into_iter();
        let mut assignments = Vec::new();
        let mut topics_not_reached = Vec::new();
        for (section, section_no) in self.sections.iter().zip(1u32..) {
            for (topic, topic_no) in section.topics.iter().zip(1u32..) {
                let mut covered = 0;
                for hour in 1..=topic.hours {
                    let Some(lesson) = next.next() else { break };
                    covered = hour;
                    assignments.push(TopicAssignment {
                        lesson: lesson.id(),
                        date: lesson.date(),
                        section: section_no,
                        topic: topic_no,
                        title: topic.title.clone(),
                        hour,
                        hours: topic.hours,
                    });
                }
                if covered < topic.hours {
                    topics_not_reached.push(UnreachedTopic {
                        section: section_no,
                        topic: topic_no,
                        title: topic.title.clone(),
                        hours: topic.hours,
                        hours_covered: covered,
                    });
                }
            }
        }
        let lessons_without_topic: Vec<LessonId> = next.map(Lesson::id).collect();
        let planned_hours = self.total_hours();
        let scheduled_lessons = lessons.len() as u64;
        PlanAttachment {
            assignments,
            lessons_without_topic,
            topics_not_reached,
            planned_hours,
            scheduled_lessons,
            difference: i64::try_from(i128::from(scheduled_lessons) - i128::from(planned_hours))
                .unwrap_or(i64::MIN),
        }
    }
}

#[cfg(test)]
mod tests;

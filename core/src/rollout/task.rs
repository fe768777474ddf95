//! One task of the rollout plan: text, deadline, responsible role, target
//! band and completion.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::activation::{BandStatus, CheckpointOutcome, TargetBand};
use crate::ids::PlanTaskId;
use crate::rollout::PlanError;
use crate::rollout::TaskStatus;

/// When a task is due: by a date («до 01.09.2014», the day included) or
/// ongoing («постоянно»), which is never overdue.
///
/// JSON: `{"by": "2014-09-01"}` or `"ongoing"`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Deadline {
    /// Due by this day, inclusive.
    By(NaiveDate),
    /// Ongoing work without an end date.
    Ongoing,
}

impl Deadline {
    /// The date, for a dated deadline.
    pub fn date(self) -> Option<NaiveDate> {
        match self {
            Deadline::By(d) => Some(d),
            Deadline::Ongoing => None,
        }
    }
}

impl std::fmt::Display for Deadline {
    /// As the plan prints it: `до 01.09.2014` or `постоянно`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Deadline::By(d) => write!(f, "до {}", d.format("%d.%m.%Y")),
            Deadline::Ongoing => f.write_str("постоянно"),
        }
    }
}

/// Who answers for a task. Plans in the seed's form have no such column, so
/// the host sets it ([`RolloutPlan::set_responsible`](super::RolloutPlan::set_responsible));
/// until then a task has none.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ResponsibleRole {
    /// The head of the school (директор).
    Director,
    /// A deputy head (заместитель директора).
    DeputyDirector,
    /// The person appointed responsible for the electronic journal and
    /// diaries (ответственный за ЭЖ и ЭД).
    Coordinator,
    /// The school specialist who registers applications and issues
    /// credentials (специалист школы).
    SchoolSpecialist,
    /// Class teachers (классные руководители).
    ClassTeacher,
    /// Subject teachers (учителя).
    Teacher,
}

impl ResponsibleRole {
    /// The Russian name used in reports.
    pub fn label_ru(self) -> &'static str {
        match self {
            ResponsibleRole::Director => "директор",
            ResponsibleRole::DeputyDirector => "заместитель директора",
            ResponsibleRole::Coordinator => "ответственный за ЭЖ и ЭД",
            ResponsibleRole::SchoolSpecialist => "специалист школы",
            ResponsibleRole::ClassTeacher => "классные руководители",
            ResponsibleRole::Teacher => "учителя",
        }
    }
}

/// A task of the plan.
///
/// A task with a target band (an activation line such as «от 30% до 40%
/// имеющих возможность воспользоваться услугой») must have a dated
/// deadline: together they make an activation checkpoint. Such a target
/// task is never completed by hand: it is settled by the share measured on
/// its checkpoint day (see [`PlanTask::status`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "TaskFields", into = "TaskFields")]
pub struct PlanTask {
    id: PlanTaskId,
    text: String,
    deadline: Deadline,
    target: Option<TargetBand>,
    responsible: Option<ResponsibleRole>,
    completed_on: Option<NaiveDate>,
    source_line: Option<u32>,
}

#[derive(Serialize, Deserialize)]
struct TaskFields {
    id: PlanTaskId,
    text: String,
    deadline: Deadline,
    #[serde(default)]
    target: Option<TargetBand>,
    #[serde(default)]
    responsible: Option<ResponsibleRole>,
    #[serde(default)]
    completed_on: Option<NaiveDate>,
    #[serde(default)]
    source_line: Option<u32>,
}

impl TryFrom<TaskFields> for PlanTask {
    type Error = PlanError;
    fn try_from(f: TaskFields) -> Result<Self, Self::Error> {
        let mut task = PlanTask::new(f.id, f.text, f.deadline, f.target)?;
        if task.target.is_some() && f.completed_on.is_some() {
            return Err(PlanError::TargetTaskMeasured { id: task.id });
        }
        task.responsible = f.responsible;
        task.completed_on = f.completed_on;
        task.source_line = f.source_line;
        Ok(task)
    }
}

impl From<PlanTask> for TaskFields {
    fn from(t: PlanTask) -> Self {
        TaskFields {
            id: t.id,
            text: t.text,
            deadline: t.deadline,
            target: t.target,
            responsible: t.responsible,
            completed_on: t.completed_on,
            source_line: t.source_line,
        }
    }
}

impl PlanTask {
    /// A task; the text is trimmed and its inner whitespace collapsed.
    ///
    /// # Errors
    /// [`PlanError::EmptyTask`] for a blank text, or
    /// [`PlanError::TargetWithoutDate`] for a target band on an ongoing
    /// task.
    ///
    /// # Example
    /// ```
    /// use zhurnal::ids::PlanTaskId;
    /// use zhurnal::rollout::{Deadline, PlanTask};
    /// let t = PlanTask::new(PlanTaskId::new(1), "  Работа   с журналом ".into(), Deadline::Ongoing, None)?;
    /// assert_eq!(t.text(), "Работа с журналом");
    /// assert!(PlanTask::new(PlanTaskId::new(2), " ".into(), Deadline::Ongoing, None).is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(
        id: PlanTaskId,
        text: String,
        deadline: Deadline,
        target: Option<TargetBand>,
    ) -> Result<PlanTask, PlanError> {
        let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
        if text.is_empty() {
            return Err(PlanError::EmptyTask { line: None });
        }
        if target.is_some() && deadline == Deadline::Ongoing {
            return Err(PlanError::TargetWithoutDate { line: None });
        }
        Ok(PlanTask {
            id,
            text,
            deadline,
            target,
            responsible: None,
            completed_on: None,
            source_line: None,
        })
    }

    pub(crate) fn with_source_line(mut self, line: u32) -> PlanTask {
        self.source_line = Some(line);
        self
    }

    /// The id, 1, 2, … in plan order for parsed plans.
    pub fn id(&self) -> PlanTaskId {
        self.id
    }

    /// What is to be done.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// When.
    pub fn deadline(&self) -> Deadline {
        self.deadline
    }

    /// The activation target band of an activation line.
    pub fn target(&self) -> Option<TargetBand> {
        self.target
    }

    /// Who answers for it, when set.
    pub fn responsible(&self) -> Option<ResponsibleRole> {
        self.responsible
    }

    /// The day it was completed, if it was.
    pub fn completed_on(&self) -> Option<NaiveDate> {
        self.completed_on
    }

    /// The line of the plan text the task starts on, for parsed plans.
    pub fn source_line(&self) -> Option<u32> {
        self.source_line
    }

    /// Whether it was completed on or before `date`.
    pub fn is_done_on(&self, date: NaiveDate) -> bool {
        self.completed_on.is_some_and(|d| d <= date)
    }

    /// Whether it was completed after its deadline.
    pub fn completed_late(&self) -> bool {
        matches!((self.completed_on, self.deadline), (Some(c), Deadline::By(d)) if c > d)
    }

    /// The measurement that settles a target task: the outcome in
    /// `measured` taken on the task's deadline day against the task's own
    /// band. `None` for a task without a target, or when `measured` has no
    /// such outcome (its checkpoint day has not come, or was not measured).
    pub fn measured_outcome<'a>(
        &self,
        measured: &'a [CheckpointOutcome],
    ) -> Option<&'a CheckpointOutcome> {
        let band = self.target?;
        let day = self.deadline.date()?;
        measured
            .iter()
            .find(|o| o.checkpoint.date == day && o.checkpoint.band == band)
    }

    /// The status on `date`.
    ///
    /// A task without a target is done once completed; otherwise not
    /// started if `stage_started` is false; overdue after a dated deadline;
    /// due soon when the deadline is at most `due_soon_days` days away; else
    /// in progress (ongoing tasks are never overdue).
    ///
    /// A target task is settled by its [measurement](Self::measured_outcome)
    /// instead of a completion: done when the share measured on its
    /// checkpoint day (on or before `date`) is within its band or above it;
    /// otherwise it runs by its deadline like any task, so a target not met
    /// by its day is overdue after it, and one whose day has not come is in
    /// progress or due soon. A target without a measurement in `measured`
    /// is not met.
    ///
    /// # Example
    /// ```
    /// use chrono::NaiveDate;
    /// use zhurnal::activation::{ActivationCount, BandStatus, Checkpoint, CheckpointOutcome, TargetBand};
    /// use zhurnal::ids::PlanTaskId;
    /// use zhurnal::rollout::{Deadline, PlanTask, TaskStatus};
    /// let day = NaiveDate::from_ymd_opt(2014, 11, 1).unwrap();
    /// let band = TargetBand::new(41.into(), 60.into())?;
    /// let task = PlanTask::new(PlanTaskId::new(16), "от 41% до 60%".into(), Deadline::By(day), Some(band))?;
    /// let count = ActivationCount::new(200, 81)?; // 40.50%
    /// let measured = [CheckpointOutcome { checkpoint: Checkpoint { date: day, band },
    ///     count, share: count.share(), status: count.status(&band) }];
    /// assert_eq!(measured[0].status, Some(BandStatus::Below));
    /// assert_eq!(task.status(day.succ_opt().unwrap(), 14, true, &measured), TaskStatus::Overdue);
    /// assert_eq!(task.status(day.pred_opt().unwrap(), 14, true, &[]), TaskStatus::DueSoon);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn status(
        &self,
        date: NaiveDate,
        due_soon_days: u32,
        stage_started: bool,
        measured: &[CheckpointOutcome],
    ) -> TaskStatus {
        let done = if self.target.is_some() {
            self.measured_outcome(measured).is_some_and(|o| {
                o.checkpoint.date <= date
                    && matches!(o.status, Some(BandStatus::OnTarget | BandStatus::Above))
            })
        } else {
            self.is_done_on(date)
        };
        if done {
            return TaskStatus::Done;
        }
        if !stage_started {
            return TaskStatus::NotStarted;
        }
        match self.deadline {
            Deadline::Ongoing => TaskStatus::InProgress,
            Deadline::By(d) if date > d => TaskStatus::Overdue,
            Deadline::By(d) if (d - date).num_days() <= i64::from(due_soon_days) => {
                TaskStatus::DueSoon
            }
            Deadline::By(_) => TaskStatus::InProgress,
        }
    }

    pub(crate) fn set_completed_on(&mut self, date: Option<NaiveDate>) {
        self.completed_on = date;
    }

    pub(crate) fn set_responsible(&mut self, role: Option<ResponsibleRole>) {
        self.responsible = role;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn task(deadline: Deadline) -> PlanTask {
        PlanTask::new(PlanTaskId::new(1), "Задача".into(), deadline, None).unwrap()
    }

    #[test]
    fn status_on_dates() {
        let t = task(Deadline::By(date(2014, 10, 1)));
        assert_eq!(
            t.status(date(2014, 9, 1), 14, true, &[]),
            TaskStatus::InProgress
        );
        assert_eq!(
            t.status(date(2014, 9, 17), 14, true, &[]),
            TaskStatus::DueSoon
        );
        assert_eq!(
            t.status(date(2014, 9, 16), 14, true, &[]),
            TaskStatus::InProgress
        );
        assert_eq!(
            t.status(date(2014, 10, 1), 14, true, &[]),
            TaskStatus::DueSoon
        );
        assert_eq!(
            t.status(date(2014, 10, 1), 0, true, &[]),
            TaskStatus::DueSoon
        );
        assert_eq!(
            t.status(date(2014, 10, 2), 14, true, &[]),
            TaskStatus::Overdue
        );
        assert_eq!(
            t.status(date(2014, 10, 2), 14, false, &[]),
            TaskStatus::NotStarted
        );
        let ongoing = task(Deadline::Ongoing);
        assert_eq!(
            ongoing.status(date(2030, 1, 1), 14, true, &[]),
            TaskStatus::InProgress
        );
    }

    #[test]
    fn completion_counts_from_its_day() {
        let mut t = task(Deadline::By(date(2014, 10, 1)));
        t.set_completed_on(Some(date(2014, 10, 5)));
        assert_eq!(
            t.status(date(2014, 10, 4), 14, true, &[]),
            TaskStatus::Overdue
        );
        assert_eq!(t.status(date(2014, 10, 5), 14, true, &[]), TaskStatus::Done);
        assert!(t.completed_late());
        t.set_completed_on(Some(date(2014, 10, 1)));
        assert!(!t.completed_late());
    }

    #[test]
    fn validation_and_serde() {
        let band = TargetBand::new(30.into(), 40.into()).unwrap();
        let e = PlanTask::new(
            PlanTaskId::new(1),
            "x".into(),
            Deadline::Ongoing,
            Some(band),
        )
        .unwrap_err();
        assert_eq!(e.code(), "plan.target_without_date");
        let t = PlanTask::new(
            PlanTaskId::new(3),
            "Активация".into(),
            Deadline::By(date(2014, 10, 1)),
            Some(band),
        )
        .unwrap();
        let json = serde_json::to_string(&t).unwrap();
        assert!(json.contains(r#""deadline":{"by":"2014-10-01"}"#), "{json}");
        assert_eq!(serde_json::from_str::<PlanTask>(&json).unwrap(), t);
        let bad = json.replace(r#"{"by":"2014-10-01"}"#, r#""ongoing""#);
        assert!(serde_json::from_str::<PlanTask>(&bad).is_err());
        assert_eq!(Deadline::By(date(2014, 9, 1)).to_string(), "до 01.09.2014");
        assert_eq!(Deadline::Ongoing.to_string(), "постоянно");
    }
}

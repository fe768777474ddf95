//! The plan's status on a date: stage summaries, the tasks to name, and
//! the activation targets settled from the measured share.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::activation::{Checkpoint, CheckpointOutcome, TargetBand};
use crate::ids::PlanTaskId;
use crate::rollout::{Deadline, ResponsibleRole};
use crate::rollout::{RolloutPlan, TaskStatus};

/// One stage's task counts on the date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StageSummary {
    /// `I. Подготовительный этап`.
    pub heading: String,
    /// Its start date, if the plan gives one.
    pub starts_on: Option<NaiveDate>,
    /// The stage's status (see [`PlanStage::status`](super::PlanStage::status)).
    pub status: TaskStatus,
    /// Tasks in the stage.
    pub total: u32,
    /// Done.
    pub done: u32,
    /// In progress (ongoing tasks included).
    pub in_progress: u32,
    /// Due soon.
    pub due_soon: u32,
    /// Overdue.
    pub overdue: u32,
    /// Not started (the stage has not begun).
    pub not_started: u32,
}

/// A task named in the report (overdue or due soon).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TaskLine {
    /// The task.
    pub id: PlanTaskId,
    /// Its stage's number (`I`, `II`, …).
    pub stage: Option<String>,
    /// What is to be done.
    pub text: String,
    /// When.
    pub deadline: Deadline,
    /// Its status on the date.
    pub status: TaskStatus,
    /// Who answers for it, if set.
    pub responsible: Option<ResponsibleRole>,
}

/// An activation target task of the plan, settled from the share measured
/// on its checkpoint day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct TargetLine {
    /// The target task.
    pub id: PlanTaskId,
    /// Its checkpoint: the deadline and the band.
    pub checkpoint: Checkpoint,
    /// Its status on the date: done when the measured share is within the
    /// band or above it, overdue when not met by its day, in progress or due
    /// soon before it.
    pub status: TaskStatus,
    /// The share measured on the checkpoint day, once that day has come.
    pub outcome: Option<CheckpointOutcome>,
    /// Percentage points the measured share is below the band's minimum,
    /// when it is below (40.50% against 41–60% → 0.50).
    pub gap: Option<Decimal>,
}

/// The plan's status on one date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanStatus {
    /// The date.
    pub date: NaiveDate,
    /// The heading of the current stage (see
    /// [`RolloutPlan::current_stage`]).
    pub current_stage: Option<String>,
    /// Every stage.
    pub stages: Vec<StageSummary>,
    /// Overdue tasks, in plan order.
    pub overdue: Vec<TaskLine>,
    /// Tasks due within the window, in plan order.
    pub due_soon: Vec<TaskLine>,
    /// The activation target tasks, in plan order.
    pub targets: Vec<TargetLine>,
}

/// Percentage points `share` is below `band`'s minimum, when it is below.
///
/// # Example
/// ```
/// use zhurnal::activation::TargetBand;
/// use zhurnal::rollout::points_below;
/// let band = TargetBand::new(41.into(), 60.into())?;
/// assert_eq!(points_below(&band, "40.50".parse()?).map(|g| g.to_string()), Some("0.50".into()));
/// assert_eq!(points_below(&band, "41.00".parse()?), None);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn points_below(band: &TargetBand, share: Decimal) -> Option<Decimal> {
    (share < band.min()).then(|| band.min() - share)
}

impl RolloutPlan {
    /// The plan's status on `date`: every stage's counts, the overdue and
    /// due-soon tasks, the current stage, and the activation targets.
    ///
    /// `measured` are the shares measured on the checkpoint days that have
    /// come (as [`ApplicationRegistry::checkpoint_outcomes`] gives them);
    /// they settle the target tasks (see [`PlanTask::status`]). The report
    /// ([`RolloutReport::build`]) measures them itself.
    ///
    /// [`ApplicationRegistry::checkpoint_outcomes`]: crate::applications::ApplicationRegistry::checkpoint_outcomes
    /// [`PlanTask::status`]: super::PlanTask::status
    /// [`RolloutReport::build`]: super::RolloutReport::build
    ///
    /// # Example
    /// ```
    /// use chrono::NaiveDate;
    /// use zhurnal::rollout::{RolloutPlan, TaskStatus};
    /// let plan = RolloutPlan::gymnasium17()?;
    /// let status = plan.status_on(NaiveDate::from_ymd_opt(2014, 10, 2).unwrap(), 14, &[]);
    /// // Nothing measured: the 01.10.2014 target is not met.
    /// assert_eq!(status.targets[0].status, TaskStatus::Overdue);
    /// assert_eq!(status.current_stage.as_deref(), Some("II. Основной этап"));
    /// # Ok::<(), zhurnal::rollout::PlanError>(())
    /// ```
    pub fn status_on(
        &self,
        date: NaiveDate,
        due_soon_days: u32,
        measured: &[CheckpointOutcome],
    ) -> PlanStatus {
        let mut out = PlanStatus {
            date,
            current_stage: self.current_stage(date, measured).map(|s| s.heading()),
            stages: Vec::new(),
            overdue: Vec::new(),
            due_soon: Vec::new(),
            targets: Vec::new(),
        };
        for stage in self.stages() {
            let mut summary = StageSummary {
                heading: stage.heading(),
                starts_on: stage.starts_on,
                status: stage.status(date, due_soon_days, measured),
                total: 0,
                done: 0,
                in_progress: 0,
                due_soon: 0,
                overdue: 0,
                not_started: 0,
            };
            for task in stage.task_iter() {
                let status = task.status(date, due_soon_days, stage.started_on(date), measured);
                summary.total += 1;
                let slot = match status {
                    TaskStatus::Done => &mut summary.done,
                    TaskStatus::InProgress => &mut summary.in_progress,
                    TaskStatus::DueSoon => &mut summary.due_soon,
                    TaskStatus::Overdue => &mut summary.overdue,
                    TaskStatus::NotStarted => &mut summary.not_started,
                };
                *slot += 1;
                let line = || TaskLine {
                    id: task.id(),
                    stage: stage.number.clone(),
                    text: task.text().to_owned(),
                    deadline: task.deadline(),
                    status,
                    responsible: task.responsible(),
                };
                match status {
                    TaskStatus::Overdue => out.overdue.push(line()),
                    TaskStatus::DueSoon => out.due_soon.push(line()),
                    _ => {}
                }
                if let (Some(band), Some(day)) = (task.target(), task.deadline().date()) {
                    let outcome = task
                        .measured_outcome(measured)
                        .filter(|o| o.checkpoint.date <= date)
                        .copied();
                    out.targets.push(TargetLine {
                        id: task.id(),
                        checkpoint: Checkpoint { date: day, band },
                        status,
                        outcome,
                        gap: outcome
                            .and_then(|o| o.share)
                            .and_then(|s| points_below(&band, s)),
                    });
                }
            }
            out.stages.push(summary);
        }
        out
    }
}

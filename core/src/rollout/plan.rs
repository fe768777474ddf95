//! The rollout plan: stages, sections, tasks with deadlines, and their
//! status on a date.
//!
//! A [`RolloutPlan`] is a list of [`PlanStage`]s («I. Подготовительный
//! этап»), each with [`RolloutSection`]s («1.1. Организационное обеспечение»)
//! holding [`PlanTask`]s. A task has a [`Deadline`] (a date, «до
//! 01.09.2014», or ongoing, «постоянно»), an optional responsible role, an
//! optional activation target band, and a completion date once done.
//!
//! The activation targets of the plan («от 30% до 40% имеющих возможность
//! воспользоваться услугой — до 01.10.2014») are the activation
//! [`Checkpoints`]: see [`RolloutPlan::checkpoints`].
//!
//! The seed plan of Gymnasium No. 17 is embedded: [`RolloutPlan::gymnasium17`].

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::activation::{Checkpoint, CheckpointOutcome, Checkpoints};
use crate::ids::PlanTaskId;
use crate::rollout::PlanError;
use crate::rollout::{Deadline, PlanTask};

/// The format version written into a plan's JSON.
pub const PLAN_FORMAT_VERSION: u32 = 1;

/// The seed plan's text, byte for byte as the school published it.
pub const GYMNASIUM17_PLAN_TEXT: &str = include_str!("gymnasium17.txt");

/// What a task or a stage looks like on a date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TaskStatus {
    /// Completed on or before the date.
    Done,
    /// Open, with no deadline within the due-soon window (or ongoing).
    InProgress,
    /// Open, with its deadline within the next N days (the deadline day
    /// included).
    DueSoon,
    /// Open after its deadline day.
    Overdue,
    /// Its stage starts after the date.
    NotStarted,
}

impl TaskStatus {
    /// The Russian label used in reports: «выполнено», «в работе», «срок
    /// скоро», «просрочено», «не начато».
    pub fn label_ru(self) -> &'static str {
        match self {
            TaskStatus::Done => "выполнено",
            TaskStatus::InProgress => "в работе",
            TaskStatus::DueSoon => "срок скоро",
            TaskStatus::Overdue => "просрочено",
            TaskStatus::NotStarted => "не начато",
        }
    }
}

impl std::fmt::Display for TaskStatus {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.label_ru())
    }
}

/// A section of a stage, e.g. «1.1. Организационное обеспечение». Tasks a
/// stage lists without any section heading sit in a section without a title.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RolloutSection {
    /// The number as printed, e.g. `1.1`, if any.
    pub number: Option<String>,
    /// The heading, if the section has one.
    pub title: Option<String>,
    /// The tasks, in plan order.
    pub tasks: Vec<PlanTask>,
}

impl RolloutSection {
    /// `1.1. Организационное обеспечение`, `Введение …`, or «без раздела».
    pub fn heading(&self) -> String {
        match (&self.number, &self.title) {
            (Some(n), Some(t)) => format!("{n}. {t}"),
            (None, Some(t)) => t.clone(),
            (Some(n), None) => format!("{n}."),
            (None, None) => "без раздела".to_owned(),
        }
    }
}

/// A stage of the plan, e.g. «I. Подготовительный этап».
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanStage {
    /// The number as printed (`I`, `II`, `III`), if any.
    pub number: Option<String>,
    /// The title without its number and start date.
    pub title: String,
    /// The day the stage starts, when the plan gives one («с 12 января 2015
    /// г.»). A stage with a start date has not started before it.
    pub starts_on: Option<NaiveDate>,
    /// Whether the stage runs on without an end («постоянно»).
    pub ongoing: bool,
    /// The sections, in plan order.
    pub sections: Vec<RolloutSection>,
}

impl PlanStage {
    /// `I. Подготовительный этап`.
    pub fn heading(&self) -> String {
        match &self.number {
            Some(n) => format!("{n}. {}", self.title),
            None => self.title.clone(),
        }
    }

    /// Every task of the stage, in plan order.
    pub fn tasks(&self) -> Vec<PlanTask> {
        self.task_iter().cloned().collect()
    }

    /// Every task of the stage, borrowed, in plan order.
    pub(crate) fn task_iter(&self) -> impl Iterator<Item = &PlanTask> {
        self.sections.iter().flat_map(|s| s.tasks.iter())
    }

    /// Whether the stage has started on `date` (always, without a start date).
    pub fn started_on(&self, date: NaiveDate) -> bool {
        self.starts_on.is_none_or(|start| start <= date)
    }

    /// The status of the stage on `date`: not started before its start
    /// date; done when it has dated tasks and every one of them is done
    /// (ongoing, «постоянно», tasks never keep a stage from being done; a
    /// stage of ongoing tasks only is never done); otherwise overdue if any
    /// task is, due soon if any task is, and in progress. Target tasks are
    /// settled by `measured` (see [`PlanTask::status`]).
    pub fn status(
        &self,
        date: NaiveDate,
        due_soon_days: u32,
        measured: &[CheckpointOutcome],
    ) -> TaskStatus {
        if !self.started_on(date) {
            return TaskStatus::NotStarted;
        }
        let statuses: Vec<(Deadline, TaskStatus)> = self
            .task_iter()
            .map(|t| (t.deadline(), t.status(date, due_soon_days, true, measured)))
            .collect();
        let mut dated = statuses.iter().filter(|(d, _)| d.date().is_some());
        let has_dated = dated.clone().next().is_some();
        if has_dated && dated.all(|(_, s)| *s == TaskStatus::Done) {
            TaskStatus::Done
        } else if statuses.iter().any(|(_, s)| *s == TaskStatus::Overdue) {
            TaskStatus::Overdue
        } else if statuses.iter().any(|(_, s)| *s == TaskStatus::DueSoon) {
            TaskStatus::DueSoon
        } else {
            TaskStatus::InProgress
        }
    }
}

/// A rollout plan: stages → sections → tasks, with the activation
/// checkpoints its target tasks define.
///
/// Built by [`RolloutPlan::new`], by the parser ([`RolloutPlan::parse`]) or
/// from JSON (validated the same way; the JSON carries `"version": 1`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "PlanFields", into = "PlanFields")]
pub struct RolloutPlan {
    title: String,
    stages: Vec<PlanStage>,
    checkpoints: Checkpoints,
}

#[derive(Serialize, Deserialize)]
struct PlanFields {
    version: u32,
    title: String,
    stages: Vec<PlanStage>,
}

impl TryFrom<PlanFields> for RolloutPlan {
    type Error = PlanError;
    fn try_from(f: PlanFields) -> Result<Self, Self::Error> {
        if f.version != PLAN_FORMAT_VERSION {
            return Err(crate::snapshot::SnapshotError::UnsupportedVersion {
                document: "plan".to_owned(),
                version: u64::from(f.version),
                supported: PLAN_FORMAT_VERSION,
            }
            .into());
        }
        RolloutPlan::new(f.title, f.stages)
    }
}

impl From<RolloutPlan> for PlanFields {
    fn from(p: RolloutPlan) -> Self {
        PlanFields {
            version: PLAN_FORMAT_VERSION,
            title: p.title,
            stages: p.stages,
        }
    }
}

impl RolloutPlan {
    /// A plan from its stages. Task ids must be unique; target tasks, taken
    /// in plan order, must have strictly increasing deadlines (they become
    /// the [`checkpoints`](Self::checkpoints)).
    ///
    /// # Errors
    /// [`PlanError::NoStages`], [`PlanError::EmptyStage`],
    /// [`PlanError::DuplicateTaskId`], or
    /// [`PlanError::CheckpointsOutOfOrder`].
    ///
    /// # Example
    /// ```
    /// use chrono::NaiveDate;
    /// use zhurnal::ids::PlanTaskId;
    /// use zhurnal::rollout::{Deadline, RolloutSection, PlanStage, PlanTask, RolloutPlan};
    /// let task = PlanTask::new(PlanTaskId::new(1), "Назначение ответственных".into(),
    ///     Deadline::By(NaiveDate::from_ymd_opt(2014, 9, 1).unwrap()), None)?;
    /// let stage = PlanStage { number: Some("I".into()), title: "Подготовительный этап".into(),
    ///     starts_on: None, ongoing: false,
    ///     sections: vec![RolloutSection { number: None, title: None, tasks: vec![task] }] };
    /// let plan = RolloutPlan::new("План".into(), vec![stage])?;
    /// assert_eq!(plan.tasks().len(), 1);
    /// assert!(RolloutPlan::new("Пусто".into(), vec![]).is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(title: String, stages: Vec<PlanStage>) -> Result<RolloutPlan, PlanError> {
        if stages.is_empty() {
            return Err(PlanError::NoStages);
        }
        let mut seen = std::collections::BTreeSet::new();
        let mut targets: Vec<(Checkpoint, Option<u32>)> = Vec::new();
        for stage in &stages {
            if stage.task_iter().next().is_none() {
                return Err(PlanError::EmptyStage {
                    stage: stage.heading(),
                });
            }
            for task in stage.task_iter() {
                if !seen.insert(task.id()) {
                    return Err(PlanError::DuplicateTaskId { id: task.id() });
                }
                if let (Some(band), Some(date)) = (task.target(), task.deadline().date()) {
                    targets.push((Checkpoint { date, band }, task.source_line()));
                }
            }
        }
        for pair in targets.windows(2) {
            if pair[1].0.date <= pair[0].0.date {
                return Err(PlanError::CheckpointsOutOfOrder {
                    line: pair[1].1,
                    date: pair[1].0.date,
                    previous: pair[0].0.date,
                });
            }
        }
        let checkpoints = Checkpoints::new(targets.into_iter().map(|(c, _)| c).collect())?;
        Ok(RolloutPlan {
            title: title.trim().to_owned(),
            stages,
            checkpoints,
        })
    }

    /// The seed plan of Gymnasium No. 17 (Cherkessk, 2014–2015), parsed from
    /// its embedded text ([`GYMNASIUM17_PLAN_TEXT`]): 3 stages, 20 tasks, and
    /// the activation checkpoints 01.10.2014 30–40%, 01.11.2014 41–60%,
    /// 01.12.2014 61–100%, 01.01.2015 100%.
    ///
    /// Parsed once and cloned; the parse of the embedded text is pinned by a
    /// unit test.
    ///
    /// # Errors
    /// The [`PlanError`] of [`RolloutPlan::parse`], should the embedded text
    /// ever fail to parse (the same error on every call).
    ///
    /// # Example
    /// ```
    /// use zhurnal::rollout::RolloutPlan;
    /// let plan = RolloutPlan::gymnasium17()?;
    /// assert_eq!(plan.stages().len(), 3);
    /// assert_eq!(plan.tasks().len(), 20);
    /// assert_eq!(plan.checkpoints().all().len(), 4);
    /// # Ok::<(), zhurnal::rollout::PlanError>(())
    /// ```
    pub fn gymnasium17() -> Result<RolloutPlan, PlanError> {
        static SEED: std::sync::OnceLock<Result<RolloutPlan, PlanError>> =
            std::sync::OnceLock::new();
        SEED.get_or_init(|| RolloutPlan::parse(GYMNASIUM17_PLAN_TEXT))
            .clone()
    }

    /// The title, e.g. «План ввода в эксплуатацию …».
    pub fn title(&self) -> &str {
        &self.title
    }

    /// The stages in plan order.
    pub fn stages(&self) -> &[PlanStage] {
        &self.stages
    }

    /// Every task, in plan order.
    pub fn tasks(&self) -> Vec<PlanTask> {
        self.task_iter().cloned().collect()
    }

    /// Every task, borrowed, in plan order.
    pub(crate) fn task_iter(&self) -> impl Iterator<Item = &PlanTask> {
        self.stages.iter().flat_map(|s| s.task_iter())
    }

    /// The task with this id.
    pub fn task(&self, id: PlanTaskId) -> Option<&PlanTask> {
        self.task_iter().find(|t| t.id() == id)
    }

    /// The activation checkpoints: each target task's band at its deadline.
    pub fn checkpoints(&self) -> &Checkpoints {
        &self.checkpoints
    }

    /// The status of a task on `date` (see [`PlanTask::status`]; target
    /// tasks are settled by `measured`); `None` for an unknown id.
    pub fn task_status(
        &self,
        id: PlanTaskId,
        date: NaiveDate,
        due_soon_days: u32,
        measured: &[CheckpointOutcome],
    ) -> Option<TaskStatus> {
        self.stages.iter().find_map(|stage| {
            stage
                .task_iter()
                .find(|t| t.id() == id)
                .map(|t| t.status(date, due_soon_days, stage.started_on(date), measured))
        })
    }

    /// The stage the school is in on `date`: the latest started stage (its
    /// start date reached, or it has none) that has open work, i.e. is not
    /// [done](PlanStage::status); when every started stage is done, the
    /// latest started one; when none has started, the first.
    pub fn current_stage(
        &self,
        date: NaiveDate,
        measured: &[CheckpointOutcome],
    ) -> Option<&PlanStage> {
        let mut started = self.stages.iter().rev().filter(|s| s.started_on(date));
        started
            .clone()
            .find(|s| s.status(date, 0, measured) != TaskStatus::Done)
            .or_else(|| started.next())
            .or_else(|| self.stages.first())
    }

    /// Records that a task was completed on `date`. Activation target tasks
    /// are not completed by hand: they are settled by the measured share.
    ///
    /// # Errors
    /// [`PlanError::UnknownTask`], [`PlanError::TargetTaskMeasured`] for a
    /// target task, or [`PlanError::TaskAlreadyCompleted`] (the plan is
    /// unchanged).
    ///
    /// # Example
    /// ```
    /// use chrono::NaiveDate;
    /// use zhurnal::ids::PlanTaskId;
    /// use zhurnal::rollout::{RolloutPlan, TaskStatus};
    /// let mut plan = RolloutPlan::gymnasium17()?;
    /// let day = NaiveDate::from_ymd_opt(2014, 8, 28).unwrap();
    /// plan.complete_task(PlanTaskId::new(1), day)?;
    /// assert_eq!(plan.task_status(PlanTaskId::new(1), day, 14, &[]), Some(TaskStatus::Done));
    /// assert!(plan.complete_task(PlanTaskId::new(1), day).is_err());
    /// let target = plan.complete_task(PlanTaskId::new(15), day).unwrap_err();
    /// assert_eq!(target.code(), "plan.target_task_measured");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn complete_task(&mut self, id: PlanTaskId, date: NaiveDate) -> Result<(), PlanError> {
        let task = self.task_mut(id)?;
        if task.target().is_some() {
            return Err(PlanError::TargetTaskMeasured { id });
        }
        if let Some(on) = task.completed_on() {
            return Err(PlanError::TaskAlreadyCompleted { id, on });
        }
        task.set_completed_on(Some(date));
        Ok(())
    }

    /// Sets (or clears) the role responsible for a task. The seed plan
    /// names none, so tasks start without one; reports show «не назначен».
    ///
    /// # Errors
    /// [`PlanError::UnknownTask`].
    ///
    /// # Example
    /// ```
    /// use zhurnal::ids::PlanTaskId;
    /// use zhurnal::rollout::{ResponsibleRole, RolloutPlan};
    /// let mut plan = RolloutPlan::gymnasium17()?;
    /// plan.set_responsible(PlanTaskId::new(1), Some(ResponsibleRole::Director))?;
    /// assert_eq!(plan.task(PlanTaskId::new(1)).and_then(|t| t.responsible()), Some(ResponsibleRole::Director));
    /// assert!(plan.set_responsible(PlanTaskId::new(999), None).is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn set_responsible(
        &mut self,
        id: PlanTaskId,
        role: Option<super::ResponsibleRole>,
    ) -> Result<(), PlanError> {
        self.task_mut(id)?.set_responsible(role);
        Ok(())
    }

    fn task_mut(&mut self, id: PlanTaskId) -> Result<&mut PlanTask, PlanError> {
        self.stages
            .iter_mut()
            .flat_map(|s| s.sections.iter_mut())
            .flat_map(|s| s.tasks.iter_mut())
            .find(|t| t.id() == id)
            .ok_or(PlanError::UnknownTask { id })
    }
}

/// The activation checkpoints of the embedded seed plan: 01.10.2014 30–40%,
/// 01.11.2014 41–60%, 01.12.2014 61–100%, 01.01.2015 100%. The default
/// targets of every activation report.
///
/// The embedded text is a constant and its parse is deterministic, so the
/// unit test that pins these four checkpoints pins them for every call:
/// the empty list this would give for an unparsable text cannot occur in a
/// build whose tests pass. Callers that want the error itself use
/// [`RolloutPlan::gymnasium17`].
///
/// # Example
/// ```
/// let cps = zhurnal::rollout::seed_checkpoints();
/// assert_eq!(cps.all().len(), 4);
/// assert_eq!(cps.all()[0].band.to_string(), "30–40%");
/// assert_eq!(cps.all()[3].band.to_string(), "100%");
/// ```
pub fn seed_checkpoints() -> Checkpoints {
    RolloutPlan::gymnasium17()
        .map(|plan| plan.checkpoints)
        .unwrap_or_default()
}

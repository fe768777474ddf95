//! Errors of the rollout plan and its parser.

use chrono::NaiveDate;

use crate::activation::ActivationError;
use crate::ids::PlanTaskId;

fn at(line: &Option<u32>) -> String {
    line.map(|l| format!("line {l}: ")).unwrap_or_default()
}

/// What can be wrong with a rollout plan or its text.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum PlanError {
    /// The text has no stage line (`<b>…</b>`), or a plan has no stage.
    #[error("the plan has no stage: a stage line looks like <b>I. Подготовительный этап</b>")]
    NoStages,
    /// A stage without any task.
    #[error("stage {stage} has no task")]
    EmptyStage {
        /// The stage's heading (or its line for parsed text).
        stage: String,
    },
    /// A stage line whose heading is empty.
    #[error("line {line}: the stage has no title")]
    EmptyStageTitle {
        /// The line.
        line: u32,
    },
    /// A task row before the first stage line (after the column header).
    #[error("line {line}: a task row before the first stage line")]
    TaskOutsideStage {
        /// The line.
        line: u32,
    },
    /// A `<b>` stage line without `</b>`.
    #[error("line {line}: the stage line has no closing </b>")]
    UnclosedStage {
        /// The line.
        line: u32,
    },
    /// Text after `</b>` on a stage line.
    #[error("line {line}: a stage line must have nothing after </b> but empty cells")]
    StageWithContent {
        /// The line.
        line: u32,
    },
    /// A stage start that is not «с 12 января 2015 г.», optionally followed
    /// by «постоянно».
    #[error("line {line}: unreadable stage start {text:?}: write «с 12 января 2015 г.»")]
    BadStageStart {
        /// The line.
        line: u32,
        /// The text after «с».
        text: String,
    },
    /// A task row that does not have three tab-separated cells.
    #[error("line {line}: expected 3 tab-separated cells (section, task, deadline), found {found}")]
    BadColumns {
        /// The line.
        line: u32,
        /// How many cells there were.
        found: usize,
    },
    /// A deadline other than «до DD.MM.YYYY» or «постоянно», or an
    /// impossible date.
    #[error("line {line}: unknown deadline {text:?}: write «до DD.MM.YYYY» or «постоянно»")]
    BadDeadline {
        /// The line.
        line: u32,
        /// The cell.
        text: String,
    },
    /// A task without a deadline, not continued after a page break.
    #[error("line {line}: the task has no deadline")]
    MissingDeadline {
        /// The line the task starts on.
        line: u32,
    },
    /// A task with an empty text.
    #[error("{}the task text is empty", at(.line))]
    EmptyTask {
        /// The line, for parsed text.
        line: Option<u32>,
    },
    /// A target band on an ongoing («постоянно») task.
    #[error("{}an activation target needs a dated deadline, not «постоянно»", at(.line))]
    TargetWithoutDate {
        /// The line, for parsed text.
        line: Option<u32>,
    },
    /// An activation line whose percentages are not a band within 0–100%.
    #[error(
        "line {line}: unreadable activation target in {text:?}: write «от 30% до 40%» or «100%»"
    )]
    BadTarget {
        /// The line.
        line: u32,
        /// The task text.
        text: String,
    },
    /// Activation targets whose deadlines do not increase.
    #[error("{}target date {date} is not after the previous target date {previous}", at(.line))]
    CheckpointsOutOfOrder {
        /// The line of the offending target, for parsed text.
        line: Option<u32>,
        /// Its deadline.
        date: NaiveDate,
        /// The deadline of the target before it.
        previous: NaiveDate,
    },
    /// An invalid activation checkpoint.
    #[error(transparent)]
    Activation(#[from] ActivationError),
    /// Two tasks with the same id.
    #[error("task id {id} appears twice")]
    DuplicateTaskId {
        /// The id.
        id: PlanTaskId,
    },
    /// A task id the plan does not have.
    #[error("no task {id} in the plan")]
    UnknownTask {
        /// The id.
        id: PlanTaskId,
    },
    /// Completing a task twice.
    #[error("task {id} was already completed on {on}")]
    TaskAlreadyCompleted {
        /// The id.
        id: PlanTaskId,
        /// The recorded completion day.
        on: NaiveDate,
    },
    /// Completing an activation target task by hand, or a target task
    /// recorded as completed: a target is settled by the share measured on
    /// its checkpoint day, never by a completion.
    #[error(
        "task {id} is an activation target: it is met by the measured share on its day, not completed by hand"
    )]
    TargetTaskMeasured {
        /// The id.
        id: PlanTaskId,
    },
    /// A plan document that cannot be read (another format version): the
    /// snapshot error every aggregate shares.
    #[error(transparent)]
    Snapshot(#[from] crate::snapshot::SnapshotError),
}

impl PlanError {
    /// The stable machine code, e.g. `"plan.bad_deadline"`.
    pub fn code(&self) -> &'static str {
        match self {
            Self::NoStages => "plan.no_stages",
            Self::EmptyStage { .. } => "plan.empty_stage",
            Self::EmptyStageTitle { .. } => "plan.empty_stage_title",
            Self::TaskOutsideStage { .. } => "plan.task_outside_stage",
            Self::UnclosedStage { .. } => "plan.unclosed_stage",
            Self::StageWithContent { .. } => "plan.stage_with_content",
            Self::BadStageStart { .. } => "plan.bad_stage_start",
            Self::BadColumns { .. } => "plan.bad_columns",
            Self::BadDeadline { .. } => "plan.bad_deadline",
            Self::MissingDeadline { .. } => "plan.missing_deadline",
            Self::EmptyTask { .. } => "plan.empty_task",
            Self::TargetWithoutDate { .. } => "plan.target_without_date",
            Self::BadTarget { .. } => "plan.bad_target",
            Self::CheckpointsOutOfOrder { .. } => "plan.checkpoints_out_of_order",
            Self::Activation(e) => e.code(),
            Self::DuplicateTaskId { .. } => "plan.duplicate_task_id",
            Self::UnknownTask { .. } => "plan.unknown_task",
            Self::TaskAlreadyCompleted { .. } => "plan.task_already_completed",
            Self::TargetTaskMeasured { .. } => "plan.target_task_measured",
            Self::Snapshot(e) => e.code(),
        }
    }

    /// The 1-based line of the plan text the error points at, if any.
    pub fn line(&self) -> Option<u32> {
        match self {
            Self::EmptyStageTitle { line }
            | Self::TaskOutsideStage { line }
            | Self::UnclosedStage { line }
            | Self::StageWithContent { line }
            | Self::BadStageStart { line, .. }
            | Self::BadColumns { line, .. }
            | Self::BadDeadline { line, .. }
            | Self::MissingDeadline { line }
            | Self::BadTarget { line, .. } => Some(*line),
            Self::EmptyTask { line }
            | Self::TargetWithoutDate { line }
            | Self::CheckpointsOutOfOrder { line, .. } => *line,
            _ => None,
        }
    }

    /// The same error pointing at `line` (for errors of a task built from a
    /// parsed line).
    pub(crate) fn at_line(self, line: u32) -> PlanError {
        match self {
            Self::EmptyTask { .. } => Self::EmptyTask { line: Some(line) },
            Self::TargetWithoutDate { .. } => Self::TargetWithoutDate { line: Some(line) },
            other => other,
        }
    }
}

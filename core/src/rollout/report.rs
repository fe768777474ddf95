//! The rollout status report for a date: the plan's stages and tasks,
//! applications, and activation against the checkpoints — as a
//! serialisable value ([`RolloutReport`]) and as plain text in Russian
//! ([`RolloutReport::to_text`]), the language of the people who read it.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::activation::ScopeActivation;
use crate::activation::{ActivationCount, BandStatus, Checkpoint, EligibilityPolicy};
use crate::activation::{ActivationScope, ActivationTable, CheckpointOutcome, Projection};
use crate::activation::{CurvePoint, MAX_CURVE_DAYS};
use crate::applications::ApplicationRegistry;
use crate::applications::StatusCounts;
use crate::ids::ClassId;
use crate::rollout::{RolloutPlan, StageSummary, TargetLine, TaskLine, points_below};
use crate::school::School;

/// Choices of the report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct ReportOptions {
    /// A task is «due soon» when its deadline is at most this many days
    /// ahead (default 14).
    pub due_soon_days: u32,
    /// Who is in the activation denominator (default: with access).
    pub policy: EligibilityPolicy,
    /// Days of trend the projection is taken from (default 14).
    pub projection_window_days: u32,
}

impl Default for ReportOptions {
    fn default() -> Self {
        ReportOptions {
            due_soon_days: 14,
            policy: EligibilityPolicy::WithAccess,
            projection_window_days: 14,
        }
    }
}

/// One class's activation row.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClassActivationRow {
    /// The class.
    pub class_id: ClassId,
    /// Its name, `5А`.
    pub name: String,
    /// Eligible and activated parents.
    pub count: ActivationCount,
    /// The share; `None` for no eligible parent.
    pub share: Option<Decimal>,
    /// Against the checkpoint in force.
    pub current_status: Option<BandStatus>,
    /// Against the next checkpoint.
    pub next_status: Option<BandStatus>,
}

/// The rollout status of one school on one date.
///
/// The text labels are Russian; the value's field names and enum values
/// are English identifiers (`on_target`, `overdue`), so hosts can localise
/// from the value.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RolloutReport {
    /// The date (everything up to and including it counts).
    pub date: NaiveDate,
    /// The school's name.
    pub school: String,
    /// The plan's title.
    pub plan_title: String,
    /// The heading of the current stage: the latest started stage with
    /// open work.
    pub current_stage: Option<String>,
    /// Every stage.
    pub stages: Vec<StageSummary>,
    /// Overdue tasks.
    pub overdue: Vec<TaskLine>,
    /// Tasks due within the window.
    pub due_soon: Vec<TaskLine>,
    /// The plan's activation target tasks, settled from the school's share
    /// measured on each checkpoint day that has come.
    pub targets: Vec<TargetLine>,
    /// The due-soon window, days.
    pub due_soon_days: u32,
    /// Applications on the date.
    pub applications: StatusCounts,
    /// Who is in the activation denominator.
    pub policy: EligibilityPolicy,
    /// The checkpoint in force.
    pub current_checkpoint: Option<Checkpoint>,
    /// The next checkpoint.
    pub next_checkpoint: Option<Checkpoint>,
    /// The school's activation on the date.
    pub activation: ScopeActivation,
    /// Percentage points the school's share is below the band in force,
    /// when it is below.
    pub current_gap: Option<Decimal>,
    /// Percentage points the school's share is below the next band, when
    /// it is below.
    pub next_gap: Option<Decimal>,
    /// The linear projection to the next checkpoint.
    pub projection: Option<Projection>,
    /// Per class, by class name.
    pub classes: Vec<ClassActivationRow>,
    /// The school's share for every day from the first day of the school
    /// year up to the date (at most [`MAX_CURVE_DAYS`] days; a report dated
    /// before the year's first day has only its own day). Reports
    /// serialised before the curve existed load with none.
    #[serde(default)]
    pub curve: Vec<CurvePoint>,
}

impl RolloutReport {
    /// Builds the report for `date` from the plan (its checkpoints are the
    /// targets), the school and its registry. The plan's activation target
    /// tasks are settled from the school's share measured through
    /// [`ApplicationRegistry::checkpoint_outcomes`] on each checkpoint day
    /// that has come, under the report's eligibility policy.
    ///
    /// # Example
    /// ```
    /// use chrono::NaiveDate;
    /// use zhurnal::demo::{demo_rollout, DemoConfig};
    /// use zhurnal::rollout::{ReportOptions, RolloutReport};
    /// let demo = demo_rollout(&DemoConfig::tiny(5))?;
    /// let day = NaiveDate::from_ymd_opt(2014, 12, 1).unwrap();
    /// let report = RolloutReport::build(&demo.plan, &demo.school, &demo.registry, day, &ReportOptions::default());
    /// assert_eq!(report.stages.len(), 3);
    /// assert_eq!(report.targets.len(), 4);
    /// assert_eq!(report.current_checkpoint.map(|c| c.band.to_string()), Some("61–100%".into()));
    /// assert!(report.to_text().contains("Активация родителей"));
    /// # Ok::<(), zhurnal::Error>(())
    /// ```
    pub fn build(
        plan: &RolloutPlan,
        school: &School,
        registry: &ApplicationRegistry,
        date: NaiveDate,
        options: &ReportOptions,
    ) -> RolloutReport {
        let checkpoints = plan.checkpoints();
        let measured = Measured {
            applications: registry.counts_on(school, date).total,
            table: registry.activation_table(school, date, options.policy, checkpoints),
            outcomes: registry.checkpoint_outcomes(school, date, options.policy, checkpoints),
            projection: registry.activation_projection(
                school,
                date,
                options.policy,
                checkpoints,
                options.projection_window_days,
            ),
            curve: registry
                .activation_curve(school, curve_start(school, date), date, options.policy)
                .unwrap_or_default(),
        };
        RolloutReport::assemble(plan, school, date, options, measured)
    }

    /// The report from what was measured: the plan's status settled by the
    /// outcomes, the school's and classes' rows from the table.
    fn assemble(
        plan: &RolloutPlan,
        school: &School,
        date: NaiveDate,
        options: &ReportOptions,
        measured: Measured,
    ) -> RolloutReport {
        let status = plan.status_on(date, options.due_soon_days, &measured.outcomes);
        let table = &measured.table;
        let activation = table
            .schools
            .iter()
            .find(|s| {
                s.scope
                    == ActivationScope::School {
                        school: school.info().id(),
                    }
            })
            .copied()
            .unwrap_or(table.region);
        let mut classes: Vec<ClassActivationRow> = table
            .classes
            .iter()
            .filter_map(|row| match row.scope {
                ActivationScope::Class { class, .. } => Some(ClassActivationRow {
                    class_id: class,
                    name: school
                        .class(class)
                        .map_or_else(|| class.to_string(), |c| c.name().to_string()),
                    count: row.count,
                    share: row.share,
                    current_status: row.current_status,
                    next_status: row.next_status,
                }),
                _ => None,
            })
            .collect();
        classes.sort_by_key(|r| (school.class(r.class_id).map(|c| c.name()), r.class_id));
        let gap = |c: Option<Checkpoint>| {
            c.zip(activation.share)
                .and_then(|(c, share)| points_below(&c.band, share))
        };
        RolloutReport {
            date,
            school: school.info().name().to_owned(),
            plan_title: plan.title().to_owned(),
            current_stage: status.current_stage,
            stages: status.stages,
            overdue: status.overdue,
            due_soon: status.due_soon,
            targets: status.targets,
            due_soon_days: options.due_soon_days,
            applications: measured.applications,
            policy: options.policy,
            current_checkpoint: table.current,
            next_checkpoint: table.next,
            activation,
            current_gap: gap(table.current),
            next_gap: gap(table.next),
            projection: measured.projection,
            classes,
            curve: measured.curve,
        }
    }
}

/// What the report measures in the registry.
struct Measured {
    applications: StatusCounts,
    table: ActivationTable,
    outcomes: Vec<CheckpointOutcome>,
    projection: Option<Projection>,
    curve: Vec<CurvePoint>,
}

/// The first day of the report's curve: the school year's first day, or
/// the date itself before it, and never more than [`MAX_CURVE_DAYS`] days
/// back.
fn curve_start(school: &School, date: NaiveDate) -> NaiveDate {
    let earliest = date
        .checked_sub_days(chrono::Days::new(u64::from(MAX_CURVE_DAYS) - 1))
        .unwrap_or(date);
    school.calendar().start().clamp(earliest, date)
}

impl std::fmt::Display for RolloutReport {
    /// [`RolloutReport::to_text`].
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.to_text())
    }
}

#[cfg(test)]
#[path = "report_tests.rs"]
mod tests;

//! The rollout status report for a date: the plan's stages and tasks,
//! applications, and activation against the checkpoints — as a
//! serialisable value ([`RolloutReport`]) and as plain text in Russian
//! ([`RolloutReport::to_text`]), the language of the people who read it.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::activation::{ActivationCount, BandStatus, Checkpoint, EligibilityPolicy};
use crate::activation::{ActivationScope, CheckpointOutcome, Projection, ScopeActivation};
use crate::applications::ApplicationRegistry;
use crate::applications::StatusCounts;
use crate::ids::{ClassId, PlanTaskId};
use crate::rollout::{Deadline, ResponsibleRole};
use crate::rollout::{RolloutPlan, TaskStatus};
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

/// One stage's task counts on the date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StageSummary {
    /// `I. Подготовительный этап`.
    pub heading: String,
    /// Its start date, if the plan gives one.
    pub starts_on: Option<NaiveDate>,
    /// The stage's status.
    pub status: TaskStatus,
    /// Tasks in the stage.
    pub total: u32,
    /// Done.
    pub done: u32,
    /// In progress.
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
    /// The heading of the current stage.
    pub current_stage: Option<String>,
    /// Every stage.
    pub stages: Vec<StageSummary>,
    /// Overdue tasks.
    pub overdue: Vec<TaskLine>,
    /// Tasks due within the window.
    pub due_soon: Vec<TaskLine>,
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
    /// The school's share on each past checkpoint's date.
    pub checkpoint_outcomes: Vec<CheckpointOutcome>,
    /// The linear projection to the next checkpoint.
    pub projection: Option<Projection>,
    /// Per class, by class name.
    pub classes: Vec<ClassActivationRow>,
}

impl RolloutReport {
    /// Builds the report for `date` from the plan (its checkpoints are the
    /// targets), the school and its registry.
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
        let soon = options.due_soon_days;
        let mut stages = Vec::new();
        let (mut overdue, mut due_soon) = (Vec::new(), Vec::new());
        for stage in plan.stages() {
            let mut summary = StageSummary {
                heading: stage.heading(),
                starts_on: stage.starts_on,
                status: stage.status(date, soon),
                total: 0,
                done: 0,
                in_progress: 0,
                due_soon: 0,
                overdue: 0,
                not_started: 0,
            };
            for task in stage.tasks() {
                let status = task.status(date, soon, stage.started_on(date));
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
                    TaskStatus::Overdue => overdue.push(line()),
                    TaskStatus::DueSoon => due_soon.push(line()),
                    _ => {}
                }
            }
            stages.push(summary);
        }
        let checkpoints = plan.checkpoints();
        let table = registry.activation_table(school, date, options.policy, checkpoints);
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
        RolloutReport {
            date,
            school: school.info().name().to_owned(),
            plan_title: plan.title().to_owned(),
            current_stage: plan.current_stage(date).map(|s| s.heading()),
            stages,
            overdue,
            due_soon,
            due_soon_days: soon,
            applications: registry.counts_on(school, date).total,
            policy: options.policy,
            current_checkpoint: table.current,
            next_checkpoint: table.next,
            activation,
            checkpoint_outcomes: registry.checkpoint_outcomes(
                school,
                date,
                options.policy,
                checkpoints,
            ),
            projection: registry.activation_projection(
                school,
                date,
                options.policy,
                checkpoints,
                options.projection_window_days,
            ),
            classes,
        }
    }
}

impl std::fmt::Display for RolloutReport {
    /// [`RolloutReport::to_text`].
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.to_text())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::demo::{DemoConfig, demo_rollout};
    use crate::rollout::report_text::{band_ru, policy_ru, shorten};

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn report_on_the_gymnasium() {
        let demo = demo_rollout(&DemoConfig::gymnasium17(2014)).unwrap();
        let day = date(2014, 12, 1);
        let options = ReportOptions::default();
        let report = RolloutReport::build(&demo.plan, &demo.school, &demo.registry, day, &options);
        assert_eq!(report.stages.iter().map(|s| s.total).sum::<u32>(), 20);
        for s in &report.stages {
            assert_eq!(
                s.done + s.in_progress + s.due_soon + s.overdue + s.not_started,
                s.total
            );
        }
        assert_eq!(report.stages[2].status, TaskStatus::NotStarted);
        assert_eq!(
            report.overdue.len(),
            report.stages.iter().map(|s| s.overdue).sum::<u32>() as usize
        );
        assert!(
            report
                .due_soon
                .iter()
                .all(|t| t.status == TaskStatus::DueSoon)
        );
        // The school row is the registry's table, the classes sorted by name.
        let table = demo.registry.activation_table(
            &demo.school,
            day,
            options.policy,
            demo.plan.checkpoints(),
        );
        assert_eq!(report.activation, table.schools[0]);
        assert_eq!(report.classes.len(), 28);
        let names: Vec<&str> = report.classes.iter().map(|c| c.name.as_str()).collect();
        assert_eq!(&names[..4], ["1А", "1Б", "1В", "2А"]);
        assert_eq!(names[27], "11Б");
        assert_eq!(report.current_checkpoint.map(|c| c.date), Some(day));
        assert_eq!(
            report.next_checkpoint.map(|c| c.date),
            Some(date(2015, 1, 1))
        );
        assert_eq!(report.checkpoint_outcomes.len(), 3);
        assert_eq!(report.checkpoint_outcomes[2].count, report.activation.count);
        let p = report.projection.unwrap();
        assert_eq!((p.basis_from, p.basis_to), (date(2014, 11, 17), day));
        assert_eq!(
            report.applications,
            demo.registry.counts_on(&demo.school, day).total
        );
        let text = report.to_text();
        for needle in [
            "Ход внедрения электронного журнала и дневников на 01.12.2014",
            "МКОУ «Гимназия № 17» г. Черкесска",
            "III. Этап функционирования",
            "(с 12.01.2015) — не начато",
            "текущая цель 01.12.2014 61–100%",
            "следующая цель 01.01.2015 100%",
            "линейный прогноз",
            "\n1А ",
            "\nШкола ",
        ] {
            assert!(text.contains(needle), "{needle} missing in\n{text}");
        }
        assert!(text.lines().all(|l| l == l.trim_end()));
        assert_eq!(report.to_string(), text);
        let json = serde_json::to_string(&report).unwrap();
        assert_eq!(
            serde_json::from_str::<RolloutReport>(&json).unwrap(),
            report
        );
    }

    #[test]
    fn report_before_anything_happened() {
        let demo = demo_rollout(&DemoConfig::tiny(9)).unwrap();
        let day = date(2014, 8, 1);
        let report = RolloutReport::build(
            &demo.plan,
            &demo.school,
            &demo.registry,
            day,
            &ReportOptions::default(),
        );
        // Nobody is enrolled yet: no parent counts, no share.
        assert_eq!(report.activation.count, ActivationCount::default());
        assert_eq!(report.activation.share, None);
        assert!(report.classes.is_empty());
        assert_eq!(report.applications, StatusCounts::default());
        assert_eq!(report.current_checkpoint, None);
        assert!(report.checkpoint_outcomes.is_empty());
        assert_eq!(report.projection, None);
        let text = report.to_text();
        assert!(text.contains("по школе: 0 из 0 — —"), "{text}");
        assert!(text.contains("Просроченные задачи: нет"), "{text}");
    }

    #[test]
    fn labels() {
        assert_eq!(band_ru(Some(BandStatus::Above)), "выше цели");
        assert_eq!(band_ru(None), "нет данных");
        assert_eq!(shorten("абв", 3), "абв");
        assert_eq!(shorten("абвг", 3), "аб…");
        assert_eq!(policy_ru(EligibilityPolicy::AllParents), "все родители");
    }
}

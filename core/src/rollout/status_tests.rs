//! Tests of the plan's status on a date: stages, the current stage, and
//! the activation targets settled from the measured share.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::*;
use crate::activation::{ActivationCount, CheckpointOutcome};
use crate::ids::PlanTaskId;

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn seed() -> RolloutPlan {
    RolloutPlan::gymnasium17().unwrap()
}

#[test]
fn statuses_on_a_date() {
    let mut plan = seed();
    let day = date(2014, 11, 20);
    let status =
        |p: &RolloutPlan, id: u32| p.task_status(PlanTaskId::new(id), day, 14, &[]).unwrap();
    assert_eq!(status(&plan, 1), TaskStatus::Overdue);
    assert_eq!(status(&plan, 7), TaskStatus::DueSoon);
    assert_eq!(status(&plan, 9), TaskStatus::InProgress);
    assert_eq!(status(&plan, 14), TaskStatus::InProgress);
    assert_eq!(status(&plan, 19), TaskStatus::NotStarted);
    assert_eq!(plan.task_status(PlanTaskId::new(21), day, 14, &[]), None);
    assert_eq!(plan.stages()[0].status(day, 14, &[]), TaskStatus::Overdue);
    assert_eq!(
        plan.stages()[2].status(day, 14, &[]),
        TaskStatus::NotStarted
    );
    // Stage II has no start date of its own: it is under way, with open work.
    assert_eq!(current(&plan, day, &[]), "II");
    for id in 1..=8 {
        plan.complete_task(PlanTaskId::new(id), date(2014, 8, 30))
            .unwrap();
    }
    assert_eq!(plan.stages()[0].status(day, 14, &[]), TaskStatus::Done);
    assert_eq!(current(&plan, day, &[]), "II");
    assert_eq!(current(&plan, date(2015, 1, 12), &[]), "III");
    let late = date(2015, 3, 1);
    assert_eq!(
        plan.stages()[2].status(late, 14, &[]),
        TaskStatus::InProgress
    );
}

fn current(plan: &RolloutPlan, day: NaiveDate, measured: &[CheckpointOutcome]) -> String {
    plan.current_stage(day, measured)
        .and_then(|s| s.number.clone())
        .unwrap()
}

/// The school's share measured on each checkpoint day: `(eligible,
/// activated)` per checkpoint, in order.
fn measured(plan: &RolloutPlan, counts: &[(u64, u64)]) -> Vec<CheckpointOutcome> {
    plan.checkpoints()
        .all()
        .iter()
        .zip(counts)
        .map(|(c, &(eligible, activated))| {
            let count = ActivationCount::new(eligible, activated).unwrap();
            CheckpointOutcome {
                checkpoint: *c,
                count,
                share: count.share(),
                status: count.status(&c.band),
            }
        })
        .collect()
}

fn dec(s: &str) -> Decimal {
    s.parse().unwrap()
}

#[test]
fn targets_are_settled_from_the_measured_share() {
    let plan = seed();
    // 01.10: 164 of 442 = 37.10% (30–40%, met); 01.11: 81 of 200 = 40.50%,
    // above the first band but below 41–60%.
    let m = measured(&plan, &[(442, 164), (200, 81)]);
    assert_eq!(m[1].share, Some(dec("40.50")));
    let after = plan.status_on(date(2014, 11, 2), 14, &m);
    let statuses: Vec<TaskStatus> = after.targets.iter().map(|t| t.status).collect();
    assert_eq!(
        statuses,
        [
            TaskStatus::Done,
            TaskStatus::Overdue,
            TaskStatus::InProgress,
            TaskStatus::InProgress
        ]
    );
    assert_eq!(after.targets[0].gap, None);
    assert_eq!(after.targets[1].gap, Some(dec("0.50")));
    assert_eq!(after.targets[1].outcome, Some(m[1]));
    assert_eq!(after.targets[2].outcome, None);
    assert_eq!(
        after.overdue.iter().map(|t| t.id.get()).collect::<Vec<_>>(),
        [1, 2, 3, 4, 5, 6, 8, 16]
    );
    // On the checkpoint day itself an unmet target is still due, not overdue.
    let on_the_day = plan.status_on(date(2014, 11, 1), 14, &m);
    assert_eq!(on_the_day.targets[1].status, TaskStatus::DueSoon);
    assert_eq!(on_the_day.targets[1].gap, Some(dec("0.50")));
    // Without a measurement a passed target is not met.
    assert_eq!(
        plan.task_status(PlanTaskId::new(15), date(2014, 10, 2), 14, &[]),
        Some(TaskStatus::Overdue)
    );
    assert_eq!(
        plan.task_status(PlanTaskId::new(15), date(2014, 10, 2), 14, &m),
        Some(TaskStatus::Done)
    );
    // A measurement from a later day does not settle an earlier status.
    assert_eq!(
        plan.task_status(PlanTaskId::new(15), date(2014, 9, 30), 14, &m),
        Some(TaskStatus::DueSoon)
    );
}

#[test]
fn a_share_above_the_band_meets_it_and_60_40_misses_61() {
    let plan = seed();
    // 151 of 250 = 60.40%: above 41–60% on 01.11 (met), below 61–100% on 01.12.
    let m = measured(&plan, &[(442, 164), (250, 151), (250, 151)]);
    assert_eq!(m[2].share, Some(dec("60.40")));
    let s = plan.status_on(date(2014, 12, 2), 14, &m);
    assert_eq!(s.targets[1].status, TaskStatus::Done);
    assert_eq!(s.targets[1].gap, None);
    assert_eq!(s.targets[2].status, TaskStatus::Overdue);
    assert_eq!(s.targets[2].gap, Some(dec("0.60")));
    assert_eq!(s.targets[3].status, TaskStatus::InProgress);
    assert_eq!(s.stages[1].status, TaskStatus::Overdue);
}

#[test]
fn after_the_last_checkpoint() {
    let mut plan = seed();
    for id in (1..=13).filter(|id| *id != 4) {
        plan.complete_task(PlanTaskId::new(id), date(2014, 8, 30))
            .unwrap();
    }
    let day = date(2015, 1, 5);
    let all_met = measured(&plan, &[(442, 164), (200, 90), (250, 160), (300, 300)]);
    let s = plan.status_on(day, 14, &all_met);
    assert!(s.targets.iter().all(|t| t.status == TaskStatus::Done));
    assert!(s.targets.iter().all(|t| t.outcome.is_some()));
    // The ongoing task 14 is in progress, yet stage II is done.
    assert_eq!(
        plan.task_status(PlanTaskId::new(14), day, 14, &all_met),
        Some(TaskStatus::InProgress)
    );
    assert_eq!(s.stages[1].status, TaskStatus::Done);
    assert_eq!(s.stages[1].in_progress, 1);
    // Stage I still has task 4 open: the latest started stage with open work.
    assert_eq!(s.stages[0].status, TaskStatus::Overdue);
    assert_eq!(s.current_stage.as_deref(), Some("I. Подготовительный этап"));
    plan.complete_task(PlanTaskId::new(4), date(2014, 9, 30))
        .unwrap();
    assert_eq!(current(&plan, day, &all_met), "II");
    // 299 of 300 = 99.67%: the last target is missed by 0.33 points.
    let missed = measured(&plan, &[(442, 164), (200, 90), (250, 160), (300, 299)]);
    let s = plan.status_on(day, 14, &missed);
    assert_eq!(s.targets[3].status, TaskStatus::Overdue);
    assert_eq!(s.targets[3].gap, Some(dec("0.33")));
    assert_eq!(s.stages[1].status, TaskStatus::Overdue);
    assert_eq!(current(&plan, day, &missed), "II");
    // Stage III (ongoing tasks only) is never done once started.
    let s = plan.status_on(date(2015, 1, 12), 14, &all_met);
    assert_eq!(s.stages[2].status, TaskStatus::InProgress);
    assert_eq!(s.current_stage.as_deref().map(|h| &h[..4]), Some("III."));
}

#[test]
fn target_tasks_are_not_completed_by_hand() {
    let mut plan = seed();
    let before = plan.clone();
    let e = plan
        .complete_task(PlanTaskId::new(16), date(2014, 11, 1))
        .unwrap_err();
    assert_eq!(e.code(), "plan.target_task_measured");
    assert_eq!(
        e.to_string(),
        "task task#16 is an activation target: it is met by the measured share on its day, \
         not completed by hand"
    );
    assert_eq!(plan, before);
    let mut json = serde_json::to_value(&plan).unwrap();
    let task = &mut json["stages"][1]["sections"][0]["tasks"][7];
    assert_eq!(task["id"], serde_json::json!(16));
    task["completed_on"] = serde_json::json!("2014-11-01");
    let e = serde_json::from_value::<RolloutPlan>(json).unwrap_err();
    assert!(
        e.to_string().contains("task#16 is an activation target"),
        "{e}"
    );
}

//! Tests of the rollout report: the demo Gymnasium, and reports assembled
//! from fabricated activation records with pinned shares.

use super::*;
use crate::activation::{BandStatus, ParentActivationRecord, count_parents};
use crate::demo::{DemoConfig, demo_rollout, demo_school};
use crate::ids::{ParentId, StudentId};
use crate::rollout::TaskStatus;
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
    let table =
        demo.registry
            .activation_table(&demo.school, day, options.policy, demo.plan.checkpoints());
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
    // The measured targets: 01.10, 01.11 and 01.12 met, 01.01 to come.
    assert_eq!(report.targets.len(), 4);
    for t in &report.targets[..3] {
        let outcome = t.outcome.unwrap();
        assert_eq!(outcome.checkpoint, t.checkpoint);
        assert!(matches!(
            outcome.status,
            Some(BandStatus::OnTarget | BandStatus::Above)
        ));
        assert_eq!(t.status, TaskStatus::Done);
    }
    assert_eq!(
        report.targets[2].outcome.unwrap().count,
        report.activation.count
    );
    assert_eq!(report.targets[3].outcome, None);
    assert_eq!(report.targets[3].status, TaskStatus::InProgress);
    assert!(report.overdue.iter().all(|t| t.id.get() < 15));
    assert_eq!(report.current_stage.as_deref(), Some("II. Основной этап"));
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
        "Текущий этап: II. Основной этап\n",
        "до 01.10.2014 30–40%: 30,92% (286 из 925) — выполнено\n",
        "до 01.11.2014 41–60%: 56,00% (518 из 925) — выполнено\n",
        "до 01.12.2014 61–100%: 70,05% (648 из 925) — выполнено\n",
        "до 01.01.2015 100%: срок не наступил — в работе\n",
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
    assert!(report.targets.iter().all(|t| t.outcome.is_none()));
    assert!(
        report
            .targets
            .iter()
            .all(|t| t.status == TaskStatus::InProgress)
    );
    assert_eq!(report.projection, None);
    let text = report.to_text();
    assert!(text.contains("по школе: 0 из 0 — —"), "{text}");
    assert!(text.contains("Просроченные задачи: нет"), "{text}");
    // Before the first checkpoint: only the next target's column.
    let header = text.lines().find(|l| l.starts_with("Класс")).unwrap();
    assert!(header.ends_with("Доля  Цель 01.10.2014 30–40%"), "{header}");
}

#[test]
fn labels() {
    assert_eq!(band_ru(Some(BandStatus::Above)), "выше цели");
    assert_eq!(band_ru(None), "нет данных");
    assert_eq!(shorten("абв", 3), "абв");
    assert_eq!(shorten("абвг", 3), "аб…");
    assert_eq!(policy_ru(EligibilityPolicy::AllParents), "все родители");
}

/// A report on `day` for a small school whose first class has `eligible`
/// parents with access, `activated` of them activated on 15.09.2014; the
/// plan's non-target tasks are all completed on time.
fn fabricated(day: NaiveDate, eligible: u32, activated: u32) -> RolloutReport {
    let school = demo_school(&DemoConfig::tiny(1)).unwrap();
    let class = school.classes()[0].id();
    let records: Vec<ParentActivationRecord> = (1..=eligible)
        .map(|i| ParentActivationRecord {
            parent: ParentId::new(i),
            student: StudentId::new(i),
            school: school.info().id(),
            class_id: Some(class),
            has_access: true,
            approved_application: true,
            applied_on: Some(date(2014, 9, 5)),
            activated_on: (i <= activated).then(|| date(2014, 9, 15)),
        })
        .collect();
    let mut plan = RolloutPlan::gymnasium17().unwrap();
    let dated: Vec<_> = plan
        .task_iter()
        .filter(|t| t.target().is_none())
        .filter_map(|t| t.deadline().date().map(|d| (t.id(), d)))
        .collect();
    for (id, due) in dated {
        plan.complete_task(id, due).unwrap();
    }
    let options = ReportOptions::default();
    let outcomes = plan
        .checkpoints()
        .all()
        .iter()
        .filter(|c| c.date <= day)
        .map(|c| {
            let count = count_parents(&records, c.date, options.policy);
            CheckpointOutcome {
                checkpoint: *c,
                count,
                share: count.share(),
                status: count.status(&c.band),
            }
        })
        .collect();
    let measured = Measured {
        applications: StatusCounts::default(),
        table: ActivationTable::compute(&records, day, options.policy, plan.checkpoints()),
        outcomes,
        projection: None,
        curve: Vec::new(),
    };
    RolloutReport::assemble(&plan, &school, day, &options, measured)
}

#[test]
fn between_two_bands_the_gap_is_shown() {
    // 81 of 200 = 40.50%: above 30–40% on 01.10, below 41–60% on 01.11.
    let report = fabricated(date(2014, 11, 2), 200, 81);
    assert_eq!(report.activation.share, Some("40.50".parse().unwrap()));
    assert_eq!(report.current_gap, Some("0.50".parse().unwrap()));
    assert_eq!(report.next_gap, Some("20.50".parse().unwrap()));
    assert_eq!(report.targets[0].status, TaskStatus::Done);
    assert_eq!(report.targets[1].status, TaskStatus::Overdue);
    assert_eq!(report.targets[1].gap, Some("0.50".parse().unwrap()));
    assert_eq!(
        report
            .overdue
            .iter()
            .map(|t| t.id.get())
            .collect::<Vec<_>>(),
        [16]
    );
    assert_eq!(report.current_stage.as_deref(), Some("II. Основной этап"));
    let text = report.to_text();
    for needle in [
        "  до 01.10.2014 30–40%: 40,50% (81 из 200) — выполнено, выше цели\n",
        "  до 01.11.2014 41–60%: 40,50% (81 из 200) — просрочено, ниже цели на 0,50 п.п.\n",
        "  до 01.12.2014 61–100%: срок не наступил — в работе\n",
        "  текущая цель 01.11.2014 41–60%: ниже цели на 0,50 п.п.\n",
        "  следующая цель 01.12.2014 61–100%: сейчас ниже цели на 20,50 п.п.\n",
        "  по школе: 81 из 200 — 40,50%\n",
    ] {
        assert!(text.contains(needle), "{needle} missing in\n{text}");
    }
}

#[test]
fn on_the_checkpoint_day_60_40_is_due_not_overdue() {
    // 151 of 250 = 60.40%: above 41–60% (met) but 0.60 below 61–100%.
    let on_the_day = fabricated(date(2014, 12, 1), 250, 151);
    assert_eq!(on_the_day.targets[1].status, TaskStatus::Done);
    assert_eq!(on_the_day.targets[2].status, TaskStatus::DueSoon);
    assert_eq!(on_the_day.current_gap, Some("0.60".parse().unwrap()));
    let text = on_the_day.to_text();
    assert!(
        text.contains(
            "до 01.12.2014 61–100%: 60,40% (151 из 250) — срок скоро, ниже цели на 0,60 п.п."
        ),
        "{text}"
    );
    let next_day = fabricated(date(2014, 12, 2), 250, 151);
    assert_eq!(next_day.targets[2].status, TaskStatus::Overdue);
    assert_eq!(next_day.stages[1].status, TaskStatus::Overdue);
}

#[test]
fn after_the_last_checkpoint_the_table_has_one_target_column() {
    let report = fabricated(date(2015, 1, 5), 40, 40);
    assert_eq!(report.next_checkpoint, None);
    assert_eq!(report.next_gap, None);
    assert!(report.targets.iter().all(|t| t.status == TaskStatus::Done));
    // Every dated task done; the ongoing one does not keep stage II open.
    assert_eq!(report.stages[1].status, TaskStatus::Done);
    assert_eq!(report.current_stage.as_deref(), Some("II. Основной этап"));
    let text = report.to_text();
    assert!(!text.contains("Цель —"), "{text}");
    assert!(!text.contains("следующая цель"), "{text}");
    assert!(
        text.contains("  текущая цель 01.01.2015 100%: в пределах цели\n"),
        "{text}"
    );
    let table: Vec<&str> = text
        .lines()
        .skip_while(|l| !l.starts_with("Класс"))
        .collect();
    assert_eq!(
        table[0],
        "Класс   Родит.  Актив.      Доля  Цель 01.01.2015 100%"
    );
    assert_eq!(
        table[1],
        "1А          40      40   100,00%  в пределах цели"
    );
    assert_eq!(
        table.last().copied(),
        Some("Школа       40      40   100,00%  в пределах цели")
    );
    assert!(text.lines().all(|l| l == l.trim_end()));
}

#[test]
fn the_curve_runs_from_the_first_school_day_to_the_date() {
    let demo = demo_rollout(&DemoConfig::gymnasium17(2014)).unwrap();
    let day = date(2014, 12, 1);
    let report = RolloutReport::build(
        &demo.plan,
        &demo.school,
        &demo.registry,
        day,
        &ReportOptions::default(),
    );
    let curve = &report.curve;
    assert_eq!(curve.first().map(|p| p.date), Some(date(2014, 9, 1)));
    assert_eq!(curve.last().map(|p| p.date), Some(day));
    assert_eq!(curve.len(), 92);
    assert!(
        curve
            .windows(2)
            .all(|w| w[1].date == w[0].date.succ_opt().unwrap())
    );
    // The curve's last day is the school row; each measured checkpoint is
    // the curve's point of its day.
    assert_eq!(curve[91].count, report.activation.count);
    for t in &report.targets {
        if let Some(o) = t.outcome {
            let point = curve.iter().find(|p| p.date == o.checkpoint.date).unwrap();
            assert_eq!((point.count, point.share), (o.count, o.share));
        }
    }
    // Before the school year: one point, its own day.
    let early = date(2014, 8, 20);
    let report = RolloutReport::build(
        &demo.plan,
        &demo.school,
        &demo.registry,
        early,
        &ReportOptions::default(),
    );
    assert_eq!(
        report.curve.iter().map(|p| p.date).collect::<Vec<_>>(),
        [early]
    );
    // A report serialised without a curve still loads.
    let mut json = serde_json::to_value(&report).unwrap();
    json.as_object_mut().unwrap().remove("curve");
    let back: RolloutReport = serde_json::from_value(json).unwrap();
    assert!(back.curve.is_empty());
}

#[test]
fn the_curve_is_at_most_the_longest_range() {
    let demo = demo_rollout(&DemoConfig::tiny(3)).unwrap();
    let far = date(2017, 6, 1);
    let report = RolloutReport::build(
        &demo.plan,
        &demo.school,
        &demo.registry,
        far,
        &ReportOptions::default(),
    );
    assert_eq!(report.curve.len(), MAX_CURVE_DAYS as usize);
    assert_eq!(report.curve.last().map(|p| p.date), Some(far));
}

//! Tests of the plan, its statuses and its parser (the seed plan in full).

use chrono::NaiveDate;
use proptest::prelude::*;

use super::*;
use crate::ids::PlanTaskId;

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn seed() -> RolloutPlan {
    RolloutPlan::parse(GYMNASIUM17_PLAN_TEXT).unwrap()
}

fn parse_err(text: &str) -> PlanError {
    RolloutPlan::parse(text).unwrap_err()
}

#[test]
fn seed_text_is_embedded_byte_for_byte() {
    assert_eq!(GYMNASIUM17_PLAN_TEXT.len(), 6_932);
    assert!(GYMNASIUM17_PLAN_TEXT.starts_with("\n\n**План ввода в эксплуатацию"));
    assert_eq!(RolloutPlan::gymnasium17(), Ok(seed()));
}

#[test]
fn gymnasium17_is_the_parsed_seed_plan() {
    let plan = RolloutPlan::gymnasium17().unwrap();
    assert_eq!(plan.stages().len(), 3);
    assert_eq!(plan.task_iter().count(), 20);
    assert_eq!(plan.checkpoints().all().len(), 4);
    assert_eq!(&seed_checkpoints(), plan.checkpoints());
}

#[test]
fn seed_stages_and_sections() {
    let plan = seed();
    assert_eq!(
        plan.title(),
        "План ввода в эксплуатацию в МКОУ «Гимназия №17» города Черкесска информационной \
         системы автоматизации образовательных учреждений «Сетевой город Образование»"
    );
    let stages = plan.stages();
    assert_eq!(stages.len(), 3);
    assert_eq!(stages[0].heading(), "I. Подготовительный этап");
    assert_eq!(stages[1].heading(), "II. Основной этап");
    assert_eq!(
        stages[2].heading(),
        "III. Этап функционирования информационной системы электронных дневников учащихся и \
         электронного журнала успеваемости"
    );
    assert_eq!(stages[0].starts_on, None);
    assert_eq!(stages[2].starts_on, Some(date(2015, 1, 12)));
    assert!(stages[2].ongoing && !stages[0].ongoing && !stages[1].ongoing);
    let headings: Vec<Vec<String>> = stages
        .iter()
        .map(|s| s.sections.iter().map(RolloutSection::heading).collect())
        .collect();
    assert_eq!(
        headings,
        vec![
            vec![
                "1.1. Организационное обеспечение".to_owned(),
                "1.2. Разработка и утверждение нормативного обеспечения".to_owned()
            ],
            vec![
                "Введение электронных дневников учащихся и электронного дневника успеваемости"
                    .to_owned()
            ],
            vec!["без раздела".to_owned()],
        ]
    );
    let counts: Vec<Vec<usize>> = stages
        .iter()
        .map(|s| s.sections.iter().map(|x| x.tasks.len()).collect())
        .collect();
    assert_eq!(counts, vec![vec![3, 5], vec![10], vec![2]]);
}

#[test]
fn seed_every_task_and_deadline() {
    let by = |d: u32, m: u32, y: i32| Deadline::By(date(y, m, d));
    let expected = [
        (9, by(1, 9, 2014), "Назначение ответственных лиц"),
        (10, by(1, 9, 2014), "Анализ готовности гимназии №17"),
        (11, by(1, 10, 2014), "Разработка и утверждение плана работы"),
        (12, by(1, 10, 2014), "Разработка локальных актов"),
        (13, by(1, 11, 2014), "Утверждение новых локальных актов"),
        (
            14,
            by(1, 10, 2014),
            "Ознакомление педагогических работников",
        ),
        (17, by(1, 12, 2014), "Прием и регистрация заявлений"),
        (18, by(1, 10, 2014), "Заполнение необходимых баз данных"),
        (20, by(1, 1, 2015), "Продолжение работы по приему"),
        (21, by(1, 12, 2014), "Заполнение и обновление"),
        (22, by(1, 12, 2014), "Обучение навыкам работы"),
        (23, by(1, 1, 2015), "Размещение на официальном сайте"),
        (
            26,
            by(1, 12, 2014),
            "Выдача индивидуальных логинов и паролей",
        ),
        (27, Deadline::Ongoing, "Работа педагогических работников"),
        (28, by(1, 10, 2014), "Активация пользователей (родителей)"),
        (29, by(1, 11, 2014), "от 41% до 60%"),
        (30, by(1, 12, 2014), "от 61% до 100%"),
        (31, by(1, 1, 2015), "100% имеющих"),
        (33, Deadline::Ongoing, "Оказание консультативной помощи"),
        (
            34,
            Deadline::Ongoing,
            "Регулярное заполнение электронного классного журнала",
        ),
    ];
    let tasks: Vec<&PlanTask> = seed_plan_tasks();
    assert_eq!(tasks.len(), expected.len());
    for (i, (task, (line, deadline, start))) in tasks.iter().zip(expected).enumerate() {
        assert_eq!(task.id(), PlanTaskId::new(u32::try_from(i + 1).unwrap()));
        assert_eq!(task.source_line(), Some(line), "task {}", i + 1);
        assert_eq!(task.deadline(), deadline, "task {}", i + 1);
        assert!(task.text().starts_with(start), "{}", task.text());
        assert_eq!(task.completed_on(), None);
        assert_eq!(task.responsible(), None);
    }
}

fn seed_plan_tasks() -> Vec<&'static PlanTask> {
    static PLAN: std::sync::OnceLock<RolloutPlan> = std::sync::OnceLock::new();
    PLAN.get_or_init(seed).task_iter().collect()
}

#[test]
fn seed_page_breaks_are_joined() {
    let tasks = seed_plan_tasks();
    assert!(tasks[5].text().ends_with(
        "по предоставлению информации о текущей успеваемости учащегося посредством электронного \
         дневника и электронного журнала успеваемости, локальными актами по ее использованию. \
         Проведение родительских собраний."
    ));
    assert!(tasks[11].text().ends_with(
        "ссылки на информационную систему электронного дневника и электронного журнала успеваемости."
    ));
}

#[test]
fn seed_checkpoints_come_from_activation_lines() {
    let plan = seed();
    let bands: Vec<(NaiveDate, String)> = plan
        .checkpoints()
        .all()
        .iter()
        .map(|c| (c.date, c.band.to_string()))
        .collect();
    assert_eq!(
        bands,
        vec![
            (date(2014, 10, 1), "30–40%".to_owned()),
            (date(2014, 11, 1), "41–60%".to_owned()),
            (date(2014, 12, 1), "61–100%".to_owned()),
            (date(2015, 1, 1), "100%".to_owned()),
        ]
    );
    assert_eq!(&seed_checkpoints(), plan.checkpoints());
    let targets = plan.task_iter().filter(|t| t.target().is_some()).count();
    assert_eq!(targets, 4);
}

#[test]
fn completion_and_responsibility_errors() {
    let mut plan = seed();
    let e = plan
        .complete_task(PlanTaskId::new(40), date(2014, 9, 1))
        .unwrap_err();
    assert_eq!(e.code(), "plan.unknown_task");
    assert_eq!(e.to_string(), "no task task#40 in the plan");
    plan.complete_task(PlanTaskId::new(2), date(2014, 9, 3))
        .unwrap();
    let before = plan.clone();
    let e = plan
        .complete_task(PlanTaskId::new(2), date(2014, 9, 4))
        .unwrap_err();
    assert_eq!(e.code(), "plan.task_already_completed");
    assert_eq!(
        e.to_string(),
        "task task#2 was already completed on 2014-09-03"
    );
    assert_eq!(plan, before);
    assert!(plan.task(PlanTaskId::new(2)).unwrap().completed_late());
    plan.set_responsible(PlanTaskId::new(13), Some(ResponsibleRole::SchoolSpecialist))
        .unwrap();
    assert_eq!(
        plan.task(PlanTaskId::new(13))
            .unwrap()
            .responsible()
            .map(ResponsibleRole::label_ru),
        Some("специалист школы")
    );
    assert_eq!(
        plan.set_responsible(PlanTaskId::new(0), None)
            .unwrap_err()
            .code(),
        "plan.unknown_task"
    );
}

#[test]
fn json_round_trip_and_validation() {
    let mut plan = seed();
    plan.complete_task(PlanTaskId::new(3), date(2014, 9, 20))
        .unwrap();
    let json = serde_json::to_string(&plan).unwrap();
    assert!(json.starts_with(r#"{"version":1,"#), "{}", &json[..40]);
    let back: RolloutPlan = serde_json::from_str(&json).unwrap();
    assert_eq!(back, plan);
    assert_eq!(back.checkpoints().all().len(), 4);
    let bad = json.replacen(r#""version":1"#, r#""version":2"#, 1);
    let e = serde_json::from_str::<RolloutPlan>(&bad).unwrap_err();
    assert!(
        e.to_string()
            .contains("unsupported plan snapshot version 2, expected 1"),
        "{e}"
    );
    let dup = json.replacen(r#""id":2,"#, r#""id":1,"#, 1);
    let e = serde_json::from_str::<RolloutPlan>(&dup).unwrap_err();
    assert!(
        e.to_string().contains("task id task#1 appears twice"),
        "{e}"
    );
    let swapped = json.replacen("2014-11-01", "2014-09-01", 1);
    assert!(serde_json::from_str::<RolloutPlan>(&swapped).is_ok());
    let targets_swapped = json.replace(
        r#""deadline":{"by":"2014-11-01"},"target""#,
        r#""deadline":{"by":"2014-09-01"},"target""#,
    );
    let e = serde_json::from_str::<RolloutPlan>(&targets_swapped).unwrap_err();
    assert!(
        e.to_string()
            .contains("target date 2014-09-01 is not after"),
        "{e}"
    );
}

const HEAD: &str = "План\nЭтап\tСодержание\tСроки\n";

#[test]
fn parse_errors_point_at_lines() {
    let cases: Vec<(String, &str, Option<u32>, &str)> = vec![
        (
            "План\n".into(),
            "plan.no_stages",
            None,
            "the plan has no stage: a stage line looks like <b>I. Подготовительный этап</b>",
        ),
        (
            format!("{HEAD}\tЗадача\tдо 01.09.2014\n"),
            "plan.task_outside_stage",
            Some(3),
            "line 3: a task row before the first stage line",
        ),
        (
            format!("{HEAD}<b>I. Этап\n"),
            "plan.unclosed_stage",
            Some(3),
            "line 3: the stage line has no closing </b>",
        ),
        (
            format!("{HEAD}<b>I. Этап</b>\tлишнее\n"),
            "plan.stage_with_content",
            Some(3),
            "line 3: a stage line must have nothing after </b> but empty cells",
        ),
        (
            format!("{HEAD}<b>I.  </b>\n"),
            "plan.empty_stage_title",
            Some(3),
            "line 3: the stage has no title",
        ),
        (
            format!("{HEAD}<b>III. Этап с 12 январь 2015 г.</b>\n"),
            "plan.bad_stage_start",
            Some(3),
            "line 3: unreadable stage start \"12 январь 2015 г.\": write «с 12 января 2015 г.»",
        ),
        (
            format!("{HEAD}<b>III. Этап с 12 января 2015 г. навсегда</b>\n"),
            "plan.bad_stage_start",
            Some(3),
            "line 3: unreadable stage start \"12 января 2015 г. навсегда\": write «с 12 января 2015 г.»",
        ),
        (
            format!("{HEAD}<b>I. Этап</b>\nЗадача без колонок\n"),
            "plan.bad_columns",
            Some(4),
            "line 4: expected 3 tab-separated cells (section, task, deadline), found 1",
        ),
        (
            format!("{HEAD}<b>I. Этап</b>\n\tЗадача\tдо 01.09.2014\tещё\n"),
            "plan.bad_columns",
            Some(4),
            "line 4: expected 3 tab-separated cells (section, task, deadline), found 4",
        ),
        (
            format!("{HEAD}<b>I. Этап</b>\n\tЗадача\tк 01.09.2014\n"),
            "plan.bad_deadline",
            Some(4),
            "line 4: unknown deadline \"к 01.09.2014\": write «до DD.MM.YYYY» or «постоянно»",
        ),
        (
            format!("{HEAD}<b>I. Этап</b>\n\tЗадача\tдо 31.02.2014\n"),
            "plan.bad_deadline",
            Some(4),
            "line 4: unknown deadline \"до 31.02.2014\": write «до DD.MM.YYYY» or «постоянно»",
        ),
        (
            format!("{HEAD}<b>I. Этап</b>\n\tЗадача\tдо 01.09.14\n"),
            "plan.bad_deadline",
            Some(4),
            "line 4: unknown deadline \"до 01.09.14\": write «до DD.MM.YYYY» or «постоянно»",
        ),
        (
            format!("{HEAD}<b>I. Этап</b>\n\tЗадача\t\n\tДругая\tпостоянно\n"),
            "plan.missing_deadline",
            Some(4),
            "line 4: the task has no deadline",
        ),
        (
            format!("{HEAD}<b>I. Этап</b>\n\tЗадача\t\n"),
            "plan.missing_deadline",
            Some(4),
            "line 4: the task has no deadline",
        ),
        (
            format!("{HEAD}<b>I. Этап</b>\n\tЗадача\t\n<b>II. Этап</b>\n"),
            "plan.missing_deadline",
            Some(4),
            "line 4: the task has no deadline",
        ),
        (
            format!("{HEAD}<b>I. Этап</b>\n\t\tдо 01.09.2014\n"),
            "plan.empty_task",
            Some(4),
            "line 4: the task text is empty",
        ),
        (
            format!("{HEAD}<b>I. Этап</b>\n\tАктивация: от 30% до 40%\tпостоянно\n"),
            "plan.target_without_date",
            Some(4),
            "line 4: an activation target needs a dated deadline, not «постоянно»",
        ),
        (
            format!("{HEAD}<b>I. Этап</b>\n\tАктивация: от 50% до 40%\tдо 01.10.2014\n"),
            "plan.bad_target",
            Some(4),
            "line 4: unreadable activation target in \"Активация: от 50% до 40%\": write «от 30% до 40%» or «100%»",
        ),
        (
            format!("{HEAD}<b>I. Этап</b>\n\tАктивация: 10%, 20%, 30%\tдо 01.10.2014\n"),
            "plan.bad_target",
            Some(4),
            "line 4: unreadable activation target in \"Активация: 10%, 20%, 30%\": write «от 30% до 40%» or «100%»",
        ),
        (
            format!("{HEAD}<b>I. Этап</b>\n\tАктивация: 120%\tдо 01.10.2014\n"),
            "plan.bad_target",
            Some(4),
            "line 4: unreadable activation target in \"Активация: 120%\": write «от 30% до 40%» or «100%»",
        ),
        (
            format!(
                "{HEAD}<b>I. Этап</b>\n\tАктивация: от 30% до 40%\tдо 01.11.2014\n\tот 41% до 60%\tдо 01.10.2014\n"
            ),
            "plan.checkpoints_out_of_order",
            Some(5),
            "line 5: target date 2014-10-01 is not after the previous target date 2014-11-01",
        ),
        (
            format!("{HEAD}<b>I. Этап</b>\n\tЗадача\tдо 01.09.2014\n<b>II. Пустой</b>\n"),
            "plan.empty_stage",
            None,
            "stage line 5 has no task",
        ),
        (
            format!("{HEAD}<b>I. Этап</b>\n1.1. Раздел\t\t\n"),
            "plan.empty_stage",
            None,
            "stage line 3 has no task",
        ),
        (
            format!("{HEAD}Второй\tзаголовок\t\n<b>I. Этап</b>\n"),
            "plan.task_outside_stage",
            Some(3),
            "line 3: a task row before the first stage line",
        ),
    ];
    for (text, code, line, message) in cases {
        let e = parse_err(&text);
        assert_eq!(
            (e.code(), e.line(), e.to_string().as_str()),
            (code, line, message),
            "{text:?}"
        );
        assert_eq!(crate::Error::from(e).code(), code);
    }
}

#[test]
fn parser_forms() {
    let text = format!(
        "\u{feff}{HEAD}<b>I. Этап</b>\t\t\r\n\
         1.1. Раздел\t\t\n\
         \tЗадача первая, часть\t\n\
         \n\
         \tвторая часть\tдо 1.9.2014 г.\n\
         2.1. Другой\tСледующая\tПОСТОЯННО\n\
         \tОхват 50% без слова\tдо 02.09.2014\n\
         <b>Этап без номера постоянно</b>\n\
         \tЕщё\tпостоянно\n"
    );
    let plan = RolloutPlan::parse(&text).unwrap();
    let tasks: Vec<&PlanTask> = plan.task_iter().collect();
    assert_eq!(tasks.len(), 4);
    assert_eq!(tasks[0].text(), "Задача первая, часть вторая часть");
    assert_eq!(tasks[0].deadline(), Deadline::By(date(2014, 9, 1)));
    assert_eq!(tasks[1].deadline(), Deadline::Ongoing);
    assert_eq!(tasks[2].target(), None);
    assert_eq!(plan.stages()[0].sections[0].number.as_deref(), Some("1.1"));
    assert_eq!(plan.stages()[0].sections[1].heading(), "2.1. Другой");
    let last = &plan.stages()[1];
    assert_eq!(
        (last.number.as_deref(), last.title.as_str(), last.ongoing),
        (None, "Этап без номера", true)
    );
    assert!(plan.checkpoints().all().is_empty());
}

proptest! {
    #[test]
    fn parser_never_panics(lines in proptest::collection::vec(
        prop_oneof![
            Just(String::new()),
            Just("<b>I. Этап</b>\t\t".to_owned()),
            Just("<b>II. Этап с 12 января 2015 г. постоянно</b>".to_owned()),
            "[а-я0-9 .%]{0,20}\t[а-я0-9 .%]{0,30}\t(до [0-9]{1,2}\\.[0-9]{1,2}\\.[0-9]{4}|постоянно|)",
            "\\PC{0,40}",
        ], 0..12)) {
        let text = lines.join("\n");
        if let Err(e) = RolloutPlan::parse(&text) {
            prop_assert!(!e.code().is_empty());
        }
    }

    #[test]
    fn deadline_text_round_trips(days in 0i64..20_000) {
        let d = date(1990, 1, 1) + chrono::Duration::days(days);
        let text = format!("<b>I. Этап</b>\n\tЗадача\t{}\n", Deadline::By(d));
        let plan = RolloutPlan::parse(&text).unwrap();
        prop_assert_eq!(plan.task_iter().next().map(PlanTask::deadline), Some(Deadline::By(d)));
    }
}

//! Each action of the matrix as a real call through the `SchoolHandle`:
//! its reads and diary reads, the journal it hands out for the audited
//! writes and the administrator's operations, and its registry and plan
//! operations.

use zhurnal::Error;
use zhurnal::access::ParentGrants;
use zhurnal::assessment_load::LoadPolicy;
use zhurnal::audit::{Edit, LessonTime};
use zhurnal::calendar::{SchoolYear, Shift, TermCode};
use zhurnal::credentials::HashParams;
use zhurnal::handle::SchoolHandle;
use zhurnal::ids::{ClassId, StudentId, SubgroupId, SubjectId, TeacherId};
use zhurnal::journal::TargetQuery;
use zhurnal::lesson::{Homework, LessonGroup, NewLesson};
use zhurnal::marks::{MarkValue, PeriodMark, PeriodMarkPolicy, Points, Weight};
use zhurnal::marks::{WorkTypeCatalogue, WorkTypeCode};
use zhurnal::organisation::{
    Class, ClassName, Enrolment, Parent, ParentLink, RelationKind, Student, Subgroup, Subject,
    Teacher,
};
use zhurnal::rollout::RolloutPlan;
use zhurnal::thematic_plan::{PlanSection, PlanTopic, ThematicPlan};

use super::relations::Target;
use super::school::*;

/// Every action of the matrix and the `access::Action` it is checked as
/// (`handle` for the handle's own checks: the specialist, or the
/// applicant themself).
pub(crate) const ACTIONS: &[(&str, &str)] = &[
    ("journal_page", "ReadJournal"),
    ("class_period_marks", "ReadJournal"),
    ("school_period_marks", "ReadClassReport"),
    ("audit_of_lesson", "ReadLessonAudit"),
    ("audit_of_student", "ReadStudentAudit"),
    ("audit_by_author", "ReadAuthorAudit"),
    ("class_attendance", "ReadClassReport"),
    ("assessment_load", "ReadClassReport"),
    ("diary_week", "ReadDiary"),
    ("term_marks", "ReadDiary"),
    ("student_attendance", "ReadDiary"),
    ("what_do_i_need", "ReadDiary"),
    ("export_for", "ReadDiary"),
    ("record_mark", "WriteMark"),
    ("change_mark", "WriteMark"),
    ("remove_mark", "WriteMark"),
    ("set_attendance", "WriteAttendance"),
    ("set_absence_reason", "SetAbsenceReason"),
    ("set_topic", "EditLesson"),
    ("set_homework", "EditLesson"),
    ("assign_work", "EditLesson"),
    ("set_final_mark", "SetPeriodMark"),
    ("attach_plan", "PlanLessons"),
    ("add_class", "ManageSchool"),
    ("set_class_teacher", "ManageSchool"),
    ("add_subgroup", "ManageSchool"),
    ("add_subgroup_member", "ManageSchool"),
    ("add_subject", "ManageSchool"),
    ("update_subject", "ManageSchool"),
    ("add_teacher", "ManageSchool"),
    ("add_student", "ManageSchool"),
    ("add_parent", "ManageSchool"),
    ("link_parent", "ManageSchool"),
    ("enrol", "ManageSchool"),
    ("end_enrolment", "ManageSchool"),
    ("transfer", "ManageSchool"),
    ("set_work_types", "ManageSchool"),
    ("set_period_mark_policy", "ManageSchool"),
    ("set_calendar", "ManageSchool"),
    ("schedule_lesson", "ManageSchool"),
    ("move_lesson", "ManageSchool"),
    ("cancel_lesson", "ManageSchool"),
    ("set_parent_grants", "ManageSchool"),
    ("set_plan", "ManageSchool"),
    ("complete_task", "ManageSchool"),
    ("set_hash_params", "ManageSchool"),
    ("submit_application", "handle"),
    ("register_application", "ManageSchool"),
    ("approve_application", "ManageSchool"),
    ("reject_application", "ManageSchool"),
    ("revoke_consent", "handle"),
    ("issue_credentials", "ManageSchool"),
    ("reissue_credentials", "ManageSchool"),
    ("report_activation", "ManageSchool"),
    ("record_service_access", "ManageSchool"),
];

/// Every variant of `zhurnal::access::Action`.
pub(crate) const ACCESS_ACTIONS: [&str; 13] = [
    "ReadJournal",
    "WriteMark",
    "WriteAttendance",
    "EditLesson",
    "SetAbsenceReason",
    "PlanLessons",
    "SetPeriodMark",
    "ReadDiary",
    "ReadLessonAudit",
    "ReadStudentAudit",
    "ReadAuthorAudit",
    "ReadClassReport",
    "ManageSchool",
];

fn q1() -> TermCode {
    TermCode::parse("Q1").unwrap()
}

fn ok<T>(r: Result<T, Error>) -> Result<(), Error> {
    r.map(|_| ())
}

/// Runs `action` for `t` on `h`; `None` for an unknown action.
pub(crate) fn run(
    h: &mut SchoolHandle,
    fx: &Fixture,
    t: &Target,
    action: &str,
) -> Option<Result<(), Error>> {
    let a = &t.actor;
    let r = match action {
        "journal_page" => {
            ok(h.journal()
                .journal_page(a, LessonGroup::Class(t.class), t.subject, q1()))
        }
        "class_period_marks" => ok(h.journal().class_period_marks(a, t.class, t.subject, q1())),
        "school_period_marks" => ok(h.journal().school_period_marks(a, q1())),
        "audit_of_lesson" => ok(h.journal().audit_of_lesson(a, t.lesson)),
        "audit_of_student" => ok(h.journal().audit_of_student(a, t.student)),
        "audit_by_author" => ok(h.journal().audit_by_author(a, t.author)),
        "class_attendance" => ok(h.journal().class_attendance(a, t.class, d(9, 1), d(9, 30))),
        "assessment_load" => {
            ok(h.journal()
                .assessment_load(a, t.class, &LoadPolicy::default(), &[]))
        }
        "diary_week" => ok(h.diary_week(a, t.student, d(9, 15), t.today)),
        "term_marks" => ok(h.term_marks(a, t.student, q1(), t.today)),
        "student_attendance" => ok(h.student_attendance(a, t.student, d(9, 1), d(9, 30), t.today)),
        "what_do_i_need" => {
            let query = TargetQuery {
                subject: MATH,
                term: q1(),
                target: Points::FIVE,
                value: Points::FIVE,
                weight: Weight::ONE,
                today: None,
            };
            ok(h.what_do_i_need(a, t.student, &query, t.today))
        }
        "export_for" => ok(h.export_for(a, t.today)),
        _ => return write(h, fx, t, action),
    };
    Some(r)
}

/// The writes: journal, administration, plan and registry.
fn write(
    h: &mut SchoolHandle,
    fx: &Fixture,
    t: &Target,
    action: &str,
) -> Option<Result<(), Error>> {
    let e = Edit::new(t.actor, at(t.today));
    let r = match action {
        "submit_application" => {
            let (applicant, student) = t.applicant();
            ok(h.submit_application(&e, applicant, student, consent(t.today)))
        }
        "register_application" => h.register_application(&e, fx.a5, "5/2014"),
        "approve_application" => h.approve_application(&e, fx.a4),
        "reject_application" => h.reject_application(&e, fx.a4, "неполные данные"),
        "revoke_consent" => h.revoke_consent(&e, fx.a1),
        "issue_credentials" => ok(h.issue_credentials(&e, fx.a7)),
        "reissue_credentials" => {
            ok(h.reissue_credentials(&e, zhurnal::applications::Applicant::Parent(P1)))
        }
        "report_activation" => {
            h.report_activation(&e, zhurnal::applications::Applicant::Parent(P1))
        }
        "record_service_access" => h.record_service_access(&e, P1, d(9, 1), true),
        "set_plan" => {
            let mut plan = RolloutPlan::gymnasium17().unwrap();
            plan.complete_task(fx.task, d(9, 1)).unwrap();
            h.set_plan(&e, plan)
        }
        "complete_task" => h.complete_task(&e, fx.task),
        "set_hash_params" => h.set_hash_params(&e, HashParams::new(2048, 1, 1).unwrap()),
        _ => return journal_write(h, fx, t, action, &e),
    };
    Some(r)
}

fn journal_write(
    h: &mut SchoolHandle,
    fx: &Fixture,
    t: &Target,
    action: &str,
    e: &Edit,
) -> Option<Result<(), Error>> {
    let j = match h.journal_mut() {
        Ok(j) => j,
        Err(err) => return Some(Err(err)),
    };
    let five = MarkValue::Points(Points::FIVE);
    let answer = WorkTypeCode::new("answer").unwrap();
    let test = WorkTypeCode::new("test").unwrap();
    let r = match action {
        "record_mark" => ok(j.record_mark(e, t.lesson, t.student, five, &answer, None)),
        "change_mark" => {
            let three = MarkValue::Points(Points::new(3).unwrap());
            j.change_mark(e, t.mark, three, &answer, None)
        }
        "remove_mark" => j.remove_mark(e, t.mark),
        "set_attendance" => {
            let late = Some(zhurnal::attendance::AttendanceCode::Late);
            j.set_attendance(e, t.lesson, t.student, late)
        }
        "set_absence_reason" => {
            let ill = zhurnal::attendance::AttendanceCode::Illness;
            j.set_absence_reason(e, t.lesson, t.absent, ill)
        }
        "set_topic" => j.set_topic(e, t.lesson, Some("Натуральные числа")),
        "set_homework" => {
            let homework = Homework::new("№ 12, 14", d(9, 17)).unwrap();
            j.set_homework(e, t.lesson, Some(homework))
        }
        "assign_work" => j.assign_work(e, t.lesson, &test, Some(d(9, 22))),
        "set_final_mark" => {
            let mark = Some(PeriodMark::Mark(Points::FIVE));
            j.set_final_mark(e, t.student, t.subject, q1(), mark)
        }
        "attach_plan" => {
            let topic = PlanTopic::new("Натуральные числа", 2).unwrap();
            let section = PlanSection::new("Числа", vec![topic]).unwrap();
            let plan = ThematicPlan::new(vec![section]).unwrap();
            ok(j.attach_plan(e, LessonGroup::Class(t.class), t.subject, &plan))
        }
        _ => return administer(j, fx, action, e),
    };
    Some(r)
}

/// The administrator's operations on the journal.
fn administer(
    j: &mut zhurnal::journal::Journal,
    fx: &Fixture,
    action: &str,
    e: &Edit,
) -> Option<Result<(), Error>> {
    let r = match action {
        "add_class" => {
            let class = Class::new(ClassId::new(3), ClassName::parse("6Б").unwrap(), None);
            j.add_class(e, class)
        }
        "set_class_teacher" => j.set_class_teacher(e, C5A, Some(T1)),
        "add_subgroup" => j.add_subgroup(
            e,
            Subgroup::new(SubgroupId::new(2), C5A, "2 группа").unwrap(),
        ),
        "add_subgroup_member" => j.add_subgroup_member(e, SG1, S1),
        "add_subject" => j.add_subject(
            e,
            Subject::new(SubjectId::new(3), "Физика", "Физ.").unwrap(),
        ),
        "update_subject" => j.update_subject(e, Subject::new(MATH, "Математика", "Мат.").unwrap()),
        "add_teacher" => j.add_teacher(
            e,
            Teacher::new(TeacherId::new(10), name("Миронова", "Елена")),
        ),
        "add_student" => {
            let student = Student::new(StudentId::new(10), name("Титов", "Лев"), d(2, 2));
            j.add_student(e, student)
        }
        "add_parent" => {
            let parent = Parent::new(
                zhurnal::ids::ParentId::new(10),
                name("Титова", "Ева"),
                None,
                None,
            );
            j.add_parent(e, parent.unwrap())
        }
        "link_parent" => j.link_parent(
            e,
            ParentLink {
                parent: P6,
                student: S1,
                relation: RelationKind::Father,
            },
        ),
        "enrol" => j.enrol(e, Enrolment::new(S9, C5A, d(10, 1), None).unwrap()),
        "end_enrolment" => j.end_enrolment(e, S2, C5A, d(10, 31)),
        "transfer" => j.transfer(e, S2, C5A, C9A, d(10, 16)),
        "set_work_types" => j.set_work_types(e, WorkTypeCatalogue::netschool()),
        "set_period_mark_policy" => j.set_period_mark_policy(e, PeriodMarkPolicy::default()),
        "set_calendar" => j.set_calendar(e, SchoolYear::russian_2014_2015()),
        "schedule_lesson" => ok(j.schedule_lesson(
            e,
            NewLesson {
                date: d(9, 16),
                shift: Shift::First,
                slot: 3,
                group: LessonGroup::Class(C5A),
                subject: MATH,
                teacher: T1,
                room: None,
            },
        )),
        "move_lesson" => {
            let to = LessonTime {
                date: d(9, 17),
                shift: Shift::First,
                slot: 4,
                room: None,
            };
            j.move_lesson(e, fx.l2, to)
        }
        "cancel_lesson" => j.cancel_lesson(e, fx.l2),
        "set_parent_grants" => j.set_parent_grants(e, ParentGrants::none()),
        _ => return None,
    };
    Some(r)
}

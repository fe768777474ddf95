//! The administrator's operations on the school inside the journal: the
//! roster (classes, subgroups, subjects, teachers, students, parents,
//! enrolment and transfer), the timetable (schedule, move, cancel) and the
//! calendar. Each is access-checked (the administrator's
//! [`Action::ManageSchool`]), atomic (a refused call changes nothing, the
//! index included) and recorded in the audit trail as a [`SchoolChange`].

use chrono::NaiveDate;

use super::Journal;
use crate::Error;
use crate::access::{Action, ParentGrants};
use crate::audit::{AuditChange, Edit, LessonTime, SchoolChange};
use crate::calendar::SchoolYear;
use crate::ids::{ClassId, LessonId, StudentId, SubgroupId, TeacherId};
use crate::lesson::NewLesson;
use crate::marks::{PeriodMarkPolicy, WorkTypeCatalogue};
use crate::organisation::{
    Class, Enrolment, Parent, ParentLink, Student, Subgroup, Subject, Teacher,
};

impl Journal {
    /// Checks the administrator's right, runs `change` on the school and
    /// records it. Every school operation called here is atomic itself.
    fn administer(
        &mut self,
        edit: &Edit,
        lesson: Option<LessonId>,
        student: Option<StudentId>,
        change: impl FnOnce(&mut crate::school::School) -> Result<SchoolChange, Error>,
    ) -> Result<(), Error> {
        self.authorize(edit.actor(), Action::ManageSchool)?;
        let recorded = change(&mut self.school)?;
        self.audit.record(
            edit,
            lesson,
            student,
            AuditChange::School { change: recorded },
        );
        Ok(())
    }

    /// Adds a class.
    ///
    /// # Errors
    /// [`crate::access::AccessError`] unless the actor is an administrator;
    /// the school's errors of [`crate::school::School::add_class`].
    ///
    /// # Example
    /// ```
    /// # use chrono::NaiveDate;
    /// # use zhurnal::{access::Actor, audit::Edit, calendar::SchoolYear, ids::*, journal::Journal, organisation::*, school::School};
    /// # let school = School::new(SchoolInfo::new(SchoolId::new(1), "Школа")?, SchoolYear::russian_2014_2015());
    /// let mut journal = Journal::new(school);
    /// let at = NaiveDate::from_ymd_opt(2014, 8, 25).unwrap().and_hms_opt(9, 0, 0).unwrap();
    /// let admin = Edit::new(Actor::administrator(TeacherId::new(9)), at);
    /// journal.add_class(&admin, Class::new(ClassId::new(1), ClassName::parse("5А")?, None))?;
    /// assert!(journal.school().class(ClassId::new(1)).is_some());
    /// let teacher = Edit::new(Actor::teacher(TeacherId::new(1)), at);
    /// let e = journal.add_class(&teacher, Class::new(ClassId::new(2), ClassName::parse("5Б")?, None));
    /// assert_eq!(e.unwrap_err().code(), "access.role_not_allowed");
    /// assert_eq!(journal.audit_trail().len(), 1);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn add_class(&mut self, edit: &Edit, class: Class) -> Result<(), Error> {
        let class_id = class.id();
        self.administer(edit, None, None, |s| {
            s.add_class(class)?;
            Ok(SchoolChange::ClassAdded { class_id })
        })
    }

    /// Sets or withdraws a class's class teacher.
    ///
    /// # Errors
    /// As [`Journal::add_class`]; [`crate::school::School::set_class_teacher`].
    pub fn set_class_teacher(
        &mut self,
        edit: &Edit,
        class_id: ClassId,
        teacher: Option<TeacherId>,
    ) -> Result<(), Error> {
        self.administer(edit, None, None, |s| {
            let old = s.class(class_id).and_then(Class::class_teacher);
            s.set_class_teacher(class_id, teacher)?;
            Ok(SchoolChange::ClassTeacherSet {
                class_id,
                old,
                new: teacher,
            })
        })
    }

    /// Adds a subgroup of a class.
    ///
    /// # Errors
    /// As [`Journal::add_class`]; [`crate::school::School::add_subgroup`].
    pub fn add_subgroup(&mut self, edit: &Edit, subgroup: Subgroup) -> Result<(), Error> {
        let id = subgroup.id();
        self.administer(edit, None, None, |s| {
            s.add_subgroup(subgroup)?;
            Ok(SchoolChange::SubgroupAdded { subgroup: id })
        })
    }

    /// Adds a student of the class to one of its subgroups.
    ///
    /// # Errors
    /// As [`Journal::add_class`]; [`crate::school::School::add_subgroup_member`].
    pub fn add_subgroup_member(
        &mut self,
        edit: &Edit,
        subgroup: SubgroupId,
        student: StudentId,
    ) -> Result<(), Error> {
        self.administer(edit, None, Some(student), |s| {
            s.add_subgroup_member(subgroup, student)?;
            Ok(SchoolChange::SubgroupMemberAdded { subgroup })
        })
    }

    /// Adds a subject.
    ///
    /// # Errors
    /// As [`Journal::add_class`]; [`crate::school::School::add_subject`].
    pub fn add_subject(&mut self, edit: &Edit, subject: Subject) -> Result<(), Error> {
        let id = subject.id();
        self.administer(edit, None, None, |s| {
            s.add_subject(subject)?;
            Ok(SchoolChange::SubjectAdded { subject: id })
        })
    }

    /// Replaces a subject's names, grading (five-point, pass/fail, without
    /// marks) or hours a week; its marks stay, and its period results
    /// follow the new grading.
    ///
    /// # Errors
    /// As [`Journal::add_class`]; `school.unknown_subject`.
    pub fn update_subject(&mut self, edit: &Edit, subject: Subject) -> Result<(), Error> {
        let id = subject.id();
        self.administer(edit, None, None, |s| {
            s.update_subject(subject)?;
            Ok(SchoolChange::SubjectUpdated { subject: id })
        })
    }

    /// Adds a teacher.
    ///
    /// # Errors
    /// As [`Journal::add_class`]; [`crate::school::School::add_teacher`].
    pub fn add_teacher(&mut self, edit: &Edit, teacher: Teacher) -> Result<(), Error> {
        let id = teacher.id();
        self.administer(edit, None, None, |s| {
            s.add_teacher(teacher)?;
            Ok(SchoolChange::TeacherAdded { teacher: id })
        })
    }

    /// Adds a student.
    ///
    /// # Errors
    /// As [`Journal::add_class`]; [`crate::school::School::add_student`].
    pub fn add_student(&mut self, edit: &Edit, student: Student) -> Result<(), Error> {
        let id = student.id();
        self.administer(edit, None, Some(id), |s| {
            s.add_student(student)?;
            Ok(SchoolChange::StudentAdded)
        })
    }

    /// Adds a parent or legal representative.
    ///
    /// # Errors
    /// As [`Journal::add_class`]; [`crate::school::School::add_parent`].
    pub fn add_parent(&mut self, edit: &Edit, parent: Parent) -> Result<(), Error> {
        let id = parent.id();
        self.administer(edit, None, None, |s| {
            s.add_parent(parent)?;
            Ok(SchoolChange::ParentAdded { parent: id })
        })
    }

    /// Links a parent to a student.
    ///
    /// # Errors
    /// As [`Journal::add_class`]; [`crate::school::School::link_parent`].
    pub fn link_parent(&mut self, edit: &Edit, link: ParentLink) -> Result<(), Error> {
        let (parent, student) = (link.parent, link.student);
        self.administer(edit, None, Some(student), |s| {
            s.link_parent(link)?;
            Ok(SchoolChange::ParentLinked { parent })
        })
    }

    /// Enrols a student in a class.
    ///
    /// # Errors
    /// As [`Journal::add_class`]; [`crate::school::School::enrol`].
    pub fn enrol(&mut self, edit: &Edit, enrolment: Enrolment) -> Result<(), Error> {
        self.administer(edit, None, Some(enrolment.student()), |s| {
            s.enrol(enrolment)?;
            Ok(SchoolChange::Enrolled {
                class_id: enrolment.class(),
                start: enrolment.start(),
            })
        })
    }

    /// Ends a student's open enrolment in a class on `end` (inclusive).
    ///
    /// # Errors
    /// As [`Journal::add_class`]; [`crate::school::School::end_enrolment`].
    pub fn end_enrolment(
        &mut self,
        edit: &Edit,
        student: StudentId,
        class_id: ClassId,
        end: NaiveDate,
    ) -> Result<(), Error> {
        self.administer(edit, None, Some(student), |s| {
            s.end_enrolment(student, class_id, end)?;
            Ok(SchoolChange::EnrolmentEnded { class_id, end })
        })
    }

    /// Moves a student from `old_class` to `new_class` from `start`: the
    /// open enrolment ends the day before, the new one begins; both or
    /// neither.
    ///
    /// # Errors
    /// As [`Journal::end_enrolment`] and [`Journal::enrol`].
    ///
    /// # Example
    /// ```
    /// # use chrono::NaiveDate;
    /// # use zhurnal::{access::Actor, audit::Edit, calendar::SchoolYear, ids::*, journal::Journal, organisation::*, school::School};
    /// # let d = |m, day| NaiveDate::from_ymd_opt(2014, m, day).unwrap();
    /// # let mut school = School::new(SchoolInfo::new(SchoolId::new(1), "Школа")?, SchoolYear::russian_2014_2015());
    /// # school.add_class(Class::new(ClassId::new(1), ClassName::parse("5А")?, None))?;
    /// # school.add_class(Class::new(ClassId::new(2), ClassName::parse("5Б")?, None))?;
    /// # school.add_student(Student::new(StudentId::new(1), PersonName::new("Орлов", "Пётр", None)?, d(1, 2)))?;
    /// # school.enrol(Enrolment::new(StudentId::new(1), ClassId::new(1), d(9, 1), None)?)?;
    /// let mut journal = Journal::new(school);
    /// let admin = Edit::new(Actor::administrator(TeacherId::new(9)), d(10, 1).and_hms_opt(9, 0, 0).unwrap());
    /// journal.transfer(&admin, StudentId::new(1), ClassId::new(1), ClassId::new(2), d(10, 6))?;
    /// assert_eq!(journal.school().class_of(StudentId::new(1), d(10, 3)), Some(ClassId::new(1)));
    /// assert_eq!(journal.school().class_of(StudentId::new(1), d(10, 6)), Some(ClassId::new(2)));
    /// // No open enrolment in 5А any more: refused, nothing changes.
    /// let before = journal.clone();
    /// let e = journal.transfer(&admin, StudentId::new(1), ClassId::new(1), ClassId::new(2), d(11, 10));
    /// assert_eq!(e.unwrap_err().code(), "school.no_open_enrolment");
    /// assert_eq!(journal, before);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn transfer(
        &mut self,
        edit: &Edit,
        student: StudentId,
        old_class: ClassId,
        new_class: ClassId,
        start: NaiveDate,
    ) -> Result<(), Error> {
        self.administer(edit, None, Some(student), |s| {
            s.transfer(student, old_class, new_class, start)?;
            Ok(SchoolChange::Transferred {
                old_class,
                new_class,
                start,
            })
        })
    }

    /// Replaces the work-type catalogue.
    ///
    /// # Errors
    /// As [`Journal::add_class`]; [`crate::school::School::set_work_types`].
    pub fn set_work_types(
        &mut self,
        edit: &Edit,
        catalogue: WorkTypeCatalogue,
    ) -> Result<(), Error> {
        self.administer(edit, None, None, |s| {
            s.set_work_types(catalogue)?;
            Ok(SchoolChange::WorkTypesSet)
        })?;
        self.assigned_by_class = super::assigned_by_class(&self.school, &self.assigned);
        Ok(())
    }

    /// Replaces the period-mark policy.
    ///
    /// # Errors
    /// [`crate::access::AccessError`] unless the actor is an administrator.
    pub fn set_period_mark_policy(
        &mut self,
        edit: &Edit,
        policy: PeriodMarkPolicy,
    ) -> Result<(), Error> {
        self.administer(edit, None, None, |s| {
            s.set_period_mark_policy(policy);
            Ok(SchoolChange::PeriodMarkPolicySet)
        })
    }

    /// Replaces the school year (terms, holidays, bells, study week).
    ///
    /// # Errors
    /// As [`Journal::add_class`]; the calendar's errors
    /// ([`crate::calendar::CalendarError`]) for the first lesson that would
    /// no longer fall on a school day or in a slot.
    pub fn set_calendar(&mut self, edit: &Edit, calendar: SchoolYear) -> Result<(), Error> {
        self.authorize(edit.actor(), Action::ManageSchool)?;
        for key in self.final_marks.keys() {
            calendar.require_term(&key.2)?;
        }
        self.school.set_calendar(calendar)?;
        self.assigned_by_class = super::assigned_by_class(&self.school, &self.assigned);
        self.audit.record(
            edit,
            None,
            None,
            AuditChange::School {
                change: SchoolChange::CalendarSet,
            },
        );
        Ok(())
    }

    /// Schedules a lesson (the administrator's timetable work) through the
    /// school's checks, and returns its id.
    ///
    /// # Errors
    /// As [`Journal::add_class`]; [`crate::school::School::schedule_lesson`].
    pub fn schedule_lesson(&mut self, edit: &Edit, new: NewLesson) -> Result<LessonId, Error> {
        self.authorize(edit.actor(), Action::ManageSchool)?;
        let id = self.school.schedule_lesson(new)?;
        self.audit.record(
            edit,
            Some(id),
            None,
            AuditChange::School {
                change: SchoolChange::LessonScheduled,
            },
        );
        Ok(id)
    }

    /// Moves a lesson to another date, slot or room; its topic, homework,
    /// marks and attendance stay with it.
    ///
    /// # Errors
    /// As [`Journal::add_class`]; the checks of
    /// [`crate::school::School::schedule_lesson`] at the new time;
    /// `school.not_enrolled` when a student with a record at the lesson
    /// does not attend it on the new date.
    pub fn move_lesson(
        &mut self,
        edit: &Edit,
        lesson: LessonId,
        to: LessonTime,
    ) -> Result<(), Error> {
        self.authorize(edit.actor(), Action::ManageSchool)?;
        let old = self.school.move_lesson(lesson, to.clone())?;
        self.assigned_by_class = super::assigned_by_class(&self.school, &self.assigned);
        let old = LessonTime::of(&old);
        self.audit.record(
            edit,
            Some(lesson),
            None,
            AuditChange::School {
                change: SchoolChange::LessonMoved { old, new: to },
            },
        );
        Ok(())
    }

    /// Cancels a lesson without marks, attendance or assigned work.
    ///
    /// # Errors
    /// As [`Journal::add_class`]; `school.lesson_has_records` when the
    /// lesson has marks or attendance, `journal.lesson_has_assigned_work`
    /// when work is assigned at it.
    pub fn cancel_lesson(&mut self, edit: &Edit, lesson: LessonId) -> Result<(), Error> {
        self.authorize(edit.actor(), Action::ManageSchool)?;
        if let Some(((_, work_type), _)) = self.assigned.iter().find(|((l, _), _)| *l == lesson) {
            return Err(super::JournalError::LessonHasAssignedWork {
                lesson,
                work_type: work_type.clone(),
            }
            .into());
        }
        let old = self.school.cancel_lesson(lesson)?;
        self.assigned_by_class = super::assigned_by_class(&self.school, &self.assigned);
        let old = LessonTime::of(&old);
        self.audit.record(
            edit,
            Some(lesson),
            None,
            AuditChange::School {
                change: SchoolChange::LessonCancelled { old },
            },
        );
        Ok(())
    }

    /// Replaces the parents' access grants (for a journal used without a
    /// [`crate::handle::SchoolHandle`], whose registry decides instead).
    ///
    /// # Errors
    /// [`crate::access::AccessError`] unless the actor is an administrator.
    pub fn set_parent_grants(&mut self, edit: &Edit, grants: ParentGrants) -> Result<(), Error> {
        self.authorize(edit.actor(), Action::ManageSchool)?;
        self.grants = grants;
        self.audit.record(
            edit,
            None,
            None,
            AuditChange::School {
                change: SchoolChange::ParentGrantsSet,
            },
        );
        Ok(())
    }
}

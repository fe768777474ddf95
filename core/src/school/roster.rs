//! Writes to the roster: classes, subgroups, subjects, people, links,
//! enrolments, and the school's catalogue and policy.

use chrono::NaiveDate;

use super::{School, SchoolError};
use crate::Error;
use crate::ids::{ClassId, StudentId, SubgroupId, TeacherId};
use crate::marks::{PeriodMarkPolicy, WorkTypeCatalogue};
use crate::organisation::{
    Class, Enrolment, Parent, ParentLink, Student, Subgroup, Subject, Teacher,
};

fn duplicate(id: impl std::fmt::Display) -> Error {
    SchoolError::DuplicateId { id: id.to_string() }.into()
}

impl School {
    /// Adds a class.
    ///
    /// # Errors
    /// [`SchoolError::DuplicateId`], [`SchoolError::DuplicateClassName`],
    /// [`SchoolError::UnknownTeacher`] for a class teacher not in the school.
    ///
    /// # Example
    /// ```
    /// # use zhurnal::{calendar::SchoolYear, ids::*, organisation::*, school::School};
    /// # let mut school = School::new(SchoolInfo::new(SchoolId::new(1), "Школа")?, SchoolYear::russian_2014_2015());
    /// school.add_class(Class::new(ClassId::new(1), ClassName::parse("5А")?, None))?;
    /// let again = school.add_class(Class::new(ClassId::new(2), ClassName::parse("5а")?, None));
    /// assert_eq!(again.unwrap_err().code(), "school.duplicate_class_name");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn add_class(&mut self, class: Class) -> Result<(), Error> {
        if self.classes.contains_key(&class.id()) {
            return Err(duplicate(class.id()));
        }
        if let Some(existing) = self.classes.values().find(|c| c.name() == class.name()) {
            return Err(SchoolError::DuplicateClassName {
                name: class.name(),
                existing: existing.id(),
            }
            .into());
        }
        if let Some(teacher) = class.class_teacher() {
            self.require_teacher(teacher)?;
        }
        self.classes.insert(class.id(), class);
        Ok(())
    }

    /// Appoints (or, with `None`, removes) a class's class teacher.
    ///
    /// # Errors
    /// [`SchoolError::UnknownClass`], [`SchoolError::UnknownTeacher`].
    ///
    /// # Example
    /// ```
    /// # use zhurnal::{calendar::SchoolYear, ids::*, organisation::*, school::School};
    /// # let mut school = School::new(SchoolInfo::new(SchoolId::new(1), "Школа")?, SchoolYear::russian_2014_2015());
    /// school.add_class(Class::new(ClassId::new(1), ClassName::parse("5А")?, None))?;
    /// let e = school.set_class_teacher(ClassId::new(1), Some(TeacherId::new(9))).unwrap_err();
    /// assert_eq!(e.code(), "school.unknown_teacher");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn set_class_teacher(
        &mut self,
        class: ClassId,
        teacher: Option<TeacherId>,
    ) -> Result<(), Error> {
        self.require_class(class)?;
        if let Some(t) = teacher {
            self.require_teacher(t)?;
        }
        if let Some(c) = self.classes.get_mut(&class) {
            c.set_class_teacher(teacher);
        }
        Ok(())
    }

    /// Adds a subgroup of an existing class.
    ///
    /// # Errors
    /// [`SchoolError::DuplicateId`], [`SchoolError::UnknownClass`].
    ///
    /// # Example
    /// ```
    /// # use zhurnal::{calendar::SchoolYear, ids::*, organisation::*, school::School};
    /// # let mut school = School::new(SchoolInfo::new(SchoolId::new(1), "Школа")?, SchoolYear::russian_2014_2015());
    /// let g = Subgroup::new(SubgroupId::new(1), ClassId::new(1), "Английский, группа 1")?;
    /// assert_eq!(school.add_subgroup(g).unwrap_err().code(), "school.unknown_class");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn add_subgroup(&mut self, subgroup: Subgroup) -> Result<(), Error> {
        if self.subgroups.contains_key(&subgroup.id()) {
            return Err(duplicate(subgroup.id()));
        }
        self.require_class(subgroup.class())?;
        self.members.insert(subgroup.id(), Default::default());
        self.subgroups.insert(subgroup.id(), subgroup);
        Ok(())
    }

    /// Adds a student to a subgroup. The student must have an enrolment
    /// (at any time) in the subgroup's class.
    ///
    /// # Errors
    /// [`SchoolError::UnknownSubgroup`], [`SchoolError::UnknownStudent`],
    /// [`SchoolError::StudentNotInClass`], [`SchoolError::AlreadyMember`].
    ///
    /// # Example
    /// ```
    /// # use chrono::NaiveDate;
    /// # use zhurnal::{calendar::SchoolYear, ids::*, organisation::*, school::School};
    /// # let mut school = School::new(SchoolInfo::new(SchoolId::new(1), "Школа")?, SchoolYear::russian_2014_2015());
    /// # let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
    /// school.add_class(Class::new(ClassId::new(1), ClassName::parse("5А")?, None))?;
    /// school.add_subgroup(Subgroup::new(SubgroupId::new(1), ClassId::new(1), "Группа 1")?)?;
    /// school.add_student(Student::new(StudentId::new(1), PersonName::new("Орлов", "Пётр", None)?, d(2003, 9, 2)))?;
    /// let e = school.add_subgroup_member(SubgroupId::new(1), StudentId::new(1)).unwrap_err();
    /// assert_eq!(e.code(), "school.student_not_in_class");
    /// school.enrol(Enrolment::new(StudentId::new(1), ClassId::new(1), d(2014, 9, 1), None)?)?;
    /// school.add_subgroup_member(SubgroupId::new(1), StudentId::new(1))?;
    /// assert_eq!(school.subgroup_members(SubgroupId::new(1)), [StudentId::new(1)]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn add_subgroup_member(
        &mut self,
        subgroup: SubgroupId,
        student: StudentId,
    ) -> Result<(), Error> {
        let class = self.require_subgroup(subgroup)?.class();
        self.require_student(student)?;
        if !self
            .enrolments
            .iter()
            .any(|e| e.student() == student && e.class() == class)
        {
            return Err(SchoolError::StudentNotInClass {
                student,
                class_id: class,
                subgroup,
            }
            .into());
        }
        let members = self.members.entry(subgroup).or_default();
        if !members.insert(student) {
            return Err(SchoolError::AlreadyMember { student, subgroup }.into());
        }
        self.index.members.insert((subgroup, student));
        Ok(())
    }

    /// Adds a subject.
    ///
    /// # Errors
    /// [`SchoolError::DuplicateId`].
    ///
    /// # Example
    /// ```
    /// # use zhurnal::{calendar::SchoolYear, ids::*, organisation::*, school::School};
    /// # let mut school = School::new(SchoolInfo::new(SchoolId::new(1), "Школа")?, SchoolYear::russian_2014_2015());
    /// school.add_subject(Subject::new(SubjectId::new(1), "Математика", "Матем.")?)?;
    /// let e = school.add_subject(Subject::new(SubjectId::new(1), "Физика", "Физ.")?).unwrap_err();
    /// assert_eq!(e.code(), "school.duplicate_id");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn add_subject(&mut self, subject: Subject) -> Result<(), Error> {
        if self.subjects.contains_key(&subject.id()) {
            return Err(duplicate(subject.id()));
        }
        self.subjects.insert(subject.id(), subject);
        Ok(())
    }

    /// Replaces a subject's names, grading or hours a week (its id stays).
    ///
    /// # Errors
    /// [`SchoolError::UnknownSubject`].
    pub fn update_subject(&mut self, subject: Subject) -> Result<(), Error> {
        self.require_subject(subject.id())?;
        self.subjects.insert(subject.id(), subject);
        Ok(())
    }

    /// Adds a teacher.
    ///
    /// # Errors
    /// [`SchoolError::DuplicateId`].
    ///
    /// # Example
    /// ```
    /// # use zhurnal::{calendar::SchoolYear, ids::*, organisation::*, school::School};
    /// # let mut school = School::new(SchoolInfo::new(SchoolId::new(1), "Школа")?, SchoolYear::russian_2014_2015());
    /// let t = Teacher::new(TeacherId::new(1), PersonName::new("Сидорова", "Мария", None)?);
    /// school.add_teacher(t.clone())?;
    /// assert_eq!(school.add_teacher(t).unwrap_err().code(), "school.duplicate_id");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn add_teacher(&mut self, teacher: Teacher) -> Result<(), Error> {
        if self.teachers.contains_key(&teacher.id()) {
            return Err(duplicate(teacher.id()));
        }
        self.index
            .teacher_names
            .insert(teacher.id(), teacher.name().short());
        self.teachers.insert(teacher.id(), teacher);
        Ok(())
    }

    /// Adds a student.
    ///
    /// # Errors
    /// [`SchoolError::DuplicateId`].
    ///
    /// # Example
    /// ```
    /// # use chrono::NaiveDate;
    /// # use zhurnal::{calendar::SchoolYear, ids::*, organisation::*, school::School};
    /// # let mut school = School::new(SchoolInfo::new(SchoolId::new(1), "Школа")?, SchoolYear::russian_2014_2015());
    /// let born = NaiveDate::from_ymd_opt(2003, 9, 2).unwrap();
    /// let s = Student::new(StudentId::new(1), PersonName::new("Орлов", "Пётр", None)?, born);
    /// school.add_student(s.clone())?;
    /// assert_eq!(school.add_student(s).unwrap_err().code(), "school.duplicate_id");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn add_student(&mut self, student: Student) -> Result<(), Error> {
        if self.students.contains_key(&student.id()) {
            return Err(duplicate(student.id()));
        }
        self.students.insert(student.id(), student);
        Ok(())
    }

    /// Adds a parent or legal representative.
    ///
    /// # Errors
    /// [`SchoolError::DuplicateId`].
    ///
    /// # Example
    /// ```
    /// # use zhurnal::{calendar::SchoolYear, ids::*, organisation::*, school::School};
    /// # let mut school = School::new(SchoolInfo::new(SchoolId::new(1), "Школа")?, SchoolYear::russian_2014_2015());
    /// let p = Parent::new(ParentId::new(1), PersonName::new("Орлова", "Анна", None)?, None, None)?;
    /// school.add_parent(p.clone())?;
    /// assert_eq!(school.add_parent(p).unwrap_err().code(), "school.duplicate_id");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn add_parent(&mut self, parent: Parent) -> Result<(), Error> {
        if self.parents.contains_key(&parent.id()) {
            return Err(duplicate(parent.id()));
        }
        self.parents.insert(parent.id(), parent);
        Ok(())
    }

    /// Links a parent to a student with a relation kind.
    ///
    /// # Errors
    /// [`SchoolError::UnknownParent`], [`SchoolError::UnknownStudent`],
    /// [`SchoolError::DuplicateLink`] when the two are already linked.
    ///
    /// # Example
    /// ```
    /// # use chrono::NaiveDate;
    /// # use zhurnal::{calendar::SchoolYear, ids::*, organisation::*, school::School};
    /// # let mut school = School::new(SchoolInfo::new(SchoolId::new(1), "Школа")?, SchoolYear::russian_2014_2015());
    /// # let born = NaiveDate::from_ymd_opt(2003, 9, 2).unwrap();
    /// school.add_student(Student::new(StudentId::new(1), PersonName::new("Орлов", "Пётр", None)?, born))?;
    /// school.add_parent(Parent::new(ParentId::new(1), PersonName::new("Орлова", "Анна", None)?, None, None)?)?;
    /// let link = ParentLink { parent: ParentId::new(1), student: StudentId::new(1), relation: RelationKind::Mother };
    /// school.link_parent(link)?;
    /// assert_eq!(school.link_parent(link).unwrap_err().code(), "school.duplicate_link");
    /// assert_eq!(school.parents_of(StudentId::new(1)), [link]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn link_parent(&mut self, link: ParentLink) -> Result<(), Error> {
        self.require_parent(link.parent)?;
        self.require_student(link.student)?;
        if self
            .links
            .iter()
            .any(|l| l.parent == link.parent && l.student == link.student)
        {
            return Err(SchoolError::DuplicateLink {
                parent: link.parent,
                student: link.student,
            }
            .into());
        }
        self.index.links.insert((link.parent, link.student));
        self.links.push(link);
        Ok(())
    }

    /// Enrols a student in a class. A student is in at most one class on
    /// any day, so the enrolment may not overlap another of theirs.
    ///
    /// # Errors
    /// [`SchoolError::UnknownStudent`], [`SchoolError::UnknownClass`],
    /// [`SchoolError::OverlappingEnrolment`].
    ///
    /// # Example
    /// ```
    /// # use chrono::NaiveDate;
    /// # use zhurnal::{calendar::SchoolYear, ids::*, organisation::*, school::School};
    /// # let mut school = School::new(SchoolInfo::new(SchoolId::new(1), "Школа")?, SchoolYear::russian_2014_2015());
    /// # let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
    /// school.add_class(Class::new(ClassId::new(1), ClassName::parse("5А")?, None))?;
    /// school.add_class(Class::new(ClassId::new(2), ClassName::parse("5Б")?, None))?;
    /// school.add_student(Student::new(StudentId::new(1), PersonName::new("Орлов", "Пётр", None)?, d(2003, 9, 2)))?;
    /// school.enrol(Enrolment::new(StudentId::new(1), ClassId::new(1), d(2014, 9, 1), None)?)?;
    /// let twice = Enrolment::new(StudentId::new(1), ClassId::new(2), d(2014, 10, 1), None)?;
    /// assert_eq!(school.enrol(twice).unwrap_err().code(), "school.overlapping_enrolment");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn enrol(&mut self, enrolment: Enrolment) -> Result<(), Error> {
        self.require_student(enrolment.student())?;
        self.require_class(enrolment.class())?;
        if let Some(other) = self
            .enrolments
            .iter()
            .find(|e| e.student() == enrolment.student() && e.overlaps(&enrolment))
        {
            return Err(SchoolError::OverlappingEnrolment {
                student: enrolment.student(),
                class_id: enrolment.class(),
                start: enrolment.start(),
                other_class: other.class(),
                other_from: other.start(),
            }
            .into());
        }
        self.enrolments.push(enrolment);
        self.enrolments
            .sort_by_key(|e| (e.student(), e.start(), e.class()));
        self.index
            .set_enrolments(enrolment.student(), &self.enrolments);
        Ok(())
    }

    /// Ends a student's open enrolment in a class on `last_day` (inclusive),
    /// e.g. before a transfer to another class.
    ///
    /// # Errors
    /// [`SchoolError::NoOpenEnrolment`];
    /// [`crate::organisation::OrganisationError::InvalidEnrolmentRange`]
    /// when `last_day` is before the enrolment's first day;
    /// [`SchoolError::RecordsAfterEnrolmentEnd`] when the student has marks
    /// or attendance entries at that class's lessons after `last_day`.
    ///
    /// # Example
    /// ```
    /// # use chrono::NaiveDate;
    /// # use zhurnal::{calendar::SchoolYear, ids::*, organisation::*, school::School};
    /// # let mut school = School::new(SchoolInfo::new(SchoolId::new(1), "Школа")?, SchoolYear::russian_2014_2015());
    /// # let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
    /// # school.add_class(Class::new(ClassId::new(1), ClassName::parse("5А")?, None))?;
    /// # school.add_class(Class::new(ClassId::new(2), ClassName::parse("5Б")?, None))?;
    /// # school.add_student(Student::new(StudentId::new(1), PersonName::new("Орлов", "Пётр", None)?, d(2003, 9, 2)))?;
    /// school.enrol(Enrolment::new(StudentId::new(1), ClassId::new(1), d(2014, 9, 1), None)?)?;
    /// school.end_enrolment(StudentId::new(1), ClassId::new(1), d(2014, 12, 31))?;
    /// school.enrol(Enrolment::new(StudentId::new(1), ClassId::new(2), d(2015, 1, 12), None)?)?;
    /// assert_eq!(school.class_of(StudentId::new(1), d(2015, 1, 12)), Some(ClassId::new(2)));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn end_enrolment(
        &mut self,
        student: StudentId,
        class: ClassId,
        last_day: NaiveDate,
    ) -> Result<(), Error> {
        let index = self
            .enrolments
            .iter()
            .position(|e| e.student() == student && e.class() == class && e.end().is_none())
            .ok_or(SchoolError::NoOpenEnrolment {
                student,
                class_id: class,
            })?;
        let open = self.enrolments[index];
        let ended = Enrolment::new(student, class, open.start(), Some(last_day))?;
        let lessons_after = |lesson: crate::ids::LessonId| {
            self.lessons.get(&lesson).is_some_and(|l| {
                l.date() > last_day && self.class_of_group(l.group()) == Some(class)
            })
        };
        let orphaned = self
            .marks
            .values()
            .any(|m| m.student == student && lessons_after(m.lesson))
            || self
                .attendance
                .values()
                .any(|a| a.student == student && lessons_after(a.lesson));
        if orphaned {
            return Err(SchoolError::RecordsAfterEnrolmentEnd {
                student,
                class_id: class,
                end: last_day,
            }
            .into());
        }
        self.enrolments[index] = ended;
        self.index.set_enrolments(student, &self.enrolments);
        Ok(())
    }

    /// Replaces the work-type catalogue (the school's local act). Every
    /// work type used by a recorded mark must stay in it; marks keep the
    /// weights they were given.
    ///
    /// # Errors
    /// [`SchoolError::WorkTypeInUse`].
    ///
    /// # Example
    /// ```
    /// # use zhurnal::{calendar::SchoolYear, ids::*, organisation::*, school::School};
    /// # let mut school = School::new(SchoolInfo::new(SchoolId::new(1), "Школа")?, SchoolYear::russian_2014_2015());
    /// use zhurnal::marks::{WorkTypeCatalogue, WorkTypeCode};
    /// let mut catalogue = WorkTypeCatalogue::netschool();
    /// catalogue.set_default_weight(&WorkTypeCode::new("control")?, "4".parse()?)?;
    /// school.set_work_types(catalogue)?;
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn set_work_types(&mut self, catalogue: WorkTypeCatalogue) -> Result<(), Error> {
        if let Some(m) = self
            .marks
            .values()
            .find(|m| catalogue.get(&m.work_type).is_none())
        {
            return Err(SchoolError::WorkTypeInUse {
                code: m.work_type.to_string(),
                mark: m.id,
            }
            .into());
        }
        self.work_types = catalogue;
        Ok(())
    }

    /// Replaces the period-mark policy.
    pub fn set_period_mark_policy(&mut self, policy: PeriodMarkPolicy) {
        self.policy = policy;
    }
}

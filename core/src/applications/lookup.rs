//! What the registry needs to know about the school: the few lookups it
//! makes (is this parent linked to this student, the student's age, the
//! class of a student on a date, names for logins and slips).
//!
//! The public registry methods take a [`School`](crate::school::School);
//! internally they go through this trait, which keeps the registry's rules
//! testable on small hand-made rosters.

use chrono::NaiveDate;

use crate::ids::{ClassId, ParentId, SchoolId, StudentId};
use crate::organisation::PersonName;
use crate::school::School;

use crate::applications::Applicant;

pub(crate) trait OrgLookup {
    /// The school's id.
    fn school_id(&self) -> SchoolId;
    /// The school's name for slips.
    fn school_name(&self) -> String;
    /// The student's age in full years on `date`; `None` for an unknown
    /// student.
    fn student_age_on(&self, student: StudentId, date: NaiveDate) -> Option<u32>;
    /// Whether the parent exists in the school.
    fn has_parent(&self, parent: ParentId) -> bool;
    /// Whether the parent is linked to the student.
    fn is_linked(&self, parent: ParentId, student: StudentId) -> bool;
    /// The name of a parent or student.
    fn name_of(&self, person: Applicant) -> Option<PersonName>;
    /// The student's class on `date`.
    fn class_of(&self, student: StudentId, date: NaiveDate) -> Option<ClassId>;
    /// Every parent–student link, in a stable order.
    fn parent_links(&self) -> Vec<(ParentId, StudentId)>;
}

impl OrgLookup for School {
    fn school_id(&self) -> SchoolId {
        self.info().id()
    }
    fn school_name(&self) -> String {
        self.info().name().to_owned()
    }
    fn student_age_on(&self, student: StudentId, date: NaiveDate) -> Option<u32> {
        self.student(student).map(|s| s.age_on(date))
    }
    fn has_parent(&self, parent: ParentId) -> bool {
        self.parent(parent).is_some()
    }
    fn is_linked(&self, parent: ParentId, student: StudentId) -> bool {
        self.parents_of(student).iter().any(|l| l.parent == parent)
    }
    fn name_of(&self, person: Applicant) -> Option<PersonName> {
        match person {
            Applicant::Parent(p) => self.parent(p).map(|p| p.name().clone()),
            Applicant::Student(s) => self.student(s).map(|s| s.name().clone()),
        }
    }
    fn class_of(&self, student: StudentId, date: NaiveDate) -> Option<ClassId> {
        School::class_of(self, student, date)
    }
    fn parent_links(&self) -> Vec<(ParentId, StudentId)> {
        self.students()
            .iter()
            .flat_map(|s| self.parents_of(s.id()))
            .map(|l| (l.parent, l.student))
            .collect()
    }
}

#[cfg(test)]
pub(crate) mod fake {
    //! A hand-made roster for tests.

    use std::collections::BTreeMap;

    use super::*;

    #[derive(Default)]
    pub(crate) struct FakeSchool {
        pub(crate) students: BTreeMap<StudentId, (PersonName, NaiveDate, ClassId)>,
        pub(crate) parents: BTreeMap<ParentId, PersonName>,
        pub(crate) links: Vec<(ParentId, StudentId)>,
    }

    impl FakeSchool {
        pub(crate) fn student(&mut self, id: u32, name: (&str, &str), born: NaiveDate, class: u32) {
            let name = PersonName::new(name.0, name.1, None).unwrap();
            self.students
                .insert(StudentId::new(id), (name, born, ClassId::new(class)));
        }

        pub(crate) fn parent(&mut self, id: u32, name: (&str, &str, &str), children: &[u32]) {
            let name = PersonName::new(name.0, name.1, Some(name.2)).unwrap();
            self.parents.insert(ParentId::new(id), name);
            for c in children {
                self.links.push((ParentId::new(id), StudentId::new(*c)));
            }
        }
    }

    impl OrgLookup for FakeSchool {
        fn school_id(&self) -> SchoolId {
            SchoolId::new(17)
        }
        fn school_name(&self) -> String {
            "Гимназия № 17".to_owned()
        }
        fn student_age_on(&self, student: StudentId, date: NaiveDate) -> Option<u32> {
            self.students
                .get(&student)
                .map(|(_, born, _)| date.years_since(*born).unwrap_or(0))
        }
        fn has_parent(&self, parent: ParentId) -> bool {
            self.parents.contains_key(&parent)
        }
        fn is_linked(&self, parent: ParentId, student: StudentId) -> bool {
            self.links.contains(&(parent, student))
        }
        fn name_of(&self, person: Applicant) -> Option<PersonName> {
            match person {
                Applicant::Parent(p) => self.parents.get(&p).cloned(),
                Applicant::Student(s) => self.students.get(&s).map(|(n, _, _)| n.clone()),
            }
        }
        fn class_of(&self, student: StudentId, _date: NaiveDate) -> Option<ClassId> {
            self.students.get(&student).map(|(_, _, c)| *c)
        }
        fn parent_links(&self) -> Vec<(ParentId, StudentId)> {
            self.links.clone()
        }
    }
}

//! A school cut down to what one person may read: their children (or
//! themself), the lessons those students attend with their marks and
//! attendance, the teachers of those lessons, and nobody else's personal
//! data. The class averages of the diary come with it as sums (aggregates,
//! not anyone's marks).

use std::collections::{BTreeMap, BTreeSet};

use super::{Index, School, Sums};
use crate::ids::{ClassId, ParentId, StudentId, SubjectId};

/// The class sums per (class, term number, subject) a personal school
/// keeps, so that its diary shows the same class averages.
pub(crate) type ClassSums = BTreeMap<(ClassId, u8, SubjectId), Sums>;

impl School {
    /// The part of the school that `students` (and `parent`, when the
    /// export is a parent's) may see, with the class sums of their
    /// classes.
    pub(crate) fn restricted_to(
        &self,
        students: &BTreeSet<StudentId>,
        parent: Option<ParentId>,
    ) -> (School, ClassSums) {
        let mut out = School::new(self.info.clone(), self.calendar.clone());
        out.work_types = self.work_types.clone();
        out.policy = self.policy;
        out.subjects = self.subjects.clone();
        out.enrolments = self
            .enrolments
            .iter()
            .filter(|e| students.contains(&e.student()))
            .copied()
            .collect();
        let classes: BTreeSet<ClassId> = out.enrolments.iter().map(|e| e.class()).collect();
        out.classes = self
            .classes
            .iter()
            .filter(|(id, _)| classes.contains(id))
            .map(|(id, c)| (*id, c.clone()))
            .collect();
        for (g, members) in &self.members {
            let kept: BTreeSet<StudentId> = members.intersection(students).copied().collect();
            if let (false, Some(subgroup)) = (kept.is_empty(), self.subgroups.get(g)) {
                out.subgroups.insert(*g, subgroup.clone());
                out.members.insert(*g, kept);
            }
        }
        out.students = self
            .students
            .iter()
            .filter(|(id, _)| students.contains(id))
            .map(|(id, s)| (*id, s.clone()))
            .collect();
        if let Some(p) = parent.and_then(|p| self.parents.get(&p)) {
            out.parents.insert(p.id(), p.clone());
        }
        out.links = self
            .links
            .iter()
            .filter(|l| Some(l.parent) == parent && students.contains(&l.student))
            .copied()
            .collect();
        let attended = |id: &crate::ids::LessonId| {
            self.index
                .lessons
                .get(id)
                .is_some_and(|facts| students.iter().any(|s| self.index.attends(*s, facts)))
        };
        out.lessons = self
            .lessons
            .iter()
            .filter(|(id, _)| attended(id))
            .map(|(id, l)| (*id, l.clone()))
            .collect();
        let teachers: BTreeSet<_> = out
            .lessons
            .values()
            .map(|l| l.teacher())
            .chain(out.classes.values().filter_map(|c| c.class_teacher()))
            .collect();
        out.teachers = self
            .teachers
            .iter()
            .filter(|(id, _)| teachers.contains(id))
            .map(|(id, t)| (*id, t.clone()))
            .collect();
        out.marks = self
            .marks
            .iter()
            .filter(|(_, m)| students.contains(&m.student))
            .map(|(id, m)| (*id, m.clone()))
            .collect();
        out.attendance = self
            .attendance
            .iter()
            .filter(|(_, a)| students.contains(&a.student))
            .map(|(id, a)| (*id, *a))
            .collect();
        out.next_lesson = self.next_lesson;
        out.next_mark = self.next_mark;
        out.next_attendance = self.next_attendance;
        out.index = Index::build(&out);
        let sums = self
            .index
            .class_terms
            .iter()
            .filter(|((class, _, _), _)| classes.contains(class))
            .map(|(k, v)| (*k, *v))
            .collect();
        (out, sums)
    }

    /// Puts the class sums of a personal school back into its index.
    pub(crate) fn set_class_sums(&mut self, sums: &ClassSums) {
        self.index.class_terms = sums.iter().map(|(k, v)| (*k, *v)).collect();
    }
}

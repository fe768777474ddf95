//! The journal's indexes: what the diary, the access checks and the
//! reports look up instead of scanning a year of records.
//!
//! Every index is derived from the school and the journal's own records;
//! [`Index::build`] rebuilds all of them (on load, after a roster edit),
//! and each journal write updates the ones it touches.

use std::collections::BTreeMap;
use std::hash::{BuildHasherDefault, Hasher};

use chrono::NaiveDate;
use rust_decimal::Decimal;

use crate::calendar::SchoolYear;
use crate::ids::{
    ClassId, LessonId, MarkId, ParentId, StudentId, SubgroupId, SubjectId, TeacherId,
};
use crate::lesson::{Lesson, LessonGroup};
use crate::marks::{PeriodMark, PeriodMarkPolicy, Points, WorkTypeCode, shown_average};
use crate::organisation::Enrolment;
use crate::school::{AttendanceRecord, MarkRecord, School};

/// A fast hasher for the indexes' small id keys (the multiply-rotate
/// scheme of rustc's `FxHasher`). Ids are assigned by the school or the
/// host, so hash flooding is not a concern here.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct IdHasher(u64);

impl Hasher for IdHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut word = [0u8; 8];
            word[..chunk.len()].copy_from_slice(chunk);
            self.add(u64::from_le_bytes(word));
        }
    }

    fn write_u8(&mut self, n: u8) {
        self.add(u64::from(n));
    }

    fn write_u32(&mut self, n: u32) {
        self.add(u64::from(n));
    }

    fn write_u64(&mut self, n: u64) {
        self.add(n);
    }

    fn write_usize(&mut self, n: usize) {
        self.add(n as u64);
    }
}

impl IdHasher {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

/// A hash map keyed by ids.
pub(crate) type HashMap<K, V> = std::collections::HashMap<K, V, BuildHasherDefault<IdHasher>>;
/// A hash set of ids.
pub(crate) type HashSet<K> = std::collections::HashSet<K, BuildHasherDefault<IdHasher>>;

/// The facts about a lesson the indexes key on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct LessonFacts {
    pub(crate) class: ClassId,
    pub(crate) subgroup: Option<SubgroupId>,
    pub(crate) subject: SubjectId,
    pub(crate) teacher: TeacherId,
    pub(crate) date: NaiveDate,
    /// The number of the term the lesson falls in.
    pub(crate) term: Option<u8>,
}

/// Running sums of five-point marks: enough for the weighted average and
/// the period mark, and exact under removal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct Sums {
    weighted: Decimal,
    weight: Decimal,
    count: u32,
    twos: u32,
}

impl Sums {
    fn apply(&mut self, mark: &MarkRecord, add: bool) {
        let Some(points) = mark.value.points() else {
            return;
        };
        let weighted = Decimal::from(points.get()) * mark.weight.get();
        let two = u32::from(points <= Points::TWO);
        if add {
            self.weighted += weighted;
            self.weight += mark.weight.get();
            self.count += 1;
            self.twos += two;
        } else {
            self.weighted -= weighted;
            self.weight -= mark.weight.get();
            self.count = self.count.saturating_sub(1);
            self.twos = self.twos.saturating_sub(two);
        }
    }

    /// The average as shown (HALF-UP, two places), `None` without marks.
    pub(crate) fn shown(&self) -> Option<Decimal> {
        if self.count == 0 {
            return None;
        }
        shown_average(self.weighted, self.weight)
    }

    /// How many five-point marks.
    pub(crate) fn count(&self) -> u32 {
        self.count
    }

    /// The period mark by `policy` (the one rule, on the shown average).
    pub(crate) fn period_mark(&self, policy: &PeriodMarkPolicy) -> PeriodMark {
        match self.shown() {
            Some(shown) => policy.from_shown(shown, self.count, self.twos > 0),
            None => PeriodMark::NotAttested,
        }
    }
}

/// All indexes of a journal.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Index {
    pub(crate) lessons: HashMap<LessonId, LessonFacts>,
    /// Lessons of a class and its subgroups on a day, in journal order.
    pub(crate) day_lessons: HashMap<(ClassId, NaiveDate), Vec<LessonId>>,
    pub(crate) cell_marks: HashMap<(LessonId, StudentId), Vec<MarkRecord>>,
    pub(crate) cell_attendance: HashMap<(LessonId, StudentId), AttendanceRecord>,
    /// Per student and term: the sums per subject.
    pub(crate) student_terms: HashMap<(StudentId, u8), BTreeMap<SubjectId, Sums>>,
    /// Per class, term and subject: the sums over all the class's marks.
    pub(crate) class_terms: HashMap<(ClassId, u8, SubjectId), Sums>,
    /// Debt marks («точка») per student, with their lesson.
    pub(crate) debts: HashMap<StudentId, BTreeMap<MarkId, LessonId>>,
    pub(crate) enrolments: HashMap<StudentId, Vec<Enrolment>>,
    pub(crate) class_enrolments: HashMap<ClassId, Vec<Enrolment>>,
    pub(crate) members: HashSet<(SubgroupId, StudentId)>,
    pub(crate) teaching: HashSet<(TeacherId, ClassId, SubjectId)>,
    pub(crate) teaches_class: HashSet<(TeacherId, ClassId)>,
    pub(crate) links: HashSet<(ParentId, StudentId)>,
    /// Teachers' short names («Сидорова М. П.»).
    pub(crate) teacher_names: HashMap<TeacherId, String>,
    /// Assigned work per class: lesson and work type → due date.
    pub(crate) assigned: HashMap<ClassId, BTreeMap<(LessonId, WorkTypeCode), NaiveDate>>,
}

impl Index {
    /// Builds every index from the school and the assigned work.
    pub(crate) fn build(
        school: &School,
        assigned: &BTreeMap<(LessonId, WorkTypeCode), NaiveDate>,
    ) -> Index {
        let mut index = Index {
            teacher_names: school
                .teachers()
                .iter()
                .map(|t| (t.id(), t.name().short()))
                .collect(),
            ..Index::default()
        };
        index.members.extend(school.membership_records());
        for e in school.enrolment_records() {
            index.enrolments.entry(e.student()).or_default().push(*e);
            index
                .class_enrolments
                .entry(e.class())
                .or_default()
                .push(*e);
        }
        index
            .links
            .extend(school.link_records().iter().map(|l| (l.parent, l.student)));
        for lesson in school.lesson_records() {
            index.add_lesson(school, lesson);
        }
        for m in school.mark_records() {
            index.add_mark(m);
        }
        for a in school.attendance_records() {
            index.cell_attendance.insert((a.lesson, a.student), *a);
        }
        for ((lesson, work_type), due) in assigned {
            if let Some(facts) = index.lessons.get(lesson) {
                index
                    .assigned
                    .entry(facts.class)
                    .or_default()
                    .insert((*lesson, work_type.clone()), *due);
            }
        }
        index
    }

    /// Indexes a newly scheduled lesson (of a known class or subgroup).
    pub(crate) fn add_lesson(&mut self, school: &School, lesson: &Lesson) {
        let (class, subgroup) = match lesson.group() {
            LessonGroup::Class(c) => (Some(c), None),
            LessonGroup::Subgroup(g) => (school.subgroup(g).map(|s| s.class()), Some(g)),
        };
        let Some(class) = class else {
            return;
        };
        let facts = LessonFacts {
            class,
            subgroup,
            subject: lesson.subject(),
            teacher: lesson.teacher(),
            date: lesson.date(),
            term: term_number(school.calendar(), lesson.date()),
        };
        self.lessons.insert(lesson.id(), facts);
        let day = self.day_lessons.entry((class, lesson.date())).or_default();
        day.push(lesson.id());
        day.sort_by_key(|id| school.lesson(*id).map(Lesson::sort_key));
        self.teaching.insert((facts.teacher, class, facts.subject));
        self.teaches_class.insert((facts.teacher, class));
    }

    /// Adds a mark to the cells, the sums and the debts.
    pub(crate) fn add_mark(&mut self, mark: &MarkRecord) {
        self.apply_mark(mark, true);
        let cell = self
            .cell_marks
            .entry((mark.lesson, mark.student))
            .or_default();
        cell.push(mark.clone());
        cell.sort_by_key(|m| m.id);
    }

    /// Takes a mark out of the cells, the sums and the debts.
    pub(crate) fn remove_mark(&mut self, mark: &MarkRecord) {
        self.apply_mark(mark, false);
        if let Some(cell) = self.cell_marks.get_mut(&(mark.lesson, mark.student)) {
            cell.retain(|m| m.id != mark.id);
            if cell.is_empty() {
                self.cell_marks.remove(&(mark.lesson, mark.student));
            }
        }
    }

    fn apply_mark(&mut self, mark: &MarkRecord, add: bool) {
        let Some(facts) = self.lessons.get(&mark.lesson).copied() else {
            return;
        };
        if mark.value == crate::marks::MarkValue::Debt {
            let debts = self.debts.entry(mark.student).or_default();
            if add {
                debts.insert(mark.id, mark.lesson);
            } else {
                debts.remove(&mark.id);
            }
        }
        let Some(term) = facts.term else {
            return;
        };
        self.student_terms
            .entry((mark.student, term))
            .or_default()
            .entry(facts.subject)
            .or_default()
            .apply(mark, add);
        self.class_terms
            .entry((facts.class, term, facts.subject))
            .or_default()
            .apply(mark, add);
    }

    /// The class a student is enrolled in on `date`.
    pub(crate) fn class_on(&self, student: StudentId, date: NaiveDate) -> Option<ClassId> {
        self.enrolments
            .get(&student)?
            .iter()
            .find(|e| e.covers(date))
            .map(Enrolment::class)
    }

    /// Whether a student attends a lesson: enrolled in its class on its
    /// date and, for a subgroup lesson, a member (the school's rule).
    pub(crate) fn attends(&self, student: StudentId, facts: &LessonFacts) -> bool {
        self.class_on(student, facts.date) == Some(facts.class)
            && facts
                .subgroup
                .is_none_or(|g| self.members.contains(&(g, student)))
    }

    /// The student's sums per subject in a term.
    pub(crate) fn sums(&self, student: StudentId, term: u8, subject: SubjectId) -> Sums {
        self.student_terms
            .get(&(student, term))
            .and_then(|by_subject| by_subject.get(&subject))
            .copied()
            .unwrap_or_default()
    }
}

/// The number of the term containing `date`.
fn term_number(calendar: &SchoolYear, date: NaiveDate) -> Option<u8> {
    calendar.term_of(date).map(|t| t.number())
}

#[cfg(test)]
mod tests {
    use std::hash::{BuildHasher, BuildHasherDefault};

    use super::*;

    #[test]
    fn id_hasher_spreads_ids() {
        let build = BuildHasherDefault::<IdHasher>::default();
        let hashes: std::collections::BTreeSet<u64> = (0..1000u32)
            .map(|i| build.hash_one((LessonId::new(i), StudentId::new(i % 7))))
            .collect();
        assert_eq!(hashes.len(), 1000);
        assert_eq!(build.hash_one("homework"), build.hash_one("homework"));
        assert_ne!(build.hash_one("homework"), build.hash_one("homeworks"));
    }
}

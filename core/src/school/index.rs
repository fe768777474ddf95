//! The school's one index: what the clash checks, the journal's writes,
//! the diary, the access checks and the reports look up instead of
//! scanning a year of records.
//!
//! Every entry is derived from the school's records; [`Index::build`]
//! rebuilds all of them (on load, after a lesson is cancelled), and each
//! write of the school updates the entries it touches. Only the school
//! writes it, so the records and the index cannot drift apart.

use std::collections::BTreeMap;
use std::hash::{BuildHasherDefault, Hasher};

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::{AttendanceRecord, MarkRecord, School, SchoolError};
use crate::calendar::SchoolYear;
use crate::ids::{
    ClassId, LessonId, MarkId, ParentId, StudentId, SubgroupId, SubjectId, TeacherId,
};
use crate::lesson::{Lesson, LessonGroup};
use crate::marks::{Grading, MarkValue, PeriodMark, PeriodMarkPolicy, Points, WeightedAverage};
use crate::organisation::Enrolment;
use crate::organisation::Subgroup;

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

/// The running average of a student's (or a class's) five-point marks in
/// a subject and term: the crate's one accumulator
/// ([`WeightedAverage`], exact under removal) and its shown value, kept
/// at each write so that reads never divide.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct Sums {
    pub(crate) average: WeightedAverage,
    shown: Option<Decimal>,
    /// «зачёт» and «незачёт» marks (pass/fail subjects).
    passes: u32,
    fails: u32,
}

impl Sums {
    /// Sums kept elsewhere (a per-person export's class sums).
    pub(crate) fn of(average: WeightedAverage) -> Sums {
        Sums {
            average,
            shown: average.shown(),
            passes: 0,
            fails: 0,
        }
    }

    fn apply(&mut self, mark: &MarkRecord, add: bool) {
        let counter = match mark.value {
            MarkValue::Pass => Some(&mut self.passes),
            MarkValue::Fail => Some(&mut self.fails),
            _ => None,
        };
        if let Some(n) = counter {
            *n = if add {
                n.saturating_add(1)
            } else {
                n.saturating_sub(1)
            };
            return;
        }
        let Some(points) = mark.value.points() else {
            return;
        };
        if add {
            self.average.add(points, mark.weight);
        } else {
            self.average.remove(points, mark.weight);
        }
        self.shown = self.average.shown();
    }

    /// Whether no mark is counted.
    #[cfg(test)]
    pub(crate) fn is_empty(&self) -> bool {
        self.average.count() == 0 && self.passes == 0 && self.fails == 0
    }

    /// The average as shown (HALF-UP, two places), `None` without marks.
    pub(crate) fn shown(&self) -> Option<Decimal> {
        self.shown
    }

    /// How many five-point marks.
    pub(crate) fn count(&self) -> u32 {
        self.average.count()
    }

    /// The period result by `policy` for a subject graded `grading` (the
    /// one rule, [`Grading::period_mark`]; the shown average is the one
    /// kept here).
    pub(crate) fn period_mark(&self, policy: &PeriodMarkPolicy, grading: Grading) -> PeriodMark {
        match (grading, self.shown) {
            (Grading::FivePoint, Some(shown)) => policy.from_shown(
                shown,
                self.average.count(),
                self.average.has_mark_at_most(Points::TWO),
            ),
            _ => grading.period_mark(policy, &self.average, self.passes, self.fails),
        }
    }
}

/// All indexes of a journal.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Index {
    pub(crate) lessons: HashMap<LessonId, LessonFacts>,
    /// Every lesson of a day, for the clash checks.
    pub(crate) by_date: HashMap<NaiveDate, Vec<LessonId>>,
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
}

impl Index {
    /// Builds every index from the school's records.
    pub(crate) fn build(school: &School) -> Index {
        let mut index = Index {
            teacher_names: school
                .teachers
                .values()
                .map(|t| (t.id(), t.name().short()))
                .collect(),
            ..Index::default()
        };
        for (g, students) in &school.members {
            index.members.extend(students.iter().map(|s| (*g, *s)));
        }
        for e in &school.enrolments {
            index.enrolments.entry(e.student()).or_default().push(*e);
            index
                .class_enrolments
                .entry(e.class())
                .or_default()
                .push(*e);
        }
        index
            .links
            .extend(school.links.iter().map(|l| (l.parent, l.student)));
        for lesson in school.lessons.values() {
            index.add_lesson(&school.lessons, &school.calendar, &school.subgroups, lesson);
        }
        for m in school.marks.values() {
            index.add_mark(m);
        }
        for a in school.attendance.values() {
            index.cell_attendance.insert((a.lesson, a.student), *a);
        }
        index
    }

    /// Indexes a lesson of a known class or subgroup (again, after its
    /// topic or homework changed: then only its facts are refreshed).
    /// `lessons` holds every lesson of the school, this one included.
    pub(crate) fn add_lesson(
        &mut self,
        lessons: &HashMap<LessonId, Lesson>,
        calendar: &SchoolYear,
        subgroups: &BTreeMap<SubgroupId, Subgroup>,
        lesson: &Lesson,
    ) {
        let Some(facts) = Index::facts_of(calendar, subgroups, lesson) else {
            return;
        };
        let class = facts.class;
        let known = self.lessons.insert(lesson.id(), facts).is_some();
        if !known {
            let day = self.day_lessons.entry((class, lesson.date())).or_default();
            day.push(lesson.id());
            day.sort_by_key(|id| lessons.get(id).map(Lesson::sort_key));
            let same_day = self.by_date.entry(lesson.date()).or_default();
            let at = same_day.partition_point(|id| *id < lesson.id());
            same_day.insert(at, lesson.id());
        }
        self.teaching.insert((facts.teacher, class, facts.subject));
        self.teaches_class.insert((facts.teacher, class));
    }

    /// The facts of a lesson as the index would key them (for a lesson
    /// being checked before it is stored).
    pub(crate) fn facts_of(
        calendar: &SchoolYear,
        subgroups: &BTreeMap<SubgroupId, Subgroup>,
        lesson: &Lesson,
    ) -> Option<LessonFacts> {
        let (class, subgroup) = match lesson.group() {
            LessonGroup::Class(c) => (c, None),
            LessonGroup::Subgroup(g) => (subgroups.get(&g).map(Subgroup::class)?, Some(g)),
        };
        Some(LessonFacts {
            class,
            subgroup,
            subject: lesson.subject(),
            teacher: lesson.teacher(),
            date: lesson.date(),
            term: term_number(calendar, lesson.date()),
        })
    }

    /// Replaces the indexed enrolments of a student (after an enrolment
    /// was added or ended).
    pub(crate) fn set_enrolments(&mut self, student: StudentId, all: &[Enrolment]) {
        let mine: Vec<Enrolment> = all
            .iter()
            .filter(|e| e.student() == student)
            .copied()
            .collect();
        for list in self.class_enrolments.values_mut() {
            list.retain(|e| e.student() != student);
        }
        for e in &mine {
            self.class_enrolments.entry(e.class()).or_default().push(*e);
        }
        self.enrolments.insert(student, mine);
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

    /// The one "attends this lesson" rule: the student is enrolled in the
    /// lesson's class on its date and, for a subgroup lesson, is a member
    /// of the subgroup.
    ///
    /// # Errors
    /// [`SchoolError::NotEnrolled`], [`SchoolError::NotInSubgroup`].
    pub(crate) fn check_attends(
        &self,
        student: StudentId,
        facts: &LessonFacts,
    ) -> Result<(), SchoolError> {
        self.check_attends_in(self.enrolments_of(student), student, facts)
    }

    /// A student's enrolments (for many [`Index::check_attends_in`] calls).
    pub(crate) fn enrolments_of(&self, student: StudentId) -> &[Enrolment] {
        self.enrolments.get(&student).map_or(&[], Vec::as_slice)
    }

    /// [`Index::check_attends`] with the student's enrolments looked up
    /// once by the caller.
    pub(crate) fn check_attends_in(
        &self,
        enrolments: &[Enrolment],
        student: StudentId,
        facts: &LessonFacts,
    ) -> Result<(), SchoolError> {
        let class = enrolments
            .iter()
            .find(|e| e.covers(facts.date))
            .map(Enrolment::class);
        if class != Some(facts.class) {
            return Err(SchoolError::NotEnrolled {
                student,
                class_id: facts.class,
                date: facts.date,
            });
        }
        if let Some(subgroup) = facts.subgroup
            && !self.members.contains(&(subgroup, student))
        {
            return Err(SchoolError::NotInSubgroup { student, subgroup });
        }
        Ok(())
    }

    /// Whether a student attends a lesson ([`Index::check_attends`]).
    pub(crate) fn attends(&self, student: StudentId, facts: &LessonFacts) -> bool {
        self.check_attends(student, facts).is_ok()
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

//! A seeded generator of a realistic school and its rollout, for examples,
//! demonstrations and tests.
//!
//! [`demo_school`] builds the roster: classes (by default 1А–6В and 7А–11Б,
//! 28 classes of 25), students with birth dates fitting their grade,
//! families with one or two parents (about 1.5 per student; some siblings
//! share parents), all enrolled from 01.09.2014. [`demo_rollout`] adds the
//! autumn of 2014: applications (about 90% of parents, and some students
//! of 14 and over), registration, decisions (a few rejections), credentials,
//! activations by first login or reported by the host (each class at its
//! own pace, so every status occurs), a few consent revocations, the
//! host's record of which parents have the possibility to use the service
//! (about 95%, the denominator of the default share), and the
//! seed plan with its tasks completed — mostly on time, some late, some
//! not at all. Its activation target tasks are left alone: the report
//! settles them from the measured share.
//!
//! Same configuration → same school, applications and dates (the random
//! source is a small SplitMix64 generator seeded from the configuration).
//! Passwords are still drawn from the operating system, so hashes differ
//! between runs; no number of any report depends on them. The registry
//! hashes with [`HashParams::light`] so that a thousand accounts are made
//! in about a second; real registries keep the default.

use chrono::{Duration, NaiveDate};

use super::names;
use super::random::SplitMix64;
use crate::Error;
use crate::calendar::SchoolYear;
use crate::ids::{ClassId, ParentId, SchoolId, StudentId, TeacherId};
use crate::organisation::{
    Class, ClassName, Enrolment, Parent, ParentLink, PersonName, RelationKind, SchoolInfo, Student,
    Teacher,
};
use crate::school::School;

use names::{FEMALE, MALE, SURNAMES};

/// The school specialist of the demo school, who registers applications
/// and issues credentials.
pub const DEMO_SPECIALIST: TeacherId = TeacherId::new(1);

/// What to generate. Values out of range are clamped (see the fields).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct DemoConfig {
    /// The seed.
    pub seed: u64,
    /// Students per class, 1–40.
    pub students_per_class: u32,
    /// Grades 1 to this, 1–11.
    pub grades: u8,
    /// Classes per grade in grades 1–6 (letters А, Б, В, …), 1–5.
    pub letters_primary: u8,
    /// Classes per grade from grade 7, 1–5.
    pub letters_senior: u8,
}

impl DemoConfig {
    /// Gymnasium-sized: 28 classes (1А–6В, 7А–11Б) of 25 students, about
    /// 700 students and 1 050 parents.
    pub fn gymnasium17(seed: u64) -> DemoConfig {
        DemoConfig {
            seed,
            students_per_class: 25,
            grades: 11,
            letters_primary: 3,
            letters_senior: 2,
        }
    }

    /// A small school for examples: 11 classes (1А–11А) of 3 students.
    pub fn tiny(seed: u64) -> DemoConfig {
        DemoConfig {
            seed,
            students_per_class: 3,
            grades: 11,
            letters_primary: 1,
            letters_senior: 1,
        }
    }
}

/// Percent chances on the shared generator.
trait Percent {
    fn chance(&mut self, percent: u64) -> bool;
}

impl Percent for SplitMix64 {
    fn chance(&mut self, percent: u64) -> bool {
        self.chance_per_mille(percent * 10)
    }
}

/// Parents of one family and what names its children take.
struct Family {
    surname: usize,
    father_name: usize,
    parents: Vec<(ParentId, RelationKind)>,
}

fn day(d: NaiveDate, n: u64) -> NaiveDate {
    d + Duration::days(i64::try_from(n).unwrap_or(0))
}

fn phone(rng: &mut SplitMix64) -> String {
    let n = rng.below(10_000_000);
    format!(
        "+7 (928) {:03}-{:02}-{:02}",
        n / 10_000,
        n / 100 % 100,
        n % 100
    )
}

fn person(last: &str, first: &str, patronymic: &str) -> Result<PersonName, Error> {
    Ok(PersonName::new(last, first, Some(patronymic))?)
}

/// The roster of a generated school (no applications).
///
/// # Errors
/// None in practice: every generated record is valid; an [`Error`] would
/// mean a bug in the generator.
///
/// # Example
/// ```
/// use zhurnal::demo::{demo_school, DemoConfig};
/// let school = demo_school(&DemoConfig::tiny(7))?;
/// assert_eq!(school.classes().len(), 11);
/// assert_eq!(school.students().len(), 33);
/// assert_eq!(demo_school(&DemoConfig::tiny(7))?, school);
/// # Ok::<(), zhurnal::Error>(())
/// ```
pub fn demo_school(config: &DemoConfig) -> Result<School, Error> {
    Ok(generate_roster(config)?.0)
}

fn generate_roster(config: &DemoConfig) -> Result<(School, SplitMix64), Error> {
    let mut rng = SplitMix64::new(config.seed ^ 0x5EED_0017);
    let per_class = config.students_per_class.clamp(1, 40);
    let grades = config.grades.clamp(1, 11);
    let info = SchoolInfo::new(SchoolId::new(17), "МКОУ «Гимназия № 17» г. Черкесска")?;
    let mut school = School::new(info, SchoolYear::russian_2014_2015());
    school.add_teacher(Teacher::new(
        DEMO_SPECIALIST,
        person("Хубиева", "Фатима", "Муратовна")?,
    ))?;
    let start = NaiveDate::from_ymd_opt(2014, 9, 1).unwrap_or_default();
    let mut families: Vec<Family> = Vec::new();
    let (mut next_class, mut next_student, mut next_parent) = (1u32, 1u32, 1u32);
    for grade in 1..=grades {
        let letters = if grade <= 6 {
            config.letters_primary
        } else {
            config.letters_senior
        };
        for letter in "АБВГД".chars().take(usize::from(letters.clamp(1, 5))) {
            let class = ClassId::new(next_class);
            next_class += 1;
            school.add_class(Class::new(
                class,
                ClassName::new(grade, &letter.to_string())?,
                None,
            ))?;
            for _ in 0..per_class {
                let student = StudentId::new(next_student);
                next_student += 1;
                let sibling = !families.is_empty() && rng.chance(8);
                let family = if sibling {
                    rng.index(families.len())
                } else {
                    let surname = rng.index(SURNAMES.len());
                    let father_name = rng.index(MALE.len());
                    let mut parents = Vec::new();
                    let kind = rng.below(100);
                    let (mother, father) = (kind < 95, !(55..95).contains(&kind));
                    let guardian = rng.chance(3);
                    for (present, relation) in [
                        (mother && !guardian, RelationKind::Mother),
                        (father && !guardian, RelationKind::Father),
                        (guardian, RelationKind::Guardian),
                    ] {
                        if !present {
                            continue;
                        }
                        let id = ParentId::new(next_parent);
                        next_parent += 1;
                        let (m, f) = SURNAMES[surname];
                        let name = match relation {
                            RelationKind::Father => {
                                let (first, _, _) = MALE[father_name];
                                person(m, first, MALE[rng.index(MALE.len())].1)?
                            }
                            _ => {
                                let other = SURNAMES[rng.index(SURNAMES.len())].1;
                                let last = if relation == RelationKind::Guardian {
                                    other
                                } else {
                                    f
                                };
                                person(
                                    last,
                                    FEMALE[rng.index(FEMALE.len())],
                                    MALE[rng.index(MALE.len())].2,
                                )?
                            }
                        };
                        let contact = phone(&mut rng);
                        school.add_parent(Parent::new(id, name, Some(&contact), None)?)?;
                        parents.push((id, relation));
                    }
                    families.push(Family {
                        surname,
                        father_name,
                        parents,
                    });
                    families.len() - 1
                };
                let fam = &families[family];
                let girl = rng.chance(50);
                let (m, f) = SURNAMES[fam.surname];
                let (_, patr_m, patr_f) = MALE[fam.father_name];
                let name = if girl {
                    person(f, FEMALE[rng.index(FEMALE.len())], patr_f)?
                } else {
                    person(m, MALE[rng.index(MALE.len())].0, patr_m)?
                };
                // Grade g in 2014/15: born 1 Sep (2007 − g + 1) … 31 Aug (2008 − g + 1).
                let first_day =
                    NaiveDate::from_ymd_opt(2008 - i32::from(grade), 9, 1).unwrap_or_default();
                let born = day(first_day, rng.below(365));
                school.add_student(Student::new(student, name, born))?;
                school.enrol(Enrolment::new(student, class, start, None)?)?;
                for &(parent, relation) in &fam.parents {
                    school.link_parent(ParentLink {
                        parent,
                        student,
                        relation,
                    })?;
                }
            }
        }
    }
    Ok((school, rng))
}

mod rollout;

pub use rollout::{DemoRollout, demo_rollout};

#[cfg(test)]
mod tests;

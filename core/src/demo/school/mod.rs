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
use crate::applications::{
    Applicant, ApplicationRegistry, Consent, ConsentChannel, ContactDetails,
};
use crate::calendar::SchoolYear;
use crate::credentials::HashParams;
use crate::ids::{ClassId, ParentId, SchoolId, StudentId, TeacherId};
use crate::organisation::{
    Class, ClassName, Enrolment, Parent, ParentLink, PersonName, RelationKind, SchoolInfo, Student,
    Teacher,
};
use crate::rollout::{Deadline, RolloutPlan};
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

/// A generated school with its registry and plan.
#[derive(Debug, Clone)]
pub struct DemoRollout {
    /// The school.
    pub school: School,
    /// Its applications and accounts.
    pub registry: ApplicationRegistry,
    /// The seed plan with completions.
    pub plan: RolloutPlan,
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
            school.add_class(Class::new(class, ClassName::new(grade, letter)?, None))?;
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

/// One applicant's way through the autumn, as far as it gets by the end
/// of 2014.
struct Chain<'a> {
    school: &'a School,
    registry: &'a mut ApplicationRegistry,
    rng: &'a mut SplitMix64,
    numbers: u32,
}

const START: (i32, u32, u32) = (2014, 9, 1);
const END: (i32, u32, u32) = (2014, 12, 31);

fn ymd((y, m, d): (i32, u32, u32)) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
}

impl Chain<'_> {
    fn run(
        &mut self,
        applicant: Applicant,
        student: StudentId,
        pace: u64,
        keen: u64,
        earliest: NaiveDate,
    ) -> Result<(), Error> {
        let end = ymd(END);
        let rng = &mut *self.rng;
        let offset = match rng.below(100) {
            0..65 => rng.below(26),
            65..90 => 26 + rng.below(30),
            _ => 56 + rng.below(45),
        };
        // The fastest classes also apply early: mostly in the first weeks.
        let offset = if pace <= 2 { offset / 4 } else { offset };
        let submitted = day(ymd(START), offset).max(earliest);
        if submitted > end {
            return Ok(());
        }
        let channel = match rng.below(10) {
            0 => ConsentChannel::Email,
            1 => ConsentChannel::Portal,
            _ => ConsentChannel::InPerson,
        };
        let contacts = ContactDetails::new(Some(&phone(rng)), None)?;
        let consent = Consent {
            given_on: submitted,
            contacts,
            channel,
        };
        let id = self
            .registry
            .submit(self.school, applicant, student, submitted, consent)?;
        let registered = day(
            submitted,
            rng.below(4) + if rng.chance(10) { rng.below(8) } else { 0 },
        );
        if registered > end {
            return Ok(());
        }
        self.numbers += 1;
        let number = format!("{}/2014", self.numbers);
        self.registry
            .register(id, &number, registered, DEMO_SPECIALIST)?;
        let decided = day(registered, rng.below(5));
        if decided > end {
            return Ok(());
        }
        if rng.chance(3) {
            let reason = "заявление заполнено не полностью";
            self.registry.reject(id, decided, DEMO_SPECIALIST, reason)?;
            return Ok(());
        }
        self.registry.approve(id, decided, DEMO_SPECIALIST)?;
        let issued = day(decided, 1 + rng.below(10));
        if issued > end {
            return Ok(());
        }
        let outcome = self
            .registry
            .issue_credentials(self.school, id, issued, DEMO_SPECIALIST)?;
        let account = self.registry.account(applicant);
        let already = account.and_then(|a| a.activated_on()).is_some();
        let first_issue = account.map_or(issued, |a| a.issued_on());
        if !already && rng.chance(keen) {
            let activated = day(issued, rng.below(2 * pace + 1)).max(first_issue);
            if activated <= end {
                match (&outcome.slip, rng.chance(80)) {
                    (Some(slip), true) => {
                        let login = slip.login().as_str().to_owned();
                        self.registry
                            .log_in(&login, slip.reveal_password(), activated)?;
                    }
                    _ => self.registry.report_activation(applicant, activated)?,
                }
            }
        }
        if rng.chance(2) {
            let last = self
                .registry
                .application(id)
                .map_or(issued, |a| a.last_step_on());
            let revoked = day(last, 1 + rng.below(30));
            if revoked <= end {
                self.registry.revoke_consent(id, revoked)?;
            }
        }
        Ok(())
    }
}

/// A generated school with its applications, accounts and activations
/// over autumn 2014, and the seed plan with completions (see the module
/// documentation).
///
/// # Errors
/// None in practice: every generated step is valid; an [`Error`] would
/// mean a bug in the generator (or no random source for passwords).
///
/// # Example
/// ```
/// use chrono::NaiveDate;
/// use zhurnal::demo::{demo_rollout, DemoConfig};
/// let demo = demo_rollout(&DemoConfig::tiny(3))?;
/// assert!(!demo.registry.applications().is_empty());
/// let again = demo_rollout(&DemoConfig::tiny(3))?;
/// assert_eq!(again.registry.applications(), demo.registry.applications());
/// # Ok::<(), zhurnal::Error>(())
/// ```
pub fn demo_rollout(config: &DemoConfig) -> Result<DemoRollout, Error> {
    let (school, mut rng) = generate_roster(config)?;
    let mut registry = ApplicationRegistry::new();
    registry.set_hash_params(HashParams::light());
    registry.set_login_address("портал «Сетевой город. Образование» (ссылка на сайте гимназии)");
    record_service_access(&school, &mut registry, config.seed)?;
    let classes = school.classes();
    let mut chain = Chain {
        school: &school,
        registry: &mut registry,
        rng: &mut rng,
        numbers: 0,
    };
    for class in &classes {
        // Each class at its own pace: mean days from issue to first login.
        let pace = [2, 5, 10, 20, 40][chain.rng.index(5)];
        // And its own share of parents who ever log in.
        let keen = [80, 88, 94, 98][chain.rng.index(4)];
        for student in school.students_of_class(class.id(), ymd(START)) {
            for link in school.parents_of(student) {
                if chain.rng.chance(90) {
                    chain.run(
                        Applicant::Parent(link.parent),
                        student,
                        pace,
                        keen,
                        ymd(START),
                    )?;
                }
            }
            // Students apply for themselves from their 14th birthday.
            let fourteenth = school.student(student).and_then(|s| {
                let mut d = s
                    .birth_date()
                    .checked_add_months(chrono::Months::new(14 * 12))?;
                while s.age_on(d) < 14 {
                    d = d.succ_opt()?;
                }
                Some(d)
            });
            if let Some(earliest) = fourteenth.filter(|d| *d <= ymd(END)) {
                if chain.rng.chance(15) {
                    chain.run(Applicant::Student(student), student, pace, keen, earliest)?;
                }
            }
        }
    }
    let plan = complete_plan(&mut rng)?;
    Ok(DemoRollout {
        school,
        registry,
        plan,
    })
}

/// The host's record of who has the possibility to use the service: about
/// 95% of the parents from the start of the year, the others recorded
/// without it. Drawn from its own seeded source, so the rest of the
/// generated rollout does not depend on it.
fn record_service_access(
    school: &School,
    registry: &mut ApplicationRegistry,
    seed: u64,
) -> Result<(), Error> {
    let mut rng = SplitMix64::new(seed ^ 0xACCE_5500);
    for parent in school.parents() {
        let has_access = rng.chance(95);
        registry.record_service_access(school, parent.id(), ymd(START), has_access)?;
    }
    Ok(())
}

fn complete_plan(rng: &mut SplitMix64) -> Result<RolloutPlan, Error> {
    let mut plan = RolloutPlan::gymnasium17()?;
    let tasks: Vec<_> = plan
        .tasks()
        .filter(|t| t.target().is_none())
        .map(|t| (t.id(), t.deadline()))
        .collect();
    for (id, deadline) in tasks {
        let Deadline::By(due) = deadline else {
            continue;
        };
        let done = match rng.below(100) {
            0..75 => Some(due - Duration::days(i64::try_from(rng.below(15)).unwrap_or(0))),
            75..90 => Some(day(due, 1 + rng.below(25))),
            _ => None,
        };
        if let Some(on) = done {
            plan.complete_task(id, on)?;
        }
    }
    Ok(plan)
}

#[cfg(test)]
mod tests;

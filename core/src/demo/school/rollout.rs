//! The generated autumn of 2014: each applicant's way from application to
//! activation, the host's record of service access, and the seed plan's
//! completions.

use chrono::{Duration, NaiveDate};

use super::{DEMO_SPECIALIST, DemoConfig, Percent, day, generate_roster, phone};
use crate::Error;
use crate::applications::{
    Applicant, ApplicationRegistry, Consent, ConsentChannel, ContactDetails,
};
use crate::credentials::HashParams;
use crate::demo::random::SplitMix64;
use crate::ids::StudentId;
use crate::rollout::{Deadline, RolloutPlan};
use crate::school::School;

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

/// One applicant's way through the autumn, as far as it gets by the end
/// of 2014.
struct Chain<'a> {
    school: &'a School,
    registry: &'a mut ApplicationRegistry,
    rng: &'a mut SplitMix64,
    numbers: u32,
}

const START: (i32, u32, u32) = (2014, 9, 1);
pub(super) const END: (i32, u32, u32) = (2014, 12, 31);

pub(super) fn ymd((y, m, d): (i32, u32, u32)) -> NaiveDate {
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
        .task_iter()
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

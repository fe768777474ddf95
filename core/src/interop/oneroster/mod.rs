//! OneRoster 1.2 bulk CSV in and out (1.1 read too), with a validator
//! that reports every problem of an incoming set.
//!
//! - [`OneRosterSet`]: a set in memory ([`OneRosterSet::read_dir`],
//!   [`OneRosterSet::from_files`], [`OneRosterSet::write_dir`]).
//! - [`validate`]: every problem with file, line and column
//!   ([`ValidationReport`]): files missing per the manifest, header typos,
//!   unknown enumeration values (`ext:` values are accepted), bad dates,
//!   duplicate `sourcedId`s, references to nothing, parents whose agents
//!   are not students, users without one primary role per org.
//! - [`import`]: a clean set (no errors) into a [`School`](crate::school::School)
//!   and a [`SchoolHandle`](crate::handle::SchoolHandle); a set with
//!   errors is refused.
//! - [`export`] / [`export_school`]: a school as a 1.2 bulk set.
//!
//! ## How the Russian school maps onto OneRoster
//!
//! | zhurnal | OneRoster |
//! |---|---|
//! | the school | `orgs.csv`, type `school`, `sourcedId` `org-<id>` |
//! | the school year; its quarters, trimesters or semesters | `academicSessions.csv`: one `schoolYear` (`schoolYear` = the year it ends), its terms as `term` (quarters «четверть», trimesters) or `semester` (полугодия), parent the year |
//! | a class «5А» | `classes.csv`, `classType=homeroom`, title and classCode `5А`, grades `05`, course `homeroom` |
//! | a subgroup («Английский, группа 1») | `classes.csv`, `classType=scheduled`, extension column `metadata.zhurnal.subgroupOf` = the class; members as student enrollments without dates |
//! | a subject | `courses.csv`, title the name, courseCode the short name; hours a week and grading in `metadata.zhurnal.hoursPerWeek` / `metadata.zhurnal.grading` |
//! | students, teachers, parents | `users.csv` (familyName, givenName, middleName = отчество) and one primary role each in `roles.csv` (`student`, `teacher`, `parent`; `guardian` when no link is mother or father) |
//! | a parent–student link | `agentSourcedIds` in both directions; the kind (mother, father, guardian, trustee, other) in `metadata.zhurnal.relations` of the parent (`student-3:mother`) |
//! | a student's birth date | `demographics.csv` `birthDate` |
//! | an enrolment (inclusive last day) | `enrollments.csv`, role `student`, `endDate` the day after (OneRoster's end is exclusive) |
//! | the class teacher | a `teacher` enrollment with `primary=true` in the homeroom class |
//! | issued logins | `userProfiles.csv` (`credentialType=password`, `username` the login); never a password |
//! | work types and their default weights | `categories.csv` (`weight`); code, abbreviation, assessment and mandatory flags in `metadata.zhurnal.*` |
//! | the period-mark thresholds 2.5 / 3.5 / 4.5 | `scoreScales.csv`, `scoreScaleValue` `{2.5:3},{3.5:4},{4.5:5}` (average from → mark), min marks and "no 5 with a 2" in `metadata.zhurnal.*` |
//! | the work of one type at a lesson | `lineItems.csv` (`lesson-<id>-<type>`), assign and due date the lesson's, grading period the term |
//! | a mark | `results.csv`: 1–5 as `score`; зачёт, незачёт, «точка» (`.`, scoreStatus `not submitted`) as `textScore`; the mark's weight in `metadata.zhurnal.weight` |
//! | attendance | kept out: OneRoster has no attendance |
//!
//! Import reads the roster, calendar, work types and the period-mark policy
//! back. It does not read `lineItems`/`results` into marks: a mark belongs to
//! a lesson of the timetable, which OneRoster does not carry; they are
//! validated, and exported.

mod checks;
mod export;
mod gradebook_export;
mod ids;
mod import;
mod import_people;
mod report;
mod spec;
mod table;
mod validate;

pub use export::{export, export_school};
pub use import::{import, import_school};
pub use report::{Problem, Severity, ValidationReport};
pub use spec::Version;
pub use table::{CsvRow, CsvTable, OneRosterSet};
pub use validate::validate;
#[cfg(test)]
mod table_tests;
#[cfg(test)]
mod tests;

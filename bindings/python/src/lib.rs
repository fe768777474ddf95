//! The Python package `zhurnal` (native module `zhurnal._zhurnal`): the
//! region reports for analysts and the school handle for back-office
//! scripts, thin over the core crate `zhurnal`. Conversions live in
//! `conversions`, the one error mapping in `errors`.

mod conversions;
mod diary;
mod enums;
mod errors;
mod generate;
mod netschool;
mod oneroster;
mod options;
mod partial;
mod people;
mod polars_chunks;
mod records;
mod reports;
mod rollout;
mod rows;
mod school;
mod school_registry;
mod school_roster;
mod school_writes;
mod slip;
mod source;
mod values;

use pyo3::prelude::*;

/// The native module.
#[pymodule]
fn _zhurnal(m: &Bound<'_, PyModule>) -> PyResult<()> {
    errors::register(m)?;
    enums::register(m)?;
    m.add_class::<options::PeriodMarkPolicy>()?;
    m.add_class::<reports::ActivationReport>()?;
    m.add_class::<reports::TermGradesReport>()?;
    m.add_class::<partial::TermGradesPartial>()?;
    m.add_class::<partial::ActivationPartial>()?;
    m.add_class::<reports::ActivationRows>()?;
    m.add_class::<reports::TermGradeRows>()?;
    m.add_class::<rows::ActivationRow>()?;
    m.add_class::<rows::TermGradeRow>()?;
    m.add_class::<generate::GeneratedRegion>()?;
    m.add_class::<school::School>()?;
    m.add_class::<people::Actor>()?;
    m.add_class::<people::Edit>()?;
    m.add_class::<people::Consent>()?;
    m.add_class::<slip::CredentialSlip>()?;
    m.add_class::<rollout::RolloutReport>()?;
    m.add_class::<diary::DiaryWeek>()?;
    m.add_class::<diary::DiaryDay>()?;
    m.add_class::<diary::DiaryLesson>()?;
    m.add_class::<diary::DiaryMark>()?;
    m.add_class::<diary::Homework>()?;
    m.add_class::<diary::OverdueWork>()?;
    m.add_class::<diary::DiarySubject>()?;
    m.add_class::<records::TermMarks>()?;
    m.add_class::<records::AttendanceSummary>()?;
    m.add_class::<records::TargetAnswer>()?;
    m.add_class::<records::ApplicationCounts>()?;
    m.add_class::<records::ClassActivation>()?;
    m.add_class::<records::Login>()?;
    m.add_class::<netschool::NetSchoolWeek>()?;
    m.add_function(wrap_pyfunction!(netschool::netschool_diary_week, m)?)?;
    m.add_class::<oneroster::Problem>()?;
    m.add_class::<oneroster::ValidationReport>()?;
    m.add_function(wrap_pyfunction!(oneroster::oneroster_validate, m)?)?;
    m.add_function(wrap_pyfunction!(oneroster::oneroster_import, m)?)?;
    m.add_function(wrap_pyfunction!(oneroster::oneroster_export, m)?)?;
    m.add_function(wrap_pyfunction!(reports::activation_report, m)?)?;
    m.add_function(wrap_pyfunction!(reports::term_grades, m)?)?;
    m.add_function(wrap_pyfunction!(generate::generate_region, m)?)?;
    m.add_function(wrap_pyfunction!(options::seed_checkpoints, m)?)?;
    Ok(())
}

//! The Python package `zhurnal` (native module `zhurnal._zhurnal`): the
//! region reports for analysts and the school handle for back-office
//! scripts, thin over the core crate `zhurnal`. Conversions live in
//! `conversions`, the one error mapping in `errors`.

mod conversions;
mod enums;
mod errors;
mod generate;
mod options;
mod reports;
mod rows;
mod source;

use pyo3::prelude::*;

/// The native module.
#[pymodule]
fn _zhurnal(m: &Bound<'_, PyModule>) -> PyResult<()> {
    errors::register(m)?;
    enums::register(m)?;
    m.add_class::<options::PeriodMarkPolicy>()?;
    m.add_class::<reports::ActivationReport>()?;
    m.add_class::<reports::TermGradesReport>()?;
    m.add_class::<reports::ActivationRows>()?;
    m.add_class::<reports::TermGradeRows>()?;
    m.add_class::<rows::ActivationRow>()?;
    m.add_class::<rows::TermGradeRow>()?;
    m.add_class::<generate::GeneratedRegion>()?;
    m.add_function(wrap_pyfunction!(reports::activation_report, m)?)?;
    m.add_function(wrap_pyfunction!(reports::term_grades, m)?)?;
    m.add_function(wrap_pyfunction!(generate::generate_region, m)?)?;
    m.add_function(wrap_pyfunction!(options::seed_checkpoints, m)?)?;
    Ok(())
}

//! The reports' keyword arguments as the core's options.

use pyo3::prelude::*;
use pyo3::types::PyAny;
use zhurnal::activation::{Checkpoint, Checkpoints, TargetBand};
use zhurnal::calendar::{DateSpan, TermCode};
use zhurnal::marks::PeriodMarkPolicy as CorePolicy;
use zhurnal::region::{
    ActivationOptions, MalformedRows, ReportTerm, ReportTerms, TermGradesOptions,
};

use crate::conversions::{date_from_py, decimal_from_py};
use crate::errors::to_py;

/// The period-mark policy of the term-grades report: thresholds on the
/// shown average for 3, 4 and 5, the fewest marks to be attested, and
/// whether a 2 forbids a 5.
#[pyclass(frozen, eq, module = "zhurnal")]
#[derive(Clone, PartialEq, Eq)]
pub(crate) struct PeriodMarkPolicy {
    pub(crate) inner: CorePolicy,
}

#[pymethods]
impl PeriodMarkPolicy {
    #[new]
    #[pyo3(signature = (three, four, five, *, min_marks = 3, no_five_with_two = false))]
    fn new(
        three: &Bound<'_, PyAny>,
        four: &Bound<'_, PyAny>,
        five: &Bound<'_, PyAny>,
        min_marks: u32,
        no_five_with_two: bool,
    ) -> PyResult<PeriodMarkPolicy> {
        let inner = CorePolicy::with_thresholds(
            decimal_from_py(three, "three")?,
            decimal_from_py(four, "four")?,
            decimal_from_py(five, "five")?,
        )
        .map_err(to_py)?
        .with_min_marks(min_marks)
        .with_no_five_with_two(no_five_with_two);
        Ok(PeriodMarkPolicy { inner })
    }

    /// The default policy: 2.5 / 3.5 / 4.5, at least 3 marks.
    #[staticmethod]
    fn default() -> PeriodMarkPolicy {
        PeriodMarkPolicy {
            inner: CorePolicy::default(),
        }
    }

    #[getter]
    fn min_marks(&self) -> u32 {
        self.inner.min_marks()
    }

    #[getter]
    fn no_five_with_two(&self) -> bool {
        self.inner.no_five_with_two()
    }

    fn __repr__(&self) -> String {
        format!(
            "PeriodMarkPolicy(min_marks={}, no_five_with_two={})",
            self.inner.min_marks(),
            if self.inner.no_five_with_two() {
                "True"
            } else {
                "False"
            }
        )
    }
}

fn malformed(rejects: bool) -> MalformedRows {
    if rejects {
        MalformedRows::Collect
    } else {
        MalformedRows::Fail
    }
}

/// `checkpoints` as `(date, min, max)` triples, `date` as one measurement.
pub(crate) fn activation_options(
    date: Option<&Bound<'_, PyAny>>,
    checkpoints: Option<&Bound<'_, PyAny>>,
    threads: Option<u32>,
    rejects: bool,
) -> PyResult<ActivationOptions> {
    let mut options = ActivationOptions::default().with_malformed_rows(malformed(rejects));
    if let Some(list) = checkpoints {
        let mut all = Vec::new();
        for item in list.try_iter()? {
            let (day, min, max): (Bound<'_, PyAny>, Bound<'_, PyAny>, Bound<'_, PyAny>) =
                item?.extract()?;
            let band = TargetBand::new(
                decimal_from_py(&min, "a band's minimum")?,
                decimal_from_py(&max, "a band's maximum")?,
            )
            .map_err(to_py)?;
            all.push(Checkpoint {
                date: date_from_py(&day, "a checkpoint's date")?,
                band,
            });
        }
        options = options.with_checkpoints(Checkpoints::new(all).map_err(to_py)?);
    }
    if let Some(day) = date {
        options = options.with_date(date_from_py(day, "date")?);
    }
    if let Some(t) = threads {
        options = options.with_threads(t);
    }
    Ok(options)
}

/// `terms` as `(code, start, end)` triples.
pub(crate) fn term_grades_options(
    terms: Option<&Bound<'_, PyAny>>,
    policy: Option<&PeriodMarkPolicy>,
    max_subject: Option<u32>,
    threads: Option<u32>,
    rejects: bool,
) -> PyResult<TermGradesOptions> {
    let mut options = TermGradesOptions::default().with_malformed_rows(malformed(rejects));
    if let Some(list) = terms {
        let mut all = Vec::new();
        for item in list.try_iter()? {
            let (code, start, end): (String, Bound<'_, PyAny>, Bound<'_, PyAny>) =
                item?.extract()?;
            let span = DateSpan::new(
                date_from_py(&start, "a term's start")?,
                date_from_py(&end, "a term's end")?,
            )
            .map_err(to_py)?;
            all.push(ReportTerm::new(
                TermCode::parse(&code).map_err(to_py)?,
                span,
            ));
        }
        options = options.with_terms(ReportTerms::new(all).map_err(to_py)?);
    }
    if let Some(p) = policy {
        options = options.with_policy(p.inner);
    }
    if let Some(m) = max_subject {
        options = options.with_max_subject(m).map_err(to_py)?;
    }
    if let Some(t) = threads {
        options = options.with_threads(t);
    }
    Ok(options)
}

/// A checkpoint as Python sees it: (date, band minimum, band maximum).
type CheckpointTuple<'py> = (Bound<'py, PyAny>, Bound<'py, PyAny>, Bound<'py, PyAny>);

/// The seed rollout plan's checkpoints and target bands, as the
/// `checkpoints=` argument takes them: `(date, band minimum, band maximum)`
/// in percent, in date order.
#[pyfunction]
pub(crate) fn seed_checkpoints(py: Python<'_>) -> PyResult<Vec<CheckpointTuple<'_>>> {
    zhurnal::rollout::seed_checkpoints()
        .all()
        .iter()
        .map(|c| {
            Ok((
                crate::conversions::date_to_py(py, c.date)?.into_any(),
                crate::conversions::decimal_to_py(py, c.band.min())?,
                crate::conversions::decimal_to_py(py, c.band.max())?,
            ))
        })
        .collect()
}

//! `generate_region`: the core's seeded region generator.

use std::path::PathBuf;

use pyo3::prelude::*;
use zhurnal::demo::RegionGenerator;

use crate::errors::to_py;

/// What `generate_region` wrote.
#[pyclass(frozen, module = "zhurnal")]
pub(crate) struct GeneratedRegion {
    /// The parents registry.
    #[pyo3(get)]
    parents_csv: PathBuf,
    /// The marks.
    #[pyo3(get)]
    grades_csv: PathBuf,
    /// Parents written.
    #[pyo3(get)]
    parents: u64,
    /// Students of those parents.
    #[pyo3(get)]
    students: u64,
    /// Marks written.
    #[pyo3(get)]
    marks: u64,
}

#[pymethods]
impl GeneratedRegion {
    fn __repr__(&self) -> String {
        format!(
            "GeneratedRegion(parents={}, students={}, marks={}, parents_csv={:?}, grades_csv={:?})",
            self.parents,
            self.students,
            self.marks,
            self.parents_csv.display().to_string(),
            self.grades_csv.display().to_string()
        )
    }
}

/// Writes `parents.csv` and `grades.csv` of a generated region into
/// `out_dir` (the same size and seed give the same bytes).
#[pyfunction]
#[pyo3(signature = (out_dir, *, parents, seed))]
pub(crate) fn generate_region(
    py: Python<'_>,
    out_dir: PathBuf,
    parents: u64,
    seed: u64,
) -> PyResult<GeneratedRegion> {
    let region = py
        .detach(|| RegionGenerator::new(parents, seed)?.write_to_dir(&out_dir))
        .map_err(to_py)?;
    Ok(GeneratedRegion {
        parents_csv: region.parents_csv,
        grades_csv: region.grades_csv,
        parents: region.parents,
        students: region.students,
        marks: region.marks,
    })
}

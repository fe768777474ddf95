//! Parquet input of the `region` command: region data at scale lives in
//! Parquet, so a `.parquet` path is read as Arrow record batches, batch by
//! batch, into the reports' frame input — the same rules, reports and
//! error codes as the CSV files (typed columns read as they are).

use std::fs::File;
use std::path::Path;

use parquet::arrow::arrow_reader::{ParquetRecordBatchReader, ParquetRecordBatchReaderBuilder};
use parquet::errors::ParquetError;
use zhurnal::region::RegionError;

/// Rows per record batch read from the file.
const BATCH_ROWS: usize = 65_536;

/// Whether `path` names a Parquet file (by its extension).
pub fn is_parquet(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("parquet"))
}

/// The record batches of the Parquet file at `path`.
///
/// # Errors
/// [`Failure`] when the file cannot be opened or is not Parquet.
pub fn batches(path: &Path) -> Result<ParquetRecordBatchReader, Failure> {
    let file = File::open(path).map_err(|e| Failure::Region(e.into()))?;
    Ok(ParquetRecordBatchReaderBuilder::try_new(file)?
        .with_batch_size(BATCH_ROWS)
        .build()?)
}

/// What stopped a command: an error of the reports, or of a Parquet file.
#[derive(Debug)]
pub enum Failure {
    /// The reports' error, with its code.
    Region(RegionError),
    /// A file that Parquet cannot read (`parquet.unreadable`).
    Parquet(ParquetError),
}

impl Failure {
    /// The stable code: the report's, or `parquet.unreadable`.
    pub fn code(&self) -> &'static str {
        match self {
            Failure::Region(e) => e.code(),
            Failure::Parquet(_) => "parquet.unreadable",
        }
    }
}

impl std::fmt::Display for Failure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Failure::Region(e) => e.fmt(f),
            Failure::Parquet(e) => write!(f, "not a readable parquet file: {e}"),
        }
    }
}

impl From<RegionError> for Failure {
    fn from(e: RegionError) -> Failure {
        Failure::Region(e)
    }
}

impl From<ParquetError> for Failure {
    fn from(e: ParquetError) -> Failure {
        Failure::Parquet(e)
    }
}

impl From<std::io::Error> for Failure {
    fn from(e: std::io::Error) -> Failure {
        Failure::Region(e.into())
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use arrow_array::{ArrayRef, RecordBatch, StringArray};
    use parquet::arrow::ArrowWriter;

    use crate::region_cli::run_cli_code;

    /// `csv` as a Parquet file of string columns, in batches of 1000 rows.
    fn to_parquet(csv: &str, path: &std::path::Path) {
        let mut lines = csv.lines();
        let header: Vec<&str> = lines.next().unwrap().split(',').collect();
        let rows: Vec<Vec<&str>> = lines.map(|l| l.split(',').collect()).collect();
        let mut writer: Option<ArrowWriter<std::fs::File>> = None;
        for chunk in rows.chunks(1000) {
            let columns = header.iter().enumerate().map(|(k, name)| {
                let values = chunk.iter().map(|r| Some(r[k]).filter(|v| !v.is_empty()));
                (*name, Arc::new(values.collect::<StringArray>()) as ArrayRef)
            });
            let batch = RecordBatch::try_from_iter(columns).unwrap();
            let w = writer.get_or_insert_with(|| {
                ArrowWriter::try_new(std::fs::File::create(path).unwrap(), batch.schema(), None)
                    .unwrap()
            });
            w.write(&batch).unwrap();
        }
        writer.unwrap().close().unwrap();
    }

    #[test]
    fn a_parquet_file_gives_the_report_of_its_csv() {
        let dir = std::env::temp_dir().join(format!("zhurnal-parquet-{}", std::process::id()));
        let d = |name: &str| dir.join(name).to_str().unwrap().to_owned();
        let run =
            |args: &[&str]| run_cli_code(&args.iter().map(|s| s.to_string()).collect::<Vec<_>>());
        assert_eq!(
            run(&["generate", "--parents", "2000", "--seed", "3", &d("")]),
            0
        );
        for (command, name) in [("activation", "parents"), ("term-grades", "grades")] {
            let csv = std::fs::read_to_string(d(&format!("{name}.csv"))).unwrap();
            to_parquet(&csv, &dir.join(format!("{name}.parquet")));
            assert_eq!(
                run(&[command, &d(&format!("{name}.csv")), &d("from-csv.out")]),
                0
            );
            assert_eq!(
                run(&[
                    command,
                    &d(&format!("{name}.parquet")),
                    &d("from-parquet.out")
                ]),
                0
            );
            let (a, b) = (
                std::fs::read(d("from-csv.out")).unwrap(),
                std::fs::read(d("from-parquet.out")).unwrap(),
            );
            assert!(
                a.len() > 100 && a == b,
                "{command}: the Parquet file gave another report"
            );
        }
        // Not Parquet: exit 1 (the code is parquet.unreadable).
        std::fs::write(dir.join("bad.parquet"), "student_id\n1\n").unwrap();
        assert_eq!(run(&["term-grades", &d("bad.parquet"), &d("bad.out")]), 1);
        std::fs::remove_dir_all(&dir).unwrap();
    }
}

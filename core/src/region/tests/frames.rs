//! The reports from Arrow record batches: the same bytes as from the CSV
//! text of the same rows, whatever the column types, and errors by row.

use std::sync::Arc;

use arrow_array::{
    ArrayRef, BooleanArray, Date32Array, Decimal128Array, DictionaryArray, Float64Array,
    Int32Array, Int64Array, RecordBatch, StringArray, StringViewArray, UInt8Array, UInt32Array,
};

use super::*;

fn days(csv_dates: &[&str]) -> Date32Array {
    csv_dates
        .iter()
        .map(|d| (!d.is_empty()).then(|| (day(d) - day("1970-01-01")).num_days() as i32))
        .collect()
}

fn col(a: impl arrow_array::Array + 'static) -> ArrayRef {
    Arc::new(a)
}

/// The parents of `csv` as typed columns: integer ids, booleans, dates.
fn parents_batch(csv: &str) -> RecordBatch {
    let rows: Vec<Vec<&str>> = csv
        .lines()
        .skip(1)
        .map(|l| l.split(',').collect())
        .collect();
    let id = |k: usize| {
        col(Int64Array::from_iter_values(
            rows.iter().map(|r| r[k].parse().unwrap()),
        ))
    };
    RecordBatch::try_from_iter([
        ("school_id", id(3)),
        ("parent_id", id(0)),
        ("student_id", id(1)),
        ("class_id", id(2)),
        (
            "has_access",
            col(rows
                .iter()
                .map(|r| Some(r[4] == "1"))
                .collect::<BooleanArray>()),
        ),
        (
            "applied_on",
            col(days(&rows.iter().map(|r| r[5]).collect::<Vec<_>>())),
        ),
        (
            "activated_on",
            col(days(&rows.iter().map(|r| r[6]).collect::<Vec<_>>())),
        ),
        ("extra", col(Float64Array::from(vec![0.5; rows.len()]))),
    ])
    .unwrap()
}

/// The grades of `csv` as typed columns, the weight a decimal, the work
/// type a dictionary.
fn grades_batch(csv: &str) -> RecordBatch {
    let rows: Vec<Vec<&str>> = csv
        .lines()
        .skip(1)
        .map(|l| l.split(',').collect())
        .collect();
    let u32s = |k: usize| {
        col(UInt32Array::from_iter_values(
            rows.iter().map(|r| r[k].parse().unwrap()),
        ))
    };
    let weights = rows.iter().map(|r| {
        let d: Decimal = r[5].parse().unwrap();
        Some((d * Decimal::from(100)).try_into().unwrap())
    });
    let dict: DictionaryArray<arrow_array::types::Int16Type> =
        rows.iter().map(|r| Some(r[6])).collect();
    RecordBatch::try_from_iter([
        ("student_id", u32s(0)),
        ("class_id", u32s(1)),
        ("subject_id", u32s(2)),
        (
            "lesson_date",
            col(days(&rows.iter().map(|r| r[3]).collect::<Vec<_>>())),
        ),
        (
            "mark",
            col(UInt8Array::from_iter_values(
                rows.iter().map(|r| r[4].parse().unwrap()),
            )),
        ),
        (
            "weight",
            col(Decimal128Array::from_iter(weights)
                .with_precision_and_scale(7, 2)
                .unwrap()),
        ),
        ("work_type", col(dict)),
    ])
    .unwrap()
}

/// Splits a batch into slices of `n` rows, as a stream delivers them.
fn sliced(batch: &RecordBatch, n: usize) -> Vec<Result<RecordBatch, arrow_schema::ArrowError>> {
    (0..batch.num_rows())
        .step_by(n)
        .map(|at| Ok(batch.slice(at, n.min(batch.num_rows() - at))))
        .collect()
}

#[test]
fn frames_give_the_bytes_of_the_csv_files() {
    let (parents, grades) = planted(3_000);
    let from_csv = activation(&parents).unwrap();
    let batch = parents_batch(&parents);
    for n in [1, 7, 1000, 10_000] {
        let report =
            ActivationReport::from_record_batches(sliced(&batch, n), &ActivationOptions::default())
                .unwrap();
        assert_eq!(report.to_csv(), from_csv.to_csv(), "slices of {n}");
    }
    let from_csv = term_grades(&grades).unwrap();
    let batch = grades_batch(&grades);
    for threads in [1, 2] {
        let options = TermGradesOptions::default().with_threads(threads);
        let report = TermGradesReport::from_record_batches(sliced(&batch, 5000), &options).unwrap();
        assert_eq!(report.to_csv(), from_csv.to_csv());
    }
}

#[test]
fn string_columns_go_through_the_csv_rules() {
    let names = [
        "student_id",
        "class_id",
        "subject_id",
        "lesson_date",
        "mark",
        "weight",
        "work_type",
    ];
    let row = ["1", "1", "2", "2015-01-12", "5", "1.5", "answer"];
    let batch = RecordBatch::try_from_iter(
        names
            .iter()
            .zip(row)
            .map(|(n, v)| (*n, col(StringViewArray::from(vec![v])))),
    )
    .unwrap();
    let report =
        TermGradesReport::from_record_batches([Ok(batch)], &TermGradesOptions::default()).unwrap();
    assert_eq!(
        report.to_csv(),
        format!("{TERM_GRADES_CSV_HEADER}\n1,2,Q3,1,5.00,na\n")
    );
}

#[test]
fn errors_name_the_row_and_the_column() {
    let csv = format!("{PARENTS}1,1,1,3,1,2014-09-10,2014-10-01\n2,1,1,3,1,,\n3,2,1,3,1,,\n");
    let batch = parents_batch(&csv);
    // A null where a value is required: row 1 of the second batch is row 2.
    let mut ids: Vec<Option<i32>> = vec![Some(1), Some(1), None];
    let bad = batch_with(&batch, "student_id", col(Int32Array::from(ids.clone())));
    let e = ActivationReport::from_record_batches(
        [Ok(bad.slice(0, 1)), Ok(bad.slice(1, 2))],
        &ActivationOptions::default(),
    )
    .unwrap_err();
    assert_eq!(e.code(), "region.missing_value");
    assert_eq!(
        (e.row(), e.line(), e.column()),
        (Some(2), None, Some("student_id"))
    );
    assert_eq!(e.to_string(), "row 2: column student_id: \"\" is empty");
    // A negative id, collected as a reject with the others counted.
    ids[2] = Some(-4);
    let bad = batch_with(&batch, "student_id", col(Int32Array::from(ids)));
    let lenient = ActivationOptions::default().with_malformed_rows(MalformedRows::Collect);
    let report = ActivationReport::from_record_batches([Ok(bad)], &lenient).unwrap();
    assert_eq!(report.parents(), 2);
    assert_eq!(report.rejects()[0].row(), Some(2));
    assert_eq!(report.rejects()[0].code(), "region.invalid_id");
    // A repeated parent names both rows.
    let twice = batch_with(&batch, "parent_id", col(Int64Array::from(vec![1, 2, 1])));
    let e = ActivationReport::from_record_batches([Ok(twice)], &ActivationOptions::default())
        .unwrap_err();
    assert_eq!(e.to_string(), "row 2: parent#1 already appeared in row 0");
}

#[test]
fn refused_types_and_missing_columns_are_named() {
    let csv = format!("{PARENTS}1,1,1,3,1,2014-09-10,2014-10-01\n");
    let batch = parents_batch(&csv);
    let floats = batch_with(&batch, "school_id", col(Float64Array::from(vec![3.0])));
    let e = ActivationReport::from_record_batches([Ok(floats)], &ActivationOptions::default())
        .unwrap_err();
    assert_eq!(
        (e.code(), e.column()),
        ("region.frame_column_type", Some("school_id"))
    );
    let texts = batch_with(
        &batch,
        "activated_on",
        col(StringArray::from(vec!["2014-10-1"])),
    );
    let e = ActivationReport::from_record_batches([Ok(texts)], &ActivationOptions::default())
        .unwrap_err();
    assert_eq!((e.code(), e.row()), ("region.invalid_date", Some(0)));
    let fewer = batch.project(&[0, 1, 2, 3, 4, 5]).unwrap();
    let e = ActivationReport::from_record_batches([Ok(fewer)], &ActivationOptions::default())
        .unwrap_err();
    assert_eq!(e.code(), "region.missing_column");
    let failing = [Err(arrow_schema::ArrowError::ComputeError(
        "producer gone".into(),
    ))];
    let e =
        ActivationReport::from_record_batches(failing, &ActivationOptions::default()).unwrap_err();
    assert_eq!(e.code(), "region.frame_stream");
}

/// `batch` with the column `name` replaced.
fn batch_with(batch: &RecordBatch, name: &str, column: ArrayRef) -> RecordBatch {
    let schema = batch.schema();
    let pairs = schema.fields().iter().zip(batch.columns()).map(|(f, c)| {
        let c = if f.name() == name {
            Arc::clone(&column)
        } else {
            Arc::clone(c)
        };
        (f.name().clone(), c)
    });
    RecordBatch::try_from_iter(pairs).unwrap()
}

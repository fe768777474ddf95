//! The fast path of the frame input for the term-grades report: integer
//! ids and marks, `date32` dates, decimal (or integer) weights and string
//! work types read as they are, on the options' threads. As for the
//! activation report (`frame_typed`), it decides nothing on its own: at
//! the first value the rule of its CSV column would not take as it is, the
//! text path reads the frame again and names the error.

use arrow_array::RecordBatch;

use super::frame_cells::Cells;
use super::frame_columns::{all_texts, days, hundredths, ids};
use super::frame_typed::{chunks, on_threads, views};
use super::grades_parse::{COLUMNS, Grades};
use super::{TermGradesOptions, TermGradesReport};
use crate::marks::Points;

/// Whether column `k` of [`COLUMNS`] has a type this path reads.
fn takes(k: usize, c: &Cells<'_>) -> bool {
    match k {
        // Ids, dates, marks: as for the activation report.
        0..=4 => c.is_typed(),
        // Weights: decimals or integers; work types: strings.
        5 => c.is_typed() || c.is_decimal(),
        _ => c.is_text(),
    }
}

/// The term-grades report read from typed columns, or `None` when the
/// text path must read it.
pub(super) fn term_grades(
    batches: &[RecordBatch],
    options: &TermGradesOptions,
) -> Option<TermGradesReport> {
    let views = views(batches, &COLUMNS, takes)?;
    let chunks = chunks(batches);
    if chunks.is_empty() {
        return None;
    }
    let subjects = options.max_subject() as usize;
    let terms = options.terms().all().len();
    let states = on_threads(
        &chunks,
        options.threads(),
        || (Grades::new(subjects, terms), Scratch::default()),
        |(grades, scratch), _, (b, start, end)| {
            read_chunk(&views[b], (start, end), grades, scratch, options).is_some()
        },
    )?;
    let states = states.into_iter().map(|(grades, _)| grades).collect();
    Some(TermGradesReport::assemble(
        states,
        Vec::new(),
        Vec::new(),
        options,
    ))
}

/// A thread's buffers for the decoded columns of a chunk, reused.
#[derive(Default)]
struct Scratch {
    students: Vec<u32>,
    classes: Vec<u32>,
    subjects: Vec<u32>,
    days: Vec<i32>,
    marks: Vec<u32>,
    weights: Vec<u64>,
    keys: Vec<usize>,
}

/// Adds the marks of rows `start..end`, each column decoded at once;
/// `None` at the first row the text path must read.
fn read_chunk(
    cells: &[Cells<'_>],
    rows: (usize, usize),
    grades: &mut Grades,
    s: &mut Scratch,
    options: &TermGradesOptions,
) -> Option<()> {
    let [student, class, subject, date, mark, weight, work_type] = cells else {
        return None;
    };
    ids(student, rows, &mut s.students)?;
    ids(class, rows, &mut s.classes)?;
    ids(subject, rows, &mut s.subjects)?;
    days(date, rows, &mut s.days)?;
    ids(mark, rows, &mut s.marks)?;
    hundredths(weight, rows, &mut s.weights)?;
    all_texts(work_type, rows, &mut s.keys, |code| {
        grades.work_type_valid(code)
    })?;
    let max_subject = options.max_subject();
    for k in 0..s.students.len() {
        let subject = *s.subjects.get(k)?;
        if subject == 0 || subject > max_subject {
            return None;
        }
        let mark = Points::try_from(i64::from(*s.marks.get(k)?)).ok()?;
        let hundredths = *s.weights.get(k)?;
        if !grades.weight_valid(hundredths) {
            return None;
        }
        let weight = u32::try_from(hundredths).ok()?;
        let row = (*s.students.get(k)?, subject, *s.days.get(k)?);
        grades.add_checked(row, mark, weight, options).ok()?;
    }
    Some(())
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use arrow_array::{
        ArrayRef, Date32Array, Decimal128Array, DictionaryArray, Float64Array, Int64Array,
        StringArray,
    };

    use super::super::frame_typed::csv_text;
    use super::*;

    /// `n` marks of 40 students in 3 subjects through the autumn, with the
    /// given weight and work-type columns.
    fn batch_with(n: i64, weight: ArrayRef, work_type: ArrayRef) -> RecordBatch {
        let ids = |f: &dyn Fn(i64) -> i64| {
            Arc::new(Int64Array::from_iter_values((0..n).map(f))) as ArrayRef
        };
        RecordBatch::try_from_iter([
            ("student_id", ids(&|i| i % 40 + 1)),
            ("class_id", ids(&|i| (i % 40) / 20 + 1)),
            ("subject_id", ids(&|i| i % 3 + 1)),
            (
                "lesson_date",
                Arc::new(Date32Array::from_iter_values(
                    (0..n).map(|i| 16_314 + (i % 120) as i32),
                )) as ArrayRef,
            ),
            ("mark", ids(&|i| 2 + (i * 7) % 4)),
            ("weight", weight),
            ("work_type", work_type),
        ])
        .unwrap()
    }

    fn weights(n: i64) -> ArrayRef {
        let values = (0..n).map(|i| [100i128, 150, 200][(i % 3) as usize]);
        Arc::new(
            Decimal128Array::from_iter_values(values)
                .with_precision_and_scale(5, 2)
                .unwrap(),
        )
    }

    fn work_types(n: i64) -> ArrayRef {
        let codes = (0..n).map(|i| ["answer", "test", "homework"][(i % 3) as usize]);
        Arc::new(codes.collect::<DictionaryArray<arrow_array::types::Int8Type>>())
    }

    #[test]
    fn typed_columns_give_the_report_of_their_text() {
        let n = 150_000;
        let b = batch_with(n, weights(n), work_types(n));
        let batches = [b.slice(0, 100_000), b.slice(100_000, 50_000)];
        for threads in [1, 2] {
            let options = TermGradesOptions::default().with_threads(threads);
            let typed =
                term_grades(&batches, &options).expect("typed columns are read as they are");
            // The text path: the same rows as CSV text.
            let via_text =
                TermGradesReport::from_reader(csv_text(&batches, &COLUMNS).as_slice(), &options)
                    .unwrap();
            assert_eq!(typed.to_csv(), via_text.to_csv());
            assert_eq!(typed.marks(), 150_000);
        }
    }

    #[test]
    fn anything_the_rules_must_name_goes_to_the_text_path() {
        let options = TermGradesOptions::default();
        let n = 10;
        assert!(term_grades(&[batch_with(n, weights(n), work_types(n))], &options).is_some());
        // A weight of three decimals, a zero weight, a float column.
        let fine = Arc::new(
            Decimal128Array::from_iter_values([1_005i128; 10])
                .with_precision_and_scale(6, 3)
                .unwrap(),
        );
        assert!(term_grades(&[batch_with(n, fine, work_types(n))], &options).is_none());
        let zero = Arc::new(Int64Array::from(vec![0; 10]));
        assert!(term_grades(&[batch_with(n, zero, work_types(n))], &options).is_none());
        let floats = Arc::new(Float64Array::from(vec![1.0; 10]));
        assert!(term_grades(&[batch_with(n, floats, work_types(n))], &options).is_none());
        // An unknown work type, one with a comma, a null.
        for bad in [Some("no-such-type"), Some("test,x"), None] {
            let mut codes: Vec<Option<&str>> = vec![Some("test"); 10];
            codes[7] = bad;
            let types = Arc::new(StringArray::from(codes));
            assert!(
                term_grades(&[batch_with(n, weights(n), types)], &options).is_none(),
                "{bad:?}"
            );
        }
        let plain = Arc::new(StringArray::from(vec!["answer"; 10]));
        assert!(term_grades(&[batch_with(n, weights(n), plain)], &options).is_some());
        assert!(term_grades(&[], &options).is_none());
    }
}

//! The fast path of the frame input: columns of the plain types
//! (integers, booleans, `date32`) read as they are, without their text.
//!
//! It decides nothing on its own. Each value is taken only when the rule
//! of its CSV column would take its text as it is (an id `0..=u32::MAX`, a
//! flag 0 or 1, a date of the years 1000–9999); anything else — a column of
//! another type, a null where a value is required, an activation before
//! the application, a repeated parent id — gives up, and the report is
//! read again by the text path of `frame_input`, which names every error
//! as a CSV file's would be named. So both paths give the same report.

use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use arrow_array::RecordBatch;

use super::ActivationOptions;
use super::ActivationReport;
use super::frame_cells::Cells;
use super::parents_parse::{COLUMNS, ParentRow, Tally, has_repeats};

/// Rows read by one thread at a time.
const CHUNK_ROWS: usize = 65_536;

/// Where `columns` are in `batch`: `None` when one is missing or doubled
/// (the text path names it).
pub(super) fn positions(batch: &RecordBatch, columns: &[&str]) -> Option<Vec<usize>> {
    let schema = batch.schema();
    columns
        .iter()
        .map(|&name| {
            let mut found = schema
                .fields()
                .iter()
                .enumerate()
                .filter(|(_, f)| f.name() == name);
            let (i, _) = found.next()?;
            found.next().is_none().then_some(i)
        })
        .collect()
}

/// The batches cut into chunks of rows, in order: `(batch, start, end)`.
pub(super) fn chunks(batches: &[RecordBatch]) -> Vec<(usize, usize, usize)> {
    let mut out = Vec::new();
    for (b, batch) in batches.iter().enumerate() {
        let mut start = 0;
        while start < batch.num_rows() {
            let end = (start + CHUNK_ROWS).min(batch.num_rows());
            out.push((b, start, end));
            start = end;
        }
    }
    out
}

/// Runs `work` on every chunk, in any order, on `threads` threads each
/// with its own state from `make`; the states, or `None` as soon as a
/// chunk gives up (`work` returns `false`).
pub(super) fn on_threads<S: Send>(
    chunks: &[(usize, usize, usize)],
    threads: u32,
    make: impl Fn() -> S + Sync,
    work: impl Fn(&mut S, usize, (usize, usize, usize)) -> bool + Sync,
) -> Option<Vec<S>> {
    let threads = usize::try_from(threads).unwrap_or(1).max(1);
    let next = AtomicUsize::new(0);
    let gave_up = AtomicBool::new(false);
    let states = Mutex::new(Vec::with_capacity(threads));
    std::thread::scope(|scope| {
        for _ in 0..threads {
            scope.spawn(|| {
                let mut state = make();
                loop {
                    let seq = next.fetch_add(1, Ordering::Relaxed);
                    let Some(&chunk) = chunks.get(seq) else {
                        break;
                    };
                    if gave_up.load(Ordering::Relaxed) || !work(&mut state, seq, chunk) {
                        gave_up.store(true, Ordering::Relaxed);
                        break;
                    }
                }
                if let Ok(mut all) = states.lock() {
                    all.push(state);
                }
            });
        }
    });
    let states = states.into_inner().ok()?;
    (!gave_up.load(Ordering::Relaxed) && states.len() == threads).then_some(states)
}

/// The columns of `columns` in each batch, or `None` when one is missing,
/// doubled or of a type `take` refuses.
pub(super) fn views<'a>(
    batches: &'a [RecordBatch],
    columns: &[&str],
    take: impl Fn(usize, &Cells<'_>) -> bool,
) -> Option<Vec<Vec<Cells<'a>>>> {
    let mut views = Vec::with_capacity(batches.len());
    for batch in batches {
        let pos = positions(batch, columns)?;
        let cells = pos
            .iter()
            .zip(columns)
            .map(|(&i, name)| Cells::of(batch.column(i).as_ref(), name).ok())
            .collect::<Option<Vec<_>>>()?;
        if !cells.iter().enumerate().all(|(k, c)| take(k, c)) {
            return None;
        }
        views.push(cells);
    }
    Some(views)
}

/// The activation report read from typed columns on the options' threads,
/// or `None` when the text path must read it.
pub(super) fn activation(
    batches: &[RecordBatch],
    options: &ActivationOptions,
) -> Option<ActivationReport> {
    let views = views(batches, &COLUMNS, |_, c| c.is_typed())?;
    let chunks = chunks(batches);
    let states = on_threads(
        &chunks,
        options.threads(),
        // Ids are checked for repeats after the parse, as with several
        // threads reading a file.
        || Tally::new(options.checkpoints(), false),
        |tally, seq, (b, start, end)| match read_chunk(&views[b], start, end, tally) {
            Some(ids) => {
                tally.defer_ids(seq, ids);
                true
            }
            None => false,
        },
    )?;
    if has_repeats(&states) {
        return None;
    }
    if chunks.is_empty() {
        // No row at all: the text path says so.
        return None;
    }
    Some(ActivationReport::assemble(states, Vec::new(), options))
}

/// Counts the rows `start..end`; their parent ids, or `None` at the first
/// row the text path must read.
fn read_chunk(
    cells: &[Cells<'_>],
    start: usize,
    end: usize,
    tally: &mut Tally,
) -> Option<Vec<u32>> {
    let [parent, student, class, school, access, applied, activated] = cells else {
        return None;
    };
    let mut ids = Vec::with_capacity(end - start);
    for i in start..end {
        let row = ParentRow {
            parent: parent.id(i)?,
            school: school.id(i)?,
            has_access: access.flag(i)?,
            activated_day: activated.optional_day(i)?,
        };
        student.id(i)?;
        class.id(i)?;
        if let (Some(a), Some(b)) = (applied.optional_day(i)?, activated.optional_day(i)?)
            && b < a
        {
            return None;
        }
        ids.push(row.parent);
        tally.count(&row);
    }
    Some(ids)
}

/// The rows of `columns` in `batches` as the text of a CSV file, for the
/// tests that compare the typed and the text paths.
#[cfg(test)]
pub(super) fn csv_text(batches: &[RecordBatch], columns: &[&str]) -> Vec<u8> {
    let mut out = columns.join(",").into_bytes();
    out.push(b'\n');
    let mut days = super::frame_cells::DayTexts::new();
    for batch in batches {
        let cells: Vec<Cells<'_>> = columns
            .iter()
            .filter_map(|c| Cells::of(batch.column_by_name(c)?.as_ref(), c).ok())
            .collect();
        for i in 0..batch.num_rows() {
            for (k, c) in cells.iter().enumerate() {
                if k > 0 {
                    out.push(b',');
                }
                c.write(i, &mut out, &mut days);
            }
            out.push(b'\n');
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use arrow_array::{ArrayRef, BooleanArray, Date32Array, Int32Array, Int64Array, StringArray};

    use super::*;

    fn batch(parents: Vec<i64>, activated: Vec<Option<i32>>) -> RecordBatch {
        let n = parents.len();
        let ids = |v: Vec<i64>| Arc::new(Int64Array::from(v)) as ArrayRef;
        RecordBatch::try_from_iter([
            ("parent_id", ids(parents)),
            (
                "student_id",
                Arc::new(Int32Array::from(vec![1; n])) as ArrayRef,
            ),
            ("class_id", ids(vec![1; n])),
            ("school_id", ids((0..n as i64).map(|i| 7 + i % 2).collect())),
            (
                "has_access",
                Arc::new(BooleanArray::from(vec![true; n])) as ArrayRef,
            ),
            (
                "applied_on",
                Arc::new(Date32Array::from(vec![Some(16_300); n])) as ArrayRef,
            ),
            (
                "activated_on",
                Arc::new(Date32Array::from(activated)) as ArrayRef,
            ),
        ])
        .unwrap()
    }

    fn text_path(batches: &[RecordBatch], options: &ActivationOptions) -> String {
        ActivationReport::from_reader(csv_text(batches, &COLUMNS).as_slice(), options)
            .unwrap()
            .to_csv()
    }

    #[test]
    fn typed_columns_give_the_report_of_their_text() {
        let activated = (0..200_000)
            .map(|i| (i % 3 == 0).then_some(16_330 + i % 90))
            .collect();
        let whole = batch((1..=200_000).collect(), activated);
        let batches = [whole.slice(0, 70_000), whole.slice(70_000, 130_000)];
        for threads in [1, 2] {
            let options = ActivationOptions::default().with_threads(threads);
            let typed = activation(&batches, &options).expect("typed columns are read as they are");
            assert_eq!(typed.to_csv(), text_path(&batches, &options));
        }
    }

    #[test]
    fn anything_the_rules_must_name_goes_to_the_text_path() {
        let options = ActivationOptions::default();
        // A repeated parent id, in two chunks read by different threads.
        let twice = batch(vec![1, 2, 1], vec![None; 3]);
        assert!(activation(&[twice], &options).is_none());
        // Activated before applying.
        let early = batch(vec![1, 2], vec![Some(16_000), None]);
        assert!(activation(&[early], &options).is_none());
        // A negative id, a null id, a string column.
        let negative = batch(vec![1, -2], vec![None; 2]);
        assert!(activation(&[negative], &options).is_none());
        let b = batch(vec![1, 2], vec![None; 2]);
        let with = |name: &str, col: ArrayRef| {
            RecordBatch::try_from_iter(b.schema().fields().iter().zip(b.columns()).map(|(f, c)| {
                let c = if f.name() == name {
                    col.clone()
                } else {
                    c.clone()
                };
                (f.name().clone(), c)
            }))
            .unwrap()
        };
        let null_id = Arc::new(Int64Array::from(vec![Some(1), None])) as ArrayRef;
        assert!(activation(&[with("class_id", null_id)], &options).is_none());
        let text = Arc::new(StringArray::from(vec!["1", "2"])) as ArrayRef;
        assert!(activation(&[with("parent_id", text)], &options).is_none());
        assert!(activation(std::slice::from_ref(&b), &options).is_some());
        assert!(activation(&[], &options).is_none());
    }
}

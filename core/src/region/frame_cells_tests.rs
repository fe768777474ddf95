//! Tests of the frame's cells as text and as typed values.
#![allow(clippy::unwrap_used)] // test code: helpers outside #[test] functions too

use super::frame_cells::*;
use arrow_array::{
    Array, Date32Array, Decimal128Array, DictionaryArray, Float64Array, Int64Array, StringArray,
    UInt16Array,
};
use std::sync::Arc;

fn text(cells: &Cells<'_>, i: usize) -> String {
    let mut out = Vec::new();
    cells.write(i, &mut out, &mut DayTexts::new());
    String::from_utf8(out).unwrap()
}

#[test]
fn values_are_written_as_csv_text() {
    let ints = Int64Array::from(vec![Some(7), None, Some(-3)]);
    let c = Cells::of(&ints, "parent_id").unwrap();
    assert_eq!([text(&c, 0), text(&c, 1), text(&c, 2)], ["7", "", "-3"]);
    let dates = Date32Array::from(vec![16_314, -719_163 - 1]);
    let c = Cells::of(&dates, "applied_on").unwrap();
    assert_eq!(text(&c, 0), "2014-09-01");
    assert!(text(&c, 1).starts_with("day "));
    let dec = Decimal128Array::from(vec![150, 25, 100, 3])
        .with_precision_and_scale(5, 2)
        .unwrap();
    let c = Cells::of(&dec, "weight").unwrap();
    assert_eq!(
        [text(&c, 0), text(&c, 1), text(&c, 2), text(&c, 3)],
        ["1.5", "0.25", "1", "0.03"]
    );
    let s = StringArray::from(vec!["a,b\"c\nd"]);
    assert_eq!(text(&Cells::of(&s, "work_type").unwrap(), 0), "a?b?c?d");
    let dict: DictionaryArray<arrow_array::types::Int8Type> =
        vec![Some("test"), None, Some("answer")]
            .into_iter()
            .collect();
    let c = Cells::of(&dict, "work_type").unwrap();
    assert_eq!(
        [text(&c, 0), text(&c, 1), text(&c, 2)],
        ["test", "", "answer"]
    );
    let u = UInt16Array::from(vec![65_535]);
    assert_eq!(text(&Cells::of(&u, "mark").unwrap(), 0), "65535");
}

#[test]
fn day_texts_are_right_when_days_share_a_slot() {
    let mut days = DayTexts::new();
    let mut out = Vec::new();
    let apart = DAY_SLOTS as i64;
    for d in [16_314, 16_314 + apart, 16_314, -719_164, 16_314 + apart] {
        days.push(&mut out, d);
        out.push(b' ');
    }
    assert_eq!(
        String::from_utf8(out).unwrap(),
        "2014-09-01 2017-06-21 2014-09-01 day -719164 2017-06-21 "
    );
}

#[test]
fn the_day_bounds_are_those_of_the_date_rule() {
    use crate::region::values::day_number;
    assert_eq!(FIRST_DAY, day_number(1000, 1, 1));
    assert_eq!(LAST_DAY, day_number(9999, 12, 31));
    assert_eq!(EPOCH_DAY, day_number(1970, 1, 1));
    let dates = Date32Array::from(vec![Some(0), None, Some(FIRST_DAY - EPOCH_DAY - 1)]);
    let c = Cells::of(&dates, "applied_on").unwrap();
    assert_eq!(c.optional_day(0), Some(Some(EPOCH_DAY)));
    assert_eq!(c.optional_day(1), Some(None));
    assert_eq!(c.optional_day(2), None);
    let flags = Int64Array::from(vec![0, 1, 2]);
    let c = Cells::of(&flags, "has_access").unwrap();
    assert_eq!(
        [c.flag(0), c.flag(1), c.flag(2)],
        [Some(false), Some(true), None]
    );
    assert_eq!(c.id(2), Some(2));
}

#[test]
fn floats_are_refused_for_the_whole_column() {
    let floats: Arc<dyn Array> = Arc::new(Float64Array::from(vec![1.0]));
    let e = Cells::of(floats.as_ref(), "weight").err().unwrap();
    assert_eq!(e.code(), "region.frame_column_type");
    assert_eq!(e.column(), Some("weight"));
}

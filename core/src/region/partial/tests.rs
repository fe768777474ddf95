use proptest::prelude::*;

use super::*;

const HEADER: &str = "student_id,class_id,subject_id,lesson_date,mark,weight,work_type\n";

/// A mark row: student, subject, day of the school year (some outside
/// every term: the holidays, the summer), mark, weight.
fn row() -> impl Strategy<Value = String> {
    (1u32..60, 1u32..6, 0u64..300, 1u8..=5, 0usize..4).prop_map(|(s, subject, day, mark, w)| {
        let date = chrono::NaiveDate::from_ymd_opt(2014, 9, 1)
            .and_then(|d| d.checked_add_days(chrono::Days::new(day)))
            .unwrap_or_default();
        let weight = ["1", "1.5", "2", "0.25"][w];
        format!("{s},1,{subject},{date},{mark},{weight},answer\n")
    })
}

fn report(rows: &[String]) -> TermGradesReport {
    let text = format!("{HEADER}{}", rows.concat());
    TermGradesReport::from_reader(text.as_bytes(), &TermGradesOptions::default()).unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// Any split of the rows into pieces, shipped as bytes and merged in
    /// any order and grouping, finishes into the one-pass report.
    #[test]
    fn any_split_merged_in_any_order_gives_the_one_pass_bytes(
        rows in prop::collection::vec(row(), 0..200),
        cuts in prop::collection::vec(0usize..200, 0..6),
        order in any::<u64>(),
    ) {
        let options = TermGradesOptions::default();
        let whole = report(&rows);
        let mut cuts: Vec<usize> = cuts.into_iter().map(|c| c.min(rows.len())).collect();
        cuts.extend([0, rows.len()]);
        cuts.sort_unstable();
        let pieces: Vec<TermGradesPartial> = cuts
            .windows(2)
            .map(|w| {
                let bytes = report(&rows[w[0]..w[1]]).to_partial().to_bytes();
                TermGradesPartial::from_bytes(&bytes).unwrap()
            })
            .collect();
        let merged = crate::region::partial::merge_in_any_order(pieces, order, TermGradesPartial::merge)
            .unwrap_or_else(|| TermGradesPartial::empty(&options));
        prop_assert_eq!(merged.marks(), whole.marks());
        prop_assert_eq!(&merged, &whole.to_partial());
        prop_assert_eq!(merged.finish(&options).unwrap().to_csv(), whole.to_csv());
    }

    /// Bytes cut short or changed anywhere are refused or read as another
    /// valid partial, never a panic.
    #[test]
    fn damaged_bytes_never_panic(rows in prop::collection::vec(row(), 1..40), at in any::<usize>(), to in any::<u8>()) {
        let bytes = report(&rows).to_partial().to_bytes();
        let cut = at % bytes.len();
        prop_assert!(TermGradesPartial::from_bytes(&bytes[..cut]).is_err());
        let mut changed = bytes.clone();
        changed[cut] = to;
        if let Ok(p) = TermGradesPartial::from_bytes(&changed) {
            prop_assert!(p.finish(&TermGradesOptions::default()).is_ok() || p.groups() > 0);
        }
    }
}

#[test]
fn partials_of_other_terms_do_not_merge() {
    let rows = ["1,1,1,2014-09-02,5,1,answer\n".to_owned()];
    let q = report(&rows).to_partial();
    let semesters = TermGradesOptions::default().with_terms(
        ReportTerms::new(vec![crate::region::ReportTerm::new(
            crate::calendar::TermCode::parse("S1").unwrap(),
            crate::calendar::DateSpan::new(
                chrono::NaiveDate::from_ymd_opt(2014, 9, 1).unwrap(),
                chrono::NaiveDate::from_ymd_opt(2014, 12, 31).unwrap(),
            )
            .unwrap(),
        )])
        .unwrap(),
    );
    let mut s = TermGradesPartial::empty(&semesters);
    assert_eq!(s.merge(&q).unwrap_err().code(), "region.invalid_partial");
    assert_eq!(
        q.finish(&semesters).unwrap_err().code(),
        "region.invalid_partial"
    );
    let bytes = q.to_bytes();
    for bad in [
        &b"ZJTX"[..],
        &bytes[..3],
        &[&bytes[..4], &[2u8][..]].concat(),
    ] {
        assert_eq!(
            TermGradesPartial::from_bytes(bad).unwrap_err().code(),
            "region.invalid_partial"
        );
    }
}

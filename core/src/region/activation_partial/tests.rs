use proptest::prelude::*;

use super::*;

const HEADER: &str = "parent_id,student_id,class_id,school_id,has_access,applied_on,activated_on\n";

/// Rows of distinct parents (ids 1..=n, shuffled by `order`) in a few
/// schools, with and without access, activated on any day of the autumn
/// or not at all.
fn rows() -> impl Strategy<Value = Vec<String>> {
    prop::collection::vec(
        (1u32..6, any::<bool>(), prop::option::of(0u64..150)),
        0..120,
    )
    .prop_map(|rows| {
        rows.into_iter()
            .enumerate()
            .map(|(i, (school, access, activated))| {
                let on = activated
                    .and_then(|d| {
                        chrono::NaiveDate::from_ymd_opt(2014, 9, 1)?
                            .checked_add_days(chrono::Days::new(d))
                    })
                    .map(|d| d.to_string())
                    .unwrap_or_default();
                let applied = if on.is_empty() { "" } else { "2014-09-01" };
                format!(
                    "{},{},1,{school},{},{applied},{on}\n",
                    i * 7 % 1000 + 1,
                    i + 1,
                    u8::from(access)
                )
            })
            .collect()
    })
}

fn options() -> ActivationOptions {
    ActivationOptions::default().with_parent_ids(true)
}

fn report(rows: &[String]) -> Result<ActivationReport, RegionError> {
    let text = format!("{HEADER}{}", rows.concat());
    ActivationReport::from_reader(text.as_bytes(), &options())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// Any split into pieces, shipped as bytes and merged in any order and
    /// grouping, finishes into the one-pass report.
    #[test]
    fn any_split_merged_in_any_order_gives_the_one_pass_bytes(
        rows in rows(),
        cuts in prop::collection::vec(0usize..120, 0..6),
        order in any::<u64>(),
    ) {
        let Ok(whole) = report(&rows) else {
            // Ids repeat (i × 7 mod 1000 wraps): no report in one pass.
            return Ok(());
        };
        let mut cuts: Vec<usize> = cuts.into_iter().map(|c| c.min(rows.len())).collect();
        cuts.extend([0, rows.len()]);
        cuts.sort_unstable();
        let pieces: Vec<ActivationPartial> = cuts
            .windows(2)
            .map(|w| {
                let partial = match report(&rows[w[0]..w[1]]) {
                    Ok(r) => r.to_partial().unwrap(),
                    // A piece without rows is an empty input.
                    Err(_) => ActivationPartial::empty(&options()),
                };
                ActivationPartial::from_bytes(&partial.to_bytes()).unwrap()
            })
            .collect();
        let merged = crate::region::partial::merge_in_any_order(pieces, order, ActivationPartial::merge)
            .unwrap_or_else(|| ActivationPartial::empty(&options()));
        prop_assert_eq!(merged.parents(), whole.parents());
        prop_assert_eq!(merged.finish(&options()).unwrap().to_csv(), whole.to_csv());
    }

    /// Damaged bytes are refused or read as some other partial: no panic.
    #[test]
    fn damaged_bytes_never_panic(rows in rows(), at in any::<usize>(), to in any::<u8>()) {
        let Ok(whole) = report(&rows) else { return Ok(()) };
        let bytes = whole.to_partial().unwrap().to_bytes();
        let cut = at % bytes.len();
        prop_assert!(ActivationPartial::from_bytes(&bytes[..cut]).is_err());
        let mut changed = bytes;
        changed[cut] = to;
        let _ = ActivationPartial::from_bytes(&changed);
    }
}

#[test]
fn a_report_without_its_ids_gives_no_partial() {
    let text = format!("{HEADER}1,1,1,7,1,,\n");
    let plain =
        ActivationReport::from_reader(text.as_bytes(), &ActivationOptions::default()).unwrap();
    assert_eq!(
        plain.to_partial().unwrap_err().code(),
        "region.invalid_partial"
    );
    let other = ActivationOptions::default()
        .with_checkpoints(Checkpoints::new(Vec::new()).unwrap())
        .with_parent_ids(true);
    let mut empty = ActivationPartial::empty(&other);
    let ours = report(&["1,1,1,7,1,,\n".to_owned()])
        .unwrap()
        .to_partial()
        .unwrap();
    assert_eq!(
        empty.merge(&ours).unwrap_err().code(),
        "region.invalid_partial"
    );
    assert_eq!(
        ours.finish(&other).unwrap_err().code(),
        "region.invalid_partial"
    );
    let e = ours.clone().merge(&ours).unwrap_err();
    assert_eq!(
        (e.code(), e.column()),
        ("region.duplicate_parent", Some("parent_id"))
    );
}

//! Hand-computed activation reports: edge rules, ties, empty regions,
//! other checkpoints and columns.

use super::*;

#[test]
fn activation_edge_rules_by_hand() {
    // School 10: 4 eligible. Parent 1 activates on the checkpoint day
    // (counts), parent 2 the day after (not yet), parent 3 never, parent 4
    // on 2014-09-15. Parent 5 has no access but activated: counts nowhere.
    // School 2: one eligible, activated 2014-11-01. School 7: no access at
    // all, so no row.
    let csv = format!(
        "{PARENTS}\
         1,1,1,10,1,2014-09-10,2014-10-01\n\
         2,1,1,10,1,2014-09-10,2014-10-02\n\
         3,2,1,10,1,,\n\
         4,3,1,10,1,2014-09-01,2014-09-15\n\
         5,3,1,10,0,2014-09-01,2014-09-02\n\
         6,4,2,2,1,2014-10-20,2014-11-01\n\
         7,5,3,7,0,2014-09-01,2014-09-03\n"
    );
    let report = activation(&csv).unwrap();
    let expected = "checkpoint,school_id,eligible,activated,share,status\n\
        2014-10-01,2,1,0,0.00,below\n\
        2014-10-01,10,4,2,50.00,above\n\
        2014-10-01,all,5,2,40.00,on_target\n\
        2014-11-01,2,1,1,100.00,above\n\
        2014-11-01,10,4,3,75.00,above\n\
        2014-11-01,all,5,4,80.00,above\n\
        2014-12-01,2,1,1,100.00,on_target\n\
        2014-12-01,10,4,3,75.00,on_target\n\
        2014-12-01,all,5,4,80.00,on_target\n\
        2015-01-01,2,1,1,100.00,on_target\n\
        2015-01-01,10,4,3,75.00,below\n\
        2015-01-01,all,5,4,80.00,below\n";
    assert_eq!(report.to_csv(), expected);
    assert_eq!(report.parents(), 7);
    let all = report
        .rows()
        .iter()
        .find(|r| r.scope == ReportScope::Region)
        .unwrap();
    assert_eq!(all.count, ac(5, 2));
    assert_eq!(all.status, Some(BandStatus::OnTarget));
}

#[test]
fn activation_share_ties_round_half_up() {
    // 13 of 32 = 40.625 → 40.63: above [30,40], below [41,60].
    let mut csv = PARENTS.to_owned();
    for p in 1..=32 {
        let activated = if p <= 13 { "2014-09-20" } else { "" };
        csv.push_str(&format!("{p},{p},1,1,1,2014-09-01,{activated}\n"));
    }
    let report = activation(&csv).unwrap();
    let text = report.to_csv();
    assert!(
        text.contains("\n2014-10-01,1,32,13,40.63,above\n"),
        "{text}"
    );
    assert!(
        text.contains("\n2014-11-01,1,32,13,40.63,below\n"),
        "{text}"
    );

    // 19999 of 20000 = 99.995 → 100.00: on target for [100,100].
    let mut csv = PARENTS.to_owned();
    for p in 1..=20_000 {
        let activated = if p == 1 { "" } else { "2014-12-31" };
        csv.push_str(&format!("{p},{p},1,4,1,2014-09-01,{activated}\n"));
    }
    let report = activation(&csv).unwrap();
    assert!(report.to_csv().ends_with(
        "2015-01-01,4,20000,19999,100.00,on_target\n2015-01-01,all,20000,19999,100.00,on_target\n"
    ));
}

#[test]
fn activation_without_eligible_parents() {
    let report = activation(&format!("{PARENTS}1,1,1,3,0,,2014-09-01\n")).unwrap();
    assert_eq!(
        report.to_csv(),
        "checkpoint,school_id,eligible,activated,share,status\n\
         2014-10-01,all,0,0,,na\n2014-11-01,all,0,0,,na\n\
         2014-12-01,all,0,0,,na\n2015-01-01,all,0,0,,na\n"
    );
    assert_eq!(report.rows()[0].share, None);
    assert_eq!(report.rows()[0].status, None);
}

#[test]
fn activation_with_other_checkpoints_and_columns() {
    let band = crate::activation::TargetBand::new(Decimal::from(50), Decimal::from(50)).unwrap();
    let checkpoints = crate::activation::Checkpoints::new(vec![crate::activation::Checkpoint {
        date: day("2014-09-30"),
        band,
    }])
    .unwrap();
    let options = ActivationOptions::default()
        .with_checkpoints(checkpoints)
        .with_threads(1);
    // Columns in another order, one extra column, CRLF and quotes.
    let csv = "note,activated_on,school_id,has_access,applied_on,class_id,student_id,parent_id\r\n\
               \"a, b\",2014-09-30,5,1,,1,1,1\r\nx,,5,1,,1,1,2\r\n";
    let report = ActivationReport::from_reader(csv.as_bytes(), &options).unwrap();
    assert_eq!(
        report.to_csv(),
        "checkpoint,school_id,eligible,activated,share,status\n\
         2014-09-30,5,2,1,50.00,on_target\n2014-09-30,all,2,1,50.00,on_target\n"
    );
}

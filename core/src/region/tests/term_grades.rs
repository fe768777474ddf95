//! Hand-computed term-grades reports: edge rules, thresholds, parameters,
//! empty reports, and the rows of both reports as JSON.

use super::*;
use crate::calendar::{DateSpan, TermCode};

#[test]
fn term_grade_edge_rules_by_hand() {
    let csv = format!(
        "{GRADES}\
         10,1,2,2014-09-01,5,1,answer\n\
         10,1,2,2014-10-31,4,1,answer\n\
         10,1,2,2014-10-15,4,1.5,test\n\
         9,1,12,2014-11-01,5,19.9,project\n\
         9,1,12,2014-12-31,4,10.05,control\n\
         9,1,12,2014-12-30,4,10.05,control\n\
         9,1,1,2015-01-12,2,1,answer\n\
         9,1,1,2015-03-22,3,1,answer\n\
         9,1,1,2015-01-05,5,3,control\n\
         9,1,1,2015-03-25,5,3,control\n\
         9,1,1,2014-08-31,5,3,control\n\
         9,1,1,2015-06-01,5,3,control\n\
         9,1,1,2015-03-30,3,1,answer\n\
         9,1,1,2015-05-31,4,2,project\n\
         9,1,1,2015-04-10,3,1,homework\n"
    );
    let report = term_grades(&csv).unwrap();
    // Student 9 sorts before 10, subject 1 before 12, terms in order.
    // 9/1/Q3: (2 + 3) / 2 = 2.50, n = 2 → na (the average is still shown);
    //   the marks of 05.01, 25.03, 31.08 and 01.06 are outside every term.
    // 9/1/Q4: (3 + 8 + 3) / 4 = 3.50 → 4.
    // 9/12/Q2: (99.5 + 40.2 + 40.2) / 40 = 4.4975 → 4.50 → 5 (a tie).
    // 10/2/Q1: (5 + 4 + 6) / 3.5 = 4.2857… → 4.29 → 4.
    assert_eq!(
        report.to_csv(),
        "student_id,subject_id,term,n_marks,avg,term_mark\n\
         9,1,Q3,2,2.50,na\n\
         9,1,Q4,3,3.50,4\n\
         9,12,Q2,3,4.50,5\n\
         10,2,Q1,3,4.29,4\n"
    );
    assert_eq!(report.marks(), 15);
    assert_eq!(report.marks_outside_terms(), 4);
    assert_eq!(report.len(), 4);
    let rows = report.rows();
    assert_eq!(rows[2].average, "4.50".parse::<Decimal>().unwrap());
    assert_eq!(rows[2].term_mark, PeriodMark::Mark(Points::FIVE));
    assert_eq!(rows[0].term_mark, PeriodMark::NotAttested);
    assert_eq!(rows[0].term, "Q3");
}

#[test]
fn term_marks_at_each_threshold() {
    // Three marks per subject; weights in hundredths make each average exact.
    type Marks = [(u8, &'static str); 3];
    let groups: [(Marks, &str, u8); 8] = [
        ([(2, "0.26"), (2, "0.25"), (3, "0.49")], "2.49", 2),
        ([(2, "0.25"), (2, "0.25"), (3, "0.5")], "2.50", 3),
        ([(3, "0.26"), (3, "0.25"), (4, "0.49")], "3.49", 3),
        ([(3, "0.25"), (3, "0.25"), (4, "0.5")], "3.50", 4),
        ([(3, "0.51"), (3, "0.50"), (4, "0.99")], "3.50", 4), // 3.495, a tie
        ([(4, "0.26"), (4, "0.25"), (5, "0.49")], "4.49", 4),
        ([(4, "0.25"), (4, "0.25"), (5, "0.5")], "4.50", 5),
        ([(4, "0.51"), (4, "0.50"), (5, "0.99")], "4.50", 5), // 4.495, a tie
    ];
    let mut csv = GRADES.to_owned();
    for (subject, (marks, _, _)) in groups.iter().enumerate() {
        for (i, (mark, weight)) in marks.iter().enumerate() {
            csv.push_str(&format!(
                "1,1,{},2014-09-0{},{mark},{weight},test\n",
                subject + 1,
                i + 2
            ));
        }
    }
    let report = term_grades(&csv).unwrap();
    let rows = report.rows();
    assert_eq!(rows.len(), 8);
    for (row, (_, avg, mark)) in rows.iter().zip(groups) {
        assert_eq!(row.average.to_string(), avg);
        assert_eq!(
            row.term_mark,
            PeriodMark::Mark(Points::new(mark).unwrap()),
            "{avg}"
        );
    }
}

#[test]
fn policy_and_terms_are_parameters() {
    let csv = format!(
        "{GRADES}1,1,1,2014-09-02,5,1,answer\n1,1,1,2014-09-03,2,1,answer\n1,1,1,2014-09-04,5,10,answer\n"
    );
    // (5 + 2 + 50) / 12 = 4.75 → 5, capped at 4 by "no 5 with a 2".
    let policy = PeriodMarkPolicy::default().with_no_five_with_two(true);
    let span = |a, b| DateSpan::new(day(a), day(b)).unwrap();
    let h1 = ReportTerm::new(
        TermCode::parse("S1").unwrap(),
        span("2014-09-01", "2014-09-03"),
    );
    let h2 = ReportTerm::new(
        TermCode::parse("S2").unwrap(),
        span("2014-09-04", "2014-12-31"),
    );
    let options = TermGradesOptions::default()
        .with_policy(policy)
        .with_terms(ReportTerms::new(vec![h1, h2]).unwrap());
    let report = TermGradesReport::from_reader(csv.as_bytes(), &options).unwrap();
    assert_eq!(
        report.to_csv(),
        "student_id,subject_id,term,n_marks,avg,term_mark\n1,1,S1,2,3.50,na\n1,1,S2,1,5.00,na\n"
    );
    let one_term = ReportTerms::new(vec![ReportTerm::new(
        TermCode::YEAR,
        span("2014-09-01", "2015-05-31"),
    )])
    .unwrap();
    let options = options.with_terms(one_term);
    let report = TermGradesReport::from_reader(csv.as_bytes(), &options).unwrap();
    assert_eq!(
        report.to_csv(),
        "student_id,subject_id,term,n_marks,avg,term_mark\n1,1,Y,3,4.75,4\n"
    );
    // more subjects than the default 12
    let csv = format!("{GRADES}1,1,20,2014-09-02,5,1,answer\n");
    assert_eq!(
        term_grades(&csv).unwrap_err().code(),
        "region.subject_out_of_range"
    );
    let options = TermGradesOptions::default().with_max_subject(20).unwrap();
    let report = TermGradesReport::from_reader(csv.as_bytes(), &options).unwrap();
    assert_eq!(report.rows()[0].subject.get(), 20);
}

#[test]
fn empty_reports() {
    let report = term_grades(GRADES).unwrap();
    assert!(report.is_empty());
    assert_eq!(
        report.to_csv(),
        "student_id,subject_id,term,n_marks,avg,term_mark\n"
    );
    assert_eq!(term_grades("").unwrap_err().code(), "region.empty_input");
    assert_eq!(activation("").unwrap_err().code(), "region.empty_input");
}

#[test]
fn report_rows_round_trip_through_json() {
    let parents = "parent_id,student_id,class_id,school_id,has_access,applied_on,activated_on\n\
                   1,10,100,7,1,2014-09-03,2014-10-01\n\
                   2,11,100,7,1,2014-09-04,\n";
    let report = activation(parents).unwrap();
    let json = serde_json::to_string(report.rows()).unwrap();
    assert!(json.contains(r#""scope":{"school":7}"#), "{json}");
    assert!(json.contains(r#""scope":"region""#), "{json}");
    let back: Vec<ActivationRow> = serde_json::from_str(&json).unwrap();
    assert_eq!(back, report.rows());

    let grades = "student_id,class_id,subject_id,lesson_date,mark,weight,work_type\n\
                  10,100,1,2014-09-02,5,1,answer\n";
    let grades = term_grades(grades).unwrap();
    let rows = grades.rows();
    let json = serde_json::to_string(&rows).unwrap();
    let back: Vec<TermGradeRow> = serde_json::from_str(&json).unwrap();
    assert_eq!(back, rows);
    assert_eq!(back[0].term_mark, PeriodMark::NotAttested);
}

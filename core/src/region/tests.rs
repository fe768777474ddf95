//! Hand-computed regions for every edge rule, malformed input, and the
//! bulk path against the in-memory model on random regions.

use std::collections::BTreeMap;
use std::path::PathBuf;

use chrono::NaiveDate;
use proptest::prelude::*;
use rust_decimal::Decimal;

use super::*;
use crate::activation::{ActivationCount, BandStatus};
use crate::calendar::{DateSpan, TermCode};
use crate::demo::RegionGenerator;
use crate::marks::{PeriodMark, PeriodMarkPolicy, Points, Weight, WeightedAverage};

const PARENTS: &str =
    "parent_id,student_id,class_id,school_id,has_access,applied_on,activated_on\n";
const GRADES: &str = "student_id,class_id,subject_id,lesson_date,mark,weight,work_type\n";

fn ac(eligible: u64, activated: u64) -> ActivationCount {
    ActivationCount::new(eligible, activated).unwrap()
}

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn activation(csv: &str) -> Result<ActivationReport, RegionError> {
    ActivationReport::from_reader(csv.as_bytes(), &ActivationOptions::default())
}

fn term_grades(csv: &str) -> Result<TermGradesReport, RegionError> {
    TermGradesReport::from_reader(csv.as_bytes(), &TermGradesOptions::default())
}

/// A temporary file that is removed on drop.
struct TempFile(PathBuf);

impl TempFile {
    fn new(name: &str, bytes: &[u8]) -> TempFile {
        use std::sync::atomic::{AtomicU32, Ordering};
        static N: AtomicU32 = AtomicU32::new(0);
        let dir = std::env::temp_dir().join(format!(
            "zhurnal-region-{}-{}",
            std::process::id(),
            N.fetch_add(1, Ordering::Relaxed)
        ));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join(name);
        std::fs::write(&path, bytes).unwrap();
        TempFile(path)
    }
}

impl Drop for TempFile {
    fn drop(&mut self) {
        if let Some(dir) = self.0.parent() {
            let _ = std::fs::remove_dir_all(dir);
        }
    }
}

// ---------------------------------------------------------------- activation

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

// --------------------------------------------------------------- term grades

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

// ------------------------------------------------------------ malformed input

#[test]
fn malformed_grades_name_line_and_column() {
    let cases: [(&str, &str, &str); 16] = [
        (
            "x,1,1,2014-09-01,5,1,answer",
            "region.invalid_id",
            "student_id",
        ),
        (
            ",1,1,2014-09-01,5,1,answer",
            "region.missing_value",
            "student_id",
        ),
        (
            "1,-1,1,2014-09-01,5,1,answer",
            "region.invalid_id",
            "class_id",
        ),
        (
            "1,1,13,2014-09-01,5,1,answer",
            "region.subject_out_of_range",
            "subject_id",
        ),
        (
            "1,1,0,2014-09-01,5,1,answer",
            "region.subject_out_of_range",
            "subject_id",
        ),
        (
            "1,1,1,2014-09-31,5,1,answer",
            "region.invalid_date",
            "lesson_date",
        ),
        (
            "1,1,1,01.09.2014,5,1,answer",
            "region.invalid_date",
            "lesson_date",
        ),
        (
            "1,1,1,2014-09-01,6,1,answer",
            "region.mark_out_of_scale",
            "mark",
        ),
        (
            "1,1,1,2014-09-01,0,1,answer",
            "region.mark_out_of_scale",
            "mark",
        ),
        (
            "1,1,1,2014-09-01,five,1,answer",
            "region.mark_out_of_scale",
            "mark",
        ),
        (
            "1,1,1,2014-09-01,5,0,answer",
            "region.invalid_weight",
            "weight",
        ),
        (
            "1,1,1,2014-09-01,5,1.555,answer",
            "region.invalid_weight",
            "weight",
        ),
        (
            "1,1,1,2014-09-01,5,101,answer",
            "region.invalid_weight",
            "weight",
        ),
        (
            "1,1,1,2014-09-01,5,1,Answer",
            "region.invalid_work_type",
            "work_type",
        ),
        ("1,1,1,2014-09-01,5,1,", "region.missing_value", "work_type"),
        ("1,1,1,2014-09-01,,1,answer", "region.missing_value", "mark"),
    ];
    for (row, code, column) in cases {
        let csv = format!("{GRADES}1,1,1,2014-09-01,5,1,answer\n{row}\n");
        let e = term_grades(&csv).unwrap_err();
        assert_eq!(
            (e.code(), e.line(), e.column()),
            (code, Some(3), Some(column)),
            "{row}"
        );
    }
    for (row, code) in [
        ("1,1,1,2014-09-01,5,1", "region.field_count"),
        ("1,1,1,2014-09-01,5,1,answer,extra", "region.field_count"),
        ("1,1,1,\"2014-09-01,5,1,answer", "region.bad_quoting"),
    ] {
        let e = term_grades(&format!("{GRADES}{row}\n")).unwrap_err();
        assert_eq!((e.code(), e.line()), (code, Some(2)), "{row}");
    }
    // quoted values are read as values
    let ok = term_grades(&format!(
        "{GRADES}\"1\",1,1,\"2014-09-01\",5,\"1.5\",\"answer\"\n"
    ))
    .unwrap();
    assert_eq!(ok.len(), 1);
    let e = term_grades("student_id,class_id,subject_id,lesson_date,mark,weight\n").unwrap_err();
    assert_eq!(e.to_string(), "the header has no column \"work_type\"");
    let e = term_grades("student_id,class_id,subject_id,lesson_date,mark,weight,work_type,mark\n")
        .unwrap_err();
    assert_eq!(e.code(), "region.duplicate_column");
}

#[test]
fn malformed_parents_name_line_and_column() {
    let cases: [(&str, &str, &str); 6] = [
        ("x,1,1,1,1,,", "region.invalid_id", "parent_id"),
        ("2,1,1,,1,,", "region.missing_value", "school_id"),
        ("2,1,1,1,yes,,", "region.invalid_flag", "has_access"),
        ("2,1,1,1,1,2014-9-1,", "region.invalid_date", "applied_on"),
        (
            "2,1,1,1,1,,2014-02-30",
            "region.invalid_date",
            "activated_on",
        ),
        (
            "2,1,1,1,1,2014-10-02,2014-10-01",
            "region.activated_before_applied",
            "activated_on",
        ),
    ];
    for (row, code, column) in cases {
        let csv = format!("{PARENTS}1,1,1,1,1,,\n{row}\n");
        let e = activation(&csv).unwrap_err();
        assert_eq!(
            (e.code(), e.line(), e.column()),
            (code, Some(3), Some(column)),
            "{row}"
        );
    }
    let e = activation(&format!("{PARENTS}1,1,1,1,1,,\n1,2,1,1,1,,\n")).unwrap_err();
    assert_eq!(e.to_string(), "line 3: parent#1 already appeared on line 2");
}

#[test]
fn rejects_are_listed_and_left_out() {
    let clean = format!("{GRADES}1,1,1,2014-09-01,5,1,answer\n1,1,1,2014-09-02,4,1,answer\n");
    let dirty = format!(
        "{GRADES}1,1,1,2014-09-01,5,1,answer\n1,1,1,2014-09-31,5,1,answer\n\n1,1,1,2014-09-02,4,1,answer\n1,1,1,2014-09-02,9,1,answer\n"
    );
    let options = TermGradesOptions::default().with_malformed_rows(MalformedRows::Collect);
    let report = TermGradesReport::from_reader(dirty.as_bytes(), &options).unwrap();
    let lines: Vec<_> = report
        .rejects()
        .iter()
        .map(|e| (e.code(), e.line()))
        .collect();
    assert_eq!(
        lines,
        vec![
            ("region.invalid_date", Some(3)),
            ("region.mark_out_of_scale", Some(6))
        ]
    );
    assert_eq!(report.to_csv(), term_grades(&clean).unwrap().to_csv());
    assert_eq!(report.marks(), 2);

    let options = ActivationOptions::default().with_malformed_rows(MalformedRows::Collect);
    let csv = format!("{PARENTS}1,1,1,1,1,,2014-09-01\n1,1,1,1,1,,\n2,1,1,1,2,,\n3,1,1,1,1,,\n");
    let report = ActivationReport::from_reader(csv.as_bytes(), &options).unwrap();
    let lines: Vec<_> = report
        .rejects()
        .iter()
        .map(|e| (e.code(), e.line()))
        .collect();
    assert_eq!(
        lines,
        vec![
            ("region.duplicate_parent", Some(3)),
            ("region.invalid_flag", Some(4))
        ]
    );
    assert_eq!(report.parents(), 2);
}

/// A region large enough for many blocks, with errors planted in it.
fn planted(parents: u64) -> (String, String) {
    let g = RegionGenerator::new(parents, 77).unwrap();
    let (mut p, mut m) = (Vec::new(), Vec::new());
    g.write_parents(&mut p).unwrap();
    g.write_grades(&mut m).unwrap();
    (String::from_utf8(p).unwrap(), String::from_utf8(m).unwrap())
}

fn replace_line(text: &str, line: usize, with: &str) -> String {
    text.lines()
        .enumerate()
        .map(|(i, l)| if i + 1 == line { with } else { l })
        .collect::<Vec<_>>()
        .join("\n")
        + "\n"
}

#[test]
fn first_error_and_rejects_are_the_same_on_any_number_of_threads() {
    let (parents, grades) = planted(12_000);
    let lines = grades.lines().count();
    assert!(grades.len() > 3 * (1 << 21), "several blocks");
    let late = lines - 10;
    let early = lines / 2;
    let bad = replace_line(
        &replace_line(&grades, late, "1,1,1,2014-09-01,7,1,answer"),
        early,
        "1,1,1,2014-09-01,5,1",
    );
    let file = TempFile::new("grades.csv", bad.as_bytes());
    for threads in [1, 2, 3] {
        let options = TermGradesOptions::default().with_threads(threads);
        let e = TermGradesReport::from_path(&file.0, &options).unwrap_err();
        assert_eq!(
            (e.code(), e.line()),
            ("region.field_count", Some(early as u64))
        );
        let options = options.with_malformed_rows(MalformedRows::Collect);
        let r = TermGradesReport::from_path(&file.0, &options).unwrap();
        let got: Vec<_> = r.rejects().iter().map(|e| e.line()).collect();
        assert_eq!(got, vec![Some(early as u64), Some(late as u64)]);
    }
    // A repeated parent id far apart: found by the parallel path too.
    let plines = parents.lines().count();
    let repeated = replace_line(&parents, plines - 1, "5,1,1,1,1,,");
    let file = TempFile::new("parents.csv", repeated.as_bytes());
    for threads in [1, 2] {
        let options = ActivationOptions::default().with_threads(threads);
        let e = ActivationReport::from_path(&file.0, &options).unwrap_err();
        assert_eq!(
            e.to_string(),
            format!("line {}: parent#5 already appeared on line 6", plines - 1)
        );
    }
}

// ------------------------------------------------------ bulk path vs model

/// The in-memory model: one row at a time with the crate's own types.
fn model_term_grades(grades: &str, options: &TermGradesOptions) -> String {
    let mut groups: BTreeMap<(u32, u32, usize), WeightedAverage> = BTreeMap::new();
    let mut reader = csv::Reader::from_reader(grades.as_bytes());
    let headers = reader.headers().unwrap().clone();
    let col = |name: &str| headers.iter().position(|h| h == name).unwrap();
    let (student, subject, date, mark, weight) = (
        col("student_id"),
        col("subject_id"),
        col("lesson_date"),
        col("mark"),
        col("weight"),
    );
    for record in reader.records() {
        let r = record.unwrap();
        let date = day(&r[date]);
        let Some(term) = options.terms().all().iter().position(|t| t.contains(date)) else {
            continue;
        };
        let mark = Points::new(r[mark].parse().unwrap()).unwrap();
        let weight: Weight = r[weight].parse().unwrap();
        groups
            .entry((
                r[student].parse().unwrap(),
                r[subject].parse().unwrap(),
                term,
            ))
            .or_default()
            .add(mark, weight);
    }
    let mut out = String::from("student_id,subject_id,term,n_marks,avg,term_mark\n");
    for ((student, subject, term), avg) in groups {
        let mark = match options.policy().period_mark(&avg) {
            PeriodMark::Mark(p) => p.to_string(),
            _ => "na".to_owned(),
        };
        out.push_str(&format!(
            "{student},{subject},{},{},{},{mark}\n",
            options.terms().all()[term].code(),
            avg.count(),
            avg.shown().unwrap()
        ));
    }
    out
}

fn model_activation(parents: &str, options: &ActivationOptions) -> String {
    let mut out = String::from("checkpoint,school_id,eligible,activated,share,status\n");
    let mut reader = csv::Reader::from_reader(parents.as_bytes());
    let rows: Vec<(u32, bool, Option<NaiveDate>)> = reader
        .records()
        .map(|r| {
            let r = r.unwrap();
            (
                r[3].parse().unwrap(),
                &r[4] == "1",
                (!r[6].is_empty()).then(|| day(&r[6])),
            )
        })
        .collect();
    for cp in options.checkpoints() {
        let mut schools: BTreeMap<u32, ActivationCount> = BTreeMap::new();
        let mut all = ActivationCount::default();
        for &(school, access, activated) in &rows {
            schools
                .entry(school)
                .or_default()
                .count(access, activated, cp.date);
            all.count(access, activated, cp.date);
        }
        let mut line = |scope: String, c: ActivationCount| {
            let share = c.share().map(|s| s.to_string()).unwrap_or_default();
            let status = c.status(&cp.band).map_or("na", BandStatus::as_str);
            out.push_str(&format!(
                "{},{scope},{},{},{share},{status}\n",
                cp.date,
                c.eligible(),
                c.activated()
            ));
        };
        for (school, c) in schools {
            if c.eligible() > 0 {
                line(school.to_string(), c);
            }
        }
        line("all".to_owned(), all);
    }
    out
}

#[test]
fn generated_region_matches_the_model_on_one_and_two_threads() {
    let (parents, grades) = planted(8_000);
    let pfile = TempFile::new("parents.csv", parents.as_bytes());
    let gfile = TempFile::new("grades.csv", grades.as_bytes());
    let t_expected = model_term_grades(&grades, &TermGradesOptions::default());
    let a_expected = model_activation(&parents, &ActivationOptions::default());
    for threads in [1, 2] {
        let t = TermGradesReport::from_path(
            &gfile.0,
            &TermGradesOptions::default().with_threads(threads),
        )
        .unwrap();
        assert_eq!(t.to_csv(), t_expected);
        let a = ActivationReport::from_path(
            &pfile.0,
            &ActivationOptions::default().with_threads(threads),
        )
        .unwrap();
        assert_eq!(a.to_csv(), a_expected);
    }
}

#[test]
fn every_status_occurs_in_a_generated_region() {
    let mut parents = Vec::new();
    RegionGenerator::new(40_000, 1)
        .unwrap()
        .write_parents(&mut parents)
        .unwrap();
    let report =
        ActivationReport::from_reader(parents.as_slice(), &ActivationOptions::default()).unwrap();
    let statuses: std::collections::HashSet<_> =
        report.rows().iter().filter_map(|r| r.status).collect();
    assert_eq!(statuses.len(), 3, "{statuses:?}");
}

fn weight_text() -> impl Strategy<Value = &'static str> {
    prop::sample::select(vec![
        "1", "1.5", "2", "3", "0.25", "19.9", "10.05", "0.01", "100",
    ])
}

fn grade_rows() -> impl Strategy<Value = Vec<(u32, u32, i64, u8, &'static str)>> {
    // student, subject, day offset from 2014-08-25, mark, weight
    prop::collection::vec(
        (1u32..12, 1u32..=12, 0i64..290, 1u8..=5, weight_text()),
        0..300,
    )
}

fn parent_rows() -> impl Strategy<Value = Vec<(u32, bool, Option<i64>)>> {
    // school, has access, activation day offset from 2014-09-01
    prop::collection::vec(
        (1u32..6, any::<bool>(), prop::option::of(0i64..140)),
        0..200,
    )
}

/// One field written in one of the forms a CSV file may use for it.
fn spelled(value: &str, form: u8) -> String {
    match form % 4 {
        0 => value.to_owned(),
        1 => format!("\"{value}\""),
        2 if value.bytes().all(|b| b.is_ascii_digit()) => format!("0{value}"),
        3 if value.contains('.') => format!("{value}0"),
        _ => value.to_owned(),
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn any_spelling_and_column_order_gives_the_models_report(
        rows in grade_rows(),
        forms in prop::collection::vec(any::<u8>(), 8 * 300),
        order in Just((0..8).collect::<Vec<usize>>()).prop_shuffle(),
        crlf in any::<bool>(),
    ) {
        let names = ["student_id", "class_id", "subject_id", "lesson_date", "mark", "weight", "work_type", "note"];
        let end = if crlf { "\r\n" } else { "\n" };
        let mut csv = order.iter().map(|&i| names[i]).collect::<Vec<_>>().join(",") + end;
        let start = day("2014-08-25");
        let types = ["answer", "independent", "homework", "test"];
        for (n, (student, subject, offset, mark, weight)) in rows.iter().enumerate() {
            let d = (start + chrono::Duration::days(*offset)).to_string();
            let values = [
                student.to_string(), "7".to_owned(), subject.to_string(), d, mark.to_string(),
                (*weight).to_owned(), types[n % 4].to_owned(), "x, y".to_owned(),
            ];
            let line: Vec<String> = order
                .iter()
                .map(|&i| {
                    let form = forms[n * 8 + i];
                    if i == 7 { format!("\"{}\"", values[i]) } else { spelled(&values[i], form) }
                })
                .collect();
            csv.push_str(&line.join(","));
            csv.push_str(end);
        }
        let options = TermGradesOptions::default().with_threads(1);
        let bulk = TermGradesReport::from_reader(csv.as_bytes(), &options).unwrap();
        prop_assert_eq!(bulk.to_csv(), model_term_grades(&csv, &options));
        prop_assert_eq!(bulk.marks(), rows.len() as u64);
    }

    #[test]
    fn bulk_term_grades_equal_the_model(rows in grade_rows(), threads in 1usize..3) {
        let start = day("2014-08-25");
        let mut csv = GRADES.to_owned();
        for (student, subject, offset, mark, weight) in &rows {
            let d = start + chrono::Duration::days(*offset);
            csv.push_str(&format!("{student},1,{subject},{d},{mark},{weight},answer\n"));
        }
        let options = TermGradesOptions::default().with_threads(threads);
        let bulk = TermGradesReport::from_reader(csv.as_bytes(), &options).unwrap();
        prop_assert_eq!(bulk.to_csv(), model_term_grades(&csv, &options));
        let values = bulk.rows();
        prop_assert_eq!(values.len(), bulk.len());
        for row in values {
            prop_assert!(row.average >= Decimal::ONE && row.average <= Decimal::from(5));
        }
    }

    #[test]
    fn bulk_activation_equals_the_model(rows in parent_rows()) {
        let start = day("2014-09-01");
        let mut csv = PARENTS.to_owned();
        for (i, (school, access, activated)) in rows.iter().enumerate() {
            let activated = activated.map(|o| (start + chrono::Duration::days(o)).to_string()).unwrap_or_default();
            csv.push_str(&format!("{},{},1,{school},{},,{activated}\n", i + 1, i + 1, u8::from(*access)));
        }
        let options = ActivationOptions::default();
        let bulk = ActivationReport::from_reader(csv.as_bytes(), &options).unwrap();
        prop_assert_eq!(bulk.to_csv(), model_activation(&csv, &options));
    }
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

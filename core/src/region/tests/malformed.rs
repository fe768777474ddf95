//! Malformed input: errors naming line and column, rejects, and the same
//! first error and rejects on any number of threads.

use super::*;

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

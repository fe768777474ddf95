//! The bulk path against the in-memory model, on generated and random
//! regions.

use super::*;

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
fn generated_region_matches_the_model_on_one_two_and_three_threads() {
    let (parents, grades) = planted(8_000);
    let pfile = TempFile::new("parents.csv", parents.as_bytes());
    let gfile = TempFile::new("grades.csv", grades.as_bytes());
    let t_expected = model_term_grades(&grades, &TermGradesOptions::default());
    let a_expected = model_activation(&parents, &ActivationOptions::default());
    assert!(grades.len() > 2 * (1 << 21), "several blocks");
    for threads in [1, 2, 3] {
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
    fn bulk_term_grades_equal_the_model(rows in grade_rows(), threads in 1u32..3) {
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
        prop_assert_eq!(values.len() as u64, bulk.len());
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

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// The usual column order, with rows the straight-line reader takes
    /// (plain ids, `d`, `d.d`, `d.dd` weights, known codes of up to eight
    /// bytes) mixed with rows it must leave to the reader by columns (CRLF,
    /// quotes, leading zeros, longer weights and codes, new codes, the last
    /// row without a line end): the report is the model's either way.
    #[test]
    fn usual_rows_in_any_mix_of_forms_give_the_models_report(
        rows in grade_rows(),
        forms in prop::collection::vec(any::<u8>(), 300),
        last_line_end in any::<bool>(),
        threads in 1u32..3,
    ) {
        let mut csv = GRADES.to_owned();
        let start = day("2014-08-25");
        let types = ["a", "test", "answer", "homework", "classwork", "control_1", "x"];
        for (n, (student, subject, offset, mark, weight)) in rows.iter().enumerate() {
            let form = forms[n];
            let d = (start + chrono::Duration::days(*offset)).to_string();
            let work = types[usize::from(form) % types.len()];
            let student = if form & 0x10 != 0 { format!("0{student}") } else { student.to_string() };
            let mark = if form & 0x20 != 0 { format!("\"{mark}\"") } else { mark.to_string() };
            let end = if form & 0x40 != 0 { "\r\n" } else { "\n" };
            csv.push_str(&format!("{student},12,{subject},{d},{mark},{weight},{work}{end}"));
        }
        if !last_line_end && csv.ends_with('\n') && !rows.is_empty() {
            csv.pop();
            if csv.ends_with('\r') {
                csv.pop();
            }
        }
        let options = TermGradesOptions::default().with_threads(threads);
        let bulk = TermGradesReport::from_reader(csv.as_bytes(), &options).unwrap();
        prop_assert_eq!(bulk.to_csv(), model_term_grades(&csv, &options));
        prop_assert_eq!(bulk.marks(), rows.len() as u64);
    }
}

//! The gradebook files of an export: work types as `categories.csv`, the
//! period-mark thresholds as `scoreScales.csv`, the work at each lesson as
//! `lineItems.csv` and the marks as `results.csv`.

use std::collections::BTreeMap;

use super::export::{
    Builder, EXT_ABBR, EXT_ASSESSMENT, EXT_CODE, EXT_MANDATORY, EXT_MIN_MARKS,
    EXT_NO_FIVE_WITH_TWO, EXT_WEIGHT, PERIOD_SCALE, group_sid, text_score,
};
use super::ids::sid;
use super::table::CsvTable;
use crate::marks::MarkValue;
use crate::school::School;

/// The sourcedId of a work type's category.
pub(crate) fn category_sid(code: &str) -> String {
    sid("worktype", code)
}

pub(crate) fn gradebook(school: &School, term_ids: &[String]) -> Vec<CsvTable> {
    let mut categories = Builder::new(
        "categories",
        &[EXT_CODE, EXT_ABBR, EXT_ASSESSMENT, EXT_MANDATORY],
    );
    for t in school.work_types().types() {
        categories.row(&[
            ("sourcedId", category_sid(t.code().as_str())),
            ("title", t.name().to_owned()),
            ("weight", t.default_weight().get().to_string()),
            (EXT_CODE, t.code().as_str().to_owned()),
            (EXT_ABBR, t.abbreviation().to_owned()),
            (EXT_ASSESSMENT, t.is_assessment().to_string()),
            (EXT_MANDATORY, t.is_mandatory().to_string()),
        ]);
    }
    let policy = school.period_mark_policy();
    let th = policy.thresholds();
    let mut scales = Builder::new("scoreScales", &[EXT_MIN_MARKS, EXT_NO_FIVE_WITH_TWO]);
    scales.row(&[
        ("sourcedId", PERIOD_SCALE.to_owned()),
        ("title", "Отметка за период".to_owned()),
        ("type", "ext:periodMark".to_owned()),
        (
            "scoreScaleValue",
            format!("{{{}:3}},{{{}:4}},{{{}:5}}", th.three, th.four, th.five),
        ),
        (EXT_MIN_MARKS, policy.min_marks().to_string()),
        (EXT_NO_FIVE_WITH_TWO, policy.no_five_with_two().to_string()),
    ]);
    let mut items = Builder::new("lineItems", &[]);
    let mut results = Builder::new("results", &[EXT_WEIGHT]);
    let mut seen: BTreeMap<String, ()> = BTreeMap::new();
    for m in school.marks.values() {
        let Some(lesson) = school.lesson(m.lesson) else {
            continue;
        };
        let item = format!("lesson-{}-{}", m.lesson.get(), m.work_type.as_str());
        if seen.insert(item.clone(), ()).is_none() {
            let term = school
                .calendar()
                .term_of(lesson.date())
                .map(|t| sid("term", t.code()))
                .filter(|t| term_ids.contains(t))
                .unwrap_or_default();
            let name = school
                .work_types()
                .get(&m.work_type)
                .map_or_else(|| m.work_type.as_str().to_owned(), |t| t.name().to_owned());
            items.row(&[
                ("sourcedId", item.clone()),
                ("title", name),
                ("assignDate", lesson.date().to_string()),
                ("dueDate", lesson.date().to_string()),
                ("classSourcedId", group_sid(lesson.group())),
                ("categorySourcedId", category_sid(m.work_type.as_str())),
                ("gradingPeriodSourcedId", term),
                ("resultValueMin", "1".to_owned()),
                ("resultValueMax", "5".to_owned()),
            ]);
        }
        let (score, text) = match m.value {
            MarkValue::Points(p) => (p.get().to_string(), String::new()),
            other => (String::new(), text_score(other)),
        };
        let status = if m.value == MarkValue::Debt {
            "not submitted"
        } else {
            "fully graded"
        };
        results.row(&[
            ("sourcedId", sid("mark", m.id.get())),
            ("lineItemSourcedId", item),
            ("studentSourcedId", sid("student", m.student.get())),
            ("scoreStatus", status.to_owned()),
            ("score", score),
            ("textScore", text),
            ("scoreDate", lesson.date().to_string()),
            (EXT_WEIGHT, m.weight.get().to_string()),
        ]);
    }
    vec![categories.table, scales.table, items.table, results.table]
}

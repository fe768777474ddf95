//! Validation of an incoming set: the manifest, the headers, every value.
//! References and the rules between files are in `checks`.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{NaiveDate, NaiveDateTime};
use rust_decimal::Decimal;

use super::checks;
use super::report::ValidationReport;
use super::spec::{self, Column, FileSpec, Kind, Version};
use super::table::{CsvTable, OneRosterSet};

/// How a file is sent, per the manifest.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Mode {
    Bulk,
    Delta,
}

/// Checks a set and reports every problem found, with file, line and
/// column. It never stops at the first problem.
///
/// # Example
/// ```
/// use zhurnal::interop::oneroster::{validate, OneRosterSet};
/// let set = OneRosterSet::from_files([
///     ("manifest.csv".to_owned(), "propertyName,value\nmanifest.version,1.0\noneroster.version,1.2\nfile.orgs,bulk\n".to_owned()),
///     ("orgs.csv".to_owned(), "sourcedId,status,dateLastModified,name,type,identifier,parentSourcedId\norg-1,,,Гимназия № 17,school,,\norg-1,,,Гимназия,skool,,\n".to_owned()),
/// ])?;
/// let report = validate(&set);
/// assert!(report.has("oneroster.sourced_id_duplicate"));
/// assert!(report.has("oneroster.enum_unknown"));
/// assert_eq!(report.error_count(), 2);
/// # Ok::<(), zhurnal::interop::InteropError>(())
/// ```
pub fn validate(set: &OneRosterSet) -> ValidationReport {
    let mut report = ValidationReport::default();
    let version = manifest(set, &mut report);
    let modes = modes(set);
    let mut ids: BTreeMap<&'static str, BTreeSet<String>> = BTreeMap::new();
    for fs in spec::files(version) {
        if let Some(table) = set.table(fs.name) {
            let mode = modes.get(fs.name).copied().unwrap_or(Mode::Bulk);
            ids.insert(fs.name, check_table(&fs, table, mode, &mut report));
        }
    }
    checks::references(set, version, &modes, &ids, &mut report);
    checks::rules(set, version, &mut report);
    report.sort();
    report
}

pub(crate) fn modes(set: &OneRosterSet) -> BTreeMap<String, Mode> {
    set.manifest
        .iter()
        .filter_map(|(k, v, _)| {
            let name = k.strip_prefix("file.")?;
            let mode = match v.as_str() {
                "bulk" => Mode::Bulk,
                "delta" => Mode::Delta,
                _ => return None,
            };
            Some((name.to_owned(), mode))
        })
        .collect()
}

fn manifest(set: &OneRosterSet, report: &mut ValidationReport) -> Version {
    const M: &str = "manifest.csv";
    if !set.has_manifest {
        report.error(
            "oneroster.manifest_missing",
            (M, 0, None),
            "manifest.csv is missing; the version and the files are unknown".to_owned(),
        );
        return Version::V1_2;
    }
    match set.property("oneroster.version") {
        Some("1.1" | "1.2") => {}
        other => report.error(
            "oneroster.version_unknown",
            (M, 0, Some("oneroster.version")),
            format!(
                "oneroster.version is {:?}; 1.1 or 1.2 expected",
                other.unwrap_or("")
            ),
        ),
    }
    if set.property("manifest.version").is_none() {
        report.error(
            "oneroster.manifest_version_missing",
            (M, 0, Some("manifest.version")),
            "manifest.version is missing".to_owned(),
        );
    }
    let mut declared = BTreeSet::new();
    for (key, value, line) in &set.manifest {
        let at = (M, *line, Some("value"));
        if let Some(name) = key.strip_prefix("file.") {
            declared.insert(name.to_owned());
            if !spec::MANIFEST_FILES.contains(&name) {
                report.warning(
                    "oneroster.manifest_key_unknown",
                    (M, *line, Some("propertyName")),
                    format!("manifest key {key} names no file of the specification"),
                );
            }
            match value.as_str() {
                "bulk" | "delta" => present_or_missing(set, name, *line, report),
                "absent" => {
                    if set.files.contains_key(&format!("{name}.csv")) {
                        report.error(
                            "oneroster.file_not_declared",
                            (&format!("{name}.csv"), 0, None),
                            format!("{name}.csv is in the set but the manifest says {key} absent"),
                        );
                    }
                }
                other => report.error(
                    "oneroster.manifest_value",
                    at,
                    format!("{key} is {other:?}; bulk, delta or absent expected"),
                ),
            }
        } else if key.starts_with("source.") && value == "absent" {
            report.warning(
                "oneroster.manifest_value",
                at,
                format!("{key} is \"absent\": a system name or code is expected"),
            );
        }
    }
    for name in set.files.keys() {
        let stem = name.trim_end_matches(".csv");
        if let Some(right) = spec::MANIFEST_FILES
            .iter()
            .find(|f| f.eq_ignore_ascii_case(stem) && **f != stem)
        {
            report.error(
                "oneroster.file_name_case",
                (name, 0, None),
                format!("{name} is named {right}.csv in the specification; it is not read"),
            );
            continue;
        }
        if !declared.iter().any(|d| d == stem)
            && !declared.iter().any(|d| d.eq_ignore_ascii_case(stem))
        {
            report.error(
                "oneroster.file_not_declared",
                (name, 0, None),
                format!("{name} is in the set but the manifest has no file.{stem}"),
            );
        }
    }
    set.version()
}

fn present_or_missing(set: &OneRosterSet, name: &str, line: u64, report: &mut ValidationReport) {
    let file = format!("{name}.csv");
    if set.files.contains_key(&file) {
        return;
    }
    // A file of another case is reported once, as that file's problem.
    if !set.files.keys().any(|f| f.eq_ignore_ascii_case(&file)) {
        report.error(
            "oneroster.file_missing",
            ("manifest.csv", line, Some("value")),
            format!("file.{name} is declared but {file} is not in the set"),
        );
    }
}

/// The closest column name, for a typo.
fn closest<'a>(name: &str, columns: &'a [Column]) -> Option<&'a str> {
    columns
        .iter()
        .map(|c| (distance(name, c.name), c.name))
        .filter(|(d, _)| *d <= 3)
        .min()
        .map(|(_, n)| n)
}

fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1];
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != *cb);
            let v = (prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1);
            cur.push(v);
        }
        prev = cur;
    }
    prev.last().copied().unwrap_or(0)
}

fn check_header(fs: &FileSpec, table: &CsvTable, report: &mut ValidationReport) {
    let file = table.file_name.as_str();
    for (i, cell) in table.header.iter().enumerate() {
        let at = (file, 1, Some(cell.as_str()));
        let expected = fs.columns.get(i).map(|c| c.name);
        if Some(cell.as_str()) == expected {
            continue;
        }
        if cell.trim().is_empty() {
            report.error(
                "oneroster.header_empty",
                (file, 1, None),
                format!("header cell {} is empty", i + 1),
            );
        } else if fs.columns.iter().any(|c| c.name == cell) {
            report.error(
                "oneroster.header_order",
                at,
                format!(
                    "column {cell} is at position {}; the specification puts {} there",
                    i + 1,
                    expected.unwrap_or("nothing")
                ),
            );
        } else if cell.starts_with("metadata.") || cell.starts_with("ext") {
            if i < fs.columns.len() {
                report.error(
                    "oneroster.header_order",
                    at,
                    format!("extension column {cell} comes before the specification's columns end"),
                );
            }
        } else {
            let hint = closest(cell, fs.columns)
                .map(|n| format!("; did you mean {n}?"))
                .unwrap_or_default();
            report.error(
                "oneroster.header_unknown",
                at,
                format!("unknown column {cell}{hint}"),
            );
        }
    }
    for column in fs.columns {
        if table.column(column.name).is_none() {
            report.error(
                "oneroster.header_missing",
                (file, 1, Some(column.name)),
                format!("column {} is missing", column.name),
            );
        }
    }
}

fn check_table(
    fs: &FileSpec,
    table: &CsvTable,
    mode: Mode,
    report: &mut ValidationReport,
) -> BTreeSet<String> {
    check_header(fs, table, report);
    let file = table.file_name.as_str();
    let mut seen: BTreeMap<String, u64> = BTreeMap::new();
    let mut blank_status = 0usize;
    for row in &table.rows {
        if row.cells.len() != table.header.len() {
            report.error(
                "oneroster.row_width",
                (file, row.line, None),
                format!(
                    "the row has {} fields; the header has {}",
                    row.cells.len(),
                    table.header.len()
                ),
            );
        }
        for column in fs.columns {
            if table.column(column.name).is_none() {
                continue;
            }
            let value = table.get(row, column.name);
            let at = (file, row.line, Some(column.name));
            let meta = column.name == "status" || column.name == "dateLastModified";
            if value.is_empty() {
                if meta && mode == Mode::Delta {
                    report.error(
                        "oneroster.value_missing",
                        at,
                        format!("{} is required in a delta file", column.name),
                    );
                } else if column.required {
                    report.error(
                        "oneroster.value_missing",
                        at,
                        format!("{} is required", column.name),
                    );
                }
                blank_status += usize::from(column.name == "status");
                continue;
            }
            check_value(column, value, at, report);
            if column.name == "status" && value == "tobedeleted" && mode == Mode::Bulk {
                report.warning(
                    "oneroster.status_in_bulk",
                    at,
                    "status tobedeleted in a bulk file: the row is still imported as present"
                        .to_owned(),
                );
            }
        }
        let id = table.get(row, "sourcedId");
        if !id.is_empty() {
            if let Some(first) = seen.get(id) {
                report.error(
                    "oneroster.sourced_id_duplicate",
                    (file, row.line, Some("sourcedId")),
                    format!("sourcedId {id} is already on line {first}"),
                );
            } else {
                seen.insert(id.to_owned(), row.line);
            }
        }
    }
    if mode == Mode::Bulk && blank_status > 0 && blank_status < table.rows.len() {
        report.warning(
            "oneroster.status_mixed",
            (file, 0, Some("status")),
            format!(
                "{blank_status} of {} rows have no status while the others have one",
                table.rows.len()
            ),
        );
    }
    seen.into_keys().collect()
}

/// A `YYYY-MM-DD` date.
pub(crate) fn parse_date(value: &str) -> Option<NaiveDate> {
    if value.len() != 10 {
        return None;
    }
    NaiveDate::parse_from_str(value, "%Y-%m-%d").ok()
}

/// An ISO 8601 UTC date-time as the binding writes it.
pub(crate) fn parse_datetime(value: &str) -> Option<NaiveDateTime> {
    let body = value.strip_suffix('Z')?;
    ["%Y-%m-%dT%H:%M:%S%.f", "%Y-%m-%dT%H:%M:%S"]
        .iter()
        .find_map(|f| NaiveDateTime::parse_from_str(body, f).ok())
}

fn check_value(
    column: &Column,
    value: &str,
    at: (&str, u64, Option<&str>),
    report: &mut ValidationReport,
) {
    let name = column.name;
    match column.kind {
        Kind::Text | Kind::Ref(_) => {}
        Kind::Date => {
            if parse_date(value).is_none() {
                report.error(
                    "oneroster.date_invalid",
                    at,
                    format!("{name} {value:?} is not a date YYYY-MM-DD"),
                );
            }
        }
        Kind::DateTime => {
            if parse_datetime(value).is_none() {
                report.error(
                    "oneroster.datetime_invalid",
                    at,
                    format!("{name} {value:?} is not a UTC date-time YYYY-MM-DDTHH:MM:SS.sssZ"),
                );
            }
        }
        Kind::Enum(values) => {
            if !values.contains(&value) && !value.starts_with("ext:") {
                report.error(
                    "oneroster.enum_unknown",
                    at,
                    format!(
                        "{name} {value:?} is not one of {} (or ext:…)",
                        values.join(", ")
                    ),
                );
            }
        }
        Kind::Bool => {
            if value != "true" && value != "false" {
                report.error(
                    "oneroster.bool_invalid",
                    at,
                    format!("{name} {value:?} is not true or false"),
                );
            }
        }
        Kind::Number => {
            if value.parse::<Decimal>().is_err() {
                report.error(
                    "oneroster.number_invalid",
                    at,
                    format!("{name} {value:?} is not a number"),
                );
            }
        }
    }
}

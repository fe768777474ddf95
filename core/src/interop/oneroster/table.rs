//! A OneRoster set in memory: the manifest and each CSV file as a header
//! and rows that keep their line numbers.

use std::collections::BTreeMap;
use std::path::Path;

use super::spec::Version;
use crate::interop::InteropError;

/// One CSV file: its header and its rows.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct CsvTable {
    /// The file name as found (`users.csv`).
    pub file_name: String,
    /// The header cells.
    pub header: Vec<String>,
    /// The data rows with their 1-based line numbers.
    pub rows: Vec<CsvRow>,
}

/// One data row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CsvRow {
    /// The line the row starts on (the header is line 1).
    pub line: u64,
    /// The cells.
    pub cells: Vec<String>,
}

impl CsvTable {
    /// Parses CSV text (a leading BOM and CRLF line ends accepted).
    ///
    /// # Errors
    /// [`InteropError::Csv`] when the text is not CSV (bad quoting, not UTF-8).
    pub fn parse(file_name: &str, text: &str) -> Result<CsvTable, InteropError> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .from_reader(text.as_bytes());
        let mut table = CsvTable {
            file_name: file_name.to_owned(),
            ..CsvTable::default()
        };
        let mut record = csv::StringRecord::new();
        let (mut counted, mut line) = (0usize, 1u64);
        loop {
            // The line a record starts on: 1 + the line ends before it.
            let at = usize::try_from(reader.position().byte()).unwrap_or(usize::MAX);
            let mut upto = at.min(text.len());
            while matches!(text.as_bytes().get(upto), Some(b'\r' | b'\n')) {
                upto += 1;
            }
            if upto > counted {
                let ends = text.as_bytes()[counted..upto]
                    .iter()
                    .filter(|b| **b == b'\n')
                    .count();
                line += u64::try_from(ends).unwrap_or(0);
                counted = upto;
            }
            let more = reader
                .read_record(&mut record)
                .map_err(|e| InteropError::Csv {
                    file: file_name.to_owned(),
                    line: e.position().map_or(line, csv::Position::line),
                    reason: e.to_string(),
                })?;
            if !more {
                break;
            }
            let cells: Vec<String> = record.iter().map(str::to_owned).collect();
            if at == 0 {
                table.header = cells;
            } else if !(cells.len() == 1 && cells[0].is_empty()) {
                table.rows.push(CsvRow { line, cells });
            }
        }
        Ok(table)
    }

    /// The index of a header column.
    pub fn column(&self, name: &str) -> Option<usize> {
        self.header.iter().position(|h| h == name)
    }

    /// The value of `name` in `row`, empty when absent.
    pub fn get<'a>(&self, row: &'a CsvRow, name: &str) -> &'a str {
        self.column(name)
            .and_then(|i| row.cells.get(i))
            .map_or("", |s| s.trim())
    }

    /// Writes the table as CSV text (CRLF line ends, as the specification's
    /// examples).
    pub fn to_csv(&self) -> String {
        let mut out = Vec::new();
        {
            let mut writer = csv::WriterBuilder::new()
                .terminator(csv::Terminator::CRLF)
                .from_writer(&mut out);
            let _ = writer.write_record(&self.header);
            for row in &self.rows {
                let _ = writer.write_record(&row.cells);
            }
            let _ = writer.flush();
        }
        String::from_utf8(out).unwrap_or_default()
    }
}

/// A whole set: `manifest.csv` and the data files, by file name.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct OneRosterSet {
    /// The manifest's properties in file order, with their lines.
    pub manifest: Vec<(String, String, u64)>,
    /// Whether `manifest.csv` was there.
    pub has_manifest: bool,
    /// The data files by the name they were found under (`users.csv`).
    pub files: BTreeMap<String, CsvTable>,
}

impl OneRosterSet {
    /// Reads every `*.csv` file of a directory.
    ///
    /// # Errors
    /// [`InteropError::Io`] when the directory or a file cannot be read;
    /// [`InteropError::Csv`] when a file is not CSV.
    pub fn read_dir(dir: &Path) -> Result<OneRosterSet, InteropError> {
        let io = |e: std::io::Error| InteropError::Io {
            path: dir.display().to_string(),
            reason: e.to_string(),
        };
        let mut files = Vec::new();
        for entry in std::fs::read_dir(dir).map_err(io)? {
            let path = entry.map_err(io)?.path();
            let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
                continue;
            };
            if path.is_file() && name.to_ascii_lowercase().ends_with(".csv") {
                let bytes = std::fs::read(&path).map_err(|e| InteropError::Io {
                    path: path.display().to_string(),
                    reason: e.to_string(),
                })?;
                let text = String::from_utf8(bytes).map_err(|_| InteropError::Csv {
                    file: name.to_owned(),
                    line: 0,
                    reason: "not utf-8".to_owned(),
                })?;
                files.push((name.to_owned(), text));
            }
        }
        OneRosterSet::from_files(files)
    }

    /// A set from `(file name, CSV text)` pairs.
    ///
    /// # Errors
    /// [`InteropError::Csv`] when a file is not CSV.
    pub fn from_files(
        files: impl IntoIterator<Item = (String, String)>,
    ) -> Result<OneRosterSet, InteropError> {
        let mut set = OneRosterSet::default();
        for (name, text) in files {
            let table = CsvTable::parse(&name, &text)?;
            if name == "manifest.csv" {
                set.has_manifest = true;
                set.manifest = table
                    .rows
                    .iter()
                    .map(|r| {
                        let cell = |i: usize| r.cells.get(i).map_or("", |s| s.trim()).to_owned();
                        (cell(0), cell(1), r.line)
                    })
                    .collect();
            } else {
                set.files.insert(name, table);
            }
        }
        Ok(set)
    }

    /// A manifest property.
    pub fn property(&self, key: &str) -> Option<&str> {
        self.manifest
            .iter()
            .find(|(k, _, _)| k == key)
            .map(|(_, v, _)| v.as_str())
    }

    /// The version the manifest names (1.2 when it names none we know).
    pub fn version(&self) -> Version {
        match self.property("oneroster.version") {
            Some("1.1") => Version::V1_1,
            _ => Version::V1_2,
        }
    }

    /// A data file by its specification name (`"users"`), exact case.
    pub fn table(&self, name: &str) -> Option<&CsvTable> {
        self.files.get(&format!("{name}.csv"))
    }

    /// Writes the set into a directory (created when missing).
    ///
    /// # Errors
    /// [`InteropError::Io`].
    pub fn write_dir(&self, dir: &Path) -> Result<(), InteropError> {
        let io = |e: std::io::Error| InteropError::Io {
            path: dir.display().to_string(),
            reason: e.to_string(),
        };
        std::fs::create_dir_all(dir).map_err(io)?;
        let mut manifest = CsvTable {
            file_name: "manifest.csv".to_owned(),
            header: vec!["propertyName".to_owned(), "value".to_owned()],
            rows: Vec::new(),
        };
        for (k, v, line) in &self.manifest {
            manifest.rows.push(CsvRow {
                line: *line,
                cells: vec![k.clone(), v.clone()],
            });
        }
        std::fs::write(dir.join("manifest.csv"), manifest.to_csv()).map_err(io)?;
        for (name, table) in &self.files {
            std::fs::write(dir.join(name), table.to_csv()).map_err(io)?;
        }
        Ok(())
    }

    /// The set as `(file name, CSV text)` pairs, manifest first.
    pub fn to_files(&self) -> Vec<(String, String)> {
        let mut manifest = String::from("propertyName,value\r\n");
        for (k, v, _) in &self.manifest {
            manifest.push_str(&format!("{k},{v}\r\n"));
        }
        let mut out = vec![("manifest.csv".to_owned(), manifest)];
        out.extend(self.files.iter().map(|(n, t)| (n.clone(), t.to_csv())));
        out
    }
}

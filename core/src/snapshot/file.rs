//! Snapshot files: written atomically, checked whole on reading.
//!
//! A file holds one envelope, `{"format":"zhurnal.file","version":1,
//! "bytes":N,"blake2b256":"<hex>","snapshot":"<the snapshot JSON>"}`:
//! the snapshot as a JSON string, its length in bytes and its BLAKE2b-256
//! checksum. [`save`] writes it to a temporary file in the same directory,
//! flushes it to disk (fsync), renames it over the target and syncs the
//! directory, so a crash leaves either the old file or the new one, never
//! half of one. [`load`] refuses a truncated or corrupted file whole
//! (`snapshot.corrupted`) before anything of the snapshot is read.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use blake2::Digest;
use serde_json::Value;

use super::SnapshotError;

/// The `format` of a snapshot file's envelope.
pub const FILE_FORMAT: &str = "zhurnal.file";
/// The `version` of the snapshot file envelope.
pub const FILE_VERSION: u32 = 1;

type Blake2b256 = blake2::Blake2b<blake2::digest::consts::U32>;

/// The hex BLAKE2b-256 of `bytes`.
fn checksum(bytes: &[u8]) -> String {
    Blake2b256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

fn io(e: &std::io::Error) -> SnapshotError {
    SnapshotError::Io {
        detail: e.to_string(),
    }
}

fn corrupted(detail: impl Into<String>) -> SnapshotError {
    SnapshotError::Corrupted {
        detail: detail.into(),
    }
}

/// A fresh temporary path beside `path`.
fn temporary_beside(path: &Path) -> Result<PathBuf, SnapshotError> {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let name = path
        .file_name()
        .ok_or_else(|| corrupted("the path names no file"))?;
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    let mut temporary = name.to_os_string();
    temporary.push(format!(".{}.{n}.tmp", std::process::id()));
    Ok(path.with_file_name(temporary))
}

/// The envelope of `snapshot` as the text of a file.
pub(crate) fn envelope(snapshot: &str) -> String {
    serde_json::json!({
        "format": FILE_FORMAT,
        "version": FILE_VERSION,
        "bytes": snapshot.len(),
        "blake2b256": checksum(snapshot.as_bytes()),
        "snapshot": snapshot,
    })
    .to_string()
}

/// Writes `snapshot` (a snapshot's JSON) to `path` atomically, in its
/// envelope.
///
/// # Errors
/// [`SnapshotError::Io`] when the temporary file cannot be written,
/// synced or renamed (it is removed then; the old file stays as it was).
pub fn save(path: &Path, snapshot: &str) -> Result<(), SnapshotError> {
    let temporary = temporary_beside(path)?;
    let written = write_synced(&temporary, envelope(snapshot).as_bytes())
        .and_then(|()| std::fs::rename(&temporary, path));
    if let Err(e) = written {
        // Best effort: the temporary file is ours and useless now.
        let _ = std::fs::remove_file(&temporary);
        return Err(io(&e));
    }
    sync_directory(path);
    Ok(())
}

fn write_synced(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)?;
    file.write_all(bytes)?;
    file.sync_all()
}

/// Syncs the directory of `path` so the rename itself is durable (where
/// the platform allows opening a directory; elsewhere a no-op).
fn sync_directory(path: &Path) {
    if let Some(dir) = path.parent() {
        let dir = if dir.as_os_str().is_empty() {
            Path::new(".")
        } else {
            dir
        };
        if let Ok(d) = std::fs::File::open(dir) {
            let _ = d.sync_all();
        }
    }
}

/// Reads a file written by [`save`] and returns the snapshot's JSON, after
/// checking the envelope, the length and the checksum.
///
/// # Errors
/// [`SnapshotError::Io`] when the file cannot be read;
/// [`SnapshotError::Corrupted`] when it is not a complete, intact
/// snapshot file (truncated, bytes changed, another file).
pub fn load(path: &Path) -> Result<String, SnapshotError> {
    let bytes = std::fs::read(path).map_err(|e| io(&e))?;
    open_envelope(&bytes)
}

/// Checks a file's bytes and returns the snapshot inside.
pub(crate) fn open_envelope(bytes: &[u8]) -> Result<String, SnapshotError> {
    let text = std::str::from_utf8(bytes).map_err(|_| corrupted("not UTF-8 text"))?;
    let value = super::strict::parse(text)
        .map_err(|e| corrupted(format!("not a complete envelope: {e}")))?;
    if value.get("format").and_then(Value::as_str) != Some(FILE_FORMAT) {
        return Err(corrupted("not a zhurnal snapshot file"));
    }
    if value.get("version").and_then(Value::as_u64) != Some(u64::from(FILE_VERSION)) {
        return Err(corrupted("unknown snapshot file version"));
    }
    let snapshot = value
        .get("snapshot")
        .and_then(Value::as_str)
        .ok_or_else(|| corrupted("no snapshot in the envelope"))?;
    let bytes = value.get("bytes").and_then(Value::as_u64);
    if bytes != Some(snapshot.len() as u64) {
        return Err(corrupted(format!(
            "the snapshot has {} bytes, the envelope says {}",
            snapshot.len(),
            bytes.map_or_else(|| "nothing".to_owned(), |b| b.to_string())
        )));
    }
    let expected = value.get("blake2b256").and_then(Value::as_str);
    if expected != Some(checksum(snapshot.as_bytes()).as_str()) {
        return Err(corrupted("the checksum does not match"));
    }
    Ok(snapshot.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_and_no_temporary_left() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("school.json");
        save(&path, r#"{"format":"x","version":1}"#).unwrap();
        save(&path, r#"{"format":"y","version":1}"#).unwrap();
        assert_eq!(load(&path).unwrap(), r#"{"format":"y","version":1}"#);
        let names: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(names.len(), 1, "only the target file remains");
    }

    #[test]
    fn every_truncation_and_every_flipped_byte_is_detected() {
        let file = envelope(r#"{"format":"zhurnal.school","version":1,"name":"Гимназия"}"#);
        let bytes = file.as_bytes();
        for cut in 0..bytes.len() {
            let e = open_envelope(&bytes[..cut]).unwrap_err();
            assert_eq!(e.code(), "snapshot.corrupted", "cut at {cut}");
        }
        for i in 0..bytes.len() {
            let mut b = bytes.to_vec();
            b[i] ^= 0x01;
            let e = open_envelope(&b).unwrap_err();
            assert_eq!(e.code(), "snapshot.corrupted", "flip at {i}");
        }
    }

    #[test]
    fn a_missing_file_is_an_io_error() {
        let dir = tempfile::tempdir().unwrap();
        let e = load(&dir.path().join("none.json")).unwrap_err();
        assert_eq!(e.code(), "snapshot.io");
    }

    #[test]
    fn a_failed_save_keeps_the_old_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("school.json");
        save(&path, "{}").unwrap();
        let e = save(&dir.path().join("missing").join("x.json"), "{}").unwrap_err();
        assert_eq!(e.code(), "snapshot.io");
        assert_eq!(load(&path).unwrap(), "{}");
    }
}

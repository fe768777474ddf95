//! Feeds bytes as a snapshot file to the envelope loader
//! (`snapshot::file::load`), then to `SchoolHandle::load`. The loaders
//! take a path, so each input is written to one scratch file first.
//!
//! Checks: no panic; a refused file is `snapshot.corrupted` (never an I/O
//! error); an envelope that opens, saved again, opens to the same text.
#![no_main]

use std::path::PathBuf;
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use zhurnal::handle::SchoolHandle;
use zhurnal::snapshot::file;

fn scratch() -> &'static PathBuf {
    static PATH: OnceLock<PathBuf> = OnceLock::new();
    PATH.get_or_init(|| {
        std::env::temp_dir().join(format!("zhurnal-fuzz-{}.json", std::process::id()))
    })
}

fuzz_target!(|data: &[u8]| {
    let path = scratch();
    std::fs::write(path, data).expect("the scratch file is writable");
    match file::load(path) {
        Ok(snapshot) => {
            let _ = SchoolHandle::load(path);
            file::save(path, &snapshot).expect("the scratch file is writable");
            assert_eq!(file::load(path).expect("a saved file loads"), snapshot);
        }
        Err(e) => assert_eq!(e.code(), "snapshot.corrupted", "{e}"),
    }
});

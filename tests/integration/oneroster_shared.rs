//! OneRoster sets published by others, when their directory
//! `../shared/interop/oneroster` sits beside the repository: the clean 1.2
//! delta set validates and imports, the other two report their problems.
//! Skipped with a message when the directory is absent.
#![allow(clippy::unwrap_used)] // test code: helpers outside #[test] functions too

use std::path::PathBuf;

use zhurnal::interop::oneroster::{OneRosterSet, import, validate};

fn shared() -> Option<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../shared/interop/oneroster");
    if dir.is_dir() {
        Some(dir)
    } else {
        eprintln!("skipped: no ../shared/interop/oneroster beside the repository");
        None
    }
}

#[test]
fn the_shared_sets_validate_as_their_sources_say() {
    let Some(dir) = shared() else { return };
    let clean = OneRosterSet::read_dir(&dir.join("catalyst-vrd118")).unwrap();
    assert_eq!(validate(&clean).error_count(), 0);
    assert!(import(&clean).is_ok());
    for name in ["catalyst-v1p2-full", "edfi-lmstoolkit-v1p1"] {
        let set = OneRosterSet::read_dir(&dir.join(name)).unwrap();
        assert!(
            validate(&set).error_count() > 0,
            "{name} has known problems"
        );
    }
}

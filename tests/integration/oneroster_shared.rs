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
    // Each problem the sets' SOURCE.md lists, as `file:line code` (line 0:
    // the file as a whole).
    let known: [(&str, &[&str]); 2] = [
        (
            "catalyst-v1p2-full",
            &[
                "roles.csv:1 oneroster.header_unknown",
                "roles.csv:1 oneroster.header_missing",
                "roles.csv:1 oneroster.header_empty",
                "roles.csv:2 oneroster.row_width",
                "userprofiles.csv:0 oneroster.file_name_case",
                "users.csv:1 oneroster.header_unknown",
                "manifest.csv:21 oneroster.manifest_value",
                "manifest.csv:25 oneroster.manifest_value",
                "classes.csv:2 oneroster.reference_missing",
                "academicSessions.csv:3 oneroster.reference_missing",
                "orgs.csv:2 oneroster.reference_missing",
                "users.csv:3 oneroster.agent_role",
                "users.csv:4 oneroster.agent_role",
                "users.csv:5 oneroster.agent_role",
                "users.csv:2 oneroster.datetime_invalid",
                "users.csv:0 oneroster.status_mixed",
                "academicSessions.csv:4 oneroster.enum_unknown",
                "academicSessions.csv:2 oneroster.status_in_bulk",
                "academicSessions.csv:4 oneroster.datetime_invalid",
                "academicSessions.csv:5 oneroster.session_parent_kind",
                "classes.csv:2 oneroster.enum_unknown",
                "classes.csv:2 oneroster.list_space",
                "classes.csv:2 oneroster.org_not_school",
                "roles.csv:0 oneroster.role_no_primary",
                "enrollments.csv:3 oneroster.enrollment_role",
                "users.csv:2 oneroster.password_in_set",
            ],
        ),
        (
            "edfi-lmstoolkit-v1p1",
            &[
                "users.csv:10 oneroster.row_width",
                "users.csv:11 oneroster.row_width",
            ],
        ),
    ];
    for (name, problems) in known {
        let set = OneRosterSet::read_dir(&dir.join(name)).unwrap();
        let report = validate(&set);
        let found: Vec<String> = report
            .problems
            .iter()
            .map(|p| format!("{}:{} {}", p.file, p.line, p.code))
            .collect();
        for problem in problems {
            let hit = found.iter().any(|f| f == problem);
            assert!(hit, "{name}: {problem} not reported:\n{report}");
        }
    }
}

//! The OneRoster CSV binding as data: file names, exact column lists in
//! order (1.2 and 1.1), enumerations, date columns and references.

/// The versions of the CSV binding read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum Version {
    /// OneRoster 1.1: a user's role and orgs are columns of `users.csv`.
    V1_1,
    /// OneRoster 1.2: roles in `roles.csv`.
    V1_2,
}

impl Version {
    /// `"1.1"` or `"1.2"`.
    pub fn as_str(self) -> &'static str {
        match self {
            Version::V1_1 => "1.1",
            Version::V1_2 => "1.2",
        }
    }
}

/// What a column refers to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Ref {
    /// One sourcedId in that file.
    One(&'static str),
    /// A comma-separated list of sourcedIds in that file.
    List(&'static str),
}

/// How a column's value is checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// Free text.
    Text,
    /// `YYYY-MM-DD`.
    Date,
    /// ISO 8601 date-time in UTC, `YYYY-MM-DDTHH:MM:SS[.sss]Z`.
    DateTime,
    /// One of these values, or an `ext:` extension.
    Enum(&'static [&'static str]),
    /// `true` or `false`.
    Bool,
    /// A decimal number.
    Number,
    /// A reference.
    Ref(Ref),
}

/// One column: its name, whether a value is required, its kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Column {
    pub(crate) name: &'static str,
    pub(crate) required: bool,
    pub(crate) kind: Kind,
}

const fn c(name: &'static str, required: bool, kind: Kind) -> Column {
    Column {
        name,
        required,
        kind,
    }
}

const fn t(name: &'static str) -> Column {
    c(name, false, Kind::Text)
}

/// The status values of 1.1 and 1.2.
pub(crate) const STATUS: &[&str] = &["active", "tobedeleted"];
/// `orgs.type`.
pub(crate) const ORG_TYPES: &[&str] = &[
    "department",
    "district",
    "local",
    "national",
    "school",
    "state",
];
/// `academicSessions.type`.
pub(crate) const SESSION_TYPES: &[&str] = &["gradingPeriod", "semester", "schoolYear", "term"];
/// `classes.classType`.
pub(crate) const CLASS_TYPES: &[&str] = &["homeroom", "scheduled"];
/// `roles.role` (1.2) and `users.role` (1.1, a subset).
pub(crate) const ROLES: &[&str] = &[
    "aide",
    "counselor",
    "districtAdministrator",
    "guardian",
    "parent",
    "principal",
    "proctor",
    "relative",
    "siteAdministrator",
    "student",
    "systemAdministrator",
    "teacher",
    "administrator",
];
/// `roles.roleType`.
pub(crate) const ROLE_TYPES: &[&str] = &["primary", "secondary"];
/// `enrollments.role`.
pub(crate) const ENROLLMENT_ROLES: &[&str] = &["administrator", "proctor", "student", "teacher"];
/// `results.scoreStatus`.
pub(crate) const SCORE_STATUS: &[&str] = &[
    "exempt",
    "fully graded",
    "not submitted",
    "partially graded",
    "submitted",
];
/// `demographics.sex`.
pub(crate) const SEX: &[&str] = &["male", "female", "other", "unspecified"];

const SOURCED: Column = c("sourcedId", true, Kind::Text);
const STATUS_COL: Column = c("status", false, Kind::Enum(STATUS));
const MODIFIED: Column = c("dateLastModified", false, Kind::DateTime);

/// One data file of the binding.
#[derive(Debug, Clone, Copy)]
pub(crate) struct FileSpec {
    /// The manifest key without `file.` and the file name without `.csv`.
    pub(crate) name: &'static str,
    /// The columns in order.
    pub(crate) columns: &'static [Column],
}

const ORGS: &[Column] = &[
    SOURCED,
    STATUS_COL,
    MODIFIED,
    c("name", true, Kind::Text),
    c("type", true, Kind::Enum(ORG_TYPES)),
    t("identifier"),
    c("parentSourcedId", false, Kind::Ref(Ref::One("orgs"))),
];

const SESSIONS: &[Column] = &[
    SOURCED,
    STATUS_COL,
    MODIFIED,
    c("title", true, Kind::Text),
    c("type", true, Kind::Enum(SESSION_TYPES)),
    c("startDate", true, Kind::Date),
    c("endDate", true, Kind::Date),
    c(
        "parentSourcedId",
        false,
        Kind::Ref(Ref::One("academicSessions")),
    ),
    c("schoolYear", true, Kind::Number),
];

const COURSES: &[Column] = &[
    SOURCED,
    STATUS_COL,
    MODIFIED,
    c(
        "schoolYearSourcedId",
        false,
        Kind::Ref(Ref::One("academicSessions")),
    ),
    c("title", true, Kind::Text),
    t("courseCode"),
    t("grades"),
    c("orgSourcedId", true, Kind::Ref(Ref::One("orgs"))),
    t("subjects"),
    t("subjectCodes"),
];

const CLASSES: &[Column] = &[
    SOURCED,
    STATUS_COL,
    MODIFIED,
    c("title", true, Kind::Text),
    t("grades"),
    c("courseSourcedId", true, Kind::Ref(Ref::One("courses"))),
    t("classCode"),
    c("classType", true, Kind::Enum(CLASS_TYPES)),
    t("location"),
    c("schoolSourcedId", true, Kind::Ref(Ref::One("orgs"))),
    c(
        "termSourcedIds",
        true,
        Kind::Ref(Ref::List("academicSessions")),
    ),
    t("subjects"),
    t("subjectCodes"),
    t("periods"),
];

const USERS_1_2: &[Column] = &[
    SOURCED,
    STATUS_COL,
    MODIFIED,
    c("enabledUser", true, Kind::Bool),
    t("username"),
    t("userIds"),
    c("givenName", true, Kind::Text),
    c("familyName", true, Kind::Text),
    t("middleName"),
    t("identifier"),
    t("email"),
    t("sms"),
    t("phone"),
    c("agentSourcedIds", false, Kind::Ref(Ref::List("users"))),
    t("grades"),
    t("password"),
    t("userMasterIdentifier"),
    t("preferredGivenName"),
    t("preferredMiddleName"),
    t("preferredFamilyName"),
    c("primaryOrgSourcedId", false, Kind::Ref(Ref::One("orgs"))),
    t("pronouns"),
];

const USERS_1_1: &[Column] = &[
    SOURCED,
    STATUS_COL,
    MODIFIED,
    c("enabledUser", true, Kind::Bool),
    c("orgSourcedIds", true, Kind::Ref(Ref::List("orgs"))),
    c("role", true, Kind::Enum(ROLES)),
    t("username"),
    t("userIds"),
    c("givenName", true, Kind::Text),
    c("familyName", true, Kind::Text),
    t("middleName"),
    t("identifier"),
    t("email"),
    t("sms"),
    t("phone"),
    c("agentSourcedIds", false, Kind::Ref(Ref::List("users"))),
    t("grades"),
    t("password"),
];

const ROLES_FILE: &[Column] = &[
    SOURCED,
    STATUS_COL,
    MODIFIED,
    c("userSourcedId", true, Kind::Ref(Ref::One("users"))),
    c("roleType", true, Kind::Enum(ROLE_TYPES)),
    c("role", true, Kind::Enum(ROLES)),
    c("beginDate", false, Kind::Date),
    c("endDate", false, Kind::Date),
    c("orgSourcedId", true, Kind::Ref(Ref::One("orgs"))),
    c(
        "userProfileSourcedId",
        false,
        Kind::Ref(Ref::One("userProfiles")),
    ),
];

const PROFILES: &[Column] = &[
    SOURCED,
    STATUS_COL,
    MODIFIED,
    c("userSourcedId", true, Kind::Ref(Ref::One("users"))),
    c("profileType", true, Kind::Text),
    c("vendorId", true, Kind::Text),
    t("applicationId"),
    t("description"),
    c("credentialType", true, Kind::Text),
    t("username"),
    t("password"),
];

const ENROLLMENTS: &[Column] = &[
    SOURCED,
    STATUS_COL,
    MODIFIED,
    c("classSourcedId", true, Kind::Ref(Ref::One("classes"))),
    c("schoolSourcedId", true, Kind::Ref(Ref::One("orgs"))),
    c("userSourcedId", true, Kind::Ref(Ref::One("users"))),
    c("role", true, Kind::Enum(ENROLLMENT_ROLES)),
    c("primary", false, Kind::Bool),
    c("beginDate", false, Kind::Date),
    c("endDate", false, Kind::Date),
];

const DEMOGRAPHICS: &[Column] = &[
    c("sourcedId", true, Kind::Ref(Ref::One("users"))),
    STATUS_COL,
    MODIFIED,
    c("birthDate", false, Kind::Date),
    c("sex", false, Kind::Enum(SEX)),
    t("americanIndianOrAlaskaNative"),
    t("asian"),
    t("blackOrAfricanAmerican"),
    t("nativeHawaiianOrOtherPacificIslander"),
    t("white"),
    t("demographicRaceTwoOrMoreRaces"),
    t("hispanicOrLatinoEthnicity"),
    t("countryOfBirthCode"),
    t("stateOfBirthAbbreviation"),
    t("cityOfBirth"),
    t("publicSchoolResidenceStatus"),
];

const CATEGORIES: &[Column] = &[
    SOURCED,
    STATUS_COL,
    MODIFIED,
    c("title", true, Kind::Text),
    c("weight", false, Kind::Number),
];

const LINE_ITEMS: &[Column] = &[
    SOURCED,
    STATUS_COL,
    MODIFIED,
    c("title", true, Kind::Text),
    t("description"),
    c("assignDate", true, Kind::Date),
    c("dueDate", true, Kind::Date),
    c("classSourcedId", true, Kind::Ref(Ref::One("classes"))),
    c("categorySourcedId", true, Kind::Ref(Ref::One("categories"))),
    c(
        "gradingPeriodSourcedId",
        false,
        Kind::Ref(Ref::One("academicSessions")),
    ),
    c("resultValueMin", false, Kind::Number),
    c("resultValueMax", false, Kind::Number),
];

const RESULTS: &[Column] = &[
    SOURCED,
    STATUS_COL,
    MODIFIED,
    c("lineItemSourcedId", true, Kind::Ref(Ref::One("lineItems"))),
    c("studentSourcedId", true, Kind::Ref(Ref::One("users"))),
    c("scoreStatus", true, Kind::Enum(SCORE_STATUS)),
    c("score", false, Kind::Number),
    t("textScore"),
    c("scoreDate", true, Kind::Date),
    t("comment"),
];

const SCORE_SCALES: &[Column] = &[
    SOURCED,
    STATUS_COL,
    MODIFIED,
    c("title", true, Kind::Text),
    c("type", true, Kind::Text),
    c("courseSourcedId", false, Kind::Ref(Ref::One("courses"))),
    c("classSourcedId", false, Kind::Ref(Ref::One("classes"))),
    c("scoreScaleValue", true, Kind::Text),
];

/// The data files of a version that this library reads and writes, in
/// the order they are checked.
pub(crate) fn files(version: Version) -> Vec<FileSpec> {
    let users = match version {
        Version::V1_1 => USERS_1_1,
        Version::V1_2 => USERS_1_2,
    };
    let mut all = vec![
        FileSpec {
            name: "orgs",
            columns: ORGS,
        },
        FileSpec {
            name: "academicSessions",
            columns: SESSIONS,
        },
        FileSpec {
            name: "courses",
            columns: COURSES,
        },
        FileSpec {
            name: "classes",
            columns: CLASSES,
        },
        FileSpec {
            name: "users",
            columns: users,
        },
        FileSpec {
            name: "enrollments",
            columns: ENROLLMENTS,
        },
        FileSpec {
            name: "demographics",
            columns: DEMOGRAPHICS,
        },
        FileSpec {
            name: "categories",
            columns: CATEGORIES,
        },
        FileSpec {
            name: "lineItems",
            columns: LINE_ITEMS,
        },
        FileSpec {
            name: "results",
            columns: RESULTS,
        },
    ];
    if version == Version::V1_2 {
        all.push(FileSpec {
            name: "roles",
            columns: ROLES_FILE,
        });
        all.push(FileSpec {
            name: "userProfiles",
            columns: PROFILES,
        });
        all.push(FileSpec {
            name: "scoreScales",
            columns: SCORE_SCALES,
        });
    }
    all
}

/// Every `file.*` key of the 1.2 manifest (1.1 has a subset).
pub(crate) const MANIFEST_FILES: &[&str] = &[
    "academicSessions",
    "categories",
    "classes",
    "classResources",
    "courses",
    "courseResources",
    "demographics",
    "enrollments",
    "lineItemLearningObjectiveIds",
    "lineItems",
    "lineItemScoreScales",
    "orgs",
    "resources",
    "resultLearningObjectiveIds",
    "results",
    "resultScoreScales",
    "roles",
    "scoreScales",
    "userProfiles",
    "userResources",
    "users",
];

/// The spec of a data file by name.
pub(crate) fn file(version: Version, name: &str) -> Option<FileSpec> {
    files(version).into_iter().find(|f| f.name == name)
}

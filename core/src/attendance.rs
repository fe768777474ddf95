//! Attendance codes, as NetSchool writes them in the journal.
//!
//! A student without an attendance entry for a lesson was present. An entry
//! carries one [`AttendanceCode`]:
//!
//! | code | meaning | present | missed |
//! |---|---|---|---|
//! | ОТ | отсутствует (reason not yet known; paper «Н») | no | yes |
//! | УП | по уважительной причине | no | yes |
//! | Б | по болезни | no | yes |
//! | НП | по неуважительной причине | no | yes |
//! | ОП | опоздание | **yes** | no |
//! | ОСВ | освобождён | no | **no** |
//!
//! The class teacher later turns ОТ into a reason (УП, Б or НП).

use serde::{Deserialize, Serialize};

/// What can be wrong with an attendance code.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum AttendanceError {
    /// Text that is none of the codes.
    #[error("unknown attendance code {text:?}: expected ОТ, УП, Б, НП, ОП or ОСВ")]
    UnknownCode {
        /// The text given.
        text: String,
    },
}

impl AttendanceError {
    /// The stable machine code, e.g. `"attendance.unknown_code"`.
    pub fn code(&self) -> &'static str {
        match self {
            Self::UnknownCode { .. } => "attendance.unknown_code",
        }
    }
}

/// An attendance entry's code.
///
/// # Example
/// ```
/// use zhurnal::attendance::AttendanceCode;
/// let late = AttendanceCode::parse("оп")?;
/// assert_eq!(late, AttendanceCode::Late);
/// assert!(late.counts_as_present() && !late.is_missed());
/// assert!(!AttendanceCode::Exempt.is_missed());
/// assert!(AttendanceCode::Illness.is_missed());
/// # Ok::<(), zhurnal::attendance::AttendanceError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AttendanceCode {
    /// ОТ: absent, reason not yet known (paper «Н»).
    Absent,
    /// УП: absent for an excused reason.
    Excused,
    /// Б: absent through illness.
    Illness,
    /// НП: absent without an excuse.
    Unexcused,
    /// ОП: late; counts as present.
    Late,
    /// ОСВ: exempt from the lesson; not counted as missed.
    Exempt,
}

impl AttendanceCode {
    /// All codes in NetSchool's order.
    pub const ALL: [AttendanceCode; 6] = [
        AttendanceCode::Absent,
        AttendanceCode::Excused,
        AttendanceCode::Illness,
        AttendanceCode::Unexcused,
        AttendanceCode::Late,
        AttendanceCode::Exempt,
    ];

    /// The NetSchool code: `ОТ`, `УП`, `Б`, `НП`, `ОП`, `ОСВ`.
    pub fn netschool_code(self) -> &'static str {
        match self {
            AttendanceCode::Absent => "ОТ",
            AttendanceCode::Excused => "УП",
            AttendanceCode::Illness => "Б",
            AttendanceCode::Unexcused => "НП",
            AttendanceCode::Late => "ОП",
            AttendanceCode::Exempt => "ОСВ",
        }
    }

    /// The Russian name: «отсутствует», «по уважительной причине», «по
    /// болезни», «по неуважительной причине», «опоздание», «освобождён».
    pub fn russian_name(self) -> &'static str {
        match self {
            AttendanceCode::Absent => "отсутствует",
            AttendanceCode::Excused => "по уважительной причине",
            AttendanceCode::Illness => "по болезни",
            AttendanceCode::Unexcused => "по неуважительной причине",
            AttendanceCode::Late => "опоздание",
            AttendanceCode::Exempt => "освобождён",
        }
    }

    /// Parses a NetSchool code, case-insensitive, surrounding spaces
    /// ignored; the paper journal's «Н» is taken as ОТ.
    ///
    /// # Errors
    /// [`AttendanceError::UnknownCode`] for anything else.
    ///
    /// # Example
    /// ```
    /// use zhurnal::attendance::AttendanceCode;
    /// assert_eq!(AttendanceCode::parse(" ОСВ ")?, AttendanceCode::Exempt);
    /// assert_eq!(AttendanceCode::parse("н")?, AttendanceCode::Absent);
    /// assert_eq!(AttendanceCode::parse("X").unwrap_err().code(), "attendance.unknown_code");
    /// # Ok::<(), zhurnal::attendance::AttendanceError>(())
    /// ```
    pub fn parse(text: &str) -> Result<AttendanceCode, AttendanceError> {
        let upper = text.trim().to_uppercase();
        if upper == "Н" {
            return Ok(AttendanceCode::Absent);
        }
        AttendanceCode::ALL
            .into_iter()
            .find(|c| c.netschool_code() == upper)
            .ok_or_else(|| AttendanceError::UnknownCode {
                text: crate::excerpt::excerpt(text),
            })
    }

    /// Whether the student was not at the lesson: every code but ОП.
    pub fn is_absence(self) -> bool {
        !self.counts_as_present()
    }

    /// Whether the student counts as present: only ОП (late).
    pub fn counts_as_present(self) -> bool {
        self == AttendanceCode::Late
    }

    /// Whether the lesson counts as missed: ОТ, УП, Б, НП (not ОП, not ОСВ).
    pub fn is_missed(self) -> bool {
        !matches!(self, AttendanceCode::Late | AttendanceCode::Exempt)
    }
}

impl std::fmt::Display for AttendanceCode {
    /// The NetSchool code.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.netschool_code())
    }
}

impl std::str::FromStr for AttendanceCode {
    type Err = AttendanceError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        AttendanceCode::parse(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip() {
        for c in AttendanceCode::ALL {
            assert_eq!(AttendanceCode::parse(c.netschool_code()).unwrap(), c);
            assert_eq!(
                AttendanceCode::parse(&c.netschool_code().to_lowercase()).unwrap(),
                c
            );
            assert_eq!(c.to_string(), c.netschool_code());
        }
    }

    #[test]
    fn rules() {
        use AttendanceCode::*;
        let present: Vec<_> = AttendanceCode::ALL
            .into_iter()
            .filter(|c| c.counts_as_present())
            .collect();
        assert_eq!(present, [Late]);
        let missed: Vec<_> = AttendanceCode::ALL
            .into_iter()
            .filter(|c| c.is_missed())
            .collect();
        assert_eq!(missed, [Absent, Excused, Illness, Unexcused]);
        assert!(Exempt.is_absence() && !Exempt.is_missed());
        assert!(!Late.is_absence());
    }

    #[test]
    fn names() {
        assert_eq!(AttendanceCode::Illness.russian_name(), "по болезни");
        assert_eq!(AttendanceCode::Exempt.russian_name(), "освобождён");
    }

    #[test]
    fn unknown() {
        for bad in ["", "ОТТ", "O", "late", "Н П"] {
            let e = AttendanceCode::parse(bad).unwrap_err();
            assert_eq!(e.code(), "attendance.unknown_code", "{bad}");
        }
        assert!("xx".parse::<AttendanceCode>().is_err());
    }

    #[test]
    fn serde() {
        let json = serde_json::to_string(&AttendanceCode::Late).unwrap();
        assert_eq!(json, "\"late\"");
        assert_eq!(
            serde_json::from_str::<AttendanceCode>("\"exempt\"").unwrap(),
            AttendanceCode::Exempt
        );
        assert!(serde_json::from_str::<AttendanceCode>("\"ОТ\"").is_err());
    }
}

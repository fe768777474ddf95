//! Class names: a grade and a Cyrillic letter, like `5А`.

use serde::{Deserialize, Serialize};

use super::OrganisationError;

/// The Cyrillic letters schools use for parallel classes: the alphabet
/// without Ё, Й, Ъ, Ы and Ь.
const CLASS_LETTERS: &str = "АБВГДЕЖЗИКЛМНОПРСТУФХЦЧШЩЭЮЯ";

/// Latin capitals that look like Cyrillic ones, as typed on the wrong
/// keyboard layout, and the Cyrillic letter each stands for.
const LOOK_ALIKES: [(char, char); 11] = [
    ('A', 'А'),
    ('B', 'В'),
    ('E', 'Е'),
    ('K', 'К'),
    ('M', 'М'),
    ('H', 'Н'),
    ('O', 'О'),
    ('P', 'Р'),
    ('C', 'С'),
    ('T', 'Т'),
    ('X', 'Х'),
];

/// A class name: a grade 1–11 and an uppercase Cyrillic letter (`5А`,
/// `11Б`). Ordered by grade, then letter.
///
/// [`ClassName::parse`] is lenient about how it is typed:
/// - the letter may be lowercase (`5а`);
/// - one space or hyphen may separate grade and letter (`5 А`, `5-а`);
/// - the Latin capitals `A B E K M H O P C T X` (and their lowercase forms,
///   upper-cased first) are taken for the Cyrillic letters they look like
///   (`5A` with a Latin A is `5А`).
///
/// The letters Ё, Й, Ъ, Ы, Ь and any other character are refused with
/// `organisation.unknown_class_letter`.
///
/// # Example
/// ```
/// use zhurnal::organisation::ClassName;
/// let c = ClassName::parse("5-а")?;
/// assert_eq!(c.to_string(), "5А");
/// assert_eq!((c.grade(), c.letter()), (5, 'А'));
/// assert_eq!(ClassName::parse("5Ы").unwrap_err().code(), "organisation.unknown_class_letter");
/// # Ok::<(), zhurnal::organisation::OrganisationError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct ClassName {
    grade: u8,
    letter: char,
}

impl ClassName {
    /// A class name from a grade and a letter, given as text of one letter
    /// (normalised as in [`ClassName::parse`]).
    ///
    /// # Errors
    /// [`OrganisationError::GradeOutOfRange`] for a grade outside 1–11,
    /// [`OrganisationError::UnknownClassLetter`] for a letter not used,
    /// [`OrganisationError::InvalidClassName`] for text that is not one
    /// letter.
    ///
    /// # Example
    /// ```
    /// use zhurnal::organisation::ClassName;
    /// assert_eq!(ClassName::new(11, "б")?.to_string(), "11Б");
    /// assert_eq!(ClassName::new(12, "А").unwrap_err().code(), "organisation.grade_out_of_range");
    /// assert_eq!(ClassName::new(5, "АБ").unwrap_err().code(), "organisation.invalid_class_name");
    /// # Ok::<(), zhurnal::organisation::OrganisationError>(())
    /// ```
    pub fn new(grade: u8, letter: &str) -> Result<ClassName, OrganisationError> {
        let text = format!("{grade}{letter}");
        let mut chars = letter.trim().chars();
        match (chars.next(), chars.next()) {
            (Some(one), None) => Self::checked(u32::from(grade), one, &text),
            _ => Err(OrganisationError::InvalidClassName { text }),
        }
    }

    /// Parses a class name such as `5А`, `11 б`, `7-В`.
    ///
    /// # Errors
    /// [`OrganisationError::InvalidClassName`] when the text is not a
    /// number followed by one letter, [`OrganisationError::GradeOutOfRange`],
    /// [`OrganisationError::UnknownClassLetter`].
    ///
    /// # Example
    /// ```
    /// use zhurnal::organisation::ClassName;
    /// assert_eq!(ClassName::parse(" 10 в ")?.to_string(), "10В");
    /// assert_eq!(ClassName::parse("5АБ").unwrap_err().code(), "organisation.invalid_class_name");
    /// assert_eq!(ClassName::parse("0А").unwrap_err().code(), "organisation.grade_out_of_range");
    /// # Ok::<(), zhurnal::organisation::OrganisationError>(())
    /// ```
    pub fn parse(text: &str) -> Result<ClassName, OrganisationError> {
        let invalid = || OrganisationError::InvalidClassName {
            text: crate::excerpt::excerpt(text),
        };
        let trimmed = text.trim();
        let digits_end = trimmed
            .find(|c: char| !c.is_ascii_digit())
            .unwrap_or(trimmed.len());
        let (digits, rest) = trimmed.split_at(digits_end);
        if digits.is_empty() || digits.len() > 3 {
            return Err(invalid());
        }
        let grade: u32 = digits.parse().map_err(|_| invalid())?;
        let rest = rest
            .strip_prefix(' ')
            .or_else(|| rest.strip_prefix('-'))
            .unwrap_or(rest);
        let mut chars = rest.chars();
        let (Some(letter), None) = (chars.next(), chars.next()) else {
            return Err(invalid());
        };
        Self::checked(grade, letter, text)
    }

    fn checked(grade: u32, letter: char, text: &str) -> Result<ClassName, OrganisationError> {
        if !(1..=11).contains(&grade) {
            return Err(OrganisationError::GradeOutOfRange {
                grade,
                text: crate::excerpt::excerpt(text),
            });
        }
        let unknown = || OrganisationError::UnknownClassLetter {
            letter,
            text: crate::excerpt::excerpt(text),
        };
        let mut upper = letter.to_uppercase();
        let (Some(up), None) = (upper.next(), upper.next()) else {
            return Err(unknown());
        };
        let up = LOOK_ALIKES
            .iter()
            .find(|(latin, _)| *latin == up)
            .map_or(up, |&(_, cyrillic)| cyrillic);
        if !CLASS_LETTERS.contains(up) {
            return Err(unknown());
        }
        let grade = u8::try_from(grade).map_err(|_| unknown())?;
        Ok(ClassName { grade, letter: up })
    }

    /// The grade (параллель), 1–11.
    pub fn grade(&self) -> u8 {
        self.grade
    }

    /// The uppercase Cyrillic letter.
    pub fn letter(&self) -> char {
        self.letter
    }
}

impl std::fmt::Display for ClassName {
    /// `5А`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}{}", self.grade, self.letter)
    }
}

impl std::str::FromStr for ClassName {
    type Err = OrganisationError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        ClassName::parse(s)
    }
}

impl TryFrom<String> for ClassName {
    type Error = OrganisationError;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        ClassName::parse(&s)
    }
}

impl From<ClassName> for String {
    fn from(c: ClassName) -> String {
        c.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str) -> Result<ClassName, OrganisationError> {
        ClassName::parse(s)
    }

    #[test]
    fn accepted_forms() {
        for (text, expected) in [
            ("5А", "5А"),
            ("5а", "5А"),
            ("5 А", "5А"),
            ("5-а", "5А"),
            (" 11Б ", "11Б"),
            ("1Я", "1Я"),
            ("9Э", "9Э"),
            ("5A", "5А"),   // Latin A
            ("5c", "5С"),   // Latin c
            ("7X", "7Х"),   // Latin X
            ("8H", "8Н"),   // Latin H → Н
            ("3p", "3Р"),   // Latin p → Р
            ("10B", "10В"), // Latin B → В
        ] {
            let c = p(text).unwrap_or_else(|e| panic!("{text}: {e}"));
            assert_eq!(c.to_string(), expected, "{text}");
        }
        let c = p("5A").unwrap();
        assert_eq!(c.letter(), 'А');
        assert_eq!(c, p("5А").unwrap());
    }

    #[test]
    fn refused_letters() {
        for text in [
            "5Ё", "5ё", "5Й", "5Ъ", "5Ы", "5ь", "5D", "5Q", "5ß", "5?", "5Ω", "5Ї",
        ] {
            let e = p(text).unwrap_err();
            assert_eq!(e.code(), "organisation.unknown_class_letter", "{text}");
        }
        assert_eq!(
            p("5Ы").unwrap_err().to_string(),
            "unknown class letter 'Ы' in \"5Ы\""
        );
    }

    #[test]
    fn refused_shapes_and_grades() {
        for text in ["", "А", "5", "5АБ", "5  А", "5--А", "А5", "5 -А", "99999А"] {
            assert_eq!(
                p(text).unwrap_err().code(),
                "organisation.invalid_class_name",
                "{text:?}"
            );
        }
        for text in ["0А", "12А", "100Б"] {
            assert_eq!(
                p(text).unwrap_err().code(),
                "organisation.grade_out_of_range",
                "{text}"
            );
        }
        assert_eq!(
            ClassName::new(0, "А").unwrap_err().code(),
            "organisation.grade_out_of_range"
        );
        assert_eq!(
            ClassName::new(5, "Й").unwrap_err().code(),
            "organisation.unknown_class_letter"
        );
    }

    #[test]
    fn order_and_serde() {
        let mut v = [p("10А").unwrap(), p("5Б").unwrap(), p("5А").unwrap()];
        v.sort();
        let s: Vec<String> = v.iter().map(ToString::to_string).collect();
        assert_eq!(s, ["5А", "5Б", "10А"]);
        let json = serde_json::to_string(&p("5а").unwrap()).unwrap();
        assert_eq!(json, "\"5А\"");
        assert_eq!(
            serde_json::from_str::<ClassName>("\"5a\"").unwrap(),
            p("5А").unwrap()
        );
        assert!(serde_json::from_str::<ClassName>("\"5Ы\"").is_err());
        assert_eq!("7в".parse::<ClassName>().unwrap().to_string(), "7В");
    }
}

//! Logins: transliteration of Russian names by the passport rules, and the
//! validated [`Login`] type.

use serde::{Deserialize, Serialize};

use crate::credentials::CredentialError;
use crate::organisation::PersonName;

/// The passport transliteration of one lowercase Russian letter; `None` for
/// any other character.
fn letter(c: char) -> Option<&'static str> {
    Some(match c {
        'а' => "a",
        'б' => "b",
        'в' => "v",
        'г' => "g",
        'д' => "d",
        'е' | 'ё' | 'э' => "e",
        'ж' => "zh",
        'з' => "z",
        'и' | 'й' => "i",
        'к' => "k",
        'л' => "l",
        'м' => "m",
        'н' => "n",
        'о' => "o",
        'п' => "p",
        'р' => "r",
        'с' => "s",
        'т' => "t",
        'у' => "u",
        'ф' => "f",
        'х' => "kh",
        'ц' => "ts",
        'ч' => "ch",
        'ш' => "sh",
        'щ' => "shch",
        'ъ' => "ie",
        'ы' => "y",
        'ь' => "",
        'ю' => "iu",
        'я' => "ia",
        _ => return None,
    })
}

/// Transliterates Russian letters (either case) by the passport rules into
/// lowercase Latin; every other character is lowercased and kept.
///
/// Transliteration follows the rules of the Russian international passport
/// (ICAO Doc 9303, приказ МВД России 2017):
///
/// | а | б | в | г | д | е | ё | ж  | з | и | й | к | л | м | н | о | п |
/// |---|---|---|---|---|---|---|----|---|---|---|---|---|---|---|---|---|
/// | a | b | v | g | d | e | e | zh | z | i | i | k | l | m | n | o | p |
///
/// | р | с | т | у | ф | х  | ц  | ч  | ш  | щ    | ъ  | ы | ь | э | ю  | я  |
/// |---|---|---|---|---|----|----|----|----|------|----|---|---|---|----|----|
/// | r | s | t | u | f | kh | ts | ch | sh | shch | ie | y | — | e | iu | ia |
///
/// A login is the transliterated last name, a dot, and the transliterated
/// initials of the first name and patronymic: «Щербакова Юлия Андреевна» →
/// `shcherbakova.iua`. Hyphens of a double last name are kept and spaces
/// become hyphens («Римский-Корсаков», «Мамин Сибиряк» →
/// `rimskii-korsakov`, `mamin-sibiriak`); apostrophes and other punctuation
/// are dropped. The registry makes it unique in the school with a numeric
/// suffix (`ivanov.ii`, `ivanov.ii2`, …).
///
/// # Example
/// ```
/// use zhurnal::credentials::transliterate;
/// assert_eq!(transliterate("Щукин-Ёлкин"), "shchukin-elkin");
/// assert_eq!(transliterate("Подъячев Ильич"), "podieiachev ilich");
/// ```
pub fn transliterate(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars().flat_map(char::to_lowercase) {
        match letter(c) {
            Some(latin) => out.push_str(latin),
            None => out.push(c),
        }
    }
    out
}

/// Transliterates a name part for a login: letters and digits kept,
/// spaces and hyphens become one hyphen, apostrophes and punctuation
/// dropped.
fn login_part(part: &str) -> Result<String, CredentialError> {
    let mut out = String::new();
    for c in transliterate(part).chars() {
        match c {
            'a'..='z' | '0'..='9' => out.push(c),
            '-' | ' ' | '\u{2010}' | '\u{2011}' | '\u{2013}'
                if !out.is_empty() && !out.ends_with('-') =>
            {
                out.push('-');
            }
            c if c.is_alphabetic() => return Err(CredentialError::Untransliterable { ch: c }),
            _ => {}
        }
    }
    Ok(out.trim_end_matches('-').to_owned())
}

/// The first letter of a name part, transliterated (`Ю` → `iu`); empty for
/// a part that gives no Latin letter (e.g. only `ь`).
fn initial(part: &str) -> Result<String, CredentialError> {
    for c in part.chars() {
        let t = login_part(&c.to_string())?;
        if !t.is_empty() {
            return Ok(t);
        }
    }
    Ok(String::new())
}

/// A login: lowercase Latin letters, digits, `.` and `-`, starting with a
/// letter, at most 64 characters, not ending with `.` or `-`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Login(String);

impl Login {
    /// The longest login.
    pub const MAX_LEN: usize = 64;

    /// A login from its text.
    ///
    /// # Errors
    /// [`CredentialError::InvalidLogin`] for anything but the form above.
    ///
    /// # Example
    /// ```
    /// use zhurnal::credentials::Login;
    /// assert_eq!(Login::new("ivanov.ii2")?.as_str(), "ivanov.ii2");
    /// assert_eq!(Login::new("Ivanov").unwrap_err().code(), "credential.invalid_login");
    /// # Ok::<(), zhurnal::credentials::CredentialError>(())
    /// ```
    pub fn new(text: &str) -> Result<Login, CredentialError> {
        let ok = text.len() <= Self::MAX_LEN
            && text.chars().next().is_some_and(|c| c.is_ascii_lowercase())
            && !text.ends_with(['.', '-'])
            && text
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '.' || c == '-');
        if !ok {
            return Err(CredentialError::InvalidLogin {
                chars: text.chars().count(),
            });
        }
        Ok(Login(text.to_owned()))
    }

    /// The base login for a person: `lastname.initials`, transliterated.
    ///
    /// # Errors
    /// [`CredentialError::Untransliterable`] for a letter outside Russian
    /// and Latin, or [`CredentialError::InvalidLogin`] when nothing usable
    /// is left (e.g. a last name of digits only).
    ///
    /// # Example
    /// ```
    /// use zhurnal::organisation::PersonName;
    /// use zhurnal::credentials::Login;
    /// let name = PersonName::new("Щербакова", "Юлия", Some("Андреевна"))?;
    /// assert_eq!(Login::for_name(&name)?.as_str(), "shcherbakova.iua");
    /// let double = PersonName::new("Мамин Сибиряк", "Дмитрий", None)?;
    /// assert_eq!(Login::for_name(&double)?.as_str(), "mamin-sibiriak.d");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn for_name(name: &PersonName) -> Result<Login, CredentialError> {
        let last = login_part(name.last())?;
        let mut initials = initial(name.first())?;
        if let Some(p) = name.patronymic() {
            initials.push_str(&initial(p)?);
        }
        let mut text = last;
        if !initials.is_empty() {
            text.push('.');
            text.push_str(&initials);
        }
        // Keep room for a numeric suffix.
        let limit = Self::MAX_LEN - 6;
        if text.len() > limit {
            text.truncate(limit);
            let trimmed = text.trim_end_matches(['.', '-']).len();
            text.truncate(trimmed);
        }
        Login::new(&text)
    }

    /// This login with a numeric suffix: `ivanov.ii` → `ivanov.ii2`.
    pub(crate) fn with_suffix(&self, n: u32) -> Result<Login, CredentialError> {
        Login::new(&format!("{}{n}", self.0))
    }

    /// The text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for Login {
    type Error = CredentialError;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        Login::new(&s)
    }
}

impl From<Login> for String {
    fn from(l: Login) -> String {
        l.0
    }
}

impl std::str::FromStr for Login {
    type Err = CredentialError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Login::new(s)
    }
}

impl std::fmt::Display for Login {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn name(last: &str, first: &str, patronymic: Option<&str>) -> PersonName {
        PersonName::new(last, first, patronymic).unwrap()
    }

    #[test]
    fn whole_alphabet() {
        let lower = "абвгдеёжзийклмнопрстуфхцчшщъыьэюя";
        let expected = [
            "a", "b", "v", "g", "d", "e", "e", "zh", "z", "i", "i", "k", "l", "m", "n", "o", "p",
            "r", "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "ie", "y", "", "e", "iu",
            "ia",
        ];
        assert_eq!(lower.chars().count(), 33);
        for (c, latin) in lower.chars().zip(expected) {
            assert_eq!(transliterate(&c.to_string()), latin, "{c}");
            let upper: String = c.to_uppercase().collect();
            assert_eq!(transliterate(&upper), latin, "{upper}");
        }
        assert_eq!(
            transliterate(lower),
            "abvgdeezhziiklmnoprstufkhtschshshchieyeiuia"
        );
    }

    #[test]
    fn special_letters() {
        assert_eq!(transliterate("Ёжиков"), "ezhikov");
        assert_eq!(transliterate("Алёна"), "alena");
        assert_eq!(transliterate("Андрей Йошкин"), "andrei ioshkin");
        assert_eq!(transliterate("Объедков"), "obieedkov");
        assert_eq!(transliterate("Подъезд"), "podieezd");
        assert_eq!(transliterate("Игорь Ильич"), "igor ilich");
        assert_eq!(
            transliterate("Эльвира Юрьевна Яковлева"),
            "elvira iurevna iakovleva"
        );
        assert_eq!(transliterate("Хрущёв Цой"), "khrushchev tsoi");
    }

    #[test]
    fn logins_from_names() {
        let cases = [
            (name("Иванов", "Иван", Some("Иванович")), "ivanov.ii"),
            (
                name("Римский-Корсаков", "Николай", Some("Андреевич")),
                "rimskii-korsakov.na",
            ),
            (
                name("Мамин Сибиряк", "Дмитрий", Some("Наркисович")),
                "mamin-sibiriak.dn",
            ),
            (
                name("Петрова - Водкина", "Ольга", None),
                "petrova-vodkina.o",
            ),
            (name("Ёлкина", "Юлия", Some("Яковлевна")), "elkina.iuia"),
            (name("Щукин", "Жан", Some("Шамильевич")), "shchukin.zhsh"),
            (name("Д'Артаньян", "Шарль", None), "dartanian.sh"),
            (name("Smith", "John", None), "smith.j"),
            (name("Ким", "Ён", Some("Хи")), "kim.ekh"),
        ];
        for (n, login) in cases {
            assert_eq!(Login::for_name(&n).unwrap().as_str(), login, "{n}");
        }
    }

    #[test]
    fn login_errors() {
        let e = Login::for_name(&name("Шевченко", "Їжак", None)).unwrap_err();
        assert_eq!(e.code(), "credential.untransliterable");
        assert_eq!(
            e.to_string(),
            "cannot transliterate 'ї': use Russian or Latin letters"
        );
        let e = Login::for_name(&name("123", "Иван", None)).unwrap_err();
        assert_eq!(e.code(), "credential.invalid_login");
        for bad in [
            "",
            "1abc",
            "abc.",
            "abc-",
            "ab c",
            "Abc",
            "аbc",
            &"a".repeat(65),
        ] {
            assert!(Login::new(bad).is_err(), "{bad}");
        }
        assert!(serde_json::from_str::<Login>(r#""Ivanov""#).is_err());
        let l: Login = serde_json::from_str(r#""ivanov.ii""#).unwrap();
        assert_eq!(l.with_suffix(2).unwrap().as_str(), "ivanov.ii2");
    }

    #[test]
    fn long_names_leave_room_for_a_suffix() {
        let n = name(&"Щ".repeat(30), "Иван", None);
        let l = Login::for_name(&n).unwrap();
        assert!(l.as_str().len() <= Login::MAX_LEN - 6);
        assert!(l.with_suffix(99_999).is_ok());
    }

    proptest! {
        /// Every Russian name whose last name starts with a letter that
        /// transliterates to Latin letters (any but «Ь») gives a login:
        /// the transliterated last name, a dot and the initials.
        #[test]
        fn russian_names_always_give_a_login(
            last in "[А-ЫЭ-ЯЁ][а-яё]{1,15}(-[А-ЫЭ-ЯЁ][а-яё]{1,15})?",
            first in "[А-ЫЭ-ЯЁ][а-яё]{1,10}",
            patronymic in proptest::option::of("[А-ЫЭ-ЯЁ][а-яё]{1,10}"),
        ) {
            let n = name(&last, &first, patronymic.as_deref());
            let login = Login::for_name(&n);
            prop_assert!(login.is_ok(), "{n}: {login:?}");
            let login = login.unwrap();
            prop_assert!(Login::new(login.as_str()).is_ok());
            prop_assert!(login.as_str().is_ascii());
            let mut initials = initial(&first).unwrap();
            initials.push_str(&patronymic.as_deref().map(|p| initial(p).unwrap()).unwrap_or_default());
            let expected = format!("{}.{initials}", login_part(&last).unwrap());
            if expected.len() <= Login::MAX_LEN - 6 {
                prop_assert_eq!(login.as_str(), expected.as_str());
            } else {
                prop_assert!(expected.starts_with(login.as_str()));
            }
            prop_assert!(login.with_suffix(99_999).is_ok());
        }
    }

    #[test]
    fn a_name_without_latin_letters_gives_no_login() {
        let e = Login::for_name(&name("Ьь", "Иван", None)).unwrap_err();
        assert_eq!(e.code(), "credential.invalid_login");
    }
}

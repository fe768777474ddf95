//! Walking a NetSchool payload with the JSON path of every value, so that
//! a missing or mistyped field is reported where it is
//! (`weekDays[2].lessons[0].number`).

use chrono::{NaiveDate, NaiveTime};
use serde_json::Value;

use crate::excerpt::excerpt;
use crate::interop::InteropError;

/// A value of the payload with its path.
pub(super) struct Node<'a> {
    pub(super) value: &'a Value,
    path: String,
}

impl<'a> Node<'a> {
    /// The root of a parsed payload.
    pub(super) fn root(value: &'a Value) -> Node<'a> {
        Node {
            value,
            path: String::new(),
        }
    }

    fn child(&self, key: &str) -> String {
        if self.path.is_empty() {
            key.to_owned()
        } else {
            format!("{}.{key}", self.path)
        }
    }

    /// The error for this node.
    pub(super) fn error(&self, reason: impl Into<String>) -> InteropError {
        error(&self.path, reason)
    }

    /// A required field (present and not null).
    pub(super) fn field(&self, key: &str) -> Result<Node<'a>, InteropError> {
        self.optional(key)?
            .ok_or_else(|| error(&self.child(key), "required field missing"))
    }

    /// An optional field: `None` when absent or null.
    pub(super) fn optional(&self, key: &str) -> Result<Option<Node<'a>>, InteropError> {
        let Value::Object(map) = self.value else {
            return Err(self.error(format!("an object expected, found {}", kind(self.value))));
        };
        Ok(map.get(key).filter(|v| !v.is_null()).map(|value| Node {
            value,
            path: self.child(key),
        }))
    }

    /// The items of an array.
    pub(super) fn items(&self) -> Result<Vec<Node<'a>>, InteropError> {
        let Value::Array(items) = self.value else {
            return Err(self.error(format!("an array expected, found {}", kind(self.value))));
        };
        Ok(items
            .iter()
            .enumerate()
            .map(|(i, value)| Node {
                value,
                path: format!("{}[{i}]", self.path),
            })
            .collect())
    }

    /// A string.
    pub(super) fn str(&self) -> Result<&'a str, InteropError> {
        self.value
            .as_str()
            .ok_or_else(|| self.error(format!("a string expected, found {}", kind(self.value))))
    }

    /// An integer.
    pub(super) fn int(&self) -> Result<i64, InteropError> {
        self.value
            .as_i64()
            .ok_or_else(|| self.error(format!("an integer expected, found {}", self.shown())))
    }

    /// An integer that fits a `u32` (ids).
    pub(super) fn id(&self) -> Result<u32, InteropError> {
        let v = self.int()?;
        u32::try_from(v)
            .map_err(|_| self.error(format!("an id 0..=4294967295 expected, found {v}")))
    }

    /// A boolean.
    pub(super) fn bool(&self) -> Result<bool, InteropError> {
        self.value
            .as_bool()
            .ok_or_else(|| self.error(format!("true or false expected, found {}", self.shown())))
    }

    /// A date `YYYY-MM-DD`, with or without the server's `T00:00:00`.
    pub(super) fn date(&self) -> Result<NaiveDate, InteropError> {
        let text = self.str()?;
        let day = text.strip_suffix("T00:00:00").unwrap_or(text);
        NaiveDate::parse_from_str(day, "%Y-%m-%d")
            .ok()
            .filter(|_| day.len() == 10)
            .ok_or_else(|| {
                self.error(format!(
                    "a date YYYY-MM-DD expected, found {:?}",
                    excerpt(text)
                ))
            })
    }

    /// A time `HH:MM` (or `HH:MM:SS`).
    pub(super) fn time(&self) -> Result<NaiveTime, InteropError> {
        let text = self.str()?;
        NaiveTime::parse_from_str(text, "%H:%M")
            .or_else(|_| NaiveTime::parse_from_str(text, "%H:%M:%S"))
            .map_err(|_| self.error(format!("a time HH:MM expected, found {:?}", excerpt(text))))
    }

    /// The value, shortened, for a message.
    pub(super) fn shown(&self) -> String {
        excerpt(&self.value.to_string())
    }
}

fn kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// A payload error at `path`.
pub(super) fn error(path: &str, reason: impl Into<String>) -> InteropError {
    InteropError::Payload {
        path: if path.is_empty() {
            "$".to_owned()
        } else {
            path.to_owned()
        },
        reason: reason.into(),
    }
}

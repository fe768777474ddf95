//! Where the secrets test keeps every string the library emitted: each
//! value's `Debug` (plain and pretty), `Display` when it has one, JSON
//! when it serialises, every error's message, code and `Debug`, and the
//! files it wrote.

use std::fmt::{Debug, Display};
use std::path::Path;

use zhurnal::Error;

/// The emitted strings, each with where it came from.
#[derive(Default)]
pub(crate) struct Sink {
    pub(crate) strings: Vec<(String, String)>,
}

/// Records a value's `Debug` and JSON.
macro_rules! json {
    ($sink:expr, $what:expr, $value:expr) => {{
        let value = &$value;
        $sink.debug($what, value);
        $sink.text($what, serde_json::to_string(value).unwrap());
    }};
}
pub(crate) use json;

impl Sink {
    pub(crate) fn text(&mut self, what: impl Display, s: impl Into<String>) {
        self.strings.push((what.to_string(), s.into()));
    }

    pub(crate) fn debug<T: Debug + ?Sized>(&mut self, what: impl Display, v: &T) {
        self.text(format!("{what} (Debug)"), format!("{v:?}"));
        self.text(format!("{what} (Debug, pretty)"), format!("{v:#?}"));
    }

    pub(crate) fn shown<T: Debug + Display + ?Sized>(&mut self, what: impl Display, v: &T) {
        self.debug(&what, v);
        self.text(format!("{what} (Display)"), v.to_string());
    }

    pub(crate) fn error(&mut self, what: impl Display, e: &Error) {
        self.shown(&what, e);
        self.text(format!("{what} (code)"), e.code());
    }

    /// Records a result: its value's `Debug`, or the error; gives it back.
    pub(crate) fn result<T: Debug>(
        &mut self,
        what: impl Display,
        r: Result<T, Error>,
    ) -> Result<T, Error> {
        match &r {
            Ok(v) => self.debug(what, v),
            Err(e) => self.error(what, e),
        }
        r
    }

    /// Records a result expected to fail with `code`.
    pub(crate) fn refused<T: Debug>(
        &mut self,
        what: impl Display,
        r: Result<T, Error>,
        code: &str,
    ) {
        let e = r.unwrap_err();
        assert_eq!(e.code(), code, "{what}: {e}");
        self.error(what, &e);
    }

    /// Records every file under `dir`, read as text.
    pub(crate) fn files(&mut self, dir: &Path) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                self.files(&path);
            } else {
                let bytes = std::fs::read(&path).unwrap();
                let name = path.file_name().unwrap().to_string_lossy().into_owned();
                self.text(format!("file {name}"), String::from_utf8_lossy(&bytes));
            }
        }
    }

    /// How many bytes were recorded.
    pub(crate) fn bytes(&self) -> usize {
        self.strings.iter().map(|(_, s)| s.len()).sum()
    }
}

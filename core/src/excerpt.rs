//! Short excerpts of input values for error messages: an error names what
//! was wrong without echoing a whole (possibly huge or personal) value.

/// The most characters of an input value an error message repeats.
pub const EXCERPT_CHARS: usize = 64;

/// The most characters of a nested error's message an error repeats (the
/// message of a value refused inside a document: it names ids and dates,
/// and holds at most an excerpt of an input value itself).
pub const MESSAGE_CHARS: usize = 240;

/// A nested error's message cut as [`excerpt`] cuts a value, at
/// [`MESSAGE_CHARS`] characters: a safety net for messages written by
/// others (a JSON parser's) that may quote more of the input.
pub fn excerpt_message(text: &str) -> String {
    cut_at(text, MESSAGE_CHARS)
}

/// `text` itself when it has at most [`EXCERPT_CHARS`] characters,
/// otherwise its first [`EXCERPT_CHARS`] characters, an ellipsis and the
/// whole length (`"Гимназия…… (20000000 characters)"`).
///
/// # Example
/// ```
/// use zhurnal::excerpt::{EXCERPT_CHARS, excerpt};
/// assert_eq!(excerpt("5Ы"), "5Ы");
/// let long = "я".repeat(1000);
/// let cut = excerpt(&long);
/// assert!(cut.starts_with(&"я".repeat(EXCERPT_CHARS)));
/// assert!(cut.ends_with("… (1000 characters)"));
/// ```
pub fn excerpt(text: &str) -> String {
    cut_at(text, EXCERPT_CHARS)
}

fn cut_at(text: &str, limit: usize) -> String {
    match text.char_indices().nth(limit) {
        None => text.to_owned(),
        Some((cut, _)) => format!("{}… ({} characters)", &text[..cut], text.chars().count()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_keep_more_than_values() {
        let message = format!("homework of lesson#1 {}", "x".repeat(100));
        assert_eq!(excerpt_message(&message), message);
        assert!(excerpt_message(&"y".repeat(1000)).ends_with("… (1000 characters)"));
    }

    #[test]
    fn short_text_is_kept_whole() {
        assert_eq!(excerpt(""), "");
        let exact = "a".repeat(EXCERPT_CHARS);
        assert_eq!(excerpt(&exact), exact);
    }

    #[test]
    fn long_text_is_cut_at_a_character_boundary() {
        let long = format!("{}{}", "ж".repeat(EXCERPT_CHARS), "x".repeat(10));
        let cut = excerpt(&long);
        assert_eq!(
            cut,
            format!("{}… (74 characters)", "ж".repeat(EXCERPT_CHARS))
        );
    }
}

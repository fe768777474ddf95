//! The text or bytes an entry feeds to a parser, built as the catalogue's
//! README describes: a literal `text`, `hex` bytes, or the base school
//! with `replace` pairs, a `repeat` marker and `cut_after`.

use serde_json::Value;

/// The base school: a handle snapshot of format version 1.
pub(crate) const BASE: &str = include_str!("../../conformance/school-v1.json");

/// The bytes of `input`; `Err` for a malformed entry.
pub(crate) fn bytes(input: &Value) -> Result<Vec<u8>, String> {
    if let Some(hex) = input.get("hex").and_then(Value::as_str) {
        return (0..hex.len())
            .step_by(2)
            .map(|i| {
                hex.get(i..i + 2)
                    .and_then(|h| u8::from_str_radix(h, 16).ok())
                    .ok_or_else(|| format!("bad hex at {i}"))
            })
            .collect();
    }
    text(input).map(String::into_bytes)
}

/// The text of `input`; `Err` for a malformed entry.
pub(crate) fn text(input: &Value) -> Result<String, String> {
    let mut text = match (input.get("text"), input.get("base")) {
        (Some(Value::String(t)), None) => t.clone(),
        (None, Some(Value::Bool(true))) => BASE.to_owned(),
        _ => return Err(format!("an input needs `text` or `base`: {input}")),
    };
    for pair in input
        .get("replace")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        let (Some(old), Some(new)) = (
            pair.get(0).and_then(Value::as_str),
            pair.get(1).and_then(Value::as_str),
        ) else {
            return Err(format!("a replacement is [old, new]: {pair}"));
        };
        if !text.contains(old) {
            return Err(format!("{old:?} is not in the input"));
        }
        text = text.replacen(old, new, 1);
    }
    if let Some(r) = input.get("repeat") {
        let marker = r.get("marker").and_then(Value::as_str).unwrap_or("@@");
        let unit = r.get("text").and_then(Value::as_str).unwrap_or("x");
        let count = r.get("count").and_then(Value::as_u64).unwrap_or(0);
        if !text.contains(marker) {
            return Err(format!("the marker {marker:?} is not in the input"));
        }
        let count = usize::try_from(count).map_err(|e| e.to_string())?;
        text = text.replacen(marker, &unit.repeat(count), 1);
    }
    if let Some(cut) = input.get("cut_after").and_then(Value::as_str) {
        let at = text
            .find(cut)
            .ok_or_else(|| format!("{cut:?} is not in the input"))?;
        text.truncate(at + cut.len());
    }
    Ok(text)
}

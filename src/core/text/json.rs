//! JSON read and written the one way. serde_json builds a writer of every type for every kind
//! of output and a reader for every kind of input: the saved work, written into storage a slice
//! at a time (`write_into`), and everything else written into a `String`, held two writers of
//! an annotation, a label, a document's record. Everything Glossa writes compactly goes through
//! `write_into`'s one writer, and everything it reads is read from a `&str`.

use std::io::Write;

use serde::de::DeserializeOwned;
use serde::Serialize;

/// `text` read as a `T` (as `serde_json::from_str`).
pub fn read<T: DeserializeOwned>(text: &str) -> serde_json::Result<T> {
    serde_json::from_str(text)
}

/// `value` written as compact JSON (as `serde_json::to_string`, through the one writer).
pub fn write<T: Serialize + ?Sized>(value: &T) -> serde_json::Result<String> {
    let mut text = Vec::new();
    write_into(&mut text, value)?;
    // serde_json writes only UTF-8.
    Ok(String::from_utf8(text).unwrap_or_default())
}

/// `value` written as compact JSON into `into`, a piece at a time.
pub fn write_into<T: Serialize + ?Sized>(into: &mut dyn Write, value: &T) -> serde_json::Result<()> {
    serde_json::to_writer(into, value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_and_writes_as_serde_json_does() {
        let text = r#" {"a": [1, 2.5, "é🚀\n"], "b": null} "#;
        let value: serde_json::Value = read(text).unwrap();
        assert_eq!(value, serde_json::from_str::<serde_json::Value>(text).unwrap());
        assert_eq!(write(&value).unwrap(), serde_json::to_string(&value).unwrap());
        assert_eq!(
            read::<serde_json::Value>(r#"{"a": 1} {"#).unwrap_err().to_string(),
            serde_json::from_str::<serde_json::Value>(r#"{"a": 1} {"#).unwrap_err().to_string()
        );
    }
}

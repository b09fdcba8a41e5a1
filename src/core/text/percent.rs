//! Percent-encoding (RFC 3986): any text as the unreserved characters of a URI, and back. Ids of
//! other tools' files in an annotation's IRI, names in the page's address.

/// `text` with every byte outside the unreserved characters (`A–Z a–z 0–9 - . _ ~`) as `%XX`.
pub fn encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => out.push(byte as char),
            _ => out.push_str(&format!("%{byte:02X}")),
        }
    }
    out
}

/// The text of `text` percent-decoded; a `%` not followed by two hex digits stays as it is, and
/// bytes that are not UTF-8 are replaced.
pub fn decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut at = 0;
    while at < bytes.len() {
        let hex = bytes.get(at + 1..at + 3).and_then(|h| std::str::from_utf8(h).ok()).and_then(|h| u8::from_str_radix(h, 16).ok());
        match (bytes[at], hex) {
            (b'%', Some(byte)) => {
                out.push(byte);
                at += 3;
            }
            (byte, _) => {
                out.push(byte);
                at += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn any_text_goes_and_comes_back() {
        for text in ["Ada Lovelace", "Zoë / 🚀 #1 ?x=y", "100%", "", "%zz"] {
            assert_eq!(decode(&encode(text)), text);
        }
        assert_eq!(encode("a b/é"), "a%20b%2F%C3%A9");
        assert_eq!(decode("50%"), "50%", "a lone % stays");
    }
}

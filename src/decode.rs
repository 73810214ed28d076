//! Bytes to text as browsers decode a page: BOM, then UTF-8 if valid, then the
//! `<meta charset>` (or `http-equiv` content type), then windows-1252, never failing.

/// Decodes a page's bytes; returns the text and the name of the encoding used.
pub fn decode_html(bytes: &[u8]) -> (String, &'static str) {
    if let Some((enc, bom_len)) = encoding_rs::Encoding::for_bom(bytes) {
        let (text, _) = enc.decode_without_bom_handling(&bytes[bom_len..]);
        return (text.into_owned(), enc.name());
    }
    if let Ok(s) = std::str::from_utf8(bytes) {
        return (s.to_string(), "UTF-8");
    }
    let head = &bytes[..bytes.len().min(16 * 1024)];
    let enc = meta_charset(head)
        .and_then(|label| encoding_rs::Encoding::for_label(label.as_bytes()))
        .unwrap_or(encoding_rs::WINDOWS_1252);
    // A page that declares UTF-8 but is not valid UTF-8: browsers replace the bad bytes.
    let (text, used, _) = enc.decode(bytes);
    (text.into_owned(), used.name())
}

/// The charset named in a `<meta charset=…>` or `<meta http-equiv content="…; charset=…">`.
fn meta_charset(head: &[u8]) -> Option<String> {
    let lower: Vec<u8> = head.iter().map(|b| b.to_ascii_lowercase()).collect();
    let mut from = 0;
    while let Some(pos) = find(&lower[from..], b"<meta") {
        let start = from + pos;
        let end = find(&lower[start..], b">").map(|e| start + e).unwrap_or(lower.len());
        let tag = &lower[start..end];
        if let Some(c) = find(tag, b"charset") {
            let rest = &tag[c + 7..];
            let rest: Vec<u8> = rest
                .iter()
                .copied()
                .skip_while(|b| b.is_ascii_whitespace() || *b == b'=' || *b == b'"' || *b == b'\'')
                .collect();
            let label: String = rest
                .iter()
                .take_while(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b':' | b'.'))
                .map(|&b| b as char)
                .collect();
            if !label.is_empty() {
                return Some(label);
            }
        }
        from = end;
    }
    None
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::decode_html;

    #[test]
    fn bom_utf8_meta_and_fallback() {
        assert_eq!(decode_html(b"\xef\xbb\xbfcaf\xc3\xa9").0, "café");
        assert_eq!(decode_html("café".as_bytes()).0, "café");
        let latin = b"<meta charset=\"iso-8859-1\"><p>caf\xe9</p>";
        assert!(decode_html(latin).0.contains("café"));
        assert!(decode_html(b"<p>caf\xe9 \x80</p>").0.contains("café €"));
    }
}

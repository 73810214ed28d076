//! Small text helpers shared by the metadata readers: entity unescaping, whitespace
//! normalisation, case- and accent-insensitive prefix stripping, raw text of an element.

use crate::dom::Document;
use crate::dom::NodeId;

/// Named entities seen in JSON-LD strings and double-escaped meta content. scraper already
/// decodes entities in text and attributes; this is for strings that were escaped twice.
const NAMED_ENTITIES: &[(&str, &str)] = &[
    ("amp", "&"),
    ("lt", "<"),
    ("gt", ">"),
    ("quot", "\""),
    ("apos", "'"),
    ("nbsp", "\u{a0}"),
    ("rsquo", "’"),
    ("lsquo", "‘"),
    ("rdquo", "”"),
    ("ldquo", "“"),
    ("laquo", "«"),
    ("raquo", "»"),
    ("ndash", "–"),
    ("mdash", "—"),
    ("hellip", "…"),
    ("eacute", "é"),
    ("egrave", "è"),
    ("agrave", "à"),
    ("ccedil", "ç"),
    ("ecirc", "ê"),
    ("ocirc", "ô"),
    ("icirc", "î"),
    ("uuml", "ü"),
    ("ouml", "ö"),
    ("auml", "ä"),
    ("szlig", "ß"),
    ("aacute", "á"),
    ("iacute", "í"),
    ("oacute", "ó"),
    ("uacute", "ú"),
    ("ntilde", "ñ"),
    ("copy", "©"),
    ("reg", "®"),
    ("euro", "€"),
];

/// Longest entity name we try to decode (keeps the scan bounded on "&" followed by prose).
const MAX_ENTITY_LEN: usize = 10;

/// Decodes `&amp;`, `&#39;`, `&#x27;` and the [`NAMED_ENTITIES`]; anything else is left as is.
pub fn unescape_html(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        out.push_str(rest.get(..amp).unwrap_or(""));
        let after = rest.get(amp + 1..).unwrap_or("");
        let semi =
            after.char_indices().take(MAX_ENTITY_LEN + 1).find(|&(_, c)| c == ';').map(|(i, _)| i);
        let decoded = semi.and_then(|semi| {
            let name = after.get(..semi)?;
            let ch = if let Some(num) = name.strip_prefix("#x").or_else(|| name.strip_prefix("#X"))
            {
                u32::from_str_radix(num, 16).ok().and_then(char::from_u32).map(String::from)
            } else if let Some(num) = name.strip_prefix('#') {
                num.parse::<u32>().ok().and_then(char::from_u32).map(String::from)
            } else {
                NAMED_ENTITIES.iter().find(|(n, _)| *n == name).map(|(_, v)| v.to_string())
            }?;
            Some((ch, semi + 1))
        });
        match decoded {
            Some((ch, used)) => {
                out.push_str(&ch);
                rest = after.get(used..).unwrap_or("");
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// Collapses every run of Unicode whitespace (NBSP included) to one space and trims.
pub fn normalize_ws(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for word in s
        .split(|c: char| c.is_whitespace() || c == '\u{200b}' || c == '\u{feff}')
        .filter(|w| !w.is_empty())
    {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// Unescaped, tags removed, whitespace-normalised, trimmed; `None` when nothing is left.
pub fn clean(s: &str) -> Option<String> {
    let c = normalize_ws(&strip_tags(&unescape_html(s)));
    (!c.is_empty()).then_some(c)
}

/// Removes markup from a metadata string: every `<` that opens a tag, comment or declaration,
/// up to the next `>` (or the end). Sites put HTML in JSON-LD headlines and meta content
/// (`<b>Title</b>`, or worse: tests/hostile.rs); metadata is plain text. Repeated until none is
/// left, since removing one tag can join the pieces of another (`<<b>img …>`).
pub fn strip_tags(s: &str) -> String {
    let opens_tag = |rest: &str| {
        rest.chars().nth(1).is_some_and(|c| c.is_ascii_alphabetic() || matches!(c, '/' | '!' | '?'))
    };
    let mut cur = s.to_string();
    loop {
        let mut out = String::with_capacity(cur.len());
        let mut rest = cur.as_str();
        let mut changed = false;
        while let Some(lt) = rest.find('<') {
            out.push_str(&rest[..lt]);
            let tail = &rest[lt..];
            if opens_tag(tail) {
                changed = true;
                rest = tail.find('>').map_or("", |gt| &tail[gt + 1..]);
                out.push(' ');
            } else {
                out.push('<');
                rest = &tail[1..];
            }
        }
        out.push_str(rest);
        if !changed {
            return out;
        }
        cur = out;
    }
}

/// When `text` starts with `prefix` (case-, accent- and hamza-insensitively, see [`fold`]) and
/// the prefix ends at a word boundary, the rest of `text` after it.
pub fn strip_prefix_folded<'a>(text: &'a str, prefix: &'static str) -> Option<&'a str> {
    let want = crate::rules::lexicon::folded(prefix);
    if want.is_empty() {
        return None;
    }
    // Fold `text` one char at a time until its folded form covers the folded prefix.
    let mut acc = crate::rules::lexicon::Folder::default();
    for (i, c) in text.char_indices() {
        let end = i + c.len_utf8();
        acc.push(c);
        if acc.out.len() >= want.len() {
            if acc.out != *want {
                return None;
            }
            let rest = text.get(end..).unwrap_or("");
            let prefix_ends_in_letter =
                want.chars().next_back().map(char::is_alphanumeric).unwrap_or(false);
            if prefix_ends_in_letter
                && rest.chars().next().map(char::is_alphanumeric).unwrap_or(false)
            {
                return None;
            }
            return Some(rest);
        }
        if !want.starts_with(acc.out.as_str()) {
            return None;
        }
    }
    None
}

/// Characters of a folded prefix that [`PrefixHeads`] compares.
const HEAD_CHARS: usize = 3;

/// The first [`HEAD_CHARS`] characters of each of a list of folded prefixes: a quick test that
/// rejects most texts before their start is folded any further (these tests run on every short
/// block).
pub struct PrefixHeads(Vec<[Option<char>; HEAD_CHARS]>);

/// The first [`HEAD_CHARS`] characters of `s` (`None` past its end).
fn head_chars(s: &str) -> [Option<char>; HEAD_CHARS] {
    let mut c = s.chars();
    std::array::from_fn(|_| c.next())
}

impl PrefixHeads {
    pub fn new(folded: &[String]) -> PrefixHeads {
        let mut heads: Vec<[Option<char>; HEAD_CHARS]> =
            folded.iter().filter(|p| !p.is_empty()).map(|p| head_chars(p)).collect();
        crate::sort::sort(&mut heads);
        heads.dedup();
        PrefixHeads(heads)
    }

    /// False when no prefix can start a text whose folded form starts with `folded_start` (at
    /// least [`HEAD_CHARS`] characters of it, or all when the text is shorter).
    pub fn admit(&self, folded_start: &str) -> bool {
        let have = head_chars(folded_start);
        if have[0].is_none() {
            return false;
        }
        // The heads are sorted: only those with the text's first character are compared.
        // Where either side has ended, the prefix or the text may still go either way.
        let from = self.0.partition_point(|h| h[0] < have[0]);
        self.0
            .get(from..)
            .unwrap_or(&[])
            .iter()
            .take_while(|h| h[0] == have[0])
            .any(|h| h.iter().zip(&have).all(|(a, b)| a.is_none() || b.is_none() || a == b))
    }
}

/// Pushes characters of `chars` into `folder` until its output holds [`HEAD_CHARS`] characters
/// or `chars` runs out: enough for [`PrefixHeads::admit`].
pub fn fold_head(
    folder: &mut crate::rules::lexicon::Folder,
    chars: &mut impl Iterator<Item = char>,
) {
    while folder.out.chars().nth(HEAD_CHARS - 1).is_none() {
        let Some(c) = chars.next() else { return };
        folder.push(c);
    }
}

/// All text under `id`, raw-text elements included (for `<title>` and `<script>` bodies,
/// which [`Document::text_content`] leaves out).
pub fn raw_text(doc: &Document, id: NodeId) -> String {
    let mut out = String::new();
    for i in doc.descendants(id) {
        if let Some(t) = doc.text(i) {
            out.push_str(t);
        }
    }
    out
}

/// True for values that are links rather than names ("https://facebook.com/someone").
pub fn looks_like_url(s: &str) -> bool {
    let t = s.trim();
    t.contains("://") || t.starts_with("www.") || t.starts_with('/')
}

/// The value without a bracketed link or e-mail address after the name: "Bradley M. Kuhn
/// (http://ebb.org/bkuhn/)", "Jane Doe <jane@example.org>". Author fields add the writer's
/// contact this way; the whole value used to be dropped as a URL. Anything else is unchanged.
pub fn without_contact(s: &str) -> std::borrow::Cow<'_, str> {
    if !s.contains(['(', '<']) {
        return std::borrow::Cow::Borrowed(s);
    }
    let mut out = s.to_string();
    for (open, close) in [('(', ')'), ('<', '>')] {
        while let Some(a) = out.find(open) {
            let Some(len) = out.get(a..).and_then(|r| r.find(close)) else { break };
            let inner = out.get(a + 1..a + len).unwrap_or("");
            if !(looks_like_url(inner)
                || inner.contains('@')
                || inner.trim().starts_with("mailto:"))
            {
                break;
            }
            out.replace_range(a..a + len + close.len_utf8(), " ");
        }
    }
    std::borrow::Cow::Owned(normalize_ws(&out))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contacts_after_names() {
        assert_eq!(without_contact("Bradley M. Kuhn (http://ebb.org/bkuhn/)"), "Bradley M. Kuhn");
        assert_eq!(without_contact("Jane Doe <jane@example.org>"), "Jane Doe");
        assert_eq!(without_contact("Richard (R.J.) Eskow"), "Richard (R.J.) Eskow");
        assert_eq!(without_contact("https://example.org/a"), "https://example.org/a");
    }

    #[test]
    fn unescapes() {
        assert_eq!(
            unescape_html("Tom &amp; Jerry &#39;s &#x27;x&#x27; &eacute;t&eacute; &bogus; & done"),
            "Tom & Jerry 's 'x' été &bogus; & done"
        );
        assert_eq!(unescape_html("&#99999999;"), "&#99999999;");
        assert_eq!(clean("  a \u{a0}\n b  ").as_deref(), Some("a b"));
        assert_eq!(
            clean("<b>Bold</b> title &lt;img src=x onerror=y()&gt;").as_deref(),
            Some("Bold title")
        );
        // What is left is text ("<" then a space opens no tag), not markup.
        assert_eq!(
            clean("<<b>img src=x onerror=y()>Jane").as_deref(),
            Some("< img src=x onerror=y()>Jane")
        );
        assert_eq!(clean("a < b, 3<4 > 2").as_deref(), Some("a < b, 3<4 > 2"));
    }

    #[test]
    fn strips_prefixes() {
        assert_eq!(strip_prefix_folded("PUBLIÉ dans X", "Publié dans"), Some(" X"));
        assert_eq!(strip_prefix_folded("Byron Smith", "By"), None);
        assert_eq!(strip_prefix_folded("By Jane", "By"), Some(" Jane"));
        assert_eq!(strip_prefix_folded("بقلم محمد", "بقلم"), Some(" محمد"));
        assert_eq!(strip_prefix_folded("B", "By"), None);
    }
}

//! Serialises the kept part of the article as HTML and as plain text in one walk: lazy images
//! resolved, URLs made absolute, presentational attributes dropped. The HTML is written through
//! the sanitiser's [`Gate`] as the walk goes: the page's tree is what a browser parsed, so the
//! article's HTML is not parsed a second time; this walk only shapes it.

use super::sanitize::Gate;
use crate::address::Address;
use crate::dom::{Document, Kind, NodeId};
use crate::rules;

/// What the serialiser needs to know about the article.
pub struct Source<'a> {
    pub doc: &'a Document,
    /// The article's top-level parts, in order.
    pub parts: &'a [NodeId],
    /// True for nodes that stay.
    pub keep: &'a dyn Fn(NodeId) -> bool,
    /// Parts whose tag becomes `div` (Readability retags siblings outside a small set).
    pub as_div: &'a dyn Fn(NodeId) -> bool,
    pub base: Option<&'a Address>,
}

pub struct Serialized {
    /// Sanitised.
    pub html: String,
    pub text: String,
    /// Image URLs in the body, absolute (to de-duplicate the lead image).
    pub images: Vec<String>,
}

/// Elements that open a new line in the plain text (a `match`: this runs twice per element
/// written, and a list scan compared the name with up to 40 others).
fn is_block(tag: &str) -> bool {
    matches!(
        tag,
        "address"
            | "article"
            | "aside"
            | "blockquote"
            | "dd"
            | "details"
            | "div"
            | "dl"
            | "dt"
            | "fieldset"
            | "figcaption"
            | "figure"
            | "footer"
            | "form"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "header"
            | "hr"
            | "li"
            | "main"
            | "nav"
            | "ol"
            | "p"
            | "pre"
            | "section"
            | "table"
            | "tr"
            | "ul"
            | "caption"
            | "summary"
            | "tbody"
            | "thead"
            | "tfoot"
            | "body"
            | "center"
    )
}

/// Elements without content or end tag.
fn is_void(tag: &str) -> bool {
    matches!(
        tag,
        "area"
            | "base"
            | "br"
            | "col"
            | "embed"
            | "hr"
            | "img"
            | "input"
            | "link"
            | "meta"
            | "source"
            | "track"
            | "wbr"
    )
}

/// Attributes kept per element (everything else, `style` and `on*` first, goes).
fn keeps_attr(tag: &str, attr: &str) -> bool {
    match attr {
        "lang" | "dir" => true,
        "href" => tag == "a",
        "src" => matches!(tag, "img" | "iframe" | "video" | "audio" | "source"),
        "srcset" => tag == "img",
        "alt" | "width" | "height" => matches!(tag, "img" | "iframe" | "video"),
        "poster" | "controls" => tag == "video",
        "allowfullscreen" | "frameborder" => tag == "iframe",
        "colspan" | "rowspan" | "headers" | "scope" => matches!(tag, "td" | "th"),
        "datetime" => matches!(tag, "time" | "del" | "ins"),
        "start" | "reversed" => tag == "ol",
        "cite" => matches!(tag, "blockquote" | "q"),
        "title" => matches!(tag, "abbr" | "a" | "img"),
        "type" => tag == "source",
        "class" => false,
        _ => false,
    }
}

/// Resolves `href`/`src` against the page URL; `None` for script URLs and garbage.
pub fn absolute(base: Option<&Address>, raw: &str) -> Option<String> {
    let raw = raw.trim();
    if raw.is_empty() {
        return None;
    }
    let lower: String = raw
        .chars()
        .filter(|c| !c.is_whitespace() && !c.is_control())
        .take(12)
        .collect::<String>()
        .to_ascii_lowercase();
    if lower.starts_with("javascript:")
        || lower.starts_with("vbscript:")
        || lower.starts_with("data:")
    {
        return None;
    }
    if raw.starts_with('#') {
        return Some(raw.to_string());
    }
    match base {
        Some(b) => crate::address::join(b, raw).ok().map(|u| u.as_str().to_string()),
        None => Some(raw.to_string()),
    }
}

/// Parses a `srcset` into (url, width-or-density) pairs.
fn srcset_candidates(srcset: &str) -> Vec<(&str, f32)> {
    let mut out = Vec::new();
    for item in split_srcset(srcset) {
        let mut it = item.split_whitespace();
        let Some(url) = it.next() else { continue };
        let size = it
            .next()
            .and_then(|d| {
                // A descriptor is a number and one ASCII unit ("2x", "640w"); anything else is noise.
                let unit = d.chars().last()?;
                let v = parse_f32(&d[..d.len() - unit.len_utf8()])?;
                Some(if unit == 'x' { v * 1000.0 } else { v })
            })
            .unwrap_or(1.0);
        out.push((url, size));
    }
    out
}

/// A number as `str::parse::<f32>` reads it (a sign, digits with at most one point, an
/// exponent; "inf", "infinity" or "nan" in any case), without core's float parser, which with
/// its tables was 18 KB of the WASM module for this one use. The same value, to the bit, for up
/// to 7 significant digits and a power of ten within 10 (one exact division or product in f32,
/// rounded once, as the parser rounds) and for any integer below 2^53; beyond that the last bit
/// may differ (rounded twice, through f64), which a srcset's descriptors ("1.5x", "640w") never
/// come near.
fn parse_f32(s: &str) -> Option<f32> {
    let (negative, body) = split_sign(s);
    let v = if body.eq_ignore_ascii_case("inf") || body.eq_ignore_ascii_case("infinity") {
        f32::INFINITY
    } else if body.eq_ignore_ascii_case("nan") {
        f32::NAN
    } else {
        let (mantissa, exp10) = parse_decimal(body)?;
        scale(mantissa, exp10)
    };
    Some(if negative { -v } else { v })
}

/// A leading `-` or `+` split off: (negative, the rest).
fn split_sign(s: &str) -> (bool, &str) {
    match s.as_bytes().first() {
        Some(b'-') => (true, &s[1..]),
        Some(b'+') => (false, &s[1..]),
        _ => (false, s),
    }
}

/// Digits with at most one point and an optional exponent, as (the first 19 significant
/// digits as an integer, the power of ten that scales it); `None` for anything else.
fn parse_decimal(s: &str) -> Option<(u64, i64)> {
    let b = s.as_bytes();
    let (mut i, mut digits, mut kept) = (0, 0, 0);
    let (mut mantissa, mut exp10, mut point) = (0u64, 0i64, false);
    while i < b.len() {
        match b[i] {
            c @ b'0'..=b'9' => {
                digits += 1;
                if kept < 19 {
                    mantissa = mantissa * 10 + u64::from(c - b'0');
                    kept += usize::from(mantissa != 0);
                    exp10 -= i64::from(point);
                } else {
                    exp10 += i64::from(!point);
                }
            }
            b'.' if !point => point = true,
            _ => break,
        }
        i += 1;
    }
    if digits == 0 {
        return None;
    }
    if i < b.len() {
        if b[i] | 0x20 != b'e' {
            return None;
        }
        let rest = &s[i + 1..];
        let (negative, rest) = split_sign(rest);
        if rest.is_empty() || !rest.bytes().all(|c| c.is_ascii_digit()) {
            return None;
        }
        // Saturated: any exponent past a few hundred gives 0 or infinity alike.
        let e = rest.bytes().fold(0i64, |e, c| (e * 10 + i64::from(c - b'0')).min(100_000));
        exp10 += if negative { -e } else { e };
    }
    Some((mantissa, exp10))
}

/// `mantissa` × 10^`exp10` as the nearest f32 (see [`parse_f32`] for where it is exact).
fn scale(mantissa: u64, exp10: i64) -> f32 {
    const POW10_F32: [f32; 11] = [1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10];
    if mantissa == 0 {
        return 0.0;
    }
    if mantissa < 1 << 24 && exp10.unsigned_abs() <= 10 {
        let (m, p) = (mantissa as f32, POW10_F32[exp10.unsigned_abs() as usize]);
        return if exp10 < 0 { m / p } else { m * p };
    }
    let m = mantissa as f64;
    let v = if exp10 < 0 { m / 10f64.powi(-exp10 as i32) } else { m * 10f64.powi(exp10 as i32) };
    v as f32
}

/// Splits a srcset on the commas between candidates (URLs may contain commas themselves).
fn split_srcset(s: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let bytes = s.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        // A comma followed by whitespace ends a candidate; a comma right after a descriptor too.
        if bytes[i] == b',' && (i + 1 == bytes.len() || bytes[i + 1].is_ascii_whitespace()) {
            out.push(s[start..i].trim());
            start = i + 1;
        }
        i += 1;
    }
    if start < s.len() {
        out.push(s[start..].trim());
    }
    out.into_iter().filter(|x| !x.is_empty()).collect()
}

/// True when an attribute value looks like an image URL (any common format, AVIF and GIF too).
fn looks_like_image(v: &str) -> bool {
    let v = v.trim().to_ascii_lowercase();
    if v.starts_with("data:") || v.contains(char::is_whitespace) && !v.contains(',') {
        return false;
    }
    let path = v.split(['?', '#']).next().unwrap_or("");
    rules::IMAGE_EXTENSIONS.iter().any(|ext| path.ends_with(ext))
        || rules::IMAGE_EXTENSIONS.iter().any(|ext| path.contains(&format!("{ext} ")))
}

/// The best source of an image: real `src` unless it is a placeholder, else lazy attributes,
/// `<picture><source>` siblings and a following `<noscript>` image; the largest candidate wins.
fn image_source(doc: &Document, img: NodeId) -> Option<String> {
    let e = doc.element(img)?;
    let mut cands: Vec<(String, f32)> = Vec::new();
    let push_set = |set: &str, cands: &mut Vec<(String, f32)>| {
        for (u, w) in srcset_candidates(set) {
            cands.push((u.to_string(), w));
        }
    };
    for name in rules::LAZY_SRCSET_ATTRS {
        if let Some(v) = e.attr(name) {
            push_set(v, &mut cands);
        }
    }
    // <picture><source srcset> siblings before the img.
    if let Some(p) = doc.parent(img) {
        if doc.tag(p) == "picture" {
            for s in doc.element_children(p) {
                if doc.tag(s) == "source" {
                    if let Some(se) = doc.element(s) {
                        for name in rules::LAZY_SRCSET_ATTRS {
                            if let Some(v) = se.attr(name) {
                                push_set(v, &mut cands);
                            }
                        }
                    }
                }
            }
        }
    }
    let mut src = e
        .attr("src")
        .map(str::trim)
        .filter(|s| !s.is_empty() && !is_placeholder(s))
        .map(String::from);
    if src.is_none() {
        for name in rules::LAZY_SRC_ATTRS {
            if let Some(v) = e.attr(name) {
                if looks_like_image(v) || v.starts_with("http") || v.starts_with('/') {
                    src = Some(v.trim().to_string());
                    break;
                }
            }
        }
    }
    if src.is_none() {
        // Any other attribute holding an image URL (Readability's catch-all).
        for (k, v) in e.attrs() {
            if k != "src" && looks_like_image(v) {
                if v.contains(' ') {
                    push_set(v, &mut cands);
                } else {
                    src = Some(v.trim().to_string());
                }
                break;
            }
        }
    }
    if src.is_none() && cands.is_empty() {
        src = noscript_image(doc, img);
    }
    let best = cands
        .into_iter()
        .filter(|(u, _)| !u.starts_with("data:"))
        .max_by(|a, b| a.1.total_cmp(&b.1))
        .map(|c| c.0);
    best.or(src)
}

/// A data: URL placeholder (tiny GIF/SVG), or an obvious spacer.
fn is_placeholder(src: &str) -> bool {
    let s = src.trim_start().to_ascii_lowercase();
    (s.starts_with("data:") && src.len() < rules::PLACEHOLDER_DATA_URL_MAX)
        || s.contains("spacer.gif")
        || s.contains("blank.gif")
        || s.contains("placeholder")
}

/// The image in a `<noscript>` right after `img` (sites put the real image there for no-JS readers).
fn noscript_image(doc: &Document, img: NodeId) -> Option<String> {
    let parent = doc.parent(img)?;
    let mut after = false;
    for c in doc.children(parent) {
        if c == img {
            after = true;
            continue;
        }
        if !after {
            continue;
        }
        if doc.text(c).map(|t| t.trim().is_empty()).unwrap_or(false) {
            continue;
        }
        if doc.tag(c) != "noscript" {
            return None;
        }
        let raw = doc.text_content(c);
        let frag = Document::parse_fragment(&raw).ok()?;
        // A plain walk rather than a CSS selector: selectors' parser would add ~100 KB to the WASM.
        let v = (0..frag.len() as NodeId)
            .find_map(|i| frag.element(i).filter(|e| &*e.name == "img"))?;
        return v.attr("src").map(String::from).or_else(|| {
            v.attr("srcset").and_then(|s| {
                srcset_candidates(s)
                    .into_iter()
                    .max_by(|a, b| a.1.total_cmp(&b.1))
                    .map(|c| c.0.to_string())
            })
        });
    }
    None
}

struct Writer<'a> {
    src: &'a Source<'a>,
    gate: Gate,
    text: String,
    images: Vec<String>,
}

impl Writer<'_> {
    fn newline(&mut self, n: usize) {
        let trailing = self.text.chars().rev().take_while(|&c| c == '\n').count();
        if !self.text.is_empty() && trailing < n {
            for _ in trailing..n {
                self.text.push('\n');
            }
        }
    }

    /// Writes the start tag of element `id` as `name`, with the attributes a reader keeps.
    fn open(&mut self, id: NodeId, name: &str, has_end: bool) {
        let doc = self.src.doc;
        let Some(e) = doc.element(id) else { return };
        let mut attrs: Vec<(&str, std::borrow::Cow<'_, str>)> = Vec::new();
        if name == "img" {
            if let Some(s) = image_source(doc, id).and_then(|s| absolute(self.src.base, &s)) {
                self.images.push(s.clone());
                attrs.push(("src", s.into()));
            }
        }
        for (k, v) in e.attrs() {
            if !keeps_attr(name, k) || (name == "img" && matches!(k, "src" | "srcset")) {
                continue;
            }
            let value = match k {
                "href" | "src" | "cite" | "poster" => match absolute(self.src.base, v) {
                    Some(u) => u.into(),
                    None => continue,
                },
                _ => v.into(),
            };
            attrs.push((k, value));
        }
        self.gate.open(name, false, attrs.iter().map(|(k, v)| (*k, &**v)), has_end);
    }

    /// Pushes the kept children of `id` to be written next, the first on top.
    fn push_children(&self, stack: &mut Vec<(NodeId, bool, bool)>, id: NodeId) {
        let at = stack.len();
        stack.extend(
            self.src.doc.children(id).filter(|&c| (self.src.keep)(c)).map(|c| (c, false, false)),
        );
        stack[at..].reverse();
    }

    fn run(&mut self) {
        let doc = self.src.doc;
        // Explicit stack of (node, closing?) so deep trees cannot overflow the call stack.
        let mut stack: Vec<(NodeId, bool, bool)> = Vec::new();
        for &p in self.src.parts.iter().rev() {
            stack.push((p, false, true));
        }
        let mut pre_depth = 0usize;
        while let Some((id, closing, is_part)) = stack.pop() {
            let node = &doc.nodes[id as usize];
            match &node.kind {
                Kind::Text(t) => {
                    self.gate.text(t);
                    if pre_depth > 0 {
                        self.text.push_str(t);
                    } else {
                        push_collapsed(&mut self.text, t);
                    }
                }
                Kind::Element(e) => {
                    let mut name: &str = &e.name;
                    if name == "body" || (is_part && (self.src.as_div)(id)) {
                        name = "div";
                    }
                    if rules::UNWRAP_TAGS.contains(&name) {
                        // Keep the children, drop the wrapper (font, center, custom elements…).
                        if !closing {
                            self.push_children(&mut stack, id);
                        }
                        continue;
                    }
                    let block = is_block(name);
                    if closing {
                        self.gate.close();
                        if name == "pre" {
                            pre_depth = pre_depth.saturating_sub(1);
                        }
                        if block {
                            self.newline(if matches!(name, "li" | "tr" | "dt" | "dd") {
                                1
                            } else {
                                2
                            });
                        } else if matches!(name, "td" | "th") {
                            self.text.push('\t');
                        }
                        continue;
                    }
                    if block {
                        self.newline(if matches!(name, "li" | "tr" | "dt" | "dd") { 1 } else { 2 });
                    }
                    if name == "picture" {
                        // Serialise only the <img>; its sources fed image_source().
                        for c in doc.element_children(id) {
                            if doc.tag(c) == "img" && (self.src.keep)(c) {
                                self.open(c, "img", false);
                            }
                        }
                        continue;
                    }
                    let void = is_void(name);
                    self.open(id, name, !void);
                    if name == "br" {
                        self.text.push('\n');
                    }
                    if void {
                        continue;
                    }
                    if name == "pre" {
                        pre_depth += 1;
                    }
                    stack.push((id, true, is_part));
                    self.push_children(&mut stack, id);
                }
                _ => {}
            }
        }
    }
}

/// Appends text with whitespace runs collapsed to one space (none after a space, tab or line
/// break already written, nor at the start).
fn push_collapsed(out: &mut String, t: &str) {
    let mut last_space = out.ends_with([' ', '\n', '\t']) || out.is_empty();
    let b = t.as_bytes();
    let mut word = 0;
    let mut i = 0;
    while i < b.len() {
        let (ws, width) = crate::prep::space_at(t, i);
        if ws {
            if word < i {
                out.push_str(&t[word..i]);
                last_space = false;
            }
            if !last_space {
                out.push(' ');
                last_space = true;
            }
            word = i + width;
        }
        i += width;
    }
    out.push_str(&t[word..]);
}

/// Tidies the plain text: trims each line, at most one blank line in a row.
fn tidy_text(t: &str) -> String {
    let mut out = String::with_capacity(t.len());
    let mut blank = 0;
    for line in t.lines() {
        let line = line.trim_matches(|c: char| c == ' ' || c == '\u{a0}');
        if line.trim().is_empty() {
            blank += 1;
            continue;
        }
        if !out.is_empty() {
            out.push_str(if blank > 0 { "\n\n" } else { "\n" });
        }
        blank = 0;
        out.push_str(line);
    }
    out
}

pub fn serialize(src: &Source<'_>) -> Serialized {
    let mut w =
        Writer { src, gate: Gate::with_capacity(0), text: String::new(), images: Vec::new() };
    w.run();
    Serialized { text: tidy_text(&w.text), html: w.gate.finish(), images: w.images }
}

#[cfg(test)]
mod tests {
    use super::parse_f32;

    /// The same answer as `str::parse::<f32>`, to the bit, on every string of up to 7
    /// characters of a number's alphabet (so at most 7 significant digits) and on samples.
    #[test]
    fn parses_numbers_as_the_standard_library() {
        let same = |s: &str| {
            let want = s.parse::<f32>().ok().map(f32::to_bits);
            assert_eq!(parse_f32(s).map(f32::to_bits), want, "{s:?}");
        };
        for s in [
            "inf", "-Infinity", "NaN", "+nan", "infx", "1.5", "640", "0.75", "1e", "e5", ".", "-.",
            "1_0",
        ] {
            same(s);
        }
        for s in [
            "123456789012345678901234567890", "0.000000000000000000000000000001234", "3.4e38",
            "3.5e38",
        ] {
            same(s);
        }
        const ALPHABET: &[u8] = b"0159.e-+";
        let mut s = Vec::new();
        for len in 1..=7u32 {
            for mut n in 0..ALPHABET.len().pow(len) {
                s.clear();
                for _ in 0..len {
                    s.push(ALPHABET[n % ALPHABET.len()]);
                    n /= ALPHABET.len();
                }
                same(std::str::from_utf8(&s).unwrap());
            }
        }
    }
}

//! One lexical pass over the page before html5ever parses it: its shape (nesting depth,
//! attributes per element), so that pages html5ever would take minutes over are refused, and
//! the script and style bodies that nothing reads, so that html5ever need not tokenise them.
//!
//! Two fifths of the corpora's bytes are inline scripts and style sheets. html5ever walks them
//! line by line (each line is a token, a tree-builder step and an append), yet the core reads
//! none of them: only JSON-LD scripts, which stay. Comment bodies go too: the tree keeps a
//! node for each comment but not its text. [`prescan`] finds those bodies with a
//! lexical pass that follows the HTML tokenizer's rules where they matter (comments, quoted
//! attribute values, raw-text and RCDATA elements, the script-data escape states), and
//! [`without`] writes the page with each body replaced by one space. A body holds no elements,
//! so the parsed tree has the same elements in the same order (what the cleaning plan's indices
//! rely on) and the script keeps one text child.
//!
//! Where the tree builder's choice depends on more than the bytes (foreign content that breaks
//! out into HTML, `<frameset>` documents, `<plaintext>`), the pass stops skipping and the
//! rest of the page is parsed as it is: it can only skip less, never a body the parser would
//! not have read as one.

use std::ops::Range;

/// SVG and MathML names whose start and end tags keep the parser in foreign content, in lower
/// case: what inline icons and formulas are made of. Any other tag inside foreign content ends
/// the skipping (an HTML tag there can break out, an end tag can close the `<svg>`).
const FOREIGN_NAMES: &[&str] = &[
    "svg", "g", "path", "use", "defs", "symbol", "circle", "rect", "line", "polyline", "polygon",
    "ellipse", "lineargradient", "radialgradient", "stop", "clippath", "mask", "pattern", "text",
    "tspan", "title", "desc", "filter", "feblend", "fecolormatrix", "fecomposite", "feflood",
    "fegaussianblur", "feoffset", "femerge", "femergenode", "femorphology", "metadata", "marker",
    "switch", "animate", "animatetransform", "set", "view", "math", "mrow", "mfrac", "msup",
    "msub", "msubsup", "msqrt", "mroot", "mstyle", "mspace", "mtable", "mtr", "mtd", "semantics",
    "mover", "munder", "munderover", "mpadded", "mphantom", "menclose",
];

/// Longer than any name the pass acts on ("animatetransform").
const MAX_NAME_LEN: usize = 16;

/// SVG elements whose contents are parsed as HTML (integration points): text inside is fine,
/// a start tag inside ends the skipping. MathML's (mi, mo, mn, ms, mtext, annotation-xml) are
/// absent from [`FOREIGN_NAMES`], so they end it at once.
const INTEGRATION_POINTS: &[&str] = &["title", "desc"];

/// What the pass tells about a page.
#[derive(Debug, Default)]
pub struct Prescan {
    /// Nesting depth: open tags not yet closed, leaving out the tags that close implicitly
    /// (p, li, td…), void tags and raw-text elements. html5ever's scope checks walk the stack
    /// of open elements, so a deep page costs it quadratic time.
    pub depth: usize,
    /// Most attributes on one element (duplicates are found by a linear scan).
    pub max_attributes: usize,
    /// Tags, start and end, outside the skipped bodies: the parser's node count is about
    /// this many (an element per start tag, a text node after most tags), which sizes its
    /// node vector up front.
    pub tags: usize,
    /// The byte ranges of the script bodies (other than JSON, which metadata reads), style
    /// bodies and comment bodies, in order, each non-empty.
    pub skippable: Vec<Range<usize>>,
}

/// Elements whose bodies the tokenizer reads as text up to their end tag (RAWTEXT and RCDATA;
/// with scripting on, `noscript` too): stepped over, and left out of the depth.
const TEXT_ELEMENTS: &[&str] =
    &["script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "noscript"];

/// A name of up to 8 bytes packed in a `u64` (0 for longer names): every tag of the page is
/// looked up in [`NOT_NESTING`], and comparing integers is what keeps that cheap.
const fn key(b: &[u8]) -> u64 {
    if b.len() > 8 {
        return 0;
    }
    let mut k = 0u64;
    let mut i = 0;
    while i < b.len() {
        k |= (b[i] as u64) << (8 * i);
        i += 1;
    }
    k
}

const NOT_NESTING_LEN: usize = crate::rules::DEPTH_EXEMPT_TAGS.len() + TEXT_ELEMENTS.len();

/// The keys of the tags left out of the depth: [`crate::rules::DEPTH_EXEMPT_TAGS`] and
/// [`TEXT_ELEMENTS`] (all at most 8 bytes, checked by a test).
static NOT_NESTING: [u64; NOT_NESTING_LEN] = {
    let mut keys = [0u64; NOT_NESTING_LEN];
    let (a, b) = (crate::rules::DEPTH_EXEMPT_TAGS, TEXT_ELEMENTS);
    let mut i = 0;
    while i < a.len() {
        keys[i] = key(a[i].as_bytes());
        i += 1;
    }
    while i < NOT_NESTING_LEN {
        keys[i] = key(b[i - a.len()].as_bytes());
        i += 1;
    }
    keys
};

/// One lexical pass over `html`: its [`Prescan`].
pub fn prescan(html: &str) -> Prescan {
    let b = html.as_bytes();
    let mut out = Prescan::default();
    let mut depth = 0usize;
    let mut i = 0;
    // Nesting of <svg>/<math> while in foreign content; whether inside an SVG title/desc.
    let mut foreign = 0usize;
    let mut integration = false;
    // False once the parser's state may differ from the pass's: then only the shape is read.
    let mut skipping = true;
    while let Some(off) = memchr::memchr(b'<', &b[i..]) {
        let lt = i + off;
        let Some(tok) = markup(b, lt, foreign > 0) else { break };
        i = tok.end;
        if let Markup::Comment { body } = &tok.kind {
            if skipping && !body.is_empty() {
                out.skippable.push(body.clone());
            }
            continue;
        }
        let Markup::Tag { name, end_tag, self_closing, json, attributes } = tok.kind else {
            continue;
        };
        out.max_attributes = out.max_attributes.max(attributes);
        out.tags += 1;
        // Lower-cased on the stack: every tag of the page comes here. Longer names are none
        // of the names below.
        let mut buf = [0u8; MAX_NAME_LEN];
        let lower = match buf.get_mut(..name.len()) {
            Some(dst) => {
                dst.copy_from_slice(&b[name]);
                dst.make_ascii_lowercase();
                &*dst
            }
            None => &[],
        };
        if !NOT_NESTING.contains(&key(lower)) {
            if end_tag {
                depth = depth.saturating_sub(1);
            } else if !self_closing {
                depth += 1;
                out.depth = out.depth.max(depth);
            }
        }
        if foreign > 0 {
            if !FOREIGN_NAMES.iter().any(|n| n.as_bytes() == lower) || (integration && !end_tag) {
                // The parser may have left foreign content here: from now on, shape only.
                (skipping, foreign) = (false, 0);
                continue;
            }
            if INTEGRATION_POINTS.iter().any(|n| n.as_bytes() == lower) {
                integration = !end_tag && !self_closing;
            }
            if matches!(lower, b"svg" | b"math") && !self_closing {
                if end_tag {
                    foreign -= 1;
                } else {
                    foreign += 1;
                }
            }
            continue;
        }
        if end_tag {
            continue;
        }
        match lower {
            b"svg" | b"math" if !self_closing && skipping => foreign = 1,
            // Everything after <plaintext> is text.
            b"plaintext" => break,
            // A frameset document ignores most tags.
            b"frameset" => skipping = false,
            b"script" => {
                let Some(end) = script_end(b, i) else { break };
                if skipping && !json && end > i {
                    out.skippable.push(i..end);
                }
                i = end;
            }
            // RAWTEXT and RCDATA elements: their bodies are stepped over; only style sheets
            // are skipped.
            b"style" | b"textarea" | b"title" | b"xmp" | b"iframe" | b"noembed" | b"noframes"
            | b"noscript" => {
                let Some(end) = text_end(b, i, lower) else { break };
                if skipping && lower == b"style" && end > i {
                    out.skippable.push(i..end);
                }
                i = end;
            }
            _ => {}
        }
    }
    out
}

/// `html` with each range replaced by one space.
pub fn without(html: &str, ranges: &[Range<usize>]) -> String {
    let mut out = String::with_capacity(
        html.len() - ranges.iter().map(|r| r.len()).sum::<usize>() + ranges.len(),
    );
    let mut at = 0;
    for r in ranges {
        out.push_str(&html[at..r.start]);
        out.push(' ');
        at = r.end;
    }
    out.push_str(&html[at..]);
    out
}

enum Markup {
    /// Text, a doctype, a CDATA section or a bogus comment: nothing to act on.
    Other,
    /// `<!--body-->`: the sink keeps a comment node but not its text, so the body can go.
    Comment {
        body: Range<usize>,
    },
    Tag {
        name: Range<usize>,
        end_tag: bool,
        self_closing: bool,
        json: bool,
        attributes: usize,
    },
}

struct Token {
    kind: Markup,
    /// One past its last byte.
    end: usize,
}

/// The markup that starts at `b[lt] == b'<'`, as the tokenizer's data state reads it; `None`
/// when the page ends inside it.
fn markup(b: &[u8], lt: usize, foreign: bool) -> Option<Token> {
    let rest = &b[lt + 1..];
    let other = |end| Some(Token { kind: Markup::Other, end });
    match rest.first() {
        Some(b'!') => {
            if rest.starts_with(b"!--") {
                let end = comment_end(b, lt + 4)?;
                // The body lies between "<!--" and the "-->" or "--!>" that ends it (none in
                // "<!-->" and "<!--->").
                let close = if b[..end].ends_with(b"--!>") { 4 } else { 3 };
                let body = lt + 4..(end - close).max(lt + 4);
                return Some(Token { kind: Markup::Comment { body }, end });
            }
            if foreign && rest.starts_with(b"![CDATA[") {
                return other(lt + 9 + memchr::memmem::find(&b[lt + 9..], b"]]>")? + 3);
            }
            // Doctype or bogus comment: up to the next '>'.
            other(lt + 1 + memchr::memchr(b'>', rest)? + 1)
        }
        Some(b'?') => other(lt + 1 + memchr::memchr(b'>', rest)? + 1),
        Some(b'/') => match rest.get(1) {
            Some(c) if c.is_ascii_alphabetic() => tag(b, lt + 2, true),
            Some(b'>') => other(lt + 3),
            Some(_) => other(lt + 2 + memchr::memchr(b'>', &rest[1..])? + 1),
            None => None,
        },
        Some(c) if c.is_ascii_alphabetic() => tag(b, lt + 1, false),
        Some(_) => other(lt + 1),
        None => None,
    }
}

/// Where a comment opened just before `start` ends: `-->`, `--!>`, or at once for `<!-->`
/// and `<!--->`.
fn comment_end(b: &[u8], start: usize) -> Option<usize> {
    if b.get(start) == Some(&b'>') {
        return Some(start + 1);
    }
    if b.get(start..start + 2) == Some(b"->") {
        return Some(start + 2);
    }
    let mut i = start;
    loop {
        let dash = i + memchr::memchr(b'-', b.get(i..)?)?;
        if b.get(dash..dash + 3) == Some(b"-->") {
            return Some(dash + 3);
        }
        if b.get(dash..dash + 4) == Some(b"--!>") {
            return Some(dash + 4);
        }
        i = dash + 1;
    }
}

fn is_space(c: u8) -> bool {
    matches!(c, b'\t' | b'\n' | b'\x0c' | b'\r' | b' ')
}

/// A start or end tag whose name begins at `start`: its name, attributes (quoted values may
/// hold '>') and end. Notes whether a `type` attribute names JSON.
fn tag(b: &[u8], start: usize, end_tag: bool) -> Option<Token> {
    let mut i = start;
    while i < b.len() && !is_space(b[i]) && b[i] != b'/' && b[i] != b'>' {
        i += 1;
    }
    let name = start..i;
    let (mut self_closing, mut json, mut attributes) = (false, false, 0);
    loop {
        let c = *b.get(i)?;
        if is_space(c) {
            i += 1;
        } else if c == b'>' {
            return Some(Token {
                kind: Markup::Tag { name, end_tag, self_closing, json, attributes },
                end: i + 1,
            });
        } else if c == b'/' {
            i += 1;
            self_closing = b.get(i) == Some(&b'>');
        } else {
            // An attribute: its name (a leading '=' belongs to it), then maybe a value.
            attributes += 1;
            let a = i;
            i += 1;
            while i < b.len() && !is_space(b[i]) && !matches!(b[i], b'/' | b'>' | b'=') {
                i += 1;
            }
            let attr = &b[a..i];
            while b.get(i).is_some_and(|&c| is_space(c)) {
                i += 1;
            }
            if b.get(i) != Some(&b'=') {
                continue;
            }
            i += 1;
            while b.get(i).is_some_and(|&c| is_space(c)) {
                i += 1;
            }
            let value = match *b.get(i)? {
                q @ (b'"' | b'\'') => {
                    let close = i + 1 + memchr::memchr(q, &b[i + 1..])?;
                    let v = i + 1..close;
                    i = close + 1;
                    v
                }
                _ => {
                    let v = i;
                    while i < b.len() && !is_space(b[i]) && b[i] != b'>' {
                        i += 1;
                    }
                    v..i
                }
            };
            if attr.eq_ignore_ascii_case(b"type")
                && b[value].to_ascii_lowercase().windows(4).any(|w| w == b"json")
            {
                json = true;
            }
        }
    }
}

/// True when `b[at..]` is `</name` (any case) followed by a space, '/' or '>': an end tag that
/// closes a raw-text element named `name`.
fn closes(b: &[u8], at: usize, name: &[u8]) -> bool {
    let n = name.len();
    b.get(at..at + 2) == Some(b"</")
        && b.get(at + 2..at + 2 + n).is_some_and(|w| w.eq_ignore_ascii_case(name))
        && b.get(at + 2 + n).is_some_and(|&c| is_space(c) || c == b'/' || c == b'>')
}

/// Where the RAWTEXT or RCDATA body of `name` that starts at `start` ends (its end tag's '<').
fn text_end(b: &[u8], start: usize, name: &[u8]) -> Option<usize> {
    memchr::memchr_iter(b'<', &b[start..]).map(|p| start + p).find(|&p| closes(b, p, name))
}

/// Where a script body that starts at `start` ends (its `</script`'s '<'), following the
/// tokenizer's script-data states: inside `<!--`, a `<script` opens a "double escaped" run in
/// which `</script` does not end the body; `-->` leaves the escape.
fn script_end(b: &[u8], start: usize) -> Option<usize> {
    #[derive(PartialEq)]
    enum State {
        Data,
        Escaped,
        DoubleEscaped,
    }
    let mut state = State::Data;
    let mut i = start;
    loop {
        let p = i + match state {
            State::Data => memchr::memchr(b'<', b.get(i..)?)?,
            _ => memchr::memchr2(b'<', b'-', b.get(i..)?)?,
        };
        match state {
            State::Data => {
                if closes(b, p, b"script") {
                    return Some(p);
                }
                if b.get(p..p + 4) == Some(b"<!--") {
                    // "<!--" then more dashes and '>' goes back to data at once ("<!-->").
                    let mut q = p + 4;
                    while b.get(q) == Some(&b'-') {
                        q += 1;
                    }
                    if b.get(q) == Some(&b'>') {
                        i = q + 1;
                        continue;
                    }
                    state = State::Escaped;
                    i = q;
                    continue;
                }
                i = p + 1;
            }
            State::Escaped | State::DoubleEscaped => {
                if b[p] == b'-' {
                    // A run of dashes then '>' leaves the escape (both escape states).
                    let mut q = p;
                    while b.get(q) == Some(&b'-') {
                        q += 1;
                    }
                    if q - p >= 2 && b.get(q) == Some(&b'>') {
                        state = State::Data;
                        i = q + 1;
                    } else {
                        i = q;
                    }
                    continue;
                }
                if state == State::Escaped {
                    if closes(b, p, b"script") {
                        return Some(p);
                    }
                    if opens_script(b, p) {
                        state = State::DoubleEscaped;
                    }
                } else if closes(b, p, b"script") {
                    state = State::Escaped;
                }
                i = p + 1;
            }
        }
    }
}

/// `<script` (any case) followed by a space, '/' or '>'.
fn opens_script(b: &[u8], at: usize) -> bool {
    b.get(at + 1..at + 7).is_some_and(|w| w.eq_ignore_ascii_case(b"script"))
        && b.get(at + 7).is_some_and(|&c| is_space(c) || c == b'/' || c == b'>')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bodies(html: &str) -> Vec<&str> {
        prescan(html).skippable.into_iter().map(|r| &html[r]).collect()
    }

    #[test]
    fn finds_script_and_style_bodies_but_not_json() {
        let html = r#"<head><script>var a = "</p>";</script><style>p{}</style><script type="application/ld+json">{"a":1}</script></head>"#;
        assert_eq!(bodies(html), [r#"var a = "</p>";"#, "p{}"]);
        assert_eq!(
            without(html, &prescan(html).skippable),
            r#"<head><script> </script><style> </style><script type="application/ld+json">{"a":1}</script></head>"#
        );
    }

    #[test]
    fn every_name_fits_its_lookup() {
        assert!(FOREIGN_NAMES
            .iter()
            .chain(INTEGRATION_POINTS)
            .all(|n| n.len() <= MAX_NAME_LEN && *n == n.to_ascii_lowercase()));
        assert!(crate::rules::DEPTH_EXEMPT_TAGS
            .iter()
            .chain(TEXT_ELEMENTS)
            .all(|n| n.len() <= 8 && key(n.as_bytes()) != 0 && *n == n.to_ascii_lowercase()));
        // Exempt tags in any case do not nest; other tags do.
        assert_eq!(prescan("<P><LI><Br><IMG><div><Span><x-very-long-name>").depth, 3);
        assert_eq!(prescan("<script><div></script><textarea><div></textarea></div><div>").depth, 1);
    }

    #[test]
    fn finds_comment_bodies() {
        assert_eq!(bodies("<!--a--><p><!-- b --!></p><!----><!--><!--->"), ["a", " b "]);
        assert_eq!(
            without(
                "<p>x<!-- long note -->y</p>",
                &prescan("<p>x<!-- long note -->y</p>").skippable
            ),
            "<p>x<!-- -->y</p>"
        );
        // Unterminated: left alone.
        assert_eq!(bodies("<p>x<!-- never closed"), Vec::<&str>::new());
    }

    #[test]
    fn follows_the_script_escape_states() {
        // Inside "<!--", a "<script>" makes the next "</script>" part of the body.
        let html = "<script><!-- document.write('<script>x</script>'); --></script><p>after</p>";
        assert_eq!(bodies(html), ["<!-- document.write('<script>x</script>'); -->"]);
        // "<!-->" leaves the escape at once.
        let html = "<script><!-->1</script><p>x</p>";
        assert_eq!(bodies(html), ["<!-->1"]);
        // An escaped "</script>" still ends it.
        let html = "<script><!-- a </script><p>x</p>";
        assert_eq!(bodies(html), ["<!-- a "]);
    }

    #[test]
    fn markup_that_only_looks_like_a_script_is_not_one() {
        // In a comment it is the comment's body that goes, not a script's.
        assert_eq!(bodies("<!-- <script>a</script> --><p>x</p>"), [" <script>a</script> "]);
        for html in [
            "<div title='<script>a</script>'>x</div>", "<textarea><script>a</script></textarea>",
            "<title><style>a</style></title>", "<noscript><script>a</script></noscript>",
        ] {
            assert!(bodies(html).is_empty(), "{html}");
        }
    }

    /// The tree parsed without the bodies has the same nodes as the tree parsed whole: same
    /// shape, same elements and attributes, same text outside scripts and styles. Checked on the
    /// fixtures, the fuzz corpus (mutated, malformed pages) and, when it is there, the shared
    /// dev corpora.
    #[test]
    fn leaving_bodies_out_keeps_the_tree() {
        use crate::dom::{Document, Kind};
        // The project's root, two levels above this crate's.
        let root = std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."));
        let mut files = Vec::new();
        let mut add_dir = |dir: std::path::PathBuf, inner: Option<&str>| {
            for e in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
                let p = inner.map_or(e.path(), |f| e.path().join(f));
                if p.is_file() {
                    files.push(p);
                }
            }
        };
        add_dir(root.join("tests/fixtures"), Some("source.html"));
        add_dir(root.join("fuzz/corpus/analyze"), None);
        add_dir(root.join("../shared/corpus/readability"), Some("source.html"));
        add_dir(root.join("../shared/corpus/trafilatura-dev/cache"), None);
        add_dir(root.join("../shared/corpus/trafilatura-dev/eval"), None);
        assert!(files.len() > 100, "fixtures and fuzz corpus not found");
        let opts = crate::Options::default();
        let (mut pages, mut skipped) = (0, 0);
        for f in &files {
            let html = String::from_utf8_lossy(&std::fs::read(f).unwrap()).into_owned();
            let ranges = prescan(&html).skippable;
            if ranges.is_empty() {
                continue;
            }
            let (Ok(whole), Ok(cut)) = (
                Document::parse_as_is(&html, &opts),
                Document::parse_as_is(&without(&html, &ranges), &opts),
            ) else {
                continue;
            };
            pages += 1;
            skipped += ranges.len();
            assert_eq!(whole.len(), cut.len(), "{}", f.display());
            for (i, (a, b)) in whole.nodes.iter().zip(&cut.nodes).enumerate() {
                let at = || format!("{} node {i}", f.display());
                assert_eq!((a.parent, a.end), (b.parent, b.end), "{}", at());
                match (&a.kind, &b.kind) {
                    (Kind::Text(x), Kind::Text(y)) => {
                        if !matches!(whole.tag(a.parent), "script" | "style") {
                            assert_eq!(x, y, "{}", at());
                        }
                    }
                    (x, y) => assert_eq!(x, y, "{}", at()),
                }
            }
        }
        assert!(pages > 50 && skipped > pages, "{pages} pages, {skipped} bodies");
    }

    #[test]
    fn stops_where_the_tree_builder_decides() {
        // HTML breaking out of SVG, a start tag in an SVG title, <plaintext>, <frameset>: the
        // rest is parsed as is.
        assert_eq!(bodies("<style>a</style><svg><p><script>b</script>"), ["a"]);
        assert_eq!(
            bodies("<svg><title><b>x</b></title></svg><script>b</script>"),
            Vec::<&str>::new()
        );
        assert_eq!(bodies("<plaintext><script>a</script>"), Vec::<&str>::new());
        assert_eq!(bodies("<frameset><script>a</script>"), Vec::<&str>::new());
        // Icons are fine: the pass goes on after them.
        assert_eq!(
            bodies(
                r#"<svg viewBox="0 0 1 1"><title>Menu</title><path d="M0"/></svg><script>b</script>"#
            ),
            ["b"]
        );
        // Unterminated: left alone.
        assert_eq!(bodies("<script>never closed"), Vec::<&str>::new());
    }
}

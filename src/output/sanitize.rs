//! The last gate before HTML leaves the core: an allowlist of tags and attributes, as a
//! writer ([`Gate`]). The article's HTML is written through it by the serialiser's walk over
//! the page's own tree (`html.rs`), which html5ever built as a browser would: what the gate sees
//! is what a browser would have shown. HTML from elsewhere (a re-check, the exports) goes
//! through [`sanitize`], which parses it as a fragment first (`dom::walk_fragment`). Either way
//! the gate is what guarantees that no script, handler, style or dangerous URL gets through,
//! including markup that changes meaning when parsed again. (The article's HTML used to be
//! serialised, parsed again and written back: the same output on all 617 corpus pages once bare
//! table parts are unwrapped here, for 5 % of the core's instructions.)
//!
//! Why the output re-parses to the same elements (mutation XSS): it holds only start and end
//! tags from [`TAGS`] (none of which switches the tokenizer to raw text, RCDATA or plaintext;
//! an `<iframe>`, kept only as a video embed, is written empty), allowlisted attributes with
//! quoted, escaped values, and text with `&`, `<` and `>` escaped. Foreign content (`<svg>`,
//! `<math>` and everything inside) is dropped whole, so nothing is written that a parser would
//! put in another namespace. A second parse can only rearrange these tokens (a `<p>` closed by
//! a block, a table's stray text moved before it), never read text as markup.
//!
//! It replaces ammonia, whose own html5ever tree builder (RcDom) was a second copy of the
//! parser in the WASM module; its output is byte for byte ammonia's on 612 of the 617 corpus
//! pages (the others: whitespace inside `<math>`, an iframe's fallback text, iframes that are
//! not video embeds, which ammonia kept without their source).

use crate::dom::{walk_fragment, Visit};
use html5ever::ns;

/// Tags a reader view shows.
const TAGS: &[&str] = &[
    "a", "abbr", "b", "blockquote", "br", "caption", "cite", "code", "col", "colgroup", "dd",
    "del", "details", "dfn", "div", "dl", "dt", "em", "figcaption", "figure", "h1", "h2", "h3",
    "h4", "h5", "h6", "hr", "i", "iframe", "img", "ins", "kbd", "li", "mark", "ol", "p", "pre",
    "q", "s", "samp", "section", "small", "span", "strong", "sub", "summary", "sup", "table",
    "tbody", "td", "tfoot", "th", "thead", "time", "tr", "u", "ul", "var", "video", "audio",
    "source", "article", "aside", "header", "footer", "main", "address", "center",
];

/// Elements dropped with everything inside: code, styles, form controls and inert or
/// invisible content whose text is not article text. Other elements not in [`TAGS`] are
/// unwrapped (their content stays).
/// `svg` and `math` stand for their namespaces where names are all a tree kept (`html.rs`).
const DROP_WITH_CONTENT: &[&str] = &[
    "script", "style", "template", "noscript", "textarea", "select", "option", "title", "svg",
    "math",
];

/// Table parts, which a parser ignores outside a table (their content stays): written only
/// inside a written `<table>`. The serialiser's walk can hold them bare, where a table row
/// was itself the article's part and became a `div`.
const TABLE_PARTS: &[&str] =
    &["caption", "col", "colgroup", "tbody", "td", "tfoot", "th", "thead", "tr"];

/// Elements with no end tag and no content (the HTML serialisation's void elements among [`TAGS`]).
const VOID: &[&str] = &["br", "col", "hr", "img", "source"];

/// Schemes a URL attribute may use; relative URLs pass through.
const URL_SCHEMES: &[&str] = &["http", "https", "mailto", "tel"];

/// What every kept link gets: no opener access, no referrer, no endorsement.
const LINK_REL: &str = "noopener noreferrer nofollow";

/// Whether `attr` may stay on `tag`.
fn allowed_attr(tag: &str, attr: &str) -> bool {
    matches!(attr, "lang" | "dir")
        || match tag {
            "a" => matches!(attr, "href" | "title"),
            "img" => matches!(attr, "src" | "alt" | "title" | "width" | "height"),
            "iframe" => {
                matches!(attr, "src" | "width" | "height" | "allowfullscreen" | "frameborder")
            }
            "video" => matches!(attr, "src" | "poster" | "controls" | "width" | "height"),
            "audio" => matches!(attr, "src" | "controls"),
            "source" => matches!(attr, "src" | "type"),
            "td" => matches!(attr, "colspan" | "rowspan" | "headers"),
            "th" => matches!(attr, "colspan" | "rowspan" | "headers" | "scope"),
            "time" | "del" | "ins" => attr == "datetime",
            "ol" => matches!(attr, "start" | "reversed"),
            "blockquote" | "q" => attr == "cite",
            "abbr" => attr == "title",
            _ => false,
        }
}

/// Attributes that hold a URL (ammonia did not count `cite`; a reader has no use for a
/// `javascript:` citation either).
fn is_url_attr(attr: &str) -> bool {
    matches!(attr, "href" | "src" | "poster" | "cite")
}

/// A URL with an allowed scheme, or a relative one (what the browser resolves against the
/// page: it cannot name a scheme). A value the URL parser rejects otherwise goes.
fn allowed_url(value: &str) -> bool {
    match crate::address::parse(value) {
        Ok(u) => URL_SCHEMES.contains(&u.scheme()),
        Err(e) => e == crate::address::Invalid::Relative,
    }
}

/// An https embed from a known video host (see [`crate::clean::is_video_url`]).
fn is_video_embed(src: &str) -> bool {
    src.trim().starts_with("https:") && crate::clean::is_video_url(src)
}

/// Sanitises HTML for display in the reader view: parses it as a fragment and writes what
/// the [`Gate`] lets through. The article's own HTML does not take this path: the serialiser
/// feeds the gate straight from the page's tree (`html.rs`), which a browser already parsed.
pub fn sanitize(html: &str) -> String {
    let mut gate = Gate::with_capacity(html.len());
    walk_fragment(html, |visit| {
        match visit {
            Visit::Open(ns, name, attrs) => {
                let attrs = attrs
                    .iter()
                    .filter(|a| a.name.ns == ns!())
                    .map(|a| (&*a.name.local, &*a.value));
                gate.open(name, *ns != ns!(html), attrs, true);
            }
            Visit::Close => gate.close(),
            Visit::Text(t) => gate.text(t),
        }
        // The gate skips what it drops; walking in keeps every open matched by a close.
        true
    });
    gate.finish()
}

/// The allowlist as a writer: it takes elements, text and end tags in document order and
/// writes what may stay. Elements it drops swallow everything up to their end tag.
pub struct Gate {
    out: String,
    /// For each open element that has an end tag: its tag when written, `None` when unwrapped.
    open: Vec<Option<&'static str>>,
    /// Open elements inside one being dropped (its content goes with it).
    skip: usize,
    /// Written `<table>` elements still open.
    tables: usize,
    /// The last thing written is a `<pre>` start tag (see [`Gate::text`]).
    after_pre: bool,
}

impl Gate {
    pub fn with_capacity(bytes: usize) -> Gate {
        Gate {
            out: String::with_capacity(bytes),
            open: Vec::new(),
            skip: 0,
            tables: 0,
            after_pre: false,
        }
    }

    /// An element starts. `foreign`: in the SVG or MathML namespace. `has_end`: a
    /// [`Gate::close`] will follow its content (false for elements written without one).
    pub fn open<'a>(
        &mut self,
        name: &str,
        foreign: bool,
        attrs: impl Iterator<Item = (&'a str, &'a str)>,
        has_end: bool,
    ) {
        if self.skip > 0 || foreign || DROP_WITH_CONTENT.contains(&name) {
            self.skip += usize::from(has_end);
            return;
        }
        let tag = TAGS
            .iter()
            .find(|t| **t == name)
            .filter(|t| self.tables > 0 || !TABLE_PARTS.contains(t));
        let Some(&tag) = tag else {
            if has_end {
                self.open.push(None);
            }
            return;
        };
        let mut kept: Vec<(&str, &str)> = attrs
            .filter(|(k, v)| allowed_attr(tag, k) && (!is_url_attr(k) || allowed_url(v)))
            .collect();
        // Only embeds from known video hosts stay (ammonia kept other frames without their
        // source; an empty frame is still a same-origin document the reader has no use for).
        if tag == "iframe" && !kept.iter().any(|(k, v)| *k == "src" && is_video_embed(v)) {
            self.skip += usize::from(has_end);
            return;
        }
        if tag == "a" {
            kept.push(("rel", LINK_REL));
        }
        self.out.push('<');
        self.out.push_str(tag);
        for (k, v) in kept {
            self.out.push(' ');
            self.out.push_str(k);
            self.out.push_str("=\"");
            escape(v, true, &mut self.out);
            self.out.push('"');
        }
        self.out.push('>');
        self.after_pre = tag == "pre";
        if tag == "iframe" {
            // A browser never shows an iframe's content, and written back it would be raw text.
            self.out.push_str("</iframe>");
        }
        if VOID.contains(&tag) || tag == "iframe" {
            self.skip += usize::from(has_end);
        } else if has_end {
            self.open.push(Some(tag));
            self.tables += usize::from(tag == "table");
        }
    }

    /// The element last opened with an end tag ends.
    pub fn close(&mut self) {
        if self.skip > 0 {
            self.skip -= 1;
        } else if let Some(Some(tag)) = self.open.pop() {
            self.tables -= usize::from(tag == "table");
            self.out.push_str("</");
            self.out.push_str(tag);
            self.out.push('>');
            self.after_pre = false;
        }
    }

    pub fn text(&mut self, t: &str) {
        if self.skip > 0 || t.is_empty() {
            return;
        }
        // The parser drops a newline right after `<pre>`: one written there must be doubled,
        // or the text would lose it on the next parse.
        if self.after_pre && t.starts_with('\n') {
            self.out.push('\n');
        }
        self.after_pre = false;
        escape(t, false, &mut self.out);
    }

    pub fn finish(self) -> String {
        self.out
    }
}

/// html5ever's escaping, which the output keeps: `&`, `<`, `>` and no-break spaces as
/// references, and in attribute values `"` too. Unescaped stretches are copied whole: the
/// characters to replace are ASCII, or the no-break space's two bytes (C2 A0, nothing else in
/// UTF-8). The serialiser (`html.rs`) writes with it too.
pub(super) fn escape(s: &str, attr: bool, out: &mut String) {
    let b = s.as_bytes();
    let mut start = 0;
    let mut i = 0;
    while i < b.len() {
        let (entity, width) = match b[i] {
            b'&' => ("&amp;", 1),
            b'<' => ("&lt;", 1),
            b'>' => ("&gt;", 1),
            b'"' if attr => ("&quot;", 1),
            0xC2 if b.get(i + 1) == Some(&0xA0) => ("&nbsp;", 2),
            _ => {
                i += 1;
                continue;
            }
        };
        out.push_str(&s[start..i]);
        out.push_str(entity);
        i += width;
        start = i;
    }
    out.push_str(&s[start..]);
}

#[cfg(test)]
mod tests {
    use super::{sanitize, Gate};

    /// Feeds the gate as the serialiser does: names without namespaces, void elements without
    /// a close.
    #[test]
    fn the_gate_fed_from_a_tree() {
        let none = || std::iter::empty::<(&str, &str)>();
        let mut g = Gate::with_capacity(0);
        // A table row that became the article's `div` part: its cells' tags go, their text stays.
        g.open("div", false, none(), true);
        g.open("td", false, [("colspan", "2")].into_iter(), true);
        g.text("cell");
        g.open(
            "img",
            false,
            [("src", "https://e.example/a.png"), ("onerror", "x()")].into_iter(),
            false,
        );
        g.close();
        // An `svg` (a tree keeps no namespaces) goes with its content, `a` and text included.
        g.open("svg", false, none(), true);
        g.open("a", false, [("href", "https://e.example/")].into_iter(), true);
        g.text("inside");
        g.close();
        g.close();
        g.open("pre", false, none(), true);
        g.text("\ncode");
        g.close();
        g.close();
        assert_eq!(
            g.finish(),
            "<div>cell<img src=\"https://e.example/a.png\"><pre>\n\ncode</pre></div>"
        );
        // Inside a table they stay.
        assert_eq!(
            sanitize("<table><tr><td colspan=2>a</td></tr></table>"),
            "<table><tbody><tr><td colspan=\"2\">a</td></tr></tbody></table>"
        );
    }

    #[test]
    fn scripts_handlers_and_js_urls_go() {
        let out = sanitize(
            r#"<p onclick="x()">Hi<script>alert(1)</script><a href="javascript:alert(1)">a</a><img src=x onerror=alert(1)><iframe srcdoc="<script>alert(1)</script>"></iframe><span style="color:red">s</span></p>"#,
        );
        for bad in ["onclick", "<script", "javascript:", "onerror", "srcdoc", "style="] {
            assert!(!out.contains(bad), "{bad} survived in {out}");
        }
        assert!(out.contains("Hi"));
    }

    #[test]
    fn video_iframes_stay_others_go() {
        assert_eq!(
            sanitize(
                r#"<iframe src="https://www.youtube.com/embed/x" width="1" onload="x()" allowfullscreen></iframe><iframe src="https://ads.example/x"></iframe>"#
            ),
            r#"<iframe src="https://www.youtube.com/embed/x" width="1" allowfullscreen=""></iframe>"#
        );
        let out = sanitize(
            r#"<iframe src="https://evil.example/?//www.youtube.com/embed/x"></iframe><iframe src="http://www.youtube.com/embed/x"></iframe><iframe srcdoc="x"></iframe>"#,
        );
        assert_eq!(out, "");
    }

    #[test]
    fn writes_what_it_keeps_as_html5ever_would() {
        assert_eq!(
            sanitize("<p class=x lang=en>a &amp; b &lt;c&gt;\u{a0}d<br><font>e</font><a href='/x?a=1&amp;b=\"2\"' rel=me target=_blank>f</a></p>"),
            "<p lang=\"en\">a &amp; b &lt;c&gt;&nbsp;d<br>e<a href=\"/x?a=1&amp;b=&quot;2&quot;\" rel=\"noopener noreferrer nofollow\">f</a></p>"
        );
        assert_eq!(
            sanitize(r#"<img alt="<b>&nbsp;" src="https://e.example/a.png" title='x>y'>"#),
            r#"<img alt="&lt;b&gt;&nbsp;" src="https://e.example/a.png" title="x&gt;y">"#
        );
        // Allowed and relative URLs stay; other schemes and unparsable absolute URLs go.
        assert_eq!(
            sanitize(
                r#"<a href="mailto:a@b.example">m</a><a href="tel:+1">t</a><a href="//cdn.example/x">r</a><a href="data:text/html,x">d</a><a href="vbscript:x">v</a><a href=" JaVa&#x09;script:x">j</a><a href="https://[oops">u</a>"#
            ),
            concat!(
                r#"<a href="mailto:a@b.example" rel="noopener noreferrer nofollow">m</a><a href="tel:+1" rel="noopener noreferrer nofollow">t</a>"#,
                r#"<a href="//cdn.example/x" rel="noopener noreferrer nofollow">r</a><a rel="noopener noreferrer nofollow">d</a>"#,
                r#"<a rel="noopener noreferrer nofollow">v</a><a rel="noopener noreferrer nofollow">j</a><a rel="noopener noreferrer nofollow">u</a>"#
            )
        );
        assert_eq!(
            sanitize(r#"<blockquote cite="javascript:x">q</blockquote>"#),
            "<blockquote>q</blockquote>"
        );
    }

    #[test]
    fn dropped_and_unwrapped_content() {
        assert_eq!(
            sanitize("<div><style>p{}</style><noscript><p>n</p></noscript><select><option>o</select><textarea>t</textarea><template><p>t</p></template><!-- c --><title>x</title>kept</div>"),
            "<div>kept</div>"
        );
        // Unknown and unsafe containers are unwrapped; their text stays text.
        assert_eq!(sanitize("<form action=x><label>a</label><xmp><b>x</b></xmp><noembed><i>y</i></noembed></form>"), "a&lt;b&gt;x&lt;/b&gt;&lt;i&gt;y&lt;/i&gt;");
        assert_eq!(sanitize("<plaintext><p>z"), "&lt;p&gt;z");
        // An iframe is written empty: its content would be raw text.
        assert_eq!(
            sanitize("<iframe src=https://www.youtube.com/embed/x>&lt;/iframe&gt;<img src=x onerror=alert(1)></iframe>"),
            "<iframe src=\"https://www.youtube.com/embed/x\"></iframe>"
        );
    }

    #[test]
    fn foreign_content_goes_whole() {
        assert_eq!(
            sanitize("<p>a<math><mi>x</mi><mtext><b>b</b></mtext><a href='/y'>y</a></math>c</p>"),
            "<p>ac</p>"
        );
        assert_eq!(
            sanitize(
                "<p>a<svg><foreignObject><p>b</p></foreignObject><a href='/y'>y</a></svg>c</p>"
            ),
            "<p>ac</p>"
        );
        // ammonia's namespace-confusion example: an iframe in svg, whose attribute would escape.
        let out = sanitize(r#"<svg><iframe><a title="</iframe><img src onerror=alert(1)>">test"#);
        assert!(!out.contains("<img"), "{out}");
        let out = sanitize(r#"<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>"#);
        assert!(!out.contains("<img"), "{out}");
    }

    #[test]
    fn pre_keeps_its_leading_newline() {
        let once = sanitize("<pre>\n\ncode</pre>");
        assert_eq!(once, "<pre>\n\ncode</pre>");
        assert_eq!(sanitize(&once), once);
        assert_eq!(sanitize("<pre>code\n</pre>"), "<pre>code\n</pre>");
    }

    #[test]
    fn deep_nesting_does_not_overflow() {
        let html = "<span>".repeat(20_000) + "x" + &"</span>".repeat(20_000);
        assert!(sanitize(&html).contains('x'));
    }
}

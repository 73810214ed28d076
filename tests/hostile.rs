//! The hostile corpus (tests/hostile/vectors.json) through the core: each vector is embedded in
//! a realistic article page (tests/hostile/page.html) where it reaches the extracted body or the
//! metadata, and the output must carry nothing active:
//! - `content_html`, parsed as the browser would, has only reader-view elements, no handler,
//!   style or frame-content attribute, and only http(s)/mailto/tel or relative URLs (no
//!   `javascript:`, `vbscript:`, `data:` at all: the reader needs no inline images, and a
//!   `data:image/svg+xml` is a document of its own); an `<iframe>` only as an https embed from a
//!   known video host (the reader view drops even those; the CLI's HTML keeps them);
//! - re-parsing the output gives the same tree, and sanitising it again changes nothing
//!   (mutation XSS: markup whose meaning changes when parsed a second time);
//! - the metadata is plain text (no markup in title, authors, site name, excerpt, date,
//!   language), the lead image an http(s) URL or nothing;
//! - the Markdown export, rendered by a CommonMark parser, holds no raw HTML and no script URL.
//!
//! The same vectors run in the real reader view in Chromium (tests/e2e/security.test.mjs).

use declutter::{analyze, Options};
use pulldown_cmark::{Event, Parser, Tag};
use scraper::{Html, Node};
use serde_json::Value;

const URL: &str = "https://news.example.org/city/2024/03/05/bridge.html";
const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/hostile");
/// The paragraphs around `{{BODY}}`: both in the article text means the vector sat inside the
/// extracted part of the page.
const AROUND: [&str; 2] =
    ["Supporters of the project argued", "Opponents, among them several shop owners"];

/// Elements a reader view may show. Anything else in the output fails the test, whatever the
/// sanitiser's own list says.
const SAFE_TAGS: &[&str] = &[
    "html", "a", "abbr", "address", "article", "aside", "audio", "b", "blockquote", "br",
    "caption", "center", "cite", "code", "col", "colgroup", "dd", "del", "details", "dfn", "div",
    "dl", "dt", "em", "figcaption", "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6",
    "header", "hr", "i", "iframe", "img", "ins", "kbd", "li", "main", "mark", "ol", "p", "pre",
    "q", "s", "samp", "section", "small", "source", "span", "strong", "sub", "summary", "sup",
    "table", "tbody", "td", "tfoot", "th", "thead", "time", "tr", "u", "ul", "var", "video",
];
/// Attributes that hold a URL.
const URL_ATTRS: &[&str] = &[
    "href", "src", "srcset", "poster", "cite", "action", "formaction", "background", "data",
    "ping", "xlink:href",
];
/// Attributes that never belong in reader output.
const BAD_ATTRS: &[&str] = &[
    "style", "srcdoc", "formaction", "action", "ping", "xlink:href", "background", "data",
    "autofocus", "is",
];
const IFRAME_ATTRS: &[&str] =
    &["src", "width", "height", "allowfullscreen", "frameborder", "lang", "dir"];

pub struct Vector {
    pub id: String,
    pub kind: String,
    pub place: String,
    pub html: Value,
}

fn vectors() -> Vec<Vector> {
    let raw = std::fs::read_to_string(format!("{DIR}/vectors.json")).unwrap();
    let list: Vec<Value> = serde_json::from_str(&raw).unwrap();
    list.into_iter()
        .map(|v| Vector {
            id: v["id"].as_str().unwrap().to_string(),
            kind: v["kind"].as_str().unwrap().to_string(),
            place: v["where"].as_str().unwrap().to_string(),
            html: v["html"].clone(),
        })
        .collect()
}

/// The page for vector number `n` (1-based): what tests/e2e/security.test.mjs serves too.
fn page(v: &Vector, n: usize) -> String {
    let template = std::fs::read_to_string(format!("{DIR}/page.html")).unwrap();
    let payload = |s: &str| s.replace("$ID", &n.to_string());
    let text = v.html.as_str().map(payload);
    let default_ld = serde_json::json!({
        "@context": "https://schema.org", "@type": "NewsArticle", "headline": "Council votes on the new river bridge",
        "author": {"@type": "Person", "name": "Jane Doe"}, "datePublished": "2024-03-05T09:00:00Z"
    });
    // As sites embed JSON-LD: `<` escaped, so a string holding "</script>" stays inside the block.
    let ld_text = |val: &Value| payload(&val.to_string()).replace('<', "\\u003c");
    let ld = match v.place.as_str() {
        "jsonld" => {
            let mut obj = v.html.clone();
            obj["@context"] = Value::from("https://schema.org");
            ld_text(&obj)
        }
        "jsonld-raw" => text.clone().unwrap(),
        _ => ld_text(&default_ld),
    };
    let slot = |place: &str| {
        if v.place == place {
            text.clone().unwrap_or_default()
        } else {
            String::new()
        }
    };
    template
        .replace(
            "{{TITLE}}",
            &if v.place == "title" {
                slot("title")
            } else {
                "Council votes on the new river bridge - The Daily Bridge".into()
            },
        )
        .replace("{{JSONLD}}", &ld)
        .replace("{{HEAD}}", &slot("head"))
        .replace(
            "{{BYLINE}}",
            &if v.place == "byline" { slot("byline") } else { "By Jane Doe".into() },
        )
        .replace("{{BODY}}", &slot("body"))
        .replace("{{END}}", &slot("end"))
}

/// `Some(reason)` when a URL attribute value is not http(s)/mailto/tel or relative.
fn bad_url(value: &str) -> Option<String> {
    // Browsers ignore ASCII whitespace and control characters inside a scheme.
    let squashed: String = value
        .chars()
        .filter(|c| !c.is_whitespace() && !c.is_control())
        .collect::<String>()
        .to_ascii_lowercase();
    let scheme_end = squashed.find(':');
    let path_start = squashed.find(['/', '?', '#']).unwrap_or(usize::MAX);
    match scheme_end {
        Some(i) if i < path_start => {
            let scheme = &squashed[..i];
            (!matches!(scheme, "http" | "https" | "mailto" | "tel"))
                .then(|| format!("scheme {scheme}: in {value:?}"))
        }
        _ => None,
    }
}

fn is_video_embed(src: &str) -> bool {
    let Ok(u) = url::Url::parse(src) else { return false };
    let host = u.host_str().unwrap_or("");
    u.scheme() == "https"
        && declutter::rules::VIDEO_HOSTS.iter().any(|h| h.trim_start_matches('/') == host)
}

/// Everything active in an HTML fragment, as the browser's parser would build it.
fn active_parts(html: &str) -> Vec<String> {
    let frag = Html::parse_fragment(html);
    let mut bad = Vec::new();
    for node in frag.tree.root().descendants() {
        match node.value() {
            Node::Element(e) => {
                let name = e.name();
                if &*e.name.ns != "http://www.w3.org/1999/xhtml" {
                    bad.push(format!("<{name}> in namespace {}", &*e.name.ns));
                }
                if !SAFE_TAGS.contains(&name) {
                    bad.push(format!("element <{name}>"));
                }
                for (attr, value) in e.attrs() {
                    let attr = attr.to_ascii_lowercase();
                    if attr.starts_with("on") || BAD_ATTRS.contains(&attr.as_str()) {
                        bad.push(format!("attribute {attr}={value:?} on <{name}>"));
                    }
                    if URL_ATTRS.contains(&attr.as_str()) {
                        let urls: Vec<&str> = if attr == "srcset" {
                            value.split(',').filter_map(|c| c.split_whitespace().next()).collect()
                        } else {
                            vec![value]
                        };
                        for u in urls {
                            if let Some(why) = bad_url(u) {
                                bad.push(format!("{attr} on <{name}>: {why}"));
                            }
                        }
                    }
                    if name == "iframe" && !IFRAME_ATTRS.contains(&attr.as_str()) {
                        bad.push(format!("attribute {attr} on <iframe>"));
                    }
                }
                if name == "iframe" && !e.attr("src").is_some_and(is_video_embed) {
                    bad.push(format!("iframe not from a video host: {:?}", e.attr("src")));
                }
            }
            Node::Comment(_) | Node::ProcessingInstruction(_) | Node::Doctype(_) => {
                bad.push("comment or processing instruction".into())
            }
            _ => {}
        }
    }
    bad
}

/// The tree the browser builds from `html`, one line per node: namespace, name and sorted
/// attributes, or text. (Attribute order is not part of the tree: html5ever's serialiser and
/// scraper's keep them in different orders.)
fn tree(html: &str) -> String {
    let frag = Html::parse_fragment(html);
    let mut out = String::new();
    for edge in frag.tree.root().traverse() {
        match edge {
            ego_tree::iter::Edge::Open(n) => match n.value() {
                Node::Element(e) => {
                    let mut attrs: Vec<String> =
                        e.attrs().map(|(k, v)| format!("{k}={v:?}")).collect();
                    attrs.sort();
                    out.push_str(&format!("<{} {} {}>", &*e.name.ns, e.name(), attrs.join(" ")));
                }
                Node::Text(t) => out.push_str(&format!("{:?}", &*t.text)),
                Node::Comment(c) => out.push_str(&format!("<!--{:?}-->", &*c.comment)),
                _ => {}
            },
            ego_tree::iter::Edge::Close(n) => {
                if n.value().is_element() {
                    out.push_str("</>");
                }
            }
        }
    }
    out
}

/// Parsing the output, serialising that tree and parsing it again gives the same tree (no
/// mutation on a second parse), and the sanitiser has nothing left to remove from it.
fn mutation_free(html: &str) -> Result<(), String> {
    let first = tree(html);
    let reserialised = Html::parse_fragment(html).root_element().inner_html();
    let second = tree(&reserialised);
    if first != second {
        return Err(format!(
            "re-parsing changes the tree:\n  out:   {html}\n  again: {reserialised}"
        ));
    }
    let resanitised = declutter::output::sanitize::sanitize(html);
    if tree(&resanitised) != first {
        return Err(format!(
            "sanitising the output again changes it:\n  out:   {html}\n  again: {resanitised}"
        ));
    }
    Ok(())
}

/// Markup in a metadata string: `<` followed by what starts a tag, comment or declaration.
fn has_markup(s: &str) -> bool {
    s.as_bytes()
        .windows(2)
        .any(|w| w[0] == b'<' && (w[1].is_ascii_alphabetic() || matches!(w[1], b'/' | b'!' | b'?')))
}

fn markdown_problems(md: &str) -> Vec<String> {
    let mut bad = Vec::new();
    for ev in Parser::new(md) {
        match ev {
            Event::Html(h) | Event::InlineHtml(h) => {
                bad.push(format!("raw HTML in Markdown: {h:?}"))
            }
            Event::Start(Tag::Link { dest_url, .. })
            | Event::Start(Tag::Image { dest_url, .. }) => {
                if let Some(why) = bad_url(&dest_url) {
                    bad.push(format!("Markdown link: {why}"));
                }
            }
            _ => {}
        }
    }
    bad
}

/// Everything wrong with the core's answer on vector `v`'s page.
fn problems(v: &Vector, n: usize) -> Vec<String> {
    let html = page(v, n);
    let analysis = match analyze(&html, URL, &Options::default()) {
        Ok(a) => a,
        Err(e) => return vec![format!("refused: {e}")],
    };
    let Some(a) = analysis.article else { return vec!["no article found".into()] };
    let mut bad = Vec::new();
    if v.place == "body" || v.place == "end" {
        for s in AROUND {
            if !a.text.contains(s) {
                bad.push(format!(
                    "the vector's surroundings are not in the article (missing {s:?})"
                ));
            }
        }
    }
    bad.extend(active_parts(&a.content_html));
    if let Err(e) = mutation_free(&a.content_html) {
        bad.push(e);
    }
    let mut fields: Vec<(&str, &str)> = vec![("title", &a.title), ("dir", &a.dir)];
    fields.extend(a.authors.iter().map(|s| ("author", s.as_str())));
    for (name, value) in [
        ("byline", &a.byline),
        ("site_name", &a.site_name),
        ("excerpt", &a.excerpt),
        ("published", &a.published),
        ("lang", &a.lang),
    ] {
        if let Some(s) = value {
            fields.push((name, s));
        }
    }
    for (name, value) in fields {
        if has_markup(value) {
            bad.push(format!("{name} holds markup: {value:?}"));
        }
    }
    if let Some(p) = &a.published {
        if !p.chars().all(|c| c.is_ascii_digit() || "-:T+Z.".contains(c)) {
            bad.push(format!("published is not an ISO date: {p:?}"));
        }
    }
    if let Some(l) = &a.lang {
        if !l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') {
            bad.push(format!("lang is not a language tag: {l:?}"));
        }
    }
    if !matches!(a.dir.as_str(), "ltr" | "rtl") {
        bad.push(format!("dir is {:?}", a.dir));
    }
    if let Some(img) = &a.lead_image {
        if !(img.starts_with("https://") || img.starts_with("http://")) {
            bad.push(format!("lead image is not an http(s) URL: {img:?}"));
        }
    }
    bad.extend(markdown_problems(&declutter::output::markdown::to_markdown(
        &a.title, &a.content_html,
    )));
    bad.into_iter().map(|p| format!("{} ({}): {p}", v.id, v.kind)).collect()
}

#[test]
fn corpus_has_at_least_sixty_vectors_of_every_kind() {
    let vs = vectors();
    assert!(vs.len() >= 60, "{} vectors", vs.len());
    let mut ids: Vec<&str> = vs.iter().map(|v| v.id.as_str()).collect();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), vs.len(), "vector ids are unique");
    for kind in [
        "script", "handler", "url", "svg", "math", "frame", "base", "refresh", "css", "mxss",
        "metadata",
    ] {
        assert!(vs.iter().any(|v| v.kind == kind), "no vector of kind {kind}");
    }
    // Every vector can fire: it calls the trap, or is a URL that needs no payload.
    for v in &vs {
        let s = v.html.to_string();
        assert!(
            s.contains("__pwn($ID)")
                || s.contains("$ID")
                || s.contains("vbscript:")
                || s.contains("data:")
                || s.contains("evil.example")
                || v.kind == "clobber",
            "{} has no payload",
            v.id
        );
    }
}

#[test]
fn no_vector_leaves_anything_active_in_the_output() {
    let vs = vectors();
    let all: Vec<String> = vs.iter().enumerate().flat_map(|(i, v)| problems(v, i + 1)).collect();
    assert!(
        all.is_empty(),
        "{} problems over {} vectors:\n{}",
        all.len(),
        vs.len(),
        all.join("\n")
    );
}

#[test]
fn all_vectors_on_one_page() {
    // The same vectors together in one body, as a real hostile page would mix them.
    let vs = vectors();
    let body: String = vs.iter().enumerate().filter(|(_, v)| v.place == "body").map(|(i, v)| v.html.as_str().unwrap().replace("$ID", &(i + 1).to_string())).collect::<Vec<_>>().join("\n<p>Between two vectors, the article goes on with another sentence of ordinary text.</p>\n");
    let combined = Vector {
        id: "all-body-vectors".into(),
        kind: "all".into(),
        place: "body".into(),
        html: Value::from(body),
    };
    let bad = problems(&combined, 0);
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

#[test]
fn the_sanitiser_alone_leaves_nothing_active() {
    // Each vector straight into the sanitiser, without the extraction and serialiser in front
    // of it (the exports sanitise whatever JavaScript hands back), plus markup that would eat
    // the rest of a test page: plaintext, unclosed raw text, foreign content left open.
    let mut inputs: Vec<String> = vectors()
        .iter()
        .enumerate()
        .filter_map(|(i, v)| v.html.as_str().map(|s| s.replace("$ID", &(i + 1).to_string())))
        .collect();
    inputs.extend(
        [
            "<plaintext><img src=x onerror=__pwn(1)>", "<p>a<xmp><img src=x onerror=__pwn(1)>",
            "<iframe src=\"https://www.youtube.com/embed/abc\"><img src=x onerror=__pwn(1)>",
            "<noscript><img src=x onerror=__pwn(1)>",
            "<svg><p><style><img src=x onerror=__pwn(1)>",
            "<math><mi><table><mglyph><style><img src=x onerror=__pwn(1)>",
            "<svg><foreignObject><a href=\"/x\">a</a><math><mi>y",
            "<table><tr><td>a<font>b</table><img src=x onerror=__pwn(1)>",
            "<pre>\ncode</pre><pre>code\n</pre>",
            "<a href=\"https://x.org/\"><a href=\"/y\"><p>nested</a>",
            "<b><p>misnested</b> text</p>",
        ]
        .map(String::from),
    );
    let mut bad = Vec::new();
    for input in &inputs {
        let out = declutter::output::sanitize::sanitize(input);
        bad.extend(active_parts(&out).into_iter().map(|p| format!("{input:?}: {p}")));
        if let Err(e) = mutation_free(&out) {
            bad.push(format!("{input:?}: {e}"));
        }
    }
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

#[test]
fn the_checks_catch_what_they_look_for() {
    // The test's own detectors, on markup that must fail them.
    assert!(!active_parts(r#"<p onclick="x()">a</p>"#).is_empty());
    assert!(!active_parts(r#"<a href=" java	script:x()">a</a>"#).is_empty());
    assert!(!active_parts(r#"<img src="data:image/png;base64,AA">"#).is_empty());
    assert!(!active_parts(r#"<svg><a href="https://x.org/">a</a></svg>"#).is_empty());
    assert!(!active_parts(
        r#"<iframe src="https://evil.example/?//www.youtube.com/embed/x"></iframe>"#
    )
    .is_empty());
    assert!(active_parts(r#"<iframe src="https://www.youtube.com/embed/x"></iframe><a href="/rel">r</a><a href="https://x.org/a:b">x</a>"#).is_empty());
    // Nested forms: the first parse builds them, a second parse of the serialisation cannot.
    assert!(mutation_free(r#"<form id="a"><div></form><form id="b"><input></form></div>"#).is_err());
    assert!(mutation_free(r#"<p onclick="x">a</p>"#).is_err());
    assert!(mutation_free(
        r#"<p><a href="https://x.org/" title="t" rel="noopener noreferrer nofollow">a</a></p>"#
    )
    .is_ok());
    assert!(has_markup("<img src=x>Jane") && !has_markup("a < b"));
    assert!(!markdown_problems("text <img src=x onerror=y()> text").is_empty());
    assert!(!markdown_problems("[a](javascript:x())").is_empty());
}

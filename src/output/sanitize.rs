//! The last gate before HTML leaves the core: ammonia, with an allowlist of tags and
//! attributes. The serialiser already dropped what a reader view does not need; this pass is
//! what guarantees that no script, handler, style or dangerous URL gets through, including
//! markup that changes meaning when re-parsed (ammonia parses and re-serialises with html5ever).

use std::collections::{HashMap, HashSet};

/// Tags a reader view shows.
const TAGS: &[&str] = &[
    "a", "abbr", "b", "blockquote", "br", "caption", "cite", "code", "col", "colgroup", "dd", "del", "details", "dfn",
    "div", "dl", "dt", "em", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "iframe", "img",
    "ins", "kbd", "li", "mark", "ol", "p", "pre", "q", "s", "samp", "section", "small", "span", "strong", "sub",
    "summary", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "time", "tr", "u", "ul", "var", "video", "audio",
    "source", "article", "aside", "header", "footer", "main", "address", "center",
];

fn tag_attributes() -> HashMap<&'static str, HashSet<&'static str>> {
    let mut m: HashMap<&'static str, HashSet<&'static str>> = HashMap::new();
    let mut add = |tag: &'static str, attrs: &[&'static str]| {
        m.entry(tag).or_default().extend(attrs.iter().copied());
    };
    add("a", &["href", "title"]);
    add("img", &["src", "alt", "title", "width", "height"]);
    add("iframe", &["src", "width", "height", "allowfullscreen", "frameborder"]);
    add("video", &["src", "poster", "controls", "width", "height"]);
    add("audio", &["src", "controls"]);
    add("source", &["src", "type"]);
    add("td", &["colspan", "rowspan", "headers"]);
    add("th", &["colspan", "rowspan", "headers", "scope"]);
    add("time", &["datetime"]);
    add("del", &["datetime"]);
    add("ins", &["datetime"]);
    add("ol", &["start", "reversed"]);
    add("blockquote", &["cite"]);
    add("q", &["cite"]);
    add("abbr", &["title"]);
    m
}

/// Sanitises article HTML for display in the reader view.
pub fn sanitize(html: &str) -> String {
    let mut b = ammonia::Builder::default();
    b.tags(TAGS.iter().copied().collect())
        .clean_content_tags(["script", "style", "template", "noscript", "textarea", "select", "option", "title", "svg"].into_iter().collect())
        .tag_attributes(tag_attributes())
        .generic_attributes(["lang", "dir"].into_iter().collect())
        .url_schemes(["http", "https", "mailto", "tel"].into_iter().collect())
        .url_relative(ammonia::UrlRelative::PassThrough)
        .link_rel(Some("noopener noreferrer nofollow"))
        .strip_comments(true)
        // Only embeds from known video hosts survive the serialiser; keep them framed off.
        .attribute_filter(|element, attribute, value| {
            if element == "iframe" && attribute == "src" && !is_video_embed(value) {
                return None;
            }
            Some(value.into())
        });
    b.clean(html).to_string()
}

/// An https embed from a known video host (see [`crate::clean::is_video_url`]).
fn is_video_embed(src: &str) -> bool {
    src.trim().starts_with("https:") && crate::clean::is_video_url(src)
}

#[cfg(test)]
mod tests {
    use super::sanitize;

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
    fn video_iframes_stay_others_lose_src() {
        let out = sanitize(r#"<iframe src="https://www.youtube.com/embed/x"></iframe><iframe src="https://ads.example/x"></iframe>"#);
        assert!(out.contains("youtube.com/embed/x"));
        assert!(!out.contains("ads.example"));
        let out = sanitize(r#"<iframe src="https://evil.example/?//www.youtube.com/embed/x"></iframe><iframe src="http://www.youtube.com/embed/x"></iframe>"#);
        assert!(!out.contains("src="), "{out}");
    }
}

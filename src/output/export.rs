//! The documents a reader saves: Markdown and a standalone HTML page, both built from an
//! [`Article`] the core returned. The article may come back from JavaScript (the extension
//! asks for an export of what it shows), so the body is sanitised again here: whatever the
//! caller passes, the output carries nothing the sanitiser would not let through.

use super::{markdown, sanitize};
use crate::model::Article;

/// Styles of the standalone page: readable on screen and on paper, light or dark with the
/// system. No fonts to fetch, no script.
const STANDALONE_CSS: &str = "
:root { color-scheme: light dark; --fg: #1d1d1b; --bg: #fbfaf7; --muted: #5c5b55; --link: #1a5a85; --rule: #d6d3c8; }
@media (prefers-color-scheme: dark) { :root { --fg: #e6e4de; --bg: #1c1c1e; --muted: #b0aea6; --link: #8cc4ee; --rule: #48484a; } }
body { margin: 0; background: var(--bg); color: var(--fg); font: 19px/1.6 Charter, 'Bitstream Charter', 'Sitka Text', Cambria, Georgia, serif; }
article { max-width: 38em; margin: 0 auto; padding: 24px 20px 64px; }
article:lang(ar), article:lang(fa), article:lang(ur) { font-family: 'Noto Naskh Arabic', 'Geeza Pro', 'Segoe UI', Tahoma, 'DejaVu Sans', sans-serif; line-height: 1.9; }
header p { font: 14px/1.5 system-ui, sans-serif; color: var(--muted); margin: 0 0 8px; }
h1 { font-size: 1.9em; line-height: 1.2; margin: 0 0 12px; }
a { color: var(--link); }
img, video, iframe { max-width: 100%; height: auto; }
figcaption { font-size: .85em; color: var(--muted); }
blockquote { margin: 1em 0; padding-inline-start: 1em; border-inline-start: 3px solid var(--rule); }
pre, table { display: block; overflow-x: auto; max-width: 100%; }
table { border-collapse: collapse; } td, th { border: 1px solid var(--rule); padding: 4px 8px; }
@media print { body { background: #fff; color: #000; } a[href^='http']::after { content: ' (' attr(href) ')'; font-size: .85em; word-break: break-all; } }
";

/// No script, no request but for the article's own images and video embeds.
const STANDALONE_CSP: &str =
    "default-src 'none'; img-src https: http: data:; media-src https: http:; frame-src https:; style-src 'unsafe-inline'";

/// A complete, self-contained, script-free HTML document: the article's metadata in `<head>`
/// and in a header, then the sanitised body. `url` is the page the article was read from.
pub fn standalone_html(article: &Article, url: &str) -> String {
    let lang = article.lang.as_deref().unwrap_or("");
    let dir = if article.dir == "rtl" { "rtl" } else { "ltr" };
    let body = sanitize::sanitize(&article.content_html);
    let mut out = String::with_capacity(body.len() + STANDALONE_CSS.len() + 1024);
    out.push_str("<!DOCTYPE html>\n<html");
    if !lang.is_empty() {
        out.push_str(&format!(" lang=\"{}\"", attr(lang)));
    }
    out.push_str(&format!(" dir=\"{dir}\">\n<head>\n<meta charset=\"utf-8\">\n"));
    out.push_str(&format!(
        "<meta http-equiv=\"Content-Security-Policy\" content=\"{STANDALONE_CSP}\">\n"
    ));
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    out.push_str(&format!("<title>{}</title>\n", text(&article.title)));
    if let Some(byline) = &article.byline {
        out.push_str(&format!("<meta name=\"author\" content=\"{}\">\n", attr(byline)));
    }
    if let Some(date) = &article.published {
        out.push_str(&format!("<meta name=\"date\" content=\"{}\">\n", attr(date)));
    }
    if let Some(excerpt) = &article.excerpt {
        out.push_str(&format!("<meta name=\"description\" content=\"{}\">\n", attr(excerpt)));
    }
    if let Some(href) = safe_url(url) {
        out.push_str(&format!("<link rel=\"canonical\" href=\"{}\">\n", attr(href)));
    }
    out.push_str(&format!(
        "<style>{STANDALONE_CSS}</style>\n</head>\n<body>\n<article>\n<header>\n"
    ));
    let site = article.site_name.as_deref().filter(|s| !s.trim().is_empty());
    match (safe_url(url), site) {
        (Some(href), site) => {
            let name = site.map_or_else(|| host(href), String::from);
            out.push_str(&format!(
                "<p class=\"site\"><a href=\"{}\">{}</a></p>\n",
                attr(href),
                text(&name)
            ));
        }
        (None, Some(site)) => out.push_str(&format!("<p class=\"site\">{}</p>\n", text(site))),
        (None, None) => {}
    }
    out.push_str(&format!("<h1>{}</h1>\n", text(&article.title)));
    let mut meta = Vec::new();
    if let Some(byline) = &article.byline {
        meta.push(format!("<span class=\"byline\">{}</span>", text(byline)));
    }
    if let Some(date) = &article.published {
        meta.push(format!("<time datetime=\"{}\">{}</time>", attr(date), text(date_part(date))));
    }
    if !meta.is_empty() {
        out.push_str(&format!("<p class=\"meta\">{}</p>\n", meta.join(" · ")));
    }
    out.push_str("</header>\n");
    if let Some(src) = lead_image(article, &body) {
        out.push_str(&format!(
            "<figure class=\"lead\"><img src=\"{}\" alt=\"\"></figure>\n",
            attr(src)
        ));
    }
    out.push_str(&body);
    out.push_str("\n</article>\n</body>\n</html>\n");
    out
}

/// Markdown: the title, a line of metadata (byline, date, link to the original), the lead
/// image, the body.
pub fn markdown_document(article: &Article, url: &str) -> String {
    let clean = sanitize::sanitize(&article.content_html);
    let body = markdown::to_markdown(&article.title, &clean);
    let mut meta = Vec::new();
    if let Some(byline) = &article.byline {
        meta.push(super::markdown::escape(byline));
    }
    if let Some(date) = &article.published {
        meta.push(date_part(date).to_string());
    }
    if let Some(href) = safe_url(url) {
        let site = article
            .site_name
            .as_deref()
            .filter(|s| !s.trim().is_empty())
            .map_or_else(|| host(href), String::from);
        meta.push(format!(
            "[{}](<{}>)",
            super::markdown::escape(&site),
            href.replace(['<', '>'], "")
        ));
    }
    let mut line =
        if meta.is_empty() { String::new() } else { format!("{}\n\n", meta.join(" · ")) };
    if let Some(src) = lead_image(article, &clean) {
        line.push_str(&format!("![](<{}>)\n\n", src.replace(['<', '>'], "")));
    }
    if line.is_empty() {
        return body;
    }
    // The body starts with "# title\n\n" when there is a title: the metadata goes after it.
    match body.find("\n\n") {
        Some(i) if body.starts_with("# ") => {
            format!("{}{}{}", &body[..i + 2], line, &body[i + 2..])
        }
        _ => format!("{line}{body}"),
    }
}

/// The lead image, when it is a web URL the body does not show already (the reader view makes
/// the same choice).
fn lead_image<'a>(article: &'a Article, body: &str) -> Option<&'a str> {
    article.lead_image.as_deref().and_then(safe_url).filter(|src| !body.contains(src))
}

/// The host of a web address ("www.example.org"), naming a site that gave no name.
fn host(url: &str) -> String {
    crate::address::parse(url)
        .ok()
        .and_then(|u| u.host_str().map(String::from))
        .unwrap_or_else(|| url.to_string())
}

/// `2023-01-23` of `2023-01-23T10:30:00+01:00`.
fn date_part(iso: &str) -> &str {
    iso.split('T').next().unwrap_or(iso)
}

/// Only web links become links; anything else (a `javascript:` URL) is dropped.
fn safe_url(url: &str) -> Option<&str> {
    let u = url.trim();
    let lower = u.get(..8).unwrap_or(u).to_ascii_lowercase();
    (lower.starts_with("https://") || lower.starts_with("http://")).then_some(u)
}

fn text(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}

fn attr(s: &str) -> String {
    text(s).replace('"', "&quot;")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article() -> Article {
        Article {
            title: "Rain <in> Spain".into(),
            byline: Some("Ana & Luis".into()),
            authors: vec!["Ana".into(), "Luis".into()],
            published: Some("2023-01-23T10:30:00+01:00".into()),
            site_name: Some("The Daily".into()),
            lang: Some("es".into()),
            dir: "ltr".into(),
            excerpt: Some("Rain \"falls\"".into()),
            lead_image: Some("https://x.org/lead.jpg".into()),
            content_html: r#"<p onclick="x()">Falls <a href="https://x.org/">mainly</a><script>alert(1)</script><img src="https://x.org/i.jpg" onerror="y()"></p><p><a href="javascript:alert(2)">z</a></p>"#.into(),
            ..Default::default()
        }
    }

    #[test]
    fn standalone_html_is_complete_escaped_and_script_free() {
        let html = standalone_html(&article(), "https://daily.example/rain");
        assert!(
            html.starts_with(
                "<!DOCTYPE html>\n<html lang=\"es\" dir=\"ltr\">\n<head>\n<meta charset=\"utf-8\">"
            ),
            "{html}"
        );
        assert!(html.ends_with("</article>\n</body>\n</html>\n"));
        assert!(html.contains("<title>Rain &lt;in&gt; Spain</title>"));
        assert!(html.contains("<h1>Rain &lt;in&gt; Spain</h1>"));
        assert!(html.contains("<meta name=\"author\" content=\"Ana &amp; Luis\">"));
        assert!(html.contains("<meta name=\"description\" content=\"Rain &quot;falls&quot;\">"));
        assert!(html.contains("<link rel=\"canonical\" href=\"https://daily.example/rain\">"));
        assert!(html.contains(
            "<p class=\"site\"><a href=\"https://daily.example/rain\">The Daily</a></p>"
        ));
        assert!(html.contains("<time datetime=\"2023-01-23T10:30:00+01:00\">2023-01-23</time>"));
        assert!(html.contains("Content-Security-Policy"));
        assert!(html.contains("</header>\n<figure class=\"lead\"><img src=\"https://x.org/lead.jpg\" alt=\"\"></figure>"));
        assert!(html.contains("<a href=\"https://x.org/\""));
        for bad in ["<script", "onclick", "onerror", "javascript:"] {
            assert!(!html.to_ascii_lowercase().contains(bad), "{bad} in {html}");
        }
    }

    #[test]
    fn standalone_html_keeps_direction_and_refuses_script_urls() {
        let a =
            Article { lang: Some("ar".into()), dir: "rtl".into(), site_name: None, ..article() };
        let html = standalone_html(&a, "javascript:alert(1)");
        assert!(html.contains("<html lang=\"ar\" dir=\"rtl\">"));
        assert!(!html.contains("canonical"));
        assert!(!html.contains("javascript:"));
    }

    #[test]
    fn markdown_document_has_metadata_after_the_title() {
        let md = markdown_document(&article(), "https://daily.example/rain");
        assert!(md.starts_with("# Rain \\<in\\> Spain\n\nAna & Luis · 2023-01-23 · [The Daily](<https://daily.example/rain>)\n\n![](<https://x.org/lead.jpg>)\n\nFalls [mainly](https://x.org/)"), "{md}");
        assert!(!md.contains("javascript:"), "{md}");
        let unnamed = Article { site_name: None, ..article() };
        assert!(markdown_document(&unnamed, "https://daily.example/rain")
            .contains("[daily.example](<https://daily.example/rain>)"));
        assert!(standalone_html(&unnamed, "https://daily.example/rain")
            .contains(">daily.example</a></p>"));
    }
}

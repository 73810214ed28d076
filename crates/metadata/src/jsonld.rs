//! JSON-LD: every `<script type="application/ld+json">`, tolerant of broken JSON (skipped),
//! CDATA and comment wrappers, raw newlines inside strings, arrays and `@graph`.

use super::json::{self, Map, Value};
use super::text::{clean, looks_like_url, raw_text};
use crate::dom::Document;

/// schema.org types that describe an article. Readability's `jsonLdArticleTypes` (reference.md
/// §3.2); its regex anchors only the first and last alternatives, so it also accepts any type
/// *containing* one of these; we accept exact names plus any type ending in "Article".
pub const ARTICLE_TYPES: &[&str] = &[
    "Article", "AdvertiserContentArticle", "NewsArticle", "AnalysisNewsArticle",
    "AskPublicNewsArticle", "BackgroundNewsArticle", "OpinionNewsArticle", "ReportageNewsArticle",
    "ReviewNewsArticle", "Report", "SatiricalArticle", "ScholarlyArticle",
    "MedicalScholarlyArticle", "SocialMediaPosting", "BlogPosting", "LiveBlogPosting",
    "DiscussionForumPosting", "TechArticle", "APIReference",
];

/// Page-level types used when no article item exists: their dates, authors and images still
/// describe the page (many WordPress/Yoast pages only have `WebPage` in their `@graph`).
pub const PAGE_TYPES: &[&str] = &[
    "WebPage", "ItemPage", "CollectionPage", "AboutPage", "ProfilePage", "QAPage", "FAQPage",
    "MediaObject", "VideoObject", "Recipe", "Review", "Blog", "CreativeWork",
];

/// How deep we walk into a JSON-LD value looking for items (graphs nest two or three levels;
/// the cap keeps hostile input cheap). The walk is iterative.
const MAX_WALK_DEPTH: usize = 8;
/// At most this many items are considered across all scripts.
const MAX_ITEMS: usize = 500;

/// What the page's JSON-LD says about the article.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct JsonLd {
    pub name: Option<String>,
    pub headline: Option<String>,
    pub authors: Vec<String>,
    /// Every author is typed `Organization` (or a subtype such as `NewsMediaOrganization`): the
    /// publisher named as author ("LN" on ln-online.de), not a person.
    pub authors_are_organisations: bool,
    pub published: Option<String>,
    /// `dateCreated` / `uploadDate`: used only after the meta tags (Readability reads only
    /// `datePublished`; `dateCreated` is often a UTC copy that shifts the day).
    pub created: Option<String>,
    pub publisher: Option<String>,
    pub description: Option<String>,
    pub image: Option<String>,
    pub lang: Option<String>,
    /// True when the values come from an article item (not a page-level fallback).
    pub from_article: bool,
}

/// Reads every JSON-LD script of the page.
pub fn read(doc: &Document) -> JsonLd {
    let mut items: Vec<Value> = Vec::new();
    for id in 0..doc.len() as u32 {
        if doc.tag(id) != "script" {
            continue;
        }
        let is_ld = doc
            .element(id)
            .and_then(|e| e.attr("type"))
            .map(|t| t.trim().eq_ignore_ascii_case("application/ld+json"))
            .unwrap_or(false);
        if !is_ld {
            continue;
        }
        if let Some(v) = parse_lenient(&raw_text(doc, id)) {
            collect_items(v, &mut items);
        }
    }
    from_items(&items)
}

/// A script body without its `<![CDATA[ … ]]>` and `<!-- … -->` wrappers and a trailing `;`:
/// the JSON text itself (also what `evaluate` reads titles from).
pub fn unwrap_script(body: &str) -> &str {
    let mut s = body.trim();
    for (open, close) in [("<![CDATA[", "]]>"), ("<!--", "-->"), ("//<![CDATA[", "//]]>")] {
        if let Some(inner) = s.strip_prefix(open) {
            s = inner.trim();
            if let Some(inner) = s.strip_suffix(close) {
                s = inner.trim();
            }
        }
    }
    s.trim_end_matches(';').trim()
}

/// Parses a script body, tolerating [`unwrap_script`]'s wrappers and raw control characters
/// inside strings. `None` for anything still broken.
pub fn parse_lenient(body: &str) -> Option<Value> {
    let s = unwrap_script(body);
    if let Some(v) = json::parse(s) {
        return Some(v);
    }
    // Raw newlines/tabs inside strings are invalid JSON but common in hand-made JSON-LD; outside
    // strings they are whitespace, so replacing them is safe everywhere.
    let repaired: String = s.chars().map(|c| if c.is_control() { ' ' } else { c }).collect();
    json::parse(&repaired)
}

/// Flattens top-level arrays and `@graph`s into a list of objects (iteratively, bounded).
fn collect_items(root: Value, items: &mut Vec<Value>) {
    let mut stack: Vec<(Value, usize)> = vec![(root, 0)];
    while let Some((v, depth)) = stack.pop() {
        if items.len() >= MAX_ITEMS || depth > MAX_WALK_DEPTH {
            continue;
        }
        match v {
            Value::Array(arr) => {
                for x in arr.into_iter().rev() {
                    stack.push((x, depth + 1));
                }
            }
            Value::Object(mut obj) => {
                let graph = obj.remove("@graph");
                if obj.contains_key("@type") || obj.contains_key("@id") {
                    items.push(Value::Object(obj));
                }
                if let Some(g) = graph {
                    stack.push((g, depth + 1));
                }
            }
            _ => {}
        }
    }
}

fn types(obj: &Map) -> Vec<&str> {
    match obj.get("@type") {
        Some(Value::String(s)) => vec![s.as_str()],
        Some(Value::Array(a)) => a.iter().filter_map(Value::as_str).collect(),
        _ => vec![],
    }
}

fn type_name(t: &str) -> &str {
    // "http://schema.org/NewsArticle" and "schema:NewsArticle" name the same type.
    t.rsplit(['/', ':']).next().unwrap_or(t)
}

fn is_article(obj: &Map) -> bool {
    types(obj)
        .iter()
        .map(|t| type_name(t))
        .any(|t| ARTICLE_TYPES.contains(&t) || t.ends_with("Article"))
}

fn is_page(obj: &Map) -> bool {
    types(obj).iter().map(|t| type_name(t)).any(|t| PAGE_TYPES.contains(&t))
}

fn from_items(items: &[Value]) -> JsonLd {
    let objs: Vec<&Map> = items.iter().filter_map(Value::as_object).collect();
    let by_id =
        |id: &str| objs.iter().copied().find(|o| o.get("@id").and_then(Value::as_str) == Some(id));
    let article = objs.iter().copied().find(|o| is_article(o));
    let main = article.or_else(|| objs.iter().copied().find(|o| is_page(o)));
    let Some(main) = main else { return JsonLd::default() };
    let mut out = JsonLd { from_article: article.is_some(), ..Default::default() };
    let s = |k: &str| main.get(k).and_then(string_of);
    if out.from_article {
        out.name = s("name");
        out.headline = s("headline");
    }
    out.description = s("description");
    out.published = s("datePublished");
    out.created = s("dateCreated").or_else(|| s("uploadDate"));
    out.lang = main.get("inLanguage").and_then(|v| {
        string_of(v)
            .or_else(|| v.get("alternateName").and_then(string_of))
            .or_else(|| v.get("name").and_then(string_of))
    });
    // Authors: a string, a Person/Organization object, an @id reference into the graph, or a list.
    // `creator` is left out: sites put user handles there ("CC7567").
    for key in ["author"] {
        if !out.authors.is_empty() {
            break;
        }
        let list: Vec<&Value> = match main.get(key) {
            Some(Value::Array(a)) => a.iter().collect(),
            Some(v) => vec![v],
            None => vec![],
        };
        let is_org =
            |o: &Map| types(o).iter().map(|t| type_name(t)).any(|t| t.ends_with("Organization"));
        out.authors_are_organisations = !list.is_empty()
            && list.iter().all(|v| {
                v.as_object().is_some_and(|o| {
                    is_org(o)
                        || o.get("@id").and_then(Value::as_str).and_then(by_id).is_some_and(is_org)
                })
            });
        for v in list {
            let name = match v {
                Value::String(s) => clean(s),
                Value::Object(o) => person_name(o).or_else(|| {
                    o.get("@id").and_then(Value::as_str).and_then(by_id).and_then(person_name)
                }),
                _ => None,
            };
            if let Some(n) = name.filter(|n| !looks_like_url(n)) {
                out.authors.push(n);
            }
        }
    }
    // Publisher: on the item, resolved through @id, or the graph's Organization/WebSite.
    out.publisher = main.get("publisher").and_then(|p| match p {
        Value::String(s) => clean(s),
        Value::Object(o) => o.get("name").and_then(string_of).or_else(|| {
            o.get("@id")
                .and_then(Value::as_str)
                .and_then(by_id)
                .and_then(|x| x.get("name"))
                .and_then(string_of)
        }),
        Value::Array(a) => a.first().and_then(|x| x.get("name")).and_then(string_of),
        _ => None,
    });
    out.image = image_url(main.get("image")).or_else(|| image_url(main.get("thumbnailUrl")));
    if out.image.is_none() {
        // An @id reference to an ImageObject elsewhere in the graph.
        if let Some(id) = main.get("image").and_then(|v| v.get("@id")).and_then(Value::as_str) {
            out.image = by_id(id)
                .and_then(|o| o.get("url").or_else(|| o.get("contentUrl")))
                .and_then(string_of);
        }
    }
    out
}

fn person_name(o: &Map) -> Option<String> {
    if let Some(n) = o.get("name").and_then(string_of) {
        return Some(n);
    }
    let given = o.get("givenName").and_then(string_of);
    let family = o.get("familyName").and_then(string_of);
    match (given, family) {
        (Some(g), Some(f)) => Some(format!("{g} {f}")),
        (g, f) => g.or(f),
    }
}

/// A string value, cleaned; for a list, its first string.
fn string_of(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => clean(s),
        Value::Array(a) => a.iter().find_map(|x| x.as_str().and_then(clean)),
        _ => None,
    }
}

/// `image` as a string, an ImageObject (`url` / `contentUrl`), or a list of either.
fn image_url(v: Option<&Value>) -> Option<String> {
    match v? {
        Value::String(s) => clean(s),
        Value::Object(o) => {
            o.get("url").or_else(|| o.get("contentUrl")).and_then(|u| image_url(Some(u)))
        }
        Value::Array(a) => a.iter().find_map(|x| match x {
            Value::String(s) => clean(s),
            Value::Object(o) => {
                o.get("url").or_else(|| o.get("contentUrl")).and_then(Value::as_str).and_then(clean)
            }
            _ => None,
        }),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::options::Options;

    fn ld(scripts: &[&str]) -> JsonLd {
        let html: String = scripts
            .iter()
            .map(|s| format!("<script type=\"application/ld+json\">{s}</script>"))
            .collect();
        let doc = Document::parse(
            &format!("<html><head>{html}</head><body></body></html>"),
            &Options::default(),
        )
        .expect("parse");
        read(&doc)
    }

    #[test]
    fn plain_article_with_entities() {
        let j = ld(&[
            r#"{"@context":"https://schema.org","@type":"NewsArticle","headline":"Tom &amp; Jerry","author":{"@type":"Person","name":"Jane Doe"},"datePublished":"2023-01-23T10:00:00Z","publisher":{"name":"Le Site"},"image":{"url":"https://x/i.jpg"},"inLanguage":"fr-FR"}"#,
        ]);
        assert_eq!(j.headline.as_deref(), Some("Tom & Jerry"));
        assert_eq!(j.authors, ["Jane Doe"]);
        assert_eq!(j.published.as_deref(), Some("2023-01-23T10:00:00Z"));
        assert_eq!(j.publisher.as_deref(), Some("Le Site"));
        assert_eq!(j.image.as_deref(), Some("https://x/i.jpg"));
        assert_eq!(j.lang.as_deref(), Some("fr-FR"));
    }

    #[test]
    fn array_graph_and_multiple_authors() {
        let j = ld(&[
            r##"[{"@type":"Organization","name":"Org"},{"@type":["BlogPosting"],"name":"T","author":[{"name":"A"},{"@id":"#p2"},"C"]}]"##,
            r##"{"@graph":[{"@type":"Person","@id":"#p2","name":"B"}]}"##,
        ]);
        // The Person lives in another script: references resolve across the whole page.
        assert_eq!(j.authors, ["A", "B", "C"]);
        assert!(!j.authors_are_organisations);
        let o = ld(&[
            r##"{"@type":"NewsArticle","headline":"H","author":{"@type":"Organization","name":"LN"}}"##,
        ]);
        assert!(o.authors_are_organisations);
        let g = ld(&[
            r##"{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"S"},{"@type":"Article","headline":"H","image":["https://x/a.jpg"],"publisher":{"@id":"#org"}},{"@type":"Organization","@id":"#org","name":"Org"}]}"##,
        ]);
        assert_eq!(g.headline.as_deref(), Some("H"));
        assert_eq!(g.publisher.as_deref(), Some("Org"));
        assert_eq!(g.image.as_deref(), Some("https://x/a.jpg"));
    }

    #[test]
    fn broken_and_wrapped() {
        let j =
            ld(&["{not json", "<!--\n{\"@type\":\"Article\",\"headline\":\"Line\nbreak\"}\n-->"]);
        assert_eq!(j.headline.as_deref(), Some("Line break"));
        assert_eq!(
            ld(&[
                "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]"
            ]),
            JsonLd::default()
        );
        assert_eq!(ld(&["null", "42", "\"s\""]), JsonLd::default());
    }

    #[test]
    fn page_fallback_has_no_title() {
        let j = ld(&[r#"{"@type":"WebPage","name":"Page | Site","datePublished":"2020-01-02"}"#]);
        assert_eq!(j.name, None);
        assert_eq!(j.published.as_deref(), Some("2020-01-02"));
    }
}

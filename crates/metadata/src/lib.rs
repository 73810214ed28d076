//! Article metadata: JSON-LD, then meta tags, then the visible text.
//!
//! Workflow of [`read`], each field taking the first source that has a value:
//! 1. JSON-LD ([`jsonld`]): the article item (or a page item for dates/authors/images).
//! 2. `<meta>` tags, by the key lists below (Readability's order, plus the keys trafilatura's
//!    htmldate and common CMSs use).
//! 3. Visible text: the byline element ([`byline`]), `<time>`, "Publié dans X le 23 - 01 - 2023"
//!    date lines and date-classed blocks ([`dates`]); the elements read this way are returned in
//!    [`Metadata::consumed`] so the article body can drop them.
//! 4. The URL (dates only).

#![forbid(unsafe_code)]

// A crate of its own so that the WASM build can compile it size-first (it runs once per
// analysis, not per node: the root Cargo.toml's `wasm` profile). The page's modules under
// their old names, so that `crate::dom` and the like read as they did inside `declutter`.
use declutter_page::{address, dom, lower, prep, rules, sort};
#[cfg(test)]
use declutter_page::{lang, options};

mod blocks;
pub mod byline;
mod date_scan;
pub mod dates;
mod json;
pub mod jsonld;
mod text;
pub mod title;

use crate::address::Address;
use crate::dom::{Document, NodeId};
use crate::rules::lexicon::{
    fold, CREDIT_LINE_LABELS, DATE_LINE_PREFIXES, INNER_BYLINE_WORDS, PUBLISHED_LABELS,
    SOURCE_LINE_DATE_JOINERS, SOURCE_LINE_PREFIXES,
};
use blocks::{short_blocks, Block, PageText};
use text::{clean, looks_like_url, normalize_ws, without_contact};

/// What the page says about its article. Every string is HTML-unescaped, whitespace-normalised
/// and trimmed.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Metadata {
    pub title: Option<String>,
    pub authors: Vec<String>,
    /// ISO 8601: `YYYY-MM-DD`, or the full date-time when the source has it.
    pub published: Option<String>,
    pub site_name: Option<String>,
    /// The original publisher named in a visible source line ("Maroc Diplomatique").
    pub source: Option<String>,
    pub excerpt: Option<String>,
    /// Absolute URL.
    pub lead_image: Option<String>,
    pub lang: Option<String>,
    /// Elements whose text was read into metadata and must leave the article body: the visible
    /// byline and date/source lines, each the smallest element holding the line.
    pub consumed: Vec<NodeId>,
}

// ---------------------------------------------------------------------------------------------
// Meta tag keys. Keys are lower case with '.' turned into ':' ("DC.date.issued" ->
// "dc:date:issued"); `itemprop` values are keyed "itemprop:<value>" and `http-equiv` ones
// "http-equiv:<value>".
// ---------------------------------------------------------------------------------------------

/// Readability's title keys, in its order.
pub const TITLE_KEYS: &[&str] = &[
    "dc:title", "dcterm:title", "og:title", "weibo:article:title", "weibo:webpage:title", "title",
    "twitter:title", "parsely-title",
];

/// Author keys: Readability's (dc:creator, author, parsely-author, article:author) plus
/// sailthru, NYT's `byl`, Highwire/Google Scholar `citation_author`.
pub const AUTHOR_KEYS: &[&str] = &[
    "dc:creator", "dcterm:creator", "dcterms:creator", "author", "parsely-author",
    "article:author", "sailthru:author", "byl", "citation_author", "itemprop:author",
];

/// Author keys of scholarly metadata (Dublin Core, Highwire), which write one person per tag
/// as "Surname, Given names" ("Jong, Michiel de", "Kooman, F.").
pub const INVERTED_NAME_KEYS: &[&str] =
    &["dc:creator", "dcterm:creator", "dcterms:creator", "citation_author"];
/// In "Surname, Given names", the surname has at most this many words ("Ben Salah") and the
/// given names at most [`INVERTED_GIVEN_MAX_WORDS`] ("Michiel de", "F.").
const INVERTED_SURNAME_MAX_WORDS: usize = 2;
const INVERTED_GIVEN_MAX_WORDS: usize = 3;

/// Date keys that name no event: TYPO3 and other CMSs fill them with the last modification
/// ("date" 2020-02-12 over a visible "05.02.2020"), so a visible `<time>`, date line or
/// date-classed block comes first; they still beat the URL and loose text.
pub const GENERIC_DATE_KEYS: &[&str] = &["date", "dc:date", "dcterms:date"];

/// Publication-date keys: Readability's (article:published_time, parsely-pub-date) first, then
/// the ones htmldate checks, most specific first. Modification dates are deliberately absent.
pub const PUBLISHED_KEYS: &[&str] = &[
    "article:published_time", "og:published_time", "og:article:published_time",
    "article:published", "parsely-pub-date", "itemprop:datepublished", "datepublished",
    "dc:date:issued", "dcterms:issued", "dc:date:created", "dcterms:created", "sailthru:date",
    "pubdate", "publishdate", "publish-date", "publish_date", "publication_date",
    "citation_publication_date", "citation_date", "date_published", "originalpublicationdate",
    "article_date_original", "cxenseparse:recs:publishtime", "rnews:datepublished", "release_date",
    "created",
];

pub const SITE_NAME_KEYS: &[&str] = &["og:site_name", "application-name"];
pub const EXCERPT_KEYS: &[&str] = &[
    "dc:description", "dcterm:description", "og:description", "weibo:article:description",
    "weibo:webpage:description", "description", "twitter:description",
];
pub const IMAGE_KEYS: &[&str] = &[
    "og:image", "og:image:url", "og:image:secure_url", "twitter:image", "twitter:image:src",
    "itemprop:image",
];
pub const LANG_KEYS: &[&str] =
    &["http-equiv:content-language", "content-language", "language", "dc:language", "og:locale"];

/// class/id fragments of elements that hold a publication date as text.
pub const DATE_CLASS_TOKENS: &[&str] = &[
    "date", "time", "publish", "posted", "dateline", "byline", "meta", "article-info", "entry-info",
];

pub use declutter_page::meta_scan::DATE_LINE_MAX_CHARS;
/// A block whose text is only a date ("lundi 23 janvier 2023 à 10h30") has at most this many
/// words; it is consumed when it gives the published day.
pub const BARE_DATE_MAX_WORDS: usize = 8;
/// A source name in "Publié dans X le …" has at most this many words.
pub const SOURCE_MAX_WORDS: usize = 8;
/// At most this many author labels are tried (each reads a few siblings).
const MAX_AUTHOR_LABELS: usize = 8;
/// Subtrees larger than this many nodes are never a single line (keeps scans linear-ish).
pub const LINE_MAX_NODES: usize = 200;

/// Reads the page's metadata. `base` resolves the lead image URL and is searched for a date.
pub fn read(doc: &Document, base: Option<&Address>) -> Metadata {
    let ld = jsonld::read(doc);
    let metas = MetaTags::collect(doc);
    // Language first: numeric dates are read month-first on US English pages.
    let mut m = Metadata { lang: lang(doc, &metas, &ld), ..Default::default() };
    let host = base.and_then(|b| b.host_str()).map(|h| h.trim_start_matches("www.").to_string());
    m.excerpt = ld.description.clone().or_else(|| metas.first(EXCERPT_KEYS));
    m.site_name = ld.publisher.clone().or_else(|| metas.first(SITE_NAME_KEYS));
    // The meta tags' site name too, when JSON-LD declares another ("Exlibris DEG" beside
    // og:site_name "Deutsche Exlibris-Gesellschaft e.V."): a title may end with either.
    let other_site = metas.first(SITE_NAME_KEYS).filter(|s| Some(s) != m.site_name.as_ref());
    let ctx = byline::Context::new(doc);
    m.title =
        title(doc, &metas, &ld, m.site_name.as_deref(), other_site.as_deref(), host.as_deref());
    // The page's first shown `<h1>` (read for the title and for a credit under it).
    let h1 =
        (0..doc.len() as NodeId).find(|&i| doc.tag(i) == "h1" && !ctx.hidden(i) && !ctx.in_side(i));
    // The headline as the page prints it, when the chosen title is a variant of it.
    if let (Some(t), Some(h1)) = (m.title.as_deref(), h1) {
        if let Some((h, plain)) = title::visible_headline(doc, h1) {
            if let Some(better) = title::prefer_headline(t, &h, plain) {
                m.title = Some(better);
            }
        }
    }
    m.lead_image = ld
        .image
        .clone()
        .or_else(|| metas.first(IMAGE_KEYS))
        .or_else(|| link_image(doc))
        .and_then(|u| absolute(&u, base));

    // Authors: the first source that yields names (a union would mix "Staff", site names and
    // differently spelled copies of the same person).
    let byline_el = byline::find_byline_element(doc, &ctx);
    let page = PageText::new(doc);
    let blocks = short_blocks(doc, &page);
    let prefixed = if byline_el.is_none() {
        // Headings are never bylines: "Von Sprachregeln, Gender-Politik und …" is a German headline.
        let heading = |id: NodeId| {
            matches!(doc.tag(id), "h1" | "h2")
                || doc.ancestors(id).any(|a| matches!(doc.tag(a), "h1" | "h2"))
        };
        innermost(
            doc,
            blocks
                .iter()
                .filter(|b| {
                    !ctx.hidden(b.id)
                        && !ctx.in_side(b.id)
                        && b.line.is_prefixed_byline()
                        && !heading(b.id)
                })
                .collect(),
        )
        .into_iter()
        .next()
    } else {
        None
    };
    // An author that is the site's domain ("finanztreff.de", "L'Opinion" on lopinion.fr) is the
    // publisher, not a person: skipped. Matching og:site_name instead would also drop the owner
    // of a personal blog named after them (readability's toc-missing: "Haki Benita").
    m.authors = ld
        .authors
        .iter()
        .flat_map(|a| byline::split_names(a))
        .filter(|a| !site_like(a, None, host.as_deref()) && !is_handle(a))
        .collect();
    dedupe(&mut m.authors);
    // An organisation named as author is kept only when no other source names someone.
    let organisation =
        if ld.authors_are_organisations { std::mem::take(&mut m.authors) } else { Vec::new() };
    // A meta author that names the publication is set aside like a JSON-LD organisation.
    let mut publisher = Vec::new();
    if m.authors.is_empty() {
        for key in AUTHOR_KEYS {
            let mut names = Vec::new();
            for raw in metas.all(key) {
                let v = without_contact(&raw);
                if looks_like_url(&v) || site_like(&v, None, host.as_deref()) || is_handle(&v) {
                    continue;
                }
                let found = if INVERTED_NAME_KEYS.contains(key) && is_inverted_name(&v) {
                    vec![v.to_string()]
                } else {
                    byline::split_names(&v)
                };
                if names_publication(&raw, m.site_name.as_deref(), host.as_deref()) {
                    publisher.extend(found);
                } else {
                    names.extend(found);
                }
            }
            if !names.is_empty() {
                m.authors = names;
                break;
            }
        }
    }
    if m.authors.is_empty() {
        if let Some((_, t)) = &byline_el {
            m.authors = byline::split_names(t);
        } else if let Some(b) = prefixed {
            m.authors = byline::split_names(b.text());
        }
    }
    // Then the name an author box prints as its heading, before any publication.
    if m.authors.is_empty() {
        m.authors = byline::author_box_name(doc, &ctx).into_iter().collect();
    }
    if m.authors.is_empty() {
        m.authors = if publisher.is_empty() { organisation } else { publisher };
    }
    // Last: a name after an "Autor:" label. The label and name stay in the body (they may
    // share a line with other fields).
    if m.authors.is_empty() {
        m.authors = blocks
            .iter()
            .filter(|b| !ctx.hidden(b.id) && !ctx.in_side(b.id) && b.line.is_author_label())
            .take(MAX_AUTHOR_LABELS)
            .map(|b| byline::labelled_names(doc, b.id))
            .find(|n| !n.is_empty())
            .unwrap_or_default();
    }
    // Then the same label as loose text in a longer block, its line running to the next
    // `<br>`: "…<br><br>Autor: <a>Rechtsanwalt</a> Sebastian Einbock</div>".
    if m.authors.is_empty() {
        m.authors = (0..doc.len() as NodeId)
            .filter(|&i| {
                doc.text(i)
                    .is_some_and(|t| t.trim().ends_with(':') && byline::is_author_label(t.trim()))
                    && doc.parent(i).is_some_and(|p| !ctx.hidden(p) && !ctx.in_side(p))
            })
            .take(MAX_AUTHOR_LABELS)
            .map(|i| byline::loose_labelled_names(doc, i))
            .find(|n| !n.is_empty())
            .unwrap_or_default();
    }
    // Then a name at the end of a dated meta line ("04.02.2022 | 13:10 Uhr | Uta Helkenberg").
    let lang = m.lang.clone();
    let lang = lang.as_deref();
    if m.authors.is_empty() {
        m.authors = blocks
            .iter()
            .filter(|b| !ctx.hidden(b.id) && !ctx.in_side(b.id))
            .find_map(|b| dated_name(b.text(), lang))
            .into_iter()
            .collect();
    }
    // Then the contact person of a press release ("Pressekontakt" + name). A "Kontakt" link
    // opens a menu of departments, not a person: the label is no link, and the contact is a
    // full name (two words or more).
    if m.authors.is_empty() {
        m.authors = blocks
            .iter()
            .filter(|b| {
                ctx.in_main(b.id)
                    && byline::is_contact_label(b.text())
                    && doc.tag(b.id) != "a"
                    && !doc.ancestors(b.id).any(|a| doc.tag(a) == "a")
            })
            .take(MAX_AUTHOR_LABELS)
            .map(|b| byline::labelled_names(doc, b.id))
            .find(|n| !n.is_empty() && n.iter().all(|x| x.split(' ').count() >= 2))
            .unwrap_or_default();
    }
    // Then the agency a news story credits in its lead's dateline ("Hamburg (dpa/lno) – …").
    if m.authors.is_empty() {
        m.authors = agency_dateline(doc, &ctx).into_iter().collect();
    }
    // Then the agency or writer credited under the headline (`<p class="credit">JIJI</p>`).
    if m.authors.is_empty() {
        m.authors = h1.and_then(|h1| headline_credit(doc, &ctx, h1)).unwrap_or_default();
    }
    // Then the desk or agency the story's credit line names ("Quelle: MDR THÜRINGEN/ls").
    if m.authors.is_empty() {
        m.authors = credit_line(doc, &ctx, &blocks).unwrap_or_default();
    }
    // Then the holder a copyright line in the page's own text names ("© 2019 Sven Schreivogel").
    if m.authors.is_empty() {
        m.authors = copyright_holder(doc, &ctx, &blocks).unwrap_or_default();
    }
    // Last of all, a page that names no writer anywhere is signed by its publication: the
    // declared site name, or the part of the `<title>` that names the host ("… | Greenpeace",
    // a personal blog "… | Wolfgang Michal" on wolfgangmichal.de).
    if m.authors.is_empty() {
        m.authors = m
            .site_name
            .clone()
            .or_else(|| title_site_name(doc, host.as_deref()))
            .and_then(|s| clean(&s))
            .filter(|s| !looks_like_url(s))
            .into_iter()
            .collect();
    }
    dedupe(&mut m.authors);
    if let Some((id, _)) = byline_el {
        if !is_container(doc, id) {
            m.consumed.push(id);
        }
    } else if let Some(b) = prefixed {
        if !is_container(doc, b.id) {
            m.consumed.push(b.id);
        }
    }

    // Dates, and the visible date/source lines.
    let lines = date_lines(doc, &blocks, lang);
    m.published = ld
        .published
        .as_deref()
        .and_then(|d| dates::normalize_machine_date(d, lang))
        .or_else(|| {
            metas.all_of(PUBLISHED_KEYS).iter().find_map(|d| dates::normalize_machine_date(d, lang))
        })
        .or_else(|| ld.created.as_deref().and_then(|d| dates::normalize_machine_date(d, lang)))
        .or_else(|| itemprop_date(doc, lang))
        .or_else(|| time_element_date(doc, &ctx, lang))
        .or_else(|| lines.first().map(|l| l.date.clone()))
        .or_else(|| class_date(doc, &ctx, &blocks, lang))
        .or_else(|| {
            metas
                .all_of(GENERIC_DATE_KEYS)
                .iter()
                .find_map(|d| dates::normalize_machine_date(d, lang))
        })
        .or_else(|| base.and_then(|u| dates::date_from_url(u.as_str())))
        .or_else(|| any_block_date(&ctx, &blocks, lang))
        .or_else(|| lead_dateline(doc, &ctx, lang))
        .or_else(|| aside_time_date(doc, &ctx, lang))
        .or_else(|| short_year_date(doc, &ctx, &blocks))
        // Then the page's description ("ORSO MARSICANO … (Notizia del 14 Gennaio 2020)").
        .or_else(|| {
            m.excerpt.as_deref().and_then(|e| dates::find_date_in_text(e, lang)).map(|d| d.iso)
        });
    // A UTC date-time is read in the page's own time: its local day, as the URL and the
    // machine dates written with a local offset give it. (Visible text dates were tried as
    // evidence too: a "today" date in a page header moved djz.de's day.) A machine date counts
    // only with a time: date-only `itemprop` values are often stale (tagblatt.ch).
    if let Some(utc) = m.published.as_deref().filter(|p| dates::is_utc(p)) {
        let timed = [itemprop_date(doc, lang), time_element_date(doc, &ctx, lang)]
            .into_iter()
            .flatten()
            .filter(|d| d.len() > 10);
        let local: Vec<String> =
            base.and_then(|u| dates::date_from_url(u.as_str())).into_iter().chain(timed).collect();
        if let Some(day) = dates::local_day(utc, &local) {
            m.published = Some(day);
        }
    }
    m.source = lines.iter().find_map(|l| l.source.clone());
    if m.site_name.is_none() {
        m.site_name = m.source.clone();
    }
    let day = m.published.as_deref().and_then(|p| p.get(..10)).map(str::to_string);
    // Date lines: the first one in the article area, plus any naming a source. Further "Posted
    // on …" lines belong to teasers of other stories (nationnews prints a dozen).
    let mut first_line = true;
    for l in lines.iter().filter(|l| !ctx.in_side(l.id) && !is_container(doc, l.id)) {
        if first_line || l.source.is_some() {
            m.consumed.push(l.id);
        }
        first_line = false;
    }
    // The first block outside comments/sidebars that is nothing but the published date leaves
    // the body too. Only the first: the same day printed again lower down is a comment stamp or
    // a related story (cubadebate prints it 30 times), and those are not ours to remove.
    if let Some(day) = day {
        let bare = blocks.iter().filter(|b| {
            !ctx.in_side(b.id)
                && !ctx.hidden(b.id)
                && b.text().split(' ').count() <= BARE_DATE_MAX_WORDS
                && b.text().chars().any(char::is_numeric)
                && is_mostly_date(b.text())
                && b.line.date(lang) == Some(day.as_str())
        });
        if let Some(b) =
            innermost(doc, bare.collect()).into_iter().find(|b| !is_container(doc, b.id))
        {
            m.consumed.push(b.id);
        }
    }
    crate::sort::sort(&mut m.consumed);
    m.consumed.dedup();
    // Drop a consumed element that sits inside another consumed one: the outer goes anyway.
    let all = m.consumed.clone();
    m.consumed.retain(|&c| !all.iter().any(|&o| o != c && doc.contains(o, c)));
    m
}

/// The names in a credit line right under the headline: an element whose class holds
/// [`crate::rules::HEADLINE_CREDIT_TOKEN`] among the first siblings after the page's first
/// shown `<h1>` (`h1`) or after the `<h1>`'s own container (`<hgroup><h1>…</h1></hgroup><p
/// class="credit">JIJI</p>`), of at most [`crate::rules::CREDIT_LINE_MAX_WORDS`] words that
/// read as a name. Elsewhere that class marks photo credits.
fn headline_credit(doc: &Document, ctx: &byline::Context, h1: NodeId) -> Option<Vec<String>> {
    use crate::rules::{HEADLINE_CREDIT_MAX_SIBLINGS, HEADLINE_CREDIT_TOKEN};
    let after = |node: NodeId| -> Vec<NodeId> {
        doc.parent(node)
            .map(|p| {
                doc.children(p)
                    .skip_while(|&c| c != node)
                    .skip(1)
                    .filter(|&c| doc.element(c).is_some())
                    .take(HEADLINE_CREDIT_MAX_SIBLINGS)
                    .collect()
            })
            .unwrap_or_default()
    };
    let mut near = after(h1);
    if let Some(p) = doc.parent(h1) {
        near.extend(after(p));
    }
    near.into_iter().find_map(|c| {
        let e = doc.element(c)?;
        if !e.class().to_ascii_lowercase().contains(HEADLINE_CREDIT_TOKEN) || ctx.hidden(c) {
            return None;
        }
        let t = normalize_ws(&doc.text_content(c));
        credit_names(&t).filter(|_| byline::looks_like_name(&t))
    })
}

/// The names a credit (under the headline, after a label, after a "©") gives: at most
/// [`crate::rules::CREDIT_LINE_MAX_WORDS`] words, an agency or a desk rather than a sentence.
fn credit_names(value: &str) -> Option<Vec<String>> {
    let words = value.split(' ').filter(|w| !w.is_empty()).count();
    (1..=crate::rules::CREDIT_LINE_MAX_WORDS).contains(&words).then_some(())?;
    Some(byline::split_names(value)).filter(|n| !n.is_empty())
}

/// Inside a figure or its caption, where credits name a photographer.
fn in_figure(doc: &Document, id: NodeId) -> bool {
    doc.ancestors(id).any(|a| matches!(doc.tag(a), "figure" | "figcaption"))
}

/// The holder named by a copyright line in the page's own text (not its footer, sidebars or
/// figures): a short block "© 2019 Sven Schreivogel", the sign, years, then at most
/// [`crate::rules::CREDIT_LINE_MAX_WORDS`] words that read as a name.
fn copyright_holder(
    doc: &Document,
    ctx: &byline::Context,
    blocks: &[Block<'_>],
) -> Option<Vec<String>> {
    blocks
        .iter()
        .filter(|b| b.text().starts_with('©') && ctx.in_main(b.id) && !in_figure(doc, b.id))
        .find_map(|b| {
            let rest = b.text().trim_start_matches('©');
            let value = rest
                .trim_start_matches(|c: char| {
                    c.is_ascii_digit() || c.is_whitespace() || "-–/,".contains(c)
                })
                .trim();
            if value.chars().any(|c| c.is_numeric()) || !byline::looks_like_name(value) {
                return None;
            }
            credit_names(value)
        })
}

/// The names in the first credit line of the page's own text: a short block "Quelle: MDR
/// THÜRINGEN/ls" ([`CREDIT_LINE_LABELS`], a colon, at most [`crate::rules::CREDIT_LINE_MAX_WORDS`]
/// words without a digit). Credits in figures and their captions name a photographer.
fn credit_line(doc: &Document, ctx: &byline::Context, blocks: &[Block<'_>]) -> Option<Vec<String>> {
    // A label is a word then a colon, so the colon comes within the longest label and a space
    // or two (block texts are whitespace-normalised): most blocks are rejected on that alone,
    // before any folding.
    let colon_within = CREDIT_LINE_LABELS.iter().map(|l| l.chars().count()).max().unwrap_or(0) + 3;
    blocks.iter().find_map(|b| {
        if !b.text().chars().take(colon_within).any(|c| c == ':') {
            return None;
        }
        // The label first: the ancestor walk runs only for the few blocks that have one.
        let rest = CREDIT_LINE_LABELS
            .iter()
            .find_map(|l| text::strip_prefix_folded(b.text(), l))?
            .trim_start();
        let value = rest.strip_prefix(':')?.trim();
        if value.chars().any(|c| c.is_numeric()) || !ctx.in_main(b.id) || in_figure(doc, b.id) {
            return None;
        }
        credit_names(value)
    })
}

/// "Surname, Given names": one comma between a short surname and short given names, no digit,
/// so one person rather than a list of two ("Jane Doe, John Roe" has two words on each side).
fn is_inverted_name(v: &str) -> bool {
    let Some((surname, given)) = v.split_once(',') else { return false };
    let words = |s: &str| s.split_whitespace().count();
    !given.contains([',', ';', '&'])
        && !v.chars().any(|c| c.is_numeric())
        && (1..=INVERTED_SURNAME_MAX_WORDS).contains(&words(surname))
        && (1..=INVERTED_GIVEN_MAX_WORDS).contains(&words(given))
        && !(words(surname) >= 2 && words(given) >= 2)
}

/// A login handle, not a name: one lower-case token whose words are joined by '_' or '.'
/// ("gabor_munier", "edilson.la.rosa"). CMSs put it in JSON-LD and meta tags where the visible
/// byline (or another source) spells the name; it is skipped so that source is read.
fn is_handle(s: &str) -> bool {
    s.contains(['_', '.'])
        && s.split(['_', '.'])
            .all(|w| !w.is_empty() && w.chars().all(|c| c.is_alphabetic() && !c.is_uppercase()))
}

/// Separators between a publication's name and its slogan or place in a meta author
/// ("L-MAG – Das Magazin für Lesben", "hessenschau.de, Frankfurt, Germany").
const PUBLICATION_PARTS: &[&str] = &[" – ", " — ", " - ", " | ", ", ", " ("];

/// A meta author value that names the publication rather than a writer: the declared site name
/// (og:site_name) as the whole value, a part that is the host's brand ("L-MAG – Das Magazin für Lesben" on
/// l-mag.de), or a bare domain ("Deutsche Welle (www.dw.com)", "jungefreiheit.de"). CMSs fill
/// the field with the site when the article has no author field; a visible byline is then the
/// better source, and the publication only a fallback.
fn names_publication(raw: &str, site: Option<&str>, host: Option<&str>) -> bool {
    let alnum = |s: &str| fold(s).chars().filter(|c| c.is_alphanumeric()).collect::<String>();
    let whole = alnum(&without_contact(raw));
    if site.is_some_and(|s| alnum(s) == whole && whole.chars().count() >= SITE_MATCH_MIN_CHARS) {
        return true;
    }
    let mut parts = vec![raw];
    for sep in PUBLICATION_PARTS {
        parts = parts.into_iter().flat_map(|p| p.split(sep)).collect();
    }
    // Parts are compared with the host only: a blog's owner signs with the blog's name and a
    // handle ("史蒂文的家_藍天 (stevenhgm)", the og:site_name plus the login).
    parts.len() > 1 && parts.iter().any(|p| site_like(p.trim_end_matches(')'), None, host))
        || raw.split([' ', '(', ')', ',']).any(is_bare_domain)
}

/// Longest top-level domain counted in [`is_bare_domain`] ("de", "com", "org"); longer endings
/// are more often words ("fri.juli" is a login name).
const TLD_MAX_CHARS: usize = 3;

/// "www.dw.com", "jungefreiheit.de", "https://site.example/": a host with no path, the address
/// of a whole site rather than of a person's page ("http://ebb.org/bkuhn/").
fn is_bare_domain(token: &str) -> bool {
    let t =
        token.trim_start_matches("https://").trim_start_matches("http://").trim_end_matches('/');
    let Some((head, tld)) = t.rsplit_once('.') else { return false };
    !head.is_empty()
        && !t.contains(['/', '@'])
        && head
            .split('.')
            .all(|l| !l.is_empty() && l.chars().all(|c| c.is_alphanumeric() || c == '-'))
        && (2..=TLD_MAX_CHARS).contains(&tld.chars().count())
        && tld.chars().all(|c| c.is_ascii_alphabetic())
        && head.chars().filter(|c| c.is_alphabetic()).count() >= 2
}

fn dedupe(v: &mut Vec<String>) {
    let mut seen: Vec<String> = Vec::new();
    v.retain(|x| {
        let f = fold(x);
        if seen.contains(&f) {
            false
        } else {
            seen.push(f);
            true
        }
    });
}

// ---------------------------------------------------------------------------------------------
// Meta tags
// ---------------------------------------------------------------------------------------------

/// Every `<meta>` key/value pair in document order; `property` pairs are listed before the
/// others (003-metadata-preferred: `property="dc:title"` beats `name="DC.title"`).
struct MetaTags {
    pairs: Vec<(String, String)>,
}

fn meta_key(k: &str) -> String {
    crate::lower::lowercase(k.trim()).replace('.', ":")
}

impl MetaTags {
    fn collect(doc: &Document) -> MetaTags {
        let mut pairs = Vec::new();
        let mut named = Vec::new();
        for id in 0..doc.len() as u32 {
            if doc.tag(id) != "meta" {
                continue;
            }
            let Some(e) = doc.element(id) else { continue };
            let Some(content) = e.attr("content").and_then(clean) else { continue };
            if let Some(p) = e.attr("property") {
                for tok in p.split_whitespace() {
                    pairs.push((meta_key(tok), content.clone()));
                }
            }
            if let Some(n) = e.attr("name") {
                named.push((meta_key(n), content.clone()));
            }
            if let Some(n) = e.attr("itemprop") {
                named.push((format!("itemprop:{}", meta_key(n)), content.clone()));
            }
            if let Some(n) = e.attr("http-equiv") {
                named.push((format!("http-equiv:{}", meta_key(n)), content.clone()));
            }
        }
        pairs.extend(named);
        MetaTags { pairs }
    }

    /// Value of the first key (in `keys` order) the page has.
    fn first(&self, keys: &[&str]) -> Option<String> {
        keys.iter().find_map(|k| self.pairs.iter().find(|(pk, _)| pk == k).map(|(_, v)| v.clone()))
    }

    fn all(&self, key: &str) -> Vec<String> {
        self.pairs.iter().filter(|(k, _)| k == key).map(|(_, v)| v.clone()).collect()
    }

    /// Values of all keys, in `keys` order.
    fn all_of(&self, keys: &[&str]) -> Vec<String> {
        keys.iter().flat_map(|k| self.all(k)).collect()
    }
}

// ---------------------------------------------------------------------------------------------
// Fields
// ---------------------------------------------------------------------------------------------

/// Readability's title choice: JSON-LD (between `name` and `headline`, the one that resembles
/// the `<title>`), then meta tags, then the cleaned `<title>`, then nothing.
///
/// Tried and dropped (session 15): the meta tags' title over JSON-LD's when only the former is
/// the printed `<h1>`. The two corpora disagree there: trafilatura-dev's annotators copy the
/// printed headline (+4 titles, 87.4 → 88.3 %), Readability keeps JSON-LD's (-3: theverge,
/// videos-1, medium-3).
fn title(
    doc: &Document,
    metas: &MetaTags,
    ld: &jsonld::JsonLd,
    site: Option<&str>,
    other_site: Option<&str>,
    host: Option<&str>,
) -> Option<String> {
    // The names the site prints for itself, read once when needed.
    let branding = std::cell::OnceCell::new();
    // `t` without the site's name at one end: the declared one, else the meta tags' other one,
    // else (when it declares none) the name it prints for itself ("… › Nordish by Nature", its
    // feed's and home link's name).
    let cut_site = |t: &str| -> String {
        let s = strip_site_name(t, site, host);
        match other_site {
            Some(o) if s == t => strip_site_name(t, Some(o), host),
            None if s == t && site.is_none() => branding
                .get_or_init(|| title::branding_names(doc))
                .iter()
                .map(|b| strip_site_name(t, Some(b), host))
                .find(|x| x != t)
                .unwrap_or(s),
            _ => s,
        }
    };
    /// Readability's similarity threshold for preferring `headline` over `name`.
    const NAME_HEADLINE_SIMILARITY: f32 = 0.75;
    let from_ld = match (&ld.name, &ld.headline) {
        // A `name` that is the site part of the `<title>` ("Headline | Wochenblatt für
        // Landwirtschaft & Landleben") names the site, not the article: the headline is taken.
        (Some(n), Some(h))
            if n != h
                && title_site_part(&title::document_title(doc), n)
                && !title_site_part(&title::document_title(doc), h) =>
        {
            Some(h.clone())
        }
        (Some(n), Some(h)) if n != h => {
            let t = title::article_title(doc);
            let name_ok = title::text_similarity(n, &t) > NAME_HEADLINE_SIMILARITY;
            let head_ok = title::text_similarity(h, &t) > NAME_HEADLINE_SIMILARITY;
            Some(if head_ok && !name_ok { h.clone() } else { n.clone() })
        }
        (n, h) => n.clone().or_else(|| h.clone()),
    };
    let headings = title::headline_texts(doc);
    let from_meta =
        from_ld.map(|t| cut_site(&t)).or_else(|| metas.first(TITLE_KEYS).map(|t| cut_site(&t)));
    let from_meta_tags = from_meta.is_some();
    let chosen = from_meta.or_else(|| {
        // A <title> that names the site at one end loses it ("L'Echo du Souss - Agadir : …");
        // otherwise Readability's cleaner decides.
        let raw: String = doc
            .first_by_tag("title")
            .map(|t| doc.children(t).filter_map(|c| doc.text(c)).collect())
            .unwrap_or_default();
        let raw = normalize_ws(&raw);
        let stripped = cut_site(&raw);
        if !raw.is_empty() && stripped != raw {
            clean(&stripped)
        } else {
            clean(&title::article_title(doc))
        }
    })?;
    // A title cut short at a quote the page left unescaped (`content="… de "incapacitado""`
    // read as "… de"): the `<title>` that goes on past it is the whole one.
    let doc_title = title::document_title(doc);
    let chosen = match doc_title.strip_prefix(chosen.trim_end()) {
        Some(rest) if rest.trim_start().starts_with(['"', '“', '„', '«']) => {
            cut_site(&doc_title)
        }
        _ => chosen,
    };
    Some(if from_meta_tags {
        title::trim_to_headline(&chosen, &headings)
    } else {
        title::trim_document_title_to_headline(&chosen, &headings)
    })
}

/// The end part of the `<title>` ("Headline | Site", "Site | Headline") that names the host.
fn title_site_name(doc: &Document, host: Option<&str>) -> Option<String> {
    let raw = normalize_ws(&title::document_title(doc));
    site_split(&raw, None, host).map(|(site, _)| site.to_string())
}

/// `part` is the last part of `title`, after a [`SITE_SEPARATORS`] separator ("Headline | Site").
fn title_site_part(title: &str, part: &str) -> bool {
    SITE_SEPARATORS.iter().any(|sep| {
        title.strip_suffix(part).is_some_and(|head| head.ends_with(sep) && head.len() > sep.len())
    })
}

/// Separators between a title and a site name in meta titles ("Title - Site", "Site | Title").
pub const SITE_SEPARATORS: &[&str] =
    &[" | ", " - ", " – ", " — ", " · ", " › ", " » ", " :: ", " : ", " // "];

/// Removes a site name from a meta title: drops a last (or first) part that names the site
/// (og:site_name or the host). Otherwise the title stays as the page wrote it.
///
/// Calibration: also cutting wherever the head equals an `<h1>` moved trafilatura-dev from
/// 69.1 % to 70.7 % exact titles but readability from 96.1 % to 93.7 % (Readability keeps
/// og:title verbatim), so that rule was dropped.
fn strip_site_name(t: &str, site: Option<&str>, host: Option<&str>) -> String {
    site_split(t, site, host).map_or_else(|| t.to_string(), |(_, rest)| rest.to_string())
}

/// A meta title cut into (the part that names the site, the rest), both trimmed: the last part
/// after any separator ("Title - Site", cut at the last separator that works), else the part
/// before the first separator ("Site | Title"). `None` when no end part names the site.
fn site_split<'t>(
    t: &'t str,
    site: Option<&str>,
    host: Option<&str>,
) -> Option<(&'t str, &'t str)> {
    let mut cuts: Vec<(usize, usize)> = SITE_SEPARATORS
        .iter()
        .flat_map(|sep| t.match_indices(sep).map(|(i, m)| (i, i + m.len())).collect::<Vec<_>>())
        .collect();
    crate::sort::sort(&mut cuts);
    let halves = |&(a, b): &(usize, usize)| Some((t.get(..a)?, t.get(b..)?));
    // The declared site name, itself holding a separator, as the whole end part: "Title -
    // Fischerhütte | hejfish.com" with og:site_name "Fischerhütte | hejfish.com" (the last part
    // alone, "hejfish.com", also names the host but would leave "Fischerhütte" behind).
    let alnum = |s: &str| fold(s).chars().filter(|c| c.is_alphanumeric()).collect::<String>();
    if let Some(site) = site.filter(|s| SITE_SEPARATORS.iter().any(|sep| s.contains(sep))) {
        let s = alnum(site);
        let whole = cuts
            .iter()
            .filter_map(halves)
            .find(|(head, tail)| !head.trim().is_empty() && alnum(tail) == s);
        if let Some((head, tail)) = whole {
            return Some((tail.trim(), head.trim()));
        }
    }
    // Last part names the site: "Title - Site".
    let last = cuts
        .iter()
        .rev()
        .filter_map(halves)
        .find(|(head, tail)| site_like(tail, site, host) && !head.trim().is_empty());
    if let Some((head, tail)) = last {
        return Some((tail.trim(), head.trim()));
    }
    // First part names the site: "Site | Title".
    let (head, tail) = cuts.first().and_then(halves)?;
    (site_like(head, site, host) && !tail.trim().is_empty()).then(|| (head.trim(), tail.trim()))
}

/// A site name may add this many letters to the host's brand ("MyOOS Community Forum" on
/// myoos.de, "Gregory Szorc's Digital Home" on gregoryszorc.com); longer parts are headlines
/// that happen to start with the brand.
const SITE_NAME_EXTRA_CHARS: usize = 16;

/// Minimum letters for a site-name comparison (shorter strings match by accident).
const SITE_MATCH_MIN_CHARS: usize = 4;

/// True when `part` names the site: equal to its declared name, or to its host name
/// ("Aerobuzz.de" / aerobuzz.de, "N-LAND" / n-land.de), compared on folded letters and digits.
fn site_like(part: &str, site: Option<&str>, host: Option<&str>) -> bool {
    let alnum = |s: &str| fold(s).chars().filter(|c| c.is_alphanumeric()).collect::<String>();
    let p = alnum(part);
    if p.chars().count() < SITE_MATCH_MIN_CHARS {
        return false;
    }
    if site.map(alnum).is_some_and(|s| s == p) {
        return true;
    }
    // The site's name followed by its abbreviation: "Evangelisches Jugendwerk in Württemberg (ejw)".
    if let Some((name, abbr)) = part.trim_end().strip_suffix(')').and_then(|x| x.rsplit_once(" ("))
    {
        if !abbr.contains(' ')
            && site
                .map(alnum)
                .is_some_and(|s| s == alnum(name) && s.chars().count() >= SITE_MATCH_MIN_CHARS)
        {
            return true;
        }
    }
    let Some(host) = host else { return false };
    let full = alnum(host);
    if full == p {
        return true;
    }
    // Brand labels of the host: "foren.myoos.de" -> "foren", "myoos" (the TLD is left out).
    let labels: Vec<&str> = host.split('.').collect();
    let brands = labels.get(..labels.len().saturating_sub(1)).unwrap_or(&[]);
    brands
        .iter()
        .map(|l| alnum(l))
        .filter(|l| l.chars().count() >= SITE_MATCH_MIN_CHARS && l != "www")
        .any(|label| {
            // "lechodusouss" is the brand "echodusouss" with an article in front.
            p == label
                || (p.contains(&label)
                    && p.chars().count() <= label.chars().count() + SITE_NAME_EXTRA_CHARS)
        })
}

fn lang(doc: &Document, metas: &MetaTags, ld: &jsonld::JsonLd) -> Option<String> {
    let html_lang = doc
        .first_by_tag("html")
        .and_then(|h| doc.element(h))
        .and_then(|e| e.attr("lang").or_else(|| e.attr("xml:lang")))
        .and_then(clean);
    html_lang
        .or_else(|| {
            metas
                .first(LANG_KEYS)
                .map(|l| l.split(',').next().unwrap_or("").trim().replace('_', "-"))
                .filter(|l| !l.is_empty())
        })
        .or_else(|| ld.lang.clone())
}

fn link_image(doc: &Document) -> Option<String> {
    (0..doc.len() as u32)
        .filter(|&i| doc.tag(i) == "link")
        .filter_map(|i| doc.element(i))
        .find(|e| e.attr("rel").is_some_and(|r| r.eq_ignore_ascii_case("image_src")))
        .and_then(|e| e.attr("href"))
        .and_then(clean)
}

fn absolute(u: &str, base: Option<&Address>) -> Option<String> {
    if let Ok(abs) = crate::address::parse(u) {
        return matches!(abs.scheme(), "http" | "https").then(|| abs.as_str().to_string());
    }
    match base {
        Some(b) => crate::address::join(b, u).ok().map(|x| x.as_str().to_string()),
        None => u.starts_with("//").then(|| format!("https:{u}")),
    }
}

// ---------------------------------------------------------------------------------------------
// Visible dates
// ---------------------------------------------------------------------------------------------

/// Sectioning and list elements: a metadata line inside one may be consumed, never the whole
/// element (haitiantimes puts "Posted in … by … Apr. 26" in a `<header>` with the headline).
pub const CONTAINER_TAGS: &[&str] = &[
    "header", "footer", "article", "section", "main", "aside", "nav", "table", "tbody", "ul", "ol",
    "form", "body", "html", "figure",
];

fn is_container(doc: &Document, id: NodeId) -> bool {
    CONTAINER_TAGS.contains(&doc.tag(id))
}

/// Keeps the blocks that hold no other block of the list (the smallest element per line).
fn innermost<'a, 'b>(doc: &Document, mut v: Vec<&'a Block<'b>>) -> Vec<&'a Block<'b>> {
    // Only the first candidates matter (the caller wants the first line or a handful); the cap
    // keeps this pairwise check cheap on hostile pages with thousands of matches.
    const MAX_CANDIDATES: usize = 64;
    v.truncate(MAX_CANDIDATES);
    let ids: Vec<NodeId> = v.iter().map(|b| b.id).collect();
    v.into_iter().filter(|b| !ids.iter().any(|&o| o != b.id && doc.contains(b.id, o))).collect()
}

/// A visible "Publié dans X le 23 - 01 - 2023" / "Published on March 3, 2021" line.
struct DateLine {
    id: NodeId,
    date: String,
    source: Option<String>,
}

/// Date-line and byline prefixes, folded once.
static LINE_PREFIXES: std::sync::LazyLock<Vec<String>> = std::sync::LazyLock::new(|| {
    DATE_LINE_PREFIXES
        .iter()
        .chain(crate::rules::lexicon::BYLINE_PREFIXES)
        .map(|p| fold(p))
        .filter(|p| !p.is_empty())
        .collect()
});

/// The first characters of the folded [`LINE_PREFIXES`].
static LINE_PREFIX_HEADS: std::sync::LazyLock<text::PrefixHeads> =
    std::sync::LazyLock::new(|| text::PrefixHeads::new(&LINE_PREFIXES));

/// The longest date-line or byline prefix is shorter than this (characters).
const LINE_PREFIX_MAX_CHARS: usize = 48;

fn date_lines(doc: &Document, blocks: &[Block<'_>], lang: Option<&str>) -> Vec<DateLine> {
    let mut lines: Vec<DateLine> = Vec::new();
    for b in blocks {
        let read = b.line.date_line.get_or_init(|| date_line(b.text(), lang));
        if let Some((date, source)) = read {
            lines.push(DateLine { id: b.id, date: date.clone(), source: source.clone() });
        }
    }
    // Keep the innermost element per line (a <span> inside the <p> that holds the same line).
    let ids: Vec<NodeId> = lines.iter().map(|l| l.id).collect();
    lines.retain(|l| !ids.iter().any(|&o| o != l.id && doc.contains(l.id, o)));
    lines
}

/// The date and the source name of a block text that is a date line.
fn date_line(text: &str, lang: Option<&str>) -> Option<(String, Option<String>)> {
    let start = text.trim_start_matches(|c: char| !c.is_alphanumeric());
    // No date can be found without its digits (most lines).
    if !dates::may_hold_date(start) {
        return None;
    }
    // "Publié le …", and bylines that carry the date ("Rédigé par X le 06/02/2023").
    let mut folder = crate::rules::lexicon::Folder::default();
    let mut chars = start.chars();
    for c in chars.by_ref() {
        folder.push(c);
        if !folder.out.is_empty() {
            break;
        }
    }
    // Most blocks start with letters no prefix starts with: decide on the first few.
    let mut rest = chars.take(LINE_PREFIX_MAX_CHARS);
    text::fold_head(&mut folder, &mut rest);
    if !LINE_PREFIX_HEADS.admit(&folder.out) {
        return None;
    }
    rest.for_each(|c| folder.push(c));
    let head = folder.out;
    let prefixed = LINE_PREFIXES.iter().any(|p| {
        head.starts_with(p.as_str())
            && !head
                .get(p.len()..)
                .and_then(|r| r.chars().next())
                .is_some_and(char::is_alphanumeric)
    });
    if !prefixed {
        return None;
    }
    let date = dates::find_date_in_text(start, lang)?;
    Some((date.iso, source_name(start, lang)))
}

/// "Publié dans Maroc Diplomatique le 23 - 01 - 2023" -> "Maroc Diplomatique".
fn source_name(line: &str, lang: Option<&str>) -> Option<String> {
    for p in SOURCE_LINE_PREFIXES {
        let Some(rest) = text::strip_prefix_folded(line, p) else { continue };
        let words: Vec<&str> = rest.split(' ').filter(|w| !w.is_empty()).collect();
        for k in 1..words.len() {
            let w = words.get(k).copied().unwrap_or("");
            if !{
                let fw = fold(w);
                SOURCE_LINE_DATE_JOINERS.iter().any(|j| crate::rules::lexicon::folded(j) == fw)
            } {
                continue;
            }
            let tail = words.get(k + 1..).unwrap_or(&[]).join(" ");
            if dates::find_date_in_text(&tail, lang).is_some() && k <= SOURCE_MAX_WORDS {
                let name = words.get(..k).unwrap_or(&[]).join(" ");
                let name = name
                    .trim_matches(|c: char| !c.is_alphanumeric() && c != ')' && c != '.')
                    .to_string();
                // A date right after the prefix means there is no source name.
                if !name.is_empty() && dates::find_date_in_text(&name, lang).is_none() {
                    return Some(name);
                }
            }
        }
    }
    None
}

/// True when a short block is a date and little else (weekday, "à 10h30", "Updated:").
fn is_mostly_date(text: &str) -> bool {
    let letters = text.chars().filter(|c| c.is_alphabetic()).count();
    /// Letters a bare date line may hold: "Mercredi 23 septembre 2023 à" has 23.
    const MAX_LETTERS: usize = 30;
    letters <= MAX_LETTERS
}

/// `itemprop=datePublished` on any element: `content`, `datetime` or its text.
fn itemprop_date(doc: &Document, lang: Option<&str>) -> Option<String> {
    (0..doc.len() as u32)
        .filter_map(|i| doc.element(i).map(|e| (i, e)))
        .filter(|(_, e)| {
            e.attr("itemprop").is_some_and(|p| p.to_ascii_lowercase().contains("datepublished"))
        })
        .find_map(|(i, e)| {
            let v = e
                .attr("content")
                .or_else(|| e.attr("datetime"))
                .map(str::to_string)
                .unwrap_or_else(|| normalize_ws(&doc.text_content(i)));
            dates::normalize_machine_date(&v, lang)
        })
}

/// `<time datetime>`: one marked `pubdate` or with a publish-like class first, else the first
/// visible one outside comments and sidebars.
fn time_element_date(doc: &Document, ctx: &byline::Context, lang: Option<&str>) -> Option<String> {
    let times: Vec<NodeId> = (0..doc.len() as u32).filter(|&i| doc.tag(i) == "time").collect();
    let value = |i: NodeId| {
        let e = doc.element(i)?;
        let v = e
            .attr("datetime")
            .map(str::to_string)
            .unwrap_or_else(|| normalize_ws(&doc.text_content(i)));
        dates::normalize_machine_date(&v, lang)
    };
    let marked = times.iter().copied().find(|&i| {
        doc.element(i).is_some_and(|e| {
            e.attr("pubdate").is_some()
                || e.class().to_ascii_lowercase().contains("publish")
                || e.class().to_ascii_lowercase().contains("entry-date")
        })
    });
    marked.and_then(value).or_else(|| {
        times
            .iter()
            .copied()
            .filter(|&i| !ctx.hidden(i) && !ctx.in_side(i) && !site_header(doc, ctx, i))
            .find_map(value)
    })
}

/// True inside the site's own header or navigation (a `<header>`/`<nav>` outside `<article>` and
/// `<main>`), where a date is today's, printed beside the logo, not the article's.
fn site_header(doc: &Document, ctx: &byline::Context, id: NodeId) -> bool {
    ctx.in_chrome(id) && !doc.ancestors(id).any(|a| matches!(doc.tag(a), "article" | "main"))
}

/// The element's class or id names a date or the post meta line ([`DATE_CLASS_TOKENS`]).
fn date_named(e: &crate::dom::Element) -> bool {
    // Tokens hold no space, so testing class and id apart equals testing "class id".
    let named = |s: &str| {
        !s.is_empty() && DATE_CLASS_TOKENS.iter().any(|t| crate::prep::contains_ascii_ci(s, t))
    };
    named(e.class()) || named(e.id())
}

/// A short block whose class/id names a date (or the post meta line) and that holds a date.
fn class_date(
    doc: &Document,
    ctx: &byline::Context,
    blocks: &[Block<'_>],
    lang: Option<&str>,
) -> Option<String> {
    blocks.iter().find_map(|b| {
        let e = doc.element(b.id)?;
        if !date_named(e) || ctx.in_side(b.id) || site_header(doc, ctx, b.id) {
            return None;
        }
        b.line.date(lang).map(str::to_string)
    })
}

/// The author of a short meta line that opens on the date and ends on a name, with nothing
/// but a time between ("04.02.2022 | 13:10 Uhr | Uta Helkenberg", "25.10.2022 - Reiner Nagel").
fn dated_name(text: &str, lang: Option<&str>) -> Option<String> {
    if let Some(name) = dated_byline_word_name(text, lang) {
        return Some(name);
    }
    let sep = crate::rules::META_LINE_SEPARATORS.iter().find(|s| text.contains(*s))?;
    let parts: Vec<&str> = text.split(sep).map(str::trim).collect();
    let (first, last) = (parts.first()?, parts.last()?);
    if parts.len() < 2
        || parts.len() > crate::rules::META_LINE_MAX_PARTS
        || !is_mostly_date(first)
        || dates::find_date_in_text(first, lang).is_none()
    {
        return None;
    }
    // Between date and name: times only (they hold digits).
    if !parts
        .get(1..parts.len() - 1)
        .unwrap_or(&[])
        .iter()
        .all(|p| p.chars().any(|c| c.is_ascii_digit()))
    {
        return None;
    }
    let words = last.split(' ').count();
    // Letters only, as names are written: digits are a time, a comma lists categories
    // ("Medien, Politik"), a colon opens a label ("Tags: …").
    let name_like = (2..=crate::rules::META_LINE_NAME_MAX_WORDS).contains(&words)
        && last.chars().all(|c| c.is_alphabetic() || crate::rules::NAME_PUNCTUATION.contains(&c));
    (name_like && byline::looks_like_name(last) && byline::is_plausible_name(last))
        .then(|| last.to_string())
}

/// Longest word, in letters, that may glue a date and a time together ("am", "à", "Uhr").
const DATE_GLUE_MAX_CHARS: usize = 3;

/// The name after a byline word that follows the date and time ("06.11.2023 13:30 von Olga",
/// "12 mars 2023 par Jean Dupont"). The byline word marks the name, so one word will do.
fn dated_byline_word_name(text: &str, lang: Option<&str>) -> Option<String> {
    let words: Vec<&str> = text.split(' ').collect();
    let at = words
        .iter()
        .position(|w| INNER_BYLINE_WORDS.iter().any(|b| w.eq_ignore_ascii_case(b)))
        .filter(|&at| at > 0)?;
    let (before, after) = (words.get(..at)?, words.get(at + 1..)?);
    let name = after.join(" ");
    let name_like = (1..=crate::rules::META_LINE_NAME_MAX_WORDS).contains(&after.len())
        && name.chars().all(|c| c.is_alphabetic() || crate::rules::NAME_PUNCTUATION.contains(&c))
        && byline::looks_like_name(&name)
        && byline::is_plausible_name(&name);
    // Before the byline word, only the date and a time: its words are numbers, month and
    // weekday names or short glue ("am", "à", "Uhr"); "Vortrag am 06.11.2023 von …" names a
    // speaker.
    let date_word = |w: &&str| {
        let f = fold(w.trim_matches(|c: char| !c.is_alphanumeric()));
        f.chars().count() <= DATE_GLUE_MAX_CHARS
            || f.chars().any(|c| c.is_numeric())
            || byline::is_weekday(&f)
            || byline::is_month(&f)
    };
    let dated = || {
        before.len() <= BARE_DATE_MAX_WORDS
            && before.iter().all(date_word)
            && dates::find_date_in_text(&before.join(" "), lang).is_some()
    };
    (name_like && dated()).then_some(name)
}

/// Last resort: the first short block outside headers, navigation, sidebars and comments that
/// holds a date (htmldate's "extensive search" does the same over the whole page).
fn any_block_date(
    ctx: &byline::Context,
    blocks: &[Block<'_>],
    lang: Option<&str>,
) -> Option<String> {
    let b = blocks
        .iter()
        .filter(|b| !ctx.in_side(b.id) && !ctx.in_chrome(b.id) && !ctx.hidden(b.id))
        .find(|b| b.line.date(lang).is_some())?;
    // A block listing several dates ("Letzte Änderung: 31.10.2023 Erschienen am: 01.11.2023")
    // gives the one after its publication label.
    let text = fold(b.text());
    PUBLISHED_LABELS
        .iter()
        .filter_map(|l| {
            let f = crate::rules::lexicon::folded(l);
            text.find(f.as_ref()).map(|at| (at, l, f.len()))
        })
        .min()
        .and_then(|(at, _, len)| dates::find_date_in_text(text.get(at + len..)?, lang))
        .map(|d| d.iso)
        .or_else(|| b.line.date(lang).map(str::to_string))
}

/// Last resort: a `<time>` in a side column of the `<article>` itself (a metadata column beside
/// the text), when nothing outside side columns dates the page.
fn aside_time_date(doc: &Document, ctx: &byline::Context, lang: Option<&str>) -> Option<String> {
    (0..doc.len() as NodeId)
        .filter(|&i| {
            doc.tag(i) == "time"
                && !ctx.hidden(i)
                && doc.ancestors(i).any(|a| doc.tag(a) == "article")
        })
        .find_map(|i| {
            doc.element(i)?.attr("datetime").and_then(|v| dates::normalize_machine_date(v, lang))
        })
}

/// Last resort: a date-classed block that is only a day with a two-digit year ("23.09.22"),
/// a form too ambiguous to read in running text (versions, scores).
fn short_year_date(doc: &Document, ctx: &byline::Context, blocks: &[Block<'_>]) -> Option<String> {
    blocks.iter().filter(|b| !ctx.in_side(b.id) && !ctx.hidden(b.id)).find_map(|b| {
        let t = b.text().trim();
        let parts: Vec<&str> = t.split(['.', '/']).collect();
        let [d, m, y] = parts.as_slice() else { return None };
        if t.len() > 8
            || ![d, m, y]
                .iter()
                .all(|p| (1..=2).contains(&p.len()) && p.bytes().all(|c| c.is_ascii_digit()))
            || y.len() != 2
        {
            return None;
        }
        if !date_named(doc.element(b.id)?) {
            return None;
        }
        let y: u32 = y.parse().ok()?;
        dates::ymd(
            if y + 2000 <= dates::MAX_YEAR && y < 90 { 2000 + y } else { 1900 + y },
            m.parse().ok()?,
            d.parse().ok()?,
        )
    })
}

/// Paragraphs read by [`lead_dateline`]: a dateline opens one of the article's first.
const LEAD_DATELINE_PARAGRAPHS: usize = 12;
/// A dateline head ("Bonn, 27.1.2022") is at most this many characters.
const LEAD_DATELINE_MAX_CHARS: usize = 48;
/// Dashes that close a news dateline ("27.1.2022 – Bei der Erinnerung …").
const DATELINE_DASHES: &[&str] = &[" - ", " – ", " — "];

/// Very last resort, for pages that give no date anywhere else: a dateline opening one of the
/// first paragraphs, the date (with an optional place) then a dash: "27.1.2022 – Bei der …",
/// "PARÍS, 3 de mayo de 2022 — …".
fn lead_dateline(doc: &Document, ctx: &byline::Context, lang: Option<&str>) -> Option<String> {
    dateline_heads(doc, ctx).find_map(|head| {
        (head.chars().count() <= LEAD_DATELINE_MAX_CHARS
            && head.split(' ').count() <= BARE_DATE_MAX_WORDS
            && is_mostly_date(&head))
        .then(|| dates::find_date_in_text(&head, lang).map(|d| d.iso))
        .flatten()
    })
}

/// What comes before the first dateline dash in each of the article's first paragraphs, the
/// place a dateline stands. Long paragraphs are not blocks, hence their own scan.
fn dateline_heads<'a>(
    doc: &'a Document,
    ctx: &'a byline::Context,
) -> impl Iterator<Item = String> + 'a {
    (0..doc.len() as NodeId)
        .filter(|&i| doc.tag(i) == "p" && ctx.in_main(i))
        .take(LEAD_DATELINE_PARAGRAPHS)
        .filter_map(|i| {
            let mut text = normalize_ws(&doc.text_content(i));
            let cut = DATELINE_DASHES.iter().filter_map(|d| text.find(d)).min()?;
            text.truncate(cut);
            Some(text)
        })
}

/// A dateline's credit names an agency, not a sentence: at most this many characters
/// ("dpa/lno", "AFP", "APA/Reuters").
const AGENCY_MAX_CHARS: usize = 24;
/// A dateline's place has at most this many words ("Palma de Mallorca").
const DATELINE_PLACE_MAX_WORDS: usize = 4;

/// The news agency credited in the dateline that opens the lead paragraph: "Hamburg (dpa/lno)
/// – Trotz …", "PARIS (AFP) — …", "الرباط (و م ع) - …". The place is a few capitalised words,
/// the credit a short bracketed name without digits, then a dash.
fn agency_dateline(doc: &Document, ctx: &byline::Context) -> Option<String> {
    dateline_heads(doc, ctx).find_map(|head| {
        let (place, credit) = head.strip_suffix(')')?.split_once(" (")?;
        let place_ok = (1..=DATELINE_PLACE_MAX_WORDS).contains(&place.split(' ').count())
            && place.chars().next().is_some_and(|c| !c.is_lowercase() && c.is_alphabetic());
        let credit = credit.trim();
        let credit_ok = !credit.is_empty()
            && credit.chars().count() <= AGENCY_MAX_CHARS
            && credit.chars().any(char::is_alphabetic)
            && !credit.chars().any(|c| c.is_numeric() || matches!(c, '(' | ')'));
        (place_ok && credit_ok).then(|| credit.to_string())
    })
}

#[cfg(test)]
mod tests;

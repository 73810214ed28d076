//! From the extraction to what callers get: the sanitised HTML, the plain text, Markdown,
//! and the assembled [`Article`].

pub mod export;
pub mod html;
pub mod markdown;
pub mod sanitize;

use crate::address::Address;
use crate::dom::{Document, NodeId};
use crate::extract::Extraction;
use crate::lang;
use crate::metadata::Metadata;
use crate::model::{Article, RemovedBlock};
use crate::rules;

/// Builds the article. `consumed` nodes (read into metadata) stay out of the body.
pub fn article(
    doc: &Document,
    ex: &Extraction,
    meta: &Metadata,
    consumed: &[bool],
    base: Option<&Address>,
) -> Article {
    let keep =
        |id: NodeId| ex.keeps(id) && !consumed[id as usize] && !is_empty_paragraph(doc, ex, id);
    let as_div = |id: NodeId| !rules::ALTER_TO_DIV_EXCEPTIONS.contains(&doc.tag(id));
    let src = html::Source { doc, parts: &ex.selection.parts, keep: &keep, as_div: &as_div, base };
    let out = html::serialize(&src);

    let lang = meta.lang.clone().or_else(|| lang::guess_lang(&out.text).map(String::from));
    let dir = lang::direction(doc, lang.as_deref(), &out.text).to_string();
    let lead_image = meta.lead_image.clone();
    let title = meta.title.clone().unwrap_or_default();
    let excerpt = meta.excerpt.clone().or_else(|| first_paragraph(&out.text));
    let byline = byline(&meta.authors);
    Article {
        title,
        authors: meta.authors.clone(),
        byline,
        published: meta.published.clone(),
        site_name: meta.site_name.clone().or_else(|| meta.source.clone()),
        word_count: lang::word_count(&out.text),
        reading_minutes: lang::reading_minutes(&out.text, lang.as_deref()),
        lang,
        dir,
        excerpt,
        lead_image,
        confidence: confidence(ex, out.text.chars().count()),
        removed: removed(doc, ex, consumed),
        content_html: out.html,
        text: out.text,
    }
}

/// The blocks the article's container held that the body leaves out, in page order: what
/// cleaning dropped, what the attempt set aside as unlikely (comments, sidebars), and the lines
/// read into the header (byline, date). Hidden and non-content nodes are not listed: the reader
/// never saw them.
fn removed(doc: &Document, ex: &Extraction, consumed: &[bool]) -> Vec<RemovedBlock> {
    use crate::prep::{never_content, visible_text};
    let mut roots: Vec<(NodeId, &'static str)> = ex.cleaned.log.clone();
    for &p in &ex.selection.parts {
        let mut i = p;
        let end = doc.nodes[p as usize].end;
        while i < end {
            if consumed[i as usize] || ex.title_heading == Some(i) {
                roots.push((i, "read into the header"));
            } else if !ex.scored.removed[i as usize] {
                i += 1;
                continue;
            } else if !never_content(doc, i) {
                roots.push((i, crate::clean::reason_for(doc, i)));
            }
            i = doc.nodes[i as usize].end;
        }
    }
    crate::sort::sort_by_key(&mut roots, |&(id, _)| id);
    let mut covered_to = 0;
    let mut out = Vec::new();
    for (id, reason) in roots {
        // A root inside one already listed is part of its text.
        if id < covered_to {
            continue;
        }
        covered_to = doc.nodes[id as usize].end;
        let text = visible_text(doc, id, |i| i != id && never_content(doc, i), " ");
        if !text.chars().any(char::is_alphanumeric) {
            continue;
        }
        let mut quote: String = text.chars().take(rules::REMOVED_EXCERPT_CHARS).collect();
        if quote.len() < text.len() {
            quote.push('…');
        }
        out.push(RemovedBlock { reason: reason.to_string(), text: quote });
        if out.len() == rules::REMOVED_MAX_BLOCKS {
            break;
        }
    }
    out
}

/// A `<p>` with nothing in it (no text, image or embed): Readability drops them.
fn is_empty_paragraph(doc: &Document, ex: &Extraction, id: NodeId) -> bool {
    if doc.tag(id) != "p" {
        return false;
    }
    let f = &ex.cleaned.feats[id as usize];
    f.text == 0
        && f.img() == 0
        && f.embed() == 0
        && !doc
            .descendants(id)
            .any(|d| matches!(doc.tag(d), "video" | "audio" | "picture" | "iframe"))
}

fn first_paragraph(text: &str) -> Option<String> {
    let p = text.split("\n\n").find(|p| p.chars().count() >= rules::EXCERPT_MIN_CHARS)?;
    Some(p.chars().take(rules::EXCERPT_MAX_CHARS).collect())
}

/// "A", "A and B", "A, B and C": the same joining in every language is good enough for a
/// line of names; the reader view localises the label around it.
fn byline(authors: &[String]) -> Option<String> {
    match authors {
        [] => None,
        [a] => Some(a.clone()),
        [rest @ .., last] => Some(format!("{} & {}", rest.join(", "), last)),
    }
}

/// How sure we are (0..1): long text, few links, a clear winner, no relaxation needed, and
/// the container-first pass agreeing with the scored one.
fn confidence(ex: &Extraction, chars: usize) -> f32 {
    let length = (chars as f32 / rules::CONFIDENT_LENGTH).min(1.0);
    let links = 1.0 - (ex.link_density().unwrap_or(1.0) * 2.0).min(1.0);
    let margin = if ex.selection.top_score > 0.0 {
        (1.0f32 - ex.selection.runner_up / ex.selection.top_score).clamp(0.0, 1.0)
    } else {
        0.0
    };
    let strict = 1.0 / (1.0 + ex.relaxations as f32);
    let mut c = 0.4 * length + 0.25 * links + 0.15 * margin + 0.2 * strict;
    if ex.selection.whole_body {
        c *= 0.5;
    }
    // The two strategies' agreement (consensus.rs); a page naming no container gives no vote.
    c = (1.0 - rules::AGREEMENT_WEIGHT) * c
        + rules::AGREEMENT_WEIGHT * ex.agreement.unwrap_or(rules::AGREEMENT_UNKNOWN);
    (c * 100.0).round() / 100.0
}

//! The in-place cleaning plan: which elements of the live page to hide, and why.
//!
//! Outside the article we hide only on positive evidence (a navigation element, a modal, a
//! cookie banner, a run of links, a boilerplate line…): the site keeps its own header, title
//! and look. Inside the article we hide what extraction cleaned away for a named reason.
//! The article's parts, their ancestors and the lines read into metadata are never hidden.

use crate::dom::{Document, Element, NodeId};
use crate::extract::Extraction;
use crate::features::Feat;
use crate::model::{CleanPlan, PlanItem};
use crate::prep;
use crate::rules;

pub struct PlanInput<'a> {
    pub doc: &'a Document,
    pub extraction: &'a Extraction,
    /// Features over the whole page (hidden nodes excluded).
    pub feats: &'a [Feat],
    /// Nodes hidden in the page already or never shown (the base mask).
    pub invisible: &'a [bool],
    /// Elements that must stay visible with their ancestors (title heading, date line…).
    pub protect: &'a [NodeId],
    /// The lexicon's answers for the page (shared with the cleaning).
    pub lexicon: &'a prep::BoilerplateMemo,
}

/// Classifies an element `id` outside the article by its tag, role and class/id.
fn structural_reason(doc: &Document, id: NodeId, e: &Element) -> Option<&'static str> {
    match &*e.name {
        "nav" | "menu" => return Some("navigation"),
        "aside" => return Some("sidebar"),
        "footer" => return Some("footer"),
        "dialog" => return Some("modal"),
        "marquee" => return Some("headline ticker"),
        // Outside the article a form is a poll, a search box or a login: not reading matter.
        "form" => return Some("form"),
        _ => {}
    }
    match e.attr("role") {
        Some("navigation" | "menubar" | "menu") => return Some("navigation"),
        Some("complementary") => return Some("sidebar"),
        Some("contentinfo") => return Some("footer"),
        Some("dialog" | "alertdialog") => return Some("modal"),
        _ => {}
    }
    if e.attr("aria-modal") == Some("true") {
        return Some("modal");
    }
    prep::token_reason_of(doc, id)
}

/// A block made of links: a ticker, a menu, a list of headlines.
fn link_run_reason(f: &Feat) -> Option<&'static str> {
    if (f.links() as usize) < rules::LINK_RUN_MIN_LINKS
        || f.link_density() < rules::LINK_RUN_MIN_DENSITY
    {
        return None;
    }
    let avg = f.link / f.links().max(1) as f32;
    Some(if avg >= rules::HEADLINE_MIN_CHARS { "headline ticker" } else { "navigation" })
}

pub fn build(input: &PlanInput<'_>) -> CleanPlan {
    let doc = input.doc;
    let ex = input.extraction;
    let parts = &ex.selection.parts;
    let n = doc.len();
    // protected: the parts, their ancestors, and the protected nodes with their ancestors.
    let mut protected = vec![false; n];
    for &p in parts.iter().chain(input.protect) {
        protected[p as usize] = true;
        for a in doc.ancestors(p) {
            // Marked with its ancestors by an earlier node: stop, or nested protected nodes
            // would walk the same chain again each.
            if protected[a as usize] {
                break;
            }
            protected[a as usize] = true;
        }
    }
    let in_article = |id: NodeId| parts.iter().any(|&p| doc.contains(p, id));
    let cleaned_reason: crate::prep::Map<NodeId, &'static str> =
        ex.cleaned.reasons.iter().copied().collect();

    let mut hide: Vec<PlanItem> = Vec::new();
    // Nested elements often hold the same short text (li > a, div > span): the lexicon's answer
    // for a text is computed once.
    let memo = BlockLexicon { memo: input.lexicon, last: Default::default() };
    let memo = &memo;
    let body = doc.body();
    let mut i = body + 1;
    let end = doc.nodes[body as usize].end;
    while i < end {
        let iu = i as usize;
        let Some(e) = doc.element(i) else {
            i += 1;
            continue;
        };
        if input.invisible[iu] && !protected[iu] {
            // Hidden already (or script/style): nothing to do below, except for modals and
            // banners that the page's scripts will reveal later (a "report this image" dialog).
            if let Some(r) =
                structural_reason(doc, i, e).filter(|r| rules::REVEALED_LATER.contains(r))
            {
                hide.push(PlanItem {
                    index: doc.elem_index(i),
                    tag: e.name.to_string(),
                    reason: r.to_string(),
                });
            }
            i = doc.nodes[iu].end;
            continue;
        }
        if protected[iu] && !parts.contains(&i) && parts.iter().all(|&p| !doc.contains(p, i)) {
            // An ancestor of the article or of a protected line: look inside.
            i += 1;
            continue;
        }
        let f = &input.feats[iu];
        let reason = if in_article(i) {
            if parts.contains(&i) {
                None
            } else if let Some(r) = cleaned_reason.get(&i) {
                Some(*r)
            } else if (ex.scored.removed[iu] || ex.cleaned.dropped[iu]) && !input.invisible[iu] {
                // Left out for no named reason: hide it only when its name says what it is.
                prep::token_reason_of(doc, i).filter(|r| *r != "navigation" || !protected[iu])
            } else {
                short_block_reason(doc, i, e, f, input.invisible, memo)
            }
        } else if protected[iu] {
            None
        } else {
            structural_reason(doc, i, e)
                .or_else(|| short_block_reason(doc, i, e, f, input.invisible, memo))
                .or_else(|| link_run_reason(f))
                .or_else(|| {
                    (&*e.name == "iframe" && !crate::clean::is_video_embed(doc, i))
                        .then_some("advertisement")
                })
        };
        match reason {
            Some(r) if !protected[iu] => {
                hide.push(PlanItem {
                    index: doc.elem_index(i),
                    tag: e.name.to_string(),
                    reason: r.to_string(),
                });
                i = doc.nodes[iu].end;
            }
            _ => i += 1,
        }
    }
    let keep = parts.first().and_then(|&p| {
        let root = if parts.len() == 1 { p } else { doc.parent(p).unwrap_or(p) };
        doc.element(root).map(|e| PlanItem {
            index: doc.elem_index(root),
            tag: e.name.to_string(),
            reason: "article".into(),
        })
    });
    CleanPlan { hide, keep, element_count: doc.element_count }
}

/// The lexicon's answers for the plan: the page's memo, and the last block asked about with its
/// answer, which its only child shares (`div > p > span` hold one text: it is gathered once).
struct BlockLexicon<'a> {
    memo: &'a prep::BoilerplateMemo,
    last: std::cell::Cell<Option<(NodeId, Option<&'static str>)>>,
}

/// A short block whose words say it is boilerplate ("Cliquez ici pour lire l'article depuis
/// sa source", "اقرأ أيضا", "Advertisement").
fn short_block_reason(
    doc: &Document,
    id: NodeId,
    e: &Element,
    f: &Feat,
    invisible: &[bool],
    lexicon: &BlockLexicon<'_>,
) -> Option<&'static str> {
    if f.text == 0
        || f.text as usize > rules::BOILERPLATE_MAX_CHARS
        || matches!(&*e.name, "html" | "body" | "h1")
    {
        return None;
    }
    let reason = match lexicon.last.get() {
        Some((parent, r))
            if doc.parent(id) == Some(parent) && only_content(doc, parent, id, invisible) =>
        {
            r
        }
        _ => lexicon.memo.reason(&prep::inner_text(doc, id, invisible)),
    };
    lexicon.last.set(Some((id, reason)));
    reason
}

/// True when `child` is all that `parent` shows: its other children are hidden, comments or
/// whitespace (which the text's normalisation trims), so both have the same text.
fn only_content(doc: &Document, parent: NodeId, child: NodeId, invisible: &[bool]) -> bool {
    doc.children(parent).all(|c| {
        c == child
            || invisible[c as usize]
            || match doc.text(c) {
                Some(t) => t.trim().is_empty(),
                None => doc.element(c).is_none(),
            }
    })
}

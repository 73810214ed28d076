//! Consensus between the two strategies: the scored article (candidates → select → clean)
//! and the container the page names (container.rs).
//!
//! 1. Measure how much text they share: the agreement that the article's confidence carries.
//! 2. Too short: when the scored article is short and the container, cleaned the same way,
//!    is much longer, the container wins (trafilatura's recall escalation).
//! 3. Agreed: when the container holds most of the scored article, the blocks the scored
//!    article adds after the container's end and that are named as the page's tail (an author
//!    box, a licence line) leave; what it adds before (a lead, the lead figure) stays. Only
//!    named blocks: Readability keeps everything after the body (bios, comments), and its
//!    corpus's truth with it, while trafilatura's excludes the tail.

use crate::dom::{Document, NodeId};
use crate::extract::Extraction;
use crate::prep;
use crate::rules;

/// Kept text of the scored article that lies inside `c`.
fn overlap(doc: &Document, ex: &Extraction, c: NodeId) -> u32 {
    let mut shared = 0;
    for &p in &ex.selection.parts {
        if doc.contains(p, c) {
            if ex.keeps(c) {
                shared += ex.cleaned.feats[c as usize].text;
            }
        } else if doc.contains(c, p) && ex.keeps(p) {
            shared += ex.cleaned.feats[p as usize].text;
        }
    }
    shared
}

/// Settles the article between the scored attempt `scored` and the container `c`; `in_container`
/// runs the same attempt with the container as the only part.
pub fn settle(
    doc: &Document,
    c: NodeId,
    container_text: u32,
    mut scored: Extraction,
    in_container: impl FnOnce() -> Extraction,
) -> Extraction {
    let sel = scored.cleaned.text_len as f32;
    let shared = overlap(doc, &scored, c) as f32;
    let agreement = if sel > 0.0 { shared / sel.max(container_text as f32) } else { 0.0 };
    scored.agreement = Some(agreement.clamp(0.0, 1.0));

    // 2. Too short, or a fragment of the container: escalate to the container.
    let ratio = rules::ESCALATION_ACCEPT_RATIO;
    if ((sel as usize) < rules::ESCALATION_MAX_CHARS
        || shared >= rules::ESCALATION_INSIDE_SHARE * sel)
        && container_text as f32 >= ratio * sel
    {
        let mut alt = in_container();
        if alt.cleaned.text_len as f32 >= ratio * sel {
            alt.agreement = scored.agreement;
            return alt;
        }
    }

    // 3. Agreed: trim the tail after the container.
    let inside_part = scored.selection.parts.iter().any(|&p| doc.contains(p, c));
    if inside_part && sel > 0.0 && shared / sel >= rules::CONSENSUS_MIN_SHARE {
        drop_after(doc, &mut scored, c);
    }
    scored
}

/// Drops the blocks the article keeps after the end of `c` that are named as the page's tail.
fn drop_after(doc: &Document, ex: &mut Extraction, c: NodeId) {
    let end = doc.nodes[c as usize].end;
    let parts = ex.selection.parts.clone();
    for p in parts {
        let (start, stop) = if doc.contains(p, c) {
            (end, doc.nodes[p as usize].end)
        } else if p >= end {
            (p, doc.nodes[p as usize].end)
        } else {
            continue;
        };
        let mut i = start;
        while i < stop {
            if ex.keeps(i) && names_tail(doc, i) {
                drop_subtree(doc, ex, i);
                i = doc.nodes[i as usize].end;
            } else {
                i += 1;
            }
        }
    }
    ex.cleaned.text_len = ex
        .selection
        .parts
        .iter()
        .filter(|&&p| ex.keeps(p))
        .map(|&p| ex.cleaned.feats[p as usize].text as usize)
        .sum();
}

/// A block whose class/id names it as the page's tail (an author box, a licence line).
fn names_tail(doc: &Document, id: NodeId) -> bool {
    let Some(e) = doc.element(id) else { return false };
    if !rules::NAMED_CLUTTER_TAGS.contains(&&*e.name) {
        return false; // an inline `cite.author` names a commenter, not a box
    }
    let s = prep::match_string(e);
    prep::contains_any(&s, rules::TAIL_TOKENS) || prep::has_bounded(&s, rules::TAIL_WORDS)
}

/// Beyond both strategies: a box about a person inside the article, the author's bio or a
/// contact person's card, named as such and small, leaves the article whatever the
/// agreement (a tail box after the agreed container has already left as the page's tail).
/// Left out of the article only: the plan does not hide it, as the page shows it on purpose.
pub fn drop_person_boxes(doc: &Document, ex: &mut Extraction) {
    for p in ex.selection.parts.clone() {
        let mut i = p + 1;
        let end = doc.nodes[p as usize].end;
        while i < end {
            if ex.keeps(i) && is_person_box(doc, ex, i) {
                drop_subtree_as(doc, ex, i, "author or contact box");
            }
            i = if ex.keeps(i) { i + 1 } else { doc.nodes[i as usize].end };
        }
    }
}

pub fn is_person_box(doc: &Document, ex: &Extraction, id: NodeId) -> bool {
    let Some(e) = doc.element(id) else { return false };
    let text = ex.cleaned.feats[id as usize].text as usize;
    (1..=rules::PERSON_BOX_MAX_CHARS).contains(&text)
        && rules::NAMED_CLUTTER_TAGS.contains(&&*e.name)
        && {
            let names = prep::match_string(e);
            prep::contains_any(&names, rules::AUTHOR_BOX_TOKENS)
                || prep::contains_any(&names, rules::PERSON_BOX_TOKENS)
        }
}

fn drop_subtree(doc: &Document, ex: &mut Extraction, id: NodeId) {
    drop_subtree_as(doc, ex, id, "after the article");
}

fn drop_subtree_as(doc: &Document, ex: &mut Extraction, id: NodeId, label: &'static str) {
    let f = ex.cleaned.feats[id as usize];
    let mut a = doc.nodes[id as usize].parent;
    while a != crate::dom::NONE {
        ex.cleaned.feats[a as usize].sub(&f);
        a = doc.nodes[a as usize].parent;
    }
    prep::mark(doc, &mut ex.cleaned.dropped, id);
    if doc.element(id).is_some() {
        ex.cleaned.log.push((id, label));
    }
}

//! From scored candidates to the article's parts: the top candidate (Readability's
//! alternative-ancestor vote, climb and only-child rules) and the siblings that belong to it.

use crate::candidates::Scored;
use crate::dom::{Document, NodeId, NONE};
use crate::prep;
use crate::rules;

/// The article as chosen by one attempt.
#[derive(Debug, Clone)]
pub struct Selection {
    /// The top candidate. When no candidate stood out this is `<body>` (`whole_body`).
    pub top: NodeId,
    pub top_score: f32,
    /// The top candidate and the siblings that joined it, in document order.
    pub parts: Vec<NodeId>,
    /// True when no candidate was found and the whole body is the article.
    pub whole_body: bool,
    /// Score of the runner-up candidate outside the top one (for the confidence figure).
    pub runner_up: f32,
}

pub fn select(doc: &Document, s: &Scored, top_n: usize) -> Selection {
    let body = doc.body();
    // Top N by score; earlier candidates win ties, as in Readability.
    let mut top: Vec<(NodeId, f32)> = Vec::with_capacity(top_n + 1);
    for &c in &s.candidates {
        let Some(score) = s.score(c) else { continue };
        let pos = top.iter().position(|&(_, t)| score > t).unwrap_or(top.len());
        if pos < top_n {
            top.insert(pos, (c, score));
            top.truncate(top_n);
        }
    }
    let runner_up = top.get(1).map(|t| t.1).unwrap_or(0.0);
    let Some(&(mut best, _)) = top.first() else {
        return whole_body(body, runner_up);
    };
    if best == body || doc.tag(best) == "body" {
        return whole_body(body, runner_up);
    }
    let best_score = |id: NodeId| s.score(id).unwrap_or(0.0);

    // Several near-equal candidates under one ancestor: the ancestor is the article.
    let top_score = best_score(best);
    let alternatives: Vec<Vec<NodeId>> = top[1..]
        .iter()
        .filter(|&&(_, sc)| top_score > 0.0 && sc / top_score >= rules::ALT_CANDIDATE_RATIO)
        .map(|&(c, _)| doc.ancestors(c).collect())
        .collect();
    if alternatives.len() >= rules::MIN_TOP_CANDIDATES {
        let mut p = doc.nodes[best as usize].parent;
        while p != NONE && p != body {
            let votes = alternatives.iter().filter(|a| a.contains(&p)).count();
            if votes >= rules::MIN_TOP_CANDIDATES {
                best = p;
                break;
            }
            p = doc.nodes[p as usize].parent;
        }
    }

    // Climb while the parent scores well: the article often spans several scored blocks.
    let mut last_score = best_score(best);
    let threshold = last_score / 3.0;
    let mut p = doc.nodes[best as usize].parent;
    while p != NONE && p != body {
        let Some(ps) = s.score(p) else {
            p = doc.nodes[p as usize].parent;
            continue;
        };
        if ps < threshold {
            break;
        }
        if ps > last_score {
            best = p;
            break;
        }
        last_score = ps;
        p = doc.nodes[p as usize].parent;
    }

    // An only child says nothing: take the parent instead.
    let mut p = doc.nodes[best as usize].parent;
    while p != NONE && p != body && live_children(doc, s, p).count() == 1 {
        best = p;
        p = doc.nodes[best as usize].parent;
    }

    let top_score =
        s.score(best).unwrap_or_else(|| crate::candidates::initial_score(doc, best, s.flags));
    let parts = siblings(doc, s, best, top_score);
    Selection { top: best, top_score, parts, whole_body: false, runner_up }
}

/// The container-first pass's selection: the named container alone.
pub fn forced(s: &Scored, top: NodeId) -> Selection {
    Selection {
        top,
        top_score: s.score(top).unwrap_or(0.0),
        parts: vec![top],
        whole_body: false,
        runner_up: 0.0,
    }
}

fn whole_body(body: NodeId, runner_up: f32) -> Selection {
    Selection { top: body, top_score: 0.0, parts: vec![body], whole_body: true, runner_up }
}

fn live_children<'a>(
    doc: &'a Document,
    s: &'a Scored,
    id: NodeId,
) -> impl Iterator<Item = NodeId> + 'a {
    doc.element_children(id).filter(move |&c| !s.removed[c as usize])
}

/// Readability's sibling rule: a sibling joins when it scores near the top candidate (with a
/// bonus for sharing its class), or when it is a paragraph of prose.
fn siblings(doc: &Document, s: &Scored, top: NodeId, top_score: f32) -> Vec<NodeId> {
    let parent = doc.nodes[top as usize].parent;
    if parent == NONE || doc.element(parent).is_none() {
        return vec![top];
    }
    let threshold = rules::SIBLING_MIN_SCORE.max(top_score * rules::SIBLING_SCORE_RATIO);
    let top_class = doc.element(top).map(|e| e.class()).unwrap_or("");
    let mut parts = Vec::new();
    for sib in live_children(doc, s, parent) {
        if sib == top {
            parts.push(sib);
            continue;
        }
        let mut bonus = 0.0;
        let class = doc.element(sib).map(|e| e.class()).unwrap_or("");
        if !top_class.is_empty() && class == top_class {
            bonus += top_score * rules::SIBLING_SCORE_RATIO;
        }
        if let Some(sc) = s.score(sib) {
            if sc + bonus >= threshold {
                parts.push(sib);
                continue;
            }
        }
        if prep::holds_social_embed(doc, sib, |d| s.removed[d as usize]) {
            parts.push(sib);
            continue;
        }
        let is_p = doc.tag(sib) == "p" || s.as_paragraph[sib as usize];
        if is_p {
            let f = &s.feats[sib as usize];
            let ld = f.link_density();
            let len = f.text as usize;
            if len > rules::SIBLING_P_LONG && ld < rules::SIBLING_P_MAX_LINK_DENSITY {
                parts.push(sib);
            } else if len > 0 && len < rules::SIBLING_P_LONG && ld == 0.0 {
                let text = prep::inner_text(doc, sib, &s.removed);
                if text.contains(". ") || text.ends_with('.') {
                    parts.push(sib);
                }
            }
        }
    }
    parts
}

/// Beyond Readability: a theme may split one article into twin blocks, the same wrapper (tag
/// and class) repeated below one parent with a table or a picture between them, each holding
/// a run of its paragraphs. The article's block, or one of its wrappers up to
/// [`rules::SPLIT_TWIN_LEVELS`] levels up, then has twins holding a candidate nearly as good as
/// the article's best (Readability's ratio for alternative candidates), and they join it. A
/// twin that holds its own `<h1>` is the next story of an infinite scroll, not a sequel.
pub fn add_split_twins(doc: &Document, s: &Scored, sel: &mut Selection) {
    if sel.whole_body {
        return;
    }
    let body = doc.body();
    let best_in = |root: NodeId| {
        s.candidates
            .iter()
            .filter(|&&c| doc.contains(root, c))
            .filter_map(|&c| s.score(c))
            .fold(0.0f32, f32::max)
    };
    let top_best = best_in(sel.top);
    if top_best <= 0.0 {
        return;
    }
    let mut node = sel.top;
    for _ in 0..rules::SPLIT_TWIN_LEVELS {
        let Some(parent) = doc.parent(node) else { return };
        let Some(e) = doc.element(node) else { return };
        let (tag, class) = (&*e.name, e.class());
        let twin = |k: NodeId| {
            k != node
                && !sel.parts.contains(&k)
                && doc.element(k).is_some_and(|x| &*x.name == tag && x.class() == class)
                && !doc.descendants(k).any(|d| doc.tag(d) == "h1")
                && best_in(k) >= rules::ALT_CANDIDATE_RATIO * top_best
        };
        let twins: Vec<NodeId> = if class.is_empty() {
            Vec::new()
        } else {
            live_children(doc, s, parent).filter(|&k| twin(k)).collect()
        };
        if !twins.is_empty() {
            sel.parts.extend(twins);
            crate::sort::sort(&mut sel.parts);
            return;
        }
        if parent == body {
            return;
        }
        node = parent;
    }
}

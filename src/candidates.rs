//! Readability-style candidate scoring over the arena.
//!
//! Readability rewrites the DOM while it walks (divs become paragraphs, runs of inline content
//! are wrapped into new `<p>`s, unlikely nodes are removed). We reach the same scores without
//! touching the tree: a div without block children is scored as a paragraph; a run of inline
//! content inside a div is a *virtual paragraph* scored on that div; a div that only wraps one
//! paragraph is "collapsed" (skipped in ancestor chains, as if the paragraph replaced it).

use crate::dom::{Document, Kind, NodeId, NONE};
use crate::features::{self, Feat};
use crate::prep;
use crate::rules;

/// Readability's flags, relaxed one at a time when an attempt comes out too short.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Flags {
    pub strip_unlikely: bool,
    pub weight_classes: bool,
    pub clean_conditionally: bool,
}

impl Flags {
    pub const ALL: Flags =
        Flags { strip_unlikely: true, weight_classes: true, clean_conditionally: true };

    /// The next relaxation (`FLAG_STRIP_UNLIKELYS`, then `WEIGHT_CLASSES`, then
    /// `CLEAN_CONDITIONALLY`), or `None` when all are off.
    pub fn relax(self) -> Option<Flags> {
        if self.strip_unlikely {
            Some(Flags { strip_unlikely: false, ..self })
        } else if self.weight_classes {
            Some(Flags { weight_classes: false, ..self })
        } else if self.clean_conditionally {
            Some(Flags { clean_conditionally: false, ..self })
        } else {
            None
        }
    }
}

/// The scored page for one attempt.
pub struct Scored {
    pub flags: Flags,
    /// Nodes this attempt ignores (base mask + unlikely + empty containers).
    pub removed: Vec<bool>,
    /// Features under `removed`; moved on to the cleaning once the parts are selected (the
    /// cleaned ones are `Cleaned::feats`).
    pub feats: Vec<Feat>,
    /// Content score per node, NaN for nodes that are not candidates (see [`Scored::score`]):
    /// four bytes per node where `Option<f32>` took eight. A candidate's score is never NaN:
    /// finite starting and paragraph scores (sums of at most a page's worth of text, far below
    /// `f32::MAX`), scaled by 1 − link density, finite too (0 when there is no text).
    score: Vec<f32>,
    /// Candidates in the order they were first scored.
    pub candidates: Vec<NodeId>,
    /// Divs that read as paragraphs (no block inside, or one paragraph inside).
    pub as_paragraph: Vec<bool>,
    /// Divs replaced by their single paragraph (skipped when walking up).
    pub collapsed: Vec<bool>,
}

impl Scored {
    /// The content score of `id`; `None` when it is not a candidate.
    pub fn score(&self, id: NodeId) -> Option<f32> {
        let s = self.score[id as usize];
        (!s.is_nan()).then_some(s)
    }
}

/// Tag-based starting score of a candidate (`_initializeNode`).
fn tag_score(tag: &str) -> f32 {
    match tag {
        "div" => 5.0,
        "pre" | "td" | "blockquote" => 3.0,
        "address" | "ol" | "ul" | "dl" | "dd" | "dt" | "li" | "form" => -3.0,
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "th" => -5.0,
        _ => 0.0,
    }
}

fn is_phrasing(doc: &Document, id: NodeId) -> bool {
    match &doc.nodes[id as usize].kind {
        Kind::Text(_) => true,
        Kind::Element(e) => {
            let n = &*e.name;
            doc.tag_in(id, &rules::PHRASING_ELEMS)
                || ((n == "a" || n == "del" || n == "ins")
                    && doc.children(id).all(|c| is_phrasing(doc, c)))
        }
        _ => false,
    }
}

/// Whitespace-only text or a `<br>`: never starts a run of inline content.
fn is_whitespace(doc: &Document, id: NodeId) -> bool {
    match &doc.nodes[id as usize].kind {
        Kind::Text(t) => t.trim().is_empty(),
        Kind::Element(e) => &*e.name == "br",
        _ => false,
    }
}

/// True for a `<br>` followed (past whitespace) by another `<br>`.
fn starts_br_pair(doc: &Document, id: NodeId) -> bool {
    if doc.tag(id) != "br" {
        return false;
    }
    let Some(parent) = doc.parent(id) else { return false };
    let mut next = doc.nodes[id as usize].end;
    let end = doc.nodes[parent as usize].end;
    while next < end {
        if doc.text(next).map(|t| t.trim().is_empty()).unwrap_or(false) {
            next = doc.nodes[next as usize].end;
            continue;
        }
        return doc.tag(next) == "br";
    }
    false
}

/// Elements with a `<br><br>` among their children.
fn br_pairs(doc: &Document) -> Vec<bool> {
    let mut v = vec![false; doc.len()];
    for i in 0..doc.len() as NodeId {
        if doc.tag(i) == "br" && starts_br_pair(doc, i) {
            if let Some(p) = doc.parent(i) {
                v[p as usize] = true;
            }
        }
    }
    v
}

/// Virtual paragraphs among an element's children, and what else it holds.
struct Runs {
    /// (element, first node, one past the last node)
    runs: Vec<(NodeId, NodeId, NodeId)>,
    p_children: usize,
    other_children: usize,
}

/// Splits an element's children into runs of inline content. In a div every run is a
/// paragraph (Readability wraps them); elsewhere only runs that follow a `<br><br>` are.
/// A `<br><br>` always ends a run, as the `<p>` Readability puts in its place would.
fn inline_runs(doc: &Document, id: NodeId, removed: &[bool], wrap_all: bool) -> Runs {
    let mut out = Runs { runs: Vec::new(), p_children: 0, other_children: 0 };
    let mut run: Option<(NodeId, NodeId)> = None;
    let mut after_pair = false;
    let mut in_pair = false;
    for c in doc.children(id) {
        if removed[c as usize] {
            continue;
        }
        if starts_br_pair(doc, c) {
            if let Some((s, last)) = run.take() {
                out.runs.push((id, s, doc.nodes[last as usize].end));
            }
            after_pair = true;
            in_pair = true;
            continue;
        }
        if in_pair && (doc.tag(c) == "br" || is_whitespace(doc, c)) {
            continue;
        }
        in_pair = false;
        if is_phrasing(doc, c) {
            match run.as_mut() {
                Some((_, last)) => *last = c,
                None if !is_whitespace(doc, c) && (wrap_all || after_pair) => run = Some((c, c)),
                None => {}
            }
        } else {
            if let Some((s, last)) = run.take() {
                out.runs.push((id, s, doc.nodes[last as usize].end));
            }
            after_pair = false;
            match doc.tag(c) {
                "p" => out.p_children += 1,
                "" => {}
                _ => out.other_children += 1,
            }
        }
    }
    if let Some((s, last)) = run.take() {
        out.runs.push((id, s, doc.nodes[last as usize].end));
    }
    out
}

/// A unit whose text is scored: its length and commas, and the first node to credit.
struct Unit {
    text: u32,
    commas: u32,
    first_ancestor: NodeId,
}

/// Walks the page once for this attempt, scores paragraphs onto their ancestors, and
/// returns the candidates with their final (link-density adjusted) scores. The features are
/// computed in `spare` (an earlier attempt's array, or an empty one).
pub fn score(
    doc: &Document,
    base: &[bool],
    base_feats: &[Feat],
    title_dup: Option<NodeId>,
    flags: Flags,
    spare: Vec<Feat>,
) -> Scored {
    let n = doc.len();
    let mut removed = base.to_vec();
    if let Some(t) = title_dup {
        prep::mark(doc, &mut removed, t);
    }
    let mut as_paragraph = vec![false; n];
    let mut collapsed = vec![false; n];
    let mut to_score: Vec<NodeId> = Vec::new();
    // Virtual paragraphs: (div, first child, one past the last child) of inline runs.
    let mut runs: Vec<(NodeId, NodeId, NodeId)> = Vec::new();

    let has_br_pair = br_pairs(doc);
    let mut i: usize = 0;
    while i < n {
        if removed[i] {
            i = doc.nodes[i].end as usize;
            continue;
        }
        let id = i as NodeId;
        let Some(e) = doc.element(id) else {
            i += 1;
            continue;
        };
        let name = &*e.name;
        if flags.strip_unlikely && prep::is_unlikely(doc, id, e) {
            prep::mark(doc, &mut removed, id);
            i = doc.nodes[i].end as usize;
            continue;
        }
        // Containers with no text and nothing but <br>/<hr> inside.
        if matches!(name, "div" | "section" | "header" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6")
            && base_feats[i].text == 0
            && doc.element_children(id).all(|c| matches!(doc.tag(c), "br" | "hr"))
            && doc.children(id).all(|c| {
                doc.element(c).is_some() || doc.text(c).map(|t| t.trim().is_empty()).unwrap_or(true)
            })
        {
            prep::mark(doc, &mut removed, id);
            i = doc.nodes[i].end as usize;
            continue;
        }
        if rules::TAGS_TO_SCORE.contains(&name) {
            to_score.push(id);
        }
        if name == "div" {
            // Runs of inline content, each a virtual <p> (Readability wraps them for real).
            let Runs { runs: here, p_children, other_children } =
                inline_runs(doc, id, &removed, true);
            let single_p = p_children + here.len() == 1 && other_children == 0;
            if single_p && base_feats[i].link_density() < rules::SINGLE_P_MAX_LINK_DENSITY {
                // The div gives way to its only paragraph.
                as_paragraph[i] = true;
                if here.len() == 1 {
                    to_score.push(id);
                } else {
                    collapsed[i] = true;
                }
            } else if !base_feats[i].has_block && here.is_empty() {
                as_paragraph[i] = true;
                to_score.push(id);
            } else {
                runs.extend(here);
            }
        } else if name != "p" && has_br_pair[i] {
            // Text after a <br><br> is a paragraph of its own (Readability's `_replaceBrs`).
            runs.extend(inline_runs(doc, id, &removed, false).runs);
        }
        i += 1;
    }

    let mut feats = features::compute_into(doc, &removed, spare);
    // Virtual paragraphs count as <p> for conditional cleaning, as Readability's wrappers do.
    let mut units: Vec<Unit> = Vec::with_capacity(to_score.len() + runs.len());
    // The div of the last run and whether it breaks its lines with <br> (runs come grouped by
    // div: its children are looked at once).
    let mut br_lines: Option<(NodeId, bool)> = None;
    for &(div, s, e) in &runs {
        let (mut text, mut commas) = (0u32, 0u32);
        let mut c = s;
        while c < e {
            if !removed[c as usize] {
                text += feats[c as usize].text;
                commas += feats[c as usize].commas;
                c = doc.nodes[c as usize].end;
            } else {
                c = doc.nodes[c as usize].end;
            }
        }
        // In a div that breaks its lines with <br> (a forum post, an old blog's text), their
        // text is a <p>'s text for the text density too (`textish`), as Readability's wrappers
        // make it: such a div holds paragraphs, not a bare label.
        let lines = match br_lines {
            Some((d, b)) if d == div => b,
            _ => {
                let b = doc.element_children(div).any(|c| doc.tag(c) == "br");
                br_lines = Some((div, b));
                b
            }
        };
        let mut a = div;
        while a != NONE {
            feats[a as usize].bump(features::Count::P);
            if lines {
                feats[a as usize].textish += text;
            }
            a = doc.nodes[a as usize].parent;
        }
        units.push(Unit { text, commas, first_ancestor: div });
    }
    // Divs read as paragraphs are <p> for the counts too (Readability retags them).
    for &id in &to_score {
        if as_paragraph[id as usize]
            && !collapsed[id as usize]
            && !removed[id as usize]
            && doc.tag(id) == "div"
        {
            let mut a = id;
            while a != NONE {
                feats[a as usize].bump(features::Count::P);
                a = doc.nodes[a as usize].parent;
            }
        }
    }
    for &id in &to_score {
        if removed[id as usize] || collapsed[id as usize] {
            continue;
        }
        let f = &feats[id as usize];
        units.push(Unit {
            text: f.text,
            commas: f.commas,
            first_ancestor: doc.nodes[id as usize].parent,
        });
    }

    let mut score: Vec<f32> = vec![f32::NAN; n];
    let mut candidates = Vec::new();
    for u in units {
        if (u.text as usize) < rules::MIN_PARAGRAPH_CHARS || u.first_ancestor == NONE {
            continue;
        }
        let content = 1.0
            + (u.commas as f32 + 1.0)
            + (u.text as f32 / 100.0).floor().min(rules::MAX_LENGTH_POINTS);
        let mut level = 0usize;
        let mut a = u.first_ancestor;
        while a != NONE && level < rules::SCORE_ANCESTOR_LEVELS {
            if collapsed[a as usize] {
                a = doc.nodes[a as usize].parent;
                continue;
            }
            let parent = doc.nodes[a as usize].parent;
            // The <html> element (whose parent is the document) is never a candidate.
            if doc.element(a).is_none() || parent == NONE || doc.element(parent).is_none() {
                break;
            }
            if score[a as usize].is_nan() {
                score[a as usize] = initial_score(doc, a, flags);
                candidates.push(a);
            }
            let divider = match level {
                0 => 1.0,
                1 => 2.0,
                l => l as f32 * 3.0,
            };
            score[a as usize] += content / divider;
            level += 1;
            a = parent;
        }
    }
    for &c in &candidates {
        let ld = feats[c as usize].link_density();
        score[c as usize] *= 1.0 - ld;
    }
    Scored { flags, removed, feats, score, candidates, as_paragraph, collapsed }
}

/// A candidate's starting score: its tag, plus its class weight when weighting is on.
pub fn initial_score(doc: &Document, id: NodeId, flags: Flags) -> f32 {
    let Some(e) = doc.element(id) else { return 0.0 };
    let w = if flags.weight_classes { prep::class_weight_of(doc, id) } else { 0.0 };
    tag_score(&e.name) + w
}

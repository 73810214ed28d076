//! Per-node features, computed bottom-up in one reverse pass over the pre-order arena.
//!
//! Every figure is a sum over the subtree, so removing a node later (conditional cleaning)
//! is a subtraction along its ancestors rather than a re-walk of anything: no quadratic
//! corners, whatever the page.

use crate::dom::{Document, Kind, NodeId, NONE};
use crate::rules;

/// Sums over a node's subtree, counting only nodes the current mask keeps. 48 bytes: one per
/// node for the page and one per attempt, so on a large page each byte here is megabytes.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Feat {
    /// Characters of visible text, whitespace runs counted as one.
    pub text: u32,
    /// Characters of link text, `#` links weighted by [`rules::HASH_LINK_WEIGHT`].
    pub link: f32,
    /// Commas of any script (Readability's `commas`).
    pub commas: u32,
    /// ASCII commas only (Readability's `_getCharCount(node, ",")` in conditional cleaning).
    pub ascii_commas: u32,
    /// Text inside headings.
    pub heading_text: u32,
    /// Text inside lists.
    pub list_text: u32,
    /// Text of "textish" descendants (span, li, td and the div-to-p set); only compared with 0.
    pub textish: u32,
    /// A descendant in [`rules::DIV_TO_P_ELEMS`].
    pub has_block: bool,
    /// Element counts, three to a word in [`COUNT_BITS`]-bit fields (see `Count`): `<a>`,
    /// `<p>` and `<img>` in the first, `<li>`, `<input>` and embeds in the second.
    counts: [u64; 2],
}

/// Bits per element count in [`Feat`]. A count is at most the page's nodes (each `<a>`, `<img>`,
/// `<li>`, `<input>` or embed is one element; the scoring's `<p>` count adds a `<div>` read as a
/// paragraph or the first node of a run of inline content, never a `<p>` or another `<div>`, so
/// the three sets are apart), and pages hold at most [`MAX_NODES`] nodes (`dom`'s cap, whatever
/// `Options::max_nodes` says): a sum never carries into the next field, and the fields add as
/// whole words.
const COUNT_BITS: u32 = 21;
const COUNT_MASK: u64 = (1 << COUNT_BITS) - 1;
/// The most nodes a page may have for [`Feat`]'s counts to hold (about 2.1 M; the default
/// limit is 1.5 M).
pub const MAX_NODES: usize = COUNT_MASK as usize;

/// An element count of [`Feat`]: its word and its field in it.
#[derive(Clone, Copy)]
pub enum Count {
    Links,
    P,
    Img,
    Li,
    Input,
    /// `embed`, `object` and `iframe` elements.
    Embed,
}

impl Count {
    const ALL: [Count; 6] =
        [Count::Links, Count::P, Count::Img, Count::Li, Count::Input, Count::Embed];

    /// (word, shift) of the field.
    const fn at(self) -> (usize, u32) {
        let i = self as u32;
        ((i / 3) as usize, (i % 3) * COUNT_BITS)
    }

    /// The count `1` in its field.
    const fn one(self) -> [u64; 2] {
        let (w, shift) = self.at();
        let mut v = [0; 2];
        v[w] = 1 << shift;
        v
    }
}

impl Feat {
    pub fn link_density(&self) -> f32 {
        if self.text == 0 {
            0.0
        } else {
            self.link / self.text as f32
        }
    }

    /// One of the element counts.
    pub fn count(&self, c: Count) -> u32 {
        let (w, shift) = c.at();
        ((self.counts[w] >> shift) & COUNT_MASK) as u32
    }

    pub fn links(&self) -> u32 {
        self.count(Count::Links)
    }
    pub fn p(&self) -> u32 {
        self.count(Count::P)
    }
    pub fn img(&self) -> u32 {
        self.count(Count::Img)
    }
    pub fn li(&self) -> u32 {
        self.count(Count::Li)
    }
    pub fn input(&self) -> u32 {
        self.count(Count::Input)
    }
    pub fn embed(&self) -> u32 {
        self.count(Count::Embed)
    }

    /// Adds one to count `c`.
    pub fn bump(&mut self, c: Count) {
        let one = c.one();
        self.counts[0] += one[0];
        self.counts[1] += one[1];
    }

    fn add(&mut self, o: &Feat) {
        self.counts[0] += o.counts[0];
        self.counts[1] += o.counts[1];
        self.text += o.text;
        self.link += o.link;
        self.commas += o.commas;
        self.ascii_commas += o.ascii_commas;
        self.heading_text += o.heading_text;
        self.list_text += o.list_text;
        self.textish += o.textish;
        self.has_block |= o.has_block;
    }

    pub fn sub(&mut self, o: &Feat) {
        self.text = self.text.saturating_sub(o.text);
        self.link = (self.link - o.link).max(0.0);
        self.commas = self.commas.saturating_sub(o.commas);
        self.ascii_commas = self.ascii_commas.saturating_sub(o.ascii_commas);
        // Field by field: a count that would go below 0 stops at 0, as each did on its own.
        let mut counts = [0u64; 2];
        for c in Count::ALL {
            let (w, shift) = c.at();
            counts[w] |= u64::from(self.count(c).saturating_sub(o.count(c))) << shift;
        }
        self.counts = counts;
        self.heading_text = self.heading_text.saturating_sub(o.heading_text);
        self.list_text = self.list_text.saturating_sub(o.list_text);
        self.textish = self.textish.saturating_sub(o.textish);
    }
}

/// Text statistics of one text node: characters with whitespace runs as one, commas, ASCII
/// commas, and characters other than whitespace.
pub fn text_stats(t: &str) -> TextStats {
    // Most text is ASCII: its bytes are its characters, with no UTF-8 decoding.
    if t.is_ascii() {
        count_text(t.bytes().map(char::from))
    } else {
        count_text(t.chars())
    }
}

fn count_text(chars: impl Iterator<Item = char>) -> TextStats {
    let mut s = TextStats::default();
    let mut in_space = false;
    for c in chars {
        if c.is_whitespace() {
            if !in_space {
                s.len += 1;
                in_space = true;
            }
            continue;
        }
        in_space = false;
        s.len += 1;
        s.visible += 1;
        // ',' is the only ASCII comma: other ASCII characters need no look-up.
        if c == ',' {
            s.commas += 1;
            s.ascii_commas += 1;
        } else if !c.is_ascii() && rules::COMMAS.contains(&c) {
            s.commas += 1;
        }
    }
    s
}

/// What [`text_stats`] counts in a text node.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct TextStats {
    /// Characters, a run of whitespace counted as one (Readability's normalised length).
    pub len: u32,
    /// Commas of any script.
    pub commas: u32,
    /// ASCII commas only.
    pub ascii_commas: u32,
    /// Characters other than whitespace (what metadata's short lines are measured in).
    pub visible: u32,
}

/// What one node adds to the sums by itself, whatever the mask: worked out once per page (tag
/// names, `href`s and texts are read once; the sums run again for each mask: page, scoring,
/// every attempt). Kept small (24 bytes): one per node, and on a large page every byte per node
/// is megabytes of fresh memory to fault in.
#[derive(Debug, Clone, Default)]
pub struct NodeFacts {
    /// A prose text node's [`TextStats`] (`ROLE_TEXT`: len, commas, ASCII commas, visible);
    /// an element's link weight (the `f32`'s bits, for `<a>`) and its index in
    /// [`PageFacts::names`] (the answers for its class and id). A node is one or the other,
    /// so the two share these words.
    own: [u32; 4],
    /// The node's parent (as in the node): the sums read it here, with the rest, rather than
    /// from the 48-byte node.
    parent: NodeId,
    /// Which count the element adds to, or `ROLE_TEXT` (see `ROLE_*`).
    role: u8,
    /// The element is in [`rules::DIV_TO_P_ELEMS`] / is "textish" for its parent.
    block: bool,
    textish: bool,
    /// The element's `role` is in [`rules::UNLIKELY_ROLES`]: every attempt asks, and reading
    /// it here spares a visit to the element's attributes (elsewhere in memory) per attempt.
    unlikely_role: bool,
}

impl NodeFacts {
    /// [`TextStats::visible`] of a prose text node (0 for other nodes and raw text).
    pub fn visible_chars(&self) -> u32 {
        if self.role == ROLE_TEXT {
            self.own[3]
        } else {
            0
        }
    }

    /// The element's index in [`PageFacts::names`] (0 for other nodes).
    fn names(&self) -> u32 {
        if self.role == ROLE_TEXT {
            0
        } else {
            self.own[1]
        }
    }
}

/// The page's [`NodeFacts`], and what elements' class and id say (see `prep::names`), worked out
/// on first use: every attempt, the cleaning and the plan ask again.
#[derive(Debug, Default)]
pub struct PageFacts {
    nodes: Vec<NodeFacts>,
    /// One per distinct (class, id) of the page: the answers depend on those two strings
    /// alone, and pages repeat them (list items, cards). Slot 0 serves every element with
    /// neither (and other nodes, which are never asked).
    names: Vec<crate::prep::NameCache>,
}

const ROLE_NONE: u8 = 0;
/// A prose text node (not an element): adds its text.
const ROLE_TEXT: u8 = 9;
const ROLE_A: u8 = 1;
const ROLE_P: u8 = 2;
const ROLE_IMG: u8 = 3;
const ROLE_LI: u8 = 4;
const ROLE_INPUT: u8 = 5;
const ROLE_EMBED: u8 = 6;
const ROLE_HEADING: u8 = 7;
const ROLE_LIST: u8 = 8;

pub fn page_facts(doc: &Document) -> &[NodeFacts] {
    &facts(doc).nodes
}

/// The class/id answers of element `id` (shared with every element with the same two).
pub fn names_of(doc: &Document, id: NodeId) -> &crate::prep::NameCache {
    let f = facts(doc);
    &f.names[f.nodes[id as usize].names() as usize]
}

/// What `prep::is_unlikely` reads of element `id` before its class and id: whether its role
/// is an unlikely one, and whether it has a class or an id at all (slot 0 serves neither).
pub fn role_and_named(doc: &Document, id: NodeId) -> (bool, bool) {
    let k = &facts(doc).nodes[id as usize];
    (k.unlikely_role, k.names() != 0)
}

fn facts(doc: &Document) -> &PageFacts {
    doc.node_facts.get_or_init(|| {
        // A keyed hash (prep::Map): the page chooses these strings, and a hostile page could
        // pick thousands that collide under an unkeyed one (FNV), making every look-up a long probe.
        let mut owners: crate::prep::Map<(&str, &str), u32> = Default::default();
        let mut names = vec![crate::prep::NameCache::default()];
        let slot = |names: &mut Vec<_>| {
            names.push(crate::prep::NameCache::default());
            names.len() as u32 - 1
        };
        let nodes = (0..doc.len())
            .map(|i| (i, &doc.nodes[i]))
            .map(|(i, node)| match &node.kind {
                Kind::Text(t) if !doc.in_raw_text(i as NodeId) => {
                    let t = text_stats(t);
                    NodeFacts {
                        own: [t.len, t.commas, t.ascii_commas, t.visible],
                        parent: node.parent,
                        role: ROLE_TEXT,
                        ..Default::default()
                    }
                }
                Kind::Element(e) => {
                    let key = (e.class(), e.id());
                    // Without a class the id alone names the element, and ids seldom repeat.
                    let at = match key {
                        ("", "") => 0,
                        ("", _) => slot(&mut names),
                        _ => *owners.entry(key).or_insert_with(|| slot(&mut names)),
                    };
                    let mut f = element_facts(e);
                    f.own[1] = at;
                    NodeFacts { parent: node.parent, ..f }
                }
                _ => NodeFacts { parent: node.parent, ..Default::default() },
            })
            .collect();
        PageFacts { nodes, names }
    })
}

fn element_facts(e: &crate::dom::Element) -> NodeFacts {
    let name = &*e.name;
    let mut link_coef = 0.0;
    let role = match name {
        "a" => {
            let href = e.attr("href").unwrap_or("");
            // A `javascript:` "link" goes nowhere: it is text to a reader (Readability
            // turns such links into text in its output, and so does our sanitiser).
            link_coef = if href
                .trim_start()
                .get(..11)
                .is_some_and(|p| p.eq_ignore_ascii_case("javascript:"))
            {
                0.0
            } else if href.starts_with('#') && href.len() > 1 {
                rules::HASH_LINK_WEIGHT
            } else {
                1.0
            };
            ROLE_A
        }
        "p" => ROLE_P,
        "img" => ROLE_IMG,
        "li" => ROLE_LI,
        "input" => ROLE_INPUT,
        "embed" | "object" | "iframe" => ROLE_EMBED,
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => ROLE_HEADING,
        "ul" | "ol" => ROLE_LIST,
        _ => ROLE_NONE,
    };
    let block = rules::DIV_TO_P_ELEMS.contains(&name);
    let textish = block || matches!(name, "span" | "li" | "td");
    let unlikely_role = e.attr("role").is_some_and(|r| rules::UNLIKELY_ROLES.contains(&r));
    NodeFacts {
        own: [f32::to_bits(link_coef), 0, 0, 0],
        role,
        block,
        textish,
        unlikely_role,
        parent: NONE,
    }
}

/// Computes features for every node kept by `removed` (true = dropped with its subtree).
pub fn compute(doc: &Document, removed: &[bool]) -> Vec<Feat> {
    compute_into(doc, removed, Vec::new())
}

/// [`compute`] in `buf`, an array a discarded attempt left behind: on a large page each array is
/// tens of megabytes of fresh memory to fault in, where a reused one is already mapped.
pub fn compute_into(doc: &Document, removed: &[bool], mut f: Vec<Feat>) -> Vec<Feat> {
    let n = doc.len();
    f.clear();
    f.resize(n, Feat::default());
    let facts = page_facts(doc);
    for i in (0..n).rev() {
        if removed[i] {
            continue;
        }
        let k = &facts[i];
        let fi = &mut f[i];
        match k.role {
            ROLE_TEXT => {
                fi.text += k.own[0];
                fi.commas += k.own[1];
                fi.ascii_commas += k.own[2];
            }
            ROLE_A => {
                fi.link = fi.text as f32 * f32::from_bits(k.own[0]);
                fi.bump(Count::Links);
            }
            ROLE_P => fi.bump(Count::P),
            ROLE_IMG => fi.bump(Count::Img),
            ROLE_LI => fi.bump(Count::Li),
            ROLE_INPUT => fi.bump(Count::Input),
            ROLE_EMBED => fi.bump(Count::Embed),
            ROLE_HEADING => fi.heading_text = fi.text,
            ROLE_LIST => fi.list_text = fi.text,
            _ => {}
        }
        let p = k.parent;
        if p != NONE {
            let mine = f[i];
            let parent = &mut f[p as usize];
            parent.add(&mine);
            if k.textish {
                parent.textish += mine.text;
            }
            if k.block {
                parent.has_block = true;
            }
        }
    }
    f
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Options;

    #[test]
    fn sums_text_links_and_counts() {
        let d = Document::parse(
            "<body><div><p>Hello, world</p><p><a href='/x'>link</a> and <a href='#n'>hash</a></p><img src=a.png></div></body>",
            &Options::default(),
        )
        .unwrap();
        let removed = vec![false; d.len()];
        let f = compute(&d, &removed);
        let div = d.first_by_tag("div").unwrap();
        let fd = f[div as usize];
        assert_eq!(fd.p(), 2);
        assert_eq!(fd.img(), 1);
        assert_eq!(fd.commas, 1);
        assert_eq!(fd.text, "Hello, world".len() as u32 + "link and hash".len() as u32);
        assert!((fd.link - (4.0 + 4.0 * 0.3)).abs() < 1e-4);
        assert!(fd.has_block);
    }

    #[test]
    fn counts_stay_apart() {
        let mut a = Feat::default();
        for c in Count::ALL {
            for _ in 0..3 {
                a.bump(c);
            }
        }
        let mut b = a;
        b.add(&a);
        b.bump(Count::Li);
        assert_eq!([b.links(), b.p(), b.img(), b.li(), b.input(), b.embed()], [6, 6, 6, 7, 6, 6]);
        b.sub(&a);
        b.sub(&a);
        b.sub(&a);
        assert_eq!([b.links(), b.p(), b.img(), b.li(), b.input(), b.embed()], [0, 0, 0, 0, 0, 0]);
        assert_eq!(std::mem::size_of::<Feat>(), 48);
    }

    #[test]
    fn node_facts_stay_small() {
        assert!(std::mem::size_of::<NodeFacts>() <= 24);
    }
}

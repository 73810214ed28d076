//! The metadata reader's passes over every node of the page (crate `declutter-metadata` uses
//! them): the per-element flags its byline and author-box scans read ([`Context`]) and the text
//! of the page's short elements ([`PageText`]). They live here, not in that crate, because the
//! WASM build compiles that crate for size and this one for speed, and these run per node:
//! compiled for size they made a warmed analysis about 9 % slower (session 15).

use crate::dom::{Document, NodeId};
use crate::prep::space_at;
use html5ever::local_name;

/// A block longer than this (characters) is prose, not a date or source line.
pub const DATE_LINE_MAX_CHARS: usize = 200;

/// Ancestors whose class/id marks comments or sidebars: their "author" elements are
/// commenters and related-story bylines (Readability removes these containers first).
pub const NOT_ARTICLE_CONTAINER_TOKENS: &[&str] =
    &["comment", "disqus", "replies", "sidebar", "related", "footer", "widget", "recommend"];
/// Whole class tokens that make a "widget" the main column: Blogger wraps every post, byline
/// included, in `<div class="widget Blog" id="Blog1">`.
pub const MAIN_WIDGET_TOKENS: &[&str] = &["blog"];

/// Per-node flags inherited from ancestors, computed in one pre-order pass so that checks on
/// many candidates stay linear even on pages nested 100,000 levels deep.
pub struct Context {
    /// The node or an ancestor is hidden (Readability's `_isProbablyVisible`: `hidden`,
    /// `display:none`, `visibility:hidden`, `aria-hidden=true`).
    hidden: Vec<bool>,
    /// An ancestor is a comment section, sidebar, related list, footer or nav. `<body>`,
    /// `<html>`, `<article>` and `<main>` never are, whatever their classes say (WordPress puts
    /// "has-sidebar" on `<body>`).
    side: Vec<bool>,
    /// An ancestor is a `<header>` or `<nav>`.
    chrome: Vec<bool>,
}

impl Context {
    pub fn new(doc: &Document) -> Context {
        let n = doc.len();
        let (mut hidden, mut side, mut chrome) = (vec![false; n], vec![false; n], vec![false; n]);
        // Inside an <article> (the node itself included).
        let mut article = vec![false; n];
        // Whether each element is itself a sidebar/comments container: computed once per
        // element, then inherited by its descendants (it used to be recomputed per child).
        let mut side_el = vec![false; n];
        for i in 0..n {
            let id = i as NodeId;
            // Only elements: the flags of text and comment nodes are never asked for, and the
            // document node, the one other node with children, has no parent to inherit from.
            let Some(e) = doc.element(id) else { continue };
            let attrs = Attrs::of(e);
            let (mut h, mut s, mut c) = (attrs.hide(), false, false);
            let mut a = e.name == local_name!("article");
            let mut parent_in_article = false;
            if let Some(p) = doc.parent(id) {
                let pi = p as usize;
                parent_in_article = article.get(pi).copied().unwrap_or(false);
                a |= parent_in_article;
                h |= hidden.get(pi).copied().unwrap_or(false);
                s = side.get(pi).copied().unwrap_or(false)
                    || side_el.get(pi).copied().unwrap_or(false);
                c = chrome.get(pi).copied().unwrap_or(false)
                    || doc.element(p).is_some_and(|pe| {
                        pe.name == local_name!("header") || pe.name == local_name!("nav")
                    });
            }
            if let Some(x) = article.get_mut(i) {
                *x = a;
            }
            if let Some(x) = side_el.get_mut(i) {
                *x = is_side_element(e, &attrs, parent_in_article);
            }
            if let (Some(x), Some(y), Some(z)) =
                (hidden.get_mut(i), side.get_mut(i), chrome.get_mut(i))
            {
                *x = h;
                *y = s;
                *z = c;
            }
        }
        Context { hidden, side, chrome }
    }
    pub fn hidden(&self, id: NodeId) -> bool {
        self.hidden.get(id as usize).copied().unwrap_or(false)
    }
    pub fn in_side(&self, id: NodeId) -> bool {
        self.side.get(id as usize).copied().unwrap_or(false)
    }
    pub fn in_chrome(&self, id: NodeId) -> bool {
        self.chrome.get(id as usize).copied().unwrap_or(false)
    }
    /// Shown, and in the page's own text: not hidden, not in a sidebar, not in its chrome.
    pub fn in_main(&self, id: NodeId) -> bool {
        !self.hidden(id) && !self.in_side(id) && !self.in_chrome(id)
    }
}

/// The attributes the element scans below read (the first of each name, as with `attr`),
/// gathered in one pass over the element's attributes.
#[derive(Default)]
pub struct Attrs<'e> {
    pub class: &'e str,
    pub id: &'e str,
    pub rel: Option<&'e str>,
    pub itemprop: Option<&'e str>,
    pub style: Option<&'e str>,
    pub hidden: bool,
    pub aria_hidden: Option<&'e str>,
}

impl<'e> Attrs<'e> {
    pub fn of(e: &'e crate::dom::Element) -> Attrs<'e> {
        let mut a = Attrs::default();
        let (mut class, mut id) = (None, None);
        // Names compared as interned atoms.
        for attr in &e.attributes {
            let (k, v): (&html5ever::LocalName, &str) = (&attr.name.local, &attr.value);
            let first = |slot: &mut Option<&'e str>| {
                if slot.is_none() {
                    *slot = Some(v);
                }
            };
            if *k == local_name!("class") {
                first(&mut class);
            } else if *k == local_name!("id") {
                first(&mut id);
            } else if *k == local_name!("rel") {
                first(&mut a.rel);
            } else if *k == local_name!("itemprop") {
                first(&mut a.itemprop);
            } else if *k == local_name!("style") {
                first(&mut a.style);
            } else if *k == local_name!("hidden") {
                a.hidden = true;
            } else if *k == local_name!("aria-hidden") {
                first(&mut a.aria_hidden);
            }
        }
        a.class = class.unwrap_or("");
        a.id = id.unwrap_or("");
        a
    }

    /// The element itself is hidden: a `hidden` attribute, `aria-hidden=true`, or a style with
    /// `display:none` / `visibility:hidden` (ASCII case and spaces ignored).
    pub fn hide(&self) -> bool {
        self.hidden || self.aria_hidden == Some("true") || self.style.is_some_and(style_hides)
    }
}

/// `style` with spaces removed and ASCII lower-cased contains `display:none` or
/// `visibility:hidden`.
pub fn style_hides(style: &str) -> bool {
    contains_squeezed(style, b"display:none") || contains_squeezed(style, b"visibility:hidden")
}

/// `hay.to_ascii_lowercase().replace(' ', "").contains(needle)` without the copies, for a
/// lower-case `needle` whose first byte occurs nowhere else in it (so after a mismatch a
/// match can only restart at the current byte).
fn contains_squeezed(hay: &str, needle: &[u8]) -> bool {
    let Some(&first) = needle.first() else { return true };
    let mut at = 0;
    for b in hay.bytes().filter(|&b| b != b' ').map(|b| b.to_ascii_lowercase()) {
        if needle.get(at) == Some(&b) {
            at += 1;
            if at == needle.len() {
                return true;
            }
        } else {
            at = usize::from(b == first);
        }
    }
    false
}

/// A comment section, sidebar, related list, page footer or nav. Class and id tokens must START
/// with a marker ("sidebar-wrapper", "comments-area", "widget_recent_comments"): layout classes
/// that merely mention one ("has-sidebar", "right-sidebar", "elementor-widget-container") wrap
/// the article itself. A `<footer>` inside an `<article>` is the entry's meta line, not page
/// chrome.
fn is_side_element(e: &crate::dom::Element, attrs: &Attrs<'_>, inside_article: bool) -> bool {
    // Names compared as interned atoms (this runs for every element).
    let name = &e.name;
    if *name == local_name!("body")
        || *name == local_name!("html")
        || *name == local_name!("article")
        || *name == local_name!("main")
    {
        return false;
    }
    if *name == local_name!("nav") || (*name == local_name!("footer") && !inside_article) {
        return true;
    }
    // The words of "class id", lower-cased, without building it: the tokens are lower-case ASCII.
    let marked = attrs.class.split_whitespace().chain(attrs.id.split_whitespace()).any(|tok| {
        NOT_ARTICLE_CONTAINER_TOKENS.iter().any(|t| {
            tok.as_bytes().get(..t.len()).is_some_and(|p| p.eq_ignore_ascii_case(t.as_bytes()))
        })
    });
    // Unless it is the main column (tested second: most elements are not marked at all).
    marked
        && !attrs
            .class
            .split_whitespace()
            .any(|tok| MAIN_WIDGET_TOKENS.iter().any(|t| tok.eq_ignore_ascii_case(t)))
}

/// The text of the page's short elements, whitespace-normalised as one string (`normalize_ws`
/// of their non-raw text nodes), and where each element's text lies in it: an element's
/// normalised text is the slice from its first word to its last, since its text nodes are
/// contiguous in document order. One pass over the text instead of one copy per nested element.
pub struct PageText {
    pub buf: String,
    /// Per node, the number of non-whitespace characters of its subtree's text, counting at
    /// most [`DATE_LINE_MAX_CHARS`] + 1 per text node (enough to tell a short element), summed
    /// with saturation at `u16::MAX`. Only "0" and "over [`DATE_LINE_MAX_CHARS`]" are read, and
    /// a saturating sum is 0 exactly when the true sum is and over that bound (< `u16::MAX`)
    /// exactly when the true sum is: two bytes per node where `usize` took eight.
    pub len: Vec<u16>,
    /// The text nodes with words in `buf`, in document order, and the span of their words.
    pub spans: Vec<(NodeId, std::ops::Range<usize>)>,
}

// What `PageText::len` saturates at must stay above the bound it tells.
const _: () = assert!(DATE_LINE_MAX_CHARS + 1 < u16::MAX as usize);

impl PageText {
    pub fn new(doc: &Document) -> PageText {
        let n = doc.len();
        // Character counts, bottom-up. A long paragraph is counted only until it is too long.
        let mut len = vec![0u16; n];
        // The page's node facts count every prose text node's visible characters already.
        let facts = crate::features::page_facts(doc);
        let prose = |id: NodeId| doc.text(id).filter(|_| !doc.in_raw_text(id));
        for i in (0..n).rev() {
            let id = i as NodeId;
            if prose(id).is_some() {
                if let Some(l) = len.get_mut(i) {
                    *l = (facts[i].visible_chars() as usize).min(DATE_LINE_MAX_CHARS + 1) as u16;
                }
            }
            if let Some(p) = doc.parent(id) {
                let own = len.get(i).copied().unwrap_or(0);
                if let Some(pl) = len.get_mut(p as usize) {
                    *pl = pl.saturating_add(own);
                }
            }
        }
        // The words of the text nodes that can lie in a short element (their parent is short),
        // in document order: read from the nodes again rather than kept in a list on the way up.
        let mut buf = String::new();
        let mut spans = Vec::new();
        let mut pending_space = false;
        for id in 0..n as NodeId {
            let Some(t) = prose(id) else { continue };
            if doc.parent(id).is_some_and(|p| {
                len.get(p as usize).is_some_and(|&l| l as usize > DATE_LINE_MAX_CHARS)
            }) {
                continue;
            }
            let mut span: Option<std::ops::Range<usize>> = None;
            // A separator before a word (in this text node or ending an earlier one) becomes
            // one space, unless nothing was written yet.
            for_each_piece(t, |piece| match piece {
                Piece::Separator => pending_space = !buf.is_empty(),
                Piece::Word(word) => {
                    if pending_space {
                        buf.push(' ');
                        pending_space = false;
                    }
                    let start = buf.len();
                    buf.push_str(word);
                    span = Some(span.as_ref().map_or(start, |s| s.start)..buf.len());
                }
            });
            if let Some(span) = span {
                spans.push((id, span));
            }
        }
        PageText { buf, len, spans }
    }

    pub fn len(&self, id: NodeId) -> usize {
        self.len.get(id as usize).map_or(0, |&l| l as usize)
    }

    /// The byte range of `id`'s normalised text in [`PageText::buf`] (empty when it has none):
    /// from its first text node with words to its last. `cursor` is a span index no later than
    /// `id`'s first: callers ask in document order, so it only moves forward (one pass over the
    /// spans in all, where two binary searches per element hopped about a large array); from
    /// there the element's spans are at most its nodes, which callers keep few.
    pub fn range(&self, doc: &Document, id: NodeId, cursor: &mut usize) -> std::ops::Range<usize> {
        let nodes = doc.descendants(id);
        let before = |k: usize, end: NodeId| self.spans.get(k).is_some_and(|(t, _)| *t < end);
        while before(*cursor, nodes.start) {
            *cursor += 1;
        }
        let from = *cursor;
        let mut to = from;
        while before(to, nodes.end) {
            to += 1;
        }
        match (
            self.spans.get(from).filter(|_| from < to),
            to.checked_sub(1).and_then(|k| self.spans.get(k)),
        ) {
            (Some((_, first)), Some((_, last))) => first.start..last.end,
            _ => 0..0,
        }
    }
}

/// A word of a text node, or a run of separator characters (whitespace, U+200B, U+FEFF).
enum Piece<'t> {
    Separator,
    Word(&'t str),
}

/// Calls `f` with the words of `t` and once per run of separators, in order (ASCII told
/// from its byte, see `prep::space_at`).
fn for_each_piece<'t>(t: &'t str, mut f: impl FnMut(Piece<'t>)) {
    let bytes = t.as_bytes();
    let mut word_start: Option<usize> = None;
    let mut after_separator = false;
    let mut i = 0;
    while i < bytes.len() {
        let (space, width) = space_at(t, i);
        // Zero-width spaces and BOMs separate words too (both three bytes long).
        let separator = space || (width == 3 && t[i..].starts_with(['\u{200b}', '\u{feff}']));
        if separator {
            if let Some(s) = word_start.take() {
                f(Piece::Word(t.get(s..i).unwrap_or("")));
            }
            // One call per run: a second separator in a row tells nothing more.
            if !after_separator {
                f(Piece::Separator);
            }
        } else if word_start.is_none() {
            word_start = Some(i);
        }
        after_separator = separator;
        i += width;
    }
    if let Some(s) = word_start {
        f(Piece::Word(t.get(s..).unwrap_or("")));
    }
}

//! The page's short elements (up to [`DATE_LINE_MAX_CHARS`] characters of text) and their lines
//! of text, which the byline and date readers of [`super::read`] go through several times: the
//! text is normalised once for the whole page, nested elements share their line, and what a
//! reader learns of a line is kept with it.

use super::{byline, dates, DATE_LINE_MAX_CHARS, LINE_MAX_NODES};
use crate::dom::{Document, NodeId};
use crate::prep::space_at;
use std::cell::OnceCell;
use std::rc::Rc;

/// A short element and its line of text.
pub(super) struct Block<'a> {
    pub(super) id: NodeId,
    /// Shared by nested elements with the same text (`<p><span><a>` around one line).
    pub(super) line: Rc<Line<'a>>,
}

impl Block<'_> {
    pub(super) fn text(&self) -> &str {
        self.line.text
    }
}

/// A whitespace-normalised block text and what the passes over the blocks learnt of it, each
/// worked out at most once per line.
pub(super) struct Line<'a> {
    pub(super) text: &'a str,
    /// The ISO day of the earliest date in the text ([`dates::find_date_in_text`]); the page's
    /// language is the same for every call.
    date: OnceCell<Option<String>>,
    prefixed_byline: OnceCell<bool>,
    author_label: OnceCell<bool>,
    /// What [`date_line`] reads from the text.
    pub(super) date_line: OnceCell<Option<(String, Option<String>)>>,
}

impl<'a> Line<'a> {
    fn new(text: &'a str) -> Line<'a> {
        Line {
            text,
            date: OnceCell::new(),
            prefixed_byline: OnceCell::new(),
            author_label: OnceCell::new(),
            date_line: OnceCell::new(),
        }
    }

    pub(super) fn date(&self, lang: Option<&str>) -> Option<&str> {
        self.date
            .get_or_init(|| dates::find_date_in_text(self.text, lang).map(|d| d.iso))
            .as_deref()
    }

    pub(super) fn is_prefixed_byline(&self) -> bool {
        *self.prefixed_byline.get_or_init(|| byline::is_prefixed_byline(self.text))
    }

    pub(super) fn is_author_label(&self) -> bool {
        *self.author_label.get_or_init(|| byline::is_author_label(self.text))
    }
}

/// The text of the page's short elements, whitespace-normalised as one string (`normalize_ws`
/// of their non-raw text nodes), and where each element's text lies in it: an element's
/// normalised text is the slice from its first word to its last, since its text nodes are
/// contiguous in document order. One pass over the text instead of one copy per nested element.
pub(super) struct PageText {
    buf: String,
    /// Per node, the number of non-whitespace characters of its subtree's text, counting at
    /// most [`DATE_LINE_MAX_CHARS`] + 1 per text node (enough to tell a short element), summed
    /// with saturation at `u16::MAX`. Only "0" and "over [`DATE_LINE_MAX_CHARS`]" are read, and
    /// a saturating sum is 0 exactly when the true sum is and over that bound (< `u16::MAX`)
    /// exactly when the true sum is: two bytes per node where `usize` took eight.
    len: Vec<u16>,
    /// The text nodes with words in `buf`, in document order, and the span of their words.
    spans: Vec<(NodeId, std::ops::Range<usize>)>,
}

// What `PageText::len` saturates at must stay above the bound it tells.
const _: () = assert!(DATE_LINE_MAX_CHARS + 1 < u16::MAX as usize);

impl PageText {
    pub(super) fn new(doc: &Document) -> PageText {
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

    fn len(&self, id: NodeId) -> usize {
        self.len.get(id as usize).map_or(0, |&l| l as usize)
    }

    /// The byte range of `id`'s normalised text in [`PageText::buf`] (empty when it has none):
    /// from its first text node with words to its last. `cursor` is a span index no later than
    /// `id`'s first: callers ask in document order, so it only moves forward (one pass over the
    /// spans in all, where two binary searches per element hopped about a large array); from
    /// there the element's spans are at most its nodes, which callers keep few.
    fn range(&self, doc: &Document, id: NodeId, cursor: &mut usize) -> std::ops::Range<usize> {
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

/// Every visible element of the body with 1..=[`DATE_LINE_MAX_CHARS`] characters of text and at
/// most [`LINE_MAX_NODES`] nodes, in document order.
pub(super) fn short_blocks<'a>(doc: &Document, page: &'a PageText) -> Vec<Block<'a>> {
    let body = doc.body();
    let mut out: Vec<Block<'a>> = Vec::new();
    let mut last_range = 0..0;
    // The first span not before the element being read (see `PageText::range`).
    let mut cursor = 0;
    // About one line per text node of the short elements: sized once, not regrown.
    let mut seen: crate::prep::Map<&'a str, Rc<Line<'a>>> =
        crate::prep::Map::with_capacity_and_hasher(page.spans.len(), Default::default());
    for id in doc.descendants(body) {
        let Some(e) = doc.element(id) else { continue };
        let l = page.len(id);
        if l == 0 || l > DATE_LINE_MAX_CHARS || doc.descendants(id).len() > LINE_MAX_NODES {
            continue;
        }
        if crate::rules::RAW_TEXT_TAGS.contains(&&*e.name)
            || matches!(&*e.name, "select" | "option" | "button" | "svg")
        {
            continue;
        }
        let range = page.range(doc, id, &mut cursor);
        if range.is_empty() {
            continue;
        }
        // The previous block's text (`<p><span><a>` around one line): the same line.
        if let Some(prev) = out.last().filter(|_| range == last_range) {
            let line = Rc::clone(&prev.line);
            out.push(Block { id, line });
            continue;
        }
        // Elsewhere on the page, the same text is the same line too (teaser lists repeat
        // their dates and "By" lines): what is read from it is read once.
        let text = page.buf.get(range.clone()).unwrap_or("");
        let line = Rc::clone(seen.entry(text).or_insert_with(|| Rc::new(Line::new(text))));
        out.push(Block { id, line });
        last_range = range;
    }
    out
}

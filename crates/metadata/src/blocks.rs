//! The page's short elements (up to [`DATE_LINE_MAX_CHARS`] characters of text) and their lines
//! of text, which the byline and date readers of [`super::read`] go through several times: the
//! text is normalised once for the whole page, nested elements share their line, and what a
//! reader learns of a line is kept with it.

use super::{byline, dates, DATE_LINE_MAX_CHARS, LINE_MAX_NODES};
use crate::dom::{Document, NodeId};
pub(super) use declutter_page::meta_scan::PageText;
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
        if doc.tag_in(id, &crate::rules::RAW_TEXT_TAGS)
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

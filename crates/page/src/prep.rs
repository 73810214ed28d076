//! Node predicates shared by the stages (visibility, class weight, unlikely names) and the
//! masks of what extraction ignores. Nothing here mutates the tree: a "removed" node is a
//! `true` in a mask, and every later stage reads the mask.

use crate::dom::{Document, Element, NodeId};
use crate::rules;
use std::cell::OnceCell;

/// `class id`, lower-cased: what Readability's class/id patterns are tested against.
pub fn match_string(e: &Element) -> String {
    let mut s = String::with_capacity(e.class().len() + e.id().len() + 1);
    s.push_str(e.class());
    s.push(' ');
    s.push_str(e.id());
    crate::lower::lowercase(&s)
}

pub fn contains_any(hay: &str, needles: &[&str]) -> bool {
    needles.iter().any(|n| contains_str(hay, n))
}

/// `hay.to_ascii_lowercase().contains(needle)` for a non-empty lower-case ASCII `needle`,
/// without the copy.
pub fn contains_ascii_ci(hay: &str, needle: &str) -> bool {
    let (h, n) = (hay.as_bytes(), needle.as_bytes());
    let Some(&first) = n.first() else { return true };
    if h.len() < n.len() {
        return false;
    }
    // Only where the first letter is, in either case.
    let starts = &h[..=h.len() - n.len()];
    memchr::memchr2_iter(first.to_ascii_lowercase(), first.to_ascii_uppercase(), starts)
        .any(|i| h[i..i + n.len()].eq_ignore_ascii_case(n))
}

/// `hay.contains(needle)` for the short haystacks of this crate (class names, short blocks):
/// a scan for the first byte and a compare, without the setup of std's two-way searcher, which
/// cost more than the search itself on class names (a tenth of the plan's time).
pub fn contains_str(hay: &str, needle: &str) -> bool {
    let (h, n) = (hay.as_bytes(), needle.as_bytes());
    let Some((&first, rest)) = n.split_first() else { return true };
    if h.len() < n.len() {
        return false;
    }
    let last = h.len() - n.len();
    let mut i = 0;
    while i <= last {
        match h[i..=last].iter().position(|&b| b == first) {
            None => return false,
            Some(off) => {
                i += off;
                // A byte loop: the tokens are short, and a `memcmp` call per candidate cost more.
                if h[i + 1..i + n.len()].iter().zip(rest).all(|(a, b)| a == b) {
                    return true;
                }
                i += 1;
            }
        }
    }
    false
}

/// True when one of `words` is a whole space-separated word of `hay`.
pub fn has_word(hay: &str, words: &[&str]) -> bool {
    hay.split_ascii_whitespace().any(|w| words.contains(&w))
}

/// True when a word of `words` appears bounded by non-alphanumerics (or `_`), like the
/// `(\b|_)word(\b|_)` patterns of Readability.
pub fn has_bounded(hay: &str, words: &[&str]) -> bool {
    hay.split(|c: char| !c.is_alphanumeric()).any(|w| words.contains(&w))
}

/// An element's answers to the class/id tests, each worked out on first use and kept with the
/// page's node facts (`features::page_facts`): scoring, every attempt, cleaning, the output and
/// the plan ask about the same elements again.
#[derive(Debug, Clone, Default)]
pub struct NameCache {
    class_weight: OnceCell<f32>,
    token_reason: OnceCell<Option<&'static str>>,
    unlikely_name: OnceCell<bool>,
    share_name: OnceCell<bool>,
}

/// The answers for `id`'s class and id, kept with the first element that has the same two.
fn names(doc: &Document, id: NodeId) -> &NameCache {
    crate::features::names_of(doc, id)
}

/// [`class_weight`] of element `id` (0 for other nodes), once per element.
pub fn class_weight_of(doc: &Document, id: NodeId) -> f32 {
    let Some(e) = doc.element(id) else { return 0.0 };
    *names(doc, id).class_weight.get_or_init(|| class_weight(e))
}

/// [`token_reason`] of element `id` (`None` for other nodes), once per element.
pub fn token_reason_of(doc: &Document, id: NodeId) -> Option<&'static str> {
    let e = doc.element(id)?;
    *names(doc, id).token_reason.get_or_init(|| token_reason(e))
}

/// Whether element `id`'s class or id names a share widget (a word of [`rules::SHARE_WORDS`]),
/// once per element.
pub fn is_share_named(doc: &Document, id: NodeId) -> bool {
    let Some(e) = doc.element(id) else { return false };
    if e.class().is_empty() && e.id().is_empty() {
        return false;
    }
    *names(doc, id).share_name.get_or_init(|| has_bounded(&match_string(e), rules::SHARE_WORDS))
}

/// Readability's class weight (`_getClassWeight`): ±25 for the class, ±25 for the id.
pub fn class_weight(e: &Element) -> f32 {
    let mut w = 0.0;
    for part in [e.class(), e.id()] {
        if part.is_empty() {
            continue;
        }
        if is_negative(part)
            && !(part == e.class() && is_hidden_in_place(e) && !negative_stem(part))
        {
            w -= rules::CLASS_WEIGHT;
        }
        if POSITIVE.any_in(part) {
            w += rules::CLASS_WEIGHT;
        }
    }
    w
}

/// Whether `e` is hidden by its own attributes: then it was either left out of every attempt
/// or kept as a slide ([`is_hidden_slide`]), whose class words of state ("hidden") say how a
/// script shows it, not that it is clutter.
fn is_hidden_in_place(e: &Element) -> bool {
    may_hide(e) && !is_probably_visible(e)
}

/// [`class_weight`]'s negative test: a negative stem or word in a class or id.
fn is_negative(name: &str) -> bool {
    NEGATIVE.any_in(name) || has_word_ci(name, rules::NEGATIVE_WORDS)
}

/// [`is_negative`] on a class without its state words ([`class_stem`]).
fn negative_stem(class: &str) -> bool {
    class_stem(class).any(is_negative)
}

/// [`has_word`] on `hay` lower-cased, without the copy when it is ASCII.
fn has_word_ci(hay: &str, words: &[&str]) -> bool {
    if !hay.is_ascii() {
        return has_word(&crate::lower::lowercase(hay), words);
    }
    hay.split_ascii_whitespace().any(|w| words.iter().any(|x| w.eq_ignore_ascii_case(x)))
}

/// The hash map for keys a page chooses (class names, block texts): foldhash is seeded at
/// random, so a hostile page cannot pick thousands of colliding keys, and it costs a fraction of
/// std's SipHash (which took 2 % of all instructions).
pub type Map<K, V> = std::collections::HashMap<K, V, foldhash::fast::RandomState>;

/// Lower-case ASCII tokens by their first two bytes, to tell whether a class or id lower-cased holds
/// one of them ([`contains_any`]) in one pass over it, without lower-casing an ASCII one: this
/// test runs on every named element of the page.
pub struct TokenSet {
    tokens: &'static [&'static str],
    /// The tokens by their first two bytes (`first << 8 | second`); a token of one byte is
    /// filed under each second byte.
    by_pair: Map<u16, Vec<&'static [u8]>>,
    /// One bit per two-byte start that some token has: most places of a class name have none.
    pairs: Vec<u64>,
}

impl TokenSet {
    pub fn new(tokens: &'static [&'static str]) -> TokenSet {
        let mut set = TokenSet { tokens, by_pair: Default::default(), pairs: vec![0; 1 << 10] };
        for t in tokens {
            debug_assert!(t.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase()), "{t}");
            let b = t.as_bytes();
            let keys: Vec<u16> = match b {
                [] => continue,
                [one] => (0..=255u16).map(|second| u16::from(*one) << 8 | second).collect(),
                [first, second, ..] => vec![u16::from(*first) << 8 | u16::from(*second)],
            };
            for key in keys {
                set.pairs[key as usize >> 6] |= 1 << (key & 63);
                set.by_pair.entry(key).or_default().push(b);
            }
        }
        set
    }

    /// `contains_any(&hay.to_lowercase(), tokens)`.
    pub fn any_in(&self, hay: &str) -> bool {
        if !hay.is_ascii() {
            // Lower-casing may change lengths or give ASCII (the Kelvin sign is a 'k').
            return contains_any(&crate::lower::lowercase(hay), self.tokens);
        }
        self.any_in_ascii(hay.as_bytes(), |b: u8| b.to_ascii_lowercase())
    }

    /// Whether a token is a substring of ASCII `h` with each byte mapped by `fold`.
    pub fn any_in_ascii(&self, h: &[u8], fold: impl Fn(u8) -> u8) -> bool {
        (0..h.len()).any(|i| {
            // The byte after the last stands for any byte: one-byte tokens are filed under all.
            let second = h.get(i + 1).map_or(0, |&b| fold(b));
            let key = u16::from(fold(h[i])) << 8 | u16::from(second);
            self.pairs[key as usize >> 6] & 1 << (key & 63) != 0
                && self.by_pair[&key].iter().any(|t| {
                    h.len() - i >= t.len()
                        && h[i..i + t.len()].iter().zip(*t).all(|(&a, b)| fold(a) == *b)
                })
        })
    }
}

static NEGATIVE: std::sync::LazyLock<TokenSet> =
    std::sync::LazyLock::new(|| TokenSet::new(rules::NEGATIVE_TOKENS));
static POSITIVE: std::sync::LazyLock<TokenSet> =
    std::sync::LazyLock::new(|| TokenSet::new(rules::POSITIVE_TOKENS));
static UNLIKELY: std::sync::LazyLock<TokenSet> =
    std::sync::LazyLock::new(|| TokenSet::new(rules::UNLIKELY_TOKENS));
static MAYBE_CANDIDATE: std::sync::LazyLock<TokenSet> =
    std::sync::LazyLock::new(|| TokenSet::new(rules::MAYBE_CANDIDATE_TOKENS));
static TEASER: std::sync::LazyLock<TokenSet> =
    std::sync::LazyLock::new(|| TokenSet::new(rules::TEASER_TOKENS));

/// Whether `e`'s class or id, lower-cased, holds a [`rules::TEASER_TOKENS`] token (none holds a
/// space, so the class and the id are each looked at alone).
pub fn is_teaser_named(e: &Element) -> bool {
    TEASER.any_in(e.class()) || TEASER.any_in(e.id())
}

/// The value of one CSS property in an inline `style` attribute, lower-cased.
pub fn style_value(e: &Element, prop: &str) -> Option<String> {
    let style = e.attr("style")?;
    style.split(';').rev().find_map(|decl| {
        let (k, v) = decl.split_once(':')?;
        (k.trim().eq_ignore_ascii_case(prop))
            .then(|| v.trim().trim_end_matches("!important").trim().to_ascii_lowercase())
    })
}

/// Readability's `_isProbablyVisible`, from the markup alone.
pub fn is_probably_visible(e: &Element) -> bool {
    if style_value(e, "display").as_deref() == Some("none") {
        return false;
    }
    if style_value(e, "visibility").as_deref() == Some("hidden") {
        return false;
    }
    if e.attr("hidden").is_some() {
        return false;
    }
    if e.attr("aria-hidden") == Some("true") && !e.class().contains("fallback-image") {
        return false;
    }
    true
}

/// True for an `aria-modal="true"` dialog.
pub fn is_modal_dialog(e: &Element) -> bool {
    e.attr("aria-modal") == Some("true") && e.attr("role") == Some("dialog")
}

/// True when `id` has an ancestor with tag `tag` within `max_depth` levels (0 = any).
pub fn has_ancestor_tag(doc: &Document, id: NodeId, tag: &str, max_depth: usize) -> bool {
    doc.ancestors(id)
        .take(if max_depth == 0 { usize::MAX } else { max_depth })
        .any(|a| doc.tag(a) == tag)
}

/// Readability's unlikely-candidate test (applied while `FLAG_STRIP_UNLIKELYS` is on).
pub fn is_unlikely(doc: &Document, id: NodeId, e: &Element) -> bool {
    let name = &*e.name;
    if name == "body" || name == "a" {
        return false;
    }
    // Both read from the page's facts, not the element's attributes.
    let (unlikely_role, named) = crate::features::role_and_named(doc, id);
    if unlikely_role {
        return true;
    }
    // Without class or id the match string is a lone space: no need to build it.
    if !named {
        return false;
    }
    *names(doc, id).unlikely_name.get_or_init(|| has_unlikely_name(e))
        && !has_ancestor_tag(doc, id, "table", 3)
        && !has_ancestor_tag(doc, id, "code", 3)
        && !holds_social_embed(doc, id, |_| false)
}

/// The class/id half of [`is_unlikely`]: an unlikely token and no rescuing one in the match
/// string (no token holds a space, so none spans the class and the id: each is looked at alone).
fn has_unlikely_name(e: &Element) -> bool {
    let (class, id) = (e.class(), e.id());
    let any = |set: &TokenSet| set.any_in(class) || set.any_in(id);
    !(class.is_empty() && id.is_empty()) && any(&UNLIKELY) && !any(&MAYBE_CANDIDATE)
}

/// The lexicon's answer ([`rules::lexicon::boilerplate_reason`]) per block text, for one page:
/// every attempt's cleaning and the plan ask about the same short texts again (nested blocks,
/// retried attempts, blocks the article keeps).
#[derive(Default)]
pub struct BoilerplateMemo(std::cell::RefCell<Map<String, Option<&'static str>>>);

impl BoilerplateMemo {
    pub fn reason(&self, text: &str) -> Option<&'static str> {
        if let Some(&r) = self.0.borrow().get(text) {
            return r;
        }
        let r = rules::lexicon::boilerplate_reason(text);
        self.0.borrow_mut().insert(text.to_owned(), r);
        r
    }
}

/// Nodes never part of an article whatever the attempt: non-content tags, hidden nodes,
/// modal dialogs, and the extra nodes the caller names (metadata read out of the body).
pub fn base_mask(doc: &Document, extra: &[NodeId]) -> Vec<bool> {
    let mut removed = vec![false; doc.len()];
    let mut i = 0usize;
    while i < doc.len() {
        if never_content(doc, i as NodeId) && !is_hidden_slide(doc, i as NodeId, &removed) {
            let end = doc.nodes[i].end as usize;
            removed[i..end].iter_mut().for_each(|r| *r = true);
            i = end;
            continue;
        }
        i += 1;
    }
    for &x in extra {
        let (s, e) = (x as usize, doc.nodes[x as usize].end as usize);
        removed[s..e].iter_mut().for_each(|r| *r = true);
    }
    removed
}

/// True for a hidden element that continues a run of shown siblings of its kind: the slides of
/// a gallery or the panels of a tabbed text, which a script shows one at a time. Its element
/// sibling just before it has the same tag and the same class once the state words
/// ([`rules::SLIDE_STATE_CLASSES`]) are set aside, and is kept itself (`removed` holds the
/// answers for the nodes before `id`: the run starts with a shown one). It holds a paragraph: a
/// slider of teaser cards (an image, a category, a linked headline) stays hidden. A modal
/// dialog is never a slide.
fn is_hidden_slide(doc: &Document, id: NodeId, removed: &[bool]) -> bool {
    let Some(e) = doc.element(id) else { return false };
    if is_modal_dialog(e) || doc.tag_in(id, &rules::NON_CONTENT_TAGS) {
        return false;
    }
    let Some(prev) = prev_element_sibling(doc, id) else { return false };
    if removed[prev as usize] || doc.tag(prev) != doc.tag(id) {
        return false;
    }
    let Some(pe) = doc.element(prev) else { return false };
    class_stem(e.class()).next().is_some()
        && class_stem(e.class()).eq(class_stem(pe.class()))
        && doc.descendants(id).any(|d| doc.tag(d) == "p")
}

/// A class's tokens without the state words of [`rules::SLIDE_STATE_CLASSES`].
fn class_stem(class: &str) -> impl Iterator<Item = &str> {
    class
        .split_ascii_whitespace()
        .filter(|t| !rules::SLIDE_STATE_CLASSES.iter().any(|s| t.eq_ignore_ascii_case(s)))
}

/// The element sibling just before `id` (text and comments between skipped), found from the
/// node before it by parent links: the depth of that sibling's last branch at most, and each
/// text or comment node is stepped over for one element only.
fn prev_element_sibling(doc: &Document, id: NodeId) -> Option<NodeId> {
    let parent = doc.parent(id)?;
    let mut j = id;
    while j > parent + 1 {
        let mut k = j - 1;
        while doc.nodes[k as usize].parent != parent {
            k = doc.nodes[k as usize].parent;
        }
        if doc.is_element(k) {
            return Some(k);
        }
        j = k;
    }
    None
}

/// True for an element that is never content with its subtree: a non-content tag, a ruby
/// annotation (the reading over a word, not text of its own), a hidden element, a modal dialog.
pub fn never_content(doc: &Document, id: NodeId) -> bool {
    doc.element(id).is_some_and(|e| {
        let name = &*e.name;
        doc.tag_in(id, &rules::NON_CONTENT_TAGS) && name != "head"
            || rules::RUBY_ANNOTATION_TAGS.contains(&name)
            || may_hide(e) && (!is_probably_visible(e) || is_modal_dialog(e))
    })
}

/// Whether `e` has one of the attributes that [`is_probably_visible`] and [`is_modal_dialog`]
/// read (one pass over the attributes; most elements have none of them).
fn may_hide(e: &Element) -> bool {
    e.attrs().any(|(k, _)| matches!(k, "style" | "hidden" | "aria-hidden" | "aria-modal"))
}

/// True when `id` is, or holds near its top, an embedded social post (see
/// [`rules::SOCIAL_EMBED_CLASSES`]); `gone` names nodes to ignore.
pub fn holds_social_embed(doc: &Document, id: NodeId, gone: impl Fn(NodeId) -> bool) -> bool {
    let end = doc.nodes[id as usize].end;
    (id..end).take(rules::SOCIAL_EMBED_SCAN_NODES).any(|d| {
        !gone(d)
            && doc.tag(d) == "blockquote"
            && doc.element(d).is_some_and(|e| {
                e.class().split_ascii_whitespace().any(|c| rules::SOCIAL_EMBED_CLASSES.contains(&c))
            })
    })
}

/// Marks a whole subtree in a mask.
pub fn mark(doc: &Document, mask: &mut [bool], id: NodeId) {
    let (s, e) = (id as usize, doc.nodes[id as usize].end as usize);
    mask[s..e].iter_mut().for_each(|r| *r = true);
}

/// Lower-cased, whitespace-collapsed text of an element (only for short blocks).
pub fn inner_text(doc: &Document, id: NodeId, removed: &[bool]) -> String {
    visible_text(doc, id, |i| removed[i as usize], "")
}

/// Whitespace-normalised prose text of `id`'s subtree, leaving out the subtrees `skip` names;
/// `gap` goes between text nodes.
pub fn visible_text(
    doc: &Document,
    id: NodeId,
    skip: impl Fn(NodeId) -> bool,
    gap: &str,
) -> String {
    // Collapsed while written: no joined copy to normalise afterwards.
    let mut out = String::new();
    let mut space = false;
    let mut i = id;
    let end = doc.nodes[id as usize].end;
    while i < end {
        if skip(i) {
            i = doc.nodes[i as usize].end;
            continue;
        }
        if let Some(t) = doc.text(i) {
            if !doc.in_raw_text(i) {
                push_normalized(&mut out, t, &mut space);
                push_normalized(&mut out, gap, &mut space);
            }
        }
        i += 1;
    }
    out
}

/// Appends `s` to `out` with whitespace (`char::is_whitespace`) collapsed: a run before the
/// first word is dropped, a run between words becomes one space. `space` carries a pending run
/// from one call to the next (it is written only if a word follows).
fn push_normalized(out: &mut String, s: &str, space: &mut bool) {
    let b = s.as_bytes();
    let mut word = 0;
    let mut i = 0;
    while i < b.len() {
        // Printable ASCII, most of any text, is never whitespace.
        if (0x21..0x7f).contains(&b[i]) {
            i += 1;
            continue;
        }
        let (ws, width) = space_at(s, i);
        if ws {
            push_word(out, &s[word..i], space);
            *space |= !out.is_empty();
            word = i + width;
        }
        i += width;
    }
    push_word(out, &s[word..], space);
}

/// `char::is_whitespace` of an ASCII byte: space, tab, line feed, vertical tab, form feed,
/// carriage return (`u8::is_ascii_whitespace` leaves out the vertical tab).
#[inline(always)]
pub fn is_ascii_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t'..=b'\r')
}

/// Whether the character at byte `i` of `s` (a character boundary) is whitespace
/// (`char::is_whitespace`), and its width in bytes: ASCII is told from the byte (tab, line
/// feed, vertical tab, form feed, carriage return, space), without decoding. Always inlined:
/// called per character of the page's text, and a copy compiled in the metadata crate (at "z"
/// in the WASM build) must not be the one the text passes call.
#[inline(always)]
pub fn space_at(s: &str, i: usize) -> (bool, usize) {
    match s.as_bytes()[i] {
        b @ 0..=0x7f => (is_ascii_space(b), 1),
        // The only lead bytes of non-ASCII whitespace: U+0085 and U+00A0 (C2), U+1680 (E1),
        // U+2000–U+205F (E2), U+3000 (E3). Other characters are told by their lead byte alone.
        0xc2 | 0xe1 | 0xe2 | 0xe3 => {
            s[i..].chars().next().map_or((false, 1), |c| (c.is_whitespace(), c.len_utf8()))
        }
        0xc0..=0xdf => (false, 2),
        0xe0..=0xef => (false, 3),
        _ => (false, 4),
    }
}

fn push_word(out: &mut String, word: &str, space: &mut bool) {
    if word.is_empty() {
        return;
    }
    if std::mem::take(space) {
        out.push(' ');
    }
    out.push_str(word);
}

/// The reason named by an element's class/id words, if any. Short tokens ("ad", "nav")
/// must be whole words so that "header" or "download" do not match; long ones may be parts.
/// The first group of [`rules::REASON_TOKENS`] with a match gives the reason.
pub fn token_reason(e: &Element) -> Option<&'static str> {
    if e.class().is_empty() && e.id().is_empty() {
        return None;
    }
    let s = if e.class().split_ascii_whitespace().any(names_contents) {
        own_names(e)
    } else {
        match_string(e)
    };
    if s.trim().is_empty() {
        return None;
    }
    let index = &*REASON_INDEX;
    // The lowest group index with a match: one pass over the words and one over the bytes,
    // instead of a substring search per token (this runs for every element of the page).
    let mut best = usize::MAX;
    for w in s.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()) {
        if let Some(&(_, g)) = index.short[w.as_bytes()[0] as usize]
            .iter()
            .find(|(t, _)| t.len() == w.len() && starts_with_bytes(w.as_bytes(), t.as_bytes()))
        {
            best = best.min(g);
        }
    }
    let b = s.as_bytes();
    for i in 0..b.len() {
        for &(t, g) in &index.long[b[i] as usize] {
            if g < best && starts_with_bytes(&b[i..], t.as_bytes()) {
                best = g;
            }
        }
    }
    let reason = rules::REASON_TOKENS.get(best)?.1;
    // "paywalled", "regwalled": the text behind the wall, that is the article, not the wall.
    if reason == "paywall" && contains_any(&s, rules::WALLED_CONTENT_TOKENS) {
        return None;
    }
    // The site header is part of the site's look: only what is inside it goes.
    (reason != "header").then_some(reason)
}

/// A class that says what a block holds, not what it is: "has-sharing", "with-sidebar",
/// "header--with-abstract" (a header with share buttons in it is still the header).
fn names_contents(class: &str) -> bool {
    let c = class.as_bytes();
    rules::HOLDS_MODIFIERS.iter().any(|m| {
        let m = m.as_bytes();
        starts_with_bytes(c, m)
            || c.windows(m.len() + 1).any(|w| matches!(w[0], b'-' | b'_') && &w[1..] == m)
    })
}

/// [`match_string`] without the classes that name what the block holds.
fn own_names(e: &Element) -> String {
    let mut s = String::with_capacity(e.class().len() + e.id().len() + 1);
    for c in e.class().split_ascii_whitespace().filter(|c| !names_contents(c)) {
        s.push_str(c);
        s.push(' ');
    }
    s.push_str(e.id());
    crate::lower::lowercase(&s)
}

/// `hay.starts_with(prefix)` as a byte loop: the tokens are short, and a `memcmp` call per
/// candidate place cost more than the compare.
fn starts_with_bytes(hay: &[u8], prefix: &[u8]) -> bool {
    hay.len() >= prefix.len() && hay.iter().zip(prefix).all(|(a, b)| a == b)
}

/// [`rules::REASON_TOKENS`] with '-' trimmed off each token, each token with its group index:
/// the short ones (whole words) and the long ones (substrings), both by their first byte.
struct ReasonIndex {
    short: Vec<Vec<(&'static str, usize)>>,
    long: Vec<Vec<(&'static str, usize)>>,
}

static REASON_INDEX: std::sync::LazyLock<ReasonIndex> = std::sync::LazyLock::new(|| {
    let mut index = ReasonIndex { short: vec![Vec::new(); 256], long: vec![Vec::new(); 256] };
    for (g, (tokens, _)) in rules::REASON_TOKENS.iter().enumerate() {
        for t in tokens.iter().map(|t| t.trim_matches('-')) {
            if t.len() < rules::MIN_SUBSTRING_TOKEN {
                if let Some(&first) = t.as_bytes().first() {
                    index.short[first as usize].push((t, g));
                }
            } else if let Some(&first) = t.as_bytes().first() {
                index.long[first as usize].push((t, g));
            }
        }
    }
    index
});

/// Readability's `_textSimilarity`: 1 − (length of B's tokens missing from A ÷ length of B's
/// tokens), lower case, tokens split at the characters `splits` names. The metadata reader
/// splits as Readability's `\W+` does (`_` is a word character); the extraction's heading test
/// also splits at `_`.
pub fn text_similarity(a: &str, b: &str, splits: fn(char) -> bool) -> f32 {
    let tok = |s: &str| -> Vec<String> {
        crate::lower::lowercase(s)
            .split(splits)
            .filter(|t| !t.is_empty())
            .map(String::from)
            .collect()
    };
    let ta = tok(a);
    let tb = tok(b);
    if ta.is_empty() || tb.is_empty() {
        return 0.0;
    }
    let uniq_b: Vec<&String> = tb.iter().filter(|t| !ta.contains(t)).collect();
    let len_b = tb.iter().map(|t| t.chars().count()).sum::<usize>() + tb.len() - 1;
    let len_u =
        uniq_b.iter().map(|t| t.chars().count()).sum::<usize>() + uniq_b.len().saturating_sub(1);
    1.0 - len_u as f32 / len_b as f32
}

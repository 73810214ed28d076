//! The extraction cascade: score, select and clean under Readability's flags, relaxing one
//! flag at a time while the article comes out shorter than the threshold, and keeping the
//! longest attempt when none reaches it.

use crate::candidates::{self, Flags, Scored};
use crate::clean::{self, Cleaned};
use crate::dom::{Document, NodeId};
use crate::features::Feat;
use crate::prep;
use crate::select::{self, Selection};
use crate::Options;
use crate::{consensus, container};

/// One finished attempt.
pub struct Extraction {
    /// The heading that repeats the title (left out of the body, kept on the page).
    pub title_heading: Option<NodeId>,
    pub scored: Scored,
    pub selection: Selection,
    pub cleaned: Cleaned,
    /// How many relaxations it took (0 = all flags on).
    pub relaxations: usize,
    /// Share of text the scored article and the page's named container agree on (0..1);
    /// `None` when the page names no container.
    pub agreement: Option<f32>,
}

impl Extraction {
    /// Link density of the article's parts after cleaning; `None` when they hold no text.
    pub fn link_density(&self) -> Option<f32> {
        let (mut text, mut link) = (0.0f32, 0.0f32);
        for &p in &self.selection.parts {
            let f = &self.cleaned.feats[p as usize];
            text += f.text as f32;
            link += f.link;
        }
        (text > 0.0).then(|| link / text)
    }

    /// True when `id` was kept in the article (not removed by the attempt nor cleaned away).
    pub fn keeps(&self, id: NodeId) -> bool {
        !self.scored.removed[id as usize] && !self.cleaned.dropped[id as usize]
    }
}

/// Runs the cascade. `base` is the mask of nodes no attempt may use, `base_feats` the
/// features under it (`features::compute(doc, base)`, which the caller has already);
/// `lexicon` keeps the lexicon's answers for the page.
pub fn run(
    doc: &Document,
    base: &[bool],
    base_feats: &[Feat],
    title: Option<&str>,
    options: &Options,
    lexicon: &prep::BoilerplateMemo,
) -> Extraction {
    let title_dup = title.and_then(|t| title_heading(doc, base, base_feats, t));
    let cx = Ctx { doc, title_dup, options, lexicon, spare: Default::default() };
    // `forced`: the container-first pass, the named container as the only part.
    let attempt_in = |flags: Flags, relaxations: usize, forced: Option<NodeId>| {
        attempt(&cx, base, base_feats, flags, relaxations, forced)
    };
    let mut best = cascade(&cx, base, base_feats);
    if let Some(b) = person_box_part(doc, &best) {
        best = without_person_box(&cx, base, b).unwrap_or(best);
    }
    if let Some(c) = container::find(doc, base, base_feats) {
        let (flags, relaxations) = (best.scored.flags, best.relaxations);
        let in_container = || {
            // The named container may sit in a block the scoring set aside as unlikely (a
            // "header" column): then it is read without that flag.
            let alt = attempt_in(flags, relaxations, Some(c));
            if alt.scored.removed[c as usize] && flags.strip_unlikely {
                cx.recycle(alt);
                attempt_in(Flags { strip_unlikely: false, ..flags }, relaxations + 1, Some(c))
            } else {
                alt
            }
        };
        best = consensus::settle(doc, c, base_feats[c as usize].text, best, in_container);
    }
    if let Some(twin) = titled_twin(doc, base_feats, &best) {
        let (flags, relaxations, agreement) = (best.scored.flags, best.relaxations, best.agreement);
        let alt = attempt_in(flags, relaxations, Some(twin));
        if alt.keeps(twin) && alt.cleaned.text_len > 0 {
            best = Extraction { agreement, ..alt };
        } else {
            cx.recycle(alt);
        }
    }
    consensus::drop_person_boxes(doc, &mut best);
    include_lead(doc, base, base_feats, &mut best);
    best
}

/// What every attempt of one page shares.
struct Ctx<'a> {
    doc: &'a Document,
    title_dup: Option<NodeId>,
    options: &'a Options,
    lexicon: &'a prep::BoilerplateMemo,
    /// The feature array of the last attempt thrown away, for the next attempt to reuse.
    spare: std::cell::Cell<Vec<Feat>>,
}

impl Ctx<'_> {
    /// Keeps a discarded attempt's feature array for the next attempt.
    fn recycle(&self, ex: Extraction) {
        self.spare.set(ex.cleaned.feats);
    }
}

/// One attempt: score, select (or take the `forced` container as the only part), clean.
fn attempt(
    cx: &Ctx<'_>,
    base: &[bool],
    base_feats: &[Feat],
    flags: Flags,
    relaxations: usize,
    forced: Option<NodeId>,
) -> Extraction {
    let mut scored =
        candidates::score(cx.doc, base, base_feats, cx.title_dup, flags, cx.spare.take());
    let selection = match forced {
        Some(c) => select::forced(&scored, c),
        None => {
            let mut sel = select::select(cx.doc, &scored, cx.options.top_candidates);
            select::add_split_twins(cx.doc, &scored, &mut sel);
            sel
        }
    };
    let feats = std::mem::take(&mut scored.feats);
    let cleaned = clean::clean(cx.doc, &scored, feats, &selection, cx.lexicon);
    Extraction {
        title_heading: cx.title_dup,
        scored,
        selection,
        cleaned,
        relaxations,
        agreement: None,
    }
}

/// Readability's cascade: all flags on, then one relaxed at a time while the article is
/// shorter than the threshold; the first long enough attempt wins, else the longest.
fn cascade(cx: &Ctx<'_>, base: &[bool], base_feats: &[Feat]) -> Extraction {
    let mut flags = Flags::ALL;
    let mut best = attempt(cx, base, base_feats, flags, 0, None);
    let mut relaxations = 0;
    while best.cleaned.text_len < cx.options.char_threshold {
        let Some(next) = flags.relax() else { break };
        flags = next;
        relaxations += 1;
        let this = attempt(cx, base, base_feats, flags, relaxations, None);
        if this.cleaned.text_len >= cx.options.char_threshold
            || this.cleaned.text_len > best.cleaned.text_len
        {
            cx.recycle(std::mem::replace(&mut best, this));
        } else {
            cx.recycle(this);
        }
        if best.cleaned.text_len >= cx.options.char_threshold {
            break;
        }
    }
    best
}

/// Beyond Readability: on a short post, the author's bio under it may hold more prose than
/// the post and win the scoring. A part that is itself a person box (named so, small) is
/// never the article: returns that part, if any.
fn person_box_part(doc: &Document, ex: &Extraction) -> Option<NodeId> {
    if ex.selection.whole_body {
        return None;
    }
    ex.selection.parts.iter().copied().find(|&p| consensus::is_person_box(doc, ex, p))
}

/// The cascade again with the person box `b` set aside (its features recounted without it:
/// once, on the few pages where the box won); `None` when nothing else is found.
fn without_person_box(cx: &Ctx<'_>, base: &[bool], b: NodeId) -> Option<Extraction> {
    let mut mask = base.to_vec();
    prep::mark(cx.doc, &mut mask, b);
    let feats = crate::features::compute(cx.doc, &mask);
    let alt = cascade(cx, &mask, &feats);
    (!alt.selection.whole_body && alt.cleaned.text_len > 0).then_some(alt)
}

/// Beyond Readability: a page that stacks the next stories below its own (infinite scroll)
/// repeats the story's block, same tag and class, once per story, and the scoring may pick a
/// later, longer one. When the article leaves out the heading that repeats the page's title,
/// and a twin of the article's block (or of one of its ancestors) holds that heading and a
/// story's worth of text, the twin is the page's own story.
fn titled_twin(doc: &Document, feats: &[Feat], ex: &Extraction) -> Option<NodeId> {
    let t = ex.title_heading?;
    if ex.selection.whole_body || ex.selection.parts.iter().any(|&p| doc.contains(p, t)) {
        return None;
    }
    let body = doc.body();
    let mut node = ex.selection.top;
    for _ in 0..crate::rules::TWIN_SEARCH_LEVELS {
        let parent = doc.parent(node)?;
        if node == body || parent == body {
            return None;
        }
        let e = doc.element(node)?;
        if !e.class().is_empty() {
            let twin = doc.element_children(parent).find(|&s| {
                s != node
                    && doc.contains(s, t)
                    && doc.element(s).is_some_and(|x| x.name == e.name && x.class() == e.class())
            });
            if let Some(tw) = twin {
                if (feats[tw as usize].text as usize) < crate::rules::TWIN_MIN_CHARS {
                    return None;
                }
                // The block in the twin that stands where the chosen one stood in its own.
                let top = doc.element(ex.selection.top)?;
                let same = doc.descendants(tw).find(|&d| {
                    doc.element(d).is_some_and(|x| x.name == top.name && x.class() == top.class())
                });
                return Some(same.unwrap_or(tw));
            }
        }
        node = parent;
    }
    None
}

/// Beyond Readability: a lead (standfirst, "chapô", "entradilla") styled as a heading or set in
/// the article header often sits outside the chosen container, and readers lose it (a common
/// complaint). Before the first part, look back through the preceding siblings of the part and
/// of its ancestors (up to the body) for the nearest element named as a lead, with a sentence or
/// two of prose and few links, and put it in front of the article.
fn include_lead(doc: &Document, base: &[bool], base_feats: &[Feat], ex: &mut Extraction) {
    let Some(&first) = ex.selection.parts.first() else { return };
    if ex.selection.whole_body {
        return;
    }
    let body = doc.body();
    let mut node = first;
    for _ in 0..crate::rules::LEAD_SEARCH_LEVELS {
        let Some(parent) = doc.parent(node) else { return };
        let preceding: Vec<NodeId> =
            doc.element_children(parent).take_while(|&c| c != node).collect();
        for &sib in preceding.iter().rev() {
            let found = doc
                .descendants(sib)
                .filter(|&d| doc.element(d).is_some())
                .find(|&d| is_lead(doc, base, base_feats, d));
            if let Some(lead) = found {
                // The lead may sit in a block the attempt set aside as unlikely (a "story-header"):
                // it comes back with its page figures; hidden and non-content nodes stay out.
                let (s, e) = (lead as usize, doc.nodes[lead as usize].end as usize);
                for i in s..e {
                    ex.scored.removed[i] = base[i];
                    ex.cleaned.dropped[i] = false;
                    ex.cleaned.feats[i] = base_feats[i];
                }
                ex.selection.parts.insert(0, lead);
                return;
            }
        }
        if parent == body {
            return;
        }
        node = parent;
    }
}

fn is_lead(doc: &Document, base: &[bool], feats: &[Feat], id: NodeId) -> bool {
    let Some(e) = doc.element(id) else { return false };
    if base[id as usize] {
        return false;
    }
    // The figures first: they are at hand, the name needs a lower-cased copy.
    let f = &feats[id as usize];
    let len = f.text as usize;
    (crate::rules::LEAD_MIN_CHARS..=crate::rules::LEAD_MAX_CHARS).contains(&len)
        && f.link_density() < crate::rules::LEAD_MAX_LINK_DENSITY
        && prep::has_bounded(&prep::match_string(e), crate::rules::LEAD_TOKENS)
}

/// The first `h1`/`h2` that repeats the title (Readability removes it from the body: the
/// reader view shows the title itself).
fn title_heading(doc: &Document, base: &[bool], feats: &[Feat], title: &str) -> Option<NodeId> {
    doc.unmasked_elements(base).find(|&id| {
        matches!(doc.tag(id), "h1" | "h2") && feats[id as usize].text < 1000 && {
            let text = prep::inner_text(doc, id, base);
            text_similarity(title, &text) > crate::rules::TITLE_SIMILARITY
                || kicker_then_title(&text, title)
        }
    })
}

/// Beyond Readability: a headline set with its kicker in one heading ("Thema Verbraucherschutz
/// Mehr Transparenz bei Preisanpassungen" under the title "Transparenz bei Preisanpassungen")
/// repeats the title after a few words of its own, too few words of the heading are the
/// title's for Readability's test. It ends with the whole title, which is long enough not to
/// end a heading by chance, and the kicker is shorter than the title.
fn kicker_then_title(heading: &str, title: &str) -> bool {
    let (h, t) = (heading.trim(), title.trim());
    t.chars().count() >= crate::rules::KICKER_TITLE_MIN_CHARS
        && h.len() < 2 * t.len()
        && h.ends_with(t)
}

/// Readability's `_textSimilarity` ([`prep::text_similarity`]) with Unicode-aware tokens split
/// at every non-alphanumeric character (Readability's `\W+` split breaks accented and Arabic
/// words).
pub fn text_similarity(a: &str, b: &str) -> f32 {
    prep::text_similarity(a, b, |c| !c.is_alphanumeric())
}

//! Cleaning inside the chosen article (Readability's `_prepArticle`), plus our multilingual
//! boilerplate pass. Produces a mask of dropped nodes, each with a reason for the plan.
//!
//! Readability removes nodes as it goes and later checks see the smaller tree. We keep that
//! behaviour cheaply: features are sums, so dropping a node subtracts its figures from its
//! ancestors (O(depth)); nothing is re-counted.

use crate::candidates::Scored;
use crate::dom::{Document, NodeId, NONE};
use crate::features::Feat;
use crate::prep;
use crate::rules;
use crate::select::Selection;

/// What cleaning decided for one attempt.
pub struct Cleaned {
    /// Nodes dropped from the article (true = dropped with its subtree), on top of `Scored::removed`.
    pub dropped: Vec<bool>,
    /// The roots of dropped subtrees that are page clutter, with the reason (for the plan).
    pub reasons: Vec<(NodeId, &'static str)>,
    /// Every dropped root with why, in the order dropped (for "show what was removed").
    pub log: Vec<(NodeId, &'static str)>,
    /// Features after cleaning.
    pub feats: Vec<Feat>,
    /// Tables judged to hold data (kept whatever their link density).
    pub data_tables: Vec<bool>,
    /// Characters of text left in the article.
    pub text_len: usize,
}

struct Cleaner<'a> {
    doc: &'a Document,
    lexicon: &'a prep::BoilerplateMemo,
    removed: &'a [bool],
    dropped: Vec<bool>,
    feats: Vec<Feat>,
    reasons: Vec<(NodeId, &'static str)>,
    log: Vec<(NodeId, &'static str)>,
    data_tables: Vec<bool>,
    as_paragraph: &'a [bool],
    /// For each of [`SWEPT_TAGS`], its nodes in the parts that the attempt kept, as (part's
    /// position, node) in document order: found in one walk, not one per pass.
    by_tag: Vec<Vec<(usize, NodeId)>>,
    /// The data tables in the parts, in document order (most pages have none).
    data_table_list: Vec<NodeId>,
    /// Nodes below a data table; empty when there is none. Found once, in one pass over the
    /// tables' ranges, so that a page nested thousands deep does not walk its ancestors per node.
    under_data_table: Vec<bool>,
}

/// The tags the cleaning passes look for.
const SWEPT_TAGS: &[&str] = &[
    "table", "form", "fieldset", "object", "embed", "footer", "link", "aside", "iframe", "input",
    "textarea", "select", "button", "h1", "h2", "ul", "div",
];

/// The nodes of each of [`SWEPT_TAGS`] in the parts, leaving out removed subtrees. A dropped or
/// removed node's whole subtree is marked, so a node listed here is live while it is unmarked.
fn index_tags(doc: &Document, removed: &[bool], parts: &[NodeId]) -> Vec<Vec<(usize, NodeId)>> {
    let mut by_tag = vec![Vec::new(); SWEPT_TAGS.len()];
    for (k, &p) in parts.iter().enumerate() {
        let mut i = p;
        let end = doc.nodes[p as usize].end;
        while i < end {
            if removed[i as usize] {
                i = doc.nodes[i as usize].end;
                continue;
            }
            let tag = doc.tag(i);
            if let Some(t) = SWEPT_TAGS.iter().position(|t| *t == tag) {
                by_tag[t].push((k, i));
            }
            i += 1;
        }
    }
    by_tag
}

impl Cleaner<'_> {
    fn gone(&self, id: NodeId) -> bool {
        self.removed[id as usize] || self.dropped[id as usize]
    }

    /// Live nodes with one of `tags` (of [`SWEPT_TAGS`]) inside the parts, in document order.
    fn nodes_with(&self, tags: &[&str]) -> Vec<NodeId> {
        let mut out: Vec<(usize, NodeId)> = Vec::new();
        for tag in tags {
            let k = SWEPT_TAGS
                .iter()
                .position(|t| t == tag)
                .expect("a tag the cleaning looks for is in SWEPT_TAGS");
            out.extend(self.by_tag[k].iter().filter(|&&(_, i)| !self.gone(i)));
        }
        if tags.len() > 1 {
            crate::sort::sort(&mut out);
        }
        out.into_iter().map(|(_, i)| i).collect()
    }

    /// Drops `id` as page clutter named `reason` (shown in the plan too), or, with `None`, as
    /// `label` (a reason for the reader only).
    fn drop(&mut self, id: NodeId, reason: Option<&'static str>, label: &'static str) {
        if self.gone(id) {
            return;
        }
        let f = self.feats[id as usize];
        let mut a = self.doc.nodes[id as usize].parent;
        while a != NONE {
            self.feats[a as usize].sub(&f);
            a = self.doc.nodes[a as usize].parent;
        }
        prep::mark(self.doc, &mut self.dropped, id);
        if let Some(r) = reason {
            self.reasons.push((id, r));
        }
        self.log.push((id, reason.unwrap_or(label)));
    }

    fn has_data_table_ancestor(&self, id: NodeId) -> bool {
        self.under_data_table.get(id as usize).copied().unwrap_or(false)
    }

    /// A live data table below `id`: the list's tables within `id`'s range, not its subtree.
    fn contains_data_table(&self, id: NodeId) -> bool {
        let end = self.doc.nodes[id as usize].end;
        let first = self.data_table_list.partition_point(|&t| t <= id);
        self.data_table_list[first..].iter().take_while(|&&t| t < end).any(|&t| !self.gone(t))
    }
}

/// True when an embed points at a known video host (kept in the article).
pub fn is_video_embed(doc: &Document, id: NodeId) -> bool {
    doc.element(id).map(|e| e.attrs().any(|(_, v)| is_video_url(v))).unwrap_or(false)
}

/// An http(s) (or protocol-relative) URL whose host is one of [`rules::VIDEO_HOSTS`], compared
/// whole: a substring test took `https://evil.example/?//www.youtube.com/embed` for a video
/// (tests/hostile.rs, vector iframe-fake-video-host).
pub fn is_video_url(value: &str) -> bool {
    let v = value.trim();
    let parsed = if v.starts_with("//") {
        crate::address::parse(&format!("https:{v}"))
    } else {
        crate::address::parse(v)
    };
    let Ok(u) = parsed else { return false };
    let host = u.host_str().unwrap_or("");
    matches!(u.scheme(), "http" | "https")
        && rules::VIDEO_HOSTS.iter().any(|h| h.trim_start_matches('/') == host)
}

/// Readability's `_markDataTables` for one table.
fn is_data_table(doc: &Document, table: NodeId) -> bool {
    let Some(e) = doc.element(table) else { return false };
    if e.attr("role") == Some("presentation") || e.attr("datatable") == Some("0") {
        return false;
    }
    if e.attr("summary").is_some() {
        return true;
    }
    let mut rows = 0u32;
    let mut max_cols = 0u32;
    let mut has_caption_text = false;
    for d in doc.descendants(table).skip(1) {
        match doc.tag(d) {
            "caption" if !doc.text_content(d).trim().is_empty() => has_caption_text = true,
            "col" | "colgroup" | "tfoot" | "thead" | "th" => return true,
            "table" => return false,
            "tr" => {
                let span = |id: NodeId, a: &str| {
                    doc.element(id)
                        .and_then(|e| e.attr(a))
                        .and_then(|v| v.trim().parse::<u32>().ok())
                        .unwrap_or(1)
                        .max(1)
                };
                rows += span(d, "rowspan");
                let cols: u32 = doc
                    .element_children(d)
                    .filter(|&c| doc.tag(c) == "td")
                    .map(|c| span(c, "colspan"))
                    .sum();
                max_cols = max_cols.max(cols);
            }
            _ => {}
        }
    }
    if has_caption_text {
        return true;
    }
    if rows == 1 || max_cols == 1 {
        return false;
    }
    if rows >= 10 || max_cols > 4 {
        return true;
    }
    rows * max_cols > 10
}

/// Cleans the article parts chosen by `sel`; `feats` are the attempt's (`Scored::feats`, moved
/// here: cleaning subtracts from them).
pub fn clean(
    doc: &Document,
    s: &Scored,
    feats: Vec<Feat>,
    sel: &Selection,
    lexicon: &prep::BoilerplateMemo,
) -> Cleaned {
    let mut c = Cleaner {
        doc,
        lexicon,
        removed: &s.removed,
        dropped: vec![false; doc.len()],
        feats,
        reasons: Vec::new(),
        log: Vec::new(),
        data_tables: vec![false; doc.len()],
        as_paragraph: &s.as_paragraph,
        by_tag: index_tags(doc, &s.removed, &sel.parts),
        data_table_list: Vec::new(),
        under_data_table: Vec::new(),
    };
    let parts = &sel.parts;
    for t in c.nodes_with(&["table"]) {
        if is_data_table(doc, t) {
            c.data_tables[t as usize] = true;
            c.data_table_list.push(t);
        }
    }
    if !c.data_table_list.is_empty() {
        let mut under = vec![false; doc.len()];
        for &t in &c.data_table_list {
            // A table inside another's range is already marked with it.
            if !under[t as usize] {
                under[t as usize + 1..doc.nodes[t as usize].end as usize].fill(true);
            }
        }
        c.under_data_table = under;
    }
    let flags = s.flags;
    if flags.clean_conditionally {
        for tag in ["form", "fieldset"] {
            clean_conditionally(&mut c, tag, flags.weight_classes);
        }
    }
    // Never article content, whatever they hold (video embeds excepted).
    for (tag, reason) in [
        ("object", None),
        ("embed", None),
        ("footer", Some("footer")),
        ("link", None),
        ("aside", Some("sidebar")),
    ] {
        let label = reason.unwrap_or("embedded object");
        for id in c.nodes_with(&[tag]) {
            if matches!(tag, "object" | "embed") && is_video_embed(doc, id) {
                continue;
            }
            c.drop(id, reason, label);
        }
    }
    // Share widgets below the parts (not the parts themselves).
    sweep(&mut c, parts, false, |c, i| {
        c.doc.element(i)?;
        let share = prep::is_share_named(c.doc, i)
            && (c.feats[i as usize].text as usize) < rules::SHARE_MAX_TEXT
            && !prep::holds_social_embed(c.doc, i, |d| c.gone(d));
        share.then(|| (vec![i], "share bar"))
    });
    for tag in ["iframe", "input", "textarea", "select", "button"] {
        for id in c.nodes_with(&[tag]) {
            if tag == "iframe" && is_video_embed(doc, id) {
                continue;
            }
            let reason = if tag == "iframe" { Some("embedded frame") } else { None };
            c.drop(id, reason, "form control");
        }
    }
    if flags.weight_classes {
        for id in c.nodes_with(&["h1", "h2"]) {
            if prep::class_weight_of(doc, id) < 0.0 {
                c.drop(id, None, "heading marked as clutter");
            }
        }
    }
    if flags.clean_conditionally {
        for tag in ["table", "ul", "div"] {
            clean_conditionally(&mut c, tag, flags.weight_classes);
        }
    }
    drop_named_clutter(&mut c, parts);
    drop_teaser_cards(&mut c, parts);
    drop_teaser_labels(&mut c, parts);
    drop_boilerplate(&mut c, parts);
    drop_signup_invitations(&mut c, parts);
    drop_tail(&mut c, parts);
    let text_len =
        parts.iter().filter(|&&p| !c.gone(p)).map(|&p| c.feats[p as usize].text as usize).sum();
    Cleaned {
        dropped: c.dropped,
        reasons: c.reasons,
        log: c.log,
        feats: c.feats,
        data_tables: c.data_tables,
        text_len,
    }
}

/// True when the node's whole text is one of `words` (an "Advertisement" label, "Loading…").
fn text_is(c: &Cleaner<'_>, id: NodeId, words: &[&str]) -> bool {
    let t = crate::lower::lowercase(&block_text(c, id));
    let t = t.trim_end_matches(['…', '.']).trim();
    words.contains(&t)
}

/// Readability's `_cleanConditionally`: drops `tag` nodes that look like clutter, last first.
fn clean_conditionally(c: &mut Cleaner<'_>, tag: &str, weight_classes: bool) {
    let doc = c.doc;
    let nodes = c.nodes_with(&[tag]);
    for &id in nodes.iter().rev() {
        // A div that reads as a paragraph is a <p> to Readability, out of reach of this pass.
        if c.gone(id) || (tag == "div" && c.as_paragraph[id as usize]) {
            continue;
        }
        if doc.element(id).is_none() {
            continue;
        }
        let f = c.feats[id as usize];
        let mut is_list = tag == "ul" || tag == "ol";
        if !is_list && f.text > 0 {
            is_list = f.list_text as f32 / f.text as f32 > rules::CLEAN_LIST_TEXT_SHARE;
        }
        if tag == "table" && c.data_tables[id as usize] {
            continue;
        }
        if c.has_data_table_ancestor(id) || prep::has_ancestor_tag(doc, id, "code", 3) {
            continue;
        }
        if c.contains_data_table(id) {
            continue;
        }
        let weight = if weight_classes { prep::class_weight_of(doc, id) } else { 0.0 };
        if weight < 0.0 {
            c.drop(id, Some(reason_for(doc, id)), "");
            continue;
        }
        if (f.ascii_commas as usize) >= rules::CLEAN_MAX_COMMAS {
            continue;
        }
        let p = f.p() as i64;
        let img = f.img() as i64;
        let li = f.li() as i64 - rules::CLEAN_LI_EXCESS;
        let input = f.input() as i64;
        let heading_density = if f.text > 0 { f.heading_text as f32 / f.text as f32 } else { 0.0 };
        // Embeds: a video keeps the node; others count against it.
        let mut embeds = 0;
        let mut video = false;
        // `f.embed` counts the live embeds below (the tags cleaned here are not embeds): most
        // blocks have none, and their subtree need not be walked.
        for d in doc.descendants(id).skip(1).take(if f.embed() > 0 { usize::MAX } else { 0 }) {
            if c.gone(d) {
                continue;
            }
            if matches!(doc.tag(d), "object" | "embed" | "iframe") {
                if is_video_embed(doc, d) {
                    video = true;
                    break;
                }
                embeds += 1;
            }
        }
        if video {
            continue;
        }
        if f.text < 40 && text_is(c, id, rules::AD_WORDS) {
            c.drop(id, Some("advertisement"), "");
            continue;
        }
        if f.text < 40 && text_is(c, id, rules::LOADING_WORDS) {
            c.drop(id, None, "loading label");
            continue;
        }
        let len = f.text as usize;
        let ld = f.link_density();
        let in_figure = prep::has_ancestor_tag(doc, id, "figure", 3);
        let mut remove = false;
        if !in_figure && img > 1 && (p as f32 / img as f32) < 0.5 {
            remove = true;
        }
        if !is_list && li > p {
            remove = true;
        }
        if input > p / 3 {
            remove = true;
        }
        if !is_list
            && !in_figure
            && heading_density < rules::CLEAN_HEADING_DENSITY
            && len < rules::CLEAN_MIN_TEXT
            && (img == 0 || img > 2)
            && ld > 0.0
        {
            remove = true;
        }
        if !is_list && weight < rules::CLEAN_HEAVY_WEIGHT && ld > rules::CLEAN_LINK_DENSITY {
            remove = true;
        }
        if weight >= rules::CLEAN_HEAVY_WEIGHT && ld > rules::CLEAN_LINK_DENSITY_HEAVY {
            remove = true;
        }
        if (embeds == 1 && len < rules::CLEAN_EMBED_MIN_TEXT) || embeds > 1 {
            remove = true;
        }
        if img == 0 && f.textish == 0 {
            remove = true;
        }
        // Lists of images stay (galleries).
        if is_list && remove {
            let simple = doc
                .element_children(id)
                .filter(|&k| !c.gone(k))
                .all(|k| doc.element_children(k).filter(|&g| !c.gone(g)).count() <= 1);
            if simple && f.img() == f.li() {
                remove = false;
            }
        }
        if remove {
            let reason = if ld > rules::CLEAN_LINK_DENSITY { Some("related links") } else { None };
            c.drop(id, reason, "more links, images or forms than text");
        }
    }
}

/// A breadcrumb trail ("Home » Blog » Politics") named as one: inside the article it is the
/// site's navigation, whatever its tag (themes print it as a `p` or a `nav` above the title).
fn names_breadcrumb(e: &crate::dom::Element) -> bool {
    [e.class(), e.id()]
        .iter()
        .any(|n| rules::BREADCRUMB_TOKENS.iter().any(|t| prep::contains_ascii_ci(n, t)))
}

/// A human reason for a negatively weighted block, from the words of its class/id.
pub fn reason_for(doc: &Document, id: NodeId) -> &'static str {
    prep::token_reason_of(doc, id).unwrap_or("clutter")
}

/// Beyond Readability: small blocks inside the article whose class or id names them as
/// clutter (an ad slot, a newsletter box, a paywall, a share bar between paragraphs).
fn drop_named_clutter(c: &mut Cleaner<'_>, parts: &[NodeId]) {
    sweep(c, parts, false, |c, i| {
        let e = c.doc.element(i)?;
        let small = (c.feats[i as usize].text as usize) <= rules::IN_ARTICLE_CLUTTER_MAX_CHARS;
        let container = rules::NAMED_CLUTTER_TAGS.contains(&&*e.name);
        if container && small && names_breadcrumb(e) {
            return Some((vec![i], "navigation"));
        }
        let r = prep::token_reason_of(c.doc, i)
            .filter(|r| container && small && rules::IN_ARTICLE_CLUTTER.contains(r))?;
        (!prep::holds_social_embed(c.doc, i, |d| c.gone(d))).then(|| (vec![i], r))
    });
}

/// Beyond Readability: a card announcing another article inside the text (or a grid of them):
/// a block whose class names it a teaser and whose heading is a link. The heading-link tells
/// it from a lead, which German CMSs also call "teaser" but which links nowhere as a whole.
fn drop_teaser_cards(c: &mut Cleaner<'_>, parts: &[NodeId]) {
    sweep(c, parts, false, |c, i| {
        let e = c.doc.element(i)?;
        let small = (c.feats[i as usize].text as usize) <= rules::TEASER_MAX_CHARS;
        let named = small && prep::is_teaser_named(e);
        (named && (holds_heading_link(c, i) || ends_with_more_link(c, i)))
            .then(|| (vec![i], "related links"))
    });
}

/// Beyond Readability: a teaser grid too long to go as one block loses its cards one by one
/// above, and leaves its label ("Mehr zu Klima und Konsum", "À lire aussi") over nothing: a
/// teaser-named block that now holds only a short unlinked line, where cards were dropped.
fn drop_teaser_labels(c: &mut Cleaner<'_>, parts: &[NodeId]) {
    sweep(c, parts, false, |c, i| {
        let e = c.doc.element(i)?;
        let f = &c.feats[i as usize];
        let label = f.text > 0 && is_tail_label(c, i) && prep::is_teaser_named(e);
        let emptied = label
            && c.doc
                .descendants(i)
                .skip(1)
                .take(rules::TEASER_SCAN_NODES)
                .any(|d| c.dropped[d as usize]);
        emptied.then(|| (vec![i], "related links"))
    });
}

/// True when a teaser card's heading is plain text but the card ends on a short link of its
/// own ("Mehr erfahren", "Lire la suite", "Leer más"): the card, not its heading, leads to the
/// other article. The link is not inside a sentence, which tells it from a lead's inline
/// link; a heading must come before it.
fn ends_with_more_link(c: &Cleaner<'_>, id: NodeId) -> bool {
    let doc = c.doc;
    if (c.feats[id as usize].text as usize) > rules::TEASER_MORE_CARD_MAX_CHARS {
        return false;
    }
    let live = |d: NodeId| !c.gone(d) && doc.element(d).is_some();
    let Some(link) = doc.descendants(id).skip(1).filter(|&d| live(d) && doc.tag(d) == "a").last()
    else {
        return false;
    };
    let text = c.feats[link as usize].text as usize;
    if text == 0 || text > rules::TEASER_MORE_LINK_MAX_CHARS {
        return false;
    }
    let heading_before = doc
        .descendants(id)
        .skip(1)
        .take_while(|&d| d < link)
        .any(|d| live(d) && is_heading(doc, d) && c.feats[d as usize].text > 0);
    // Not a link inside a sentence: no paragraph around it holds more than the link.
    let alone = doc
        .ancestors(link)
        .take_while(|&a| a != id)
        .filter(|&a| doc.tag(a) == "p" || c.as_paragraph[a as usize])
        .all(|p| c.feats[p as usize].text as usize == text);
    heading_before && alone
}

/// True when a heading below `id` (within [`rules::TEASER_SCAN_NODES`] nodes) is all link
/// text, or sits inside a link that is itself inside `id`. Headings that cleaning already
/// dropped count (a grid whose cards went leaves its label, which goes with it now).
fn holds_heading_link(c: &Cleaner<'_>, id: NodeId) -> bool {
    let doc = c.doc;
    let is_link = doc.tag(id) == "a";
    doc.descendants(id).skip(1).take(rules::TEASER_SCAN_NODES).any(|d| {
        if c.removed[d as usize] || !is_heading(doc, d) {
            return false;
        }
        let f = c.feats[d as usize];
        let linked = f.text > 0 && f.link_density() >= rules::TEASER_HEADING_LINK_SHARE;
        linked || is_link || doc.ancestors(d).take_while(|&a| a != id).any(|a| doc.tag(a) == "a")
    })
}

/// Beyond Readability: short blocks whose words say they are boilerplate, in any of the
/// lexicon's languages ("Lire aussi : …", "اقرأ أيضا", "Cliquez ici pour lire l'article depuis
/// sa source"). A bare label ("Lesen Sie auch:") takes the list of links after it along.
fn drop_boilerplate(c: &mut Cleaner<'_>, parts: &[NodeId]) {
    sweep(c, parts, true, |c, i| {
        let doc = c.doc;
        let f = c.feats[i as usize];
        if f.text == 0 || (f.text as usize) > rules::BOILERPLATE_MAX_CHARS {
            return None;
        }
        let is_block = doc
            .element(i)
            .map(|e| {
                rules::BOILERPLATE_BLOCK_TAGS.contains(&&*e.name) || c.as_paragraph[i as usize]
            })
            .unwrap_or(false);
        // A cell of a layout table is a block too (a cell of data is not: the row would break).
        if !is_block && !(doc.tag(i) == "td" && !c.has_data_table_ancestor(i)) {
            return None;
        }
        let text = block_text(c, i);
        let reason = c.lexicon.reason(&text)?;
        if rules::LABELS_KEPT_OVER_THEIR_LIST.contains(&reason) && announces(&text) {
            return None;
        }
        let mut drop = vec![i];
        // A bare label takes the run of links after it along: every link block that follows
        // it ("Mehr lesen:" over one linked headline per paragraph), up to the first that is not.
        if text.chars().count() <= rules::BOILERPLATE_LABEL_MAX_CHARS {
            drop.extend(live_siblings_after(c, i).take_while(|&n| {
                c.feats[n as usize].link_density() >= rules::LINK_RUN_MIN_DENSITY
            }));
        }
        // A paywall note below the teaser takes the wall's pitch after it along.
        if reason == "paywall" {
            drop.extend(paywall_pitch(c, i));
        }
        Some((drop, reason))
    });
}

/// Beyond Readability: a short block whose every link leads to a newsletter's sign-up page
/// ([`rules::SIGNUP_PATH_WORDS`]) invites the reader to sign up, in whatever words and
/// language: the link's address says what the block is for.
fn drop_signup_invitations(c: &mut Cleaner<'_>, parts: &[NodeId]) {
    let total: u32 = parts.iter().filter(|&&p| !c.gone(p)).map(|&p| c.feats[p as usize].text).sum();
    sweep(c, parts, true, |c, i| {
        let doc = c.doc;
        let f = c.feats[i as usize];
        if f.text == 0 || f.links() == 0 || (f.text as usize) > rules::SIGNUP_INVITATION_MAX_CHARS {
            return None;
        }
        let e = doc.element(i)?;
        if !rules::SIGNUP_BLOCK_TAGS.contains(&&*e.name) && !c.as_paragraph[i as usize] {
            return None;
        }
        let mut links = doc.descendants(i).filter(|&d| doc.tag(d) == "a" && !c.gone(d)).peekable();
        links.peek()?;
        let signup = links
            .all(|a| doc.element(a).and_then(|e| e.attr("href")).is_some_and(is_signup_address));
        let closing = signup
            && text_after(c, parts, i) as f32 <= rules::SIGNUP_CLOSING_MAX_SHARE * total as f32;
        closing.then(|| (vec![i], "newsletter"))
    });
}

/// Characters of live article text after `id` (in its part, then in the parts after it).
fn text_after(c: &Cleaner<'_>, parts: &[NodeId], id: NodeId) -> u32 {
    let doc = c.doc;
    let live_text = |k: NodeId| if c.gone(k) { 0 } else { c.feats[k as usize].text };
    let Some(part) = parts.iter().position(|&p| p <= id && id < doc.nodes[p as usize].end) else {
        return 0;
    };
    let mut after: u32 = parts[part + 1..].iter().map(|&p| live_text(p)).sum();
    let mut child = id;
    for a in doc.ancestors(id) {
        if child == parts[part] {
            break;
        }
        let later = doc.element_children(a).skip_while(|&k| k != child).skip(1);
        after += later.map(live_text).sum::<u32>();
        child = a;
    }
    after
}

/// True when a link's address leads to a newsletter's sign-up page: one of
/// [`rules::SIGNUP_PATH_WORDS`] in its path or query (not in its host).
fn is_signup_address(href: &str) -> bool {
    let rest = match href.find("//") {
        Some(k) => href[k + 2..].find('/').map_or("", |s| &href[k + 2 + s..]),
        None => href,
    };
    rules::SIGNUP_PATH_WORDS.iter().any(|w| prep::contains_ascii_ci(rest, w))
}

/// The blocks after a paywall note in its container, when the note sits below the teaser
/// (text before it) and they hold at most [`rules::PAYWALL_PITCH_MAX_SHARE`] of the teaser's
/// text; none otherwise.
fn paywall_pitch(c: &Cleaner<'_>, note: NodeId) -> Vec<NodeId> {
    let Some(parent) = c.doc.parent(note) else { return Vec::new() };
    let text = |k: NodeId| c.feats[k as usize].text;
    let before: u32 = c
        .doc
        .element_children(parent)
        .take_while(|&k| k != note)
        .filter(|&k| !c.gone(k))
        .map(text)
        .sum();
    let after: Vec<NodeId> = live_siblings_after(c, note).filter(|&k| text(k) > 0).collect();
    let after_text: u32 = after.iter().map(|&k| text(k)).sum();
    if before == 0 || after_text as f32 > rules::PAYWALL_PITCH_MAX_SHARE * before as f32 {
        return Vec::new();
    }
    after
}

/// Beyond Readability: the article's last blocks, when they are a short unlinked label (or a
/// heading) over a run of linked headlines ("Diese Artikel könnten dich auch interessieren:",
/// "Also on our site"), are the site's teasers for other stories, whatever the label's words; a
/// last heading that announces what follows (a colon) labels a block the page kept apart. Looked
/// for from the article's end down its last blocks (one path, no search): at each level
/// the live children with text, the trailing run of link blocks, then the block before it.
fn drop_tail(c: &mut Cleaner<'_>, parts: &[NodeId]) {
    let total: u32 = parts.iter().filter(|&&p| !c.gone(p)).map(|&p| c.feats[p as usize].text).sum();
    let mut kids: Vec<NodeId> =
        parts.iter().copied().filter(|&p| !c.gone(p) && c.feats[p as usize].text > 0).collect();
    while let Some(&last) = kids.last() {
        let run_start = kids.iter().rposition(|&k| !is_link_block(c, k)).map_or(0, |k| k + 1);
        let run = &kids[run_start..];
        if let Some(&label) = run_start.checked_sub(1).and_then(|k| kids.get(k)) {
            let (text, links, link_chars) =
                run.iter().fold((c.feats[label as usize].text, 0, 0.0), |(t, l, lc), &k| {
                    let f = &c.feats[k as usize];
                    (t + f.text, l + f.links(), lc + f.link)
                });
            let headlines = links as usize >= rules::TAIL_RUN_MIN_LINKS
                && link_chars / links.max(1) as f32 >= rules::HEADLINE_MIN_CHARS
                && run.iter().all(|&k| worded_links(c, k));
            if !run.is_empty()
                && headlines
                && is_tail_label(c, label)
                && (text as f32) <= rules::TAIL_RUN_MAX_SHARE * total as f32
            {
                for &n in std::iter::once(&label).chain(run) {
                    c.drop(n, Some("related links"), "");
                }
                return;
            }
        }
        if run.is_empty()
            && is_heading(c.doc, last)
            && is_tail_label(c, last)
            && announces(&block_text(c, last))
        {
            c.drop(last, None, "label over nothing");
            return;
        }
        if c.as_paragraph[last as usize]
            || matches!(c.doc.tag(last), "p" | "a")
            || is_heading(c.doc, last)
        {
            return;
        }
        kids = c
            .doc
            .element_children(last)
            .filter(|&k| !c.gone(k) && c.feats[k as usize].text > 0)
            .collect();
    }
}

fn is_heading(doc: &Document, id: NodeId) -> bool {
    matches!(doc.tag(id), "h1" | "h2" | "h3" | "h4" | "h5" | "h6")
}

/// A label that announces what follows it ("Weitere Informationen:", "Así queda la tabla:").
fn announces(text: &str) -> bool {
    text.trim_end().ends_with(rules::ANNOUNCING_MARKS)
}

/// True when the links of a block read as headlines, words rather than addresses: most have
/// [`rules::HEADLINE_MIN_WORDS`] words ("https://nodejs.org/api/…" under "Sources" is a citation).
fn worded_links(c: &Cleaner<'_>, id: NodeId) -> bool {
    let (mut worded, mut all) = (0, 0);
    for a in c.doc.descendants(id).filter(|&d| c.doc.tag(d) == "a" && !c.gone(d)) {
        all += 1;
        let t = block_text(c, a);
        worded += usize::from(t.split_whitespace().count() >= rules::HEADLINE_MIN_WORDS);
    }
    2 * worded > all
}

/// A block of links: most of its text is link text.
fn is_link_block(c: &Cleaner<'_>, id: NodeId) -> bool {
    c.feats[id as usize].links() > 0
        && c.feats[id as usize].link_density() >= rules::LINK_RUN_MIN_DENSITY
}

/// A label: a heading or a short line, without links.
fn is_tail_label(c: &Cleaner<'_>, id: NodeId) -> bool {
    let f = &c.feats[id as usize];
    f.links() == 0 && (f.text as usize) <= rules::TAIL_LABEL_MAX_CHARS
}

/// Walks the live nodes of the article top-down (below each part, or from the part itself
/// when `with_parts`); where `decide` names nodes to drop, drops them with its reason and
/// skips the subtree.
fn sweep(
    c: &mut Cleaner<'_>,
    parts: &[NodeId],
    with_parts: bool,
    mut decide: impl FnMut(&Cleaner<'_>, NodeId) -> Option<(Vec<NodeId>, &'static str)>,
) {
    for &p in parts {
        let mut i = if with_parts { p } else { p + 1 };
        let end = c.doc.nodes[p as usize].end;
        while i < end {
            if c.gone(i) {
                i = c.doc.nodes[i as usize].end;
                continue;
            }
            match decide(c, i) {
                Some((nodes, reason)) => {
                    for n in nodes {
                        c.drop(n, Some(reason), "");
                    }
                    i = c.doc.nodes[i as usize].end;
                }
                None => i += 1,
            }
        }
    }
}

/// The live element siblings after `id`, in order.
fn live_siblings_after<'a>(c: &'a Cleaner<'_>, id: NodeId) -> impl Iterator<Item = NodeId> + 'a {
    let parent = c.doc.parent(id);
    parent
        .into_iter()
        .flat_map(move |p| c.doc.element_children(p))
        .skip_while(move |&k| k != id)
        .skip(1)
        .filter(|&k| !c.gone(k))
}

/// Whitespace-normalised text of a live block.
fn block_text(c: &Cleaner<'_>, id: NodeId) -> String {
    prep::visible_text(c.doc, id, |i| c.gone(i), " ")
}

#[cfg(test)]
mod tests {
    use super::is_signup_address;

    #[test]
    fn signup_addresses() {
        for href in [
            "https://internal.example.org/en/newsletter/?refer=article33405",
            "/suscripcion/boletin-semanal?origen=nota",
            "https://www.example.de/newsletter-anmeldung/", "https://example.fr/inscription",
        ] {
            assert!(is_signup_address(href), "{href}");
        }
        // The word in the host, or no such word, is no sign-up page.
        for href in [
            "https://newsletter.example.com/2021/05/article.html", "https://example.com/a/b",
            "#top",
        ] {
            assert!(!is_signup_address(href), "{href}");
        }
    }
}

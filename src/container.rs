//! The container-first pass (trafilatura's `BODY_XPATH`): the element the page itself names
//! as the article's body (`itemprop="articleBody"`, a CMS class such as `entry-content`,
//! then `<article>`, then `<main>`). Cheap, and independent of the scoring pass, so the two
//! can check each other (consensus.rs).

use crate::dom::{Document, Element, NodeId};
use crate::features::Feat;
use crate::prep;
use crate::rules;

/// The page's named article container, or `None` when it names none with enough text and
/// few enough links. Groups are tried in order; within one, the match with the most text
/// wins (a `post-content` wrapper beats the `post-content__author` box inside it; the first
/// in page order wins ties, so an outer wrapper beats its inner twin).
pub fn find(doc: &Document, base: &[bool], feats: &[Feat]) -> Option<NodeId> {
    // One walk: the best element of every group at once, then the first group that has one.
    // Groups: itemprop=articleBody, each token group, each tag. An element can be in several.
    let groups = 1 + rules::CONTAINER_TOKEN_GROUPS.len() + rules::CONTAINER_TAGS.len();
    let mut best: Vec<Option<NodeId>> = vec![None; groups];
    let mut offer = |g: usize, id: NodeId| {
        if best[g].is_none_or(|f| feats[id as usize].text > feats[f as usize].text) {
            best[g] = Some(id);
        }
    };
    for id in doc.unmasked_elements(base) {
        let f = &feats[id as usize];
        if (f.text as usize) < rules::CONTAINER_MIN_CHARS
            || f.link_density() > rules::CONTAINER_MAX_LINK_DENSITY
        {
            continue;
        }
        let Some(e) = doc.element(id) else { continue };
        if e.attr("itemprop").is_some_and(|v| v.eq_ignore_ascii_case("articleBody")) {
            offer(0, id);
        }
        for k in named_groups(e) {
            offer(1 + k, id);
        }
        if let Some(k) = rules::CONTAINER_TAGS.iter().position(|t| *t == &*e.name) {
            offer(1 + rules::CONTAINER_TOKEN_GROUPS.len() + k, id);
        }
    }
    best.into_iter().flatten().next()
}

/// The groups of [`rules::CONTAINER_TOKEN_GROUPS`] that name `e`: a token in its class/id
/// lower-cased, with '_' read as '-'.
fn named_groups(e: &Element) -> impl Iterator<Item = usize> + '_ {
    let (class, id) = (e.class(), e.id());
    // Non-ASCII names are lower-cased into a copy (lengths may change); ASCII ones are read in
    // place, the class and the id each alone (no token holds the space that joins them).
    let copy =
        (!class.is_ascii() || !id.is_ascii()).then(|| prep::match_string(e).replace('_', "-"));
    let sets = &*CONTAINER_SETS;
    (0..sets.len()).filter(move |&k| match &copy {
        Some(names) => prep::contains_any(names, rules::CONTAINER_TOKEN_GROUPS[k]),
        None => {
            [class, id].iter().any(|part| sets[k].any_in_ascii(part.as_bytes(), container_fold))
        }
    })
}

/// How a container's name is compared: lower-cased, '_' as '-'.
fn container_fold(b: u8) -> u8 {
    match b {
        b'_' => b'-',
        b => b.to_ascii_lowercase(),
    }
}

static CONTAINER_SETS: std::sync::LazyLock<Vec<prep::TokenSet>> = std::sync::LazyLock::new(|| {
    rules::CONTAINER_TOKEN_GROUPS.iter().map(|g| prep::TokenSet::new(g)).collect()
});

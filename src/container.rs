//! The container-first pass (trafilatura's `BODY_XPATH`): the element the page itself names
//! as the article's body (`itemprop="articleBody"`, a CMS class such as `entry-content`,
//! then `<article>`, then `<main>`). Cheap, and independent of the scoring pass, so the two
//! can check each other (consensus.rs).

use crate::dom::{Document, NodeId};
use crate::features::Feat;
use crate::rules;

/// The page's named article container, or `None` when it names none with enough text and
/// few enough links. Groups are tried in order; within one, the match with the most text
/// wins (a `post-content` wrapper beats the `post-content__author` box inside it; the first
/// in page order wins ties, so an outer wrapper beats its inner twin).
pub fn find(doc: &Document, base: &[bool], feats: &[Feat]) -> Option<NodeId> {
    let usable = |id: NodeId| {
        let f = &feats[id as usize];
        f.text as usize >= rules::CONTAINER_MIN_CHARS && f.link_density() <= rules::CONTAINER_MAX_LINK_DENSITY
    };
    let best = |test: &dyn Fn(NodeId) -> bool| -> Option<NodeId> {
        let mut found: Option<NodeId> = None;
        for id in doc.unmasked_elements(base) {
            if test(id) && usable(id) && found.is_none_or(|f| feats[id as usize].text > feats[f as usize].text) {
                found = Some(id);
            }
        }
        found
    };
    let item_body = |id: NodeId| doc.element(id).and_then(|e| e.attr("itemprop")).is_some_and(|v| v.eq_ignore_ascii_case("articleBody"));
    if let Some(c) = best(&item_body) {
        return Some(c);
    }
    for group in rules::CONTAINER_TOKEN_GROUPS {
        let named = |id: NodeId| {
            let Some(e) = doc.element(id) else { return false };
            let s = crate::prep::match_string(e).replace('_', "-");
            group.iter().any(|t| s.contains(t))
        };
        if let Some(c) = best(&named) {
            return Some(c);
        }
    }
    for tag in rules::CONTAINER_TAGS {
        if let Some(c) = best(&|id: NodeId| doc.tag(id) == *tag) {
            return Some(c);
        }
    }
    None
}

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
        if (f.text as usize) < rules::CONTAINER_MIN_CHARS || f.link_density() > rules::CONTAINER_MAX_LINK_DENSITY {
            continue;
        }
        let Some(e) = doc.element(id) else { continue };
        if e.attr("itemprop").is_some_and(|v| v.eq_ignore_ascii_case("articleBody")) {
            offer(0, id);
        }
        let names = crate::prep::match_string(e).replace('_', "-");
        for (k, group) in rules::CONTAINER_TOKEN_GROUPS.iter().enumerate() {
            if crate::prep::contains_any(&names, group) {
                offer(1 + k, id);
            }
        }
        if let Some(k) = rules::CONTAINER_TAGS.iter().position(|t| *t == &*e.name) {
            offer(1 + rules::CONTAINER_TOKEN_GROUPS.len() + k, id);
        }
    }
    best.into_iter().flatten().next()
}

//! Declutter's core: from a news page's HTML to a clean [`Article`] and a [`CleanPlan`].
//!
//! One entry point, [`analyze`], runs the stages in order; each stage reads the previous
//! one's value and returns a new one (nothing mutates the parsed page):
//!
//! ```text
//! html, url -> dom (parse once, pre-order arena) -> metadata (JSON-LD > meta > visible text)
//!           -> extract (score candidates, select, clean; relax flags while too short)
//!           -> output (sanitised HTML, text, Article)  +  plan (what to hide in place)
//! ```
//!
//! ```
//! let html = r#"<html lang="en"><head><title>Rain in Spain - The Daily</title></head><body>
//!   <nav><a href="/">Home</a><a href="/world">World</a><a href="/sport">Sport</a>
//!        <a href="/arts">Arts</a><a href="/tech">Tech</a></nav>
//!   <article><h1>Rain in Spain</h1>
//!   <p>The rain in Spain falls mainly on the plain, say the forecasters, who have watched it for years.</p>
//!   <p>Farmers welcome it, tourists less so, and the reservoirs are filling again after the drought.</p>
//!   </article></body></html>"#;
//! let analysis = declutter::analyze(html, "https://example.org/rain", &declutter::Options::default()).unwrap();
//! let article = analysis.article.unwrap();
//! assert!(article.text.contains("falls mainly on the plain"));
//! assert!(analysis.plan.hide.iter().any(|h| h.reason == "navigation"));
//! ```

#![forbid(unsafe_code)]

mod candidates;
mod clean;
mod consensus;
mod container;
#[cfg(feature = "cli")]
pub mod decode;
mod extract;
mod model;
pub mod output;
mod plan;
mod select;
#[cfg(target_arch = "wasm32")]
mod wasm;

// The page and the metadata reader are crates of their own (crates/), so that the WASM build can
// compile the metadata size-first (Cargo.toml's `wasm` profile). Their modules keep their paths
// here: `declutter::dom`, `declutter::metadata`, ... outside, `crate::dom` and the like inside.
pub use declutter_metadata as metadata;
pub use declutter_page::{address, dom, lang, prescan, rules};
use declutter_page::{error, features, lower, options, prep, sort};

pub use error::Error;
pub use model::{Analysis, Article, CleanPlan, PlanItem};
pub use options::Options;

/// Analyses one page: its article (or `None` when it has none) and the in-place cleaning plan.
///
/// `url` is the page's address, used to make links and images absolute; pass `""` when unknown.
/// Pages over the limits in `options` are refused with an [`Error`] saying why.
pub fn analyze(html: &str, url: &str, options: &Options) -> Result<Analysis, Error> {
    let base = parse_base(url)?;
    let doc = dom::Document::parse(html, options)?;
    let meta = metadata::read(&doc, base.as_ref());
    let base_mask = prep::base_mask(&doc, &[]);
    let mut consumed = vec![false; doc.len()];
    for &c in &meta.consumed {
        prep::mark(&doc, &mut consumed, c);
    }
    let mut scoring_mask = base_mask.clone();
    for (m, c) in scoring_mask.iter_mut().zip(&consumed) {
        *m |= *c;
    }
    // Scoring leaves out the lines read into metadata; when there are none, its features are
    // the page's. Only the plan and the article test read the page's own, after the
    // extraction: when they differ they are computed then, in the scoring array, so the
    // extraction runs with one per-node array fewer and the page pays for one, not two.
    let scoring_feats = features::compute(&doc, &scoring_mask);
    let lexicon = prep::BoilerplateMemo::default();
    let extraction =
        extract::run(&doc, &scoring_mask, &scoring_feats, meta.title.as_deref(), options, &lexicon);
    let page_feats = if meta.consumed.is_empty() {
        scoring_feats
    } else {
        features::compute_into(&doc, &base_mask, scoring_feats)
    };
    let article = output::article(&doc, &extraction, &meta, &consumed, base.as_ref());
    let plan = if options.plan {
        let mut protect = meta.consumed.clone();
        protect.extend(extraction.title_heading);
        plan::build(&plan::PlanInput {
            doc: &doc,
            extraction: &extraction,
            feats: &page_feats,
            invisible: &base_mask,
            protect: &protect,
            lexicon: &lexicon,
        })
    } else {
        CleanPlan { element_count: doc.element_count, ..Default::default() }
    };
    let has_article = is_article(&doc, &base_mask, &page_feats, &extraction, &article);
    Ok(Analysis { article: has_article.then_some(article), plan })
}

fn parse_base(url: &str) -> Result<Option<address::Address>, Error> {
    if url.trim().is_empty() {
        return Ok(None);
    }
    address::parse(url.trim()).map(Some).map_err(|_| Error::BadUrl(url.to_string()))
}

/// Whether the page holds an article at all: Readability's `isProbablyReaderable` on the
/// page; failing that, an extraction with some text that is not mostly links (a home page's
/// teaser grid is the typical "no article": short blocks, every headline a link).
fn is_article(
    doc: &dom::Document,
    mask: &[bool],
    feats: &[features::Feat],
    ex: &extract::Extraction,
    article: &Article,
) -> bool {
    let chars = article.text.chars().count();
    if chars < rules::NO_ARTICLE_MIN_CHARS {
        return false;
    }
    let mut score = 0.0f32;
    for i in 0..doc.len() {
        if mask[i] || !matches!(doc.tag(i as u32), "p" | "pre" | "article") {
            continue;
        }
        let len = feats[i].text as usize;
        if len >= rules::READERABLE_MIN_CHARS {
            score += ((len - rules::READERABLE_MIN_CHARS) as f32).sqrt();
            if score > rules::READERABLE_MIN_SCORE {
                return true;
            }
        }
    }
    ex.link_density().is_some_and(|ld| ld <= rules::NO_ARTICLE_MAX_LINK_DENSITY)
}

//! Declutter's core: from a news page's HTML to a clean [`Article`] and a [`CleanPlan`].

#![forbid(unsafe_code)]

pub mod dom;
mod error;
pub mod lang;
pub mod metadata;
mod model;
mod options;
pub mod rules;
#[cfg(target_arch = "wasm32")]
mod wasm;

pub use error::Error;
pub use model::{Analysis, Article, CleanPlan, PlanItem};
pub use options::Options;

/// Analyses one page. (Pipeline under construction.)
pub fn analyze(html: &str, url: &str, options: &Options) -> Result<Analysis, Error> {
    let _base = if url.is_empty() { None } else { Some(url::Url::parse(url).map_err(|_| Error::BadUrl(url.to_string()))?) };
    let doc = dom::Document::parse(html, options)?;
    Ok(Analysis { article: None, plan: CleanPlan { element_count: doc.element_count, ..Default::default() } })
}

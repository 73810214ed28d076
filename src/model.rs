//! What the core returns: the article, the in-place cleaning plan, and the analysis that
//! holds both. Plain owned data, serialisable as JSON and structured-clonable in the browser.

use serde::{Deserialize, Serialize};

/// Everything the core learned about a page.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Analysis {
    /// The article, or `None` when the page has none (a home page, a search page).
    pub article: Option<Article>,
    /// Which elements of the live page to hide to declutter it in place.
    pub plan: CleanPlan,
}

/// The article read out of a page.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct Article {
    pub title: String,
    /// Every author, in the order the page gives them.
    pub authors: Vec<String>,
    /// The byline as a person would write it ("A, B and C"), when there are authors.
    pub byline: Option<String>,
    /// Publication date, ISO 8601 (`2023-01-23` or `2023-01-23T10:30:00+01:00`).
    pub published: Option<String>,
    pub site_name: Option<String>,
    /// BCP 47 language tag (`fr`, `ar`, `en-GB`), from the page or guessed from the text.
    pub lang: Option<String>,
    /// `ltr` or `rtl`.
    pub dir: String,
    pub excerpt: Option<String>,
    /// Absolute URL of the lead image.
    pub lead_image: Option<String>,
    /// Sanitised article HTML: no script, no event handlers, no `javascript:` URLs, no page
    /// styles; links and images absolute.
    pub content_html: String,
    /// Plain text of the body, paragraphs separated by blank lines.
    pub text: String,
    pub word_count: usize,
    /// Minutes at the language's reading speed (at least 1).
    pub reading_minutes: u32,
    /// How sure the core is that `content_html` is the article (0..1).
    pub confidence: f32,
    /// The blocks inside the article's container that were left out, in page order, so that
    /// the reader view can show what was removed and why.
    pub removed: Vec<RemovedBlock>,
}

/// One block left out of the article.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct RemovedBlock {
    /// Why: "share bar", "related links", "read into the header", "sidebar", …
    pub reason: String,
    /// Its text, whitespace-normalised and cut to a few lines.
    pub text: String,
}

/// The elements to hide in the live page, and the one never to touch.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct CleanPlan {
    pub hide: Vec<PlanItem>,
    /// The article's root element.
    pub keep: Option<PlanItem>,
    /// Number of elements the core saw; the content script compares it with the live page
    /// (`getElementsByTagName('*').length`) before trusting the indexes.
    pub element_count: u32,
}

/// One element of the live page, addressed as the content script can find it again.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct PlanItem {
    /// Position among the page's elements in document order (`getElementsByTagName('*')`).
    pub index: u32,
    /// Lower-case tag name; the content script checks it before touching the element.
    pub tag: String,
    /// Why: "navigation", "headline ticker", "modal", "advertisement", "share bar", …
    pub reason: String,
}

//! Article metadata: JSON-LD, then meta tags, then the visible text.
//! (Placeholder until the metadata branch lands.)

use crate::dom::{Document, NodeId};

#[derive(Debug, Clone, Default)]
pub struct Metadata {
    pub title: Option<String>,
    pub authors: Vec<String>,
    pub published: Option<String>,
    pub site_name: Option<String>,
    pub source: Option<String>,
    pub excerpt: Option<String>,
    pub lead_image: Option<String>,
    pub lang: Option<String>,
    pub consumed: Vec<NodeId>,
}

pub fn read(doc: &Document, _base: Option<&url::Url>) -> Metadata {
    let title = doc.first_by_tag("title").map(|t| doc.text_content(t).trim().to_string());
    Metadata { title, ..Default::default() }
}

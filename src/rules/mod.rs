//! Every heuristic knob of the core, in one place: thresholds with their unit and reason,
//! token lists per concept, tag sets. Algorithm code names these; it holds no bare numbers
//! or class tokens of its own. Per-language word lists live in [`lexicon`].

pub mod lexicon;

/// Elements whose text is not prose (raw text or never rendered).
pub const RAW_TEXT_TAGS: &[&str] = &["script", "style", "noscript", "template", "textarea", "title", "xmp", "iframe", "noembed", "noframes"];

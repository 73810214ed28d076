//! Language, text direction, word counts and reading time.
//! (Placeholder until the metadata branch lands.)
use crate::dom::Document;
pub fn direction(_doc: &Document, _lang: Option<&str>, _sample_text: &str) -> &'static str { "ltr" }
pub fn guess_lang(_sample_text: &str) -> Option<&'static str> { None }
pub fn word_count(text: &str) -> usize { text.split_whitespace().count() }
pub fn reading_minutes(text: &str, _lang: Option<&str>) -> u32 { (text.chars().count() as u32 / 987).max(1) }

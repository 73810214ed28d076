//! What a caller can set. Limits are settings: over a limit is an `Err`, never a hang.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(default)]
pub struct Options {
    /// Largest page accepted, in bytes of UTF-8. 32 MB covers the heaviest real news pages
    /// (a few MB) with a wide margin and keeps the worst case to a few seconds.
    pub max_bytes: usize,
    /// Largest number of DOM nodes accepted. Firefox caps Reader View the same way
    /// (`reader.parse-node-limit`); 1.5 M nodes is far above any real article page. Values
    /// above 2,097,151 (2^21 − 1, what the per-node element counts hold) act as that.
    pub max_nodes: usize,
    /// Readability's `charThreshold`: an extraction shorter than this (in characters) is
    /// retried with relaxed rules.
    pub char_threshold: usize,
    /// Readability's `nbTopCandidates`.
    pub top_candidates: usize,
    /// Produce the in-place cleaning plan (the extension's "clean" mode needs it).
    pub plan: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            max_bytes: 32 * 1024 * 1024,
            max_nodes: 1_500_000,
            char_threshold: 500,
            top_candidates: 5,
            plan: true,
        }
    }
}

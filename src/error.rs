//! The one error type of the core. Each variant is something a caller can act on or show.

use std::fmt;

/// Why a page could not be analysed.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Error {
    /// The page is larger than [`crate::Options::max_bytes`].
    TooLarge { bytes: usize, limit: usize },
    /// The page has more nodes than [`crate::Options::max_nodes`].
    TooManyNodes { limit: usize },
    /// The page nests elements deeper than the core accepts.
    TooDeep { depth: usize, limit: usize },
    /// One element of the page carries more attributes than the core accepts.
    TooManyAttributes { count: usize, limit: usize },
    /// The page URL given by the caller could not be parsed.
    BadUrl(String),
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::TooLarge { bytes, limit } => write!(
                f,
                "this page is too large to declutter ({:.1} MB; the limit is {:.1} MB)",
                *bytes as f64 / 1e6,
                *limit as f64 / 1e6
            ),
            Error::TooManyNodes { limit } => {
                write!(f, "this page has too many elements to declutter (more than {limit})")
            }
            Error::TooDeep { depth, limit } => {
                write!(f, "this page nests its elements too deeply to declutter ({depth} levels; the limit is {limit})")
            }
            Error::TooManyAttributes { count, limit } => {
                write!(f, "this page has an element with too many attributes to declutter ({count}; the limit is {limit})")
            }
            Error::BadUrl(u) => write!(f, "not a valid page address: {u:?}"),
        }
    }
}

impl std::error::Error for Error {}

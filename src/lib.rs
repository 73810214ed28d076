//! Declutter's core: from a news page's HTML to a clean [`Article`] and a [`CleanPlan`].

#![forbid(unsafe_code)]

pub mod dom;
mod error;
pub mod metadata;
mod model;
mod options;
pub mod rules;

pub use error::Error;
pub use model::{Analysis, Article, CleanPlan, PlanItem};
pub use options::Options;

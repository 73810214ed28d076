//! Declutter's parsed page and what every stage reads of it: the DOM arena ([`dom`]), the
//! pre-parse scan ([`prescan`]), per-node features, the rules and word lists ([`rules`]),
//! languages ([`lang`]) and web addresses ([`address`]).
//!
//! A crate of its own so that the stages above it can be compiled apart: the WASM build gives
//! the metadata reader (crate `declutter-metadata`, run once per analysis) a size-first
//! optimisation level and keeps this crate's hot code at the speed-minded one (Cargo sets
//! levels per package only; the root Cargo.toml's `wasm` profile). The `declutter` crate
//! re-exports the public modules; the hidden ones are shared with it, not API.

#![forbid(unsafe_code)]

pub mod address;
pub mod dom;
#[doc(hidden)]
pub mod error;
#[doc(hidden)]
pub mod features;
pub mod lang;
#[doc(hidden)]
pub mod lower;
#[doc(hidden)]
pub mod meta_scan;
#[doc(hidden)]
pub mod options;
#[doc(hidden)]
pub mod prep;
pub mod prescan;
pub mod rules;
#[doc(hidden)]
pub mod sort;
#[doc(hidden)]
pub mod tags;

pub use error::Error;
pub use options::Options;

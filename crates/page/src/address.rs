//! Web addresses: parsing and joining by the WHATWG URL Standard, and the one place that knows
//! which parser does it.
//!
//! In the WASM module the host's own `URL` class does (service workers, pages and Node all have
//! it): the `url` crate with its IDNA code was about 38 KB of the module, for what the browser
//! already carries. Natively the `url` crate does. Both follow the same standard; the node test
//! `tests/node/address.test.mjs` runs the module on every fixture and a corpus sample and
//! compares its articles with the native CLI's, and checks tricky addresses one by one.
//!
//! The rest of the core sees [`Address`] (an absolute, serialised URL: [`Address::as_str`],
//! [`Address::scheme`], [`Address::host_str`]) and [`parse`] / [`join`].

#[cfg(not(target_arch = "wasm32"))]
mod native;
#[cfg(not(target_arch = "wasm32"))]
pub use native::Address;
#[cfg(target_arch = "wasm32")]
mod js;
// Used by the WASM back end only; compiled natively too, where its tests check it against `url`.
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
mod verbatim;
#[cfg(target_arch = "wasm32")]
pub use js::Address;

/// Why a string is not an absolute address.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Invalid {
    /// It names no scheme: a relative reference, which needs a base.
    Relative,
    /// Anything else the parser refuses.
    Malformed,
}

/// `s` as an absolute address.
pub fn parse(s: &str) -> Result<Address, Invalid> {
    Address::parse(s)
}

/// `s` resolved against `base`.
pub fn join(base: &Address, s: &str) -> Result<Address, Invalid> {
    base.join(s)
}

//! The WASM back end: the host's `URL` class (WHATWG), which browsers, their workers and Node
//! all have. It takes Unicode hosts as they come (UTS 46 in full), so nothing is done to them
//! here. Addresses that need no work skip the call (`verbatim.rs`).

use super::verbatim::names_scheme;
use super::Invalid;
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_name = URL)]
    type JsUrl;
    #[wasm_bindgen(catch, constructor, js_class = "URL")]
    fn new(input: &str) -> Result<JsUrl, JsValue>;
    #[wasm_bindgen(catch, constructor, js_class = "URL")]
    fn new_with_base(input: &str, base: &str) -> Result<JsUrl, JsValue>;
    #[wasm_bindgen(method, getter)]
    fn href(this: &JsUrl) -> String;
}

/// An absolute address: its serialisation, which is all the core reads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Address {
    href: String,
}

impl Address {
    pub(super) fn parse(s: &str) -> Result<Address, Invalid> {
        if let Some(href) = super::verbatim::resolve(None, s) {
            return Ok(Address { href });
        }
        if !names_scheme(s) {
            // Without a scheme and a base every parser refuses it: no need to ask (a throw
            // costs more than a parse, and the sanitiser asks about every relative link and
            // fragment, the video check about every attribute of an embed).
            return Err(Invalid::Relative);
        }
        JsUrl::new(s).map(|u| Address { href: u.href() }).map_err(|_| refused(s))
    }

    pub(super) fn join(&self, s: &str) -> Result<Address, Invalid> {
        if let Some(href) = super::verbatim::resolve(Some(&self.href), s) {
            return Ok(Address { href });
        }
        JsUrl::new_with_base(s, &self.href)
            .map(|u| Address { href: u.href() })
            .map_err(|_| refused(s))
    }

    pub fn as_str(&self) -> &str {
        &self.href
    }

    /// What precedes the first `:` of a serialised URL.
    pub fn scheme(&self) -> &str {
        &self.href[..self.href.find(':').unwrap_or(0)]
    }

    /// The host as serialised (IPv6 in brackets), read from the `href`: `scheme://` then
    /// userinfo up to the last `@`, host, `:port`. `None` when there is no authority or the
    /// host is empty (`file:///x`), as the `url` crate says.
    pub fn host_str(&self) -> Option<&str> {
        let rest = self.href[self.scheme().len() + 1..].strip_prefix("//")?;
        let authority = &rest[..rest.find(['/', '?', '#']).unwrap_or(rest.len())];
        let host = &authority[authority.rfind('@').map_or(0, |i| i + 1)..];
        let host = if host.starts_with('[') {
            &host[..host.find(']').map_or(host.len(), |i| i + 1)]
        } else {
            &host[..host.rfind(':').unwrap_or(host.len())]
        };
        (!host.is_empty()).then_some(host)
    }
}

/// `URL` throws one `TypeError` for everything; the `url` crate says `RelativeUrlWithoutBase`
/// when the input names no scheme.
fn refused(s: &str) -> Invalid {
    if names_scheme(s) {
        Invalid::Malformed
    } else {
        Invalid::Relative
    }
}

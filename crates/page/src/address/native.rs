//! The native back end: the `url` crate, with hosts written in Unicode made ASCII first.
//!
//! Cargo.toml pins `idna_adapter` to 1.0, the back end without Unicode tables (ICU4X's
//! normalisation data is ~110 KB), but `url` then refuses a host written in Unicode
//! ("bücher.de"). Browsers give us the page's address in Punycode already; for a Unicode host in
//! a link, or in a `--url` typed by hand, each non-ASCII label is lower-cased and
//! Punycode-encoded, which is what UTS 46 gives for the names people write (already in normal
//! form), and the address is parsed again.

use super::Invalid;
use url::{ParseError, Url};

/// An absolute address.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Address(Url);

impl Address {
    /// [`Url::parse`], with a Unicode host made ASCII.
    pub(super) fn parse(s: &str) -> Result<Address, Invalid> {
        retry(Url::parse(s), s, Url::parse)
    }

    /// [`Url::join`], with a Unicode host made ASCII.
    pub(super) fn join(&self, s: &str) -> Result<Address, Invalid> {
        retry(self.0.join(s), s, |t| self.0.join(t))
    }

    /// The serialised address (`href`).
    pub fn as_str(&self) -> &str {
        self.0.as_str()
    }

    /// The scheme, lower-case, without its `:`.
    pub fn scheme(&self) -> &str {
        self.0.scheme()
    }

    /// The host as serialised (IPv6 in brackets); `None` when there is none.
    pub fn host_str(&self) -> Option<&str> {
        self.0.host_str()
    }
}

fn retry(
    first: Result<Url, ParseError>,
    s: &str,
    again: impl Fn(&str) -> Result<Url, ParseError>,
) -> Result<Address, Invalid> {
    let url = match first {
        Err(ParseError::IdnaError) => {
            ascii_host(s).map_or(Err(ParseError::IdnaError), |t| again(&t))
        }
        other => other,
    };
    url.map(Address).map_err(|e| match e {
        ParseError::RelativeUrlWithoutBase => Invalid::Relative,
        _ => Invalid::Malformed,
    })
}

/// Dots that UTS 46 maps to "." (ideographic and full-width full stops).
const DOTS: [char; 4] = ['.', '\u{3002}', '\u{FF0E}', '\u{FF61}'];

/// A full-width letter, digit or hyphen (`Ｅ`, `７`, `－`) as its ASCII self, as UTS 46 maps them
/// (and browsers do: `https://ＥＸＡＭＰＬＥ.com/` is `https://example.com/`); other full-width
/// forms are punctuation a host cannot hold, left for the parser to refuse.
fn narrow(c: char) -> char {
    match c {
        '０'..='９' | 'Ａ'..='Ｚ' | 'ａ'..='ｚ' | '－' => {
            char::from_u32(c as u32 - 0xFEE0).unwrap_or(c)
        }
        _ => c,
    }
}

/// `s` with its host's non-ASCII labels in Punycode (`xn--…`); `None` when there is no such
/// host or a label cannot be encoded.
fn ascii_host(s: &str) -> Option<String> {
    let start = s.find("//")? + 2;
    let rest = &s[start..];
    let authority = &rest[..rest.find(['/', '\\', '?', '#']).unwrap_or(rest.len())];
    let host_start = start + authority.rfind('@').map_or(0, |i| i + 1);
    let host = &s[host_start..start + authority.len()];
    let host = &host[..host.find(':').unwrap_or(host.len())];
    if host.is_ascii() {
        return None;
    }
    let mut ascii = String::with_capacity(host.len() + 8);
    for (k, label) in host.split(DOTS).enumerate() {
        if k > 0 {
            ascii.push('.');
        }
        let label: String = label.chars().map(narrow).collect();
        if label.is_ascii() {
            ascii.push_str(&label.to_ascii_lowercase());
        } else {
            ascii.push_str("xn--");
            ascii.push_str(&idna::punycode::encode_str(&crate::lower::lowercase(&label))?);
        }
    }
    Some(format!("{}{}{}", &s[..host_start], ascii, &s[host_start + host.len()..]))
}

#[cfg(test)]
mod tests {
    use super::super::{join, parse};
    use super::*;

    #[test]
    fn unicode_hosts_become_punycode() {
        assert_eq!(
            parse("https://Bücher.de/a?b#c").unwrap().as_str(),
            "https://xn--bcher-kva.de/a?b#c"
        );
        assert_eq!(
            parse("https://user@пример.рф:8080/x").unwrap().as_str(),
            "https://user@xn--e1afmkfd.xn--p1ai:8080/x"
        );
        assert_eq!(
            parse("https://例子。测试/").unwrap().host_str(),
            Some("xn--fsqu00a.xn--0zwm56d")
        );
        let base = parse("https://مثال.إختبار/news/").unwrap();
        assert_eq!(base.host_str(), Some("xn--mgbh0fb.xn--kgbechtv"));
        assert_eq!(
            join(&base, "story.html").unwrap().as_str(),
            "https://xn--mgbh0fb.xn--kgbechtv/news/story.html"
        );
        assert_eq!(join(&base, "//bücher.de/x").unwrap().as_str(), "https://xn--bcher-kva.de/x");
        assert_eq!(
            parse("https://ＥＸＡＭＰＬＥ.com/a").unwrap().as_str(),
            "https://example.com/a"
        );
        assert_eq!(
            parse("https://ｗｗｗ．ｂüｃｈｅｒ－７.de/").unwrap().as_str(),
            "https://www.xn--bcher-7-n2a.de/"
        );
    }

    #[test]
    fn ascii_addresses_and_errors_are_unchanged() {
        assert_eq!(parse("https://example.org/ü").unwrap().as_str(), "https://example.org/%C3%BC");
        assert_eq!(
            parse("https://xn--bcher-kva.de/").unwrap().host_str(),
            Some("xn--bcher-kva.de")
        );
        assert_eq!(parse("story.html"), Err(Invalid::Relative));
        assert_eq!(parse("https://exa mple.org/"), Err(Invalid::Malformed));
    }
}

//! Addresses whose resolution can be told without a URL parser: an absolute `http(s)` address
//! the parser would give back unchanged, or a path joined to an `http(s)` base, when neither
//! holds anything the URL Standard rewrites (upper-case or non-ASCII hosts, numeric hosts,
//! ports, dot segments, characters it percent-encodes, backslashes, whitespace).
//!
//! The WASM back end asks the host's `URL` class otherwise, at roughly 5 µs a call from WASM,
//! throws included (a Wikipedia page of the corpus made 3,915 calls and took 20 ms more under
//! Node). Anything
//! outside these few shapes goes to the parser, so a `None` is always safe; a `Some` must be
//! exactly what the parser says, which the tests below check against the `url` crate and the
//! node test against the WASM module's `URL`.

/// The serialised address of `s` (alone, or joined to `base`, an `http(s)` address as a parser
/// serialised it), or `None` when only a parser can say.
pub fn resolve(base: Option<&str>, s: &str) -> Option<String> {
    if !s.bytes().all(plain_byte) {
        return None;
    }
    if let Some(rest) = s.strip_prefix("https://").or_else(|| s.strip_prefix("http://")) {
        let host = &rest[..rest.find('/')?];
        return (plain_host(host) && !has_dot_segment(&rest[host.len()..])).then(|| s.to_string());
    }
    let base = base.filter(|b| b.starts_with("https://") || b.starts_with("http://"))?;
    let after_scheme = base.find("://")? + 3;
    if s.starts_with("//") {
        // Protocol-relative: the base's scheme, then an absolute address.
        return resolve(None, &format!("{}{s}", &base[..after_scheme - 2]));
    }
    if s.starts_with('/') {
        let origin = after_scheme + base[after_scheme..].find('/')?;
        return (!has_dot_segment(s)).then(|| format!("{}{s}", &base[..origin]));
    }
    // A relative path: the base's directory, less one segment for each leading `../` (never
    // above the root), then the rest, which must be a plain path.
    let path = &base[..base.find(['?', '#']).unwrap_or(base.len())];
    let root = after_scheme + path[after_scheme..].find('/')?;
    let mut dir = path.rfind('/')?;
    let mut rest = s;
    loop {
        if let Some(r) = rest.strip_prefix("./") {
            rest = r;
        } else if let Some(r) = rest.strip_prefix("../") {
            dir = path[..dir].rfind('/').filter(|&i| i >= root).unwrap_or(root);
            rest = r;
        } else {
            break;
        }
    }
    (starts_path_segment(rest) && !has_dot_segment(rest))
        .then(|| format!("{}{rest}", &path[..=dir]))
}

/// Printable ASCII that no part of an address percent-encodes, escapes or treats specially
/// (`\` is a slash in http(s) addresses; `^`, `|`, `[`, `]` vary between parser versions).
fn plain_byte(b: u8) -> bool {
    b.is_ascii_graphic() && !b"\"<>`'\\{}^|[]".contains(&b)
}

/// `.` or `..` as a segment of the path that `s` starts with, or `%2e` anywhere (a dot to the
/// parser in a path), to keep the test simple.
fn has_dot_segment(s: &str) -> bool {
    let path = &s[..s.find(['?', '#']).unwrap_or(s.len())];
    path.split('/').any(|seg| seg == "." || seg == "..")
        || s.as_bytes().windows(3).any(|w| w[0] == b'%' && w[1] == b'2' && w[2] | 0x20 == b'e')
}

/// A host the parser keeps as written: lower-case letters, digits and hyphens in non-empty
/// labels, no Punycode label (checked by the parser), and a last label that starts with a
/// letter (one that is a number makes the host an IPv4 address, which the parser rewrites).
fn plain_host(host: &str) -> bool {
    let labels = || host.split('.');
    labels().all(|l| {
        !l.is_empty()
            && !l.starts_with("xn--")
            && l.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
    }) && labels().last().is_some_and(|l| l.as_bytes()[0].is_ascii_lowercase())
}

/// A relative path (`story.html`, `a/b?c`): its first segment holds no `:` (which could make
/// it a scheme) and it does not start with a query or a fragment.
fn starts_path_segment(s: &str) -> bool {
    let first = &s[..s.find(['/', '?', '#']).unwrap_or(s.len())];
    !first.is_empty() && !first.contains(':')
}

/// Whether `s` starts with a scheme (the URL Standard's scheme state: after leading C0 controls
/// and spaces, with tabs and newlines removed, an ASCII letter, then letters, digits, `+`, `-`,
/// `.`, up to a `:`).
/// Without one, and without a base, every parser refuses `s` as relative.
pub fn names_scheme(s: &str) -> bool {
    let mut chars = s
        .trim_start_matches(|c: char| c <= ' ')
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'));
    chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.find(|c| !(c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))) == Some(':')
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::resolve;
    use proptest::prelude::*;
    use url::Url;

    /// What the `url` crate says, for the cases `resolve` answers.
    fn parser(base: Option<&str>, s: &str) -> Option<String> {
        match base {
            Some(b) => Url::parse(b).ok()?.join(s).ok(),
            None => Url::parse(s).ok(),
        }
        .map(|u| u.as_str().to_string())
    }

    const BASE: &str = "https://www.example.org:8443/news/2024/story.html?id=7#top";

    #[test]
    fn plain_shapes_are_answered_as_the_parser_would() {
        for (base, s, want) in [
            (None, "https://example.com/a/b?c=d#e", "https://example.com/a/b?c=d#e"),
            (None, "http://a-b.c0.example/%C3%A9", "http://a-b.c0.example/%C3%A9"),
            (Some(BASE), "/wiki/Rain_(Spain)", "https://www.example.org:8443/wiki/Rain_(Spain)"),
            (
                Some(BASE),
                "photo.jpg?w=300",
                "https://www.example.org:8443/news/2024/photo.jpg?w=300",
            ),
            (Some(BASE), "https://cdn.example.net/x", "https://cdn.example.net/x"),
            (Some("http://fakehost/test/page.html"), "a/b", "http://fakehost/test/a/b"),
            (Some(BASE), "//cdn.example.com/x.png", "https://cdn.example.com/x.png"),
            (Some(BASE), "./draft-00", "https://www.example.org:8443/news/2024/draft-00"),
            (Some(BASE), "../../../up/x", "https://www.example.org:8443/up/x"),
        ] {
            assert_eq!(resolve(base, s).as_deref(), Some(want), "{s}");
            assert_eq!(parser(base, s).as_deref(), Some(want), "{s}");
        }
    }

    #[test]
    fn anything_the_parser_rewrites_is_left_to_it() {
        for s in [
            "https://Example.com/", "https://example.com", "https://example.com:443/",
            "https://1.2.3.4/", "https://example.0x1/", "https://xn--bcher-kva.de/",
            "https://bücher.de/", "https://a..b/", "https://example.com/a/../b",
            "https://example.com/a/%2E%2e/b", "https://example.com/a b",
            "https://example.com/a\\b", "https://example.com/{x}", "https://user@example.com/",
            "HTTPS://example.com/", "//Cdn.example.com/x", "//cdn.example.com", "./", "../",
            "./../x/../y", ".././a/./b", ".", "..", "?q", "#f", "mailto:x@example.com",
            "javascript:alert(1)", " /x", "",
        ] {
            assert_eq!(resolve(Some(BASE), s), None, "{s:?}");
        }
        assert_eq!(resolve(Some("file:///a/b"), "c"), None);
        assert_eq!(resolve(None, "story.html"), None);
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(20_000))]
        /// `names_scheme` is false exactly where the parser says "relative URL without a base".
        #[test]
        fn names_a_scheme_as_the_url_crate_does(s in r"[ \t\n\x01]{0,2}[a-zA-Z0-9+.\-:/#?@ \t\n]{0,8}") {
            let relative = Url::parse(&s) == Err(url::ParseError::RelativeUrlWithoutBase);
            prop_assert_eq!(super::names_scheme(&s), !relative, "{:?}", s);
        }

        /// Addresses built from the pieces that matter (schemes, hosts, dots, percent signs,
        /// colons, slashes, queries): whenever `resolve` answers, the parser agrees.
        #[test]
        fn agrees_with_the_url_crate(
            scheme in "(https?://|HTTP://|//|/|)",
            host in "[a-zA-Z0-9.\\-]{0,8}(:[0-9]{0,3})?",
            path in "(/|[a-z0-9.%:@!$&*+,;=_~-]{1,4}|\\.|\\.\\.|%2[eE]|[?#]){0,8}",
            base in prop::sample::select(vec![
                BASE, "http://fakehost/test/page.html", "https://a.example/", "https://a.example",
                "http://[::1]:81/a/b/", "file:///a/b", "mailto:x@y",
            ]),
        ) {
            let s = format!("{scheme}{host}{path}");
            for b in [None, Some(base)] {
                if let Some(got) = resolve(b, &s) {
                    prop_assert_eq!(Some(got), parser(b, &s), "{:?} on {:?}", s, b);
                }
            }
        }
    }
}

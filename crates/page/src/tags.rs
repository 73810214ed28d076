//! A one-byte code per node for the commonest element names, so that the passes that only ask
//! "which tag is this?" (`Document::tag`: metadata's look-ups, the readerable test, raw-text
//! checks) read one byte a node instead of the 48-byte node and its name.

use html5ever::{local_name, LocalName};

/// The code of non-elements (their tag is "").
pub const NOT_ELEMENT: u8 = 0;
/// The code of elements whose name is not in [`NAMES`]: read it from the element.
pub const OTHER: u8 = u8::MAX;

/// The names with a code (their index), commonest first: [`code`] tries them in this order.
/// A `static`, not a `const`: a `const` array of atoms is built and dropped atom by atom at each
/// use, which the WASM build did not optimise away (3 % of a warm analysis's samples).
static ATOMS: [LocalName; 62] = [
    local_name!(""),
    local_name!("div"),
    local_name!("a"),
    local_name!("span"),
    local_name!("p"),
    local_name!("li"),
    local_name!("img"),
    local_name!("ul"),
    local_name!("script"),
    local_name!("meta"),
    local_name!("link"),
    local_name!("br"),
    local_name!("svg"),
    local_name!("path"),
    local_name!("i"),
    local_name!("strong"),
    local_name!("em"),
    local_name!("b"),
    local_name!("source"),
    local_name!("picture"),
    local_name!("figure"),
    local_name!("figcaption"),
    local_name!("button"),
    local_name!("section"),
    local_name!("article"),
    local_name!("nav"),
    local_name!("aside"),
    local_name!("header"),
    local_name!("footer"),
    local_name!("main"),
    local_name!("h1"),
    local_name!("h2"),
    local_name!("h3"),
    local_name!("h4"),
    local_name!("h5"),
    local_name!("h6"),
    local_name!("time"),
    local_name!("iframe"),
    local_name!("style"),
    local_name!("noscript"),
    local_name!("template"),
    local_name!("title"),
    local_name!("input"),
    local_name!("label"),
    local_name!("form"),
    local_name!("table"),
    local_name!("tr"),
    local_name!("td"),
    local_name!("th"),
    local_name!("tbody"),
    local_name!("ol"),
    local_name!("blockquote"),
    local_name!("pre"),
    local_name!("code"),
    local_name!("hr"),
    local_name!("small"),
    local_name!("html"),
    local_name!("head"),
    local_name!("body"),
    local_name!("dl"),
    local_name!("dt"),
    local_name!("dd"),
];

/// [`ATOMS`] as strings, for `Document::tag`.
const NAMES: [&str; 62] = [
    "", "div", "a", "span", "p", "li", "img", "ul", "script", "meta", "link", "br", "svg", "path",
    "i", "strong", "em", "b", "source", "picture", "figure", "figcaption", "button", "section",
    "article", "nav", "aside", "header", "footer", "main", "h1", "h2", "h3", "h4", "h5", "h6",
    "time", "iframe", "style", "noscript", "template", "title", "input", "label", "form", "table",
    "tr", "td", "th", "tbody", "ol", "blockquote", "pre", "code", "hr", "small", "html", "head",
    "body", "dl", "dt", "dd",
];

/// A set of tag names for the tests that run on every node: the names with a code are bits of
/// one word, found when the set is built (at compile time for the rules' statics); the others,
/// which pages seldom use, are compared as strings.
pub struct TagSet {
    /// Bit `c` set for each code `c` of a name in the set.
    codes: u64,
    /// The set's names, every one (those with a code too, for [`TagSet::names`]).
    names: &'static [&'static str],
}

impl TagSet {
    pub const fn new(names: &'static [&'static str]) -> TagSet {
        let mut codes = 0u64;
        let mut i = 0;
        while i < names.len() {
            let mut c = 1;
            while c < NAMES.len() {
                if str_eq(names[i], NAMES[c]) {
                    codes |= 1 << c;
                }
                c += 1;
            }
            i += 1;
        }
        TagSet { codes, names }
    }

    /// Whether an element with code `code` is in the set: false for [`NOT_ELEMENT`] and for
    /// [`OTHER`], whose name [`TagSet::has_name`] answers.
    #[inline]
    pub fn has_code(&self, code: u8) -> bool {
        code != OTHER && self.codes >> code & 1 == 1
    }

    /// Whether `name` is in the set, compared as a string.
    pub fn has_name(&self, name: &str) -> bool {
        self.names.contains(&name)
    }
}

const fn str_eq(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

/// The code of an element named `name` (atoms compare as integers).
pub fn code(name: &LocalName) -> u8 {
    ATOMS[1..].iter().position(|a| a == name).map_or(OTHER, |i| i as u8 + 1)
}

/// The name of a code other than [`OTHER`].
pub fn name(code: u8) -> &'static str {
    NAMES[code as usize]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_name_their_atoms() {
        for (i, a) in ATOMS.iter().enumerate().skip(1) {
            assert_eq!(code(a), i as u8);
            assert_eq!(name(i as u8), &**a);
        }
        assert_eq!(code(&LocalName::from("my-widget")), OTHER);
    }

    #[test]
    fn tag_sets_answer_by_code_and_by_name() {
        static SET: TagSet = TagSet::new(&["script", "textarea", "h2"]);
        let has = |n: &str| match code(&LocalName::from(n)) {
            OTHER => SET.has_name(n),
            c => SET.has_code(c),
        };
        assert!(has("script") && has("h2"));
        // No code: compared as a string.
        assert_eq!(code(&LocalName::from("textarea")), OTHER);
        assert!(has("textarea"));
        assert!(!has("div") && !has("h3") && !has("my-widget"));
        assert!(!SET.has_code(NOT_ELEMENT) && !SET.has_code(OTHER));
        assert!(SET.has_name("script") && !SET.has_name("span"));
    }
}

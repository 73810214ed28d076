//! A one-byte code per node for the commonest element names, so that the passes that only ask
//! "which tag is this?" (`Document::tag`: metadata's look-ups, the readerable test, raw-text
//! checks) read one byte a node instead of the 48-byte node and its name.

use html5ever::{local_name, LocalName};

/// The code of non-elements (their tag is "").
pub const NOT_ELEMENT: u8 = 0;
/// The code of elements whose name is not in [`NAMES`]: read it from the element.
pub const OTHER: u8 = u8::MAX;

/// The names with a code (their index), commonest first: [`code`] tries them in this order.
const ATOMS: [LocalName; 62] = [
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
}

// Shared by the fuzz target (fuzz_targets/analyze.rs) and its stable replay
// (tests/fuzz_corpus.rs) with `include!`: the check of an article's HTML.

/// The first active part of `html` as a fragment parse builds it (a browser's view: text that
/// merely says `="javascript:` is not active), if any.
fn active(html: &str) -> Option<String> {
    use scraper::{Html, Node};
    let frag = Html::parse_fragment(html);
    for node in frag.tree.root().descendants() {
        let Node::Element(e) = node.value() else { continue };
        if matches!(e.name(), "script" | "style" | "object" | "embed" | "svg" | "math") {
            return Some(format!("<{}>", e.name()));
        }
        for (name, value) in e.attrs() {
            // Browsers ignore whitespace and control characters inside a scheme.
            let squashed: String = value.chars().filter(|c| !c.is_whitespace() && !c.is_control()).collect::<String>().to_ascii_lowercase();
            if name.to_ascii_lowercase().starts_with("on") || name == "style" || name == "srcdoc" {
                return Some(format!("attribute {name}"));
            }
            if ["javascript:", "vbscript:", "data:"].iter().any(|s| squashed.starts_with(s)) {
                return Some(format!("{name}={value:?}"));
            }
        }
    }
    None
}

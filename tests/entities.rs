//! Every named character reference decodes through the parser as the HTML standard says, with
//! the entity table of vendor/web_atoms (a sorted list searched by prefix, in place of
//! upstream's map of every prefix). The expected code points are read from the standard's list
//! that the vendored crate builds its table from, so this covers all 2,231 names.

use scraper::Html;

/// (name with its '&' and, where it has one, ';', the text it stands for).
fn entities() -> Vec<(String, String)> {
    let list = include_str!("../vendor/web_atoms/entities.rs");
    let mut out = Vec::new();
    for line in list.lines().map(str::trim).filter(|l| l.starts_with("(\"&")) {
        // ("&Aacute;", 193, 0),
        let (name, rest) = line[2..].split_once("\", ").expect("entity line");
        let mut cps = rest.trim_end_matches("),").split(", ").map(|n| n.parse::<u32>().unwrap());
        let text: String =
            cps.by_ref().take(2).filter(|&c| c != 0).map(|c| char::from_u32(c).unwrap()).collect();
        out.push((name.to_string(), text));
    }
    out
}

/// The text of `<p>` after parsing `body`.
fn text_of(body: &str) -> String {
    Html::parse_document(&format!("<p>{body}</p>")).root_element().text().collect()
}

#[test]
fn the_list_is_whole() {
    let all = entities();
    assert_eq!(all.len(), 2231);
    assert!(all.iter().any(|(n, t)| n == "&notin;" && t == "\u{2209}"));
    assert!(all.iter().any(|(n, t)| n == "&acE;" && t == "\u{223e}\u{333}"));
}

#[test]
fn every_name_decodes_in_text() {
    let mut wrong = Vec::new();
    for (name, text) in entities() {
        // A name without ';' (a legacy one such as "&amp") ends at the space: the tokenizer
        // takes the longest whole name it has read, which is this one.
        let got = text_of(&format!("[{name} ]"));
        let want = format!("[{text} ]");
        if got != want {
            wrong.push(format!("{name}: {got:?} instead of {want:?}"));
        }
    }
    assert!(wrong.is_empty(), "{} names decode wrongly:\n{}", wrong.len(), wrong.join("\n"));
}

#[test]
fn longest_match_and_non_names() {
    // "&notit;" is no name: the longest whole name read is "&not", the rest stays text.
    assert_eq!(text_of("&notit;"), "\u{ac}it;");
    assert_eq!(text_of("&notin;x"), "\u{2209}x");
    assert_eq!(text_of("&ampx &amp;y"), "&x &y");
    assert_eq!(text_of("&nosuchname; &; &"), "&nosuchname; &; &");
    assert_eq!(text_of("&Aacute&aacute;"), "\u{c1}\u{e1}");
    // In an attribute a legacy name followed by a letter is left as written.
    let doc = Html::parse_document(r#"<a href="?a=1&copy=2&amp;b">x</a>"#);
    let a = doc.select(&scraper::Selector::parse("a").unwrap()).next().unwrap();
    assert_eq!(a.value().attr("href"), Some("?a=1&copy=2&b"));
}

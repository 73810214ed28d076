//! Bylines: finding the visible byline element and turning any byline string ("By A, B and C
//! | Site", "Par Jean Dupont le 23 janvier 2023", "بقلم محمد و علي") into a list of names.

use super::text::{
    fold_head, looks_like_url, normalize_ws, strip_prefix_folded, without_contact, PrefixHeads,
};
use crate::dom::{Document, NodeId};
use crate::prep::contains_ascii_ci;
use crate::rules::lexicon::{
    fold, folded, ALL_MONTHS, AUTHOR_BOX_HEADING_PREFIXES, AUTHOR_LABELS, BYLINE_DATE_GLUE,
    BYLINE_PREFIXES, CONTACT_LABELS, INNER_BYLINE_WORDS, INTERVIEW_JOINERS, NAME_CONJUNCTIONS,
    NAME_PARTICLES, NOT_AN_AUTHOR, WEEKDAYS,
};

/// class/id tokens of a byline element (Readability's `byline` regex minus "dateline", which
/// marks a date, not a name).
pub const BYLINE_CLASS_TOKENS: &[&str] = &["byline", "author", "writtenby", "p-author"];
/// The same in other languages' themes: "autor" (de, es, pt, pl; Italian "autore") and "auteur"
/// (fr): "content-left-autor", "dates_auteurs". These also mark labels and magazine credits
/// ("En kiosques : juillet 2020"), so the text must read as a name.
pub const FOREIGN_BYLINE_CLASS_TOKENS: &[&str] = &["autor", "auteur"];
/// Fragments one of which every [`BYLINE_CLASS_TOKENS`] and [`FOREIGN_BYLINE_CLASS_TOKENS`]
/// entry contains (a quick first test).
const BYLINE_TOKEN_CORES: &[&str] = &["by", "author", "autor", "auteur"];
/// class/id fragments that contain "author" without marking a byline: login widgets
/// ("authorization"), Wikipedia's "authority-control" navbox, author boxes with bios and avatars.
pub const BYLINE_CLASS_EXCLUDE: &[&str] = &[
    "authoriz", "authority", "author-bio", "authorbio", "author-description", "author-avatar",
    "author-image", "author-photo", "author-box", "comment-author", "comment-form-author",
];
/// Readability's byline length limit: a byline is shorter than this many characters.
pub const BYLINE_MAX_CHARS: usize = 100;
/// A visible "By X" line has at most this many words (longer is a sentence: "By 2030 the…").
pub const PREFIXED_BYLINE_MAX_WORDS: usize = 12;
/// A name longer than this is not a name but a phrase that slipped through.
const NAME_MAX_CHARS: usize = 70;
const NAME_MAX_WORDS: usize = 7;

// The per-element pass and its constants: in crates/page, compiled for speed (it runs for every
// element of the page; this crate is compiled for size in the WASM build).
#[cfg(test)]
use declutter_page::meta_scan::style_hides;
use declutter_page::meta_scan::Attrs;
pub use declutter_page::meta_scan::{Context, MAIN_WIDGET_TOKENS, NOT_ARTICLE_CONTAINER_TOKENS};

/// Turns a byline string into author names: strips a leading "By"/"Par"/"بقلم"…, cuts at the
/// first digit (dates, times) and at " | ", trims date glue words, splits on commas and
/// conjunctions, drops non-names. Order kept, duplicates removed.
pub fn split_names(raw: &str) -> Vec<String> {
    let mut text = normalize_ws(&without_contact(raw));
    if looks_like_url(&text) {
        return Vec::new();
    }
    // The prefix may come after an icon or a dash ("— By Jane Doe"), or after a dateline.
    text = text.trim_start_matches(|c: char| !c.is_alphanumeric()).to_string();
    if !BYLINE_PREFIXES.iter().any(|p| strip_prefix_folded(&text, p).is_some()) {
        text = after_dateline(&text).to_string();
    }
    // "Posted on September 21, 2020 by Adi Tzlil", "06.11.2023 13:30 von Olga": the names follow
    // a byline word that comes after a date.
    if let Some(rest) = after_dated_prefix(&text) {
        text = rest;
    }
    for p in BYLINE_PREFIXES {
        if let Some(rest) = strip_prefix_folded(&text, p) {
            text = rest
                .trim_start_matches(|c: char| c.is_whitespace() || c == ':' || c == '-')
                .to_string();
            break;
        }
    }
    // "A im Gespräch mit B": guest and host of an interview, both named.
    for j in INTERVIEW_JOINERS {
        if text.contains(j) {
            text = text.replacen(j, ",", 1);
        }
    }
    // "(avec B et C)" / "(with B)": co-authors in parentheses become ordinary list items.
    for co in ["(avec ", "(with ", "(mit ", "(con "] {
        if let Some(pos) = crate::lower::lowercase(&text).find(co) {
            if let Some((a, b)) = text.get(..pos).zip(text.get(pos + co.len()..)) {
                text = format!("{a}, {}", b.replace(')', ""));
            }
        }
    }
    // Cut at the first digit (a date or a time follows the names) and at a pipe or bullet.
    let cut = text
        .char_indices()
        .find(|(_, c)| c.is_numeric() || matches!(c, '|' | '•' | '·' | '\n'))
        .map(|(i, c)| (i, c.is_numeric()));
    let mut cut_at_digit = false;
    if let Some((c, digit)) = cut {
        text = text.get(..c).unwrap_or("").to_string();
        cut_at_digit = digit;
    }
    for sep in [" — ", " – ", " - "] {
        if let Some(c) = text.find(sep) {
            text = text.get(..c).unwrap_or("").to_string();
        }
    }
    let text = trim_date_glue(&text, cut_at_digit);
    let mut names: Vec<String> = Vec::new();
    for part in text.split([',', '،', ';', '/']) {
        for name in split_on_conjunctions(part) {
            let name = name
                .trim_matches(|c: char| !c.is_alphanumeric() && c != '.' && c != ')' && c != '(')
                .trim()
                .to_string();
            let name = name.trim_end_matches(['(', ' ']).to_string();
            // A role or agency in brackets after the name: "Eberhard Fuhr (Pressesprecher des
            // EJW)", "Anna Schmidt (dpa)". Brackets inside a name stay ("Richard (R.J.) Eskow").
            let name = match name.find(" (") {
                Some(at)
                    if name.ends_with(')')
                        && name.get(..at).is_some_and(|n| n.split(' ').count() >= 2) =>
                {
                    name.get(..at).unwrap_or("").to_string()
                }
                _ => name,
            };
            if is_plausible_name(&name) && !names.iter().any(|n| fold(n) == fold(&name)) {
                names.push(name);
            }
        }
    }
    names
}

/// The text after an inner byline word ([`INNER_BYLINE_WORDS`]) when a digit (a date or a
/// time) comes before it; `None` otherwise.
fn after_dated_prefix(text: &str) -> Option<String> {
    let words: Vec<&str> = text.split(' ').collect();
    let at = words
        .iter()
        .enumerate()
        .skip(1)
        .find(|(_, w)| INNER_BYLINE_WORDS.iter().any(|p| w.eq_ignore_ascii_case(p)))?
        .0;
    let before = words.get(..at)?.join(" ");
    let after = words.get(at + 1..)?.join(" ");
    (before.chars().any(|c| c.is_ascii_digit()) && !after.is_empty()).then_some(after)
}

fn split_on_conjunctions(part: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur: Vec<&str> = Vec::new();
    for w in part.split(' ').filter(|w| !w.is_empty()) {
        let fw = fold(w);
        if NAME_CONJUNCTIONS.iter().any(|c| folded(c) == fw) {
            if !cur.is_empty() {
                out.push(cur.join(" "));
                cur.clear();
            }
        } else {
            cur.push(w);
        }
    }
    if !cur.is_empty() {
        out.push(cur.join(" "));
    }
    out
}

/// Trims trailing words that only glue a date to a byline ("le", "on", "Updated", month and
/// weekday names), and leading glue, after the date itself was cut off.
fn trim_date_glue(text: &str, before_digit: bool) -> String {
    let is_glue = |w: &str| {
        let f = fold(w.trim_matches(|c: char| c == ',' || c == '.' || c == ':'));
        f.is_empty()
            || BYLINE_DATE_GLUE.iter().any(|g| folded(g) == f)
            || is_weekday(&f)
            || (f.chars().count() > 3 && is_month(&f))
    };
    let mut words: Vec<&str> = text.split(' ').filter(|w| !w.is_empty()).collect();
    // Right before a cut digit, even a short month ("May 3") is part of the date.
    if before_digit
        && words
            .last()
            .is_some_and(|w| is_month(&fold(w.trim_matches(|c: char| c == ',' || c == '.'))))
    {
        words.pop();
    }
    while words.last().is_some_and(|w| is_glue(w)) {
        words.pop();
    }
    words.join(" ")
}

/// `f`, folded, is a weekday name in one of the lexicon's languages.
pub(crate) fn is_weekday(f: &str) -> bool {
    WEEKDAYS.iter().any(|d| folded(d) == f)
}

/// `f`, folded, is a month name or its short form in one of the lexicon's languages.
pub(crate) fn is_month(f: &str) -> bool {
    ALL_MONTHS.iter().flat_map(|l| l.iter()).any(|(m, _)| folded(m) == f)
}

pub(crate) fn is_plausible_name(name: &str) -> bool {
    let chars = name.chars().count();
    let words = name.split(' ').count();
    (2..=NAME_MAX_CHARS).contains(&chars)
        && words <= NAME_MAX_WORDS
        && name.chars().any(char::is_alphabetic)
        && !looks_like_url(name)
        && !name.contains('@')
        && {
            let f = fold(name);
            !NOT_AN_AUTHOR.iter().any(|n| folded(n) == f)
        }
}

/// The visible byline element, Readability-style: the first visible element with
/// `rel=author`, an `itemprop` containing "author", or a class/id in [`BYLINE_CLASS_TOKENS`],
/// whose text is 1..[`BYLINE_MAX_CHARS`] characters. Returns the element and its text (the text
/// of an `itemprop=name` child when there is one).
pub fn find_byline_element(doc: &Document, ctx: &Context) -> Option<(NodeId, String)> {
    let body = doc.body();
    for id in doc.descendants(body) {
        let Some(e) = doc.element(id) else { continue };
        // Class and id tested apart: no token holds a space, so none can straddle the two.
        let attrs = Attrs::of(e);
        let (class, eid) = (attrs.class, attrs.id);
        let named = |tokens: &[&str]| {
            tokens.iter().any(|t| contains_ascii_ci(class, t) || contains_ascii_ci(eid, t))
        };
        // Every byline token holds one of these: a few scans rule most elements out.
        let may_be_named = || {
            BYLINE_TOKEN_CORES
                .iter()
                .any(|t| contains_ascii_ci(class, t) || contains_ascii_ci(eid, t))
        };
        let marked =
            attrs.rel == Some("author") || attrs.itemprop.is_some_and(|p| p.contains("author"));
        let (mut is_byline, mut foreign) = (marked, false);
        if !marked && may_be_named() && !named(BYLINE_CLASS_EXCLUDE) {
            is_byline = named(BYLINE_CLASS_TOKENS);
            foreign = !is_byline && named(FOREIGN_BYLINE_CLASS_TOKENS);
            is_byline |= foreign;
        }
        if !is_byline
            || matches!(&*e.name, "meta" | "link" | "img" | "script" | "style" | "body" | "html")
        {
            continue;
        }
        // Cheap size guard before building the text: a byline element is small.
        if doc.descendants(id).len() > 60 {
            continue;
        }
        let text = normalize_ws(&doc.text_content(id));
        if text.is_empty()
            || text.chars().count() >= BYLINE_MAX_CHARS
            || ctx.hidden(id)
            || ctx.in_side(id)
        {
            continue;
        }
        let name_child = doc.descendants(id).skip(1).find(|&c| {
            doc.element(c).and_then(|ce| ce.attr("itemprop")).is_some_and(|p| p.contains("name"))
        });
        let text = name_child
            .map(|c| normalize_ws(&doc.text_content(c)))
            .filter(|t| !t.is_empty())
            .unwrap_or(text);
        if foreign && !split_names(&text).first().is_some_and(|n| looks_like_name(n)) {
            continue;
        }
        if split_names(&text).is_empty() {
            // Bylines padded with labels and e-mail links: try the author link or name child.
            let child = doc.descendants(id).skip(1).filter(|&c| {
                doc.element(c).is_some_and(|ce| {
                    &*ce.name == "a"
                        || ce.class().contains("name")
                        || ce.class().split_whitespace().any(|t| t == "fn")
                })
            });
            let found = child
                .map(|c| normalize_ws(&doc.text_content(c)))
                .find(|t| !split_names(t).is_empty());
            match found {
                Some(t) => return Some((id, t)),
                // "Posted on", "Published by" with the name elsewhere: not the byline.
                None => continue,
            }
        }
        return Some((id, text));
    }
    None
}

/// The names after an author label ("<span>Autor:</span> Fritz Imhof<br>", "<h4>Autor</h4>
/// <p><a>Nikolai Huke</a></p>"): `label` is an element whose whole text is one of
/// [`AUTHOR_LABELS`]; the value is the text of its following siblings up to a line break, the
/// first sibling element with text, or [`BYLINE_MAX_CHARS`].
pub fn labelled_names(doc: &Document, label: NodeId) -> Vec<String> {
    let Some(parent) = doc.parent(label) else { return Vec::new() };
    let mut value = String::new();
    for sib in doc.children(parent).skip_while(|&c| c != label).skip(1) {
        if doc.tag(sib) == "br" && !value.trim().is_empty() {
            break;
        }
        let t = match doc.text(sib) {
            Some(t) => t.to_string(),
            None => first_line(doc, sib),
        };
        value.push(' ');
        value.push_str(&t);
        if (doc.element(sib).is_some() && !t.trim().is_empty())
            || value.chars().count() >= BYLINE_MAX_CHARS
        {
            break;
        }
    }
    let value = normalize_ws(&value);
    if value.chars().count() >= BYLINE_MAX_CHARS {
        return Vec::new();
    }
    // A label in a menu is followed by a link text, not a name ("Wer schreibt für …").
    let names = split_names(&value);
    if names.first().is_some_and(|n| looks_like_name(n)) {
        names
    } else {
        Vec::new()
    }
}

/// The names after an author label written as loose text ("Autor: " in a block of lines
/// parted by `<br>`): the text of the label's following siblings up to the next `<br>`, all of
/// it (a title link such as "<a>Rechtsanwalt</a> Sebastian Einbock" is part of the line), at
/// most [`BYLINE_MAX_CHARS`]. Names only when the line reads as one.
pub fn loose_labelled_names(doc: &Document, label: NodeId) -> Vec<String> {
    let Some(parent) = doc.parent(label) else { return Vec::new() };
    let mut value = String::new();
    for sib in doc.children(parent).skip_while(|&c| c != label).skip(1) {
        if doc.tag(sib) == "br" {
            break;
        }
        match doc.text(sib) {
            Some(t) => value.push_str(t),
            None => value.push_str(&doc.text_content(sib)),
        }
        if value.chars().count() >= BYLINE_MAX_CHARS {
            return Vec::new();
        }
    }
    let value = normalize_ws(&value);
    let names = split_names(&value);
    if !names.is_empty() && names.iter().all(|n| looks_like_name(n)) {
        names
    } else {
        Vec::new()
    }
}

/// The text of `id` up to its first line break after some text: "<p><b>Jan Koch<br></b>Telefon
/// 040 …</p>" gives "Jan Koch" (a name, then the contact details on their own lines).
fn first_line(doc: &Document, id: NodeId) -> String {
    let mut out = String::new();
    for d in doc.descendants(id) {
        if doc.tag(d) == "br" && !out.trim().is_empty() {
            break;
        }
        if let Some(t) = doc.text(d).filter(|_| !doc.in_raw_text(d)) {
            out.push_str(t);
        }
    }
    out
}

/// True when a short block's text is only an author label ("Autor:", "Author", "Auteur :").
pub fn is_author_label(block_text: &str) -> bool {
    // A separator may open it ("| By" after a category name).
    let t = block_text.trim_start_matches(['|', '·', ' ']);
    is_only_label(t, AUTHOR_LABELS, *AUTHOR_LABEL_MAX_BYTES)
}

/// True when a short block's text is only a contact label ("Pressekontakt", "Contact presse :").
pub fn is_contact_label(block_text: &str) -> bool {
    is_only_label(block_text, CONTACT_LABELS, *CONTACT_LABEL_MAX_BYTES)
}

/// `text`, without a closing colon, folds to one of `labels`, whose longest folds to
/// `max_bytes`. Folded a character at a time: a text that folds longer is none of them.
fn is_only_label(text: &str, labels: &[&'static str], max_bytes: usize) -> bool {
    let mut f = crate::rules::lexicon::Folder::default();
    for c in text.trim_end_matches([':', ' ']).chars() {
        f.push(c);
        if f.out.len() > max_bytes {
            return false;
        }
    }
    labels.iter().any(|l| folded(l) == f.out)
}

/// The length of the longest folded [`AUTHOR_LABELS`] entry, in bytes.
static AUTHOR_LABEL_MAX_BYTES: std::sync::LazyLock<usize> =
    std::sync::LazyLock::new(|| AUTHOR_LABELS.iter().map(|l| folded(l).len()).max().unwrap_or(0));
/// The same for [`CONTACT_LABELS`].
static CONTACT_LABEL_MAX_BYTES: std::sync::LazyLock<usize> =
    std::sync::LazyLock::new(|| CONTACT_LABELS.iter().map(|l| folded(l).len()).max().unwrap_or(0));

/// A short block starting with a byline prefix and a capitalised name ("By Jane Doe and John
/// Roe", "Par Jean Dupont", "بقلم محمد علي"). `block_text` is whitespace-normalised.
/// The text after a leading dateline ("صفاقس - كتبه: …", "PARIS — By …"): a place of at most
/// [`DATELINE_MAX_WORDS`] words before a dash. Unchanged when there is none.
pub fn after_dateline(text: &str) -> &str {
    // No '-' and no byte that starts '–' or '—' (E2 80 93/94): no separator (most blocks).
    if !text.bytes().any(|b| b == b'-' || b == 0xE2) {
        return text;
    }
    for sep in [" - ", " – ", " — "] {
        if let Some((head, rest)) = text.split_once(sep) {
            if !head.trim().is_empty()
                && head.split_whitespace().count() <= DATELINE_MAX_WORDS
                && !head.chars().any(|c| c.is_ascii_digit())
            {
                return rest.trim_start();
            }
        }
    }
    text
}

/// Words a dateline's place name may have.
const DATELINE_MAX_WORDS: usize = 3;

pub fn is_prefixed_byline(block_text: &str) -> bool {
    // A separator may open it: "05.02.2020 <span>- Redaktion: Eberhard Fuhr</span>".
    let block_text = block_text.trim_start_matches(|c: char| !c.is_alphanumeric());
    is_prefixed_byline_here(block_text) || {
        let rest = after_dateline(block_text);
        rest.len() != block_text.len() && is_prefixed_byline_here(rest)
    }
}

fn is_prefixed_byline_here(block_text: &str) -> bool {
    // Cheap first test on the folded head (this runs for every short block of the page): its
    // first characters, then the whole head.
    let mut folder = crate::rules::lexicon::Folder::default();
    let mut chars = block_text.chars().take(BYLINE_PREFIX_MAX_CHARS);
    fold_head(&mut folder, &mut chars);
    if !BYLINE_PREFIX_HEADS.admit(&folder.out) {
        return false;
    }
    chars.for_each(|c| folder.push(c));
    let head = folder.out;
    if !FOLDED_BYLINE_PREFIXES.iter().any(|p| head.starts_with(p.as_str())) {
        return false;
    }
    if block_text.chars().count() >= BYLINE_MAX_CHARS
        || block_text.split(' ').count() > PREFIXED_BYLINE_MAX_WORDS
    {
        return false;
    }
    BYLINE_PREFIXES.iter().any(|p| {
        strip_prefix_folded(block_text, p).is_some_and(|rest| {
            let rest = rest.trim_start_matches([' ', ':']);
            let names = split_names(block_text);
            let Some(first) = names.first() else { return false };
            // Latin names are capitalised; caseless scripts (Arabic) just need a letter.
            let capital = rest
                .chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || (c.is_alphabetic() && !c.is_lowercase()));
            // Without an element marking it, the line must also read as names: "Von Mob mit
            // Macheten ermordet" is a German headline, "By 2030 the city…" a sentence. Only the
            // first name is tested: agencies follow in lower case ("Von David Hutzler, dpa").
            (capital && looks_like_name(first))
                || (p.contains(' ') && names.len() == 1 && is_dated_handle(rest, first))
        })
    })
}

/// A login name that a date follows ("rasos am 24. Juli 2017", "mitundvoneinander | 31.
/// Dezember 2008"): forum and blog CMSs print the user name as typed, often in lower case. Only
/// after a phrase of several words ("Gespeichert von", "Verfasst von", "Posted by"), which no
/// sentence opens the way "Von …" or "By …" may.
fn is_dated_handle(rest: &str, name: &str) -> bool {
    !name.contains(' ')
        && rest.strip_prefix(name).is_some_and(|tail| {
            tail.starts_with(|c: char| !c.is_alphanumeric()) && tail.chars().any(|c| c.is_numeric())
        })
}

/// Every word of a name is capitalised, caseless (Arabic) or a [`NAME_PARTICLES`] word.
pub(crate) fn looks_like_name(name: &str) -> bool {
    name.split(' ').filter(|w| !w.is_empty()).all(|w| {
        let first = w.chars().find(|c| c.is_alphanumeric());
        first.is_none_or(|c| !c.is_lowercase())
            || NAME_PARTICLES.iter().any(|p| w.eq_ignore_ascii_case(p))
    })
}

/// [`BYLINE_PREFIXES`] folded once.
static FOLDED_BYLINE_PREFIXES: std::sync::LazyLock<Vec<String>> = std::sync::LazyLock::new(|| {
    BYLINE_PREFIXES.iter().map(|p| fold(p)).filter(|p| !p.is_empty()).collect()
});

/// The first characters of [`FOLDED_BYLINE_PREFIXES`].
static BYLINE_PREFIX_HEADS: std::sync::LazyLock<PrefixHeads> =
    std::sync::LazyLock::new(|| PrefixHeads::new(&FOLDED_BYLINE_PREFIXES));

/// Longer than any byline prefix, in characters.
const BYLINE_PREFIX_MAX_CHARS: usize = 32;

/// The writer an author box names in its heading: `<div class="author-bio"><h3>Martin
/// Junker</h3><img …><p>bio…</p></div>`, LinkedIn's `author-info` card with its `<h3>` title
/// link. Only shown boxes outside sidebars and comments (a sidebar's box presents the blog's
/// owner, a comment's its commenter). The heading must be nothing but a name: two to five
/// capitalised words, no author label ("Über den Autor", "About the author").
pub fn author_box_name(doc: &Document, ctx: &Context) -> Option<String> {
    use crate::rules::{
        AUTHOR_BOX_MAX_NODES, AUTHOR_BOX_NAME_WORDS, AUTHOR_BOX_STEM, AUTHOR_BOX_TOKENS,
    };
    let body = doc.body();
    // Every token holds AUTHOR_BOX_STEM: one scan of the names rejects nearly all elements.
    let is_box = |id: NodeId| {
        doc.element(id).is_some_and(|e| {
            let a = Attrs::of(e);
            let named = |t: &str| contains_ascii_ci(a.class, t) || contains_ascii_ci(a.id, t);
            named(AUTHOR_BOX_STEM) && AUTHOR_BOX_TOKENS.iter().any(|t| named(t))
        })
    };
    let mut after_box: Option<NodeId> = None;
    for id in doc.descendants(body) {
        // Boxes nested in a box already read are skipped (each box is searched once).
        if after_box.is_some_and(|b| doc.contains(b, id)) {
            continue;
        }
        if !is_box(id) || ctx.hidden(id) || ctx.in_side(id) {
            continue;
        }
        after_box = Some(id);
        let heading = doc
            .descendants(id)
            .take(AUTHOR_BOX_MAX_NODES)
            .find(|&d| matches!(doc.tag(d), "h2" | "h3" | "h4" | "h5" | "h6"))
            .map(|h| normalize_ws(&doc.text_content(h)));
        let Some(text) = heading else { continue };
        let text = AUTHOR_BOX_HEADING_PREFIXES
            .iter()
            .find_map(|p| strip_prefix_folded(&text, p))
            .map_or(text.clone(), |rest| rest.trim().to_string());
        let words: Vec<&str> = text.split(' ').collect();
        let labelled = words.iter().any(|w| AUTHOR_LABELS.iter().any(|l| folded(l) == fold(w)));
        if labelled || !AUTHOR_BOX_NAME_WORDS.contains(&words.len()) || !looks_like_name(&text) {
            continue;
        }
        if let [name] = split_names(&text).as_slice() {
            if fold(name) == fold(&text) {
                return Some(name.clone());
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_names() {
        // Guest and host of an interview.
        assert_eq!(
            split_names("Richard David Precht im Gespräch mit Karin Fischer"),
            ["Richard David Precht", "Karin Fischer"]
        );
        assert_eq!(split_names("Jane Doe in conversation with John Roe"), ["Jane Doe", "John Roe"]);
        assert_eq!(
            split_names("By Kirk Semple and Ernesto Londoño"),
            ["Kirk Semple", "Ernesto Londoño"]
        );
        assert_eq!(
            split_names("By A. Smith, B. Jones and C. Brown | The Site"),
            ["A. Smith", "B. Jones", "C. Brown"]
        );
        assert_eq!(
            split_names("Par Jean Dupont et Marie Curie le 23 janvier 2023"),
            ["Jean Dupont", "Marie Curie"]
        );
        assert_eq!(split_names("بقلم محمد علي و أحمد حسن"), ["محمد علي", "أحمد حسن"]);
        assert_eq!(split_names("Von Anna Schmidt, 23.01.2023"), ["Anna Schmidt"]);
        assert_eq!(split_names("Por María López"), ["María López"]);
        assert_eq!(split_names("Written by Jane Doe on March 3, 2021"), ["Jane Doe"]);
        assert_eq!(split_names("BY JANE DOE"), ["JANE DOE"]);
        assert_eq!(split_names("Jane Doe, Jane Doe"), ["Jane Doe"]);
        assert_eq!(
            split_names("- Redaktion: Eberhard Fuhr (Pressesprecher des EJW)"),
            ["Eberhard Fuhr"]
        );
        assert_eq!(split_names("Richard (R.J.) Eskow"), ["Richard (R.J.) Eskow"]);
        assert!(split_names("https://facebook.com/someone").is_empty());
        assert!(split_names("admin").is_empty());
        assert!(split_names("").is_empty());
        assert_eq!(split_names("Byron Smith"), ["Byron Smith"]);
        // The names after a date.
        assert_eq!(split_names("Posted on September 21, 2020 by Adi Tzlil"), ["Adi Tzlil"]);
        assert_eq!(split_names("06.11.2023 13:30 von Olga Meier"), ["Olga Meier"]);
        assert_eq!(split_names("Gespeichert von Rasos am 24. Juli 2017 - 18:55"), ["Rasos"]);
        assert_eq!(
            split_names("Autoren Jelko Djuren und Jutta Klaukien"),
            ["Jelko Djuren", "Jutta Klaukien"]
        );
        assert_eq!(split_names("Text: Klausmartin Friedrich"), ["Klausmartin Friedrich"]);
        assert_eq!(
            split_names("Ein Artikel von Pamela Sladky | 27.01.2022 - 12:45"),
            ["Pamela Sladky"]
        );
        assert!(split_names("[email protected]").is_empty());
    }

    #[test]
    fn labelled_authors() {
        use crate::options::Options;
        let names = |html: &str| {
            let doc = Document::parse(html, &Options::default()).expect("parse");
            let label = (0..doc.len() as u32)
                .find(|&i| doc.element(i).is_some_and(|e| e.class() == "l"))
                .unwrap_or(0);
            assert!(is_author_label(&normalize_ws(&doc.text_content(label))));
            labelled_names(&doc, label)
        };
        assert_eq!(
            names(
                r#"<p><span>Datum:</span> 19.11.2021<br><span class="l">Autor:</span> Fritz Imhof<br><span>Quelle:</span> X</p>"#
            ),
            ["Fritz Imhof"]
        );
        assert_eq!(
            names(
                r#"<div><h4 class="l">Autor</h4><p><a href="/p">Nikolai Huke</a>, </p><h4>Datum</h4><p>x</p></div>"#
            ),
            ["Nikolai Huke"]
        );
        assert_eq!(
            names(
                r#"<p><strong class="l">Auteur :</strong> <a href="/a">Jean Dupont</a> et Marie Curie<br>Photos : Y</p>"#
            ),
            ["Jean Dupont"]
        );
        assert!(names(
            r#"<ul><li class="l">Autoren</li><li><a href="/w">Wer schreibt für uns</a></li></ul>"#
        )
        .is_empty());
        assert!(!is_author_label("Autorenverzeichnis"));
    }

    #[test]
    fn contact_labels_and_first_lines() {
        use crate::options::Options;
        assert!(is_contact_label("Pressekontakt"));
        assert!(is_contact_label("Contact presse :"));
        assert!(is_contact_label("جهة الاتصال"));
        assert!(!is_contact_label("Kontaktformular"));
        assert!(!is_contact_label("Autor:"));
        // The value element's first line: the name, not the telephone line below it.
        let doc = Document::parse(
            r#"<div><div class="l">Kontakt:</div><p><b>Jan Koch<br></b>Telefon 040 49 07<br>jan@example.org</p></div>"#,
            &Options::default(),
        )
        .expect("parse");
        let label = (0..doc.len() as u32)
            .find(|&i| doc.element(i).is_some_and(|e| e.class() == "l"))
            .unwrap_or(0);
        assert_eq!(labelled_names(&doc, label), ["Jan Koch"]);
    }

    #[test]
    fn quick_tests_agree_with_the_full_ones() {
        // find_byline_element rules out elements without "by" or "author" before the tokens.
        assert!(BYLINE_CLASS_TOKENS
            .iter()
            .chain(FOREIGN_BYLINE_CLASS_TOKENS)
            .all(|t| BYLINE_TOKEN_CORES.iter().any(|c| t.contains(c))));
        assert!(style_hides("color: red; DISPLAY : NONE"));
        assert!(style_hides("ddisplay:none"));
        assert!(style_hides("visibility: hidden"));
        assert!(!style_hides("display: block; visibility: visible"));
        assert!(!style_hides("display:nonne; visibility:hid"));
    }

    #[test]
    fn prefixed_bylines() {
        assert!(is_prefixed_byline("By Jane Doe"));
        assert!(is_prefixed_byline("Par Jean Dupont"));
        assert!(is_prefixed_byline("بقلم محمد علي"));
        assert!(!is_prefixed_byline("By 2030, the city will have grown a lot."));
        assert!(!is_prefixed_byline("by the way"));
        assert!(!is_prefixed_byline("Byron Smith said hello"));
        assert!(!is_prefixed_byline("Von Mob mit Macheten ermordet"));
        assert!(is_prefixed_byline("Von Anna von der Heide"));
        assert!(is_prefixed_byline("Por José de la Cruz"));
        assert!(is_prefixed_byline("- Redaktion: Eberhard Fuhr (Pressesprecher des EJW)"));
        // A login name in lower case: after a phrase of several words, with a date after it.
        assert!(is_prefixed_byline("Gespeichert von rasos am 24. Juli 2017 - 18:55"));
        assert!(is_prefixed_byline("Verfasst von: mitundvoneinander | 31. Dezember 2008"));
        assert!(!is_prefixed_byline("Gespeichert von rasos"));
        assert!(!is_prefixed_byline("Von morgens bis 18 Uhr geöffnet"));
        assert!(!is_prefixed_byline("Par jean le 12 mars"));
        assert!(!is_prefixed_byline("Publié par la mairie le 12 mars"));
    }
}

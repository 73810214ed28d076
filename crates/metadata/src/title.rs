//! The article title from `<title>`, cleaned like Readability's `_getArticleTitle`
//! (reference.md §3.3), and Readability's text similarity used to choose between JSON-LD
//! `name` and `headline`.

use super::text::{normalize_ws, raw_text};
use crate::dom::Document;

/// Separators between a title and the site name, each with spaces around it in the title.
pub const TITLE_SEPARATORS: &[char] = &['|', '-', '–', '—', '\\', '/', '>', '»'];
/// The subset that marks a hierarchy ("Site » Section » Title") rather than "Title | Site".
pub const HIERARCHICAL_SEPARATORS: &[char] = &['\\', '/', '>', '»'];
/// Under this many words after cutting, Readability drops the first part instead.
const MIN_WORDS_AFTER_CUT: usize = 3;
/// More words than this before a colon means the colon is part of the title.
const MAX_WORDS_BEFORE_COLON: usize = 5;
/// Titles outside this length range (chars) are replaced by the single `<h1>`.
const TITLE_MIN_CHARS: usize = 15;
const TITLE_MAX_CHARS: usize = 150;
/// A cleaned title this short (words) reverts to the original unless a hierarchy was cut.
const MIN_CLEAN_TITLE_WORDS: usize = 4;

fn word_count(s: &str) -> usize {
    // Readability: str.split(/\s+/).length — an empty string counts as one word.
    s.split(char::is_whitespace).filter(|w| !w.is_empty()).count().max(1)
}

/// Byte offsets of every " X " separator (space, separator, space) in `s`, at the space.
fn separator_positions(s: &str, set: &[char]) -> Vec<usize> {
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    let mut out = Vec::new();
    for w in chars.windows(3) {
        if let [(i, a), (_, b), (_, c)] = w {
            if a.is_whitespace() && set.contains(b) && c.is_whitespace() {
                out.push(*i);
            }
        }
    }
    out
}

/// Text of the document's first `<title>`, whitespace-normalised (like `document.title`).
pub fn document_title(doc: &Document) -> String {
    // `<title>` inside an inline <svg> is not the document title.
    let id = (0..doc.len() as u32)
        .find(|&i| doc.tag(i) == "title" && !doc.ancestors(i).any(|a| doc.tag(a) == "svg"));
    id.map(|i| normalize_ws(&raw_text(doc, i))).unwrap_or_default()
}

/// Readability's `_getArticleTitle`: strip the site name from the `<title>`.
pub fn article_title(doc: &Document) -> String {
    let orig = document_title(doc);
    let mut cur = orig.clone();
    let mut had_hierarchical = false;
    let seps = separator_positions(&cur, TITLE_SEPARATORS);
    if let Some(&last) = seps.last() {
        had_hierarchical = !separator_positions(&cur, HIERARCHICAL_SEPARATORS).is_empty();
        cur = orig.get(..last).unwrap_or("").to_string();
        if word_count(&cur) < MIN_WORDS_AFTER_CUT {
            // Remove everything up to and including the first separator character.
            let first = orig
                .char_indices()
                .find(|(_, c)| TITLE_SEPARATORS.contains(c))
                .map(|(i, c)| i + c.len_utf8());
            cur = first.and_then(|f| orig.get(f..)).unwrap_or("").to_string();
        }
    } else if cur.contains(": ") {
        let trimmed = cur.trim();
        let heading_matches = (0..doc.len() as u32)
            .filter(|&i| matches!(doc.tag(i), "h1" | "h2"))
            .any(|i| doc.text_content(i).trim() == trimmed);
        if !heading_matches {
            let after_last = orig.rfind(':').and_then(|p| orig.get(p + 1..)).unwrap_or("");
            cur = after_last.to_string();
            if word_count(&cur) < MIN_WORDS_AFTER_CUT {
                cur = orig.find(':').and_then(|p| orig.get(p + 1..)).unwrap_or("").to_string();
            } else if word_count(orig.find(':').and_then(|p| orig.get(..p)).unwrap_or(""))
                > MAX_WORDS_BEFORE_COLON
            {
                cur = orig.clone();
            }
        }
    } else {
        let len = cur.chars().count();
        if !(TITLE_MIN_CHARS..=TITLE_MAX_CHARS).contains(&len) {
            let h1s: Vec<u32> = (0..doc.len() as u32).filter(|&i| doc.tag(i) == "h1").collect();
            if let [only] = h1s.as_slice() {
                cur = doc.text_content(*only);
            }
        }
    }
    let cur = normalize_ws(&cur);
    let cur_words = word_count(&cur);
    let orig_without_seps = {
        let mut s = orig.clone();
        for p in separator_positions(&orig, TITLE_SEPARATORS).into_iter().rev() {
            // Replace " X " by " ": drop the separator char and one space.
            let sep_len =
                orig.get(p + 1..).and_then(|r| r.chars().next()).map(char::len_utf8).unwrap_or(1);
            if let (Some(a), Some(b)) = (s.get(..p), s.get(p + 1 + sep_len..)) {
                s = format!("{a}{b}");
            }
        }
        s
    };
    if cur_words <= MIN_CLEAN_TITLE_WORDS
        && (!had_hierarchical || cur_words != word_count(&orig_without_seps).saturating_sub(1))
    {
        return orig;
    }
    cur
}

/// A headline shorter than this many words is too generic to decide a title ("News", "Blog").
pub const HEADLINE_MIN_WORDS: usize = 2;
/// At most this many `<h1>`s are looked at (pages with more use them for teasers).
const HEADLINE_MAX_H1S: usize = 3;
/// A kicker before the headline ("Chronik: …", "Corona-Lockerungen: …") has at most this many
/// words; longer heads are part of the title.
pub const KICKER_MAX_WORDS: usize = 6;
/// Characters that open what a meta title adds after the headline: a separator, a site or
/// section name in brackets ("» Blog Archiv", "(neues deutschland)", "│ Nestlé Marktplatz").
const TRAILER_OPENERS: &[char] = &['|', '-', '–', '—', '›', '»', '•', '│', ':', '/', '(', '·'];
/// Separators that end a kicker: "Kicker: Headline", "Kicker - Headline".
const KICKER_SEPARATORS: &[&str] = &[": ", " : ", " - ", " – ", " — ", " | "];

/// A trailer that is a note rather than a name: a date or time (it holds a digit), a bracketed
/// remark, or nothing but the separator. A bare name after a separator ("| IAB", "| Eleanor
/// Ainge Roy") is left alone: Readability keeps it, and it is the site or the author, which
/// [`super::strip_site_name`] removes when the page declares it. (Cutting every trailer gained
/// 9 trafilatura-dev titles but lost 4 of Readability's.)
fn is_note(trailer: &str) -> bool {
    let t = trailer.trim().trim_start_matches(TRAILER_OPENERS).trim();
    t.is_empty()
        || t.chars().any(|c| c.is_ascii_digit())
        || separator_positions(trailer, HIERARCHICAL_SEPARATORS).len()
            >= crate::rules::BREADCRUMB_TRAILER_MIN_SEPARATORS
        || (t.starts_with('(') || trailer.trim().starts_with('(')) && t.ends_with(')')
}

/// Texts of the page's first `<h1>`s, whitespace-normalised. An `<h1>` built of several
/// elements, a kicker line then the headline (`<h1><span>Klimaschutz</span><span>: </span>
/// <span>Bohren, bis es heiß wird</span></h1>`), also gives its last part: the headline the
/// reader sees under the kicker, which a meta title "Kicker: Headline" is then trimmed to.
pub fn headline_texts(doc: &Document) -> Vec<String> {
    let mut out = Vec::new();
    for i in (0..doc.len() as u32).filter(|&i| doc.tag(i) == "h1").take(HEADLINE_MAX_H1S) {
        let parts: Vec<String> = doc
            .children(i)
            .filter(|&c| doc.element(c).is_some())
            .map(|c| normalize_ws(&doc.text_content(c)))
            .filter(|t| !t.is_empty())
            .collect();
        // Only elements: loose text beside them would be part of the headline.
        let loose_text = doc.children(i).any(|c| doc.text(c).is_some_and(|t| !t.trim().is_empty()));
        // The headline part first: a meta title equal to the whole `<h1>` is trimmed to it too.
        if parts.len() >= 2 && !loose_text {
            out.extend(parts.last().cloned());
        }
        out.push(normalize_ws(&doc.text_content(i)));
    }
    out.retain(|t| t.split(' ').count() >= HEADLINE_MIN_WORDS);
    out
}

/// A meta title that is the page's `<h1>` plus a kicker in front ("Chronik: Lotte Tobisch ist
/// tot") or a trailer after a separator ("… › Nordish by Nature", "… : 06.11.2023, 11.41 Uhr")
/// becomes the `<h1>`: the headline readers see, without the section, site or date the meta
/// title adds for search engines. Anything else is kept.
pub fn trim_to_headline(meta: &str, headlines: &[String]) -> String {
    trim_to_headline_with(meta, headlines, KICKER_SEPARATORS)
}

/// Kicker separators of a `<title>`: only the colon. A dash there parts the site from the page
/// ("Evolve: Shared Mutable History — evolve extension for Mercurial", whose `<h1>` is the
/// site's name), which Readability's title keeps.
const DOCUMENT_TITLE_KICKER_SEPARATORS: &[&str] = &[": ", " : "];

/// [`trim_to_headline`] for a title read from `<title>`: the trailer rules, and kickers closed
/// by a colon ("SONNENENERGIE: Der WindRebell").
pub fn trim_document_title_to_headline(t: &str, headlines: &[String]) -> String {
    trim_to_headline_with(t, headlines, DOCUMENT_TITLE_KICKER_SEPARATORS)
}

fn trim_to_headline_with(meta: &str, headlines: &[String], kickers: &[&str]) -> String {
    for h in headlines {
        if meta == h {
            return meta.to_string();
        }
        if let Some(rest) = meta.strip_prefix(h.as_str()) {
            if rest.trim_start().starts_with(TRAILER_OPENERS)
                && rest.starts_with(' ')
                && is_note(rest)
            {
                return h.clone();
            }
        }
        if let Some(head) = meta.strip_suffix(h.as_str()) {
            let kicker = kickers.iter().find_map(|sep| head.strip_suffix(sep));
            if kicker.is_some_and(|k| {
                !k.trim().is_empty() && k.split_whitespace().count() <= KICKER_MAX_WORDS
            }) {
                return h.clone();
            }
        }
    }
    meta.to_string()
}

/// The page's headline as printed: the text of `h1`, the first shown `<h1>` outside sidebars,
/// and whether it is one run of text ([`crate::rules::HEADLINE_INLINE_TAGS`] only)
/// rather than a heading composed of a kicker, a headline and a date line.
pub fn visible_headline(doc: &Document, h1: u32) -> Option<(String, bool)> {
    use crate::rules::HEADLINE_INLINE_TAGS;
    let plain = doc
        .descendants(h1)
        .skip(1)
        .filter(|&d| doc.element(d).is_some())
        .all(|d| HEADLINE_INLINE_TAGS.contains(&doc.tag(d)));
    let text = normalize_ws(&doc.text_content(h1));
    (!text.is_empty()).then_some((text, plain))
}

/// The printed headline instead of a title that is a variant of it:
/// 1. the headline extends the title with more words at either end (og:title "Ultium Cells
///    erhöht Gigafactory-Kapazität", `<h1>` "… in Tennessee"; a quote before it) — only a
///    one-run `<h1>`, whose text is not a kicker and date glued to the headline;
/// 2. the title is the headline plus a label of a word or two without a separator
///    ("Schneewittchen-Kuchen mit Mini-Marshmallows Rezept", "… von jesusfreak");
/// 3. the title is a one-token kicker glued before a headline of several words
///    ("SARS-2/COVID-19 Heute schon an morgen denken");
/// 4. a one-run headline holds the title's words in order plus a few inserted
///    ([`crate::rules::HEADLINE_INSERTED_MAX_WORDS`]; letter case counts, so "The seven secrets
///    …" does not replace Readability's "Seven secrets …").
///
/// Readability's truth keeps `og:title` where the `<h1>` is worded differently; these four
/// only fire when one contains the other, which that corpus never shows.
pub fn prefer_headline(title: &str, headline: &str, plain: bool) -> Option<String> {
    use crate::rules::{
        HEADLINE_GLUED_KICKER_MIN_WORDS, HEADLINE_ONE_WORD_MIN_CHARS, HEADLINE_TRAILER_MAX_WORDS,
    };
    let (t, h) = (title.trim(), headline.trim());
    if t.is_empty() || h.is_empty() || t == h {
        return None;
    }
    let h_words = h.split(' ').count();
    if h_words < HEADLINE_MIN_WORDS && h.chars().count() < HEADLINE_ONE_WORD_MIN_CHARS {
        return None;
    }
    let boundary = |c: Option<char>| c.is_some_and(|c| !c.is_alphanumeric());
    // 1. The headline extends the title.
    if plain && h.len() > t.len() && h.chars().count() <= TITLE_MAX_CHARS {
        // More words after the title, not a site name after a separator ("Gaby’s - Colours
        // of the Soul").
        if let Some(rest) = h.strip_prefix(t) {
            if boundary(rest.chars().next())
                && !rest.trim_start().starts_with(TITLE_SEPARATORS)
                && rest.chars().any(char::is_alphabetic)
            {
                return Some(h.to_string());
            }
        }
        // A head closed by punctuation ("\"Pure Leere\": …"), not the start of a longer
        // sentence ("Unsere 3 wichtigsten Maßnahmen zur Nachhaltigkeit im Onlineshop").
        if let Some(head) = h.strip_suffix(t) {
            if boundary(head.chars().next_back())
                && boundary(head.trim_end().chars().next_back())
                && head.chars().any(char::is_alphabetic)
            {
                return Some(h.to_string());
            }
        }
    }
    // 4. The one-run headline holds the title's words in order, with a few more inserted.
    if plain {
        fn words(s: &str) -> Vec<&str> {
            s.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect()
        }
        let (tw, hw) = (words(t), words(h));
        let extra = hw.len().saturating_sub(tw.len());
        let mut it = hw.iter();
        let in_order = tw.iter().all(|w| it.any(|x| x == w));
        if !tw.is_empty()
            && (1..=crate::rules::HEADLINE_INSERTED_MAX_WORDS).contains(&extra)
            && in_order
            && h.chars().count() <= TITLE_MAX_CHARS
        {
            return Some(h.to_string());
        }
    }
    let plain_words = |s: &str| {
        let n = s.split(' ').filter(|w| !w.is_empty()).count();
        (1..=HEADLINE_TRAILER_MAX_WORDS).contains(&n)
            && s.starts_with(char::is_alphabetic)
            && s.chars().all(|c| c.is_alphabetic() || c == ' ' || c == '-')
    };
    // 2. A label after the headline.
    if let Some(rest) = t.strip_prefix(h).and_then(|r| r.strip_prefix(' ')) {
        if plain_words(rest) {
            return Some(h.to_string());
        }
    }
    // 3. A one-token kicker glued before a long headline.
    if let Some(head) = t.strip_suffix(h).and_then(|r| r.strip_suffix(' ')) {
        if h_words >= HEADLINE_GLUED_KICKER_MIN_WORDS
            && !head.is_empty()
            && !head.contains(' ')
            && !head.ends_with(TRAILER_OPENERS)
        {
            return Some(h.to_string());
        }
    }
    None
}

/// Words after the site name in a feed's title ("DimidoBlog RSS Feed", "Site » Feed"), folded.
const FEED_TITLE_TAILS: &[&str] = &["rss feed", "atom feed", "rss", "feed"];

/// The site's name as the page prints it for itself, when it declares none: the text of the
/// first `<a rel="home">` (WordPress's site title) and the title of the first RSS/Atom feed
/// `<link>` ("Am Rande der Realität » Feed"). For `<title>`s whose site part names neither
/// og:site_name nor the host ("Uberspace und Let’s Encrypt – Am Rande der Realität").
pub fn branding_names(doc: &Document) -> Vec<String> {
    let (mut home, mut feed) = (None, None);
    for i in 0..doc.len() as u32 {
        let tag = doc.tag(i);
        if home.is_none() && tag == "a" {
            if doc
                .element(i)
                .and_then(|e| e.attr("rel"))
                .is_some_and(|r| r.split_whitespace().any(|t| t.eq_ignore_ascii_case("home")))
            {
                home = Some(normalize_ws(&doc.text_content(i)));
            }
        } else if feed.is_none() && tag == "link" {
            let Some(e) = doc.element(i) else { continue };
            let is_feed = e.attr("rel").is_some_and(|r| r.eq_ignore_ascii_case("alternate"))
                && e.attr("type").is_some_and(|t| t.contains("rss") || t.contains("atom"));
            if let Some(t) = e.attr("title").filter(|_| is_feed) {
                let t = normalize_ws(t);
                let name = match t.split_once(" » ") {
                    Some((head, _)) => head.to_string(),
                    None => {
                        let lower = crate::lower::lowercase(&t);
                        FEED_TITLE_TAILS
                            .iter()
                            .find_map(|tail| {
                                lower.strip_suffix(tail).and_then(|h| t.get(..h.len()))
                            })
                            .unwrap_or("")
                            .to_string()
                    }
                };
                feed = Some(name.trim_end_matches([' ', '-', '|', ':']).trim().to_string());
            }
        }
        if home.is_some() && feed.is_some() {
            break;
        }
    }
    home.into_iter().chain(feed).filter(|n| !n.is_empty()).collect()
}

/// Readability's `_textSimilarity` ([`crate::prep::text_similarity`]), tokens split on
/// non-word characters as its `\W+` does.
pub fn text_similarity(a: &str, b: &str) -> f32 {
    crate::prep::text_similarity(a, b, |c| !c.is_alphanumeric() && c != '_')
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::options::Options;

    fn t(html: &str) -> String {
        article_title(&Document::parse(html, &Options::default()).expect("parse"))
    }

    #[test]
    fn readability_title_rules() {
        assert_eq!(
            t("<title>Le Maroc signe un accord historique | Le Site</title>"),
            "Le Maroc signe un accord historique"
        );
        // Too few words before the last separator: the first part goes instead.
        assert_eq!(
            t("<title>Le Site - Le Maroc signe un accord</title>"),
            "Le Maroc signe un accord"
        );
        // Readability's quirk: a hierarchy cut that leaves <= 4 words reverts to the original.
        assert_eq!(
            t("<title>Site » Rubrique » Un très long titre ici</title>"),
            "Site » Rubrique » Un très long titre ici"
        );
        assert_eq!(
            t("<title>News: The government announces a big new plan</title>"),
            "The government announces a big new plan"
        );
        assert_eq!(t("<title>News: The government announces a big new plan</title><h1>News: The government announces a big new plan</h1>"), "News: The government announces a big new plan");
        assert_eq!(
            t("<title>Short</title><body><h1>The real and long headline</h1></body>"),
            "The real and long headline"
        );
        assert_eq!(t("<title>Short</title><body><h1>One</h1><h1>Two</h1></body>"), "Short");
        assert_eq!(t("<title>  Home  |  Site </title>"), "Home | Site");
        assert_eq!(t("<body>no title</body>"), "");
        assert_eq!(
            t("<title>عنوان المقال الطويل هنا اليوم - الموقع</title>"),
            "عنوان المقال الطويل هنا اليوم"
        );
    }

    #[test]
    fn meta_title_trimmed_to_headline() {
        let h = |s: &str| vec![s.to_string()];
        assert_eq!(
            trim_to_headline("Chronik: Lotte Tobisch ist tot", &h("Lotte Tobisch ist tot")),
            "Lotte Tobisch ist tot"
        );
        assert_eq!(
            trim_to_headline(
                "Pétition : Non à la mutilation du chœur",
                &h("Non à la mutilation du chœur")
            ),
            "Non à la mutilation du chœur"
        );
        assert_eq!(
            trim_to_headline(
                "Ein Quantensprung für Nordhausen : 06.11.2023, 11.41 Uhr",
                &h("Ein Quantensprung für Nordhausen")
            ),
            "Ein Quantensprung für Nordhausen"
        );
        assert_eq!(
            trim_to_headline("»Kein Geld mehr« (neues deutschland)", &h("»Kein Geld mehr«")),
            "»Kein Geld mehr«"
        );
        assert_eq!(
            trim_to_headline(
                "Pferdesport bei Olympia dabei -",
                &h("Pferdesport bei Olympia dabei")
            ),
            "Pferdesport bei Olympia dabei"
        );
        // A name after the headline stays (Readability keeps it); so does a long head.
        assert_eq!(
            trim_to_headline(
                "Getting LEAN with Digital Ad UX | IAB",
                &h("Getting LEAN with Digital Ad UX")
            ),
            "Getting LEAN with Digital Ad UX | IAB"
        );
        assert_eq!(
            trim_to_headline(
                "One two three four five six seven: The headline here",
                &h("The headline here")
            ),
            "One two three four five six seven: The headline here"
        );
        assert_eq!(
            trim_to_headline("Different words entirely", &h("The headline here")),
            "Different words entirely"
        );
    }

    #[test]
    fn printed_headline_preferred() {
        let p = |t: &str, h: &str, plain: bool| prefer_headline(t, h, plain);
        // 1. The one-run <h1> extends the title, at its end or with a closed head.
        assert_eq!(
            p(
                "Ultium Cells erhöht Gigafactory-Kapazität",
                "Ultium Cells erhöht Gigafactory-Kapazität in Tennessee", true
            )
            .as_deref(),
            Some("Ultium Cells erhöht Gigafactory-Kapazität in Tennessee")
        );
        assert_eq!(
            p(
                "Marita Kramer verpasst Olympia", "\"Pure Leere\": Marita Kramer verpasst Olympia",
                true
            )
            .as_deref(),
            Some("\"Pure Leere\": Marita Kramer verpasst Olympia")
        );
        // ...but not a composed <h1>, a site after a separator, or a longer sentence.
        assert_eq!(
            p("Zuschauer kehren zurück", "Zuschauer kehren zurück 02.02.2022 • Presse", false),
            None
        );
        assert_eq!(p("Gaby’s Blog heute", "Gaby’s Blog heute - Colours of the Soul", true), None);
        assert_eq!(
            p(
                "Nachhaltigkeit im Onlineshop",
                "Unsere 3 wichtigsten Maßnahmen zur Nachhaltigkeit im Onlineshop", true
            ),
            None
        );
        // 2. A label of a word or two after the headline, without a separator.
        assert_eq!(
            p(
                "Schneewittchen-Kuchen mit Mini-Marshmallows Rezept",
                "Schneewittchen-Kuchen mit Mini-Marshmallows", false
            )
            .as_deref(),
            Some("Schneewittchen-Kuchen mit Mini-Marshmallows")
        );
        assert_eq!(
            p("Mandarinen-Schmand-Kuchen von jesusfreak", "Mandarinen-Schmand-Kuchen", true)
                .as_deref(),
            Some("Mandarinen-Schmand-Kuchen")
        );
        assert_eq!(
            p(
                "Die Haubenfahrzeuge - Teil 49 - BOS-Fahrzeuge", "Die Haubenfahrzeuge - Teil 49",
                true
            ),
            None
        );
        // 3. A one-token kicker glued before a long headline.
        assert_eq!(
            p(
                "SARS-2/COVID-19 Heute schon an morgen denken", "Heute schon an morgen denken",
                false
            )
            .as_deref(),
            Some("Heute schon an morgen denken")
        );
        assert_eq!(p("Wikipedia Mozilla", "Mozilla", true), None);
        // 4. The one-run headline inserts a few words into the title.
        assert_eq!(
            p(
                "Können Fische Schmerzen spüren?", "Können Fische Schmerzen spüren / empfinden?",
                true
            )
            .as_deref(),
            Some("Können Fische Schmerzen spüren / empfinden?")
        );
        assert_eq!(
            p(
                "Seven secrets that hotel owners keep", "The seven secrets that hotel owners keep",
                true
            ),
            None
        );
        // Different wordings are left to the title (Readability's choice).
        assert_eq!(
            p("The Modern Ambitions Behind Neon", "Why Neon Is the Ultimate Symbol", true),
            None
        );
    }

    #[test]
    fn site_branding() {
        let b = |html: &str| {
            branding_names(&Document::parse(html, &Options::default()).expect("parse"))
        };
        assert_eq!(
            b(
                r#"<link rel="alternate" type="application/rss+xml" title="DimidoBlog RSS Feed" href="/f">"#
            ),
            ["DimidoBlog"]
        );
        assert_eq!(
            b(
                r#"<link rel="alternate" type="application/rss+xml" title="Am Rande &raquo; Feed"><a rel="home" href="/">Am Rande</a>"#
            ),
            ["Am Rande", "Am Rande"]
        );
        assert!(b(r#"<link rel="stylesheet" title="Feed"><a href="/">Home</a>"#).is_empty());
    }

    #[test]
    fn similarity() {
        assert!(text_similarity("The headline of the day", "The headline of the day") > 0.99);
        assert!(text_similarity("The headline of the day", "Completely other words") < 0.1);
        assert_eq!(text_similarity("", "x"), 0.0);
    }
}

//! End-to-end tests of [`read`] on small pages.

use super::*;
use crate::options::Options;

fn meta(html: &str) -> Metadata {
    let doc = Document::parse(html, &Options::default()).expect("parse");
    let base = crate::address::parse("https://example.com/news/2021/05/06/story.html").ok();
    read(&doc, base.as_ref())
}

fn meta_doc(html: &str) -> (Document, Metadata) {
    let doc = Document::parse(html, &Options::default()).expect("parse");
    let m = read(&doc, None);
    (doc, m)
}

#[test]
fn jsonld_wins_over_meta() {
    let m = meta(
        r#"<html lang="fr"><head><title>Titre | Site</title>
        <meta property="og:title" content="OG title"><meta name="author" content="Meta Author">
        <meta property="og:site_name" content="OG Site"><meta property="og:image" content="/img/a.jpg">
        <script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"LD headline","author":[{"@type":"Person","name":"A One"},{"@type":"Person","name":"B Two"}],"datePublished":"2023-01-23T10:30:00+01:00","publisher":{"@type":"Organization","name":"LD Site"},"description":"LD &amp; desc"}</script>
        </head><body><p>x</p></body></html>"#,
    );
    assert_eq!(m.title.as_deref(), Some("LD headline"));
    assert_eq!(m.authors, ["A One", "B Two"]);
    assert_eq!(m.published.as_deref(), Some("2023-01-23T10:30:00+01:00"));
    assert_eq!(m.site_name.as_deref(), Some("LD Site"));
    assert_eq!(m.excerpt.as_deref(), Some("LD & desc"));
    assert_eq!(m.lead_image.as_deref(), Some("https://example.com/img/a.jpg"));
    assert_eq!(m.lang.as_deref(), Some("fr"));
}

#[test]
fn meta_tags_then_title() {
    let m = meta(
        r#"<html><head><title>A long enough article title here | My Site</title>
        <meta name="author" content="By Jane Doe and John Roe"><meta property="article:author" content="https://facebook.com/x">
        <meta name="DC.date.issued" content="2022-03-04"><meta property="og:locale" content="fr_FR">
        <meta name="twitter:image" content="https://cdn.example.com/i.png"></head><body></body></html>"#,
    );
    assert_eq!(m.title.as_deref(), Some("A long enough article title here"));
    assert_eq!(m.authors, ["Jane Doe", "John Roe"]);
    assert_eq!(m.published.as_deref(), Some("2022-03-04"));
    assert_eq!(m.lang.as_deref(), Some("fr-FR"));
    assert_eq!(m.lead_image.as_deref(), Some("https://cdn.example.com/i.png"));
}

#[test]
fn source_line_is_read_and_consumed() {
    let (doc, m) = meta_doc(
        r#"<html><head><title>Le Maroc et l'UE signent un accord - Site</title></head><body>
        <div class="content"><h1>Le Maroc et l'UE signent un accord</h1>
        <p class="src">Publié dans <a href="/s">Maroc Diplomatique</a> le 23 - 01 - 2023</p>
        <p>Un long paragraphe de texte sur l'accord signé hier entre les deux parties, avec beaucoup de détails.</p>
        </div></body></html>"#,
    );
    assert_eq!(m.published.as_deref(), Some("2023-01-23"));
    assert_eq!(m.source.as_deref(), Some("Maroc Diplomatique"));
    assert_eq!(m.site_name.as_deref(), Some("Maroc Diplomatique"));
    assert_eq!(m.consumed.len(), 1);
    let c = m.consumed.first().copied().unwrap_or(0);
    assert_eq!(doc.tag(c), "p");
    assert!(doc.element(c).is_some_and(|e| e.class() == "src"));
}

#[test]
fn visible_byline_and_arabic_date() {
    let (doc, m) = meta_doc(
        r#"<html lang="ar"><body><article><h1>عنوان</h1>
        <div class="post-author"><span>بقلم</span> محمد علي و أحمد حسن</div>
        <div class="meta"><span class="date">الاثنين ٢٣ يناير ٢٠٢٣</span></div>
        <p>نص المقال الطويل هنا.</p></article></body></html>"#,
    );
    assert_eq!(m.authors, ["محمد علي", "أحمد حسن"]);
    assert_eq!(m.published.as_deref(), Some("2023-01-23"));
    let tags: Vec<&str> = m.consumed.iter().map(|&c| doc.tag(c)).collect();
    assert_eq!(tags, ["div", "span"]);
}

#[test]
fn prefixed_byline_in_text_and_url_date() {
    let m = meta(
        r#"<body><div><p>By Kirk Semple and Ernesto Londoño</p><p>Body text that is long enough to be prose and not a byline at all, really.</p></div></body>"#,
    );
    assert_eq!(m.authors, ["Kirk Semple", "Ernesto Londoño"]);
    assert_eq!(m.published.as_deref(), Some("2021-05-06"));
    assert_eq!(m.consumed.len(), 1);
}

#[test]
fn time_element_and_levantine_month() {
    let m = meta(r#"<body><time datetime="2019-07-08T09:00:00Z">8 July</time></body>"#);
    assert_eq!(m.published.as_deref(), Some("2019-07-08T09:00:00Z"));
    let (_, m) = meta_doc(r#"<body><p>نشر بتاريخ 23 كانون الثاني 2023</p><p>نص</p></body>"#);
    assert_eq!(m.published.as_deref(), Some("2023-01-23"));
    assert_eq!(m.consumed.len(), 1);
}

#[test]
fn empty_and_hostile_pages_do_not_panic() {
    for html in [
        "", "<html>", "<script type=application/ld+json>{{{</script>",
        "<meta name=author content=''><meta property=og:image content='::'>", "<title>|</title>",
        "<title> - - - </title>", "<title>: : :</title><h1></h1>", "<p class=author>\u{0}</p>",
    ] {
        let _ = meta(html);
    }
    let deep = "<div class=byline>".repeat(4_000) + "By X" + &"</div>".repeat(4_000);
    let _ = meta(&deep);
}

mod no_panic {
    use super::*;
    use proptest::prelude::*;

    /// Fragments that exercise the readers: bylines, dates in several scripts, JSON-LD, metas.
    fn fragment() -> impl Strategy<Value = String> {
        prop_oneof![
            "\\PC{0,40}",
            Just("<p class=byline>By ".to_string()),
            Just("<time datetime='2023-01-23T10:00:00Z'>".to_string()),
            Just(
                "<script type=application/ld+json>{\"@type\":\"Article\",\"author\":[".to_string()
            ),
            Just("<meta property=og:title content='A | B'>".to_string()),
            Just("Publié dans X le ".to_string()),
            Just("٢٣ يناير ٢٠٢٣".to_string()),
            Just("كانون الثاني".to_string()),
            Just("&amp;&#x;&#99999999999;".to_string()),
            Just("</p></div>".to_string()),
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

        #[test]
        fn read_never_panics(parts in proptest::collection::vec(fragment(), 0..12)) {
            let _ = meta(&parts.concat());
        }

        #[test]
        fn text_helpers_never_panic(s in "\\PC{0,80}") {
            let _ = crate::rules::lexicon::boilerplate_reason(&s);
            let _ = dates::find_date_in_text(&s, Some("en"));
            let _ = dates::normalize_machine_date(&s, None);
            let _ = dates::date_from_url(&s);
            let _ = byline::split_names(&s);
            let _ = byline::is_prefixed_byline(&s);
            let _ = text::strip_prefix_folded(&s, "Publié dans");
            let _ = text::unescape_html(&s);
            let _ = crate::lang::guess_lang(&s);
            let _ = crate::lang::word_count(&s);
            let _ = crate::lang::reading_minutes(&s, Some(&s));
        }
    }
}

#[test]
fn byline_after_a_dateline() {
    use super::byline::{after_dateline, is_prefixed_byline, split_names};
    assert_eq!(after_dateline("صفاقس - كتبه: سامي بن علي"), "كتبه: سامي بن علي");
    assert!(is_prefixed_byline("صفاقس - كتبه: سامي بن علي - 14/11/2023"));
    assert_eq!(split_names("صفاقس - كتبه: سامي بن علي"), vec!["سامي بن علي".to_string()]);
    // A headline with a dash is not a dateline followed by a byline.
    assert!(!is_prefixed_byline("Brexit - the long road ahead for everyone involved"));
}

#[test]
fn blogger_main_widget_is_not_a_sidebar() {
    // Blogger wraps the post in `widget Blog`: its byline and date are the article's.
    let (_, m) = meta_doc(
        r#"<html><head><title>Tach auch</title></head><body>
        <div class="widget Blog" id="Blog1"><div class="post"><h3>Tach auch</h3>
        <p>Ein langer Absatz über den Tag, der hier erzählt wird, mit vielen Wörtern darin.</p>
        <div class="post-footer"><span class="post-author vcard">Eingestellt von <span class="fn">der Michel</span></span>
        <time class="published" datetime="2020-04-28T10:00:00+02:00">28. April 2020</time></div></div></div>
        <div class="widget HTML"><span class="author">Someone Else</span></div></body></html>"#,
    );
    assert_eq!(m.authors, ["der Michel"]);
    assert_eq!(m.published.as_deref(), Some("2020-04-28T10:00:00+02:00"));
}

#[test]
fn generic_meta_date_yields_to_visible_time() {
    // TYPO3 writes the modification day into `<meta name="date">`.
    let (_, m) = meta_doc(
        r#"<html lang="de"><head><meta name="date" content="2020-02-12"></head><body>
        <div class="news"><div class="news-single-timedata">05.02.2020 - Redaktion: Eberhard Fuhr</div>
        <p>Ein langer Absatz über faire Lieferketten, mit vielen Wörtern und noch mehr Inhalt.</p></div></body></html>"#,
    );
    assert_eq!(m.published.as_deref(), Some("2020-02-05"));
    let (_, m) = meta_doc(
        r#"<html lang="de"><head><meta name="date" content="2020-02-12"></head><body><p>Text ohne Datum.</p></body></html>"#,
    );
    assert_eq!(m.published.as_deref(), Some("2020-02-12"));
}

#[test]
fn utc_midnight_is_the_local_day() {
    let m = meta(
        r#"<html lang="de"><head><meta property="article:published_time" content="2021-11-04T23:00Z"></head><body><p>x</p></body></html>"#,
    );
    assert_eq!(m.published.as_deref(), Some("2021-11-05T00:00:00+01:00"));
    // The URL (…/2021/05/06/…) gives the local day of a late-evening UTC stamp.
    let m = meta(
        r#"<html><head><meta property="article:published_time" content="2021-05-07T03:30:59Z"></head><body><p>x</p></body></html>"#,
    );
    assert_eq!(m.published.as_deref(), Some("2021-05-06"));
}

#[test]
fn headlines_are_not_bylines() {
    let (_, m) = meta_doc(
        r#"<html lang="de"><head><title>Sprachregeln</title></head><body>
        <h1>Von Sprachregeln, Gender-Politik und Deutsch</h1><ul><li><a href="/a">Von Mob mit Macheten ermordet</a></li></ul>
        <p>Ein langer Absatz, der die Geschichte erzählt, mit vielen Wörtern und noch mehr Inhalt.</p>
        <p>Von David Hutzler, dpa</p></body></html>"#,
    );
    assert_eq!(m.authors, ["David Hutzler", "dpa"]);
}

#[test]
fn organisation_author_yields_to_a_person() {
    let ld = r#"<script type="application/ld+json">{"@type":"NewsArticle","headline":"H","author":{"@type":"Organization","name":"LN"}}</script>"#;
    let (_, m) = meta_doc(&format!(
        r#"<html><head>{ld}</head><body><p class="byline">Von Cosima Künzel</p><p>Ein langer Absatz mit vielen Wörtern über die Auktion in der Kirche.</p></body></html>"#
    ));
    assert_eq!(m.authors, ["Cosima Künzel"]);
    // Alone, the organisation stays; Wikipedia's "authority-control" box is no byline.
    let (_, m) = meta_doc(&format!(
        r#"<html><head>{ld}</head><body><p>Ein langer Absatz mit vielen Wörtern.</p><div class="authority-control">Authority control</div></body></html>"#
    ));
    assert_eq!(m.authors, ["LN"]);
}

#[test]
fn author_at_the_end_of_a_dated_meta_line() {
    assert_eq!(
        dated_name("04.02.2022 | 13:10 Uhr | Uta Helkenberg", Some("de")).as_deref(),
        Some("Uta Helkenberg")
    );
    assert_eq!(
        dated_name("25.10.2022 - Reiner Nagel", Some("de")).as_deref(),
        Some("Reiner Nagel")
    );
    assert_eq!(
        dated_name("12 mars 2023 · Jean-Pierre Martin", Some("fr")).as_deref(),
        Some("Jean-Pierre Martin")
    );
    // Categories, labels and prose are no names.
    assert_eq!(dated_name("25.10.2022 - Medien, Politik", Some("de")), None);
    assert_eq!(dated_name("01.12.2020 - Tags: Weihnachtsmarkt |", Some("de")), None);
    assert_eq!(dated_name("25.10.2022 - Der Senat hat heute beschlossen", Some("de")), None);
    assert_eq!(dated_name("Reiner Nagel - 25.10.2022", Some("de")), None);
    // A byline word after the date and time marks the name, one word or more.
    assert_eq!(dated_name("06.11.2023 13:30 von Olga", Some("de")).as_deref(), Some("Olga"));
    assert_eq!(
        dated_name("12 mars 2023 par Jean Dupont", Some("fr")).as_deref(),
        Some("Jean Dupont")
    );
    assert_eq!(dated_name("06.11.2023 von morgens bis abends", Some("de")), None);
    assert_eq!(dated_name("Vortrag am 06.11.2023 von Olga Berg", Some("de")), None);
}

#[test]
fn publication_named_as_author() {
    let host = Some("l-mag.de");
    assert!(names_publication("L-MAG – Das Magazin für Lesben", None, host));
    assert!(names_publication("Deutsche Welle (www.dw.com)", None, None));
    assert!(names_publication("Jobs & Hire", Some("Jobs & Hire"), None));
    assert!(!names_publication("Bradley M. Kuhn (http://ebb.org/bkuhn/)", None, None));
    assert!(!names_publication("Anna Schmidt, Jan Koch", None, host));
    assert!(!names_publication("fri.juli", None, None));
    assert!(!names_publication("J. R. Doe", None, None));
}

#[test]
fn jsonld_name_that_is_the_site() {
    assert!(title_site_part(
        "Milchpreis steigt | Landpost für Hof & Familie", "Landpost für Hof & Familie"
    ));
    assert!(!title_site_part("New Zealand - Wikipedia", "New Zealand"));
    assert!(!title_site_part("Landpost", "Landpost"));
}

#[test]
fn publication_signs_a_page_that_names_no_one() {
    let page = |title: &str, host: &str| {
        let html = format!(
            r#"<html lang="de"><head><title>{title}</title></head><body><h1>Schlagzeile</h1>
            <p>Ein langer Absatz mit vielen Wörtern über den Klimaschutz und das Leben.</p></body></html>"#
        );
        let doc = Document::parse(&html, &Options::default()).expect("parse");
        let base = crate::address::parse(&format!("https://{host}/artikel/klima")).ok();
        read(&doc, base.as_ref()).authors
    };
    // The <title> part that names the host, at either end.
    assert_eq!(page("Nachhaltiger leben | Greenpeace", "www.greenpeace.de"), ["Greenpeace"]);
    assert_eq!(
        page("Sorgfaltspflicht | Wolfgang Michal", "wolfgangmichal.de"),
        ["Wolfgang Michal"]
    );
    assert_eq!(
        page("Gregory Szorc's Digital Home | Python 3", "gregoryszorc.com"),
        ["Gregory Szorc's Digital Home"]
    );
    // No part names the host: no author.
    assert!(page("Nachhaltiger leben | Klimablog", "www.greenpeace.de").is_empty());
    // A byline still wins.
    let (_, m) = meta_doc(
        r#"<html><head><meta property="og:site_name" content="Stadtblatt"></head><body>
        <p class="byline">Von Cosima Künzel</p><p>Ein langer Absatz mit vielen Wörtern über die Auktion.</p></body></html>"#,
    );
    assert_eq!(m.authors, ["Cosima Künzel"]);
}

#[test]
fn title_site_names_declared_twice_or_with_a_separator() {
    // JSON-LD names the publisher one way, og:site_name another: the title ends with the latter.
    let m = meta(
        r#"<html lang="de"><head><title>x</title>
        <meta property="og:title" content="Kupferstiche aus Prag - Verein der Grafikfreunde e.V.">
        <meta property="og:site_name" content="Verein der Grafikfreunde e.V.">
        <script type="application/ld+json">{"@context":"https://schema.org","@type":"WebPage","publisher":{"@type":"Organization","name":"VdG"}}</script>
        </head><body><p>x</p></body></html>"#,
    );
    assert_eq!(m.title.as_deref(), Some("Kupferstiche aus Prag"));
    // A site name that holds a separator is cut whole, not only its last part (the host).
    let m = meta(
        r#"<html lang="es"><head><title>x</title>
        <meta property="og:title" content="Entrevista con Lucía Ortega - La Caseta | example.com">
        <meta property="og:site_name" content="La Caseta | example.com">
        </head><body><p>x</p></body></html>"#,
    );
    assert_eq!(m.title.as_deref(), Some("Entrevista con Lucía Ortega"));
    // No declared site: the name the blog prints for itself (home link, feed) is cut off og:title.
    let m = meta(
        r#"<html lang="en"><head><title>x</title>
        <meta property="og:title" content="Running through the winter › Northern Miles">
        <link rel="alternate" type="application/rss+xml" title="Northern Miles &raquo; Feed" href="/feed/">
        </head><body><a rel="home" href="/">Northern Miles</a><h1>Running through the winter</h1><p>x</p></body></html>"#,
    );
    assert_eq!(m.title.as_deref(), Some("Running through the winter"));
}

#[test]
fn scholarly_meta_authors_are_surname_comma_given() {
    let m = meta(
        r#"<html><head><title>x</title>
        <meta name="DC.Creator" content="Kooman, F."><meta name="DC.Creator" content="Jong, Michiel de">
        </head><body><p>x</p></body></html>"#,
    );
    assert_eq!(m.authors, ["Kooman, F.", "Jong, Michiel de"]);
    // Two full names in one tag stay two people.
    let m = meta(
        r#"<html><head><title>x</title><meta name="citation_author" content="Jane Doe, John Roe"></head><body></body></html>"#,
    );
    assert_eq!(m.authors, ["Jane Doe", "John Roe"]);
}

// m10: titles read from `<title>` and cut-short meta titles.

#[test]
fn document_title_trimmed_to_headline() {
    // A breadcrumb trail after the headline is cut like a date.
    let m = meta(
        r#"<html><head><title>Verfassungsgericht: Prozess geht weiter / Politik / Überblick / Artikel / Home - stol.example</title></head>
        <body><h1>Verfassungsgericht: Prozess geht weiter</h1><p>x</p></body></html>"#,
    );
    assert_eq!(m.title.as_deref(), Some("Verfassungsgericht: Prozess geht weiter"));
    // A kicker closed by a colon goes; a site name before a dash stays (Readability's title).
    let m = meta(
        r#"<html><head><title>SONNENENERGIE: Der WindRebell</title></head>
        <body><h1 class="pageTitel">Der WindRebell</h1><p>x</p></body></html>"#,
    );
    assert_eq!(m.title.as_deref(), Some("Der WindRebell"));
    let m = meta(
        r#"<html><head><title>Evolve: Shared Mutable History — evolve extension for Mercurial</title></head>
        <body><h1>evolve extension for Mercurial</h1><p>x</p></body></html>"#,
    );
    assert_eq!(
        m.title.as_deref(),
        Some("Evolve: Shared Mutable History — evolve extension for Mercurial")
    );
}

#[test]
fn meta_title_cut_at_unescaped_quote() {
    // `content="… de "incapacitado""`: the attribute ends at the inner quote.
    let m = meta(
        r#"<html><head><title>Senador republicano califica a Biden de "incapacitado"</title>
        <meta property="og:title" content="Senador republicano califica a Biden de "incapacitado"" />
        </head><body><p>x</p></body></html>"#,
    );
    assert_eq!(
        m.title.as_deref(),
        Some("Senador republicano califica a Biden de \"incapacitado\"")
    );
}

#[test]
fn author_box_tokens_hold_their_stem() {
    use crate::rules::{AUTHOR_BOX_STEM, AUTHOR_BOX_TOKENS};
    assert!(AUTHOR_BOX_TOKENS.iter().all(|t| t.contains(AUTHOR_BOX_STEM)));
}

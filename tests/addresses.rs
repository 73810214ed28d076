//! Links and images come out absolute, also where a host is written in Unicode: the URL
//! parser runs without Unicode tables (crates/page/src/address.rs), so such hosts are made Punycode first.

fn page() -> String {
    let para = "Les habitants du quartier ont appris la nouvelle au marché, où chacun avait son avis sur la question.";
    format!(
        r#"<html lang="fr"><head><title>Le marché</title></head><body><article><h1>Le marché</h1>
        <p>{para} <a href="https://Bücher.de/liste">une liste</a> et <a href="//пример.рф/x">une autre</a>.</p>
        <p>{para}</p><img src="photo.jpg" alt="Le marché"><p>{para} <a href="suite.html">La suite</a>.</p>
        <p>{para}</p></article></body></html>"#
    )
}

#[test]
fn unicode_hosts_are_resolved_not_dropped() {
    let a = declutter::analyze(&page(), "https://exemple.fr/actu/", &Default::default())
        .unwrap()
        .article
        .unwrap();
    let html = &a.content_html;
    assert!(html.contains(r#"href="https://xn--bcher-kva.de/liste""#), "{html}");
    assert!(html.contains(r#"href="https://xn--e1afmkfd.xn--p1ai/x""#), "{html}");
    assert!(html.contains(r#"href="https://exemple.fr/actu/suite.html""#), "{html}");
}

#[test]
fn a_page_at_a_unicode_address_resolves_against_it() {
    let a = declutter::analyze(&page(), "https://café.fr/actu/", &Default::default())
        .unwrap()
        .article
        .unwrap();
    assert!(
        a.content_html.contains(r#"src="https://xn--caf-dma.fr/actu/photo.jpg""#),
        "{}",
        a.content_html
    );
    assert!(
        a.content_html.contains(r#"href="https://xn--caf-dma.fr/actu/suite.html""#),
        "{}",
        a.content_html
    );
}

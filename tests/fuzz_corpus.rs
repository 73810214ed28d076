//! Replays the fuzzer's corpus (fuzz/corpus/analyze/, kept minimised) through `analyze` on
//! stable, with the fuzz target's own checks: every input the fuzzer ever kept still returns
//! without a panic, and no article carries a script element, a handler or a script URL. The
//! long coverage-guided run needs nightly and cargo-fuzz (fuzz/Cargo.toml); CI replays.

use declutter::{analyze, Options};

include!("../fuzz/active.rs");

#[test]
fn fuzz_corpus_replays_without_a_panic() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/fuzz/corpus/analyze");
    let mut n = 0;
    for entry in std::fs::read_dir(dir).expect("fuzz/corpus/analyze") {
        let path = entry.unwrap().path();
        let data = std::fs::read(&path).unwrap();
        let html = String::from_utf8_lossy(&data);
        if let Ok(analysis) = analyze(&html, "https://example.org/news/1", &Options::default()) {
            if let Some(article) = analysis.article {
                if let Some(why) = active(&article.content_html) {
                    panic!("{}: active output ({why})", path.display());
                }
            }
        }
        n += 1;
    }
    assert!(n >= 18, "only {n} corpus entries");
}

#[test]
fn the_check_sees_markup_not_text() {
    assert!(active(r#"<a href=" java&#10;script:x()">a</a>"#).is_some());
    assert!(active(r#"<img src="x.png" onerror="x()">"#).is_some());
    assert!(active(r#"<p>a<script>x()</script></p>"#).is_some());
    assert!(active(r#"<p>form action="javascript:submitPoll()"</p>"#).is_none());
    assert!(active(r#"<p><a href="https://example.org/">ok</a></p>"#).is_none());
}

//! Replays the fuzzer's corpus (fuzz/corpus/analyze/, kept minimised) through `analyze` on
//! stable, with the fuzz target's own checks: every input the fuzzer ever kept still returns
//! without a panic, and no article carries a script element or a `javascript:` attribute. The
//! long coverage-guided run needs nightly and cargo-fuzz (fuzz/Cargo.toml); CI replays.

use declutter::{analyze, Options};

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
                let lower = article.content_html.to_ascii_lowercase();
                assert!(!lower.contains("<script") && !lower.contains("=\"javascript:"), "{}: active output", path.display());
            }
        }
        n += 1;
    }
    assert!(n >= 18, "only {n} corpus entries");
}

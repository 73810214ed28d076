//! Time per stage over a corpus list (`score.py prepare` _list.tsv): parse, metadata, whole analyze.
use std::time::Instant;
fn main() {
    let list = std::env::args().nth(1).expect("a _list.tsv");
    let text = std::fs::read_to_string(list).expect("readable list");
    let (mut parse, mut meta, mut all) = (0.0, 0.0, 0.0);
    let opts = declutter::Options::default();
    for line in text.lines() {
        let cols: Vec<&str> = line.split('\t').collect();
        let html = std::fs::read_to_string(cols[1]).unwrap_or_default();
        let url = cols.get(2).copied().unwrap_or("");
        let t = Instant::now();
        let Ok(doc) = declutter::dom::Document::parse(&html, &opts) else { continue };
        parse += t.elapsed().as_secs_f64();
        let base = declutter::address::parse(url).ok();
        let t = Instant::now();
        let _ = declutter::metadata::read(&doc, base.as_ref());
        meta += t.elapsed().as_secs_f64();
        let t = Instant::now();
        let _ = declutter::analyze(&html, url, &opts);
        all += t.elapsed().as_secs_f64();
    }
    println!("parse {parse:.2} s, metadata {meta:.2} s, analyze {all:.2} s");
}

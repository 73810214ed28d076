//! A fixed workload for profilers: `analyze` once on every page of a list (`score.py prepare`
//! _list.tsv: id, path, url). Pages are read before the timed part, so a callgrind run counts
//! only the core. `cargo build --release --example profile_pages` then e.g.
//! `valgrind --tool=callgrind target/release/examples/profile_pages LIST`.
use std::hint::black_box;
fn main() {
    let list = std::env::args().nth(1).expect("a _list.tsv");
    let text = std::fs::read_to_string(list).expect("readable list");
    let pages: Vec<(String, String)> = text
        .lines()
        .filter_map(|l| {
            let c: Vec<&str> = l.split('\t').collect();
            Some((
                std::fs::read_to_string(c.get(1)?).ok()?,
                c.get(2).copied().unwrap_or("").to_string(),
            ))
        })
        .collect();
    let opts = declutter::Options::default();
    let t = std::time::Instant::now();
    let mut chars = 0usize;
    for (html, url) in &pages {
        if let Ok(a) = black_box(declutter::analyze(html, url, &opts)) {
            chars += a.article.map_or(0, |a| a.text.len()) + a.plan.hide.len();
        }
    }
    println!(
        "{} pages, {chars} output units, {:.1} ms",
        pages.len(),
        t.elapsed().as_secs_f64() * 1000.0
    );
}

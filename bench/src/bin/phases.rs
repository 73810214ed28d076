//! Where declutter's time goes, per stage, on the dev corpora: parse alone, parse + metadata,
//! the whole `analyze`; and dom_smoothie's parse (dom_query) and whole run for comparison.
//! Medians of per-page minimum times (3 runs).
//!
//! ```text
//! cargo run --release -p declutter-bench --bin phases [-- CORPUS_DIR]
//! PHASE=read|prescan|parse|meta|analyze|dom_query|smoothie valgrind --tool=callgrind target/release/phases
//! PHASE=fixed|smoothie_fixed valgrind --tool=callgrind target/release/phases
//! ```
//! With `PHASE` set it runs one stage once over every fourth page (155 pages): the repeatable
//! instruction counts that speed work is judged by on a noisy machine. `fixed` runs `analyze`
//! 1,000 times on a one-paragraph page instead: the cost every page pays whatever its size
//! (divide the count by 1,000), which weighs most on the small pages; `smoothie_fixed` the same for
//! dom_smoothie.
use declutter::{analyze, decode::decode_html, dom::Document, Options};
use std::hint::black_box;
use std::time::Instant;

fn main() {
    let root =
        std::path::PathBuf::from(std::env::args().nth(1).unwrap_or("../shared/corpus".into()));
    let mut files = vec![];
    for e in std::fs::read_dir(root.join("readability")).unwrap() {
        let p = e.unwrap().path().join("source.html");
        if p.is_file() {
            files.push(p);
        }
    }
    for sub in ["cache", "eval"] {
        if let Ok(rd) = std::fs::read_dir(root.join("trafilatura-dev").join(sub)) {
            for e in rd {
                files.push(e.unwrap().path());
            }
        }
    }
    files.sort();
    let opts = Options::default();
    let url = "https://example.com/a/b.html";
    let tiny = "<html><head><title>T</title></head><body><article><h1>T</h1><p>Hello world, this is a paragraph.</p></article></body></html>";
    match std::env::var("PHASE").as_deref() {
        Ok("fixed") => {
            return (0..1000).for_each(|_| drop(black_box(analyze(black_box(tiny), url, &opts))))
        }
        Ok("smoothie_fixed") => {
            return (0..1000).for_each(|_| {
                drop(black_box(
                    dom_smoothie::Readability::new(black_box(tiny), Some(url), None)
                        .map(|mut r| r.parse().is_ok()),
                ))
            })
        }
        _ => {}
    }
    if let Ok(mode) = std::env::var("PHASE") {
        // Profiling mode: one stage over every fourth page, once (for callgrind). Each mode
        // reads and decodes the page ("read" alone is that baseline).
        for f in files.iter().step_by(4) {
            let html = decode_html(&std::fs::read(f).unwrap()).0;
            match mode.as_str() {
                "read" => {}
                "prescan" => drop(black_box(declutter::prescan::prescan(&html))),
                "parse" => drop(black_box(Document::parse(&html, &opts))),
                "meta" => drop(black_box(Document::parse(&html, &opts).map(|d| declutter::metadata::read(&d, None)))),
                "analyze" => drop(black_box(analyze(&html, url, &opts))),
                "dom_query" => drop(black_box(dom_query::Document::from(html.as_str()))),
                "smoothie" => drop(black_box(dom_smoothie::Readability::new(html.as_str(), Some(url), None).map(|mut r| r.parse().is_ok()))),
                other => panic!("PHASE={other}: read, prescan, parse, meta, analyze, dom_query, smoothie or fixed"),
            }
        }
        return;
    }
    let mut t: Vec<[f64; 5]> = vec![];
    let mut sizes: Vec<usize> = vec![];
    let (mut bytes, mut skipped) = (0usize, 0usize);
    for f in &files {
        let html = decode_html(&std::fs::read(f).unwrap()).0;
        bytes += html.len();
        skipped +=
            declutter::prescan::prescan(&html).skippable.iter().map(|r| r.len()).sum::<usize>();
        let time = |g: &dyn Fn()| {
            (0..3)
                .map(|_| {
                    let s = Instant::now();
                    g();
                    s.elapsed().as_secs_f64() * 1e3
                })
                .fold(f64::MAX, f64::min)
        };
        let parse = time(&|| {
            black_box(Document::parse(&html, &opts).ok());
        });
        let meta = time(&|| {
            let d = Document::parse(&html, &opts).unwrap();
            black_box(declutter::metadata::read(&d, None));
        });
        let all = time(&|| {
            black_box(analyze(&html, url, &opts).ok());
        });
        let sparse = time(&|| {
            black_box(dom_query::Document::from(html.as_str()));
        });
        let sall = time(&|| {
            if let Ok(mut r) = dom_smoothie::Readability::new(html.as_str(), Some(url), None) {
                black_box(r.parse().ok());
            }
        });
        t.push([parse, meta, all, sparse, sall]);
        sizes.push(html.len());
    }
    println!(
        "prescan: the parser is spared {:.1} % of the {} pages' bytes (script and style bodies)",
        100.0 * skipped as f64 / bytes as f64,
        files.len()
    );
    let names = [
        "declutter parse", "declutter parse+metadata", "declutter analyze", "dom_query parse",
        "dom_smoothie all",
    ];
    for (k, n) in names.iter().enumerate() {
        let mut v: Vec<f64> = t.iter().map(|r| r[k]).collect();
        v.sort_by(|a, b| a.partial_cmp(b).unwrap());
        let sum: f64 = v.iter().sum();
        println!("{n:28} median {:.3} ms  total {:.1} ms", v[v.len() / 2], sum);
    }
    // By page size, in fifths: where the ratio to dom_smoothie comes from (fixed costs per
    // page weigh most on small pages).
    let median = |mut v: Vec<f64>| {
        v.sort_by(|a, b| a.partial_cmp(b).unwrap());
        v[v.len() / 2]
    };
    let mut order: Vec<usize> = (0..t.len()).collect();
    order.sort_by_key(|&i| sizes[i]);
    println!("\nby size (fifths of the pages): median ms of parse, metadata, the rest, all; dom_smoothie; median per-page ratio");
    for q in 0..5 {
        let part = &order[q * order.len() / 5..(q + 1) * order.len() / 5];
        let m = |f: &dyn Fn(&[f64; 5]) -> f64| median(part.iter().map(|&i| f(&t[i])).collect());
        println!(
            "{:>5}-{:<5} KB  parse {:.2}  metadata {:.2}  rest {:.2}  all {:.2}  dom_smoothie {:.2}  ratio {:.2}",
            sizes[part[0]] / 1024,
            sizes[part[part.len() - 1]] / 1024,
            m(&|r| r[0]),
            m(&|r| r[1] - r[0]),
            m(&|r| r[2] - r[1]),
            m(&|r| r[2]),
            m(&|r| r[4]),
            m(&|r| r[2] / r[4]),
        );
    }
}

//! Measures metadata extraction on the two corpora.
//!
//! `cargo run --release --example meta_eval [-- -v] [CORPUS_DIR]` (default `/work/shared/corpus`).
//! - readability: `<case>/source.html` + `expected-metadata.json`, URL `http://fakehost/test/page.html`;
//! - trafilatura-dev: `evaldata.json` (URL -> file, title, author, date), files in `cache/` or `eval/`.
//!
//! Title: exact match after whitespace normalisation. Author: lower case, sets of names
//! intersect or one joined string contains the other. Date: same calendar day. Only pages whose
//! truth has a value count.

use declutter::dom::Document;
use declutter::{lang, metadata, Options};
use serde_json::Value;
use std::path::Path;

fn norm(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn names(s: &str) -> Vec<String> {
    let s = s.to_lowercase();
    let s = s.trim_start_matches("by ").to_string();
    s.split([';', ',', '&', '/'])
        .flat_map(|p| p.split(" and "))
        .map(|p| norm(p.trim()))
        .filter(|p| !p.is_empty())
        .collect()
}

fn author_match(truth: &str, got: &[String]) -> bool {
    if got.is_empty() {
        return false;
    }
    let t = norm(&truth.to_lowercase());
    let g = norm(&got.join(", ").to_lowercase());
    let tn = names(truth);
    let gn: Vec<String> = got.iter().map(|x| norm(&x.to_lowercase())).collect();
    tn.iter().any(|n| gn.contains(n)) || t.contains(&g) || g.contains(&t)
}

fn same_day(truth: &str, got: Option<&str>) -> bool {
    // A few truths are written YYYY-DD-MM ("2022-29-11"): swap when the month is impossible.
    let parts: Vec<&str> = truth.trim().split('-').collect();
    let swapped = match parts.as_slice() {
        [y, a, b] if a.parse::<u32>().is_ok_and(|m| m > 12) => format!("{y}-{b}-{a}"),
        _ => truth.trim().to_string(),
    };
    let t = swapped.as_str();
    let day = metadata::dates::normalize_machine_date(t, None)
        .map(|d| d.chars().take(10).collect::<String>());
    match (day, got) {
        (Some(d), Some(g)) => g.starts_with(&d),
        _ => false,
    }
}

#[derive(Default)]
struct Score {
    n: usize,
    ok: usize,
}
impl Score {
    fn add(&mut self, ok: bool) {
        self.n += 1;
        if ok {
            self.ok += 1;
        }
    }
    fn show(&self, name: &str) {
        let pct = if self.n == 0 { 0.0 } else { 100.0 * self.ok as f64 / self.n as f64 };
        println!("  {name:<10} {:>4}/{:<4} {pct:5.1} %", self.ok, self.n);
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let verbose = args.iter().any(|a| a == "-v");
    let root = args
        .iter()
        .find(|a| !a.starts_with('-'))
        .cloned()
        .unwrap_or_else(|| "/work/shared/corpus".into());
    let root = Path::new(&root);
    let opts = Options::default();

    // readability
    let (mut title, mut author, mut date, mut lng, mut dir, mut site) = (
        Score::default(),
        Score::default(),
        Score::default(),
        Score::default(),
        Score::default(),
        Score::default(),
    );
    let base = declutter::address::parse("http://fakehost/test/page.html").ok();
    let mut cases: Vec<_> = std::fs::read_dir(root.join("readability"))
        .map(|d| d.flatten().map(|e| e.path()).collect())
        .unwrap_or_default();
    cases.sort();
    let t0 = std::time::Instant::now();
    for case in cases {
        let (Ok(html), Ok(exp)) = (
            std::fs::read(case.join("source.html")),
            std::fs::read_to_string(case.join("expected-metadata.json")),
        ) else {
            continue;
        };
        let html = String::from_utf8_lossy(&html);
        let Ok(exp) = serde_json::from_str::<Value>(&exp) else { continue };
        let Ok(doc) = Document::parse(&html, &opts) else { continue };
        let m = metadata::read(&doc, base.as_ref());
        let name = case.file_name().and_then(|n| n.to_str()).unwrap_or("?").to_string();
        let s = |k: &str| {
            exp.get(k).and_then(Value::as_str).map(str::to_string).filter(|s| !s.trim().is_empty())
        };
        if let Some(t) = s("title") {
            let ok = m.title.as_deref().map(norm) == Some(norm(&t));
            title.add(ok);
            if !ok && verbose {
                println!("R title  {name}: want {t:?} got {:?}", m.title);
            }
        }
        if let Some(b) = s("byline") {
            let ok = author_match(&b, &m.authors);
            author.add(ok);
            if !ok && verbose {
                println!("R author {name}: want {b:?} got {:?}", m.authors);
            }
        }
        if let Some(d) = s("publishedTime") {
            let ok = same_day(&d, m.published.as_deref());
            date.add(ok);
            if !ok && verbose {
                println!("R date   {name}: want {d:?} got {:?}", m.published);
            }
        }
        if let Some(l) = s("lang") {
            let ok = m.lang.as_deref() == Some(l.as_str());
            lng.add(ok);
            if !ok && verbose {
                println!("R lang   {name}: want {l:?} got {:?}", m.lang);
            }
        }
        if let Some(d) = s("dir") {
            let text = doc.text_content(doc.body());
            let got = lang::direction(&doc, m.lang.as_deref(), &text);
            let ok = got == d;
            dir.add(ok);
            if !ok && verbose {
                println!("R dir    {name}: want {d:?} got {got:?}");
            }
        }
        if let Some(sn) = s("siteName") {
            let ok = m.site_name.as_deref().map(norm) == Some(norm(&sn));
            site.add(ok);
            if !ok && verbose {
                println!("R site   {name}: want {sn:?} got {:?}", m.site_name);
            }
        }
    }
    println!("readability ({:.2} s):", t0.elapsed().as_secs_f64());
    title.show("title");
    author.show("author");
    date.show("date");
    lng.show("lang");
    dir.show("dir");
    site.show("siteName");

    // trafilatura-dev
    let tf = root.join("trafilatura-dev");
    let Ok(eval) = std::fs::read_to_string(tf.join("evaldata.json")) else { return };
    let Ok(Value::Object(eval)) = serde_json::from_str::<Value>(&eval) else { return };
    let (mut title, mut author, mut date) = (Score::default(), Score::default(), Score::default());
    let (mut consumed_n, mut consumed_pages, mut consumed_max) = (0usize, 0usize, 0usize);
    let t0 = std::time::Instant::now();
    for (url, v) in eval {
        let Some(file) = v.get("file").and_then(Value::as_str) else { continue };
        let bytes = std::fs::read(tf.join("cache").join(file))
            .or_else(|_| std::fs::read(tf.join("eval").join(file)));
        let Ok(bytes) = bytes else { continue };
        let html = String::from_utf8_lossy(&bytes);
        let Ok(doc) = Document::parse(&html, &opts) else { continue };
        let base = declutter::address::parse(&url).ok();
        let m = metadata::read(&doc, base.as_ref());
        consumed_n += m.consumed.len();
        consumed_pages += usize::from(!m.consumed.is_empty());
        for &c in &m.consumed {
            let t = norm(&doc.text_content(c));
            consumed_max = consumed_max.max(t.chars().count());
            if std::env::var("META_CONSUMED").is_ok() {
                println!("C {url}: <{}> {t:?}", doc.tag(c));
            }
        }
        if let Ok(dbg) = std::env::var("META_DEBUG") {
            if url.contains(&dbg) {
                let b = metadata::byline::find_byline_element(
                    &doc,
                    &metadata::byline::Context::new(&doc),
                );
                let info = b.as_ref().and_then(|(id, t)| {
                    doc.element(*id).map(|e| {
                        format!("<{} class={:?} id={:?}> {:?}", e.name, e.class(), e.id(), t)
                    })
                });
                println!("DEBUG {url}: byline el {info:?}; meta {m:?}");
                for id in 0..doc.len() as u32 {
                    let Some(e) = doc.element(id) else { continue };
                    if !(e.class().contains("byline") || e.class().contains("author")) {
                        continue;
                    }
                    let anc: Vec<String> = doc
                        .ancestors(id)
                        .filter_map(|a| {
                            doc.element(a).map(|x| format!("{}.{}#{}", x.name, x.class(), x.id()))
                        })
                        .collect();
                    println!(
                        "  cand <{} class={:?}> text={:?} anc={:?}",
                        e.name,
                        e.class(),
                        doc.text_content(id).chars().take(80).collect::<String>(),
                        anc
                    );
                }
            }
        }
        let s = |k: &str| {
            v.get(k).and_then(Value::as_str).map(str::to_string).filter(|s| !s.trim().is_empty())
        };
        if let Some(t) = s("title") {
            let ok = m.title.as_deref().map(norm) == Some(norm(&t));
            title.add(ok);
            if !ok && verbose {
                println!("T title  {url}: want {t:?} got {:?}", m.title);
            }
        }
        if let Some(a) = s("author") {
            let ok = author_match(&a, &m.authors);
            author.add(ok);
            if !ok && verbose {
                println!("T author {url}: want {a:?} got {:?}", m.authors);
            }
        }
        if let Some(d) = s("date") {
            let ok = same_day(&d, m.published.as_deref());
            date.add(ok);
            if !ok && verbose {
                println!("T date   {url}: want {d:?} got {:?}", m.published);
            }
        }
    }
    println!("trafilatura-dev ({:.2} s):", t0.elapsed().as_secs_f64());
    println!("  consumed: {consumed_n} elements on {consumed_pages} pages, longest text {consumed_max} chars");
    title.show("title");
    author.show("author");
    date.show("date");
}

//! `declutter-bench`: native speed and peak memory of the declutter core against two Rust
//! peers on the shared dev corpora: dom_smoothie (a Rust port of Readability.js) and the
//! `readability` crate (a port of arc90's readability, html5ever + rcdom).
//!
//! ```text
//! cargo run --release -p declutter-bench -- [--corpus DIR] [--runs N] [--out FILE]
//! ```
//! Prints a Markdown report and writes it to `bench/results.md` (or `--out`).
//! `--only ours|dom_smoothie|readability|none` is the internal child mode used for peak memory: it runs one
//! extractor over every page once and prints the process's `VmHWM` in kB.

use anyhow::{bail, Context, Result};
use declutter::{analyze, decode::decode_html, Options};
use std::fmt::Write as _;
use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

/// The URL Readability.js's own test suite gives every page.
const READABILITY_URL: &str = "http://fakehost/test/page.html";
/// For trafilatura pages keyed by a name rather than a URL: dom_smoothie rejects relative
/// URLs, and both extractors must get the same input.
const FALLBACK_URL: &str = "https://example.com/";

#[derive(Clone, Copy, PartialEq)]
enum Extractor {
    Ours,
    Smoothie,
    Readability,
}

/// Every extractor, ours first; the ratios are ours over each peer.
const ALL: [Extractor; 3] = [Extractor::Ours, Extractor::Smoothie, Extractor::Readability];
const N: usize = ALL.len();

impl Extractor {
    fn name(self) -> &'static str {
        match self {
            Extractor::Ours => "declutter",
            Extractor::Smoothie => "dom_smoothie",
            Extractor::Readability => "readability",
        }
    }

    /// Extracts one page and returns the length of its text (0 when there is no article), or
    /// `Err` when the extractor refuses the page. Everything inside is what gets timed.
    fn run(self, html: &str, url: &str) -> Result<usize, ()> {
        match self {
            Extractor::Ours => {
                // `analyze` builds the text, the sanitised HTML and the cleaning plan in one go.
                let a = analyze(html, url, &Options::default()).map_err(|_| ())?;
                Ok(a.article.map_or(0, |a| a.text.len()))
            }
            Extractor::Smoothie => {
                // Default config: raw text mode, the cheapest text it offers.
                let mut r =
                    dom_smoothie::Readability::new(html, Some(url), None).map_err(|_| ())?;
                let a = r.parse().map_err(|_| ())?;
                Ok(a.text_content.len())
            }
            Extractor::Readability => {
                // readability 0.3 (no default features: no HTTP client): parses with html5ever
                // into an rcdom, scores, and returns the content HTML and its text.
                let u = url::Url::parse(url).map_err(|_| ())?;
                let p =
                    readability::extractor::extract(&mut html.as_bytes(), &u).map_err(|_| ())?;
                Ok(p.text.len())
            }
        }
    }
}

/// A page of a corpus: where its bytes are and which URL to pass.
struct Page {
    corpus: &'static str,
    id: String,
    url: String,
    path: PathBuf,
}

fn load_pages(root: &Path) -> Result<Vec<Page>> {
    let mut pages = Vec::new();

    let dir = root.join("readability");
    let mut cases: Vec<PathBuf> = std::fs::read_dir(&dir)
        .with_context(|| format!("cannot read {}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.join("source.html").is_file())
        .collect();
    cases.sort();
    for c in cases {
        let id = c.file_name().unwrap_or_default().to_string_lossy().into_owned();
        pages.push(Page {
            corpus: "readability",
            id,
            url: READABILITY_URL.into(),
            path: c.join("source.html"),
        });
    }

    let dir = root.join("trafilatura-dev");
    let json_path = dir.join("evaldata.json");
    let json = std::fs::read_to_string(&json_path)
        .with_context(|| format!("cannot read {}", json_path.display()))?;
    let data: serde_json::Map<String, serde_json::Value> = serde_json::from_str(&json)
        .with_context(|| format!("cannot parse {}", json_path.display()))?;
    let mut keys: Vec<&String> = data.keys().collect();
    keys.sort();
    for key in keys {
        let Some(file) = data[key]["file"].as_str() else { continue };
        // The file is in cache/ or else eval/ (as in the evaluator); entries with neither are skipped.
        let Some(path) =
            ["cache", "eval"].iter().map(|s| dir.join(s).join(file)).find(|p| p.is_file())
        else {
            continue;
        };
        let url = if key.starts_with("http://") || key.starts_with("https://") {
            key.clone()
        } else {
            FALLBACK_URL.into()
        };
        pages.push(Page { corpus: "trafilatura-dev", id: file.to_string(), url, path });
    }
    Ok(pages)
}

fn read_page(p: &Page) -> Result<String> {
    let bytes =
        std::fs::read(&p.path).with_context(|| format!("cannot read {}", p.path.display()))?;
    Ok(decode_html(&bytes).0)
}

/// Resident-set high-water mark of this process, in kB.
fn vm_hwm_kb() -> Result<u64> {
    let status =
        std::fs::read_to_string("/proc/self/status").context("cannot read /proc/self/status")?;
    let line = status
        .lines()
        .find(|l| l.starts_with("VmHWM:"))
        .context("no VmHWM in /proc/self/status")?;
    line.split_whitespace()
        .nth(1)
        .context("malformed VmHWM line")?
        .parse()
        .context("malformed VmHWM value")
}

/// Child mode: one extractor over every page, one page in memory at a time, then print VmHWM.
/// `none` only reads and decodes, giving the baseline the extractors add to.
fn child(root: &Path, only: &str) -> Result<()> {
    let ex = match only {
        "ours" => Some(Extractor::Ours),
        "dom_smoothie" => Some(Extractor::Smoothie),
        "readability" => Some(Extractor::Readability),
        "none" => None,
        other => bail!("--only takes ours, dom_smoothie, readability or none, not {other:?}"),
    };
    for p in load_pages(root)? {
        let html = read_page(&p)?;
        if let Some(ex) = ex {
            let _ = black_box(ex.run(&html, &p.url));
        }
    }
    println!("{}", vm_hwm_kb()?);
    Ok(())
}

/// Runs this binary in `--only` mode and returns the child's VmHWM in kB.
fn peak_memory_kb(root: &Path, only: &str) -> Result<u64> {
    let exe = std::env::current_exe().context("cannot find the bench binary")?;
    let out = Command::new(exe)
        .arg("--corpus")
        .arg(root)
        .args(["--only", only])
        .output()
        .context("cannot run the memory child")?;
    if !out.status.success() {
        bail!("memory child --only {only} failed: {}", String::from_utf8_lossy(&out.stderr));
    }
    String::from_utf8_lossy(&out.stdout)
        .trim()
        .parse()
        .with_context(|| format!("bad output from memory child --only {only}"))
}

/// Per-page result: the minimum over the runs of each extractor, in ms, and whether it failed.
struct Timing {
    ms: [f64; N],
    err: [bool; N],
}

struct Stats {
    pages: usize,
    errors: usize,
    median: f64,
    p95: f64,
    mean: f64,
    total_s: f64,
}

fn stats(rows: &[&Timing], i: usize) -> Stats {
    let mut v: Vec<f64> = rows.iter().map(|t| t.ms[i]).collect();
    v.sort_by(f64::total_cmp);
    let n = v.len().max(1);
    // Nearest-rank percentiles.
    let pct =
        |p: f64| v.get(((p * n as f64).ceil() as usize).clamp(1, n) - 1).copied().unwrap_or(0.0);
    let total: f64 = v.iter().sum();
    Stats {
        pages: v.len(),
        errors: rows.iter().filter(|t| t.err[i]).count(),
        median: pct(0.5),
        p95: pct(0.95),
        mean: total / n as f64,
        total_s: total / 1000.0,
    }
}

fn main() -> Result<()> {
    let mut corpus: Option<PathBuf> = std::env::var_os("SHARED_CORPUS").map(PathBuf::from);
    let mut runs = 3usize;
    let mut only: Option<String> = None;
    let mut out = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("results.md");
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let mut value = || args.next().with_context(|| format!("{a} needs a value"));
        match a.as_str() {
            "--corpus" => corpus = Some(value()?.into()),
            "--runs" => runs = value()?.parse().context("--runs takes a number")?,
            "--only" => only = Some(value()?),
            "--out" => out = value()?.into(),
            other => bail!("unknown argument {other:?} (--corpus DIR, --runs N, --out FILE)"),
        }
    }
    let root = corpus
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../shared/corpus"));
    if let Some(only) = only {
        return child(&root, &only);
    }
    if runs == 0 {
        bail!("--runs must be at least 1");
    }

    let pages = load_pages(&root)?;
    // Decoding is not what we measure: do it once, up front.
    let htmls: Vec<String> = pages.iter().map(read_page).collect::<Result<_>>()?;
    if pages.is_empty() {
        bail!("no pages under {}", root.display());
    }

    // Warm-up (untimed): first-touch page faults, lazily built regexes and selectors.
    for ex in ALL {
        let _ = black_box(ex.run(&htmls[0], &pages[0].url));
    }

    let mut timings = Vec::with_capacity(pages.len());
    for (p, html) in pages.iter().zip(&htmls) {
        let mut t = Timing { ms: [f64::INFINITY; N], err: [false; N] };
        for r in 0..runs {
            // Rotate which extractor goes first, so none always gets the warmer cache.
            for k in 0..N {
                let i = (k + r) % N;
                let ex = ALL[i];
                let start = Instant::now();
                let res = black_box(ex.run(black_box(html), &p.url));
                let ms = start.elapsed().as_secs_f64() * 1000.0;
                // The minimum over runs: the least disturbed by other work on a shared machine.
                t.ms[i] = t.ms[i].min(ms);
                t.err[i] |= res.is_err();
            }
        }
        timings.push(t);
    }

    let mem_none = peak_memory_kb(&root, "none")?;
    let mem_ours = peak_memory_kb(&root, "ours")?;
    let mem_smoothie = peak_memory_kb(&root, "dom_smoothie")?;
    let mem_readability = peak_memory_kb(&root, "readability")?;

    let report =
        render(&pages, &timings, runs, [mem_none, mem_ours, mem_smoothie, mem_readability]);
    print!("{report}");
    std::fs::write(&out, &report).with_context(|| format!("cannot write {}", out.display()))?;
    eprintln!("written to {}", out.display());
    Ok(())
}

fn render(pages: &[Page], timings: &[Timing], runs: usize, mem: [u64; N + 1]) -> String {
    let cpu = std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("model name"))
                .and_then(|l| l.split(':').nth(1))
                .map(|s| s.trim().to_string())
        })
        .unwrap_or_else(|| "unknown CPU".into());
    let threads = std::thread::available_parallelism().map_or(0, |n| n.get());
    let mut s = String::new();
    let _ = writeln!(s, "# declutter vs dom_smoothie and readability: native speed\n");
    let _ = writeln!(
        s,
        "Release build, {cpu} ({threads} threads), minimum of {runs} runs per page, times in ms per page (total in s).\n"
    );
    let _ = writeln!(
        s,
        "| corpus | extractor | pages | errors | median ms | p95 ms | mean ms | total s | declutter/this median | declutter/this p95 | declutter/this total |"
    );
    let _ = writeln!(s, "|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|");
    for corpus in ["readability", "trafilatura-dev", "all"] {
        let rows: Vec<&Timing> = pages
            .iter()
            .zip(timings)
            .filter(|(p, _)| corpus == "all" || p.corpus == corpus)
            .map(|(_, t)| t)
            .collect();
        let st: Vec<Stats> = (0..N).map(|i| stats(&rows, i)).collect();
        for (i, ex) in ALL.into_iter().enumerate() {
            let x = &st[i];
            let ratios = if i == 0 {
                " | | ".into()
            } else {
                let r =
                    |a: f64, b: f64| if b > 0.0 { format!("{:.2}", a / b) } else { "–".into() };
                format!(
                    "{} | {} | {}",
                    r(st[0].median, x.median),
                    r(st[0].p95, x.p95),
                    r(st[0].total_s, x.total_s)
                )
            };
            let _ = writeln!(
                s,
                "| {corpus} | {} | {} | {} | {:.2} | {:.2} | {:.2} | {:.2} | {ratios} |",
                ex.name(),
                x.pages,
                x.errors,
                x.median,
                x.p95,
                x.mean,
                x.total_s
            );
        }
    }

    let _ = writeln!(s, "\nRatio < 1: declutter is faster. Errors: the extractor returned `Err` (timed all the same).\n");
    let _ = writeln!(s, "## Slowest pages for declutter\n");
    let _ = writeln!(s, "| page | corpus | KB | declutter ms | dom_smoothie ms | readability ms |");
    let _ = writeln!(s, "|---|---|--:|--:|--:|--:|");
    let mut idx: Vec<usize> = (0..pages.len()).collect();
    idx.sort_by(|&a, &b| timings[b].ms[0].total_cmp(&timings[a].ms[0]));
    for &i in idx.iter().take(5) {
        let kb = std::fs::metadata(&pages[i].path).map_or(0, |m| m.len() / 1024);
        let _ = writeln!(
            s,
            "| {} | {} | {kb} | {:.2} | {:.2} | {:.2} |",
            pages[i].id, pages[i].corpus, timings[i].ms[0], timings[i].ms[1], timings[i].ms[2]
        );
    }

    let _ =
        writeln!(s, "\n## Peak memory (resident set high-water mark, all pages, one at a time)\n");
    let _ = writeln!(s, "| process | VmHWM MB | over baseline MB |");
    let _ = writeln!(s, "|---|--:|--:|");
    let mb = |kb: u64| kb as f64 / 1024.0;
    for (name, kb) in [
        ("baseline (read + decode only)", mem[0]),
        ("declutter", mem[1]),
        ("dom_smoothie", mem[2]),
        ("readability", mem[3]),
    ] {
        let _ = writeln!(s, "| {name} | {:.1} | {:.1} |", mb(kb), mb(kb.saturating_sub(mem[0])));
    }
    s
}

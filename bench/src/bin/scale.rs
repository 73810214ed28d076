//! `scale`: time and peak memory of `declutter::analyze` against page size, 10 KB to 20 MB,
//! on synthetic pages that grow one thing at a time:
//!
//! - **article**: a news page whose article gets longer (paragraphs, subheadings, figures);
//! - **clutter**: a short article in a page whose clutter grows (menus, link lists, ad slots,
//!   share bars, related-story teasers, comments);
//! - **depth**: a short article whose blocks nest one inside the next, so the nesting depth
//!   grows with the size (past `rules::MAX_NESTING_DEPTH` the page is refused before parsing).
//!
//! ```text
//! cargo run --release -p declutter-bench --bin scale -- [--max-mb 20] [--out bench/scale.md]
//! ```
//! Each (shape, size) runs in a child process (`--child SHAPE BYTES`) that builds the page,
//! reads its `VmHWM`, analyses the page (minimum of a few runs), and reads `VmHWM` again: the
//! difference is the peak memory the analysis added. `SCALE_RUNS=1 scale --child clutter 20971520`
//! runs one analysis of one page (for callgrind / cachegrind / perf); `scale --page SHAPE BYTES`
//! prints the page. Each page is also timed as a first run (`--first SHAPE BYTES`, seven
//! processes): the one analysis a command-line run makes, in fresh memory at every size.

use anyhow::{bail, Context, Result};
use std::fmt::Write as _;
use std::hint::black_box;
use std::path::PathBuf;
use std::process::Command;
use std::time::Instant;

const SHAPES: [&str; 3] = ["article", "clutter", "depth"];
/// The address every page is analysed under (scripts/bench-scale-wasm.mjs uses the same).
const PAGE_URL: &str = "https://example.org/news/tram";
const KB: usize = 1024;
const MB: usize = 1024 * 1024;

/// Sentences of the article body (rotated so that paragraphs differ).
const SENTENCES: &[&str] = &[
    "The council voted on Tuesday to extend the tram line to the northern districts, a project first proposed a decade ago.",
    "Residents, who had campaigned for years, welcomed the decision, although several shop owners worry about the works.",
    "According to the city's own estimate, the extension will cost 240 million euros and carry 30,000 passengers a day.",
    "Opponents argue that buses would serve the same streets for a fraction of the price, and sooner.",
    "The first trams are expected to run in 2029, if the national government confirms its share of the funding.",
];

fn paragraph(out: &mut String, i: usize) {
    out.push_str("<p>");
    for k in 0..3 {
        out.push_str(SENTENCES[(i + k) % SENTENCES.len()]);
        out.push(' ');
    }
    out.push_str("</p>\n");
}

fn head(out: &mut String) {
    out.push_str("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Tram line to be extended - The Daily</title>");
    out.push_str("<meta property=\"og:site_name\" content=\"The Daily\"><meta name=\"author\" content=\"Jane Doe\">");
    out.push_str("<meta property=\"article:published_time\" content=\"2026-11-29T08:00:00Z\"></head><body>\n");
}

fn nav(out: &mut String, i: usize) {
    let _ = write!(out, "<nav class=\"menu\"><ul>");
    for k in 0..8 {
        let _ =
            write!(out, "<li><a href=\"/section/{i}/{k}\">Section number {k} of the site</a></li>");
    }
    out.push_str("</ul></nav>\n");
}

fn clutter_block(out: &mut String, i: usize) {
    match i % 5 {
        0 => nav(out, i),
        1 => {
            let _ = write!(out, "<aside class=\"related\"><h3>Related stories</h3><ul>");
            for k in 0..5 {
                let _ = write!(out, "<li><a href=\"/news/{i}-{k}\">Another story that readers also clicked on today, number {k}</a></li>");
            }
            out.push_str("</ul></aside>\n");
        }
        2 => {
            let _ = write!(out, "<div class=\"ad-slot\" id=\"ad-{i}\"><span>Advertisement</span><iframe src=\"https://ads.example/{i}\"></iframe></div>\n");
        }
        3 => {
            let _ = write!(
                out,
                "<div class=\"share-bar\"><a href=\"https://twitter.example/share?u={i}\">Share</a> <a href=\"https://facebook.example/share?u={i}\">Share</a> <a href=\"mailto:?subject={i}\">Email</a></div>\n"
            );
        }
        _ => {
            let _ = write!(
                out,
                "<div class=\"comment\" id=\"c{i}\"><p class=\"comment-author\">Reader {i}</p><p>I do not agree at all, the buses are fine and cheaper.</p></div>\n"
            );
        }
    }
}

/// A page of about `bytes` bytes of the given shape.
fn page(shape: &str, bytes: usize) -> String {
    let mut out = String::with_capacity(bytes + 4 * KB);
    head(&mut out);
    match shape {
        "article" => {
            nav(&mut out, 0);
            out.push_str(
                "<article><h1>Tram line to be extended</h1><p class=\"byline\">By Jane Doe</p>\n",
            );
            let mut i = 0;
            while out.len() < bytes {
                if i % 12 == 11 {
                    let _ = write!(out, "<h2>Part {i}</h2>\n<figure><img src=\"/img/{i}.jpg\" alt=\"\"><figcaption>The route, seen from the hill.</figcaption></figure>\n");
                }
                paragraph(&mut out, i);
                i += 1;
            }
            out.push_str("</article>\n");
        }
        "clutter" => {
            let mut i = 0;
            // Half the clutter before the article, half after.
            while out.len() < bytes / 2 {
                clutter_block(&mut out, i);
                i += 1;
            }
            out.push_str("<article><h1>Tram line to be extended</h1>\n");
            for k in 0..6 {
                paragraph(&mut out, k);
            }
            out.push_str("</article>\n");
            while out.len() < bytes {
                clutter_block(&mut out, i);
                i += 1;
            }
        }
        "depth" => {
            nav(&mut out, 0);
            out.push_str("<article><h1>Tram line to be extended</h1>\n");
            let mut levels = 0;
            while out.len() < bytes {
                out.push_str("<div class=\"section\">");
                paragraph(&mut out, levels);
                levels += 1;
            }
            for _ in 0..levels {
                out.push_str("</div>");
            }
            out.push_str("</article>\n");
        }
        _ => unreachable!(),
    }
    out.push_str("<footer><p>© The Daily</p></footer></body></html>\n");
    out
}

fn vm_hwm_kb() -> Result<u64> {
    let status =
        std::fs::read_to_string("/proc/self/status").context("cannot read /proc/self/status")?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:")).context("no VmHWM")?;
    line.split_whitespace().nth(1).context("malformed VmHWM")?.parse().context("malformed VmHWM")
}

/// Child: prints `bytes ms hwm_added_kb outcome` for one page.
fn child(shape: &str, bytes: usize) -> Result<()> {
    let html = page(shape, bytes);
    let opts = declutter::Options::default();
    let before = vm_hwm_kb()?;
    // Several runs at every size: a single run of a large page varied by ±40 % between runs, and
    // with 3 runs above 200 KB the ratios to the 1 MB page still moved by ±30 % from one bench
    // run to the next on this (shared, virtual) machine.
    // SCALE_RUNS=1 for profiling one analysis under valgrind or perf.
    let runs = std::env::var("SCALE_RUNS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(if html.len() > 5 * MB { 5 } else { 10 });
    let mut best = f64::INFINITY;
    let mut outcome = String::new();
    for _ in 0..runs {
        let t = Instant::now();
        let r = black_box(declutter::analyze(black_box(&html), PAGE_URL, &opts));
        best = best.min(t.elapsed().as_secs_f64() * 1000.0);
        outcome = match r {
            Ok(a) => match a.article {
                Some(art) => {
                    format!("article, {} words, {} hidden", art.word_count, a.plan.hide.len())
                }
                None => format!("no article, {} hidden", a.plan.hide.len()),
            },
            Err(e) => format!("refused: {e}"),
        };
    }
    let after = vm_hwm_kb()?;
    println!("{}\t{best:.3}\t{}\t{outcome}", html.len(), after.saturating_sub(before));
    Ok(())
}

/// Child, first-run mode: prints `bytes ms` for the first analysis of the page in this process,
/// after one analysis of a 30 KB page of the same shape (so that one-off set-up, such as the
/// lexicons built on first use, is not counted). Every array of that analysis is fresh memory,
/// at every size, as in a command-line run, which analyses one page per process; the repeated
/// runs of `child` reuse the heap below glibc's 32 MiB mapping ceiling and map afresh above it.
fn child_first(shape: &str, bytes: usize) -> Result<()> {
    let opts = declutter::Options::default();
    let small = page(shape, 30 * KB);
    let _ = black_box(declutter::analyze(black_box(&small), PAGE_URL, &opts));
    drop(small);
    let html = page(shape, bytes);
    let t = Instant::now();
    let r = black_box(declutter::analyze(black_box(&html), PAGE_URL, &opts));
    let ms = t.elapsed().as_secs_f64() * 1000.0;
    drop(r);
    println!("{}\t{ms:.3}", html.len());
    Ok(())
}

/// First-run children per page (the fastest is kept).
const FIRST_RUN_PROCESSES: usize = 7;

struct Row {
    bytes: usize,
    ms: f64,
    mem_kb: u64,
    outcome: String,
    /// Fastest first run over FIRST_RUN_PROCESSES processes (`child_first`).
    first_ms: f64,
}

fn main() -> Result<()> {
    let mut args = std::env::args().skip(1);
    let mut max_mb = 20usize;
    let mut out = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("scale.md");
    while let Some(a) = args.next() {
        match a.as_str() {
            "--child" => {
                let shape = args.next().context("--child SHAPE BYTES")?;
                let bytes = args.next().context("--child SHAPE BYTES")?.parse()?;
                return child(&shape, bytes);
            }
            "--first" => {
                let shape = args.next().context("--first SHAPE BYTES")?;
                let bytes = args.next().context("--first SHAPE BYTES")?.parse()?;
                return child_first(&shape, bytes);
            }
            "--page" => {
                // The page alone, for another harness (scripts/bench-scale-wasm.mjs times the
                // WASM module on the same pages).
                let shape = args.next().context("--page SHAPE BYTES")?;
                let bytes = args.next().context("--page SHAPE BYTES")?.parse()?;
                print!("{}", page(&shape, bytes));
                return Ok(());
            }
            "--max-mb" => max_mb = args.next().context("--max-mb N")?.parse()?,
            "--out" => out = args.next().context("--out FILE")?.into(),
            other => {
                bail!("unknown argument {other:?} (--max-mb N, --out FILE, --page SHAPE BYTES, --first SHAPE BYTES)")
            }
        }
    }
    let mut sizes: Vec<usize> =
        vec![10 * KB, 30 * KB, 100 * KB, 300 * KB, MB, 3 * MB, 10 * MB, 20 * MB];
    sizes.retain(|&s| s <= max_mb * MB);
    let exe = std::env::current_exe()?;
    let mut s = String::new();
    let _ = writeln!(s, "# declutter: time and peak memory against page size\n");
    let _ = writeln!(
        s,
        "`cargo run --release -p declutter-bench --bin scale`: synthetic pages (bench/src/bin/scale.rs), one child process per page; \
         time is the minimum of 10 runs up to 5 MB, else 5; memory is the rise of the child's VmHWM during the analysis. \
         \"ms/MB vs 1 MB\" is the time per byte relative to the 1 MB page's: 1.00 is exactly linear. \
         \"first run\" is the fastest of 7 processes' first analysis of the page (after one of a 30 KB page), as a command-line run makes it: \
         its arrays are fresh memory at every size, where the repeated runs reuse the heap up to glibc's 32 MiB mapping ceiling and map afresh above it.\n"
    );
    for shape in SHAPES {
        let mut rows = Vec::new();
        for &size in &sizes {
            let o = Command::new(&exe).args(["--child", shape, &size.to_string()]).output()?;
            if !o.status.success() {
                bail!("child {shape} {size} failed: {}", String::from_utf8_lossy(&o.stderr));
            }
            let line = String::from_utf8_lossy(&o.stdout).trim().to_string();
            let c: Vec<&str> = line.splitn(4, '\t').collect();
            let mut first_ms = f64::INFINITY;
            for _ in 0..FIRST_RUN_PROCESSES {
                let o = Command::new(&exe).args(["--first", shape, &size.to_string()]).output()?;
                if !o.status.success() {
                    bail!(
                        "first run {shape} {size} failed: {}",
                        String::from_utf8_lossy(&o.stderr)
                    );
                }
                let out = String::from_utf8_lossy(&o.stdout);
                let ms = out.trim().split('\t').nth(1).context("first run: no time")?;
                first_ms = first_ms.min(ms.parse()?);
            }
            let row = Row {
                bytes: c[0].parse()?,
                ms: c[1].parse()?,
                mem_kb: c[2].parse()?,
                outcome: c.get(3).unwrap_or(&"").to_string(),
                first_ms,
            };
            eprintln!(
                "{shape} {:>9} B {:>10.2} ms (first run {:>10.2}) {:>8} kB  {}",
                row.bytes, row.ms, row.first_ms, row.mem_kb, row.outcome
            );
            rows.push(row);
        }
        let per_mb = |r: &Row| r.ms / (r.bytes as f64 / MB as f64);
        let first_per_mb = |r: &Row| r.first_ms / (r.bytes as f64 / MB as f64);
        let reference = rows.iter().find(|r| r.bytes >= MB && !r.outcome.starts_with("refused"));
        let _ = writeln!(s, "## {shape}\n");
        let _ = writeln!(s, "| page | ms | ms/MB | ms/MB vs 1 MB | first run ms | first run ms/MB vs 1 MB | peak memory added MB | MB per page MB | result |");
        let _ = writeln!(s, "|--:|--:|--:|--:|--:|--:|--:|--:|---|");
        for r in &rows {
            let vs = reference.map_or("–".into(), |x| format!("{:.2}", per_mb(r) / per_mb(x)));
            let first_vs = reference
                .map_or("–".into(), |x| format!("{:.2}", first_per_mb(r) / first_per_mb(x)));
            let mem = r.mem_kb as f64 / 1024.0;
            let _ = writeln!(
                s,
                "| {} | {:.2} | {:.1} | {vs} | {:.2} | {first_vs} | {mem:.1} | {:.1} | {} |",
                human(r.bytes),
                r.ms,
                per_mb(r),
                r.first_ms,
                mem / (r.bytes as f64 / MB as f64),
                r.outcome
            );
        }
        s.push('\n');
    }
    print!("{s}");
    std::fs::write(&out, &s).with_context(|| format!("cannot write {}", out.display()))?;
    eprintln!("written to {}", out.display());
    Ok(())
}

fn human(b: usize) -> String {
    if b >= MB {
        format!("{:.1} MB", b as f64 / MB as f64)
    } else {
        format!("{:.0} KB", b as f64 / KB as f64)
    }
}

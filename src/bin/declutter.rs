//! `declutter`: the core on the command line.
//!
//! ```text
//! declutter [FILE|-] [--url URL] [--format html|text|markdown|json|plan]
//! declutter --out DIR [--format F] (--list _list.tsv | FILE...)   one output per page + _timing.tsv
//! ```
//! Exit codes: 0 article found, 1 no article, 2 error (unreadable input, refused page, bad flag).

use anyhow::{bail, Context, Result};
use declutter::{analyze, decode::decode_html, output::markdown::to_markdown, Analysis, Options};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::time::Instant;

const USAGE: &str = "usage: declutter [FILE|-] [--url URL] [--format html|text|markdown|json|plan]
       declutter --out DIR [--format F] (--list LIST.tsv | FILE...)

Reads a web page (a file, or standard input with -), finds its article and prints it.
  --url URL      the page's address (makes links absolute); default: none
  --format F     html (sanitised article HTML), text (default), markdown, json (article +
                 cleaning plan), plan (the elements to hide in place, one per line)
  --out DIR      batch mode: one output file per page in DIR (<id>.txt, .html, .md or .json)
                 plus DIR/_timing.tsv with in-process times
  --list FILE    batch input: a TSV of id, path, url (as written by score.py prepare)
Exit status: 0 article found, 1 no article found, 2 error.";

#[derive(Clone, Copy, PartialEq)]
enum Format {
    Html,
    Text,
    Markdown,
    Json,
    Plan,
}

struct Args {
    inputs: Vec<String>,
    url: String,
    format: Format,
    out: Option<PathBuf>,
    list: Option<PathBuf>,
}

fn parse_args() -> Result<Args> {
    let mut args =
        Args { inputs: vec![], url: String::new(), format: Format::Text, out: None, list: None };
    let mut it = std::env::args().skip(1);
    while let Some(a) = it.next() {
        let mut value = |name: &str| it.next().with_context(|| format!("{name} needs a value"));
        match a.as_str() {
            "-h" | "--help" => {
                println!("{USAGE}");
                std::process::exit(0);
            }
            "--url" => args.url = value("--url")?,
            "--format" => {
                args.format = match value("--format")?.as_str() {
                    "html" => Format::Html,
                    "text" | "txt" => Format::Text,
                    "markdown" | "md" => Format::Markdown,
                    "json" => Format::Json,
                    "plan" => Format::Plan,
                    other => bail!("unknown format {other:?} (html, text, markdown, json, plan)"),
                }
            }
            "--out" => args.out = Some(value("--out")?.into()),
            "--list" => args.list = Some(value("--list")?.into()),
            s if s.starts_with("--") => bail!("unknown option {s}\n\n{USAGE}"),
            _ => args.inputs.push(a),
        }
    }
    Ok(args)
}

fn read_input(path: &str) -> Result<String> {
    let bytes = if path == "-" {
        let mut b = Vec::new();
        std::io::stdin().read_to_end(&mut b).context("reading standard input")?;
        b
    } else {
        let p = Path::new(path);
        if p.is_dir() {
            bail!("{path} is a directory, not a page");
        }
        std::fs::read(p).with_context(|| format!("cannot read {path}"))?
    };
    Ok(decode_html(&bytes).0)
}

fn render(a: &Analysis, format: Format) -> Result<String> {
    Ok(match format {
        Format::Json => serde_json::to_string_pretty(a)? + "\n",
        Format::Plan => {
            let mut s = String::new();
            for h in &a.plan.hide {
                s.push_str(&format!("{}\t{}\t{}\n", h.index, h.tag, h.reason));
            }
            s
        }
        _ => match &a.article {
            None => String::new(),
            Some(art) => match format {
                Format::Html => art.content_html.clone() + "\n",
                Format::Markdown => to_markdown(&art.title, &art.content_html),
                _ => art.text.clone() + "\n",
            },
        },
    })
}

fn ext(format: Format) -> &'static str {
    match format {
        Format::Html => "html",
        Format::Markdown => "md",
        Format::Json => "json",
        Format::Plan => "tsv",
        Format::Text => "txt",
    }
}

/// Batch mode: every page analysed in-process, timed around `analyze` only.
fn batch(args: &Args, out: &Path) -> Result<i32> {
    let mut jobs: Vec<(String, String, String)> = Vec::new();
    if let Some(list) = &args.list {
        let text = std::fs::read_to_string(list)
            .with_context(|| format!("cannot read {}", list.display()))?;
        for line in text.lines().filter(|l| !l.trim().is_empty()) {
            let mut cols = line.split('\t');
            let (Some(id), Some(path)) = (cols.next(), cols.next()) else {
                bail!("bad line in {}: {line:?}", list.display())
            };
            jobs.push((id.to_string(), path.to_string(), cols.next().unwrap_or("").to_string()));
        }
    }
    for f in &args.inputs {
        let id = Path::new(f)
            .file_stem()
            .map(|s| s.to_string_lossy().to_string())
            .unwrap_or_else(|| f.clone());
        jobs.push((id, f.clone(), args.url.clone()));
    }
    std::fs::create_dir_all(out).with_context(|| format!("cannot create {}", out.display()))?;
    let mut timing = String::from("id\tms\tstatus\n");
    let options = Options::default();
    let mut failures = 0;
    for (id, path, url) in &jobs {
        let html = match read_input(path) {
            Ok(h) => h,
            Err(e) => {
                eprintln!("declutter: {id}: {e:#}");
                timing.push_str(&format!("{id}\t0\terror\n"));
                failures += 1;
                continue;
            }
        };
        let t = Instant::now();
        let result = analyze(&html, url, &options);
        let ms = t.elapsed().as_secs_f64() * 1000.0;
        let (body, status) = match &result {
            // "no article" is an answer, not an error: score.py counts any other status as one.
            Ok(a) => (render(a, args.format)?, "ok"),
            Err(e) => {
                eprintln!("declutter: {id}: {e}");
                failures += 1;
                (String::new(), "error")
            }
        };
        std::fs::write(out.join(format!("{id}.{}", ext(args.format))), body)?;
        timing.push_str(&format!("{id}\t{ms:.3}\t{status}\n"));
    }
    std::fs::write(out.join("_timing.tsv"), timing)?;
    std::fs::write(out.join("_version.txt"), format!("declutter {}\n", env!("CARGO_PKG_VERSION")))?;
    eprintln!("declutter: {} pages -> {} ({} errors)", jobs.len(), out.display(), failures);
    Ok(if failures > 0 { 2 } else { 0 })
}

fn run() -> Result<i32> {
    let args = parse_args()?;
    if let Some(out) = &args.out {
        return batch(&args, out);
    }
    if args.list.is_some() {
        bail!("--list needs --out DIR");
    }
    let input = match args.inputs.as_slice() {
        [] => "-".to_string(),
        [one] => one.clone(),
        _ => bail!("several inputs need --out DIR (batch mode)"),
    };
    let html = read_input(&input)?;
    let analysis = analyze(&html, &args.url, &Options::default())
        .map_err(|e| anyhow::anyhow!("{input}: {e}"))?;
    let text = render(&analysis, args.format)?;
    let mut stdout = std::io::stdout().lock();
    if let Err(e) = stdout.write_all(text.as_bytes()).and_then(|_| stdout.flush()) {
        // `declutter page.html | head` closes the pipe early: that is not an error.
        if e.kind() != std::io::ErrorKind::BrokenPipe {
            return Err(e.into());
        }
    }
    if analysis.article.is_none() && !matches!(args.format, Format::Json | Format::Plan) {
        eprintln!("declutter: no article found in {input}");
    }
    Ok(if analysis.article.is_some() { 0 } else { 1 })
}

fn main() {
    let code = match run() {
        Ok(c) => c,
        Err(e) => {
            eprintln!("declutter: {e:#}");
            2
        }
    };
    std::process::exit(code);
}

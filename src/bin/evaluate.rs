//! `evaluate`: scores the core on the shared dev corpora with the metrics of
//! `../shared/eval/score.py` (ported line for line), plus title / author / date accuracy.
//!
//! ```text
//! evaluate readability|trafilatura-dev|all [--corpus DIR] [--worst N] [--meta-misses] [--floors FILE] [--out DIR]
//! ```
//! `--meta-misses` lists every title / author / date miss (truth and output), and the title
//! truths that none of the page's headings, title tags or JSON-LD names gives (`title_candidates`).
//! `--floors` (default `tests/floors.json` when `--check` is given) makes the run fail when a
//! figure falls under its floor; `--out DIR` also writes each page's text (named as
//! score.py's ids are not needed: DIR/<page>.txt) for inspection.

use anyhow::{bail, Context, Result};
use declutter::{analyze, decode::decode_html, Article, Options};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::Instant;

/// The URL Readability.js's own test suite gives every page.
const READABILITY_URL: &str = "http://fakehost/test/page.html";

struct Page {
    id: String,
    url: String,
    path: PathBuf,
    truth: Truth,
}

enum Truth {
    /// Readability: the text of expected.html, and expected-metadata.json.
    Text { text: String, meta: serde_json::Value },
    /// trafilatura-dev: snippets that must and must not appear, and metadata.
    Snippets { with: Vec<String>, without: Vec<String>, meta: serde_json::Value },
}

// ---------------------------------------------------------------------------------------------
// score.py's text content of expected.html: text, newlines at block boundaries, no
// script/style/template/noscript text.

const BLOCK: &[&str] = &[
    "address", "article", "aside", "blockquote", "br", "dd", "details", "dialog", "div", "dl",
    "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6",
    "header", "hr", "li", "main", "nav", "ol", "p", "pre", "section", "table", "tbody", "thead",
    "tfoot", "td", "th", "tr", "ul", "caption", "summary",
];

fn html_text_content(markup: &str) -> String {
    let frag = scraper::Html::parse_fragment(markup);
    let mut out = String::new();
    let mut stack = vec![(frag.tree.root(), true)];
    while let Some((node, entering)) = stack.pop() {
        match node.value() {
            scraper::Node::Text(t) if entering => out.push_str(&t.text),
            scraper::Node::Element(e) => {
                let name = e.name();
                if matches!(name, "script" | "style" | "template" | "noscript") {
                    continue;
                }
                if BLOCK.contains(&name) {
                    out.push('\n');
                }
                if entering {
                    stack.push((node, false));
                    for c in node.children().collect::<Vec<_>>().into_iter().rev() {
                        stack.push((c, true));
                    }
                }
            }
            _ if entering => {
                for c in node.children().collect::<Vec<_>>().into_iter().rev() {
                    stack.push((c, true));
                }
            }
            _ => {}
        }
    }
    out
}

// ---------------------------------------------------------------------------------------------
// The shingle metric (article-extraction-benchmark, as in score.py).

/// Python's `\w` on str: letters, digits, underscore (Unicode). Rust's `is_alphanumeric` also
/// counts some combining marks as alphabetic; the difference is confined to vowel marks.
fn tokenize(text: &str) -> Vec<&str> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '_')).filter(|t| !t.is_empty()).collect()
}

fn shingles<'a>(tokens: &[&'a str], n: usize) -> HashMap<Vec<&'a str>, u32> {
    let mut m = HashMap::new();
    let count = tokens.len().saturating_sub(n) + 1;
    for i in 0..count.max(1) {
        let s: Vec<&str> = tokens[i.min(tokens.len())..(i + n).min(tokens.len())].to_vec();
        if !s.is_empty() {
            *m.entry(s).or_insert(0) += 1;
        }
    }
    m
}

fn shingle_match(truth: &str, pred: &str) -> (f64, f64, f64) {
    let tt = tokenize(truth);
    let pt = tokenize(pred);
    let ts = shingles(&tt, 4);
    let ps = shingles(&pt, 4);
    let (mut tp, mut fp, mut fneg) = (0.0, 0.0, 0.0);
    let mut keys: Vec<&Vec<&str>> = ts.keys().collect();
    keys.extend(ps.keys().filter(|k| !ts.contains_key(*k)));
    for k in keys {
        let t = *ts.get(k).unwrap_or(&0) as f64;
        let p = *ps.get(k).unwrap_or(&0) as f64;
        tp += t.min(p);
        fp += (p - t).max(0.0);
        fneg += (t - p).max(0.0);
    }
    let s = tp + fp + fneg;
    if s > 0.0 {
        (tp / s, fp / s, fneg / s)
    } else {
        (tp, fp, fneg)
    }
}

fn precision(tp: f64, fp: f64, fneg: f64) -> f64 {
    if fp == 0.0 && fneg == 0.0 {
        1.0
    } else if tp == 0.0 && fp == 0.0 {
        0.0
    } else {
        tp / (tp + fp)
    }
}

fn recall(tp: f64, fp: f64, fneg: f64) -> f64 {
    if fp == 0.0 && fneg == 0.0 {
        1.0
    } else if tp == 0.0 && fneg == 0.0 {
        0.0
    } else {
        tp / (tp + fneg)
    }
}

fn mean(v: &[f64]) -> f64 {
    if v.is_empty() {
        0.0
    } else {
        v.iter().sum::<f64>() / v.len() as f64
    }
}

fn norm_ws(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

// ---------------------------------------------------------------------------------------------
// Metadata comparison.

fn norm_meta(s: &str) -> String {
    norm_ws(s).to_lowercase().trim_matches(|c: char| !c.is_alphanumeric()).to_string()
}

/// Words that open a byline in the truth itself: Readability's `byline` keeps the visible
/// prefix ("By Ana Sandoiu", "Par Sébastien Farcis"), which is not part of any name.
const TRUTH_BYLINE_PREFIXES: &[&str] = &["by", "par", "von", "por"];

/// Separators between the names of a truth that lists several authors, in the corpora's
/// languages ("A und B", "A (avec B et C)", "E. BARRENECHE / J. I. DA SILVA").
const TRUTH_NAME_SEPARATORS: &[&str] = &[" and ", " und ", " et ", " y ", "(avec ", "(with "];

/// Degrees and titles a truth writes after a comma ("Michael L. Anderson, PhD", "Brenda
/// Goodman, MA"): not names of their own.
const NAME_SUFFIXES: &[&str] = &["phd", "ph.d", "md", "ma", "jr", "sr"];

fn author_match(truth: &str, got: &[String]) -> bool {
    let mut t = norm_meta(truth);
    if let Some(rest) = TRUTH_BYLINE_PREFIXES
        .iter()
        .find_map(|p| t.strip_prefix(p).filter(|r| r.starts_with(|c: char| !c.is_alphanumeric())))
    {
        t = norm_meta(rest);
    }
    if t.is_empty() {
        return true;
    }
    let g = norm_meta(&got.join("; "));
    if g.is_empty() {
        return false;
    }
    // Same names, in any separator style: every truth name is found, or the strings contain each other.
    let names: Vec<String> = t
        .split([',', ';', '&', '|', '/'])
        .flat_map(|p| {
            let mut parts = vec![p.to_string()];
            for sep in TRUTH_NAME_SEPARATORS {
                parts = parts
                    .iter()
                    .flat_map(|x| x.split(sep).map(String::from).collect::<Vec<_>>())
                    .collect();
            }
            parts
        })
        .map(|n| norm_meta(&n))
        .filter(|n| !n.is_empty() && !NAME_SUFFIXES.contains(&n.as_str()))
        .collect();
    g.contains(&t)
        || t.contains(&g)
        || (!names.is_empty() && names.iter().all(|n| g.contains(n.as_str())))
}

/// Exact match, or the same title once a site name is cut off one end of either
/// ("How to Build a Terrarium | eHow" and "How to Build a Terrarium"): readers show the site
/// name on its own line, so cutting it is the better behaviour, not an error. Normalised
/// matching also ignores letter case and the style of quotes and dashes: annotators copied
/// titles as rendered, often upper-cased by the site's CSS ("AMOKLAUF IN HEIDELBERG").
fn title_match(truth: &str, got: &str) -> (bool, bool) {
    let (t, g) = (norm_ws(truth), norm_ws(got));
    if t == g {
        return (true, true);
    }
    let typographic = |s: &str| -> String {
        s.chars()
            .map(|c| match c {
                '“' | '”' | '„' | '«' | '»' | '″' => '"',
                '‘' | '’' | '‚' | '´' | '`' => '\'',
                '–' | '—' => '-',
                c => c,
            })
            .flat_map(char::to_lowercase)
            .collect()
    };
    let (t, g) = (typographic(&t), typographic(&g));
    if t == g {
        return (false, true);
    }
    let cuts = |s: &str| -> Vec<String> {
        let mut v = vec![s.to_string()];
        for sep in [" | ", " - ", " :: ", " \" ", " · "] {
            if let Some(i) = s.rfind(sep) {
                v.push(s[..i].trim().to_string());
            }
            if let Some(i) = s.find(sep) {
                v.push(s[i + sep.len()..].trim().to_string());
            }
        }
        v
    };
    let normalised = !g.is_empty() && (cuts(&t).contains(&g) || cuts(&g).contains(&t));
    (false, normalised)
}

/// Separators around which a title's parts are candidates too ("Headline | Site", "Kicker:
/// Headline").
const TITLE_PARTS: &[&str] = &[" | ", " - ", " – ", " — ", " :: ", " · ", " » ", ": "];

/// Every title the page itself offers: the text of each `h1`–`h4`, each meta tag whose name
/// holds "title", the `<title>`, each JSON-LD `headline`, `alternativeHeadline` and `name`, and
/// each of their parts around a [`TITLE_PARTS`] separator: the places a title rule reads. The
/// share of truths found among them bounds what such a rule can score; the others were
/// reworded by the annotator (7 of trafilatura-dev's 16 are nowhere in the page) or copied from
/// a subtitle, a teaser or a longer line.
fn title_candidates(html: &str) -> Vec<String> {
    let doc = scraper::Html::parse_document(html);
    let sel = |s: &str| scraper::Selector::parse(s).expect("static selector");
    let mut found: Vec<String> = Vec::new();
    for e in doc.select(&sel("h1, h2, h3, h4, title")) {
        found.push(e.text().collect());
    }
    for e in doc.select(&sel("meta[content]")) {
        let key = e.attr("property").or(e.attr("name")).unwrap_or_default();
        if key.to_ascii_lowercase().contains("title") {
            found.extend(e.attr("content").map(str::to_string));
        }
    }
    for e in doc.select(&sel(r#"script[type="application/ld+json"]"#)) {
        let text: String = e.text().collect();
        // Without the CDATA and comment wrappers the core allows.
        let json = declutter::metadata::jsonld::unwrap_script(&text);
        let mut stack: Vec<serde_json::Value> = serde_json::from_str(json).into_iter().collect();
        while let Some(v) = stack.pop() {
            match v {
                serde_json::Value::Object(o) => {
                    for (k, v) in o {
                        match (k.as_str(), v) {
                            (
                                "headline" | "alternativeHeadline" | "name",
                                serde_json::Value::String(t),
                            ) => found.push(t),
                            (_, v) => stack.push(v),
                        }
                    }
                }
                serde_json::Value::Array(a) => stack.extend(a),
                _ => {}
            }
        }
    }
    let mut all = Vec::new();
    for f in found {
        let f = norm_ws(&f);
        for sep in TITLE_PARTS {
            all.extend(f.split(sep).map(|p| p.trim().to_string()).filter(|p| !p.is_empty()));
        }
        all.push(f);
    }
    all
}

/// Compares days. Two trafilatura-dev truths are written year-day-month ("2022-29-11" for
/// 29 November: no month 29); such a truth is read with day and month swapped.
fn date_match(truth: &str, got: Option<&str>) -> bool {
    let day = |s: &str| s.trim().chars().take(10).collect::<String>();
    let mut t = day(truth);
    if let (Some(y), Some(a), Some(b)) = (t.get(..4), t.get(5..7), t.get(8..10)) {
        if a.parse::<u32>().is_ok_and(|m| m > 12) && b.parse::<u32>().is_ok_and(|d| d <= 12) {
            t = format!("{y}-{b}-{a}");
        }
    }
    let Some(g) = got else { return false };
    // Two date-times with zones are compared on their UTC days: "2018-06-12T23:00:00.000Z" and
    // "2018-06-13T00:00:00+01:00" are the same instant, written in two time zones.
    if let (Some(a), Some(b)) = (utc_day(truth), utc_day(g)) {
        return a == b;
    }
    day(g) == t
}

/// Days since 1970-01-01 in UTC of a "YYYY-MM-DDTHH:MM[:SS[.fff]](Z|±HH[:]MM)" date-time;
/// `None` without a time and a zone.
fn utc_day(s: &str) -> Option<i64> {
    let s = s.trim();
    let n = |r: std::ops::Range<usize>| s.get(r).and_then(|x| x.parse::<i64>().ok());
    let (y, m, d, h, mi) = (n(0..4)?, n(5..7)?, n(8..10)?, n(11..13)?, n(14..16)?);
    let zone_at = s.get(16..)?.find(['Z', '+', '-']).map(|i| i + 16)?;
    let zone = s.get(zone_at..)?;
    let offset = if zone == "Z" {
        0
    } else {
        let digits: String = zone.chars().filter(char::is_ascii_digit).collect();
        let (zh, zm) = (
            digits.get(..2)?.parse::<i64>().ok()?,
            digits.get(2..4).and_then(|x| x.parse::<i64>().ok()).unwrap_or(0),
        );
        (zh * 60 + zm) * if zone.starts_with('-') { -1 } else { 1 }
    };
    // Howard Hinnant's days_from_civil, then the local minutes shifted to UTC.
    let yy = if m <= 2 { y - 1 } else { y };
    let era = yy.div_euclid(400);
    let yoe = yy - era * 400;
    let doy = (153 * (m + if m > 2 { -3 } else { 9 }) + 2) / 5 + d - 1;
    let days = era * 146_097 + yoe * 365 + yoe / 4 - yoe / 100 + doy - 719_468;
    Some((days * 1440 + h * 60 + mi - offset).div_euclid(1440))
}

#[derive(Default)]
struct MetaScore {
    title: (usize, usize),
    /// Exact or site-name-normalised title matches.
    title_norm: (usize, usize),
    /// Truths that are, exact or normalised, one of the page's own [`title_candidates`].
    title_on_page: (usize, usize),
    /// The pages whose title truth is none of them.
    titles_off_page: Vec<String>,
    author: (usize, usize),
    date: (usize, usize),
    misses: Vec<String>,
}

impl MetaScore {
    fn add(&mut self, id: &str, field: &str, ok: bool, truth: &str, got: &str) {
        let slot = match field {
            "title" => &mut self.title,
            "author" => &mut self.author,
            _ => &mut self.date,
        };
        slot.1 += 1;
        if ok {
            slot.0 += 1;
        } else {
            self.misses.push(format!("{id}\t{field}\ttruth={truth:?}\tgot={got:?}"));
        }
    }
}

fn pct(x: (usize, usize)) -> f64 {
    if x.1 == 0 {
        1.0
    } else {
        x.0 as f64 / x.1 as f64
    }
}

fn check_meta(
    ms: &mut MetaScore,
    id: &str,
    meta: &serde_json::Value,
    art: Option<&Article>,
    keys: (&str, &str, &str),
) {
    let empty = Article::default();
    let a = art.unwrap_or(&empty);
    if let Some(t) = meta.get(keys.0).and_then(|v| v.as_str()).filter(|s| !s.trim().is_empty()) {
        let (exact, normalised) = title_match(t, &a.title);
        ms.title_norm.1 += 1;
        if normalised {
            ms.title_norm.0 += 1;
        }
        ms.add(id, "title", exact, t, &a.title);
        if !exact && normalised {
            // Listed, but marked: only the exact figure counts it as a miss.
            if let Some(last) = ms.misses.last_mut() {
                last.push_str("\t(normalised match)");
            }
        }
    }
    // An author truth is a string or, for a few trafilatura-dev pages, a list of names.
    let author_truth = match meta.get(keys.1) {
        Some(serde_json::Value::String(s)) => Some(s.clone()),
        Some(serde_json::Value::Array(a)) => {
            Some(a.iter().filter_map(|v| v.as_str()).collect::<Vec<_>>().join("; "))
        }
        _ => None,
    };
    if let Some(t) = author_truth.filter(|s| !s.trim().is_empty()) {
        ms.add(id, "author", author_match(&t, &a.authors), &t, &a.authors.join("; "));
    }
    if let Some(t) = meta.get(keys.2).and_then(|v| v.as_str()).filter(|s| !s.trim().is_empty()) {
        ms.add(
            id,
            "date",
            date_match(t, a.published.as_deref()),
            t,
            a.published.as_deref().unwrap_or(""),
        );
    }
}

// ---------------------------------------------------------------------------------------------

fn load(dataset: &str, corpus: &Path) -> Result<Vec<Page>> {
    let mut pages = Vec::new();
    match dataset {
        "readability" => {
            let root = corpus.join("readability");
            let mut dirs: Vec<PathBuf> = std::fs::read_dir(&root)
                .with_context(|| format!("cannot read {}", root.display()))?
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.is_dir())
                .collect();
            dirs.sort();
            for d in dirs {
                let expected = std::fs::read(d.join("expected.html")).unwrap_or_default();
                let meta = std::fs::read_to_string(d.join("expected-metadata.json"))
                    .ok()
                    .and_then(|s| serde_json::from_str(&s).ok())
                    .unwrap_or_default();
                pages.push(Page {
                    id: d.file_name().map(|s| s.to_string_lossy().to_string()).unwrap_or_default(),
                    url: READABILITY_URL.into(),
                    path: d.join("source.html"),
                    truth: Truth::Text {
                        text: html_text_content(&String::from_utf8_lossy(&expected)),
                        meta,
                    },
                });
            }
        }
        "trafilatura-dev" => {
            let root = corpus.join("trafilatura-dev");
            let data: serde_json::Map<String, serde_json::Value> = serde_json::from_str(
                &std::fs::read_to_string(root.join("evaldata.json"))
                    .context("cannot read evaldata.json")?,
            )?;
            let mut urls: Vec<&String> = data.keys().collect();
            urls.sort();
            for url in urls {
                let item = &data[url];
                let file = item["file"].as_str().unwrap_or("");
                let Some(path) =
                    ["cache", "eval"].iter().map(|s| root.join(s).join(file)).find(|p| p.is_file())
                else {
                    continue;
                };
                let strs = |k: &str| -> Vec<String> {
                    item.get(k)
                        .and_then(|v| v.as_array())
                        .map(|a| a.iter().filter_map(|s| s.as_str().map(String::from)).collect())
                        .unwrap_or_default()
                };
                let page_url = if url.starts_with("http://") || url.starts_with("https://") {
                    url.clone()
                } else {
                    String::new()
                };
                pages.push(Page {
                    id: file.to_string(),
                    url: page_url,
                    path,
                    truth: Truth::Snippets {
                        with: strs("with"),
                        without: strs("without"),
                        meta: item.clone(),
                    },
                });
            }
        }
        other => bail!("unknown dataset {other:?} (readability, trafilatura-dev, all)"),
    }
    Ok(pages)
}

struct Report {
    lines: Vec<String>,
    figures: HashMap<String, f64>,
}

fn evaluate(
    dataset: &str,
    corpus: &Path,
    worst: usize,
    meta_misses: bool,
    out: Option<&Path>,
) -> Result<Report> {
    let pages = load(dataset, corpus)?;
    let options = Options::default();
    let mut times = Vec::new();
    let mut meta = MetaScore::default();
    let mut per_page: Vec<(f64, String)> = Vec::new();
    let (mut ps, mut rs) = (Vec::new(), Vec::new());
    let (mut tp, mut fp, mut fneg, mut tn) = (0usize, 0usize, 0usize, 0usize);
    let mut empty = 0;
    let mut empty_with_truth = Vec::new();
    for page in &pages {
        let bytes = std::fs::read(&page.path)
            .with_context(|| format!("cannot read {}", page.path.display()))?;
        let html = decode_html(&bytes).0;
        let t = Instant::now();
        let result = analyze(&html, &page.url, &options);
        times.push(t.elapsed().as_secs_f64() * 1000.0);
        let article = match &result {
            Ok(a) => a.article.clone(),
            Err(e) => {
                eprintln!("{}: {e}", page.id);
                None
            }
        };
        let text = article.as_ref().map(|a| a.text.clone()).unwrap_or_default();
        let (Truth::Text { meta: truth_meta, .. } | Truth::Snippets { meta: truth_meta, .. }) =
            &page.truth;
        if let Some(t) = truth_meta["title"].as_str().filter(|t| !t.trim().is_empty()) {
            meta.title_on_page.1 += 1;
            if title_candidates(&html).iter().any(|c| title_match(t, c).1) {
                meta.title_on_page.0 += 1;
            } else {
                meta.titles_off_page.push(format!("{}\ttruth={t:?}", page.id));
            }
        }
        if text.trim().is_empty() {
            empty += 1;
        }
        if let Some(dir) = out {
            std::fs::write(dir.join(format!("{}.txt", page.id.replace('/', "_"))), &text)?;
        }
        match &page.truth {
            Truth::Text { text: truth, meta: m } => {
                let (a, b, c) = shingle_match(truth, &text);
                if a + b > 0.0 {
                    ps.push(precision(a, b, c));
                }
                if a + c > 0.0 {
                    rs.push(recall(a, b, c));
                }
                let (p, r) = (precision(a, b, c), recall(a, b, c));
                let f = if p + r > 0.0 { 2.0 * p * r / (p + r) } else { 0.0 };
                per_page.push((f, format!("{:.3}\tP {:.3} R {:.3}\t{}", f, p, r, page.id)));
                if text.trim().is_empty() && !truth.trim().is_empty() {
                    empty_with_truth.push(page.id.clone());
                }
                check_meta(
                    &mut meta,
                    &page.id,
                    m,
                    article.as_ref(),
                    ("title", "byline", "publishedTime"),
                );
            }
            Truth::Snippets { with, without, meta: m } => {
                let res = norm_ws(&text);
                let found: Vec<&String> =
                    with.iter().filter(|w| res.contains(&norm_ws(w))).collect();
                let leaked: Vec<&String> =
                    without.iter().filter(|w| res.contains(&norm_ws(w))).collect();
                tp += found.len();
                fp += leaked.len();
                fneg += with.len() - found.len();
                tn += without.len() - leaked.len();
                let bad = (with.len() - found.len()) + leaked.len();
                let missed: Vec<String> = with
                    .iter()
                    .filter(|w| !res.contains(&norm_ws(w)))
                    .map(|s| s.chars().take(60).collect())
                    .collect();
                let extra: Vec<String> =
                    leaked.iter().map(|s| s.chars().take(60).collect()).collect();
                per_page.push((
                    -(bad as f64),
                    format!("{bad} wrong\t{}\tmissed {:?}\textra {:?}", page.id, missed, extra),
                ));
                if text.trim().is_empty() && !with.is_empty() {
                    empty_with_truth.push(page.id.clone());
                }
                check_meta(&mut meta, &page.id, m, article.as_ref(), ("title", "author", "date"));
            }
        }
    }
    let mut lines = Vec::new();
    let mut figures = HashMap::new();
    let (p, r, f1) = if dataset == "readability" {
        let (p, r) = (mean(&ps), mean(&rs));
        (p, r, if p + r > 0.0 { 2.0 * p * r / (p + r) } else { 0.0 })
    } else {
        let p = if tp + fp > 0 { tp as f64 / (tp + fp) as f64 } else { 0.0 };
        let r = if tp + fneg > 0 { tp as f64 / (tp + fneg) as f64 } else { 0.0 };
        (
            p,
            r,
            if 2 * tp + fp + fneg > 0 {
                2.0 * tp as f64 / (2 * tp + fp + fneg) as f64
            } else {
                0.0
            },
        )
    };
    let mut sorted = times.clone();
    sorted.sort_by(|a, b| a.total_cmp(b));
    let median = sorted.get(sorted.len() / 2).copied().unwrap_or(0.0);
    let p95 = sorted
        .get((sorted.len() * 95 / 100).min(sorted.len().saturating_sub(1)))
        .copied()
        .unwrap_or(0.0);
    lines.push(format!("dataset {dataset}: {} pages", pages.len()));
    lines.push(format!(
        "  P {p:.3}  R {r:.3}  F1 {f1:.5}   empty {empty} (with non-empty truth: {})",
        empty_with_truth.len()
    ));
    if dataset != "readability" {
        lines.push(format!("  snippets: tp {tp} fp {fp} fn {fneg} tn {tn}"));
    }
    lines.push(format!(
        "  title {:.1}% exact ({}/{}), {:.1}% exact or normalised  author {:.1}% ({}/{})  date {:.1}% ({}/{})",
        pct(meta.title) * 100.0, meta.title.0, meta.title.1, pct(meta.title_norm) * 100.0,
        pct(meta.author) * 100.0, meta.author.0, meta.author.1,
        pct(meta.date) * 100.0, meta.date.0, meta.date.1
    ));
    lines.push(format!(
        "  titles on the page (a heading h1-h4, a title meta tag, the <title>, a JSON-LD headline \
         or name, or a part of one): {:.1}% ({}/{}); a title rule reads these",
        pct(meta.title_on_page) * 100.0,
        meta.title_on_page.0,
        meta.title_on_page.1
    ));
    lines.push(format!(
        "  time per page: median {median:.2} ms, p95 {p95:.2} ms, total {:.2} s",
        times.iter().sum::<f64>() / 1000.0
    ));
    if !empty_with_truth.is_empty() {
        lines.push(format!(
            "  empty output where the truth is not: {}",
            empty_with_truth.join(", ")
        ));
    }
    if worst > 0 {
        per_page.sort_by(|a, b| a.0.total_cmp(&b.0));
        lines.push(format!("  worst {worst} pages:"));
        for (_, l) in per_page.iter().take(worst) {
            lines.push(format!("    {l}"));
        }
        lines.push(format!("  metadata misses (first {}):", worst.max(30)));
        for m in meta.misses.iter().take(worst.max(30)) {
            lines.push(format!("    {m}"));
        }
    }
    if meta_misses {
        lines.push(format!("  metadata misses (all {}):", meta.misses.len()));
        for m in &meta.misses {
            lines.push(format!("    {m}"));
        }
        lines.push(format!("  titles not on the page (all {}):", meta.titles_off_page.len()));
        for m in &meta.titles_off_page {
            lines.push(format!("    {m}"));
        }
    }
    let key = dataset.replace('-', "_");
    figures.insert(format!("{key}.f1"), f1);
    figures.insert(format!("{key}.precision"), p);
    figures.insert(format!("{key}.recall"), r);
    figures.insert(format!("{key}.title"), pct(meta.title));
    figures.insert(format!("{key}.title_normalised"), pct(meta.title_norm));
    figures.insert(format!("{key}.title_on_page"), pct(meta.title_on_page));
    figures.insert(format!("{key}.author"), pct(meta.author));
    figures.insert(format!("{key}.date"), pct(meta.date));
    figures.insert(format!("{key}.empty_with_truth"), empty_with_truth.len() as f64);
    Ok(Report { lines, figures })
}

fn main() {
    match run() {
        Ok(code) => std::process::exit(code),
        Err(e) => {
            eprintln!("evaluate: {e:#}");
            std::process::exit(2);
        }
    }
}

fn run() -> Result<i32> {
    let mut datasets = Vec::new();
    let mut corpus: Option<PathBuf> = std::env::var_os("SHARED_CORPUS").map(PathBuf::from);
    let mut worst = 0;
    let mut meta_misses = false;
    let mut floors: Option<PathBuf> = None;
    let mut out: Option<PathBuf> = None;
    let mut it = std::env::args().skip(1);
    while let Some(a) = it.next() {
        match a.as_str() {
            "--corpus" => corpus = it.next().map(PathBuf::from),
            "--worst" => {
                worst = it.next().and_then(|v| v.parse().ok()).context("--worst needs a number")?
            }
            "--floors" => floors = it.next().map(PathBuf::from),
            "--meta-misses" => meta_misses = true,
            "--check" => floors = floors.or_else(|| Some(PathBuf::from("tests/floors.json"))),
            "--out" => out = it.next().map(PathBuf::from),
            "all" => datasets.extend(["readability".to_string(), "trafilatura-dev".to_string()]),
            "-h" | "--help" => {
                println!("usage: evaluate readability|trafilatura-dev|all [--corpus DIR] [--worst N] [--meta-misses] [--check | --floors FILE] [--out DIR]");
                return Ok(0);
            }
            d => datasets.push(d.to_string()),
        }
    }
    if datasets.is_empty() {
        datasets.extend(["readability".to_string(), "trafilatura-dev".to_string()]);
    }
    let corpus = corpus.unwrap_or_else(|| PathBuf::from("../shared/corpus"));
    let mut figures = HashMap::new();
    for d in &datasets {
        let dir = out.as_ref().map(|o| o.join(d));
        if let Some(dir) = &dir {
            std::fs::create_dir_all(dir)?;
        }
        let report = evaluate(d, &corpus, worst, meta_misses, dir.as_deref())?;
        for l in &report.lines {
            println!("{l}");
        }
        figures.extend(report.figures);
    }
    let Some(floors) = floors else { return Ok(0) };
    let spec: HashMap<String, f64> = serde_json::from_str(
        &std::fs::read_to_string(&floors)
            .with_context(|| format!("cannot read {}", floors.display()))?,
    )?;
    let mut failed = 0;
    let mut keys: Vec<&String> = spec.keys().collect();
    keys.sort();
    for k in keys {
        let floor = spec[k];
        let Some(&got) = figures.get(k) else { continue };
        // "empty_with_truth" is a ceiling, everything else a floor.
        let ok = if k.ends_with("empty_with_truth") { got <= floor } else { got >= floor };
        println!("{} {k}: {got:.4} (floor {floor})", if ok { "ok  " } else { "FAIL" });
        if !ok {
            failed += 1;
        }
    }
    println!("{} passed, {failed} failed", spec.len() - failed);
    Ok(if failed > 0 { 1 } else { 0 })
}

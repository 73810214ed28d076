//! Bad input, clear answer: each oversized or malformed page runs in a child process of this
//! test binary, which reports its wall time and peak resident memory (VmHWM from
//! /proc/self/status, read after the analysis); the parent checks the outcome (an article, or a
//! refusal whose message a user can read) and the bounds. Each child builds only its own page,
//! so the peak is that page's and not the whole suite's.
//!
//! `cargo test --release --test limits -- --nocapture` prints the figures (README "Reliability").

use declutter::{analyze, Options};
use std::process::Command;
use std::time::Instant;

const URL: &str = "https://example.org/news/article.html";
const CASE_ENV: &str = "DECLUTTER_LIMITS_CASE";
const PARA: &str = "<p>Le ministre des Affaires étrangères devrait se rendre au Maroc la semaine prochaine, a rapporté la presse, dans un contexte régional tendu.</p>\n";
const MB: usize = 1024 * 1024;

/// A page of `bytes` (about): an article of paragraphs with some clutter between them.
fn big_page(bytes: usize) -> String {
    let clutter =
        "<div class=\"sidebar\"><a href=\"/a\">Lien un</a> <a href=\"/b\">Lien deux</a></div>\n";
    let mut html = String::with_capacity(bytes + 1024);
    html.push_str("<html><body><div class=article>");
    while html.len() < bytes {
        html.push_str(PARA);
        html.push_str(clutter);
    }
    html.push_str("</div></body></html>");
    html
}

fn article_around(middle: &str) -> String {
    format!(
        "<html><body><article><h1>Titre</h1>{p}{p}{middle}{p}{p}</article></body></html>",
        p = PARA
    )
}

/// The cases: name -> the page. Bytes for the encoding cases go through the CLI's decoder.
fn build(name: &str) -> String {
    match name {
        "page-20mb" => big_page(20 * MB),
        "page-31mb" => big_page(31 * MB),
        "page-40mb" => big_page(40 * MB),
        "nested-100k" => "<div>".repeat(100_000) + "x" + &"</div>".repeat(100_000),
        "nested-4000" => format!(
            "<html><body>{}{}{}</body></html>",
            "<div>".repeat(4000),
            PARA.repeat(8),
            "</div>".repeat(4000)
        ),
        "attrs-1m-total" => {
            let attrs = (0..10).map(|i| format!("data-a{i}=v")).collect::<Vec<_>>().join(" ");
            article_around(&format!(
                "<div>{}</div>",
                format!("<span {attrs}>a</span>").repeat(100_000)
            ))
        }
        "attrs-1m-one-element" => article_around(&format!(
            "<p {}>text</p>",
            (0..1_000_000).map(|i| format!("a{i}=v")).collect::<Vec<_>>().join(" ")
        )),
        "attrs-4000-one-element" => article_around(&format!(
            "<p {}>text</p>",
            (0..4000).map(|i| format!("a{i}=v")).collect::<Vec<_>>().join(" ")
        )),
        "text-node-10mb" => article_around(&format!("<p>{}</p>", "mot ".repeat(10 * MB / 4))),
        "text-node-10mb-no-spaces" => article_around(&format!("<p>{}</p>", "x".repeat(10 * MB))),
        "nodes-2m" => article_around(&"<b></b>".repeat(2_000_000)),
        "nul-bytes" => article_around(&format!(
            "<p>{}</p><p\0 cl\0ass=\"a\0\">NUL\0 in tags</p>",
            "avant\0après, ".repeat(100_000)
        )),
        "broken-utf8" => {
            let mut bytes = article_around(
                "<p>Café crème, déjà vu, naïve façade: ZZZZ and more text to read.</p>",
            )
            .into_bytes();
            // Invalid UTF-8 (lone continuation bytes, a truncated sequence, overlong forms).
            let at = bytes.windows(4).position(|w| w == b"ZZZZ").unwrap_or(0);
            bytes.splice(at..at + 4, [0x80, 0xbf, 0xe2, 0x82, 0xc0, 0xaf, 0xff, 0xfe]);
            declutter::decode::decode_html(&bytes).0
        }
        "utf16-odd-bytes" => {
            let mut bytes = vec![0xff, 0xfe]; // UTF-16LE BOM, then an odd number of bytes
            for u in article_around("<p>Texte en UTF-16, avec une fin tronquée.</p>").encode_utf16()
            {
                bytes.extend(u.to_le_bytes());
            }
            bytes.push(0x41);
            declutter::decode::decode_html(&bytes).0
        }
        "meta-charset-lies" => {
            let mut bytes =
                b"<html><head><meta charset=\"shift_jis\"></head><body><article>".to_vec();
            bytes.extend(PARA.repeat(5).as_bytes());
            bytes.extend([0x82, 0xa0, 0x82, 0xa2, 0xe9, 0xe8, 0x81]);
            bytes.extend(b"</article></body></html>");
            declutter::decode::decode_html(&bytes).0
        }
        other => panic!("no case {other}"),
    }
}

/// What each case must give, and its bounds: (name, outcome, max seconds, max peak MB).
/// Outcomes: "article", "none" (no article, no error) or a phrase of the refusal message.
/// Bounds are about twice the peak and three times the time this loaded 2-core machine measured
/// (README "Reliability"); the peak includes the page itself, built in the child.
const CASES: &[(&str, &str, f64, u64)] = &[
    ("page-20mb", "article", 15.0, 900),
    ("page-31mb", "article", 20.0, 1400),
    ("page-40mb", "too large", 1.0, 150),
    ("nested-100k", "too deeply", 2.0, 100),
    ("nested-4000", "article", 2.0, 100),
    ("attrs-1m-total", "article", 8.0, 600),
    ("attrs-1m-one-element", "too many attributes", 2.0, 200),
    ("attrs-4000-one-element", "article", 1.0, 100),
    ("text-node-10mb", "article", 3.0, 250),
    ("text-node-10mb-no-spaces", "article", 3.0, 250),
    ("nodes-2m", "too many elements", 8.0, 1000),
    ("nul-bytes", "article", 2.0, 100),
    ("broken-utf8", "article", 1.0, 50),
    ("utf16-odd-bytes", "article", 1.0, 50),
    ("meta-charset-lies", "article", 1.0, 50),
];

fn vm_hwm_kb() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.split_whitespace().next()?.parse().ok())
        .unwrap_or(0)
}

/// Runs in the child: one case, one line of result on stdout.
#[test]
fn child_case() {
    let Ok(name) = std::env::var(CASE_ENV) else { return };
    let html = build(&name);
    let bytes = html.len();
    let t = Instant::now();
    let outcome = match analyze(&html, URL, &Options::default()) {
        Ok(a) if a.article.is_some() => "article".to_string(),
        Ok(_) => "none".to_string(),
        Err(e) => format!("error: {e}"),
    };
    let secs = t.elapsed().as_secs_f64();
    println!("LIMITS\t{name}\t{bytes}\t{secs:.3}\t{}\t{outcome}", vm_hwm_kb());
}

#[test]
fn bad_input_bounded_time_and_memory_or_a_clear_refusal() {
    if std::env::var(CASE_ENV).is_ok() {
        return;
    }
    let exe = std::env::current_exe().unwrap();
    let mut failures = Vec::new();
    eprintln!("case\tbytes\tseconds\tpeak MB\toutcome");
    for &(name, want, max_secs, max_mb) in CASES {
        let out = Command::new(&exe)
            .args(["--exact", "child_case", "--nocapture", "--test-threads=1"])
            .env(CASE_ENV, name)
            .output()
            .unwrap();
        let stdout = String::from_utf8_lossy(&out.stdout);
        // libtest prints "test child_case ... " first, on the same line.
        let Some(line) = stdout
            .split("LIMITS\t")
            .nth(1)
            .and_then(|rest| rest.lines().next())
            .map(|l| format!("LIMITS\t{l}"))
        else {
            failures.push(format!(
                "{name}: the child crashed: {}",
                String::from_utf8_lossy(&out.stderr)
            ));
            continue;
        };
        let f: Vec<&str> = line.split('\t').collect();
        let (bytes, secs, hwm_kb, outcome) =
            (f[2], f[3].parse::<f64>().unwrap(), f[4].parse::<u64>().unwrap(), f[5]);
        let mb = hwm_kb / 1024;
        eprintln!("{name}\t{bytes}\t{secs:.2}\t{mb}\t{outcome}");
        if !outcome.contains(want) {
            failures.push(format!("{name}: wanted {want:?}, got {outcome:?}"));
        }
        if secs > max_secs {
            failures.push(format!("{name}: {secs:.2} s, bound {max_secs} s"));
        }
        if mb > max_mb {
            failures.push(format!("{name}: peak {mb} MB, bound {max_mb} MB"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

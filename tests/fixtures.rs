//! Runs every `tests/fixtures/<case>/` through the core and checks `expected.json`:
//! metadata, snippets that must / must not be in the article, elements of the content HTML,
//! and which page text the in-place plan hides. Prints every failed check with its case.

use declutter::{analyze, Analysis, Options};
use scraper::{Html, Selector};
use serde_json::Value;
use std::path::{Path, PathBuf};

fn norm(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn cases() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut v: Vec<PathBuf> = std::fs::read_dir(&root)
        .expect("tests/fixtures exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.join("expected.json").is_file())
        .collect();
    v.sort();
    v
}

/// Text of the page that stays visible once the plan's elements are hidden (and the page's
/// own hidden parts, script and style are left out), plus the text that the plan hides.
fn visible_and_hidden(html: &str, a: &Analysis) -> (String, String) {
    let doc = Html::parse_document(html);
    let hide: std::collections::HashSet<u32> = a.plan.hide.iter().map(|h| h.index).collect();
    let mut visible = String::new();
    let mut hidden = String::new();
    let mut index = 0u32;
    // (node, hidden by plan)
    let mut stack = vec![(doc.tree.root(), false)];
    while let Some((node, hid)) = stack.pop() {
        let mut hid_here = hid;
        match node.value() {
            scraper::Node::Element(e) => {
                if hide.contains(&index) {
                    hid_here = true;
                }
                index += 1;
                if e.name() == "template" {
                    continue;
                }
                let skip = matches!(e.name(), "script" | "style" | "noscript" | "head" | "title");
                let mut kids: Vec<_> = node.children().collect();
                kids.reverse();
                for k in kids {
                    if !skip || matches!(k.value(), scraper::Node::Element(_)) {
                        stack.push((k, hid_here));
                    }
                }
                if !skip
                    && matches!(
                        e.name(),
                        "p" | "div" | "li" | "h1" | "h2" | "h3" | "h4" | "br" | "td" | "a"
                    )
                {
                    // word boundary between blocks
                    if hid_here {
                        hidden.push(' ')
                    } else {
                        visible.push(' ')
                    }
                }
            }
            scraper::Node::Text(t) => {
                if hid_here {
                    hidden.push_str(&t.text);
                } else {
                    visible.push_str(&t.text);
                }
            }
            _ => {
                let mut kids: Vec<_> = node.children().collect();
                kids.reverse();
                for k in kids {
                    stack.push((k, hid_here));
                }
            }
        }
    }
    (norm(&visible), norm(&hidden))
}

/// Checks one case. Failures listed in the case's `pending` (with the issue that will fix them)
/// are expected; a pending failure that no longer happens is itself reported, so that the list
/// only ever shrinks.
fn check_case(dir: &Path, errors: &mut Vec<String>) {
    let case = dir.file_name().unwrap().to_string_lossy().to_string();
    let exp: Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("expected.json")).unwrap()).unwrap();
    let pending: Vec<String> = exp
        .get("pending")
        .and_then(|v| v.as_array())
        .into_iter()
        .flatten()
        .filter_map(|v| v.as_str().map(String::from))
        .collect();
    let mut found = Vec::new();
    check_expectations(dir, &mut found);
    for f in &found {
        let msg = f.strip_prefix(&format!("{case}: ")).unwrap_or(f);
        if !pending.iter().any(|p| p == msg) {
            errors.push(f.clone());
        }
    }
    for p in &pending {
        if !found.iter().any(|f| f.ends_with(p.as_str())) {
            errors.push(format!("{case}: now passes, remove from \"pending\": {p}"));
        }
    }
}

fn check_expectations(dir: &Path, errors: &mut Vec<String>) {
    let case = dir.file_name().unwrap().to_string_lossy().to_string();
    let html = std::fs::read_to_string(dir.join("source.html")).unwrap();
    let exp: Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("expected.json")).unwrap()).unwrap();
    let url = exp["url"].as_str().unwrap_or("");
    let a = match analyze(&html, url, &Options::default()) {
        Ok(a) => a,
        Err(e) => {
            errors.push(format!("{case}: analyze failed: {e}"));
            return;
        }
    };
    let mut fail = |msg: String| errors.push(format!("{case}: {msg}"));
    match (&exp["article"], &a.article) {
        (Value::Null, None) => {}
        (Value::Null, Some(_)) => fail("expected no article, got one".into()),
        (_, None) => fail("expected an article, got none".into()),
        (e, Some(art)) => {
            let text = norm(&art.text);
            for key in ["title", "site_name", "lang", "dir", "lead_image"] {
                if let Some(want) = e.get(key).and_then(|v| v.as_str()) {
                    let got = match key {
                        "title" => Some(art.title.clone()),
                        "site_name" => art.site_name.clone(),
                        "lang" => art.lang.clone(),
                        "dir" => Some(art.dir.clone()),
                        _ => art.lead_image.clone(),
                    };
                    let ok = match key {
                        "lang" => got
                            .as_deref()
                            .map(|g| g.to_lowercase().starts_with(&want.to_lowercase()))
                            .unwrap_or(false),
                        _ => got.as_deref().map(norm) == Some(norm(want)),
                    };
                    if !ok {
                        fail(format!("{key}: want {want:?}, got {got:?}"));
                    }
                }
            }
            if let Some(want) = e.get("authors").and_then(|v| v.as_array()) {
                let want: Vec<String> = want.iter().filter_map(|v| v.as_str().map(norm)).collect();
                let got: Vec<String> = art.authors.iter().map(|s| norm(s)).collect();
                if want != got {
                    fail(format!("authors: want {want:?}, got {got:?}"));
                }
            }
            if let Some(want) = e.get("published").and_then(|v| v.as_str()) {
                if !art.published.as_deref().map(|g| g.starts_with(want)).unwrap_or(false) {
                    fail(format!("published: want {want:?}, got {:?}", art.published));
                }
            }
            for s in e
                .get("must")
                .and_then(|v| v.as_array())
                .into_iter()
                .flatten()
                .filter_map(|v| v.as_str())
            {
                if !text.contains(&norm(s)) {
                    fail(format!("article misses {s:?}"));
                }
            }
            for s in e
                .get("must_not")
                .and_then(|v| v.as_array())
                .into_iter()
                .flatten()
                .filter_map(|v| v.as_str())
            {
                if text.contains(&norm(s)) {
                    fail(format!("article has {s:?}"));
                }
            }
            let frag = Html::parse_fragment(&art.content_html);
            for el in e.get("elements").and_then(|v| v.as_array()).into_iter().flatten() {
                let sel = el["selector"].as_str().unwrap_or("*");
                let want = norm(el.get("text").and_then(|t| t.as_str()).unwrap_or(""));
                let Ok(selector) = Selector::parse(sel) else {
                    fail(format!("bad selector {sel:?}"));
                    continue;
                };
                if !frag
                    .select(&selector)
                    .any(|m| norm(&m.text().collect::<String>()).contains(&want))
                {
                    fail(format!("no {sel} with text {want:?} in the content"));
                }
            }
            // "Show what was removed": each listed block is in the article's removed list with its reason.
            for r in e.get("removed").and_then(|v| v.as_array()).into_iter().flatten() {
                let (reason, want) =
                    (r["reason"].as_str().unwrap_or(""), norm(r["text"].as_str().unwrap_or("")));
                if !art.removed.iter().any(|b| b.reason == reason && norm(&b.text).contains(&want))
                {
                    fail(format!("removed list lacks {reason}: {want:?} (has {:?})", art.removed));
                }
            }
            for sel in e
                .get("no_elements")
                .and_then(|v| v.as_array())
                .into_iter()
                .flatten()
                .filter_map(|v| v.as_str())
            {
                if let Ok(selector) = Selector::parse(sel) {
                    if frag.select(&selector).next().is_some() {
                        fail(format!("content has {sel}"));
                    }
                }
            }
        }
    }
    if let Some(clean) = exp.get("clean") {
        let (visible, hidden) = visible_and_hidden(&html, &a);
        for s in clean
            .get("visible")
            .and_then(|v| v.as_array())
            .into_iter()
            .flatten()
            .filter_map(|v| v.as_str())
        {
            if !visible.contains(&norm(s)) {
                fail(format!("cleaning in place hides {s:?}"));
            }
        }
        for s in clean
            .get("hidden")
            .and_then(|v| v.as_array())
            .into_iter()
            .flatten()
            .filter_map(|v| v.as_str())
        {
            if visible.contains(&norm(s)) && !hidden.contains(&norm(s)) {
                fail(format!("cleaning in place leaves {s:?}"));
            }
        }
    }
}

#[test]
fn fixtures() {
    let mut errors = Vec::new();
    let all = cases();
    assert!(all.len() >= 3, "no fixtures found");
    for dir in &all {
        check_case(dir, &mut errors);
    }
    for e in &errors {
        eprintln!("{e}");
    }
    assert!(errors.is_empty(), "{} failed checks over {} fixtures", errors.len(), all.len());
}

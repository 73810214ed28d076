//! Any bytes, read as the extension reads a page (lossy UTF-8), through `analyze`: it must
//! return (an analysis or an `Error`), never panic, and what it returns must be sanitised:
//! parsed as a browser parses it, no script element, no event handler, no script URL.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let html = String::from_utf8_lossy(data);
    if let Ok(analysis) = declutter::analyze(&html, "https://example.org/news/1", &declutter::Options::default()) {
        if let Some(article) = analysis.article {
            if let Some(why) = active(&article.content_html) {
                panic!("active output ({why}): {}", article.content_html);
            }
        }
    }
});

include!("../active.rs");

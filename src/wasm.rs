//! The wasm-bindgen layer: converts types at the edge and does nothing else.
//! JS gets plain objects (structured-clonable, so they cross `runtime.sendMessage`).

use wasm_bindgen::prelude::*;

/// `analyze(html, url, options?) -> { article, plan }`; throws an `Error` with a message a
/// user can read when the page is refused.
#[wasm_bindgen]
pub fn analyze(html: &str, url: &str, options: JsValue) -> Result<JsValue, JsError> {
    let options: crate::Options = if options.is_undefined() || options.is_null() {
        crate::Options::default()
    } else {
        serde_wasm_bindgen::from_value(options)
            .map_err(|e| JsError::new(&format!("bad options: {e}")))?
    };
    let analysis = crate::analyze(html, url, &options).map_err(|e| JsError::new(&e.to_string()))?;
    let ser = serde_wasm_bindgen::Serializer::json_compatible();
    analysis.serialize(&ser).map_err(|e| JsError::new(&e.to_string()))
}

/// `export_markdown(article, url) -> string`: the article (as `analyze` returned it) as a
/// Markdown document with its metadata.
#[wasm_bindgen]
pub fn export_markdown(article: JsValue, url: &str) -> Result<String, JsError> {
    Ok(crate::output::export::markdown_document(&to_article(article)?, url))
}

/// `export_html(article, url) -> string`: a standalone, script-free HTML document.
#[wasm_bindgen]
pub fn export_html(article: JsValue, url: &str) -> Result<String, JsError> {
    Ok(crate::output::export::standalone_html(&to_article(article)?, url))
}

fn to_article(article: JsValue) -> Result<crate::Article, JsError> {
    serde_wasm_bindgen::from_value(article).map_err(|e| JsError::new(&format!("bad article: {e}")))
}

/// The core's version, for the extension's "about" line and the benchmark reports.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}

use serde::Serialize;

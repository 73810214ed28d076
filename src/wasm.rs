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
        serde_wasm_bindgen::from_value(options).map_err(|e| JsError::new(&format!("bad options: {e}")))?
    };
    let analysis = crate::analyze(html, url, &options).map_err(|e| JsError::new(&e.to_string()))?;
    let ser = serde_wasm_bindgen::Serializer::json_compatible();
    analysis.serialize(&ser).map_err(|e| JsError::new(&e.to_string()))
}

/// The core's version, for the extension's "about" line and the benchmark reports.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}

use serde::Serialize;

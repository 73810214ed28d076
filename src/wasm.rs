//! The wasm-bindgen layer: converts types at the edge and does nothing else.
//! JS gets plain objects (structured-clonable, so they cross `runtime.sendMessage`).
//!
//! What JS passes in (the options, an article to export) is read field by field below rather
//! than through serde-wasm-bindgen's `Deserializer`: that one carried its generic visitors and,
//! through serde's error messages (`Unexpected::Float`), the standard library's float
//! formatting, about 20 KB of the module for two small structs. The rules are serde's derive
//! with serde-wasm-bindgen's: a field that is absent takes its default (options) or is an error
//! (article); `null` and `undefined` are `None`; integers are safe integers in range; extra
//! fields are ignored.

use js_sys::{Array, Number, Reflect};
use wasm_bindgen::prelude::*;

use crate::model::{Article, RemovedBlock};

/// `analyze(html, url, options?) -> { article, plan }`; throws an `Error` with a message a
/// user can read when the page is refused.
#[wasm_bindgen]
pub fn analyze(html: &str, url: &str, options: JsValue) -> Result<JsValue, JsError> {
    let options = if options.is_undefined() || options.is_null() {
        crate::Options::default()
    } else {
        to_options(&options).map_err(|e| JsError::new(&format!("bad options: {e}")))?
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

fn to_article(article: JsValue) -> Result<Article, JsError> {
    read_article(&article).map_err(|e| JsError::new(&format!("bad article: {e}")))
}

/// The core's version, for the extension's "about" line and the benchmark reports.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}

use serde::Serialize;

/// Why a value from JS was refused: the field and what it should have been.
type Bad = String;

/// The options object: each field absent keeps its default.
fn to_options(v: &JsValue) -> Result<crate::Options, Bad> {
    let o = Object::new(v)?;
    let mut options = crate::Options::default();
    if let Some(x) = o.present("max_bytes")? {
        options.max_bytes = unsigned("max_bytes", &x)?;
    }
    if let Some(x) = o.present("max_nodes")? {
        options.max_nodes = unsigned("max_nodes", &x)?;
    }
    if let Some(x) = o.present("char_threshold")? {
        options.char_threshold = unsigned("char_threshold", &x)?;
    }
    if let Some(x) = o.present("top_candidates")? {
        options.top_candidates = unsigned("top_candidates", &x)?;
    }
    if let Some(x) = o.present("plan")? {
        options.plan = x.as_bool().ok_or_else(|| expected("plan", "a boolean"))?;
    }
    Ok(options)
}

/// An article as `analyze` returned it: every field required (the `Option`s may be `null`).
fn read_article(v: &JsValue) -> Result<Article, Bad> {
    let o = Object::new(v)?;
    let removed = list(&o.required("removed")?, "removed", |b| {
        let b = Object::new(&b)?;
        Ok(RemovedBlock { reason: b.string("reason")?, text: b.string("text")? })
    })?;
    Ok(Article {
        title: o.string("title")?,
        authors: list(&o.required("authors")?, "authors", |a| {
            a.as_string().ok_or_else(|| expected("authors", "strings"))
        })?,
        byline: o.optional_string("byline")?,
        published: o.optional_string("published")?,
        site_name: o.optional_string("site_name")?,
        lang: o.optional_string("lang")?,
        dir: o.string("dir")?,
        excerpt: o.optional_string("excerpt")?,
        lead_image: o.optional_string("lead_image")?,
        content_html: o.string("content_html")?,
        text: o.string("text")?,
        word_count: unsigned("word_count", &o.required("word_count")?)?,
        reading_minutes: unsigned("reading_minutes", &o.required("reading_minutes")?)?,
        // serde's f32 from a JS number: the f64 rounded to f32.
        confidence: o
            .required("confidence")?
            .as_f64()
            .ok_or_else(|| expected("confidence", "a number"))? as f32,
        removed,
    })
}

/// A JS object whose fields are read by name. Its readers are not inlined: one call per field
/// instead of a copy of each for every field.
struct Object<'a>(&'a JsValue);

impl<'a> Object<'a> {
    fn new(v: &'a JsValue) -> Result<Self, Bad> {
        if v.is_object() {
            Ok(Object(v))
        } else {
            Err("not an object".into())
        }
    }

    /// The field's value, or `None` when the object has no such field (an explicit
    /// `undefined` is a value, as serde-wasm-bindgen reads it).
    #[inline(never)]
    fn present(&self, name: &str) -> Result<Option<JsValue>, Bad> {
        let key = JsValue::from_str(name);
        let value = Reflect::get(self.0, &key).map_err(|_| format!("cannot read {name}"))?;
        if value.is_undefined() && !Reflect::has(self.0, &key).unwrap_or(false) {
            return Ok(None);
        }
        Ok(Some(value))
    }

    fn required(&self, name: &str) -> Result<JsValue, Bad> {
        self.present(name)?.ok_or_else(|| format!("missing field `{name}`"))
    }

    #[inline(never)]
    fn string(&self, name: &str) -> Result<String, Bad> {
        self.required(name)?.as_string().ok_or_else(|| expected(name, "a string"))
    }

    /// An `Option<String>` field: absent, `null` or `undefined` are `None`.
    #[inline(never)]
    fn optional_string(&self, name: &str) -> Result<Option<String>, Bad> {
        match self.present(name)? {
            Some(v) if !v.is_null() && !v.is_undefined() => {
                Ok(Some(v.as_string().ok_or_else(|| expected(name, "a string"))?))
            }
            _ => Ok(None),
        }
    }
}

#[inline(never)]
fn expected(name: &str, what: &str) -> Bad {
    format!("{name} should be {what}")
}

/// A non-negative safe integer that fits `T` (serde-wasm-bindgen's rule for unsigned fields).
#[inline(never)]
fn unsigned<T: TryFrom<u64>>(name: &str, v: &JsValue) -> Result<T, Bad> {
    let n = v.as_f64().filter(|_| Number::is_safe_integer(v)).filter(|n| *n >= 0.0);
    n.and_then(|n| T::try_from(n as u64).ok())
        .ok_or_else(|| expected(name, "a whole number in range"))
}

/// A JS array, each element read by `item`.
fn list<T>(
    v: &JsValue,
    name: &str,
    item: impl Fn(JsValue) -> Result<T, Bad>,
) -> Result<Vec<T>, Bad> {
    if !Array::is_array(v) {
        return Err(expected(name, "an array"));
    }
    let array: &Array = v.unchecked_ref();
    (0..array.length()).map(|i| item(array.get(i))).collect()
}

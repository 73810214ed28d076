//! JSON values for the JSON-LD reader, and the one place that knows which parser reads them.
//!
//! In the WASM module the host's `JSON.parse` does: serde_json's parser and the `BTreeMap` of
//! its objects were about 24 KB of the module's code before optimisation, for what every host
//! already carries. Natively serde_json does. Both follow RFC 8259; the rules where hosts are
//! laxer are applied here so that both refuse the same scripts (below). The node test
//! `tests/node/address.test.mjs` compares the module's analyses with the native CLI's on every
//! fixture and a corpus sample.
//!
//! The reader uses strings, arrays and objects only: other values (numbers, booleans, `null`)
//! are all [`Value::Other`].

/// A parsed JSON value, reduced to what the JSON-LD reader reads.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    String(String),
    Array(Vec<Value>),
    Object(Map),
    /// A number, a boolean or `null`.
    Other,
}

/// A JSON object: its members in no particular order, each key once (the last one wins, as in
/// both parsers).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Map(Vec<(String, Value)>);

impl Map {
    pub fn get(&self, key: &str) -> Option<&Value> {
        self.0.iter().find(|(k, _)| k == key).map(|(_, v)| v)
    }

    pub fn contains_key(&self, key: &str) -> bool {
        self.get(key).is_some()
    }

    pub fn remove(&mut self, key: &str) -> Option<Value> {
        let i = self.0.iter().position(|(k, _)| k == key)?;
        Some(self.0.swap_remove(i).1)
    }
}

impl Value {
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::String(s) => Some(s),
            _ => None,
        }
    }

    pub fn as_object(&self) -> Option<&Map> {
        match self {
            Value::Object(o) => Some(o),
            _ => None,
        }
    }

    /// An object's member (`None` for anything else).
    pub fn get(&self, key: &str) -> Option<&Value> {
        self.as_object()?.get(key)
    }
}

/// The deepest nesting of arrays and objects serde_json accepts: it counts down from 128 and
/// fails at 0, so 127 levels parse and 128 do not. `JSON.parse` has no such limit.
#[cfg(target_arch = "wasm32")]
const MAX_DEPTH: usize = 127;

/// `s` as one JSON value, or `None` when it is not valid JSON.
#[cfg(not(target_arch = "wasm32"))]
pub fn parse(s: &str) -> Option<Value> {
    fn convert(v: serde_json::Value) -> Value {
        match v {
            serde_json::Value::String(s) => Value::String(s),
            serde_json::Value::Array(a) => Value::Array(a.into_iter().map(convert).collect()),
            serde_json::Value::Object(o) => {
                Value::Object(Map(o.into_iter().map(|(k, v)| (k, convert(v))).collect()))
            }
            _ => Value::Other,
        }
    }
    serde_json::from_str(s).ok().map(convert)
}

/// `s` as one JSON value, or `None` when it is not valid JSON or serde_json would refuse it:
/// nested deeper than [`MAX_DEPTH`], a number out of `f64`'s range (`JSON.parse` makes it
/// `Infinity`), or a string with an unpaired surrogate escape (`"\ud800"`, which `JSON.parse`
/// keeps and a Rust `String` cannot hold).
#[cfg(target_arch = "wasm32")]
pub fn parse(s: &str) -> Option<Value> {
    use js_sys::{Array, JsString, Object};
    use wasm_bindgen::JsCast;

    fn string(v: &wasm_bindgen::JsValue) -> Option<String> {
        let s: &JsString = v.dyn_ref()?;
        if s.is_well_formed() {
            s.as_string()
        } else {
            None
        }
    }
    fn convert(v: &wasm_bindgen::JsValue, depth: usize) -> Option<Value> {
        if v.is_string() {
            return string(v).map(Value::String);
        }
        if let Some(n) = v.as_f64() {
            return n.is_finite().then_some(Value::Other);
        }
        if !v.is_object() {
            return Some(Value::Other);
        }
        if depth >= MAX_DEPTH {
            return None;
        }
        if Array::is_array(v) {
            let a: &Array = v.unchecked_ref();
            return (0..a.length())
                .map(|i| convert(&a.get(i), depth + 1))
                .collect::<Option<_>>()
                .map(Value::Array);
        }
        let entries = Object::entries(v.unchecked_ref());
        let members = (0..entries.length()).map(|i| {
            let pair: Array = entries.get(i).unchecked_into();
            Some((string(&pair.get(0))?, convert(&pair.get(1), depth + 1)?))
        });
        members.collect::<Option<_>>().map(|m| Value::Object(Map(m)))
    }
    let v = js_sys::JSON::parse(s).ok()?;
    convert(&v, 0)
}

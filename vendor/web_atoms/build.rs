// Copyright 2014-2017 The html5ever Project Developers. See the
// COPYRIGHT file at the top-level directory of this distribution.
//
// Licensed under the Apache License, Version 2.0 <LICENSE-APACHE or
// http://www.apache.org/licenses/LICENSE-2.0> or the MIT license
// <LICENSE-MIT or http://opensource.org/licenses/MIT>, at your
// option. This file may not be copied, modified, or distributed
// except according to those terms.

extern crate string_cache_codegen;

use std::collections::BTreeMap;
use std::env;
use std::fs::File;
use std::io::{BufRead, BufReader, BufWriter, Write};
use std::path::Path;

mod entities;

static NAMESPACES: &[(&str, &str)] = &[
    ("", ""),
    ("*", "*"),
    ("html", "http://www.w3.org/1999/xhtml"),
    ("xml", "http://www.w3.org/XML/1998/namespace"),
    ("xmlns", "http://www.w3.org/2000/xmlns/"),
    ("xlink", "http://www.w3.org/1999/xlink"),
    ("svg", "http://www.w3.org/2000/svg"),
    ("mathml", "http://www.w3.org/1998/Math/MathML"),
];

fn main() {
    let generated = Path::new(&env::var("OUT_DIR").unwrap()).join("generated.rs");
    let mut generated = BufWriter::new(File::create(generated).unwrap());

    named_entities_to_sorted_table(&Path::new(&env::var("OUT_DIR").unwrap()).join("named_entities.rs"));

    // Create a string cache for local names
    let local_names = Path::new(&env::var("CARGO_MANIFEST_DIR").unwrap()).join("local_names.txt");
    let mut local_names_atom = string_cache_codegen::AtomType::new("LocalName", "local_name!");
    for line in BufReader::new(File::open(local_names).unwrap()).lines() {
        let local_name = line.unwrap();
        local_names_atom.atom(&local_name);
        local_names_atom.atom(&local_name.to_ascii_lowercase());
    }
    local_names_atom
        .with_macro_doc("Takes a local name as a string and returns its key in the string cache.")
        .write_to(&mut generated)
        .unwrap();

    // Create a string cache for namespace prefixes
    string_cache_codegen::AtomType::new("Prefix", "namespace_prefix!")
        .with_macro_doc("Takes a namespace prefix string and returns its key in a string cache.")
        .atoms(NAMESPACES.iter().map(|&(prefix, _url)| prefix))
        .write_to(&mut generated)
        .unwrap();

    // Create a string cache for namespace urls
    string_cache_codegen::AtomType::new("Namespace", "namespace_url!")
        .with_macro_doc("Takes a namespace url string and returns its key in a string cache.")
        .atoms(NAMESPACES.iter().map(|&(_prefix, url)| url))
        .write_to(&mut generated)
        .unwrap();

    writeln!(
        generated,
        r#"
        /// Maps the input of [`namespace_prefix!`](macro.namespace_prefix.html) to
        /// the output of [`namespace_url!`](macro.namespace_url.html).
        ///
        #[macro_export] macro_rules! ns {{
        "#
    )
    .unwrap();
    for &(prefix, url) in NAMESPACES {
        writeln!(
            generated,
            "({prefix}) => {{ $crate::namespace_url!({url:?}) }};"
        )
        .unwrap();
    }
    writeln!(generated, "}}").unwrap();
}

/// Declutter's change (see README.md here): the entities as one table sorted by name, searched
/// by binary search, instead of a perfect-hash map that also holds every prefix of every name
/// (about 12,000 keys). Same answers, a tenth of the size in the WebAssembly module. The names
/// are one string with each name's end offset (2 bytes a name, where a `&str` took 8), their
/// code points packed in 3 bytes (unpacked once, on the first lookup).
fn named_entities_to_sorted_table(to: &Path) {
    let entities: BTreeMap<&str, (u32, u32)> = entities::NAMED_ENTITIES
        .iter()
        .map(|(name, cp1, cp2)| {
            assert!(name.starts_with('&'));
            (&name[1..], (*cp1, *cp2))
        })
        .collect();

    let names: String = entities.keys().copied().collect();
    assert!(names.len() <= usize::from(u16::MAX), "name offsets fit in u16");
    let mut ends = Vec::new();
    let mut end = 0;
    // Where the names of each first byte start: names with first byte `b` are the entries
    // `BY_FIRST_BYTE[b]..BY_FIRST_BYTE[b + 1]` (all names are ASCII).
    let mut by_first_byte = [0usize; 129];
    for name in entities.keys() {
        end += name.len();
        ends.push(end);
        by_first_byte[usize::from(name.as_bytes()[0]) + 1] += 1;
    }
    for b in 1..by_first_byte.len() {
        by_first_byte[b] += by_first_byte[b - 1];
    }
    // Each name's code points in 3 bytes (where the pair took 8): the low 16 bits of the first
    // in one array, and in another a byte with the rest of the first (its plane, bits 0-1) and
    // the index of the second among the few there are (bits 2-7). Most bytes of the second array
    // are 0, which compresses well.
    let mut seconds: Vec<u32> = vec![0];
    for &(_, second) in entities.values() {
        if !seconds.contains(&second) {
            seconds.push(second);
        }
    }
    assert!(seconds.len() <= 64);
    let lows: Vec<u16> = entities.values().map(|&(first, _)| first as u16).collect();
    let highs: Vec<u8> = entities
        .values()
        .map(|&(first, second)| {
            assert!(first >> 16 < 4);
            let index = seconds.iter().position(|&s| s == second).unwrap() as u32;
            (first >> 16 | index << 2) as u8
        })
        .collect();
    let mut file = BufWriter::new(File::create(to).unwrap());
    writeln!(
        file,
        "/// Every named character reference without its '&', sorted by bytes, one after the other.\n\
         static ENTITY_NAMES: &str = {names:?};\n\
         /// Where each name of `ENTITY_NAMES` ends (it starts where the one before ends).\n\
         static ENTITY_NAME_ENDS: [u16; {}] = {ends:?};\n\
         /// The low 16 bits of each name's first code point.\n\
         static ENTITY_FIRST_LOWS: [u16; {}] = {lows:?};\n\
         /// Per name: the first code point's bits above 16 (bits 0-1), the index of the second\n\
         /// code point in `ENTITY_SECONDS` (bits 2-7; 0 for a single code point).\n\
         static ENTITY_REST: [u8; {}] = {highs:?};\n\
         /// The second code points there are.\n\
         static ENTITY_SECONDS: [u32; {}] = {seconds:?};",
        ends.len(),
        lows.len(),
        highs.len(),
        seconds.len()
    )
    .unwrap();
    writeln!(file, "static BY_FIRST_BYTE: [u16; 129] = {by_first_byte:?};").unwrap();
}

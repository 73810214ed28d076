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
/// (about 12,000 keys). Same answers, a tenth of the size in the WebAssembly module. Each name
/// is stored followed by its first code point as a character, all in one string, which gzip
/// shrinks far better than arrays of offsets and code points; the second code points are an
/// index byte a name. `lib.rs` unpacks them into names, offsets and pairs on the first lookup.
fn named_entities_to_sorted_table(to: &Path) {
    let entities: BTreeMap<&str, (u32, u32)> = entities::NAMED_ENTITIES
        .iter()
        .map(|(name, cp1, cp2)| {
            assert!(name.starts_with('&'));
            (&name[1..], (*cp1, *cp2))
        })
        .collect();

    // Where the names of each first byte start: names with first byte `b` are the entries
    // `BY_FIRST_BYTE[b]..BY_FIRST_BYTE[b + 1]` (all names are ASCII).
    let mut by_first_byte = [0usize; 129];
    for name in entities.keys() {
        by_first_byte[usize::from(name.as_bytes()[0]) + 1] += 1;
    }
    for b in 1..by_first_byte.len() {
        by_first_byte[b] += by_first_byte[b - 1];
    }
    // A name is ASCII letters and digits, ending with its only ';' if it has one, so `lib.rs`
    // finds where it ends: after the ';', or before the first byte that is neither (the
    // character that follows a name without ';' must not be a letter, a digit or ';').
    let mut table = String::new();
    for (name, &(first, _)) in &entities {
        let body = name.strip_suffix(';').unwrap_or(name);
        assert!(body.bytes().all(|b| b.is_ascii_alphanumeric()), "{name}");
        let first = char::from_u32(first).unwrap();
        assert!(name.ends_with(';') || !(first.is_ascii_alphanumeric() || first == ';'), "{name}");
        table.push_str(name);
        table.push(first);
    }
    assert!(table.len() <= usize::from(u16::MAX), "name offsets fit in u16");
    // The second code points there are, and each name's index among them (0: none).
    let mut seconds: Vec<u32> = vec![0];
    for &(_, second) in entities.values() {
        if !seconds.contains(&second) {
            seconds.push(second);
        }
    }
    let second_indices: Vec<u8> = entities
        .values()
        .map(|&(_, second)| seconds.iter().position(|&s| s == second).unwrap() as u8)
        .collect();
    let mut file = BufWriter::new(File::create(to).unwrap());
    writeln!(
        file,
        "/// Every named character reference without its '&', sorted by bytes, each followed by\n\
         /// its first code point as a character, one after the other.\n\
         static ENTITY_TABLE: &str = {table:?};\n\
         /// Per name, the index of its second code point in `ENTITY_SECONDS` (0: none).\n\
         static ENTITY_SECOND_INDICES: [u8; {}] = {second_indices:?};\n\
         /// The second code points there are.\n\
         static ENTITY_SECONDS: [u32; {}] = {seconds:?};",
        second_indices.len(),
        seconds.len()
    )
    .unwrap();
    writeln!(file, "static BY_FIRST_BYTE: [u16; 129] = {by_first_byte:?};").unwrap();
}

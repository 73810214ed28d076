// Copyright 2014 The Servo Project Developers. See the COPYRIGHT
// file at the top-level directory of this distribution.
//
// Licensed under the Apache License, Version 2.0 <LICENSE-APACHE or
// http://www.apache.org/licenses/LICENSE-2.0> or the MIT license
// <LICENSE-MIT or http://opensource.org/licenses/MIT>, at your
// option. This file may not be copied, modified, or distributed
// except according to those terms.

/// A static `PhfStrSet`
///
/// This trait is implemented by static sets of interned strings generated using
/// `string_cache_codegen`, and `EmptyStaticAtomSet` for when strings will be added dynamically.
///
/// It is used by the methods of [`Atom`] to check if a string is present in the static set.
///
/// [`Atom`]: struct.Atom.html
pub trait StaticAtomSet: Ord {
    /// Get the location of the static string set in the binary.
    fn get() -> &'static PhfStrSet;
}

/// A string set created using a [perfect hash function], specifically
/// [Hash, Displace and Compress].
///
/// See the CHD document for the meaning of the struct fields.
///
/// [perfect hash function]: https://en.wikipedia.org/wiki/Perfect_hash_function
/// [Hash, Displace and Compress]: http://cmph.sourceforge.net/papers/esa09.pdf
pub struct PhfStrSet {
    #[doc(hidden)]
    pub key: u64,
    #[doc(hidden)]
    pub disps: &'static [(u32, u32)],
    // Declutter's copy: the atoms as one string and their end offsets, not a `&str` each, and
    // no table of hashes (see `Atom::get_hash`): 2 bytes an atom instead of 16 (README.md).
    /// Every atom's string, one after another, in index order.
    #[doc(hidden)]
    pub strings: &'static str,
    /// Where each atom's string ends in `strings` (it begins where the one before ends).
    #[doc(hidden)]
    pub ends: &'static [u16],
}

impl PhfStrSet {
    /// How many atoms the set holds.
    #[doc(hidden)]
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    /// The string of the atom at `index`.
    #[doc(hidden)]
    pub fn atom(&self, index: usize) -> &'static str {
        let start = index.checked_sub(1).map_or(0, |i| self.ends[i] as usize);
        &self.strings[start..self.ends[index] as usize]
    }
}

/// An empty static atom set for when only dynamic strings will be added
#[derive(PartialEq, Eq, PartialOrd, Ord)]
pub struct EmptyStaticAtomSet;

impl StaticAtomSet for EmptyStaticAtomSet {
    fn get() -> &'static PhfStrSet {
        // The name is a lie: this set is not empty (it contains the empty string)
        // but that’s only to avoid divisions by zero in rust-phf.
        static SET: PhfStrSet = PhfStrSet {
            key: 0,
            disps: &[(0, 0)],
            strings: "",
            ends: &[0],
        };
        &SET
    }
}

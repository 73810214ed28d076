//! Unicode lower-casing, exactly as the standard library's `str::to_lowercase` and
//! `char::to_lowercase` do it, from compact tables: the standard library binary-searches a table
//! of about 1,400 pairs of `u32` (11.7 KB of the WASM module, plus its Case_Ignorable and Cased
//! tables for the final sigma). Here the same mappings are 184 runs (a start, a count, a step
//! and a delta: upper and lower case sit at a fixed distance, often alternating) and the two
//! properties are spans packed in a `u32` each (`lower/tables.rs`, generated from the standard
//! library and compared with it on every code point).

mod tables;

use tables::{CASED_NOT_IGNORABLE, CASE_IGNORABLE, LOWER_RUNS};

/// `s` in lower case: [`str::to_lowercase`], byte for byte.
pub fn lowercase(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for (i, c) in s.char_indices() {
        if c == 'Σ' {
            out.push(if is_final_sigma(s, i) { 'ς' } else { 'σ' });
        } else {
            push_lower(c, &mut out);
        }
    }
    out
}

/// Appends [`char::to_lowercase`] of `c` (no context: a capital sigma gives `σ`).
pub fn push_lower(c: char, out: &mut String) {
    if c == 'İ' {
        // The one code point whose lower case is two: "i" and a combining dot above.
        out.push_str("i\u{307}");
    } else {
        out.push(lower_one(c));
    }
}

/// The lower case of `c`, for every code point but U+0130.
fn lower_one(c: char) -> char {
    if c.is_ascii() {
        return c.to_ascii_lowercase();
    }
    let u = c as u32;
    let i = LOWER_RUNS.partition_point(|r| r.first <= u);
    let Some(r) = i.checked_sub(1).and_then(|i| LOWER_RUNS.get(i)) else { return c };
    let off = u - r.first;
    if off % u32::from(r.step) == 0 && off / u32::from(r.step) < u32::from(r.count) {
        char::from_u32(u.wrapping_add_signed(r.delta)).unwrap_or(c)
    } else {
        c
    }
}

/// Unicode's Final_Sigma condition, as the standard library tests it: a cased letter before
/// (skipping case-ignorable ones) and none after.
fn is_final_sigma(s: &str, at: usize) -> bool {
    cased_next(s[..at].chars().rev()) && !cased_next(s[at + 'Σ'.len_utf8()..].chars())
}

/// Whether the first code point that is not case-ignorable is cased.
fn cased_next(mut it: impl Iterator<Item = char>) -> bool {
    it.find(|&c| !in_spans(CASE_IGNORABLE, c)).is_some_and(|c| in_spans(CASED_NOT_IGNORABLE, c))
}

/// A run of code points that lower-case by the same `delta` (see `tables.rs`).
pub struct Run {
    first: u32,
    delta: i32,
    count: u8,
    step: u8,
}

const fn run(first: u32, count: u8, step: u8, delta: i32) -> Run {
    Run { first, delta, count, step }
}

/// The code points `first..=last` in one `u32`: `first` in the high 21 bits, the length less
/// one in the low 11 (no span is longer than 2,048).
const fn span(first: u32, last: u32) -> u32 {
    assert!(last >= first && last - first < 1 << SPAN_BITS);
    first << SPAN_BITS | (last - first)
}

const SPAN_BITS: u32 = 11;

fn in_spans(spans: &[u32], c: char) -> bool {
    let u = c as u32;
    let i = spans.partition_point(|&s| s >> SPAN_BITS <= u);
    i.checked_sub(1)
        .and_then(|i| spans.get(i))
        .is_some_and(|&s| u - (s >> SPAN_BITS) <= s & ((1 << SPAN_BITS) - 1))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn every_code_point_as_std() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let mut ours = String::new();
            push_lower(c, &mut ours);
            assert_eq!(ours, c.to_lowercase().collect::<String>(), "U+{:04X}", c as u32);
            if c != 'Σ' {
                assert_eq!(
                    lowercase(&c.to_string()),
                    c.to_string().to_lowercase(),
                    "U+{:04X}",
                    c as u32
                );
            }
        }
    }

    /// The final sigma around every code point, before and after: Case_Ignorable and Cased are
    /// the two properties it reads.
    #[test]
    fn sigma_beside_every_code_point_as_std() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            for s in [format!("AΣ{c}A"), format!("{c}Σ"), format!("Σ{c}"), format!("A{c}Σ")] {
                assert_eq!(lowercase(&s), s.to_lowercase(), "{s:?}");
            }
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(20_000))]
        /// Strings of Greek, Latin, Cyrillic, Turkish, marks and punctuation, with ASCII runs
        /// of any length before them.
        #[test]
        fn strings_as_std(s in "[a-zA-Z ]{0,40}[ΣσςΑαΩωΆάΪΐ ·'.\u{301}\u{345}ʹ͵A-Za-zİIıДдᾈῼǅ0-9\u{10400}\u{1E900}-]{0,16}") {
            prop_assert_eq!(lowercase(&s), s.to_lowercase());
        }
    }

    /// Prints `lower/tables.rs` from the standard library (see its header).
    #[test]
    #[ignore]
    fn print_tables() {
        let chars = || (0..=0x10FFFFu32).filter_map(char::from_u32);
        // Whether the capital sigma between `before` and `after` lower-cases to σ (not ς).
        let sigma = |before: String, after: String| {
            let at = before.to_lowercase().chars().count();
            format!("{before}Σ{after}").to_lowercase().chars().nth(at) == Some('σ')
        };
        let mut runs: Vec<(u32, u32, u32, i64)> = Vec::new();
        for c in chars().filter(|c| !c.is_ascii() && *c != 'İ') {
            let u = c as u32;
            let l = c.to_lowercase().next().unwrap_or(c) as u32;
            if l == u {
                continue;
            }
            let d = i64::from(l) - i64::from(u);
            if let Some(r) = runs.last_mut() {
                let gap = u - (r.0 + (r.1 - 1) * r.2);
                let fits = if r.1 == 1 { gap <= 2 } else { gap == r.2 };
                if r.3 == d && fits && r.1 < 255 {
                    r.2 = gap;
                    r.1 += 1;
                    continue;
                }
            }
            runs.push((u, 1, 1, d));
        }
        // "AΣcA" keeps σ when c is ignorable or cased; "cΣ" when c is ignorable or not cased.
        let ignorable: Vec<u32> = chars()
            .filter(|&c| sigma("A".into(), format!("{c}A")) && sigma(c.into(), String::new()))
            .map(|c| c as u32)
            .collect();
        let cased: Vec<u32> = chars()
            .filter(|&c| sigma("A".into(), format!("{c}A")) && !sigma(c.into(), String::new()))
            .map(|c| c as u32)
            .collect();
        let spans = |v: &[u32]| {
            let mut r: Vec<(u32, u32)> = Vec::new();
            for &u in v {
                match r.last_mut() {
                    Some(l) if l.1 + 1 == u => l.1 = u,
                    _ => r.push((u, u)),
                }
            }
            r.iter().map(|(a, b)| format!("span(0x{a:X}, 0x{b:X})")).collect::<Vec<_>>()
        };
        println!("#[rustfmt::skip]\npub const LOWER_RUNS: &[Run] = &[");
        for (first, count, step, delta) in runs {
            println!("    run(0x{first:X}, {count}, {step}, {delta}),");
        }
        println!("];");
        for (name, v) in [("CASE_IGNORABLE", &ignorable), ("CASED_NOT_IGNORABLE", &cased)] {
            println!("#[rustfmt::skip]\npub const {name}: &[u32] = &[");
            for row in spans(v).chunks(4) {
                println!("    {},", row.join(", "));
            }
            println!("];");
        }
    }
}

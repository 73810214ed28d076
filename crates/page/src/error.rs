//! The one error type of the core. Each variant is something a caller can act on or show.

use std::fmt;

/// Why a page could not be analysed.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Error {
    /// The page is larger than [`crate::Options::max_bytes`].
    TooLarge { bytes: usize, limit: usize },
    /// The page has more nodes than [`crate::Options::max_nodes`].
    TooManyNodes { limit: usize },
    /// The page nests elements deeper than the core accepts.
    TooDeep { depth: usize, limit: usize },
    /// One element of the page carries more attributes than the core accepts.
    TooManyAttributes { count: usize, limit: usize },
    /// The page URL given by the caller could not be parsed.
    BadUrl(String),
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::TooLarge { bytes, limit } => write!(
                f,
                "this page is too large to declutter ({} MB; the limit is {} MB)",
                Megabytes(*bytes),
                Megabytes(*limit)
            ),
            Error::TooManyNodes { limit } => {
                write!(f, "this page has too many elements to declutter (more than {limit})")
            }
            Error::TooDeep { depth, limit } => {
                write!(f, "this page nests its elements too deeply to declutter ({depth} levels; the limit is {limit})")
            }
            Error::TooManyAttributes { count, limit } => {
                write!(f, "this page has an element with too many attributes to declutter ({count}; the limit is {limit})")
            }
            Error::BadUrl(u) => write!(f, "not a valid page address: {u:?}"),
        }
    }
}

impl std::error::Error for Error {}

/// A size in bytes shown in megabytes with one decimal, the characters `{:.1}` gives for
/// `bytes as f64 / 1e6`, without the standard library's float formatting (which only this
/// message used: about 18 KB of the WASM module).
struct Megabytes(usize);

impl fmt::Display for Megabytes {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Shown as u64 (a usize in megabytes fits): u128's Display was only this one's.
        let tenths = tenths_rounded(self.0 as f64 / 1e6) as u64;
        write!(f, "{}.{}", tenths / 10, tenths % 10)
    }
}

/// `x` (finite, not negative, below 2^70: a size in megabytes) times ten, rounded to a whole number as `{:.1}` rounds: from
/// the exact value of the f64, ties to even.
fn tenths_rounded(x: f64) -> u128 {
    // x = mantissa * 2^exponent exactly.
    let bits = x.to_bits();
    let biased = ((bits >> 52) & 0x7ff) as i32;
    let (mantissa, exponent) = match biased {
        0 => (bits & ((1 << 52) - 1), -1074),
        _ => ((bits & ((1 << 52) - 1)) | (1 << 52), biased - 1075),
    };
    let scaled = u128::from(mantissa) * 10;
    if exponent >= 0 {
        return scaled << exponent;
    }
    let shift = exponent.unsigned_abs();
    if shift >= 127 {
        return 0; // below 2^-70: far below a twentieth
    }
    let whole = scaled >> shift;
    let rest = scaled - (whole << shift);
    let half = 1u128 << (shift - 1);
    if rest > half || (rest == half && whole % 2 == 1) {
        whole + 1
    } else {
        whole
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The same characters as `{:.1}` for sizes around every rounding boundary and its ties.
    #[test]
    fn megabytes_match_float_formatting() {
        let mut sizes: Vec<usize> =
            vec![0, 1, 49_999, 50_000, 50_001, 32 * 1024 * 1024, usize::MAX];
        for tenth in (0..200_000usize).step_by(7) {
            for d in [0, 1, 49_999, 50_000, 50_001, 99_999] {
                sizes.push(tenth * 100_000 + d);
            }
        }
        for bytes in sizes {
            assert_eq!(
                Megabytes(bytes).to_string(),
                format!("{:.1}", bytes as f64 / 1e6),
                "{bytes}"
            );
        }
        for x in [0.25, 0.35, 0.05, 0.15, 0.45, 2.5e-7, 1e15 + 0.25] {
            let t = tenths_rounded(x);
            assert_eq!(format!("{}.{}", t / 10, t % 10), format!("{:.1}", x), "{x}");
        }
    }
}

//! The date patterns of [`super::dates`], matched by hand. They were regexes (regex-lite): the
//! two that hold the month names were a PikeVM of several thousand states, about 50,000
//! instructions per search, compiled again in every worker the browser starts, and the crate was
//! 28 KB of the WASM module. Each matcher here reproduces its regex exactly, including what
//! `captures_iter` does: matches are found left to right, each search resumes where the last
//! match ended, and the character a pattern reads on either side of a number (`(?:^|[^0-9])`,
//! `(?:$|[^0-9])`) belongs to the match. The tests compare every matcher with its regex on
//! generated texts.
//!
//! The regexes, for reference (`MONTH` is the alternation of [`super::dates`]'s month names,
//! longest first; `\s` is ASCII whitespace):
//! - day month year: `(?:^|[^0-9])([0-9]{1,2})(?:er|st|nd|rd|th|º|°)?\.?\s*(?:de\s+)?(MONTH)\.?\s*[,،]?\s*(?:de\s+|del\s+)?([0-9]{4})(?:$|[^0-9])`
//! - month day year: `(?:^|[^a-z0-9])(MONTH)\.?\s+([0-9]{1,2})(?:st|nd|rd|th)?\s*,?\s*([0-9]{4})(?:$|[^0-9])`
//! - numeric: `(?:^|[^0-9])([0-9]{1,2})\s*[-./]\s*([0-9]{1,2})\s*[-./]\s*([0-9]{4})(?:$|[^0-9])`
//!   and the same with the four digits first
//! - ISO: `^([0-9]{4})-([0-9]{2})-([0-9]{2})(?:[T ]([0-9]{2}):([0-9]{2})(?::([0-9]{2}))?(?:\.[0-9]+)?\s*(Z|[+-][0-9]{2}:?[0-9]{2})?)?`
//! - URL: `(?:^|[^0-9])((?:19|20)[0-9]{2})[/_-]([0-9]{1,2})[/_-]([0-9]{1,2})(?:$|[^0-9])`,
//!   `/((?:19|20)[0-9]{2})([01][0-9])([0-3][0-9])(?:/|$|[^0-9])` and
//!   `[/_-]([0-3]?[0-9])[-_.]([01]?[0-9])[-_.]((?:19|20)[0-9]{2})(?:$|[^0-9])`

/// Suffixes of a day written before its month ("1er", "3rd", "1º"), in the regex's order.
const DAY_SUFFIXES: &[&str] = &["er", "st", "nd", "rd", "th", "º", "°"];
/// Suffixes of a day written after its month ("Jan 5th").
const ENGLISH_DAY_SUFFIXES: &[&str] = &["st", "nd", "rd", "th"];

/// The month names a pattern tries, in the regex alternation's order (longest first), each
/// with its month number, and the bytes that start one (most offsets are ruled out by it).
pub struct Months {
    names: Vec<(String, u32)>,
    first: [bool; 256],
}

impl Months {
    pub fn new(names: Vec<(String, u32)>) -> Months {
        let mut first = [false; 256];
        for (n, _) in &names {
            if let Some(&b) = n.as_bytes().first() {
                first[usize::from(b)] = true;
            }
        }
        Months { names, first }
    }

    /// The month names `s` starts with at `i`, in order, with the offset after each.
    fn at<'a>(&'a self, s: &'a [u8], i: usize) -> impl Iterator<Item = (u32, usize)> + 'a {
        let may = s.get(i).is_some_and(|&b| self.first[usize::from(b)]);
        self.names
            .iter()
            .filter(move |_| may)
            .filter(move |(n, _)| s.get(i..).is_some_and(|r| r.starts_with(n.as_bytes())))
            .map(move |(n, m)| (*m, i + n.len()))
    }
}

/// A match: where the date starts (the first number's or the month's offset) and its three
/// numbers in the order written (day, month, year for a day-first date; a month written as a
/// name gives its number).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    pub at: usize,
    pub nums: [u32; 3],
}

/// What `\s` matches.
fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\x0B' | b'\x0C' | b'\r')
}

/// The offset after `\s*` from `i`.
fn spaces(s: &[u8], i: usize) -> usize {
    i + s.get(i..).unwrap_or(&[]).iter().take_while(|&&b| is_space(b)).count()
}

/// The number of ASCII digits from `i`.
fn digits(s: &[u8], i: usize) -> usize {
    s.get(i..).unwrap_or(&[]).iter().take_while(|b| b.is_ascii_digit()).count()
}

fn number(s: &[u8], i: usize, len: usize) -> u32 {
    s[i..i + len].iter().fold(0, |n, &b| n * 10 + u32::from(b - b'0'))
}

/// The offset after `(?:$|[^0-9])` at `i`, the character read included.
fn end_bound(t: &str, i: usize) -> Option<usize> {
    match t.get(i..)?.chars().next() {
        None => Some(i),
        Some(c) if c.is_ascii_digit() => None,
        Some(c) => Some(i + c.len_utf8()),
    }
}

/// The offset after `word\s+` at `i`, when it is there.
fn word_space(s: &[u8], i: usize, word: &str) -> Option<usize> {
    let w = word.as_bytes();
    let end = i + w.len();
    (s.get(i..end) == Some(w) && s.get(end).is_some_and(|&b| is_space(b))).then(|| spaces(s, end))
}

/// The offsets after an optional `word\s+` at `i`: with it first, then without.
fn optional_word(s: &[u8], i: usize, word: &str) -> impl Iterator<Item = usize> {
    word_space(s, i, word).into_iter().chain(std::iter::once(i))
}

/// The offsets after an optional literal at `i`, with it first.
fn optional<'a>(s: &'a [u8], i: usize, alts: &'a [&'a str]) -> impl Iterator<Item = usize> + 'a {
    alts.iter()
        .filter(move |a| s.get(i..).is_some_and(|r| r.starts_with(a.as_bytes())))
        .map(move |a| i + a.len())
        .chain(std::iter::once(i))
}

/// Runs `at_start` at every offset from which a match may start, left to right, and yields its
/// matches; the search after a match resumes where that match ended, as `captures_iter` does.
fn scan<'t>(
    t: &'t str,
    mut at_start: impl FnMut(usize) -> Option<(Hit, usize)> + 't,
) -> impl Iterator<Item = Hit> + 't {
    let mut from = 0;
    std::iter::from_fn(move || {
        while from <= t.len() {
            let start = from;
            from += t.get(from..).and_then(|r| r.chars().next()).map_or(1, char::len_utf8);
            if let Some((hit, end)) = at_start(start) {
                from = end.max(start + 1);
                return Some(hit);
            }
        }
        None
    })
}

/// Where a number led by `(?:^|[^0-9])` starts, for a match starting at `p`: at `p` when `p`
/// is the text's start and a digit is there, else after the non-digit character at `p`.
fn number_after_bound(t: &str, p: usize) -> Option<usize> {
    let c = t.get(p..)?.chars().next()?;
    if c.is_ascii_digit() {
        (p == 0).then_some(p)
    } else {
        Some(p + c.len_utf8())
    }
}

/// "23 janvier 2023", "1er. mai, 2023", "23 de enero de 2023": day, month, year.
pub fn day_month_year<'t>(t: &'t str, months: &'t Months) -> impl Iterator<Item = Hit> + 't {
    let s = t.as_bytes();
    scan(t, move |p| {
        let d = number_after_bound(t, p)?;
        let run = digits(s, d);
        if !(1..=2).contains(&run) {
            return None;
        }
        let day = number(s, d, run);
        for a in optional(s, d + run, DAY_SUFFIXES) {
            for b in optional(s, a, &["."]) {
                for c in optional_word(s, spaces(s, b), "de") {
                    for (month, after) in months.at(s, c) {
                        if let Some((year, end)) = year_after_month(t, after) {
                            return Some((Hit { at: d, nums: [day, month, year] }, end));
                        }
                    }
                }
            }
        }
        None
    })
}

/// `\.?\s*[,،]?\s*(?:de\s+|del\s+)?([0-9]{4})(?:$|[^0-9])` at `i`: the year and the match's end.
fn year_after_month(t: &str, i: usize) -> Option<(u32, usize)> {
    let s = t.as_bytes();
    for a in optional(s, i, &["."]) {
        for b in optional(s, spaces(s, a), &[",", "،"]) {
            let c = spaces(s, b);
            let joined = [word_space(s, c, "de"), word_space(s, c, "del")];
            for y in joined.into_iter().flatten().chain(std::iter::once(c)) {
                if digits(s, y) == 4 {
                    return Some((number(s, y, 4), end_bound(t, y + 4)?));
                }
            }
        }
    }
    None
}

/// "January 23, 2023", "jan. 5th 2023", "Jan 232023": month, day, year.
pub fn month_day_year<'t>(t: &'t str, months: &'t Months) -> impl Iterator<Item = Hit> + 't {
    let s = t.as_bytes();
    scan(t, move |p| {
        // `(?:^|[^a-z0-9])`: the text's start first, then a character other than those.
        let at_start = (p == 0).then_some(0);
        let after = t
            .get(p..)
            .and_then(|r| r.chars().next())
            .filter(|c| !c.is_ascii_lowercase() && !c.is_ascii_digit())
            .map(|c| p + c.len_utf8());
        for m in at_start.into_iter().chain(after) {
            for (month, after) in months.at(s, m) {
                if let Some((day, year, end)) = day_year_after_month(t, after) {
                    return Some((Hit { at: m, nums: [month, day, year] }, end));
                }
            }
        }
        None
    })
}

/// `\.?\s+([0-9]{1,2})(?:st|nd|rd|th)?\s*,?\s*([0-9]{4})(?:$|[^0-9])` at `i`.
fn day_year_after_month(t: &str, i: usize) -> Option<(u32, u32, usize)> {
    let s = t.as_bytes();
    for a in optional(s, i, &["."]) {
        let d = spaces(s, a);
        if d == a {
            continue;
        }
        let run = digits(s, d);
        for len in (1..=run.min(2)).rev() {
            for b in optional(s, d + len, ENGLISH_DAY_SUFFIXES) {
                for c in optional(s, spaces(s, b), &[","]) {
                    let y = spaces(s, c);
                    if digits(s, y) >= 4 {
                        if let Some(end) = end_bound(t, y + 4) {
                            return Some((number(s, d, len), number(s, y, 4), end));
                        }
                    }
                }
            }
        }
    }
    None
}

/// Three numbers of the given digit counts joined by `\s*[-./]\s*`, led by `(?:^|[^0-9])`:
/// "23.01.2023" (`[1..=2, 1..=2, 4..=4]`) or "2023-01-23" (`[4..=4, 1..=2, 1..=2]`).
pub fn numeric(
    t: &str,
    lens: [std::ops::RangeInclusive<usize>; 3],
) -> impl Iterator<Item = Hit> + '_ {
    let s = t.as_bytes();
    scan(t, move |p| {
        let d = number_after_bound(t, p)?;
        let mut nums = [0; 3];
        let mut i = d;
        for (k, len) in lens.iter().enumerate() {
            if k > 0 {
                let sep = spaces(s, i);
                if !matches!(s.get(sep), Some(b'-' | b'.' | b'/')) {
                    return None;
                }
                i = spaces(s, sep + 1);
            }
            let run = digits(s, i);
            if !len.contains(&run) {
                return None;
            }
            nums[k] = number(s, i, run);
            i += run;
        }
        Some((Hit { at: d, nums }, end_bound(t, i)?))
    })
}

/// A machine date at the very start of `t` (ISO 8601): the day, and the time and zone when
/// given. The zone is as written ("Z", "+01:00", "+0100").
pub struct Iso<'t> {
    pub ymd: [u32; 3],
    pub hm: Option<(u32, u32)>,
    pub seconds: Option<u32>,
    pub zone: Option<&'t str>,
}

pub fn iso(t: &str) -> Option<Iso<'_>> {
    let s = t.as_bytes();
    let exact = |i: usize, n: usize| (digits(s, i) >= n).then(|| number(s, i, n));
    let sep = |i: usize, b: u8| s.get(i) == Some(&b);
    let (y, m, d) = (exact(0, 4)?, sep(4, b'-'), sep(7, b'-'));
    let (mo, da) = (exact(5, 2).filter(|_| m)?, exact(8, 2).filter(|_| d)?);
    let mut out = Iso { ymd: [y, mo, da], hm: None, seconds: None, zone: None };
    // `(?:[T ]HH:MM(?::SS)?(?:\.[0-9]+)?\s*(zone)?)?`
    if !matches!(s.get(10), Some(b'T' | b' ')) || !sep(13, b':') {
        return Some(out);
    }
    let (Some(h), Some(mi)) = (exact(11, 2), exact(14, 2)) else { return Some(out) };
    out.hm = Some((h, mi));
    let mut i = 16;
    if sep(i, b':') {
        if let Some(sec) = exact(i + 1, 2) {
            out.seconds = Some(sec);
            i += 3;
        }
    }
    if sep(i, b'.') && digits(s, i + 1) > 0 {
        i += 1 + digits(s, i + 1);
    }
    let z = spaces(s, i);
    out.zone = match s.get(z) {
        Some(b'Z') => t.get(z..z + 1),
        Some(b'+' | b'-') if digits(s, z + 1) >= 2 => {
            let colon = usize::from(sep(z + 3, b':'));
            (digits(s, z + 3 + colon) >= 2).then(|| t.get(z..z + 5 + colon)).flatten()
        }
        _ => None,
    };
    Some(out)
}

/// "/2023/01/23/", "-2023-1-5": year, month, day.
pub fn url_ymd(t: &str) -> impl Iterator<Item = Hit> + '_ {
    let s = t.as_bytes();
    scan(t, move |p| {
        let y = number_after_bound(t, p)?;
        if digits(s, y) != 4 || !matches!(s.get(y..y + 2), Some(b"19" | b"20")) {
            return None;
        }
        let mut nums = [number(s, y, 4), 0, 0];
        let mut i = y + 4;
        for n in &mut nums[1..] {
            if !matches!(s.get(i), Some(b'/' | b'_' | b'-')) {
                return None;
            }
            let run = digits(s, i + 1);
            if !(1..=2).contains(&run) {
                return None;
            }
            *n = number(s, i + 1, run);
            i += 1 + run;
        }
        Some((Hit { at: y, nums }, end_bound(t, i)?))
    })
}

/// "/20230123/": year, month, day.
pub fn url_compact(t: &str) -> impl Iterator<Item = Hit> + '_ {
    let s = t.as_bytes();
    scan(t, move |p| {
        if s.get(p) != Some(&b'/') || digits(s, p + 1) < 8 {
            return None;
        }
        let b = &s[p + 1..p + 9];
        let ok = matches!(&b[..2], b"19" | b"20") && matches!(b[4], b'0' | b'1') && b[6] <= b'3';
        let end = end_bound(t, p + 9).filter(|_| ok)?;
        let nums = [number(s, p + 1, 4), number(s, p + 5, 2), number(s, p + 7, 2)];
        Some((Hit { at: p + 1, nums }, end))
    })
}

/// "/29-10-2021", "_3.1.2022": day, month, year.
pub fn url_dmy(t: &str) -> impl Iterator<Item = Hit> + '_ {
    let s = t.as_bytes();
    // `[0-3]?[0-9]` and `[01]?[0-9]`: one digit, or two with the first at most `max`.
    let small = |i: usize, max: u8| match digits(s, i) {
        1 => Some(1),
        2 if s[i] <= max => Some(2),
        _ => None,
    };
    scan(t, move |p| {
        if !matches!(s.get(p), Some(b'/' | b'_' | b'-')) {
            return None;
        }
        let d = p + 1;
        let dl = small(d, b'3')?;
        let m = d + dl + 1;
        let ml = small(m, b'1').filter(|_| matches!(s.get(d + dl), Some(b'-' | b'_' | b'.')))?;
        let y = m + ml + 1;
        let ok = matches!(s.get(m + ml), Some(b'-' | b'_' | b'.'))
            && digits(s, y) == 4
            && matches!(s.get(y..y + 2), Some(b"19" | b"20"));
        let end = end_bound(t, y + 4).filter(|_| ok)?;
        Some((Hit { at: d, nums: [number(s, d, dl), number(s, m, ml), number(s, y, 4)] }, end))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use regex_lite::Regex;

    /// A small month list with the traps of the real one: names that are prefixes of others
    /// ("mar", "mars"), names that start like a joiner ("dec", "de"), several words, Arabic.
    fn months() -> Months {
        let mut names: Vec<(String, u32)> = [
            ("كانون الثاني", 1),
            ("december", 12),
            ("janvier", 1),
            ("février", 2),
            ("mars", 3),
            ("juin", 6),
            ("mar", 3),
            ("dec", 12),
            ("mai", 5),
            ("jan", 1),
        ]
        .iter()
        .map(|(n, m)| (n.to_string(), *m))
        .collect();
        names.sort_by(|a, b| b.0.chars().count().cmp(&a.0.chars().count()).then(a.0.cmp(&b.0)));
        Months::new(names)
    }

    fn alternation(m: &Months) -> String {
        m.names.iter().map(|(n, _)| regex_lite::escape(n)).collect::<Vec<_>>().join("|")
    }

    fn month_of(m: &Months, name: &str) -> u32 {
        m.names.iter().find(|(n, _)| n == name).map_or(0, |(_, k)| *k)
    }

    /// The regex's matches as hits: `at` is group `at_group`'s start, the numbers are groups
    /// 1..=3, with `month_group` read as a month name.
    fn regex_hits(
        re: &Regex,
        t: &str,
        at_group: usize,
        month_group: Option<usize>,
        m: &Months,
    ) -> Vec<Hit> {
        re.captures_iter(t)
            .map(|c| {
                let mut nums = [0; 3];
                for (k, n) in nums.iter_mut().enumerate() {
                    let g = c.get(k + 1).map_or("", |x| x.as_str());
                    *n = if month_group == Some(k + 1) {
                        month_of(m, g)
                    } else {
                        g.parse().unwrap()
                    };
                }
                Hit { at: c.get(at_group).unwrap().start(), nums }
            })
            .collect()
    }

    fn one_of(v: &'static [&'static str]) -> impl Strategy<Value = &'static str> {
        prop::sample::select(v)
    }

    /// A number of the lengths the patterns read, and others.
    const NUMBERS: &[&str] = &[
        "1", "5", "12", "31", "0", "5", "12", "123", "2023", "2023", "1999", "20230", "232023",
        "20230123",
    ];
    const GAPS: &[&str] = &["", " ", "  ", "\t", ".", ",", "،", "-", "/", "_", "x", "é", "(", ":"];
    const MONTH_LIKE: &[&str] = &[
        "jan", "janvier", "mar", "mars", "mai", "dec", "december", "février", "كانون الثاني", "ma",
        "xjan",
    ];

    /// Something close to a date, in one of the shapes the patterns read, each part sometimes
    /// a near miss.
    fn date_like() -> impl Strategy<Value = String> {
        let day_first = (
            one_of(NUMBERS),
            one_of(&["", "er", "st", "th", "º", "°", "x"]),
            one_of(&["", ".", ". ", " ", "  ", " de ", "de ", " de", "  de  "]),
            one_of(MONTH_LIKE),
            one_of(&["", ".", " ", ". ", ",", " , ", "،", " ، ", " de ", " del ", "del ", ","]),
            one_of(NUMBERS),
        )
            .prop_map(|(a, b, c, d, e, f)| [a, b, c, d, e, f].concat());
        let month_first = (
            one_of(MONTH_LIKE),
            one_of(&["", ".", " ", ". ", "  "]),
            one_of(NUMBERS),
            one_of(&["", "st", "nd", "th", "x"]),
            one_of(&["", " ", ",", ", ", " ,  "]),
            one_of(NUMBERS),
        )
            .prop_map(|(a, b, c, d, e, f)| [a, b, c, d, e, f].concat());
        let numeric = (
            one_of(NUMBERS),
            one_of(&["-", ".", "/", "_", " - ", " . ", "x", ""]),
            one_of(NUMBERS),
            one_of(&["-", ".", "/", "_", " / ", ":"]),
            one_of(NUMBERS),
        )
            .prop_map(|(a, b, c, d, e)| [a, b, c, d, e].concat());
        prop_oneof![day_first, month_first, numeric]
    }

    /// Texts of a few date-like stretches and gaps, so that matches follow one another, overlap
    /// and border the text's ends.
    fn texts() -> impl Strategy<Value = String> {
        let piece = prop_oneof![
            3 => date_like(),
            1 => one_of(GAPS).prop_map(String::from),
            1 => one_of(NUMBERS).prop_map(String::from),
        ];
        prop::collection::vec((piece, one_of(&[" ", "", "x", ". "])), 0..5)
            .prop_map(|v| v.into_iter().map(|(p, g)| p + g).collect())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(20_000))]

        #[test]
        fn matchers_find_what_the_regexes_found(t in texts()) {
            let m = months();
            let alt = alternation(&m);
            let dmy = Regex::new(&format!(r"(?:^|[^0-9])([0-9]{{1,2}})(?:er|st|nd|rd|th|º|°)?\.?\s*(?:de\s+)?({alt})\.?\s*[,،]?\s*(?:de\s+|del\s+)?([0-9]{{4}})(?:$|[^0-9])")).unwrap();
            let mdy = Regex::new(&format!(r"(?:^|[^a-z0-9])({alt})\.?\s+([0-9]{{1,2}})(?:st|nd|rd|th)?\s*,?\s*([0-9]{{4}})(?:$|[^0-9])")).unwrap();
            let num_dmy = Regex::new(r"(?:^|[^0-9])([0-9]{1,2})\s*[-./]\s*([0-9]{1,2})\s*[-./]\s*([0-9]{4})(?:$|[^0-9])").unwrap();
            let num_ymd = Regex::new(r"(?:^|[^0-9])([0-9]{4})\s*[-./]\s*([0-9]{1,2})\s*[-./]\s*([0-9]{1,2})(?:$|[^0-9])").unwrap();
            let url = Regex::new(r"(?:^|[^0-9])((?:19|20)[0-9]{2})[/_-]([0-9]{1,2})[/_-]([0-9]{1,2})(?:$|[^0-9])").unwrap();
            let compact = Regex::new(r"/((?:19|20)[0-9]{2})([01][0-9])([0-3][0-9])(?:/|$|[^0-9])").unwrap();
            let url_dmy_re = Regex::new(r"[/_-]([0-3]?[0-9])[-_.]([01]?[0-9])[-_.]((?:19|20)[0-9]{2})(?:$|[^0-9])").unwrap();

            prop_assert_eq!(day_month_year(&t, &m).collect::<Vec<_>>(), regex_hits(&dmy, &t, 1, Some(2), &m));
            prop_assert_eq!(month_day_year(&t, &m).collect::<Vec<_>>(), regex_hits(&mdy, &t, 1, Some(1), &m));
            prop_assert_eq!(numeric(&t, [1..=2, 1..=2, 4..=4]).collect::<Vec<_>>(), regex_hits(&num_dmy, &t, 1, None, &m));
            prop_assert_eq!(numeric(&t, [4..=4, 1..=2, 1..=2]).collect::<Vec<_>>(), regex_hits(&num_ymd, &t, 1, None, &m));
            prop_assert_eq!(url_ymd(&t).collect::<Vec<_>>(), regex_hits(&url, &t, 1, None, &m));
            prop_assert_eq!(url_compact(&t).collect::<Vec<_>>(), regex_hits(&compact, &t, 1, None, &m));
            prop_assert_eq!(url_dmy(&t).collect::<Vec<_>>(), regex_hits(&url_dmy_re, &t, 1, None, &m));
        }

        #[test]
        fn iso_reads_what_the_regex_read(
            date in prop::sample::select(vec!["2023-01-23", "2023-1-23", "2023-01-234", "20230-01-23", "x2023-01-23"]),
            rest in prop::collection::vec(prop::sample::select(vec![
                "T", " ", "10", "1", ":", "30", ".", "5", "123", "Z", "+", "-", "01", "00", "0100", ":00", "x",
            ]), 0..10),
        ) {
            let t = format!("{date}{}", rest.concat());
            let re = Regex::new(r"^([0-9]{4})-([0-9]{2})-([0-9]{2})(?:[T ]([0-9]{2}):([0-9]{2})(?::([0-9]{2}))?(?:\.[0-9]+)?\s*(Z|[+-][0-9]{2}:?[0-9]{2})?)?").unwrap();
            let want = re.captures(&t).map(|c| {
                let n = |i: usize| c.get(i).map(|x| x.as_str().parse::<u32>().unwrap());
                ([n(1).unwrap(), n(2).unwrap(), n(3).unwrap()], n(4).zip(n(5)), n(6), c.get(7).map(|x| x.as_str().to_string()))
            });
            let got = iso(&t).map(|i| (i.ymd, i.hm, i.seconds, i.zone.map(str::to_string)));
            prop_assert_eq!(got, want);
        }
    }
}

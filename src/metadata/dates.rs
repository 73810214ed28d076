//! Dates: machine dates from JSON-LD and meta tags, dates written in visible text (French,
//! English, German, Spanish, Italian, Portuguese, Arabic month names; Arabic-Indic and Persian
//! digits), and dates in URLs. Every date is validated (real calendar day, years in
//! [`MIN_YEAR`]..=[`MAX_YEAR`]).

use crate::rules::lexicon::{fold, ALL_MONTHS};
use regex_lite::Regex;
use std::sync::LazyLock;

/// Oldest plausible publication year: the web's news archives start in the 1990s; older years
/// in text are history being told, not publication dates.
pub const MIN_YEAR: u32 = 1990;
/// Newest accepted year; catches typos like "2203".
pub const MAX_YEAR: u32 = 2100;

/// A validated calendar day, with the time when the source gave one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FoundDate {
    pub iso: String,
    /// Byte offset in the folded text where the date starts (earliest wins).
    pub at: usize,
}

/// `YYYY-MM-DD` when the date is real, else `None`.
pub fn ymd(year: u32, month: u32, day: u32) -> Option<String> {
    if !(MIN_YEAR..=MAX_YEAR).contains(&year)
        || !(1..=12).contains(&month)
        || day == 0
        || day > days_in_month(year, month)
    {
        return None;
    }
    Some(format!("{year:04}-{month:02}-{day:02}"))
}

fn days_in_month(year: u32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 0,
    }
}

/// Month names of every language, folded, longest first (so "mars" is tried before "mar" and
/// "كانون الثاني" before anything shorter), as one regex alternation.
static MONTH_ALT: LazyLock<String> = LazyLock::new(|| {
    MONTH_NAMES.iter().map(|n| regex_lite::escape(n)).collect::<Vec<_>>().join("|")
});

/// The folded month names of [`MONTH_ALT`], longest first.
static MONTH_NAMES: LazyLock<Vec<String>> = LazyLock::new(|| {
    let mut names: Vec<String> =
        ALL_MONTHS.iter().flat_map(|l| l.iter()).map(|(n, _)| fold(n)).collect();
    crate::sort::sort_by(&mut names, |a, b| {
        b.chars().count().cmp(&a.chars().count()).then(a.cmp(b))
    });
    names.dedup();
    names
});

/// Bytes that start, and bytes that end, a folded month name.
static MONTH_EDGE_BYTES: LazyLock<([bool; 256], [bool; 256])> = LazyLock::new(|| {
    let (mut first, mut last) = ([false; 256], [false; 256]);
    for n in MONTH_NAMES.iter() {
        if let (Some(&a), Some(&z)) = (n.as_bytes().first(), n.as_bytes().last()) {
            first[usize::from(a)] = true;
            last[usize::from(z)] = true;
        }
    }
    (first, last)
});

/// The rests of `s` after each month name it starts with.
fn after_month(s: &str) -> impl Iterator<Item = &str> {
    let may = s.as_bytes().first().is_some_and(|&b| MONTH_EDGE_BYTES.0[usize::from(b)]);
    MONTH_NAMES.iter().filter(move |_| may).filter_map(move |n| s.strip_prefix(n.as_str()))
}

/// `s` starts with a run of exactly four digits.
fn starts_with_year(s: &str) -> bool {
    let b = s.as_bytes();
    b.get(..4).is_some_and(|y| y.iter().all(u8::is_ascii_digit))
        && !b.get(4).is_some_and(u8::is_ascii_digit)
}

/// `rest` (after a month name) goes on as [`DAY_MONTH_YEAR`] needs:
/// `\.?\s*[,،]?\s*(?:de\s+|del\s+)?` and a four-digit year.
fn year_after_month(rest: &str) -> bool {
    [Some(rest), rest.strip_prefix('.')].into_iter().flatten().any(|r| {
        let r = r.trim_start_matches(is_regex_space);
        [Some(r), r.strip_prefix(','), r.strip_prefix('،')].into_iter().flatten().any(|r| {
            let r = r.trim_start_matches(is_regex_space);
            let after_de = ["de", "del"]
                .into_iter()
                .filter_map(|d| r.strip_prefix(d))
                .filter(|x| x.starts_with(is_regex_space))
                .map(|x| x.trim_start_matches(is_regex_space));
            std::iter::once(r).chain(after_de).any(starts_with_year)
        })
    })
}

/// `s` (from a digit after a month name) goes on as [`MONTH_DAY_YEAR`] needs: a day of one or
/// two digits, `(?:st|nd|rd|th)?\s*,?\s*` and a four-digit year, or the day and year run
/// together ("232023").
fn day_and_year(s: &str) -> bool {
    let run = s.bytes().take_while(u8::is_ascii_digit).count();
    if (5..=6).contains(&run) {
        return true;
    }
    if !(1..=2).contains(&run) {
        return false;
    }
    let r = s.get(run..).unwrap_or("");
    let suffixed = std::iter::once(r)
        .chain(["st", "nd", "rd", "th"].into_iter().filter_map(|x| r.strip_prefix(x)));
    suffixed.map(|r| r.trim_start_matches(is_regex_space)).any(|r| {
        [Some(r), r.strip_prefix(',')]
            .into_iter()
            .flatten()
            .any(|r| starts_with_year(r.trim_start_matches(is_regex_space)))
    })
}

fn month_ends(s: &str) -> bool {
    s.as_bytes().last().is_some_and(|&b| MONTH_EDGE_BYTES.1[usize::from(b)])
        && MONTH_NAMES.iter().any(|n| s.ends_with(n.as_str()))
}

/// What the regexes' `\s` matches (ASCII whitespace; folded text only has ' ').
fn is_regex_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\x0B' | '\x0C' | '\r')
}

/// Digit counts of the three numbers of [`NUMERIC_DMY`] and of [`NUMERIC_YMD`].
const NUMERIC_DMY_RUNS: [std::ops::RangeInclusive<usize>; 3] = [1..=2, 1..=2, 4..=4];
const NUMERIC_YMD_RUNS: [std::ops::RangeInclusive<usize>; 3] = [4..=4, 1..=2, 1..=2];

/// The maximal runs of ASCII digits of `s`, as byte ranges.
fn digit_runs(s: &str) -> Vec<std::ops::Range<usize>> {
    let mut runs = Vec::new();
    let mut start = None;
    for (i, b) in s.bytes().chain(std::iter::once(b' ')).enumerate() {
        match (b.is_ascii_digit(), start) {
            (true, None) => start = Some(i),
            (false, Some(st)) => {
                runs.push(st..i);
                start = None;
            }
            _ => {}
        }
    }
    runs
}

/// True when three consecutive digit runs have the given lengths and are joined by one of
/// '-', '.', '/' with optional whitespace (`\s*[-./]\s*`): the numeric patterns cannot match
/// otherwise (their numbers are whole runs: a non-digit or an end borders each one).
fn has_numeric_shape(
    folded: &str,
    runs: &[std::ops::Range<usize>],
    lens: [std::ops::RangeInclusive<usize>; 3],
) -> bool {
    let joined = |a: &std::ops::Range<usize>, b: &std::ops::Range<usize>| {
        matches!(
            folded.get(a.end..b.start).map(|g| g.trim_matches(is_regex_space)),
            Some("-" | "." | "/")
        )
    };
    runs.windows(3).any(|w| match w {
        [a, b, c] => {
            lens[0].contains(&a.len())
                && lens[1].contains(&b.len())
                && lens[2].contains(&c.len())
                && joined(a, b)
                && joined(b, c)
        }
        _ => false,
    })
}

/// Suffixes of a day before its month in [`DAY_MONTH_YEAR`] ("1er", "3rd", "1º").
const DAY_SUFFIXES: &[&str] = &["er", "st", "nd", "rd", "th", "º", "°"];

/// True when a month name follows a day of one or two digits, and a year the month, as
/// [`DAY_MONTH_YEAR`] allows ("23 janvier 2023", "1er. mai, 2023", "23 de enero de 2023"): that
/// regex cannot match otherwise, and this test is far cheaper than its PikeVM (most short
/// blocks with a year are no date: copyright lines, phone numbers, prices).
fn month_after_day(folded: &str) -> bool {
    let b = folded.as_bytes();
    (0..b.len()).any(|e| {
        // `e` ends a run of one or two digits.
        let run = b.get(..e).unwrap_or(&[]).iter().rev().take_while(|x| x.is_ascii_digit()).count();
        if !(1..=2).contains(&run) || b.get(e).is_some_and(u8::is_ascii_digit) {
            return false;
        }
        let rest = folded.get(e..).unwrap_or("");
        let suffixed =
            std::iter::once(rest).chain(DAY_SUFFIXES.iter().filter_map(|x| rest.strip_prefix(x)));
        suffixed.flat_map(|r| [Some(r), r.strip_prefix('.')]).flatten().any(|r| {
            let r = r.trim_start_matches(is_regex_space);
            let after_de = r
                .strip_prefix("de")
                .filter(|x| x.starts_with(is_regex_space))
                .map(|x| x.trim_start_matches(is_regex_space));
            std::iter::once(r).chain(after_de).any(|r| after_month(r).any(year_after_month))
        })
    })
}

/// True when a month name comes before a day and a year as [`MONTH_DAY_YEAR`] needs
/// ("January 23, 2023", "Jan. 5th 2023").
fn month_before_day(folded: &str) -> bool {
    let b = folded.as_bytes();
    (1..b.len()).any(|i| {
        if !(b.get(i).is_some_and(u8::is_ascii_digit)
            && b.get(i - 1).is_some_and(|&x| is_regex_space(char::from(x))))
        {
            return false;
        }
        let before = folded.get(..i).unwrap_or("").trim_end_matches(is_regex_space);
        (month_ends(before) || before.strip_suffix('.').is_some_and(month_ends))
            && day_and_year(folded.get(i..).unwrap_or(""))
    })
}

fn month_number(folded_name: &str) -> Option<u32> {
    ALL_MONTHS
        .iter()
        .flat_map(|l| l.iter())
        .find(|(n, _)| crate::rules::lexicon::folded(n) == folded_name)
        .map(|(_, m)| u32::from(*m))
}

/// "23 janvier 2023", "23. Januar 2023", "23 de enero de 2023", "1er mai 2023", "23 Jan. 2023",
/// "٢٣ يناير ٢٠٢٣" (digits folded), "23 كانون الثاني، 2023".
static DAY_MONTH_YEAR: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(&format!(r"(?:^|[^0-9])([0-9]{{1,2}})(?:er|st|nd|rd|th|º|°)?\.?\s*(?:de\s+)?({})\.?\s*[,،]?\s*(?:de\s+|del\s+)?([0-9]{{4}})(?:$|[^0-9])", *MONTH_ALT)).ok()
});

/// "January 23, 2023", "Jan 23 2023", "janvier 23, 2023".
static MONTH_DAY_YEAR: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?:^|[^a-z0-9])({})\.?\s+([0-9]{{1,2}})(?:st|nd|rd|th)?\s*,?\s*([0-9]{{4}})(?:$|[^0-9])",
        *MONTH_ALT
    ))
    .ok()
});

/// "23/01/2023", "23.01.2023", "23 - 01 - 2023" (day first unless it cannot be).
static NUMERIC_DMY: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"(?:^|[^0-9])([0-9]{1,2})\s*[-./]\s*([0-9]{1,2})\s*[-./]\s*([0-9]{4})(?:$|[^0-9])")
        .ok()
});

/// "2023-01-23", "2023/01/23", "2023.01.23", optionally followed by a time.
static NUMERIC_YMD: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"(?:^|[^0-9])([0-9]{4})\s*[-./]\s*([0-9]{1,2})\s*[-./]\s*([0-9]{1,2})(?:$|[^0-9])")
        .ok()
});

/// A machine date at the start of a string: ISO 8601 date with optional time and zone.
static ISO_DATETIME: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"^([0-9]{4})-([0-9]{2})-([0-9]{2})(?:[T ]([0-9]{2}):([0-9]{2})(?::([0-9]{2}))?(?:\.[0-9]+)?\s*(Z|[+-][0-9]{2}:?[0-9]{2})?)?").ok()
});

/// Dates in URL paths: "/2023/01/23/", "/2023-01-23", "/20230123/".
static URL_DATE: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"(?:^|[^0-9])((?:19|20)[0-9]{2})[/_-]([0-9]{1,2})[/_-]([0-9]{1,2})(?:$|[^0-9])")
        .ok()
});
/// Day-first dates in URL slugs: "/29-10-2021", "/23-01-2022-dorothea-wierer".
static URL_DATE_DMY: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"[/_-]([0-3]?[0-9])[-_.]([01]?[0-9])[-_.]((?:19|20)[0-9]{2})(?:$|[^0-9])").ok()
});
static URL_DATE_COMPACT: LazyLock<Option<Regex>> =
    LazyLock::new(|| Regex::new(r"/((?:19|20)[0-9]{2})([01][0-9])([0-3][0-9])(?:/|$|[^0-9])").ok());

/// Normalises a machine date (JSON-LD, meta tag, `datetime` attribute) to ISO 8601: keeps the
/// time and zone when present ("2023-01-23T10:30:00+01:00"), else the day. Falls back to the
/// visible-text parser for forms like "Mon, 23 Jan 2023 10:30:00 GMT" or "23/01/2023".
pub fn normalize_machine_date(raw: &str, lang: Option<&str>) -> Option<String> {
    let t = raw.trim();
    if let Some(c) = ISO_DATETIME.as_ref().and_then(|re| re.captures(t)) {
        let num = |i: usize| c.get(i).and_then(|m| m.as_str().parse::<u32>().ok());
        if let Some(day) = ymd(num(1)?, num(2)?, num(3)?) {
            let (Some(h), Some(mi)) = (num(4), num(5)) else { return Some(day) };
            if h > 23 || mi > 59 {
                return Some(day);
            }
            let s = num(6).filter(|s| *s < 60).unwrap_or(0);
            let zone = match c.get(7).map(|m| m.as_str()) {
                Some("Z") => "Z".to_string(),
                Some(z) if z.len() == 5 => {
                    format!("{}:{}", z.get(..3).unwrap_or(""), z.get(3..).unwrap_or(""))
                }
                Some(z) => z.to_string(),
                None => String::new(),
            };
            return Some(format!("{day}T{h:02}:{mi:02}:{s:02}{zone}"));
        }
        return None;
    }
    // Compact "20230123" (some CMSs, parsely).
    if t.len() >= 8
        && t.bytes().take(8).all(|b| b.is_ascii_digit())
        && t.as_bytes().get(8).is_none_or(|b| !b.is_ascii_digit())
    {
        let n = |r: std::ops::Range<usize>| t.get(r).and_then(|s| s.parse::<u32>().ok());
        if let Some(d) = ymd(n(0..4)?, n(4..6)?, n(6..8)?) {
            return Some(d);
        }
    }
    // Slashed numeric machine dates come from server code in US format (ASP.NET's default
    // culture writes `11/01/2023 12:43:42` for 1 November even on German pages), so they are read
    // month first; dotted and dashed ones stay day first.
    let slashed = t.contains('/') && !t.chars().any(char::is_alphabetic);
    let lang = if slashed { Some("en-US") } else { lang };
    find_date_in_text(t, lang).map(|d| d.iso).or_else(|| {
        // C's asctime and Java's Date.toString() put the time and zone between the day and the
        // year: "Mon Oct 11 14:57:21 CEST 2021" is read as "Mon Oct 11 2021".
        if !t.contains(':') {
            return None;
        }
        let mut after_time = false;
        let kept: Vec<&str> = t
            .split_whitespace()
            .filter(|w| {
                let time = w.contains(':') && w.chars().all(|c| c.is_ascii_digit() || c == ':');
                let zone = after_time
                    && (2..=5).contains(&w.len())
                    && w.chars().all(|c| c.is_ascii_uppercase());
                after_time = time;
                !time && !zone
            })
            .collect();
        find_date_in_text(&kept.join(" "), lang).map(|d| d.iso)
    })
}

/// True when the page's language writes numeric dates month first (US English).
fn month_first(lang: Option<&str>) -> bool {
    let l = lang.unwrap_or("").to_ascii_lowercase().replace('_', "-");
    l == "en" || l == "en-us"
}

/// The earliest valid date written in `text`, in any supported language. Numeric dates are
/// read day first (23/01/2023) unless the page is US English or the day-first reading is
/// impossible (01/23/2023).
pub fn find_date_in_text(text: &str, lang: Option<&str>) -> Option<FoundDate> {
    // Every pattern below needs a four-digit year and a day or month of one or two digits:
    // most blocks have neither, and the regexes (a PikeVM with a long month alternation) are
    // the costly part. Folding maps digits one to one, so the raw count decides before it.
    if !may_hold_date(text) {
        return None;
    }
    let folded = fold(text);
    if !has_date_digit_runs(&folded) {
        return None;
    }
    let mut best: Option<FoundDate> = None;
    let mut consider = |at: usize, iso: Option<String>| {
        if let Some(iso) = iso {
            if best.as_ref().is_none_or(|b| at < b.at) {
                best = Some(FoundDate { iso, at });
            }
        }
    };
    let num =
        |c: &regex_lite::Captures, i: usize| c.get(i).and_then(|m| m.as_str().parse::<u32>().ok());
    let day_month = month_after_day(&folded);
    let month_day = month_before_day(&folded);
    let runs = digit_runs(&folded);
    let day_month_year = has_numeric_shape(&folded, &runs, NUMERIC_DMY_RUNS);
    let year_month_day = has_numeric_shape(&folded, &runs, NUMERIC_YMD_RUNS);
    if let Some(re) = DAY_MONTH_YEAR.as_ref().filter(|_| day_month) {
        for c in re.captures_iter(&folded) {
            let at = c.get(1).map(|m| m.start()).unwrap_or(0);
            let month = c.get(2).and_then(|m| month_number(m.as_str()));
            consider(at, (|| ymd(num(&c, 3)?, month?, num(&c, 1)?))());
        }
    }
    if let Some(re) = MONTH_DAY_YEAR.as_ref().filter(|_| month_day) {
        for c in re.captures_iter(&folded) {
            let at = c.get(1).map(|m| m.start()).unwrap_or(0);
            let month = c.get(1).and_then(|m| month_number(m.as_str()));
            consider(at, (|| ymd(num(&c, 3)?, month?, num(&c, 2)?))());
        }
    }
    if let Some(re) = NUMERIC_DMY.as_ref().filter(|_| day_month_year) {
        for c in re.captures_iter(&folded) {
            let at = c.get(1).map(|m| m.start()).unwrap_or(0);
            let (Some(a), Some(b), Some(y)) = (num(&c, 1), num(&c, 2), num(&c, 3)) else {
                continue;
            };
            let iso =
                if a > 12 || (b <= 12 && !month_first(lang)) { ymd(y, b, a) } else { ymd(y, a, b) };
            consider(at, iso);
        }
    }
    if let Some(re) = NUMERIC_YMD.as_ref().filter(|_| year_month_day) {
        for c in re.captures_iter(&folded) {
            let at = c.get(1).map(|m| m.start()).unwrap_or(0);
            consider(at, (|| ymd(num(&c, 1)?, num(&c, 2)?, num(&c, 3)?))());
        }
    }
    best
}

/// A publication day in a URL path ("/2023/01/23/slug", "/2023-01-23-slug", "/20230123/").
pub fn date_from_url(url: &str) -> Option<String> {
    // Each pattern holds a year, "19" or "20" and two digits: most URLs have none, and this
    // test costs a hundredth of a regex search.
    let year = |w: &[u8]| {
        matches!(&w[..2], b"19" | b"20") && w[2].is_ascii_digit() && w[3].is_ascii_digit()
    };
    if !url.as_bytes().windows(4).any(year) {
        return None;
    }
    let num =
        |c: &regex_lite::Captures, i: usize| c.get(i).and_then(|m| m.as_str().parse::<u32>().ok());
    for re in [URL_DATE.as_ref(), URL_DATE_COMPACT.as_ref()].into_iter().flatten() {
        for c in re.captures_iter(url) {
            if let Some(d) = (|| ymd(num(&c, 1)?, num(&c, 2)?, num(&c, 3)?))() {
                return Some(d);
            }
        }
    }
    if let Some(re) = URL_DATE_DMY.as_ref() {
        for c in re.captures_iter(url) {
            if let Some(d) = (|| ymd(num(&c, 3)?, num(&c, 2)?, num(&c, 1)?))() {
                return Some(d);
            }
        }
    }
    None
}

/// Days since 1970-01-01 of an ISO day (`YYYY-MM-DD…`), for comparing days across months.
fn day_number(iso: &str) -> Option<i64> {
    let n = |r: std::ops::Range<usize>| iso.get(r).and_then(|s| s.parse::<i64>().ok());
    let (y, m, d) = (n(0..4)?, n(5..7)?, n(8..10)?);
    // Howard Hinnant's days_from_civil.
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * (m + if m > 2 { -3 } else { 9 }) + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    Some(era * 146_097 + doe - 719_468)
}

/// The ISO day after `iso`'s day.
fn next_day(iso: &str) -> Option<String> {
    let n = |r: std::ops::Range<usize>| iso.get(r).and_then(|s| s.parse::<u32>().ok());
    let (y, m, d) = (n(0..4)?, n(5..7)?, n(8..10)?);
    ymd(y, m, d + 1).or_else(|| ymd(y, m + 1, 1)).or_else(|| ymd(y + 1, 1, 1))
}

/// UTC hours at which a whole hour is a local midnight east of Greenwich, UTC+1..UTC+3 (Europe,
/// Africa, the Arab world): a CMS that stores a date-only publication as local midnight writes
/// "2021-11-04T23:00Z" for 5 November in Berlin. West of Greenwich local midnight falls on the
/// same UTC day, so nothing is needed there.
pub const LOCAL_MIDNIGHT_UTC_HOURS: std::ops::RangeInclusive<u32> = 21..=23;

/// A machine date-time in UTC ("…Z", "…+00:00"), as [`normalize_machine_date`] writes them.
pub fn is_utc(iso: &str) -> bool {
    iso.len() > 10 && (iso.ends_with('Z') || iso.ends_with("+00:00"))
}

/// The page's local publication day for a date-time the CMS stored in UTC: readers and
/// annotators see the local day, which differs from the UTC one near midnight. `local` holds
/// days the page gives in local time (the URL's date, `datetime`s with their own offset). A
/// whole hour in [`LOCAL_MIDNIGHT_UTC_HOURS`] is read as local midnight and the same instant
/// is returned with that offset; otherwise the first local day next to the UTC one is returned.
/// `None` when `utc` needs no change, or a local day confirms the UTC one.
pub fn local_day(utc: &str, local: &[String]) -> Option<String> {
    if !is_utc(utc) {
        return None;
    }
    let day = day_number(utc)?;
    let offsets: Vec<i64> = local
        .iter()
        .filter(|l| !is_utc(l))
        .filter_map(|l| day_number(l).map(|d| d - day))
        .collect();
    if offsets.contains(&0) {
        return None;
    }
    let n = |r: std::ops::Range<usize>| utc.get(r).and_then(|s| s.parse::<u32>().ok());
    let (h, mi, sec) = (n(11..13)?, n(14..16)?, n(17..19).unwrap_or(0));
    if mi == 0 && sec == 0 && LOCAL_MIDNIGHT_UTC_HOURS.contains(&h) && !offsets.contains(&-1) {
        return Some(format!("{}T00:00:00+{:02}:00", next_day(utc)?, 24 - h));
    }
    let neighbour = local
        .iter()
        .filter(|l| !is_utc(l))
        .find(|l| day_number(l).is_some_and(|d| (d - day).abs() == 1))?;
    neighbour.get(..10).map(str::to_string)
}

/// False when `text` has too few digits for [`find_date_in_text`] to find a date in it.
pub fn may_hold_date(text: &str) -> bool {
    digit_count(text) >= MIN_DATE_DIGITS
}

/// Digits of the shortest date the patterns read ("1 mai 2023"): a day or month and a year.
const MIN_DATE_DIGITS: usize = 5;

/// Digits in `s`: ASCII, Arabic-Indic (U+0660..=U+0669, UTF-8 `D9 A0..=A9`) and Persian
/// (U+06F0..=U+06F9, UTF-8 `DB B0..=B9`), the ones [`fold`] turns into ASCII digits.
fn digit_count(s: &str) -> usize {
    let b = s.as_bytes();
    let mut n = 0;
    for (i, &x) in b.iter().enumerate() {
        let next = b.get(i + 1).copied().unwrap_or(0);
        if x.is_ascii_digit()
            || (x == 0xD9 && (0xA0..=0xA9).contains(&next))
            || (x == 0xDB && (0xB0..=0xB9).contains(&next))
        {
            n += 1;
        }
    }
    n
}

/// True when the folded text has the digit runs every date pattern needs: a run of four or
/// more (the year) and a run of one or two (the day or month, standing alone), or of five or
/// six (a day written against its year, "Jan 232023", which MONTH_DAY_YEAR accepts).
fn has_date_digit_runs(folded: &str) -> bool {
    let (mut year, mut day) = (false, false);
    let mut run = 0;
    for b in folded.bytes().chain(std::iter::once(b' ')) {
        if b.is_ascii_digit() {
            run += 1;
            continue;
        }
        match run {
            0 => {}
            1 | 2 => day = true,
            4 => year = true,
            5 | 6 => (day, year) = (true, true),
            _ => year = true,
        }
        run = 0;
    }
    year && day
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Option<String> {
        find_date_in_text(s, Some("fr")).map(|f| f.iso)
    }

    #[test]
    fn french_dates() {
        assert_eq!(
            d("Publié dans Maroc Diplomatique le 23 - 01 - 2023").as_deref(),
            Some("2023-01-23")
        );
        assert_eq!(d("23 janvier 2023").as_deref(), Some("2023-01-23"));
        assert_eq!(d("lundi 23 janvier 2023 à 10h30").as_deref(), Some("2023-01-23"));
        assert_eq!(d("le 1er mai 2023").as_deref(), Some("2023-05-01"));
        assert_eq!(d("12 févr. 2021").as_deref(), Some("2021-02-12"));
        assert_eq!(d("23 AOÛT 2022").as_deref(), Some("2022-08-23"));
        assert_eq!(d("23.01.2023").as_deref(), Some("2023-01-23"));
        assert_eq!(d("23/01/2023").as_deref(), Some("2023-01-23"));
    }

    #[test]
    fn other_languages() {
        assert_eq!(d("January 23, 2023").as_deref(), Some("2023-01-23"));
        assert_eq!(d("Posted Jan 5th 2023").as_deref(), Some("2023-01-05"));
        assert_eq!(d("Mon, 23 Jan 2023 10:30:00 GMT").as_deref(), Some("2023-01-23"));
        assert_eq!(d("23. Januar 2023").as_deref(), Some("2023-01-23"));
        assert_eq!(d("3. März 2021").as_deref(), Some("2021-03-03"));
        assert_eq!(d("23 de enero de 2023").as_deref(), Some("2023-01-23"));
        assert_eq!(d("٢٣ يناير ٢٠٢٣").as_deref(), Some("2023-01-23"));
        assert_eq!(d("23 كانون الثاني 2023").as_deref(), Some("2023-01-23"));
        assert_eq!(d("نشر في 5 كانون الأول، 2022").as_deref(), Some("2022-12-05"));
        assert_eq!(d("الاثنين ۱۵ غشت ۲۰۲۲").as_deref(), Some("2022-08-15"));
        assert_eq!(d("12 أبريل 2021").as_deref(), Some("2021-04-12"));
        assert_eq!(d("23 giugno 2020").as_deref(), Some("2020-06-23"));
    }

    #[test]
    fn validation_and_order() {
        assert_eq!(d("13/13/2023"), None);
        assert_eq!(d("30 février 2023"), None);
        assert_eq!(d("23 janvier 1850"), None);
        assert_eq!(d("01/23/2023").as_deref(), Some("2023-01-23"));
        assert_eq!(
            find_date_in_text("03/04/2023", Some("en-US")).map(|f| f.iso).as_deref(),
            Some("2023-03-04")
        );
        assert_eq!(
            d("Mis à jour le 24 janvier 2023, publié le 23 janvier 2023").as_deref(),
            Some("2023-01-24")
        );
        assert_eq!(d("123 mai 2023 marathons 2023"), None);
        assert_eq!(d("le 29 février 2024").as_deref(), Some("2024-02-29"));
    }

    #[test]
    fn machine_dates() {
        assert_eq!(
            normalize_machine_date("2023-01-23T10:30:00+0100", None).as_deref(),
            Some("2023-01-23T10:30:00+01:00")
        );
        assert_eq!(
            normalize_machine_date("2023-01-23T10:30Z", None).as_deref(),
            Some("2023-01-23T10:30:00Z")
        );
        assert_eq!(normalize_machine_date(" 2023-01-23 ", None).as_deref(), Some("2023-01-23"));
        assert_eq!(normalize_machine_date("20230123", None).as_deref(), Some("2023-01-23"));
        assert_eq!(
            normalize_machine_date("Mon, 23 Jan 2023 10:30:00 GMT", None).as_deref(),
            Some("2023-01-23")
        );
        assert_eq!(normalize_machine_date("2023-13-01", None), None);
        assert_eq!(
            normalize_machine_date("11/01/2023 12:43:42", Some("de")).as_deref(),
            Some("2023-11-01")
        );
        assert_eq!(normalize_machine_date("01.11.2023", Some("de")).as_deref(), Some("2023-11-01"));
        assert_eq!(normalize_machine_date("garbage", None), None);
        assert_eq!(
            normalize_machine_date("Mon Oct 11 14:57:21 CEST 2021", Some("de")).as_deref(),
            Some("2021-10-11")
        );
        assert_eq!(
            normalize_machine_date("Thu Feb  3 09:05:00 2022", None).as_deref(),
            Some("2022-02-03")
        );
    }

    #[test]
    fn utc_dates_read_in_local_time() {
        // A date-only publication stored as Berlin midnight in UTC.
        assert_eq!(
            local_day("2021-11-04T23:00:00Z", &[]).as_deref(),
            Some("2021-11-05T00:00:00+01:00")
        );
        assert_eq!(
            local_day("2022-12-31T22:00:00+00:00", &[]).as_deref(),
            Some("2023-01-01T00:00:00+02:00")
        );
        // Late evening in Minnesota is the next day in UTC; the URL's day is the local one.
        assert_eq!(
            local_day("2023-11-09T05:30:59Z", &["2023-11-08".into()]).as_deref(),
            Some("2023-11-08")
        );
        assert_eq!(
            local_day("2018-06-12T23:00:00Z", &["2018-06-13".into()]).as_deref(),
            Some("2018-06-13T00:00:00+01:00")
        );
        assert_eq!(local_day("2018-06-12T23:00:00Z", &["2018-06-12".into()]), None);
        // Evidence that agrees, evidence too far away, times that are not midnight, local offsets.
        assert_eq!(
            local_day("2023-11-09T05:30:59Z", &["2023-11-09".into(), "2023-11-08".into()]),
            None
        );
        assert_eq!(local_day("2023-11-09T05:30:59Z", &["2023-10-08".into()]), None);
        assert_eq!(local_day("2021-11-04T23:10:00Z", &[]), None);
        assert_eq!(local_day("2021-11-04T23:00:00+01:00", &["2021-11-05".into()]), None);
        assert_eq!(local_day("2021-11-04", &["2021-11-05".into()]), None);
        assert_eq!(next_day("2024-02-28").as_deref(), Some("2024-02-29"));
        assert_eq!(day_number("1970-01-02"), Some(1));
        assert_eq!(
            day_number("2000-03-01").zip(day_number("2000-02-28")).map(|(a, b)| a - b),
            Some(2)
        );
    }

    #[test]
    fn url_dates() {
        assert_eq!(date_from_url("https://x.com/2023/01/23/slug").as_deref(), Some("2023-01-23"));
        assert_eq!(
            date_from_url("https://x.com/news/2023-01-23-slug").as_deref(),
            Some("2023-01-23")
        );
        assert_eq!(
            date_from_url("https://x.com/detail/20200102/1000.html").as_deref(),
            Some("2020-01-02")
        );
        assert_eq!(date_from_url("https://x.com/id/12345678901"), None);
        assert_eq!(
            date_from_url("https://x.com/meldungen/29-10-2021").as_deref(),
            Some("2021-10-29")
        );
        assert_eq!(date_from_url("http://fakehost/test/page.html"), None);
    }
}

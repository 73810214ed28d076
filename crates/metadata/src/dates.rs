//! Dates: machine dates from JSON-LD and meta tags, dates written in visible text (French,
//! English, German, Spanish, Italian, Portuguese, Arabic month names; Arabic-Indic and Persian
//! digits), and dates in URLs. Every date is validated (real calendar day, years in
//! [`MIN_YEAR`]..=[`MAX_YEAR`]).

use super::date_scan::{self, Months};
use crate::rules::lexicon::{fold, ALL_MONTHS};
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

/// The folded month names of every language, longest first (so "mars" is tried before "mar"
/// and "كانون الثاني" before anything shorter), each with its month number.
static MONTHS: LazyLock<Months> = LazyLock::new(|| {
    let mut names: Vec<String> =
        ALL_MONTHS.iter().flat_map(|l| l.iter()).map(|(n, _)| fold(n)).collect();
    crate::sort::sort_by(&mut names, |a, b| {
        b.chars().count().cmp(&a.chars().count()).then(a.cmp(b))
    });
    names.dedup();
    // A name no month list holds cannot occur; 0 would make its dates invalid.
    Months::new(
        names
            .into_iter()
            .map(|n| {
                let m = month_number(&n).unwrap_or(0);
                (n, m)
            })
            .collect(),
    )
});

fn month_number(folded_name: &str) -> Option<u32> {
    ALL_MONTHS
        .iter()
        .flat_map(|l| l.iter())
        .find(|(n, _)| crate::rules::lexicon::folded(n) == folded_name)
        .map(|(_, m)| u32::from(*m))
}

/// Digit counts of the three numbers of a day-first numeric date ("23.01.2023") and of a
/// year-first one ("2023-01-23").
const NUMERIC_DMY_RUNS: [std::ops::RangeInclusive<usize>; 3] = [1..=2, 1..=2, 4..=4];
const NUMERIC_YMD_RUNS: [std::ops::RangeInclusive<usize>; 3] = [4..=4, 1..=2, 1..=2];

/// Normalises a machine date (JSON-LD, meta tag, `datetime` attribute) to ISO 8601: keeps the
/// time and zone when present ("2023-01-23T10:30:00+01:00"), else the day. Falls back to the
/// visible-text parser for forms like "Mon, 23 Jan 2023 10:30:00 GMT" or "23/01/2023".
pub fn normalize_machine_date(raw: &str, lang: Option<&str>) -> Option<String> {
    let t = raw.trim();
    if let Some(iso) = date_scan::iso(t) {
        let [y, mo, d] = iso.ymd;
        let day = ymd(y, mo, d)?;
        let Some((h, mi)) = iso.hm else { return Some(day) };
        if h > 23 || mi > 59 {
            return Some(day);
        }
        let s = iso.seconds.filter(|s| *s < 60).unwrap_or(0);
        let zone = match iso.zone {
            Some("Z") => "Z".to_string(),
            Some(z) if z.len() == 5 => {
                format!("{}:{}", z.get(..3).unwrap_or(""), z.get(3..).unwrap_or(""))
            }
            Some(z) => z.to_string(),
            None => String::new(),
        };
        return Some(format!("{day}T{h:02}:{mi:02}:{s:02}{zone}"));
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
    // most blocks have neither, and are not even folded. Folding maps digits one to one, so
    // the raw count decides before it.
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
    for h in date_scan::day_month_year(&folded, &MONTHS) {
        let [day, month, year] = h.nums;
        consider(h.at, ymd(year, month, day));
    }
    for h in date_scan::month_day_year(&folded, &MONTHS) {
        let [month, day, year] = h.nums;
        consider(h.at, ymd(year, month, day));
    }
    for h in date_scan::numeric(&folded, NUMERIC_DMY_RUNS) {
        let [a, b, y] = h.nums;
        let iso =
            if a > 12 || (b <= 12 && !month_first(lang)) { ymd(y, b, a) } else { ymd(y, a, b) };
        consider(h.at, iso);
    }
    for h in date_scan::numeric(&folded, NUMERIC_YMD_RUNS) {
        let [y, m, d] = h.nums;
        consider(h.at, ymd(y, m, d));
    }
    best
}

/// A publication day in a URL path ("/2023/01/23/slug", "/2023-01-23-slug", "/20230123/").
pub fn date_from_url(url: &str) -> Option<String> {
    // Each pattern holds a year, "19" or "20" and two digits: most URLs have none.
    let year = |w: &[u8]| {
        matches!(&w[..2], b"19" | b"20") && w[2].is_ascii_digit() && w[3].is_ascii_digit()
    };
    if !url.as_bytes().windows(4).any(year) {
        return None;
    }
    let ymd_of = |h: date_scan::Hit| ymd(h.nums[0], h.nums[1], h.nums[2]);
    date_scan::url_ymd(url)
        .find_map(ymd_of)
        .or_else(|| date_scan::url_compact(url).find_map(ymd_of))
        .or_else(|| date_scan::url_dmy(url).find_map(|h| ymd(h.nums[2], h.nums[1], h.nums[0])))
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
/// six (a day written against its year, "Jan 232023", which the month-first pattern accepts).
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

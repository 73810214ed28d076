//! Language, text direction, word counts and reading time.

use crate::dom::Document;
use crate::rules::lexicon::{fold, STOP_WORDS};

/// Primary language subtags written right to left. Firefox's Reader View uses ar, fa, he, ug,
/// ur (FX-RM); we add the other living RTL languages with a subtag (iw = old Hebrew code, yi,
/// ps, sd, ckb = Sorani Kurdish, dv = Dhivehi).
pub const RTL_LANGS: &[&str] = &["ar", "fa", "he", "iw", "ur", "ug", "yi", "ps", "sd", "ckb", "dv"];

/// Share of strong RTL letters among all letters above which undeclared text is RTL. 0.3 lets an
/// Arabic article that quotes English names and brand names still come out RTL.
pub const RTL_LETTER_SHARE: f32 = 0.3;

/// Letters sampled for script detection; more adds time, not accuracy.
const SCRIPT_SAMPLE_LETTERS: usize = 4_000;

/// Share of letters of one non-Latin script needed to name the language by script alone.
pub const SCRIPT_LANG_SHARE: f32 = 0.4;

/// Latin-script guess: at least this many stop-word hits in total...
pub const STOP_WORD_MIN_HITS: usize = 5;
/// ...and the winner must have at least this ratio over the runner-up, else we are unsure.
pub const STOP_WORD_MIN_MARGIN: f32 = 1.5;

/// Firefox Reader View's reading speeds, characters per minute (reference.md 3.5, FX-RM
/// `_getReadingSpeedForLanguage`). We use the mean and ignore the variance.
pub const READING_CPM: &[(&str, u32)] = &[
    ("en", 987),
    ("ar", 612),
    ("de", 920),
    ("es", 1025),
    ("fi", 1078),
    ("fr", 998),
    ("he", 833),
    ("it", 950),
    ("jw", 357),
    ("nl", 978),
    ("pl", 916),
    ("pt", 913),
    ("ru", 986),
    ("sk", 885),
    ("sv", 917),
    ("tr", 1054),
    ("zh", 255),
];

/// Reading speed when the language is unknown or not in the table: English, as Firefox does.
pub const DEFAULT_CPM: u32 = 987;

/// "rtl" or "ltr". In order: a `dir` attribute on `<body>` or `<html>`; the primary subtag of
/// `lang` in [`RTL_LANGS`]; the script of `sample_text` (share of strong RTL letters among
/// letters above [`RTL_LETTER_SHARE`]).
pub fn direction(doc: &Document, lang: Option<&str>, sample_text: &str) -> &'static str {
    // <body> first: it is closer to the text ("<html dir=ltr><body dir=rtl>" is an RTL page).
    for tag in ["body", "html"] {
        let dir = doc.first_by_tag(tag).and_then(|id| doc.element(id)).and_then(|e| e.attr("dir"));
        match dir.map(|d| d.trim().to_ascii_lowercase()).as_deref() {
            Some("rtl") => return "rtl",
            Some("ltr") => return "ltr",
            _ => {}
        }
    }
    if let Some(l) = lang {
        let primary = primary_subtag(l);
        if !primary.is_empty() {
            return if RTL_LANGS.contains(&primary.as_str()) { "rtl" } else { "ltr" };
        }
    }
    let counts = script_counts(sample_text);
    if counts.letters > 0 && (counts.rtl as f32) / (counts.letters as f32) > RTL_LETTER_SHARE {
        "rtl"
    } else {
        "ltr"
    }
}

/// Lower-case primary subtag of a BCP 47 tag or a POSIX locale ("fr_FR" -> "fr").
pub fn primary_subtag(lang: &str) -> String {
    lang.trim().split(['-', '_']).next().unwrap_or("").to_ascii_lowercase()
}

/// Letter counts per script family in a text sample.
#[derive(Default, Debug)]
struct ScriptCounts {
    letters: usize,
    rtl: usize,
    arabic: usize,
    hebrew: usize,
    cyrillic: usize,
    han: usize,
    kana: usize,
    hangul: usize,
    latin: usize,
}

fn script_counts(text: &str) -> ScriptCounts {
    let mut c = ScriptCounts::default();
    for ch in text.chars().filter(|ch| ch.is_alphabetic()).take(SCRIPT_SAMPLE_LETTERS) {
        c.letters += 1;
        match ch as u32 {
            0x0590..=0x05FF | 0xFB1D..=0xFB4F => {
                c.hebrew += 1;
                c.rtl += 1;
            }
            0x0600..=0x06FF
            | 0x0750..=0x077F
            | 0x08A0..=0x08FF
            | 0xFB50..=0xFDFF
            | 0xFE70..=0xFEFF => {
                c.arabic += 1;
                c.rtl += 1;
            }
            // Syriac, Thaana, NKo
            0x0700..=0x074F | 0x0780..=0x07BF | 0x07C0..=0x07FF => c.rtl += 1,
            0x0400..=0x052F => c.cyrillic += 1,
            0x3040..=0x30FF => c.kana += 1,
            0x4E00..=0x9FFF | 0x3400..=0x4DBF => c.han += 1,
            0xAC00..=0xD7AF | 0x1100..=0x11FF => c.hangul += 1,
            _ if ch.is_ascii_alphabetic() || (0x00C0..=0x024F).contains(&(ch as u32)) => {
                c.latin += 1
            }
            _ => {}
        }
    }
    c
}

/// Guesses the language of undeclared text: by script first (Arabic script -> "ar", Hebrew ->
/// "he", Cyrillic -> "ru", kana -> "ja", Han -> "zh", Hangul -> "ko"), then, for Latin text, by
/// stop-word counts over [`STOP_WORDS`] (fr, en, de, es, it, pt, nl). `None` when unsure: too few
/// hits or no clear winner.
pub fn guess_lang(sample_text: &str) -> Option<&'static str> {
    let c = script_counts(sample_text);
    if c.letters == 0 {
        return None;
    }
    let share = |n: usize| n as f32 / c.letters as f32;
    if share(c.arabic) >= SCRIPT_LANG_SHARE {
        return Some("ar");
    }
    if share(c.hebrew) >= SCRIPT_LANG_SHARE {
        return Some("he");
    }
    if share(c.cyrillic) >= SCRIPT_LANG_SHARE {
        return Some("ru");
    }
    // Japanese mixes kana and Han; any real share of kana means Japanese.
    if share(c.kana) >= 0.1 {
        return Some("ja");
    }
    if share(c.han) >= SCRIPT_LANG_SHARE {
        return Some("zh");
    }
    if share(c.hangul) >= SCRIPT_LANG_SHARE {
        return Some("ko");
    }
    if share(c.latin) < SCRIPT_LANG_SHARE {
        return None;
    }
    let folded = fold(&sample_text.chars().take(20_000).collect::<String>());
    let mut hits = vec![0usize; STOP_WORDS.len()];
    for word in folded.split(|ch: char| !ch.is_alphanumeric()).filter(|w| !w.is_empty()) {
        let Some(&langs) = STOP_WORD_LANGS.get(word) else { continue };
        for (i, h) in hits.iter_mut().enumerate() {
            *h += (langs >> i & 1) as usize;
        }
    }
    // The language with the most hits (the first listed on a tie) and the runner-up's count:
    // one pass, not a sort (each sort instance is a few KB of the WASM module).
    let best = (0..hits.len()).fold(0, |b, i| if hits[i] > hits[b] { i } else { b });
    let best_hits = *hits.get(best)?;
    let second_hits =
        hits.iter().enumerate().filter(|&(i, _)| i != best).map(|(_, &h)| h).max().unwrap_or(0);
    if best_hits < STOP_WORD_MIN_HITS
        || (best_hits as f32) < STOP_WORD_MIN_MARGIN * second_hits as f32
    {
        return None;
    }
    STOP_WORDS.get(best).map(|(l, _)| *l)
}

/// Each folded stop word with the languages of [`STOP_WORDS`] that list it (bit `i` for list
/// `i`: "de" and "la" are in several), folded once rather than on every guess.
const _: () = assert!(STOP_WORDS.len() <= 32, "one bit per language in a u32");
static STOP_WORD_LANGS: std::sync::LazyLock<crate::prep::Map<String, u32>> =
    std::sync::LazyLock::new(|| {
        let mut m = crate::prep::Map::default();
        for (i, (_, words)) in STOP_WORDS.iter().enumerate() {
            for w in *words {
                *m.entry(fold(w)).or_insert(0) |= 1 << i;
            }
        }
        m
    });

/// True for CJK ideographs, kana and Hangul syllables: each counts as one word.
fn is_cjk(c: char) -> bool {
    matches!(c as u32, 0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0xAC00..=0xD7AF)
}

/// Words of letters or digits (any script, so Arabic counts); each CJK character is a word.
/// Apostrophes and hyphens inside a word do not split it ("aujourd'hui", "well-known").
pub fn word_count(text: &str) -> usize {
    let mut count = 0;
    let mut in_word = false;
    let mut prev_joiner = false;
    for c in text.chars() {
        if is_cjk(c) {
            count += 1;
            in_word = false;
            prev_joiner = false;
        } else if c.is_alphanumeric() || ('\u{064B}'..='\u{0652}').contains(&c) {
            if !in_word {
                count += 1;
                in_word = true;
            }
            prev_joiner = false;
        } else if in_word && !prev_joiner && matches!(c, '\'' | '’' | '-' | '\u{2011}') {
            prev_joiner = true;
        } else {
            in_word = false;
            prev_joiner = false;
        }
    }
    count
}

/// Reading time in minutes with Firefox's table: characters ÷ cpm of the primary subtag
/// ([`READING_CPM`], English when unknown), rounded up, at least 1.
pub fn reading_minutes(text: &str, lang: Option<&str>) -> u32 {
    let primary = lang.map(primary_subtag).unwrap_or_default();
    let cpm = READING_CPM
        .iter()
        .find(|(l, _)| *l == primary)
        .map(|(_, c)| *c)
        .unwrap_or(DEFAULT_CPM)
        .max(1);
    let chars = text.chars().count() as u64;
    let minutes = chars.div_ceil(cpm as u64);
    u32::try_from(minutes).unwrap_or(u32::MAX).max(1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::options::Options;

    fn doc(html: &str) -> Document {
        Document::parse(html, &Options::default()).expect("parse")
    }

    #[test]
    fn direction_declared_by_lang_and_by_script() {
        assert_eq!(
            direction(&doc("<html dir=rtl><body>Hello</body></html>"), Some("en"), "Hello"),
            "rtl"
        );
        assert_eq!(direction(&doc("<html><body dir='RTL'>x</body></html>"), None, ""), "rtl");
        assert_eq!(
            direction(&doc("<html dir=ltr><body>x</body></html>"), Some("ar"), "مرحبا"),
            "ltr"
        );
        assert_eq!(direction(&doc("<p>x</p>"), Some("ar-MA"), ""), "rtl");
        assert_eq!(direction(&doc("<p>x</p>"), Some("fa_IR"), ""), "rtl");
        assert_eq!(direction(&doc("<p>x</p>"), Some("fr"), "مرحبا بكم"), "ltr");
        assert_eq!(
            direction(&doc("<p>x</p>"), None, "قال الرئيس إن Apple و Google ستستثمران في المغرب"),
            "rtl"
        );
        assert_eq!(direction(&doc("<p>x</p>"), None, "Le président a dit"), "ltr");
    }

    #[test]
    fn guesses_languages() {
        assert_eq!(guess_lang("قال الرئيس إن الحكومة ستعمل على تحسين الأوضاع"), Some("ar"));
        assert_eq!(guess_lang("Президент заявил, что правительство"), Some("ru"));
        assert_eq!(guess_lang("これは日本語の文章です"), Some("ja"));
        assert_eq!(guess_lang("这是一个中文句子"), Some("zh"));
        assert_eq!(guess_lang("Le gouvernement a annoncé que les mesures pour les entreprises sont dans la loi et que la réforme est prête."), Some("fr"));
        assert_eq!(guess_lang("The government said that the measures for the companies are in the law and it was ready."), Some("en"));
        assert_eq!(guess_lang("Die Regierung hat gesagt, dass die Maßnahmen für die Unternehmen nicht im Gesetz sind und es auch wird."), Some("de"));
        assert_eq!(guess_lang("El gobierno dijo que las medidas para los empresas están en la ley y que la reforma es del pueblo."), Some("es"));
        assert_eq!(guess_lang("OK"), None);
        assert_eq!(guess_lang(""), None);
    }

    #[test]
    fn counts_words() {
        assert_eq!(word_count("Hello, world! aujourd'hui well-known 2023"), 5);
        assert_eq!(word_count("قال الرئيس إن الحكومة"), 4);
        assert_eq!(word_count("这是中文"), 4);
        assert_eq!(word_count("  "), 0);
    }

    #[test]
    fn reading_time() {
        let text = "a".repeat(6_000);
        assert_eq!(reading_minutes(&text, Some("fr")), 7);
        assert!(reading_minutes(&text, Some("ar")) > reading_minutes(&text, Some("fr")));
        assert_eq!(reading_minutes(&text, Some("ar-MA")), 10);
        assert_eq!(reading_minutes("", None), 1);
        assert_eq!(reading_minutes(&text, Some("xx")), 7);
    }
}

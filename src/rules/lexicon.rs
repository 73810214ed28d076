//! Per-language word lists (French, Arabic, English, Spanish, German at least).
//! (Placeholder until the metadata branch lands.)

pub fn boilerplate_reason(text: &str) -> Option<&'static str> {
    let t = text.to_lowercase();
    if t.contains("lire l'article depuis sa source") || t.contains("لقراءة الخبر من مصدره") {
        return Some("source link");
    }
    None
}

//! Per-language word lists (French, Arabic, English, Spanish, German at least).

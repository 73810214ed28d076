//! Per-language word lists (French, Arabic, English, Spanish, German at least).
//!
//! Every list is one `const` slice per concept. Entries are written as a reader sees them
//! (accents, hamza, capitals); matching code folds both sides with [`fold`] first, so
//! "Publié", "PUBLIE" and "publie" are the same entry, and so are "اقرأ أيضا" and "إقرأ أيضاً".
//! Adding a word is a one-line change; no algorithm code holds a word of its own.

use std::collections::HashMap;
use std::hash::BuildHasherDefault;
use std::sync::LazyLock;

// ---------------------------------------------------------------------------------------------
// Months
// ---------------------------------------------------------------------------------------------

/// French months and the abbreviations French newspapers print ("janv.", "févr.", "sept.").
/// "mars" and "mai" have no abbreviation. Source: Imprimerie nationale abbreviations, as seen
/// on Le Monde / Maroc Diplomatique date lines.
pub static MONTHS_FR: &[(&str, u8)] = &[
    ("janvier", 1), ("janv", 1),
    ("février", 2), ("fevrier", 2), ("févr", 2), ("fév", 2),
    ("mars", 3),
    ("avril", 4), ("avr", 4),
    ("mai", 5),
    ("juin", 6),
    ("juillet", 7), ("juil", 7),
    ("août", 8), ("aout", 8),
    ("septembre", 9), ("sept", 9),
    ("octobre", 10), ("oct", 10),
    ("novembre", 11), ("nov", 11),
    ("décembre", 12), ("déc", 12),
];

/// English months and their usual short forms ("Jan", "Sept"); used in "January 23, 2023",
/// "23 Jan 2023" and RFC 2822 dates ("Mon, 23 Jan 2023 10:30:00 GMT").
pub static MONTHS_EN: &[(&str, u8)] = &[
    ("january", 1), ("jan", 1),
    ("february", 2), ("feb", 2),
    ("march", 3), ("mar", 3),
    ("april", 4), ("apr", 4),
    ("may", 5),
    ("june", 6), ("jun", 6),
    ("july", 7), ("jul", 7),
    ("august", 8), ("aug", 8),
    ("september", 9), ("sept", 9), ("sep", 9),
    ("october", 10), ("oct", 10),
    ("november", 11), ("nov", 11),
    ("december", 12), ("dec", 12),
];

/// Spanish months ("23 de enero de 2023"); "setiembre" is the Peruvian/Uruguayan spelling.
pub static MONTHS_ES: &[(&str, u8)] = &[
    ("enero", 1), ("ene", 1),
    ("febrero", 2),
    ("marzo", 3),
    ("abril", 4), ("abr", 4),
    ("mayo", 5),
    ("junio", 6),
    ("julio", 7),
    ("agosto", 8), ("ago", 8),
    ("septiembre", 9), ("setiembre", 9),
    ("octubre", 10),
    ("noviembre", 11),
    ("diciembre", 12), ("dic", 12),
];

/// German months ("23. Januar 2023"); "Jänner" is the Austrian form, "Mrz" a common short form.
pub static MONTHS_DE: &[(&str, u8)] = &[
    ("januar", 1), ("jänner", 1),
    ("februar", 2),
    ("märz", 3), ("mrz", 3),
    ("april", 4),
    ("mai", 5),
    ("juni", 6),
    ("juli", 7),
    ("august", 8),
    ("september", 9),
    ("oktober", 10), ("okt", 10),
    ("november", 11),
    ("dezember", 12), ("dez", 12),
];

/// Italian and Portuguese months: the trafilatura dev set has Italian and Portuguese pages whose
/// only date is visible text.
pub static MONTHS_IT_PT: &[(&str, u8)] = &[
    ("gennaio", 1), ("febbraio", 2), ("marzo", 3), ("aprile", 4), ("maggio", 5), ("giugno", 6),
    ("luglio", 7), ("settembre", 9), ("ottobre", 10), ("dicembre", 12),
    ("janeiro", 1), ("fevereiro", 2), ("março", 3), ("maio", 5), ("junho", 6), ("julho", 7),
    ("setembro", 9), ("outubro", 10), ("novembro", 11), ("dezembro", 12),
];

/// Arabic month names. Three naming systems are in daily use for the Gregorian calendar:
/// - Egypt / Gulf (MSA transliterations): يناير، فبراير… with spelling variants (أبريل/إبريل,
///   يونيه/يونيو, يوليه/يوليو, أغسطس);
/// - Morocco (from French): ماي، يوليوز، غشت، شتنبر، نونبر، دجنبر; Algeria / Tunisia: جانفي،
///   فيفري، أفريل، جوان، جويلية، أوت;
/// - Levant / Iraq (Syriac): كانون الثاني، شباط، آذار، نيسان، أيار، حزيران، تموز، آب، أيلول،
///   تشرين الأول، تشرين الثاني، كانون الأول.
///
/// Two-word names come first: a matcher trying entries in order must see "كانون الثاني" before
/// it could stop at "كانون".
pub static MONTHS_AR: &[(&str, u8)] = &[
    ("كانون الثاني", 1), ("تشرين الأول", 10), ("تشرين الثاني", 11), ("كانون الأول", 12),
    ("يناير", 1), ("جانفي", 1),
    ("فبراير", 2), ("فيفري", 2), ("شباط", 2),
    ("مارس", 3), ("آذار", 3),
    ("أبريل", 4), ("إبريل", 4), ("أفريل", 4), ("نيسان", 4),
    ("مايو", 5), ("ماي", 5), ("أيار", 5),
    ("يونيو", 6), ("يونيه", 6), ("جوان", 6), ("حزيران", 6),
    ("يوليو", 7), ("يوليه", 7), ("يوليوز", 7), ("جويلية", 7), ("تموز", 7),
    ("أغسطس", 8), ("غشت", 8), ("أوت", 8), ("آب", 8),
    ("سبتمبر", 9), ("شتنبر", 9), ("أيلول", 9),
    ("أكتوبر", 10),
    ("نوفمبر", 11), ("نونبر", 11),
    ("ديسمبر", 12), ("دجنبر", 12),
];

/// Every month list, in the order a date matcher should try them (longest names first is
/// enforced by the matcher, not by this order).
pub static ALL_MONTHS: &[&[(&str, u8)]] = &[MONTHS_FR, MONTHS_EN, MONTHS_ES, MONTHS_DE, MONTHS_IT_PT, MONTHS_AR];

// ---------------------------------------------------------------------------------------------
// Date lines, source lines, bylines
// ---------------------------------------------------------------------------------------------

/// Phrases that open a visible publication/update line ("Publié dans Maroc Diplomatique le 23 -
/// 01 - 2023", "نشر في 23 يناير 2023"). A short block that starts with one of these and holds a
/// date is metadata, not article text: it is read into `published` and leaves the body.
pub static DATE_LINE_PREFIXES: &[&str] = &[
    "Publié dans", "Publié le", "Publié par", "Publié", "Mis à jour le", "Mis à jour", "Modifié le", "Paru le",
    "Published on", "Published", "Posted on", "Posted", "Updated on", "Updated", "Last updated", "First published",
    "نشر في", "نشر بتاريخ", "نشر يوم", "تاريخ النشر", "آخر تحديث", "تم النشر", "نُشر في",
    "Veröffentlicht am", "Veröffentlicht", "Aktualisiert am", "Erstellt am", "Publiziert am", "Datum:", "Stand:", "Date:",
    "Publicado el", "Publicado", "Actualizado el", "Actualizado",
    "Pubblicato il", "Pubblicato", "Aggiornato il",
];

/// Words that introduce the publisher's name in a source line: "Publié dans <X> le <date>",
/// "Published in <X> on <date>", "نشر في <X> بتاريخ <date>". The text between this phrase and
/// [`SOURCE_LINE_DATE_JOINERS`] is the source's name.
pub static SOURCE_LINE_PREFIXES: &[&str] = &["Publié dans", "Paru dans", "Source :", "Source:", "Published in", "Publicado en", "Veröffentlicht in", "نشر في"];

/// Words between a source's name and the date in a source line.
pub static SOURCE_LINE_DATE_JOINERS: &[&str] = &["le", "on", "el", "am", "بتاريخ", "يوم", ","];

/// Prefixes of a visible byline, stripped before splitting names. Longest first so "Written by"
/// wins over "by". Sources: English/French/German/Spanish/Arabic news sites ("بقلم" = "by the pen
/// of", "كتب" = "wrote").
pub static BYLINE_PREFIXES: &[&str] = &[
    "Written by", "Posted by", "Published by", "Reported by", "Story by", "Words by", "Text by", "By",
    "Texte :", "Texte:", "Auteur :", "Auteur:", "Auteurs :", "Propos recueillis par", "Écrit par", "Rédigé par", "Publié par", "Par",
    "Ein Artikel von", "Ein Beitrag von", "Geschrieben von", "Verfasst von", "Gespeichert von", "Eingestellt von", "Erstellt von", "Veröffentlicht von",
    "Autorin:", "Autoren:", "Autoren", "Autor:", "Redaktion:", "Text:", "Von",
    "Submitted by",
    "Escrito por", "Autor:", "Por",
    "Scritto da",
    "بقلم", "كتبه", "كتبته", "كتب", "كتبت", "إعداد", "بواسطة",
];

/// Labels naming a page's publication date, not its modification date: in a block listing
/// several dates, metadata reads the one after such a label ("Erschienen am: 01.11.2023").
pub static PUBLISHED_LABELS: &[&str] = &[
    "Erschienen am", "Veröffentlicht am", "Publiziert am", "Publié le", "Paru le", "Published on", "First published",
    "Publicado el", "Pubblicato il", "تاريخ النشر", "نشر في", "نشر بتاريخ",
];

/// Labels printed before the author's name in its own element ("<span>Autor:</span> Fritz
/// Imhof", "<h4>Author</h4><p>Jane Doe</p>", "<span>By</span><a>Jane Doe</a>"); compared on the
/// whole folded text, colon trimmed.
pub static AUTHOR_LABELS: &[&str] = &[
    "Autor", "Autorin", "Autoren", "Author", "Authors", "Auteur", "Auteurs", "Autor/in", "Written by", "Verfasser", "Verfasst von", "Escrito por", "Autora", "الكاتب", "المؤلف",
    "By", "Par", "Von", "Por", "بقلم",
];

/// Labels of a press release's contact person ("<strong>Pressekontakt</strong><br>Dr. Jana
/// Roth<br>Tel. …", "<div>Kontakt:</div><p>Jan Koch</p>"): read like [`AUTHOR_LABELS`], but only
/// as the last source of a person's name, before the publication signs the page.
pub static CONTACT_LABELS: &[&str] = &[
    "Kontakt", "Pressekontakt", "Medienkontakt", "Ansprechpartner", "Ansprechpartnerin", "Contact", "Press contact", "Media contact",
    "Contact presse", "Contact médias", "Contacto", "Contacto de prensa", "Contatto stampa", "للتواصل", "جهة الاتصال",
];

/// Byline words that follow a date inside a line ("Posted on March 3, 2021 by Jane Doe",
/// "06.11.2023 13:30 von Olga"), matched as whole words, case-insensitively.
pub static INNER_BYLINE_WORDS: &[&str] = &["by", "von", "par", "por"];

/// Phrases that join an interview's guest and host in a byline ("Richard David Precht im
/// Gespräch mit Karin Fischer"): both are named, as two authors. Matched in lower case, mid-line.
pub static INTERVIEW_JOINERS: &[&str] = &[
    "im Gespräch mit", "im Interview mit", "in conversation with", "en conversation avec", "en entretien avec",
    "en conversación con", "en diálogo con", "في حوار مع", "في حديث مع",
];

/// Lower-case words inside personal names ("Anna von der Heide", "José de la Cruz", "Ahmed
/// bin Salman"): a visible byline's names are otherwise capitalised word by word.
pub static NAME_PARTICLES: &[&str] = &["von", "van", "der", "den", "de", "del", "della", "di", "da", "dos", "das", "du", "la", "le", "zu", "ten", "ter", "bin", "ibn", "al", "el", "y"];

/// Conjunctions between author names: "A, B and C", "A et B", "A و B", "A und B", "A y B".
/// Only matched as whole words with spaces around them.
pub static NAME_CONJUNCTIONS: &[&str] = &["and", "&", "et", "und", "y", "e", "و", "with", "avec"];

/// Values seen in author fields that are not a person: they are dropped.
/// Labels that byline widgets print next to the name ("Datum", "Stand", "Follow") end up here
/// when the name itself is a separate element.
pub static NOT_AN_AUTHOR: &[&str] = &[
    "admin", "administrator", "wordpressadmin", "unknown", "anonymous", "staff", "redaction", "rédaction", "editor", "null", "none", "undefined",
    "no author", "author", "authors", "autor", "auteur", "by", "von", "par", "date", "datum", "stand", "follow", "share", "posted", "published",
    // Cloudflare's e-mail obfuscation ("[email protected]"), and source labels whose value is elsewhere.
    "email protected", "quelle", "source",
];

/// Weekday names (fr, en, de, es, ar), full and short: they precede dates in date lines
/// ("lundi 23 janvier 2023", "Mon, 23 Jan 2023") and are trimmed off the end of bylines.
pub static WEEKDAYS: &[&str] = &[
    "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "mon", "tue", "wed", "thu", "fri", "sat", "sun",
    "montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag",
    "lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo",
    "الاثنين", "الإثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد",
];

/// Words that glue a byline to a following date ("Par Jean Dupont le 23 janvier", "By Jane Doe
/// on March 3", "| Updated"). Trimmed off the end of a byline once the date itself is cut.
pub static BYLINE_DATE_GLUE: &[&str] = &[
    "le", "on", "am", "el", "the", "du", "de", "at", "à", "a", "في", "يوم", "بتاريخ",
    "published", "updated", "posted", "publié", "mis", "à jour", "jour", "veröffentlicht", "aktualisiert", "publicado", "actualizado",
    "-", "–", "—", "|", ",", "،", "•", "·", "/", ":",
];

// ---------------------------------------------------------------------------------------------
// Boilerplate
// ---------------------------------------------------------------------------------------------

/// A list of words or phrases as one string, an entry a line (read back with `str::lines`):
/// written like an array, it takes no pointer and length an entry in the WebAssembly module (8
/// bytes each, which gzip hardly shrinks).
macro_rules! lines {
    ($($entry:literal),* $(,)?) => {
        concat!($($entry, "\n"),*)
    };
}

/// One kind of boilerplate and the phrases that mark it.
pub struct BoilerplateGroup {
    /// Shown in the cleaning plan as the reason for hiding the block.
    pub reason: &'static str,
    /// Specific phrases: a short block that *starts* with one, or that one makes up at least
    /// half of, is boilerplate ("Lire aussi : …", "Cliquez ici pour lire l'article depuis sa
    /// source."). One per line ([`lines!`]).
    pub phrases: &'static str,
    /// Words that are also ordinary vocabulary ("Share", "Cookies", "Related"): they mark a
    /// block only when the block is little more than the word — the word followed by nothing, a
    /// separator (":", "|", "»"…), or at most [`BARE_WORD_MAX_TAIL_WORDS`] more words ("Share
    /// this", "Partager sur Facebook"). "Share prices fell sharply on Monday" stays prose.
    /// Words that often open a headline ("Report", "Ad") are deliberately not bare words. One
    /// per line.
    pub bare_words: &'static str,
}

/// How many words may follow a bare word and still be a widget label ("Partager sur Facebook"
/// = 2). Three already catches headline openings like "Related work shows that".
pub const BARE_WORD_MAX_TAIL_WORDS: usize = 2;

/// A specific phrase that sits anywhere in a block marks it when the phrase is at least this
/// share of the block's characters ("👉 Cliquez ici pour lire l'article depuis sa source").
pub const PHRASE_MIN_SHARE: f32 = 0.5;

/// The boilerplate lexicon, checked in this order (first group that matches gives the reason).
/// Sources: the example news page (source links, report dialog), Readability's `adWords`,
/// trafilatura-dev "without" snippets ("Read more:", "Lesen Sie auch", "LE PUEDE INTERESAR").
pub static BOILERPLATE: &[BoilerplateGroup] = &[
    BoilerplateGroup {
        reason: "source link",
        phrases: lines![
            "Cliquez ici pour lire l'article depuis sa source", "lire l'article depuis sa source", "lire la suite sur",
            "اضغط هنا لقراءة الخبر من مصدره", "لقراءة الخبر من مصدره", "لقراءة المقال من المصدر",
            "Read more at", "Read the full article", "Read the full story", "Click here to read", "Continue reading on",
            "Leer más en", "Lea la nota completa", "Weiterlesen auf", "Mehr lesen auf",
            // Syndication notes: the article "first appeared at" a partner, with a link there.
            "Cet article a été publié initialement", "Cet article est paru initialement", "This article first appeared",
            "This article was originally published", "Originally published at", "Dieser Artikel erschien zuerst",
            "Hier geht es zum Originalartikel", "Zum Originalartikel", "Este artículo fue publicado originalmente",
            "Publicado originalmente en", "نشر هذا المقال أولا",
            // Print notes: the text comes from an issue of the magazine ("Erschienen in …").
            "Erschienen in", "Dieser Beitrag stammt aus", "Dieser Artikel stammt aus", "This article appeared in",
            "This story appeared in", "A version of this article appeared", "Cet article est paru dans", "Article paru dans",
            "Este artículo apareció en", "Artículo publicado en", "نشر هذا المقال في",
        ],
        bare_words: lines!["Fuente", "Quelle", "Source", "المصدر"],
    },
    BoilerplateGroup {
        // A text's apparatus: a source line that holds its sources after the label, the plural
        // and other-language kin of the "Quelle:" line above ("Quellen: dpa, Reuters",
        // "Fuentes: INE", "المصادر: وكالات", pl "Źródło: ISBnews"); the citation box of the
        // print original ("Originalartikel: Hamberger, J. (2021) …"); the toggle that shows or
        // hides a list of sources ("Quellen ausblenden", "Afficher les sources"). Labels with
        // their colon only: a bare "References" or "Sources & links" heads the reference list
        // of an encyclopedia entry or a tutorial, which readability's truth keeps (and a bare
        // "Quellen zufolge …" opens prose). A label alone over its list ("Quellenangaben:")
        // stays with the list (`rules::LABELS_KEPT_OVER_THEIR_LIST`).
        reason: "sources label",
        phrases: lines![
            "Quellen:", "Quellenangaben:", "Quellenangabe:", "Quellenverzeichnis:", "Originalartikel:", "Sources:", "Sources :",
            "Fuentes:", "المصادر:", "Źródło:", "Źródła:",
            "Quellen anzeigen", "Quellen ausblenden", "Show sources", "Hide sources", "Afficher les sources", "Masquer les sources",
            "Mostrar fuentes", "Ocultar fuentes", "عرض المصادر", "إخفاء المصادر",
        ],
        bare_words: lines![],
    },
    BoilerplateGroup {
        reason: "read also",
        phrases: lines![
            "Lire aussi", "À lire aussi", "A lire aussi", "À lire également", "Voir aussi", "Lire également", "Lire la suite",
            "اقرأ أيضا", "اقرأ أيضاً", "إقرأ أيضا", "اقرأ ايضا", "اقرأ المزيد", "مواضيع ذات صلة", "أخبار ذات صلة",
            "Read more", "Read also", "See also", "Related articles", "Related stories", "Related posts", "More on this",
            "Lee también", "Leer también", "Le puede interesar", "Te puede interesar", "Noticias relacionadas",
            "Lesen Sie auch", "Lesen Sie mehr", "Auch interessant", "Mehr zum Thema", "Das könnte Sie auch interessieren",
            "Schon gelesen", "Weitere Artikel", "Neueste Artikel", "Meistgelesen", "Latest articles", "Most read", "Les plus lus",
            "Puedes ver", "Ver también", "Lee además", "Te recomendamos", "الأكثر قراءة",
            "Das könnte dich auch interessieren", "Zum Weiterlesen", "Weitere Beiträge", "Auch lesen", "Vous aimerez aussi",
            "Vous aimerez peut-être", "À découvrir aussi", "You may also like", "You might also like", "Also read",
            "También te puede interesar", "Más noticias", "قد يعجبك أيضا",
            "Siehe auch", "Lesen Sie hier", "Voir également", "Mira también", "انظر أيضا",
            // Most-discussed and most-shared boxes, beside the most-read ones.
            "Meistdiskutiert", "Meist diskutiert", "Meist-diskutiert", "Meistkommentiert", "Meist kommentiert", "Meistgeteilt",
            "Most discussed", "Most commented", "Most shared", "Les plus commentés", "Les plus partagés", "Lo más comentado",
            "Más comentadas", "Más comentados", "Lo más compartido", "الأكثر تعليقا", "الأكثر مشاركة",
            // Labels over links (or videos) on the story's topic.
            "Mehr lesen", "Leer más", "Zum Thema", "Artikel und Videos zum Thema", "Videos zum Thema", "Sur le même sujet",
            "vidéos sur le sujet", "On the same topic", "More on this topic", "Sobre el mismo tema", "Más sobre este tema",
            "حول نفس الموضوع",
        ],
        bare_words: lines!["Related", "À lire", "Weiterlesen"],
    },
    BoilerplateGroup {
        reason: "share bar",
        phrases: lines!["Partager cet article", "Partager sur", "Share this article", "Share this story", "Share on", "Share this", "Den Artikel mit anderen teilen", "شارك المقال", "شارك الخبر", "Compartir en", "Teilen auf", "Artikel teilen"],
        bare_words: lines!["Partager", "Partagez", "Share", "Tweet", "شارك", "مشاركة", "Compartir", "Teilen"],
    },
    BoilerplateGroup {
        reason: "newsletter",
        phrases: lines![
            "Inscrivez-vous à notre newsletter", "Abonnez-vous à notre newsletter", "Recevez notre newsletter",
            "Sign up for our newsletter", "Subscribe to our newsletter", "Get our newsletter", "Sign up for the",
            "اشترك في النشرة", "اشترك في نشرتنا", "Suscríbete a nuestro", "Suscríbete", "Newsletter abonnieren", "Jetzt abonnieren",
            // Invitations that open on the newsletter or on the promise of missing nothing.
            "Mit unserem Newsletter", "Avec notre newsletter", "With our newsletter", "Con nuestro boletín", "Con nuestra newsletter",
            "Never miss", "Don't miss out", "Verpassen Sie keine", "Verpasse keine", "Nichts mehr verpassen", "Nichts mehr versäumen", "Ne manquez aucun",
            "Ne ratez aucun", "Ne manquez rien", "No te pierdas ninguna", "No te pierdas nada", "لا تفوت أي",
        ],
        bare_words: lines!["Subscribe", "S'abonner", "Abonnez-vous", "اشترك"],
    },
    BoilerplateGroup {
        // Paywall notes: the rest of the story is for subscribers. Below the teaser, such a note
        // takes the wall's pitch after it along (see `rules::PAYWALL_PITCH_MAX_SHARE`).
        reason: "paywall",
        phrases: lines![
            "To view the full story", "Subscribe now to", "Already a subscriber", "Réservé aux abonnés", "Abonnez-vous pour lire",
            "Dieser Artikel ist nur für Abonnenten", "Para seguir leyendo", "Contenido exclusivo para suscriptores",
            "Déjà abonné", "Sie sind bereits Abonnent", "Bereits Abonnent", "¿Ya eres suscriptor", "Ya eres suscriptor",
            "للمشتركين فقط", "هل أنت مشترك",
        ],
        bare_words: lines![],
    },
    BoilerplateGroup {
        // The publisher's pitch for its app or for reader support, set between or after the
        // paragraphs ("Get the latest news straight to your phone with our app", "Unterstütze uns").
        reason: "promotion",
        phrases: lines![
            "Get the latest news", "For the latest news", "For the latest stories", "Download our app", "Download the app",
            "Get our app", "Téléchargez notre application", "Téléchargez l'application", "Laden Sie unsere App", "Hol dir die App",
            "Unsere App", "Descarga nuestra app", "Descarga la app", "Descargue nuestra aplicación", "حمل تطبيق",
            "Support us", "Support our work", "Support independent journalism", "We rely on your support", "Soutenez-nous",
            "Soutenez notre", "Unterstütze", "Unterstützen Sie uns", "Unterstützen Sie unsere", "Apóyanos", "Apoya nuestro",
            "Apoya el periodismo", "ادعمنا",
        ],
        bare_words: lines![],
    },
    BoilerplateGroup {
        reason: "cookie banner",
        phrases: lines![
            "Nous utilisons des cookies", "Ce site utilise des cookies", "We use cookies", "This site uses cookies", "This website uses cookies",
            "نستخدم ملفات تعريف الارتباط", "Utilizamos cookies", "Este sitio utiliza cookies", "Wir verwenden Cookies", "Diese Website verwendet Cookies",
            // The label of an embed's stand-in (a post, a video, a map) that loads only after
            // consent: the label goes, not the embed.
            "Empfohlener redaktioneller Inhalt", "Externer Inhalt", "Inhalte von Drittanbietern", "External content", "Third-party content",
            "Contenu externe", "Contenu tiers", "Contenido externo", "Contenido de terceros", "محتوى خارجي",
        ],
        bare_words: lines!["Cookies", "Accept cookies"],
    },
    BoilerplateGroup {
        reason: "comments",
        phrases: lines![
            "Show reader comments", "Show comments", "View comments", "Read comments", "Leave a comment", "Voir les commentaires",
            "Afficher les commentaires", "Laisser un commentaire", "Réagir à cet article", "Kommentare anzeigen",
            "Kommentar schreiben", "Ver comentarios", "Deja un comentario", "أضف تعليقا", "عرض التعليقات",
            // A post's comment status and feed links, and the count over a comment list.
            "Comments are closed", "Comments closed", "Comments feed", "Comments RSS", "Total comments", "Kommentare geschlossen",
            "Kommentarfeed", "Kommentare insgesamt", "Les commentaires sont fermés", "Commentaires fermés", "Flux des commentaires",
            "Los comentarios están cerrados", "Comentarios cerrados", "التعليقات مغلقة",
        ],
        bare_words: lines!["Comments", "Commentaires", "Kommentare", "Comentarios", "التعليقات"],
    },
    BoilerplateGroup {
        reason: "author box",
        phrases: lines!["Über den Autor", "Über die Autorin", "About the author", "À propos de l'auteur", "Sobre el autor", "Sobre la autora", "عن الكاتب"],
        bare_words: lines![],
    },
    BoilerplateGroup {
        // The estimated reading time printed beside the date ("8 min read", "Lesezeit: 2 Minuten").
        reason: "reading time",
        phrases: lines![
            "min read", "minute read", "minutes read", "Reading time", "Read time", "Temps de lecture", "min de lecture",
            "minutes de lecture", "Lecture :", "Lesezeit", "Lesedauer", "Min. Lesezeit", "Minuten Lesezeit", "Tiempo de lectura",
            "min de lectura", "minutos de lectura", "Tempo de leitura", "Ten tekst przeczytasz", "وقت القراءة", "دقائق للقراءة",
            "دقيقة للقراءة", "مدة القراءة",
        ],
        bare_words: lines![],
    },
    BoilerplateGroup {
        // A date's label in a block of its own, the date itself beside it ("Release date:"):
        // the date is metadata, read apart; the label is not the story.
        reason: "date line",
        phrases: lines![],
        bare_words: lines![
            "Release date", "Publication date", "Date de publication", "Date de parution", "Fecha de publicación",
            "Veröffentlichungsdatum", "Erscheinungsdatum", "تاريخ النشر", "Opublikowano",
        ],
    },
    BoilerplateGroup {
        reason: "image note",
        phrases: lines!["Zum Vergrößern", "Click to enlarge", "Cliquez pour agrandir", "Haga clic para ampliar", "انقر للتكبير"],
        bare_words: lines![],
    },
    BoilerplateGroup {
        reason: "report dialog",
        phrases: lines!["Merci d'avoir signalé", "signaler cette image", "Signaler un abus", "Report this image", "Thanks for reporting", "Report an error", "شكرا على الإبلاغ", "الإبلاغ عن"],
        bare_words: lines!["Signaler"],
    },
    BoilerplateGroup {
        reason: "navigation",
        phrases: lines![
            "Back to top", "Back to list", "Load more", "Retour en haut", "Retour à la liste", "Charger plus", "Zurück nach oben",
            "zurück zur", "Lade weitere Inhalte", "Mehr laden", "Volver arriba", "Cargar más", "العودة إلى", "تحميل المزيد",
        ],
        bare_words: lines![],
    },
    BoilerplateGroup {
        // The page's own tools over or under the text: print it, save it as PDF, its permalink.
        reason: "page tools",
        phrases: lines![
            "Rezept drucken", "Artikel drucken", "Seite drucken", "Print recipe", "Print this article", "Print this page",
            "Imprimer la recette", "Imprimer l'article", "Imprimer cette page", "Imprimir receta", "Imprimir la receta",
            "Imprimir artículo", "طباعة الوصفة", "طباعة المقال", "als PDF herunterladen", "Als PDF speichern", "Download as PDF",
            "Save as PDF", "Télécharger en PDF", "Télécharger le PDF", "Descargar en PDF", "Descargar PDF", "تحميل PDF",
        ],
        bare_words: lines!["Permalink", "Permalien", "Enlace permanente", "الرابط الدائم"],
    },
    BoilerplateGroup {
        reason: "feedback",
        phrases: lines![
            "Was this article helpful", "Did you find this article useful", "Rate this article", "We want to hear what you think",
            "Cet article vous a-t-il été utile", "Notez cet article", "Gefällt Ihnen dieser Artikel", "Artikel gefallen",
            "War dieser Artikel hilfreich", "Bewerten Sie diesen Artikel", "Hier können Sie den Artikel bewerten",
            "Te ha resultado útil", "Valora este artículo", "هل كان هذا المقال مفيدا", "قيم هذا المقال",
        ],
        bare_words: lines![],
    },
    BoilerplateGroup {
        // A shop's notice that the product went into the basket, left on the page by its script.
        reason: "shop notice",
        phrases: lines![
            "a été ajouté à votre panier", "a bien été ajouté au panier", "ajouté au panier", "تمت إضافة المنتج إلى السلة",
            "has been added to your cart", "was added to your cart", "has been added to your basket", "added to your cart",
            "se ha añadido a tu carrito", "se añadió al carrito", "añadido al carrito", "agregado al carrito",
            "wurde erfolgreich hinzugefügt", "wurde dem Warenkorb hinzugefügt", "wurde zum Warenkorb hinzugefügt",
            "wurde in den Warenkorb gelegt", "wurde erfolgreich in den Warenkorb gelegt",
        ],
        bare_words: lines![],
    },
    BoilerplateGroup {
        // Copyright, licence and opinion notes under a text.
        reason: "page note",
        phrases: lines![
            "All rights reserved", "Tous droits réservés", "Alle Rechte vorbehalten", "Todos los derechos reservados", "جميع الحقوق محفوظة",
            "This work is licensed under", "Dieser Text wurde veröffentlicht unter der Lizenz", "Sofern nicht anders ausgewiesen",
            "Ce texte est publié sous licence", "The views expressed", "Les opinions exprimées", "Dieser Beitrag gibt die Meinung",
            "Las opiniones expresadas", "الآراء الواردة",
        ],
        bare_words: lines![],
    },
    BoilerplateGroup {
        // A label over contacts, links or credits, not over the story ("Kontakt:", "Titelbild: …").
        reason: "image note",
        phrases: lines![
            "Titelbild:", "Foto:", "Fotos:", "Bild:", "Photo:",
            "Photo :", "Imagen:", "Image:", "Image :", "صورة:",
        ],
        bare_words: lines![],
    },
    BoilerplateGroup {
        reason: "section label",
        phrases: lines![
            "Kontakt:", "Contact:", "Contact :", "Contacto:", "More information:", "Plus d'informations :", "Más información:", "للمزيد من المعلومات:",
            // A pointer to another site for more ("Weitere Infos unter www.…").
            "Weitere Infos unter", "Weitere Informationen unter", "Mehr Infos unter", "More information at", "More info at",
            "Plus d'informations sur", "Plus d'infos sur", "Más información en", "للمزيد من المعلومات على",
        ],
        // German labels that do not open prose.
        bare_words: lines!["Pressekontakt", "Weitere Informationen", "Zusatzinformationen", "Zur Person"],
    },
    BoilerplateGroup {
        reason: "advertisement",
        phrases: lines!["Contenu sponsorisé", "Sponsored content", "Paid content", "Contenido patrocinado", "محتوى مدفوع"],
        bare_words: lines!["Publicité", "Advertisement", "Anzeige", "Werbung", "Publicidad", "إعلان", "Sponsored", "Sponsorisé", "Annonce"],
    },
];

/// Why `block_text` is boilerplate, or `None`. The caller passes the text of a SHORT block
/// (under ~200 characters). Matching is case-insensitive, whitespace-normalised and tolerant of
/// accents, NBSP, curly apostrophes and Arabic hamza/tashkeel variants (see [`fold`]).
///
/// The rule, so that prose is never hit: a specific phrase must START the block (after leading
/// punctuation/symbols such as "►", "»", emoji) or make up at least [`PHRASE_MIN_SHARE`] of it; a
/// bare word must start the block and be followed by nothing, a separator, or at most
/// [`BARE_WORD_MAX_TAIL_WORDS`] words. "He refused to share the cookies" matches nothing.
pub fn boilerplate_reason(block_text: &str) -> Option<&'static str> {
    // "© 2023 …" under a text is its copyright line, in any language.
    if block_text.trim_start().starts_with(COPYRIGHT_SIGN) {
        return Some("page note");
    }
    let folded_text = fold(block_text);
    // Leading symbols go ("►", "»", emoji); trailing ones stay for label phrases ("Kontakt:").
    let from_start = folded_text.trim_start_matches(|c: char| !c.is_alphanumeric());
    let text = from_start.trim_end_matches(|c: char| !c.is_alphanumeric());
    if text.is_empty() {
        return None;
    }
    let text_chars = text.chars().count();
    // The answer is the first group with a match, so every entry of a later group than the best
    // so far is skipped; entries are looked up by their first byte where the text may match.
    let index = &*BOILERPLATE_INDEX;
    let mut best = usize::MAX;
    let first = text.as_bytes()[0];
    for e in &index.phrases[first as usize] {
        if e.group < best && starts_with_word(from_start, &e.text) {
            best = e.group;
        }
    }
    for e in &index.bare_words[first as usize] {
        if e.group < best && starts_with_word(text, &e.text) {
            let tail = text.get(e.text.len()..).unwrap_or("").trim_start();
            let tail_is_separator = tail.starts_with(|c: char| SEPARATORS.contains(&c));
            let tail_words = tail.split(' ').filter(|t| t.chars().any(char::is_alphanumeric)).count();
            if tail.is_empty() || tail_is_separator || tail_words <= BARE_WORD_MAX_TAIL_WORDS {
                best = e.group;
            }
        }
    }
    // Inside the block, a phrase counts only when it is most of it; it may start after any
    // non-alphanumeric character.
    let mut prev_alnum = false;
    for (at, c) in text.char_indices() {
        if !prev_alnum {
            for e in &index.phrases[text.as_bytes()[at] as usize] {
                if e.group < best && e.chars as f32 >= PHRASE_MIN_SHARE * text_chars as f32 && word_at(text, at, &e.text) {
                    best = e.group;
                }
            }
        }
        prev_alnum = c.is_alphanumeric();
    }
    BOILERPLATE.get(best).map(|g| g.reason)
}

const COPYRIGHT_SIGN: char = '©';

/// One folded phrase or bare word of [`BOILERPLATE`], with its group's position.
struct Entry {
    group: usize,
    text: String,
    chars: usize,
}

/// [`BOILERPLATE`] folded once and bucketed by first byte: a block is compared only with the
/// entries that can match where it starts (scanning all ~200 phrases per block was most of
/// the boilerplate test's time).
struct BoilerplateIndex {
    phrases: Vec<Vec<Entry>>,
    bare_words: Vec<Vec<Entry>>,
}

static BOILERPLATE_INDEX: LazyLock<BoilerplateIndex> = LazyLock::new(|| {
    let mut index = BoilerplateIndex { phrases: (0..256).map(|_| Vec::new()).collect(), bare_words: (0..256).map(|_| Vec::new()).collect() };
    for (group, g) in BOILERPLATE.iter().enumerate() {
        for (list, words) in [(&mut index.phrases, g.phrases), (&mut index.bare_words, g.bare_words)] {
            for text in words.lines().map(fold).filter(|w| !w.is_empty()) {
                let chars = text.chars().count();
                list[text.as_bytes()[0] as usize].push(Entry { group, text, chars });
            }
        }
    }
    index
});

/// Characters that, right after a bare word, show it is a label ("Partager :", "Related »").
const SEPARATORS: &[char] = &[':', '|', '»', '›', '>', '-', '–', '—', '…', '/', '·', '•', '(', '['];

/// True when `text` starts with `prefix` and the prefix ends at a word boundary.
fn starts_with_word(text: &str, prefix: &str) -> bool {
    // The first byte decides for almost every phrase of the lexicon.
    if prefix.as_bytes().first() != text.as_bytes().first() || prefix.is_empty() || !text.starts_with(prefix) {
        return false;
    }
    let next = text.get(prefix.len()..).and_then(|r| r.chars().next());
    !matches!(next, Some(c) if c.is_alphanumeric())
}

/// True when `needle` is at byte `at` of `hay` and ends at a word boundary.
fn word_at(hay: &str, at: usize, needle: &str) -> bool {
    hay.as_bytes()[at..].starts_with(needle.as_bytes()) && !matches!(hay.get(at + needle.len()..).and_then(|r| r.chars().next()), Some(c) if c.is_alphanumeric())
}

// ---------------------------------------------------------------------------------------------
// Stop words for language guessing
// ---------------------------------------------------------------------------------------------

/// The most frequent function words of each Latin-script language the guesser knows. Each list
/// avoids words shared with another list where possible ("de" is French, Spanish, Portuguese and
/// Dutch, so it is in none), so that counts separate the languages. Source: the top of the
/// Leipzig corpora frequency lists.
pub static STOP_WORDS: &[(&str, &[&str])] = &[
    ("fr", &["le", "la", "les", "et", "des", "du", "une", "est", "pour", "dans", "qui", "que", "pas", "sur", "au", "avec", "sont", "ce", "il", "aux", "cette", "mais", "ou", "nous", "leur"]),
    ("en", &["the", "and", "of", "to", "is", "in", "that", "it", "was", "for", "on", "are", "with", "as", "this", "be", "at", "by", "have", "from", "which", "were", "has", "they"]),
    ("de", &["der", "die", "und", "das", "ist", "nicht", "den", "von", "zu", "mit", "sich", "des", "auf", "für", "im", "dem", "eine", "ein", "auch", "es", "wird", "sind", "wie"]),
    ("es", &["el", "los", "las", "y", "del", "que", "por", "una", "con", "para", "es", "su", "se", "al", "lo", "como", "más", "pero", "sus", "fue", "está", "también"]),
    ("it", &["il", "di", "che", "è", "della", "per", "un", "non", "sono", "gli", "nel", "alla", "con", "dei", "delle", "anche", "più", "come", "ma", "questo", "degli"]),
    ("pt", &["o", "os", "do", "da", "em", "um", "não", "uma", "com", "para", "dos", "das", "no", "na", "ao", "mais", "foi", "pelo", "pela", "também", "são", "seu"]),
    ("nl", &["het", "een", "van", "en", "niet", "dat", "zijn", "op", "te", "met", "voor", "ook", "aan", "er", "wordt", "maar", "bij", "worden", "deze", "naar", "uit"]),
];

// ---------------------------------------------------------------------------------------------
// Folding
// ---------------------------------------------------------------------------------------------

/// Folds text for lexicon matching: lower case; accents removed from Latin letters; NBSP and
/// every Unicode space to one ASCII space (runs collapsed, ends trimmed); curly apostrophes and
/// quotes to ASCII; Arabic alef with hamza/madda to bare alef, alef maqsura to ya, tashkeel and
/// tatweel removed; Arabic-Indic and Persian digits to ASCII digits.
pub fn fold(s: &str) -> String {
    // Folding never lengthens ASCII, the most of any text: room for it up front.
    let mut f = Folder { out: String::with_capacity(s.len()), pending_space: false };
    for c in s.chars() {
        f.push(c);
    }
    f.out
}

/// [`fold`] one character at a time, so that a caller can stop as soon as it has seen enough
/// (a prefix test need not fold a whole paragraph, nor re-fold a growing prefix).
#[derive(Default)]
pub struct Folder {
    pub out: String,
    pending_space: bool,
}

impl Folder {
    #[inline]
    pub fn push(&mut self, c: char) {
        if c.is_whitespace() || c == '\u{200b}' || c == '\u{feff}' {
            self.pending_space = !self.out.is_empty();
            return;
        }
        // Arabic tashkeel (fathatan..sukun, superscript alef) and tatweel carry no letter.
        if ('\u{064B}'..='\u{0652}').contains(&c) || c == '\u{0670}' || c == '\u{0640}' {
            return;
        }
        if self.pending_space {
            self.out.push(' ');
            self.pending_space = false;
        }
        // ASCII first: its lower case is one byte and only '`' folds to something else.
        if c.is_ascii() && c != '`' {
            self.out.push(c.to_ascii_lowercase());
            return;
        }
        match fold_char(c) {
            Some(f) => self.out.push(f),
            None => crate::lower::push_lower(c, &mut self.out),
        }
    }
}

/// Every word and phrase of this lexicon, folded once (they are compared with folded page
/// text thousands of times per page; folding the constants each time was most of the core's time).
static FOLDED: LazyLock<HashMap<(usize, usize), String, BuildHasherDefault<AddressHasher>>> = LazyLock::new(|| {
    let mut m = HashMap::default();
    let lists: &[&[&'static str]] = &[
        DATE_LINE_PREFIXES, SOURCE_LINE_PREFIXES, SOURCE_LINE_DATE_JOINERS, BYLINE_PREFIXES, NAME_CONJUNCTIONS,
        NOT_AN_AUTHOR, WEEKDAYS, BYLINE_DATE_GLUE, AUTHOR_LABELS, CONTACT_LABELS,
    ];
    for list in lists {
        for w in list.iter() {
            m.insert(key(w), fold(w));
        }
    }
    for months in ALL_MONTHS {
        for (w, _) in months.iter() {
            m.insert(key(w), fold(w));
        }
    }
    for g in BOILERPLATE {
        for w in g.phrases.lines().chain(g.bare_words.lines()) {
            m.insert(key(w), fold(w));
        }
    }
    m
});

/// A constant's identity: its address and length (string constants live for the whole run).
fn key(s: &'static str) -> (usize, usize) {
    (s.as_ptr() as usize, s.len())
}

/// Hashes a [`key`] as the numbers it is: addresses are already spread out, and SipHash over
/// the text was a visible share of the core's time.
#[derive(Default)]
struct AddressHasher(u64);

impl std::hash::Hasher for AddressHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 = self.0.rotate_left(8) ^ u64::from(*b);
        }
    }
    fn write_usize(&mut self, n: usize) {
        self.0 = (self.0.rotate_left(29) ^ n as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }
}

/// The folded form of a constant word or phrase: from the memo for the lexicon's own entries.
pub fn folded(s: &'static str) -> std::borrow::Cow<'static, str> {
    match FOLDED.get(&key(s)) {
        Some(f) => std::borrow::Cow::Borrowed(f.as_str()),
        None => std::borrow::Cow::Owned(fold(s)),
    }
}

/// The one-character folding of `c`, when it has one (accents, Arabic letters, digits, quotes).
fn fold_char(c: char) -> Option<char> {
    Some(match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' => 'a',
        'ç' | 'Ç' => 'c',
        'è' | 'é' | 'ê' | 'ë' | 'È' | 'É' | 'Ê' | 'Ë' => 'e',
        'ì' | 'í' | 'î' | 'ï' | 'Ì' | 'Í' | 'Î' | 'Ï' => 'i',
        'ñ' | 'Ñ' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' => 'o',
        'ù' | 'ú' | 'û' | 'ü' | 'Ù' | 'Ú' | 'Û' | 'Ü' => 'u',
        'ý' | 'ÿ' | 'Ý' => 'y',
        '’' | '‘' | '`' | '´' | 'ʼ' => '\'',
        '“' | '”' | '«' | '»' | '„' => '"',
        'أ' | 'إ' | 'آ' | 'ٱ' => 'ا',
        'ى' => 'ي',
        '٠'..='٩' => char::from(b'0' + (c as u32 - '٠' as u32) as u8),
        '۰'..='۹' => char::from(b'0' + (c as u32 - '۰' as u32) as u8),
        _ => return None,
    })
}

// m10: metadata.

/// Labels of a news story's closing credit line, "Quelle: MDR THÜRINGEN/ls", "Source : AFP",
/// "Fuente: EFE", "المصدر: وكالات": the label, a colon, then the desk or agency that wrote the
/// story (de, fr, en, es, it/pt, ar). Read as the author only when the page names no writer.
pub static CREDIT_LINE_LABELS: &[&str] = &["Quelle", "Source", "Fuente", "Fonte", "المصدر"];

/// Words that open an author box's heading before the name: "Über Miriam Hofstetter", "À
/// propos de Claire Martin", "About Jane Doe" (de, fr, en, es, pt, ar). Longest first.
pub static AUTHOR_BOX_HEADING_PREFIXES: &[&str] =
    &["À propos de", "A propos de", "Acerca de", "نبذة عن", "About", "Über", "Sobre", "عن"];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fold_handles_accents_arabic_and_digits() {
        assert_eq!(fold("  Publié\u{a0}dans  "), "publie dans");
        assert_eq!(fold("إقرأ أيضاً"), fold("اقرأ ايضا"));
        assert_eq!(fold("٢٣ ۲۰۲۳"), "23 2023");
        assert_eq!(fold("l’article"), "l'article");
    }

    #[test]
    fn boilerplate_positives() {
        assert_eq!(boilerplate_reason("Cliquez ici pour lire l’article depuis sa source."), Some("source link"));
        assert_eq!(boilerplate_reason("اضغط هنا لقراءة الخبر من مصدره"), Some("source link"));
        assert_eq!(boilerplate_reason("Lire aussi : Le Maroc et l'UE signent un accord"), Some("read also"));
        assert_eq!(boilerplate_reason("► À LIRE AUSSI"), Some("read also"));
        assert_eq!(boilerplate_reason("إقرأ أيضاً: تفاصيل الاتفاق"), Some("read also"));
        assert_eq!(boilerplate_reason("Read more: Looted colonial art"), Some("read also"));
        assert_eq!(boilerplate_reason("Partager"), Some("share bar"));
        assert_eq!(boilerplate_reason("Share this"), Some("share bar"));
        assert_eq!(boilerplate_reason("Nous utilisons des cookies pour améliorer votre expérience."), Some("cookie banner"));
        assert_eq!(boilerplate_reason("Merci d'avoir signalé cette image"), Some("report dialog"));
        assert_eq!(boilerplate_reason("PUBLICITÉ"), Some("advertisement"));
        assert_eq!(boilerplate_reason("Inscrivez-vous à notre newsletter"), Some("newsletter"));
        assert_eq!(boilerplate_reason("Déjà abonné ? Se connecter"), Some("paywall"));
        assert_eq!(boilerplate_reason("To view the full story, please subscribe to The Daily."), Some("paywall"));
        assert_eq!(boilerplate_reason("👉 Cliquez ici pour lire l'article depuis sa source"), Some("source link"));
        assert_eq!(boilerplate_reason("© 2023 Le Littoral. Tous droits réservés."), Some("page note"));
        assert_eq!(boilerplate_reason("· 8 min read"), Some("reading time"));
        assert_eq!(boilerplate_reason("Lesezeit: 2 Minuten"), Some("reading time"));
        assert_eq!(boilerplate_reason("وقت القراءة: 4 دقائق"), Some("reading time"));
        assert_eq!(boilerplate_reason("Les plus commentés"), Some("read also"));
        assert_eq!(boilerplate_reason("Kommentarfeed | Kommentare geschlossen | Trackback-URL"), Some("comments"));
        assert_eq!(boilerplate_reason("Comments are closed."), Some("comments"));
        assert_eq!(boilerplate_reason("Lesen Sie hier: Spielabbruch in der Kreisliga"), Some("read also"));
        assert_eq!(boilerplate_reason("Never miss the latest news by signing up to our newsletter today!"), Some("newsletter"));
        assert_eq!(boilerplate_reason("Externer Inhalt"), Some("cookie banner"));
        assert_eq!(boilerplate_reason("Dieser Beitrag gibt die Meinung des Autors wieder, nicht die der Redaktion."), Some("page note"));
        assert_eq!(boilerplate_reason("Titelbild: Geyres Christophe/ABACA/picture-alliance"), Some("image note"));
        // The label over a list of sources, and its toggle, in several languages; prose that
        // opens on the word stays.
        for label in ["Quellen: dpa, Reuters", "Quellen ausblenden", "Sources : AFP, INSEE", "Fuentes: INE", "المصادر: وكالات", "Źródło: ISBnews"] {
            assert_eq!(boilerplate_reason(label), Some("sources label"), "{label}");
        }
        assert_eq!(boilerplate_reason("Quellen zufolge hat die Regierung den Plan verworfen."), None);
        assert_eq!(boilerplate_reason("Sources close to the minister said the plan was dead."), None);
        assert_eq!(boilerplate_reason("Kontakt:"), Some("section label"));
        assert_eq!(boilerplate_reason("Weitere Informationen"), Some("section label"));
        assert_eq!(boilerplate_reason("War dieser Artikel hilfreich?"), Some("feedback"));
        assert_eq!(boilerplate_reason("zurück zur Listenansicht"), Some("navigation"));
        assert_eq!(boilerplate_reason("Das könnte dich auch interessieren"), Some("read also"));
    }

    #[test]
    fn boilerplate_negatives() {
        assert_eq!(boilerplate_reason("Share prices fell sharply on Monday after the results were published."), None);
        assert_eq!(boilerplate_reason("He refused to share the cookies with his brother."), None);
        assert_eq!(boilerplate_reason("Les cookies de grand-mère sont les meilleurs du quartier, dit-elle."), None);
        assert_eq!(boilerplate_reason("Related work in this field shows that the effect is small."), None);
        assert_eq!(boilerplate_reason("Adidas a annoncé ses résultats."), None);
        assert_eq!(boilerplate_reason(""), None);
        assert_eq!(boilerplate_reason("Le gouvernement a publié un rapport."), None);
        // Words that also open prose or headings: only their label form (with a colon) counts.
        assert_eq!(boilerplate_reason("Contact lenses are safer than they were"), None);
        assert_eq!(boilerplate_reason("Image processing got faster"), None);
        assert_eq!(boilerplate_reason("Foto des Tages"), None);
        assert_eq!(boilerplate_reason("More information is expected on Monday."), None);
    }
}


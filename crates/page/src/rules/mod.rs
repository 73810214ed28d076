//! Every heuristic knob of the core, in one place: thresholds with their unit and reason,
//! token lists per concept, tag sets. Algorithm code names these; it holds no bare numbers
//! or class tokens of its own. Per-language word lists live in [`lexicon`].

#[rustfmt::skip] // word lists laid out by hand, grouped by meaning
pub mod lexicon;

use crate::tags::TagSet;

/// Elements whose text is not prose (raw text or never rendered).
pub static RAW_TEXT_TAGS: TagSet = TagSet::new(&[
    "script", "style", "noscript", "template", "textarea", "title", "xmp", "iframe", "noembed",
    "noframes",
]);

// ---------------------------------------------------------------------------------------------
// Readability.js's constants (reference.md §3.1–3.4). Kept at their upstream values: the
// `readability` dev corpus is Readability's own output, and these values are what it was
// calibrated with. Where we depart, the departure is a separate, named rule below.

/// Tags whose text is scored as a paragraph (`DEFAULT_TAGS_TO_SCORE`).
pub static TAGS_TO_SCORE: &[&str] = &["section", "h2", "h3", "h4", "h5", "h6", "p", "td", "pre"];
/// A div with none of these below it reads as a paragraph (`DIV_TO_P_ELEMS`).
pub static DIV_TO_P_ELEMS: &[&str] =
    &["blockquote", "dl", "div", "img", "ol", "p", "pre", "table", "ul"];
/// Siblings of these tags keep their tag when appended (`ALTER_TO_DIV_EXCEPTIONS`).
pub static ALTER_TO_DIV_EXCEPTIONS: &[&str] = &["div", "article", "section", "p", "ol", "ul"];
/// Inline (phrasing) content: runs of these inside a div are wrapped into a paragraph.
pub static PHRASING_ELEMS: TagSet = TagSet::new(&[
    // `font` is Readability's `span` (it retags fonts before scoring).
    "font", "abbr", "audio", "b", "bdo", "br", "button", "cite", "code", "data", "datalist", "dfn",
    "em", "embed", "i", "img", "input", "kbd", "label", "mark", "math", "meter", "noscript",
    "object", "output", "progress", "q", "ruby", "samp", "script", "select", "small", "span",
    "strong", "sub", "sup", "textarea", "time", "var", "wbr",
]);
/// Roles that mark a block as not the article (`UNLIKELY_ROLES`).
pub static UNLIKELY_ROLES: &[&str] =
    &["menu", "menubar", "complementary", "navigation", "alert", "alertdialog", "dialog"];

/// Class/id substrings of blocks that are unlikely to be content (`unlikelyCandidates`).
pub static UNLIKELY_TOKENS: &[&str] = &[
    "-ad-", "ai2html", "banner", "breadcrumbs", "combx", "comment", "community", "cover-wrap",
    "disqus", "extra", "footer", "gdpr", "header", "legends", "menu", "related", "remark",
    "replies", "rss", "shoutbox", "sidebar", "skyscraper", "social", "sponsor", "supplemental",
    "ad-break", "agegate", "pagination", "pager", "popup", "yom-remote",
];
/// Class/id substrings that rescue an unlikely-looking block (`okMaybeItsACandidate`).
pub static MAYBE_CANDIDATE_TOKENS: &[&str] =
    &["and", "article", "body", "column", "content", "main", "mathjax", "shadow"];
/// Class/id substrings that raise a block's weight by [`CLASS_WEIGHT`] (`positive`).
pub static POSITIVE_TOKENS: &[&str] = &[
    "article", "body", "content", "entry", "hentry", "h-entry", "main", "page", "pagination",
    "post", "text", "blog", "story",
];
/// Class/id substrings that lower a block's weight by [`CLASS_WEIGHT`] (`negative`; the
/// word "hid" is matched as a whole word separately, see [`NEGATIVE_WORDS`]).
pub static NEGATIVE_TOKENS: &[&str] = &[
    "-ad-", "hidden", "banner", "combx", "comment", "com-", "contact", "footer", "gdpr",
    "masthead", "media", "meta", "outbrain", "promo", "related", "scroll", "share", "shoutbox",
    "sidebar", "skyscraper", "sponsor", "shopping", "tags", "widget",
];
/// Whole space-separated words that lower a block's weight.
pub static NEGATIVE_WORDS: &[&str] = &["hid"];
/// Class/id of share widgets removed inside the article (`shareElements`, word-bounded).
pub static SHARE_WORDS: &[&str] = &["share", "sharedaddy"];
/// Share widgets with at least this much text are kept (they are probably content).
pub const SHARE_MAX_TEXT: usize = 500;

/// Weight added or removed per positive/negative class or id.
pub const CLASS_WEIGHT: f32 = 25.0;
/// Paragraphs shorter than this (characters) are not scored.
pub const MIN_PARAGRAPH_CHARS: usize = 25;
/// A paragraph scores at most this many points for its length (one per 100 characters).
pub const MAX_LENGTH_POINTS: f32 = 3.0;
/// A paragraph's score propagates to this many ancestors.
pub const SCORE_ANCESTOR_LEVELS: usize = 5;
/// Link text in `href="#…"` links counts this much toward link density.
pub const HASH_LINK_WEIGHT: f32 = 0.3;
/// Top candidates that agree on a common ancestor make it the article (`MINIMUM_TOPCANDIDATES`).
pub const MIN_TOP_CANDIDATES: usize = 3;
/// Candidates within this ratio of the top score vote for a common ancestor.
pub const ALT_CANDIDATE_RATIO: f32 = 0.75;
/// Twins of the article's block that continue it (select.rs `add_split_twins`) are looked for
/// this many levels up from the chosen block: the wrappers of a grid theme (column, row,
/// container, section).
pub const SPLIT_TWIN_LEVELS: usize = 5;
/// Sibling threshold: at least this score, or this share of the top score.
pub const SIBLING_MIN_SCORE: f32 = 10.0;
pub const SIBLING_SCORE_RATIO: f32 = 0.2;
/// A sibling paragraph longer than this with link density under [`SIBLING_P_MAX_LINK_DENSITY`] joins.
pub const SIBLING_P_LONG: usize = 80;
pub const SIBLING_P_MAX_LINK_DENSITY: f32 = 0.25;
/// A div holding a single paragraph with link density under this is replaced by the paragraph.
pub const SINGLE_P_MAX_LINK_DENSITY: f32 = 0.25;

/// Conditional cleaning (`_cleanConditionally`): nodes with this many commas or more are kept.
pub const CLEAN_MAX_COMMAS: usize = 10;
/// ...link density above this (plus 0.3 for heavy-weight nodes) removes a low-weight node.
pub const CLEAN_LINK_DENSITY: f32 = 0.2;
pub const CLEAN_LINK_DENSITY_HEAVY: f32 = 0.5;
/// ...a node weighing this much is "heavy" (its link-density limit is the higher one).
pub const CLEAN_HEAVY_WEIGHT: f32 = 25.0;
/// ...list items beyond paragraphs + this many remove a non-list node.
pub const CLEAN_LI_EXCESS: i64 = 100;
/// ...a short node (< this many characters) with links and few images is removed.
pub const CLEAN_MIN_TEXT: usize = 25;
/// ...an embed is allowed in a node of at least this much text.
pub const CLEAN_EMBED_MIN_TEXT: usize = 75;
/// ...text in lists above this share makes a node a list.
pub const CLEAN_LIST_TEXT_SHARE: f32 = 0.9;
/// ...heading text above this share protects a short linked node.
pub const CLEAN_HEADING_DENSITY: f32 = 0.9;

/// Hosts whose video embeds are kept (`videos`).
pub static VIDEO_HOSTS: &[&str] = &[
    "//www.dailymotion.com", "//dailymotion.com", "//www.youtube.com", "//youtube.com",
    "//www.youtube-nocookie.com", "//youtube-nocookie.com", "//player.vimeo.com", "//v.qq.com",
    "//www.bilibili.com", "//bilibili.com", "//live.bilibili.com", "//archive.org",
    "//www.archive.org", "//upload.wikimedia.org", "//player.twitch.tv",
];

/// Classes of the blockquotes that social networks' embed scripts turn into posts. The quote is
/// part of the story: a sibling block holding one joins the article, and no share-bar rule
/// drops it (users complain of articles that stop at an embedded post).
pub static SOCIAL_EMBED_CLASSES: &[&str] = &[
    "twitter-tweet", "instagram-media", "tiktok-embed", "fb-xfbml-parse-ignore", "bluesky-embed",
    "mastodon-embed", "reddit-embed-bq", "threads-embed",
];
/// How many nodes from a block's start are searched for such a blockquote (an embed wrapper
/// is small; a big block holding one is judged on its own score).
pub const SOCIAL_EMBED_SCAN_NODES: usize = 12;

/// Ad labels: a node whose whole text is one of these is an ad slot (`adWords`).
pub static AD_WORDS: &[&str] = &[
    "ad", "advertising", "advertisement", "pub", "publicité", "werb", "werbung", "广告", "реклама",
    "anuncio", "إعلان", "anzeige", "publicidad",
];
/// Placeholder texts of lazy blocks (`loadingWords`).
pub static LOADING_WORDS: &[&str] =
    &["loading", "正在加载", "загрузка", "chargement", "cargando", "جار التحميل"];

/// Commas in any script (Readability's `commas`, which includes the Arabic comma).
pub static COMMAS: &[char] = &[
    '\u{002C}', '\u{060C}', '\u{FE50}', '\u{FE10}', '\u{FE11}', '\u{2E41}', '\u{2E34}', '\u{2E32}',
    '\u{FF0C}',
];

/// An h1/h2 this similar to the title repeats it and leaves the body (`_headerDuplicatesTitle`).
pub const TITLE_SIMILARITY: f32 = 0.75;
/// A heading that ends with the title after a kicker repeats it when the title has at least
/// this many characters (a two-word title ends many a heading by chance).
pub const KICKER_TITLE_MIN_CHARS: usize = 20;

/// Class/id words of an article's lead outside the chosen container: en ("lead", "standfirst",
/// "dek", "deck", "intro", "summary"), fr ("chapo", "chapeau"), es ("entradilla", "sumario",
/// "bajada", "copete"), de ("vorspann", "teaser"), it ("occhiello" is a kicker, so no).
pub static LEAD_TOKENS: &[&str] = &[
    "lead", "standfirst", "dek", "deck", "intro", "summary", "chapo", "chapeau", "entradilla",
    "sumario", "bajada", "copete", "vorspann", "teaser", "subtitle", "subheadline", "excerpt",
];
/// A lead is a sentence or two: at least this many characters...
pub const LEAD_MIN_CHARS: usize = 40;
/// ...and at most this many (the chapô of a long-form review or magazine piece runs to 900).
pub const LEAD_MAX_CHARS: usize = 1000;
/// ...with links making up less than this share of it.
pub const LEAD_MAX_LINK_DENSITY: f32 = 0.2;
/// How many levels up from the article the lead may sit (its header, the page's main column).
pub const LEAD_SEARCH_LEVELS: usize = 3;

/// A twin of the article's block that holds the title heading (a page stacking the next
/// stories below its own) is looked for this many levels up from the chosen block...
pub const TWIN_SEARCH_LEVELS: usize = 4;
/// ...and replaces it when it holds at least this many characters (a story, not a header
/// column that happens to share the block's class).
pub const TWIN_MIN_CHARS: usize = 500;

/// Class/id substrings that name the kind of clutter a block is, first match wins: the
/// reason shown for it in the cleaning plan.
pub static REASON_TOKENS: &[(&[&str], &str)] = &[
    // Comments: en, fr ("commentaire" contains "comment"), es/pt, de, it, ar (transliterated).
    (
        &[
            "comment", "disqus", "replies", "remark", "respond", "discussion", "comentario",
            "kommentar", "commenti", "reactions", "ta3li9",
        ],
        "comments",
    ),
    (
        &[
            "share", "social", "sharedaddy", "addthis", "partage", "partager", "compartir",
            "teilen", "sharing",
        ],
        "share bar",
    ),
    (&["cookie", "consent", "gdpr", "cmp-", "rgpd"], "cookie banner"),
    (
        &[
            "newsletter", "news-letter", "subscribe", "signup", "sign-up", "inscription",
            "abonnement",
        ],
        "newsletter",
    ),
    (&["paywall", "premium-wall", "regwall", "piano-"], "paywall"),
    // Advertiser and affiliate disclosures, legal disclaimers (de "Haftungsausschluss").
    (&["disclaimer", "disclosure", "haftungsausschluss"], "disclaimer"),
    (&["poll", "survey", "sondage", "umfrage", "encuesta", "quiz"], "poll"),
    (&["modal", "popup", "overlay", "lightbox", "dialog"], "modal"),
    (
        &["ticker", "marquee", "breaking", "trending", "flash-info", "news-bar", "defilant"],
        "headline ticker",
    ),
    // Related and most-read boxes: en, fr ("lire-aussi", "a-lire"), es ("relacionad"), de
    // ("meistgelesen", "lesetipp", "weitere"), pt ("relacionad"), it ("correlat"); WordPress'
    // card for another post embedded in the text ("wp-embedded-content").
    (
        &[
            "related", "outbrain", "taboola", "more-stories", "recommend", "read-more",
            "lire-aussi", "a-lire", "most-read", "popular", "relacionad", "meistgelesen",
            "lesetipp", "correlat", "mostread", "plus-lus", "lies", "same-section",
            "wp-embedded-content",
        ],
        "related links",
    ),
    (
        &[
            "sponsor", "promo", "-ad-", "advert", "ad-slot", "adslot", "ads", "ad", "banner",
            "skyscraper", "shopping", "dfp", "pub", "publicite", "anzeige", "werbung",
            "publicidad",
        ],
        "advertisement",
    ),
    (&["breadcrumb", "pagination", "pager"], "navigation"),
    (&["nav", "navbar", "menu", "navigation"], "navigation"),
    (&["footer", "pied", "fusszeile"], "footer"),
    (&["sidebar", "widget", "aside"], "sidebar"),
    (&["header", "masthead"], "header"),
];

// ---------------------------------------------------------------------------------------------
// Our own additions.

/// Pages nested deeper than this are refused before parsing: html5ever checks scopes by
/// walking the stack of open elements, so a page nested 100,000 deep costs O(depth²) (minutes).
/// Chromium itself stops nesting at 512 levels; real pages stay under 100.
pub const MAX_NESTING_DEPTH: usize = 4096;
/// Elements with more attributes than this are refused before parsing (html5ever finds
/// duplicate attributes by a linear scan: 100,000 attributes on one tag take seconds).
/// Real pages stay under 50.
pub const MAX_ATTRIBUTES_PER_ELEMENT: usize = 5_000;
/// Elements that close implicitly or never nest, skipped when estimating nesting depth.
pub static DEPTH_EXEMPT_TAGS: &[&str] = &[
    "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "tbody", "thead", "tfoot",
    "colgroup", "caption", "rb", "rt", "rtc", "rp", "html", "head", "body", "area", "base", "br",
    "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr", "param",
    "keygen", "frame", "image",
];

/// Tags dropped before extraction: never article text.
pub static NON_CONTENT_TAGS: TagSet = TagSet::new(&[
    "script", "style", "noscript", "template", "link", "meta", "head", "title", "svg", "canvas",
    "object", "applet", "frameset", "frame", "map", "dialog",
]);

/// Attributes that hold an image's `srcset` when it is lazy-loaded, in order of trust.
pub static LAZY_SRCSET_ATTRS: &[&str] =
    &["srcset", "data-srcset", "data-lazy-srcset", "data-original-set"];
/// Attributes that hold an image's URL when it is lazy-loaded.
pub static LAZY_SRC_ATTRS: &[&str] = &[
    "data-src", "data-lazy-src", "data-original", "data-url", "data-hi-res-src", "data-full-src",
    "data-img", "data-image",
];
/// File extensions of images (Readability knows jpg/png/webp only; AVIF and GIF are common).
pub static IMAGE_EXTENSIONS: &[&str] =
    &[".jpg", ".jpeg", ".png", ".webp", ".avif", ".gif", ".svg", ".jxl"];
/// A `data:` image URL shorter than this is a placeholder (Readability's 133 characters).
pub const PLACEHOLDER_DATA_URL_MAX: usize = 133;
/// Wrappers dropped from the output, their children kept.
pub static UNWRAP_TAGS: &[&str] = &["font"];

// ---------------------------------------------------------------------------------------------
// The in-place cleaning plan (plan.rs) and the boilerplate lexicon pass (clean.rs).

/// Blocks tested against the boilerplate lexicon inside the article: headings of every level
/// (a support box's title may be an `<h1>` inside the text; the page's title is read apart).
pub static BOILERPLATE_BLOCK_TAGS: &[&str] = &[
    "p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "aside", "section", "a",
    "strong", "b", "em", "span", "ul", "ol", "figure", "center",
];
/// A boilerplate block this short is a bare label ("Lire aussi :"); the links after it go too.
pub const BOILERPLATE_LABEL_MAX_CHARS: usize = 40;
/// Reasons of lexicon matches that stay when the block is a bare label announcing what follows
/// (it ends with one of [`ANNOUNCING_MARKS`]): a "Quellenangaben:" or "Sources :" heading over
/// the list of sources, which stays (an English tutorial's "Sources:" links are the writer's
/// own, fixture lists-tables-code), and without its label would end the reader view on an
/// unlabelled list (session 11 reverted a rule for that). What goes is a source line that holds
/// its sources ("Źródło: ISBnews"), a citation box, a show/hide toggle.
pub static LABELS_KEPT_OVER_THEIR_LIST: &[&str] = &["sources label"];

/// Class/id tokens shorter than this must be whole words to count ("ad" must not match
/// "header", "nav" must not match "canvas"); longer ones may match inside a word.
pub const MIN_SUBSTRING_TOKEN: usize = 5;
/// Reasons that, named by a block's class/id inside the article, drop it from the article
/// when it is small (an ad slot, a newsletter box, a paywall between paragraphs).
pub static IN_ARTICLE_CLUTTER: &[&str] = &[
    "advertisement", "newsletter", "paywall", "disclaimer", "poll", "share bar", "related links",
    "comments", "cookie banner", "modal", "headline ticker",
];
/// ...when it is one of these containers (an inline `a.popup` is a footnote link, not a modal;
/// a blockquote counts, as embed cards are blockquotes, and social posts are spared apart).
pub static NAMED_CLUTTER_TAGS: &[&str] = &[
    "div", "section", "aside", "form", "ul", "ol", "table", "figure", "ins", "iframe", "nav",
    "footer", "header", "p", "dl", "blockquote",
];
/// Class/id substrings of a breadcrumb trail, dropped inside the article like the clutter
/// above: en "breadcrumb", fr "fil-ariane" / "filariane" (fil d'Ariane), de "brotkrumen",
/// es "migas-de-pan" / "miga-de-pan"; Arabic and other themes use the English word.
pub static BREADCRUMB_TOKENS: &[&str] = &[
    "breadcrumb", "fil-ariane", "filariane", "fil_ariane", "brotkrumen", "migas-de-pan",
    "miga-de-pan",
];
/// Such a block is dropped only up to this many characters: longer, it is probably content
/// that a theme happened to name oddly.
pub const IN_ARTICLE_CLUTTER_MAX_CHARS: usize = 600;
/// Class/id substrings that name a block as the text behind a paywall ("paywalled",
/// "regwalled", "paywalled-content"): the article itself, shown in full to a subscriber, not
/// the wall, although they contain "paywall"/"regwall".
pub static WALLED_CONTENT_TOKENS: &[&str] = &["walled"];
/// Class/id substrings of a card that announces another article ("teaser", "sz-teaser",
/// "Teasers--3columns"; "teaser" is the word of German, French and Spanish CMSs too).
pub static TEASER_TOKENS: &[&str] = &["teaser"];
/// A teaser card, or a grid of a few, has at most this much text; longer, the block is the
/// story's own lead or body that a theme named so.
pub const TEASER_MAX_CHARS: usize = 1200;
/// ...and a heading with at least this share of link text (the headline of the other article).
pub const TEASER_HEADING_LINK_SHARE: f32 = 0.9;
/// How many nodes below a teaser-named block are searched for that heading.
pub const TEASER_SCAN_NODES: usize = 200;
/// A teaser card whose heading is plain text may end on a "read more" link of its own: at
/// most this many characters ("Mehr erfahren", "Lire la suite", "Weiterlesen »").
pub const TEASER_MORE_LINK_MAX_CHARS: usize = 30;
/// ...on a card of at most this many characters (a headline and a sentence or two; a page's
/// own intro module that a CMS names "teaser" runs longer).
pub const TEASER_MORE_CARD_MAX_CHARS: usize = 400;
/// Prefixes of a class that names what a block holds rather than what it is (BEM-style
/// modifiers, written in English by themes of every language: "has-sharing",
/// "contentHeader--with-abstract", "gallery__with-sidebar"): such a class does not make the
/// block the clutter it names.
pub static HOLDS_MODIFIERS: &[&str] = &["has-", "has_", "with-", "with_"];
/// Class words that say which state a slide or a tab panel is in, not what it is (themes write
/// them in English whatever the page's language): set aside when a hidden element is compared
/// with the shown sibling before it (prep.rs `is_hidden_slide`).
pub static SLIDE_STATE_CLASSES: &[&str] = &[
    "hidden", "hide", "is-hidden", "d-none", "active", "is-active", "current", "is-current",
    "selected", "is-selected", "visible", "is-visible", "show", "shown", "in", "open", "is-open",
];
/// Kinds of clutter that pages keep hidden and reveal with a script (a dialog that opens, a
/// consent banner shown after a delay): hidden in place even when hidden at snapshot time.
pub static REVEALED_LATER: &[&str] = &["modal", "cookie banner", "newsletter"];
/// A block outside the article with at least this many links...
pub const LINK_RUN_MIN_LINKS: usize = 3;
/// ...and at least this share of its text in links is a run of links (a menu, a ticker).
pub const LINK_RUN_MIN_DENSITY: f32 = 0.7;
/// Links averaging this many characters are headlines (a ticker or a list of stories),
/// shorter ones are menu entries.
pub const HEADLINE_MIN_CHARS: f32 = 20.0;
/// The article's closing teasers (clean.rs `drop_tail`): a label of at most this many
/// characters ("Diese Artikel könnten dich ebenfalls interessieren:" is 51)...
pub const TAIL_LABEL_MAX_CHARS: usize = 80;
/// ...over blocks of links with at least this many links in all, averaging
/// [`HEADLINE_MIN_CHARS`] (a "Sources:" list of short names is no teaser run)...
pub const TAIL_RUN_MIN_LINKS: usize = 2;
/// ...whose links are mostly of at least this many words (headlines, not bare addresses)...
pub const HEADLINE_MIN_WORDS: usize = 3;
/// ...that together hold at most this share of the article (else the links are the page).
pub const TAIL_RUN_MAX_SHARE: f32 = 0.3;
/// Marks that end a label announcing what follows it (a colon, also the full-width one of CJK
/// text): as the article's last heading, such a label announces a block the page kept apart.
pub static ANNOUNCING_MARKS: &[char] = &[':', '：'];
/// A paywall note below the teaser ("To view the full story, please subscribe", "Déjà abonné ?")
/// takes the blocks after it in its container along (what a subscription gives, the log-in
/// line): the wall's pitch, when their text is at most this share of the teaser's before the
/// note. More text after the note is the story itself, printed in full for subscribers.
pub const PAYWALL_PITCH_MAX_SHARE: f32 = 1.0;
/// Path words of a newsletter's sign-up page, whatever the page's language (sites of every
/// language name the page so: "/newsletter/" (also "/newsletter-anmeldung/"), "/subscribe",
/// "/signup"; de "abonnieren", "nachrichten-abo"; fr "inscription"; es "suscripcion",
/// "suscribete", "boletin"). A short block
/// whose every link leads to such a page is an invitation to sign up ("Do you want to be
/// informed of our actions? Sign up here", "Sie möchten wöchentliche Produktvorstellungen?
/// Schauen Sie in unseren Newsletter"), however it is worded; matched in the link's path and
/// query, never in its host ("newsletter.example.org/article/…" is no sign-up page).
pub static SIGNUP_PATH_WORDS: &[&str] = &[
    "newsletter", "subscribe", "signup", "sign-up", "sign_up", "abonnieren", "nachrichten-abo",
    "inscription", "suscripcion", "suscribete", "boletin",
];
/// Such an invitation is at most this many characters (a line or two); a longer block with
/// such a link is prose that mentions the newsletter.
pub const SIGNUP_INVITATION_MAX_CHARS: usize = 200;
/// ...and closes the article: at most this share of the article's text follows it (share
/// buttons, tags). Between paragraphs, such a line ("[Get New York Today in your inbox.]") is
/// kept by readability's truth, and is left alone.
pub const SIGNUP_CLOSING_MAX_SHARE: f32 = 0.1;
/// ...and is a block of its own: an inline element mid-sentence that links to the sign-up
/// page ("… einfach auf <b>www.…/newsletter</b> bestellen …") is part of the sentence.
pub static SIGNUP_BLOCK_TAGS: &[&str] = &[
    "p", "div", "li", "ul", "ol", "blockquote", "aside", "section", "center", "h2", "h3", "h4",
    "h5", "h6",
];
/// Only blocks up to this many characters are tested against the boilerplate lexicon: a
/// longer block is prose that merely mentions "share" or "cookies".
pub const BOILERPLATE_MAX_CHARS: usize = 200;

// Metadata (metadata/): the author at the end of a dated meta line.

/// Separators of a meta line that gives the date, then the time or a label, then a name.
pub static META_LINE_SEPARATORS: &[&str] = &[" | ", " - ", " – ", " — ", " · ", " • "];
/// A meta line has at most this many parts ("04.02.2022 | 13:10 Uhr | Uta Helkenberg").
pub const META_LINE_MAX_PARTS: usize = 4;
/// Characters other than letters that a name may hold ("J. R. Stone", "Müller-Lüdenscheidt", "O'Mahony").
pub static NAME_PUNCTUATION: &[char] = &[' ', '.', '-', '\'', '’'];
/// The name at its end has two to this many words (a first and a last name, maybe a middle one).
pub const META_LINE_NAME_MAX_WORDS: usize = 3;

// ---------------------------------------------------------------------------------------------
// Outputs (output/).

/// The first paragraph of at least this many characters is the excerpt when the page has none.
pub const EXCERPT_MIN_CHARS: usize = 80;
/// Excerpts are cut at this many characters.
pub const EXCERPT_MAX_CHARS: usize = 300;
/// "Show what was removed": each left-out block is quoted up to this many characters...
pub const REMOVED_EXCERPT_CHARS: usize = 240;
/// ...and at most this many blocks are listed (a forum page can drop hundreds).
pub const REMOVED_MAX_BLOCKS: usize = 60;
/// An article this long (characters) is long enough to be fully trusted on length alone.
pub const CONFIDENT_LENGTH: f32 = 2000.0;
/// Readability's `isProbablyReaderable`: blocks of at least this many characters count...
pub const READERABLE_MIN_CHARS: usize = 140;
/// ...and the page is an article once the sum of sqrt(len − 140) exceeds this.
pub const READERABLE_MIN_SCORE: f32 = 20.0;
/// An extraction shorter than this (characters) is no article (Readability returns even
/// a one-word body, and so do we: the reader view then shows what there is).
pub const NO_ARTICLE_MIN_CHARS: usize = 1;
/// A page that is not "probably readerable" still has an article unless the extraction has
/// more than this share of its text in links (a grid of teasers).
pub const NO_ARTICLE_MAX_LINK_DENSITY: f32 = 0.4;

// ---------------------------------------------------------------------------------------------
// Container-first pass and consensus (container.rs, consensus.rs), after trafilatura's
// `BODY_XPATH` cascade (reference.md §4). Calibrated as a set on both dev corpora.

/// Class/id names of the article's body container, tried group by group (most specific
/// first, as trafilatura orders `BODY_XPATH`). Matched inside the class/id string with `_`
/// read as `-`, so `article_body` and `entry-content-wrap` match too; each is long enough not
/// to hit unrelated words. CMS names (WordPress `entry-content`, Drupal `field-name-body`,
/// Blogger `post-body`) are language-neutral.
pub static CONTAINER_TOKEN_GROUPS: &[&[&str]] = &[
    &[
        "articlebody", "article-body", "article--body", "article__body", "articletext",
        "article-text", "article__text", "story-body", "storybody", "story-text", "story__body",
    ],
    &[
        "article-content", "article__content", "articlecontent", "post-content", "postcontent",
        "post-body", "postbody", "post-text", "entry-content", "entry-body", "field-name-body",
        "field--name-body", "news-content", "news-text", "news-body", "blog-content",
        "single-content", "text-content", "content-body", "td-post-content", "rich-text",
        "richtext",
    ],
];
/// Semantic tags that hold the article, tried after the names (`<article>`, then `<main>`).
pub static CONTAINER_TAGS: &[&str] = &["article", "main"];
/// A container needs at least this much text (characters) to stand for the article
/// (trafilatura's `MIN_EXTRACTED_SIZE`).
pub const CONTAINER_MIN_CHARS: usize = 250;
/// ...and at most this share of link text (a teaser grid named `post-content` is no article).
pub const CONTAINER_MAX_LINK_DENSITY: f32 = 0.4;

/// The two strategies agree on the article when the container holds at least this share of
/// the scored article's text: what the scored article adds after the container's end is
/// then its tail (author box, newsletter, teasers) and is left out.
pub const CONSENSUS_MIN_SHARE: f32 = 0.5;
/// Escalation: a scored article shorter than this (characters) may give way to the container
/// (trafilatura's `ESCALATION_MAX_LENGTH`)...
pub const ESCALATION_MAX_CHARS: usize = 3000;
/// ...or whatever its length, when it lies inside the container (this share of its text):
/// the scoring took one fragment of the body (a layout table's cell, one of its divs)...
pub const ESCALATION_INSIDE_SHARE: f32 = 0.9;
/// ...when the container, cleaned the same way, is at least this many times longer
/// (trafilatura's `ESCALATION_ACCEPT_RATIO`).
pub const ESCALATION_ACCEPT_RATIO: f32 = 1.5;
/// Weight of that agreement in the article's confidence...
pub const AGREEMENT_WEIGHT: f32 = 0.3;
/// ...and the agreement assumed when the page names no container (neither for nor against).
pub const AGREEMENT_UNKNOWN: f32 = 0.5;
/// Class/id substrings of the blocks that close a page after the article's body: the author
/// box (en "author", de "autor", fr "auteur"; WordPress' Simple Author Box "saboxplugin"),
/// the licence or copyright line. Left out only after the agreed container (consensus.rs).
pub static TAIL_TOKENS: &[&str] =
    &["author", "autor", "auteur", "saboxplugin", "licence", "license", "copyright"];
/// Whole words of the same kind, too short to match inside other words ("bio" is in "biology").
pub static TAIL_WORDS: &[&str] = &["bio", "about"];

// ---------------------------------------------------------------------------------------------
// q10: precision on the trafilatura dev set (issue #5).

/// Ruby annotations: the reading printed over a word (Japanese furigana, Chinese pinyin, in
/// `<rt>`) and the parentheses a browser without ruby shows around it (`<rp>`). The reader
/// view does not render ruby, so kept they would read inline and double every annotated word
/// ("子こども"); the base text (`<rb>` or the bare text in `<ruby>`) stays.
pub static RUBY_ANNOTATION_TAGS: &[&str] = &["rt", "rp"];

/// Class/id substrings of a box about a person inside the article, besides the author boxes of
/// [`AUTHOR_BOX_TOKENS`]: more names of the author's bio (WordPress' Simple Author Box
/// "saboxplugin", "author-description", de "autorenbox", "autor-box" (also es/pt "autor"), fr
/// "auteur-box", "bio-auteur", es "sobre-el-autor") and the contact person's card (en/fr
/// "contact", es "contacto", de "kontakt", "ansprechpartner"; Arabic themes write these names in
/// English). About the writer or whom to call, not the story: left out of the article, not
/// hidden on the page.
pub static PERSON_BOX_TOKENS: &[&str] = &[
    "saboxplugin", "author-description", "autorenbox", "autoren-box", "autor-box", "autorbox",
    "auteur-box", "bio-auteur", "sobre-el-autor", "contact", "kontakt", "ansprechpartner",
];
/// Such a box is left out only up to this many characters (a bio and a line of links); a
/// longer block so named is a contact page's or an interview's own text.
pub const PERSON_BOX_MAX_CHARS: usize = 600;

// m10: metadata (author boxes, visible headlines).

/// Class/id fragments of an author box: the block under (or beside) an article that shows
/// the writer's photo, name and bio ("author-bio", WordPress themes' "author-box", LinkedIn's
/// "author-info", "about-author"). Its heading is the writer's name.
pub static AUTHOR_BOX_TOKENS: &[&str] = &[
    "author-bio", "authorbio", "author_bio", "author-box", "authorbox", "author_box",
    "author-info", "author_info", "about-author", "about_author",
];
/// The part every [`AUTHOR_BOX_TOKENS`] entry holds (a test checks it): looked for first.
pub static AUTHOR_BOX_STEM: &str = "author";
/// Only this many nodes of an author box are searched for its name heading.
pub const AUTHOR_BOX_MAX_NODES: usize = 60;
/// A name heading in an author box has this many words: a first and a last name, at most a
/// title and middle names ("Dr. Anna Maria Schmidt").
pub const AUTHOR_BOX_NAME_WORDS: std::ops::RangeInclusive<usize> = 2..=5;
/// The credit after a [`lexicon::CREDIT_LINE_LABELS`] label has at most this many words (an
/// agency or a desk with initials); longer is a sentence about a source.
pub const CREDIT_LINE_MAX_WORDS: usize = 4;
/// class fragment of the credit line under a headline (`<p class="credit">JIJI</p>`): read
/// only beside the `<h1>` (elsewhere "credit" marks photo credits).
pub static HEADLINE_CREDIT_TOKEN: &str = "credit";
/// Siblings after the `<h1>` (and after its parent) searched for that credit line.
pub const HEADLINE_CREDIT_MAX_SIBLINGS: usize = 3;
/// Inline elements an `<h1>` may hold and still read as one run of text (`<h1>Ein <em>neuer</em>
/// Rekord</h1>`); any other child (a kicker `<span>`, a `<br>`, a `<small>` date) makes it a
/// composed heading whose text is not one headline.
pub static HEADLINE_INLINE_TAGS: &[&str] =
    &["a", "em", "strong", "b", "i", "q", "abbr", "mark", "cite"];
/// Words a meta title may add after the page's `<h1>` without a separator and still be that
/// headline plus a label ("… Rezept", "… von jesusfreak"); more is a longer headline.
pub const HEADLINE_TRAILER_MAX_WORDS: usize = 2;
/// A kicker glued to the headline without a separator ("SARS-2/COVID-19 Heute schon an morgen
/// denken") is cut only from a headline of at least this many words, and has at most
/// [`HEADLINE_TRAILER_MAX_WORDS`] words itself.
pub const HEADLINE_GLUED_KICKER_MIN_WORDS: usize = 4;
/// A one-word `<h1>` counts as a headline from this many characters ("Mandarinen-Schmand-Kuchen").
pub const HEADLINE_ONE_WORD_MIN_CHARS: usize = 15;
/// A meta title's trailer with at least this many path separators (" / ", " > ", " » ") is a
/// breadcrumb trail ("… / Politik / Politik im Überblick / Artikel / Home - stol.it"), cut
/// like a date or a remark.
pub const BREADCRUMB_TRAILER_MIN_SEPARATORS: usize = 2;
/// A one-run `<h1>` that holds every word of the title in order plus at most this many more
/// ("Können Fische Schmerzen spüren / empfinden?" for "Können Fische Schmerzen spüren?") is
/// the fuller printed headline.
pub const HEADLINE_INSERTED_MAX_WORDS: usize = 3;

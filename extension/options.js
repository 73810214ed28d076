// The options page: the reader's settings and the toolbar button's action, in storage.sync
// (the same item reader/prefs.js reads; open reader views and the background follow it
// through storage.onChanged). Choices come from settings.js, labels from _locales.
const api = globalThis.browser ?? globalThis.chrome;
const S = globalThis.DECLUTTER_SETTINGS;
const { THEMES: COLOURS, FONTS } = globalThis.__declutterParts.style;
const t = (key, subs) => api.i18n.getMessage(key, subs) || key;

/** Message names of the choices' labels. */
const LABELS = {
  action: { clean: 'actionClean', reader: 'actionReader' },
  theme: { system: 'themeSystem', light: 'themeLight', sepia: 'themeSepia', dark: 'themeDark', contrast: 'themeContrast' },
  font: { serif: 'fontSerif', sans: 'fontSans', mono: 'fontMono' },
  align: { start: 'alignStart', justify: 'alignJustify' },
};
const uiLang = t('uiLang'); // this locale's own tag and direction (see _locales, uiDir)
const num = (n) => new Intl.NumberFormat(uiLang).format(n);
/** How each range's value reads. */
const FORMAT = { size: (v) => `${num(v)} px`, lineHeight: (v) => num(v), width: (v) => `${num(v)} em` };

let settings = { ...S.DEFAULTS };
let timer = null;

function save() {
  clearTimeout(timer);
  timer = setTimeout(async () => {
    timer = null;
    await api.storage.sync.set({ [S.STORAGE_KEY]: settings });
    document.getElementById('status').textContent = t('optionsSaved');
  }, S.WRITE_DEBOUNCE_MS);
}

function set(key, value) {
  settings = S.sanitize({ ...settings, [key]: value });
  show();
  save();
}

/** Builds the controls once. */
function build() {
  document.documentElement.lang = uiLang;
  document.documentElement.dir = t('uiDir') === 'rtl' ? 'rtl' : 'ltr';
  document.title = t('optionsTitle');
  for (const node of document.querySelectorAll('[data-i18n]')) node.textContent = t(node.dataset.i18n);
  for (const box of document.querySelectorAll('.choices[data-setting]')) {
    const key = box.dataset.setting;
    for (const v of S.CHOICES[key]) {
      const input = Object.assign(document.createElement('input'), { type: 'radio', name: key, value: v });
      input.addEventListener('change', () => set(key, v));
      const label = document.createElement('label');
      label.append(input, t(LABELS[key][v]));
      box.append(label);
    }
  }
  for (const input of document.querySelectorAll('input[type=range][data-setting]')) {
    const key = input.dataset.setting;
    Object.assign(input, { min: 0, max: S.CHOICES[key].length - 1, step: 1 });
    input.addEventListener('input', () => set(key, S.CHOICES[key][Number(input.value)]));
  }
  const rate = document.getElementById('rate');
  for (const r of S.RATES) rate.append(new Option(`${num(r)}×`, String(r)));
  rate.addEventListener('change', () => set('rate', Number(rate.value)));
}

/** Shows `settings` in the controls and the preview. */
function show() {
  for (const input of document.querySelectorAll('input[type=radio]')) input.checked = String(settings[input.name]) === input.value;
  for (const input of document.querySelectorAll('input[type=range][data-setting]')) {
    const key = input.dataset.setting;
    input.value = String(S.CHOICES[key].indexOf(settings[key]));
    input.setAttribute('aria-valuetext', FORMAT[key](settings[key]));
    document.querySelector(`output[for=${key}]`).textContent = FORMAT[key](settings[key]);
  }
  document.getElementById('rate').value = String(settings.rate);
  const preview = document.getElementById('preview');
  const c = COLOURS[settings.theme] ?? (matchMedia('(prefers-color-scheme: dark)').matches ? COLOURS.dark : COLOURS.light);
  Object.assign(preview.style, {
    fontFamily: FONTS[settings.font], fontSize: `${settings.size}px`, lineHeight: String(settings.lineHeight),
    textAlign: settings.align, background: c.bg, color: c.fg,
  });
}

async function main() {
  build();
  try {
    const got = await api.storage.sync.get(S.STORAGE_KEY);
    settings = S.sanitize(got?.[S.STORAGE_KEY]);
  } catch { /* defaults */ }
  show();
  api.storage.onChanged.addListener((changes, area) => {
    if (area === 'sync' && changes[S.STORAGE_KEY] && !timer) { settings = S.sanitize(changes[S.STORAGE_KEY].newValue); show(); }
  });
}

main();

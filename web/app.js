// The page around the canvas: topic navigation, controls generated from the
// lesson schema, readouts, formula and explanation, the URL hash, language,
// loading progress and messages. The Go program (in the game.html iframe)
// owns every number; this file only shows them and forwards user input
// through the bridge object `aimath` (see the bridge contract).
//
// Sections: state · boot · loading · lessons · rendering · input ·
// uploads · hash and history · language · embedding · messages · exports.

import * as i18n from './i18n.js';
import { createPanel, thumbURL } from './controls.js';
import { pageOptions } from './embed.js';
import { connectHost } from './host.js';
import { lessonFiles, startOffline } from './offline.js';
import { wireEmbed, wireShare } from './share.js';
import { buildHash, csv, formatBytes, formatNumber, parseHash, sameState, throttle } from './util.js';

// ---------------------------------------------------------------- state

// Topics in course order; aimath.lessons() lists the ones built so far.
const TOPICS = ['vector', 'matrix', 'gd', 'nn', 'prob', 'stats', 'bayes', 'cnn', 'rnn'];
const DEFAULT_LESSON = 'vector';
const LANG_KEY = 'aimath.lang';
const UPLOAD_KEY = 'aimath.upload'; // the user's image, a PNG data URL
const UPLOAD_SIDE = 256; // longest side of an uploaded image, in pixels
const ERROR_HIDE_MS = 8000;
const LONG_TEXT = 40; // characters from which a text readout is a sentence
const PNG_SCALE = 2; // pixels of an exported PNG per CSS pixel of the figure

const $ = (id) => document.getElementById(id);

const ui = {
  frame: $('game'),
  loader: $('loader'),
  progress: $('load-progress'),
  loaderTitle: $('loader-title'),
  loaderDetail: $('loader-detail'),
  reload: $('reload'),
  topics: $('topic-list'),
  kicker: $('lesson-kicker'),
  title: $('lesson-title'),
  intro: $('intro'),
  controls: $('controls'),
  readouts: document.querySelector('#readouts tbody'),
  live: $('readouts-live'),
  formula: $('formula'),
  play: $('btn-play'),
  step: $('btn-step'),
  reset: $('btn-reset'),
  actions: $('action-group'),
  langToggle: $('lang-toggle'),
  langText: $('lang-toggle-text'),
  error: $('error-banner'),
  notice: $('notice'),
  toast: $('toast'),
  main: $('lesson'),
  copyLink: $('btn-copy'),
  openFull: $('open-full'),
  oembed: null, // the oEmbed discovery <link>, made by linkElsewhere
  dialog: $('export-dialog'),
  dialogTitle: $('export-title'),
  dialogHelp: $('export-help'),
  dialogCode: $('export-code'),
  dialogStatus: $('export-status'),
};

const app = {
  aimath: null,
  schema: new Map(), // id -> {id, animated, actions, params}
  current: null, // id of the lesson shown
  view: null, // value of its "view" (or "mode") param, if any
  values: {},
  readoutNames: '',
  playing: false,
  panel: null,
  extra: { embed: null, hide: null }, // the hash's own embed and hide, written back
  options: null, // embed, hide, lang and origins of the URL (embed.js pageOptions)
  noted: new Set(), // "lesson:name" of unknown hide= names already reported
  host: null, // the postMessage link to a page embedding this one (host.js)
  lastHash: '',
  following: '', // a hash being opened by followHash
  announced: '', // readouts last read to screen readers
  busy: 0, // >0 while a lesson is being opened and rendered
};

// ---------------------------------------------------------------- boot

let resolveReady;
let rejectReady;
window.aimathReady = new Promise((res, rej) => {
  resolveReady = res;
  rejectReady = rej;
});
// Tests and embedders await aimathReady; a failed load is shown on the page
// and must not also surface as an unhandled rejection.
window.aimathReady.catch(() => {});

window.aimathProgress = (loaded, total) => showProgress(loaded, total);
window.aimathLoadFailed = (message) => loadFailed(message);


async function boot() {
  // The wasm download and start are the long pole: begin them first, and
  // load the translations meanwhile.
  const framed = startFrame();
  framed.catch(() => {}); // reported by loadFailed through boot's own await
  const hash = parseHash(location.hash);
  app.options = pageOptions(location.search, hash);
  app.extra = { embed: hash.embed, hide: hash.hide };
  // Before the first paint, so that an embed never flashes the site's chrome.
  applyEmbed();
  connectToHost();
  try {
    await i18n.loadShell();
  } catch (err) {
    // Without the dictionaries the English text of index.html stays.
    console.error('aimath: could not load translations:', err);
  }
  const problems = [];
  setLanguage(pickLang(app.options.lang, problems), { persist: false, rerender: false });
  renderNav();
  wireEvents();
  const version = loadVersion();

  const aimath = await framed;
  app.aimath = aimath;
  window.aimath = aimath;
  for (const l of aimath.lessons()) app.schema.set(l.id, l);
  renderNav();
  // The image kept from an earlier visit goes back before the lesson opens,
  // so that a link with image=upload shows it at once.
  await restoreUpload();
  await openLesson(hash.lesson || DEFAULT_LESSON, hash.state, { history: 'replace', problems });
  aimath.onChange(onChange);
  hideLoader();
  document.documentElement.dataset.ready = 'true';
  resolveReady(aimath);
  app.host.ready({ lessons: [...app.schema.keys()] });
  // An embed leaves offline storage to the site itself: a course page
  // with several frames would otherwise keep a copy per embedding site.
  if (window.parent === window) {
    startOffline(await version, lessonFiles(app.schema.values(), i18n.LANGS, thumbURL));
  }
}

function pickLang(fromHash, problems) {
  if (fromHash !== null) {
    if (i18n.LANGS.includes(fromHash)) return fromHash;
    problems.push(`lang=${String(fromHash).slice(0, 20)}`);
  }
  let stored = null;
  try {
    stored = localStorage.getItem(LANG_KEY);
  } catch {
    // Storage may be disabled; the browser language decides then.
  }
  if (i18n.LANGS.includes(stored)) return stored;
  const nav = (navigator.languages || [navigator.language || 'en']).map((l) => String(l).toLowerCase());
  return nav.find((l) => l.startsWith('ko') || l.startsWith('en'))?.startsWith('ko') ? 'ko' : 'en';
}

function wireEvents() {
  ui.langToggle.addEventListener('click', () => setLanguage(i18n.getLang() === 'ko' ? 'en' : 'ko', { persist: true }));
  ui.play.addEventListener('click', () => act(app.playing ? 'pause' : 'play'));
  ui.step.addEventListener('click', () => act('step'));
  ui.reset.addEventListener('click', () => act('reset'));
  $('btn-csv').addEventListener('click', exportCSV);
  $('btn-svg').addEventListener('click', exportSVG);
  $('btn-png').addEventListener('click', exportPNG);
  $('btn-copy').addEventListener('click', copyLink);
  wireExportDialog();
  const ctx = {
    lesson: () => app.current,
    state: () => {
      const s = call('state');
      return typeof s === 'string' ? s : '';
    },
    title: lessonTitle,
    // The controls shown now and those hide= leaves out, in schema order.
    controls: () => {
      const spec = app.schema.get(app.current);
      const hidden = hiddenControls(spec);
      const shown = new Set((app.panel?.shown() ?? []).map((c) => c.name));
      return spec.params
        .filter((p) => shown.has(p.name) || hidden.has(p.name))
        .map((p) => ({ name: p.name, label: i18n.t('param.' + p.name) }));
    },
    hidden: () => [...hiddenControls(app.schema.get(app.current))],
    lang: () => i18n.getLang(),
    copy: copyText,
  };
  wireShare(ctx);
  wireEmbed(ctx);
  ui.reload.addEventListener('click', () => location.reload());
  // The skip link moves focus without touching the hash, which holds the state.
  document.querySelector('.skip-link').addEventListener('click', (e) => {
    e.preventDefault();
    ui.main.focus();
    ui.main.scrollIntoView();
  });
  $('brand-link').addEventListener('click', (e) => {
    e.preventDefault();
    switchLesson(DEFAULT_LESSON);
  });
  for (const banner of [ui.error, ui.notice]) {
    banner.querySelector('.banner-close').addEventListener('click', () => hideBanner(banner));
  }
  addEventListener('popstate', followHash);
  addEventListener('hashchange', followHash);
}

// loadVersion shows build.json's version and returns it (null without one).
async function loadVersion() {
  try {
    const r = await fetch('build.json');
    if (!r.ok) return null;
    const b = await r.json();
    if (!b || typeof b.version !== 'string' || b.version === '') return null;
    $('version').textContent = b.version;
    return b.version;
  } catch {
    // The frame reports real loading failures; without a version the
    // page just has no offline copy.
    return null;
  }
}

// ---------------------------------------------------------------- loading

let failFrame = null;

// startFrame loads game.html and resolves with its bridge object once the
// Go program has registered it.
function startFrame() {
  return new Promise((resolve, reject) => {
    failFrame = reject;
    const onLoad = () => {
      let w;
      try {
        w = ui.frame.contentWindow;
        // The first load may be about:blank's. (A host may serve game.html
        // as /game, as Cloudflare's assets do: its name is not checked.)
        if (!w || w.location.protocol === 'about:') return;
      } catch {
        return;
      }
      ui.frame.removeEventListener('load', onLoad);
      if (w.aimathReady && typeof w.aimathReady.then === 'function') {
        w.aimathReady.then((a) => (a ? resolve(a) : reject(new Error('the program registered no bridge'))), reject);
      } else {
        reject(new Error('game.js did not start'));
      }
    };
    ui.frame.addEventListener('load', onLoad);
    ui.frame.src = 'game.html';
  });
}

// showProgress may run before the shell texts have loaded (the wasm
// download starts at once): then it shows the bare numbers.
function showProgress(loaded, total) {
  const progress = (t) =>
    i18n.optional('loading.progress', { loaded: formatBytes(loaded), total: t }) ?? `${formatBytes(loaded)} / ${t}`;
  if (total > 0) {
    ui.progress.value = Math.min(1, loaded / total);
    ui.loaderDetail.textContent =
      loaded >= total ? (i18n.optional('loading.starting') ?? '') : progress(formatBytes(total));
  } else {
    ui.progress.removeAttribute('value');
    ui.loaderDetail.textContent = progress('?');
  }
}

function loadFailed(message) {
  ui.loader.hidden = false;
  ui.loader.classList.add('failed');
  ui.loaderTitle.textContent = i18n.t('loading.failed');
  ui.loaderDetail.textContent = i18n.t('loading.failedDetail', { message: String(message).slice(0, 300) });
  ui.progress.hidden = true;
  ui.reload.hidden = false;
  document.documentElement.dataset.ready = 'failed';
  failFrame?.(new Error(message));
  rejectReady(new Error(message));
}

function hideLoader() {
  ui.loader.hidden = true;
}

// ---------------------------------------------------------------- lessons

// call runs a bridge function; a thrown exception (a dead runtime) becomes
// an {error} like the ones the bridge returns itself.
function call(name, ...args) {
  try {
    const r = app.aimath[name](...args);
    return r === undefined || r === null ? {} : r;
  } catch (err) {
    return { error: err?.message || String(err) };
  }
}

function lessonName(id) {
  return i18n.t('nav.' + id);
}

// openLesson opens id with an encoded state and shows it. Problems (an
// unknown id, bad pairs in the state) are listed in a notice.
async function openLesson(id, state, { history = 'replace', problems = [] } = {}) {
  if (!app.schema.has(id)) {
    problems.push(
      TOPICS.includes(id)
        ? i18n.t('notice.coming', { name: lessonName(id), fallback: lessonName(DEFAULT_LESSON) })
        : i18n.t('notice.unknownLesson', { id: String(id).slice(0, 40), fallback: lessonName(DEFAULT_LESSON) }),
    );
    id = DEFAULT_LESSON;
    state = '';
  }
  app.busy++;
  try {
    const res = call('open', id, state || '');
    if (res.error) {
      showError(i18n.t('error.open'), res.error);
      return;
    }
    for (const w of res.warnings || []) problems.push(w);
    await showLesson(id);
    writeHash(history);
  } finally {
    app.busy--;
  }
  if (problems.length) showNotice(i18n.t('notice.link'), problems);
  else hideBanner(ui.notice);
  app.host?.changed();
}

// switchLesson is a click in the topic navigation.
async function switchLesson(id) {
  if (id === app.current) return;
  hideBanner(ui.error);
  await openLesson(id, '', { history: 'push' });
  ui.main.focus({ preventScroll: true });
}

// showLesson renders the open lesson from the bridge's current state.
async function showLesson(id) {
  await i18n.loadLesson(id);
  i18n.setLesson(id);
  app.current = id;
  app.values = call('values');
  app.view = viewOf(app.values);
  app.readoutNames = '';
  renderLesson();
  refreshNow();
}

// ---------------------------------------------------------------- rendering

function renderNav() {
  const lang = i18n.getLang();
  // Until the program reports its lessons, no topic is offered.
  const known = app.schema.size > 0;
  ui.topics.replaceChildren();
  TOPICS.forEach((id, i) => {
    const li = document.createElement('li');
    const ready = app.schema.has(id);
    const a = document.createElement('a');
    a.className = 'topic';
    a.dataset.topic = id;
    const num = document.createElement('span');
    num.className = 'topic-num';
    num.textContent = String(i + 1);
    num.setAttribute('aria-hidden', 'true');
    const name = document.createElement('span');
    name.className = 'topic-name';
    name.textContent = lessonName(id);
    a.append(num, name);
    if (ready) {
      a.href = buildHash({ lesson: id, state: '', lang });
      if (id === app.current) a.setAttribute('aria-current', 'page');
      a.addEventListener('click', (e) => {
        if (e.ctrlKey || e.metaKey || e.shiftKey || e.button !== 0) return;
        e.preventDefault();
        switchLesson(id);
      });
    } else if (!known) {
      a.setAttribute('role', 'link');
      a.setAttribute('aria-disabled', 'true');
      a.classList.add('is-pending');
    } else {
      a.setAttribute('role', 'link');
      a.setAttribute('aria-disabled', 'true');
      a.classList.add('is-coming');
      a.title = i18n.t('nav.comingTitle');
      const badge = document.createElement('span');
      badge.className = 'badge';
      badge.textContent = i18n.t('nav.coming');
      a.append(badge);
    }
    li.append(a);
    ui.topics.append(li);
  });
  // On a phone the list scrolls sideways: bring the open topic into view.
  const cur = ui.topics.querySelector('[aria-current="page"]');
  const bar = ui.topics.parentElement;
  if (cur && bar.scrollWidth > bar.clientWidth) {
    const r = cur.getBoundingClientRect();
    const b = bar.getBoundingClientRect();
    bar.scrollLeft += r.left - b.left - (b.width - r.width) / 2;
  }
}

function lessonTitle() {
  return i18n.t('title', null, lessonName(app.current));
}

function renderLesson() {
  const id = app.current;
  const spec = app.schema.get(id);
  const title = lessonTitle();
  ui.main.dataset.lesson = id;
  ui.kicker.textContent = i18n.t('lesson.kicker', { n: TOPICS.indexOf(id) + 1, total: TOPICS.length });
  ui.title.textContent = title;
  document.title = `${title} · ${i18n.t('app.title')}`;
  ui.frame.title = i18n.t('frame.title', { lesson: title });
  renderNav();
  renderViewText();
  const hide = hiddenControls(spec);
  app.panel = createPanel(ui.controls, spec, app.values, onEdit, { upload: uploadFile, hide });
  ui.controls.closest('.card').hidden = !spec.params.some((p) => !p.hidden && !hide.has(p.name));
  renderButtons(spec);
  renderReadouts(call('readouts'), true);
  resetAnnouncements();
}

// renderViewText shows the explanation and formula of the current view.
function renderViewText() {
  ui.intro.innerHTML = i18n.perView('intro', app.view);
  ui.intro.closest('.card').hidden = ui.intro.innerHTML.trim() === '';
  ui.formula.innerHTML = i18n.perView('formula', app.view);
  ui.formula.closest('.card').hidden = ui.formula.innerHTML.trim() === '';
  fitFormulas();
}

// fitFormulas shrinks a formula wider than its card (down to 75%), so that
// it is seen whole; the card scrolls sideways beyond that.
function fitFormulas() {
  const width = ui.formula.clientWidth;
  if (!width) return;
  const range = document.createRange();
  for (const m of ui.formula.querySelectorAll('math')) {
    m.style.fontSize = '';
    range.selectNodeContents(m);
    const natural = range.getBoundingClientRect().width;
    if (natural > width) {
      const size = parseFloat(getComputedStyle(m).fontSize);
      m.style.fontSize = `${(size * Math.max(0.75, (width - 2) / natural)).toFixed(2)}px`;
    }
  }
}

let formulaWidth = 0;
new ResizeObserver(() => {
  if (ui.formula.clientWidth !== formulaWidth) {
    formulaWidth = ui.formula.clientWidth;
    fitFormulas();
  }
}).observe(ui.formula);

function renderButtons(spec) {
  renderPlayButtons(spec);
  ui.actions.replaceChildren();
  for (const name of spec.actions || []) {
    const b = document.createElement('button');
    b.type = 'button';
    b.className = 'btn';
    b.dataset.action = name;
    b.textContent = i18n.t('action.' + name);
    b.addEventListener('click', () => act(name));
    ui.actions.append(b);
  }
  ui.actions.hidden = !spec.actions?.length;
  renderExportButtons(spec);
  setPlaying(call('playing') === true);
}

function setPlaying(playing) {
  app.playing = playing;
  ui.play.setAttribute('aria-pressed', String(playing));
  ui.play.classList.toggle('is-playing', playing);
}

function readoutValueText(v) {
  if (typeof v === 'number') return formatNumber(v);
  if (typeof v === 'string') return i18n.valueText(v);
  return '';
}

// renderReadouts fills the table, rebuilding the rows only when the set of
// names changed (a view switch), so that values update in place.
function renderReadouts(readouts, relabel = false) {
  if (!readouts || readouts.error || typeof readouts !== 'object') return;
  const names = Object.keys(readouts);
  const key = names.join('\n');
  if (key !== app.readoutNames || relabel) {
    app.readoutNames = key;
    ui.readouts.replaceChildren();
    for (const name of names) {
      const tr = document.createElement('tr');
      tr.dataset.readout = name;
      const th = document.createElement('th');
      th.scope = 'row';
      th.innerHTML = i18n.readoutLabel(name);
      const td = document.createElement('td');
      td.className = 'value';
      td.setAttribute('translate', 'no');
      tr.append(th, td);
      ui.readouts.append(tr);
    }
  }
  let i = 0;
  let long = false;
  for (const tr of ui.readouts.children) {
    const v = readouts[names[i++]];
    const text = readoutValueText(v);
    const td = tr.lastChild;
    if (td.textContent !== text) td.textContent = text;
    td.classList.toggle('is-text', typeof v === 'string');
    // A sentence (an explanation such as why there is no output) reads
    // left-aligned, and its label column keeps a readable width.
    td.classList.toggle('is-long', typeof v === 'string' && text.length > LONG_TEXT);
    long ||= td.classList.contains('is-long');
    // Numbers and literal strings (e.g. "0.5 + 0.87i") are not words to
    // translate; message keys are.
    if (typeof v === 'string' && i18n.valueText(v) !== v) td.removeAttribute('translate');
    else td.setAttribute('translate', 'no');
  }
  ui.readouts.parentElement.classList.toggle('has-long', long);
  announce();
}

// announce reads changed readouts to screen readers once they settle,
// never more than about twice a second and not while an animation plays.
// Opening a lesson or switching the language sets a new baseline instead,
// so nothing is read out just for showing a page.
const announce = throttle(() => {
  if (app.playing) return;
  const key = readoutsKey();
  if (key === app.announced) return;
  app.announced = key;
  const parts = [];
  for (const tr of ui.readouts.children) parts.push(`${tr.firstChild.textContent}: ${tr.lastChild.textContent}`);
  ui.live.textContent = parts.join('; ');
}, 600);

function readoutsKey() {
  return [...ui.readouts.children].map((tr) => tr.dataset.readout + '=' + tr.lastChild.textContent).join('&');
}

function resetAnnouncements() {
  app.announced = readoutsKey();
  ui.live.textContent = '';
}

// ---------------------------------------------------------------- input

const liveQueue = new Map();
let liveFrame = 0;

// onEdit receives edits from the controls: live values once per animation
// frame, committed values at once.
function onEdit(name, value, commit) {
  if (!commit) {
    liveQueue.set(name, value);
    if (!liveFrame) liveFrame = requestAnimationFrame(flushLive);
    return;
  }
  liveQueue.delete(name);
  applySet(name, value, true);
}

function flushLive() {
  liveFrame = 0;
  const pending = [...liveQueue];
  liveQueue.clear();
  for (const [name, value] of pending) applySet(name, value, false);
}

function applySet(name, value, commit) {
  const res = call('set', name, value);
  if (res.error) {
    showError(i18n.t('error.prefix'), res.error);
    const cur = call('values');
    if (cur && !cur.error && name in cur) app.panel?.reflect(name, cur[name]);
  } else if (commit || res.clamped) {
    app.panel?.reflect(name, res.value);
  }
  scheduleRefresh();
}

function act(name) {
  const res = call('act', name);
  if (res.error) showError(i18n.t('error.action'), res.error);
  scheduleRefresh();
}

let refreshFrame = 0;

// scheduleRefresh reads the new state on the next frame, so the readouts
// follow a dragged slider without waiting for the (throttled) onChange.
function scheduleRefresh() {
  if (!refreshFrame) refreshFrame = requestAnimationFrame(refreshNow);
}

function refreshNow() {
  refreshFrame = 0;
  if (!app.aimath) return;
  update({
    id: app.current,
    state: call('state'),
    values: call('values'),
    readouts: call('readouts'),
    playing: call('playing') === true,
  });
}

// onChange is the bridge's push (a few times a second): after canvas drags,
// animation ticks and calls by other scripts.
function onChange(ev) {
  try {
    app.host?.changed();
    if (!ev || typeof ev !== 'object' || app.busy) return;
    if (ev.id !== app.current) {
      // Another script opened a lesson: follow it.
      if (app.schema.has(ev.id)) adoptLesson(ev.id);
      return;
    }
    update(ev);
    if (ev.error) showError(i18n.t('error.tick'), ev.error, true);
  } catch (err) {
    console.error('aimath: onChange:', err);
  }
}

async function adoptLesson(id) {
  app.busy++;
  try {
    await showLesson(id);
    writeHash('replace');
  } finally {
    app.busy--;
  }
}

function update(ev) {
  if (ev.values && !ev.values.error) {
    app.values = ev.values;
    const view = viewOf(ev.values);
    if (view !== app.view) {
      app.view = view;
      renderViewText();
      renderPlayButtons(app.schema.get(app.current));
    }
    app.panel?.sync(ev.values);
  }
  if (ev.readouts) renderReadouts(ev.readouts);
  if (typeof ev.playing === 'boolean' && ev.playing !== app.playing) setPlaying(ev.playing);
  // While a lesson opens, its caller writes the hash (pushing a history
  // entry for a topic switch); a replace here would overwrite the old topic.
  if (typeof ev.state === 'string' && !app.busy) writeHash('replace', ev.state);
}

// ---------------------------------------------------------------- uploads

// The user's own image never leaves the browser: the file is decoded here,
// scaled so that its longest side is at most UPLOAD_SIDE pixels, handed to
// the Go program as RGBA bytes (aimath.upload) and kept in localStorage as
// a PNG, so that a reload (or a link with image=upload) shows it again.

async function uploadFile(file) {
  let canvas;
  try {
    canvas = await decodeScaled(file);
  } catch {
    // A file that is not an image at all, or one the browser cannot decode.
    const notImage = !String(file.type).startsWith('image/');
    showError(i18n.t('upload.error'), i18n.t(notImage ? 'upload.notImage' : 'upload.unreadable', { name: file.name }));
    return;
  }
  const res = sendImage(canvas, false);
  if (res.error) {
    showError(i18n.t('upload.error'), res.error);
    return;
  }
  hideBanner(ui.error);
  scheduleRefresh();
  keepUpload(canvas);
}

// decodeScaled decodes an image file (a Blob) onto a canvas whose longest
// side is at most UPLOAD_SIDE. createImageBitmap reads the usual formats;
// an <img> element (blob: URLs are allowed by the page's CSP) also reads
// SVG. It throws when neither can.
async function decodeScaled(blob) {
  let bitmap = null;
  try {
    bitmap = await createImageBitmap(blob);
  } catch {
    // Tried below with an <img>.
  }
  if (bitmap) {
    try {
      return downscale(bitmap, bitmap.width, bitmap.height);
    } finally {
      bitmap.close();
    }
  }
  const url = URL.createObjectURL(blob);
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    return downscale(img, img.naturalWidth, img.naturalHeight);
  } finally {
    URL.revokeObjectURL(url);
  }
}

// downscale draws an image of w×h pixels on a canvas whose longest side is
// at most UPLOAD_SIDE.
function downscale(img, w, h) {
  if (!(w > 0 && h > 0)) throw new Error('the image has no size');
  const f = Math.min(1, UPLOAD_SIDE / Math.max(w, h));
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(1, Math.round(w * f));
  canvas.height = Math.max(1, Math.round(h * f));
  const g = canvas.getContext('2d');
  g.imageSmoothingEnabled = true;
  g.imageSmoothingQuality = 'high';
  g.drawImage(img, 0, 0, canvas.width, canvas.height);
  return canvas;
}

// sendImage hands a canvas's pixels to the bridge. The bytes are copied
// into a Uint8Array of the frame's own realm, which the Go side checks for.
function sendImage(canvas, restore) {
  const img = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
  let data;
  try {
    data = new ui.frame.contentWindow.Uint8Array(img.data.length);
    data.set(img.data);
  } catch (err) {
    return { error: err?.message || String(err) };
  }
  return call('upload', { width: img.width, height: img.height, data }, { restore });
}

function keepUpload(canvas) {
  try {
    localStorage.setItem(UPLOAD_KEY, canvas.toDataURL('image/png'));
  } catch (err) {
    // Storage full or disabled: the image is used now, but not kept.
    showNotice(i18n.t('upload.notKept'), [err?.name || String(err)]);
  }
}

// restoreUpload brings back the image kept by keepUpload, if any. A kept
// image that cannot be decoded any more is forgotten quietly.
async function restoreUpload() {
  let url = null;
  try {
    url = localStorage.getItem(UPLOAD_KEY);
  } catch {
    return; // storage disabled: nothing was kept
  }
  if (!url) return;
  try {
    // Decoded from its bytes: the page's CSP allows no fetch of data: URLs.
    const m = /^data:(image\/png);base64,([A-Za-z0-9+/=]+)$/.exec(url);
    if (!m) throw new Error('not a PNG data URL');
    const bytes = Uint8Array.from(atob(m[2]), (c) => c.charCodeAt(0));
    const res = sendImage(await decodeScaled(new Blob([bytes], { type: m[1] })), true);
    if (res.error) throw new Error(res.error);
  } catch {
    try {
      localStorage.removeItem(UPLOAD_KEY);
    } catch {
      // Nothing more to do: the lesson says there is no image.
    }
  }
}

// ---------------------------------------------------------------- hash and history

function currentHash(state) {
  return buildHash({ lesson: app.current, state, lang: i18n.getLang(), ...app.extra });
}

// writeHash records the state in the URL: replace while values change,
// push when the lesson switches (so back returns to the previous topic).
function writeHash(mode, state) {
  if (!app.current) return;
  if (state === undefined) {
    const s = call('state');
    state = typeof s === 'string' ? s : '';
  }
  const hash = currentHash(state);
  if (hash === location.hash && hash === app.lastHash) return;
  app.lastHash = hash;
  const url = location.pathname + location.search + hash;
  if (mode === 'push') history.pushState(null, '', url);
  else history.replaceState(null, '', url);
  linkElsewhere(state);
}

// followHash restores the state of a hash reached by back/forward or typed
// by hand.
function followHash() {
  if (!app.aimath || location.hash === app.lastHash || location.hash === app.following) return;
  app.following = location.hash;
  const h = parseHash(location.hash);
  app.extra = { embed: h.embed, hide: h.hide };
  const options = pageOptions(location.search, h);
  // origins stays as the page was loaded: a later hash cannot widen it.
  const changed = options.embed !== app.options.embed || options.hide.join() !== app.options.hide.join();
  app.options = { ...options, origins: app.options.origins };
  if (changed) {
    applyEmbed();
    renderLesson();
  }
  const problems = [];
  if (h.lang !== null && h.lang !== i18n.getLang()) {
    if (i18n.LANGS.includes(h.lang)) setLanguage(h.lang, { persist: false });
    else problems.push(`lang=${String(h.lang).slice(0, 20)}`);
  }
  const id = h.lesson || DEFAULT_LESSON;
  const state = call('state');
  if (id === app.current && typeof state === 'string' && sameState(h.state, state) && !problems.length) {
    app.lastHash = location.hash;
    app.following = '';
    return;
  }
  openLesson(id, h.state, { history: 'replace', problems }).finally(() => (app.following = ''));
}

// ---------------------------------------------------------------- language

function setLanguage(lang, { persist = false, rerender = true } = {}) {
  i18n.setLang(lang);
  if (persist) {
    try {
      localStorage.setItem(LANG_KEY, lang);
    } catch {
      // Not remembered, but still switched.
    }
  }
  document.documentElement.lang = lang;
  i18n.applyStatic(document);
  // The toggle names the other language, in that language.
  const other = lang === 'ko' ? 'en' : 'ko';
  ui.langText.textContent = i18n.t('lang.name.' + other);
  ui.langToggle.lang = other;
  document.title = i18n.t('app.title');
  if (!rerender) return;
  renderNav();
  if (app.current) {
    renderLesson();
    writeHash('replace');
  }
  hideBanner(ui.error);
}

// ---------------------------------------------------------------- embedding

// applyEmbed shows or drops the site's chrome (header, topics, footer, the
// introduction) for ?embed=1 or #…&embed=1.
function applyEmbed() {
  document.documentElement.classList.toggle('is-embed', app.options.embed);
  ui.openFull.hidden = !app.options.embed;
}

// hiddenControls returns the names of hide= that are controls of the
// lesson; the others are ignored, with a note on the console (once each).
function hiddenControls(spec) {
  const names = new Set(spec.params.filter((p) => !p.hidden).map((p) => p.name));
  const out = new Set();
  for (const name of app.options.hide) {
    if (names.has(name)) {
      out.add(name);
    } else if (!app.noted.has(`${spec.id}:${name}`)) {
      app.noted.add(`${spec.id}:${name}`);
      console.info(`aimath: hide=${name}: lesson ${spec.id} has no such control; ignored`);
    }
  }
  return out;
}

// linkElsewhere points the links that leave this page at the current
// state: the oEmbed discovery link (made here: without a state it would
// have no URL to name), and in an embed "open in the playground" (the
// full page, without embed and hide).
function linkElsewhere(state) {
  const full = location.origin + location.pathname + buildHash({ lesson: app.current, state, lang: i18n.getLang() });
  ui.openFull.href = full;
  if (!ui.oembed) {
    ui.oembed = Object.assign(document.createElement('link'), { rel: 'alternate', type: 'application/json+oembed' });
    document.head.append(ui.oembed);
  }
  ui.oembed.title = lessonTitle();
  ui.oembed.href = `oembed?url=${encodeURIComponent(full)}&format=json`;
}

// snapshot is what a host hears about the lesson shown.
function snapshot() {
  const state = call('state');
  const readouts = call('readouts');
  const values = call('values');
  return {
    lesson: app.current,
    state: typeof state === 'string' ? state : '',
    readouts: readouts.error ? {} : readouts,
    values: values.error ? {} : values,
    playing: call('playing') === true,
    lang: i18n.getLang(),
  };
}

// connectToHost answers the page that embeds this one (see host.js): its
// commands act as the reader's input would, but a refused one is answered
// to the host instead of shown in a banner.
function connectToHost() {
  const { origins, bad } = app.options.origins;
  if (bad.length) console.info(`aimath: origins= entries that are not http(s) origins, ignored: ${bad.join(' ')}`);
  const must = (res) => {
    if (res.error) throw new Error(res.error);
    scheduleRefresh();
    return res;
  };
  app.host = connectHost({
    origins,
    snapshot,
    handlers: {
      'aimath:set': ({ name, value }) => {
        const res = must(call('set', name, value));
        app.panel?.reflect(name, res.value);
        return { name, value: res.value, clamped: res.clamped === true };
      },
      'aimath:act': ({ name }) => {
        must(call('act', name));
        return { name, ok: true };
      },
      'aimath:open': async ({ lesson, state = '' }) => {
        if (!app.schema.has(lesson)) throw new Error(`unknown lesson "${lesson}"`);
        const problems = [];
        hideBanner(ui.error);
        await openLesson(lesson, state, { history: 'replace', problems });
        if (app.current !== lesson) throw new Error(`lesson ${lesson} could not be opened`);
        return { lesson, state: snapshot().state, warnings: problems };
      },
      'aimath:get': () => snapshot(),
    },
  });
}

// ---------------------------------------------------------------- messages

let errorTimer = 0;
let lastError = { text: '', at: 0 };

function showError(prefix, detail, dedupe = false) {
  const text = `${prefix} ${detail}`;
  const now = performance.now();
  if (dedupe && text === lastError.text && now - lastError.at < 5000) return;
  lastError = { text, at: now };
  ui.error.querySelector('.banner-prefix').textContent = prefix;
  ui.error.querySelector('.banner-detail').textContent = String(detail).slice(0, 300);
  ui.error.hidden = false;
  clearTimeout(errorTimer);
  errorTimer = setTimeout(() => hideBanner(ui.error), ERROR_HIDE_MS);
}

function showNotice(prefix, items) {
  ui.notice.querySelector('.banner-prefix').textContent = prefix;
  const list = ui.notice.querySelector('.banner-list');
  list.replaceChildren();
  for (const it of items.slice(0, 8)) {
    const li = document.createElement('li');
    li.textContent = String(it).slice(0, 200);
    list.append(li);
  }
  ui.notice.hidden = false;
}

function hideBanner(banner) {
  banner.hidden = true;
  if (banner === ui.error) clearTimeout(errorTimer);
}

let toastTimer = 0;

function toast(text) {
  ui.toast.textContent = text;
  ui.toast.classList.add('is-shown');
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => {
    ui.toast.classList.remove('is-shown');
    ui.toast.textContent = '';
  }, 2500);
}

// ---------------------------------------------------------------- exports

function download(blob, filename) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 30000);
}

function fileStem() {
  return ['aimath', app.current, app.view].filter(Boolean).join('-');
}

function exportCSV() {
  const data = call('exportData');
  if (data.error || !Array.isArray(data.columns)) {
    showError(i18n.t('error.export'), data.error || '?');
    return;
  }
  download(new Blob([csv(data)], { type: 'text/csv;charset=utf-8' }), fileStem() + '.csv');
}

function exportSVG() {
  const svg = call('svg');
  if (typeof svg !== 'string') {
    showError(i18n.t('error.export'), svg.error || '?');
    return;
  }
  download(new Blob([svg], { type: 'image/svg+xml;charset=utf-8' }), fileStem() + '.svg');
}

// exportPNG draws the figure's SVG (the same display list as the canvas) on
// a canvas at PNG_SCALE and downloads it. Unlike a capture of the WebGL
// canvas this needs no frame to be drawn, and gives the same pixels on
// every machine that has the same fonts.
async function exportPNG() {
  const svg = call('svg');
  if (typeof svg !== 'string') {
    showError(i18n.t('error.export'), svg.error || '?');
    return;
  }
  try {
    download(await svgToPNG(svg, PNG_SCALE), fileStem() + '.png');
  } catch (err) {
    showError(i18n.t('error.export'), err?.message || String(err));
  }
}

async function svgToPNG(svg, scale) {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    const w = img.naturalWidth;
    const h = img.naturalHeight;
    if (!(w > 0 && h > 0)) throw new Error('the figure has no size');
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(w * scale);
    canvas.height = Math.round(h * scale);
    const g = canvas.getContext('2d');
    g.fillStyle = '#fff';
    g.fillRect(0, 0, canvas.width, canvas.height);
    g.drawImage(img, 0, 0, canvas.width, canvas.height);
    return await new Promise((resolve, reject) =>
      canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('the browser could not encode a PNG'))), 'image/png'),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}

// Text exports (a lesson's "exports": aimath.exportText(kind)). JSON is a
// file to download; code (numpy) opens in a dialog, to copy into a
// notebook or download. Other kinds, should a lesson add them, open in
// the dialog as plain text.
const TEXT_EXPORTS = {
  json: { file: 'weights.json', type: 'application/json', dialog: false },
  numpy: { file: 'forward.py', type: 'text/x-python', dialog: true },
};

function exportKind(kind) {
  return TEXT_EXPORTS[kind] || { file: `${kind}.txt`, type: 'text/plain', dialog: true };
}

// renderExportButtons puts a button per text export after Export SVG.
function renderExportButtons(spec) {
  for (const b of document.querySelectorAll('.btn-export')) b.remove();
  for (const kind of spec.exports || []) {
    const b = document.createElement('button');
    b.type = 'button';
    b.className = 'btn btn-quiet btn-export';
    b.dataset.export = kind;
    b.textContent = i18n.t('export.' + kind);
    b.addEventListener('click', () => exportText(kind));
    ui.copyLink.before(b);
  }
}

const exported = { kind: '', text: '' };

function exportText(kind) {
  const res = call('exportText', kind);
  if (res.error || typeof res.text !== 'string') {
    showError(i18n.t('error.export'), res.error || '?');
    return;
  }
  const how = exportKind(kind);
  if (!how.dialog) {
    download(new Blob([res.text], { type: how.type + ';charset=utf-8' }), `aimath-${app.current}-${how.file}`);
    return;
  }
  exported.kind = kind;
  exported.text = res.text;
  ui.dialogTitle.textContent = i18n.t('export.title.' + kind, null, i18n.t('export.' + kind));
  ui.dialogHelp.textContent = i18n.optional('export.help.' + kind) ?? '';
  ui.dialogHelp.hidden = !ui.dialogHelp.textContent;
  ui.dialogCode.textContent = res.text;
  ui.dialogCode.scrollTop = 0;
  ui.dialogStatus.textContent = '';
  ui.dialog.showModal();
}

function wireExportDialog() {
  const close = () => ui.dialog.close();
  $('export-close').addEventListener('click', close);
  $('export-x').addEventListener('click', close);
  // A click on the backdrop (outside the box) closes it too.
  ui.dialog.addEventListener('click', (e) => {
    if (e.target !== ui.dialog) return;
    const r = ui.dialog.getBoundingClientRect();
    if (e.clientX < r.left || e.clientX > r.right || e.clientY < r.top || e.clientY > r.bottom) close();
  });
  $('export-download').addEventListener('click', () => {
    const how = exportKind(exported.kind);
    download(new Blob([exported.text], { type: how.type + ';charset=utf-8' }), `aimath-${app.current}-${how.file}`);
  });
  $('export-copy').addEventListener('click', async () => {
    const ok = await copyText(exported.text, ui.dialogCode);
    ui.dialogStatus.textContent = i18n.t(ok ? 'export.copied' : 'export.copyManually');
  });
}

// copyText puts text on the clipboard: the Clipboard API, else the
// selection of node copied the old way. When both fail the text stays
// selected, for the user to copy by hand.
async function copyText(text, node) {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // Not allowed here (an insecure origin, a denied permission): below.
  }
  const range = document.createRange();
  range.selectNodeContents(node);
  const sel = getSelection();
  sel.removeAllRanges();
  sel.addRange(range);
  try {
    return document.execCommand('copy');
  } catch {
    return false;
  }
}

async function copyLink() {
  writeHash('replace');
  try {
    await navigator.clipboard.writeText(location.href);
    toast(i18n.t('btn.copied'));
  } catch {
    showNotice(i18n.t('notice.copyManually'), [location.href]);
  }
}

// renderPlayButtons shows play and step where the lesson (and its current
// view) has something to play.
function renderPlayButtons(spec) {
  const still = !spec?.animated || (spec.still || []).includes(app.view);
  ui.play.hidden = still;
  ui.step.hidden = still;
}

// viewOf returns the value of a lesson's view switch: its choice param
// "view" (or "mode", as the gradient-descent lesson calls it).
function viewOf(values) {
  for (const name of ['view', 'mode']) {
    if (typeof values?.[name] === 'string') return values[name];
  }
  return null;
}

// Started last, so that every declaration above is initialised before the
// first line of boot runs.
boot().catch((err) => loadFailed(err?.message || String(err)));

// Translations. Shell strings live in i18n/en.json and i18n/ko.json; each
// lesson has i18n/<id>.en.json and i18n/<id>.ko.json, loaded when the lesson
// first opens. A lookup falls back from the chosen language to English, and
// a key missing from both is shown humanized (never raw) with a warning.

import { fill, formatNumber, humanize } from './util.js';

export const LANGS = ['en', 'ko'];

const shell = { en: {}, ko: {} };
const lessons = new Map(); // "id.lang" -> dictionary
const warned = new Set();
let lang = 'en';
let lesson = '';

async function fetchJSON(url) {
  const r = await fetch(url);
  if (!r.ok) throw new Error(`${url}: HTTP ${r.status}`);
  return r.json();
}

// loadShell fetches both shell dictionaries (they are small, and the toggle
// should not wait for the network).
export async function loadShell() {
  const [en, ko] = await Promise.all(LANGS.map((l) => fetchJSON(`i18n/${l}.json`)));
  shell.en = en;
  shell.ko = ko;
}

// loadLesson fetches a lesson's dictionaries once. A missing file is not
// fatal: the lookups fall back and warn.
export async function loadLesson(id) {
  await Promise.all(
    LANGS.map(async (l) => {
      const k = `${id}.${l}`;
      if (lessons.has(k)) return;
      try {
        lessons.set(k, await fetchJSON(`i18n/${id}.${l}.json`));
      } catch (err) {
        console.warn(`aimath: no translations for lesson ${id} (${l}): ${err.message}`);
        lessons.set(k, {});
      }
    }),
  );
}

export function setLang(l) {
  lang = LANGS.includes(l) ? l : 'en';
}

export function getLang() {
  return lang;
}

export function setLesson(id) {
  lesson = id;
}

function lookup(key) {
  const order = [lessons.get(`${lesson}.${lang}`), shell[lang], lessons.get(`${lesson}.en`), shell.en];
  for (const d of order) {
    if (d && typeof d[key] === 'string') return d[key];
  }
  return null;
}

// has reports whether key has a translation in any fallback.
export function has(key) {
  return lookup(key) !== null;
}

// t returns the translation of key with {placeholders} filled. fallback is
// the text shown if the key is missing (default: the humanized last part
// of the key); a missing key is reported once on the console.
export function t(key, vars, fallback) {
  const s = lookup(key);
  if (s !== null) return fill(s, vars);
  if (!warned.has(lang + ':' + key)) {
    warned.add(lang + ':' + key);
    console.warn(`aimath: missing translation "${key}" (${lang})`);
  }
  return fill(fallback ?? humanize(key.slice(key.lastIndexOf('.') + 1)), vars);
}

// optional returns the translation of key, or null without a warning (for
// keys a lesson may leave out, such as help lines).
export function optional(key, vars) {
  const s = lookup(key);
  return s === null ? null : fill(s, vars);
}

// readoutLabel finds "readout.<name>", or for a name ending in digits
// "readout.<prefix>#" with {n} replaced by the digits.
export function readoutLabel(name) {
  const direct = lookup('readout.' + name);
  if (direct !== null) return direct;
  const m = /^(.*?)(\d+)$/.exec(name);
  if (m) {
    const pattern = lookup(`readout.${m[1]}#`);
    if (pattern !== null) return fill(pattern, { n: m[2] });
  }
  return t('readout.' + name, null, humanize(name));
}

// perView looks up "<base>.<view>" first, then "<base>".
export function perView(base, view) {
  if (view) {
    const s = lookup(`${base}.${view}`);
    if (s !== null) return s;
  }
  return t(base, null, '');
}

// A message key with values, as lessons write them: key{name=value,...}.
// A value runs to the next ",name=" (so an error text may hold commas).
const KEYED = /^([\w.-]+)\{(.*)\}$/s;

// parseKeyed splits "kernel_too_big{k=7,h=5}" into {key, vars}, or returns
// null for any other string.
export function parseKeyed(s) {
  const m = KEYED.exec(s);
  if (!m) return null;
  const vars = {};
  if (m[2] !== '') {
    for (const pair of m[2].split(/,(?=\w+=)/)) {
      const eq = pair.indexOf('=');
      if (eq < 1) return null;
      const x = pair.slice(eq + 1);
      // Numbers read as the readouts do (a true minus sign).
      vars[pair.slice(0, eq)] = /^-?\d+(\.\d+)?$/.test(x) ? formatNumber(Number(x)) : x;
    }
  }
  return { key: m[1], vars };
}

// valueText translates a string readout that is a message key, plain
// ("singular") or with values ("pool_too_big{s=4,h=3,w=3}", whose {s}, {h}
// and {w} fill the text); any other string is literal text, shown as it is.
// A keyed message without a translation is shown humanized with its values
// (and warned about), never raw.
export function valueText(s) {
  const v = lookup('value.' + s);
  if (v !== null) return v;
  const k = parseKeyed(s);
  if (!k) return s;
  const text = lookup('value.' + k.key);
  if (text !== null) return fill(text, k.vars);
  const list = Object.entries(k.vars).map(([n, x]) => `${n} = ${x}`);
  return t('value.' + k.key, null, humanize(k.key)) + (list.length ? ` (${list.join(', ')})` : '');
}

// applyStatic translates the page's own markup: data-i18n sets the text,
// data-i18n-attr="aria-label:key;title:key" sets attributes.
export function applyStatic(root) {
  for (const el of root.querySelectorAll('[data-i18n]')) {
    el.textContent = t(el.dataset.i18n);
  }
  for (const el of root.querySelectorAll('[data-i18n-attr]')) {
    for (const pair of el.dataset.i18nAttr.split(';')) {
      const [attr, key] = pair.split(':');
      if (attr && key) el.setAttribute(attr.trim(), t(key.trim()));
    }
  }
}

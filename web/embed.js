// The rules of embedding, without the DOM (so that Node can test them): the
// page options read from the URL, the embed URL and its <iframe> snippet,
// and the check of every message a host page sends (see host.js for the
// protocol and the README for its documentation).

import { buildHash, parseHash } from './util.js';

// PROTOCOL is the version of the postMessage protocol, sent in aimath:ready.
export const PROTOCOL = 1;

// Bounds of a host's message: its size as JSON, a command's strings, and
// the values aimath:set accepts (a matrix is at most 64×64).
export const MAX_MESSAGE = 16 * 1024;
export const MAX_STATE = 8 * 1024; // as POST /api/share allows
const MAX_TEXT = 4096;
const MAX_ITEMS = 64;
const MAX_ORIGINS = 10;

// Names of parameters and actions, lesson ids and request ids.
const NAME = /^[A-Za-z_][\w-]{0,63}$/;
const LESSON = /^[a-z][a-z0-9_-]{0,39}$/;

// The size of an embed when nobody chose one (as the server's oEmbed).
export const EMBED_SIZE = { width: 900, height: 640 };
export const SIZE_LIMITS = { min: 200, max: 2000 };

// pageOptions reads the page's own options from the URL: embed, hide and
// lang may be in the query (?embed=1&hide=a,b&lang=ko) or in the hash
// (#lesson=…&embed=1); the hash wins where both have one. origins is read
// from the query only (see parseOrigins).
export function pageOptions(search, hash) {
  const q = new URLSearchParams(search);
  const h = typeof hash === 'string' ? parseHash(hash) : hash;
  const pick = (k) => (h[k] !== null && h[k] !== undefined ? h[k] : q.get(k));
  return {
    embed: pick('embed') === '1',
    hide: parseHide(pick('hide')),
    lang: pick('lang'),
    origins: q.has('origins') ? parseOrigins(q.get('origins')) : { origins: null, bad: [] },
  };
}

// parseHide reads "lr,f" into the names to hide, dropping anything that is
// not a parameter name; null or "" is none.
export function parseHide(text) {
  if (text === null || text === undefined) return [];
  const out = [];
  for (const part of String(text).split(',')) {
    const name = part.trim();
    if (NAME.test(name) && !out.includes(name)) out.push(name);
  }
  return out;
}

// parseOrigins reads the embedder's allow-list, "https://a.example,
// https://b.example:8443", into origins (as window.origin spells them) and
// the entries that are not an http(s) origin (bad). A list whose entries
// are all bad allows nobody: the embedder asked for a list, so the frame
// fails closed.
export function parseOrigins(text) {
  const origins = [];
  const bad = [];
  for (const part of String(text ?? '').split(',')) {
    const s = part.trim().replace(/\/$/, '');
    if (s === '') continue;
    let u = null;
    try {
      u = new URL(s);
    } catch {
      // Reported below.
    }
    // An origin is a scheme, host and port: nothing after them.
    const plain = u && u.pathname === '/' && !u.search && !u.hash && !u.username && !u.password;
    if (plain && (u.protocol === 'http:' || u.protocol === 'https:')) {
      if (!origins.includes(u.origin) && origins.length < MAX_ORIGINS) origins.push(u.origin);
    } else {
      bad.push(s.slice(0, 80));
    }
  }
  return { origins, bad };
}

// embedURL is the address of a lesson in embed mode: the page (base, without
// query or hash) with ?embed=1 and the state, language and hidden controls
// in the hash, the form the server's oEmbed answer uses too.
export function embedURL(base, { lesson, state, lang, hide }) {
  const names = parseHide(Array.isArray(hide) ? hide.join(',') : hide);
  return `${base}?embed=1${buildHash({ lesson, state, lang: lang || null, hide: names.length ? names.join(',') : null })}`;
}

// clampSize reads a width or height typed by a person: a whole number of
// pixels within SIZE_LIMITS, or fallback when the text is no number.
export function clampSize(text, fallback) {
  const n = Math.round(Number(text));
  if (String(text).trim() === '' || !Number.isFinite(n)) return fallback;
  return Math.min(SIZE_LIMITS.max, Math.max(SIZE_LIMITS.min, n));
}

function attr(s) {
  return String(s).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

// iframeSnippet is the HTML to paste into a course page (the same shape as
// the server's oEmbed html).
export function iframeSnippet({ src, width, height, title }) {
  return (
    `<iframe src="${attr(src)}" width="${width}" height="${height}" title="${attr(title)}" ` +
    `style="border:0;max-width:100%" loading="lazy" allow="fullscreen"></iframe>`
  );
}

// checkValue accepts what aimath.set takes: a finite number, a boolean, a
// string, [x, y], or rows of numbers; the bridge checks the rest.
function checkValue(v) {
  if (typeof v === 'number') return Number.isFinite(v) ? null : 'value must be a finite number';
  if (typeof v === 'boolean') return null;
  if (typeof v === 'string') return v.length <= MAX_TEXT ? null : `value longer than ${MAX_TEXT} characters`;
  if (Array.isArray(v)) {
    if (v.length === 0 || v.length > MAX_ITEMS) return `value must have 1 to ${MAX_ITEMS} items`;
    const number = (x) => typeof x === 'number' && Number.isFinite(x);
    const row = (r) => Array.isArray(r) && r.length > 0 && r.length <= MAX_ITEMS && r.every(number);
    return v.every(number) || v.every(row) ? null : 'value must be numbers or rows of numbers';
  }
  return 'value must be a number, boolean, string or array';
}

function checkName(v, what) {
  return typeof v === 'string' && NAME.test(v) ? null : `${what} must be a name such as "x" or "reset"`;
}

// Commands a host may send, with the checks of their fields.
const COMMANDS = {
  'aimath:set': (m) => checkName(m.name, 'name') ?? ('value' in m ? checkValue(m.value) : 'value is missing'),
  'aimath:act': (m) => checkName(m.name, 'name'),
  'aimath:open': (m) =>
    typeof m.lesson !== 'string' || !LESSON.test(m.lesson)
      ? 'lesson must be a lesson id such as "vector"'
      : m.state !== undefined && (typeof m.state !== 'string' || m.state.length > MAX_STATE)
        ? `state must be a string of at most ${MAX_STATE} characters`
        : null,
  'aimath:get': () => null,
};

// checkMessage sorts a message from the host. It returns null for a
// message that is not for us (no "aimath:" type: other scripts on the host
// page post messages too), {error, id, request} for an aimath message that
// is malformed, and the message itself when it is a valid command. id, a
// string or number the host may add, is echoed in the reply.
export function checkMessage(data) {
  if (!data || typeof data !== 'object' || Array.isArray(data)) return null;
  if (typeof data.type !== 'string' || !data.type.startsWith('aimath:')) return null;
  const request = data.type.slice(0, 40);
  const id =
    (typeof data.id === 'string' && data.id.length <= 64) || (typeof data.id === 'number' && Number.isFinite(data.id))
      ? data.id
      : undefined;
  let size;
  try {
    size = JSON.stringify(data).length;
  } catch {
    return { error: 'the message is not JSON data', id, request };
  }
  if (size > MAX_MESSAGE) return { error: `the message is larger than ${MAX_MESSAGE} characters of JSON`, id, request };
  const check = Object.hasOwn(COMMANDS, data.type) ? COMMANDS[data.type] : null;
  if (!check) return { error: `unknown command "${request}"`, id, request };
  const problem = check(data);
  return problem ? { error: problem, id, request } : data;
}

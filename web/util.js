// Pure helpers of the page: number formatting and the URL hash.
// Nothing here touches the DOM or the bridge, so the rules are easy to read
// in one place.

const MINUS = '\u2212';

// formatNumber shows a readout the way a student reads it: at most four
// decimals for ordinary sizes (3.1623, 0.7071, 45), four significant digits
// below 1, and exponent form for very small or very large values (1.2e-7).
// Values within 1e-12 of zero are rounding noise of float64 arithmetic
// (cos of orthogonal vectors), and are shown as 0.
export function formatNumber(x) {
  if (typeof x !== 'number' || !Number.isFinite(x)) return String(x);
  const a = Math.abs(x);
  let s;
  if (a < 1e-12) {
    return '0';
  } else if (a < 1e-4 || a >= 1e7) {
    s = a.toExponential(3).replace(/\.?0+e/, 'e').replace('e+', 'e');
  } else if (a < 1) {
    s = trimZeros(a.toPrecision(4));
  } else {
    s = trimZeros(a.toFixed(4));
  }
  if (s === '0') return '0';
  return x < 0 ? MINUS + s : s;
}

function trimZeros(s) {
  return s.includes('.') ? s.replace(/0+$/, '').replace(/\.$/, '') : s;
}

// inputNumber is the text put in an <input type=number>: plain ASCII,
// without float noise such as 0.30000000000000004.
export function inputNumber(x) {
  if (typeof x !== 'number' || !Number.isFinite(x)) return '';
  return String(Number(x.toPrecision(12)));
}

// formatBytes gives a download size such as "2.4 MB".
export function formatBytes(n) {
  if (!(n > 0)) return '0 MB';
  return (n / 1e6).toFixed(n < 1e7 ? 1 : 0) + ' MB';
}

// Keys of the hash that belong to the page rather than to a lesson.
export const PAGE_KEYS = ['lesson', 'lang', 'embed', 'hide'];

// parseHash splits "#lesson=vector&x=3,-4&lang=ko" into the page's own keys
// and the lesson state (the remaining pairs, still encoded, in their order).
// A key that cannot be decoded stays in the state: the bridge reports it as
// a problem, so the notice can name it.
export function parseHash(hash) {
  const out = { lesson: null, lang: null, embed: null, hide: null, state: '' };
  const rest = [];
  for (const pair of String(hash).replace(/^#/, '').split('&')) {
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    const rawKey = eq < 0 ? pair : pair.slice(0, eq);
    const rawVal = eq < 0 ? '' : pair.slice(eq + 1);
    const key = safeDecode(rawKey);
    if (key !== null && PAGE_KEYS.includes(key)) {
      const val = safeDecode(rawVal);
      out[key] = val === null ? rawVal : val;
    } else {
      rest.push(pair);
    }
  }
  out.state = rest.join('&');
  return out;
}

function safeDecode(s) {
  try {
    return decodeURIComponent(s.replace(/\+/g, ' '));
  } catch {
    return null;
  }
}

// buildHash is the inverse of parseHash. The lesson state comes from the
// bridge already query-escaped; the separators that are safe in a fragment
// are unescaped so that a link reads "x=3,-4" rather than "x=3%2C-4".
export function buildHash({ lesson, state, lang, embed, hide }) {
  const parts = ['lesson=' + encodeURIComponent(lesson)];
  if (state) parts.push(prettyState(state));
  if (lang) parts.push('lang=' + encodeURIComponent(lang));
  if (embed !== null && embed !== undefined) parts.push('embed=' + encodeURIComponent(embed));
  if (hide !== null && hide !== undefined) parts.push('hide=' + encodeURIComponent(hide).replace(/%2C/gi, ','));
  return '#' + parts.join('&');
}

function prettyState(state) {
  return state.replace(/%2C/gi, ',').replace(/%3B/gi, ';').replace(/%7C/gi, '|').replace(/%3A/gi, ':');
}

// sameState compares two encoded states, ignoring the cosmetic escaping
// differences of prettyState.
export function sameState(a, b) {
  return prettyState(a || '') === prettyState(b || '');
}

// humanize turns an identifier into something readable, for a missing
// translation: "x_linf" becomes "x linf".
export function humanize(name) {
  return String(name).replace(/[_.#]+/g, ' ').trim() || '?';
}

// fill replaces {name} placeholders.
export function fill(text, vars) {
  if (!vars) return text;
  return text.replace(/\{(\w+)\}/g, (m, k) => (k in vars ? String(vars[k]) : m));
}

// csv renders a table as RFC 4180 text.
export function csv(table) {
  const cell = (v) => {
    const s = typeof v === 'number' ? String(v) : String(v ?? '');
    return /[",\r\n]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
  };
  const lines = [(table.columns || []).map(cell).join(',')];
  for (const row of table.rows || []) lines.push(row.map(cell).join(','));
  return lines.join('\r\n') + '\r\n';
}

// throttle calls fn at most once per ms milliseconds, always delivering the
// last call (trailing edge).
export function throttle(fn, ms) {
  let last = 0;
  let timer = 0;
  let pending = null;
  return (...args) => {
    pending = args;
    const wait = last + ms - performance.now();
    if (wait <= 0 && !timer) {
      last = performance.now();
      fn(...pending);
      pending = null;
    } else if (!timer) {
      timer = setTimeout(() => {
        timer = 0;
        last = performance.now();
        const a = pending;
        pending = null;
        if (a) fn(...a);
      }, Math.max(0, wait));
    }
  };
}

// parseRows reads a square matrix written as rows, "a,b,c;d,e,f;g,h,i"
// (a kernel), or returns null when the text is not one.
export function parseRows(text) {
  const s = String(text).trim().replace(/;$/, '');
  if (!/\d/.test(s)) return null;
  const rows = s.split(';').map((line) => line.split(',').map((c) => (c.trim() === '' ? NaN : Number(c))));
  const k = rows.length;
  return rows.every((r) => r.length === k && r.every(Number.isFinite)) ? rows : null;
}

// formatRows writes rows the way parseRows reads them, each number in the
// shortest form that reads back to the same value.
export function formatRows(rows) {
  return rows.map((r) => r.map((x) => String(x === 0 ? 0 : x)).join(',')).join(';');
}

// resizeSquare returns rows as a k×k matrix with the same centre: cells
// beyond the old edge are 0, cells beyond the new edge are dropped (so
// growing and shrinking back restores the matrix).
export function resizeSquare(rows, k) {
  const d = Math.trunc((k - rows.length) / 2);
  return Array.from({ length: k }, (_, i) => Array.from({ length: k }, (_, j) => rows[i - d]?.[j - d] ?? 0));
}

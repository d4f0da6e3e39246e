// Shared harness of the browser tests and the browser benchmark: starts the
// project's server on a free loopback port, launches Debian's Chromium
// through playwright-core, and collects each page's console errors and
// uncaught exceptions.
//
// Environment:
//   AIMATH_SERVE  the built cmd/serve binary (default bin/serve)
//   AIMATH_DIST   the built site (default dist)
//   CHROMIUM      the browser (default /usr/bin/chromium)

import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before } from 'node:test';
import { inflateSync } from 'node:zlib';
import { chromium } from 'playwright-core';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const RESULTS = path.join(ROOT, 'test-results');
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';

const resolveFromRoot = (p) => (path.isAbsolute(p) ? p : path.join(ROOT, p));

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// startServer runs cmd/serve on a free port and waits until it answers.
// dist is the site to serve (default AIMATH_DIST); share links go to a
// fresh temporary folder, removed by stop.
export async function startServer({ dist = resolveFromRoot(process.env.AIMATH_DIST || 'dist') } = {}) {
  const bin = resolveFromRoot(process.env.AIMATH_SERVE || 'bin/serve');
  if (!existsSync(bin)) throw new Error(`server binary ${bin} is missing: run "make bin/serve" (or set AIMATH_SERVE)`);
  if (!existsSync(path.join(dist, 'index.html')) || !existsSync(path.join(dist, 'aimath.wasm'))) {
    throw new Error(`${dist} has no built site: run "make dist" (or set AIMATH_DIST)`);
  }
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const data = mkdtempSync(path.join(os.tmpdir(), 'aimath-shares-'));
  const args = ['-addr', `127.0.0.1:${port}`, '-dir', dist, '-data', data];
  const proc = spawn(bin, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  proc.stdout.on('data', (d) => (output += d));
  proc.stderr.on('data', (d) => (output += d));
  let exited = null;
  proc.on('exit', (code, signal) => (exited = code ?? signal));
  const deadline = Date.now() + 15000;
  for (;;) {
    if (exited !== null) throw new Error(`server exited (${exited}) before answering:\n${output}`);
    try {
      const r = await fetch(url + '/', { signal: AbortSignal.timeout(1000) });
      if (r.ok) break;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) {
      proc.kill();
      throw new Error(`server did not answer on ${url} within 15 s:\n${output}`);
    }
    await sleep(100);
  }
  return {
    url,
    async stop() {
      if (exited === null) {
        const done = new Promise((r) => proc.once('exit', r));
        proc.kill('SIGTERM');
        await Promise.race([done, sleep(3000).then(() => proc.kill('SIGKILL'))]);
      }
      rmSync(data, { recursive: true, force: true });
    },
  };
}

export const CHROMIUM_ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
];

// launchBrowser starts Debian's Chromium; it never downloads a browser.
export async function launchBrowser() {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium not found at ${CHROMIUM}: install Debian's chromium: apt-get install chromium`);
  }
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

// newPage opens a page in a fresh context and records its problems in
// page.problems: console errors, the page's own warnings (a missing
// translation) and uncaught exceptions, of every frame. Service workers
// are blocked unless serviceWorkers is 'allow' (tests/browser/offline):
// every other test sees the network as the page does on a first visit.
export async function newPage(
  browser,
  { width = 1280, height = 860, locale = 'en-US', lang, touch = false, scale = 1, serviceWorkers = 'block' } = {},
) {
  const context = await browser.newContext({
    viewport: { width, height },
    locale,
    hasTouch: touch,
    deviceScaleFactor: scale,
    serviceWorkers,
  });
  if (lang) {
    await context.addInitScript((l) => {
      try {
        localStorage.setItem('aimath.lang', l);
      } catch {
        // about:blank has no storage; the app page will.
      }
    }, lang);
  }
  const page = await context.newPage();
  page.problems = [];
  page.on('console', (m) => {
    if (m.type() === 'error') page.problems.push(`console.error: ${m.text()}`);
    // app.js warns when a translation is missing and it shows a fallback.
    else if (m.type() === 'warning' && m.text().startsWith('aimath:')) page.problems.push(`console.warn: ${m.text()}`);
  });
  page.on('pageerror', (e) => page.problems.push(`pageerror: ${e.message}`));
  page.closeAll = () => context.close();
  return page;
}

// openApp loads the page with a hash and waits until the first lesson is
// shown (html[data-ready=true], set by app.js after aimathReady resolves).
export async function openApp(page, base, hash = '') {
  await page.goto(`${base}/${hash ? '#' + hash.replace(/^#/, '') : ''}`);
  await waitReady(page);
}

export async function waitReady(page, timeout = 60000) {
  await page.waitForFunction(
    () => document.documentElement.dataset.ready === 'true' || document.documentElement.dataset.ready === 'failed',
    null,
    { timeout, polling: 50 },
  );
  const ready = await page.evaluate(() => document.documentElement.dataset.ready);
  if (ready !== 'true') {
    const detail = await page.evaluate(() => document.getElementById('loader-detail')?.textContent || '');
    throw new Error(`the page failed to load: ${detail}\n${page.problems.join('\n')}`);
  }
}

// readouts returns the readout table as shown: {name: text}.
export function shownReadouts(page) {
  return page.evaluate(() => {
    const out = {};
    for (const tr of document.querySelectorAll('#readouts tbody tr')) out[tr.dataset.readout] = tr.lastChild.textContent;
    return out;
  });
}

// parseShown reads a formatted readout back as a number ("−0.4472" → -0.4472).
export function parseShown(text) {
  return Number(String(text).replace(/\u2212/g, '-'));
}

export function ensureResults() {
  mkdirSync(RESULTS, { recursive: true });
  return RESULTS;
}

// decodePNG decodes the 8-bit, non-interlaced RGB(A) PNGs that Chromium's
// screenshots are, into {width, height, channels, pixels}.
export function decodePNG(buf) {
  const sig = '89504e470d0a1a0a';
  if (buf.subarray(0, 8).toString('hex') !== sig) throw new Error('not a PNG');
  let pos = 8;
  let width = 0;
  let height = 0;
  let channels = 0;
  const idat = [];
  while (pos < buf.length) {
    const len = buf.readUInt32BE(pos);
    const type = buf.toString('latin1', pos + 4, pos + 8);
    const data = buf.subarray(pos + 8, pos + 8 + len);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      const depth = data[8];
      const color = data[9];
      if (depth !== 8 || data[12] !== 0 || (color !== 2 && color !== 6)) {
        throw new Error(`unsupported PNG (depth ${depth}, colour type ${color}, interlace ${data[12]})`);
      }
      channels = color === 6 ? 4 : 3;
    } else if (type === 'IDAT') {
      idat.push(data);
    } else if (type === 'IEND') {
      break;
    }
    pos += 12 + len;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const pixels = Buffer.alloc(height * stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    const out = pixels.subarray(y * stride, (y + 1) * stride);
    const prev = y > 0 ? pixels.subarray((y - 1) * stride, y * stride) : null;
    for (let i = 0; i < stride; i++) {
      const a = i >= channels ? out[i - channels] : 0;
      const b = prev ? prev[i] : 0;
      const c = prev && i >= channels ? prev[i - channels] : 0;
      let v = line[i];
      switch (filter) {
        case 0:
          break;
        case 1:
          v += a;
          break;
        case 2:
          v += b;
          break;
        case 3:
          v += (a + b) >> 1;
          break;
        case 4: {
          const p = a + b - c;
          const pa = Math.abs(p - a);
          const pb = Math.abs(p - b);
          const pc = Math.abs(p - c);
          v += pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
          break;
        }
        default:
          throw new Error(`bad PNG filter ${filter}`);
      }
      out[i] = v & 0xff;
    }
  }
  return { width, height, channels, pixels };
}

// colourCount returns how many distinct colours a PNG has (up to limit).
export function colourCount(png, limit = 1000) {
  const { pixels, channels } = decodePNG(png);
  const seen = new Set();
  for (let i = 0; i < pixels.length; i += channels) {
    seen.add((pixels[i] << 16) | (pixels[i + 1] << 8) | pixels[i + 2]);
    if (seen.size >= limit) break;
  }
  return seen.size;
}

// waitFrames waits until the canvas has drawn n more frames.
export async function waitFrames(page, n = 3, timeout = 10000) {
  const start = await page.evaluate(() => window.aimath.stats().frames);
  await page.waitForFunction((s) => window.aimath.stats().frames >= s, start + n, { timeout, polling: 50 });
}

// lessonViews lists each built lesson with its view switch (the choice
// param "view" or "mode") and that switch's values ([null] when it has none).
export function lessonViews(page) {
  return page.evaluate(() =>
    window.aimath.lessons().map((l) => {
      const p = l.params.find((q) => (q.name === 'view' || q.name === 'mode') && q.kind === 'choice');
      return { id: l.id, animated: l.animated, still: l.still || [], param: p ? p.name : null, views: p ? p.choices : [null] };
    }),
  );
}

// viewHash is the hash part that opens lesson l in view (null: its default).
export const viewHash = (l, view) => `lesson=${l.id}${view ? `&${l.param}=${view}` : ''}`;

// inView is a page-side predicate: the page shows lesson id in view v.
export const inView = ([id, param, v]) =>
  document.getElementById('lesson').dataset.lesson === id && (!v || window.aimath.values()[param] === v);

// useServerAndBrowser starts the server and Chromium before a test file's
// tests and stops them after; its fields are set once the tests run.
export function useServerAndBrowser() {
  const env = { server: null, browser: null };
  before(async () => {
    env.server = await startServer();
    env.browser = await launchBrowser();
  });
  after(async () => {
    await env.browser?.close();
    await env.server?.stop();
  });
  return env;
}

// eachView shows every view of every built lesson in lang, in turn, and
// calls fn(lesson, view) once the page shows it.
export async function eachView(page, lang, fn) {
  for (const l of await lessonViews(page)) {
    for (const view of l.views) {
      await page.evaluate((h) => (location.hash = h), `${viewHash(l, view)}&lang=${lang}`);
      await page.waitForFunction(inView, [l.id, l.param, view]);
      await page.waitForFunction((lg) => document.documentElement.lang === lg, lang);
      await fn(l, view);
    }
  }
}

// handle returns the page coordinates of the canvas item with data-id id,
// read from the figure's SVG (whose pixels are the canvas's CSS pixels).
export async function handle(page, id) {
  const svg = await page.evaluate(() => window.aimath.svg());
  const m = svg.match(new RegExp(`<circle data-id="${id}" cx="([-\\d.]+)" cy="([-\\d.]+)"`));
  if (!m) throw new Error(`no handle ${id} in the figure`);
  const box = await page.locator('#game').boundingBox();
  return { x: box.x + Number(m[1]), y: box.y + Number(m[2]) };
}

// drag presses at from, moves to to in six steps a few frames apart (so the
// game sees a drag, not a jump) and releases.
export async function drag(page, from, to) {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  for (let i = 1; i <= 6; i++) {
    await page.mouse.move(from.x + ((to.x - from.x) * i) / 6, from.y + ((to.y - from.y) * i) / 6);
    await page.waitForTimeout(40);
  }
  await page.mouse.up();
}

// panelImage returns the page rectangle of the first raster (an <image>)
// of the canvas panel with ID panel, read from the figure's SVG.
export async function panelImage(page, panel) {
  const svg = await page.evaluate(() => window.aimath.svg());
  const start = svg.indexOf(`<g data-panel="${panel}">`);
  if (start < 0) throw new Error(`no panel ${panel} in the figure`);
  const end = svg.indexOf('<g data-panel=', start + 1);
  const group = svg.slice(start, end < 0 ? undefined : end);
  const m = group.match(/<image[^>]* x="([-\d.]+)" y="([-\d.]+)" width="([\d.]+)" height="([\d.]+)"/);
  if (!m) throw new Error(`panel ${panel} has no raster`);
  const box = await page.locator('#game').boundingBox();
  return { x: box.x + Number(m[1]), y: box.y + Number(m[2]), width: Number(m[3]), height: Number(m[4]) };
}

// largestRaster returns the page rectangle and panel ID of the largest
// raster (an <image>) in the figure's SVG: the main plot of a view whose
// panel IDs a test does not want to depend on.
export async function largestRaster(page) {
  const svg = await page.evaluate(() => window.aimath.svg());
  let best = null;
  for (const part of svg.split('<g data-panel="').slice(1)) {
    const panel = part.slice(0, part.indexOf('"'));
    for (const m of part.matchAll(/<image[^>]* x="([-\d.]+)" y="([-\d.]+)" width="([\d.]+)" height="([\d.]+)"/g)) {
      const r = { panel, x: Number(m[1]), y: Number(m[2]), width: Number(m[3]), height: Number(m[4]) };
      if (!best || r.width * r.height > best.width * best.height) best = r;
    }
  }
  if (!best) throw new Error('the figure has no raster');
  const box = await page.locator('#game').boundingBox();
  return { ...best, x: box.x + best.x, y: box.y + best.y };
}

// englishOnKorean lists visible strings of the lesson (its controls,
// readouts and text, not the MathML or the numbers, and the options of its
// menus) that have English words of three letters or more, other than
// those in shared (names that are the same in both languages), and no
// Hangul.
export function englishOnKorean(page, shared) {
  return page.evaluate((shared) => {
    const out = [];
    const norm = (s) => s.replace(/\s+/g, ' ').trim();
    const english = (text) =>
      (text.match(/[A-Za-z]{3,}/g) || []).some((w) => !shared.includes(w.toLowerCase())) && !/[\uac00-\ud7a3]/.test(text);
    const root = document.getElementById('lesson');
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      const text = norm(n.textContent);
      if (!text || !el || el.closest('[translate="no"], math, [hidden]') || !el.checkVisibility({ checkVisibilityCSS: true })) continue;
      if (english(text)) out.push(text);
    }
    for (const sel of root.querySelectorAll('select')) {
      if (sel.closest('[hidden]')) continue;
      for (const o of sel.options) if (english(o.text)) out.push(o.text);
    }
    return out;
  }, [...shared]);
}

// Offline and static hosting: no request leaves the page's origin; after
// one visit the service worker (web/sw.js) opens the playground with the
// network off; a new version's cache replaces the old one.
//
// The tests serve a copy of the built site, so that they can publish a
// "new version" by rewriting its build.json.

import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { ROOT, launchBrowser, newPage, startServer, waitReady } from './harness.mjs';

const env = { server: null, browser: null, dist: '', version: '' };

before(async () => {
  const built = path.resolve(ROOT, process.env.AIMATH_DIST || 'dist');
  env.dist = mkdtempSync(path.join(os.tmpdir(), 'aimath-dist-'));
  cpSync(built, env.dist, { recursive: true });
  // build.json is rewritten below: no stale precompressed copies of it.
  rmSync(path.join(env.dist, 'build.json.br'), { force: true });
  rmSync(path.join(env.dist, 'build.json.gz'), { force: true });
  env.version = JSON.parse(readFileSync(path.join(env.dist, 'build.json'), 'utf8')).version;
  env.server = await startServer({ dist: env.dist });
  env.browser = await launchBrowser();
});

after(async () => {
  await env.browser?.close();
  await env.server?.stop();
  if (env.dist) rmSync(env.dist, { recursive: true, force: true });
});

// siteFiles lists the site's files as URL paths ("/app.js"), without the
// precompressed copies and the worker itself.
function siteFiles(dir, prefix = '/') {
  const out = [];
  for (const name of readdirSync(dir)) {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) out.push(...siteFiles(p, `${prefix}${name}/`));
    else if (!/\.(br|gz)$/.test(name) && name !== 'sw.js') out.push(prefix + name);
  }
  return out;
}

// openOnline opens the page in a context that allows service workers and
// waits until the worker's cache holds every file (html[data-offline]).
async function openOnline(hash = 'lesson=vector&lang=en') {
  const page = await newPage(env.browser, { serviceWorkers: 'allow' });
  await page.goto(`${env.server.url}/#${hash}`);
  await waitReady(page);
  await page.waitForFunction((c) => document.documentElement.dataset.offline === c, `aimath-${env.version}`, {
    timeout: 60000,
  });
  return page;
}

// cached lists the caches and the URL paths each holds.
function cached(page) {
  return page.evaluate(async () => {
    const out = {};
    for (const name of await caches.keys()) {
      out[name] = (await (await caches.open(name)).keys()).map((r) => new URL(r.url).pathname).sort();
    }
    return out;
  });
}

async function openTopic(page, id) {
  await page.click(`#topic-list a[data-topic="${id}"]`);
  await page.waitForFunction((l) => document.getElementById('lesson').dataset.lesson === l, id);
  await page.waitForFunction(() => document.querySelectorAll('#readouts tbody tr').length > 0);
}

test('every request the page makes goes to its own origin', async () => {
  const page = await newPage(env.browser, { serviceWorkers: 'allow' });
  const seen = new Set();
  const record = (r) => seen.add(r.url());
  page.context().on('request', record);
  try {
    await page.goto(`${env.server.url}/#lesson=vector&lang=en`);
    await waitReady(page);
    await page.waitForFunction(() => document.documentElement.dataset.offline?.startsWith('aimath-'), null, { timeout: 60000 });
    const lessons = await page.evaluate(() => window.aimath.lessons().map((l) => l.id));
    for (const id of lessons.filter((l) => l !== 'vector')) await openTopic(page, id);
    // The exports and the dialogs: a PNG drawn in the page, the embed preview, a share.
    const [png] = await Promise.all([page.waitForEvent('download'), page.click('#btn-png')]);
    assert.match(png.suggestedFilename(), /\.png$/);
    await page.click('#btn-embed');
    await page.frameLocator('#embed-preview').locator('html[data-ready="true"]').waitFor({ timeout: 60000 });
    await page.click('#embed-close');
    await page.click('#btn-share');
    await page.locator('#share-url').waitFor({ state: 'visible' });
    await page.click('#share-close');
    await page.click('#lang-toggle');
    await page.waitForFunction(() => document.documentElement.lang === 'ko');

    const origin = new URL(env.server.url).origin;
    // data: and blob: URLs are the page's own bytes; blob: URLs carry their creator's origin.
    const away = [...seen].filter((u) => !u.startsWith('data:') && new URL(u.replace(/^blob:/, '')).origin !== origin);
    assert.deepEqual(away, []);
    assert.ok(seen.size > 20, `${seen.size} requests seen`);
    assert.deepEqual(page.problems, []);
  } finally {
    await page.closeAll();
  }
});

test('after one visit the playground opens and runs its lessons with the network off', async () => {
  const page = await openOnline();
  try {
    // Every file of the site a lesson can ask for is in the cache, but
    // the texts of lessons this build lacks.
    const lessons = await page.evaluate(() => window.aimath.lessons().map((l) => l.id));
    const want = siteFiles(env.dist).filter((f) => {
      const m = /^\/i18n\/([a-z]+)\.(en|ko)\.json$/.exec(f);
      return !m || lessons.includes(m[1]);
    });
    const caches = await cached(page);
    assert.deepEqual(Object.keys(caches), [`aimath-${env.version}`]);
    const missing = want.filter((f) => !caches[`aimath-${env.version}`].includes(f));
    assert.deepEqual(missing, [], 'files the worker does not keep');

    await page.context().setOffline(true);
    // The worker's own fetches fail too: what follows comes from its cache.
    const worker = page.context().serviceWorkers()[0];
    assert.ok(worker, 'a service worker runs');
    assert.equal(await worker.evaluate(() => fetch('/oembed?format=json').then(() => 'online', () => 'offline')), 'offline');

    const fromNetwork = [];
    page.on('response', (r) => {
      if (!r.fromServiceWorker() && /^http/.test(r.url())) fromNetwork.push(r.url());
    });
    await page.reload();
    await waitReady(page);
    assert.equal(await page.evaluate(() => navigator.onLine), false);
    assert.match(await page.textContent('#readouts'), /‖x‖/);
    // Two more lessons, one with pictures in its menu.
    await openTopic(page, 'matrix');
    // numpy: np.linalg.det([[2, 1], [1, 1.5]]) = 2.0
    await page.evaluate(() => (location.hash = '#lesson=matrix&view=map&a11=2&a12=1&a21=1&a22=1.5&lang=en'));
    await page.waitForFunction(() => document.querySelector('#readouts tr[data-readout="det"] td')?.textContent === '2');
    await openTopic(page, 'nn');
    await page.evaluate(() => (location.hash = '#lesson=nn&view=train&lang=ko'));
    await page.waitForFunction(() => document.documentElement.lang === 'ko' && document.querySelector('.thumb-img'));
    await page.waitForFunction(() => [...document.querySelectorAll('.thumb-img')].every((i) => i.complete && i.naturalWidth > 0));
    const frames = await page.evaluate(() => window.aimath.stats().frames);
    await page.waitForFunction((f) => window.aimath.stats().frames > f + 3, frames);
    assert.deepEqual(fromNetwork, [], 'answers that did not come from the worker');

    // Sharing needs the network: the dialog says so.
    await page.click('#btn-share');
    await page.waitForFunction(() => /오프라인/.test(document.getElementById('share-status').textContent));
    await page.click('#share-close');
    assert.deepEqual(
      page.problems.filter((p) => !/Failed to load resource: net::ERR_INTERNET_DISCONNECTED/.test(p)),
      [],
    );
  } finally {
    await page.closeAll();
  }
});

test('a new version replaces the old cache', async () => {
  const page = await openOnline();
  const buildJSON = path.join(env.dist, 'build.json');
  const old = readFileSync(buildJSON, 'utf8');
  try {
    const before = (await cached(page))[`aimath-${env.version}`];
    const next = `${env.version}-next`;
    writeFileSync(buildJSON, JSON.stringify({ ...JSON.parse(old), version: next }) + '\n');
    await page.reload();
    await waitReady(page);
    await page.waitForFunction((c) => document.documentElement.dataset.offline === c, `aimath-${next}`, { timeout: 60000 });
    await page.waitForFunction(async (c) => (await caches.keys()).join() === c, `aimath-${next}`);
    const caches = await cached(page);
    assert.deepEqual(Object.keys(caches), [`aimath-${next}`], 'the old cache is gone');
    assert.deepEqual(caches[`aimath-${next}`], before, 'the new cache holds the same files');
    assert.equal(await page.textContent('#version'), next);
    // The new cache serves offline.
    await page.context().setOffline(true);
    await page.reload();
    await waitReady(page);
    assert.equal(await page.textContent('#version'), next);
    assert.deepEqual(page.problems, []);
  } finally {
    writeFileSync(buildJSON, old);
    await page.closeAll();
  }
});

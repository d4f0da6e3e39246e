// Embedding: ?embed=1 and hide=, the Embed dialog, oEmbed discovery, and
// the postMessage protocol driven by a host page served from another
// origin (a small node:http server serving docs/embed-example.html).

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { checkMessage, clampSize, embedURL, iframeSnippet, pageOptions, parseHide, parseOrigins } from '../../web/embed.js';
import { ROOT, newPage, useServerAndBrowser, waitReady } from './harness.mjs';

const env = useServerAndBrowser();

// ---------------------------------------------------------------- the rules, in Node

test('pageOptions reads embed, hide and lang from the query or the hash, origins from the query', () => {
  for (const [i, tc] of [
    { search: '?embed=1&hide=x,y', hash: '#lesson=vector', want: { embed: true, hide: ['x', 'y'], lang: null, origins: null } },
    { search: '', hash: '#lesson=vector&embed=1&hide=y&lang=ko', want: { embed: true, hide: ['y'], lang: 'ko', origins: null } },
    { search: '?embed=1&lang=en', hash: '#lang=ko&embed=0', want: { embed: false, hide: [], lang: 'ko', origins: null } },
    { search: '?hide=x,,%20y%20,x,bad!,' + 'a'.repeat(70), hash: '', want: { embed: false, hide: ['x', 'y'], lang: null, origins: null } },
    { search: '?origins=https://a.example', hash: '#origins=https://evil.example', want: { embed: false, hide: [], lang: null, origins: ['https://a.example'] } },
  ].entries()) {
    const got = pageOptions(tc.search, tc.hash);
    const flat = { embed: got.embed, hide: got.hide, lang: got.lang, origins: got.origins.origins };
    assert.deepEqual(flat, tc.want, `case ${i}: pageOptions(${tc.search}, ${tc.hash}) = ${JSON.stringify(flat)}`);
  }
});

test('parseOrigins keeps http(s) origins and fails closed on a list of bad ones', () => {
  assert.deepEqual(parseOrigins('https://A.example/, http://b.example:8080,https://a.example'), {
    origins: ['https://a.example', 'http://b.example:8080'],
    bad: [],
  });
  assert.deepEqual(parseOrigins('https://a.example:443'), { origins: ['https://a.example'], bad: [] });
  const bad = parseOrigins('ftp://x.example,https://c.example/path,*,javascript:alert(1),https://u:p@d.example');
  assert.deepEqual(bad.origins, [], 'no origin is allowed');
  assert.equal(bad.bad.length, 5);
  assert.deepEqual(parseHide(null), []);
});

test('embedURL and iframeSnippet write the form the server’s oEmbed writes', () => {
  const src = embedURL('https://h.example/', { lesson: 'vector', state: 'x=3%2C-4&y=1%2C2', lang: 'ko', hide: ['y', 'show_dist'] });
  assert.equal(src, 'https://h.example/?embed=1#lesson=vector&x=3,-4&y=1,2&lang=ko&hide=y,show_dist');
  assert.equal(embedURL('https://h.example/', { lesson: 'gd', state: '', lang: '', hide: [] }), 'https://h.example/?embed=1#lesson=gd');
  assert.equal(
    iframeSnippet({ src: 'https://h.example/?embed=1#a=1&b="2"', width: 900, height: 640, title: 'A <b> & c' }),
    '<iframe src="https://h.example/?embed=1#a=1&amp;b=&quot;2&quot;" width="900" height="640" title="A &lt;b&gt; &amp; c" ' +
      'style="border:0;max-width:100%" loading="lazy" allow="fullscreen"></iframe>',
  );
  assert.equal(clampSize('50', 900), 200);
  assert.equal(clampSize('1234.6', 900), 1235);
  assert.equal(clampSize('', 640), 640);
  assert.equal(clampSize('abc', 640), 640);
});

test('checkMessage ignores foreign messages and refuses malformed commands', () => {
  for (const [i, data] of [null, 'aimath:set', [1], { type: 'react-devtools' }, { type: 7 }, { kind: 'aimath:set' }].entries()) {
    assert.equal(checkMessage(data), null, `case ${i}: checkMessage(${JSON.stringify(data)}) is for someone else`);
  }
  const cyclic = { type: 'aimath:get' };
  cyclic.self = cyclic;
  for (const [i, [data, want]] of [
    [{ type: 'aimath:set', name: 'x', value: [1, 2], id: 'a' }, null],
    [{ type: 'aimath:set', name: 'X', value: [[1, 2], [3, 4]] }, null],
    [{ type: 'aimath:set', name: 'show_dist', value: true }, null],
    [{ type: 'aimath:act', name: 'reset' }, null],
    [{ type: 'aimath:open', lesson: 'matrix', state: 'view=map' }, null],
    [{ type: 'aimath:open', lesson: 'matrix' }, null],
    [{ type: 'aimath:get' }, null],
    [{ type: 'aimath:set', name: 'x' }, /value is missing/],
    [{ type: 'aimath:set', name: 'x', value: NaN }, /finite/],
    [{ type: 'aimath:set', name: 'x', value: { a: 1 } }, /number, boolean, string or array/],
    [{ type: 'aimath:set', name: 'x', value: [1, 'a'] }, /numbers or rows/],
    [{ type: 'aimath:set', name: '__proto__.x', value: 1 }, /name/],
    [{ type: 'aimath:set', name: 'x', value: 'a'.repeat(20000) }, /larger than/],
    [{ type: 'aimath:act' }, /name/],
    [{ type: 'aimath:open', lesson: '../x' }, /lesson id/],
    [{ type: 'aimath:open', lesson: 'vector', state: 3 }, /state/],
    [{ type: 'aimath:ready' }, /unknown command/],
    [{ type: 'aimath:toString' }, /unknown command/],
    [{ type: 'aimath:set', name: 'x', value: 1n }, /not JSON/],
    [cyclic, /not JSON/],
  ].entries()) {
    const got = checkMessage(data);
    if (want === null) assert.equal(got, data, `case ${i}: checkMessage = ${JSON.stringify(got)}, want the command`);
    else assert.match(got?.error ?? '', want, `case ${i}: checkMessage = ${JSON.stringify(got)}, want ${want}`);
  }
  assert.equal(checkMessage({ type: 'aimath:act', id: 42 }).id, 42, 'the id is echoed');
  assert.equal(checkMessage({ type: 'aimath:act', id: {} }).id, undefined, 'an id that is not a string or number is dropped');
});

// ---------------------------------------------------------------- the host page, on another origin

// The example page of the README, with its two example origins replaced
// by the playground's and the host's.
const EXAMPLE = readFileSync(path.join(ROOT, 'docs/embed-example.html'), 'utf8');

const host = { server: null, url: '' };

before(async () => {
  host.server = http.createServer((req, res) => {
    const u = new URL(req.url, 'http://host');
    if (u.pathname !== '/course.html') {
      // The browser asks for /favicon.ico: no icon, and no error either.
      res.writeHead(u.pathname === '/favicon.ico' ? 204 : 404).end();
      return;
    }
    // ?origins= replaces the frame's allow-list (to test a refusal).
    const origins = u.searchParams.get('origins') ?? host.url;
    const page = EXAMPLE.replaceAll('https://aimath.example', env.server.url).replaceAll(
      'origins=https://course.example',
      `origins=${origins}`,
    );
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(page);
  });
  await new Promise((r) => host.server.listen(0, '127.0.0.1', r));
  host.url = `http://127.0.0.1:${host.server.address().port}`;
});

after(() => new Promise((r) => host.server?.close(r)));

// openHost loads the course page and returns it with the playground's frame.
// Every message the course page receives is recorded in window.got.
async function openHost(query = '') {
  const page = await newPage(env.browser, { width: 1100, height: 900 });
  await page.addInitScript(() => {
    window.got = [];
    addEventListener('message', (e) => window.got.push({ origin: e.origin, ...e.data }));
  });
  await page.goto(`${host.url}/course.html${query}`);
  const frame = page.frameLocator('#lesson');
  const handle = await page.waitForSelector('#lesson');
  const inner = await handle.contentFrame();
  return { page, frame, inner };
}

const received = (page, type) => page.evaluate((t) => window.got.filter((m) => m.type === t), type);

async function waitMessage(page, pred, arg, timeout = 20000) {
  const h = await page.waitForFunction(
    ([p, a]) => window.got.find((m) => new Function('m', 'a', `return ${p}`)(m, a)) ?? false,
    [pred, arg],
    { timeout, polling: 50 },
  );
  return h.jsonValue();
}

const send = (page, msg) => page.evaluate((m) => document.getElementById('lesson').contentWindow.postMessage(m, '*'), msg);

test('a course page on another origin drives the lesson through postMessage', async () => {
  const { page, inner } = await openHost();
  try {
    assert.notEqual(new URL(host.url).origin, new URL(env.server.url).origin);
    // numpy: np.linalg.norm([3,-4]) = 5
    const ready = await waitMessage(page, "m.type === 'aimath:ready'", null, 60000);
    assert.equal(ready.origin, env.server.url);
    assert.equal(ready.protocol, 1);
    assert.equal(ready.lesson, 'vector');
    assert.equal(ready.readouts.x_l2, 5);
    assert.deepEqual(ready.values.x, [3, -4]);
    assert.ok(ready.lessons.includes('matrix'), `lessons ${ready.lessons}`);
    assert.equal(await page.textContent('#norm'), '5.0000');

    // The page fits the frame to the height the lesson reports.
    const resize = await waitMessage(page, "m.type === 'aimath:resize'");
    assert.ok(resize.height > 300, `height ${resize.height}`);
    await page.waitForFunction(() => {
      const r = window.got.filter((m) => m.type === 'aimath:resize').at(-1);
      return Math.abs(document.getElementById('lesson').getBoundingClientRect().height - r.height) <= 2;
    });
    const innerHeight = await inner.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
    const last = (await received(page, 'aimath:resize')).at(-1);
    assert.ok(Math.abs(last.height - innerHeight) <= 2, `reported ${last.height}, document ${innerHeight}`);

    // aimath:set, from the example's button: x = (1, 0), ‖x‖₂ = 1.
    await page.click('#unit');
    const set = await waitMessage(page, "m.type === 'aimath:result' && m.request === 'aimath:set'");
    assert.deepEqual({ name: set.name, value: set.value, clamped: set.clamped }, { name: 'x', value: [1, 0], clamped: false });
    await waitMessage(page, "m.type === 'aimath:change' && m.readouts.x_l2 === 1 && m.values.x[0] === 1");
    await page.waitForFunction(() => document.getElementById('norm').textContent === '1.0000');
    // The frame's own controls show it.
    await inner.waitForFunction(() => document.getElementById('p-x-1').value === '1');

    // aimath:act: swap x = (1, 0) and y = (1, 2): ‖x‖₂ = √5 (numpy: np.hypot(1, 2) = 2.23606797749979).
    await page.click('#swap');
    const swapped = await waitMessage(page, "m.type === 'aimath:change' && Math.abs(m.readouts.x_l2 - 2.23606797749979) < 1e-12");
    assert.deepEqual(swapped.values.y, [1, 0]);

    // aimath:open: A = [[2, 1], [1, 1.5]], det A = 2·1.5 − 1·1 = 2.
    await page.click('#matrix');
    const opened = await waitMessage(page, "m.type === 'aimath:change' && m.lesson === 'matrix'");
    assert.equal(opened.readouts.det, 2);
    assert.match(opened.state, /a22=1\.5/);
    const result = await waitMessage(page, "m.type === 'aimath:result' && m.request === 'aimath:open'");
    assert.deepEqual(result.warnings, []);
    await inner.waitForFunction(() => document.getElementById('lesson').dataset.lesson === 'matrix');

    // aimath:get answers with a snapshot; a request id is echoed.
    await send(page, { type: 'aimath:get', id: 'q1' });
    const snap = await waitMessage(page, "m.type === 'aimath:result' && m.id === 'q1'");
    assert.equal(snap.lesson, 'matrix');
    assert.equal(snap.readouts.det, 2);

    // Bad commands get aimath:error, never an exception; foreign messages
    // get no answer at all.
    const bad = [
      [{ type: 'aimath:set', name: 'nope', value: 1, id: 1 }, /unknown parameter/],
      [{ type: 'aimath:set', name: 'a11', value: 'a'.repeat(20000), id: 2 }, /larger than/],
      [{ type: 'aimath:bogus', id: 3 }, /unknown command/],
      [{ type: 'aimath:open', lesson: 'nosuch', id: 4 }, /unknown lesson/],
      [{ type: 'aimath:act', name: 'explode', id: 5 }, /.+/],
      [{ type: 'aimath:set', name: 'a11', value: { toString: 1 }, id: 6 }, /value must be/],
    ];
    await send(page, 'just a string');
    await send(page, { type: 'someone-else', id: 0 });
    for (const [msg] of bad) await send(page, msg);
    for (const [msg, want] of bad) {
      const err = await waitMessage(page, "m.type === 'aimath:error' && m.id === a", msg.id);
      assert.match(err.message, want, `${JSON.stringify(msg).slice(0, 80)}: ${err.message}`);
      assert.equal(err.request, msg.type);
    }
    assert.equal((await page.evaluate(() => window.got.filter((m) => m.id === 0))).length, 0);
    // The refused open left the lesson alone.
    assert.equal(await inner.evaluate(() => window.aimath.readouts().det), 2);

    // Changes reach the host at most 5 times a second.
    const before = (await received(page, 'aimath:change')).length;
    await page.evaluate(async () => {
      const w = document.getElementById('lesson').contentWindow;
      for (let i = 0; i < 40; i++) {
        w.postMessage({ type: 'aimath:set', name: 'a11', value: 1 + i / 40 }, '*');
        await new Promise((r) => setTimeout(r, 25));
      }
    });
    await page.waitForTimeout(500);
    const changes = (await received(page, 'aimath:change')).length - before;
    assert.ok(changes >= 2 && changes <= 9, `${changes} change events for 40 sets in 1.5 s`);
    const lastChange = (await received(page, 'aimath:change')).at(-1);
    assert.equal(lastChange.values.a11, 1 + 39 / 40, 'the last change is delivered');
    assert.deepEqual(page.problems, []);
  } finally {
    await page.closeAll();
  }
});

test('with origins=, commands from another origin are refused and no event reaches it', async () => {
  // The frame takes commands from a third origin only.
  const { page, inner } = await openHost('?origins=https://elsewhere.example');
  try {
    await inner.waitForFunction(() => document.documentElement.dataset.ready === 'true', null, { timeout: 60000 });
    await page.click('#unit');
    const err = await waitMessage(page, "m.type === 'aimath:error'");
    assert.match(err.message, /may not control/);
    assert.equal(err.request, 'aimath:set');
    assert.deepEqual(await inner.evaluate(() => window.aimath.values().x), [3, -4], 'x is unchanged');
    // Ready, change and resize went to https://elsewhere.example only.
    await page.waitForTimeout(500);
    const types = await page.evaluate(() => window.got.map((m) => m.type));
    assert.deepEqual([...new Set(types)], ['aimath:error']);
    assert.deepEqual(page.problems, []);
  } finally {
    await page.closeAll();
  }
});

// chromeShown reports which parts of the page a reader sees.
function chromeShown(frame) {
  return frame.evaluate(() => {
    const seen = (sel) => !!document.querySelector(sel)?.checkVisibility({ checkVisibilityCSS: true });
    return {
      header: seen('.site-header'),
      topics: seen('#topics'),
      footer: seen('.site-footer'),
      intro: seen('.intro-card'),
      title: seen('#lesson-title'),
      canvas: seen('#game'),
      readouts: seen('#readouts'),
      formula: seen('.formula-card'),
      share: seen('#btn-share'),
      open: seen('#open-full'),
    };
  });
}

test('embed=1 shows only the lesson, hide= hides controls, in the query or the hash', async () => {
  const page = await newPage(env.browser, { width: 900, height: 640 });
  const notes = [];
  page.on('console', (m) => m.type() === 'info' && notes.push(m.text()));
  try {
    for (const url of [
      `${env.server.url}/?embed=1&hide=y,show_dist,bogus&lang=ko#lesson=vector&x=3,-4`,
      `${env.server.url}/#lesson=vector&x=3,-4&lang=ko&embed=1&hide=y,show_dist,bogus`,
    ]) {
      await page.goto(url);
      await waitReady(page);
      assert.deepEqual(
        await chromeShown(page),
        { header: false, topics: false, footer: false, intro: false, title: true, canvas: true, readouts: true, formula: true, share: false, open: true },
        url,
      );
      assert.equal(await page.evaluate(() => document.documentElement.lang), 'ko');
      assert.equal(await page.locator('[data-param="y"]').count(), 0, 'y is hidden');
      assert.equal(await page.locator('[data-param="show_dist"]').count(), 0, 'show_dist is hidden');
      assert.equal(await page.locator('[data-param="x"]').isVisible(), true);
      assert.ok(notes.some((n) => /hide=bogus/.test(n)), `a console note names bogus: ${notes}`);
      // The link out opens the full page at the same state, without embed or hide.
      const full = await page.getAttribute('#open-full', 'href');
      assert.match(full, /#lesson=vector&x=3,-4&.*lang=ko$/);
      assert.doesNotMatch(full, /embed|hide/);
      // The canvas's height depends on the width alone: no feedback with a host fitting the frame.
      const h1 = await page.locator('#game').evaluate((e) => e.getBoundingClientRect().height);
      await page.setViewportSize({ width: 900, height: 1200 });
      const h2 = await page.locator('#game').evaluate((e) => e.getBoundingClientRect().height);
      assert.equal(h1, h2);
      await page.setViewportSize({ width: 900, height: 640 });
    }
    // A hash change that drops hide brings the controls back.
    await page.evaluate(() => (location.hash = '#lesson=vector&x=3,-4&lang=ko&embed=1'));
    await page.waitForSelector('[data-param="y"]');
    // Outside embed mode, hide= still hides (classroom mode), the chrome stays.
    await page.goto(`${env.server.url}/#lesson=vector&hide=x&lang=en`);
    await waitReady(page);
    const shown = await chromeShown(page);
    assert.equal(shown.header && shown.topics && shown.footer && shown.share, true);
    assert.equal(shown.open, false);
    assert.equal(await page.locator('[data-param="x"]').count(), 0);
    assert.deepEqual(page.problems, []);
  } finally {
    await page.closeAll();
  }
});

test('the Embed dialog writes the snippet for the current state, with a live preview', async () => {
  const page = await newPage(env.browser, { width: 1280, height: 900 });
  try {
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: env.server.url });
    // The page hides show_dist itself (classroom mode): the dialog keeps it hidden.
    await page.goto(`${env.server.url}/#lesson=vector&x=3,-4&y=1,2&lang=en&hide=show_dist`);
    await waitReady(page);
    await page.click('#btn-embed');
    const code = page.locator('#embed-code');
    await code.waitFor({ state: 'visible' });
    let snippet = await code.textContent();
    assert.match(snippet, new RegExp(`^<iframe src="${env.server.url}/\\?embed=1#lesson=vector&amp;x=3,-4&amp;y=1,2&amp;`));
    assert.match(snippet, /lang=en&amp;hide=show_dist" width="900" height="640" title="Vectors and norms · AI Math Playground"/);

    // One checkbox per control, labelled as on the page.
    const boxes = await page.$$eval('#embed-hide input', (els) => els.map((e) => [e.value, e.labels[0].textContent, e.checked]));
    assert.deepEqual(
      boxes.map(([v, , on]) => (on ? `[${v}]` : v)),
      ['x', 'y', 'show_norms', '[show_dist]', 'show_proj', 'show_angle'],
    );
    assert.equal(boxes[0][1], await page.textContent('[data-param="x"] legend'));

    await page.check('#embed-hide-y');
    await page.fill('#embed-width', '640');
    await page.press('#embed-width', 'Enter');
    await page.selectOption('#embed-lang', 'ko');
    snippet = await code.textContent();
    assert.match(snippet, /lang=ko&amp;hide=y,show_dist" width="640" height="640"/);

    // The preview is the embed itself: same origin, so its page can be read.
    const preview = page.frameLocator('#embed-preview');
    await preview.locator('html[data-ready="true"]').waitFor({ timeout: 60000 });
    await preview.locator('html[lang="ko"]').waitFor();
    assert.equal(await preview.locator('[data-param="y"]').count(), 0);
    assert.equal(await preview.locator('.site-header').isVisible(), false);
    const src = await page.getAttribute('#embed-preview', 'src');
    assert.equal(src, snippet.match(/src="([^"]+)"/)[1].replaceAll('&amp;', '&'));
    // Unchecking shows y again without loading the program anew.
    await preview.locator('html').evaluate(() => (window.marker = 1));
    await page.uncheck('#embed-hide-y');
    await preview.locator('[data-param="y"]').waitFor();
    assert.equal(await preview.locator('html').evaluate(() => window.marker), 1, 'the same document');

    await page.click('#embed-copy');
    await page.waitForFunction(() => document.getElementById('embed-status').textContent !== '');
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), await code.textContent());

    await page.click('#embed-close');
    // A closed dialog stops its preview (on the dialog's close event, which comes a moment later).
    await page.waitForFunction(() => document.getElementById('embed-preview').getAttribute('src') === 'about:blank');

    // In Korean, the dialog has no English left (but the code and the
    // language names).
    await page.click('#lang-toggle');
    await page.waitForFunction(() => document.documentElement.lang === 'ko');
    await page.click('#btn-embed');
    await page.locator('#embed-dialog').waitFor({ state: 'visible' });
    const english = await page.evaluate(() => {
      const out = [];
      const walker = document.createTreeWalker(document.getElementById('embed-dialog'), NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const el = n.parentElement;
        const text = n.textContent.replace(/\s+/g, ' ').trim();
        if (!text || el.closest('[translate="no"], [lang="en"]')) continue;
        if (/[A-Za-z]{3,}/.test(text) && !/[\uac00-\ud7a3]/.test(text)) out.push(text);
      }
      for (const el of document.querySelectorAll('#embed-dialog [aria-label], #embed-dialog [title]')) {
        for (const a of ['aria-label', 'title']) {
          const v = el.getAttribute(a);
          if (v && /[A-Za-z]{3,}/.test(v) && !/[\uac00-\ud7a3]/.test(v)) out.push(v);
        }
      }
      return out;
    });
    assert.deepEqual(english, []);
    assert.match(await page.textContent('#embed-title'), /[\uac00-\ud7a3]/);
    await page.click('#embed-close');
    assert.deepEqual(page.problems, []);
  } finally {
    await page.closeAll();
  }
});

test('the oEmbed discovery link follows the state and the server answers it', async () => {
  const page = await newPage(env.browser);
  try {
    await page.goto(`${env.server.url}/#lesson=vector&x=3,-4&lang=en`);
    await waitReady(page);
    const link = page.locator('link[rel="alternate"][type="application/json+oembed"]');
    let href = await link.evaluate((l) => l.href);
    assert.equal(new URL(href).searchParams.get('url'), page.url());
    await page.fill('#p-x-1', '2');
    await page.press('#p-x-1', 'Enter');
    await page.waitForFunction(() => location.hash.includes('x=2,-4'));
    href = await link.evaluate((l) => l.href);
    assert.equal(new URL(href).searchParams.get('url'), page.url());
    const res = await fetch(href);
    assert.equal(res.status, 200);
    const body = await res.json();
    assert.equal(body.type, 'rich');
    assert.match(body.html, /<iframe src="http:\/\/127\.0\.0\.1:\d+\/\?embed=1#lesson=vector&amp;x=2%2C-4/);
    assert.deepEqual(page.problems, []);
  } finally {
    await page.closeAll();
  }
});

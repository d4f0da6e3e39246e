// The page around the canvas: loading, URL state, history, language,
// corrupted links, the error banner, layout and accessible names.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  eachView,
  newPage,
  openApp,
  shownReadouts,
  useServerAndBrowser,
  waitFrames,
  waitReady,
} from './harness.mjs';

const COURSE = ['vector', 'matrix', 'gd', 'nn', 'prob', 'stats', 'bayes', 'cnn', 'rnn'];

const env = useServerAndBrowser();

function hashParams(url) {
  const h = new URL(url).hash.replace(/^#/, '');
  return Object.fromEntries(h.split('&').map((p) => p.split('=').map(decodeURIComponent)));
}

// waitShown waits until the readout table shows the given texts.
async function waitShown(page, want, timeout = 5000) {
  await page
    .waitForFunction(
      (w) => {
        const rows = document.querySelectorAll('#readouts tbody tr');
        const got = {};
        for (const tr of rows) got[tr.dataset.readout] = tr.lastChild.textContent;
        return Object.entries(w).every(([k, v]) => got[k] === v);
      },
      want,
      { timeout, polling: 50 },
    )
    .catch(async () => {
      assert.fail(`readouts ${JSON.stringify(await shownReadouts(page))}, want ${JSON.stringify(want)}`);
    });
}

test('the page loads without console errors and offers the nine topics', async () => {
  const page = await newPage(env.browser);
  try {
    await openApp(page, env.server.url);
    await waitFrames(page, 5);
    const same = await page.evaluate(
      async () => (await window.aimathReady) === document.getElementById('game').contentWindow.aimath,
    );
    assert.ok(same, 'window.aimathReady must resolve to the frame’s bridge object');

    const built = await page.evaluate(() => window.aimath.lessons().map((l) => l.id));
    const topics = await page.$$eval('#topic-list .topic', (els) =>
      els.map((a) => ({
        id: a.dataset.topic,
        disabled: a.getAttribute('aria-disabled') === 'true',
        href: a.hasAttribute('href'),
        badge: a.querySelector('.badge')?.textContent ?? '',
        current: a.getAttribute('aria-current'),
      })),
    );
    assert.deepEqual(
      topics.map((t) => t.id),
      COURSE,
    );
    for (const t of topics) {
      const ready = built.includes(t.id);
      assert.equal(t.disabled, !ready, `${t.id}: aria-disabled`);
      assert.equal(t.href, ready, `${t.id}: link`);
      assert.equal(t.badge !== '', !ready, `${t.id}: coming badge`);
    }
    assert.equal(topics.find((t) => t.current === 'page')?.id, 'vector');
    assert.equal(await page.evaluate(() => document.querySelector('#loader').hidden), true);
    // The download was counted to the end (game.js → parent.aimathProgress).
    assert.equal(await page.evaluate(() => document.getElementById('load-progress').value), 1);
    assert.match(await page.title(), /Vector/);
    assert.deepEqual(page.problems, []);
  } finally {
    await page.closeAll();
  }
});

test('a failed download shows a clear message with a reload button', async () => {
  const page = await newPage(env.browser);
  try {
    await page.route('**/aimath.wasm', (r) => r.fulfill({ status: 404, body: 'missing' }));
    await page.goto(`${env.server.url}/#lesson=vector&lang=en`);
    await page.waitForFunction(() => document.documentElement.dataset.ready === 'failed');
    const loader = page.locator('#loader');
    assert.equal(await loader.isVisible(), true);
    assert.match(await loader.innerText(), /could not start[\s\S]*HTTP 404/);
    assert.equal(await page.locator('#reload').isVisible(), true);
    const rejected = await page.evaluate(() => window.aimathReady.then(() => 'resolved', (e) => e.message));
    assert.match(rejected, /404/);
  } finally {
    await page.closeAll();
  }
});

test('a control change updates the readouts and the URL; reload restores the state', async () => {
  const page = await newPage(env.browser);
  try {
    await openApp(page, env.server.url, 'lesson=vector&lang=en');
    for (const [id, v] of [
      ['#p-x-1', '3'],
      ['#p-x-2', '-4'],
      ['#p-y-1', '1'],
      ['#p-y-2', '2'],
    ]) {
      await page.fill(id, v);
      await page.press(id, 'Enter');
    }
    // numpy: x=[3,-4], y=[1,2]; norm(x,1)=7, norm(x)=5, norm(x,inf)=4,
    // x@y=-5, x@y/(norm(x)*norm(y))=-0.4472135955, degrees(arccos(..))=116.5650511771
    await waitShown(page, { x_l1: '7', x_l2: '5', x_linf: '4', dot: '−5', cos: '−0.4472', angle_deg: '116.5651' });
    await page.waitForFunction(() => location.hash.includes('x=3,-4') && location.hash.includes('y=1,2'));
    const params = hashParams(page.url());
    assert.equal(params.lesson, 'vector');
    assert.equal(params.lang, 'en');

    // A checkbox is a live param too: it goes to the URL.
    await page.click('label[for="p-show_dist"]');
    await page.waitForFunction(() => location.hash.includes('show_dist=1'));

    await page.reload();
    await waitReady(page);
    await waitShown(page, { x_l1: '7', dot: '−5', angle_deg: '116.5651' });
    assert.equal(await page.inputValue('#p-x-2'), '-4');
    assert.equal(await page.isChecked('#p-show_dist'), true);
    assert.deepEqual(await page.evaluate(() => window.aimath.values().x), [3, -4]);
    assert.deepEqual(page.problems, []);
  } finally {
    await page.closeAll();
  }
});

test('back and forward restore the previous topic and its state', async () => {
  const page = await newPage(env.browser);
  try {
    await openApp(page, env.server.url, 'lesson=vector&x=1.5,-2&y=0.5,2.5&lang=en');
    await waitShown(page, { x_l1: '3.5' });
    const built = await page.evaluate(() => window.aimath.lessons().map((l) => l.id));
    assert.ok(built.includes('matrix'), 'the matrix lesson must be built for this test');
    await page.click('#topic-list a[data-topic="matrix"]');
    await page.waitForFunction(() => document.getElementById('lesson').dataset.lesson === 'matrix');
    assert.equal(hashParams(page.url()).lesson, 'matrix');
    assert.equal(await page.getAttribute('#topic-list a[data-topic="matrix"]', 'aria-current'), 'page');

    await page.goBack();
    await page.waitForFunction(() => document.getElementById('lesson').dataset.lesson === 'vector');
    await waitShown(page, { x_l1: '3.5' });
    assert.deepEqual(await page.evaluate(() => window.aimath.values().x), [1.5, -2]);
    assert.equal(hashParams(page.url()).x, '1.5,-2');

    await page.goForward();
    await page.waitForFunction(() => document.getElementById('lesson').dataset.lesson === 'matrix');
    assert.equal(await page.evaluate(() => window.aimath.state().includes('view=map')), true);
    assert.deepEqual(page.problems, []);
  } finally {
    await page.closeAll();
  }
});

test('a hand-edited hash is followed', async () => {
  const page = await newPage(env.browser);
  try {
    await openApp(page, env.server.url, 'lesson=vector&lang=en');
    await page.evaluate(() => (location.hash = '#lesson=vector&x=0,2&y=2,0&lang=en'));
    await waitShown(page, { x_l2: '2', dot: '0', angle_deg: '90' });
    assert.deepEqual(page.problems, []);
  } finally {
    await page.closeAll();
  }
});

test('a corrupted hash opens defaults for the bad pairs with a notice', async () => {
  const page = await newPage(env.browser);
  try {
    await openApp(page, env.server.url, 'lesson=vector&x=abc&y=1,2,3&bogus=7&show_dist=maybe&%E0%A4%A=1&lang=en');
    const defaults = await page.evaluate(() => {
      const spec = window.aimath.lessons().find((l) => l.id === 'vector').params;
      return Object.fromEntries(spec.map((p) => [p.name, p.default]));
    });
    const values = await page.evaluate(() => window.aimath.values());
    assert.deepEqual(values.x, defaults.x);
    assert.deepEqual(values.y, defaults.y);
    assert.equal(values.show_dist, defaults.show_dist);
    const notice = page.locator('#notice');
    assert.equal(await notice.isVisible(), true);
    const text = await notice.innerText();
    assert.match(text, /could not be used/);
    for (const bad of ['x', 'y', 'bogus', 'show_dist']) assert.match(text, new RegExp(bad), `notice names ${bad}`);
    // The URL is rewritten to the state actually shown.
    await page.waitForFunction(() => !location.hash.includes('bogus') && location.hash.includes('x='));

    // The same problems reached by editing the hash of a running page.
    await page.goto(`${env.server.url}/#lesson=no-such-topic&lang=ko`);
    await page.waitForFunction(() => document.documentElement.lang === 'ko');
    await page.waitForFunction(() => /no-such-topic/.test(document.getElementById('notice').textContent));
    assert.equal(await page.evaluate(() => document.getElementById('lesson').dataset.lesson), 'vector');
    assert.equal(await page.locator('#notice').isVisible(), true);
    assert.match(await page.locator('#notice').innerText(), /링크/);
    assert.deepEqual(page.problems, []);
  } finally {
    await page.closeAll();
  }
});

test('an unknown topic and an unknown language in a link open vectors in English with a notice', async () => {
  const page = await newPage(env.browser);
  try {
    await openApp(page, env.server.url, 'lesson=topic9&lang=xx');
    assert.equal(await page.evaluate(() => document.getElementById('lesson').dataset.lesson), 'vector');
    const notice = await page.locator('#notice').innerText();
    assert.match(notice, /lang=xx/);
    assert.match(notice, /topic9/);
    await page.waitForFunction(() => location.hash.includes('lesson=vector') && !location.hash.includes('lang=xx'));
    assert.deepEqual(page.problems, []);
  } finally {
    await page.closeAll();
  }
});

test('rejected input shows a dismissible error banner and the control keeps its value', async () => {
  const page = await newPage(env.browser);
  try {
    await openApp(page, env.server.url, 'lesson=vector&x=3,1&lang=en');
    await page.fill('#p-x-1', '');
    await page.press('#p-x-1', 'Enter');
    const banner = page.locator('#error-banner');
    await banner.waitFor({ state: 'visible' });
    assert.match(await banner.innerText(), /could not be used/);
    assert.equal(await page.inputValue('#p-x-1'), '3');
    await page.click('#error-banner .banner-close');
    await banner.waitFor({ state: 'hidden' });

    // Out-of-range input is clamped and the clamped value shown.
    await page.fill('#p-x-1', '99');
    await page.press('#p-x-1', 'Enter');
    await page.waitForFunction(() => document.getElementById('p-x-1').value === '5');
    assert.deepEqual(page.problems, []);
  } finally {
    await page.closeAll();
  }
});

// visibleStrings collects every string a person (or a screen reader) meets
// on the page: visible text nodes, and the labels, titles and alt texts of
// visible elements. Text under translate="no" (numbers, MathML, the version)
// is not language.
function visibleStrings(page) {
  return page.evaluate(() => {
    const out = [];
    const norm = (s) => s.replace(/\s+/g, ' ').trim();
    const shown = (el) => el.checkVisibility({ checkVisibilityCSS: true }) || el.closest('.sr-only');
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      const text = norm(n.textContent);
      if (!text || !el || el.closest('[translate="no"], script, style, math')) continue;
      if (el.closest('[hidden]') || !shown(el)) continue;
      out.push({ text, lang: el.closest('[lang]')?.lang });
    }
    for (const el of document.body.querySelectorAll('*')) {
      if (el.closest('[hidden], [translate="no"]') || !shown(el)) continue;
      for (const a of ['aria-label', 'title', 'alt', 'placeholder']) {
        const v = el.getAttribute(a);
        if (v && norm(v)) out.push({ text: norm(v), lang: el.closest('[lang]')?.lang });
      }
      if (el.tagName === 'SELECT') for (const o of el.options) out.push({ text: norm(o.text), lang: el.closest('[lang]')?.lang });
    }
    out.push({ text: document.title, lang: document.documentElement.lang });
    return out;
  });
}

// Words that are the same in Korean and English texts: function names of
// mathematics, file formats, units.
const SHARED_WORDS = new Set(
  'cos sin tan det tr log ln exp max min arg argmin argmax proj rank diag span sgn sign softmax relu tanh sigmoid var cov std lim sup inf mod dim ker csv svg url html deg rad'.split(
    ' ',
  ),
);
const RAW_KEY = /^[a-z_]+(\.[\w#-]+)+$/;

function englishWords(s) {
  return (s.match(/[A-Za-z]{3,}/g) || []).filter((w) => !SHARED_WORDS.has(w.toLowerCase()));
}

test('the language toggle translates every visible string, and is remembered', async () => {
  const page = await newPage(env.browser, { locale: 'en-US' });
  try {
    await openApp(page, env.server.url, 'lesson=vector&lang=en');
    const seen = { en: [], ko: [] };
    for (const lang of ['en', 'ko']) {
      await eachView(page, lang, async () => {
        await page.waitForTimeout(150);
        seen[lang].push(...(await visibleStrings(page)));
      });
    }
    const en = new Set(seen.en.map((s) => s.text));
    const ko = new Set(seen.ko.map((s) => s.text));
    assert.ok(en.size > 40 && ko.size > 40, `collected ${en.size} English and ${ko.size} Korean strings`);
    const untranslated = [...en].filter((s) => ko.has(s) && englishWords(s).length > 0);
    assert.deepEqual(untranslated, [], 'strings left in English in the Korean page');
    const rawKeys = [...en, ...ko].filter((s) => RAW_KEY.test(s));
    assert.deepEqual(rawKeys, [], 'raw i18n keys shown');
    // Hangul on the English page only where marked as Korean (the toggle).
    const hangulInEn = seen.en.filter((s) => /[\uac00-\ud7a3]/.test(s.text) && s.lang !== 'ko').map((s) => s.text);
    assert.deepEqual([...new Set(hangulInEn)], [], 'Korean text on the English page');
    const englishInKo = seen.ko
      .filter((s) => s.lang !== 'en' && englishWords(s.text).length > 0 && !/[\uac00-\ud7a3]/.test(s.text))
      .map((s) => s.text);
    assert.deepEqual([...new Set(englishInKo)], [], 'English-only text on the Korean page');

    // The toggle itself: switches, sets <html lang>, is remembered.
    await page.evaluate(() => (location.hash = '#lesson=vector&lang=en'));
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    const before = await page.locator('#lang-toggle').innerText();
    await page.click('#lang-toggle');
    await page.waitForFunction(() => document.documentElement.lang === 'ko');
    assert.notEqual(await page.locator('#lang-toggle').innerText(), before);
    assert.match(page.url(), /lang=ko/);
    assert.equal(await page.evaluate(() => localStorage.getItem('aimath.lang')), 'ko');
    await page.goto(env.server.url + '/');
    await waitReady(page);
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'ko');
    assert.equal(await page.locator('#btn-reset').innerText(), '초기화');
    assert.deepEqual(page.problems, []);
  } finally {
    await page.closeAll();
  }
});

test('a Korean browser gets the Korean page', async () => {
  const page = await newPage(env.browser, { locale: 'ko-KR' });
  try {
    await openApp(page, env.server.url);
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'ko');
    assert.match(page.url(), /lang=ko/);
  } finally {
    await page.closeAll();
  }
});

// unnamedControls lists the interactive elements of the page's
// accessibility tree (as Chromium computes it) that have no name.
async function unnamedControls(page) {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { nodes } = await cdp.send('Accessibility.getFullAXTree');
    const roles = new Set(['button', 'link', 'textbox', 'spinbutton', 'slider', 'checkbox', 'radio', 'combobox', 'Iframe']);
    return nodes
      .filter((n) => !n.ignored && roles.has(n.role?.value))
      .filter((n) => !String(n.name?.value ?? '').trim())
      .map((n) => `${n.role.value}#${n.backendDOMNodeId}`);
  } finally {
    await cdp.detach();
  }
}

test('layout has no horizontal overflow at 375 and 1440 px, and every control is named', async () => {
  for (const [width, height] of [
    [375, 800],
    [1440, 900],
  ]) {
    for (const lang of ['en', 'ko']) {
      const page = await newPage(env.browser, { width, height });
      try {
        await openApp(page, env.server.url, `lesson=vector&lang=${lang}`);
        await eachView(page, lang, async ({ id }, view) => {
          await page.waitForTimeout(100);
          const where = `${id}${view ? '/' + view : ''} ${lang} at ${width}px`;
          const { scrollWidth, innerWidth } = await page.evaluate(() => ({
            scrollWidth: document.scrollingElement.scrollWidth,
            innerWidth: window.innerWidth,
          }));
          assert.ok(scrollWidth <= innerWidth, `${where}: scrollWidth ${scrollWidth} > innerWidth ${innerWidth}`);
          const frame = await page.locator('#game').boundingBox();
          assert.ok(frame.height >= 319, `${where}: canvas height ${frame.height}`);
          assert.ok(frame.x >= 0 && frame.x + frame.width <= innerWidth, `${where}: canvas ${JSON.stringify(frame)}`);
          assert.deepEqual(await unnamedControls(page), [], `${where}: controls without a name`);
          // Every visible form control has a <label> (visible or for screen readers).
          const unlabelled = await page.evaluate(() =>
            [...document.querySelectorAll('#controls input, #controls select')]
              .filter((e) => !e.closest('[hidden]') && e.labels.length === 0)
              .map((e) => e.id),
          );
          assert.deepEqual(unlabelled, [], `${where}: controls without a <label>`);
        });
        assert.deepEqual(page.problems, []);
      } finally {
        await page.closeAll();
      }
    }
  }
});

test('keyboard: skip link, tab order reaches the controls, play toggles aria-pressed', async () => {
  const page = await newPage(env.browser);
  try {
    await openApp(page, env.server.url, 'lesson=matrix&view=map&lang=en');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement.className), 'skip-link');
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'lesson');
    const play = page.locator('#btn-play');
    assert.equal(await play.isVisible(), true);
    await play.focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.getElementById('btn-play').getAttribute('aria-pressed') === 'true');
    assert.equal(await page.evaluate(() => window.aimath.playing()), true);
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.getElementById('btn-play').getAttribute('aria-pressed') === 'false');
    // The slider of a11 moves with the arrow keys and updates the readouts.
    await page.focus('#p-a11');
    const before = await page.evaluate(() => window.aimath.values().a11);
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction((b) => window.aimath.values().a11 > b, before);
    assert.deepEqual(page.problems, []);
  } finally {
    await page.closeAll();
  }
});

test('export buttons download CSV and SVG', async () => {
  const page = await newPage(env.browser);
  try {
    await openApp(page, env.server.url, 'lesson=vector&x=3,-4&y=1,2&lang=en');
    const [csv] = await Promise.all([page.waitForEvent('download'), page.click('#btn-csv')]);
    assert.match(csv.suggestedFilename(), /^aimath-vector.*\.csv$/);
    const csvText = await streamText(await csv.createReadStream());
    assert.ok(csvText.split('\n').length >= 2, `CSV: ${csvText.slice(0, 200)}`);
    const [svg] = await Promise.all([page.waitForEvent('download'), page.click('#btn-svg')]);
    assert.match(svg.suggestedFilename(), /\.svg$/);
    assert.match(await streamText(await svg.createReadStream()), /<svg[\s>]/);
    assert.deepEqual(page.problems, []);
  } finally {
    await page.closeAll();
  }
});

async function streamText(stream) {
  const chunks = [];
  for await (const c of stream) chunks.push(c);
  return Buffer.concat(chunks).toString('utf8');
}

test('readouts follow a script that drives the bridge', async () => {
  const page = await newPage(env.browser);
  try {
    await openApp(page, env.server.url, 'lesson=vector&lang=en');
    await page.evaluate(() => window.aimath.set('x', [0, 0]));
    // The zero vector has no angle: a translated key, not a raw one.
    await waitShown(page, { x_l2: '0', angle_deg: 'undefined' });
    await page.evaluate(() => window.aimath.open('matrix', 'view=multiply'));
    await page.waitForFunction(() => document.getElementById('lesson').dataset.lesson === 'matrix');
    await page.waitForFunction(() => location.hash.includes('lesson=matrix') && location.hash.includes('view=multiply'));
    assert.deepEqual(page.problems, []);
  } finally {
    await page.closeAll();
  }
});

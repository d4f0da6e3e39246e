// The Bayesian-statistics lesson in the browser: the bridge contract
// (params, actions and readouts by name, values against hand computations
// and SciPy, the history of tests and the flips in the URL, exportData),
// a student's path through the three views (controls, buttons, dragging
// the true bias and a bar), every view without console errors in both
// languages, and screenshots of every view at 1440 and 375 px
// (test-results/bayes-<view>-<lang>-<width>.png) for a person to look at.

import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import {
  colourCount,
  drag,
  englishOnKorean,
  ensureResults,
  handle,
  newPage,
  openApp,
  parseShown,
  shownReadouts,
  useServerAndBrowser,
  waitFrames,
  waitReady,
} from './harness.mjs';

const env = useServerAndBrowser();

const readouts = (page) => page.evaluate(() => window.aimath.readouts());
const values = (page) => page.evaluate(() => window.aimath.values());
const set = (page, name, value) => page.evaluate(([n, v]) => window.aimath.set(n, v), [name, value]);
const act = (page, name) => page.evaluate((n) => window.aimath.act(n), name);

// settle waits until the page has drawn and heard about the latest state.
async function settle(page) {
  await waitFrames(page, 3);
  await page.waitForTimeout(300); // onChange pushes at most every 200 ms
}

const near = (a, b, tol = 1e-9) => typeof a === 'number' && Math.abs(a - b) <= tol * Math.max(1, Math.abs(b));

function assertNear(ro, want, where, tol = 1e-9) {
  for (const [k, v] of Object.entries(want)) {
    if (typeof v === 'number') assert.ok(near(ro[k], v, tol), `${where}: ${k} = ${ro[k]}, want ${v}`);
    else assert.equal(ro[k], v, `${where}: ${k}`);
  }
}

// The bridge contract of issue 9.
const CONTRACT_PARAMS = ['view', 'prevalence', 'sensitivity', 'fpr', 'alpha', 'beta', 'true_p', 'flips', 'seed'];
const TABLE = { a_small_s: 81, a_small_n: 87, a_large_s: 192, a_large_n: 263, b_small_s: 234, b_small_n: 270, b_large_s: 55, b_large_n: 80 };

test('bayes contract: params, actions, readouts against hand values and SciPy, state in the URL', async () => {
  const page = await newPage(env.browser);
  try {
    await openApp(page, env.server.url, 'lesson=bayes&lang=en');
    const spec = await page.evaluate(() => window.aimath.lessons().find((l) => l.id === 'bayes'));
    assert.ok(spec, 'aimath.lessons() lists bayes');
    const byName = Object.fromEntries(spec.params.map((p) => [p.name, p]));
    for (const n of [...CONTRACT_PARAMS, ...Object.keys(TABLE)]) assert.ok(byName[n], `bayes has param ${n}`);
    assert.deepEqual(byName.view.choices, ['theorem', 'beta', 'confounding']);
    for (const n of ['prevalence', 'sensitivity', 'fpr']) {
      assert.equal(byName[n].min, undefined, `${n} min is 0 (omitted)`);
      assert.equal(byName[n].max, 1, `${n} max`);
    }
    for (const [n, x] of Object.entries(TABLE)) {
      assert.equal(byName[n].kind, 'int');
      assert.equal(byName[n].default, x, `default ${n}`);
    }
    assert.equal(byName.show_truth.kind, 'bool');
    assert.ok(byName.history.hidden && byName.flipped.hidden, 'history and flipped are hidden state');
    assert.deepEqual(spec.actions, ['test_again', 'flip', 'flip_n']);
    assert.deepEqual(spec.still, ['theorem', 'confounding']);

    // Theorem: prevalence 1 %, sensitivity 90 %, false positives 9 %
    // (Gigerenzer et al. 2007). By hand: P(+) = 0.9·0.01 + 0.09·0.99 =
    // 0.0981, P(D|+) = 0.009/0.0981 = 10/109, P(D|−) = 0.001/0.9019.
    let ro = await readouts(page);
    assertNear(ro, { posterior: 10 / 109, posterior_neg: 0.001 / 0.9019, evidence: 0.0981, updates: 0 }, 'defaults', 1e-12);
    // Test again: odds 1/99 · 10 = 10/99 → 100/99, P = 100/199.
    assert.deepEqual(await act(page, 'test_again'), { ok: true });
    ro = await readouts(page);
    assertNear(ro, { updates: 1, prior: 10 / 109, posterior: 100 / 199 }, 'test again', 1e-12);
    assert.equal((await values(page)).history, 'p');
    await page.waitForFunction(() => /history=p(&|$)/.test(location.hash));
    await page.reload();
    await waitReady(page);
    assertNear(await readouts(page), { updates: 1, posterior: 100 / 199 }, 'after a reload', 1e-12);
    // Impossible results are keys, not NaN: nobody ill, no false positives.
    await set(page, 'prevalence', 0);
    await set(page, 'fpr', 0);
    assert.equal((await readouts(page)).posterior, 'never_positive');
    await set(page, 'prevalence', 0.01);
    await set(page, 'fpr', 0.09);

    // Beta: act("flip") flips one coin; flip_n flips `flips`.
    await set(page, 'view', 'beta');
    ro = await readouts(page);
    assertNear(ro, { heads: 0, tails: 0, post_mean: 0.5, ci_low: 0.025, ci_high: 0.975 }, 'beta prior', 1e-9);
    assert.equal(ro.post_map, 'map_flat');
    assert.equal(ro.mle, 'no_flips');
    assert.deepEqual(await act(page, 'flip'), { ok: true });
    ro = await readouts(page);
    assert.equal(ro.heads + ro.tails, 1);
    await set(page, 'flips', 9);
    await act(page, 'flip_n');
    ro = await readouts(page);
    // The seeded flips (seed 1, θ* = 0.7) give 7 heads of 10: Beta(8, 4).
    // scipy.stats.beta(8, 4): mean 0.6666666666666666, ppf(0.025)
    // 0.39025744042757876, ppf(0.975) 0.8907365561809019; mode 7/10.
    assertNear(ro, { heads: 7, tails: 3, post_mean: 2 / 3, post_map: 0.7, ci_low: 0.39025744042757876, ci_high: 0.8907365561809019, mle: 0.7 }, 'ten flips');
    assert.equal(ro.true_p, undefined, 'the true bias is hidden');
    assert.equal((await values(page)).flipped, 10);
    // scipy.stats.beta(34, 68) for 33 heads of 100 at θ* = 0.3, seed 42.
    await set(page, 'seed', 42);
    await set(page, 'true_p', 0.3);
    await set(page, 'flipped', 100);
    assertNear(await readouts(page), { heads: 33, post_mean: 1 / 3, ci_low: 0.24562117080228602, ci_high: 0.4272368343572086 }, 'seed 42');
    // The URL reproduces the flips.
    await page.waitForFunction(() => /flipped=100(&|$)/.test(location.hash));
    await page.reload();
    await waitReady(page);
    assertNear(await readouts(page), { heads: 33, tails: 67 }, 'after a reload');
    let data = await page.evaluate(() => window.aimath.exportData());
    assert.deepEqual(data.columns, ['flips', 'heads', 'tails', 'post_mean', 'ci_low', 'ci_high']);
    assert.equal(data.rows.length, 101);
    assert.deepEqual(data.rows[100].slice(0, 3), [100, 33, 67]);

    // Confounding: the kidney-stone data (Charig et al. 1986), adjusted as
    // in Pearl, Glymour and Jewell's Primer §3.2.
    await set(page, 'view', 'confounding');
    ro = await readouts(page);
    assertNear(ro, {
      naive_a: 0.78,
      naive_b: 289 / 350,
      adjusted_a: (81 / 87) * 0.51 + (192 / 263) * 0.49,
      adjusted_b: 0.778875,
      rate_a_small: 81 / 87,
      rate_b_large: 55 / 80,
      p_small: 0.51,
      paradox: 'simpson{within=A,overall=B}',
    }, 'kidney stones', 1e-12);
    data = await page.evaluate(() => window.aimath.exportData());
    assert.deepEqual(data.columns, ['treatment', 'large_stones', 'successes', 'patients', 'rate']);
    assert.deepEqual(data.rows.map((r) => r.slice(0, 4)), [[0, 0, 81, 87], [0, 1, 192, 263], [1, 0, 234, 270], [1, 1, 55, 80]]);
    // s > n is a status, and the numbers it enters are left out.
    await set(page, 'a_small_s', 95);
    ro = await readouts(page);
    assert.equal(ro.status, 'bad_a_small{s=95,n=87}');
    assert.equal(ro.naive_a, undefined);
    assert.ok(near(ro.naive_b, 289 / 350));
    assert.deepEqual(page.problems, []);
  } finally {
    await page.closeAll();
  }
});

test('bayes theorem: a student changes the test, tests again, and resets', async () => {
  const page = await newPage(env.browser);
  try {
    await openApp(page, env.server.url, 'lesson=bayes&view=theorem&lang=en');
    await settle(page);
    assert.equal(await page.locator('#btn-play').isHidden(), true, 'nothing to play');
    // A prevalence of 0.5: P(D|+) = 0.45/(0.45 + 0.045) = 10/11.
    await page.fill('#p-prevalence-num', '0.5');
    await page.press('#p-prevalence-num', 'Enter');
    await page.waitForFunction(() => window.aimath.values().prevalence === 0.5);
    assertNear(await readouts(page), { posterior: 10 / 11 }, 'prevalence 0.5', 1e-12);
    // Two tests: positive, then negative (chosen in the menu).
    const again = page.locator('#action-group [data-action="test_again"]');
    assert.equal(await again.innerText(), 'Test again');
    await again.click();
    await page.waitForFunction(() => window.aimath.readouts().updates === 1);
    await page.selectOption('#p-result', 'negative');
    await page.waitForFunction(() => window.aimath.values().result === 'negative');
    await again.click();
    await page.waitForFunction(() => window.aimath.readouts().updates === 2);
    // Odds 1 · 10 · 10/91 = 100/91: P = 100/191.
    assertNear(await readouts(page), { prior: 100 / 191 }, '+ −', 1e-12);
    await page.waitForFunction(() => document.querySelector('#readouts tr[data-readout="chain"] td')?.textContent === '0.5 +→ 0.9091 −→ 0.5236');
    const shown = await shownReadouts(page);
    assert.ok(Math.abs(parseShown(shown.prior) - 100 / 191) < 1e-4, `shown prior ${shown.prior}`);
    assert.equal(await page.locator('#readouts tr[data-readout="posterior"] th').innerText(), 'Posterior P(D|+)');
    // Reset clears the history, not the settings.
    await page.click('#btn-reset');
    await page.waitForFunction(() => window.aimath.readouts().updates === 0);
    assert.equal((await values(page)).prevalence, 0.5);
    const colours = colourCount(await page.locator('#game').screenshot());
    assert.ok(colours >= 4, `the canvas has ${colours} colours`);
    assert.deepEqual(page.problems, []);
  } finally {
    await page.closeAll();
  }
});

test('bayes beta: flip, flip n, play, show and drag the true bias, reset', async () => {
  const page = await newPage(env.browser);
  try {
    await openApp(page, env.server.url, 'lesson=bayes&view=theorem&lang=en');
    // The view switch: a segmented radio group whose labels are clicked.
    const label = page.locator('label[for="p-view-1"]');
    assert.equal((await label.innerText()).trim(), 'Beta prior and a coin');
    await label.click();
    await page.waitForFunction(() => window.aimath.values().view === 'beta');
    await settle(page);
    assert.equal(await page.locator('#btn-play').isHidden(), false, 'the beta view plays');
    await page.click('#action-group [data-action="flip"]');
    await page.waitForFunction(() => window.aimath.values().flipped === 1);
    await page.fill('#p-flips-num', '20');
    await page.press('#p-flips-num', 'Enter');
    await page.waitForFunction(() => window.aimath.values().flips === 20);
    await page.click('#action-group [data-action="flip_n"]');
    await page.waitForFunction(() => window.aimath.values().flipped === 21);
    let ro = await readouts(page);
    assert.equal(ro.heads + ro.tails, 21);
    // The posterior is Beta(1 + h, 1 + t).
    assertNear(ro, { post_alpha: 1 + ro.heads, post_beta: 1 + ro.tails, post_mean: (1 + ro.heads) / 23, mle: ro.heads / 21 }, '21 flips', 1e-12);
    // Play flips a coin every 0.3 s; pause stops it.
    await page.click('#btn-play');
    await page.waitForFunction(() => window.aimath.values().flipped >= 24, null, { timeout: 10000 });
    await page.click('#btn-play');
    await page.waitForFunction(() => !window.aimath.playing());
    const flipped = (await values(page)).flipped;
    await page.waitForTimeout(700);
    assert.equal((await values(page)).flipped, flipped, 'paused');
    // Show the true bias and drag its marker along θ.
    await page.check('#p-show_truth');
    await page.waitForFunction(() => window.aimath.readouts().true_p === 0.7);
    // The checkbox may have scrolled the canvas out of view.
    await page.locator('#game').scrollIntoViewIfNeeded();
    await settle(page);
    const from = await handle(page, 'truth');
    await drag(page, from, { x: from.x - 120, y: from.y });
    await page.waitForFunction(() => window.aimath.values().true_p < 0.6);
    const v = await values(page);
    assert.ok(Math.abs(v.true_p * 100 - Math.round(v.true_p * 100)) < 1e-9, `true_p ${v.true_p} snaps to 0.01`);
    assert.equal((await readouts(page)).true_p, v.true_p);
    // Reset clears the flips and keeps the prior.
    await page.click('#btn-reset');
    await page.waitForFunction(() => window.aimath.values().flipped === 0);
    ro = await readouts(page);
    assert.equal(ro.heads, 0);
    assert.equal(ro.mle, 'no_flips');
    await page.waitForFunction(() => document.querySelector('#readouts tr[data-readout="mle"] td')?.textContent === 'none yet: flip a coin');
    assert.deepEqual(page.problems, []);
  } finally {
    await page.closeAll();
  }
});

test('bayes confounding: edit the counts until the paradox goes, drag a bar, an impossible count', async () => {
  const page = await newPage(env.browser);
  try {
    await openApp(page, env.server.url, 'lesson=bayes&view=confounding&lang=en');
    await settle(page);
    const paradox = () => page.evaluate(() => document.querySelector('#readouts tr[data-readout="paradox"] td')?.textContent);
    assert.equal(await paradox(), 'yes: A is better for each stone size, yet B looks better pooled');
    // Give B as many large stones as A (263, with B's rate 55/80 ≈ 0.6875:
    // 181 successes): pooled, A is better too.
    await page.fill('#p-b_large_n-num', '263');
    await page.press('#p-b_large_n-num', 'Enter');
    await page.fill('#p-b_large_s-num', '181');
    await page.press('#p-b_large_s-num', 'Enter');
    await page.waitForFunction(() => window.aimath.values().b_large_s === 181);
    assert.equal((await readouts(page)).paradox, 'agree{better=A}');
    await page.waitForFunction(() => document.querySelector('#readouts tr[data-readout="paradox"] td')?.textContent === 'no: A is better for each stone size and pooled');
    await page.click('#btn-reset');
    await page.waitForFunction(() => window.aimath.values().b_large_n === 80);
    // Drag A's bar for large stones down to about 0.5: A is no longer
    // better for large stones.
    await settle(page);
    const from = await handle(page, 'a_large');
    await drag(page, from, { x: from.x, y: from.y + 80 });
    await page.waitForFunction(() => window.aimath.values().a_large_s < 192);
    const ro = await readouts(page);
    assert.ok(near(ro.rate_a_large, (await values(page)).a_large_s / 263, 1e-12));
    // More successes than patients: a status, translated.
    await set(page, 'b_small_s', 300);
    await page.waitForFunction(() => document.querySelector('#readouts tr[data-readout="status"] td')?.textContent ===
      'B, small stones: 300 successes of 270 patients: successes cannot exceed patients');
    assert.deepEqual(page.problems, []);
  } finally {
    await page.closeAll();
  }
});

// Words that are the same in Korean and English texts.
const SHARED_WORDS = new Set('beta map mle charig pcg'.split(' '));

const VIEWS = {
  theorem: 'view=theorem&history=pp',
  beta: 'view=beta&flipped=30&show_truth=1',
  confounding: 'view=confounding',
};

test('bayes: every view opens without console errors; screenshots in both languages at 1440 and 375 px', async () => {
  const dir = ensureResults();
  for (const [width, height] of [
    [1440, 900],
    [375, 800],
  ]) {
    for (const lang of ['en', 'ko']) {
      const page = await newPage(env.browser, { width, height });
      try {
        await openApp(page, env.server.url, `lesson=bayes&lang=${lang}`);
        for (const [view, hash] of Object.entries(VIEWS)) {
          await page.evaluate((h) => (location.hash = h), `lesson=bayes&${hash}&lang=${lang}`);
          await page.waitForFunction((v) => window.aimath.values().view === v, view);
          await settle(page);
          const where = `${view} ${lang} at ${width}px`;
          const colours = colourCount(await page.locator('#game').screenshot());
          assert.ok(colours >= 4, `${where}: the canvas has ${colours} colour(s)`);
          const { scrollWidth, innerWidth } = await page.evaluate(() => ({
            scrollWidth: document.scrollingElement.scrollWidth,
            innerWidth: window.innerWidth,
          }));
          assert.ok(scrollWidth <= innerWidth, `${where}: scrollWidth ${scrollWidth} > innerWidth ${innerWidth}`);
          if (lang === 'ko') assert.deepEqual(await englishOnKorean(page, SHARED_WORDS), [], `${where}: English on the Korean page`);
          const shown = await shownReadouts(page);
          assert.ok(Object.keys(shown).length > 0, `${where}: no readouts`);
          assert.ok(Object.values(shown).every((s) => !/[{}]/.test(s)), `${where}: readouts ${JSON.stringify(shown)}`);
          const labels = await page.locator('#readouts th').allInnerTexts();
          assert.ok(labels.every((l) => !/_/.test(l)), `${where}: untranslated readout labels ${labels}`);
          await page.screenshot({ path: path.join(dir, `bayes-${view}-${lang}-${width}.png`), fullPage: true });
        }
        assert.deepEqual(page.problems, []);
      } finally {
        await page.closeAll();
      }
    }
  }
});

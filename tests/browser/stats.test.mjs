// The stats lesson in the browser: the bridge contract (params, readouts
// and exportData in every view), readouts against scipy for pasted and for
// seeded data, a student's path through every view (choosing the source
// and the family, pasting data and a bad paste, a refused family, new data,
// pointing at the log-likelihood; stepping and playing the sampling
// distribution; dragging the start of gradient ascent and playing it to
// convergence), and every view in both languages at 1440 and 375 px
// without console errors or English on the Korean page, with screenshots
// (test-results/stats-<view>-<lang>-<width>.png) for a person to look at.

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
} from './harness.mjs';

const env = useServerAndBrowser();

const readouts = (page) => page.evaluate(() => window.aimath.readouts());
const values = (page) => page.evaluate(() => window.aimath.values());
const set = (page, name, value) => page.evaluate(([n, v]) => window.aimath.set(n, v), [name, value]);
const act = (page, name, times = 1) =>
  page.evaluate(
    ([n, k]) => {
      let r;
      for (let i = 0; i < k; i++) r = window.aimath.act(n);
      return r;
    },
    [name, times],
  );
const exportData = (page) => page.evaluate(() => window.aimath.exportData());
const svg = (page) => page.evaluate(() => window.aimath.svg());

// The bridge contract of the lesson (issue 8).
const PARAMS = ['view', 'family', 'data', 'seed', 'n', 'source'];
const FIT_READOUTS = ['mle_1', 'mle_2', 'loglik', 'aic', 'ks_stat', 'ks_p'];
const SAMPLING_READOUTS = ['sample_mean_mean', 'sample_mean_sd'];
const VIEWS = ['fit', 'sampling', 'mle'];
const FAMILIES = ['normal', 'laplace', 'exponential', 'gamma', 'lognormal', 'beta', 'uniform', 'bernoulli', 'poisson'];

// Names that are the same in Korean and English texts (as page.test.mjs
// allows them: function names of mathematics).
const SHARED_WORDS = new Set('log exp sup argmax max min var std'.split(' '));

// The data set of core/fit's tests: np.round(np.random.default_rng(7).normal(1.5, 2.0, 15), 3).
const REAL = '1.502, 2.097, 0.952, -0.281, 0.591, -0.483, 1.62, 4.18, 0.516, 0.259, 2.48, 2.214, 1.711, -0.361, 1.441';

const close = (got, want, tol) => Math.abs(got - want) <= tol * Math.max(1, Math.abs(want));

function assertClose(ro, want, tol, where) {
  for (const [n, w] of Object.entries(want)) {
    if (typeof w === 'number') {
      assert.equal(typeof ro[n], 'number', `${where}: readout ${n} = ${JSON.stringify(ro[n])}`);
      assert.ok(close(ro[n], w, tol), `${where}: readout ${n} = ${ro[n]}, want ${w}`);
    } else {
      assert.equal(ro[n], w, `${where}: readout ${n}`);
    }
  }
}

function assertFinite(ro, where) {
  for (const [n, v] of Object.entries(ro)) {
    if (typeof v === 'number') assert.ok(Number.isFinite(v), `${where}: readout ${n} = ${v}`);
    else assert.ok(typeof v === 'string' && v !== '', `${where}: readout ${n} = ${JSON.stringify(v)}`);
  }
}

async function settle(page) {
  await waitFrames(page, 3);
  await page.waitForTimeout(300); // onChange pushes at most every 200 ms
}

async function checkDrawn(page, where) {
  await waitFrames(page, 3);
  const png = await page.locator('#game').screenshot();
  const colours = colourCount(png);
  assert.ok(colours >= 4, `${where}: the canvas has ${colours} colour(s)`);
}

// panelFrame returns the page rectangle of the canvas panel id (its clip
// rectangle in the figure's SVG).
async function panelFrame(page, id) {
  const s = await svg(page);
  const start = s.indexOf(`<g data-panel="${id}">`);
  if (start < 0) throw new Error(`no panel ${id} in the figure`);
  const end = s.indexOf('<g data-panel=', start + 1);
  const group = s.slice(start, end < 0 ? undefined : end);
  const clip = group.match(/clip-path="url\(#([^)]+)\)"/);
  if (!clip) throw new Error(`panel ${id} has no clip path`);
  const m = s.match(new RegExp(`<clipPath id="${clip[1]}"><rect x="([-\\d.]+)" y="([-\\d.]+)" width="([\\d.]+)" height="([\\d.]+)"`));
  if (!m) throw new Error(`no clip rectangle ${clip[1]}`);
  const box = await page.locator('#game').boundingBox();
  return { x: box.x + Number(m[1]), y: box.y + Number(m[2]), width: Number(m[3]), height: Number(m[4]) };
}

// shownText waits until the readout name is shown matching re, and
// returns the text.
async function shownText(page, name, re = /./) {
  await page.waitForFunction(
    ([n, src, flags]) => new RegExp(src, flags).test(document.querySelector(`#readouts tr[data-readout="${n}"] td`)?.textContent ?? ''),
    [name, re.source, re.flags],
  );
  return (await shownReadouts(page))[name];
}

test('stats contract: params, views, actions, the readouts in every view and exportData', async () => {
  const page = await newPage(env.browser);
  try {
    await openApp(page, env.server.url, 'lesson=stats&lang=en');
    const spec = await page.evaluate(() => window.aimath.lessons().find((l) => l.id === 'stats'));
    assert.ok(spec, 'aimath.lessons() lists stats');
    const byName = Object.fromEntries(spec.params.map((p) => [p.name, p]));
    for (const n of PARAMS) assert.ok(byName[n], `stats has param ${n} (has ${Object.keys(byName)})`);
    assert.deepEqual(byName.view.choices, VIEWS);
    assert.deepEqual(byName.family.choices, FAMILIES);
    for (const s of [...FAMILIES, 'mystery', 'pasted']) assert.ok(byName.source.choices.includes(s), `source ${s}`);
    assert.equal(byName.data.kind, 'text');
    // The schema says where each parameter applies.
    assert.equal(byName.family.show, 'view=fit');
    assert.equal(byName.data.show, 'view=fit|sampling');
    assert.ok(spec.actions.includes('regenerate'), `actions ${spec.actions}`);
    assert.ok(spec.animated);
    assert.deepEqual(spec.still, ['fit']);

    // fit: the normal family's μ̂ and σ̂ (divisor n) and the tests.
    let ro = await readouts(page);
    assertFinite(ro, 'fit');
    for (const n of FIT_READOUTS) assert.equal(typeof ro[n], 'number', `fit: readout ${n} = ${JSON.stringify(ro[n])}`);
    assert.equal(typeof ro.kl, 'number', 'fit: KL to the known truth');
    assert.ok(ro.ks_p >= 0 && ro.ks_p <= 1 && ro.ks_stat > 0 && ro.ks_stat <= 1);
    assert.ok(close(ro.aic, 4 - 2 * ro.loglik, 1e-12), `AIC = 2k − 2ℓ: ${ro.aic}`);
    let data = await exportData(page);
    assert.deepEqual(data.columns, ['x']);
    assert.equal(data.rows.length, (await values(page)).n);
    const xs = data.rows.map((r) => r[0]);
    const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
    const sd = Math.sqrt(xs.reduce((a, b) => a + (b - mean) ** 2, 0) / xs.length);
    assert.ok(close(ro.mle_1, mean, 1e-12) && close(ro.mle_2, sd, 1e-12), `μ̂, σ̂ = ${ro.mle_1}, ${ro.mle_2}; from exportData ${mean}, ${sd}`);

    // sampling: the contract's readouts once there are samples.
    assert.ok(!(await set(page, 'view', 'sampling')).error);
    ro = await readouts(page);
    assert.equal(ro.samples, 0);
    assert.equal(ro.sample_mean_mean, 'no_samples');
    assert.deepEqual(await act(page, 'step', 3), { ok: true });
    ro = await readouts(page);
    assertFinite(ro, 'sampling');
    for (const n of SAMPLING_READOUTS) assert.equal(typeof ro[n], 'number', `sampling: readout ${n} = ${JSON.stringify(ro[n])}`);
    data = await exportData(page);
    assert.deepEqual(data.columns, ['mean', 'var_n', 'var_n1']);
    assert.equal(data.rows.length, 3);
    assert.ok(close(ro.sample_mean_mean, (data.rows[0][0] + data.rows[1][0] + data.rows[2][0]) / 3, 1e-12));

    // mle: the closed form and the ascent.
    assert.ok(!(await set(page, 'view', 'mle')).error);
    ro = await readouts(page);
    assertFinite(ro, 'mle');
    data = await exportData(page);
    const k = data.rows.reduce((a, r) => a + r[0], 0);
    assert.ok(close(ro.mle_1, k / data.rows.length, 1e-12), `p̂ = ${ro.mle_1}, k/n = ${k / data.rows.length}`);
    assert.equal(ro.iter, 0);
    assert.equal(ro.status, 'running');
    assert.deepEqual(page.problems, []);
  } finally {
    await page.closeAll();
  }
});

test('stats fit: readouts match scipy for pasted and for seeded data', async () => {
  const page = await newPage(env.browser);
  try {
    await openApp(page, env.server.url, 'lesson=stats&lang=en');
    assert.ok(!(await set(page, 'data', REAL)).error);
    // Pasting switches the source to the data.
    assert.equal((await values(page)).source, 'pasted');
    // scipy.stats.norm.fit(x), norm.logpdf(x, *fit).sum(), kstest(x, 'norm', fit).
    assertClose(
      await readouts(page),
      {
        count: 15,
        mle_1: 1.2291999999999998,
        mle_2: 1.215837554938981,
        loglik: -24.215575772046197,
        aic: 52.431151544092394,
        ks_stat: 0.10247954539400128,
        ks_p: 0.99263147202013,
        kl: 'unknown',
        suggested: 'normal',
      },
      1e-12,
      'pasted, normal',
    );
    // scipy.stats.laplace.fit(x) and its kstest.
    await set(page, 'family', 'laplace');
    assertClose(
      await readouts(page),
      { mle_1: 1.441, mle_2: 0.9740666666666667, loglik: -25.003074737215236, ks_stat: 0.19107446673517456, ks_p: 0.5790411669418625 },
      1e-12,
      'pasted, laplace',
    );
    // A family that cannot describe negative values is refused, in words.
    await set(page, 'family', 'gamma');
    let ro = await readouts(page);
    assert.equal(ro.status, 'needs_positive{x=−0.483}');
    assert.equal(ro.mle_1, undefined);
    const text = await shownText(page, 'status', /greater than 0/);
    assert.match(text, /−0\.483/);

    // Seeded data: x = exportData of this state; scipy.stats.gamma.fit(x, floc=0),
    // gamma.logpdf(x, a, scale=sc).sum(), kstest(x, 'gamma', (a, 0, sc)), and
    // KL(Γ(2.6, 0.7) ‖ fit) by scipy.integrate.quad.
    await page.evaluate(() => (location.hash = 'lesson=stats&source=gamma&family=gamma&n=200&seed=5&reveal=1&lang=en'));
    await page.waitForFunction(() => window.aimath.values().n === 200);
    ro = await readouts(page);
    assertClose(
      ro,
      {
        mle_1: 2.740392575928052,
        mle_2: 0.6377837731005588,
        loglik: -268.025279451012,
        aic: 540.050558902024,
        ks_stat: 0.04589201633807166,
        ks_p: 0.7758238393110626,
        true_1: 2.6,
        true_2: 0.7,
        suggested: 'gamma',
        aic_best: 'gamma',
      },
      1e-9,
      'seeded gamma',
    );
    assert.ok(close(ro.kl, 0.003067177556387362, 1e-8), `kl = ${ro.kl}`);
    const data = await exportData(page);
    assert.equal(data.rows.length, 200);
    // The first values of the data (they make the references above).
    assert.ok(close(data.rows[0][0], 2.9107366766616987, 1e-15), `x[0] = ${data.rows[0][0]}`);
    assert.deepEqual(page.problems, []);
  } finally {
    await page.closeAll();
  }
});

test('stats fit: a student chooses, pastes, is refused, draws new data and points at the log-likelihood', async () => {
  for (const lang of ['en', 'ko']) {
    const page = await newPage(env.browser, { width: 1440, height: 900 });
    try {
      await openApp(page, env.server.url, `lesson=stats&lang=${lang}`);
      // The family menu: gamma for these positive values.
      assert.equal(await page.inputValue('#p-family'), 'normal');
      const before = await readouts(page);
      assert.equal(before.suggested, 'gamma');
      await page.selectOption('#p-family', 'gamma');
      await page.waitForFunction(() => window.aimath.values().family === 'gamma');
      await page.waitForFunction(() => location.hash.includes('family=gamma'));
      const ro = await readouts(page);
      assert.ok(ro.aic < before.aic, `gamma's AIC ${ro.aic} is below the normal's ${before.aic}`);
      assert.equal(ro.delta_aic, 0);
      // Beta is refused for these values (some are above 1), in words.
      await page.selectOption('#p-family', 'beta');
      const text = await shownText(page, 'status', lang === 'ko' ? /[\uac00-\ud7a3]/ : /strictly between 0 and 1/);
      assert.ok(!/[{}]/.test(text), `status shown as ${text}`);

      // Paste 0/1 data into the box: the source switches, Bernoulli is suggested.
      await page.selectOption('#p-family', 'bernoulli');
      await page.fill('#p-data', '0, 1, 1, 0, 1, 1, 1, 0');
      await page.press('#p-data', 'Enter');
      await page.waitForFunction(() => window.aimath.values().source === 'pasted');
      // The source menu follows (the page hears of the change within 200 ms).
      await page.waitForFunction(() => document.getElementById('p-source').value === 'pasted');
      let r2 = await readouts(page);
      assert.equal(r2.count, 8);
      assert.equal(r2.suggested, 'bernoulli');
      assert.equal(r2.mle_1, 5 / 8);
      assert.equal(r2.kl, 'unknown');
      // A column pasted from a spreadsheet: the text box turns its line
      // breaks into spaces, which separate numbers too.
      await page.fill('#p-data', '');
      await page.focus('#p-data');
      await page.keyboard.insertText('1\n0\n1\n1');
      await page.press('#p-data', 'Enter');
      await page.waitForFunction(() => window.aimath.readouts().count === 4);
      assert.equal((await readouts(page)).mle_1, 0.75);
      await page.fill('#p-data', '0, 1, 1, 0, 1, 1, 1, 0');
      await page.press('#p-data', 'Enter');
      await page.waitForFunction(() => window.aimath.readouts().count === 8);
      // A bad paste is refused with a message; the data stay.
      await page.fill('#p-data', '1, 2, banana');
      await page.press('#p-data', 'Enter');
      await page.waitForFunction(() => !document.getElementById('error-banner').hidden);
      assert.match(await page.locator('#error-banner').innerText(), /banana/);
      assert.equal((await readouts(page)).count, 8);

      // Back to a hidden source; "new data" is the next seed.
      await page.selectOption('#p-source', 'poisson');
      await page.selectOption('#p-family', 'poisson');
      await page.waitForFunction(() => window.aimath.values().family === 'poisson');
      const seed = (await values(page)).seed;
      const old = await readouts(page);
      await page.click('#action-group button[data-action="regenerate"]');
      await page.waitForFunction((s) => window.aimath.values().seed === s + 1, seed);
      r2 = await readouts(page);
      assert.notEqual(r2.mle_1, old.mle_1);
      assert.equal(typeof r2.chi2_stat, 'number');
      assert.equal(typeof r2.chi2_p, 'number');

      // Pointing at the log-likelihood shows that λ and its ℓ, below the maximum.
      await settle(page);
      const surf = await panelFrame(page, 'surface');
      await page.mouse.move(surf.x + surf.width * 0.08, surf.y + surf.height * 0.5, { steps: 4 });
      await page.waitForFunction(() => typeof window.aimath.readouts().probe_1 === 'number');
      r2 = await readouts(page);
      assert.ok(r2.probe_loglik < r2.loglik, `ℓ at the pointer ${r2.probe_loglik}, max ${r2.loglik}`);
      await shownText(page, 'probe_loglik', /\d/);
      const hist = await panelFrame(page, 'hist');
      await page.mouse.move(hist.x + hist.width / 2, hist.y + hist.height / 2, { steps: 4 });
      await page.waitForFunction(() => window.aimath.readouts().probe_1 === undefined);
      await checkDrawn(page, `fit path (${lang})`);
      assert.deepEqual(page.problems, [], lang);
    } finally {
      await page.closeAll();
    }
  }
});

test('stats sampling: step draws one sample, play draws until M and the SD of the means nears σ/√n', async () => {
  const page = await newPage(env.browser);
  try {
    await openApp(page, env.server.url, 'lesson=stats&view=sampling&source=exponential&n=5&reps=3000&lang=en');
    await page.click('#btn-step');
    await page.waitForFunction(() => window.aimath.readouts().samples === 1);
    await shownText(page, 'samples', /^1$/);
    assert.equal((await readouts(page)).sample_mean_sd, 'no_samples');
    await page.click('#btn-play');
    await page.waitForFunction(() => window.aimath.playing());
    // The page answers while it plays, and the Go work per frame stays small.
    const t = Date.now();
    await readouts(page);
    assert.ok(Date.now() - t < 1000, `a bridge call took ${Date.now() - t} ms while playing`);
    await page.waitForFunction(() => !window.aimath.playing(), null, { timeout: 60000 });
    const stats = await page.evaluate(() => window.aimath.stats());
    assert.ok(stats.goMsPerFrame < 30, `Go takes ${stats.goMsPerFrame} ms a frame`);
    const ro = await readouts(page);
    assertFinite(ro, 'sampling after play');
    assert.equal(ro.samples, 3000);
    // σ = 1, σ/√5 = 0.4472; with 3000 means the SD is within a few percent.
    assert.ok(close(ro.theory_sd, 1 / Math.sqrt(5), 1e-12));
    assert.ok(Math.abs(ro.sample_mean_sd - ro.theory_sd) < 0.06 * ro.theory_sd, `SD of the means ${ro.sample_mean_sd}`);
    assert.ok(Math.abs(ro.var_n1_mean - 1) < 0.08 && Math.abs(ro.var_n_mean - 0.8) < 0.08, `variances ${ro.var_n_mean}, ${ro.var_n1_mean}`);
    const data = await exportData(page);
    assert.equal(data.rows.length, 3000);
    const m = data.rows.reduce((a, r) => a + r[0], 0) / 3000;
    assert.ok(close(ro.sample_mean_mean, m, 1e-12), `mean of the means ${ro.sample_mean_mean}, from exportData ${m}`);
    await checkDrawn(page, 'sampling after play');
    assert.deepEqual(page.problems, []);
  } finally {
    await page.closeAll();
  }
});

test('stats mle: dragging the start, stepping, and playing gradient ascent to the closed-form maximum', async () => {
  const page = await newPage(env.browser, { width: 1440, height: 900 });
  try {
    await openApp(page, env.server.url, 'lesson=stats&view=mle&estimate=p&lang=en');
    await settle(page);
    // Drag the start (p = 0.5, the orange point) to the right.
    const from = await handle(page, 'theta');
    await drag(page, from, { x: from.x + 30, y: from.y });
    await page.waitForFunction(() => window.aimath.values().start > 0.52);
    assert.ok((await values(page)).start < 0.8, 'a short drag');
    let ro = await readouts(page);
    const v = await values(page);
    assert.equal(ro.iter, 0);
    assert.equal(ro.ascent, v.start);
    assert.ok(Math.abs(v.start * 100 - Math.round(v.start * 100)) < 1e-9, `start ${v.start} snapped to 0.01`);
    await page.waitForFunction(() => location.hash.includes('start='));
    // One step: θ ← θ + η·(1/n)·dℓ/dθ.
    await page.click('#btn-step');
    await page.waitForFunction(() => window.aimath.readouts().iter === 1);
    const r1 = await readouts(page);
    assert.ok(close(r1.ascent, ro.ascent + v.lr * ro.grad, 1e-12), `step: ${ro.ascent} + ${v.lr}·${ro.grad} = ${r1.ascent}`);
    // Play to convergence at p̂.
    await page.click('#btn-play');
    await page.waitForFunction(() => window.aimath.readouts().status === 'converged', null, { timeout: 60000 });
    ro = await readouts(page);
    assert.ok(Math.abs(ro.ascent - ro.mle_1) < 1e-5, `ascent ${ro.ascent}, p̂ ${ro.mle_1}`);
    await shownText(page, 'status', /^converged$/);
    // Too large a rate leaves the parameter space.
    await set(page, 'lr', 2);
    await act(page, 'step', 20);
    assert.equal((await readouts(page)).status, 'left_space');
    await shownText(page, 'status', /parameter space/);
    // The normal μ: μ̂ = x̄ and σ̂ with divisor n, from exportData.
    await set(page, 'estimate', 'mu');
    ro = await readouts(page);
    const xs = (await exportData(page)).rows.map((r) => r[0]);
    const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
    const sd = Math.sqrt(xs.reduce((a, b) => a + (b - mean) ** 2, 0) / xs.length);
    assert.ok(close(ro.mle_1, mean, 1e-12) && close(ro.mle_2, sd, 1e-12), `μ̂, σ̂ = ${ro.mle_1}, ${ro.mle_2}`);
    await checkDrawn(page, 'mle');
    assert.deepEqual(page.problems, []);
  } finally {
    await page.closeAll();
  }
});

// What each view shows before it is looked at.
const SHOTS = {
  fit: { hash: 'view=fit&family=gamma&n=200', steps: 0 },
  sampling: { hash: 'view=sampling&n=5', steps: 400 },
  mle: { hash: 'view=mle&estimate=mu&start=-1', steps: 4 },
};

test('stats: every view in both languages at 1440 and 375 px, without console errors or English on the Korean page; screenshots', async () => {
  const dir = ensureResults();
  const problems = [];
  for (const [width, height] of [
    [1440, 900],
    [375, 800],
  ]) {
    for (const lang of ['en', 'ko']) {
      const page = await newPage(env.browser, { width, height });
      try {
        await openApp(page, env.server.url, `lesson=stats&lang=${lang}`);
        for (const [view, { hash, steps }] of Object.entries(SHOTS)) {
          await page.evaluate((h) => (location.hash = h), `lesson=stats&${hash}&lang=${lang}`);
          await page.waitForFunction((v) => window.aimath.values().view === v, view);
          await page.waitForFunction((lg) => document.documentElement.lang === lg, lang);
          if (steps) await act(page, 'step', steps);
          await settle(page);
          const where = `${view} ${lang} at ${width}px`;
          assertFinite(await readouts(page), where);
          await checkDrawn(page, where);
          const { scrollWidth, innerWidth } = await page.evaluate(() => ({
            scrollWidth: document.scrollingElement.scrollWidth,
            innerWidth: window.innerWidth,
          }));
          assert.ok(scrollWidth <= innerWidth, `${where}: scrollWidth ${scrollWidth} > innerWidth ${innerWidth}`);
          const shown = await shownReadouts(page);
          for (const [n, s] of Object.entries(shown)) {
            assert.ok(s !== '' && !/[{}]/.test(s), `${where}: readout ${n} shown as ${JSON.stringify(s)}`);
            if (/^(mle_1|loglik|samples|iter)$/.test(n)) assert.ok(Number.isFinite(parseShown(s)), `${where}: ${n} shown as ${s}`);
          }
          if (lang === 'ko') {
            const english = await englishOnKorean(page, SHARED_WORDS);
            if (english.length) problems.push(`${where}: ${JSON.stringify(english)}`);
          }
          await page.screenshot({ path: path.join(dir, `stats-${view}-${lang}-${width}.png`), fullPage: true });
        }
        assert.deepEqual(page.problems, [], `${lang} at ${width}px`);
      } finally {
        await page.closeAll();
      }
    }
  }
  assert.deepEqual(problems, [], 'English on the Korean page');
});

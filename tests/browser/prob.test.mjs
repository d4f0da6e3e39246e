// The probability lesson in the browser: the bridge contract (params,
// readouts, exportData) with values checked against scipy, a student's path
// through every view (choosing a distribution, playing the samples,
// hovering the density, dragging the slice, clicking the table, typing f,
// the Monte Carlo integrals, dragging the regression line), every view in
// both languages at 1440 and 375 px without console errors or English on
// the Korean page, and screenshots (test-results/prob-<view>-<lang>-<width>.png)
// for a person to look at.

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
  panelImage,
  parseShown,
  shownReadouts,
  useServerAndBrowser,
  waitFrames,
} from './harness.mjs';

const env = useServerAndBrowser();

const readouts = (page) => page.evaluate(() => window.aimath.readouts());
const values = (page) => page.evaluate(() => window.aimath.values());
const set = (page, name, value) => page.evaluate(([n, v]) => window.aimath.set(n, v), [name, value]);
const exportData = (page) => page.evaluate(() => window.aimath.exportData());
const act = (page, name, times = 1) =>
  page.evaluate(
    ([n, k]) => {
      let r;
      for (let i = 0; i < k; i++) r = window.aimath.act(n);
      return r;
    },
    [name, times],
  );

// The bridge contract of the lesson (issue 8).
const PARAMS = ['view', 'dist', 'p', 'n', 'mu', 'sigma', 'alpha', 'beta', 'lambda', 'k', 'samples', 'seed', 'rho', 'f'];
const READOUTS = ['mean', 'var', 'skew', 'entropy', 'sample_mean', 'sample_var', 'estimate', 'stderr', 'exact'];
const VIEWS = ['dist', 'joint', 'expect', 'montecarlo', 'loss'];
const FAMILIES = ['bernoulli', 'binomial', 'categorical', 'poisson', 'geometric', 'uniform', 'normal', 'laplace', 'exponential', 'beta', 'gamma', 'lognormal', 't'];

// settle waits until the page has drawn and heard about the latest state.
async function settle(page) {
  await waitFrames(page, 3);
  await page.waitForTimeout(300); // onChange pushes at most every 200 ms
}

const close = (got, want, tol) => Math.abs(got - want) <= tol * Math.max(1, Math.abs(want));

// assertClose checks readouts against reference values.
function assertClose(ro, want, tol, where) {
  for (const [name, w] of Object.entries(want)) {
    if (typeof w === 'number') assert.ok(typeof ro[name] === 'number' && close(ro[name], w, tol), `${where}: ${name} = ${ro[name]}, want ${w}`);
    else assert.equal(ro[name], w, `${where}: ${name}`);
  }
}

// assertFinite: every number the lesson reports is finite.
function assertFinite(ro, where) {
  for (const [n, v] of Object.entries(ro)) {
    if (typeof v === 'number') assert.ok(Number.isFinite(v), `${where}: readout ${n} = ${v}`);
  }
}

async function checkDrawn(page, where) {
  await waitFrames(page, 3);
  const png = await page.locator('#game').screenshot();
  const colours = colourCount(png);
  assert.ok(colours >= 4, `${where}: the canvas has ${colours} colour(s)`);
}

test('prob: the bridge contract, with values from scipy', async () => {
  const page = await newPage(env.browser);
  try {
    await openApp(page, env.server.url, 'lesson=prob&lang=en');
    const schema = await page.evaluate(() => window.aimath.lessons().find((l) => l.id === 'prob'));
    const names = schema.params.map((p) => p.name);
    for (const p of PARAMS) assert.ok(names.includes(p), `param ${p} is missing from ${names}`);
    assert.deepEqual(schema.params.find((p) => p.name === 'view').choices, VIEWS);
    assert.deepEqual(schema.params.find((p) => p.name === 'dist').choices, FAMILIES);
    // Every distribution parameter says where it applies: the views that
    // draw a distribution, and the families that read it.
    const shows = Object.fromEntries(schema.params.map((q) => [q.name, q.show]));
    assert.equal(shows.p, 'view=dist|expect&dist=bernoulli|binomial|geometric');
    assert.equal(shows.lambda, 'view=dist|expect&dist=poisson|exponential');
    for (const p of ['n', 'mu', 'alpha', 'beta', 'k']) assert.match(shows[p], /^view=dist\|expect&dist=/, `show of ${p}`);
    // The page shows only the chosen family's controls.
    await set(page, 'dist', 'poisson');
    await page.waitForFunction(() => !document.querySelector('[data-param="lambda"]').hidden && document.querySelector('[data-param="alpha"]').hidden);

    // stats.gamma(2, scale=1/5): mean, var, skew, entropy
    await set(page, 'dist', 'gamma');
    await set(page, 'alpha', 2);
    await set(page, 'beta', 5);
    let ro = await readouts(page);
    assertClose(ro, { mean: 0.4, var: 0.08, skew: 1.414213562373095, entropy: -0.03222224753256753 }, 1e-9, 'gamma(2, 5)');
    // 1000 samples: the sample mean within 5 standard errors, and the export holds them.
    assert.ok(Math.abs(ro.sample_mean - 0.4) < 5 * Math.sqrt(0.08 / 1000), `sample mean ${ro.sample_mean}`);
    let data = await exportData(page);
    assert.deepEqual(data.columns, ['x']);
    assert.equal(data.rows.length, 1000);
    assert.ok(data.rows.every((r) => r.length === 1 && r[0] >= 0));
    const mean = data.rows.reduce((s, r) => s + r[0], 0) / 1000;
    assert.ok(close(mean, ro.sample_mean, 1e-12), `export mean ${mean} vs ${ro.sample_mean}`);

    // A parameter the distribution does not use changes nothing.
    await set(page, 'mu', 3);
    assertClose(await readouts(page), { mean: 0.4, var: 0.08 }, 1e-12, 'gamma with mu set');

    // stats.poisson(3), stats.t(5, 1, 2), stats.bernoulli(0.3)
    for (const [state, want] of [
      [{ dist: 'poisson', lambda: 3 }, { mean: 3, var: 3, skew: 0.5773502691896257, entropy: 1.9314701981485691 }],
      [{ dist: 't', mu: 1, sigma: 2, nu: 5 }, { mean: 1, var: 6.666666666666667, skew: 0, entropy: 2.3206498529743413 }],
      [{ dist: 'bernoulli', p: 0.3 }, { mean: 0.3, var: 0.21, skew: 0.8728715609439694, entropy: 0.6108643020548935 }],
      [{ dist: 't', nu: 1 }, { mean: 'undefined', var: 'undefined', skew: 'undefined' }],
    ]) {
      for (const [k, v] of Object.entries(state)) await set(page, k, v);
      assertClose(await readouts(page), want, 1e-9, JSON.stringify(state));
    }

    // expect: stats.norm(1, 2).expect(lambda x: x**2) = 5
    await openApp(page, env.server.url, 'lesson=prob&view=expect&dist=normal&mu=1&sigma=2&f=x%5E2&samples=10000&lang=en');
    ro = await readouts(page);
    assertClose(ro, { exact: 5, exact_var: 48 }, 1e-9, 'E[X²]');
    assert.ok(Math.abs(ro.estimate - 5) < 5 * ro.stderr && ro.stderr > 0, `estimate ${ro.estimate} ± ${ro.stderr}`);
    data = await exportData(page);
    assert.deepEqual(data.columns, ['x', 'f(x)']);
    assert.equal(data.rows.length, 10000);
    assert.ok(data.rows.every(([x, fx]) => close(fx, x * x, 1e-12)));

    // montecarlo: np.sqrt(np.pi)*special.erf(1)
    await openApp(page, env.server.url, 'lesson=prob&view=montecarlo&samples=100000&lang=en');
    ro = await readouts(page);
    assertClose(ro, { exact: 1.4936482656248538, area: 2 }, 1e-12, 'Gauss integral');
    assert.ok(Math.abs(ro.estimate - ro.exact) < 5 * ro.stderr, `estimate ${ro.estimate} ± ${ro.stderr}`);
    data = await exportData(page);
    assert.deepEqual(data.columns, ['x', 'y', 'count']);
    assert.equal(data.rows.length, 100000);
    for (const n of READOUTS.slice(6)) assert.equal(typeof ro[n], 'number', `montecarlo readout ${n}`);

    // joint: N(ρx, 1 − ρ²) at ρ = 0.6, x = 1; independent at ρ = 0
    await openApp(page, env.server.url, 'lesson=prob&view=joint&rho=0.6&slice=1&lang=en');
    assertClose(await readouts(page), { cond_mean: 0.6, cond_var: 0.64, mi: 0.22314355131420974, independence: 'dependent' }, 1e-12, 'bvn');
    await set(page, 'rho', 0);
    assertClose(await readouts(page), { cond_mean: 0, cond_var: 1, independence: 'independent' }, 1e-12, 'bvn ρ = 0');
    data = await exportData(page);
    assert.deepEqual(data.columns, ['x', 'y', 'p']);

    // loss: scipy on the lesson's own data (lesson/prob/readouts_test.go)
    await openApp(page, env.server.url, 'lesson=prob&view=loss&lang=en');
    ro = await readouts(page);
    assertClose(ro, { mse: 0.9050337793671333, gauss_nll: 1.3714554228882392, gauss_const: 0.9189385332046727, ce: 0.29821387056265053, cat_nll: 0.29821387056265053 }, 1e-12, 'loss');
    data = await exportData(page);
    assert.deepEqual(data.columns, ['task', 'x', 'y', 'prediction']);
    assert.equal(data.rows.length, 20);
    assert.deepEqual(page.problems, []);
  } finally {
    await page.closeAll();
  }
});

test('prob: a student plays the samples, hovers the density, and switches distributions', async () => {
  const page = await newPage(env.browser);
  try {
    await openApp(page, env.server.url, 'lesson=prob&view=dist&lang=en');
    await page.selectOption('#p-dist', 'exponential');
    await page.waitForFunction(() => window.aimath.values().dist === 'exponential');
    await set(page, 'samples', 300);
    let ro = await readouts(page);
    assertClose(ro, { mean: 1 / 3, var: 1 / 9, skew: 2, drawn: 300 }, 1e-12, 'exponential(3)');
    // Step shows one sample, play the rest, then stops by itself.
    await page.click('#btn-step');
    await page.waitForFunction(() => window.aimath.readouts().drawn === 1);
    await page.click('#btn-play');
    await page.waitForFunction(() => window.aimath.readouts().drawn > 20, null, { timeout: 10000 });
    await page.waitForFunction(() => !window.aimath.playing(), null, { timeout: 20000 });
    ro = await readouts(page);
    assert.equal(ro.drawn, 300);
    await page.waitForFunction(() => document.querySelector('#readouts tr[data-readout="drawn"] td')?.textContent === '300');
    await checkDrawn(page, 'dist after play');

    // Hovering the density reads p(x) and F(x) there: p = 3e^(−3x), F = 1 − e^(−3x).
    const box = await page.locator('#game').boundingBox();
    await page.mouse.move(box.x + box.width * 0.2, box.y + box.height * 0.5);
    await page.waitForFunction(() => typeof window.aimath.readouts().at_x === 'number');
    ro = await readouts(page);
    assert.ok(close(ro.at_p, 3 * Math.exp(-3 * ro.at_x), 1e-9), `p(${ro.at_x}) = ${ro.at_p}`);
    assert.ok(close(ro.at_cdf, 1 - Math.exp(-3 * ro.at_x), 1e-9), `F(${ro.at_x}) = ${ro.at_cdf}`);

    // Categorical probabilities typed as a list: stats.rv_discrete(values=(range(3), [0.2, 0.5, 0.3])).
    await page.selectOption('#p-dist', 'categorical');
    await page.fill('#p-probs', '0.2, 0.5, 0.3');
    await page.press('#p-probs', 'Enter');
    await page.waitForFunction(() => window.aimath.values().probs === '0.2, 0.5, 0.3');
    assertClose(await readouts(page), { mean: 1.1, var: 0.49, entropy: 1.0296530140645737 }, 1e-12, 'categorical');
    await page.waitForFunction(() => document.querySelector('#readouts tr[data-readout="mean"] td')?.textContent.startsWith('1.1'));
    const shown = await shownReadouts(page);
    assert.ok(Math.abs(parseShown(shown.mean) - 1.1) < 1e-4, `shown mean ${shown.mean}`);
    // A list that is not probabilities is refused and the old one kept.
    await page.fill('#p-probs', '0.2, -1');
    await page.press('#p-probs', 'Enter');
    await page.waitForTimeout(300);
    assert.equal((await values(page)).probs, '0.2, 0.5, 0.3');
    assert.deepEqual(page.problems, []);
  } finally {
    await page.closeAll();
  }
});

test('prob: the slice, the table, the expectation, Monte Carlo and the loss view by hand', async () => {
  const page = await newPage(env.browser);
  try {
    // Drag the slice to the right: the conditional mean ρx follows.
    await openApp(page, env.server.url, 'lesson=prob&view=joint&rho=0.6&slice=0&lang=en');
    await settle(page);
    const from = await handle(page, 'slice');
    await drag(page, from, { x: from.x + 60, y: from.y });
    await settle(page);
    const x = (await values(page)).slice;
    assert.ok(x > 0.5, `slice after the drag = ${x}`);
    assertClose(await readouts(page), { x, cond_mean: 0.6 * x, cond_var: 0.64 }, 1e-9, 'dragged slice');

    // The table: a click on the cell x = 2, y = 0 adds one to its count.
    await page.selectOption('#p-joint', 'table');
    await page.waitForFunction(() => window.aimath.values().joint === 'table');
    await settle(page);
    const r = await panelImage(page, 'joint');
    await page.mouse.click(r.x + r.width * (2.5 / 3), r.y + r.height * (2.5 / 3));
    await page.waitForFunction(() => window.aimath.values().table[2][0] === 2);
    assert.deepEqual((await values(page)).table, [[4, 2, 1], [2, 8, 2], [2, 2, 6]]);
    // Proportional rows: independent.
    await set(page, 'table', '1,2;2,4');
    assert.equal((await readouts(page)).independence, 'independent');
    await page.waitForFunction(() => document.querySelector('#readouts tr[data-readout="independence"] td')?.textContent === 'independent');
    await checkDrawn(page, 'joint table');

    // expect: type f; ln x of a normal X is undefined.
    await openApp(page, env.server.url, 'lesson=prob&view=expect&lang=en');
    await page.fill('#p-f', 'ln(x)');
    await page.press('#p-f', 'Enter');
    await page.waitForFunction(() => window.aimath.readouts().note === 'f_undefined');
    assert.equal((await readouts(page)).exact, 'undefined');
    await page.selectOption('#p-dist', 'exponential');
    await page.waitForFunction(() => typeof window.aimath.readouts().exact === 'number');
    // E[ln X] for X ~ Exp(3) = −γ − ln 3 (scipy: stats.expon(scale=1/3).expect(np.log))
    assertClose(await readouts(page), { exact: -0.5772156649015329 - Math.log(3) }, 1e-9, 'E[ln X]');

    // montecarlo: π, played from the start.
    await openApp(page, env.server.url, 'lesson=prob&view=montecarlo&integral=pi&samples=3000&speed=4&lang=en');
    await page.click('#btn-play');
    await page.waitForFunction(() => window.aimath.readouts().drawn > 100, null, { timeout: 10000 });
    await page.waitForFunction(() => !window.aimath.playing(), null, { timeout: 30000 });
    const ro = await readouts(page);
    assert.equal(ro.drawn, 3000);
    assert.ok(Math.abs(ro.estimate - Math.PI) < 5 * ro.stderr, `π ≈ ${ro.estimate} ± ${ro.stderr}`);
    assert.ok(close(ro.estimate, (4 * ro.hits) / 3000, 1e-12), `estimate ${ro.estimate}, hits ${ro.hits}`);
    await checkDrawn(page, 'montecarlo π');

    // loss: drag the right end of the line up; the NLL stays MSE/(2σ²) + const.
    await openApp(page, env.server.url, 'lesson=prob&view=loss&lang=en');
    await settle(page);
    const end = await handle(page, 'r');
    await drag(page, end, { x: end.x, y: end.y - 60 });
    await settle(page);
    const v = await values(page);
    assert.ok(v.slope > 0.5, `slope after the drag = ${v.slope}`);
    const lo = await readouts(page);
    assert.ok(close(lo.gauss_nll, lo.mse / 2 + lo.gauss_const, 1e-12), `NLL ${lo.gauss_nll} vs MSE ${lo.mse}`);
    assert.deepEqual(page.problems, []);
  } finally {
    await page.closeAll();
  }
});

// Words that are the same in Korean and English texts (as page.test.mjs),
// and the lesson's symbols.
const SHARED_WORDS = new Set('cos sin tan exp log ln sqrt abs max min relu tanh sigmoid softplus sinh cosh pi erf var mse nll nat nats'.split(' '));

// The views as a student would see them: a moment of play and a hover.
const SHOTS = {
  dist: 'view=dist&dist=gamma&alpha=2&beta=1&samples=2000',
  joint: 'view=joint',
  expect: 'view=expect&dist=exponential&lambda=1',
  montecarlo: 'view=montecarlo&samples=5000',
  loss: 'view=loss',
};

test('prob: every view in both languages at 1440 and 375 px, with screenshots', async () => {
  const dir = ensureResults();
  for (const [width, height] of [
    [1440, 900],
    [375, 800],
  ]) {
    for (const lang of ['en', 'ko']) {
      const page = await newPage(env.browser, { width, height });
      try {
        await openApp(page, env.server.url, `lesson=prob&lang=${lang}`);
        for (const [view, hash] of Object.entries(SHOTS)) {
          await page.evaluate((h) => (location.hash = h), `lesson=prob&${hash}&lang=${lang}`);
          await page.waitForFunction((v) => window.aimath.values().view === v, view);
          if (view !== 'joint' && view !== 'loss') await act(page, 'step', 40);
          await settle(page);
          const where = `${view} ${lang} at ${width}px`;
          assertFinite(await readouts(page), where);
          await checkDrawn(page, where);
          const { scrollWidth, innerWidth } = await page.evaluate(() => ({
            scrollWidth: document.scrollingElement.scrollWidth,
            innerWidth: window.innerWidth,
          }));
          assert.ok(scrollWidth <= innerWidth, `${where}: scrollWidth ${scrollWidth} > innerWidth ${innerWidth}`);
          if (lang === 'ko') assert.deepEqual(await englishOnKorean(page, SHARED_WORDS), [], `${where}: English on the Korean page`);
          await page.screenshot({ path: path.join(dir, `prob-${view}-${lang}-${width}.png`), fullPage: true });
        }
        assert.deepEqual(page.problems, []);
      } finally {
        await page.closeAll();
      }
    }
  }
});

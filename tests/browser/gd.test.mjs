// The gradient-descent lesson in the browser: the course's function and its
// derivative, one step, a typed function, the diverge preset, the race on
// Rosenbrock, SGD on the regression, canvas drags, and screenshots of every
// mode in both languages at 1440 and 375 px (test-results/gd-<mode>-<lang>.png
// and gd-<mode>-<lang>-375.png) for a person to look at.

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
const act = (page, name, times = 1) =>
  page.evaluate(
    ([n, k]) => {
      let r;
      for (let i = 0; i < k; i++) r = window.aimath.act(n);
      return r;
    },
    [name, times],
  );

// settle waits until the page has drawn and heard about the latest state.
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

const onGrid = (x) => Math.abs(x * 10 - Math.round(x * 10)) < 1e-9;

test('gd 1d: the course function, its derivative, one step, and a typed function', async () => {
  const page = await newPage(env.browser);
  try {
    await openApp(page, env.server.url, 'lesson=gd&mode=1d&f=x^2%2B2x%2B3&x0=3&lr=0.1&lang=en');
    // sympy: sym.diff(sym.poly(x**2 + 2*x + 3), x) = 2*x + 2
    let ro = await readouts(page);
    assert.equal(ro.derivative, '2*x + 2');
    assert.equal(ro.status, 'running');
    assert.equal(ro.iter, 0);
    assert.deepEqual(await act(page, 'step'), { ok: true });
    ro = await readouts(page);
    // x₁ = x₀ − η·f′(x₀) = 3 − 0.1·8 = 2.2
    assert.equal(ro.iter, 1);
    assert.ok(Math.abs(ro.x - 2.2) < 1e-12, `x after one step = ${ro.x}`);
    await page.waitForFunction(() => document.querySelector('#readouts tr[data-readout="iter"] td')?.textContent === '1');
    const shown = await shownReadouts(page);
    assert.equal(shown.derivative, '2*x + 2');
    assert.ok(Math.abs(parseShown(shown.x) - 2.2) < 1e-4, `shown x = ${shown.x}`);
    assert.equal(shown.status, 'running');

    // Typing a function in the text box gives its derivative; the preset
    // becomes "your own".
    await page.fill('#p-f', 'x^3 - 3x');
    await page.press('#p-f', 'Enter');
    await page.waitForFunction(() => window.aimath.readouts().derivative === '3*x^2 - 3');
    assert.equal((await values(page)).preset1, 'custom');
    await page.waitForFunction(() => document.getElementById('p-preset1').value === 'custom');
    await checkDrawn(page, 'gd/1d');

    // A function that does not parse is said, never drawn.
    await page.fill('#p-f', 'x^2+2x)+3');
    await page.press('#p-f', 'Enter');
    await page.waitForFunction(() => window.aimath.readouts().status === 'invalid');
    ro = await readouts(page);
    assert.equal(ro.error, "unexpected ')' at 7");
    assert.equal(ro.note, 'parse_unexpected');
    assert.deepEqual(page.problems, []);
  } finally {
    await page.closeAll();
  }
});

test('gd 1d: the diverge preset diverges, and x₀ is dragged on the canvas', async () => {
  const page = await newPage(env.browser);
  try {
    await openApp(page, env.server.url, 'lesson=gd&mode=1d&lang=ko');
    await page.selectOption('#p-preset1', 'diverge');
    await page.waitForFunction(() => window.aimath.values().f === 'x^2');
    const v = await values(page);
    assert.equal(v.lr, 1.5);
    assert.equal(v.x0, 2);
    await page.evaluate(() => window.aimath.set('speed', 10));
    await page.click('#btn-play');
    // x_k = 2·(−2)^k passes 1e6 at k = 19: at 30 updates a second, well
    // within the timeout, and playing then stops by itself.
    await page.waitForFunction(() => window.aimath.readouts().status === 'diverged', null, { timeout: 10000 });
    const ro = await readouts(page);
    assert.equal(ro.iter, 19);
    await page.waitForFunction(() => !window.aimath.playing());
    await page.waitForFunction(() => document.querySelector('#readouts tr[data-readout="status"] td')?.textContent === '발산');
    await checkDrawn(page, 'gd/1d diverged');

    // Drag the current point: x₀ follows on the 0.1 grid and the path starts over.
    await page.evaluate(() => window.aimath.set('preset1', 'course'));
    await settle(page);
    const from = await handle(page, 'x');
    await drag(page, from, { x: from.x - 120, y: from.y });
    await settle(page);
    const x0 = (await values(page)).x0;
    assert.ok(x0 < 3 && onGrid(x0), `x0 after dragging left = ${x0}`);
    const after = await readouts(page);
    assert.equal(after.iter, 0);
    assert.ok(Math.abs(after.x - x0) < 1e-12);
    assert.deepEqual(page.problems, []);
  } finally {
    await page.closeAll();
  }
});

test('gd 2d: Adam and GD race on Rosenbrock; the start is dragged', async () => {
  const page = await newPage(env.browser);
  try {
    await openApp(page, env.server.url, 'lesson=gd&mode=2d&preset2=rosenbrock&optimizers=gd,adam&lang=en');
    assert.equal((await values(page)).lr, 0.001);
    assert.ok(await page.locator('#p-optimizers-0').isChecked()); // gd
    assert.ok(await page.locator('#p-optimizers-4').isChecked()); // adam
    assert.ok(!(await page.locator('#p-optimizers-1').isChecked()));
    await page.click('#btn-play');
    await page.waitForFunction(() => window.aimath.readouts().adam_iter >= 300, null, { timeout: 10000 });
    await page.click('#btn-play'); // pause
    await page.waitForFunction(() => !window.aimath.playing());
    const ro = await readouts(page);
    assert.equal(ro.gd_iter, ro.adam_iter, 'one update moves every racer once');
    for (const name of ['gd', 'adam']) {
      const moved = Math.hypot(ro[`${name}_x`] + 1.5, ro[`${name}_y`] - 2);
      assert.ok(moved > 0.01, `${name} moved ${moved} from (−1.5, 2)`);
      assert.equal(ro[`${name}_status`], 'running');
    }
    assert.equal(ro.momentum_x, undefined);
    // One step: exactly one more iteration each.
    await act(page, 'step');
    const ro2 = await readouts(page);
    assert.equal(ro2.gd_iter, ro.gd_iter + 1);
    assert.equal(ro2.adam_iter, ro.adam_iter + 1);
    await checkDrawn(page, 'gd/2d');

    // Tick momentum too: the race starts over with three racers.
    await page.check('#p-optimizers-1');
    await page.waitForFunction(() => window.aimath.readouts().momentum_iter === 0);
    assert.equal((await readouts(page)).gd_iter, 0);

    // Drag the start: it follows on the 0.1 grid, and every racer restarts there.
    await act(page, 'step', 5);
    await settle(page);
    const from = await handle(page, 'start');
    await drag(page, from, { x: from.x + 80, y: from.y + 50 });
    await settle(page);
    const start = (await values(page)).start;
    assert.ok(start[0] > -1.5 && start[1] < 2 && start.every(onGrid), `start after the drag = ${start}`);
    const r3 = await readouts(page);
    assert.equal(r3.adam_iter, 0);
    assert.ok(Math.abs(r3.adam_x - start[0]) < 1e-12 && Math.abs(r3.gd_y - start[1]) < 1e-12);
    assert.deepEqual(page.problems, []);
  } finally {
    await page.closeAll();
  }
});

test('gd linreg: SGD is reproducible, full batch reaches the least-squares line', async () => {
  const page = await newPage(env.browser);
  try {
    await openApp(page, env.server.url, 'lesson=gd&mode=linreg&n=30&noise=1&seed=4&batch=5&lang=en');
    let ro = await readouts(page);
    assert.equal(ro.updates, 0);
    assert.equal(typeof ro.w_star, 'number');
    await act(page, 'step', 13);
    ro = await readouts(page);
    assert.equal(ro.updates, 13);
    // 6 mini-batches of 5 make an epoch of 30 points: 13 is 2 epochs and 1/6.
    assert.ok(Math.abs(ro.epoch - (2 + 5 / 30)) < 1e-12, `epoch = ${ro.epoch}`);
    // The same state again gives the same mini-batches, to the last bit.
    await act(page, 'reset');
    await act(page, 'step', 13);
    const again = await readouts(page);
    assert.equal(again.w, ro.w);
    assert.equal(again.b, ro.b);
    await checkDrawn(page, 'gd/linreg');

    await page.evaluate(() => window.aimath.set('batch', 30));
    await page.evaluate(() => window.aimath.set('speed', 10));
    await page.click('#btn-play');
    await page.waitForFunction(() => window.aimath.readouts().status === 'converged', null, { timeout: 20000 });
    ro = await readouts(page);
    assert.ok(Math.abs(ro.w - ro.w_star) < 1e-6 && Math.abs(ro.b - ro.b_star) < 1e-6, `w, b = ${ro.w}, ${ro.b}; w*, b* = ${ro.w_star}, ${ro.b_star}`);
    assert.ok(Math.abs(ro.loss - ro.loss_star) < 1e-9);
    const data = await page.evaluate(() => window.aimath.exportData());
    assert.deepEqual(data.columns, ['x', 'y']);
    assert.equal(data.rows.length, 30);
    assert.deepEqual(page.problems, []);
  } finally {
    await page.closeAll();
  }
});

// Words that are the same in Korean and English texts (as page.test.mjs).
const SHARED_WORDS = new Set('cos sin tan exp log ln sqrt abs max min relu tanh sigmoid softplus sinh cosh pi'.split(' '));


const SHOTS = {
  '1d': { hash: 'mode=1d', steps: 3 },
  '2d': { hash: 'mode=2d&preset2=rosenbrock&optimizers=gd,momentum,nesterov,rmsprop,adam', steps: 2500 },
  linreg: { hash: 'mode=linreg', steps: 20 },
};

test('screenshots of every mode in both languages, at 1440 and 375 px', async () => {
  const dir = ensureResults();
  for (const [width, height] of [
    [1440, 900],
    [375, 800],
  ]) {
    for (const lang of ['en', 'ko']) {
      const page = await newPage(env.browser, { width, height });
      try {
        await openApp(page, env.server.url, `lesson=gd&lang=${lang}`);
        for (const [mode, { hash, steps }] of Object.entries(SHOTS)) {
          await page.evaluate((h) => (location.hash = h), `lesson=gd&${hash}&lang=${lang}`);
          await page.waitForFunction((m) => window.aimath.values().mode === m, mode);
          await act(page, 'step', steps);
          await settle(page);
          const where = `${mode} ${lang} at ${width}px`;
          const { scrollWidth, innerWidth } = await page.evaluate(() => ({
            scrollWidth: document.scrollingElement.scrollWidth,
            innerWidth: window.innerWidth,
          }));
          assert.ok(scrollWidth <= innerWidth, `${where}: scrollWidth ${scrollWidth} > innerWidth ${innerWidth}`);
          if (lang === 'ko') assert.deepEqual(await englishOnKorean(page, SHARED_WORDS), [], `${where}: English on the Korean page`);
          const name = `gd-${mode}-${lang}${width === 1440 ? '' : '-' + width}.png`;
          await page.screenshot({ path: path.join(dir, name), fullPage: true });
        }
        assert.deepEqual(page.problems, []);
      } finally {
        await page.closeAll();
      }
    }
  }
});

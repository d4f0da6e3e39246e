// Each built lesson draws on the canvas and shows the right numbers for a
// set state; screenshots of every lesson and view, in both languages, go to
// test-results/ for a person to look at.

import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import {
  colourCount,
  eachView,
  ensureResults,
  newPage,
  openApp,
  parseShown,
  shownReadouts,
  useServerAndBrowser,
  waitFrames,
} from './harness.mjs';

const env = useServerAndBrowser();

const close = (got, want, tol = 1e-9) => Math.abs(got - want) <= tol * Math.max(1, Math.abs(want));

// checkReadouts compares the bridge's numbers (to 1e-9) and the table's
// text (to its four decimals) with the expected values.
async function checkReadouts(page, want, where) {
  await page.waitForFunction((names) => {
    const shown = new Set([...document.querySelectorAll('#readouts tbody tr')].map((tr) => tr.dataset.readout));
    return names.every((n) => shown.has(n));
  }, Object.keys(want));
  const got = await page.evaluate(() => window.aimath.readouts());
  const shown = await shownReadouts(page);
  for (const [name, w] of Object.entries(want)) {
    assert.equal(typeof got[name], 'number', `${where}: readout ${name} = ${got[name]}`);
    assert.ok(close(got[name], w), `${where}: ${name} = ${got[name]}, want ${w}`);
    assert.ok(close(parseShown(shown[name]), w, 1e-4), `${where}: shown ${name} = ${shown[name]}, want ${w}`);
  }
}

// checkDrawn screenshots the canvas frame and checks it is not blank.
async function checkDrawn(page, where) {
  await waitFrames(page, 3);
  const png = await page.locator('#game').screenshot();
  const colours = colourCount(png);
  assert.ok(colours >= 4, `${where}: the canvas has ${colours} colour(s)`);
}

test('vector: draws, and the readouts of x=(3,−4), y=(1,2)', async () => {
  const page = await newPage(env.browser);
  try {
    await openApp(page, env.server.url, 'lesson=vector&x=3,-4&y=1,2&lang=en');
    // numpy: x=np.array([3,-4]); y=np.array([1,2])
    // np.linalg.norm(x,1)=7, np.linalg.norm(x)=5, np.linalg.norm(x,np.inf)=4, x@y=-5,
    // x@y/(np.linalg.norm(x)*np.linalg.norm(y))=-0.4472135954999579,
    // np.degrees(np.arccos(-1/np.sqrt(5)))=116.56505117707799
    await checkReadouts(
      page,
      { x_l1: 7, x_l2: 5, x_linf: 4, dot: -5, cos: -0.4472135954999579, angle_deg: 116.56505117707799 },
      'vector',
    );
    const shown = await shownReadouts(page);
    assert.equal(shown.cos, '−0.4472');
    await checkDrawn(page, 'vector');
    assert.deepEqual(page.problems, []);
  } finally {
    await page.closeAll();
  }
});

test('matrix map: det and trace of A = [[2, 1], [1, 1.5]]', async () => {
  const page = await newPage(env.browser);
  try {
    await openApp(page, env.server.url, 'lesson=matrix&view=map&a11=2&a12=1&a21=1&a22=1.5&t=1&lang=en');
    // numpy: A=np.array([[2,1],[1,1.5]]); np.linalg.det(A)=2.0, np.trace(A)=3.5
    await checkReadouts(page, { det: 2, trace: 3.5 }, 'matrix/map');
    await checkDrawn(page, 'matrix/map');
    assert.deepEqual(page.problems, []);
  } finally {
    await page.closeAll();
  }
});

test('matrix multiply: X=[[1,2],[3,4]] times Y=[[5,6],[7,8]]', async () => {
  const page = await newPage(env.browser);
  try {
    await openApp(
      page,
      env.server.url,
      'lesson=matrix&view=multiply&rows=2&inner=2&cols=2&X=1,2;3,4&Y=5,6;7,8&lang=en',
    );
    // numpy: np.array([[1,2],[3,4]]) @ np.array([[5,6],[7,8]]) = [[19,22],[43,50]]
    await checkReadouts(page, { c11: 19, c12: 22, c21: 43, c22: 50 }, 'matrix/multiply');
    // The matrix controls are grids sized to the values.
    assert.equal(await page.locator('[data-param="X"] input').count(), 4);
    await checkDrawn(page, 'matrix/multiply');
    assert.deepEqual(page.problems, []);
  } finally {
    await page.closeAll();
  }
});

test('matrix least squares: points on y = 1 + 2x give β = (1, 2)', async () => {
  const page = await newPage(env.browser);
  try {
    await openApp(page, env.server.url, 'lesson=matrix&view=lstsq&n=5&pts=-2,-3;-1,-1;0,1;1,3;2,5&lang=en');
    // numpy: A=np.c_[np.ones(5), [-2,-1,0,1,2]]; np.linalg.lstsq(A, [-3,-1,1,3,5])[0] = [1, 2]
    await checkReadouts(page, { beta0: 1, beta1: 2 }, 'matrix/lstsq');
    await checkDrawn(page, 'matrix/lstsq');
    assert.deepEqual(page.problems, []);
  } finally {
    await page.closeAll();
  }
});

test('screenshots of every lesson and view, in both languages, at 1440 and 375 px', async () => {
  const dir = ensureResults();
  for (const [width, height] of [
    [1440, 900],
    [375, 800],
  ]) {
    for (const lang of ['en', 'ko']) {
      const page = await newPage(env.browser, { width, height });
      try {
        await openApp(page, env.server.url, `lesson=vector&lang=${lang}`);
        await eachView(page, lang, async ({ id }, view) => {
          await waitFrames(page, 4);
          const name = `${id}${view ? '-' + view : ''}-${lang}-${width}.png`;
          await page.screenshot({ path: path.join(dir, name), fullPage: true });
        });
        assert.deepEqual(page.problems, []);
      } finally {
        await page.closeAll();
      }
    }
  }
});

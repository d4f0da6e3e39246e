// The canvas itself: mouse drags, clicks, right clicks and touch gestures on
// the ebiten canvas reach the lesson in world coordinates (visual/ maps
// them), and the canvas is drawn at the display's full resolution.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { drag, handle, newPage, openApp, useServerAndBrowser, waitFrames } from './harness.mjs';

const env = useServerAndBrowser();

// emptySpot returns page coordinates inside the canvas, well inside the
// plot and as far as possible from every handle.
async function emptySpot(page) {
  const svg = await page.evaluate(() => window.aimath.svg());
  const pts = [...svg.matchAll(/<circle data-id="[^"]+" cx="([-\d.]+)" cy="([-\d.]+)"/g)].map((m) => [Number(m[1]), Number(m[2])]);
  const box = await page.locator('#game').boundingBox();
  let best = null;
  for (let i = 3; i <= 7; i++) {
    for (let j = 3; j <= 7; j++) {
      const x = (box.width * i) / 10;
      const y = (box.height * j) / 10;
      const d = Math.min(...pts.map(([px, py]) => Math.hypot(px - x, py - y)));
      if (!best || d > best.d) best = { x, y, d };
    }
  }
  return { x: box.x + best.x, y: box.y + best.y };
}

// settle waits until the page has heard about the lesson's latest state.
async function settle(page) {
  await waitFrames(page, 3);
  await page.waitForTimeout(300); // onChange pushes at most every 200 ms
}

test('dragging a vector on the canvas changes it, its readouts and the URL', async () => {
  const page = await newPage(env.browser, { width: 1280, height: 860 });
  await openApp(page, env.server.url, '#lesson=vector&x=3,1&y=2,4');
  await settle(page);
  const from = await handle(page, 'x');
  const to = { x: from.x - 60, y: from.y - 45 };
  await drag(page, from, to);
  await settle(page);
  const x = (await page.evaluate(() => window.aimath.values())).x;
  assert.ok(x[0] < 3 && x[1] > 1, `x after dragging up and left = ${x}`);
  for (const c of x) assert.ok(Math.abs(c * 10 - Math.round(c * 10)) < 1e-9, `x = ${x} is not on the 0.1 grid`);
  const now = await handle(page, 'x');
  assert.ok(Math.hypot(now.x - to.x, now.y - to.y) < 12, `handle at ${JSON.stringify(now)}, dragged to ${JSON.stringify(to)}`);
  const ro = await page.evaluate(() => window.aimath.readouts());
  assert.ok(Math.abs(ro.x_l1 - (Math.abs(x[0]) + Math.abs(x[1]))) < 1e-9, `x_l1 = ${ro.x_l1} for x = ${x}`);
  await page.waitForFunction((want) => decodeURIComponent(location.hash).includes(`x=${want}`), x.join(','));
  await page.closeAll();
});

test('least squares: a click adds a point, a right click removes one', async () => {
  const page = await newPage(env.browser, { width: 1280, height: 860 });
  await openApp(page, env.server.url, '#lesson=matrix&view=lstsq&n=6&seed=3');
  await settle(page);
  const n = async () => (await page.evaluate(() => window.aimath.values())).n;
  assert.equal(await n(), 6);
  const p0 = await handle(page, 'p0');
  const spot = await emptySpot(page);
  await page.mouse.click(spot.x, spot.y);
  await settle(page);
  assert.equal(await n(), 7, 'a click on empty space adds a point');
  await page.mouse.click(p0.x, p0.y, { button: 'right' });
  await settle(page);
  assert.equal(await n(), 6, 'a right click on a point removes it');
  await page.closeAll();
});

test('touch: a tap adds a point and a long press removes one', async () => {
  const page = await newPage(env.browser, { width: 412, height: 860, touch: true });
  await openApp(page, env.server.url, '#lesson=matrix&view=lstsq&n=6&seed=3');
  await settle(page);
  const n = async () => (await page.evaluate(() => window.aimath.values())).n;
  const cdp = await page.context().newCDPSession(page);
  // A finger rests for a while even in a quick tap: hold for `ms`.
  const press = async (x, y, ms) => {
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y }] });
    await page.waitForTimeout(ms);
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  };
  const spot = await emptySpot(page);
  await press(spot.x, spot.y, 120);
  await settle(page);
  assert.equal(await n(), 7, 'a tap on empty space adds a point');
  const p = await handle(page, 'p1');
  await press(p.x, p.y, 800);
  await settle(page);
  assert.equal(await n(), 6, 'a long press on a point removes it');
  await page.closeAll();
});

test('the canvas has as many pixels as a HiDPI display', async () => {
  const page = await newPage(env.browser, { width: 1000, height: 800, scale: 2 });
  await openApp(page, env.server.url, '#lesson=vector');
  await settle(page);
  const frame = page.frames().find((f) => f.url().includes('game.html'));
  const [w, cssW] = await frame.evaluate(() => {
    const c = document.querySelector('canvas');
    return [c.width, c.getBoundingClientRect().width];
  });
  assert.ok(Math.abs(w - 2 * cssW) <= 2, `canvas is ${w} device pixels for ${cssW} CSS pixels at scale 2`);
  await page.closeAll();
});

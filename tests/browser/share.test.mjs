// Sharing a state: the Share button asks the server for a short link
// (POST /api/share) and the link opens the same state; a host without the
// service says so. And the figure as a PNG, drawn from its SVG.

import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { colourCount, decodePNG, ensureResults, newPage, shownReadouts, useServerAndBrowser, waitReady } from './harness.mjs';

const env = useServerAndBrowser();

const STATE = 'lesson=matrix&view=map&a11=2&a12=1&a21=1&a22=1.5&show_eigen=1&lang=en';

test('Share makes a short link that opens the same state', async () => {
  const page = await newPage(env.browser);
  try {
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: env.server.url });
    await page.goto(`${env.server.url}/#${STATE}`);
    await waitReady(page);
    // A change made on the page is part of what is shared.
    await page.fill('#p-a12-num', '0.5');
    await page.press('#p-a12-num', 'Enter');
    await page.waitForFunction(() => location.hash.includes('a12=0.5'));
    const want = await page.evaluate(() => ({ state: window.aimath.state(), readouts: window.aimath.readouts() }));
    // det [[2, 0.5], [1, 1.5]] = 2·1.5 − 0.5·1 = 2.5
    assert.equal(want.readouts.det, 2.5);

    await page.click('#btn-share');
    const url = page.locator('#share-url');
    await url.waitFor({ state: 'visible' });
    const link = await url.inputValue();
    assert.match(link, new RegExp(`^${env.server.url}/s/[0-9a-z]{13}$`));
    assert.equal(await url.evaluate((e) => e === document.activeElement && e.selectionEnd === e.value.length), true);
    await page.click('#share-copy');
    await page.waitForFunction(() => document.getElementById('share-status').textContent !== '');
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), link);
    await page.click('#share-close');

    // Someone else opens the link.
    const other = await newPage(env.browser);
    try {
      await other.goto(link);
      await waitReady(other);
      assert.equal(await other.evaluate(() => document.getElementById('lesson').dataset.lesson), 'matrix');
      const got = await other.evaluate(() => ({ state: window.aimath.state(), readouts: window.aimath.readouts() }));
      assert.deepEqual(got, want);
      assert.deepEqual(await shownReadouts(other), await shownReadouts(page));
      assert.match(other.url(), /#lesson=matrix&/);
      assert.equal(await other.locator('#notice').isVisible(), false, 'the stored state is clean');
      assert.deepEqual(other.problems, []);
    } finally {
      await other.closeAll();
    }
    assert.deepEqual(page.problems, []);
  } finally {
    await page.closeAll();
  }
});

test('Share on a host without the service says so and goes away; other failures explain', async () => {
  const page = await newPage(env.browser);
  try {
    await page.goto(`${env.server.url}/#lesson=vector&lang=en`);
    await waitReady(page);
    const status = page.locator('#share-status');
    const shareOnce = async (answer) => {
      await page.unroute('**/api/share');
      await page.route('**/api/share', answer);
      await page.click('#btn-share');
      await page.waitForFunction(() => !/Making/.test(document.getElementById('share-status').textContent));
      const text = await status.textContent();
      assert.equal(await page.locator('#share-url').isVisible(), false);
      await page.click('#share-close');
      return text;
    };

    assert.match(
      await shareOnce((r) => r.fulfill({ status: 429, headers: { 'Retry-After': '7' }, contentType: 'application/json', body: '{"error":"too many shares; try again later"}' })),
      /Try again in 7 seconds/,
    );
    assert.match(
      await shareOnce((r) =>
        r.fulfill({ status: 400, contentType: 'application/json', body: '{"error":"invalid state for lesson vector","details":["x: bad"]}' }),
      ),
      /could not be made: invalid state for lesson vector; x: bad/,
    );
    assert.match(await shareOnce((r) => r.fulfill({ status: 413, body: '' })), /too large/);
    assert.equal(await page.locator('#btn-share').isVisible(), true, 'the service exists: the button stays');

    // A static host: 404 (or no answer at all).
    assert.match(await shareOnce((r) => r.fulfill({ status: 404, body: '404 not found' })), /own server/);
    await page.locator('#btn-share').waitFor({ state: 'hidden' }); // no service: the button goes
    await page.reload();
    await waitReady(page);
    assert.match(await shareOnce((r) => r.abort('connectionrefused')), /own server/);
    await page.locator('#btn-share').waitFor({ state: 'hidden' });
    assert.deepEqual(
      page.problems.filter((p) => !/Failed to load resource/.test(p)),
      [],
    );
  } finally {
    await page.closeAll();
  }
});

test('Export PNG draws the figure at twice its size', async () => {
  const page = await newPage(env.browser);
  try {
    await page.goto(`${env.server.url}/#lesson=vector&x=3,-4&y=1,2&lang=en`);
    await waitReady(page);
    const size = await page.evaluate(() => {
      const svg = new DOMParser().parseFromString(window.aimath.svg(), 'image/svg+xml').documentElement;
      return { width: Number(svg.getAttribute('width')), height: Number(svg.getAttribute('height')) };
    });
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#btn-png')]);
    assert.match(download.suggestedFilename(), /^aimath-vector\.png$/);
    const chunks = [];
    for await (const c of await download.createReadStream()) chunks.push(c);
    const png = Buffer.concat(chunks);
    writeFileSync(path.join(ensureResults(), 'export-vector.png'), png);
    const { width, height, channels, pixels } = decodePNG(png);
    assert.deepEqual({ width, height }, { width: 2 * size.width, height: 2 * size.height });
    assert.deepEqual([...pixels.subarray(0, 3)], [255, 255, 255], 'a white background');
    assert.ok(colourCount(png) >= 20, `${colourCount(png)} colours`);
    assert.ok(channels >= 3);
    assert.deepEqual(page.problems, []);
  } finally {
    await page.closeAll();
  }
});

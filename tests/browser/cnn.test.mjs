// The CNN lesson in the browser: the bridge contract (params, the course's
// 30×30 → 28×28, output sizes by the formula, impossible settings, refused
// kernels, exportData), the kernel editor, the user's own image (upload,
// refused files, restored after a reload), drawing on the canvas, every
// view without console errors, and screenshots of every view in both
// languages at 1440 and 375 px (test-results/cnn-<view>-<lang>[-375].png)
// for a person to look at.

import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import {
  colourCount,
  drag,
  englishOnKorean,
  ensureResults,
  newPage,
  openApp,
  panelImage,
  shownReadouts,
  useServerAndBrowser,
  waitFrames,
  waitReady,
} from './harness.mjs';

const env = useServerAndBrowser();

const readouts = (page) => page.evaluate(() => window.aimath.readouts());
const values = (page) => page.evaluate(() => window.aimath.values());
const set = (page, name, value) => page.evaluate(([n, v]) => window.aimath.set(n, v), [name, value]);

// settle waits until the page has drawn and heard about the latest state.
async function settle(page) {
  await waitFrames(page, 3);
  await page.waitForTimeout(300); // onChange pushes at most every 200 ms
}

// outSize is the course's formula O = ⌊(H + 2P − D(k − 1) − 1)/S⌋ + 1.
const outSize = (h, k, p, s, d = 1) => Math.floor((h + 2 * p - d * (k - 1) - 1) / s) + 1;

// A translated message: no raw key, no unfilled placeholder.
function assertTranslated(text, where) {
  assert.ok(text && text.length > 20, `${where}: ${JSON.stringify(text)}`);
  assert.ok(!/[{}]/.test(text), `${where}: placeholder or raw message in ${JSON.stringify(text)}`);
  assert.ok(!/^[a-z_]+$/.test(text) && !/\w+_\w+\{/.test(text), `${where}: raw key ${JSON.stringify(text)}`);
}

test('cnn contract: params, the course example 30×30 → 28×28, sizes by the formula', async () => {
  const page = await newPage(env.browser);
  try {
    await openApp(page, env.server.url, 'lesson=cnn&lang=en');
    const spec = await page.evaluate(() => window.aimath.lessons().find((l) => l.id === 'cnn'));
    assert.ok(spec, 'aimath.lessons() lists cnn');
    const names = spec.params.map((p) => p.name);
    for (const n of ['view', 'image', 'kernel', 'padding', 'stride', 'bias', 'pool', 'pool_size']) {
      assert.ok(names.includes(n), `cnn has param ${n}`);
    }
    const byName = Object.fromEntries(spec.params.map((p) => [p.name, p]));
    assert.deepEqual(byName.view.choices, ['slide', 'channels', 'backward', 'learn']);
    assert.ok(byName.image.choices.includes('upload') && byName.image.choices.includes('draw'));
    assert.ok(byName.kernel.presets.some((p) => p.name === 'sobel-x'), 'kernel presets');
    assert.ok(spec.actions.includes('clear'));

    // The course: a 30×30 input and a 3×3 kernel give a 28×28 output.
    let ro = await readouts(page);
    assert.equal(ro.in_h, 30);
    assert.equal(ro.in_w, 30);
    assert.equal(ro.out_h, 28);
    assert.equal(ro.out_w, 28);
    for (const n of ['out_min', 'out_max', 'out_mean', 'out_sum', 'pos_i', 'pos_j', 'pos_sum']) {
      assert.equal(typeof ro[n], 'number', `readout ${n} = ${ro[n]}`);
    }
    const shown = await shownReadouts(page);
    assert.equal(shown.out_h, '28');

    // The identity kernel with padding P and stride S: O = ⌊(30 + 2P − 3)/S⌋ + 1.
    assert.deepEqual(await set(page, 'kernel', '0,0,0;0,1,0;0,0,0'), { value: '0,0,0;0,1,0;0,0,0', clamped: false });
    for (const [p, s] of [
      [0, 1],
      [1, 1],
      [0, 2],
      [1, 2],
      [2, 3],
      [6, 8],
    ]) {
      await set(page, 'padding', p);
      await set(page, 'stride', s);
      ro = await readouts(page);
      const want = outSize(30, 3, p, s);
      assert.equal(ro.out_h, want, `P=${p} S=${s}: out_h = ${ro.out_h}, want ${want}`);
      assert.equal(ro.out_w, want, `P=${p} S=${s}: out_w = ${ro.out_w}, want ${want}`);
      const data = await page.evaluate(() => window.aimath.exportData());
      assert.equal(data.rows.length, want, `P=${p} S=${s}: exportData has ${data.rows.length} rows`);
      assert.ok(data.rows.every((r) => r.length === want && r.every(Number.isFinite)), `P=${p} S=${s}: row lengths`);
    }
    // Dilation D: a 3×3 kernel spans D·2 + 1 pixels.
    await set(page, 'padding', 0);
    await set(page, 'stride', 1);
    await set(page, 'dilation', 2);
    ro = await readouts(page);
    assert.equal(ro.out_h, outSize(30, 3, 0, 1, 2)); // 26

    // The identity kernel with P = 1 copies the input: the output's sum is the input's.
    await set(page, 'dilation', 1);
    await set(page, 'padding', 1);
    const copy = await readouts(page);
    const same = await page.evaluate(() => window.aimath.exportData().rows.flat().reduce((a, b) => a + b, 0));
    assert.ok(Math.abs(copy.out_sum - same) < 1e-9, `out_sum ${copy.out_sum} vs exported ${same}`);

    // A refused kernel changes nothing.
    const before = await values(page);
    const res = await set(page, 'kernel', 'garbage');
    assert.equal(typeof res.error, 'string');
    assert.match(res.error, /^kernel/);
    assert.equal((await values(page)).kernel, before.kernel);
    for (const bad of ['1,2;3', '1,2,3;4,5,6;7,8,x', '1000', '1,1,1,1,1,1,1,1;'.repeat(8)]) {
      assert.ok((await set(page, 'kernel', bad)).error, `kernel ${bad} must be refused`);
    }
    assert.equal((await values(page)).kernel, before.kernel);
    assert.deepEqual(page.problems, []);
  } finally {
    await page.closeAll();
  }
});

test('cnn: impossible settings are explained, translated, and the page keeps working', async () => {
  for (const lang of ['en', 'ko']) {
    const page = await newPage(env.browser);
    try {
      await openApp(page, env.server.url, `lesson=cnn&size=5&lang=${lang}`);
      const seven = Array.from({ length: 7 }, () => '1,0,0,0,0,0,1').join(';');
      assert.ok(!(await set(page, 'kernel', seven)).error);
      const ro = await readouts(page);
      assert.equal(ro.in_h, 5);
      assert.equal(typeof ro.status, 'string');
      assert.match(ro.status, /^kernel_too_big\{/);
      assert.equal(ro.out_h, undefined);
      await page.waitForFunction(() => document.querySelector('#readouts tr[data-readout="status"] td')?.textContent);
      const text = (await shownReadouts(page)).status;
      assertTranslated(text, `status (${lang})`);
      assert.match(text, /7×7/);
      if (lang === 'ko') assert.match(text, /[\uac00-\ud7a3]/);
      else assert.match(text, /does not fit/);
      const label = await page.locator('#readouts tr[data-readout="status"] th').innerText();
      assert.equal(label, lang === 'ko' ? '상태' : 'Status');

      // Pooling too large for the map: 5×5 input, 3×3 kernel → 3×3, pool 4.
      await set(page, 'kernel', 'sobel-x');
      await set(page, 'pool', 'max');
      await set(page, 'pool_size', 4);
      await page.waitForFunction(() => /^pool_too_big\{/.test(String(window.aimath.readouts().status)));
      await page.waitForFunction(() => !/[{}]/.test(document.querySelector('#readouts tr[data-readout="status"] td')?.textContent ?? '{'));
      assertTranslated((await shownReadouts(page)).status, `pool status (${lang})`);

      // Back to a possible setting: the output returns.
      await set(page, 'pool', 'none');
      await page.waitForFunction(() => window.aimath.readouts().out_h === 3);
      await waitFrames(page, 3);
      assert.deepEqual(page.problems, []);
    } finally {
      await page.closeAll();
    }
  }
});

test('cnn: message keys with values are translated and filled in by the page', async () => {
  for (const [lang, words] of [
    ['en', /does not fit/],
    ['ko', /들어가지 않습니다/],
  ]) {
    const page = await newPage(env.browser);
    try {
      await openApp(page, env.server.url, `lesson=cnn&lang=${lang}`);
      const got = await page.evaluate(async () => {
        const i18n = await import('./i18n.js'); // the page's own module instance
        return {
          kernel: i18n.valueText('kernel_too_big{k=7,span=13,h=9,w=11,p=2}'),
          pool: i18n.valueText('pool_too_big{s=4,h=3,w=-2}'),
          impossible: i18n.valueText('impossible{error=stride 0, want 1 to 8}'),
          plain: i18n.valueText('no_upload'),
          literal: i18n.valueText('0.50 + 0.87i'),
          braces: i18n.valueText('{not a key}'),
        };
      });
      assert.match(got.kernel, words);
      assert.match(got.kernel, /7×7/);
      for (const n of ['13', '9×11', 'P = 2']) assert.ok(got.kernel.includes(n), `${lang}: ${n} in ${got.kernel}`);
      assert.ok(got.pool.includes('4×4') && got.pool.includes('3×\u22122'), `${lang}: ${got.pool}`);
      assert.ok(got.impossible.endsWith(': stride 0, want 1 to 8'), `${lang}: ${got.impossible}`);
      for (const v of [got.kernel, got.pool, got.plain]) assertTranslated(v, lang);
      assert.equal(got.literal, '0.50 + 0.87i');
      assert.equal(got.braces, '{not a key}');
      assert.deepEqual(page.problems, []);
    } finally {
      await page.closeAll();
    }
  }
});

test('cnn kernel editor: presets, cells, size, keyboard, and values set elsewhere', async () => {
  const page = await newPage(env.browser);
  try {
    await openApp(page, env.server.url, 'lesson=cnn&lang=en');
    // The default kernel is shown as a 3×3 grid.
    assert.equal(await page.inputValue('#p-kernel'), 'sobel-x');
    assert.equal(await page.inputValue('#p-kernel-size'), '3');
    assert.equal(await page.locator('[data-param="kernel"] .kernel-grid input').count(), 9);
    assert.equal(await page.inputValue('#p-kernel-2-1'), '-2');

    await page.selectOption('#p-kernel', 'laplacian');
    await page.waitForFunction(() => window.aimath.values().kernel === 'laplacian');
    assert.equal(await page.inputValue('#p-kernel-2-2'), '-4');

    // Editing a cell sends the rows; the menu says "custom".
    await page.fill('#p-kernel-2-2', '5');
    await page.press('#p-kernel-2-2', 'Enter');
    await page.waitForFunction(() => window.aimath.values().kernel === '0,1,0;1,5,1;0,1,0');
    assert.equal(await page.inputValue('#p-kernel'), '');
    // With the keyboard: type in a cell, Tab away.
    await page.focus('#p-kernel-1-1');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('-1.5');
    await page.keyboard.press('Tab');
    await page.waitForFunction(() => window.aimath.values().kernel === '-1.5,1,0;1,5,1;0,1,0');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'p-kernel-1-2');

    // A larger size keeps the kernel in the centre, zeros around.
    await page.selectOption('#p-kernel-size', '5');
    await page.waitForFunction(() => window.aimath.values().kernel.split(';').length === 5);
    assert.equal((await values(page)).kernel, '0,0,0,0,0;0,-1.5,1,0,0;0,1,5,1,0;0,0,1,0,0;0,0,0,0,0');
    assert.equal(await page.locator('[data-param="kernel"] .kernel-grid input').count(), 25);
    assert.equal((await readouts(page)).out_h, 26);
    // "Custom" on a preset keeps its numbers as editable rows.
    await page.selectOption('#p-kernel', 'box-blur');
    await page.waitForFunction(() => window.aimath.values().kernel === 'box-blur');
    assert.equal(await page.inputValue('#p-kernel-1-1'), '0.1111');
    await page.selectOption('#p-kernel', { label: 'Custom (your numbers)' });
    await page.waitForFunction(() => window.aimath.values().kernel.startsWith('0.1111111111111111,'));

    // A value set by a script (or a link) shows in the editor.
    await set(page, 'kernel', '1,2;3,4');
    await page.waitForFunction(() => document.querySelectorAll('[data-param="kernel"] .kernel-grid input').length === 4);
    assert.equal(await page.inputValue('#p-kernel-2-1'), '3');
    await set(page, 'kernel', 'sobel-y');
    await page.waitForFunction(() => document.getElementById('p-kernel').value === 'sobel-y');

    // A cell the lesson refuses (|x| > 100) shows an error and the kernel stays.
    await page.fill('#p-kernel-1-1', '1000');
    await page.press('#p-kernel-1-1', 'Enter');
    const banner = page.locator('#error-banner');
    await banner.waitFor({ state: 'visible' });
    assert.match(await banner.innerText(), /could not be used/);
    assert.equal((await values(page)).kernel, 'sobel-y');
    assert.equal(await page.inputValue('#p-kernel-1-1'), '-1');

    // In the URL, and back after a reload.
    await page.waitForFunction(() => location.hash.includes('kernel=sobel-y'));
    await set(page, 'kernel', '0,1;1,0');
    await page.waitForFunction(() => location.hash.includes('kernel=0,1;1,0'));
    await page.reload();
    await waitReady(page);
    assert.equal((await values(page)).kernel, '0,1;1,0');
    assert.equal(await page.inputValue('#p-kernel-size'), '2');
    assert.deepEqual(page.problems, []);
  } finally {
    await page.closeAll();
  }
});

// pngOf makes a w×h PNG in the page (a colour ramp) and returns its bytes.
async function pngOf(page, w, h) {
  const b64 = await page.evaluate(
    ([w, h]) => {
      const c = document.createElement('canvas');
      c.width = w;
      c.height = h;
      const g = c.getContext('2d');
      const grad = g.createLinearGradient(0, 0, w, h);
      grad.addColorStop(0, '#d55e00');
      grad.addColorStop(1, '#0072b2');
      g.fillStyle = grad;
      g.fillRect(0, 0, w, h);
      g.fillStyle = '#fff';
      g.fillRect(w / 4, h / 4, w / 2, h / 2);
      return c.toDataURL('image/png').split(',')[1];
    },
    [w, h],
  );
  return Buffer.from(b64, 'base64');
}

test('cnn upload: your own image, refused files, and the image back after a reload', async () => {
  const page = await newPage(env.browser);
  try {
    await openApp(page, env.server.url, 'lesson=cnn&size=64&lang=en');
    // Nothing uploaded yet: image=upload says so.
    await set(page, 'image', 'upload');
    let ro = await readouts(page);
    assert.equal(ro.note, 'no_upload');
    await page.waitForFunction(() => document.querySelector('#readouts tr[data-readout="note"] td')?.textContent.length > 20);
    assertTranslated((await shownReadouts(page)).note, 'note');
    await set(page, 'image', 'digit');

    const picker = page.getByLabel('Your own image…');
    assert.equal(await picker.getAttribute('type'), 'file');
    assert.equal(await picker.getAttribute('accept'), 'image/*');

    // A 600×300 picture: downscaled in the page to 256×128, then by the
    // lesson to the size 64 (longest side): 64×32.
    await picker.setInputFiles({ name: 'wide.png', mimeType: 'image/png', buffer: await pngOf(page, 600, 300) });
    await page.waitForFunction(() => window.aimath.values().image === 'upload');
    ro = await readouts(page);
    assert.equal(ro.in_w, 64);
    assert.equal(ro.in_h, 32);
    assert.equal(ro.note, undefined);
    assert.equal(await page.inputValue('#p-image'), 'upload');
    const kept = await page.evaluate(() => localStorage.getItem('aimath.upload'));
    assert.match(kept, /^data:image\/png;base64,/);
    const keptSize = await page.evaluate(async (url) => {
      const img = new Image();
      img.src = url;
      await img.decode();
      return [img.naturalWidth, img.naturalHeight];
    }, kept);
    assert.deepEqual(keptSize, [256, 128]);
    await page.waitForFunction(() => location.hash.includes('image=upload'));
    await checkDrawn(page, 'cnn upload');

    // SVG too (decoded by an <img>), here 200×100 at size 256.
    await set(page, 'size', 256);
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="200" height="100"><rect width="200" height="100" fill="#009e73"/><circle cx="100" cy="50" r="40" fill="#fff"/></svg>';
    await picker.setInputFiles({ name: 'shape.svg', mimeType: 'image/svg+xml', buffer: Buffer.from(svg) });
    await page.waitForFunction(() => window.aimath.readouts().in_w === 200);
    assert.equal((await readouts(page)).in_h, 100);

    // A tall one, smaller than the size: kept as it is (never enlarged).
    await picker.setInputFiles({ name: 'tall.png', mimeType: 'image/png', buffer: await pngOf(page, 30, 90) });
    await page.waitForFunction(() => window.aimath.readouts().in_h === 90);
    assert.equal((await readouts(page)).in_w, 30);

    // Not an image: a translated error, and nothing changes.
    const state = await page.evaluate(() => window.aimath.state());
    await picker.setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('not a picture') });
    const banner = page.locator('#error-banner');
    await banner.waitFor({ state: 'visible' });
    let text = await banner.innerText();
    assert.match(text, /notes\.txt/);
    assert.match(text, /not an image/);
    assert.equal(await page.evaluate(() => window.aimath.state()), state);
    assert.equal((await readouts(page)).in_h, 90);
    await page.click('#error-banner .banner-close');
    // Damaged: called an image, but not one.
    await picker.setInputFiles({ name: 'broken.png', mimeType: 'image/png', buffer: Buffer.from('\x89PNG garbage') });
    await banner.waitFor({ state: 'visible' });
    text = await banner.innerText();
    assert.match(text, /broken\.png/);
    assert.match(text, /could not be read/);
    assert.equal(await page.evaluate(() => window.aimath.state()), state);

    // A reload brings the image back (the URL says image=upload).
    await page.reload();
    await waitReady(page);
    assert.equal((await values(page)).image, 'upload');
    ro = await readouts(page);
    assert.equal(ro.in_h, 90);
    assert.equal(ro.in_w, 30);
    assert.equal(ro.note, undefined);
    assert.deepEqual(page.problems, []);
  } finally {
    await page.closeAll();
  }
});

test('cnn: aimath.upload called by a script on the top page', async () => {
  const page = await newPage(env.browser);
  try {
    await openApp(page, env.server.url, 'lesson=cnn&lang=en');
    const got = await page.evaluate(() => {
      const a = window.aimath;
      const img = new ImageData(40, 20); // transparent: white under the lesson's rule
      const out = { fresh: a.upload(img), values: a.values(), readouts: a.readouts() };
      a.set('image', 'digit');
      out.restore = a.upload(new ImageData(8, 16), { restore: true });
      out.afterRestore = a.values().image;
      out.bad = [a.upload(), a.upload({ width: 2, height: 2, data: new Uint8Array(3) }), a.upload({ width: 0, height: 2, data: new Uint8Array(0) })];
      a.set('image', 'upload');
      out.restored = a.readouts();
      return out;
    });
    assert.deepEqual(got.fresh, { ok: true, width: 40, height: 20 });
    assert.equal(got.values.image, 'upload');
    // The lesson scales the longest side to size (30): 30×15.
    assert.equal(got.readouts.in_w, 30);
    assert.equal(got.readouts.in_h, 15);
    assert.deepEqual(got.restore, { ok: true, width: 8, height: 16 });
    assert.equal(got.afterRestore, 'digit', 'a restored image changes no setting');
    for (const b of got.bad) assert.equal(typeof b.error, 'string');
    assert.equal(got.restored.in_w, 8);
    assert.equal(got.restored.in_h, 16);
    assert.deepEqual(page.problems, []);
  } finally {
    await page.closeAll();
  }
});

test('cnn upload in Korean: the picker and its errors are translated', async () => {
  const page = await newPage(env.browser);
  try {
    await openApp(page, env.server.url, 'lesson=cnn&lang=ko');
    const picker = page.getByLabel('내 이미지 불러오기…');
    await picker.setInputFiles({ name: 'memo.txt', mimeType: 'text/plain', buffer: Buffer.from('hello') });
    const banner = page.locator('#error-banner');
    await banner.waitFor({ state: 'visible' });
    const text = await banner.innerText();
    assert.match(text, /memo\.txt/);
    assert.match(text, /이미지 파일이 아닙니다/);
    assert.equal((await values(page)).image, 'digit');
    assert.deepEqual(page.problems, []);
  } finally {
    await page.closeAll();
  }
});

async function checkDrawn(page, where) {
  await waitFrames(page, 3);
  const png = await page.locator('#game').screenshot();
  const colours = colourCount(png);
  assert.ok(colours >= 4, `${where}: the canvas has ${colours} colour(s)`);
}

test('cnn drawing: paint on the input panel, the output follows; clear empties it', async () => {
  const page = await newPage(env.browser);
  try {
    await openApp(page, env.server.url, 'lesson=cnn&image=draw&lang=en');
    await settle(page);
    assert.equal((await values(page)).drawing, '');
    const before = await readouts(page);
    assert.equal(before.in_h, 28);
    const clear = page.locator('#action-group [data-action="clear"]');
    assert.equal(await clear.innerText(), 'Clear drawing');

    // A stroke across the middle of the input (away from the window's
    // handle at the top left).
    const r = await panelImage(page, 'input');
    await drag(page, { x: r.x + r.width * 0.2, y: r.y + r.height * 0.55 }, { x: r.x + r.width * 0.8, y: r.y + r.height * 0.6 });
    await settle(page);
    const drawn = (await values(page)).drawing;
    assert.ok(drawn.length > 100, `drawing after a stroke: ${JSON.stringify(drawn)}`);
    const after = await readouts(page);
    assert.equal(after.in_h, 28);
    assert.notEqual(after.out_sum, before.out_sum, 'out_sum follows the drawing');
    await page.waitForFunction(() => location.hash.includes('drawing='));

    await clear.click();
    await page.waitForFunction(() => window.aimath.values().drawing === '');
    assert.equal((await values(page)).image, 'draw');
    assert.deepEqual(page.problems, []);
  } finally {
    await page.closeAll();
  }
});

// Words that are the same in Korean and English texts (as page.test.mjs).
const SHARED_WORDS = new Set('cos sin tan exp log max min relu tanh sigmoid softmax rgb png jpeg gif webp'.split(' '));


const VIEWS = {
  slide: 'view=slide&image=digit&size=30',
  channels: 'view=channels&image=color&size=48&relu=1&pool=max',
  backward: 'view=backward&image=digit&size=30',
  learn: 'view=learn&image=checkerboard&size=30',
};

test('cnn: every view opens without console errors; screenshots in both languages at 1440 and 375 px', async () => {
  const dir = ensureResults();
  for (const [width, height] of [
    [1440, 900],
    [375, 800],
  ]) {
    for (const lang of ['en', 'ko']) {
      const page = await newPage(env.browser, { width, height });
      try {
        await openApp(page, env.server.url, `lesson=cnn&lang=${lang}`);
        for (const [view, hash] of Object.entries(VIEWS)) {
          await page.evaluate((h) => (location.hash = h), `lesson=cnn&${hash}&lang=${lang}`);
          await page.waitForFunction((v) => window.aimath.values().view === v, view);
          await page.evaluate(() => {
            for (let i = 0; i < 40; i++) window.aimath.act('step');
          });
          await settle(page);
          const where = `${view} ${lang} at ${width}px`;
          await checkDrawn(page, where);
          const { scrollWidth, innerWidth } = await page.evaluate(() => ({
            scrollWidth: document.scrollingElement.scrollWidth,
            innerWidth: window.innerWidth,
          }));
          assert.ok(scrollWidth <= innerWidth, `${where}: scrollWidth ${scrollWidth} > innerWidth ${innerWidth}`);
          if (lang === 'ko') assert.deepEqual(await englishOnKorean(page, SHARED_WORDS), [], `${where}: English on the Korean page`);
          const shown = Object.values(await shownReadouts(page));
          assert.ok(shown.every((s) => !/[{}]/.test(s)), `${where}: readouts ${shown}`);
          const name = `cnn-${view}-${lang}${width === 1440 ? '' : '-' + width}.png`;
          await page.screenshot({ path: path.join(dir, name), fullPage: true });
        }
        // The largest kernel editor (7×7) fits the sidebar.
        await page.evaluate(() => window.aimath.open('cnn', 'view=slide&size=64&kernel=' + Array(7).fill('-1.5,0,0.25,100,0,0,-0.125').join(';')));
        await page.waitForFunction(() => document.querySelectorAll('[data-param="kernel"] .kernel-grid input').length === 49);
        const grid = await page.locator('[data-param="kernel"] .kernel-grid').boundingBox();
        const card = await page.locator('.controls-card').boundingBox();
        assert.ok(grid.x >= card.x && grid.x + grid.width <= card.x + card.width, `7×7 grid ${JSON.stringify(grid)} in ${JSON.stringify(card)}`);
        const cell = await page.locator('#p-kernel-1-1').boundingBox();
        assert.ok(cell.width >= 30, `a 7×7 cell is ${cell.width}px wide at ${width}px`);
        await page.locator('[data-param="kernel"]').screenshot({ path: path.join(dir, `cnn-kernel7-${lang}-${width}.png`) });
        assert.deepEqual(page.problems, []);
      } finally {
        await page.closeAll();
      }
    }
  }
});

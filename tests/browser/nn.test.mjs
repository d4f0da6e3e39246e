// The neural-network lesson in the browser: the bridge contract (params,
// readouts, one epoch per step), the page's own controls for it (hidden
// layers with − and + buttons, data sets as pictures, feature checkboxes),
// the weight exports (JSON download, NumPy code in a dialog), the softmax
// view's numbers, your own points drawn on the plot, every view without
// console errors in both languages, and screenshots of every view at 1440
// and 375 px (test-results/nn-<view>-<lang>[-375].png) for a person to
// look at.

import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { test } from 'node:test';
import {
  colourCount,
  englishOnKorean,
  ensureResults,
  largestRaster,
  newPage,
  openApp,
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
const svg = (page) => page.evaluate(() => window.aimath.svg());

// settle waits until the page has drawn and heard about the latest state.
async function settle(page) {
  await waitFrames(page, 3);
  await page.waitForTimeout(300); // onChange pushes at most every 200 ms
}

const near = (a, b, tol = 1e-6) => Math.abs(a - b) <= tol * Math.max(1, Math.abs(b));

// The bridge contract of issue 6.
const CONTRACT_PARAMS = ['view', 'dataset', 'features', 'layers', 'activation', 'output', 'lr', 'reg', 'reg_rate', 'batch', 'train_ratio', 'noise', 'seed'];
const TRAIN_READOUTS = ['epoch', 'loss_train', 'loss_test', 'acc_train', 'acc_test', 'grad_check_max_rel_err'];

test('nn contract: params, exports, train view defaults, one epoch per step', async () => {
  const page = await newPage(env.browser);
  try {
    await openApp(page, env.server.url, 'lesson=nn&lang=en');
    const spec = await page.evaluate(() => window.aimath.lessons().find((l) => l.id === 'nn'));
    assert.ok(spec, 'aimath.lessons() lists nn');
    const byName = Object.fromEntries(spec.params.map((p) => [p.name, p]));
    for (const n of CONTRACT_PARAMS) assert.ok(byName[n], `nn has param ${n}`);
    assert.deepEqual(byName.view.choices, ['softmax', 'activation', 'train', 'backprop']);
    assert.equal(byName.view.default, 'train');
    assert.equal(byName.layers.kind, 'text');
    assert.equal(byName.layers.control, 'layers');
    assert.equal(byName.dataset.kind, 'choice');
    assert.equal(byName.dataset.control, 'thumbnails');
    assert.deepEqual(byName.dataset.choices, ['circle', 'xor', 'gauss', 'spiral', 'spiral3', 'blobs4', 'reg-plane', 'reg-gauss', 'custom']);
    assert.deepEqual(byName.features.choices, ['x1', 'x2', 'x1sq', 'x2sq', 'x1x2', 'sinx1', 'sinx2']);
    assert.ok(byName.points.hidden, 'points is hidden (edited on the canvas)');
    assert.deepEqual(spec.exports, ['json', 'numpy']);
    assert.ok(spec.actions.includes('regenerate'));

    const v = await values(page);
    assert.equal(v.view, 'train');
    assert.equal(typeof v.layers, 'string');
    assert.equal(typeof v.features, 'string');
    let ro = await readouts(page);
    for (const n of TRAIN_READOUTS) assert.ok(Number.isFinite(ro[n]), `readout ${n} = ${ro[n]}`);
    assert.equal(ro.epoch, 0);

    // act("step") trains exactly one epoch; so does the Step button.
    assert.deepEqual(await act(page, 'step'), { ok: true });
    ro = await readouts(page);
    assert.equal(ro.epoch, 1);
    for (const n of TRAIN_READOUTS) assert.ok(Number.isFinite(ro[n]), `after a step: readout ${n} = ${ro[n]}`);
    await page.click('#btn-step');
    await page.waitForFunction(() => window.aimath.readouts().epoch === 2);
    await page.waitForFunction(() => document.querySelector('#readouts tr[data-readout="epoch"] td')?.textContent === '2');
    // Reset starts over.
    await page.click('#btn-reset');
    await page.waitForFunction(() => window.aimath.readouts().epoch === 0);

    // The contract's values are accepted; impossible ones refused.
    for (const [n, x] of [
      ['layers', '8,8'],
      ['layers', ''],
      ['features', 'x1,x2,x1sq,x2sq,x1x2,sinx1,sinx2'],
      ['dataset', 'spiral'],
      ['activation', 'relu'],
      ['output', 'sigmoid'],
      ['lr', 0.1],
      ['reg', 'l2'],
      ['reg_rate', 0.01],
      ['batch', 5],
      ['train_ratio', 70],
      ['noise', 20],
      ['seed', 7],
    ]) {
      const res = await set(page, n, x);
      assert.ok(!res.error, `set(${n}, ${x}): ${res.error}`);
      assert.equal((await values(page))[n], x);
    }
    for (const bad of ['1,2,3,4,5,6,7', '17', '0', 'a,b', '4,,2']) {
      assert.ok((await set(page, 'layers', bad)).error, `layers ${bad} must be refused`);
    }
    assert.equal((await values(page)).layers, '');
    ro = await readouts(page);
    for (const n of TRAIN_READOUTS) assert.ok(Number.isFinite(ro[n]), `after the settings: readout ${n} = ${ro[n]}`);
    // Regression has no accuracy.
    await set(page, 'dataset', 'reg-plane');
    await set(page, 'output', 'linear');
    ro = await readouts(page);
    assert.ok(Number.isFinite(ro.loss_train) && Number.isFinite(ro.loss_test));
    assert.equal(ro.acc_train, undefined);
    assert.equal(ro.acc_test, undefined);
    // exportData is the data set.
    const data = await page.evaluate(() => window.aimath.exportData());
    assert.ok(data.rows.length > 0 && data.rows.every((r) => r.length === data.columns.length), 'exportData rows');
    assert.deepEqual(page.problems, []);
  } finally {
    await page.closeAll();
  }
});

test('nn layers control: − and + per layer, add and remove layers, typed text, values set elsewhere', async () => {
  const page = await newPage(env.browser);
  try {
    await openApp(page, env.server.url, 'lesson=nn&layers=4,2&lang=en');
    await settle(page);
    const ctl = page.locator('[data-param="layers"]');
    assert.equal(await ctl.locator('legend').innerText(), 'Hidden layers');
    assert.equal(await ctl.locator('.layers-row').count(), 2);
    assert.deepEqual(await ctl.locator('.layers-n').allInnerTexts(), ['4 neurons', '2 neurons']);
    assert.equal(await page.inputValue('#p-layers-text'), '4,2');

    // + on layer 1: the text and the network picture follow.
    const before = await svg(page);
    await page.getByRole('button', { name: 'More neurons in layer 1' }).click();
    await page.waitForFunction(() => window.aimath.values().layers === '5,2');
    await page.waitForFunction(() => document.querySelector('[data-param="layers"] .layers-n')?.textContent === '5 neurons');
    assert.notEqual(await svg(page), before, 'the network is drawn again with 5 neurons');
    assert.equal(await page.inputValue('#p-layers-text'), '5,2');

    // Add a layer (2 neurons, as TensorFlow Playground), remove it again.
    await page.getByRole('button', { name: 'Add a hidden layer' }).click();
    await page.waitForFunction(() => window.aimath.values().layers === '5,2,2');
    assert.equal(await ctl.locator('.layers-row').count(), 3);
    await page.getByRole('button', { name: 'Remove the last hidden layer' }).click();
    await page.waitForFunction(() => window.aimath.values().layers === '5,2');

    // − at one neuron is disabled (and stays focusable).
    const fewer2 = page.getByRole('button', { name: 'Fewer neurons in layer 2' });
    await fewer2.click();
    await page.waitForFunction(() => window.aimath.values().layers === '5,1');
    await page.waitForFunction(() => document.querySelectorAll('[data-param="layers"] .layers-n')[1]?.textContent === '1 neuron');
    assert.equal(await fewer2.getAttribute('aria-disabled'), 'true');
    await fewer2.evaluate((b) => b.click()); // Playwright's click waits for an enabled button
    await page.waitForTimeout(100);
    assert.equal((await values(page)).layers, '5,1');

    // With the keyboard: Enter and Space on a focused button.
    const more2 = page.getByRole('button', { name: 'More neurons in layer 2' });
    await more2.focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => window.aimath.values().layers === '5,2');
    await page.keyboard.press('Space');
    await page.waitForFunction(() => window.aimath.values().layers === '5,3');
    assert.equal(await page.evaluate(() => document.activeElement.getAttribute('aria-label')), 'More neurons in layer 2');

    // Typed: "8,8" and Enter.
    await page.fill('#p-layers-text', '8,8');
    await page.press('#p-layers-text', 'Enter');
    await page.waitForFunction(() => window.aimath.values().layers === '8,8');
    assert.deepEqual(await ctl.locator('.layers-n').allInnerTexts(), ['8 neurons', '8 neurons']);
    // A refused text shows an error and keeps the layers.
    await page.fill('#p-layers-text', '8,99');
    await page.press('#p-layers-text', 'Enter');
    await page.locator('#error-banner').waitFor({ state: 'visible' });
    assert.equal((await values(page)).layers, '8,8');
    assert.equal(await page.inputValue('#p-layers-text'), '8,8');
    await page.click('#error-banner .banner-close');

    // Set elsewhere (a script, a link): the rows follow. At 16 neurons + is
    // disabled; at 6 layers "add" is; with none, "remove" is.
    await set(page, 'layers', '16,1,1,1,1,1');
    await page.waitForFunction(() => document.querySelectorAll('[data-param="layers"] .layers-row').length === 6);
    assert.equal(await page.getByRole('button', { name: 'More neurons in layer 1' }).getAttribute('aria-disabled'), 'true');
    assert.equal(await page.getByRole('button', { name: 'Add a hidden layer' }).getAttribute('aria-disabled'), 'true');
    await set(page, 'layers', '');
    await page.waitForFunction(() => document.querySelector('[data-param="layers"] .layers-count')?.textContent === 'No hidden layer');
    assert.equal(await ctl.locator('.layers-row').count(), 0);
    assert.equal(await page.getByRole('button', { name: 'Remove the last hidden layer' }).getAttribute('aria-disabled'), 'true');
    await page.getByRole('button', { name: 'Add a hidden layer' }).click();
    await page.waitForFunction(() => window.aimath.values().layers === '2');

    // In the URL, and back after a reload.
    await page.waitForFunction(() => /layers=2(&|$)/.test(location.hash));
    await page.reload();
    await waitReady(page);
    assert.equal((await values(page)).layers, '2');
    assert.equal(await ctl.locator('.layers-row').count(), 1);
    assert.deepEqual(page.problems, []);
  } finally {
    await page.closeAll();
  }
});

test('nn data sets as pictures: click, keyboard, selected state; feature checkboxes', async () => {
  const page = await newPage(env.browser);
  try {
    await openApp(page, env.server.url, 'lesson=nn&dataset=circle&features=x1,x2&lang=en');
    await settle(page);
    const ctl = page.locator('[data-param="dataset"]');
    assert.equal(await ctl.locator('legend').innerText(), 'Data set');
    assert.equal(await ctl.locator('input[type="radio"]').count(), 9);
    // Every picture loads (the files are in dist/img, allowed by the CSP).
    await page.waitForFunction(() => [...document.querySelectorAll('[data-param="dataset"] img')].every((i) => i.complete));
    const sizes = await ctl.locator('img').evaluateAll((imgs) => imgs.map((i) => [i.getAttribute('src'), i.naturalWidth]));
    for (const [src, w] of sizes) assert.ok(w > 0, `${src} did not load`);
    // Each picture is a radio named by its label (the translated choice).
    const radio = async (value) => {
      const name = await ctl.locator(`input[value="${value}"] + label`).innerText();
      return page.getByRole('radio', { name: name.trim(), exact: true });
    };
    assert.equal(await (await radio('circle')).isChecked(), true);

    // A click on a picture chooses the set.
    const before = await svg(page);
    await ctl.locator('input[value="spiral"] + label img').click();
    await page.waitForFunction(() => window.aimath.values().dataset === 'spiral');
    assert.equal(await (await radio('spiral')).isChecked(), true);
    assert.notEqual(await svg(page), before, 'the plot shows the spiral');
    // The chosen one is outlined.
    const border = await page.evaluate(() => getComputedStyle(document.querySelector('[data-param="dataset"] input:checked + .thumb')).borderColor);
    assert.equal(border, 'rgb(0, 114, 178)');

    // Arrow keys move through the choices, as in any radio group.
    await (await radio('spiral')).focus();
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction(() => window.aimath.values().dataset === 'spiral3');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    await page.waitForFunction(() => window.aimath.values().dataset === 'gauss');
    // Set elsewhere: the picker follows.
    await set(page, 'dataset', 'xor');
    await page.waitForFunction(() => document.querySelector('[data-param="dataset"] input:checked')?.value === 'xor');

    // Features: a checkbox each, the value a comma list in schema order.
    const feature = (value) => page.locator(`[data-param="features"] input[value="${value}"]`);
    await feature('x1sq').check();
    await page.waitForFunction(() => window.aimath.values().features === 'x1,x2,x1sq');
    await feature('x1').uncheck();
    await page.waitForFunction(() => window.aimath.values().features === 'x2,x1sq');
    await feature('sinx2').check();
    await page.waitForFunction(() => window.aimath.values().features === 'x2,x1sq,sinx2');
    await set(page, 'features', 'x1,x2');
    await page.waitForFunction(() => document.querySelectorAll('[data-param="features"] input:checked').length === 2);
    const ro = await readouts(page);
    for (const n of TRAIN_READOUTS) assert.ok(Number.isFinite(ro[n]), `readout ${n} = ${ro[n]}`);
    assert.deepEqual(page.problems, []);
  } finally {
    await page.closeAll();
  }
});

test('nn exports: weights as JSON, NumPy code in a dialog (copy, download, close)', async () => {
  const page = await newPage(env.browser);
  try {
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await openApp(page, env.server.url, 'lesson=nn&layers=4,2&features=x1,x2&lang=en');
    await page.evaluate(() => {
      for (let i = 0; i < 3; i++) window.aimath.act('step');
    });
    await settle(page);

    // The bridge: {kind, text}.
    const j = await page.evaluate(() => window.aimath.exportText('json'));
    assert.equal(j.kind, 'json', JSON.stringify(j).slice(0, 200));
    const net = JSON.parse(j.text);
    assert.deepEqual(net.sizes, [2, 4, 2, 1]);
    assert.equal(net.weights.length, 3);
    assert.equal(net.weights[0].length, 4);
    assert.equal(net.weights[0][0].length, 2);
    assert.ok(net.weights.flat(2).every(Number.isFinite));
    const np = await page.evaluate(() => window.aimath.exportText('numpy'));
    assert.equal(np.kind, 'numpy');
    assert.match(np.text, /import numpy as np/);
    assert.match(np.text, /def forward\(x\)/);
    assert.ok((await page.evaluate(() => window.aimath.exportText('nope'))).error);

    // The JSON button downloads the same network.
    const jsonButton = page.getByRole('button', { name: 'Export weights (JSON)' });
    const [dl] = await Promise.all([page.waitForEvent('download'), jsonButton.click()]);
    assert.equal(dl.suggestedFilename(), 'aimath-nn-weights.json');
    assert.deepEqual(JSON.parse(await readFile(await dl.path(), 'utf8')), net);

    // The NumPy button opens the code in a dialog.
    const dialog = page.locator('#export-dialog');
    await page.getByRole('button', { name: 'NumPy code' }).click();
    await dialog.waitFor({ state: 'visible' });
    assert.equal(await page.evaluate(() => document.getElementById('export-dialog').open), true);
    assert.equal(await page.locator('#export-title').innerText(), 'The network in NumPy');
    assert.equal(await page.locator('#export-code').textContent(), np.text);
    // Copy: to the clipboard (or, where that is refused, selected for Ctrl+C).
    await page.getByRole('button', { name: 'Copy', exact: true }).click();
    await page.waitForFunction(() => document.getElementById('export-status').textContent !== '');
    const status = await page.locator('#export-status').innerText();
    if (status === 'Copied to the clipboard.') {
      assert.equal(await page.evaluate(() => navigator.clipboard.readText()), np.text);
    } else {
      assert.match(status, /Ctrl\+C/);
      assert.equal(await page.evaluate(() => String(getSelection())), np.text);
    }
    const [py] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download' }).click()]);
    assert.equal(py.suggestedFilename(), 'aimath-nn-forward.py');
    assert.equal(await readFile(await py.path(), 'utf8'), np.text);
    // Escape closes it; so does the Close button.
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    await page.getByRole('button', { name: 'NumPy code' }).click();
    await dialog.waitFor({ state: 'visible' });
    await page.locator('#export-close').click();
    await dialog.waitFor({ state: 'hidden' });
    assert.equal(await page.evaluate(() => document.activeElement.textContent), 'NumPy code', 'focus back on the button');

    // Without inputs there is no network: the page says why, as for any
    // failed export, and opens no dialog.
    await set(page, 'features', '');
    await page.getByRole('button', { name: 'NumPy code' }).click();
    const banner = page.locator('#error-banner');
    await banner.waitFor({ state: 'visible' });
    assert.match(await banner.innerText(), /Export failed:.*no network/s);
    assert.equal(await page.evaluate(() => document.getElementById('export-dialog').open), false);
    await page.click('#error-banner .banner-close');
    await set(page, 'features', 'x1,x2');

    // In Korean.
    await page.click('#lang-toggle');
    await page.getByRole('button', { name: '가중치 내보내기 (JSON)' }).waitFor();
    await page.getByRole('button', { name: 'NumPy 코드' }).click();
    await dialog.waitFor({ state: 'visible' });
    assert.match(await page.locator('#export-title').innerText(), /[\uac00-\ud7a3]/);
    assert.equal(await page.getByRole('button', { name: '복사', exact: true }).count(), 1);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    assert.deepEqual(page.problems, []);
  } finally {
    await page.closeAll();
  }
});

test('nn softmax view: probabilities and cross-entropy against NumPy', async () => {
  const page = await newPage(env.browser);
  try {
    await openApp(page, env.server.url, 'lesson=nn&view=softmax&logits=2,1,0.1&temperature=1&target=0&lang=en');
    // Still view: nothing to play.
    assert.equal(await page.locator('#btn-play').isHidden(), true);
    for (const [logits, temp, target, want] of [
      // scipy.special.softmax(np.array([2, 1, 0.1]) / 1), −log p[0]
      ['2,1,0.1', 1, 0, { p: [0.65900114, 0.24243297, 0.09856589], ce: 0.4170300162778335 }],
      // scipy.special.softmax(np.array([2, 1, 0.1]) / 2), −log p[2]
      ['2,1,0.1', 2, 2, { p: [0.50168776, 0.30428901, 0.19402324], ce: 1.639777350639122 }],
      // scipy.special.softmax(np.array([3, -1, 0.5, 2, 0, -2]) / 0.5), −log p[2]
      ['3,-1,0.5,2,0,-2', 0.5, 2, { p: [8.73413672e-1, 2.92997646e-4, 5.88501503e-3, 1.18203687e-1, 2.16497604e-3, 3.96529193e-5], ce: 5.135345984604987 }],
    ]) {
      for (const [n, x] of [
        ['logits', logits],
        ['temperature', temp],
        ['target', target],
      ]) {
        const res = await set(page, n, x);
        assert.ok(!res.error, `set(${n}, ${x}): ${res.error}`);
      }
      const ro = await readouts(page);
      const p = want.p.map((_, i) => ro['p' + i]);
      p.forEach((x, i) => assert.ok(near(x, want.p[i], 1e-6), `${logits} T=${temp}: p${i} = ${x}, want ${want.p[i]}`));
      assert.equal(ro['p' + want.p.length], undefined, 'one p per logit');
      assert.ok(near(p.reduce((a, b) => a + b, 0), 1, 1e-12), `Σp = ${p.reduce((a, b) => a + b, 0)}`);
      assert.ok(near(ro.ce, want.ce, 1e-6), `${logits} T=${temp} y=${target}: ce = ${ro.ce}, want ${want.ce}`);
    }
    // The logits box refuses what is not 2 to 6 numbers.
    for (const bad of ['1', '1,2,3,4,5,6,7', '1,x', '11,0']) {
      assert.ok((await set(page, 'logits', bad)).error, `logits ${bad} must be refused`);
    }
    await page.fill('#p-logits', '1,1');
    await page.press('#p-logits', 'Enter');
    await page.waitForFunction(() => window.aimath.readouts().p1 !== undefined && window.aimath.readouts().p2 === undefined);
    const ro = await readouts(page);
    assert.ok(near(ro.p0, 0.5, 1e-12) && near(ro.p1, 0.5, 1e-12));
    await page.waitForFunction(() => document.querySelector('#readouts tr[data-readout="p0"] th')?.textContent === 'p0');
    assert.deepEqual(page.problems, []);
  } finally {
    await page.closeAll();
  }
});

// The pointer events carry no shift key (lesson.Pointer), so the other
// class is the right button (or a long press).
test('nn your own points: click adds, right-click adds the other class, a click on a point removes it', async () => {
  const page = await newPage(env.browser);
  try {
    await openApp(page, env.server.url, 'lesson=nn&dataset=custom&lang=en');
    await settle(page);
    assert.equal((await values(page)).points, '');
    const r = await largestRaster(page);
    const at = (fx, fy) => ({ x: r.x + r.width * fx, y: r.y + r.height * fy });
    const count = async () => (await values(page)).points.split(';').filter(Boolean).length;

    let p = at(0.3, 0.3);
    await page.mouse.click(p.x, p.y);
    await page.waitForFunction(() => window.aimath.values().points !== '');
    assert.equal(await count(), 1);
    const first = (await values(page)).points.split(',');
    assert.equal(first.length, 3);
    // Upper left of the plot: x1 < 0, x2 > 0 (x2 points up).
    assert.ok(Number(first[0]) < 0 && Number(first[1]) > 0, `point ${first}`);
    p = at(0.7, 0.7);
    await page.mouse.click(p.x, p.y, { button: 'right' });
    await page.waitForFunction(() => window.aimath.values().points.split(';').length === 2);
    const pts = (await values(page)).points.split(';').map((s) => s.split(',').map(Number));
    assert.notEqual(pts[0][2], pts[1][2], `a right-click adds the other class: ${JSON.stringify(pts)}`);
    await page.waitForFunction(() => location.hash.includes('points='));
    // Training on them works.
    await act(page, 'step');
    const ro = await readouts(page);
    assert.equal(ro.epoch, 1);
    assert.ok(Number.isFinite(ro.loss_train), `loss_train = ${ro.loss_train}`);
    // A click on the first point removes it.
    p = at(0.3, 0.3);
    await page.mouse.click(p.x, p.y);
    await page.waitForFunction(() => window.aimath.values().points.split(';').filter(Boolean).length === 1);
    assert.deepEqual(page.problems, []);
  } finally {
    await page.closeAll();
  }
});

// Words that are the same in Korean and English texts.
const SHARED_WORDS = new Set(
  'cos sin tan exp log max min relu tanh sigmoid softmax gelu elu numpy json svg csv sgd mse bce tensorflow playground'.split(' '),
);

const VIEWS = {
  softmax: 'view=softmax&logits=2,1,0.1,-1&target=1',
  activation: 'view=activation&activation=tanh',
  train: 'view=train&dataset=spiral&layers=8,8&features=x1,x2,sinx1,sinx2',
  backprop: 'view=backprop',
};

test('nn: every view opens without console errors; screenshots in both languages at 1440 and 375 px', async () => {
  const dir = ensureResults();
  for (const [width, height] of [
    [1440, 900],
    [375, 800],
  ]) {
    for (const lang of ['en', 'ko']) {
      const page = await newPage(env.browser, { width, height });
      try {
        await openApp(page, env.server.url, `lesson=nn&lang=${lang}`);
        for (const [view, hash] of Object.entries(VIEWS)) {
          await page.evaluate((h) => (location.hash = h), `lesson=nn&${hash}&lang=${lang}`);
          await page.waitForFunction((v) => window.aimath.values().view === v, view);
          await page.evaluate(() => {
            for (let i = 0; i < 20; i++) window.aimath.act('step');
          });
          await settle(page);
          const where = `${view} ${lang} at ${width}px`;
          await waitFrames(page, 3);
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
          const name = `nn-${view}-${lang}${width === 1440 ? '' : '-' + width}.png`;
          await page.screenshot({ path: path.join(dir, name), fullPage: true });
        }
        // The page's own nn controls, up close.
        await page.evaluate((l) => (location.hash = `lesson=nn&view=train&layers=8,8,4&lang=${l}`), lang);
        await page.waitForFunction(() => document.querySelectorAll('[data-param="layers"] .layers-row').length === 3);
        await page.locator('[data-param="layers"]').screenshot({ path: path.join(dir, `nn-layers-${lang}-${width}.png`) });
        await page.locator('[data-param="dataset"]').screenshot({ path: path.join(dir, `nn-datasets-${lang}-${width}.png`) });
        const card = await page.locator('.controls-card').boundingBox();
        for (const sel of ['[data-param="layers"]', '[data-param="dataset"]']) {
          const box = await page.locator(sel).boundingBox();
          assert.ok(box.x >= card.x && box.x + box.width <= card.x + card.width + 0.5, `${sel} ${JSON.stringify(box)} in ${JSON.stringify(card)}`);
        }
        assert.deepEqual(page.problems, []);
      } finally {
        await page.closeAll();
      }
    }
  }
});

// 1,000 calls of the bridge with garbage arguments must leave the Go
// runtime alive: every call returns (a value or {error}), never throws, and
// afterwards a valid set still updates the readouts and frames keep coming.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { newPage, openApp, useServerAndBrowser, waitFrames } from './harness.mjs';

const env = useServerAndBrowser();

test('1,000 garbage bridge calls leave the runtime alive', async () => {
  const page = await newPage(env.browser);
  try {
    await openApp(page, env.server.url, 'lesson=vector&lang=en');
    const report = await page.evaluate((seed) => {
      // mulberry32: a small seeded generator, so a failure can be replayed.
      let s = seed >>> 0;
      const rand = () => {
        s = (s + 0x6d2b79f5) >>> 0;
        let t = s;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
      };
      const pick = (xs) => xs[Math.floor(rand() * xs.length)];
      const a = window.aimath;
      const schema = a.lessons();
      const names = schema.flatMap((l) => l.params.map((p) => p.name));
      const actions = ['play', 'pause', 'step', 'reset', ...schema.flatMap((l) => l.actions)];
      const ids = schema.map((l) => l.id);
      let nested = [];
      for (let i = 0; i < 200; i++) nested = [nested, i];
      const huge = 'x'.repeat(300000);
      const hugeNums = '1,'.repeat(100000) + '1';
      const hugeMatrix = Array.from({ length: 2000 }, () => '1,2').join(';');
      const garbage = [
        () => NaN,
        () => Infinity,
        () => -Infinity,
        () => -0,
        () => 1e308,
        () => -1e-308,
        () => 42,
        () => Math.floor(rand() * 1e6) - 5e5,
        () => undefined,
        () => null,
        () => true,
        () => false,
        () => '',
        () => huge,
        () => hugeNums,
        () => hugeMatrix,
        () => '\u0000\uffff\ud800',
        () => 'NaN',
        () => 'Infinity',
        () => '1e999',
        () => '3,-4',
        () => '1,2;3',
        () => '1,2;3,4',
        () => pick(names),
        () => pick(ids),
        () => pick(actions),
        () => String(Math.floor(rand() * 1000)),
        () => rand().toString(36).slice(2),
        () => ({}),
        () => ({ error: 'x', value: 1 }),
        () => ({ length: 1e9 }),
        () => [],
        () => [NaN, Infinity],
        () => [1, 2, 3],
        () => [[1, 2], [3]],
        () => [[[1]]],
        () => nested,
        () => [pick(names), 1],
        () => new Array(1000).fill(0),
        () => () => 1,
      ];
      const arg = () => pick(garbage)();
      // Every entry point except onChange, which would keep real callbacks.
      const fns = ['lessons', 'open', 'set', 'act', 'readouts', 'values', 'state', 'exportData', 'svg', 'stats', 'playing'];
      const thrown = [];
      const bad = [];
      for (let i = 0; i < 1000; i++) {
        const fn = pick(fns);
        const args = Array.from({ length: Math.floor(rand() * 5) }, arg);
        // Names that are right, with a wrong value, reach deeper code.
        if (fn === 'set' && rand() < 0.5) args[0] = pick(names);
        if (fn === 'open' && rand() < 0.3) args[0] = pick(ids);
        try {
          const r = a[fn](...args);
          if (r === undefined) bad.push(`${fn} returned undefined`);
        } catch (err) {
          thrown.push(`${fn}(${args.map((x) => typeof x).join(', ')}): ${err && err.message}`);
          if (thrown.length > 20) break;
        }
      }
      // onChange with garbage must be refused, not kill anything.
      for (const g of [undefined, null, 1, 'f', {}, [], NaN]) {
        try {
          a.onChange(g);
        } catch (err) {
          thrown.push(`onChange(${typeof g}): ${err && err.message}`);
        }
      }
      return { thrown, bad };
    }, 20261128);
    assert.deepEqual(report.thrown, [], 'bridge calls threw');
    assert.deepEqual(report.bad, []);

    // Still alive: a valid open and set update the readouts, page included.
    const r = await page.evaluate(() => {
      const a = window.aimath;
      a.act('pause');
      const o = a.open('vector', '');
      const s = a.set('x', [3, -4]);
      return { o, s, ro: a.readouts() };
    });
    assert.equal(r.o.id, 'vector', JSON.stringify(r.o));
    assert.deepEqual(r.s.value, [3, -4]);
    assert.equal(r.ro.x_l2, 5);
    await page.waitForFunction(
      () => document.querySelector('#readouts tr[data-readout="x_l2"] td')?.textContent === '5',
      null,
      { timeout: 5000 },
    );
    const f0 = await page.evaluate(() => window.aimath.stats().frames);
    await waitFrames(page, 10);
    const f1 = await page.evaluate(() => window.aimath.stats().frames);
    assert.ok(f1 > f0, `frames ${f0} -> ${f1}`);
    assert.deepEqual(
      page.problems.filter((p) => p.startsWith('pageerror')),
      [],
      'uncaught exceptions on the page',
    );
  } finally {
    await page.closeAll();
  }
});

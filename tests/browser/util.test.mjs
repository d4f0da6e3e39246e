// The page's pure helpers (web/util.js): readout formatting, the URL hash
// and CSV. No browser needed.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildHash, csv, formatNumber, humanize, inputNumber, parseHash, sameState } from '../../web/util.js';

test('formatNumber shows at most four decimals, exponents when tiny or huge', () => {
  for (const [i, [x, want]] of [
    [Math.sqrt(10), '3.1623'],
    [Math.SQRT1_2, '0.7071'],
    [45, '45'],
    [1.2e-7, '1.2e-7'],
    [-5, '\u22125'],
    [-0.4472135954999579, '\u22120.4472'],
    [116.56505117707799, '116.5651'],
    [0.00012346, '0.0001235'],
    [0.99999, '1'],
    [0, '0'],
    [-0, '0'],
    [2.220446049250313e-16, '0'],
    [-1e-13, '0'],
    [12345678, '1.235e7'],
    [-3.5e-9, '\u22123.5e-9'],
    [1e-4, '0.0001'],
  ].entries()) {
    assert.equal(formatNumber(x), want, `case ${i}: formatNumber(${x}) = ${formatNumber(x)}, want ${want}`);
  }
});

test('inputNumber drops float noise', () => {
  assert.equal(inputNumber(0.1 + 0.2), '0.3');
  assert.equal(inputNumber(-4), '-4');
  assert.equal(inputNumber(NaN), '');
});

test('parseHash separates the page keys from the lesson state', () => {
  const h = parseHash('#lesson=matrix&view=map&a11=2&lang=ko&embed=1&hide=t,x&X=1%2C2%3B3%2C4');
  assert.equal(h.lesson, 'matrix');
  assert.equal(h.lang, 'ko');
  assert.equal(h.embed, '1');
  assert.equal(h.hide, 't,x');
  assert.equal(h.state, 'view=map&a11=2&X=1%2C2%3B3%2C4');

  const bad = parseHash('#%E0%A4%A=1&lesson&x=1,2&&lang=');
  assert.equal(bad.lesson, '');
  assert.equal(bad.lang, '');
  assert.equal(bad.state, '%E0%A4%A=1&x=1,2');
  assert.equal(parseHash('').lesson, null);
});

test('buildHash writes readable states and keeps embed and hide', () => {
  assert.equal(
    buildHash({ lesson: 'matrix', state: 'view=map&X=1%2C2%3B3%2C4', lang: 'en', embed: '1', hide: 'x' }),
    '#lesson=matrix&view=map&X=1,2;3,4&lang=en&embed=1&hide=x',
  );
  assert.equal(buildHash({ lesson: 'vector', state: '', lang: 'ko' }), '#lesson=vector&lang=ko');
  const round = parseHash(buildHash({ lesson: 'vector', state: 'x=3%2C-4', lang: 'ko', embed: null, hide: null }));
  assert.equal(round.lesson, 'vector');
  assert.ok(sameState(round.state, 'x=3%2C-4'));
});

test('csv quotes what needs quoting', () => {
  assert.equal(
    csv({ columns: ['x', 'a,b', 'say "hi"'], rows: [[1, -2.5, 1e-7]] }),
    'x,"a,b","say ""hi"""\r\n1,-2.5,1e-7\r\n',
  );
});

test('humanize never returns a key-like string', () => {
  assert.equal(humanize('x_linf'), 'x linf');
  assert.equal(humanize('readout.c#'), 'readout c');
  assert.equal(humanize(''), '?');
});

// Browser measurements of the built site, printed as JSON lines:
//   wasm_bytes        size of dist/aimath.wasm, raw and precompressed
//   first_frame_ms    time from navigation to the first drawn frame
//                     (aimath.stats().firstFrameMs), 5 loads, each in a
//                     fresh browser context (cold HTTP cache)
//   go_ms_per_frame   median Go time (Update+Draw) per frame over 5 s, for
//                     every lesson and view, playing when animated; "fps" is
//                     the frame rate seen meanwhile (headless Chromium draws
//                     with SwiftShader, on the CPU, so it is a floor)
// Each line carries its budget and an "ok" boolean. Over-budget numbers are
// reported, not failed: this is a measurement. It exits non-zero only when
// the page cannot be loaded or measured at all.
//
// Environment: AIMATH_SERVE, AIMATH_DIST, CHROMIUM as for the browser
// tests; AIMATH_BUDGET_FIRST_FRAME_MS and AIMATH_BUDGET_GO_MS_PER_FRAME
// override the budgets (an empty value means no budget).

import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { launchBrowser, lessonViews, newPage, openApp, ROOT, startServer, viewHash } from '../tests/browser/harness.mjs';

const LOADS = 5;
const MEASURE_MS = 5000;

function budget(env, fallback) {
  const v = process.env[env];
  if (v === undefined) return fallback;
  const n = Number(v);
  return v === '' || !Number.isFinite(n) ? null : n;
}

const budgets = {
  budget_first_frame_ms: budget('AIMATH_BUDGET_FIRST_FRAME_MS', 1500),
  budget_go_ms_per_frame: budget('AIMATH_BUDGET_GO_MS_PER_FRAME', 4),
};

const within = (value, limit) => (limit === null ? true : Number.isFinite(value) && value <= limit);
const print = (obj) => console.log(JSON.stringify(obj));
const round = (x, d = 3) => (Number.isFinite(x) ? Number(x.toFixed(d)) : x);

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function wasmBytes() {
  const dist = process.env.AIMATH_DIST || 'dist';
  const base = path.isAbsolute(dist) ? dist : path.join(ROOT, dist);
  const size = (f) => {
    const p = path.join(base, f);
    return existsSync(p) ? statSync(p).size : null;
  };
  const raw = size('aimath.wasm');
  return { metric: 'wasm_bytes', raw, gzip: size('aimath.wasm.gz'), brotli: size('aimath.wasm.br'), ok: raw !== null };
}

async function firstFrame(browser, url) {
  const runs = [];
  for (let i = 0; i < LOADS; i++) {
    const page = await newPage(browser);
    try {
      await openApp(page, url, 'lesson=vector&lang=en');
      const ms = await page.waitForFunction(
        () => {
          const s = window.aimath.stats();
          return s.firstFrameMs > 0 ? s.firstFrameMs : false;
        },
        null,
        { timeout: 30000, polling: 50 },
      );
      runs.push(round(await ms.jsonValue(), 1));
    } finally {
      await page.closeAll();
    }
  }
  const med = median(runs);
  return {
    metric: 'first_frame_ms',
    median: med,
    runs,
    budget_first_frame_ms: budgets.budget_first_frame_ms,
    ok: within(med, budgets.budget_first_frame_ms),
  };
}

// goTime plays each lesson (and view) for MEASURE_MS and reads the median
// Go time per frame. Each is measured in a fresh page, so that the
// bridge's window of recent frames holds that lesson's frames only. An
// animation that ends early is started again, so the whole window is spent
// playing; a view with nothing to play is measured idle.
// HEAVY adds a second, worst-case measurement of a lesson's views (lines
// marked variant "heavy"): the state is appended to each view's hash.
const HEAVY = {
  // The bar: every cnn view at 60 fps on a 256×256 image, here with
  // a 7×7 kernel (the largest) and padding, on the colour image.
  cnn: (() => {
    const k7 = encodeURIComponent(Array(7).fill(Array(7).fill('0.02').join(',')).join(';'));
    return `size=256&image=color&padding=3&kernel=${k7}&target=${k7}`;
  })(),
};

async function goTime(browser, url) {
  const lines = [];
  const first = await newPage(browser);
  let lessons;
  try {
    await openApp(first, url, 'lesson=vector&lang=en');
    lessons = await lessonViews(first);
  } finally {
    await first.closeAll();
  }
  // AIMATH_BENCH_LESSONS=cnn,gd measures only those lessons.
  const only = (process.env.AIMATH_BENCH_LESSONS || '').split(',').filter(Boolean);
  for (const l of lessons.filter((x) => !only.length || only.includes(x.id))) {
    const { id, views } = l;
    for (const [view, extra] of views.flatMap((v) => [[v, '']].concat(HEAVY[id] ? [[v, HEAVY[id]]] : []))) {
      const animated = l.animated && !l.still.includes(view);
      const page = await newPage(browser, { width: 1280, height: 860 });
      try {
        await openApp(page, url, `${viewHash(l, view)}${extra ? '&' + extra : ''}&lang=en`);
        const start = async () =>
          page.evaluate(() => {
            const a = window.aimath;
            if (a.playing()) return true;
            a.act('play');
            if (!a.playing()) {
              a.act('reset');
              a.act('play');
            }
            return a.playing();
          });
        const plays = animated && (await start());
        const f0 = await page.evaluate(() => window.aimath.stats().frames);
        const t0 = Date.now();
        const end = t0 + MEASURE_MS;
        while (Date.now() < end) {
          if (plays) await start();
          await page.waitForTimeout(Math.min(200, Math.max(0, end - Date.now())));
        }
        const s = await page.evaluate(() => window.aimath.stats());
        const fps = ((s.frames - f0) * 1000) / (Date.now() - t0);
        lines.push({
          metric: 'go_ms_per_frame',
          lesson: id,
          view,
          ...(extra ? { variant: 'heavy' } : {}),
          playing: plays,
          median: round(s.goMsPerFrame),
          fps: round(fps, 1),
          budget_go_ms_per_frame: budgets.budget_go_ms_per_frame,
          ok: within(s.goMsPerFrame, budgets.budget_go_ms_per_frame),
        });
        if (page.problems.length) console.error(`browser-bench: ${id}/${view}:\n${page.problems.join('\n')}`);
      } finally {
        await page.closeAll();
      }
    }
  }
  return lines;
}

async function main() {
  print({ metric: 'budgets', ...budgets, ok: true });
  print(wasmBytes());
  const server = await startServer();
  let browser;
  try {
    browser = await launchBrowser();
    print(await firstFrame(browser, server.url));
    for (const line of await goTime(browser, server.url)) print(line);
  } finally {
    await browser?.close();
    await server.stop();
  }
}

main().catch((err) => {
  console.error(`browser-bench: ${err.message || err}`);
  process.exit(1);
});

// Speed of core/conv against a plain-JavaScript loop, printed as JSON lines
// {"metric":"conv256","op":"forward"|"backward","js_ms","wasm_ms",
//  "native_ms","ratio","ok"}, ratio = wasm_ms / js_ms, ok = ratio <= 1.
//
// Workload (the CNN lesson's speed target): one 256×256 input channel, one
// 3×3 kernel, valid (no padding, stride 1, output 254×254). "forward" is
// the layer output; "backward" is ∂L/∂K and ∂L/∂X for an upstream gradient
// of ones. The Go side is core/conv's Forward and BackwardInto into kept
// destinations (natively: BenchmarkForward256 and BenchmarkBackward256).
//
//   js_ms      median over RUNS timed calls of the Float64Array loops below,
//              after WARMUP untimed calls
//   wasm_ms    the same for core/conv's Forward and BackwardInto, compiled
//              to wasm (wasm/convbench) and run in this same Node process,
//              timed from JS around each call
//   native_ms  median over 5 runs of `go test -bench` (ns/op over 50 calls)
//
// Run from anywhere: node bench/conv-baseline.mjs (needs go on PATH). It
// exits non-zero when the Go side cannot be built or run; a ratio over 1 is
// reported (ok: false), not failed.

import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const H = 256, W = 256, KH = 3, KW = 3;
const OH = H - KH + 1, OW = W - KW + 1;
const WARMUP = 20, RUNS = 50;

// Plain loops, written as one would by hand: one output (or one upstream
// value) at a time, the kernel taps inside.
function forward(y, x, k) {
  for (let oy = 0; oy < OH; oy++) {
    for (let ox = 0; ox < OW; ox++) {
      let s = 0;
      for (let i = 0; i < KH; i++) {
        for (let j = 0; j < KW; j++) {
          s += k[i * KW + j] * x[(oy + i) * W + ox + j];
        }
      }
      y[oy * OW + ox] = s;
    }
  }
}

function backward(dX, dK, x, k, dY) {
  dX.fill(0);
  dK.fill(0);
  for (let oy = 0; oy < OH; oy++) {
    for (let ox = 0; ox < OW; ox++) {
      const g = dY[oy * OW + ox];
      for (let i = 0; i < KH; i++) {
        for (let j = 0; j < KW; j++) {
          const m = (oy + i) * W + ox + j;
          dK[i * KW + j] += g * x[m];
          dX[m] += g * k[i * KW + j];
        }
      }
    }
  }
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function time(f) {
  for (let r = 0; r < WARMUP; r++) f();
  const ms = [];
  for (let r = 0; r < RUNS; r++) {
    const t0 = performance.now();
    f();
    ms.push(performance.now() - t0);
  }
  return median(ms);
}

function jsTimes() {
  // A fixed pseudo-random input (values in [−1, 1)): the loops do not
  // depend on the values, only the sums do.
  let seed = 12345;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648) * 2 - 1;
  const x = Float64Array.from({ length: H * W }, rnd);
  const k = Float64Array.from({ length: KH * KW }, rnd);
  const y = new Float64Array(OH * OW);
  const dY = new Float64Array(OH * OW).fill(1);
  const dX = new Float64Array(H * W);
  const dK = new Float64Array(KH * KW);
  return {
    forward: time(() => forward(y, x, k)),
    backward: time(() => backward(dX, dK, x, k, dY)),
  };
}

// nativeTimes runs the two Go benchmarks natively and returns their median
// ns/op in ms.
function nativeTimes() {
  const args = ['test', '-run', '^$', '-bench', '^Benchmark(Forward|Backward)256$', '-benchtime', '50x', '-count', '5', './core/conv/'];
  const out = execFileSync('go', args, { cwd: ROOT, encoding: 'utf8' });
  const ns = { forward: [], backward: [] };
  for (const m of out.matchAll(/^Benchmark(Forward|Backward)256\S*\s+\d+\s+([\d.]+) ns\/op/gm)) {
    ns[m[1].toLowerCase()].push(Number(m[2]));
  }
  for (const op of ['forward', 'backward']) {
    if (ns[op].length === 0) throw new Error(`no ${op} result in go test output:\n${out}`);
  }
  return { forward: median(ns.forward) / 1e6, backward: median(ns.backward) / 1e6 };
}

// wasmTimes builds wasm/convbench, starts it in this process with the Go
// toolchain's own wasm_exec.js, and times its calls like the JS loops.
async function wasmTimes() {
  const goroot = execFileSync('go', ['env', 'GOROOT'], { encoding: 'utf8' }).trim();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'convbench-'));
  const bin = path.join(dir, 'convbench.wasm');
  execFileSync('go', ['build', '-o', bin, './wasm/convbench'], {
    cwd: ROOT,
    env: { ...process.env, GOOS: 'js', GOARCH: 'wasm' },
  });
  // What go_js_wasm_exec sets up before loading wasm_exec.js.
  const require = createRequire(import.meta.url);
  globalThis.require = require;
  globalThis.fs = fs;
  globalThis.path = path;
  require(path.join(goroot, 'lib', 'wasm', 'wasm_exec.js'));
  const go = new globalThis.Go();
  const { instance } = await WebAssembly.instantiate(fs.readFileSync(bin), go.importObject);
  go.run(instance);
  fs.rmSync(dir, { recursive: true, force: true });
  const call = (op) => () => {
    const err = globalThis.aimathConvBench(op);
    if (err) throw new Error(`aimathConvBench(${op}): ${err}`);
  };
  if (typeof globalThis.aimathConvBench !== 'function') throw new Error('wasm/convbench did not register aimathConvBench');
  return { forward: time(call('forward')), backward: time(call('backward')) };
}

const round = (v, d = 3) => Number(v.toFixed(d));

// One after the other, so that the runs do not share the CPU.
const js = jsTimes();
const wasm = await wasmTimes();
const native = nativeTimes();
for (const op of ['forward', 'backward']) {
  const ratio = wasm[op] / js[op];
  console.log(JSON.stringify({
    metric: 'conv256', op,
    js_ms: round(js[op]), wasm_ms: round(wasm[op]), native_ms: round(native[op]),
    ratio: round(ratio), ok: ratio <= 1,
  }));
}
process.exit(0); // the Go program waits for calls forever

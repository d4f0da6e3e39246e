// Loads the Go program (aimath.wasm) into this frame, which hosts ebiten's
// canvas, and reports progress to the page around it (index.html). Opened
// standalone, it works the same without a parent to report to.
'use strict';

(() => {
  let resolveReady;
  let rejectReady;
  // The page awaits this: it resolves with the bridge object the Go program
  // registers, or rejects when loading fails.
  window.aimathReady = new Promise((resolve, reject) => {
    resolveReady = resolve;
    rejectReady = reject;
  });
  window.aimathReady.catch(() => {});

  // tell calls one of the parent page's hooks, if there is one to call.
  const tell = (hook, ...args) => {
    try {
      if (window.parent !== window && typeof window.parent[hook] === 'function') window.parent[hook](...args);
    } catch {
      // A parent from another origin or without the hook: nothing to report to.
    }
  };

  // The Go program calls this once `aimath` is registered.
  window.aimathStarted = () => {
    if (window.aimath) resolveReady(window.aimath);
    else fail(new Error('the program started without registering its bridge'));
  };

  function fail(err) {
    const message = err && err.message ? err.message : String(err);
    console.error('aimath: loading failed:', message);
    rejectReady(new Error(message));
    tell('aimathLoadFailed', message);
  }

  async function wasmSize() {
    try {
      const r = await fetch('build.json', { cache: 'no-cache' });
      if (!r.ok) return 0;
      const b = await r.json();
      return Number.isFinite(b.wasmBytes) && b.wasmBytes > 0 ? b.wasmBytes : 0;
    } catch {
      return 0; // The progress bar is indeterminate then.
    }
  }

  async function main() {
    if (typeof Go !== 'function') throw new Error('wasm_exec.js is missing');
    if (!window.ReadableStream || !window.TransformStream || !WebAssembly.instantiateStreaming) {
      throw new Error('this browser lacks streaming WebAssembly');
    }
    // Both requests go out at once; the size only scales the progress bar.
    const [total, resp] = await Promise.all([wasmSize(), fetch('aimath.wasm')]);
    if (!resp.ok || !resp.body) throw new Error(`aimath.wasm: HTTP ${resp.status}`);
    // The response may arrive brotli- or gzip-encoded, so Content-Length
    // says nothing about the decoded size: count the bytes instead.
    let loaded = 0;
    tell('aimathProgress', 0, total);
    const counter = new TransformStream({
      transform(chunk, ctl) {
        loaded += chunk.byteLength;
        tell('aimathProgress', loaded, total);
        ctl.enqueue(chunk);
      },
    });
    const go = new Go();
    const body = new Response(resp.body.pipeThrough(counter), { headers: { 'Content-Type': 'application/wasm' } });
    const { instance } = await WebAssembly.instantiateStreaming(body, go.importObject);
    go.run(instance).then(
      () => fail(new Error('the program exited')),
      (err) => fail(err),
    );
  }

  main().catch(fail);
})();

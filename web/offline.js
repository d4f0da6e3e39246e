// Offline use: registers the service worker (sw.js) and tells it which
// files the lessons need, so that after one visit the playground opens
// without a network. sw.js has the caching rules.

// startOffline registers sw.js for this build's version (build.json's; a
// new version is a new worker URL, which makes the browser install it) and
// hands it the lesson files to keep. It does nothing where service workers
// are unavailable (file:, an insecure origin, a browser or test that blocks
// them). Once the worker's cache holds every file it sets
// <html data-offline="CACHE">, which tests wait for.
export async function startOffline(version, files) {
  if (!version || !('serviceWorker' in navigator) || !/^https?:$/.test(location.protocol) || !window.isSecureContext) return;
  const sw = navigator.serviceWorker;
  try {
    await sw.register(`sw.js?v=${encodeURIComponent(version)}`);
  } catch (err) {
    // Blocked (private mode, a policy, a test): the page works online.
    console.info(`aimath: no offline copy: ${err?.message || err}`);
    return;
  }
  const keep = async () => {
    const reg = await sw.ready;
    const worker = sw.controller || reg.active;
    if (!worker) return;
    const { port1, port2 } = new MessageChannel();
    const answer = new Promise((resolve) => (port1.onmessage = (e) => resolve(e.data)));
    // The worker of an older version declines; the new one takes over soon.
    worker.postMessage({ type: 'aimath:precache', version, urls: files }, [port2]);
    const res = await answer;
    port1.close();
    if (res && typeof res.cache === 'string') {
      document.documentElement.dataset.offline = res.failed === 0 ? res.cache : 'partial';
    }
  };
  // A new version's worker takes over this page: give it the list too.
  sw.addEventListener('controllerchange', () => keep().catch(() => {}));
  await keep();
}

// lessonFiles lists the files the lessons load on demand: their texts in
// each language and the pictures of their picture menus (thumbURL).
export function lessonFiles(lessons, langs, thumbURL) {
  const out = [];
  for (const l of lessons) {
    for (const lang of langs) out.push(`i18n/${l.id}.${lang}.json`);
    for (const p of l.params || []) {
      if (p.control === 'thumbnails' && p.kind === 'choice') for (const c of p.choices || []) out.push(thumbURL(p.name, c));
    }
  }
  return out;
}

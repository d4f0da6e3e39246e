// Sharing a lesson: the Share dialog (a short link from the server's
// POST /api/share) and the Embed dialog (an <iframe> snippet with a size,
// a language, controls to hide and a live preview).
//
// Both read the page through ctx, which app.js passes in:
//   ctx.lesson()      the open lesson's id
//   ctx.state()       its state as a URL query
//   ctx.title()       its title in the page's language
//   ctx.controls()    [{name, label}] of the controls a reader can see
//   ctx.hidden()      names hidden on this page (hide=)
//   ctx.lang()        the page's language
//   ctx.copy(text, node)  copies text (the clipboard, else node's selection)

import * as i18n from './i18n.js';
import { EMBED_SIZE, clampSize, embedURL, iframeSnippet } from './embed.js';

const $ = (id) => document.getElementById(id);

// The page's address without query or hash: what embeds and links start from.
function pageBase() {
  return location.origin + location.pathname;
}

// wireDialog closes a dialog with its buttons and a click on its backdrop,
// and runs onClose after it closes (however it closed, Escape included).
function wireDialog(dialog, closeIds, onClose) {
  const close = () => dialog.close();
  for (const id of closeIds) $(id).addEventListener('click', close);
  dialog.addEventListener('click', (e) => {
    if (e.target !== dialog) return;
    const r = dialog.getBoundingClientRect();
    if (e.clientX < r.left || e.clientX > r.right || e.clientY < r.top || e.clientY > r.bottom) close();
  });
  if (onClose) dialog.addEventListener('close', onClose);
}

// ---------------------------------------------------------------- share

// shareError turns a failed POST /api/share into a message for people, and
// says whether this host has no share service at all (a static host).
async function shareError(res) {
  if (res.status === 404 || res.status === 405 || res.status === 501) return { text: i18n.t('share.unavailable'), none: true };
  let body = null;
  try {
    body = await res.json();
  } catch {
    // Not our server's JSON: the status says enough.
  }
  if (res.status === 429) {
    const wait = Number(res.headers.get('Retry-After'));
    return { text: i18n.t('share.tooMany', { s: Number.isFinite(wait) && wait > 0 ? Math.ceil(wait) : 60 }) };
  }
  if (res.status === 413) return { text: i18n.t('share.tooLarge') };
  const detail = [body?.error, ...(Array.isArray(body?.details) ? body.details : [])].filter(Boolean).join('; ');
  return { text: i18n.t('share.failed', { detail: (detail || `HTTP ${res.status}`).slice(0, 300) }) };
}

export function wireShare(ctx) {
  const dialog = $('share-dialog');
  const button = $('btn-share');
  const input = $('share-url');
  const status = $('share-status');
  const copy = $('share-copy');
  let pending = null;
  let unavailable = false;
  wireDialog(dialog, ['share-x', 'share-close'], () => {
    // A host without the service: the button goes once the reader has read why.
    if (unavailable) button.hidden = true;
  });

  const create = async () => {
    const res = await fetch('api/share', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ lesson: ctx.lesson(), state: ctx.state() }),
    });
    if (res.status !== 201) return shareError(res);
    const body = await res.json();
    if (typeof body?.url !== 'string' || !body.url.startsWith('/s/')) return { text: i18n.t('share.failed', { detail: 'bad answer' }) };
    return { url: new URL(body.url, location.origin).href };
  };

  button.addEventListener('click', async () => {
    if (pending) return;
    input.value = '';
    input.hidden = true;
    copy.hidden = true;
    status.textContent = i18n.t('share.creating');
    dialog.showModal();
    pending = create().catch(() => ({
      // fetch rejects without an answer: offline, or no server behind this page.
      text: i18n.t(navigator.onLine === false ? 'share.offline' : 'share.unavailable'),
      none: navigator.onLine !== false,
    }));
    const out = await pending;
    pending = null;
    if (out.url) {
      input.value = out.url;
      input.hidden = false;
      copy.hidden = false;
      status.textContent = '';
      input.focus();
      input.select();
    } else {
      unavailable = !!out.none;
      status.textContent = out.text;
    }
  });
  copy.addEventListener('click', async () => {
    const ok = await ctx.copy(input.value, input);
    status.textContent = i18n.t(ok ? 'share.copied' : 'export.copyManually');
  });
}

// ---------------------------------------------------------------- embed

// The preview shows the embed at its chosen size, scaled down to fit the
// dialog and at most PREVIEW_HEIGHT CSS pixels tall.
const PREVIEW_HEIGHT = 360;

export function wireEmbed(ctx) {
  const dialog = $('embed-dialog');
  const width = $('embed-width');
  const height = $('embed-height');
  const lang = $('embed-lang');
  const hideList = $('embed-hide');
  const code = $('embed-code');
  const status = $('embed-status');
  const box = $('embed-preview-box');
  const preview = $('embed-preview');
  const size = { ...EMBED_SIZE };
  let url = '';

  const chosenHide = () => [...hideList.querySelectorAll('input:checked')].map((b) => b.value);

  const fit = () => {
    const f = Math.min(1, box.clientWidth / size.width, PREVIEW_HEIGHT / size.height);
    preview.style.width = `${size.width}px`;
    preview.style.height = `${size.height}px`;
    preview.style.transform = `scale(${f})`;
    box.style.height = `${Math.ceil(size.height * f)}px`;
  };

  const update = () => {
    size.width = clampSize(width.value, size.width);
    size.height = clampSize(height.value, size.height);
    url = embedURL(pageBase(), { lesson: ctx.lesson(), state: ctx.state(), lang: lang.value, hide: chosenHide() });
    code.textContent = iframeSnippet({ src: url, ...size, title: `${ctx.title()} · ${i18n.t('app.title')}` });
    status.textContent = '';
    fit();
    // Only the hash changes between updates: the preview follows it
    // without loading the program again.
    if (dialog.open && preview.src !== url) preview.src = url;
  };

  const fillHide = () => {
    const hidden = new Set(ctx.hidden());
    hideList.replaceChildren();
    const controls = ctx.controls();
    for (const { name, label } of controls) {
      const id = 'embed-hide-' + name;
      const b = document.createElement('input');
      b.type = 'checkbox';
      b.id = id;
      b.value = name;
      b.checked = hidden.has(name);
      b.addEventListener('change', update);
      const l = document.createElement('label');
      l.htmlFor = id;
      l.textContent = label;
      const row = document.createElement('div');
      row.className = 'check';
      row.append(b, l);
      hideList.append(row);
    }
    hideList.closest('fieldset').hidden = controls.length === 0;
  };

  $('btn-embed').addEventListener('click', () => {
    width.value = String(size.width);
    height.value = String(size.height);
    lang.value = ctx.lang();
    fillHide();
    dialog.showModal();
    update();
  });
  for (const input of [width, height]) {
    input.addEventListener('change', () => {
      update();
      input.value = String(input === width ? size.width : size.height);
    });
  }
  lang.addEventListener('change', update);
  $('embed-copy').addEventListener('click', async () => {
    const ok = await ctx.copy(code.textContent, code);
    status.textContent = i18n.t(ok ? 'embed.copied' : 'export.copyManually');
  });
  new ResizeObserver(() => dialog.open && fit()).observe(box);
  // A closed dialog lets its preview go: it runs a whole second program.
  wireDialog(dialog, ['embed-x', 'embed-close'], () => (preview.src = 'about:blank'));
}

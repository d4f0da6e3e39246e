// The frame's side of the postMessage protocol, for a page that embeds the
// playground in an <iframe> (the README documents it for hosts).
//
// The frame posts to its parent:
//   aimath:ready   {protocol, lesson, state, readouts, values, playing, lang, lessons}
//                  once the first lesson is shown
//   aimath:change  {lesson, state, readouts, values, playing, lang}
//                  after changes, at most 5 times a second
//   aimath:resize  {height}: the document's height in CSS pixels, on load
//                  and whenever it changes
//   aimath:result  {request, id?, …} the answer to a command
//   aimath:error   {request?, id?, message} a refused command
// The parent may send aimath:set {name, value}, aimath:act {name},
// aimath:open {lesson, state?} and aimath:get {} (answered with a snapshot).
//
// Security: commands are taken only from the parent window, and, when the
// embedder gave an allow-list (origins= in the frame's query), only from
// those origins. Events then go to the allowed origins alone; without a
// list they go to any parent ('*'): they hold only the lesson's public
// state, which the parent chose when it set the frame's URL. Nothing here
// throws: a bad message gets an aimath:error reply.

import { PROTOCOL, checkMessage } from './embed.js';
import { throttle } from './util.js';

const CHANGE_MS = 200; // at most 5 change events a second

// connectHost starts the protocol. origins is the allow-list (null: none
// given); handlers maps each command type to an async function returning
// the result (or throwing an Error whose message is sent back); snapshot()
// returns the current {lesson, state, readouts, values, playing, lang}.
// It returns {ready(extra), changed()}; both do nothing when the page is
// not in a frame.
export function connectHost({ origins, handlers, snapshot }) {
  const parent = window.parent;
  if (parent === window) return { ready() {}, changed() {} };
  let isReady = false;
  let last = '';

  // send posts to the parent: to each allowed origin (postMessage delivers
  // only to the one the parent has), or to any origin without a list.
  // to names the one origin a reply goes to.
  const send = (msg, to) => {
    const targets = to ? [to] : origins ?? ['*'];
    for (const origin of targets) {
      try {
        parent.postMessage(msg, origin);
      } catch (err) {
        // A target the browser refuses: nothing to tell anyone.
        console.info(`aimath: could not post ${msg.type}: ${err?.message || err}`);
      }
    }
  };

  const reply = (event, msg) => {
    // An opaque origin ("null", a sandboxed host) can only be answered with '*'.
    const to = event.origin && event.origin !== 'null' ? event.origin : '*';
    send(msg, to);
  };

  addEventListener('message', async (event) => {
    if (event.source !== parent) return;
    const msg = checkMessage(event.data);
    if (msg === null) return;
    const base = { request: msg.request ?? msg.type, ...(msg.id !== undefined ? { id: msg.id } : {}) };
    if (origins && !origins.includes(event.origin)) {
      console.info(`aimath: refused ${base.request} from ${event.origin}: not in origins=`);
      reply(event, { type: 'aimath:error', ...base, message: `origin ${event.origin} may not control this frame` });
      return;
    }
    if (msg.error) {
      reply(event, { type: 'aimath:error', ...base, message: msg.error });
      return;
    }
    if (!isReady) {
      reply(event, { type: 'aimath:error', ...base, message: 'not ready yet: wait for aimath:ready' });
      return;
    }
    try {
      const result = await handlers[msg.type](msg);
      reply(event, { type: 'aimath:result', ...base, ...result });
    } catch (err) {
      reply(event, { type: 'aimath:error', ...base, message: String(err?.message || err).slice(0, 300) });
    }
  });

  const postChange = throttle(() => {
    const s = snapshot();
    const key = JSON.stringify(s);
    if (key === last) return;
    last = key;
    send({ type: 'aimath:change', ...s });
  }, CHANGE_MS);

  // The document's height, for hosts that fit the frame to it.
  let height = -1;
  const measure = () => {
    const h = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (h === height || h <= 0) return;
    height = h;
    send({ type: 'aimath:resize', height: h });
  };
  new ResizeObserver(measure).observe(document.documentElement);

  return {
    ready(extra) {
      isReady = true;
      const s = snapshot();
      last = JSON.stringify(s);
      send({ type: 'aimath:ready', protocol: PROTOCOL, ...s, ...extra });
      height = -1;
      measure();
    },
    changed() {
      if (isReady) postChange();
    },
  };
}

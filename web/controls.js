// Controls generated from a lesson's parameter schema (aimath.lessons()).
// Each kind gets the native control that fits it, with a real <label>:
//   number, int  range slider + numeric box (log slider when spec.log)
//   choice       <select>, or a segmented radio group for "view" and "mode"
//   bool         checkbox
//   vec2         two numeric boxes
//   text         text box, applied on change or Enter; with presets (a
//                convolution kernel) a kernel editor: preset menu, size
//                menu and a k×k grid of numeric boxes
//   matrix       a grid of numeric boxes sized to the current value
// A spec's "control" names a special control, used instead of the kind's:
//   layers       a text param of hidden-layer sizes ("4,2"): a row per
//                layer with −/+ neuron buttons, add/remove layer buttons
//                and the text itself (see layersControl)
//   thumbnails   a choice shown as pictures img/<param>-<choice>.svg, a
//                radio group (see thumbnailControl)
// An unknown control name falls back to the kind's control.
// A choice that has the value "upload" also gets a file input (see
// selectControl).
// Hidden params get no control, nor do those the page hides (hooks.hide,
// the URL's hide=). The panel reports edits through emit(name,
// value, commit): commit is false for intermediate values of live params
// (the app sends those once per animation frame) and true otherwise.

import { t, optional } from './i18n.js';
import { inputNumber, formatNumber, formatRows, parseRows, resizeSquare } from './util.js';

const LOG_STEPS = 1000;

// The choice value meaning "the user's own image" (lesson cnn's image).
const UPLOAD = 'upload';

// Kernels (Text params with presets) are 1×1 to 7×7, as lesson cnn
// accepts them.
const MAX_KERNEL = 7;

function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    if (k === 'class') e.className = v;
    else if (k === 'text') e.textContent = v;
    else e.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children) if (c) e.append(c);
  return e;
}

function label(forId, text, cls) {
  return el('label', { for: forId, class: cls, text });
}

// srLabel is a label that only assistive technology reads.
function srLabel(forId, text) {
  return label(forId, text, 'sr-only');
}

function paramLabel(spec) {
  return t('param.' + spec.name);
}

function numberRange(spec) {
  const ok = typeof spec.min === 'number' && typeof spec.max === 'number' && spec.max > spec.min;
  return ok ? [spec.min, spec.max] : null;
}

function sliderStep(spec) {
  if (spec.kind === 'int') return Math.max(1, spec.step || 1);
  if (spec.step > 0) return spec.step;
  const span = spec.max - spec.min;
  return Number((span / 200).toPrecision(1));
}

// parseShow reads "view=map|lstsq", or conditions that must all hold,
// joined by "&": "view=dist|expect&dist=beta|gamma".
function parseShow(show) {
  const conds = (show || '')
    .split('&')
    .map((c) => c.indexOf('=') < 0 ? null : { name: c.slice(0, c.indexOf('=')), values: c.slice(c.indexOf('=') + 1).split('|') })
    .filter(Boolean);
  return conds.length ? conds : null;
}

// A pointer held on a slider means the user is dragging it: the panel must
// not move it from under their finger.
let pointerHeld = null;
addEventListener('pointerdown', (e) => (pointerHeld = e.target), true);
addEventListener('pointerup', () => (pointerHeld = null), true);
addEventListener('pointercancel', () => (pointerHeld = null), true);

function userIsEditing(input) {
  if (input !== document.activeElement) return false;
  if (input.type === 'range') return pointerHeld === input;
  return input.type === 'number' || input.type === 'text';
}

// createPanel builds the controls of one lesson into root. hooks.upload(file)
// receives a file the user chose for an "upload" choice; hooks.hide is a
// Set of param names to leave out.
export function createPanel(root, lesson, values, emit, hooks = {}) {
  const controls = [];
  root.replaceChildren();
  for (const spec of lesson.params) {
    if (spec.hidden || hooks.hide?.has(spec.name)) continue;
    const c = makeControl(spec, values[spec.name], emit, hooks);
    if (!c) continue;
    c.spec = spec;
    c.show = parseShow(spec.show);
    c.el.dataset.param = spec.name;
    controls.push(c);
    root.append(c.el);
  }
  const panel = {
    // sync shows values that changed elsewhere (canvas drags, clamping,
    // script calls), leaving alone a box the user is typing in.
    sync(vals) {
      for (const c of controls) {
        if (c.show) c.el.hidden = !c.show.every((s) => s.values.includes(String(vals[s.name])));
        if (c.spec.name in vals) c.set(vals[c.spec.name]);
      }
    },
    // reflect shows the value the bridge stored after a set, even in the
    // focused control (a clamped value must be visible).
    reflect(name, value) {
      const c = controls.find((x) => x.spec.name === name);
      if (c) c.set(value, true);
    },
    has(name) {
      return controls.some((x) => x.spec.name === name);
    },
    // shown lists the controls a reader sees now: {name, label}.
    shown() {
      return controls.filter((c) => !c.el.hidden).map((c) => ({ name: c.spec.name, label: paramLabel(c.spec) }));
    },
  };
  panel.sync(values);
  return panel;
}

function makeControl(spec, value, emit, hooks) {
  if (spec.control === 'layers' && spec.kind === 'text') return layersControl(spec, emit);
  if (spec.control === 'thumbnails' && spec.kind === 'choice') return thumbnailControl(spec, emit);
  switch (spec.kind) {
    case 'number':
    case 'int':
      return numberControl(spec, emit);
    case 'bool':
      return boolControl(spec, emit);
    case 'multi':
      return multiControl(spec, emit);
    case 'choice':
      return spec.name === 'view' || spec.name === 'mode' ? segmentedControl(spec, emit) : selectControl(spec, emit, hooks);
    case 'text':
      return spec.presets?.length ? kernelControl(spec, emit) : textControl(spec, emit);
    case 'vec2':
      return vec2Control(spec, emit);
    case 'matrix':
      return matrixControl(spec, value, emit);
    default:
      console.warn(`aimath: no control for kind ${spec.kind} (${spec.name})`);
      return null;
  }
}

function help(spec, id) {
  const text = optional(`param.${spec.name}.help`);
  return text ? el('p', { class: 'help', id, text }) : null;
}

function wrapper(kind, ...children) {
  return el('div', { class: `control control-${kind}` }, ...children);
}

function numberControl(spec, emit) {
  const id = 'p-' + spec.name;
  const helpEl = help(spec, id + '-help');
  const describedBy = helpEl ? helpEl.id : null;
  const range = numberRange(spec);
  const isInt = spec.kind === 'int';
  const num = el('input', {
    type: 'number',
    id: id + '-num',
    class: 'num',
    inputmode: isInt ? 'numeric' : 'decimal',
    step: isInt ? sliderStep(spec) : spec.step > 0 ? spec.step : 'any',
    min: range ? spec.min : null,
    max: range ? spec.max : null,
    'aria-describedby': describedBy,
  });
  let slider = null;
  const toSlider = (v) => {
    if (!spec.log) return v;
    const t0 = Math.log(spec.min);
    const t1 = Math.log(spec.max);
    return Math.round(((Math.log(Math.max(v, spec.min)) - t0) / (t1 - t0)) * LOG_STEPS);
  };
  const fromSlider = (s) => {
    if (!spec.log) return Number(s);
    const t0 = Math.log(spec.min);
    const t1 = Math.log(spec.max);
    return Number(Math.exp(t0 + (Number(s) / LOG_STEPS) * (t1 - t0)).toPrecision(3));
  };
  if (range) {
    slider = el('input', {
      type: 'range',
      id,
      min: spec.log ? 0 : spec.min,
      max: spec.log ? LOG_STEPS : spec.max,
      step: spec.log ? 1 : sliderStep(spec),
      'aria-describedby': describedBy,
    });
    slider.addEventListener('input', () => {
      const v = fromSlider(slider.value);
      num.value = inputNumber(v);
      slider.setAttribute('aria-valuetext', formatNumber(v));
      if (spec.live) emit(spec.name, v, false);
    });
    slider.addEventListener('change', () => emit(spec.name, fromSlider(slider.value), true));
  }
  num.addEventListener('input', () => {
    if (spec.live && num.value !== '' && Number.isFinite(num.valueAsNumber)) emit(spec.name, num.valueAsNumber, false);
  });
  const commitNum = () => emit(spec.name, num.value === '' ? num.value : num.valueAsNumber, true);
  num.addEventListener('change', commitNum);
  const text = paramLabel(spec);
  const head = el(
    'div',
    { class: 'control-head' },
    label(slider ? id : id + '-num', text),
    slider ? srLabel(id + '-num', t('control.value', { label: text })) : null,
    num,
  );
  return {
    el: wrapper('number', head, slider, helpEl),
    set(v, force) {
      if (typeof v !== 'number') return;
      if (force || !userIsEditing(num)) num.value = inputNumber(v);
      if (slider && (force || !userIsEditing(slider))) {
        slider.value = String(toSlider(v));
        slider.setAttribute('aria-valuetext', formatNumber(v));
      }
    },
  };
}

function boolControl(spec, emit) {
  const id = 'p-' + spec.name;
  const helpEl = help(spec, id + '-help');
  const box = el('input', { type: 'checkbox', id, 'aria-describedby': helpEl?.id });
  box.addEventListener('change', () => emit(spec.name, box.checked, true));
  const row = el('div', { class: 'check' }, box, label(id, paramLabel(spec)));
  return {
    el: wrapper('bool', row, helpEl),
    set(v) {
      if (typeof v === 'boolean') box.checked = v;
    },
  };
}

function choiceLabel(spec, c) {
  return t(`choice.${spec.name}.${c}`);
}

function selectControl(spec, emit, hooks) {
  const id = 'p-' + spec.name;
  const helpEl = help(spec, id + '-help');
  const sel = el('select', { id, 'aria-describedby': helpEl?.id });
  for (const c of spec.choices || []) sel.append(el('option', { value: c, text: choiceLabel(spec, c) }));
  sel.addEventListener('change', () => emit(spec.name, sel.value, true));
  const upload = hooks.upload && spec.choices?.includes(UPLOAD) ? uploadPicker(id, hooks.upload) : null;
  return {
    el: wrapper('choice', label(id, paramLabel(spec)), sel, helpEl, upload),
    set(v) {
      if (typeof v === 'string' && sel.value !== v) sel.value = v;
    },
  };
}

// uploadPicker is the file input of a choice that has the value "upload"
// (the rule is generic: any lesson whose choice offers "upload" gets it).
// The page reads the chosen file in the browser and hands its pixels to the
// lesson, which then selects "upload"; the file goes nowhere else.
function uploadPicker(id, upload) {
  const fid = id + '-file';
  const input = el('input', { type: 'file', id: fid, accept: 'image/*', class: 'file-input', 'aria-describedby': fid + '-help' });
  input.addEventListener('change', () => {
    const file = input.files?.[0];
    input.value = ''; // choosing the same file again is a change too
    if (file) upload(file);
  });
  return el(
    'div',
    { class: 'upload' },
    input,
    el('label', { for: fid, class: 'btn file-label', text: t('upload.choose') }),
    el('p', { class: 'help', id: fid + '-help', text: t('upload.help') }),
  );
}

// multiControl is a checkbox per choice; the value is the checked choices
// as a comma list, in the schema's order.
function multiControl(spec, emit) {
  const id = 'p-' + spec.name;
  const helpEl = help(spec, id + '-help');
  const boxes = (spec.choices || []).map((c, i) => {
    const bid = `${id}-${i}`;
    const box = el('input', { type: 'checkbox', id: bid, value: c });
    box.addEventListener('change', () =>
      emit(spec.name, boxes.filter((b) => b.checked).map((b) => b.value).join(','), true),
    );
    return box;
  });
  const fs = el(
    'fieldset',
    { class: 'control control-multi', 'aria-describedby': helpEl?.id },
    el('legend', { text: paramLabel(spec) }),
    ...boxes.map((b) => el('div', { class: 'check' }, b, label(b.id, choiceLabel(spec, b.value)))),
    helpEl,
  );
  return {
    el: fs,
    set(v) {
      if (typeof v !== 'string') return;
      const on = new Set(v.split(',').filter(Boolean));
      for (const b of boxes) b.checked = on.has(b.value);
    },
  };
}

function segmentedControl(spec, emit) {
  const id = 'p-' + spec.name;
  const helpEl = help(spec, id + '-help');
  const n = (spec.choices || []).length;
  const group = el('div', { class: n <= 4 ? 'segmented is-row' : 'segmented' });
  group.style.setProperty('--n', String(n));
  const radios = [];
  (spec.choices || []).forEach((c, i) => {
    const rid = `${id}-${i}`;
    const r = el('input', { type: 'radio', name: id, id: rid, value: c, class: 'seg-input' });
    r.addEventListener('change', () => r.checked && emit(spec.name, c, true));
    radios.push(r);
    group.append(r, label(rid, choiceLabel(spec, c), 'seg-label'));
  });
  // Choices share a row while their labels fit (wrapping between words);
  // otherwise they stack, one per line.
  let lastWidth = -1;
  new ResizeObserver(() => {
    if (group.clientWidth === lastWidth || n > 4) return;
    lastWidth = group.clientWidth;
    group.classList.remove('is-stacked');
    const labels = group.querySelectorAll('.seg-label');
    if ([...labels].some((l) => l.scrollWidth > l.clientWidth + 1)) group.classList.add('is-stacked');
  }).observe(group);
  const fs = el(
    'fieldset',
    { class: 'control control-view', 'aria-describedby': helpEl?.id },
    el('legend', { text: paramLabel(spec) }),
    group,
    helpEl,
  );
  return {
    el: fs,
    set(v) {
      for (const r of radios) r.checked = r.value === v;
    },
  };
}

function textControl(spec, emit) {
  const id = 'p-' + spec.name;
  const helpEl = help(spec, id + '-help');
  const box = el('input', {
    type: 'text',
    id,
    maxlength: spec.maxLen || 200,
    spellcheck: 'false',
    autocomplete: 'off',
    'aria-describedby': helpEl?.id,
  });
  box.addEventListener('change', () => emit(spec.name, box.value, true));
  return {
    el: wrapper('text', label(id, paramLabel(spec)), box, helpEl),
    set(v, force) {
      if (typeof v === 'string' && (force || !userIsEditing(box)) && box.value !== v) box.value = v;
    },
  };
}

function vec2Control(spec, emit) {
  const id = 'p-' + spec.name;
  const helpEl = help(spec, id + '-help');
  const text = paramLabel(spec);
  const range = numberRange(spec);
  const inputs = [0, 1].map((i) =>
    el('input', {
      type: 'number',
      id: `${id}-${i + 1}`,
      class: 'num',
      step: spec.step > 0 ? spec.step : 'any',
      min: range ? spec.min : null,
      max: range ? spec.max : null,
      inputmode: 'decimal',
      'aria-describedby': helpEl?.id,
    }),
  );
  const read = () => inputs.map((x) => (x.value === '' ? NaN : x.valueAsNumber));
  for (const x of inputs) {
    x.addEventListener('input', () => {
      const v = read();
      if (spec.live && v.every(Number.isFinite)) emit(spec.name, v, false);
    });
    x.addEventListener('change', () => emit(spec.name, inputs.map((y) => y.value).join(','), true));
  }
  const tuple = el(
    'div',
    { class: 'tuple' },
    el('span', { class: 'paren', 'aria-hidden': 'true', text: '(' }),
    srLabel(inputs[0].id, t('control.component', { label: text, n: 1 })),
    inputs[0],
    el('span', { class: 'paren', 'aria-hidden': 'true', text: ',' }),
    srLabel(inputs[1].id, t('control.component', { label: text, n: 2 })),
    inputs[1],
    el('span', { class: 'paren', 'aria-hidden': 'true', text: ')' }),
  );
  const fs = el('fieldset', { class: 'control control-vec2' }, el('legend', { text }), tuple, helpEl);
  return {
    el: fs,
    set(v, force) {
      if (!Array.isArray(v) || v.length !== 2) return;
      inputs.forEach((x, i) => {
        if (force || !userIsEditing(x)) x.value = inputNumber(v[i]);
      });
    },
  };
}

function matrixControl(spec, value, emit) {
  const id = 'p-' + spec.name;
  const helpEl = help(spec, id + '-help');
  const text = paramLabel(spec);
  const grid = el('div', { class: 'matrix' });
  const range = numberRange(spec);
  let cells = [];
  let rows = 0;
  let cols = 0;
  const commit = () => emit(spec.name, cells.map((r) => r.map((x) => x.value.trim()).join(',')).join(';'), true);
  const build = (r, c) => {
    rows = r;
    cols = c;
    grid.style.setProperty('--cols', String(c));
    grid.replaceChildren();
    cells = [];
    for (let i = 0; i < r; i++) {
      const row = [];
      for (let j = 0; j < c; j++) {
        const cid = `${id}-${i + 1}-${j + 1}`;
        const x = el('input', {
          type: 'number',
          id: cid,
          class: 'num',
          step: spec.step > 0 ? spec.step : 'any',
          min: range ? spec.min : null,
          max: range ? spec.max : null,
          inputmode: 'decimal',
          'aria-describedby': helpEl?.id,
        });
        x.addEventListener('change', commit);
        grid.append(srLabel(cid, t('control.cell', { label: text, r: i + 1, c: j + 1 })), x);
        row.push(x);
      }
      cells.push(row);
    }
  };
  const fs = el('fieldset', { class: 'control control-matrix' }, el('legend', { text }), grid, helpEl);
  const c = {
    el: fs,
    set(v, force) {
      if (!Array.isArray(v) || !v.length || !Array.isArray(v[0])) return;
      const editing = cells.some((r) => r.some((x) => userIsEditing(x)));
      if (v.length !== rows || v[0].length !== cols) {
        if (editing && !force) return;
        build(v.length, v[0].length);
      }
      v.forEach((r, i) =>
        r.forEach((f, j) => {
          const x = cells[i]?.[j];
          if (x && (force || !userIsEditing(x))) x.value = inputNumber(f);
        }),
      );
    },
  };
  if (Array.isArray(value)) c.set(value, true);
  return c;
}

// The custom entry of a kernel's preset menu (preset names are words, so
// they never equal "").
const CUSTOM = '';

function presetLabel(spec, name) {
  return optional(`choice.${spec.name}.${name}`) ?? t('preset.' + name);
}

// cellText shows a kernel weight in a small box: four significant digits
// (1/9 reads 0.1111); the exact value stays in the parameter.
function cellText(x) {
  return String(Number(x.toPrecision(4)));
}

// kernelControl edits a Text param with presets (a convolution kernel): a
// menu of the presets and "custom", a size menu and a k×k grid of cells
// showing the kernel. Choosing a preset sends its name; editing a cell or
// the size sends the rows as text ("a,b,c;d,e,f;g,h,i"), which the lesson
// checks. Cells are tinted by sign and size (blue positive, orange
// negative) so that the kernel's shape reads at a glance.
function kernelControl(spec, emit) {
  const id = 'p-' + spec.name;
  const helpEl = help(spec, id + '-help');
  const text = paramLabel(spec);
  const presets = new Map(spec.presets.map((p) => [p.name, p.rows]));
  const menu = el('select', { id, class: 'kernel-preset', 'aria-describedby': helpEl?.id });
  for (const p of spec.presets) menu.append(el('option', { value: p.name, text: presetLabel(spec, p.name) }));
  menu.append(el('option', { value: CUSTOM, text: t('kernel.custom') }));
  const size = el('select', { id: id + '-size', class: 'kernel-size' });
  for (let k = 1; k <= MAX_KERNEL; k++) size.append(el('option', { value: k, text: t('kernel.sizeOption', { k }) }));
  const grid = el('div', { class: 'kernel-grid' });
  let shown = null; // the parameter value the control shows
  let rows = [];
  let cells = [];

  const sendRows = (r) => emit(spec.name, formatRows(r), true);
  menu.addEventListener('change', () => {
    // "Custom" keeps the numbers and makes them editable text.
    emit(spec.name, menu.value === CUSTOM ? formatRows(rows) : menu.value, true);
  });
  size.addEventListener('change', () => sendRows(resizeSquare(rows, Number(size.value))));

  const tint = () => {
    const top = Math.max(...rows.flat().map(Math.abs));
    cells.forEach((r, i) =>
      r.forEach((x, j) => {
        const v = rows[i][j];
        const a = top > 0 ? (0.3 * Math.abs(v)) / top : 0;
        x.style.backgroundColor = v > 0 ? `rgb(0 114 178 / ${a})` : v < 0 ? `rgb(213 94 0 / ${a})` : '';
      }),
    );
  };

  const build = (k) => {
    grid.style.setProperty('--k', String(k));
    grid.classList.toggle('is-dense', k >= 6);
    grid.replaceChildren();
    cells = [];
    for (let i = 0; i < k; i++) {
      const row = [];
      for (let j = 0; j < k; j++) {
        const cid = `${id}-${i + 1}-${j + 1}`;
        const x = el('input', { type: 'number', id: cid, class: 'num kernel-cell', step: 'any', 'aria-describedby': helpEl?.id });
        x.addEventListener('change', () => {
          // An empty box is 0; text the browser cannot read as a number
          // puts the old value back.
          const v = x.value.trim() === '' && !x.validity.badInput ? 0 : x.valueAsNumber;
          if (!Number.isFinite(v)) {
            x.value = cellText(rows[i][j]);
            return;
          }
          const next = rows.map((r) => r.slice());
          next[i][j] = v;
          sendRows(next);
        });
        grid.append(srLabel(cid, t('control.cell', { label: text, r: i + 1, c: j + 1 })), x);
        row.push(x);
      }
      cells.push(row);
    }
  };

  const fs = el(
    'fieldset',
    { class: 'control control-kernel', 'aria-describedby': helpEl?.id },
    el('legend', { text }),
    el(
      'div',
      { class: 'kernel-bar' },
      srLabel(id, t('kernel.preset', { label: text })),
      menu,
      srLabel(size.id, t('kernel.size', { label: text })),
      size,
    ),
    grid,
    helpEl,
  );
  return {
    el: fs,
    // set shows a preset name or rows text; a box the user is typing in
    // keeps its text unless force (the value the lesson stored after an
    // edit), and the grid is not rebuilt under their cursor.
    set(v, force) {
      if (typeof v !== 'string' || (v === shown && !force)) return;
      const r = presets.get(v) ?? parseRows(v);
      if (!r) return;
      const editing = cells.some((row) => row.some((x) => userIsEditing(x)));
      if (r.length !== cells.length) {
        if (editing && !force) return;
        build(r.length);
      }
      shown = v;
      rows = r.map((row) => row.slice());
      menu.value = presets.has(v) ? v : CUSTOM;
      size.value = String(r.length);
      cells.forEach((row, i) =>
        row.forEach((x, j) => {
          if (force || !userIsEditing(x)) x.value = cellText(rows[i][j]);
        }),
      );
      tint();
    },
  };
}

// Hidden layers, as lesson nn accepts them: 0 to 6 layers of 1 to 16
// neurons. A new layer gets 2 neurons, as in TensorFlow Playground.
const MAX_LAYERS = 6;
const MAX_NEURONS = 16;
const NEW_LAYER = 2;

// parseLayers reads "4,2" into [4, 2] ("" is no hidden layer), or returns
// null for text that is not a list of sizes.
function parseLayers(text) {
  const s = String(text).trim();
  if (s === '') return [];
  const sizes = s.split(',').map((x) => (/^\s*\d+\s*$/.test(x) ? Number(x) : NaN));
  return sizes.every((n) => Number.isInteger(n) && n >= 1) ? sizes : null;
}

// iconButton is a small square button showing a sign, named for assistive
// technology by its aria-label. Disabled buttons stay focusable
// (aria-disabled), so that the focus does not jump away at a limit.
function iconButton(sign, cls, onClick) {
  const b = el('button', { type: 'button', class: `btn btn-icon ${cls}` }, el('span', { 'aria-hidden': 'true', text: sign }));
  b.addEventListener('click', () => {
    if (b.getAttribute('aria-disabled') !== 'true') onClick();
  });
  return b;
}

function setEnabled(button, on) {
  if (on) button.removeAttribute('aria-disabled');
  else button.setAttribute('aria-disabled', 'true');
}

// layersControl edits the hidden layers of a network like TensorFlow
// Playground: a row per layer, "Layer i: [−] n neurons [+]", and buttons
// adding or removing the last layer. Every button sends the rewritten text
// ("4,2"); the text box below takes it typed. Rows are added and removed
// at the end only, so the focused button stays where it is.
function layersControl(spec, emit) {
  const id = 'p-' + spec.name;
  const helpEl = help(spec, id + '-help');
  let sizes = null; // the sizes shown; null before the first value
  // A button press is announced once the lesson has taken the new sizes:
  // the row changed (its index) or, for a layer added or removed, -1.
  let said = null;
  const send = (next, row) => {
    said = row;
    emit(spec.name, next.join(','), true);
  };
  const list = el('ol', { class: 'layers-list' });
  const rows = [];
  const count = el('p', { class: 'layers-count' });
  const status = el('p', { class: 'sr-only', role: 'status' });
  const add = iconButton('+', 'layers-add', () => send([...sizes, NEW_LAYER], -1));
  const remove = iconButton('\u2212', 'layers-remove', () => send(sizes.slice(0, -1), -1));
  const box = el('input', {
    type: 'text',
    id: id + '-text',
    class: 'layers-text',
    maxlength: spec.maxLen || 40,
    spellcheck: 'false',
    autocomplete: 'off',
    'aria-describedby': helpEl?.id,
  });
  box.addEventListener('change', () => emit(spec.name, box.value, true));

  const makeRow = (i) => {
    const name = el('span', { class: 'layers-name' });
    const n = el('span', { class: 'layers-n' });
    const fewer = iconButton('\u2212', 'layers-fewer', () => send(sizes.map((x, j) => (j === i ? x - 1 : x)), i));
    const more = iconButton('+', 'layers-more', () => send(sizes.map((x, j) => (j === i ? x + 1 : x)), i));
    const li = el('li', { class: 'layers-row' }, name, el('span', { class: 'layers-stepper' }, fewer, n, more));
    return { li, name, n, fewer, more };
  };
  const labels = () => {
    rows.forEach((r, i) => {
      r.name.textContent = t('layers.layer', { n: i + 1 });
      r.fewer.setAttribute('aria-label', t('layers.fewer', { n: i + 1 }));
      r.more.setAttribute('aria-label', t('layers.more', { n: i + 1 }));
    });
    add.setAttribute('aria-label', t('layers.add'));
    remove.setAttribute('aria-label', t('layers.remove'));
  };
  const show = (next) => {
    sizes = next;
    while (rows.length < sizes.length) {
      const r = makeRow(rows.length);
      rows.push(r);
      list.append(r.li);
    }
    while (rows.length > sizes.length) rows.pop().li.remove();
    rows.forEach((r, i) => {
      r.n.textContent = t(sizes[i] === 1 ? 'layers.neuron' : 'layers.neurons', { n: sizes[i] });
      setEnabled(r.fewer, sizes[i] > 1);
      setEnabled(r.more, sizes[i] < MAX_NEURONS);
    });
    setEnabled(add, sizes.length < MAX_LAYERS);
    setEnabled(remove, sizes.length > 0);
    count.textContent = t(['layers.none', 'layers.countOne'][sizes.length] ?? 'layers.count', { n: sizes.length });
    list.hidden = sizes.length === 0;
    labels();
    if (said !== null) {
      const r = rows[said];
      status.textContent = r ? `${r.name.textContent}: ${r.n.textContent}` : count.textContent;
      said = null;
    }
  };

  const fs = el(
    'fieldset',
    { class: 'control control-layers', 'aria-describedby': helpEl?.id },
    el('legend', { text: paramLabel(spec) }),
    el('div', { class: 'layers-bar' }, count, el('span', { class: 'layers-stepper' }, remove, add)),
    list,
    el('div', { class: 'layers-typed' }, label(box.id, t('layers.text')), box),
    helpEl,
    status,
  );
  return {
    el: fs,
    set(v, force) {
      if (typeof v !== 'string') return;
      if ((force || !userIsEditing(box)) && box.value !== v) box.value = v;
      const next = parseLayers(v);
      if (next && next.join(',') !== sizes?.join(',')) show(next);
      said = null; // a refused press says nothing
    },
  };
}

// Smallest width of a picture's cell and the gap between cells, in CSS
// pixels (style.css .thumbs).
const THUMB_MIN = 74;
const THUMB_GAP = 6;

// thumbURL is the picture of choice c of param name in a picture menu.
export function thumbURL(name, c) {
  return `img/${name}-${c}.svg`;
}

// thumbnailControl shows a choice as a radio group of pictures
// (img/<param>-<choice>.svg) with their names: arrow keys move between
// them as in any radio group, and the chosen one is outlined.
function thumbnailControl(spec, emit) {
  const id = 'p-' + spec.name;
  const helpEl = help(spec, id + '-help');
  const radios = [];
  const grid = el('div', { class: 'thumbs' });
  (spec.choices || []).forEach((c, i) => {
    const rid = `${id}-${i}`;
    const r = el('input', { type: 'radio', name: id, id: rid, value: c, class: 'thumb-input' });
    r.addEventListener('change', () => r.checked && emit(spec.name, c, true));
    radios.push(r);
    const img = el('img', { src: thumbURL(spec.name, c), alt: '', width: 64, height: 64, class: 'thumb-img', draggable: 'false' });
    grid.append(r, el('label', { for: rid, class: 'thumb' }, img, el('span', { class: 'thumb-name', text: choiceLabel(spec, c) })));
  });
  // As many columns as fit (THUMB_MIN px each), then balanced so that the
  // last row is not left with one picture: 9 make 5 + 4 or 3 × 3.
  let lastWidth = -1;
  new ResizeObserver(() => {
    const w = grid.clientWidth;
    if (w === lastWidth || !w) return;
    lastWidth = w;
    const n = radios.length;
    const fit = Math.max(1, Math.min(n, Math.floor((w + THUMB_GAP) / (THUMB_MIN + THUMB_GAP))));
    grid.style.setProperty('--cols', String(Math.ceil(n / Math.ceil(n / fit))));
  }).observe(grid);
  const fs = el(
    'fieldset',
    { class: 'control control-thumbs', 'aria-describedby': helpEl?.id },
    el('legend', { text: paramLabel(spec) }),
    grid,
    helpEl,
  );
  return {
    el: fs,
    set(v) {
      for (const r of radios) r.checked = r.value === v;
    },
  };
}

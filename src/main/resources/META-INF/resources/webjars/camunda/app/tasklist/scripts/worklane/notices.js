// Worklane's notices: Bootstrap alerts stacked at the top right, under the header, where Tasklist shows its own.

import { h, icon } from '../../../worklane/common/dom.js';

let container = null;
const shown = new Map();

function box() {
  if (!container || !container.isConnected) {
    container = h('div', { className: 'worklane-notices', role: 'status', 'aria-live': 'polite' });
    document.body.appendChild(container);
  }
  return container;
}

/**
 * Shows (or replaces) the notice with this key.
 * kind: 'info' | 'success' | 'warning' | 'danger'; action: { label, run, kind } for one button (kind: a Bootstrap
 * button style, default 'default'); seconds: hides itself
 * after that many seconds (none: stays until dismissed or replaced).
 */
export function notify({ key, kind = 'info', title, text, action, seconds, glyph }) {
  dismiss(key);
  const close = h('button', { type: 'button', className: 'close', 'aria-label': 'Close', onclick: () => dismiss(key) },
    '×');
  const alert = h('div', { className: `alert alert-${kind} worklane-notice`, role: 'alert', dataset: { notice: key } },
    close,
    glyph ? icon(glyph) : null,
    title ? h('strong', {}, ' ', title) : null,
    text ? h('div', { className: 'worklane-notice-text' }, text) : null,
    action ? h('div', { className: 'worklane-notice-action' },
      h('button', {
        type: 'button',
        className: `btn btn-sm btn-${action.kind || 'default'}`,
        onclick: action.run
      }, action.label)) : null);
  box().appendChild(alert);
  const entry = { alert, timer: seconds ? setTimeout(() => dismiss(key), seconds * 1000) : null };
  shown.set(key, entry);
  return alert;
}

export function dismiss(key) {
  const entry = shown.get(key);
  if (entry) {
    clearTimeout(entry.timer);
    entry.alert.remove();
    shown.delete(key);
  }
}

export function isShown(key) {
  return shown.has(key);
}

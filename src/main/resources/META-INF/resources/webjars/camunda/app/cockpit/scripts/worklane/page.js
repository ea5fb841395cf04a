// What the Worklane pages share: a route plugin that Cockpit mounts and unmounts, the page frame in Cockpit's
// look (section, header, tabs) and a place for messages.

import { SESSION_ENDED } from '../../../worklane/common/http.js';
import { h, fill, icon } from '../../../worklane/common/dom.js';

/**
 * A cockpit.route plugin. Cockpit calls unmount() without arguments, once per render(), when the route's view goes;
 * the pages are disposed in the order they were rendered, whichever of the two calls comes first on a route change.
 */
export function routePlugin(id, path, create) {
  const pages = [];
  return {
    id,
    pluginPoint: 'cockpit.route',
    priority: 0,
    properties: { path },
    render(node, { api } = {}) {
      pages.push(create(node, api || {}));
    },
    unmount() {
      const page = pages.shift();
      if (page && page.dispose) {
        page.dispose();
      }
    }
  };
}

const TABS = [['queue', 'Work queue', '#/worklane/queue'], ['agents', 'Agents', '#/worklane/agents'],
  ['rules', 'Rule versions', '#/worklane/rules'], ['wallboard', 'Wallboard', '#/worklane/wallboard'],
  ['reports', 'Reports', '#/worklane/reports'], ['webhooks', 'Webhooks', '#/worklane/webhooks'],
  ['whatif', 'What-if', '#/worklane/whatif']];

/** The frame of a page: title, tabs, messages and a body. Returns { body, messages, title }. */
export function frame(node, { className, title, tab }) {
  const heading = h('h1', { className: 'section-title' }, title);
  const messages = h('div', { className: 'worklane-messages', role: 'status', 'aria-live': 'polite' });
  const body = h('div', { className: 'worklane-body' });
  const tabs = h('ul', { className: 'nav nav-tabs' }, TABS.map(([key, label, href]) =>
    h('li', { className: key === tab ? 'active' : '' }, h('a', { href }, label))));
  node.appendChild(h('div', { className: `ctn-view worklane-page ${className}` },
    h('section', { className: 'worklane-section' },
      h('div', { className: 'inner' },
        h('header', { className: 'worklane-header' }, heading, tabs),
        messages,
        body))));
  return { body, messages, heading };
}

/** A dismissable Bootstrap alert in the messages area; kind: success, info, warning, danger. */
export function say(messages, kind, ...content) {
  const alert = h('div', { className: `alert alert-${kind} worklane-alert`, role: 'alert' },
    h('button', { type: 'button', className: 'close', 'aria-label': 'Close', onclick: () => alert.remove() },
      h('span', { 'aria-hidden': 'true' }, '×')),
    content);
  if (kind !== 'danger') {
    // one at a time of the passing kind; errors stay until read
    messages.querySelectorAll('.worklane-alert:not(.alert-danger)').forEach(old => old.remove());
  }
  messages.appendChild(alert);
  return alert;
}

/** An error for the user: the server's words; a session that ended links to the login. */
export function sayError(messages, error, what) {
  if (error && error.sessionEnded) {
    messages.replaceChildren();
    return say(messages, 'danger', SESSION_ENDED, ' ',
      h('a', { href: location.pathname, onclick: () => location.reload() }, 'Log in'));
  }
  const text = error && error.message ? error.message : String(error);
  return say(messages, 'danger', what ? h('strong', {}, what, ': ') : null, text);
}

/** "Loading…" in a node. */
export function loading(node, text = 'Loading…') {
  return fill(node, h('p', { className: 'text-muted worklane-loading' }, icon('refresh'), ' ', text));
}

/** The id in the route #/worklane/<page>/<id>. */
export function idFromHash(page) {
  const match = location.hash.match(new RegExp(`^#/worklane/${page}/([^/?]+)`));
  return match ? decodeURIComponent(match[1]) : null;
}

/** A label for an item state, coloured like Bootstrap's labels. */
export function stateClass(state) {
  switch (state) {
    case 'QUEUED': return 'label-primary';
    case 'OFFERED': case 'IN_PROGRESS': case 'AWAITING_CONFIRMATION': return 'label-info';
    case 'PARKED': case 'HELD': case 'SCHEDULED': return 'label-warning';
    case 'COMPLETED': return 'label-success';
    case 'REJECTED': case 'CANCELED': return 'label-default';
    default: return 'label-default';
  }
}

// Navbar: the agent's presence (READY, NOT_READY with a reason, LOGGED_OUT), how long they have been in it, and
// one click back to READY. Also the notices about the agent's work: a new offer or item, a missed offer (RONA),
// the end of the session.

import { changePresence, watch } from './agent.js';
import { serverNow } from '../../../worklane/common/http.js';
import { fill, h, icon, instances } from '../../../worklane/common/dom.js';
import { dropdown } from './dropdown.js';
import { clock, presenceLabel } from '../../../worklane/common/format.js';
import { dismiss, notify } from './notices.js';
import { itemNotices } from './offers.js';

const RONA = 'RONA';

async function choose(change) {
  try {
    await changePresence(change);
    if (change.state === 'READY') {
      dismiss('rona');
    }
  } catch (error) {
    notify({ key: 'presence-error', kind: 'danger', title: 'Your presence was not changed.', text: error.message,
      seconds: 10 });
  }
}

const goReady = () => choose({ state: 'READY' });

function dotClass(presence) {
  if (presence.state === 'READY') {
    return 'worklane-dot worklane-dot-ready';
  }
  return presence.reason === RONA ? 'worklane-dot worklane-dot-rona'
    : presence.state === 'LOGGED_OUT' ? 'worklane-dot worklane-dot-off' : 'worklane-dot worklane-dot-busy';
}

const mounted = instances();

function render(node, plugin, scope) {
  const { alive, onStop } = mounted.add(node);
  const dot = h('span', { className: 'worklane-dot' });
  const label = h('span', { className: 'worklane-presence-state' });
  const reason = h('span', { className: 'worklane-presence-reason' });
  const elapsed = h('span', { className: 'worklane-presence-clock', title: 'Time in this state' });
  const menu = h('ul', { className: 'dropdown-menu worklane-menu worklane-presence-menu' });
  const control = dropdown({
    className: 'worklane-presence',
    title: 'Your presence: whether Worklane offers you work',
    toggle: [dot, ' ', label, reason, ' ', elapsed, ' ', h('span', { className: 'caret' })],
    menu
  });
  const ready = h('button', {
    type: 'button', className: 'btn btn-success btn-sm navbar-btn worklane-go-ready', onclick: goReady,
    title: 'Receive work again'
  }, icon('play'), ' Go ready');
  const wrapper = h('div', { className: 'worklane-navbar-item worklane-presence-item' }, control.root, ready);
  node.appendChild(wrapper);
  let since = null;
  let reasonsShown = '';

  const menuFor = (presence, reasons) => {
    const item = (text, change, active, attributes) => h('li', { className: active ? 'active' : '' },
      h('a', { href: '', ...attributes, onclick: event => {
        event.preventDefault();
        control.close();
        choose(change);
      } }, text));
    fill(menu,
      h('li', { className: 'dropdown-header' }, 'Your presence'),
      item([h('span', { className: 'worklane-dot worklane-dot-ready' }), ' Ready'], { state: 'READY' },
        presence.state === 'READY', { 'data-presence': 'READY' }),
      h('li', { className: 'divider', role: 'separator' }),
      h('li', { className: 'dropdown-header' }, 'Not ready, because of'),
      reasons.map(name => item([h('span', { className: 'worklane-dot worklane-dot-busy' }), ' ', name],
        { state: 'NOT_READY', reason: name }, presence.state === 'NOT_READY' && presence.reason === name,
        { 'data-reason': name })));
  };

  const tick = () => {
    if (since) {
      elapsed.textContent = clock((serverNow() - since) / 1000);
    }
  };

  let stop = null;
  const update = state => {
    if (!alive()) {
      stop && stop();
      return;
    }
    itemNotices(state, goReady);
    if (state.status !== 'agent' || !state.agent) {
      // no agent profile (e.g. a supervisor), not logged in or not loaded yet: nothing to show
      wrapper.hidden = state.status !== 'agent';
      return;
    }
    wrapper.hidden = false;
    const presence = state.agent.presence;
    dot.className = dotClass(presence);
    label.textContent = presenceLabel(presence.state);
    reason.textContent = presence.state === 'NOT_READY' && presence.reason
      ? ` · ${presence.reason === RONA ? 'missed an offer' : presence.reason}` : '';
    control.toggle.classList.toggle('worklane-presence-rona', presence.reason === RONA);
    since = Date.parse(presence.since);
    ready.hidden = presence.state === 'READY';
    const shown = `${presence.state}|${presence.reason}|${state.reasons.join('|')}`;
    if (shown !== reasonsShown) {
      reasonsShown = shown;
      menuFor(presence, state.reasons);
    }
    tick();
  };
  wrapper.hidden = true;
  stop = watch(plugin, scope, update);
  const ticking = setInterval(() => {
    if (!alive()) {
      clearInterval(ticking);
      stop();
      return;
    }
    tick();
  }, 1000);
  onStop(() => {
    clearInterval(ticking);
    stop();
  });
}

export default {
  id: 'worklane-presence',
  pluginPoint: 'tasklist.navbar.action',
  priority: 500,
  render,
  unmount: mounted.unmount,
  properties: { label: 'Presence' }
};

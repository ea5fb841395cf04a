// Navbar: "My day", a panel with the agent's day so far (GET /api/agents/{me}/day in the user's time zone):
// items handled, average handle time, answers to offers, time per presence, load against capacity.

import { me, watch } from './agent.js';
import { get, seg } from '../../../worklane/common/http.js';
import { fill, h, icon, instances } from '../../../worklane/common/dom.js';
import { dropdown } from './dropdown.js';
import { duration, humanize, number, timeZone } from '../../../worklane/common/format.js';

const REFRESH_MS = 15000;
const MEDIA = { workitem: 'Work items' };
const NO_REASON = 'none';

const dayFormat = new Intl.DateTimeFormat(undefined, { weekday: 'long', month: 'long', day: 'numeric' });

function row(label, value, key) {
  return h('tr', { dataset: { stat: key } }, h('th', { scope: 'row' }, label), h('td', {}, value));
}

function show(body, day) {
  // reasons with no time today say nothing
  const notReady = Object.entries(day.notReadySeconds || {}).filter(([, seconds]) => seconds > 0);
  const load = Object.entries(day.load || {});
  fill(body,
    h('p', { className: 'text-muted small worklane-day-date' },
      `${dayFormat.format(new Date(`${day.date}T12:00:00Z`))} · ${day.zone}`),
    h('table', { className: 'table table-condensed worklane-day-table' },
      h('tbody', {},
        row('Handled', number(day.handled), 'handled'),
        row('Average handle time', day.averageHandleSeconds === null || day.averageHandleSeconds === undefined
          ? '—' : duration(day.averageHandleSeconds), 'average'),
        row('Offers accepted', number(day.accepted), 'accepted'),
        row('Offers declined', number(day.declined), 'declined'),
        row('Offers missed (RONA)', number(day.rona), 'rona'))),
    h('h6', { className: 'worklane-panel-subtitle' }, 'Time by presence'),
    h('table', { className: 'table table-condensed worklane-day-table' },
      h('tbody', {},
        row([h('span', { className: 'worklane-dot worklane-dot-ready' }), ' Ready'], duration(day.readySeconds),
          'ready'),
        notReady.length ? notReady.map(([reason, seconds]) => row(
          [h('span', { className: 'worklane-dot worklane-dot-busy' }),
            ` Not ready · ${reason === NO_REASON ? 'no reason given' : reason === 'RONA' ? 'missed an offer' : reason}`],
          duration(seconds), `not-ready-${reason}`))
          : row([h('span', { className: 'worklane-dot worklane-dot-busy' }), ' Not ready'], duration(0), 'not-ready'))),
    h('h6', { className: 'worklane-panel-subtitle' }, 'Load'),
    load.length ? load.map(([media, value]) => {
      const capacity = value.capacity || 0;
      const share = capacity ? Math.min(100, Math.round((value.items / capacity) * 100)) : 0;
      return h('div', { className: 'worklane-load', dataset: { media } },
        h('div', { className: 'worklane-load-label' },
          h('span', {}, MEDIA[media] || humanize(media)),
          h('span', { className: 'worklane-load-figures' },
            capacity ? `${value.items} of ${capacity}` : `${value.items} (no capacity set)`)),
        h('div', { className: 'progress' },
          h('div', {
            className: `progress-bar ${share >= 100 ? 'progress-bar-warning' : 'progress-bar-info'}`, role: 'progressbar',
            'aria-valuenow': value.items, 'aria-valuemin': 0, 'aria-valuemax': capacity, style: { width: `${share}%` }
          })));
    }) : h('p', { className: 'worklane-empty' }, 'No capacity is set for you.'));
}

const mounted = instances();

function render(node, plugin, scope) {
  const { alive, onStop } = mounted.add(node);
  const body = h('div', { className: 'worklane-day-body' }, h('p', { className: 'text-muted' }, 'Loading…'));
  const panel = h('div', { className: 'dropdown-menu worklane-panel worklane-day-panel' },
    h('h5', { className: 'worklane-panel-title' }, icon('stats'), ' My day'), body);
  let timer = null;
  const load = () => {
    clearTimeout(timer);
    if (!alive() || !me()) {
      return;
    }
    get(`/api/agents/${seg(me())}/day?zone=${encodeURIComponent(timeZone)}`)
      .then(day => show(body, day))
      .catch(error => fill(body, h('p', { className: 'text-danger' }, error.message)))
      .finally(() => {
        if (control.root.classList.contains('open')) {
          timer = setTimeout(load, REFRESH_MS);
        }
      });
  };
  const control = dropdown({
    className: 'worklane-day', title: 'What you did today', toggle: [icon('stats'), ' My day'], menu: panel,
    onOpen: load
  });
  const wrapper = h('div', { className: 'worklane-navbar-item' }, control.root);
  wrapper.hidden = true;
  node.appendChild(wrapper);

  let handledSignature = null;
  let stop = null;
  stop = watch(plugin, scope, state => {
    if (!alive()) {
      stop && stop();
      clearTimeout(timer);
      return;
    }
    wrapper.hidden = state.status !== 'agent' || !state.agent;
    if (!state.agent) {
      return;
    }
    // items or presence changed while the panel is open: show the new figures
    const signature = `${state.agent.items.map(item => item.id + item.state).join()}|${state.agent.presence.state}`
      + `|${state.agent.presence.reason}`;
    if (signature !== handledSignature) {
      handledSignature = signature;
      if (control.root.classList.contains('open')) {
        load();
      }
    }
  });
  onStop(() => {
    stop();
    clearTimeout(timer);
  });
}

export default {
  id: 'worklane-my-day',
  pluginPoint: 'tasklist.navbar.action',
  priority: 498,
  render,
  unmount: mounted.unmount,
  properties: { label: 'My day' }
};

// Navbar: "Workbin" with the number of parked items always in sight, and a panel listing each of them with a Pull
// button that brings it back into handling (a new "Handle work item" task in the list).

import { me, pollNow, refreshTasklist, watch } from './agent.js';
import { get, post, seg } from '../../../worklane/common/http.js';
import { fill, h, icon, instances } from '../../../worklane/common/dom.js';
import { dropdown } from './dropdown.js';
import { dateTime, relative } from '../../../worklane/common/format.js';
import { notify } from './notices.js';

function parkedIds(agent) {
  return agent.items.filter(item => item.state === 'PARKED').map(item => item.id).sort().join(',');
}

function customer(item) {
  const person = [item.name, item.surname].filter(Boolean).join(' ');
  return person || item.customerId || '';
}

const mounted = instances();

function render(node, plugin, scope) {
  const { alive, onStop } = mounted.add(node);
  const badge = h('span', { className: 'badge worklane-workbin-count' }, '0');
  const list = h('div', { className: 'worklane-workbin-list' });
  const panel = h('div', { className: 'dropdown-menu worklane-panel worklane-workbin-panel' },
    h('h5', { className: 'worklane-panel-title' }, icon('inbox'), ' My workbin'),
    h('p', { className: 'text-muted small' }, 'Items you parked stay yours. Pull one to work on it again.'),
    list);
  const control = dropdown({
    className: 'worklane-workbin', title: 'Your parked items',
    toggle: [icon('inbox'), ' Workbin ', badge], menu: panel, onOpen: () => load()
  });
  const wrapper = h('div', { className: 'worklane-navbar-item' }, control.root);
  wrapper.hidden = true;
  node.appendChild(wrapper);

  let shownIds = null;
  let loading = null;

  const pull = async (item, button) => {
    button.disabled = true;
    try {
      await post(`/api/agents/${seg(me())}/items/${seg(item.id)}/pull`);
      control.close();
      notify({ key: `pulled-${item.id}`, kind: 'success', glyph: 'ok',
        title: `${item.externalId || 'The item'} is back in your task list.`, seconds: 8 });
      refreshTasklist();
      pollNow();
    } catch (error) {
      button.disabled = false;
      notify({ key: `pull-${item.id}`, kind: 'danger', title: 'The item was not pulled.', text: error.message,
        seconds: 10 });
    }
  };

  const show = items => {
    if (!items.length) {
      fill(list, h('p', { className: 'worklane-empty' }, 'Your workbin is empty.'));
      return;
    }
    fill(list, h('ul', { className: 'list-group' }, items.map(item => {
      const button = h('button', { type: 'button', className: 'btn btn-primary btn-xs worklane-pull' }, 'Pull');
      button.addEventListener('click', event => {
        event.stopPropagation();
        pull(item, button);
      });
      return h('li', { className: 'list-group-item worklane-workbin-item', dataset: { itemId: item.id } },
        h('div', { className: 'worklane-workbin-action' }, button),
        h('div', { className: 'worklane-workbin-name' },
          h('strong', {}, item.externalId || item.id), customer(item) ? ` · ${customer(item)}` : '',
          item.requestType ? ` · ${item.requestType}` : ''),
        h('div', { className: 'small text-muted' },
          item.parkedAt ? `Parked ${dateTime(item.parkedAt)}` : 'Parked',
          item.dueAt ? ' · ' : '',
          item.dueAt ? h('span', { className: item.overdue ? 'text-danger' : '' },
            item.overdue ? `Overdue: was due ${relative(item.dueAt)}` : `Due ${relative(item.dueAt)}`)
            : null));
    })));
  };

  const load = () => {
    if (!me()) {
      return;
    }
    loading = loading || get(`/api/agents/${seg(me())}/workbin`)
      .then(show)
      .catch(error => fill(list, h('p', { className: 'text-danger' }, error.message)))
      .finally(() => { loading = null; });
  };

  let stop = null;
  stop = watch(plugin, scope, state => {
    if (!alive()) {
      stop && stop();
      return;
    }
    if (state.status !== 'agent' || !state.agent) {
      wrapper.hidden = state.status !== 'agent';
      return;
    }
    wrapper.hidden = false;
    const parked = state.agent.items.filter(item => item.state === 'PARKED').length;
    badge.textContent = String(parked);
    badge.classList.toggle('worklane-badge-attention', parked > 0);
    const ids = parkedIds(state.agent);
    if (ids !== shownIds) {
      shownIds = ids;
      load();
    }
  });
  onStop(stop);
}

export default {
  id: 'worklane-workbin',
  pluginPoint: 'tasklist.navbar.action',
  priority: 499,
  render,
  unmount: mounted.unmount,
  properties: { label: 'Workbin' }
};

// The agents board (#/worklane/agents): the agents of the supervisor's departments (the API scopes it) with presence,
// reason, time in state, load against capacity, skills and answer mode; the supervisor sets an agent's presence and
// edits the profile (PUT /api/agents/{id}: the server refuses, in words, what is not theirs to change).

import { get, put, seg, serverNow } from '../../../worklane/common/http.js';
import { fill, h, icon } from '../../../worklane/common/dom.js';
import { clock, dateTime, number, presenceLabel } from '../../../worklane/common/format.js';
import { frame, loading, routePlugin, say, sayError } from './page.js';

const PRESENCES = ['READY', 'NOT_READY', 'LOGGED_OUT'];
const PRESENCE_CLASS = { READY: 'label-success', NOT_READY: 'label-warning', LOGGED_OUT: 'label-default' };

function createPage(node) {
  const { body, messages } = frame(node, { className: 'worklane-agents', title: 'Agents', tab: 'agents' });
  let disposed = false;
  let reasons = null;
  let agents = [];
  const editing = new Set();

  const presence = h('select', { className: 'form-control input-sm', name: 'presence', 'aria-label': 'Presence' },
    h('option', { value: '' }, 'Any presence'), PRESENCES.map(state => h('option', { value: state },
      presenceLabel(state))));
  const skill = h('input', { type: 'text', className: 'form-control input-sm', name: 'skill', placeholder: 'Skill',
    'aria-label': 'Skill' });
  const text = h('input', { type: 'search', className: 'form-control input-sm', name: 'q',
    placeholder: 'Name or id', 'aria-label': 'Name or id' });
  const filter = h('form', { className: 'form-inline worklane-filter', onsubmit: event => {
    event.preventDefault();
    load();
  } }, text, ' ', presence, ' ', skill, ' ',
  h('button', { type: 'submit', className: 'btn btn-primary btn-sm worklane-search' }, icon('search'), ' Search'));
  const summary = h('p', { className: 'worklane-summary text-muted' });
  const table = h('table', { className: 'cam-table table table-condensed worklane-agents-table' });
  const results = h('div', {});
  fill(body, filter, results);

  async function load() {
    if (agents.length === 0) {
      loading(results);
    }
    const params = new URLSearchParams();
    [['presence', presence.value], ['skill', skill.value.trim()], ['q', text.value.trim()]]
      .filter(([, value]) => value).forEach(([key, value]) => params.set(key, value));
    try {
      agents = await get(`/api/agents?${params}`);
    } catch (error) {
      fill(results);
      sayError(messages, error, 'Agents');
      return;
    }
    if (disposed) {
      return;
    }
    if (reasons === null && agents.length > 0) {
      // the reasons a person may choose are configured for all agents: read them once
      try {
        reasons = (await get(`/api/agents/${seg(agents[0].id)}/presence`)).notReadyReasons || [];
      } catch (error) {
        reasons = [];
      }
    }
    editing.clear();
    fill(summary, agents.length === 0 ? 'No agent matches.' : `${number(agents.length)} agent(s).`);
    fill(table,
      h('thead', {}, h('tr', {}, ['Agent', 'Presence', 'In state for', 'Load', 'Skills', 'Answer mode', 'Set presence',
        ''].map(label => h('th', {}, label)))),
      h('tbody', {}, agents.map(agent => rowNode(agent))));
    fill(results, summary, table);
    tick();
  }

  function rowNode(agent) {
    const state = agent.presence ? agent.presence.state : 'LOGGED_OUT';
    const mediaTypes = [...new Set([...Object.keys(agent.capacity || {}), ...Object.keys(agent.load || {})])].sort();
    const row = h('tr', { dataset: { agent: agent.id } },
      h('td', {}, h('strong', {}, agent.displayName || agent.id), h('div', { className: 'small text-muted' }, agent.id,
        (agent.groups || []).length ? ` · ${agent.groups.join(', ')}` : '')),
      h('td', { className: 'worklane-presence' }, h('span', { className: `label ${PRESENCE_CLASS[state] || 'label-default'}` },
        presenceLabel(state)), agent.presence && agent.presence.reason
        ? h('div', { className: 'small worklane-reason' }, agent.presence.reason) : null),
      h('td', {}, agent.presence && agent.presence.since ? h('span', { className: 'worklane-since',
        dataset: { since: agent.presence.since }, title: dateTime(agent.presence.since) }) : '—'),
      h('td', { className: 'worklane-load' }, mediaTypes.length === 0 ? '—' : mediaTypes.map(type => {
        const load = (agent.load || {})[type] || 0;
        const capacity = (agent.capacity || {})[type] || 0;
        return h('div', { className: load >= capacity && capacity > 0 ? 'text-danger' : '' },
          `${type} ${number(load)} / ${number(capacity)}`);
      })),
      h('td', { className: 'worklane-skills' }, Object.keys(agent.skills || {}).length === 0 ? '—'
        : Object.entries(agent.skills).sort().map(([name, level]) => h('span', { className: 'worklane-skill' },
          name, ' ', h('span', { className: 'badge' }, String(level))))),
      h('td', {}, agent.answerMode || h('span', { className: 'text-muted' }, 'department default')),
      h('td', {}, presenceControl(agent)),
      h('td', {}, h('button', { type: 'button', className: 'btn btn-default btn-sm worklane-edit-agent',
        onclick: () => toggleEditor(agent, row) }, icon('pencil'), ' Edit')));
    return row;
  }

  function presenceControl(agent) {
    const choice = h('select', { className: 'form-control input-sm', name: 'presenceChoice',
      'aria-label': `Presence of ${agent.id}` },
    h('option', { value: 'READY' }, 'Ready'),
    (reasons || []).map(reason => h('option', { value: `NOT_READY:${reason}` }, `Not ready: ${reason}`)));
    const current = agent.presence || { state: 'LOGGED_OUT' };
    const value = current.state === 'NOT_READY' ? `NOT_READY:${current.reason}` : current.state;
    if (![...choice.options].some(option => option.value === value)) {
      // a state no one chooses here (logged out, not ready without a listed reason): shown, not offered
      choice.insertBefore(h('option', { value, disabled: true }, current.state === 'NOT_READY'
        ? `Not ready${current.reason ? `: ${current.reason}` : ''}` : presenceLabel(current.state)), choice.firstChild);
    }
    choice.value = value;
    return h('form', { className: 'form-inline worklane-presence-form', onsubmit: async event => {
      event.preventDefault();
      const [state, ...reason] = choice.value.split(':');
      const bodyOf = state === 'READY' ? { state } : { state, reason: reason.join(':') };
      try {
        await put(`/api/agents/${seg(agent.id)}/presence`, bodyOf);
        say(messages, 'success', `${agent.displayName || agent.id} is now ${presenceLabel(state)}`
          + `${bodyOf.reason ? ` (${bodyOf.reason})` : ''}.`);
      } catch (error) {
        sayError(messages, error, `Presence of ${agent.id}`);
      }
      load();
    } }, choice, ' ', h('button', { type: 'submit', className: 'btn btn-default btn-sm worklane-set-presence' }, 'Set'));
  }

  // ---- the profile editor, in a row below the agent ----
  function toggleEditor(agent, row) {
    const open = row.nextElementSibling && row.nextElementSibling.classList.contains('worklane-editor-row')
      ? row.nextElementSibling : null;
    if (open) {
      open.remove();
      editing.delete(agent.id);
      return;
    }
    editing.add(agent.id);
    row.after(h('tr', { className: 'worklane-editor-row', dataset: { agent: agent.id } },
      h('td', { colSpan: '8' }, editor(agent))));
  }

  function editor(agent) {
    const displayName = h('input', { type: 'text', className: 'form-control input-sm', name: 'displayName',
      value: agent.displayName || '', maxlength: '200' });
    const skills = pairs(agent.skills, 'Skill', 'Level (0–10)', 'skill');
    const capacity = pairs(agent.capacity, 'Media type', 'Items at once', 'capacity');
    const groups = h('input', { type: 'text', className: 'form-control input-sm', name: 'groups',
      value: (agent.groups || []).join(', ') });
    const answerMode = h('select', { className: 'form-control input-sm', name: 'answerMode' },
      h('option', { value: '' }, 'As the department configures'), h('option', { value: 'AUTO' }, 'AUTO (assigned)'),
      h('option', { value: 'MANUAL' }, 'MANUAL (offered, accept or decline)'));
    answerMode.value = agent.answerMode || '';
    const problem = h('div', { className: 'worklane-editor-problem' });
    const field = (label, input) => h('div', { className: 'form-group' },
      h('label', { className: 'col-sm-2 control-label' }, label), h('div', { className: 'col-sm-10' }, input));
    return h('form', { className: 'form-horizontal worklane-agent-editor', onsubmit: async event => {
      event.preventDefault();
      let profile;
      try {
        profile = {
          displayName: displayName.value.trim(),
          skills: skills.read(),
          capacity: capacity.read(),
          groups: groups.value.split(',').map(group => group.trim()).filter(Boolean),
          answerMode: answerMode.value || null
        };
      } catch (invalid) {
        fill(problem, h('div', { className: 'alert alert-warning' }, invalid.message));
        return;
      }
      try {
        await put(`/api/agents/${seg(agent.id)}`, profile);
        say(messages, 'success', `Profile of ${profile.displayName || agent.id} saved.`);
        load();
      } catch (error) {
        // the server's refusal, in its words, where the supervisor is editing
        fill(problem, h('div', { className: 'alert alert-danger worklane-refusal' }, error.message));
        if (error.sessionEnded) {
          sayError(messages, error);
        }
      }
    } },
    h('h4', {}, `Profile of ${agent.id}`),
    field('Display name', displayName), field('Skills', skills.node), field('Capacity', capacity.node),
    field('Groups', groups), field('Answer mode', answerMode), problem,
    h('div', { className: 'form-group' }, h('div', { className: 'col-sm-offset-2 col-sm-10' },
      h('button', { type: 'submit', className: 'btn btn-primary btn-sm worklane-save-agent' }, 'Save profile'), ' ',
      h('button', { type: 'button', className: 'btn btn-default btn-sm', onclick: event => {
        const row = event.target.closest('tr');
        editing.delete(agent.id);
        row.remove();
      } }, 'Cancel'))));
  }

  /** Rows of name + whole number (skills, capacity) with add and remove. read() throws on a bad number. */
  function pairs(values, nameLabel, numberLabel, kind) {
    const list = h('div', { className: `worklane-pairs worklane-pairs-${kind}` });
    const add = (name = '', value = '') => {
      const nameInput = h('input', { type: 'text', className: 'form-control input-sm', name: `${kind}Name`,
        placeholder: nameLabel, 'aria-label': nameLabel, value: name });
      const valueInput = h('input', { type: 'number', className: 'form-control input-sm worklane-pair-number',
        name: `${kind}Value`, placeholder: numberLabel, 'aria-label': numberLabel, step: '1', min: '0',
        value: String(value) });
      const line = h('div', { className: 'form-inline worklane-pair' }, nameInput, ' ', valueInput, ' ',
        h('button', { type: 'button', className: 'btn btn-link btn-sm', title: 'Remove',
          onclick: () => line.remove() }, icon('remove')));
      list.appendChild(line);
    };
    Object.entries(values || {}).forEach(([name, value]) => add(name, value));
    return {
      node: h('div', {}, list, h('button', { type: 'button', className: `btn btn-link btn-sm worklane-add-${kind}`,
        onclick: () => add() }, icon('plus'), ` Add ${nameLabel.toLowerCase()}`)),
      read() {
        const result = {};
        for (const line of list.querySelectorAll('.worklane-pair')) {
          const [nameInput, valueInput] = line.querySelectorAll('input');
          const name = nameInput.value.trim();
          if (!name && !valueInput.value) {
            continue;
          }
          if (!name || !/^\d+$/.test(valueInput.value.trim())) {
            throw new Error(`${nameLabel} “${name || '?'}”: give a name and a whole number.`);
          }
          result[name] = Number(valueInput.value.trim());
        }
        return result;
      }
    };
  }

  // ---- time in state, ticking ----
  function tick() {
    for (const span of table.querySelectorAll('.worklane-since')) {
      span.textContent = clock((serverNow() - Date.parse(span.dataset.since)) / 1000);
    }
  }
  const ticker = setInterval(() => {
    if (!disposed) {
      tick();
    }
  }, 1000);

  load();
  return {
    dispose() {
      disposed = true;
      clearInterval(ticker);
    }
  };
}

export default routePlugin('worklane-agents-page', '/worklane/agents', createPage);

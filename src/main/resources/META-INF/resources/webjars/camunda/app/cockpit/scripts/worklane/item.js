// One work item (#/worklane/item/<id>): its attributes, custom attributes and context data (rendered from the data),
// why it is still waiting (the routing record), its history as a timeline, the customer's other items, a link to
// its process instance, and the supervisor's actions on it.

import { get, patch, post, put, seg } from '../../../worklane/common/http.js';
import { fill, h, icon } from '../../../worklane/common/dom.js';
import { actorLabel, dateTime, eventLabel, humanize, instantOfLocalInput, itemStateLabel, localInputValue, number,
  relative } from '../../../worklane/common/format.js';
import { compactNode, fieldsTable, isEmpty, valueNode } from '../../../worklane/common/values.js';
import { applyTo, priorityOptions } from './actions.js';
import { frame, idFromHash, loading, routePlugin, say, sayError, stateClass } from './page.js';

const ENDED = ['COMPLETED', 'CANCELED', 'REJECTED'];
const CORE_FIELDS = ['externalId', 'sourceSystem', 'state', 'department', 'process', 'customerId', 'name', 'surname',
  'customerSegment', 'product', 'subproduct', 'requestType', 'dealValue', 'description', 'contactNumber',
  'alternativeContactNumber', 'mediaType', 'priority', 'prioritySchema', 'priorityOverride', 'nextReprioritizationAt',
  'requiredSkill', 'targetLevel', 'targetExpression', 'nextTargetExpansionAt', 'preferredAgent', 'assignee',
  'transferTarget', 'capturedAt', 'activationAt', 'queuedAt', 'assignedAt', 'parkedAt', 'offerExpiresAt', 'heldAt',
  'dueAt', 'overdue', 'overdueAt', 'businessCalendar', 'doneAt', 'disposition', 'completedAt', 'canceledAt',
  'rejectionReason', 'restartCount', 'sourceUrl', 'id'];
// the fields the supervisor may change here (a merge patch; an empty field clears it)
const EDITABLE = [['customerSegment', 'Customer segment', 'text'], ['product', 'Product', 'text'],
  ['requestType', 'Request type', 'text'], ['dueAt', 'Due', 'datetime-local'],
  ['description', 'Description', 'textarea']];

function createPage(node, api) {
  const id = idFromHash('item');
  const { body, messages, heading } = frame(node, { className: 'worklane-item', title: 'Work item', tab: 'queue' });
  let disposed = false;

  async function load() {
    loading(body);
    let item;
    try {
      item = await get(`/api/work-items/${seg(id)}`);
    } catch (error) {
      fill(body, h('p', {}, h('a', { href: '#/worklane/queue' }, icon('arrow-left'), ' Back to the queue')));
      sayError(messages, error, 'Work item');
      return;
    }
    // the rest is optional: each part says for itself when it cannot be read
    const [history, routing, contacts] = await Promise.all([
      get(`/api/work-items/${seg(id)}/history`).catch(error => error),
      get(`/api/work-items/${seg(id)}/routing`).catch(error => error),
      get(`/api/work-items/${seg(id)}/contact-history`).catch(error => error)
    ]);
    const instanceId = routing instanceof Error ? null : routing.processInstanceId;
    // Cockpit shows an instance only to those its authorizations let read it: link only what will open
    const instanceVisible = instanceId && api.engineApi
      ? await get(`${api.engineApi}/process-instance/${seg(instanceId)}`).then(() => true, () => false) : false;
    if (disposed) {
      return;
    }
    render(item, history, routing, contacts, instanceId, instanceVisible);
  }

  function render(item, history, routing, contacts, instanceId, instanceVisible) {
    fill(heading, 'Work item ', h('span', { className: 'worklane-external-id' }, item.externalId), ' ',
      h('span', { className: `label ${stateClass(item.state)} worklane-item-state` }, itemStateLabel(item.state)),
      item.overdue ? [' ', h('span', { className: 'label label-danger' }, 'Overdue')] : null);
    const links = h('p', { className: 'worklane-links' },
      h('a', { href: '#/worklane/queue' }, icon('arrow-left'), ' Back to the queue'), ' · ',
      h('a', { href: `#/worklane/item/${encodeURIComponent(id)}`, role: 'button', className: 'worklane-refresh',
        onclick: event => {
          event.preventDefault();
          load();
        } }, icon('refresh'), ' Refresh'),
      instanceId && instanceVisible ? [' · ', h('a', { href: `#/process-instance/${encodeURIComponent(instanceId)}`,
        className: 'worklane-instance-link' }, icon('share'), ' Process instance in Cockpit')] : null,
      instanceId && !instanceVisible ? [' · ', h('span', { className: 'text-muted worklane-instance-hidden',
        title: 'Cockpit does not show you this process instance (your Camunda authorizations)' },
      `Process instance ${instanceId} (not visible to you in Cockpit)`)] : null,
      item.sourceUrl && /^https?:\/\//i.test(item.sourceUrl) ? [' · ', h('a', { href: item.sourceUrl, target: '_blank',
        rel: 'noopener noreferrer' }, icon('new-window'), ' In the source system')] : null);
    fill(body, links,
      h('div', { className: 'row' },
        h('div', { className: 'col-md-7' },
          panel('Why it is still waiting', waitingNode(routing), 'worklane-waiting'),
          panel('Attributes', attributesNode(item), 'worklane-attributes'),
          isEmpty(item.attributes) ? null : panel('Custom attributes', valueNode(item.attributes), 'worklane-custom'),
          panel('Context data', isEmpty(item.contextData)
            ? h('p', { className: 'text-muted' }, 'No context data.') : contextNode(item.contextData), 'worklane-context')),
        h('div', { className: 'col-md-5' },
          panel('Actions', actionsNode(item), 'worklane-item-actions'),
          ENDED.includes(item.state) ? null : panel('Modify attributes', modifyNode(item), 'worklane-modify'),
          panel('History', historyNode(history), 'worklane-history'),
          panel('Contact history', contactsNode(contacts), 'worklane-contacts'))));
  }

  // ---- attributes ----
  function attributesNode(item) {
    const rows = CORE_FIELDS.filter(key => !isEmpty(item[key]) || key === 'priority')
      .map(key => ({ key, label: humanize(key), value: item[key] }));
    return fieldsTable(rows);
  }

  function contextNode(contextData) {
    // one block per source, as the data comes
    return h('div', {}, Object.keys(contextData).map(source => h('div', { className: 'worklane-context-source',
      dataset: { source } }, h('h4', {}, humanize(source)), valueNode(contextData[source]))));
  }

  // ---- why still waiting ----
  function waitingNode(routing) {
    if (routing instanceof Error) {
      return h('p', { className: 'text-muted' }, routing.message);
    }
    const agents = routing.agents || {};
    const notReady = Object.entries(agents.notReady || {});
    const rows = [
      { key: 'target', label: 'Target', node: h('span', {}, routing.targetLevel || '—', routing.target
        ? [' · ', h('code', {}, routing.target)] : '') },
      routing.preferredAgent ? { key: 'preferredAgent', label: 'Preferred agent', value: routing.preferredAgent } : null,
      routing.declinedBy ? { key: 'declinedBy', label: 'Declined by', value: routing.declinedBy } : null,
      { key: 'agents', label: 'Matching agents', node: h('ul', { className: 'list-unstyled worklane-matching' },
        h('li', {}, h('strong', {}, number(agents.ready || 0)), ' READY with a free slot'),
        h('li', {}, h('strong', {}, number(agents.readyAtCapacity || 0)), ' READY at capacity'),
        h('li', {}, h('strong', {}, number(notReady.reduce((sum, [, count]) => sum + count, 0))), ' NOT_READY',
          notReady.length ? ` (${notReady.map(([reason, count]) => `${reason}: ${count}`).join(', ')})` : ''),
        h('li', {}, h('strong', {}, number(agents.loggedOut || 0)), ' LOGGED_OUT'),
        h('li', { className: 'text-muted' }, `${number(agents.total || 0)} in all`)) },
      { key: 'position', label: 'Position in the queue', value: routing.position },
      { key: 'nextTargetExpansionAt', label: 'Next widening', node: whenNode(routing.nextTargetExpansionAt) },
      { key: 'nextReprioritizationAt', label: 'Next priority step', node: whenNode(routing.nextReprioritizationAt) },
      { key: 'lastOffer', label: 'Last offer', node: routing.lastOffer ? compactNode(routing.lastOffer)
        : h('span', { className: 'text-muted' }, 'never offered') }
    ].filter(Boolean);
    return h('div', {},
      h('p', { className: 'lead worklane-summary-sentence' }, inLocalTime(routing.summary || '')),
      fieldsTable(rows));
  }

  function whenNode(value) {
    return value ? h('span', { title: value }, dateTime(value), ' ', h('span', { className: 'text-muted' },
      `(${relative(value)})`)) : h('span', { className: 'text-muted' }, '—');
  }

  // ---- actions ----
  function actionsNode(item) {
    const ended = ENDED.includes(item.state);
    const button = (label, kind, onclick, className) => h('button', { type: 'button',
      className: `btn btn-${kind} btn-sm ${className}`, onclick }, label);
    const act = (label, action, options) => act2(label, () => applyTo(action, { id: item.id, agent: item.assignee },
      options));
    const act2 = async (label, call) => {
      try {
        await call();
        say(messages, 'success', `${label}: done.`);
      } catch (error) {
        sayError(messages, error, label);
      }
      load();
    };
    const parts = [];
    const lifecycle = [];
    if (!ended && item.state !== 'HELD') {
      lifecycle.push(button('Hold', 'default', () => act('Hold', 'HOLD'), 'worklane-hold'));
    }
    if (item.state === 'HELD') {
      lifecycle.push(button('Resume', 'primary', () => act('Resume', 'RESUME'), 'worklane-resume'));
    }
    if (!ended) {
      lifecycle.push(button('Complete', 'default', () => act('Complete', 'COMPLETE'), 'worklane-complete'));
      lifecycle.push(button('Cancel', 'danger', () => act('Cancel', 'CANCEL'), 'worklane-cancel'));
    }
    if (item.state === 'COMPLETED' || item.state === 'CANCELED') {
      lifecycle.push(button('Restart', 'primary', () => act2('Restart', () => post(`/api/work-items/${seg(item.id)}`
        + '/restart')), 'worklane-restart'));
    }
    parts.push(h('div', { className: 'btn-toolbar worklane-lifecycle' }, lifecycle.map(b => h('div',
      { className: 'btn-group' }, b))));

    if (item.state === 'QUEUED') {
      const priority = h('input', { type: 'number', className: 'form-control input-sm worklane-priority',
        name: 'priority', step: '1', value: item.priority === null || item.priority === undefined ? ''
          : String(item.priority), 'aria-label': 'Priority' });
      const until = h('input', { type: 'datetime-local', className: 'form-control input-sm', name: 'until',
        value: localInputValue(item.priorityOverride && item.priorityOverride.until), 'aria-label': 'Until' });
      parts.push(h('form', { className: 'form-inline worklane-priority-form', onsubmit: event => {
        event.preventDefault();
        let options;
        try {
          options = priorityOptions(priority.value.trim(), instantOfLocalInput(until.value));
        } catch (problem) {
          say(messages, 'warning', problem.message);
          return;
        }
        act('Set priority', 'SET_PRIORITY', options);
      } },
      h('label', { className: 'worklane-inline-label' }, 'Priority '), priority, ' ',
      h('label', { className: 'worklane-inline-label' }, 'until ', until), ' ',
      h('button', { type: 'submit', className: 'btn btn-default btn-sm worklane-set-priority' }, 'Set'), ' ',
      item.priorityOverride ? button('Back to the curve', 'link', () => act('Clear priority', 'CLEAR_PRIORITY'),
        'worklane-clear-priority') : null));
    }

    if (item.state === 'PARKED' && item.assignee) {
      const to = h('input', { type: 'text', className: 'form-control input-sm', name: 'reassignTo',
        placeholder: 'Agent id', 'aria-label': 'Reassign to agent' });
      parts.push(h('form', { className: 'form-inline worklane-parked', onsubmit: event => {
        event.preventDefault();
        if (!to.value.trim()) {
          say(messages, 'warning', 'Name the agent to reassign it to.');
          return;
        }
        act2('Reassign', () => post(`/api/agents/${seg(item.assignee)}/items/${seg(item.id)}/reassign`,
          { agent: to.value.trim() }));
      } },
      h('span', { className: 'worklane-inline-label' }, `Parked with ${item.assignee}: `),
      button('Return to the queue', 'default', () => act('Return to the queue', 'RETURN_TO_QUEUE'), 'worklane-return'),
      ' or reassign to ', to, ' ',
      h('button', { type: 'submit', className: 'btn btn-default btn-sm worklane-reassign' }, 'Reassign')));
    }
    return h('div', {}, parts);
  }

  // ---- modify (merge patch) ----
  function modifyNode(item) {
    const inputs = EDITABLE.map(([key, label, type]) => {
      const value = type === 'datetime-local' ? localInputValue(item[key]) : item[key] || '';
      const input = type === 'textarea'
        ? h('textarea', { className: 'form-control input-sm', name: key, rows: '2', id: `worklane-edit-${key}` })
        : h('input', { type, className: 'form-control input-sm', name: key, id: `worklane-edit-${key}` });
      input.value = value;
      return { key, type, input, initial: value, node: h('div', { className: 'form-group' },
        h('label', { className: 'col-sm-4 control-label', for: `worklane-edit-${key}` }, label),
        h('div', { className: 'col-sm-8' }, input)) };
    });
    return h('form', { className: 'form-horizontal worklane-modify-form', onsubmit: async event => {
      event.preventDefault();
      const changes = {};
      for (const { key, type, input, initial } of inputs) {
        if (input.value !== initial) {
          const value = input.value.trim();
          changes[key] = value === '' ? null : type === 'datetime-local' ? instantOfLocalInput(value) : value;
        }
      }
      if (Object.keys(changes).length === 0) {
        say(messages, 'info', 'Nothing changed.');
        return;
      }
      try {
        await patch(`/api/work-items/${seg(item.id)}`, changes);
        say(messages, 'success', `Saved: ${Object.keys(changes).map(humanize).join(', ')}.`);
      } catch (error) {
        sayError(messages, error, 'Modify');
      }
      load();
    } },
    inputs.map(entry => entry.node),
    h('p', { className: 'help-block small' }, 'An emptied field is cleared. Changing segment, product, request type or '
      + 'due date classifies the item again.'),
    h('div', { className: 'form-group' }, h('div', { className: 'col-sm-offset-4 col-sm-8' },
      h('button', { type: 'submit', className: 'btn btn-primary btn-sm worklane-save-item' }, 'Save changes'))));
  }

  // ---- history ----
  function historyNode(history) {
    if (history instanceof Error) {
      return h('p', { className: 'text-muted' }, history.message);
    }
    if (history.length === 0) {
      return h('p', { className: 'text-muted' }, 'No events yet.');
    }
    return h('ol', { className: 'worklane-timeline' }, [...history].reverse().map(event => h('li', {
      dataset: { type: event.type } },
    h('div', { className: 'worklane-timeline-when small text-muted' }, dateTime(event.occurredAt)),
    h('div', {}, h('strong', {}, eventLabel(event.type)), event.state ? [' ', h('span', {
      className: `label ${stateClass(event.state)}` }, itemStateLabel(event.state))] : null),
    event.actor ? h('div', { className: 'small' }, 'by ', actorLabel(event.actor)) : null,
    isEmpty(event.details) ? null : compactNode(event.details))));
  }

  function contactsNode(contacts) {
    if (contacts instanceof Error) {
      return h('p', { className: 'text-muted' }, contacts.message);
    }
    if (contacts.length === 0) {
      return h('p', { className: 'text-muted' }, 'No other items of this customer.');
    }
    return h('table', { className: 'table table-condensed' },
      h('thead', {}, h('tr', {}, ['External id', 'Request', 'State', 'Captured'].map(label => h('th', {}, label)))),
      h('tbody', {}, contacts.map(entry => h('tr', {},
        h('td', {}, entry.id ? h('a', { href: `#/worklane/item/${encodeURIComponent(entry.id)}` }, entry.externalId)
          : entry.externalId, h('div', { className: 'small text-muted' }, entry.sourceSystem)),
        h('td', {}, entry.requestType || '—'),
        h('td', {}, itemStateLabel(entry.state)),
        h('td', {}, dateTime(entry.capturedAt))))));
  }

  if (!id) {
    sayError(messages, new Error('No item named in the address.'));
  } else {
    load();
  }
  return {
    dispose() {
      disposed = true;
    }
  };
}

/** The server's sentences name instants in UTC (ISO-8601): the reader's zone instead. */
function inLocalTime(text) {
  return text.replace(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?Z/g, instant => dateTime(instant));
}

function panel(title, content, className) {
  return h('div', { className: `panel panel-default ${className}` },
    h('div', { className: 'panel-heading' }, h('h3', { className: 'panel-title' }, title)),
    h('div', { className: 'panel-body' }, content));
}

export default routePlugin('worklane-item-page', '/worklane/item/:id', createPage);

// Task detail tab "Work item": the item in full. Every attribute the source sent, its custom attributes, the
// context data of every source (rendered from the data), its dates in the user's time zone, a link to the source
// (http and https only) and its history.

import { watch } from './agent.js';
import { countdown } from './countdown.js';
import { get } from '../../../worklane/common/http.js';
import { fill, h, icon, instances } from '../../../worklane/common/dom.js';
import { actorLabel, dateTime, eventLabel, humanize, itemStateLabel, relative, timeZone } from '../../../worklane/common/format.js';
import { itemOfTask } from './items.js';
import { compactNode, fieldsTable, isEmpty } from '../../../worklane/common/values.js';

/** What the source system sends, in the order an agent reads it, with its label. */
const CORE_FIELDS = [
  ['externalId', 'External id'],
  ['sourceSystem', 'Source system'],
  ['department', 'Department'],
  ['process', 'Process'],
  ['requestType', 'Type of request'],
  ['customerId', 'Customer id'],
  ['name', 'First name'],
  ['surname', 'Surname'],
  ['customerSegment', 'Customer segment'],
  ['contactNumber', 'Contact number'],
  ['alternativeContactNumber', 'Alternative contact number'],
  ['product', 'Product'],
  ['subproduct', 'Subproduct'],
  ['dealValue', 'Deal value'],
  ['preferredAgent', 'Preferred agent'],
  ['mediaType', 'Media type'],
  ['description', 'Description']
];

const DATES = [
  ['capturedAt', 'Captured'],
  ['activationAt', 'Active from'],
  ['queuedAt', 'Queued'],
  ['assignedAt', 'Assigned'],
  ['offerExpiresAt', 'Offer expires'],
  ['parkedAt', 'Parked'],
  ['heldAt', 'Held'],
  ['doneAt', 'Done'],
  ['completedAt', 'Completed'],
  ['canceledAt', 'Canceled'],
  ['nextReprioritizationAt', 'Next priority review']
];

const ROUTING = [
  ['assignee', 'Assignee'],
  ['requiredSkill', 'Required skill'],
  ['targetLevel', 'Target level'],
  ['targetExpression', 'Routing target'],
  ['transferTarget', 'Transferred to'],
  ['disposition', 'Disposition'],
  ['prioritySchema', 'Priority schema'],
  ['restartCount', 'Restarts']
];

function rows(item, fields) {
  return fields
    .filter(([key]) => !isEmpty(item[key]) && !(key === 'restartCount' && item[key] === 0))
    .map(([key, label]) => ({ key, label, value: item[key] }));
}

/** Only web addresses become links; anything else (javascript:, data:) is not shown as one. */
function webAddress(text) {
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch (notAUrl) {
    return null;
  }
}

function dueNode(item) {
  return h('span', { className: 'worklane-due' },
    dateTime(item.dueAt), ' ',
    h('span', { className: 'text-muted' }, `(${relative(item.dueAt)})`), ' ',
    item.overdue ? h('span', { className: 'label label-danger worklane-overdue' }, 'Overdue') : null);
}

function section(title, className, ...content) {
  return h('section', { className: `worklane-section ${className}` }, h('h4', {}, title), ...content);
}

function header(item, alive) {
  const link = item.sourceUrl ? webAddress(item.sourceUrl) : null;
  return h('div', { className: 'worklane-item-head' },
    link ? h('a', {
      className: 'btn btn-default btn-sm pull-right worklane-source-link', href: link, target: '_blank',
      rel: 'noopener noreferrer'
    }, icon('new-window'), ` Open in ${item.sourceSystem || 'the source system'}`) : null,
    h('h3', { className: 'worklane-item-title' }, item.externalId || item.id, ' ',
      h('small', {}, [item.requestType, item.department].filter(Boolean).join(' · '))),
    h('div', { className: 'worklane-item-badges' },
      h('span', { className: 'label label-default worklane-item-state' }, itemStateLabel(item.state)), ' ',
      item.overdue ? h('span', { className: 'label label-danger worklane-overdue' }, 'Overdue') : null, ' ',
      item.priority !== null && item.priority !== undefined
        ? h('span', { className: 'worklane-item-priority' }, `Priority ${item.priority}`) : null,
      item.dueAt ? h('span', { className: 'worklane-item-due' }, ` · Due ${dateTime(item.dueAt)}`) : null, ' ',
      item.state === 'OFFERED' && item.offerExpiresAt ? countdown(item.offerExpiresAt, alive) : null));
}

function history(events) {
  if (!events.length) {
    return h('p', { className: 'worklane-empty' }, 'Nothing recorded yet.');
  }
  const newestFirst = [...events].sort((a, b) => b.sequence - a.sequence);
  return h('table', { className: 'table table-condensed worklane-history' },
    h('thead', {}, h('tr', {}, h('th', {}, 'When'), h('th', {}, 'What happened'), h('th', {}, 'State'),
      h('th', {}, 'By'), h('th', {}, 'Details'))),
    h('tbody', {}, newestFirst.map(event => h('tr', { dataset: { event: event.type } },
      h('td', { className: 'worklane-history-time', title: event.occurredAt }, dateTime(event.occurredAt)),
      h('td', { className: 'worklane-history-type' }, eventLabel(event.type)),
      h('td', {}, event.state ? itemStateLabel(event.state) : ''),
      h('td', { className: 'worklane-history-actor' }, actorLabel(event.actor)),
      h('td', { className: 'worklane-history-details' }, isEmpty(event.details) ? '' : compactNode(event.details))))));
}

/** The customer's other items (of the agent's departments), newest first: what was asked and how it ended. */
function contactHistory(item, contacts) {
  if (!item.customerId) {
    return h('p', { className: 'worklane-empty' }, 'The source named no customer id.');
  }
  if (!contacts.length) {
    return h('p', { className: 'worklane-empty' }, 'No other items of this customer.');
  }
  return h('table', { className: 'table table-condensed worklane-contacts' },
    h('thead', {}, h('tr', {}, h('th', {}, 'Captured'), h('th', {}, 'External id'), h('th', {}, 'Request'),
      h('th', {}, 'State'), h('th', {}, 'Ended'), h('th', {}, 'Disposition'))),
    h('tbody', {}, contacts.map(contact => h('tr', { dataset: { externalId: contact.externalId || '' } },
      h('td', { title: contact.capturedAt }, dateTime(contact.capturedAt)),
      h('td', {}, contact.externalId || '', h('span', { className: 'text-muted' }, ` · ${contact.sourceSystem}`)),
      h('td', {}, contact.requestType || ''),
      h('td', {}, itemStateLabel(contact.state)),
      h('td', {}, contact.endedAt ? dateTime(contact.endedAt) : ''),
      h('td', {}, contact.disposition || '')))));
}

function show(body, item, events, contacts, alive) {
  const attributes = Object.keys(item.attributes || {}).sort()
    .map(key => ({ key, label: humanize(key), value: item.attributes[key] }));
  const context = Object.keys(item.contextData || {}).sort()
    .map(key => ({ key, label: humanize(key), value: item.contextData[key] }));
  const dates = rows(item, DATES);
  if (item.dueAt) {
    dates.splice(1, 0, { key: 'dueAt', label: 'Due', node: dueNode(item) });
  }
  if (item.overdue && item.overdueAt) {
    dates.splice(2, 0, { key: 'overdueAt', label: 'Overdue since', value: item.overdueAt });
  }
  fill(body,
    header(item, alive),
    h('div', { className: 'row' },
      h('div', { className: 'col-md-6' },
        section('From the source', 'worklane-core', fieldsTable(rows(item, CORE_FIELDS), 'core'))),
      h('div', { className: 'col-md-6' },
        section('Dates', 'worklane-dates', fieldsTable(dates, 'dates'),
          h('p', { className: 'text-muted small' }, `Times in ${timeZone}.`)),
        section('Routing', 'worklane-routing', fieldsTable(rows(item, ROUTING), 'routing')))),
    h('div', { className: 'row' },
      h('div', { className: 'col-md-6' },
        section('Custom attributes', 'worklane-attributes',
          attributes.length ? fieldsTable(attributes, 'attributes')
            : h('p', { className: 'worklane-empty' }, 'The source sent no custom attributes.'))),
      h('div', { className: 'col-md-6' },
        section('Customer context', 'worklane-context',
          context.length ? fieldsTable(context, 'context')
            : h('p', { className: 'worklane-empty' }, 'No context was found for this item.')))),
    section('Contact history', 'worklane-contacts-section', contactHistory(item, contacts)),
    section('History', 'worklane-history-section', history(events)));
}

const mounted = instances();

function render(node, plugin, scope) {
  const { alive, onStop } = mounted.add(node);
  const body = h('div', { className: 'worklane-item' }, h('p', { className: 'text-muted' }, 'Loading the work item…'));
  node.appendChild(body);
  let itemId = null;
  let loading = false;

  const load = fresh => {
    if (loading) {
      return;
    }
    loading = true;
    itemOfTask(plugin.taskId, { fresh })
      .then(async item => {
        if (!item && itemId) {
          // it was shown a moment ago: it has left this agent (RONA, transfer); keep what was shown, say so
          if (!body.querySelector('.worklane-item-gone')) {
            body.prepend(h('div', { className: 'alert alert-warning worklane-item-gone' }, icon('info-sign'),
              ' This work item is no longer yours: it went back to the queue or to someone else. '
                + 'Below is how it was.'));
          }
          return;
        }
        if (!item) {
          fill(body, h('div', { className: 'well worklane-empty' }, icon('info-sign'),
            ' This task has no Worklane work item that you may see.'));
          return;
        }
        itemId = item.id;
        const [events, contacts] = await Promise.all([
          get(`/api/work-items/${encodeURIComponent(item.id)}/history`),
          get(`/api/work-items/${encodeURIComponent(item.id)}/contact-history`)]);
        if (alive()) {
          show(body, item, events, contacts, alive);
        }
      })
      .catch(error => {
        if (alive()) {
          fill(body, h('div', { className: 'alert alert-danger' }, icon('exclamation-sign'), ' ', error.message));
        }
      })
      .finally(() => { loading = false; });
  };
  load(true);

  // the item changes state (offered, parked, pulled...): show its new state and history
  let seen = null;
  let stop = null;
  stop = watch(plugin, scope, state => {
    if (!alive()) {
      stop && stop();
      return;
    }
    if (!state.agent || !itemId) {
      return;
    }
    const held = state.agent.items.find(item => item.id === itemId);
    const now = held ? held.state : 'gone';
    if (seen !== null && now !== seen) {
      load(true);
    }
    seen = now;
  });
  onStop(stop);
}

export default {
  id: 'worklane-work-item',
  pluginPoint: 'tasklist.task.detail',
  priority: 900,
  render,
  unmount: mounted.unmount,
  properties: { label: 'Work item' }
};

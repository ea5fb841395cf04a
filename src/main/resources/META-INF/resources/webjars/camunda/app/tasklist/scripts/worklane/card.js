// Task card: which item this is at a glance (external id, customer, due date or "Overdue", priority) and, for an
// offer a MANUAL agent must answer, the time left before it goes to someone else (RONA).

import { countdown } from './countdown.js';
import { fill, h, icon, instances } from '../../../worklane/common/dom.js';
import { dateTime, relative } from '../../../worklane/common/format.js';
import { itemOfTask } from './items.js';

function customer(item) {
  const person = [item.name, item.surname].filter(Boolean).join(' ');
  return person || item.customerId || null;
}

// a card has no subscriptions; its countdown stops by itself once the card is gone
const mounted = instances();

function render(node, { taskId }) {
  const { alive } = mounted.add(node);
  const card = h('div', { className: 'worklane-card' });
  node.appendChild(card);
  itemOfTask(taskId).then(item => {
    if (!item || !alive()) {
      return;
    }
    const due = item.dueAt
      ? h('span', {
        className: item.overdue ? 'label label-danger worklane-card-due' : 'worklane-card-due',
        title: `Due ${dateTime(item.dueAt)}`
      }, item.overdue ? 'Overdue' : `Due ${relative(item.dueAt)}`)
      : null;
    const timeLeft = item.state === 'OFFERED' && item.offerExpiresAt ? countdown(item.offerExpiresAt, alive) : null;
    fill(card,
      h('div', { className: 'worklane-card-line' },
        h('strong', { className: 'worklane-card-external-id' }, item.externalId || ''),
        customer(item) ? h('span', { className: 'worklane-card-customer' }, icon('user'), ' ', customer(item)) : null,
        due,
        item.priority !== null && item.priority !== undefined
          ? h('span', { className: 'worklane-card-priority', title: 'Priority' }, icon('sort-by-attributes-alt'), ' ',
            String(item.priority))
          : null,
        timeLeft));
  }).catch(error => {
    if (alive()) {
      fill(card, h('span', { className: 'text-danger small' }, error.message));
    }
  });
}

export default {
  id: 'worklane-card',
  pluginPoint: 'tasklist.card',
  priority: 100,
  render,
  unmount: mounted.unmount,
  properties: { label: 'Work item' }
};

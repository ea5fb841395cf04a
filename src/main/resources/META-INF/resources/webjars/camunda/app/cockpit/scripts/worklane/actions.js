// The supervisor's actions on items: the same names as the bulk API's, applied to one item through the item's own
// endpoints (a selection is one call per item).

import { del, post, put, seg } from '../../../worklane/common/http.js';

/** The actions a supervisor takes on queue items, in the order the menus show them. */
export const ACTIONS = [
  { action: 'HOLD', label: 'Hold', verb: 'hold' },
  { action: 'RESUME', label: 'Resume', verb: 'resume' },
  { action: 'SET_PRIORITY', label: 'Set priority', verb: 'set the priority of' },
  { action: 'CLEAR_PRIORITY', label: 'Clear priority', verb: 'clear the priority of' },
  { action: 'RETURN_TO_QUEUE', label: 'Return to queue (parked)', verb: 'return to the queue' },
  { action: 'COMPLETE', label: 'Complete', verb: 'complete' },
  { action: 'CANCEL', label: 'Cancel', verb: 'cancel' }
];

export const actionNamed = name => ACTIONS.find(entry => entry.action === name);

/**
 * Applies one action to one item. item: { id, agent } (agent: who holds a parked item); options: { priority, until }.
 * Resolves to the server's answer; rejects with an ApiError (its message is the server's detail).
 */
export function applyTo(action, item, options = {}) {
  const path = `/api/work-items/${seg(item.id)}`;
  switch (action) {
    case 'HOLD': return post(`${path}/hold`);
    case 'RESUME': return post(`${path}/resume`);
    case 'CANCEL': return post(`${path}/cancel`);
    case 'COMPLETE': return post(`${path}/complete`);
    case 'SET_PRIORITY': return put(`${path}/priority`, priorityBody(options));
    case 'CLEAR_PRIORITY': return del(`${path}/priority`);
    case 'RETURN_TO_QUEUE':
      if (!item.agent) {
        return Promise.reject(new Error('It is held by no agent, so it is in no workbin to return from.'));
      }
      return post(`/api/agents/${seg(item.agent)}/items/${seg(item.id)}/return`);
    default: return Promise.reject(new Error(`Unknown action ${action}`));
  }
}

/** { priority, until } as the API takes them: until only when given. */
export function priorityBody({ priority, until }) {
  const body = { priority };
  if (until) {
    body.until = until;
  }
  return body;
}

/**
 * Reads the priority inputs: { priority, until } or throws an Error that says what is missing.
 * priorityText: the number input's value; untilIso: an ISO instant or null.
 */
export function priorityOptions(priorityText, untilIso) {
  if (priorityText === '' || !/^-?\d+$/.test(priorityText)) {
    throw new Error('Enter the priority as a whole number (e.g. 2500).');
  }
  return { priority: Number(priorityText), until: untilIso };
}

// The work item behind a Tasklist task, shared by the card and the detail tab. Tasklist renders every card again
// on each list refresh, so answers are kept for a few seconds rather than asked for again and again.

import { get } from '../../../worklane/common/http.js';

const KEEP_MS = 5000;
const byTask = new Map();

/** Resolves to the item, or null when the task is no work item of this user's (404/403). */
export function itemOfTask(taskId, { fresh = false } = {}) {
  const kept = byTask.get(taskId);
  if (!fresh && kept && Date.now() - kept.at < KEEP_MS) {
    return kept.promise;
  }
  const promise = get(`/api/work-items?taskId=${encodeURIComponent(taskId)}`).catch(error => {
    if (error.notMine) {
      return null;
    }
    byTask.delete(taskId);
    throw error;
  });
  byTask.set(taskId, { promise, at: Date.now() });
  if (byTask.size > 200) {
    byTask.delete(byTask.keys().next().value);
  }
  return promise;
}

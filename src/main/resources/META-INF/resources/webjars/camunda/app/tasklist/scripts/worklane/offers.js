// Notices about the agent's work, from one poll to the next: a new offer or item, a missed offer (RONA), the end of
// the session. Only the presence plugin calls this, once per poll.

import { serverNow, SESSION_ENDED } from '../../../worklane/common/http.js';
import { clock } from '../../../worklane/common/format.js';
import { dismiss, notify } from './notices.js';

let seenItems = null;
let offered = new Map();
let ronaEpisode = null;

function itemName(item) {
  return item.externalId || 'A work item';
}

export function itemNotices(state, goReady) {
  if (state.status === 'ended') {
    seenItems = null;
    notify({ key: 'session', kind: 'danger', glyph: 'log-in', title: SESSION_ENDED,
      text: 'Worklane stopped offering you work until you log in and go ready again.',
      action: { label: 'Log in', run: () => window.location.reload(), kind: 'danger' } });
    return;
  }
  if (state.status !== 'agent' || !state.agent) {
    return;
  }
  dismiss('session');
  const agent = state.agent;
  const items = new Map(agent.items.map(item => [item.id, item]));

  if (seenItems) {
    for (const item of agent.items) {
      if (seenItems.has(item.id)) {
        continue;
      }
      if (item.state === 'OFFERED' && item.offerExpiresAt) {
        const left = (Date.parse(item.offerExpiresAt) - serverNow()) / 1000;
        notify({ key: `new-${item.id}`, kind: 'warning', glyph: 'bell', title: `New offer: ${itemName(item)}`,
          text: `Accept or decline it in your task list within ${clock(left)}, or it goes to someone else.`,
          seconds: 15 });
      } else {
        notify({ key: `new-${item.id}`, kind: 'info', glyph: 'bell', title: `New work item: ${itemName(item)}`,
          text: 'Open it from your task list.', seconds: 10 });
      }
    }
    for (const [id] of seenItems) {
      if (!items.has(id)) {
        dismiss(`new-${id}`);
      }
    }
  }
  // an offer that disappears while the agent turns RONA is the one they missed
  const presence = agent.presence;
  const rona = presence.state === 'NOT_READY' && presence.reason === 'RONA';
  if (rona && presence.since !== ronaEpisode) {
    // once per RONA: closing the notice keeps it closed; the navbar still says so
    ronaEpisode = presence.since;
    const missed = [...offered.values()].find(item => !items.has(item.id) || items.get(item.id).state !== 'OFFERED');
    notify({ key: 'rona', kind: 'warning', glyph: 'alert',
      title: missed ? `You missed an offer (${itemName(missed)}).` : 'You missed an offer.',
      text: 'It went back to the queue and you were set to Not ready, so no more work is sent to you. '
        + 'Go ready when you can take work again.',
      action: { label: 'Go ready', run: goReady, kind: 'success' } });
  } else if (!rona) {
    ronaEpisode = null;
    dismiss('rona');
  }
  offered = new Map(agent.items.filter(item => item.state === 'OFFERED').map(item => [item.id, item]));
  seenItems = items;
}

// The signed-in agent as every Worklane plugin sees it: one poll of GET /api/agents/{me} a second while any plugin
// listens, shared by all of them. When the items the agent holds change, Tasklist is told to reload its list.

import { ApiError, get, onSessionEnded, put, seg } from '../../../worklane/common/http.js';

const POLL_MS = 1000;

/**
 * status: 'starting' | 'agent' | 'none' (no agent profile) | 'ended' (session over) | 'error'
 * agent: the last answer; previous: the one before; error: the last ApiError; reasons: NOT_READY reasons
 */
const state = { status: 'starting', userId: null, agent: null, previous: null, error: null, reasons: [] };

const listeners = new Set();
let api = null;
let rootScope = null;
let timer = null;
let running = false;
let generation = 0;

/** The current Camunda user of the webapps (null if none). */
async function currentUser() {
  const user = await get(`${api.adminApi}/auth/user/${seg(api.engine)}`);
  return user && user.userId ? user.userId : null;
}

/** What the items look like to Tasklist's list: a change here means its list changed. */
export function itemsSignature(agent) {
  return agent ? agent.items.map(item => `${item.id}:${item.state}`).sort().join(',') : '';
}

function emit() {
  for (const listener of [...listeners]) {
    try {
      listener(state);
    } catch (failure) {
      console.error('Worklane plugin', failure); // eslint-disable-line no-console
    }
  }
}

/** Asks Tasklist to reload the current filter's tasks (filters with "refresh" set, as "My work items" has). */
export function refreshTasklist() {
  if (rootScope) {
    rootScope.$applyAsync(() => rootScope.$broadcast('refresh'));
  }
}

function accept(agent) {
  const before = state.agent;
  state.previous = before;
  state.agent = agent;
  state.status = 'agent';
  state.error = null;
  if (before && itemsSignature(before) !== itemsSignature(agent)) {
    refreshTasklist();
  }
  emit();
}

async function poll(mine) {
  if (mine !== generation || listeners.size === 0) {
    running = false;
    return;
  }
  try {
    if (!state.userId) {
      state.userId = await currentUser();
      if (!state.userId) {
        throw new ApiError(401, 'Not logged in');
      }
      const presence = await get(`/api/agents/${seg(state.userId)}/presence`);
      state.reasons = presence.notReadyReasons || [];
    }
    const agent = await get(`/api/agents/${seg(state.userId)}`);
    if (mine === generation) {
      accept(agent);
    }
  } catch (error) {
    if (mine !== generation) {
      return;
    }
    state.error = error;
    if (error.sessionEnded) {
      state.status = 'ended';
      running = false;
      emit();
      return; // no more polling: a new login renders the plugins again
    }
    if (error.notMine) {
      state.status = 'none';
      running = false;
      emit();
      return; // a user without an agent profile: nothing to show, nothing to poll
    }
    state.status = state.agent ? 'agent' : 'error';
    emit();
  }
  timer = setTimeout(() => poll(mine), POLL_MS);
}

function start() {
  if (running) {
    return;
  }
  running = true;
  generation += 1;
  clearTimeout(timer);
  poll(generation);
}

/**
 * Starts listening (and polling). `plugin` is the second argument of render(), `scope` the third.
 * A render after a new login starts afresh: the user may be someone else. Returns the function that stops listening.
 */
export function watch(plugin, scope, listener) {
  api = plugin.api;
  if (scope && scope.$root) {
    rootScope = scope.$root;
  }
  if (state.status === 'ended' || state.status === 'none' || listeners.size === 0) {
    // the webapps render the navbar plugins anew after each login: forget who was here before
    state.status = 'starting';
    state.userId = null;
    state.agent = null;
    state.previous = null;
    running = false;
  }
  listeners.add(listener);
  start();
  listener(state);
  return () => listeners.delete(listener);
}

/** Polls now rather than in a second (after a change the user made). */
export function pollNow() {
  if (state.userId && listeners.size) {
    running = true;
    generation += 1;
    clearTimeout(timer);
    poll(generation);
  }
}

export function current() {
  return state;
}

onSessionEnded(() => {
  if (state.status !== 'ended') {
    state.status = 'ended';
    generation += 1;
    clearTimeout(timer);
    running = false;
    emit();
  }
});

/** PUT presence; the answer is the agent. */
export async function changePresence(change) {
  const agent = await put(`/api/agents/${seg(state.userId)}/presence`, change);
  accept(agent);
  return agent;
}

export function me() {
  return state.userId;
}

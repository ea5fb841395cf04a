// The wallboard (#/worklane/wallboard): the supervisor's queues and agents now (GET /api/reports/live/queue and
// /live/agents; the API scopes them to the supervisor's departments). It refreshes every 3 seconds (the requirement:
// within 5) in place, so a screen on the wall neither flickers nor scrolls, and rests while the tab is hidden.

import { get, serverNow } from '../../../worklane/common/http.js';
import { fill, h, liveness } from '../../../worklane/common/dom.js';
import { presenceLabel, time } from '../../../worklane/common/format.js';
import { byReasonText, isMissing, measureText, NONE, percent } from './insights-format.js';
import { kpiTiles } from './insights-kpi.js';
import { keyedTable, tickClocks } from './insights-table.js';
import { frame, routePlugin, say, sayError } from './page.js';

const REFRESH_MS = 3000;
const TICK_MS = 1000;
const NO_REASON = 'none';
const PRESENCE_CLASS = { READY: 'label-success', NOT_READY: 'label-warning', LOGGED_OUT: 'label-default' };

const NUMBER = 'worklane-number';
const count = value => measureText(value, 'count');
/** A clock cell that runs from the answer's time: seconds at generatedAt, ticking until the next refresh. */
const clockSince = (seconds, { generatedAt }) => (isMissing(seconds) ? NONE : { since: generatedAt - seconds * 1000 });

function priorityRange({ priorityMin: min, priorityMax: max }) {
  if (isMissing(min) && isMissing(max)) {
    return NONE;
  }
  return min === max ? count(min) : `${count(min)}–${count(max)}`;
}

const QUEUE_COLUMNS = [
  { label: 'Department', cell: row => row.department || NONE },
  { label: 'Process', cell: row => (row.process === null || row.process === undefined ? NONE : row.process) },
  { label: 'Queued', className: NUMBER, cell: row => count(row.queuedNow) },
  { label: 'Oldest wait', className: NUMBER, cell: (row, context) => clockSince(row.oldestWaitSeconds, context) },
  { label: 'Overdue', className: NUMBER,
    cell: row => ({ text: count(row.overdueNow), className: row.overdueNow > 0 ? 'text-danger' : '' }) },
  { label: 'Priority', className: NUMBER, cell: priorityRange },
  { label: 'Arrivals 15 min', className: NUMBER, cell: row => count(row.arrivalsLast15Minutes) },
  { label: 'Completions 15 min', className: NUMBER, cell: row => count(row.completionsLast15Minutes) },
  { label: 'Arrivals today', className: NUMBER, cell: row => count(row.arrivalsToday) },
  { label: 'Completions today', className: NUMBER, cell: row => count(row.completionsToday) },
  { label: 'Service level today', className: NUMBER, cell: row => percent(row.serviceLevelToday) }
];

function reasonText(reason) {
  return reason === NO_REASON ? 'no reason given' : reason === 'RONA' ? 'missed an offer (RONA)' : reason;
}

function agentCell(row) {
  return { key: `${row.displayName}|${row.agentId}`, node: () => h('span', {},
    h('strong', {}, row.displayName || row.agentId), h('div', { className: 'small text-muted' }, row.agentId)) };
}

function stateCell(row) {
  return { key: `${row.state}|${row.reason}`, node: () => h('span', {},
    h('span', { className: `label ${PRESENCE_CLASS[row.state] || 'label-default'}` }, presenceLabel(row.state)),
    row.reason ? h('div', { className: 'small worklane-reason' }, reasonText(row.reason)) : null) };
}

function loadCell({ load, capacity }) {
  if (isMissing(load) && isMissing(capacity)) {
    return NONE;
  }
  return { text: `${count(load || 0)} / ${count(capacity || 0)}`,
    className: capacity > 0 && load >= capacity ? 'text-warning' : '' };
}

const AGENT_COLUMNS = [
  { label: 'Agent', cell: agentCell },
  { label: 'Teams', cell: row => (row.teams || []).join(', ') || NONE },
  { label: 'State', className: 'worklane-presence', cell: stateCell },
  { label: 'In state', className: NUMBER, cell: (row, context) => clockSince(row.secondsInState, context) },
  { label: 'Load', className: NUMBER, cell: loadCell },
  { label: 'Handled today', className: NUMBER, cell: row => count(row.handledToday) },
  { label: 'Avg. handle', className: NUMBER, cell: row => measureText(row.averageHandleSeconds, 'seconds') },
  { label: 'Accepted', className: NUMBER, cell: row => count(row.acceptedToday) },
  { label: 'Declined', className: NUMBER, cell: row => count(row.declinedToday) },
  { label: 'RONA', className: NUMBER,
    cell: row => ({ text: count(row.ronaToday), className: row.ronaToday > 0 ? 'text-warning' : '' }) },
  { label: 'Occupancy', className: NUMBER, cell: row => percent(row.occupancy) },
  { label: 'Ready today', className: NUMBER, cell: row => measureText(row.readySecondsToday, 'seconds') },
  { label: 'Not ready today', cell: row => byReasonText(row.notReadySecondsToday) }
];

/** Per team: how many agents in each state, and the team's work today. */
const TEAM_COLUMNS = [
  { label: 'Team', cell: row => row.team },
  { label: 'Agents', className: NUMBER, cell: row => count(row.agents) },
  { label: 'Ready', className: NUMBER, cell: row => count(row.ready) },
  { label: 'Not ready', className: NUMBER, cell: row => count(row.notReady) },
  { label: 'Logged out', className: NUMBER, cell: row => count(row.loggedOut) },
  { label: 'Load', className: NUMBER, cell: row => `${count(row.load)} / ${count(row.capacity)}` },
  { label: 'Handled today', className: NUMBER, cell: row => count(row.handledToday) },
  { label: 'Avg. handle', className: NUMBER, cell: row => measureText(row.averageHandleSeconds, 'seconds') },
  { label: 'Accepted', className: NUMBER, cell: row => count(row.acceptedToday) },
  { label: 'Declined', className: NUMBER, cell: row => count(row.declinedToday) },
  { label: 'RONA', className: NUMBER, cell: row => count(row.ronaToday) }
];

/** The KPIs of all queues by KPI (serviceLevel -> its badge for every queue that has a target for it). */
function kpiGroups(rows, totals) {
  const groups = new Map();
  const add = (kpi, context) => {
    const key = kpi.kpi || 'kpi';
    if (!groups.has(key)) {
      groups.set(key, []);
    }
    groups.get(key).push({ kpi, context });
  };
  rows.forEach(row => (row.kpis || []).forEach(kpi => add(kpi, `${row.department} / ${row.process}`)));
  ((totals && totals.kpis) || []).forEach(kpi => add(kpi, 'All queues'));
  return groups;
}

/** When the answer's figures were taken (ms), for the clocks that run from it. */
function answerContext(answer) {
  const generatedAt = Date.parse(answer.generatedAt);
  return { generatedAt: Number.isNaN(generatedAt) ? serverNow() : generatedAt };
}

function createPage(node) {
  const { body, messages } = frame(node, { className: 'worklane-wallboard', title: 'Wallboard', tab: 'wallboard' });
  const alive = liveness(node);
  let stopped = false;
  let refreshTimer = null;
  let inFlight = false;
  let problem = null; // the alert of the failure now showing, removed when a refresh succeeds

  const updated = h('span', { className: 'worklane-updated' }, 'Loading…');
  const tiles = kpiTiles();
  const queues = keyedTable('worklane-queue-activity', QUEUE_COLUMNS, row => `${row.department}\u0000${row.process}`);
  const agents = keyedTable('worklane-agent-activity', AGENT_COLUMNS, row => row.agentId);
  const teams = keyedTable('worklane-team-activity', TEAM_COLUMNS, row => row.team);
  const noQueues = h('p', { className: 'text-muted', hidden: true }, 'No queue in your departments.');
  const noAgents = h('p', { className: 'text-muted', hidden: true }, 'No agent in your departments.');
  fill(body,
    h('p', { className: 'worklane-wallboard-status text-muted' }, updated),
    tiles.node,
    h('h3', { className: 'worklane-subtitle' }, 'Queue activity'), queues.node, noQueues,
    h('h3', { className: 'worklane-subtitle' }, 'Agent activity'), teams.node, agents.node, noAgents);

  function showQueues(answer) {
    const rows = answer.rows || [];
    const context = answerContext(answer);
    const totals = answer.totals && rows.length > 1
      ? { ...answer.totals, department: 'All queues', process: '' } : null;
    queues.update(rows, context, totals);
    noQueues.hidden = rows.length > 0;
    tiles.update(kpiGroups(rows, answer.totals));
    fill(updated, `Updated ${time(answer.generatedAt)}`);
    updated.classList.remove('worklane-stale');
  }

  function showAgents(answer) {
    const rows = answer.rows || [];
    agents.update(rows, answerContext(answer));
    teams.update(answer.teams || [], answerContext(answer));
    teams.node.hidden = rows.length === 0;
    noAgents.hidden = rows.length > 0;
  }

  function showProblem(error, what) {
    updated.classList.add('worklane-stale');
    if (problem && problem.isConnected && problem.dataset.message === error.message) {
      return; // the same failure every 3 seconds: said once
    }
    if (problem) {
      problem.remove();
    }
    problem = sayError(messages, error, what);
    problem.dataset.message = error.message;
  }

  async function refresh() {
    refreshTimer = null;
    if (stopped || document.hidden) {
      return; // a hidden tab waits for visibilitychange
    }
    if (!alive()) {
      stop();
      return;
    }
    const started = Date.now();
    inFlight = true;
    const [queueAnswer, agentAnswer] = await Promise.all([
      get('/api/reports/live/queue').catch(error => error),
      get('/api/reports/live/agents').catch(error => error)
    ]);
    inFlight = false;
    if (stopped) {
      return;
    }
    const failure = [queueAnswer, agentAnswer].find(answer => answer instanceof Error);
    if (!(queueAnswer instanceof Error)) {
      showQueues(queueAnswer);
    }
    if (!(agentAnswer instanceof Error)) {
      showAgents(agentAnswer);
    }
    if (failure) {
      showProblem(failure, failure === queueAnswer ? 'Queue activity' : 'Agent activity');
      if (failure.sessionEnded || failure.status === 403) {
        stop(); // no point asking every 3 seconds: log in again, or this is no supervisor
        return;
      }
    } else if (problem) {
      problem.remove();
      problem = null;
      say(messages, 'info', 'The wallboard is up to date again.');
    }
    schedule(Math.max(0, REFRESH_MS - (Date.now() - started)));
  }

  function schedule(delay) {
    if (!stopped && refreshTimer === null) {
      refreshTimer = setTimeout(refresh, delay);
    }
  }

  function onVisibility() {
    if (!document.hidden && refreshTimer === null && !inFlight) {
      schedule(0); // back in view: fresh figures at once
    }
  }

  const ticker = setInterval(() => {
    if (!alive()) {
      stop();
    } else if (!document.hidden) {
      tickClocks(body);
    }
  }, TICK_MS);

  function stop() {
    stopped = true;
    clearInterval(ticker);
    clearTimeout(refreshTimer);
    document.removeEventListener('visibilitychange', onVisibility);
  }

  document.addEventListener('visibilitychange', onVisibility);
  schedule(0);
  return { dispose: stop };
}

export default routePlugin('worklane-wallboard', '/worklane/wallboard', createPage);

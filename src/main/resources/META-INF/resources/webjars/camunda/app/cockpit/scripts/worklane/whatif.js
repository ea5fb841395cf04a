// What-if (#/worklane/whatif): replays a recorded period with candidate models or a candidate roster
// (POST /api/simulations, whatif-form.js) and lists the latest simulations. #/worklane/whatif/<id> shows one: what
// was asked, "Running…" while it runs (asked again every 2 s), its error, or the figures of its runs side by side
// (whatif-results.js) with the CSV tables and the JSON to download. Process owners, admins and supervisors of all
// departments may simulate; anyone else reads the server's refusal.

import { get, post, seg, serverNow } from '../../../worklane/common/http.js';
import { fill, h, icon, liveness } from '../../../worklane/common/dom.js';
import { clock, dateTime, number } from '../../../worklane/common/format.js';
import { fieldsTable } from '../../../worklane/common/values.js';
import { NONE } from './insights-format.js';
import { frame, idFromHash, loading, routePlugin, say, sayError } from './page.js';
import { whatIfForm } from './whatif-form.js';
import { runFacts, runLabel, showDetails, totalsNode } from './whatif-results.js';

const ROUTE = '#/worklane/whatif';
const POLL_MS = 2000;
const STATES = { QUEUED: ['Queued', 'label-default'], RUNNING: ['Running', 'label-info'],
  DONE: ['Done', 'label-success'], FAILED: ['Failed', 'label-danger'] };
const TABLES = [['totals', 'Totals'], ['groups', 'Departments and segments'], ['backlog', 'Backlog'],
  ['agents', 'Agents'], ['differences', 'Differences']];

const isUnderWay = simulation => simulation.state === 'QUEUED' || simulation.state === 'RUNNING';
const viewHash = id => `${ROUTE}/${encodeURIComponent(id)}`;

function stateLabel(state) {
  const [word, className] = STATES[state] || [state, 'label-default'];
  return h('span', { className: `label ${className} worklane-whatif-state`, dataset: { state } }, word);
}

function periodText(summary) {
  return summary && summary.from ? `${dateTime(summary.from)} – ${dateTime(summary.to)}` : NONE;
}

/** "Current vs candidate": the runs, named as the API names them. */
function runsText(summary) {
  return ((summary && summary.runs) || []).map(runLabel).join(' vs ') || NONE;
}

/** The server's words, and each invalid field when it names them (a 400 of the request's validation). */
function sayProblem(messages, error, what) {
  const alert = sayError(messages, error, what);
  const errors = (error && error.problem && error.problem.errors) || [];
  if (errors.length) {
    alert.appendChild(h('ul', { className: 'worklane-problem-fields' },
      errors.map(entry => h('li', {}, `${entry.field}: ${entry.message}`))));
  }
  return alert;
}

function listTable(simulations) {
  if (simulations.length === 0) {
    return h('p', { className: 'text-muted worklane-whatif-none' }, 'No simulation yet.');
  }
  return h('table', { className: 'cam-table table table-condensed worklane-whatif-list' },
    h('thead', {}, h('tr', {}, ['Requested', 'By', 'Recorded period', 'Runs', 'Candidate', 'State', 'Arrivals', '']
      .map(label => h('th', { scope: 'col', className: label === 'Arrivals' ? 'worklane-number' : null }, label)))),
    h('tbody', {}, simulations.map(simulation => {
      const summary = simulation.summary || {};
      const candidate = [...(summary.candidateModels || []), summary.candidateRoster ? 'roster' : null]
        .filter(Boolean).join(', ');
      return h('tr', { dataset: { simulation: simulation.id, state: simulation.state } },
        h('td', {}, dateTime(simulation.requestedAt)),
        h('td', {}, simulation.requestedBy || NONE),
        h('td', {}, periodText(summary)),
        h('td', {}, runsText(summary)),
        h('td', {}, candidate || NONE),
        h('td', {}, stateLabel(simulation.state)),
        h('td', { className: 'worklane-number' }, summary.arrivals === undefined ? NONE : number(summary.arrivals)),
        h('td', {}, h('a', { href: viewHash(simulation.id), className: 'worklane-whatif-open' }, 'Open')));
    })));
}

function createListPage(node) {
  const { body, messages } = frame(node, { className: 'worklane-whatif', title: 'What-if', tab: 'whatif' });
  const list = h('div', { className: 'worklane-whatif-recent' });
  let disposed = false;

  async function start(order) {
    let started;
    try {
      started = await post('/api/simulations', order);
    } catch (error) {
      if (!disposed) {
        sayProblem(messages, error, 'What-if');
      }
      return;
    }
    if (!disposed) {
      location.hash = viewHash(started.id);
    }
  }

  async function loadList() {
    loading(list);
    const simulations = await get('/api/simulations');
    if (!disposed) {
      fill(list, listTable(simulations));
    }
  }

  const refresh = h('a', { href: ROUTE, role: 'button', className: 'worklane-refresh', onclick: event => {
    event.preventDefault();
    loadList().catch(error => {
      fill(list);
      sayError(messages, error, 'Simulations');
    });
  } }, icon('refresh'), ' Refresh');

  loading(body);
  // the list first: whoever may not simulate reads the server's refusal instead of a form that would fail
  get('/api/simulations')
    .then(simulations => {
      if (disposed) {
        return;
      }
      const form = whatIfForm(start, problem => say(messages, 'warning', problem));
      fill(body, form.node,
        h('h3', { className: 'worklane-subtitle' }, 'Recent simulations ', h('small', {}, refresh)),
        fill(list, listTable(simulations)));
    })
    .catch(error => {
      if (!disposed) {
        fill(body);
        sayError(messages, error, 'What-if');
      }
    });
  return { dispose: () => { disposed = true; } };
}

function summaryNode(simulation) {
  const summary = simulation.summary || {};
  const row = (key, label, value) => ({ key, label, value });
  return fieldsTable([
    row('period', 'Recorded period', periodText(summary)),
    row('runs', 'Runs', runsText(summary)),
    row('candidateModels', 'Candidate models', (summary.candidateModels || []).join(', ') || 'none'),
    row('candidateRoster', 'Candidate roster', Boolean(summary.candidateRoster)),
    row('arrivals', 'Arrivals', summary.arrivals),
    row('agents', 'Agents', summary.agents),
    row('seed', 'Seed', summary.seed),
    row('requestedBy', 'Requested by', simulation.requestedBy),
    row('requestedAt', 'Requested', simulation.requestedAt),
    row('startedAt', 'Started', simulation.startedAt),
    row('finishedAt', 'Finished', simulation.finishedAt)
  ], 'whatif-summary');
}

/** The CSV tables and the JSON of a DONE simulation, as files. */
function downloadsNode(simulation) {
  const id = simulation.id;
  const runs = (simulation.result && simulation.result.runs) || [];
  return h('div', { className: 'worklane-whatif-downloads' },
    h('h4', {}, 'Download the figures'),
    h('p', {}, TABLES.filter(([table]) => table !== 'differences' || runs.length === 2).map(([table, label]) => [
      h('a', { href: `/api/simulations/${seg(id)}/${table}.csv`, download: `simulation-${id}-${table}.csv`,
        className: 'btn btn-default btn-sm worklane-whatif-csv', dataset: { table } },
      icon('download-alt'), ` ${label} (CSV)`), ' ']),
    h('a', { href: `/api/simulations/${seg(id)}`, download: `simulation-${id}.json`,
      className: 'btn btn-default btn-sm worklane-whatif-json' }, icon('download-alt'), ' Everything (JSON)')));
}

/** Beside the summary: how far it is, its error, or the totals of its runs. */
function statusNode(simulation) {
  if (isUnderWay(simulation)) {
    const since = simulation.startedAt || simulation.requestedAt;
    return h('div', { className: 'alert alert-info worklane-whatif-running' }, icon('refresh'), ' ',
      h('strong', {}, simulation.state === 'QUEUED' ? 'Queued… ' : 'Running… '),
      simulation.state === 'QUEUED' ? 'It starts when the simulation before it has finished. '
        : `for ${clock((serverNow() - Date.parse(since)) / 1000)}. `,
      'A recorded day of a few hundred items takes 10 to 60 seconds per run, one of 20,000 items up to 5 minutes; '
        + 'this page shows the figures as soon as they are there.');
  }
  if (simulation.state === 'FAILED') {
    return h('div', { className: 'alert alert-danger worklane-whatif-failed' }, h('strong', {}, 'The simulation failed: '),
      h('div', { className: 'worklane-whatif-error' }, simulation.error || 'no reason given.'));
  }
  return simulation.result ? totalsNode(simulation.result) : null;
}

function createViewPage(node) {
  const id = idFromHash('whatif');
  const { body, messages, heading } = frame(node, { className: 'worklane-whatif-view', title: 'What-if',
    tab: 'whatif' });
  const alive = liveness(node);
  const summary = h('div', { className: 'col-md-5 worklane-whatif-summary-column' });
  const status = h('div', { className: 'col-md-7 worklane-whatif-status' });
  const results = h('div', { className: 'worklane-whatif-results' });
  let disposed = false;
  let timer = null;
  let details = null; // the charts and group tables, drawn once; their charts go with the page
  let problem = null; // the alert of a failed poll, said once

  function dispose() {
    disposed = true;
    clearTimeout(timer);
    if (details) {
      details.dispose();
    }
  }

  function show(simulation) {
    fill(heading, 'What-if ', h('small', {}, periodText(simulation.summary)), ' ', stateLabel(simulation.state));
    fill(summary, summaryNode(simulation), simulation.state === 'DONE' && simulation.result ? [
      downloadsNode(simulation),
      h('h4', {}, 'How the runs went'), runFacts(simulation.result.runs || [])] : null);
    fill(status, statusNode(simulation));
    if (simulation.state === 'DONE' && simulation.result && !details) {
      details = showDetails(results, simulation.result);
    }
  }

  async function poll(first) {
    timer = null;
    if (disposed) {
      return;
    }
    if (!alive()) {
      dispose();
      return;
    }
    let simulation;
    try {
      simulation = await get(`/api/simulations/${seg(id)}`);
    } catch (error) {
      if (disposed) {
        return;
      }
      const passing = !first && (error.status === 0 || error.status >= 500);
      if (first) {
        fill(body, links);
      }
      if (!problem || !problem.isConnected || problem.dataset.message !== error.message) {
        problem = sayError(messages, error, 'Simulation');
        problem.dataset.message = error.message;
      }
      if (passing) {
        timer = setTimeout(poll, POLL_MS); // the network or a node's restart: the run goes on meanwhile
      }
      return;
    }
    if (disposed) {
      return;
    }
    if (problem) {
      problem.remove();
      problem = null;
    }
    if (first) {
      fill(body, links, h('div', { className: 'row' }, summary, status), results);
    }
    show(simulation);
    if (isUnderWay(simulation)) {
      timer = setTimeout(poll, POLL_MS);
    }
  }

  const links = h('p', { className: 'worklane-links' }, h('a', { href: ROUTE }, icon('arrow-left'),
    ' Back to What-if'));
  loading(body);
  poll(true).catch(error => {
    if (!disposed) {
      fill(body, links);
      sayError(messages, error, 'Simulation');
    }
  });
  return { dispose };
}

export default [
  routePlugin('worklane-whatif', '/worklane/whatif', createListPage),
  routePlugin('worklane-whatif-simulation', '/worklane/whatif/:id', createViewPage)
];

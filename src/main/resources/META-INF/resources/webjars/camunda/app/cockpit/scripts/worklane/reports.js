// Reports (#/worklane/reports): the report definitions (GET /api/reports) in a form; Run puts the form in the hash
// and runs GET /api/reports/{id}: the KPI summary, a chart, the table and the same report as CSV. Everything on the
// page comes from the report's definition, so a new report needs no change here.
//
// Cockpit's router reloads a route when its query changes: Run navigates to the new hash and the page that the router
// renders for it runs the report. A link to such a hash runs it the same way.

import { get } from '../../../worklane/common/http.js';
import { fill, h, icon } from '../../../worklane/common/dom.js';
import { barChart, lineChart } from './chart.js';
import { kpiList } from './insights-kpi.js';
import { defaultState, hashNamesReport, hashOf, problemOf, reportForm, reportUrl, ROUTE, stateFromHash }
  from './insights-report-form.js';
import { reportTable, totalsRows } from './insights-report-table.js';
import { frame, loading, routePlugin, say, sayError } from './page.js';

const GRAIN_WORDS = { day: 'per day', interval: 'per 15 minutes', total: 'over the whole range' };

/** The chart's series with the unit of their column, so that axes and tooltips say "70%" or "12 min". */
function chartData(answer) {
  const units = new Map((answer.report.columns || []).map(column => [column.key, column.unit]));
  return {
    categories: answer.chart.categories || [],
    series: (answer.chart.series || []).map(series => ({ ...series, unit: units.get(series.key) || 'count' }))
  };
}

const wantsChart = answer => Boolean(answer.report.chart && answer.chart && (answer.chart.categories || []).length
  && (answer.rows || []).length);

function headingNode(answer) {
  const range = answer.from === answer.to ? answer.from : `${answer.from} – ${answer.to}`;
  const facts = [range, answer.rows && (answer.rows.some(row => row.period) || answer.grain === 'total')
    ? GRAIN_WORDS[answer.grain] : null,
    answer.zone ? `days and times of ${answer.zone}` : null].filter(Boolean).join(' · ');
  return h('div', { className: 'worklane-report-heading' },
    h('h3', {}, answer.report.name || answer.report.id, ' ', h('small', {}, facts)));
}

function downloadLink(state) {
  return h('a', { href: reportUrl(state, 'csv'), className: 'btn btn-default btn-sm worklane-download-csv',
    download: `${state.report}-${state.from}-${state.to}.csv` }, icon('download-alt'), ' Download CSV');
}

function summaryNode(answer) {
  const kpis = totalsRows(answer.totals).flatMap(total => total.kpis || []);
  return kpis.length ? h('div', { className: 'worklane-report-kpis' },
    h('h4', {}, 'KPIs over the whole range'), kpiList(kpis)) : null;
}

function createPage(node) {
  const { body, messages } = frame(node, { className: 'worklane-reports', title: 'Reports', tab: 'reports' });
  const result = h('div', { className: 'worklane-report-result' });
  let disposed = false;
  let defaults = null;
  let form = null;
  let chart = null;
  let runs = 0; // only the latest run shows its answer

  function disposeChart() {
    if (chart) {
      chart.dispose();
      chart = null;
    }
  }

  function submit(state) {
    const problem = problemOf(state);
    if (problem) {
      say(messages, 'warning', problem);
      return;
    }
    const hash = hashOf(state);
    if (hash === hashOf(stateFromHash(defaults)) && hashNamesReport()) {
      run(state); // the same report again: the hash does not change, so nothing else would run it
    } else {
      location.hash = hash;
    }
  }

  /**
   * The router did not reload the page for a new query (or the user edited the hash): follow it here. A moment
   * later, so that a router that does reload has disposed this page by then, whichever listener ran first.
   */
  function onHashChange() {
    setTimeout(() => {
      if (disposed || !form || !location.hash.startsWith(ROUTE) || !hashNamesReport()) {
        return;
      }
      const state = stateFromHash(defaults);
      form.write(state);
      run(state);
    }, 0);
  }

  async function run(state) {
    const id = ++runs;
    disposeChart();
    loading(result, 'Running the report…');
    let answer;
    try {
      answer = await get(reportUrl(state));
    } catch (error) {
      if (!disposed && id === runs) {
        fill(result);
        sayError(messages, error, 'Report');
      }
      return;
    }
    if (!disposed && id === runs) {
      show(answer, state);
    }
  }

  function show(answer, state) {
    const rows = answer.rows || [];
    const chartHolder = h('div', { className: 'worklane-report-chart' });
    fill(result, headingNode(answer),
      h('p', { className: 'worklane-report-links' }, downloadLink(state)),
      summaryNode(answer),
      chartHolder,
      rows.length ? reportTable(answer)
        : h('p', { className: 'text-muted worklane-report-empty' }, 'No data in this range for these filters.'));
    if (wantsChart(answer)) {
      chart = (answer.report.chart.type === 'line' ? lineChart : barChart)(chartHolder, chartData(answer));
    }
  }

  loading(body);
  get('/api/reports')
    .then(reports => {
      if (disposed) {
        return;
      }
      defaults = defaultState(reports);
      const state = stateFromHash(defaults);
      form = reportForm(reports, state, submit);
      fill(body, form.node, result);
      if (reports.length === 0) {
        fill(result, h('p', { className: 'text-muted' }, 'No report is available to you.'));
      } else if (hashNamesReport()) {
        run(state);
      }
    })
    .catch(error => {
      if (!disposed) {
        fill(body);
        sayError(messages, error, 'Reports');
      }
    });

  window.addEventListener('hashchange', onHashChange);
  return {
    dispose() {
      disposed = true;
      window.removeEventListener('hashchange', onHashChange);
      disposeChart();
    }
  };
}

export default routePlugin('worklane-reports', '/worklane/reports', createPage);

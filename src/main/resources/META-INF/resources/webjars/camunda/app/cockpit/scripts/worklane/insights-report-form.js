// The reports page's form and its state. The state lives in the hash's query
// (#/worklane/reports?report=intraday-process&from=2026-11-27&to=2026-12-04&grain=day&department=Sales), so a link
// reproduces a report; the same state makes the API's URL and the CSV's.

import { h, icon } from '../../../worklane/common/dom.js';
import { seg } from '../../../worklane/common/http.js';
import { daysAgo, isLocalDate } from './insights-format.js';

export const ROUTE = '#/worklane/reports';
export const FILTERS = [['department', 'Department'], ['process', 'Process'], ['segment', 'Segment'],
  ['sourceSystem', 'Source system'], ['agent', 'Agent']];
const GRAINS = [['day', 'Per day'], ['interval', 'Per 15 minutes'], ['total', 'Whole range']];
const QUERY_KEYS = ['from', 'to', 'grain', ...FILTERS.map(([key]) => key)];

/** The state a page starts with: the last 7 days to today, per day, no filter. */
export function defaultState(reports) {
  return { report: reports.length ? reports[0].id : '', from: daysAgo(7), to: daysAgo(0), grain: 'day' };
}

/** The state in the hash's query, over the defaults; values that make no sense are left out. */
export function stateFromHash(defaults, hash = location.hash) {
  const params = new URLSearchParams(hash.includes('?') ? hash.slice(hash.indexOf('?') + 1) : '');
  const state = { ...defaults };
  const text = key => (params.get(key) || '').trim();
  if (text('report')) {
    state.report = text('report');
  }
  ['from', 'to'].filter(key => isLocalDate(text(key))).forEach(key => { state[key] = text(key); });
  if (GRAINS.some(([grain]) => grain === text('grain'))) {
    state.grain = text('grain');
  }
  FILTERS.forEach(([key]) => {
    if (text(key)) {
      state[key] = text(key);
    }
  });
  return state;
}

/** Does the hash name a report to run (a link, or the Run button's navigation)? */
export const hashNamesReport = (hash = location.hash) => new URLSearchParams(hash.split('?')[1] || '').has('report');

/** key=value&... in a fixed order, empty values left out: equal states make equal strings. */
function query(state, keys) {
  return keys.filter(key => state[key]).map(key => `${encodeURIComponent(key)}=${encodeURIComponent(state[key])}`)
    .join('&');
}

export function hashOf(state) {
  return `${ROUTE}?${query(state, ['report', ...QUERY_KEYS])}`;
}

/** GET /api/reports/{id}?from&to&grain&filters; format=csv for the download. */
export function reportUrl(state, format) {
  return `/api/reports/${seg(state.report)}?${query(state, QUERY_KEYS)}${format ? `&format=${format}` : ''}`;
}

/** What is wrong with a state, in words; null when it can run. */
export function problemOf(state) {
  if (!state.report) {
    return 'Choose a report.';
  }
  if (!isLocalDate(state.from) || !isLocalDate(state.to)) {
    return 'Give the first and the last day of the report.';
  }
  return state.from > state.to ? 'The first day comes after the last day.' : null;
}

/**
 * The form: report (with its description), from, to, grain, the filters and Run. onRun(state) gets what it says.
 * Returns { node, write(state) }.
 */
export function reportForm(reports, state, onRun) {
  const input = (name, label, type = 'text') => h('input', { type, className: 'form-control input-sm', name,
    'aria-label': label, placeholder: label });
  const report = h('select', { className: 'form-control input-sm', name: 'report', 'aria-label': 'Report',
    onchange: describe }, reports.map(entry => h('option', { value: entry.id }, entry.name || entry.id)));
  const from = input('from', 'From', 'date');
  const to = input('to', 'To (inclusive)', 'date');
  const grain = h('select', { className: 'form-control input-sm', name: 'grain', 'aria-label': 'Grain' },
    GRAINS.map(([value, label]) => h('option', { value }, label)));
  const filters = Object.fromEntries(FILTERS.map(([key, label]) => [key, input(key, label)]));
  const description = h('p', { className: 'help-block worklane-report-description' });

  function describe() {
    const chosen = reports.find(entry => entry.id === report.value);
    description.textContent = chosen ? chosen.description || '' : '';
  }

  function read() {
    const result = { report: report.value, from: from.value, to: to.value, grain: grain.value };
    FILTERS.forEach(([key]) => {
      if (filters[key].value.trim()) {
        result[key] = filters[key].value.trim();
      }
    });
    return result;
  }

  function write(next) {
    if (next.report && ![...report.options].some(option => option.value === next.report)) {
      // a link to a report this list does not offer: kept, so the server says what is wrong with it
      report.appendChild(h('option', { value: next.report }, next.report));
    }
    report.value = next.report || '';
    from.value = next.from || '';
    to.value = next.to || '';
    grain.value = next.grain || 'day';
    FILTERS.forEach(([key]) => { filters[key].value = next[key] || ''; });
    describe();
  }

  const label = (text, control) => h('label', { className: 'worklane-inline-label' }, text, ' ', control);
  const node = h('form', { className: 'worklane-filter worklane-report-form', onsubmit: event => {
    event.preventDefault();
    onRun(read());
  } },
  h('div', { className: 'form-inline' }, label('Report', report), ' ', label('From', from), ' ', label('to', to), ' ',
    grain),
  description,
  h('div', { className: 'form-inline worklane-filter-fields' }, FILTERS.map(([key]) => [filters[key], ' ']),
    h('button', { type: 'submit', className: 'btn btn-primary btn-sm worklane-run-report' }, icon('play'), ' Run')));
  write(state);
  return { node, write };
}

// The figures of a DONE simulation (the API's Comparison): its runs' totals side by side and, for two, the
// candidate's difference from current (second minus first), green where it is better and red where it is worse by the
// figure's direction; three charts; the same per department and customer segment. Any figure may be missing ("—").

import { h } from '../../../worklane/common/dom.js';
import { duration, humanize, number } from '../../../worklane/common/format.js';
import { barChart, lineChart } from './chart.js';
import { isMissing, measureText, measureTitle, NONE, periodLabel } from './insights-format.js';

// better: 1 when more is better, -1 when less is, 0 when neither (the difference is shown uncoloured)
const spread = (key, label, of, better) => ({ key: `${of}.${key}`, label, unit: 'seconds', better,
  value: run => (run[of] || {})[key], difference: of === 'waitSeconds' ? d => d.waitSeconds[key] : null });
const total = (key, label, unit, better) => ({ key, label, unit, better, value: run => (run.totals || {})[key],
  difference: d => d.totals[key] });

const TOTALS = [
  total('arrived', 'Arrived', 'count', 0),
  total('refused', 'Refused at capture', 'count', -1),
  total('serviceLevel', 'Service level', 'ratio', 1),
  total('done', 'Done', 'count', 1),
  total('doneWithinSla', 'Done within SLA', 'count', 1),
  total('overdue', 'Overdue', 'count', -1),
  total('backlogAtEnd', 'Backlog at the end', 'count', -1),
  total('waitedShare', 'Share that waited', 'ratio', -1),
  total('occupancy', 'Occupancy', 'ratio', 0),
  total('itemsPerAgentGini', 'Items per agent (Gini, 0 = even)', 'count', -1),
  spread('mean', 'Wait: mean', 'waitSeconds', -1),
  spread('p50', 'Wait: median (p50)', 'waitSeconds', -1),
  spread('p90', 'Wait: p90', 'waitSeconds', -1),
  spread('p95', 'Wait: p95', 'waitSeconds', -1),
  spread('p99', 'Wait: p99', 'waitSeconds', -1),
  spread('max', 'Wait: longest', 'waitSeconds', -1),
  spread('mean', 'Handle time: mean', 'handleSeconds', 0),
  spread('p90', 'Handle time: p90', 'handleSeconds', 0)
];

const GROUP_FIGURES = [
  { key: 'arrived', label: 'Arrived', unit: 'count', better: 0 },
  { key: 'serviceLevel', label: 'Service level', unit: 'ratio', better: 1 },
  { key: 'meanWaitSeconds', label: 'Mean wait', unit: 'seconds', better: -1 },
  { key: 'p90WaitSeconds', label: 'P90 wait', unit: 'seconds', better: -1 },
  { key: 'overdue', label: 'Overdue', unit: 'count', better: -1 }
];

const WAIT_PERCENTILES = [['mean', 'Mean'], ['p50', 'P50'], ['p90', 'P90'], ['p95', 'P95'], ['p99', 'P99']];
const NUMBER = 'worklane-number';
const pointsFormat = new Intl.NumberFormat(undefined, { maximumFractionDigits: 1 });
const hourMinute = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });

export const runLabel = name => humanize(name || '');

/** How large a difference is, without its sign: ratios in percentage points, durations in words. */
function magnitude(value, unit) {
  switch (unit) {
    case 'ratio': return `${pointsFormat.format(value * 100)} pp`;
    case 'seconds': return duration(value);
    default: return number(value);
  }
}

/** A difference cell: signed, and better or worse by the figure's direction where the shown value is not zero. */
function differenceCell(value, unit, better) {
  if (isMissing(value)) {
    return h('td', { className: `${NUMBER} worklane-difference` }, NONE);
  }
  const size = magnitude(Math.abs(value), unit);
  const same = size === magnitude(0, unit);
  const verdict = same || better === 0 ? 'same' : Math.sign(value) === better ? 'better' : 'worse';
  return h('td', { className: `${NUMBER} worklane-difference worklane-${verdict}`, dataset: { value: String(value) },
    title: unit === 'ratio' ? 'percentage points' : measureTitle(value, unit) },
  same ? size : `${value > 0 ? '+' : '−'}${size}`,
  verdict === 'same' ? null : h('span', { className: 'sr-only' }, ` (${verdict})`));
}

function valueCell(value, unit, run) {
  return h('td', { className: NUMBER, title: measureTitle(value, unit),
    dataset: { run, value: isMissing(value) ? '' : String(value) } }, measureText(value, unit));
}

const minus = (a, b) => (isMissing(a) || isMissing(b) ? null : b - a);

/** The API's difference where it gives one, else the same subtraction of the two runs' figures. */
function differenceOf(given, a, b) {
  return given === undefined ? minus(a, b) : given;
}

/** One run alone gets a narrower table: its figures stay near their labels. */
const tableClass = compared => ['cam-table table table-condensed worklane-whatif-table',
  compared ? null : 'worklane-whatif-single'].filter(Boolean).join(' ');

function totalsTable(comparison) {
  const { runs } = comparison;
  const compared = runs.length === 2;
  const d = comparison.differences;
  return h('table', { className: `${tableClass(compared)} worklane-whatif-totals` },
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Figure'),
      runs.map(run => h('th', { scope: 'col', className: NUMBER, dataset: { run: run.name } }, runLabel(run.name))),
      compared ? h('th', { scope: 'col', className: `${NUMBER} worklane-difference`,
        title: `${runLabel(runs[1].name)} minus ${runLabel(runs[0].name)}` }, 'Difference') : null)),
    h('tbody', {}, TOTALS.map(figure => {
      const values = runs.map(figure.value);
      return h('tr', { dataset: { figure: figure.key } }, h('th', { scope: 'row' }, figure.label),
        values.map((value, index) => valueCell(value, figure.unit, runs[index].name)),
        compared ? differenceCell(differenceOf(d && figure.difference ? figure.difference(d) : undefined,
          values[0], values[1]), figure.unit, figure.better) : null);
    })));
}

/** The names of the groups of every run, in the first run's order, then the others'. */
function groupNames(runs, key) {
  return [...new Set(runs.flatMap(run => (run[key] || []).map(group => group.name)))];
}

/** One table per dimension: a row per group, for each figure a column per run and the difference. */
function groupsTable(comparison, key, differencesKey, title, className) {
  const { runs } = comparison;
  const compared = runs.length === 2;
  const given = new Map(((comparison.differences || {})[differencesKey] || []).map(group => [group.name, group]));
  const names = groupNames(runs, key);
  if (names.length === 0) {
    return h('p', { className: `text-muted ${className}` }, 'No item in these runs.');
  }
  const byName = runs.map(run => new Map((run[key] || []).map(group => [group.name, group])));
  const span = runs.length + (compared ? 1 : 0);
  return h('div', { className: 'worklane-report-table-wrap' },
    h('table', { className: `${tableClass(compared)} worklane-whatif-groups ${className}` },
      h('thead', {}, span === 1
        // one run: a column per figure
        ? h('tr', {}, h('th', { scope: 'col' }, title), GROUP_FIGURES.map(figure => h('th', { scope: 'col',
          className: NUMBER, dataset: { run: runs[0].name } }, figure.label)))
        : [h('tr', {}, h('th', { scope: 'col', rowSpan: 2 }, title),
          GROUP_FIGURES.map(figure => h('th', { scope: 'colgroup', colSpan: span, className: 'worklane-figure-head' },
            figure.label))),
        h('tr', {}, GROUP_FIGURES.map(() => [
          runs.map(run => h('th', { scope: 'col', className: NUMBER, dataset: { run: run.name } }, runLabel(run.name))),
          compared ? h('th', { scope: 'col', className: `${NUMBER} worklane-difference`,
            title: `${runLabel(runs[1].name)} minus ${runLabel(runs[0].name)}` }, 'Δ') : null]))]),
      h('tbody', {}, names.map(name => {
        const groups = byName.map(map => map.get(name) || {});
        const difference = given.get(name) || {};
        return h('tr', { dataset: { group: name } }, h('th', { scope: 'row' }, name),
          GROUP_FIGURES.map(figure => {
            const values = groups.map(group => group[figure.key]);
            return [values.map((value, index) => {
              const cell = valueCell(value, figure.unit, runs[index].name);
              cell.dataset.figure = figure.key;
              return cell;
            }),
            compared ? differenceCell(differenceOf(difference[figure.key], values[0], values[1]), figure.unit,
              figure.better) : null];
          }));
      }))));
}

/** The queued items over the period, a line per run, on the times of every run's samples. */
function backlogData(runs) {
  const times = [...new Set(runs.flatMap(run => (run.backlog || []).map(point => point.at)))]
    .sort((a, b) => Date.parse(a) - Date.parse(b));
  const first = Date.parse(times[0]);
  const oneDay = times.length > 0 && Date.parse(times[times.length - 1]) - first <= 24 * 3600 * 1000;
  return {
    categories: times.map(at => (oneDay ? hourMinute.format(new Date(at)) : periodLabel(at, null, 'interval'))),
    series: runs.map(run => {
      const queued = new Map((run.backlog || []).map(point => [point.at, point.queued]));
      return { name: runLabel(run.name), unit: 'count', data: times.map(at => (queued.has(at) ? queued.get(at) : null)) };
    })
  };
}

function waitData(runs) {
  return {
    categories: WAIT_PERCENTILES.map(([, label]) => label),
    series: runs.map(run => ({ name: runLabel(run.name), unit: 'seconds',
      data: WAIT_PERCENTILES.map(([key]) => (run.waitSeconds || {})[key] ?? null) }))
  };
}

function segmentWaitData(runs) {
  const names = groupNames(runs, 'bySegment');
  return {
    categories: names,
    series: runs.map(run => {
      const waits = new Map((run.bySegment || []).map(group => [group.name, group.meanWaitSeconds]));
      return { name: runLabel(run.name), unit: 'seconds', data: names.map(name => waits.get(name) ?? null) };
    })
  };
}

/** "Current: simulated in 23 s · 0 failed jobs · ...": how each run itself went, problems in the warning colour. */
export function runFacts(runs) {
  return h('ul', { className: 'list-unstyled small worklane-whatif-run-facts' }, runs.map(run => {
    const info = run.run || {};
    const refused = Object.entries(info.refusedCaptures || {}).map(([why, count]) => `${count} ${why}`);
    const fact = (text, bad) => h('span', { className: bad ? 'text-warning' : 'text-muted' }, text);
    return h('li', { dataset: { run: run.name } }, h('strong', {}, runLabel(run.name)), ': ',
      fact(`simulated in ${isMissing(info.wallSeconds) ? NONE : duration(info.wallSeconds)}`), ' · ',
      fact(`${number(info.failedJobs || 0)} failed jobs`, info.failedJobs > 0), ' · ',
      fact(`${number(info.missedOffers || 0)} missed offers`), ' · ',
      fact(`${number(info.refusedAgentActions || 0)} refused agent actions`, info.refusedAgentActions > 0), ' · ',
      fact(refused.length ? `refused captures: ${refused.join(', ')}` : 'no refused capture', refused.length > 0));
  }));
}

/** The totals of every run side by side: the page's first answer. */
export function totalsNode(comparison) {
  const runs = comparison.runs || [];
  return h('section', { className: 'worklane-whatif-section worklane-whatif-totals-section' },
    h('h3', { className: 'worklane-subtitle' }, 'Totals'),
    totalsTable(comparison),
    runs.length === 2 ? h('p', { className: 'help-block small' }, `Difference: ${runLabel(runs[1].name)} minus `
      + `${runLabel(runs[0].name)}, `, h('span', { className: 'worklane-better' }, 'green'), ' where it is better, ',
    h('span', { className: 'worklane-worse' }, 'red'), ' where it is worse; ratios differ in percentage points (pp).')
      : null);
}

/** Draws the charts and the figures per department and segment into node. Returns { dispose() } for the charts. */
export function showDetails(node, comparison) {
  const runs = comparison.runs || [];
  const section = (className, title, ...content) => h('section', {
    className: `worklane-whatif-section ${className}` }, h('h3', { className: 'worklane-subtitle' }, title), content);
  const box = (title, className) => h('div', { className: `worklane-whatif-chart ${className}` },
    h('h4', {}, title));
  const backlog = box('Queued items over the period', 'worklane-whatif-backlog');
  const waits = box('Wait until offered: mean and percentiles', 'worklane-whatif-waits');
  const segments = box('Mean wait per customer segment', 'worklane-whatif-segment-waits');
  node.append(
    section('worklane-whatif-charts', 'Charts', backlog, h('div', { className: 'row' },
      h('div', { className: 'col-md-6' }, waits), h('div', { className: 'col-md-6' }, segments))),
    section('worklane-whatif-by-department', 'By department',
      groupsTable(comparison, 'byDepartment', 'byDepartment', 'Department', 'worklane-whatif-departments')),
    section('worklane-whatif-by-segment', 'By customer segment',
      groupsTable(comparison, 'bySegment', 'bySegment', 'Segment', 'worklane-whatif-segments')));
  const charts = [lineChart(backlog, backlogData(runs)), barChart(waits, waitData(runs)),
    barChart(segments, segmentWaitData(runs))];
  return { dispose: () => charts.forEach(chart => chart.dispose()) };
}

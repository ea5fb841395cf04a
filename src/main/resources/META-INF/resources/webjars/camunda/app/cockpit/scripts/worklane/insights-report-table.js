// A report's rows as a table (class worklane-report-table), drawn from the report's definition: the period (named in
// the report's zone), the dimensions, then the columns with their units; the totals in the foot. A task detail row
// links its item to the item page.

import { h } from '../../../worklane/common/dom.js';
import { dateTime, humanize } from '../../../worklane/common/format.js';
import { isMissing, measureText, measureTitle, NUMERIC_UNITS, periodLabel } from './insights-format.js';
import { kpiList } from './insights-kpi.js';

// where a detail row carries its work item's id, in the order looked for
const ITEM_ID_KEYS = ['itemId', 'workItemId', 'id'];
const ITEM_LINK = 'item';

const itemIdOf = row => {
  const key = ITEM_ID_KEYS.find(candidate => row[candidate] !== null && row[candidate] !== undefined);
  return key ? row[key] : null;
};

/** The columns of the table: [{ key, label, unit, period?, link? }]. */
export function tableColumns(report, rows, grain) {
  const columns = report.columns || [];
  const keys = new Set(columns.map(column => column.key));
  const result = [];
  if (rows.some(row => row.period)) {
    result.push({ key: 'period', label: grain === 'interval' ? 'Interval' : 'Day', unit: 'text', period: true });
  }
  (report.dimensions || []).filter(key => !keys.has(key))
    .forEach(key => result.push({ key, label: humanize(key), unit: 'text' }));
  result.push(...columns.map(column => ({ ...column, label: column.label || humanize(column.key) })));
  return withItemLink(result, rows);
}

/**
 * Detail rows (no period) link their item: the id's own column if shown, else the external id's, else a first
 * column "Item" that shows the id.
 */
function withItemLink(columns, rows) {
  if (rows.length === 0 || rows.some(row => row.period) || !rows.some(itemIdOf)) {
    return columns;
  }
  const shown = columns.find(column => ITEM_ID_KEYS.includes(column.key)) ||
    columns.find(column => column.key === 'externalId');
  if (shown) {
    return columns.map(column => (column === shown ? { ...column, link: true } : column));
  }
  return [{ key: ITEM_LINK, label: 'Item', unit: 'text', link: true, showsId: true }, ...columns];
}

function cellNode(column, row, answer) {
  const value = column.showsId ? itemIdOf(row) : row[column.key];
  if (column.period) {
    return h('td', { className: 'worklane-period', title: value ? dateTime(value) : null },
      periodLabel(value, answer.zone, answer.grain));
  }
  const numeric = NUMERIC_UNITS.includes(column.unit);
  const text = column.blank && isMissing(value) ? '' : measureText(value, column.unit);
  const id = column.link ? itemIdOf(row) : null;
  return h('td', { className: numeric ? 'worklane-number' : null, title: measureTitle(value, column.unit),
    dataset: { column: column.key } },
  id !== null && id !== undefined
    ? h('a', { href: `#/worklane/item/${encodeURIComponent(id)}`, className: 'worklane-item-link' }, text) : text);
}

const hasKpis = list => list.some(row => row && row.kpis && row.kpis.length);

function rowNode(columns, row, answer, withKpis) {
  return h('tr', {}, columns.map(column => cellNode(column, row, answer)),
    withKpis ? h('td', { className: 'worklane-row-kpis' }, kpiList(row.kpis)) : null);
}

/** Totals are one row, or one per dimension group: either way, rows of the foot. */
export const totalsRows = totals => (Array.isArray(totals) ? totals : totals ? [totals] : []);

/**
 * The totals' columns: the first says "Total" unless the totals name their group there; a period, a dimension or a
 * text the totals do not have stays empty rather than "—" (nothing is missing there).
 */
function totalsColumns(columns) {
  return columns.map((column, index) => ({ ...column, period: false, link: false, showsId: false,
    unit: index === 0 || column.period || column.showsId ? 'text' : column.unit,
    blank: index > 0 && !NUMERIC_UNITS.includes(column.unit) }));
}

function totalsNode(columns, totals, answer, withKpis) {
  const labelled = totalsColumns(columns);
  return totals.map(total => {
    const first = columns[0];
    const row = first && isMissing(total[first.key]) ? { ...total, [first.key]: 'Total' } : total;
    return h('tr', { className: 'worklane-totals' }, labelled.map(column => cellNode(column, row, answer)),
      withKpis ? h('td', { className: 'worklane-row-kpis' }, kpiList(total.kpis)) : null);
  });
}

/** The table of a report's answer ({ report, rows, totals, zone, grain }). */
export function reportTable(answer) {
  const rows = answer.rows || [];
  const columns = tableColumns(answer.report, rows, answer.grain);
  // totals with no figure of the table's (e.g. only KPIs) make no row
  const totals = totalsRows(answer.totals).filter(total => columns.some(column => !isMissing(total[column.key])));
  const withKpis = hasKpis(rows) || hasKpis(totals);
  return h('div', { className: 'worklane-report-table-wrap' },
    h('table', { className: 'cam-table table table-condensed worklane-report-table' },
      h('thead', {}, h('tr', {}, columns.map(column => h('th', {
        className: NUMERIC_UNITS.includes(column.unit) ? 'worklane-number' : null, scope: 'col',
        dataset: { column: column.key } }, column.label)), withKpis ? h('th', { scope: 'col' }, 'KPIs') : null)),
      h('tbody', {}, rows.map(row => rowNode(columns, row, answer, withKpis))),
      totals.length && rows.length ? h('tfoot', {}, totalsNode(columns, totals, answer, withKpis)) : null));
}

// Any JSON value as DOM: the custom attributes, the context data of any source and an event's details are shown
// from the data itself, so a new source or attribute needs no change here.

import { h } from './dom.js';
import { dateTime, humanize, number } from './format.js';

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

export function isEmpty(value) {
  return value === null || value === undefined || value === '' ||
    (Array.isArray(value) && value.length === 0) ||
    (typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length === 0);
}

/** A scalar as text: instants in the user's zone, numbers in their language, Yes/No. */
export function scalarText(value) {
  if (value === null || value === undefined || value === '') {
    return '—';
  }
  if (typeof value === 'boolean') {
    return value ? 'Yes' : 'No';
  }
  if (typeof value === 'number') {
    return number(value);
  }
  if (typeof value === 'string' && INSTANT.test(value) && !Number.isNaN(Date.parse(value))) {
    return dateTime(value);
  }
  return String(value);
}

/** One value: a scalar as text, a list as a list, an object as a nested table of its fields. */
export function valueNode(value) {
  if (Array.isArray(value)) {
    if (value.every(entry => entry === null || typeof entry !== 'object')) {
      return h('span', { className: 'worklane-value' }, value.map(scalarText).join(', '));
    }
    return h('ol', { className: 'worklane-value-list' }, value.map(entry => h('li', {}, valueNode(entry))));
  }
  if (value !== null && typeof value === 'object') {
    return fieldsTable(Object.keys(value).map(key => ({ key, label: humanize(key), value: value[key] })), 'nested');
  }
  const text = scalarText(value);
  const node = h('span', { className: value === null || value === undefined || value === '' ? 'worklane-value text-muted'
    : 'worklane-value' }, text);
  if (typeof value === 'string' && text !== value) {
    node.title = value;
  }
  return node;
}

/** rows: [{ key, label, value, node? }] -> a two-column table (label, value) with a data-field per row. */
export function fieldsTable(rows, kind) {
  return h('table', { className: `table table-condensed worklane-fields${kind ? ` worklane-fields-${kind}` : ''}` },
    h('tbody', {}, rows.map(row => h('tr', { dataset: { field: row.key } },
      h('th', { scope: 'row', title: row.key }, row.label),
      h('td', {}, row.node || valueNode(row.value))))));
}

/** A compact form for small print (an event's details): "Label value" lines, nested objects indented. */
export function compactNode(value) {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    return h('ul', { className: 'worklane-compact' }, Object.keys(value).map(key => h('li', { dataset: { field: key } },
      h('span', { className: 'worklane-compact-label', title: key }, humanize(key)), ' ',
      value[key] !== null && typeof value[key] === 'object' && !Array.isArray(value[key])
        ? compactNode(value[key]) : valueNode(value[key]))));
  }
  return valueNode(value);
}

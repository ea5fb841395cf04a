// A table that a refresh updates in place: rows are matched by key and only the cells whose content changed are
// touched, so the wallboard neither flickers nor loses the scroll position, a text selection or a hover.

import { h } from '../../../worklane/common/dom.js';
import { clock } from '../../../worklane/common/format.js';
import { serverNow } from '../../../worklane/common/http.js';

/**
 * A cell is what column.cell(row, context) returns:
 * - a string: its text;
 * - { text, title, className }: text with a tooltip and classes;
 * - { since }: a time in ms since which a clock runs ("4:05"), ticked by tickClocks();
 * - { node: () => Node, key }: built content, rebuilt only when key changes.
 */
function normalise(cell) {
  if (cell !== null && typeof cell === 'object') {
    return cell;
  }
  return { text: cell === null || cell === undefined ? '' : String(cell) };
}

function setAttribute(element, name, value) {
  if (value === null || value === undefined || value === '') {
    element.removeAttribute(name);
  } else if (element.getAttribute(name) !== value) {
    element.setAttribute(name, value);
  }
}

/** The running time of a clock cell. */
const clockText = since => clock((serverNow() - since) / 1000);

function updateCell(td, column, cell) {
  const spec = normalise(cell);
  if (spec.node) {
    if (td.dataset.key !== spec.key) {
      td.replaceChildren(spec.node());
      td.dataset.key = spec.key;
    }
  } else {
    const text = spec.since !== undefined && spec.since !== null ? clockText(spec.since) : spec.text;
    if (td.textContent !== text) {
      td.textContent = text;
    }
    delete td.dataset.key;
  }
  if (spec.since !== undefined && spec.since !== null) {
    td.dataset.since = String(spec.since);
  } else {
    delete td.dataset.since;
  }
  setAttribute(td, 'title', spec.title);
  const className = [column.className, spec.className].filter(Boolean).join(' ');
  if (td.className !== className) {
    td.className = className;
  }
}

/** Advances every clock cell under root; called every second between refreshes. */
export function tickClocks(root) {
  for (const td of root.querySelectorAll('[data-since]')) {
    const text = clockText(Number(td.dataset.since));
    if (td.textContent !== text) {
      td.textContent = text;
    }
  }
}

/**
 * columns: [{ label, className, cell: (row, context) => cell }]; keyOf(row) names a row across refreshes.
 * Returns { node, update(rows, context, totals) }: the rows in the server's order, totals (a row or null) in the foot.
 */
export function keyedTable(className, columns, keyOf) {
  const tbody = h('tbody', {});
  const tfoot = h('tfoot', {});
  const node = h('table', { className: `cam-table table table-condensed ${className}` },
    h('thead', {}, h('tr', {}, columns.map(column => h('th', { className: column.className, scope: 'col' },
      column.label)))),
    tbody, tfoot);
  const rows = new Map();

  function newRow(key) {
    return h('tr', { dataset: { key } }, columns.map(column => h('td', { className: column.className })));
  }

  function updateRow(tr, row, context) {
    columns.forEach((column, index) => updateCell(tr.cells[index], column, column.cell(row, context)));
  }

  function updateBody(list, context) {
    const seen = new Set();
    let previous = null;
    for (const row of list) {
      let key = String(keyOf(row));
      while (seen.has(key)) {
        // two rows with one key would share a <tr>: keep both
        key += '\u0000';
      }
      seen.add(key);
      if (!rows.has(key)) {
        rows.set(key, newRow(key));
      }
      const tr = rows.get(key);
      updateRow(tr, row, context);
      // the server's order, moving only the rows that are out of place
      const expected = previous ? previous.nextSibling : tbody.firstChild;
      if (expected !== tr) {
        tbody.insertBefore(tr, expected);
      }
      previous = tr;
    }
    for (const [key, tr] of rows) {
      if (!seen.has(key)) {
        tr.remove();
        rows.delete(key);
      }
    }
  }

  function updateFoot(totals, context) {
    if (!totals) {
      tfoot.replaceChildren();
      return;
    }
    if (!tfoot.firstChild) {
      tfoot.appendChild(newRow('totals'));
      tfoot.firstChild.classList.add('worklane-totals');
    }
    updateRow(tfoot.firstChild, totals, context);
  }

  return {
    node,
    update(list, context, totals) {
      updateBody(list || [], context);
      updateFoot(totals, context);
    }
  };
}

// The universal queue page (#/worklane/queue): every item of the supervisor's departments in any state (the API
// scopes it), filtered, sorted and paged with the API's cursor; saved filters; actions on a selection or on the
// whole filter (bulk: preview, confirm, progress, what failed).

import { del, get, post, put, seg } from '../../../worklane/common/http.js';
import { fill, h, icon } from '../../../worklane/common/dom.js';
import { dateTime, duration, instantOfLocalInput, itemStateLabel, localInputValue, number }
  from '../../../worklane/common/format.js';
import { ACTIONS, actionNamed, applyTo, priorityOptions } from './actions.js';
import { frame, loading, routePlugin, say, sayError, stateClass } from './page.js';
import { bulkRun } from './bulk.js';

export const STATES = ['CAPTURED', 'SCHEDULED', 'QUEUED', 'OFFERED', 'IN_PROGRESS', 'PARKED', 'AWAITING_CONFIRMATION',
  'HELD', 'COMPLETED', 'CANCELED', 'REJECTED'];
const TEXT_FILTERS = [
  ['department', 'Department'], ['process', 'Process'], ['segment', 'Segment'], ['sourceSystem', 'Source system'],
  ['skill', 'Skill'], ['agent', 'Agent']
];
const TARGET_LEVELS = ['PREFERRED', 'PRIMARY', 'SECONDARY', 'TERTIARY', 'TRANSFER'];
const SORTS = [['distribution', 'Distribution order'], ['due', 'Due date'], ['captured', 'Captured']];
const PAGE_SIZE = 50;
const STORED = 'worklane.cockpit.queue.filter';

/** The filter the page starts with: what the supervisor last looked at in this tab, else the queued items. */
function initialQuery() {
  try {
    const stored = JSON.parse(sessionStorage.getItem(STORED));
    if (stored && typeof stored === 'object') {
      return stored;
    }
  } catch (none) {
    // nothing stored
  }
  return { state: ['QUEUED'], sort: 'distribution' };
}

function createPage(node) {
  const { body, messages } = frame(node, { className: 'worklane-queue', title: 'Work queue', tab: 'queue' });
  let disposed = false;
  let query = initialQuery();
  let cursor = null;
  let pageNumber = 1;
  let rows = new Map();
  const selected = new Set();
  let stopBulk = null;

  // ---- filter form ----
  const stateBoxes = STATES.map(state => h('input', { type: 'checkbox', value: state, name: 'state' }));
  const texts = Object.fromEntries(TEXT_FILTERS.map(([key, label]) =>
    [key, h('input', { type: 'text', className: 'form-control input-sm', name: key, placeholder: label,
      'aria-label': label })]));
  const targetLevel = h('select', { className: 'form-control input-sm', name: 'targetLevel', 'aria-label': 'Target level' },
    h('option', { value: '' }, 'Any target level'), TARGET_LEVELS.map(level => h('option', { value: level }, level)));
  const overdue = h('select', { className: 'form-control input-sm', name: 'overdue', 'aria-label': 'Overdue' },
    h('option', { value: '' }, 'Overdue or not'), h('option', { value: 'true' }, 'Overdue only'),
    h('option', { value: 'false' }, 'Not overdue'));
  const dueBefore = h('input', { type: 'datetime-local', className: 'form-control input-sm', name: 'dueBefore',
    'aria-label': 'Due before', title: 'Due before (your time zone)' });
  const text = h('input', { type: 'search', className: 'form-control input-sm', name: 'q',
    placeholder: 'External id, customer id or surname', 'aria-label': 'Search' });
  const sort = h('select', { className: 'form-control input-sm', name: 'sort', 'aria-label': 'Sort' },
    SORTS.map(([value, label]) => h('option', { value }, label)));

  function formToQuery() {
    const result = { state: stateBoxes.filter(box => box.checked).map(box => box.value) };
    if (result.state.length === 0) {
      result.state = ['QUEUED'];
    }
    for (const [key] of TEXT_FILTERS) {
      if (texts[key].value.trim()) {
        result[key] = texts[key].value.trim();
      }
    }
    if (targetLevel.value) {
      result.targetLevel = targetLevel.value;
    }
    if (overdue.value) {
      result.overdue = overdue.value;
    }
    const before = instantOfLocalInput(dueBefore.value);
    if (before) {
      result.dueBefore = before;
    }
    if (text.value.trim()) {
      result.q = text.value.trim();
    }
    result.sort = sort.value || 'distribution';
    return result;
  }

  function queryToForm(q) {
    const states = Array.isArray(q.state) ? q.state : q.state ? [q.state] : ['QUEUED'];
    stateBoxes.forEach(box => { box.checked = states.includes(box.value); });
    for (const [key] of TEXT_FILTERS) {
      texts[key].value = q[key] || '';
    }
    targetLevel.value = q.targetLevel || '';
    overdue.value = q.overdue || '';
    dueBefore.value = localInputValue(q.dueBefore);
    text.value = q.q || '';
    sort.value = q.sort || 'distribution';
  }

  const filterForm = h('form', { className: 'worklane-filter', onsubmit: event => {
    event.preventDefault();
    search(formToQuery());
  } },
  h('fieldset', { className: 'worklane-states' }, h('legend', {}, 'States'),
    stateBoxes.map(box => h('label', { className: 'checkbox-inline' }, box, ' ', itemStateLabel(box.value)))),
  h('div', { className: 'form-inline worklane-filter-fields' },
    text, ' ', TEXT_FILTERS.map(([key]) => [texts[key], ' ']), targetLevel, ' ', overdue, ' ',
    h('label', { className: 'worklane-inline-label' }, 'Due before ', dueBefore), ' ',
    h('label', { className: 'worklane-inline-label' }, 'Sort ', sort), ' ',
    h('button', { type: 'submit', className: 'btn btn-primary btn-sm worklane-search' }, icon('search'), ' Search'), ' ',
    h('button', { type: 'button', className: 'btn btn-default btn-sm', onclick: () => {
      queryToForm({ state: ['QUEUED'], sort: 'distribution' });
      search(formToQuery());
    } }, 'Reset')));

  // ---- saved filters ----
  const savedSelect = h('select', { className: 'form-control input-sm', name: 'savedFilter',
    'aria-label': 'Saved filters' });
  const saveName = h('input', { type: 'text', className: 'form-control input-sm', name: 'filterName',
    placeholder: 'Name', 'aria-label': 'Name of the filter to save', maxlength: '100' });
  let saved = [];
  const savedBar = h('div', { className: 'form-inline worklane-saved' },
    h('span', { className: 'worklane-inline-label' }, icon('bookmark'), ' Saved filters'), ' ',
    savedSelect, ' ',
    h('button', { type: 'button', className: 'btn btn-default btn-sm worklane-apply-filter', onclick: applySaved },
      'Apply'), ' ',
    h('button', { type: 'button', className: 'btn btn-default btn-sm worklane-delete-filter', onclick: deleteSaved },
      icon('trash'), ' Delete'), ' ',
    h('span', { className: 'worklane-separator' }), ' ',
    saveName, ' ',
    h('button', { type: 'button', className: 'btn btn-default btn-sm worklane-save-filter', onclick: saveFilter },
      icon('floppy-disk'), ' Save as'));

  async function loadSaved(select) {
    try {
      saved = await get('/api/queue/filters');
    } catch (error) {
      sayError(messages, error, 'Saved filters');
      saved = [];
    }
    fill(savedSelect, saved.length === 0 ? h('option', { value: '' }, 'None saved yet')
      : saved.map(filter => h('option', { value: filter.name }, filter.name)));
    if (select) {
      savedSelect.value = select;
    }
  }

  function applySaved() {
    const filter = saved.find(entry => entry.name === savedSelect.value);
    if (filter) {
      queryToForm(filter.query || {});
      search(formToQuery());
      say(messages, 'info', `Filter “${filter.name}” applied.`);
    }
  }

  async function deleteSaved() {
    const name = savedSelect.value;
    if (!name) {
      return;
    }
    try {
      await del(`/api/queue/filters/${seg(name)}`);
      say(messages, 'success', `Filter “${name}” deleted.`);
      await loadSaved();
    } catch (error) {
      sayError(messages, error, 'Delete filter');
    }
  }

  async function saveFilter() {
    const name = saveName.value.trim();
    if (!name) {
      say(messages, 'warning', 'Give the filter a name first.');
      saveName.focus();
      return;
    }
    try {
      await put(`/api/queue/filters/${seg(name)}`, { query: formToQuery() });
      say(messages, 'success', `Filter “${name}” saved.`);
      saveName.value = '';
      await loadSaved(name);
    } catch (error) {
      sayError(messages, error, 'Save filter');
    }
  }

  // ---- actions ----
  const actionSelect = h('select', { className: 'form-control input-sm', name: 'action', 'aria-label': 'Action',
    onchange: showPriorityInputs }, ACTIONS.map(entry => h('option', { value: entry.action }, entry.label)));
  const priorityInput = h('input', { type: 'number', className: 'form-control input-sm worklane-priority',
    name: 'priority', placeholder: 'Priority', 'aria-label': 'Priority', step: '1' });
  const untilInput = h('input', { type: 'datetime-local', className: 'form-control input-sm', name: 'until',
    'aria-label': 'Until', title: 'Until (optional; your time zone)' });
  const priorityInputs = h('span', { className: 'worklane-priority-inputs' }, priorityInput, ' ',
    h('label', { className: 'worklane-inline-label' }, 'until ', untilInput));
  const selectionButton = h('button', { type: 'button', className: 'btn btn-default btn-sm worklane-apply-selected',
    onclick: applyToSelection });
  const filterButton = h('button', { type: 'button', className: 'btn btn-warning btn-sm worklane-apply-filter-bulk',
    onclick: previewBulk }, icon('tasks'), ' Apply to the whole filter…');
  const bulkPanel = h('div', { className: 'worklane-bulk' });
  const actionBar = h('div', { className: 'form-inline worklane-actions well well-sm' },
    h('span', { className: 'worklane-inline-label' }, 'Action'), ' ', actionSelect, ' ', priorityInputs, ' ',
    selectionButton, ' ', filterButton);

  function showPriorityInputs() {
    priorityInputs.hidden = actionSelect.value !== 'SET_PRIORITY';
  }

  function updateSelectionButton() {
    selectionButton.disabled = selected.size === 0;
    fill(selectionButton, icon('check'), ` Apply to selected (${selected.size})`);
  }

  /** { priority, until } for SET_PRIORITY; {} otherwise. Throws with a message for the user. */
  function actionOptions(action) {
    return action === 'SET_PRIORITY' ? priorityOptions(priorityInput.value.trim(), instantOfLocalInput(untilInput.value))
      : {};
  }

  async function applyToSelection() {
    const action = actionSelect.value;
    let options;
    try {
      options = actionOptions(action);
    } catch (problem) {
      say(messages, 'warning', problem.message);
      return;
    }
    const items = [...selected].map(id => rows.get(id)).filter(Boolean);
    selectionButton.disabled = true;
    const failures = [];
    let done = 0;
    for (const item of items) {
      try {
        await applyTo(action, item, options);
        done++;
      } catch (error) {
        if (error.sessionEnded) {
          sayError(messages, error);
          return;
        }
        failures.push([item, error.message]);
      }
    }
    const label = actionNamed(action).label;
    if (failures.length === 0) {
      say(messages, 'success', `${label}: ${done} of ${items.length} item(s) changed.`);
    } else {
      say(messages, 'warning', `${label}: ${done} of ${items.length} item(s) changed; ${failures.length} could not be:`,
        h('ul', { className: 'worklane-failures' }, failures.map(([item, reason]) =>
          h('li', {}, h('a', { href: `#/worklane/item/${encodeURIComponent(item.id)}` }, item.externalId), ': ',
            reason))));
    }
    selected.clear();
    await load();
  }

  async function previewBulk() {
    const action = actionSelect.value;
    let options;
    try {
      options = actionOptions(action);
    } catch (problem) {
      say(messages, 'warning', problem.message);
      return;
    }
    if (stopBulk) {
      stopBulk();
    }
    const known = new Map();
    stopBulk = bulkRun(bulkPanel, { action, query: withoutSort(query), options, messages,
      // the failures name item ids: the pages seen meanwhile know their external ids
      externalIdOf: id => {
        rows.forEach((row, rowId) => known.set(rowId, row.externalId));
        return known.get(id);
      },
      onFinished: () => load() });
  }

  // ---- results ----
  const summary = h('p', { className: 'worklane-summary text-muted' });
  const table = h('table', { className: 'cam-table table table-condensed worklane-queue-table' });
  const pager = h('div', { className: 'worklane-pager' });
  const results = h('div', { className: 'worklane-results' });
  const selectAll = h('input', { type: 'checkbox', 'aria-label': 'Select all on this page', onchange: () => {
    for (const id of rows.keys()) {
      if (selectAll.checked) {
        selected.add(id);
      } else {
        selected.delete(id);
      }
    }
    table.querySelectorAll('tbody input[type=checkbox]').forEach(box => { box.checked = selectAll.checked; });
    updateSelectionButton();
  } });

  function apiParameters() {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(query)) {
      (Array.isArray(value) ? value : [value]).forEach(entry => params.append(key, entry));
    }
    params.set('limit', String(PAGE_SIZE));
    if (cursor) {
      params.set('cursor', cursor);
    } else {
      params.set('count', 'true');
    }
    return params;
  }

  let total = null;

  async function load() {
    loading(results);
    let page;
    try {
      page = await get(`/api/queue?${apiParameters()}`);
    } catch (error) {
      fill(results);
      sayError(messages, error, 'Queue');
      return;
    }
    if (disposed) {
      return;
    }
    if (page.total !== null && page.total !== undefined) {
      total = page.total;
    }
    rows = new Map(page.items.map(row => [row.id, row]));
    for (const id of [...selected]) {
      if (!rows.has(id)) {
        selected.delete(id);
      }
    }
    renderRows(page.items);
    const first = (pageNumber - 1) * PAGE_SIZE + 1;
    fill(summary, page.items.length === 0 ? 'No item matches this filter.'
      : `${total === null ? '' : `${number(total)} item(s) match. `}Showing ${number(first)}–` +
        `${number(first + page.items.length - 1)} (page ${pageNumber}).`);
    fill(pager,
      h('button', { type: 'button', className: 'btn btn-default btn-sm worklane-first-page', disabled: !cursor,
        onclick: () => { cursor = null; pageNumber = 1; load(); } }, icon('step-backward'), ' First page'), ' ',
      h('button', { type: 'button', className: 'btn btn-default btn-sm worklane-next-page', disabled: !page.next,
        onclick: () => { cursor = page.next; pageNumber++; load(); } }, 'Next page ', icon('chevron-right')));
    fill(results, summary, table, pager);
    updateSelectionButton();
  }

  function renderRows(items) {
    selectAll.checked = items.length > 0 && items.every(row => selected.has(row.id));
    fill(table,
      h('thead', {}, h('tr', {},
        h('th', { className: 'worklane-select' }, selectAll),
        ['#', 'External id', 'Customer', 'State', 'Priority', 'Due', 'Waiting', 'Target level', 'Agent', 'Department']
          .map(label => h('th', {}, label)))),
      h('tbody', {}, items.map(rowNode)));
  }

  function rowNode(row) {
    const box = h('input', { type: 'checkbox', 'aria-label': `Select ${row.externalId}`, checked: selected.has(row.id),
      onchange: () => {
        if (box.checked) {
          selected.add(row.id);
        } else {
          selected.delete(row.id);
        }
        updateSelectionButton();
      } });
    const customer = [row.customer, row.customerId && `(${row.customerId})`].filter(Boolean).join(' ');
    return h('tr', { dataset: { id: row.id, externalId: row.externalId }, className: row.overdue ? 'worklane-overdue' : '' },
      h('td', { className: 'worklane-select' }, box),
      h('td', { className: 'text-muted' }, number(row.position)),
      h('td', {}, h('a', { href: `#/worklane/item/${encodeURIComponent(row.id)}`, className: 'worklane-item-link' },
        row.externalId), h('div', { className: 'small text-muted' }, row.sourceSystem)),
      h('td', {}, customer || '—', row.customerSegment ? h('div', { className: 'small text-muted' },
        row.customerSegment) : null),
      h('td', { className: 'worklane-state' }, h('span', { className: `label ${stateClass(row.state)}` },
        itemStateLabel(row.state))),
      h('td', { className: 'worklane-number' }, row.priority === null || row.priority === undefined ? '—'
        : number(row.priority)),
      h('td', {}, row.dueAt ? dateTime(row.dueAt) : '—',
        row.overdue ? [' ', h('span', { className: 'label label-danger worklane-overdue-marker' }, 'Overdue')] : null),
      h('td', {}, row.waitingSeconds === null || row.waitingSeconds === undefined ? '—' : duration(row.waitingSeconds)),
      h('td', {}, row.targetLevel || '—', row.requiredSkill ? h('div', { className: 'small text-muted' },
        row.requiredSkill) : null),
      h('td', {}, row.agent || '—'),
      h('td', {}, row.department || '—', row.process ? h('div', { className: 'small text-muted' }, row.process) : null));
  }

  function search(next) {
    query = next;
    sessionStorage.setItem(STORED, JSON.stringify(query));
    cursor = null;
    pageNumber = 1;
    total = null;
    selected.clear();
    load();
  }

  fill(body, filterForm, savedBar, actionBar, bulkPanel, results);
  queryToForm(query);
  showPriorityInputs();
  updateSelectionButton();
  loadSaved();
  load();

  return {
    dispose() {
      disposed = true;
      if (stopBulk) {
        stopBulk();
      }
    }
  };
}

/** A bulk action's filter: the queue page's parameters but the order. */
function withoutSort(query) {
  const { sort, ...filter } = query;
  return filter;
}

export default routePlugin('worklane-queue-page', '/worklane/queue', createPage);

// A bulk action on a whole queue filter: how many items it will touch (preview), the supervisor's confirmation,
// then its progress polled from the server until it has finished, and the items it could not change with why.

import { get, post, seg } from '../../../worklane/common/http.js';
import { fill, h, icon } from '../../../worklane/common/dom.js';
import { dateTime, number } from '../../../worklane/common/format.js';
import { actionNamed, priorityBody } from './actions.js';
import { sayError } from './page.js';

const POLL_MS = 700;

/**
 * Runs the flow in panel. { action, query, options: { priority, until }, messages, onFinished, externalIdOf }
 * (externalIdOf: an item's external id where the page knows it).
 * Returns a function that stops it (no more polling; the server's work goes on).
 */
export function bulkRun(panel, { action, query, options, messages, onFinished, externalIdOf = () => null }) {
  let stopped = false;
  let timer = null;
  const named = actionNamed(action);

  const stop = () => {
    stopped = true;
    clearTimeout(timer);
  };
  const close = () => {
    stop();
    fill(panel);
  };

  async function preview() {
    fill(panel, box('info', h('p', {}, icon('refresh'), ' Counting the items of this filter…')));
    let answer;
    try {
      answer = await post('/api/queue/bulk/preview', { query });
    } catch (error) {
      fill(panel);
      sayError(messages, error, 'Preview');
      return;
    }
    if (stopped) {
      return;
    }
    if (answer.count === 0) {
      fill(panel, box('info', h('p', { className: 'worklane-bulk-preview' }, 'This filter holds no item: nothing to ',
        named.verb, '.'), closeButton('Close')));
      return;
    }
    const tooMany = answer.count > answer.max;
    const sentence = h('p', { className: 'worklane-bulk-preview' },
      h('strong', {}, named.label), ` will ${named.verb} `, h('strong', { className: 'worklane-bulk-count' },
        number(answer.count)), ` item${answer.count === 1 ? '' : 's'} of this filter`,
      action === 'SET_PRIORITY' ? ` (priority ${number(options.priority)}${options.until
        ? `, until ${dateTime(options.until)}` : ''})` : '', '.',
      tooMany ? h('span', { className: 'text-danger' }, ` That is more than the ${number(answer.max)} one action may `
        + 'change: narrow the filter.') : '');
    fill(panel, box('warning', sentence, h('p', { className: 'worklane-bulk-filter small text-muted' },
      'Filter: ', describe(query)),
    h('div', {},
      h('button', { type: 'button', className: 'btn btn-danger btn-sm worklane-bulk-confirm', disabled: tooMany,
        onclick: () => start(answer.count) }, icon('ok'), ` Confirm: ${named.label.toLowerCase()} ${number(answer.count)}`
        + ` item${answer.count === 1 ? '' : 's'}`), ' ',
      closeButton('Cancel'))));
  }

  async function start(expectedCount) {
    fill(panel, box('info', h('p', {}, icon('refresh'), ' Starting…')));
    const body = { action, query, expectedCount };
    if (action === 'SET_PRIORITY') {
      Object.assign(body, priorityBody(options));
    }
    let progress;
    try {
      progress = await post('/api/queue/bulk', body);
    } catch (error) {
      if (error.status === 409) {
        // the filter holds another count than previewed: count again, the supervisor confirms anew
        fill(panel, box('danger', h('p', { className: 'worklane-bulk-conflict' }, error.message),
          h('button', { type: 'button', className: 'btn btn-default btn-sm', onclick: preview }, 'Count again'), ' ',
          closeButton('Cancel')));
      } else {
        fill(panel);
        sayError(messages, error, 'Bulk action');
      }
      return;
    }
    show(progress);
    poll(progress.id);
  }

  function poll(id) {
    timer = setTimeout(async () => {
      if (stopped) {
        return;
      }
      let progress;
      try {
        progress = await get(`/api/queue/bulk/${seg(id)}`);
      } catch (error) {
        sayError(messages, error, 'Bulk progress');
        if (!error.sessionEnded) {
          poll(id);
        }
        return;
      }
      if (stopped) {
        return;
      }
      show(progress);
      if (progress.finishedAt) {
        onFinished();
      } else {
        poll(id);
      }
    }, POLL_MS);
  }

  function show(progress) {
    const total = Math.max(progress.total, 1);
    const finished = Boolean(progress.finishedAt);
    const bar = (count, kind, label) => h('div', { className: `progress-bar progress-bar-${kind}`, role: 'progressbar',
      'aria-valuenow': String(count), 'aria-valuemin': '0', 'aria-valuemax': String(progress.total),
      style: { width: `${(100 * count) / total}%` }, title: `${count} ${label}` });
    const failures = progress.failures || [];
    fill(panel, box(finished ? (progress.failed > 0 ? 'warning' : 'success') : 'info',
      h('p', { className: 'worklane-bulk-status', dataset: { finished: String(finished) } },
        h('strong', {}, named.label), finished
          ? ` finished ${dateTime(progress.finishedAt)}: ${number(progress.done)} done, ${number(progress.failed)} `
            + `failed of ${number(progress.total)}.`
          : ` in progress: ${number(progress.done)} done, ${number(progress.failed)} failed, `
            + `${number(progress.pending)} pending of ${number(progress.total)}.`),
      h('div', { className: `progress worklane-bulk-progress${finished ? '' : ' progress-striped active'}` },
        bar(progress.done, 'success', 'done'), bar(progress.failed, 'danger', 'failed')),
      failures.length === 0 ? null : [
        h('p', {}, progress.failed > failures.length
          ? `The first ${failures.length} of ${progress.failed} items it could not change:`
          : 'Items it could not change:'),
        h('table', { className: 'table table-condensed worklane-bulk-failures' },
          h('thead', {}, h('tr', {}, h('th', {}, 'Item'), h('th', {}, 'Why'))),
          h('tbody', {}, failures.map(failure => h('tr', {},
            h('td', {}, h('a', { href: `#/worklane/item/${encodeURIComponent(failure.workItemId)}` },
              externalIdOf(failure.workItemId) || failure.workItemId)),
            h('td', {}, failure.reason)))))],
      finished ? closeButton('Close') : null));
  }

  function closeButton(label) {
    return h('button', { type: 'button', className: 'btn btn-default btn-sm worklane-bulk-close', onclick: close }, label);
  }

  preview();
  return stop;
}

function box(kind, ...content) {
  return h('div', { className: `alert alert-${kind} worklane-bulk-box` }, content);
}

/** "state QUEUED, HELD · department Sales". */
function describe(query) {
  return Object.entries(query)
    .map(([key, value]) => `${key} ${Array.isArray(value) ? value.join(', ') : value}`)
    .join(' · ') || 'everything';
}

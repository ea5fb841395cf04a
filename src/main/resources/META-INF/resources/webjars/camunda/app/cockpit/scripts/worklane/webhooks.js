// Webhook dead letters (#/worklane/webhooks): the messages to source systems' webhooks that kept failing, of the items
// of the supervisor's departments (GET /api/webhooks/dead-letters; the API scopes it). Each holds its item's later
// messages back; Resend sends it again from its first attempt (POST /api/webhooks/dead-letters/{id}/resend) and the
// held messages follow once it is delivered. The list refreshes every 15 seconds and rests while the tab is hidden.

import { get, post, seg } from '../../../worklane/common/http.js';
import { fill, h, icon, liveness } from '../../../worklane/common/dom.js';
import { dateTime, number, relative, time } from '../../../worklane/common/format.js';
import { frame, loading, routePlugin, say, sayError } from './page.js';

const REFRESH_MS = 15000;
const LIMIT = 500; // the API answers the newest 500
const NUMBER = 'worklane-number';
const COLUMNS = [['Item'], ['Source system'], ['Event'], ['Attempts', NUMBER], ['Last answer'], ['Dead since'],
  ['Waiting behind', NUMBER], ['Subscription URL'], ['']];

const plural = (count, one, many) => `${number(count)} ${count === 1 ? one : many}`;

function itemCell(letter) {
  return h('td', { className: 'worklane-dl-item' },
    h('a', { href: `#/worklane/item/${encodeURIComponent(letter.workItemId)}`, className: 'worklane-item-link' },
      letter.externalId || letter.workItemId),
    letter.department ? h('div', { className: 'small text-muted' }, letter.department) : null);
}

function lastAnswerCell(letter) {
  const status = letter.lastStatus === null || letter.lastStatus === undefined
    ? h('span', { className: 'label label-default worklane-dl-status' }, 'no answer')
    : h('span', { className: 'label label-danger worklane-dl-status' }, `HTTP ${letter.lastStatus}`);
  return h('td', { className: 'worklane-dl-last' }, status,
    letter.lastError ? h('div', { className: 'small worklane-dl-error', title: letter.lastError }, letter.lastError)
      : null);
}

function deadSinceCell(letter) {
  return h('td', { className: 'worklane-dl-dead-since', title: dateTime(letter.deadAt) },
    letter.deadAt ? [relative(letter.deadAt), h('div', { className: 'small text-muted' }, dateTime(letter.deadAt))]
      : '—');
}

function waitingCell(letter) {
  const waiting = letter.waitingBehind || 0;
  return h('td', { className: `${NUMBER} worklane-dl-waiting${waiting > 0 ? ' text-warning' : ''}`,
    title: waiting > 0 ? `The item's next ${plural(waiting, 'message waits', 'messages wait')} until this one is `
      + 'delivered' : 'No later message of the item waits for this one' }, number(waiting));
}

function createPage(node) {
  const { body, messages } = frame(node, { className: 'worklane-webhooks', title: 'Webhook dead letters',
    tab: 'webhooks' });
  const alive = liveness(node);
  let stopped = false;
  let timer = null;
  let problem = null; // the alert of the failed refresh now showing, removed when one succeeds
  let letters = [];
  let loads = 0; // the newest load's number: an older answer that arrives after it is dropped
  const sending = new Map(); // id -> its row while its resend is under way: a refresh keeps it as it is
  const sources = new Set();

  const source = h('select', { className: 'form-control input-sm', name: 'sourceSystem', 'aria-label': 'Source system',
    onchange: () => load() }, h('option', { value: '' }, 'All source systems'));
  const updated = h('span', { className: 'text-muted worklane-updated' });
  const toolbar = h('form', { className: 'form-inline worklane-filter worklane-dl-toolbar', onsubmit: event => {
    event.preventDefault();
    load();
  } },
  h('label', { className: 'worklane-inline-label' }, 'Source system ', source), ' ',
  h('button', { type: 'submit', className: 'btn btn-default btn-sm worklane-refresh' }, icon('refresh'), ' Refresh'),
  ' ', updated);
  const intro = h('p', { className: 'text-muted worklane-dl-intro' }, 'Webhook messages that the subscribed source '
    + 'system did not accept in any of their attempts. Each holds back its item\u2019s later messages to the same '
    + 'subscription. Resend sends it again, from its first attempt; the held messages follow once it is delivered.');
  const summary = h('p', { className: 'worklane-summary' });
  const rows = h('tbody', {});
  const table = h('table', { className: 'cam-table table table-condensed worklane-dead-letters' },
    h('thead', {}, h('tr', {}, COLUMNS.map(([label, className]) => h('th', { className }, label)))), rows);
  const results = h('div', { className: 'worklane-results' });
  fill(body, intro, toolbar, results);

  function showSources() {
    const chosen = source.value;
    if (chosen) {
      sources.add(chosen);
    }
    fill(source, h('option', { value: '' }, 'All source systems'),
      [...sources].sort().map(name => h('option', { value: name }, name)));
    source.value = chosen;
  }

  function showSummary() {
    const count = letters.length;
    const chosen = source.value;
    if (count === 0) {
      fill(summary, h('span', { className: 'worklane-dl-none' }, icon('ok'), ' ', chosen
        ? `No dead letters of ${chosen}: its messages were delivered or are still being tried.`
        : 'No dead letters: every webhook message of your departments\u2019 items was delivered or is still being '
          + 'tried.'));
      summary.className = 'worklane-summary worklane-empty';
      table.hidden = true;
      return;
    }
    const held = letters.reduce((sum, letter) => sum + (letter.waitingBehind || 0), 0);
    fill(summary, plural(count, 'dead letter', 'dead letters'), count >= LIMIT ? ' (the newest)' : '',
      chosen ? ` of ${chosen}` : '', held ? `; ${plural(held, 'later message is', 'later messages are')} held `
        + `behind ${count === 1 ? 'it' : 'them'}` : '', '.');
    summary.className = 'worklane-summary text-muted';
    table.hidden = false;
  }

  function rowNode(letter) {
    const button = h('button', { type: 'button', className: 'btn btn-primary btn-sm worklane-resend',
      title: `Send ${letter.webhookId} again`, onclick: () => resend(letter, row, button) }, icon('repeat'), ' Resend');
    const row = h('tr', { dataset: { id: String(letter.id), externalId: letter.externalId || '' } },
      itemCell(letter),
      h('td', {}, letter.sourceSystem || '—'),
      h('td', {}, h('code', {}, letter.eventType), h('div', { className: 'small text-muted' }, letter.webhookId)),
      h('td', { className: `${NUMBER} worklane-dl-attempts` }, number(letter.attempts)),
      lastAnswerCell(letter),
      deadSinceCell(letter),
      waitingCell(letter),
      h('td', { className: 'worklane-dl-url' }, letter.url),
      h('td', { className: 'worklane-dl-actions' }, button,
        h('div', { className: 'small text-danger worklane-dl-problem', role: 'alert' })));
    return row;
  }

  async function load() {
    clearTimeout(timer);
    timer = null;
    if (!results.firstChild) {
      loading(results);
    }
    const chosen = source.value;
    const ticket = ++loads;
    let answer;
    try {
      answer = await get(`/api/webhooks/dead-letters${chosen ? `?sourceSystem=${encodeURIComponent(chosen)}` : ''}`);
    } catch (error) {
      if (stopped || ticket !== loads) {
        return;
      }
      if (!(problem && problem.isConnected && problem.dataset.message === error.message)) {
        if (problem) {
          problem.remove();
        }
        problem = sayError(messages, error, 'Dead letters');
        problem.dataset.message = error.message;
      }
      updated.classList.add('worklane-stale');
      if (!results.contains(table)) {
        fill(results);
      }
      if (!error.sessionEnded && error.status !== 403) {
        schedule(); // no point asking again: log in again, or this is no supervisor
      }
      return;
    }
    if (stopped || ticket !== loads) {
      return; // asked again meanwhile (another filter, Refresh): the newer answer shows
    }
    if (problem) {
      problem.remove();
      problem = null;
    }
    // a row whose resend is under way stays as it is until the server answers
    const kept = letters.filter(letter => sending.has(letter.id) && !answer.some(other => other.id === letter.id));
    letters = answer.concat(kept);
    if (!chosen) {
      answer.forEach(letter => sources.add(letter.sourceSystem));
    }
    showSources();
    fill(rows, letters.map(letter => sending.get(letter.id) || rowNode(letter)));
    showSummary();
    fill(updated, `Updated ${time(new Date())}`);
    updated.classList.remove('worklane-stale');
    fill(results, summary, table);
    schedule();
  }

  async function resend(letter, row, button) {
    sending.set(letter.id, row);
    button.disabled = true;
    fill(button, icon('hourglass'), ' Sending…');
    const problemNode = row.querySelector('.worklane-dl-problem');
    fill(problemNode);
    try {
      const answer = await post(`/api/webhooks/dead-letters/${seg(letter.id)}/resend`);
      letters = letters.filter(other => other.id !== letter.id);
      row.remove();
      showSummary();
      const waiting = (answer && answer.waitingBehind) || letter.waitingBehind || 0;
      say(messages, 'success', h('strong', {}, letter.externalId || letter.workItemId), ` (${letter.eventType}) is `
        + `being sent again to ${letter.sourceSystem}`, waiting ? `; ${waiting === 1 ? 'the message held behind it '
        + 'follows' : `the ${number(waiting)} messages held behind it follow`} once it is delivered.` : '.');
    } catch (error) {
      button.disabled = false;
      fill(button, icon('repeat'), ' Resend');
      if (error.status === 404 || error.status === 409 || error.sessionEnded) {
        sayError(messages, error, `Resend ${letter.externalId || letter.workItemId}`);
      } else {
        fill(problemNode, error.message); // where the supervisor clicked; the row stays to try again
      }
      if (error.status === 404 || error.status === 409) {
        // no dead letter (of yours) any more: the list says what there is now
        sending.delete(letter.id);
        letters = letters.filter(other => other.id !== letter.id);
        row.remove();
        showSummary();
        load();
      }
    } finally {
      sending.delete(letter.id);
    }
  }

  function schedule() {
    if (!stopped && timer === null) {
      timer = setTimeout(() => {
        timer = null;
        if (!alive()) {
          stop();
        } else if (!document.hidden) {
          load();
        }
      }, REFRESH_MS);
    }
  }

  function onVisibility() {
    if (!document.hidden && !stopped) {
      load(); // back in view: the list as it is now
    }
  }

  function stop() {
    stopped = true;
    clearTimeout(timer);
    document.removeEventListener('visibilitychange', onVisibility);
  }

  document.addEventListener('visibilitychange', onVisibility);
  load();
  return { dispose: stop };
}

export default routePlugin('worklane-webhooks-page', '/worklane/webhooks', createPage);

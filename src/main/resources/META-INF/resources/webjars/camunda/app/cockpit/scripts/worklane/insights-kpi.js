// KPIs as coloured badges (class worklane-kpi worklane-kpi-MET|MISSED|NO_DATA): the label, the actual figure and, in
// the tooltip, the target. The status is also said with an icon and in the tooltip, not by colour alone.

import { h, icon } from '../../../worklane/common/dom.js';
import { humanize } from '../../../worklane/common/format.js';
import { measureText, statusWord, targetText } from './insights-format.js';

const STATUSES = ['MET', 'MISSED', 'NO_DATA'];
const STATUS_ICONS = { MET: 'ok', MISSED: 'remove', NO_DATA: 'minus' };

const statusOf = kpi => (STATUSES.includes(kpi.status) ? kpi.status : 'NO_DATA');

/** One KPI; context says whose it is where the label may not ("Sales / Leads"). */
export function kpiBadge(kpi, context) {
  const status = statusOf(kpi);
  const label = kpi.label || humanize(kpi.kpi);
  const actual = measureText(kpi.actual, kpi.unit);
  const title = `${context ? `${context} · ` : ''}${label}: ${actual} (target ${targetText(kpi)}, ${statusWord(status)})`;
  return h('span', { className: `worklane-kpi worklane-kpi-${status}`, title, dataset: { kpi: kpi.kpi || '', status } },
    icon(STATUS_ICONS[status]), ' ',
    // on a tile every queue's badge has the same label: say whose it is
    context ? h('span', { className: 'worklane-kpi-context' }, `${context}: `) : null,
    h('span', { className: 'worklane-kpi-label' }, label), ' ',
    h('strong', { className: 'worklane-kpi-actual' }, actual));
}

/** A line of badges; null when there are none. */
export function kpiList(kpis, context) {
  return kpis && kpis.length
    ? h('div', { className: 'worklane-kpis' }, kpis.map(kpi => kpiBadge(kpi, context))) : null;
}

/** MISSED if any missed, else MET if any met, else NO_DATA: the colour of a tile. */
function overallStatus(entries) {
  const statuses = entries.map(entry => statusOf(entry.kpi));
  return statuses.includes('MISSED') ? 'MISSED' : statuses.includes('MET') ? 'MET' : 'NO_DATA';
}

function countsText(entries) {
  return STATUSES.map(status => [status, entries.filter(entry => statusOf(entry.kpi) === status).length])
    .filter(([, count]) => count > 0)
    .map(([status, count]) => `${count} ${statusWord(status)}`)
    .join(' · ');
}

/** What a tile shows, as text: an update that changes none of it leaves the tile alone. */
const signature = entries => JSON.stringify(entries.map(({ kpi, context }) =>
  [context, kpi.label, kpi.status, kpi.actual, kpi.target, kpi.comparison, kpi.unit]));

/**
 * Tiles, one per KPI (serviceLevel, ...), each with the badges of every queue that has it. update(groups) takes a
 * Map kpi -> [{ kpi, context }] and changes only the tiles whose figures changed, so a refresh does not flicker.
 */
export function kpiTiles() {
  const node = h('div', { className: 'worklane-kpi-tiles' });
  const empty = h('p', { className: 'text-muted worklane-no-kpis', hidden: true },
    'No KPI target applies to your queues.');
  const tiles = new Map();

  function tile(key) {
    const title = h('h4', {}, humanize(key));
    const counts = h('div', { className: 'small worklane-kpi-counts' });
    const badges = h('div', { className: 'worklane-kpis' });
    const element = h('div', { className: 'worklane-kpi-tile', dataset: { kpi: key } }, title, counts, badges);
    return { element, counts, badges, signature: null };
  }

  function update(groups) {
    let previous = null;
    for (const [key, entries] of groups) {
      if (!tiles.has(key)) {
        tiles.set(key, tile(key));
      }
      const current = tiles.get(key);
      const next = signature(entries);
      if (current.signature !== next) {
        current.signature = next;
        current.element.className = `worklane-kpi-tile worklane-kpi-tile-${overallStatus(entries)}`;
        current.counts.textContent = countsText(entries);
        current.badges.replaceChildren(...entries.map(({ kpi, context }) => kpiBadge(kpi, context)));
      }
      const expected = previous ? previous.nextSibling : node.firstChild;
      if (expected !== current.element) {
        node.insertBefore(current.element, expected);
      }
      previous = current.element;
    }
    for (const [key, gone] of tiles) {
      if (!groups.has(key)) {
        gone.element.remove();
        tiles.delete(key);
      }
    }
    empty.hidden = groups.size > 0;
  }

  return { node: h('div', {}, node, empty), update };
}

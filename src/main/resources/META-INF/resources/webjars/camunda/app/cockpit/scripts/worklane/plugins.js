// Worklane's Cockpit plugins (config.js lists this module): the supervisor console. Each page is a route of its own
// (#/worklane/queue, #/worklane/item/<id>, #/worklane/agents, #/worklane/rules, #/worklane/wallboard,
// #/worklane/reports, #/worklane/webhooks, #/worklane/whatif, #/worklane/whatif/<id>) with a link in Cockpit's top
// menu.

import { h } from '../../../worklane/common/dom.js';
import agents from './agents.js';
import item from './item.js';
import queue from './queue.js';
import reports from './reports.js';
import rules from './rules.js';
import wallboard from './wallboard.js';
import webhooks from './webhooks.js';
import whatif from './whatif.js';

if (!document.querySelector('link[data-worklane]')) {
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = new URL('./worklane.css', import.meta.url).href;
  link.dataset.worklane = '';
  document.head.appendChild(link);
}

/** A link in Cockpit's top menu, active on the pages it names. */
function menuLink(id, label, href, active, priority) {
  return {
    id,
    pluginPoint: 'cockpit.navigation',
    priority,
    render(node) {
      node.appendChild(h('a', { href, className: `worklane-menu-${id}` }, label));
    },
    checkActive: path => active.some(part => path.includes(part))
  };
}

export default [
  menuLink('worklane-queue', 'Work queue', '#/worklane/queue', ['#/worklane/queue', '#/worklane/item/'], 40),
  menuLink('worklane-agents', 'Agents', '#/worklane/agents', ['#/worklane/agents'], 39),
  menuLink('worklane-rules', 'Rule versions', '#/worklane/rules', ['#/worklane/rules'], 38),
  menuLink('worklane-wallboard', 'Wallboard', '#/worklane/wallboard', ['#/worklane/wallboard'], 37),
  menuLink('worklane-reports', 'Reports', '#/worklane/reports', ['#/worklane/reports'], 36),
  menuLink('worklane-webhooks', 'Webhooks', '#/worklane/webhooks', ['#/worklane/webhooks'], 35),
  menuLink('worklane-whatif', 'What-if', '#/worklane/whatif', ['#/worklane/whatif'], 34),
  queue,
  item,
  agents,
  rules,
  wallboard,
  reports,
  webhooks,
  ...whatif
];

// Rule versions (#/worklane/rules): every decision the process owners deploy from the Modeler, with its versions,
// when each was deployed and by whom (GET /api/decisions); a version links to Cockpit's own decision page.

import { get } from '../../../worklane/common/http.js';
import { fill, h } from '../../../worklane/common/dom.js';
import { dateTime } from '../../../worklane/common/format.js';
import { frame, loading, routePlugin, sayError } from './page.js';

function versionsTable(decision) {
  return h('table', { className: 'cam-table table table-condensed worklane-rule-versions' },
    h('thead', {}, h('tr', {}, h('th', {}, 'Version'), h('th', {}, 'Deployed'), h('th', {}, 'By'),
      h('th', {}, 'Deployment'), h('th', {}, 'File'))),
    h('tbody', {}, decision.versions.map((version, index) => h('tr', { dataset: { version: String(version.version) } },
      h('td', {}, h('a', { href: `#/decision-definition/${encodeURIComponent(version.id)}` }, `v${version.version}`),
        index === 0 ? h('span', { className: 'label label-success worklane-current' }, 'in force') : null),
      h('td', { title: version.deployedAt || '' }, version.deployedAt ? dateTime(version.deployedAt) : ''),
      h('td', { className: 'worklane-deployer' }, version.deployedBy || h('span', { className: 'text-muted' },
        'the application, at its start')),
      h('td', {}, version.deploymentName || ''),
      h('td', {}, version.resource || '')))));
}

function createPage(node) {
  const { body, messages } = frame(node, { className: 'worklane-rules', title: 'Rule versions', tab: 'rules' });
  let disposed = false;
  loading(body);
  get('/api/decisions')
    .then(decisions => {
      if (disposed) {
        return;
      }
      fill(body,
        h('p', { className: 'text-muted' }, 'The newest version of a decision is the one in force: the work item '
          + 'process binds its decisions by "latest". Process owners deploy new versions from Camunda Modeler.'),
        decisions.map(decision => h('div', { className: 'worklane-rule', dataset: { decision: decision.key } },
          h('h3', {}, decision.name || decision.key, ' ', h('small', {}, decision.key)),
          versionsTable(decision))));
    })
    .catch(error => {
      fill(body);
      sayError(messages, error, 'Rule versions');
    });
  return { dispose: () => { disposed = true; } };
}

export default routePlugin('worklane-rules-page', '/worklane/rules', createPage);

// Worklane's Cockpit configuration. It replaces the one in Camunda's webjar (Camunda's is empty: `export default {}`),
// and adds Worklane's supervisor pages (plain ES modules, no build step).
export default {
  // paths relative to /camunda/app/cockpit/; Cockpit appends ".js"
  customScripts: ['scripts/worklane/plugins']
};

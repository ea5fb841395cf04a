// Worklane's Tasklist configuration. It replaces the one in Camunda's webjar (ours is first on the class path),
// so it repeats Camunda's keyboard shortcuts and adds Worklane's plugins (plain ES modules, no build step).
export default {
  // paths relative to /camunda/app/tasklist/; Tasklist appends ".js"
  customScripts: ['scripts/worklane/plugins'],

  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: 'claims the selected task'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: 'moves the focus to the first filter'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: 'moves the focus to the first task in the list'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: 'moves the focus to the first field of the task form'
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: 'opens the dialog that starts a process'
    }
  }
};

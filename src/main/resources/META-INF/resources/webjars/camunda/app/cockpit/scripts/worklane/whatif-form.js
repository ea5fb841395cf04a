// The What-if page's form: a recorded period, candidate model files, an optional candidate roster and a seed. The
// browser reads the files itself and sends their text by file name: the order of POST /api/simulations.

import { h, icon } from '../../../worklane/common/dom.js';
import { instantOfLocalInput, localInputValue } from '../../../worklane/common/format.js';

// the file name a model is deployed under, as the API accepts it: the candidate replaces the model of that name
const MODEL_FILE = /^[A-Za-z0-9_.-]{1,100}\.(dmn|bpmn)$/;
const SEED = /^\d{1,15}$/;
const ROSTER_EXAMPLE = '[{"id": "ana", "copies": 3, "skills": {"Sales Processing": 8}, "shiftEnd": "PT8H"}]';

/** Something the user must change before the order can go: its message says what. */
class OrderProblem extends Error {}

/** Yesterday 00:00 to today 00:00 in the browser's time zone, as the values of the two inputs. */
function yesterday() {
  const to = new Date();
  to.setHours(0, 0, 0, 0);
  const from = new Date(to);
  from.setDate(from.getDate() - 1);
  return { from: localInputValue(from), to: localInputValue(to) };
}

async function modelsOf(files) {
  const models = {};
  for (const file of files) {
    if (!MODEL_FILE.test(file.name)) {
      throw new OrderProblem(`"${file.name}" is not a model's file name: name it as the model is deployed (letters, `
        + 'digits, ".", "_", "-", ending in .dmn or .bpmn, e.g. priority-schema.dmn).');
    }
    const text = await file.text();
    if (!text.trim()) {
      throw new OrderProblem(`${file.name} is empty.`);
    }
    models[file.name] = text;
  }
  return models;
}

function rosterOf(text) {
  if (!text.trim()) {
    return null;
  }
  let roster;
  try {
    roster = JSON.parse(text);
  } catch (notJson) {
    throw new OrderProblem(`The candidate roster is not JSON (${notJson.message}). Give an array of agents, e.g. `
      + `${ROSTER_EXAMPLE}, or leave it empty.`);
  }
  if (!Array.isArray(roster)) {
    throw new OrderProblem(`The candidate roster must be a JSON array of agents, e.g. ${ROSTER_EXAMPLE}.`);
  }
  const wrong = roster.findIndex(agent => agent === null || typeof agent !== 'object' || Array.isArray(agent)
    || typeof agent.id !== 'string');
  if (wrong >= 0) {
    throw new OrderProblem(`Agent ${wrong + 1} of the candidate roster is not an object with an "id".`);
  }
  return roster;
}

/** The order of the form's fields; throws an OrderProblem that says what to change. */
async function orderOf(fields) {
  const from = instantOfLocalInput(fields.from.value);
  const to = instantOfLocalInput(fields.to.value);
  if (!from || !to) {
    throw new OrderProblem('Give the start and the end of the recorded period.');
  }
  if (from >= to) {
    throw new OrderProblem('The recorded period must end after it starts.');
  }
  const seed = fields.seed.value.trim();
  if (seed && !SEED.test(seed)) {
    throw new OrderProblem('The seed is a whole number, 0 or more.');
  }
  const order = { from, to };
  const models = await modelsOf([...fields.models.files]);
  if (Object.keys(models).length) {
    order.candidateModels = models;
  }
  const roster = rosterOf(fields.roster.value);
  if (roster) {
    order.candidateRoster = roster;
  }
  if (seed) {
    order.seed = Number(seed);
  }
  return order;
}

/**
 * The form. onRun(order) starts the simulation and returns a promise; meanwhile the button is disabled.
 * onProblem(message) hears what the user must change first. Returns { node }.
 */
export function whatIfForm(onRun, onProblem) {
  const period = yesterday();
  const fields = {
    from: h('input', { type: 'datetime-local', className: 'form-control input-sm', name: 'from', value: period.from,
      'aria-label': 'Recorded period from' }),
    to: h('input', { type: 'datetime-local', className: 'form-control input-sm', name: 'to', value: period.to,
      'aria-label': 'Recorded period to' }),
    seed: h('input', { type: 'number', className: 'form-control input-sm worklane-whatif-seed', name: 'seed', min: 0,
      step: 1, placeholder: '1', 'aria-label': 'Seed' }),
    models: h('input', { type: 'file', name: 'models', multiple: true, accept: '.dmn,.bpmn',
      className: 'worklane-whatif-models', id: 'worklane-whatif-models' }),
    roster: h('textarea', { className: 'form-control input-sm worklane-whatif-roster', name: 'roster', rows: 3,
      id: 'worklane-whatif-roster', spellcheck: 'false', placeholder: ROSTER_EXAMPLE })
  };
  const run = h('button', { type: 'submit', className: 'btn btn-primary worklane-whatif-run' }, icon('play'),
    ' Run what-if');

  async function submit(event) {
    event.preventDefault();
    run.disabled = true;
    try {
      let order;
      try {
        order = await orderOf(fields);
      } catch (problem) {
        if (!(problem instanceof OrderProblem)) {
          throw problem;
        }
        onProblem(problem.message);
        return;
      }
      await onRun(order);
    } finally {
      run.disabled = false;
    }
  }

  const label = (text, control) => h('label', { className: 'worklane-inline-label' }, text, ' ', control);
  const node = h('form', { className: 'worklane-whatif-form', onsubmit: submit },
    h('p', { className: 'help-block worklane-whatif-intro' }, 'Replays a recorded period in a simulation: once with '
      + 'the deployed models and the agents as they worked ("current") and, given candidate models or a candidate '
      + 'roster, once more with them ("candidate"). Nothing real changes.'),
    h('div', { className: 'form-inline worklane-whatif-period' }, label('Recorded period from', fields.from), ' ',
      label('to', fields.to), ' ', label('Seed', fields.seed)),
    h('div', { className: 'form-group' },
      h('label', { for: 'worklane-whatif-models' }, 'Candidate models'),
      fields.models,
      h('p', { className: 'help-block' }, 'DMN or BPMN files named as they are deployed (e.g. priority-schema.dmn): '
        + 'each replaces the deployed model of its name in the candidate run.')),
    h('div', { className: 'form-group' },
      h('label', { for: 'worklane-whatif-roster' }, 'Candidate roster ', h('small', { className: 'text-muted' },
        '(optional, JSON)')),
      fields.roster,
      h('p', { className: 'help-block' }, 'An array of agents that replaces the recorded ones in the candidate run: '
        + 'id, copies, skills, groups, capacity, answerMode, shiftStart and shiftEnd (from the period\'s start, e.g. '
        + 'PT8H), breaks, pauses.')),
    run);
  return { node };
}

// Words and numbers for people: dates in the user's time zone, durations, labels for Worklane's names.

import { serverNow } from './http.js';

export const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;

const dateTimeFormat = new Intl.DateTimeFormat(undefined, {
  year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', timeZoneName: 'short'
});
const timeFormat = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' });
const relativeFormat = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });
const numberFormat = new Intl.NumberFormat(undefined, { maximumFractionDigits: 2 });

const toDate = value => (value instanceof Date ? value : new Date(value));

/** "Dec 4, 2026, 02:15 PM GMT+1" in the user's zone and language; '' for none. */
export function dateTime(value) {
  return value ? dateTimeFormat.format(toDate(value)) : '';
}

/** "02:15:09 PM". */
export function time(value) {
  return value ? timeFormat.format(toDate(value)) : '';
}

/** "in 3 hours", "2 days ago". */
export function relative(value) {
  const seconds = (toDate(value).getTime() - serverNow()) / 1000;
  const units = [['day', 86400], ['hour', 3600], ['minute', 60]];
  for (const [unit, size] of units) {
    if (Math.abs(seconds) >= size) {
      return relativeFormat.format(Math.round(seconds / size), unit);
    }
  }
  return relativeFormat.format(Math.round(seconds), 'second');
}

/** A clock for a running time: "4:05", "1:02:03". */
export function clock(totalSeconds) {
  const seconds = Math.max(0, Math.floor(totalSeconds));
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = String(seconds % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

/** A duration in words: "45 s", "12 min", "1 h 05 min". */
export function duration(totalSeconds) {
  const seconds = Math.max(0, Math.round(totalSeconds || 0));
  if (seconds < 60) {
    return `${seconds} s`;
  }
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) {
    const rest = seconds % 60;
    return rest && minutes < 10 ? `${minutes} min ${rest} s` : `${minutes} min`;
  }
  return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, '0')} min`;
}

export function number(value) {
  return numberFormat.format(value);
}

/** "accountStatus" -> "Account status", "CONTEXT_LOOKED_UP" -> "Context looked up". */
export function humanize(key) {
  const words = String(key)
    .replace(/[_\-.]+/g, ' ')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .trim()
    .split(/\s+/);
  const text = words
    .map(word => (/^[A-Z0-9]+$/.test(word) && word.length > 1 && words.some(w => /[a-z]/.test(w)) ? word : word.toLowerCase()))
    .join(' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

const PRESENCE = { READY: 'Ready', NOT_READY: 'Not ready', LOGGED_OUT: 'Logged out' };

export function presenceLabel(state) {
  return PRESENCE[state] || humanize(state || 'unknown');
}

const ITEM_STATES = { IN_PROGRESS: 'In progress', AWAITING_CONFIRMATION: 'Awaiting confirmation' };

export function itemStateLabel(state) {
  return ITEM_STATES[state] || humanize(state || '');
}

const EVENTS = {
  RONA: 'Offer not answered in time (RONA)',
  DONE: 'Marked done',
  PULLED: 'Pulled from the workbin',
  PARKED: 'Parked in the workbin',
  RETURNED_TO_QUEUE: 'Returned to the queue',
  TARGET_EXPANDED: 'Routing target widened',
  OVERDUE: 'Became overdue'
};

export function eventLabel(type) {
  return EVENTS[type] || humanize(type || '');
}

const ACTORS = {
  SOURCE_SYSTEM: 'source system', AGENT: 'agent', SUPERVISOR: 'supervisor', USER: 'user'
};

/** "alice (agent)", "crm (source system)", "Worklane (router)", "Timer (rona)". */
export function actorLabel(actor) {
  if (!actor) {
    return '';
  }
  if (actor.type === 'SYSTEM' || actor.type === 'TIMER') {
    const who = actor.type === 'SYSTEM' ? 'Worklane' : 'Timer';
    return actor.id ? `${who} (${actor.id})` : who;
  }
  const kind = ACTORS[actor.type] || humanize(actor.type || '');
  return actor.id ? `${actor.id} (${kind})` : kind;
}

/** An instant as the value of an <input type="datetime-local"> in the user's zone ("2026-12-04T14:15"); '' for none. */
export function localInputValue(value) {
  if (!value) {
    return '';
  }
  const date = toDate(value);
  if (Number.isNaN(date.getTime())) {
    return '';
  }
  const pad = n => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:` +
    pad(date.getMinutes());
}

/** The value of an <input type="datetime-local"> (the user's zone) as an ISO-8601 instant; null for none. */
export function instantOfLocalInput(value) {
  if (!value) {
    return null;
  }
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

// Words for the figures of the wallboard and the reports. The API gives each measure a unit (count, seconds, ratio,
// value, priority, text, instant); one function turns any of them into text, so a new column needs no change here.

import { dateTime, duration, number, timeZone } from '../../../worklane/common/format.js';

/** What a measure without data shows (e.g. a service level when nothing was completed). */
export const NONE = '—';

const percentFormat = new Intl.NumberFormat(undefined, { style: 'percent', maximumFractionDigits: 1 });
const moneyFormat = new Intl.NumberFormat(undefined, { minimumFractionDigits: 2, maximumFractionDigits: 2 });

export const isMissing = value => value === null || value === undefined || value === '' ||
  (typeof value === 'number' && !Number.isFinite(value));

/** The units whose values line up on the right in a table. */
export const NUMERIC_UNITS = ['count', 'seconds', 'ratio', 'value', 'priority'];

/** 0.7 -> "70%" in the user's language. */
export function percent(ratio) {
  return isMissing(ratio) ? NONE : percentFormat.format(ratio);
}

/** The key the API gives not-ready time without a reason. */
const NO_REASON = '(none)';

/** "Lunch 30 min, no reason 30 s": not-ready time per reason, the longest first; "—" for none. */
export function byReasonText(byReason) {
  const entries = Object.entries(byReason || {}).filter(([, seconds]) => seconds > 0)
    .sort(([, a], [, b]) => b - a);
  return entries.length ? entries.map(([reason, seconds]) => `${reason === NO_REASON ? 'no reason' : reason} `
    + duration(seconds)).join(', ') : NONE;
}

/** One measure as text by its unit; "—" for none. Durations in words ("12 min"), instants in the user's zone. */
export function measureText(value, unit) {
  if (isMissing(value)) {
    return NONE;
  }
  switch (unit) {
    case 'ratio': return percent(value);
    case 'seconds': return duration(value);
    case 'value': return typeof value === 'number' ? moneyFormat.format(value) : String(value);
    case 'instant': return dateTime(value);
    case 'seconds-by-reason': return byReasonText(value);
    default: return typeof value === 'number' ? number(value) : String(value);
  }
}

/** An exact form for a tooltip where the text rounds (durations): "5400 s". */
export function measureTitle(value, unit) {
  return unit === 'seconds' && !isMissing(value) ? `${number(value)} s` : null;
}

const COMPARISONS = { AT_LEAST: '≥', AT_MOST: '≤' };
const STATUS_WORDS = { MET: 'met', MISSED: 'missed', NO_DATA: 'no data' };

/** "≥ 90%": a KPI's target with its comparison. */
export function targetText(kpi) {
  return `${COMPARISONS[kpi.comparison] || ''} ${measureText(kpi.target, kpi.unit)}`.trim();
}

export function statusWord(status) {
  return STATUS_WORDS[status] || STATUS_WORDS.NO_DATA;
}

// ---- periods: the report's buckets are days or quarter hours of the report's zone, so they are named in it ----

const periodFormats = new Map();

function periodFormat(zone, grain) {
  const key = `${zone}|${grain}`;
  if (!periodFormats.has(key)) {
    const options = grain === 'interval'
      ? { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' }
      : { year: 'numeric', month: '2-digit', day: '2-digit', weekday: 'short' };
    let format;
    try {
      format = new Intl.DateTimeFormat(undefined, { ...options, timeZone: zone || timeZone });
    } catch (unknownZone) {
      // a zone this browser does not know: the user's own, rather than nothing
      format = new Intl.DateTimeFormat(undefined, options);
    }
    periodFormats.set(key, format);
  }
  return periodFormats.get(key);
}

/** The start of a day or 15-minute interval as the report's zone names it: "Thu, 12/03/2026", "12/03/2026, 23:15". */
export function periodLabel(instant, zone, grain) {
  if (!instant) {
    return NONE;
  }
  const date = new Date(instant);
  return Number.isNaN(date.getTime()) ? String(instant) : periodFormat(zone, grain).format(date);
}

// ---- dates of the report form: local dates (YYYY-MM-DD) ----

const pad = n => String(n).padStart(2, '0');

/** A Date as "2026-12-04" in the user's zone (the value of an <input type="date">). */
export function localDate(date) {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** Today minus the given days, as a local date. */
export function daysAgo(days) {
  const date = new Date();
  date.setDate(date.getDate() - days);
  return localDate(date);
}

export const isLocalDate = text => typeof text === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(text);

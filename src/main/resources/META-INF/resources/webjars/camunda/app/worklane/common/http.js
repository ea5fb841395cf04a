// Calls to Worklane's API with the webapps' session. Every call sends the session's CSRF token, read from the
// XSRF-TOKEN cookie at the time of the call: logging in replaces the session and with it the token.

/** A refused or failed call; `message` is what the user may read (the problem's detail where there is one). */
export class ApiError extends Error {
  constructor(status, message, problem) {
    super(message);
    this.status = status;
    this.problem = problem;
  }

  /** 403/404: the caller has no such thing to see (e.g. a user without an agent profile). */
  get notMine() {
    return this.status === 403 || this.status === 404;
  }

  get sessionEnded() {
    return this.status === 401;
  }
}

export const SESSION_ENDED = 'Your session has ended — log in again.';

const sessionListeners = new Set();

/** Called once for every 401: the webapps' session is gone (logout elsewhere, expiry). */
export function onSessionEnded(listener) {
  sessionListeners.add(listener);
  return () => sessionListeners.delete(listener);
}

function csrfToken() {
  for (const part of document.cookie.split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === 'XSRF-TOKEN') {
      return decodeURIComponent(value.join('='));
    }
  }
  return null;
}

/** The difference between the server's clock and this browser's, from the last answer's Date header (ms). */
let clockSkew = 0;

/** The server's "now" in ms: countdowns and elapsed times agree with the server even if this machine's clock is off. */
export function serverNow() {
  return Date.now() + clockSkew;
}

function learnClock(response) {
  const date = Date.parse(response.headers.get('Date'));
  if (!Number.isNaN(date)) {
    // the header has whole seconds: only correct a skew that is clearly more than that
    const skew = date - Date.now();
    clockSkew = Math.abs(skew) > 1500 ? skew : 0;
  }
}

/**
 * One call to Worklane's API (paths like /api/agents/alice; same origin). Resolves to the answer's JSON (null when there is none); rejects with an ApiError whose
 * message can be shown as it is.
 */
export async function call(method, path, body) {
  const headers = { Accept: 'application/json, application/problem+json' };
  const token = csrfToken();
  if (token) {
    headers['X-XSRF-TOKEN'] = token;
  }
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
  }
  let response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      cache: 'no-store',
      body: body === undefined ? undefined : JSON.stringify(body)
    });
  } catch (offline) {
    throw new ApiError(0, 'Worklane cannot be reached. Check your connection; it will try again.');
  }
  learnClock(response);
  const text = await response.text();
  let json = null;
  if (text) {
    try {
      json = JSON.parse(text);
    } catch (notJson) {
      json = null;
    }
  }
  if (response.status === 401) {
    sessionListeners.forEach(listener => listener());
    throw new ApiError(401, SESSION_ENDED, json);
  }
  if (!response.ok) {
    const detail = json && (json.detail || json.title);
    throw new ApiError(response.status, detail || `Worklane answered ${response.status} ${response.statusText}.`, json);
  }
  return json;
}

export const get = path => call('GET', path);
export const put = (path, body) => call('PUT', path, body);
export const post = (path, body) => call('POST', path, body);
export const patch = (path, body) => call('PATCH', path, body);
export const del = path => call('DELETE', path);

/** Encodes one path segment (ids are data). */
export const seg = value => encodeURIComponent(String(value));

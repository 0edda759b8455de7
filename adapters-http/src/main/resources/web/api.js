// Client for Warden's public REST API. Auth rides on the HttpOnly warden_session
// cookie; we only keep the CSRF token (never the session token) for this tab.

const CSRF_KEY = 'warden.csrfToken';
const SAFE_METHODS = new Set(['GET', 'HEAD']);

let onUnauthorized = () => {};
// Asks the user for their password and re-authenticates; resolves true when that succeeded.
let onReauthenticationRequired = async () => false;

export class ApiError extends Error {
  constructor(status, problem = {}) {
    super(problem.detail || problem.title || `Request failed (HTTP ${status})`);
    this.status = status;
    this.type = problem.type || '';
    this.title = problem.title || '';
    this.detail = problem.detail || '';
    // Set when the 401 handler already took over (redirect to login); callers stay quiet.
    this.handled = false;
  }

  // Problem types are URIs ending in a slug, e.g. ".../problems/session-limit-reached".
  is(slug) {
    return this.type === slug || this.type.endsWith('/' + slug);
  }
}

export function setUnauthorizedHandler(fn) {
  onUnauthorized = fn;
}

export function setReauthenticationHandler(fn) {
  onReauthenticationRequired = fn;
}

export function setCsrfToken(token) {
  if (token) sessionStorage.setItem(CSRF_KEY, token);
  else sessionStorage.removeItem(CSRF_KEY);
}

export function getCsrfToken() {
  return sessionStorage.getItem(CSRF_KEY);
}

// Relative "api/..." resolves against the page URL, so it works at "/" and behind a path prefix.
// An array value repeats its parameter (type=A&type=B); empty values are left out.
function buildUrl(path, query) {
  const url = new URL(path, document.baseURI);
  for (const [key, value] of Object.entries(query || {})) {
    for (const one of Array.isArray(value) ? value : [value]) {
      if (one !== undefined && one !== null && one !== '') url.searchParams.append(key, one);
    }
  }
  return url;
}

/**
 * @param {string} method
 * @param {string} path  relative, e.g. "api/admin/sessions"
 * @param {{query?: object, body?: any, skipAuthRedirect?: boolean, skipReauth?: boolean, accept?: string}} options
 *   accept: another representation (e.g. text/csv); the answer is then the Response itself, unread
 */
export async function request(method, path, { query, body, skipAuthRedirect = false, skipReauth = false, accept } = {}) {
  const headers = { Accept: accept ? `${accept}, application/problem+json` : 'application/json, application/problem+json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (!SAFE_METHODS.has(method)) {
    const csrf = getCsrfToken();
    if (csrf) headers['X-Warden-CSRF'] = csrf;
  }

  let response;
  try {
    response = await fetch(buildUrl(path, query), {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, {
      title: 'Network error',
      detail: 'Cannot reach the Warden server. Check your connection and try again.',
    });
  }

  if (response.ok) {
    if (accept) return response;
    if (response.status === 204) return null;
    const text = await response.text();
    return text ? JSON.parse(text) : null;
  }

  const error = new ApiError(response.status, await readProblem(response));
  // A sensitive action asks for the password again (step-up): ask, then retry the same request once.
  if (response.status === 403 && !skipReauth && error.is('reauthentication-required')) {
    if (await onReauthenticationRequired(error)) {
      return request(method, path, { query, body, skipAuthRedirect, skipReauth: true, accept });
    }
    error.handled = true; // the user cancelled the prompt: nothing to report
    throw error;
  }
  // invalid-credentials is a wrong password (e.g. the current one on a password change), not an
  // ended session: the page shows it; only the other 401s mean "log in again".
  if (response.status === 401 && !skipAuthRedirect && !error.is('invalid-credentials')) {
    error.handled = true;
    onUnauthorized(error);
  }
  throw error;
}

async function readProblem(response) {
  try {
    const problem = await response.json();
    return problem && typeof problem === 'object' ? problem : {};
  } catch {
    // Not JSON (e.g. a proxy's HTML error page): fall back to the status line.
    return { title: response.statusText || `HTTP ${response.status}` };
  }
}

export const api = {
  get: (path, query) => request('GET', path, { query }),
  post: (path, body, options = {}) => request('POST', path, { body, ...options }),
  del: (path, query) => request('DELETE', path, { query }),
  put: (path, body) => request('PUT', path, { body }),
  /** A GET for another representation than JSON (the CSV exports): resolves to the Response. */
  getAs: (accept, path, query) => request('GET', path, { query, accept }),

  login: (username, password) =>
    request('POST', 'api/auth/login', { body: { username, password }, skipAuthRedirect: true }),
  // Start-up probe: a 401 here just means "not logged in", so the caller decides what to show.
  currentSession: () => request('GET', 'api/auth/session', { skipAuthRedirect: true }),
  logout: () => request('POST', 'api/auth/logout', { skipAuthRedirect: true }),
  // A wrong password answers 401 invalid-credentials, which the prompt shows (no redirect).
  reauthenticate: (password) =>
    request('POST', 'api/auth/reauthenticate', { body: { password }, skipReauth: true }),
};

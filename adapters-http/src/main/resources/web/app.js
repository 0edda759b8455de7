// Console entry point: finds out who is logged in, keeps the shell (nav, user, logout)
// in step with that, and mounts one page module per hash route.

import { api, getCsrfToken, setCsrfToken, setReauthenticationHandler, setUnauthorizedHandler } from './api.js';
import { installDialog, promptReauthentication } from './dialog.js';
import { h } from './dom.js';
import { installMenus } from './menu.js';
import { clearMessages, installDismissButtons, showError } from './notify.js';
import { currentRoute, navigate, onRouteChange } from './router.js';
import { refreshRelativeTimes } from './time.js';
import * as loginPage from './pages/login.js';
import * as sessionsPage from './pages/sessions.js';
import * as usersPage from './pages/users.js';
import * as auditPage from './pages/audit.js';
import * as alarmsPage from './pages/alarms.js';
import * as accountPage from './pages/account.js';
import * as receiversPage from './pages/receivers.js';

const PAGES = {
  sessions: sessionsPage, users: usersPage, audit: auditPage, alarms: alarmsPage, receivers: receiversPage, account: accountPage,
};
// Every role has My account; the other pages are the admin console (OWNER and ADMIN).
const EVERY_ROLE = new Set(['account']);
const SESSION_ENDED = 'Your session has ended. Please log in again.';

const state = {
  user: null,
  session: null,
  loginMessage: null, // {text, kind} shown once on the next login page
  returnTo: null, // where to go after logging in again
};
let unmountPage = null;
let firstRender = true;

function setLoggedIn(auth) {
  state.user = auth?.user || null;
  state.session = auth?.session || null;
  const loggedIn = Boolean(state.user);
  document.body.classList.toggle('logged-out', !loggedIn);
  document.getElementById('sidebar').hidden = !loggedIn;
  document.getElementById('topbar').hidden = !loggedIn;
  document.getElementById('current-user').textContent = state.user?.username || '';
  document.getElementById('current-role').textContent = state.user?.role || '';
  // Who is an administrator is the API's answer (user.administrator): everyone else sees only My
  // account in the navigation (the admin API would answer 403 anyway).
  document.body.classList.toggle('role-user', loggedIn && !state.user.administrator);
}

/** Where a login lands: the Sessions page for administrators, My account for everyone else. */
function home() {
  return state.user && !state.user.administrator ? 'account' : 'sessions';
}

// Any 401 outside the login call lands here: the session was terminated or expired.
function sessionEnded() {
  if (!state.user) return; // several calls can fail at once; handle the first
  const { page } = currentRoute();
  if (page && page !== 'login') state.returnTo = location.hash;
  setCsrfToken(null);
  setLoggedIn(null);
  state.loginMessage = { text: SESSION_ENDED, kind: 'warning' };
  navigate('login');
}

function loggedIn(auth) {
  setCsrfToken(auth.csrfToken);
  setLoggedIn(auth);
  const target = state.returnTo || `#/${home()}`;
  state.returnTo = null;
  if (location.hash === target) render();
  else location.hash = target;
}

async function logout() {
  try {
    await api.logout();
  } catch (error) {
    // 401 means the session was already gone: the outcome the user asked for.
    if (error.status !== 401) {
      showError(error);
      return;
    }
  }
  loggedOut();
}

// After a logout, or after My account ended the session of this very device.
function loggedOut() {
  setCsrfToken(null);
  setLoggedIn(null);
  state.returnTo = null;
  state.loginMessage = { text: 'You have logged out.', kind: 'info' };
  navigate('login');
}

function render() {
  const { page, params } = currentRoute();
  if (!state.user && page !== 'login') {
    if (page) state.returnTo = location.hash;
    navigate('login');
    return;
  }
  if (state.user && !PAGES[page]) {
    navigate(home());
    return;
  }

  unmountPage?.();
  unmountPage = null;
  clearMessages();
  const main = document.getElementById('main');
  main.replaceChildren();

  if (page === 'login') {
    document.title = 'Log in · Warden';
    const message = state.loginMessage;
    state.loginMessage = null;
    unmountPage = loginPage.mount(main, { message, onLoggedIn: loggedIn });
  } else if (!state.user.administrator && !EVERY_ROLE.has(page)) {
    // The admin API answers 403 to this role anyway; say so once instead of on every table.
    document.title = 'Administrators only · Warden';
    main.append(h('section', { 'data-page': 'admins-only', 'aria-labelledby': 'page-heading' },
      h('h1', { id: 'page-heading', tabindex: '-1' }, 'Administrators only'),
      h('p', {}, `You are logged in as ${state.user.username}, who has the USER role. `
        + 'The admin pages are for the OWNER and ADMIN roles. Use Log out to switch accounts.'),
      h('p', {}, 'Your own sessions and your password are under ',
        h('a', { href: '#/account', 'data-action': 'go-account' }, 'My account'), '.')));
    // Still ask whether the session lives, so an ended one lands on the login page as anywhere else.
    api.currentSession().catch((error) => {
      if (error.status === 401) sessionEnded();
    });
  } else {
    const module = PAGES[page];
    document.title = `${module.title} · Warden`;
    unmountPage = module.mount(main, { params, user: state.user, session: state.session, onLoggedOut: loggedOut });
    // Move focus to the new heading so keyboard and screen-reader users start at the top.
    if (!firstRender) main.querySelector('h1')?.focus();
  }

  for (const link of document.querySelectorAll('[data-nav]')) {
    if (link.dataset.nav === page) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
  firstRender = false;
}

async function start() {
  installDismissButtons();
  installDialog();
  installMenus();
  setUnauthorizedHandler(sessionEnded);
  setReauthenticationHandler(() => promptReauthentication(api.reauthenticate));
  document.getElementById('logout').addEventListener('click', logout);
  setInterval(() => refreshRelativeTimes(), 30_000);

  try {
    const auth = await api.currentSession();
    // A backend may hand the CSRF token back here too (e.g. for a freshly opened tab).
    if (auth.csrfToken) setCsrfToken(auth.csrfToken);
    setLoggedIn(auth);
  } catch (error) {
    setLoggedIn(null);
    if (error.status === 401) {
      // Only say "ended" if this tab had logged in before; a first visit just sees the form.
      if (getCsrfToken()) state.loginMessage = { text: SESSION_ENDED, kind: 'warning' };
      setCsrfToken(null);
    } else {
      state.loginMessage = { text: error.detail || error.title || error.message, kind: 'error' };
    }
  }

  onRouteChange(render);
  render();
}

start();

// Auth Audit: the login / logout / termination history, filterable by event type and user.

import { api } from '../api.js';
import { debounce, h } from '../dom.js';
import { href } from '../router.js';
import { dataTable, pagedList } from '../table.js';
import { timeCell } from '../time.js';
import { parseUserAgent } from '../useragent.js';

export const title = 'Auth Audit';

const TYPES = [
  'LOGIN_SUCCEEDED', 'LOGIN_FAILED', 'LOGIN_REJECTED_LOCKED', 'LOGIN_REJECTED_SESSION_LIMIT',
  'ACCOUNT_LOCKED', 'ACCOUNT_UNLOCKED', 'LOGOUT', 'SESSION_TERMINATED',
  'USER_SESSIONS_TERMINATED', 'SESSION_EXPIRED', 'USER_CREATED', 'LOGIN_THROTTLED', 'USER_DISABLED',
  'USER_ENABLED', 'ROLE_CHANGED', 'PASSWORD_RESET', 'PASSWORD_CHANGED', 'ALARM_ACKNOWLEDGED', 'REAUTHENTICATED',
];
// Colour only; the type text itself is always shown.
const TONE = {
  LOGIN_FAILED: 'warning', LOGIN_REJECTED_LOCKED: 'danger', LOGIN_REJECTED_SESSION_LIMIT: 'warning',
  ACCOUNT_LOCKED: 'danger', LOGIN_THROTTLED: 'danger', SESSION_TERMINATED: 'warning',
  USER_SESSIONS_TERMINATED: 'warning', LOGIN_SUCCEEDED: 'success', ACCOUNT_UNLOCKED: 'success',
  USER_ENABLED: 'success', USER_DISABLED: 'danger', PASSWORD_RESET: 'warning', ROLE_CHANGED: 'warning',
};
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function mount(root, { params }) {
  const typeSelect = h('select', { id: 'filter-type', name: 'type' },
    h('option', { value: '' }, 'All event types'),
    TYPES.map((type) => h('option', { value: type }, type)));
  if (TYPES.includes(params.get('type'))) typeSelect.value = params.get('type');

  const userInput = h('input', {
    id: 'filter-user', name: 'userId', type: 'search', autocomplete: 'off', spellcheck: 'false',
    placeholder: 'User ID (UUID)', 'aria-describedby': 'filter-user-hint', value: params.get('userId') || '',
  });
  const userHint = h('p', { id: 'filter-user-hint', class: 'hint' }, 'Paste a user ID, e.g. from a row below or the Users page.');

  const table = dataTable({
    caption: 'Authentication audit events',
    columns: ['Time', 'Event', 'User', 'Actor', 'IP Address', 'User Agent', 'Reason'],
    emptyText: () => (typeSelect.value || userInput.value.trim() ? 'No audit events match these filters.' : 'No audit events yet.'),
    renderRow,
  });

  const list = pagedList({
    label: 'Audit events',
    table,
    failedText: 'Could not load audit events.',
    fetchPage: ({ limit, offset }) => api.get('api/admin/audit', {
      limit, offset, type: typeSelect.value, userId: userInput.value.trim(),
    }),
  });

  function renderRow(e) {
    const ua = e.userAgent ? parseUserAgent(e.userAgent) : null;
    return h('tr', { 'data-event-id': e.id },
      h('td', {}, timeCell(e.occurredAt)),
      h('td', {}, h('span', { class: `badge badge-${TONE[e.type] || 'neutral'} badge-code` }, e.type)),
      h('td', {}, userLink(e.userId, e.username)),
      h('td', {}, e.actorUsername || e.actorId ? userLink(e.actorId, e.actorUsername) : h('span', { class: 'muted' }, '—')),
      h('td', { class: 'mono' }, e.ipAddress || '—'),
      h('td', {}, ua ? h('span', { title: e.userAgent }, ua.label) : h('span', { class: 'muted' }, '—')),
      h('td', {}, e.reason || h('span', { class: 'muted' }, '—')));
  }

  // A user in a row links to this page filtered to them.
  function userLink(id, name) {
    if (!id) return name ? h('span', {}, name) : h('span', { class: 'muted' }, '—');
    return h('a', { href: href('audit', { userId: id, type: typeSelect.value }), title: `Show events of ${name || id}` }, name || id);
  }

  // Light client-side check; the server still answers 400 for a malformed id.
  function userIdValid() {
    const value = userInput.value.trim();
    const valid = value === '' || UUID.test(value);
    userInput.toggleAttribute('aria-invalid', !valid);
    userHint.textContent = valid
      ? 'Paste a user ID, e.g. from a row below or the Users page.'
      : 'That is not a user ID. It looks like 3f2b8c1e-5d4a-4b6e-9f1a-2c3d4e5f6a7b.';
    userHint.classList.toggle('is-error', !valid);
    return valid;
  }

  function apply() {
    reload.cancel();
    if (userIdValid()) list.reset();
  }
  const reload = debounce(apply, 400);
  userInput.addEventListener('input', reload);
  typeSelect.addEventListener('change', apply);

  const filters = h('form', { class: 'filters', role: 'search', 'aria-label': 'Filter audit events',
    onsubmit: (event) => { event.preventDefault(); apply(); } },
  h('div', { class: 'field' }, h('label', { for: 'filter-type' }, 'Event type'), typeSelect),
  h('div', { class: 'field field-wide' }, h('label', { for: 'filter-user' }, 'User ID'), userInput, userHint),
  h('div', { class: 'filter-buttons' },
    h('button', { type: 'submit', class: 'btn' }, 'Filter'),
    h('button', { type: 'button', class: 'btn btn-subtle', 'data-action': 'refresh', onclick: () => list.load() }, 'Refresh')));

  root.append(h('section', { 'data-page': 'audit', 'aria-labelledby': 'page-heading' },
    h('div', { class: 'page-head' },
      h('h1', { id: 'page-heading', tabindex: '-1' }, 'Auth Audit'),
      h('p', { class: 'page-intro' }, 'Logins, failures, lockouts, logouts and terminations, newest first.')),
    filters,
    table.element,
    list.pagerElement));

  if (userIdValid()) list.load();
  else table.failed('Enter a valid user ID to see events.');
  return () => reload.cancel();
}

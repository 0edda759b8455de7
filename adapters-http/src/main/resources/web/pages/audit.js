// Auth Audit: the login / logout / termination history, newest first, for incident response:
// filterable by user, name, address, several event types and a time window, paged by cursor.

import { api } from '../api.js';
import { clientCell } from '../client.js';
import { debounce, h } from '../dom.js';
import { exportButton } from '../export.js';
import { addressLink, href } from '../router.js';
import { dataTable, pagedList } from '../table.js';
import { textWithTimes, timeCell } from '../time.js';

export const title = 'Auth Audit';

// Colour only; the type text itself is always shown. The types themselves come from the server.
const TONE = {
  LOGIN_FAILED: 'warning', LOGIN_REJECTED_LOCKED: 'danger', LOGIN_REJECTED_DISABLED: 'danger',
  LOGIN_REJECTED_SESSION_LIMIT: 'warning', ACCOUNT_LOCKED: 'danger', LOGIN_THROTTLED: 'danger',
  SESSION_TERMINATED: 'warning', USER_SESSIONS_TERMINATED: 'warning', LOGIN_SUCCEEDED: 'success',
  ACCOUNT_UNLOCKED: 'success', USER_ENABLED: 'success', USER_DISABLED: 'danger', PASSWORD_RESET: 'warning',
  ROLE_CHANGED: 'warning', SESSIONS_TERMINATED_BY_IP: 'warning',
};
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ZONE = Intl.DateTimeFormat().resolvedOptions().timeZone;

export function mount(root, { params }) {
  // ---- the filters; the hash (#/audit?username=...&type=...) gives their first values ----
  const chosenTypes = new Set(params.getAll('type'));
  const typeSummary = h('summary', { id: 'filter-type-summary', 'aria-labelledby': 'filter-type-label filter-type-summary' },
    'Loading event types…');
  const typeOptions = h('div', { class: 'type-options' });
  const typePicker = h('details', { class: 'type-picker', id: 'filter-type' }, typeSummary,
    h('fieldset', {}, h('legend', { class: 'visually-hidden' }, 'Event types'), typeOptions,
      h('button', { type: 'button', class: 'btn btn-small btn-subtle', 'data-action': 'clear-types',
        onclick: () => {
          chosenTypes.clear();
          for (const box of typeOptions.querySelectorAll('input')) box.checked = false;
          showChosenTypes();
          apply();
        } }, 'Any type')));
  let knownTypes = [];

  const userInput = h('input', {
    id: 'filter-user', name: 'userId', type: 'search', autocomplete: 'off', spellcheck: 'false',
    placeholder: 'User ID (UUID)', 'aria-describedby': 'filter-user-hint', value: params.get('userId') || '',
  });
  const userHint = h('p', { id: 'filter-user-hint', class: 'hint' }, 'Paste a user ID, e.g. from a row below or the Users page.');
  const nameInput = h('input', {
    id: 'filter-username', name: 'username', type: 'search', autocomplete: 'off', spellcheck: 'false',
    placeholder: 'e.g. alice', 'aria-describedby': 'filter-username-hint', value: params.get('username') || '',
  });
  const nameHint = h('p', { id: 'filter-username-hint', class: 'hint' },
    'Whole name, any case; unknown names too.');
  const ipInput = h('input', {
    id: 'filter-ip', name: 'ip', type: 'search', autocomplete: 'off', spellcheck: 'false',
    placeholder: 'e.g. 203.0.113.7', value: params.get('ip') || '',
  });
  const fromInput = h('input', { id: 'filter-from', name: 'from', type: 'datetime-local', step: '1',
    'aria-describedby': 'filter-time-hint', value: localInputValue(params.get('from')) });
  const toInput = h('input', { id: 'filter-to', name: 'to', type: 'datetime-local', step: '1',
    'aria-describedby': 'filter-time-hint', value: localInputValue(params.get('to')) });
  const timeHint = h('p', { id: 'filter-time-hint', class: 'hint' }, `Your time (${ZONE}); from inclusive, to exclusive.`);

  /** The filters as the API takes them (and as the hash keeps them). */
  function filters() {
    return {
      userId: userInput.value.trim(),
      username: nameInput.value.trim(),
      ip: ipInput.value.trim(),
      type: knownTypes.filter((type) => chosenTypes.has(type)),
      from: instant(fromInput.value),
      to: instant(toInput.value),
    };
  }
  const filtered = () => Object.values(filters()).some((value) => value.length > 0);

  const table = dataTable({
    caption: 'Authentication audit events',
    columns: ['Time', 'Event', 'User', 'Actor', 'IP address', 'Client', 'Reason'],
    emptyText: () => (filtered() ? 'No audit events match these filters.' : 'No audit events yet.'),
    renderRow,
  });

  const list = pagedList({
    label: 'Audit events',
    table,
    keyset: true,
    failedText: 'Could not load audit events.',
    fetchPage: ({ limit, cursor }) => api.get('api/admin/audit', { limit, cursor, ...filters() }),
  });

  function renderRow(e) {
    return h('tr', { 'data-event-id': e.id, 'data-type': e.type },
      h('td', {}, timeCell(e.occurredAt)),
      h('td', {}, h('span', { class: `badge badge-${TONE[e.type] || 'neutral'} badge-code` }, e.type)),
      h('td', { class: 'audit-user' }, userLink(e.userId, e.username)),
      h('td', {}, e.actorUsername || e.actorId ? userLink(e.actorId, e.actorUsername) : h('span', { class: 'muted' }, '—')),
      h('td', { class: 'mono' }, addressLink('audit', e.ipAddress)),
      // The raw header (or the server's parsed client, where an entry carries one).
      h('td', {}, e.userAgent || e.client ? clientCell(e) : h('span', { class: 'muted' }, '—')),
      h('td', { class: 'audit-reason' }, e.reason ? textWithTimes(e.reason) : h('span', { class: 'muted' }, '—')));
  }

  // A user in a row links to this page filtered to them (by id; a name no account has, by name).
  function userLink(id, name) {
    if (!id && !name) return h('span', { class: 'muted' }, '—');
    const target = id ? { userId: id } : { username: name };
    return h('a', { href: href('audit', { ...target, type: filters().type }), title: `Show events of ${name || id}` }, name || id);
  }

  function showTypes() {
    typeOptions.replaceChildren(...knownTypes.map((type) => h('label', { class: 'type-option' },
      h('input', { type: 'checkbox', name: 'type', value: type, checked: chosenTypes.has(type),
        onchange: (event) => {
          if (event.target.checked) chosenTypes.add(type);
          else chosenTypes.delete(type);
          showChosenTypes();
          apply();
        } }),
      ' ', type)));
    showChosenTypes();
  }

  function showChosenTypes() {
    const chosen = knownTypes.filter((type) => chosenTypes.has(type));
    typeSummary.textContent = chosen.length === 0 ? 'Any event type'
      : chosen.length === 1 ? chosen[0] : `${chosen.length} event types`;
  }

  // Light client-side checks; the server still answers 400 for anything malformed.
  function valid() {
    const id = userInput.value.trim();
    const idValid = id === '' || UUID.test(id);
    userInput.toggleAttribute('aria-invalid', !idValid);
    userHint.textContent = idValid
      ? 'Paste a user ID, e.g. from a row below or the Users page.'
      : 'That is not a user ID. It looks like 3f2b8c1e-5d4a-4b6e-9f1a-2c3d4e5f6a7b.';
    userHint.classList.toggle('is-error', !idValid);
    const { from, to } = filters();
    const windowValid = !from || !to || from <= to;
    toInput.toggleAttribute('aria-invalid', !windowValid);
    timeHint.textContent = windowValid ? `Your time (${ZONE}); from inclusive, to exclusive.` : '"To" is before "From".';
    timeHint.classList.toggle('is-error', !windowValid);
    return idValid && windowValid;
  }

  function apply() {
    reload.cancel();
    if (!valid()) return;
    // The hash keeps the filters, so a reload or a shared link shows the same events.
    history.replaceState(null, '', href('audit', filters()));
    list.reset();
  }
  const reload = debounce(apply, 400);
  for (const input of [userInput, nameInput, ipInput]) input.addEventListener('input', reload);
  for (const input of [fromInput, toInput]) input.addEventListener('change', apply);

  const field = (id, label, ...content) => h('div', { class: 'field' }, h('label', { for: id }, label), ...content);
  const filterForm = h('form', { class: 'filters', role: 'search', 'aria-label': 'Filter audit events',
    onsubmit: (event) => { event.preventDefault(); apply(); } },
  h('div', { class: 'field' }, h('span', { class: 'label', id: 'filter-type-label' }, 'Event types'), typePicker),
  field('filter-username', 'Username', nameInput, nameHint),
  field('filter-ip', 'IP address', ipInput),
  h('div', { class: 'field field-wide' }, h('label', { for: 'filter-user' }, 'User ID'), userInput, userHint),
  field('filter-from', 'From', fromInput, timeHint),
  field('filter-to', 'To', toInput),
  h('div', { class: 'filter-buttons' },
    h('button', { type: 'submit', class: 'btn' }, 'Filter'),
    h('button', { type: 'button', class: 'btn btn-subtle', 'data-action': 'refresh', onclick: () => list.load() }, 'Refresh'),
    exportButton({ path: 'api/admin/audit', query: filters, name: 'warden-audit', what: 'audit events' })));

  root.append(h('section', { 'data-page': 'audit', 'aria-labelledby': 'page-heading' },
    h('div', { class: 'page-head' },
      h('h1', { id: 'page-heading', tabindex: '-1' }, 'Auth Audit'),
      h('p', { class: 'page-intro' }, 'Logins, failures, lockouts, logouts, terminations and account changes, newest first.')),
    filterForm,
    table.element,
    list.pagerElement));

  // The picker folds away again on a click elsewhere or Escape.
  const closeOutside = (event) => { if (!typePicker.contains(event.target)) typePicker.open = false; };
  document.addEventListener('click', closeOutside);
  typePicker.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && typePicker.open) { typePicker.open = false; typeSummary.focus(); }
  });

  // The list waits for the types, so a type in the hash filters the very first page.
  api.get('api/admin/audit/types').then((page) => {
    knownTypes = page.items || [];
    showTypes();
  }, () => {
    // Still filter by what the link asked for; the server checks the names.
    knownTypes = [...chosenTypes];
    typeSummary.textContent = 'Event types unavailable';
  }).then(() => {
    if (valid()) list.load();
    else table.failed('Correct the filters above to see events.');
  });
  return () => {
    reload.cancel();
    document.removeEventListener('click', closeOutside);
  };
}

/** A datetime-local value (the browser's zone) as an ISO instant, or '' when empty. */
function instant(local) {
  if (!local) return '';
  const date = new Date(local);
  return Number.isNaN(date.getTime()) ? '' : date.toISOString();
}

/** An ISO instant as a datetime-local value in the browser's zone, or '' when there is none. */
function localInputValue(iso) {
  const date = iso ? new Date(iso) : null;
  if (!date || Number.isNaN(date.getTime())) return '';
  const local = new Date(date.getTime() - date.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 19);
}

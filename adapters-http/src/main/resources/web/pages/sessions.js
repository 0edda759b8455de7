// Sessions: every active session, filterable by user and IP, sortable by the API, paged by its
// cursor, exportable as CSV, each terminable at once.

import { api } from '../api.js';
import { clientCell, clientText } from '../client.js';
import { confirmAction } from '../dialog.js';
import { debounce, h, plural } from '../dom.js';
import { exportButton } from '../export.js';
import { flash, showError } from '../notify.js';
import { addressLink, href } from '../router.js';
import { dataTable, pagedList } from '../table.js';
import { timeCell } from '../time.js';

export const title = 'Sessions';

// The API's sorts; the first direction a header's click picks (latest times, A to Z names).
const SORTS = { lastActiveAt: 'desc', createdAt: 'desc', expiresAt: 'desc', username: 'asc', ipAddress: 'asc' };
const DEFAULT_SORT = { sort: 'lastActiveAt', order: 'desc' };

export function mount(root, { params, session: current }) {
  // userId arrives in the hash from the Users and Alarms pages ("View sessions").
  const userId = params.get('userId') || '';
  // The hash keeps every filter and the sort (#/sessions?ip=...&sort=username&order=asc).
  const sort = SORTS[params.get('sort')]
    ? { sort: params.get('sort'), order: params.get('order') === 'asc' || params.get('order') === 'desc' ? params.get('order') : SORTS[params.get('sort')] }
    : { ...DEFAULT_SORT };

  const userInput = h('input', { id: 'filter-user', type: 'search', name: 'q', autocomplete: 'off', placeholder: 'Username contains…', value: params.get('q') || '' });
  // ip arrives in the hash from the Alarms page (an alarm's addresses).
  const ipInput = h('input', { id: 'filter-ip', type: 'search', name: 'ip', autocomplete: 'off', placeholder: 'e.g. 203.0.113.7 or 203.0.113.0/24', spellcheck: 'false', value: params.get('ip') || '' });
  const userFilterNote = h('p', { class: 'filter-chip', id: 'user-filter' });
  // Incident response: shown while the list is filtered by an address (or network) alone or with a user.
  const bulkBar = h('p', { class: 'filter-chip', id: 'ip-bulk', hidden: true });

  /** The filters and the sort as the API takes them (the export sends the same). */
  const query = () => ({ userId, q: userInput.value.trim(), ip: ipInput.value.trim(), ...sortQuery() });
  const sortQuery = () => (sort.sort === DEFAULT_SORT.sort && sort.order === DEFAULT_SORT.order ? {} : { ...sort });

  const table = dataTable({
    caption: 'Active sessions',
    columns: [
      { label: 'User', sort: 'username' }, { label: 'IP address', sort: 'ipAddress' }, 'Client',
      { label: 'Created', sort: 'createdAt' }, { label: 'Last active', sort: 'lastActiveAt' },
      { label: 'Expires', sort: 'expiresAt' }, 'Actions',
    ],
    emptyText: () => (userId || userInput.value.trim() || ipInput.value.trim()
      ? 'No active sessions match these filters.'
      : 'No active sessions.'),
    renderRow,
    sort,
    onSort: (key) => {
      sort.order = sort.sort === key ? (sort.order === 'asc' ? 'desc' : 'asc') : SORTS[key];
      sort.sort = key;
      table.showSort(sort);
      apply();
    },
  });

  const list = pagedList({
    label: 'Sessions',
    table,
    keyset: true, // the API's cursor follows the chosen sort, at any depth
    failedText: 'Could not load sessions.',
    fetchPage: async ({ limit, cursor }) => {
      const filter = query();
      const page = await api.get('api/admin/sessions', { limit, cursor, ...filter });
      showUserFilter(page.items?.[0]?.username);
      showBulkAction(filter, page);
      return page;
    },
  });

  function renderRow(s) {
    const isMine = current && current.id === s.id;
    return h('tr', { 'data-session-id': s.id, 'data-device': s.client?.deviceType },
      h('td', {}, h('span', { class: 'strong' }, s.username),
        isMine ? h('span', { class: 'badge badge-info', title: 'The session you are using now' }, 'This session') : null),
      h('td', { class: 'mono' }, addressLink('sessions', s.ipAddress)),
      h('td', {}, clientCell(s)),
      h('td', {}, timeCell(s.createdAt)),
      h('td', {}, timeCell(s.lastActiveAt)),
      h('td', {}, timeCell(s.expiresAt)),
      h('td', { class: 'actions' }, h('button', {
        type: 'button', class: 'btn btn-small btn-danger-outline', 'data-action': 'terminate',
        // Starts with the visible text, so speech input ("click Terminate") finds it.
        'aria-label': `Terminate session of ${s.username} from ${s.ipAddress || 'unknown IP'}`,
        onclick: () => terminate(s, isMine),
      }, 'Terminate')));
  }

  async function terminate(s, isMine) {
    const ok = await confirmAction({
      title: 'Terminate this session?',
      message: [
        `${s.username}'s session from ${s.ipAddress || 'an unknown IP'} (${clientText(s)}) ends immediately; they must log in again and may lose unsaved work.`,
        isMine ? 'This is your own session: you will be logged out of this console.' : null,
        'This cannot be undone.',
      ].filter(Boolean),
      confirmLabel: 'Terminate session',
    });
    if (!ok) return;
    try {
      await api.del(`api/admin/sessions/${encodeURIComponent(s.id)}`);
      flash(`Session of ${s.username} terminated.`);
    } catch (error) {
      showError(error);
      if (error.handled) return;
    }
    list.load(); // also on 404: the session was already gone, so refresh the list
  }

  // The button ends what the list shows: the address (and user) filter the page was loaded with.
  // With a username text filter the list shows fewer than the address has, so no button then.
  function showBulkAction(filter, page) {
    bulkBar.hidden = !filter.ip || filter.q !== '' || !page.total;
    if (bulkBar.hidden) return;
    const where = filter.ip.includes('/') ? 'network' : 'address';
    const count = page.totalIsLowerBound ? `${page.total}+ sessions` : plural(page.total, 'session', 'sessions');
    bulkBar.replaceChildren(h('button', {
      type: 'button', class: 'btn btn-small btn-danger', 'data-action': 'terminate-from-ip',
      onclick: () => terminateFromIp(filter, count, where),
    }, page.total === 1 && !page.totalIsLowerBound
      ? `End the 1 session from this ${where}`
      : `End all ${count} from this ${where}`));
  }

  async function terminateFromIp(filter, count, where) {
    const ok = await confirmAction({
      title: `End all sessions from ${filter.ip}?`,
      message: [
        `${count} from the ${where} ${filter.ip}${userId ? ' (of this user)' : ''} end immediately; their users must log in again and may lose unsaved work.`,
        'Your own current session stays.',
        'This cannot be undone.',
      ],
      confirmLabel: `End ${count}`,
    });
    if (!ok) return;
    try {
      const result = await api.del('api/admin/sessions', { ip: filter.ip, userId: filter.userId });
      flash(`${plural(result.terminated, 'session', 'sessions')} from ${filter.ip} ended.`);
    } catch (error) {
      showError(error);
      if (error.handled) return;
    }
    list.reset();
  }

  function showUserFilter(username) {
    userFilterNote.hidden = !userId;
    if (!userId) return;
    userFilterNote.replaceChildren(
      'Showing sessions of user ',
      h('strong', {}, username || userId), ' ',
      h('a', { href: '#/sessions', id: 'clear-user-filter', class: 'btn btn-small' }, 'Clear user filter'));
  }

  /** Keeps the filters and the sort in the hash (a reload or a shared link shows the same), then reloads. */
  function apply() {
    reload.cancel();
    const target = href('sessions', query());
    if (location.hash !== target) history.replaceState(null, '', target);
    list.reset();
  }

  const reload = debounce(apply);
  const filters = h('form', { class: 'filters', role: 'search', 'aria-label': 'Filter sessions',
    onsubmit: (event) => { event.preventDefault(); apply(); } },
  h('div', { class: 'field' }, h('label', { for: 'filter-user' }, 'User'), userInput),
  h('div', { class: 'field' }, h('label', { for: 'filter-ip' }, 'IP address'), ipInput),
  h('div', { class: 'filter-buttons' },
    h('button', { type: 'submit', class: 'btn' }, 'Filter'),
    h('button', { type: 'button', class: 'btn btn-subtle', 'data-action': 'refresh', onclick: () => list.load() }, 'Refresh'),
    exportButton({ path: 'api/admin/sessions', query, name: 'warden-sessions', what: 'sessions' })));
  userInput.addEventListener('input', reload);
  ipInput.addEventListener('input', reload);

  showUserFilter();
  root.append(h('section', { 'data-page': 'sessions', 'aria-labelledby': 'page-heading' },
    h('div', { class: 'page-head' },
      h('h1', { id: 'page-heading', tabindex: '-1' }, 'Sessions'),
      h('p', { class: 'page-intro' }, 'All active sessions. Terminating one ends it immediately: the user gets a 401 on their next request. Sort by a column\'s header; Export CSV saves every session the filters match.')),
    userFilterNote,
    filters,
    bulkBar,
    table.element,
    list.pagerElement));

  list.load();
  return () => reload.cancel();
}

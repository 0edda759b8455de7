// Alarms: IP-spread alarms (one user's active sessions over too many IPs), open and resolved.

import { api } from '../api.js';
import { h } from '../dom.js';
import { flash, showError } from '../notify.js';
import { href } from '../router.js';
import { dataTable, pagedList } from '../table.js';
import { timeCell } from '../time.js';

export const title = 'Alarms';

export function mount(root, { params }) {
  const statusSelect = h('select', { id: 'filter-status', name: 'status' },
    h('option', { value: '' }, 'All'),
    h('option', { value: 'OPEN' }, 'Open'),
    h('option', { value: 'RESOLVED' }, 'Resolved'));
  if (['OPEN', 'RESOLVED'].includes(params.get('status'))) statusSelect.value = params.get('status');

  const table = dataTable({
    caption: 'IP spread alarms',
    columns: ['Raised', 'User', 'Alarm', 'Status', 'Acknowledged', 'Actions'],
    emptyText: () => ({ OPEN: 'No open alarms.', RESOLVED: 'No resolved alarms.' }[statusSelect.value] || 'No alarms.'),
    renderRow,
  });

  const list = pagedList({
    label: 'Alarms',
    table,
    failedText: 'Could not load alarms.',
    fetchPage: ({ limit, offset }) => api.get('api/admin/alarms', { limit, offset, status: statusSelect.value }),
  });

  function renderRow(a) {
    const open = a.status === 'OPEN';
    return h('tr', { 'data-alarm-id': a.id, class: open && !a.acknowledgedAt ? 'row-attention' : null },
      h('td', {}, timeCell(a.raisedAt)),
      h('td', {}, h('span', { class: 'strong' }, a.username || a.userId)),
      h('td', {}, h('div', {}, a.type === 'IP_SPREAD' ? 'IP spread' : a.type),
        h('div', { class: 'sub strong' }, `${a.distinctIps ?? '?'} distinct IPs`),
        ipList(a)),
      h('td', {},
        h('span', { class: `badge ${open ? 'badge-danger' : 'badge-success'}` }, open ? 'Open' : 'Resolved'),
        !open && a.resolvedAt ? h('div', { class: 'sub' }, timeCell(a.resolvedAt)) : null),
      h('td', {}, a.acknowledgedAt
        ? h('div', {}, a.acknowledgedBy ? h('span', {}, 'by ', h('span', { class: 'strong' }, a.acknowledgedBy)) : null, timeCell(a.acknowledgedAt))
        : h('span', { class: 'muted' }, 'Not yet')),
      h('td', { class: 'actions' },
        h('div', { class: 'action-row' },
          a.acknowledgedAt ? null : h('button', {
            type: 'button', class: 'btn btn-small btn-primary', 'data-action': 'acknowledge',
            'aria-label': `Acknowledge alarm for ${a.username || a.userId}`, onclick: () => acknowledge(a),
          }, 'Acknowledge'),
          h('a', {
            class: 'btn btn-small', href: href('sessions', { userId: a.userId }), 'data-action': 'view-sessions',
            'aria-label': `View sessions of ${a.username || a.userId}`,
          }, 'View sessions'))));
  }

  // Each address opens the Sessions page filtered to it: who else is on that IP, and what to end.
  function ipList(a) {
    const ips = a.ipAddresses || [];
    if (!ips.length) return null;
    return h('ul', { class: 'ip-list', 'aria-label': `Addresses of the alarm for ${a.username || a.userId}` },
      ips.map((ip) => h('li', {}, h('a', {
        class: 'mono', href: href('sessions', { ip }), 'data-action': 'view-ip-sessions', 'data-ip': ip,
        title: `Active sessions from ${ip}`,
      }, ip))));
  }

  async function acknowledge(a) {
    try {
      await api.post(`api/admin/alarms/${encodeURIComponent(a.id)}/acknowledge`);
      flash(`Alarm for ${a.username || a.userId} acknowledged.`);
      list.load();
    } catch (error) {
      showError(error);
    }
  }

  statusSelect.addEventListener('change', () => list.reset());
  const filters = h('form', { class: 'filters', 'aria-label': 'Filter alarms', onsubmit: (event) => { event.preventDefault(); list.reset(); } },
    h('div', { class: 'field' }, h('label', { for: 'filter-status' }, 'Status'), statusSelect),
    h('div', { class: 'filter-buttons' },
      h('button', { type: 'button', class: 'btn btn-subtle', 'data-action': 'refresh', onclick: () => list.load() }, 'Refresh')));

  root.append(h('section', { 'data-page': 'alarms', 'aria-labelledby': 'page-heading' },
    h('div', { class: 'page-head' },
      h('h1', { id: 'page-heading', tabindex: '-1' }, 'Alarms'),
      h('p', { class: 'page-intro' }, 'Raised when one user\'s active sessions come from as many distinct IP addresses as the configured alarm threshold; resolved automatically when the count drops below it. Each address opens the sessions from it; investigate from there.')),
    filters,
    table.element,
    list.pagerElement));

  list.load();
}

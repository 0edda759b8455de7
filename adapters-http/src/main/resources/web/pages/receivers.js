// Admin > Receivers: the Shared Signals receivers (OAuth clients) and every stream they made;
// registering one (its secret shown once) and revoking one. While WARDEN_PUBLIC_URL is unset the
// admin SSF routes answer 404 not-found: the page then says Shared Signals is off, not "error".

import { api } from '../api.js';
import { confirmAction, showSecretOnce } from '../dialog.js';
import { h } from '../dom.js';
import { fieldErrors, reason, submitHandler } from '../forms.js';
import { flash, showError } from '../notify.js';
import { dataTable } from '../table.js';
import { timeCell } from '../time.js';

export const title = 'Receivers';

const EVENT_PREFIX = 'https://schemas.openid.net/secevent/';

export function mount(root) {
  let seq = 0;
  const clients = dataTable({
    caption: 'Receivers (OAuth clients)',
    columns: ['Name', 'Client ID', 'Created', 'Status', 'Actions'],
    emptyText: 'No receiver registered yet.',
    renderRow: clientRow,
  });
  const streams = dataTable({
    caption: 'Streams',
    columns: ['Client', 'Method', 'Endpoint', 'Status', 'Events delivered', 'Pending', 'Last delivery', 'Last error'],
    emptyText: 'No stream yet. A receiver creates its streams itself, with its access token.',
    renderRow: streamRow,
  });
  const content = h('div', { 'data-ssf': 'on' },
    h('div', { class: 'filters' }, h('div', { class: 'filter-buttons filter-buttons-flush' },
      h('button', { type: 'button', class: 'btn btn-subtle', 'data-action': 'refresh', onclick: () => load() }, 'Refresh'))),
    h('h2', { id: 'clients-heading', class: 'section-heading' }, 'Receivers'),
    clients.element,
    h('h2', { id: 'streams-heading', class: 'section-heading' }, 'Streams'),
    streams.element,
    registerForm(() => load()));

  // Both lists in one go: only the newest load draws (a Refresh during a slow answer wins).
  async function load() {
    const mine = ++seq;
    clients.loading();
    streams.loading();
    try {
      const [clientList, streamList] = await Promise.all([
        api.get('api/admin/ssf/clients'), api.get('api/admin/ssf/streams')]);
      if (mine !== seq) return;
      clients.show(clientList?.items || []);
      streams.show(streamList?.items || []);
    } catch (error) {
      if (mine !== seq) return;
      if (error.status === 404 && error.is('not-found')) {
        content.replaceWith(notConfigured());
        return;
      }
      clients.failed('Could not load the receivers.');
      streams.failed('Could not load the streams.');
      showError(error);
    }
  }

  function clientRow(c) {
    const revoked = Boolean(c.revokedAt);
    return h('tr', { 'data-client-id': c.clientId, 'data-client-name': c.name, class: revoked ? 'row-muted' : null },
      h('td', {}, h('span', { class: 'strong' }, c.name)),
      h('td', { class: 'mono' }, c.clientId),
      h('td', {}, timeCell(c.createdAt)),
      h('td', { 'data-status': revoked ? 'revoked' : 'active' }, revoked
        ? h('div', { class: 'lock-cell' }, h('span', { class: 'badge badge-danger' }, 'Revoked'), timeCell(c.revokedAt))
        : h('span', { class: 'badge badge-success' }, 'Active')),
      h('td', { class: 'actions' }, revoked ? h('span', { class: 'muted' }, '—') : h('button', {
        type: 'button', class: 'btn btn-small btn-danger-outline', 'data-action': 'revoke',
        'aria-label': `Revoke ${c.name}`, onclick: () => revoke(c),
      }, 'Revoke')));
  }

  function streamRow(s) {
    const statusClass = { enabled: 'badge-success', paused: 'badge-warning', disabled: 'badge-danger' }[s.status] || '';
    return h('tr', { 'data-stream-id': s.streamId, 'data-client-id': s.clientId },
      h('td', {}, h('span', { class: 'strong' }, s.clientName || s.clientId),
        s.clientName ? h('div', { class: 'sub mono muted' }, s.clientId) : null),
      h('td', {}, s.deliveryMethod === 'push' ? 'Push' : 'Poll'),
      h('td', { class: 'mono' }, s.endpointUrl),
      h('td', { 'data-status': s.status },
        h('span', { class: `badge ${statusClass}` }, s.status),
        s.statusReason ? h('div', { class: 'sub muted' }, s.statusReason) : null),
      h('td', {}, eventList(s)),
      h('td', { class: 'num', 'data-pending': String(s.pending ?? 0) }, Number(s.pending ?? 0).toLocaleString('en-US')),
      h('td', {}, timeCell(s.lastDeliveredAt)),
      h('td', {}, s.lastError ? h('span', { class: 'error-text' }, s.lastError) : h('span', { class: 'muted' }, 'None')));
  }

  // The event types without their common prefix ("caep/event-type/session-revoked"); the full URI in the title.
  function eventList(s) {
    const events = s.eventsDelivered || [];
    if (!events.length) return h('span', { class: 'muted' }, 'None');
    return h('ul', { class: 'event-list', 'aria-label': `Events delivered to ${s.clientName || s.clientId}` },
      events.map((uri) => h('li', { class: 'mono', title: uri },
        uri.startsWith(EVENT_PREFIX) ? uri.slice(EVENT_PREFIX.length) : uri)));
  }

  // DELETE needs a recent password entry: a 403 reauthentication-required opens the re-authentication
  // dialog and retries (api.js), as for the other sensitive actions.
  async function revoke(c) {
    const ok = await confirmAction({
      title: `Revoke ${c.name}?`,
      message: [
        `${c.name} (client ID ${c.clientId}) loses access at once: its access tokens stop working on their next call and it gets no new one.`,
        'Its streams are disabled and their queued events dropped. This cannot be undone: to reconnect, register a new receiver.',
      ],
      confirmLabel: 'Revoke receiver',
    });
    if (!ok) return;
    try {
      await api.del(`api/admin/ssf/clients/${encodeURIComponent(c.clientId)}`);
      flash(`${c.name} revoked.`);
      load();
    } catch (error) {
      showError(error);
    }
  }

  root.append(h('section', { 'data-page': 'receivers', 'aria-labelledby': 'page-heading' },
    h('nav', { class: 'breadcrumb', 'aria-label': 'Breadcrumb' },
      h('ol', {},
        h('li', {}, 'Admin'),
        h('li', { 'aria-current': 'page' }, h('span', { class: 'sep', 'aria-hidden': 'true' }, ' > '), 'Receivers'))),
    h('div', { class: 'page-head' },
      h('h1', { id: 'page-heading', tabindex: '-1' }, 'Receivers'),
      h('p', { class: 'page-intro' }, 'Shared Signals receivers: services that get signed security events (sessions revoked, '
        + 'credentials changed, accounts disabled) from Warden. Register one to give it a client ID and secret; '
        + 'it then creates its own push or poll streams. Revoke one to cut it off.')),
    content));

  load();
  return () => { seq += 1; };
}

/** What the page shows while WARDEN_PUBLIC_URL is unset (every admin SSF route answers 404). */
function notConfigured() {
  return h('section', { class: 'card notice', 'data-ssf': 'off', 'aria-labelledby': 'ssf-off-heading' },
    h('h2', { id: 'ssf-off-heading' }, 'Shared Signals is not configured'),
    h('p', {}, 'This Warden does not send Shared Signals, so there are no receivers to manage. '
      + 'An operator turns it on by setting ', h('code', {}, 'WARDEN_PUBLIC_URL'), ' (the URL receivers reach Warden at) and ',
    h('code', {}, 'WARDEN_SSF_SIGNING_KEY_FILE'), ', as the Configuration section of docs/ssf.md in the Warden documentation describes.'),
    h('p', {}, 'The routes a receiver uses are in the ',
      h('a', { href: 'openapi', 'data-action': 'openapi' }, 'API description (OpenAPI)'), ', tag ssf.'));
}

/** Register receiver: a name, then the client ID and secret in a dialog, once. */
function registerForm(onRegistered) {
  const name = h('input', { id: 'new-receiver-name', name: 'name', type: 'text', autocomplete: 'off', required: true,
    maxlength: '100', 'aria-describedby': 'new-receiver-hint' });
  const submit = h('button', { type: 'submit', class: 'btn btn-primary', id: 'register-receiver-submit' }, 'Register receiver');
  const errorArea = h('p', { id: 'register-receiver-error', class: 'form-error', role: 'alert', hidden: true });
  const setError = fieldErrors(errorArea, [name]);

  const onSubmit = submitHandler({
    submit, setError, firstField: name,
    send: async () => {
      const created = await api.post('api/admin/ssf/clients', { name: name.value });
      form.reset();
      onRegistered();
      // Not awaited: the button is enabled again before the dialog hands focus back to it.
      showSecretOnce({ name: created.name, clientId: created.clientId, secret: created.clientSecret })
        .then(() => flash(`${created.name} registered. It can now get tokens with its client ID and secret.`));
    },
    describe: (error) => ({ text: reason(error), field: error.is('invalid-request') ? name : null }),
  });

  const form = h('form', { id: 'register-receiver-form', class: 'create-form', onsubmit: onSubmit, 'aria-labelledby': 'register-receiver-heading' },
    h('h2', { id: 'register-receiver-heading' }, 'Register receiver'),
    h('div', { class: 'field field-narrow' }, h('label', { for: 'new-receiver-name' }, 'Name'), name,
      h('p', { id: 'new-receiver-hint', class: 'hint' }, 'How you will recognise it here, e.g. "Security lake"; up to 100 characters.')),
    errorArea,
    h('div', { class: 'form-buttons' }, submit));
  return h('section', { class: 'card' }, form);
}

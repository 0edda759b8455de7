// My account, for every role (USER included): one's own active sessions ("This device", End
// session, Log out other devices) and changing one's own password.

import { api } from '../api.js';
import { clientCell, clientText } from '../client.js';
import { confirmAction } from '../dialog.js';
import { h, plural } from '../dom.js';
import { flash, showError } from '../notify.js';
import { passwordRules } from '../passwords.js';
import { dataTable } from '../table.js';
import { timeCell } from '../time.js';
import { fieldErrors, reason, submitHandler } from '../forms.js';

export const title = 'My account';

export function mount(root, { user: me, onLoggedOut }) {
  let sessions = [];
  const table = dataTable({
    caption: 'Your active sessions',
    columns: ['Device', 'IP address', 'Created', 'Last active', 'Expires', 'Actions'],
    emptyText: 'No active sessions.',
    renderRow,
  });
  const logoutOthers = h('button', {
    type: 'button', class: 'btn btn-danger-outline', 'data-action': 'logout-others', disabled: true,
    onclick: () => endOthers(),
  }, 'Log out other devices');

  async function load() {
    table.loading();
    try {
      sessions = (await api.get('api/auth/sessions')).items || [];
      // This device first, then the most recently active.
      sessions.sort((a, b) => (b.current - a.current) || String(b.lastActiveAt).localeCompare(String(a.lastActiveAt)));
      table.show(sessions);
      logoutOthers.disabled = sessions.filter((s) => !s.current).length === 0;
    } catch (error) {
      table.failed('Could not load your sessions.');
      showError(error);
    }
  }

  function renderRow(s) {
    return h('tr', { 'data-own-session-id': s.id, 'data-current': s.current ? 'true' : 'false', 'data-device': s.client?.deviceType },
      h('td', { class: 'strong' }, clientCell(s),
        s.current ? h('span', { class: 'badge badge-info', title: 'The session you are using now' }, 'This device') : null),
      h('td', { class: 'mono' }, s.ipAddress || '—'),
      h('td', {}, timeCell(s.createdAt)),
      h('td', {}, timeCell(s.lastActiveAt)),
      h('td', {}, timeCell(s.expiresAt)),
      h('td', { class: 'actions' }, h('button', {
        type: 'button', class: 'btn btn-small btn-danger-outline', 'data-action': 'end-session',
        // Starts with the visible text (axe: label-content-name-mismatch), so speech input finds it.
        'aria-label': s.current ? 'End session of this device (log out)'
          : `End session from ${s.ipAddress || 'unknown IP'} (${clientText(s)})`,
        onclick: () => endOne(s),
      }, 'End session')));
  }

  async function endOne(s) {
    const ok = await confirmAction({
      title: s.current ? 'Log out this device?' : 'End this session?',
      message: s.current
        ? ['This is the device you are using: you will be logged out of the console.']
        : [`Your session from ${s.ipAddress || 'an unknown IP'} (${clientText(s)}) ends immediately; that device must log in again.`,
          'If you do not recognise it, change your password too.'],
      confirmLabel: s.current ? 'Log out' : 'End session',
    });
    if (!ok) return;
    try {
      await api.del(`api/auth/sessions/${encodeURIComponent(s.id)}`);
    } catch (error) {
      showError(error);
      if (error.handled) return;
    }
    if (s.current) {
      onLoggedOut();
      return;
    }
    flash('Session ended.');
    load(); // also after a 404: it had ended already, so refresh the list
  }

  async function endOthers() {
    const others = sessions.filter((s) => !s.current).length;
    const ok = await confirmAction({
      title: 'Log out other devices?',
      message: [`Your ${plural(others, 'other session ends', 'other sessions end')} immediately; this device stays logged in.`,
        'If you think someone else knows your password, change it below: that also logs out every other device.'],
      confirmLabel: 'Log out other devices',
    });
    if (!ok) return;
    try {
      const result = await api.del('api/auth/sessions', { scope: 'others' });
      flash(`${plural(result?.terminated ?? 0, 'other session', 'other sessions')} ended.`);
    } catch (error) {
      showError(error);
      if (error.handled) return;
    }
    load();
  }

  root.append(h('section', { 'data-page': 'account', 'aria-labelledby': 'page-heading' },
    h('div', { class: 'page-head' },
      h('h1', { id: 'page-heading', tabindex: '-1' }, 'My account'),
      h('p', { class: 'page-intro' }, `Signed in as ${me.username} (${me.role}). Your active sessions on every device, and your password.`)),
    h('div', { class: 'section-head' },
      h('h2', { id: 'own-sessions-heading' }, 'Your sessions'),
      h('div', { class: 'action-row' },
        h('button', { type: 'button', class: 'btn btn-subtle', 'data-action': 'refresh', onclick: () => load() }, 'Refresh'),
        logoutOthers)),
    table.element,
    changePasswordForm(me, load)));

  load();
}

function changePasswordForm(me, onChanged) {
  const current = h('input', { id: 'own-current-password', name: 'currentPassword', type: 'password', autocomplete: 'current-password', required: true });
  const next = h('input', { id: 'own-new-password', name: 'newPassword', type: 'password', autocomplete: 'new-password', required: true, 'aria-describedby': 'own-new-password-rules' });
  const submit = h('button', { type: 'submit', class: 'btn btn-primary', id: 'change-password-submit' }, 'Change password');
  const errorArea = h('p', { id: 'change-password-error', class: 'form-error', role: 'alert', hidden: true });

  const setError = fieldErrors(errorArea, [current, next]);
  const onSubmit = submitHandler({
    submit, setError, firstField: current,
    send: async () => {
      await api.post('api/auth/password', { currentPassword: current.value, newPassword: next.value });
      form.reset();
      flash('Password changed. Your other devices have been logged out; this one stays logged in.');
      onChanged();
    },
    describe: (error) => error.is('invalid-credentials')
      ? { text: 'The current password is wrong (or the account is locked after too many wrong passwords). Nothing was changed.', field: current }
      : { text: reason(error), field: error.is('password-policy') ? next : null },
  });

  const form = h('form', { id: 'change-password-form', class: 'narrow-form', onsubmit: onSubmit, 'aria-labelledby': 'change-password-heading', novalidate: true },
    h('h2', { id: 'change-password-heading' }, 'Change password'),
    h('p', { class: 'hint' }, `Every other device logged in as ${me.username} is logged out; this one stays. `
      + 'A wrong current password counts as a failed login.'),
    h('div', { class: 'field' }, h('label', { for: 'own-current-password' }, 'Current password'), current),
    h('div', { class: 'field' }, h('label', { for: 'own-new-password' }, 'New password'), next,
      passwordRules('own-new-password-rules')),
    errorArea,
    h('div', { class: 'form-buttons' }, submit));
  return h('section', { class: 'card' }, form);
}

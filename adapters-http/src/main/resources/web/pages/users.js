// Admin > Identity > Users: who has sessions, from how many IPs, who is locked out;
// "Logout All Devices", unlock, disable / enable, role, password reset, and creating accounts.

import { api } from '../api.js';
import { confirmAction, promptNewPassword } from '../dialog.js';
import { debounce, h, plural } from '../dom.js';
import { actionsMenu } from '../menu.js';
import { flash, showError } from '../notify.js';
import { href } from '../router.js';
import { dataTable, pagedList } from '../table.js';
import { passwordRules } from '../passwords.js';
import { timeCell } from '../time.js';
import { fieldErrors, reason, submitHandler } from '../forms.js';

export const title = 'Users';

// Every judgement on a row comes from the API (the domain's rules): lockedUntil only while locked,
// ipSpread at the configured alarm threshold, actions and assignableRoles by who may manage whom.

export function mount(root, { user: me }) {
  const search = h('input', { id: 'filter-user', type: 'search', name: 'q', autocomplete: 'off', placeholder: 'Username contains…' });

  const table = dataTable({
    caption: 'Users',
    columns: ['Username', 'Role', 'Status', 'Active sessions', 'Distinct IPs', 'Lock', 'Created', 'Actions'],
    emptyText: () => (search.value.trim() ? 'No users match this search.' : 'No users.'),
    renderRow,
  });

  const list = pagedList({
    label: 'Users',
    table,
    failedText: 'Could not load users.',
    fetchPage: ({ limit, offset }) => api.get('api/admin/users', { limit, offset, q: search.value.trim() }),
  });

  function renderRow(u) {
    const locked = Boolean(u.lockedUntil);
    const may = (action) => (u.actions || []).includes(action);
    const menuItems = [
      { label: 'Logout All Devices', action: 'logout-all', onSelect: () => logoutAll(u) },
      may('UNLOCK') ? { label: 'Unlock', action: 'unlock', onSelect: () => unlock(u) } : null,
      may('DISABLE') ? { label: 'Disable', action: 'disable', onSelect: () => disable(u) } : null,
      may('ENABLE') ? { label: 'Enable', action: 'enable', onSelect: () => enable(u) } : null,
      ...(u.assignableRoles || []).map((role) => ({
        label: `Change role to ${role}`, action: 'change-role', onSelect: () => changeRole(u, role),
      })),
      may('RESET_PASSWORD') ? { label: 'Reset password', action: 'reset-password', onSelect: () => resetPassword(u) } : null,
      { label: 'View sessions', action: 'view-sessions', href: href('sessions', { userId: u.id }) },
      { label: 'View audit events', action: 'view-audit', href: href('audit', { userId: u.id }) },
    ].filter(Boolean);

    return h('tr', { 'data-user-id': u.id, 'data-username': u.username },
      h('td', {}, h('span', { class: 'strong' }, u.username),
        me && me.id === u.id ? h('span', { class: 'badge badge-info' }, 'You') : null),
      h('td', {}, h('span', { class: `badge badge-role-${String(u.role).toLowerCase()}` }, u.role)),
      h('td', {}, h('span', { class: `badge badge-status-${String(u.status).toLowerCase()}` }, u.status)),
      h('td', { class: 'num' }, String(u.activeSessions ?? 0)),
      h('td', { class: 'num' }, ipCell(u)),
      h('td', {}, locked ? lockCell(u, may('UNLOCK')) : h('span', { class: 'muted' }, 'Not locked')),
      h('td', {}, timeCell(u.createdAt)),
      h('td', { class: 'actions' }, actionsMenu(`Actions for ${u.username}`, menuItems)));
  }

  function ipCell(u) {
    const count = u.distinctIps ?? 0;
    if (!u.ipSpread) return String(count);
    return h('span', {
      class: 'flag-warning', 'data-flag': 'ip-spread',
      title: 'This many distinct IPs across active sessions reach the IP-spread alarm threshold',
    }, `⚠ ${count} (alarm threshold)`);
  }

  function lockCell(u, mayUnlock) {
    return h('div', { class: 'lock-cell' },
      h('span', { class: 'badge badge-danger' }, 'Locked until'),
      timeCell(u.lockedUntil),
      mayUnlock ? h('button', {
        type: 'button', class: 'btn btn-small', 'data-action': 'unlock',
        'aria-label': `Unlock ${u.username}`, onclick: () => unlock(u),
      }, 'Unlock') : null);
  }

  async function logoutAll(u) {
    const ok = await confirmAction({
      title: `Log out ${u.username} from all devices?`,
      message: [
        `All ${plural(u.activeSessions ?? 0, 'active session', 'active sessions')} of ${u.username} end immediately, on every device. They must log in again and may lose unsaved work.`,
        me && me.id === u.id ? 'This includes your own session: you will be logged out of this console.' : null,
        'This cannot be undone.',
      ].filter(Boolean),
      confirmLabel: 'Log out all devices',
    });
    if (!ok) return;
    try {
      const result = await api.del('api/admin/sessions', { userId: u.id });
      flash(`${plural(result?.terminated ?? 0, 'session', 'sessions')} terminated for ${u.username}.`);
      list.load();
    } catch (error) {
      showError(error);
    }
  }

  // "All 2 active sessions of quinn end immediately, on every device", in good grammar for 0 and 1 too.
  function sessionsEnd(u) {
    const n = u.activeSessions ?? 0;
    if (n === 0) return `${u.username} has no active session to end`;
    if (n === 1) return `The only active session of ${u.username} ends immediately`;
    return `All ${n} active sessions of ${u.username} end immediately, on every device`;
  }

  async function disable(u) {
    const ok = await confirmAction({
      title: `Disable ${u.username}?`,
      message: [
        `${sessionsEnd(u)}, and ${u.username} cannot log in until the account is enabled again.`,
        'The account and its history are kept; other services are told through warden.account-events.',
      ],
      confirmLabel: 'Disable account',
    });
    if (!ok) return;
    try {
      const result = await api.post(`api/admin/users/${encodeURIComponent(u.id)}/disable`);
      flash(`${u.username} disabled; ${plural(result?.terminated ?? 0, 'session', 'sessions')} ended.`);
      list.load();
    } catch (error) {
      showError(error);
    }
  }

  async function enable(u) {
    const ok = await confirmAction({
      title: `Enable ${u.username}?`,
      message: [`${u.username} can log in again. Sessions that ended when the account was disabled stay ended.`],
      confirmLabel: 'Enable account',
    });
    if (!ok) return;
    try {
      await api.post(`api/admin/users/${encodeURIComponent(u.id)}/enable`);
      flash(`${u.username} enabled. They can log in again.`);
      list.load();
    } catch (error) {
      showError(error);
    }
  }

  async function changeRole(u, role) {
    const ok = await confirmAction({
      title: role === 'ADMIN' ? `Make ${u.username} an ADMIN?` : `Make ${u.username} a USER?`,
      message: [
        role === 'ADMIN'
          ? `${u.username} can then see and terminate every session, manage USER accounts and acknowledge alarms.`
          : `${u.username} loses the admin pages and keeps only their own account.`,
        'Their sessions stay logged in; the new role applies from their next request.',
      ],
      confirmLabel: role === 'ADMIN' ? 'Make ADMIN' : 'Make USER',
    });
    if (!ok) return;
    try {
      await api.put(`api/admin/users/${encodeURIComponent(u.id)}/role`, { role });
      flash(`${u.username} is now ${role}.`);
      list.load();
    } catch (error) {
      showError(error);
    }
  }

  async function resetPassword(u) {
    const self = me && me.id === u.id;
    const result = await promptNewPassword({
      title: `Reset the password of ${u.username}`,
      message: [
        `${sessionsEnd(u)}, and a lockout is lifted.`,
        self ? 'This includes your own session: you will be logged out and log in with the new password.'
          : `Give ${u.username} the new password through a channel you trust.`,
      ],
      confirmLabel: 'Reset password',
      submit: (password) => api.post(`api/admin/users/${encodeURIComponent(u.id)}/password`, { password }),
    });
    if (result === undefined) return; // cancelled
    flash(`Password of ${u.username} reset; ${plural(result?.terminated ?? 0, 'session', 'sessions')} ended.`);
    list.load();
  }

  async function unlock(u) {
    try {
      await api.post(`api/admin/users/${encodeURIComponent(u.id)}/unlock`);
      flash(`${u.username} unlocked. They can log in again.`);
      list.load();
    } catch (error) {
      showError(error);
    }
  }

  const reload = debounce(() => list.reset());
  search.addEventListener('input', reload);
  const filters = h('form', { class: 'filters', role: 'search', 'aria-label': 'Search users',
    onsubmit: (event) => { event.preventDefault(); reload.cancel(); list.reset(); } },
  h('div', { class: 'field' }, h('label', { for: 'filter-user' }, 'Search users'), search),
  h('div', { class: 'filter-buttons' },
    h('button', { type: 'submit', class: 'btn' }, 'Search'),
    h('button', { type: 'button', class: 'btn btn-subtle', 'data-action': 'refresh', onclick: () => list.load() }, 'Refresh')));

  root.append(h('section', { 'data-page': 'users', 'aria-labelledby': 'page-heading' },
    h('nav', { class: 'breadcrumb', 'aria-label': 'Breadcrumb' },
      h('ol', {},
        h('li', {}, 'Admin'),
        h('li', {}, h('span', { class: 'sep', 'aria-hidden': 'true' }, ' > '), 'Identity'),
        h('li', { 'aria-current': 'page' }, h('span', { class: 'sep', 'aria-hidden': 'true' }, ' > '), 'Users'))),
    h('div', { class: 'page-head' },
      h('h1', { id: 'page-heading', tabindex: '-1' }, 'Users'),
      h('p', { class: 'page-intro' }, 'Accounts, their active sessions and lockouts. Use a row\'s Actions menu to log a user out of every device, disable or enable the account, change its role or reset its password.')),
    filters,
    table.element,
    list.pagerElement,
    createUserForm(me, () => list.load())));

  list.load();
  return () => reload.cancel();
}

function createUserForm(me, onCreated) {
  const username = h('input', { id: 'new-username', name: 'username', type: 'text', autocomplete: 'off', required: true, autocapitalize: 'none', spellcheck: 'false' });
  const password = h('input', { id: 'new-password', name: 'password', type: 'password', autocomplete: 'new-password', required: true, 'aria-describedby': 'password-rules' });
  // The roles this account may create, as the API says (the owner: USER and ADMIN; an ADMIN: USER).
  const role = h('select', { id: 'new-role', name: 'role' },
    (me?.creatableRoles || []).map((r) => h('option', { value: r }, r)));
  const submit = h('button', { type: 'submit', class: 'btn btn-primary', id: 'create-user-submit' }, 'Create user');
  const errorArea = h('p', { id: 'create-user-error', class: 'form-error', role: 'alert', hidden: true });

  const setError = fieldErrors(errorArea, [username, password]);
  const onSubmit = submitHandler({
    submit, setError, firstField: username,
    send: async () => {
      const created = await api.post('api/admin/users', {
        username: username.value, password: password.value, role: role.value,
      });
      form.reset();
      flash(`User ${created?.username || 'account'} created.`);
      onCreated();
    },
    describe: (error) => ({
      text: reason(error),
      field: error.is('password-policy') ? password : error.is('username-taken') ? username : null,
    }),
  });

  const form = h('form', { id: 'create-user-form', class: 'create-form', onsubmit: onSubmit, 'aria-labelledby': 'create-user-heading' },
    h('h2', { id: 'create-user-heading' }, 'Create user'),
    h('div', { class: 'form-grid' },
      h('div', { class: 'field' }, h('label', { for: 'new-username' }, 'Username'), username),
      h('div', { class: 'field' }, h('label', { for: 'new-password' }, 'Password'), password,
        passwordRules('password-rules')),
      h('div', { class: 'field' }, h('label', { for: 'new-role' }, 'Role'), role)),
    errorArea,
    h('div', { class: 'form-buttons' }, submit));
  return h('section', { class: 'card' }, form);
}

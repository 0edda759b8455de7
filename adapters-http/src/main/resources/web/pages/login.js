// Login form. Failures are explained in #login-message; on success app.js takes over.

import { api } from '../api.js';
import { h } from '../dom.js';

export const title = 'Log in';

export function mount(root, { message, onLoggedIn }) {
  const username = h('input', {
    id: 'login-username', name: 'username', type: 'text', autocomplete: 'username',
    required: true, autocapitalize: 'none', spellcheck: 'false',
  });
  const password = h('input', {
    id: 'login-password', name: 'password', type: 'password', autocomplete: 'current-password', required: true,
  });
  const submit = h('button', { type: 'submit', class: 'btn btn-primary btn-block', id: 'login-submit' }, 'Log in');
  const messageArea = h('p', { id: 'login-message', class: 'login-message', 'aria-live': 'assertive' });

  function say(text, kind) {
    messageArea.textContent = text || '';
    messageArea.className = `login-message${text ? ` is-${kind}` : ''}`;
  }

  async function onSubmit(event) {
    event.preventDefault();
    say('', '');
    submit.disabled = true;
    submit.textContent = 'Logging in…';
    try {
      const result = await api.login(username.value, password.value);
      onLoggedIn(result);
    } catch (error) {
      if (error.status === 401) say('Invalid username or password.', 'error');
      else say(error.detail || error.title || error.message, 'error');
      password.value = '';
      password.focus();
    } finally {
      submit.disabled = false;
      submit.textContent = 'Log in';
    }
  }

  const form = h('form', { id: 'login-form', class: 'login-form', onsubmit: onSubmit },
    h('div', { class: 'field' }, h('label', { for: 'login-username' }, 'Username'), username),
    h('div', { class: 'field' }, h('label', { for: 'login-password' }, 'Password'), password),
    submit);

  root.append(h('section', { class: 'login-card', 'data-page': 'login', 'aria-labelledby': 'login-heading' },
    h('p', { class: 'brand brand-large' }, h('span', { class: 'brand-mark', 'aria-hidden': 'true' }, '◆'), ' Warden'),
    h('h1', { id: 'login-heading', tabindex: '-1' }, 'Log in to the admin console'),
    messageArea,
    form));

  if (message) say(message.text, message.kind);
  username.focus();
}

// The password rules, shown under every field that sets a password, before it is submitted.
// The server checks them (400 password-policy names the broken rule); this only explains them,
// with the lengths the server's policy gives (GET api/auth/password-policy), never numbers of its own.

import { api } from './api.js';
import { h } from './dom.js';

let policy = null; // one request per page load: the policy does not change while the service runs

function lengthRule() {
  const item = h('li', { 'data-rule': 'length' }, 'A length the server checks when you submit.');
  policy ??= api.get('api/auth/password-policy');
  policy.then(
    ({ minLength, maxLength }) => { item.textContent = `At least ${minLength} characters, at most ${maxLength}.`; },
    () => { policy = null; }); // keep the fallback text; ask again next time
  return item;
}

export function passwordRules(id) {
  return h('div', { id, class: 'hint password-rules' },
    h('p', {}, 'Password rules:'),
    h('ul', {},
      lengthRule(),
      h('li', {}, 'Any characters are allowed, including spaces: a long passphrase works well.'),
      h('li', {}, 'Must not contain the username.'),
      h('li', {}, 'Must not be a common or known-compromised password.')));
}

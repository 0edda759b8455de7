// The password rules, shown under every field that sets a password, before it is submitted.
// The server checks them (400 password-policy names the broken rule); this only explains them.

import { h } from './dom.js';

export function passwordRules(id) {
  return h('div', { id, class: 'hint password-rules' },
    h('p', {}, 'Password rules:'),
    h('ul', {},
      h('li', {}, 'At least 12 characters, at most 128.'),
      h('li', {}, 'Any characters are allowed, including spaces: a long passphrase works well.'),
      h('li', {}, 'Must not contain the username.'),
      h('li', {}, 'Must not be a common or known-compromised password.')));
}

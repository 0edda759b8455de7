// Row "Actions" menu button (WAI-ARIA menu button pattern): Enter/Space/ArrowDown open it
// and focus the first item, arrows move, Escape closes and returns focus, Tab leaves.

import { h } from './dom.js';

let openMenu = null;
let counter = 0;

/**
 * @param {string} label  accessible name, e.g. "Actions for alice"
 * @param {Array<{label: string, action?: string, onSelect?: () => void, href?: string}>} items
 */
export function actionsMenu(label, items) {
  const id = `menu-${++counter}`;
  const button = h('button', {
    type: 'button', class: 'btn btn-small', 'data-action': 'actions-menu',
    'aria-haspopup': 'menu', 'aria-expanded': 'false', 'aria-controls': id, 'aria-label': label,
  }, 'Actions'); // the ▾ caret comes from CSS

  const list = h('ul', { id, class: 'menu', role: 'menu', 'aria-label': label, hidden: true },
    items.map((item) => h('li', { role: 'none' }, item.href
      ? h('a', { role: 'menuitem', href: item.href, tabindex: '-1', 'data-action': item.action, onclick: () => close() }, item.label)
      : h('button', {
        type: 'button', role: 'menuitem', tabindex: '-1', 'data-action': item.action,
        onclick: () => { close(); item.onSelect(); },
      }, item.label))));

  const menuItems = () => [...list.querySelectorAll('[role="menuitem"]')];

  function open(focusIndex = 0) {
    if (openMenu && openMenu !== api) openMenu.close(false);
    list.hidden = false;
    button.setAttribute('aria-expanded', 'true');
    position();
    openMenu = api;
    const all = menuItems();
    all[(focusIndex + all.length) % all.length]?.focus();
  }

  function close(restoreFocus = true) {
    if (list.hidden) return;
    list.hidden = true;
    button.setAttribute('aria-expanded', 'false');
    if (openMenu === api) openMenu = null;
    if (restoreFocus) button.focus();
  }

  // Fixed positioning so the menu isn't clipped by the table's scroll container.
  function position() {
    const rect = button.getBoundingClientRect();
    list.style.top = `${rect.bottom + 4}px`;
    const width = list.offsetWidth;
    list.style.left = `${Math.max(8, Math.min(rect.right - width, window.innerWidth - width - 8))}px`;
  }

  button.addEventListener('click', () => (list.hidden ? open(0) : close()));
  button.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown') { event.preventDefault(); open(0); }
    if (event.key === 'ArrowUp') { event.preventDefault(); open(-1); }
  });
  list.addEventListener('keydown', (event) => {
    const all = menuItems();
    const index = all.indexOf(document.activeElement);
    const moves = { ArrowDown: index + 1, ArrowUp: index - 1, Home: 0, End: all.length - 1 };
    if (event.key in moves) {
      event.preventDefault();
      all[(moves[event.key] + all.length) % all.length].focus();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      close();
    } else if (event.key === 'Tab') {
      close(false);
    }
  });

  const api = { close, contains: (node) => button.contains(node) || list.contains(node) };
  return h('div', { class: 'menu-wrap' }, button, list);
}

// One set of document listeners for all menus: click outside, scroll or resize closes.
export function installMenus() {
  document.addEventListener('mousedown', (event) => {
    if (openMenu && !openMenu.contains(event.target)) openMenu.close(false);
  });
  const dismiss = () => openMenu?.close(false);
  window.addEventListener('resize', dismiss);
  window.addEventListener('scroll', dismiss, true);
  window.addEventListener('hashchange', dismiss);
}

// Hash routing ("#/sessions?userId=..."), so the server only ever serves static files
// and a reload keeps the admin on the page (and filter) they were looking at.

import { h } from './dom.js';

/** @returns {{page: string, params: URLSearchParams}} */
export function currentRoute() {
  const hash = location.hash.replace(/^#\/?/, '');
  const [page, query = ''] = hash.split('?');
  return { page: page.replace(/\/+$/, ''), params: new URLSearchParams(query) };
}

/** An array value repeats its parameter (type=A&type=B); empty values are left out. */
export function href(page, params = {}) {
  const query = new URLSearchParams(Object.entries(params)
    .flatMap(([key, value]) => (Array.isArray(value) ? value : [value]).map((one) => [key, one]))
    .filter(([, v]) => v)).toString();
  return `#/${page}${query ? `?${query}` : ''}`;
}

/**
 * An IP cell: the address as a link to the same page filtered by it (incident response works from an
 * address outward), or a dash when there is none.
 */
export function addressLink(page, address) {
  if (!address) return '—';
  const what = page === 'audit' ? 'audit entries' : 'sessions';
  return h('a', { href: href(page, { ip: address }), 'data-filter-ip': address,
    'aria-label': `${address}: show only ${what} from this address` }, address);
}

export function navigate(page, params) {
  const target = href(page, params);
  if (location.hash === target) window.dispatchEvent(new HashChangeEvent('hashchange'));
  else location.hash = target;
}

export function onRouteChange(handler) {
  window.addEventListener('hashchange', handler);
}

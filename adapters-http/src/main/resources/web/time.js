// Time display: relative ("5 min ago", "in 23 h") for quick scanning, absolute
// (locale) for precision. The ISO value stays in <time datetime> for tools and tests.

import { h } from './dom.js';

const absoluteFormat = new Intl.DateTimeFormat(undefined, {
  year: 'numeric', month: 'short', day: 'numeric',
  hour: '2-digit', minute: '2-digit', second: '2-digit',
});

export function formatAbsolute(date) {
  return absoluteFormat.format(date);
}

export function formatRelative(date, now = Date.now()) {
  const diffSeconds = Math.round((date.getTime() - now) / 1000);
  const future = diffSeconds > 0;
  const s = Math.abs(diffSeconds);
  let amount;
  if (s < 60) return future ? 'in less than a minute' : 'just now';
  if (s < 3600) amount = `${Math.floor(s / 60)} min`;
  else if (s < 48 * 3600) amount = `${Math.floor(s / 3600)} h`;
  else {
    const days = Math.floor(s / 86400);
    amount = `${days} ${days === 1 ? 'day' : 'days'}`;
  }
  return future ? `in ${amount}` : `${amount} ago`;
}

/** A <time> element showing relative text over a smaller absolute line. */
export function timeCell(iso) {
  if (!iso) return h('span', { class: 'muted' }, '—');
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return h('span', {}, iso);
  const absolute = formatAbsolute(date);
  return h('time', { datetime: iso, title: `${absolute} (${iso})`, class: 'time', 'data-relative': '' },
    h('span', { class: 'time-rel' }, formatRelative(date)),
    h('span', { class: 'time-abs' }, absolute));
}

// Called on a timer so "just now" doesn't go stale while a page stays open.
export function refreshRelativeTimes(root = document) {
  for (const el of root.querySelectorAll('time[data-relative]')) {
    const rel = el.querySelector('.time-rel');
    if (rel) rel.textContent = formatRelative(new Date(el.getAttribute('datetime')));
  }
}

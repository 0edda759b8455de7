// Time display: relative ("5 min ago", "in 23 h") for quick scanning, absolute for precision.
// Absolute times are the browser's own zone, written year first and always with the zone's
// abbreviation or offset ("2026-12-06 14:03:12 CET", "… UTC", "… GMT+5:30"), so a screenshot or a
// copied line is never ambiguous. The ISO value stays in <time datetime> for tools and tests.

import { h } from './dom.js';

const zonedParts = new Intl.DateTimeFormat(undefined, {
  year: 'numeric', month: '2-digit', day: '2-digit',
  hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23',
  timeZoneName: 'short', numberingSystem: 'latn', calendar: 'gregory',
});

/** e.g. "2026-12-06 13:36:42 CET" (the browser's zone, with its short name or offset). */
export function formatZoned(date) {
  const part = Object.fromEntries(zonedParts.formatToParts(date).map(({ type, value }) => [type, value]));
  return `${part.year}-${part.month}-${part.day} ${part.hour}:${part.minute}:${part.second} ${part.timeZoneName}`;
}

// An instant as the server writes it into text (Java's Instant.toString): 2026-12-06T12:36:42.900339Z.
const INSTANT_IN_TEXT = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?Z/g;

/**
 * Free text (an audit reason such as "locked until 2026-12-06T12:36:42.900339Z") with each
 * instant in it shown as local time with its zone, in a <time datetime>; the text as the server
 * wrote it stays the element's title.
 */
export function textWithTimes(text) {
  const parts = [];
  let rest = 0;
  for (const match of text.matchAll(INSTANT_IN_TEXT)) {
    // Date reads milliseconds at most; the digits past them change nothing a person reads.
    const date = new Date(match[0].replace(/(\.\d{3})\d+Z$/, '$1Z'));
    if (Number.isNaN(date.getTime())) continue;
    parts.push(text.slice(rest, match.index), h('time', { datetime: match[0] }, formatZoned(date)));
    rest = match.index + match[0].length;
  }
  parts.push(text.slice(rest));
  return h('span', { title: text }, parts);
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
  const absolute = formatZoned(date);
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

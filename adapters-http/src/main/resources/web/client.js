// The client of a session as the API parsed it from the User-Agent header (`client`: browser, os,
// deviceType): "Firefox 133 on Windows 10", its kind of device, and a visible marker for bots. The
// console parses nothing itself; the raw header stays in the title (and is shown as it is while a
// server does not send `client`).

import { h } from './dom.js';

const DEVICES = { desktop: 'Desktop', mobile: 'Mobile', tablet: 'Tablet' };
// What a parser says when it could not tell.
const UNKNOWN = new Set(['', 'unknown', '??', 'other']);

const known = (value) => (value && !UNKNOWN.has(String(value).trim().toLowerCase()) ? String(value).trim() : '');

/** "Firefox 133 on Windows 10", or '' when the server could name neither browser nor system. */
export function clientLabel(client) {
  if (!client) return '';
  const browser = known(client.browser);
  const os = known(client.os);
  const named = (name, version) => (name ? [name, known(version)].filter(Boolean).join(' ') : '');
  // Browsers by their major version ("Firefox 133"), as people name them; the title has the rest.
  const browserText = named(browser, String(client.browserVersion || '').replace(/^(\d+)(\.\d+)+$/, '$1'));
  const osText = named(os, client.osVersion);
  if (browserText && osText) return `${browserText} on ${osText}`;
  return browserText || osText;
}

/** A short text for sentences (dialogs, accessible names): the label, else the raw header, else "unknown client". */
export function clientText(session) {
  return clientLabel(session.client) || (session.userAgent ? truncate(session.userAgent, 60) : 'unknown client');
}

/** The table cell: label, device kind and a "Bot" badge for crawlers and scripts. */
export function clientCell(session) {
  const ua = session.userAgent || '';
  const label = clientLabel(session.client);
  const title = [details(session.client), ua || 'No User-Agent header'].filter(Boolean).join('\n');
  const device = session.client?.deviceType;
  if (!label) {
    return h('span', { class: 'client' },
      h('span', { class: ua ? 'ua-raw' : 'muted', title }, ua || 'Unknown client'),
      device === 'bot' ? botBadge() : null);
  }
  return h('span', { class: 'client' },
    h('span', { class: 'client-name', title }, label),
    device === 'bot' ? botBadge()
      : DEVICES[device] ? h('span', { class: 'client-device', 'data-device': device }, DEVICES[device]) : null);
}

/** Every part the server parsed, for the title: "Firefox 133.0.1, Windows 10, desktop". */
function details(client) {
  if (!client) return '';
  return [[client.browser, client.browserVersion], [client.os, client.osVersion], [client.deviceType]]
    .map((part) => part.filter(Boolean).join(' ')).filter(Boolean).join(', ');
}

function botBadge() {
  return h('span', { class: 'badge badge-warning', 'data-device': 'bot', title: 'An automated client (crawler or script), not a person\'s browser' }, 'Bot');
}

function truncate(text, max) {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

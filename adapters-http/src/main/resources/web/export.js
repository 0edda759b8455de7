// "Export CSV": the list's own filters, asked for as text/csv (the API streams every matching row,
// not just the page on screen), saved as a file. fetch + Blob + object URL, because a plain link
// cannot send the Accept header nor the console's error handling.

import { api } from './api.js';
import { h } from './dom.js';
import { flash, showError } from './notify.js';

/**
 * @param {{path: string, query: () => object, name: string, what: string}} spec
 *   name: the file's name without date and extension ("warden-sessions"); what: "sessions"
 * @returns {HTMLButtonElement}
 */
export function exportButton({ path, query, name, what }) {
  const button = h('button', { type: 'button', class: 'btn', 'data-action': 'export-csv' }, 'Export CSV');
  button.addEventListener('click', async () => {
    button.disabled = true;
    button.textContent = 'Exporting…';
    try {
      const response = await api.getAs('text/csv', path, query());
      const file = fileName(response.headers.get('Content-Disposition'), name);
      save(await response.blob(), file);
      flash(`Exported the filtered ${what} to ${file}.`);
    } catch (error) {
      showError(error.status === undefined
        ? `Could not export the ${what}: ${error.message}`
        : error);
    } finally {
      button.disabled = false;
      button.textContent = 'Export CSV';
    }
  });
  return button;
}

/** The server's file name when it names one, else e.g. warden-sessions-20261206T140312Z.csv. */
function fileName(disposition, name) {
  const given = /filename="?([^";]+)"?/i.exec(disposition || '')?.[1];
  if (given && /^[\w.-]+$/.test(given)) return given;
  const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
  return `${name}-${stamp}.csv`;
}

function save(blob, file) {
  const url = URL.createObjectURL(blob);
  const link = h('a', { href: url, download: file, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  // The download has its own copy once it started; free the blob a little later.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

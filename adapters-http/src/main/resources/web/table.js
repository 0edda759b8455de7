// Shared list-page pieces: a table with loading / empty / error rows, and a pager.
// Each page only supplies its columns and how to render one row.

import { h } from './dom.js';
import { showError } from './notify.js';

export const PAGE_SIZE = 25;

/**
 * A column is its label, or {label, sort} when the API can sort by it: its header then holds a
 * button (keyboard and screen readers reach it) and carries aria-sort.
 *
 * @param {{caption: string, columns: Array<string|{label: string, sort?: string}>, emptyText: string|(() => string),
 *   renderRow: (item) => HTMLTableRowElement, sort?: {sort: string, order: string}, onSort?: (key: string) => void}} spec
 */
export function dataTable({ caption, columns, emptyText, renderRow, sort = null, onSort = () => {} }) {
  const specs = columns.map((column) => (typeof column === 'string' ? { label: column } : column));
  const tbody = h('tbody');
  const headers = specs.map((spec) => h('th', { scope: 'col', 'data-sort-key': spec.sort },
    spec.sort
      ? h('button', { type: 'button', class: 'sort-button', 'data-sort': spec.sort, onclick: () => onSort(spec.sort) }, spec.label)
      : spec.label));
  const sortable = specs.some((spec) => spec.sort);
  const table = h('table', { class: 'data-table' },
    h('caption', { class: 'visually-hidden' }, caption),
    h('thead', { class: sortable ? 'sortable-head' : null }, h('tr', {}, headers)),
    tbody);

  /** Marks the sorted column (ascending / descending; CSS draws the arrow) and every other sortable one "none". */
  function showSort(current) {
    specs.forEach((spec, i) => {
      if (!spec.sort) return;
      const direction = current && current.sort === spec.sort
        ? (current.order === 'asc' ? 'ascending' : 'descending') : 'none';
      headers[i].setAttribute('aria-sort', direction);
    });
  }
  showSort(sort);

  const messageRow = (className, text) =>
    h('tr', { class: className }, h('td', { colspan: specs.length }, text));

  // On a phone the rows become cards; each cell names its column (CSS shows data-label).
  function labelled(row) {
    [...row.children].forEach((cell, i) => {
      if (specs[i] && !cell.dataset.label) cell.dataset.label = specs[i].label;
    });
    return row;
  }

  return {
    element: h('div', { class: 'table-wrap' }, table),
    showSort,
    loading() {
      table.setAttribute('aria-busy', 'true');
      tbody.replaceChildren(messageRow('table-loading', 'Loading…'));
    },
    show(items) {
      table.removeAttribute('aria-busy');
      const empty = typeof emptyText === 'function' ? emptyText() : emptyText;
      tbody.replaceChildren(...(items.length ? items.map((item) => labelled(renderRow(item))) : [messageRow('table-empty', empty)]));
    },
    failed(text = 'Could not load this list.') {
      table.removeAttribute('aria-busy');
      tbody.replaceChildren(messageRow('table-error', text));
    },
  };
}

const count = (n) => Number(n).toLocaleString('en-US');

/**
 * A list's total for people: "9,876", or "10,000+" when the API counted only that far
 * (totalIsLowerBound: the Sessions page past 10,000 sessions).
 */
function totalText(total, atLeast) {
  return `${count(total)}${atLeast ? '+' : ''}`;
}

/**
 * Previous / next paging with "Showing 1–25 of 80" (or "of 10,000+"). Calls onPage(newOffset).
 * `more` (keyset paging) says whether a next page can be asked for at all.
 */
export function pager(label, onPage) {
  const status = h('p', { class: 'pager-status', 'aria-live': 'polite' });
  const prev = h('button', { type: 'button', class: 'btn', 'data-action': 'prev-page', disabled: true }, '← Previous');
  const next = h('button', { type: 'button', class: 'btn', 'data-action': 'next-page', disabled: true }, 'Next →');
  let state = { offset: 0, limit: PAGE_SIZE, total: 0 };

  prev.addEventListener('click', () => onPage(Math.max(0, state.offset - state.limit)));
  next.addEventListener('click', () => onPage(state.offset + state.limit));

  return {
    element: h('nav', { class: 'pager', 'aria-label': `${label} pages` }, status, h('div', { class: 'pager-buttons' }, prev, next)),
    update({ offset, limit, total, atLeast = false, more = true }, shown) {
      state = { offset, limit, total };
      status.textContent = total === 0 || shown === 0
        ? `Showing 0 of ${totalText(total, atLeast)}`
        : `Showing ${count(offset + 1)}–${count(offset + shown)} of ${totalText(total, atLeast)}`;
      prev.disabled = offset <= 0;
      // Past a lower-bound total there is more for as long as pages come back full.
      next.disabled = !more || (atLeast ? shown < limit : offset + shown >= total);
    },
  };
}

/**
 * Loading, paging and error handling for one list. fetchPage({limit, offset}) returns the
 * API's {items, total, limit, offset} (and totalIsLowerBound where the API has it). With `keyset`
 * it gets {limit, cursor} instead and pages by the API's nextCursor, which costs the same at any
 * depth (the Auth Audit page): the cursor of every page reached so far is kept, so Previous goes
 * back exactly. Only the newest request is drawn: when fast typing in a filter fires several, an
 * older, slower answer must not overwrite a newer one.
 */
export function pagedList({ label, table, fetchPage, failedText, keyset = false }) {
  let offset = 0;
  let seq = 0;
  // Keyset paging: cursors[n] opens page n (null: the first page).
  let cursors = [null];
  const paging = pager(label, (newOffset) => load(newOffset));

  async function load(newOffset = offset) {
    const index = Math.floor(newOffset / PAGE_SIZE);
    // A page no cursor leads to (only the first pages are reachable by keyset): start over.
    offset = keyset && cursors[index] === undefined ? 0 : newOffset;
    const mine = ++seq;
    table.loading();
    try {
      const page = await fetchPage(keyset
        ? { limit: PAGE_SIZE, cursor: cursors[offset / PAGE_SIZE] || undefined }
        : { limit: PAGE_SIZE, offset });
      if (mine !== seq) return;
      const items = page.items || [];
      const total = page.total ?? items.length;
      const atLeast = page.totalIsLowerBound === true;
      // After deleting the last row of the last page, step back instead of showing nothing
      // (one page back when the total is only a lower bound: the last page is not known).
      if (items.length === 0 && offset > 0 && total > 0) {
        load(atLeast || keyset ? Math.max(0, offset - PAGE_SIZE) : Math.floor((total - 1) / PAGE_SIZE) * PAGE_SIZE);
        return;
      }
      if (keyset) cursors = [...cursors.slice(0, offset / PAGE_SIZE + 1), page.nextCursor || undefined];
      table.show(items);
      paging.update({
        offset: keyset ? offset : page.offset ?? offset,
        limit: page.limit ?? PAGE_SIZE,
        total,
        atLeast,
        more: !keyset || Boolean(page.nextCursor),
      }, items.length);
    } catch (error) {
      if (mine !== seq) return;
      table.failed(failedText);
      showError(error);
    }
  }

  function reset() {
    cursors = [null];
    return load(0);
  }

  return { pagerElement: paging.element, load, reset };
}

// The two page-wide message areas: #error-banner (role=alert) and #flash (role=status).
// Both live in index.html so screen readers already track them before a message arrives.

function area(id) {
  return document.getElementById(id);
}

function show(id, text) {
  const el = area(id);
  el.querySelector('.message-text').textContent = text;
  el.hidden = false;
}

function hide(id) {
  const el = area(id);
  el.hidden = true;
  el.querySelector('.message-text').textContent = '';
}

/** Shows an API problem's detail (falling back to its title), or a plain message. */
export function showError(errorOrText) {
  if (errorOrText && errorOrText.handled) return; // 401: the login page explains instead
  const text = typeof errorOrText === 'string'
    ? errorOrText
    : errorOrText?.detail || errorOrText?.title || errorOrText?.message || 'Something went wrong.';
  show('error-banner', text);
}

export function clearError() {
  hide('error-banner');
}

export function flash(text) {
  clearError();
  show('flash', text);
}

export function clearFlash() {
  hide('flash');
}

export function clearMessages() {
  clearError();
  clearFlash();
}

export function installDismissButtons() {
  for (const id of ['error-banner', 'flash']) {
    area(id).querySelector('.message-dismiss').addEventListener('click', () => hide(id));
  }
}

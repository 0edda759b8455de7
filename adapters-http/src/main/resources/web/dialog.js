// Confirmation for destructive actions, on the single <dialog id="confirm-dialog"> in
// index.html. A native modal dialog gives us focus trapping and Escape-to-cancel for free.

/**
 * @param {{title: string, message: string|string[], confirmLabel?: string}} options
 * @returns {Promise<boolean>} true only when the user pressed the confirm button
 */
export function confirmAction({ title, message, confirmLabel = 'Confirm' }) {
  const dialog = document.getElementById('confirm-dialog');
  const ok = document.getElementById('confirm-ok');
  const cancel = document.getElementById('confirm-cancel');
  const body = document.getElementById('confirm-message');
  const returnFocusTo = document.activeElement;

  document.getElementById('confirm-title').textContent = title;
  body.replaceChildren(...[].concat(message).map((line) => {
    const p = document.createElement('p');
    p.textContent = line;
    return p;
  }));
  ok.textContent = confirmLabel;
  dialog.returnValue = '';

  return new Promise((resolve) => {
    dialog.addEventListener('close', () => {
      // Give focus back to the button that opened us, if it's still on the page.
      if (returnFocusTo && returnFocusTo.isConnected) returnFocusTo.focus();
      resolve(dialog.returnValue === 'confirm');
    }, { once: true });
    dialog.showModal();
    // Start on Cancel: Enter on a destructive dialog should not destroy anything.
    cancel.focus();
  });
}

export function installDialog() {
  const dialog = document.getElementById('confirm-dialog');
  // Clicking the dim backdrop (outside the box) cancels, like Escape.
  dialog.addEventListener('click', (event) => {
    if (event.target === dialog) dialog.close('');
  });
}

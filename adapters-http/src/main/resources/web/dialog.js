// Confirmation for destructive actions, on the single <dialog id="confirm-dialog"> in
// index.html, and a new-password prompt on <dialog id="password-dialog">. A native modal dialog
// gives us focus trapping and Escape-to-cancel for free.

import { fieldErrors, reason, submitHandler } from './forms.js';
import { passwordRules } from './passwords.js';

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

/**
 * Asks for a new password, with the password rules shown before anything is submitted.
 * {@code submit(password)} runs on confirm; while it fails (e.g. 400 password-policy) the dialog
 * stays open and shows why, with the field marked invalid.
 *
 * @param {{title: string, message: string|string[], confirmLabel?: string, submit: (password: string) => Promise<any>}} options
 * @returns {Promise<any>} what submit returned, or undefined when cancelled
 */
export function promptNewPassword({ title, message, confirmLabel = 'Set password', submit }) {
  const dialog = document.getElementById('password-dialog');
  const form = document.getElementById('password-dialog-form');
  const input = document.getElementById('password-dialog-input');
  const ok = document.getElementById('password-dialog-ok');
  const errorArea = document.getElementById('password-dialog-error');
  const returnFocusTo = document.activeElement;

  document.getElementById('password-dialog-title').textContent = title;
  document.getElementById('password-dialog-message').replaceChildren(...[].concat(message).map((line) => {
    const p = document.createElement('p');
    p.textContent = line;
    return p;
  }));
  document.getElementById('password-dialog-rules').replaceWith(passwordRules('password-dialog-rules'));
  ok.textContent = confirmLabel;
  form.reset();
  const setError = fieldErrors(errorArea, [input]);
  setError('');

  return new Promise((resolve) => {
    let result;
    const onSubmit = submitHandler({
      submit: ok, setError, firstField: input,
      send: async () => {
        result = await submit(input.value);
        dialog.close('done');
      },
      describe: (error) => ({ text: reason(error), field: input }),
      onHandled: () => dialog.close(''),
    });
    form.addEventListener('submit', onSubmit);
    dialog.addEventListener('close', () => {
      form.removeEventListener('submit', onSubmit);
      input.value = ''; // never keep a password around in the page
      if (returnFocusTo && returnFocusTo.isConnected) returnFocusTo.focus();
      resolve(dialog.returnValue === 'done' ? result : undefined);
    }, { once: true });
    dialog.returnValue = '';
    dialog.showModal();
    input.focus();
  });
}

/**
 * Asks for the current password before a sensitive action (step-up) and re-authenticates with it.
 * A wrong password keeps the dialog open and says so; the password never outlives the dialog.
 *
 * @param {(password: string) => Promise<any>} reauthenticate
 * @returns {Promise<boolean>} true once re-authenticated, false when cancelled
 */
export function promptReauthentication(reauthenticate) {
  const dialog = document.getElementById('reauth-dialog');
  const form = document.getElementById('reauth-dialog-form');
  const input = document.getElementById('reauth-dialog-input');
  const ok = document.getElementById('reauth-dialog-ok');
  const errorArea = document.getElementById('reauth-dialog-error');
  const returnFocusTo = document.activeElement;
  form.reset();
  const setError = fieldErrors(errorArea, [input]);
  setError('');

  return new Promise((resolve) => {
    const onSubmit = submitHandler({
      submit: ok, setError, firstField: input,
      send: async () => {
        await reauthenticate(input.value);
        dialog.close('done');
      },
      describe: (error) => ({
        text: error.is && error.is('invalid-credentials')
          ? 'That password is not right (or the account is locked). Try again.'
          : reason(error),
        field: input,
      }),
      onHandled: () => dialog.close(''),
    });
    form.addEventListener('submit', onSubmit);
    dialog.addEventListener('close', () => {
      form.removeEventListener('submit', onSubmit);
      input.value = '';
      if (returnFocusTo && returnFocusTo.isConnected) returnFocusTo.focus();
      resolve(dialog.returnValue === 'done');
    }, { once: true });
    dialog.returnValue = '';
    dialog.showModal();
    input.focus();
  });
}

/**
 * Shows a new receiver's client ID and secret, the one time the API ever hands the secret out, with
 * a Copy button. The values are cleared from the page when the dialog closes.
 *
 * @param {{name: string, clientId: string, secret: string}} receiver
 * @returns {Promise<void>} once the dialog is closed
 */
export function showSecretOnce({ name, clientId, secret }) {
  const dialog = document.getElementById('secret-dialog');
  const idField = document.getElementById('secret-dialog-client-id');
  const secretField = document.getElementById('secret-dialog-secret');
  const status = document.getElementById('secret-dialog-copy-status');
  const returnFocusTo = document.activeElement;

  document.getElementById('secret-dialog-title').textContent = `${name} registered`;
  idField.value = clientId;
  secretField.value = secret;
  status.textContent = '';
  delete status.dataset.copy;

  return new Promise((resolve) => {
    dialog.addEventListener('close', () => {
      idField.value = '';
      secretField.value = ''; // shown once: not left in the page for later
      status.textContent = '';
      delete status.dataset.copy;
      if (returnFocusTo && returnFocusTo.isConnected) returnFocusTo.focus();
      resolve();
    }, { once: true });
    dialog.returnValue = '';
    dialog.showModal();
    document.getElementById('secret-dialog-copy').focus();
  });
}

// The clipboard API needs a secure context and the user's permission; without either, the secret
// is selected so Ctrl+C (or the phone's copy menu) takes it.
async function copySecret() {
  const field = document.getElementById('secret-dialog-secret');
  const status = document.getElementById('secret-dialog-copy-status');
  try {
    if (!navigator.clipboard) throw new Error('no clipboard');
    await navigator.clipboard.writeText(field.value);
    status.textContent = 'Copied to the clipboard.';
    status.dataset.copy = 'copied';
  } catch {
    field.focus();
    field.select();
    status.textContent = 'The secret is selected: press Ctrl+C (⌘C on a Mac) to copy it.';
    status.dataset.copy = 'selected';
  }
}

export function installDialog() {
  document.getElementById('secret-dialog-copy').addEventListener('click', copySecret);
  for (const id of ['confirm-dialog', 'password-dialog', 'reauth-dialog']) {
    const dialog = document.getElementById(id);
    // Clicking the dim backdrop (outside the box) cancels, like Escape.
    dialog.addEventListener('click', (event) => {
      if (event.target === dialog) dialog.close('');
    });
  }
  document.getElementById('password-dialog-cancel')
    .addEventListener('click', () => document.getElementById('password-dialog').close(''));
  document.getElementById('reauth-dialog-cancel')
    .addEventListener('click', () => document.getElementById('reauth-dialog').close(''));
}

// What the console's forms and password dialogs share: one error line tied to the fields it names,
// and a submit that disables its button while the request runs.

/** @returns setError(text, field): shows text (or hides the line) and marks only that field invalid */
export function fieldErrors(errorArea, inputs) {
  return function setError(text, field) {
    errorArea.textContent = text || '';
    errorArea.hidden = !text;
    for (const input of inputs) {
      if (input === field) input.setAttribute('aria-invalid', 'true');
      else input.removeAttribute('aria-invalid');
    }
  };
}

/**
 * A submit handler: runs send() with the button disabled. A refusal is shown through
 * describe(error) => {text, field} and the cursor goes to that field (else to firstField); a
 * refusal the session handler already took over (error.handled) goes to onHandled instead.
 */
export function submitHandler({ submit, setError, send, describe, firstField, onHandled = () => {} }) {
  return async function onSubmit(event) {
    event.preventDefault();
    setError('');
    submit.disabled = true;
    try {
      await send();
    } catch (error) {
      if (error.handled) {
        onHandled();
      } else {
        const { text, field } = describe(error);
        setError(text, field);
        (field || firstField).focus();
      }
    } finally {
      submit.disabled = false;
    }
  };
}

/** The text of a refusal: the problem's detail, else its title, else the error's message. */
export function reason(error) {
  return error.detail || error.title || error.message;
}

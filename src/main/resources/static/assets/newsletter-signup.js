// Newsletter sign-up blocks, sent inline: the same form and the same answers as without
// JavaScript (POST, then the page again with the message), but without leaving the page. The
// message lands in the block's live region; a refused address is marked on the field.

const SENT = 'sent';

function enhance(form) {
  const email = form.querySelector('input[name="email"]');
  const error = form.querySelector('.signup-error');
  const done = form.querySelector('.signup-done');
  const button = form.querySelector('button[type="submit"]');
  const describedBy = email.getAttribute('aria-describedby').split(' ').filter((id) => id !== error.id);
  error.setAttribute('aria-live', 'assertive');

  function show(result, message) {
    if (result === SENT) {
      error.hidden = true;
      error.textContent = '';
      email.removeAttribute('aria-invalid');
      email.setAttribute('aria-describedby', describedBy.join(' '));
      done.textContent = message;
      email.value = '';
    } else {
      done.textContent = '';
      error.textContent = message;
      error.hidden = false;
      email.setAttribute('aria-invalid', 'true');
      email.setAttribute('aria-describedby', describedBy.concat(error.id).join(' '));
      email.focus();
    }
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    button.disabled = true;
    try {
      const response = await fetch(form.action, {
        method: 'POST',
        headers: { Accept: 'application/json' },
        body: new URLSearchParams(new FormData(form)),
        credentials: 'omit',
      });
      const answer = await response.json();
      show(answer.result, answer.message || answer.detail);
    } catch (failure) {
      form.submit(); // the server answers without JavaScript too
    } finally {
      button.disabled = false;
    }
  });
}

document.querySelectorAll('form[data-signup]').forEach(enhance);

import { messageOf } from '../api';
import { h, replaceChildren } from '../dom';
import { logIn } from '../session';
import type { Session } from '../types';

/** The login form; `done` runs with the new session once the service accepted the password. */
export function renderLogin(app: HTMLElement, done: (session: Session) => void): void {
  const username = h('input', { name: 'username', autocomplete: 'username', required: true, 'data-testid': 'username' });
  const password = h('input', { name: 'password', type: 'password', autocomplete: 'current-password', required: true, 'data-testid': 'password' });
  const error = h('p', { class: 'error', role: 'alert', 'data-testid': 'login-error', hidden: true });
  const submit = h('button', { type: 'submit', 'data-testid': 'login' }, 'Log in');
  const form = h('form', { class: 'card login' }, h('h1', {}, 'Log in'), h('label', {}, 'Username', username), h('label', {}, 'Password', password), submit, error);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    submit.disabled = true;
    error.hidden = true;
    logIn(username.value.trim(), password.value).then(
      (session) => done(session),
      (failure: unknown) => {
        // The password field is cleared so a wrong one is not resent by accident.
        password.value = '';
        error.textContent = messageOf(failure);
        error.hidden = false;
        submit.disabled = false;
        password.focus();
      },
    );
  });
  replaceChildren(app, form);
  username.focus();
}

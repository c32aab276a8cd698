// The sign-in page: account name and password, POST /login, then the first page the roles allow.
import { h, replace } from './dom.js';
import { signIn, allows } from './session.js';

export function renderSignIn(view, onSignedIn) {
  const name = h('input', { id: 'signin-name', autocomplete: 'username', required: true });
  const password = h('input', { id: 'signin-password', type: 'password', autocomplete: 'current-password', required: true });
  const error = h('p', { id: 'signin-error', class: 'error', hidden: true });
  const form = h('form', { id: 'signin', class: 'signin' },
    h('h2', {}, '登录'),
    h('label', {}, '账号 ', name),
    h('label', {}, '密码 ', password),
    h('button', { type: 'submit', id: 'signin-submit' }, '登录'),
    error);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    error.hidden = true;
    try {
      await signIn(name.value.trim(), password.value);
      onSignedIn();
      location.hash = allows('inbox') ? '#/' : allows('operator') ? '#/operator' : '#/ops';
    } catch (e) {
      error.textContent = e.message;
      error.hidden = false;
    }
  });
  replace(view, form);
  name.focus();
}

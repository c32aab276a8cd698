// Routes #/ (inbox), #/alert/<id>, #/dashboard, #/operator, #/ops, #/audit and #/signin to their pages.
// Nobody signed in sees the sign-in page; the nav shows only the pages the roles allow.
import { renderInbox } from './inbox.js';
import { renderAlert } from './alert.js';
import { renderDashboard } from './dashboard.js';
import { renderOperator } from './operator.js';
import { renderOps } from './ops.js';
import { renderAudit } from './audit.js';
import { renderSignIn } from './signin.js';
import { me, signedIn, signOut, allows, download } from './session.js';

const view = document.getElementById('view');
// The actor of every action and change is the signed-in account; the server checks it too.
const actor = () => (me() ? me().name : '');

const NAV = { 'nav-inbox': 'inbox', 'nav-dashboard': 'dashboard', 'nav-operator': 'operator',
  'nav-ops': 'ops', 'nav-penalties': 'penalties', 'nav-audit': 'audit' };

function showWho() {
  const who = me();
  document.getElementById('whoami').hidden = !who;
  document.getElementById('whoami-name').textContent = who ? who.displayName : '';
  document.getElementById('whoami-roles').textContent = who
    ? who.roles.join(', ') + (who.bureau ? ` · ${who.bureau}` : '') + (who.district ? ` · ${who.district}` : '')
    : '';
  for (const [id, page] of Object.entries(NAV)) {
    document.getElementById(id).hidden = !allows(page);
  }
}

document.getElementById('signout').addEventListener('click', () => {
  signOut();
  location.hash = '#/signin';
});

// Links to API files (CSV, YAML) need the token, which a plain link cannot send.
document.addEventListener('click', (event) => {
  const link = event.target.closest && event.target.closest('a[download]');
  if (!link) return;
  const href = link.getAttribute('href');
  if (!href || !href.startsWith('/api/')) return;
  event.preventDefault();
  const name = link.getAttribute('download');
  download(href, name && name !== '' ? name : undefined);
});

async function route() {
  const hash = location.hash.replace(/^#/, '') || '/';
  const [path, search] = hash.split('?');
  const params = new URLSearchParams(search || '');
  document.querySelectorAll('header nav a').forEach((a) => a.classList.remove('active'));
  showWho();
  if (!signedIn() || path === '/signin') {
    if (signedIn()) {
      location.hash = '#/';
      return;
    }
    renderSignIn(view, showWho);
    view.dataset.ready = '/signin';
    return;
  }
  if (path.startsWith('/alert/')) {
    await renderAlert(view, decodeURIComponent(path.slice('/alert/'.length)), actor);
  } else if (path === '/operator' || path.startsWith('/operator/')) {
    await renderOperator(view, path, actor);
  } else if (path === '/dashboard') {
    await renderDashboard(view, params);
  } else if (path === '/ops') {
    await renderOps(view);
  } else if (path === '/audit') {
    await renderAudit(view, params);
  } else {
    await renderInbox(view, params);
  }
  view.dataset.ready = path;
}

window.addEventListener('hashchange', route);
route();

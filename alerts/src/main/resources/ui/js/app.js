// Routes #/ (inbox), #/alert/<id>, #/dashboard, #/ops and #/audit to their pages.
import { renderInbox } from './inbox.js';
import { renderAlert } from './alert.js';
import { renderDashboard } from './dashboard.js';
import { renderOperator } from './operator.js';
import { renderOps } from './ops.js';
import { renderAudit } from './audit.js';

const view = document.getElementById('view');
const actorInput = document.getElementById('actor');
actorInput.value = localStorage.getItem('ipr.actor') || 'analyst';
actorInput.addEventListener('change', () => localStorage.setItem('ipr.actor', actorInput.value.trim()));
const actor = () => actorInput.value.trim() || 'analyst';

async function route() {
  const hash = location.hash.replace(/^#/, '') || '/';
  const [path, search] = hash.split('?');
  const params = new URLSearchParams(search || '');
  document.querySelectorAll('header nav a').forEach((a) => a.classList.remove('active'));
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

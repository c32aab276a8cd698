// The signed-in person: the bearer token from POST /login and who it is for (GET /api/v1/me), kept
// in sessionStorage so that closing the tab signs out. Every call to the API goes through
// authFetch, which sends the token and, on a 401 (expired or missing token), signs out and shows
// the sign-in page.
const TOKEN = 'ipr.token';
const ME = 'ipr.me';

// Which page each role may open; the server checks again on every call.
const PAGES = {
  inbox: ['ANALYST', 'SUPERVISOR'],
  dashboard: ['ANALYST', 'SUPERVISOR'],
  penalties: ['ANALYST', 'SUPERVISOR'],
  operator: ['OPERATOR', 'ADMIN'],
  ops: ['OPERATOR', 'ADMIN', 'SUPERVISOR'],
  audit: ['SUPERVISOR', 'ADMIN'],
};

export function token() {
  return sessionStorage.getItem(TOKEN);
}

export function me() {
  try {
    return JSON.parse(sessionStorage.getItem(ME) || 'null');
  } catch (e) {
    return null;
  }
}

export function signedIn() {
  return !!token() && !!me();
}

export function allows(page) {
  const who = me();
  return !!who && (PAGES[page] || []).some((role) => who.roles.includes(role));
}

export function signOut() {
  sessionStorage.removeItem(TOKEN);
  sessionStorage.removeItem(ME);
}

/** fetch with the bearer token; a 401 signs out and goes to the sign-in page. */
export async function authFetch(path, options = {}) {
  const headers = { ...(options.headers || {}) };
  const t = token();
  if (t) headers.Authorization = `Bearer ${t}`;
  const response = await fetch(path, { ...options, headers });
  if (response.status === 401) {
    signOut();
    location.hash = '#/signin';
  }
  return response;
}

/** Signs in; resolves to who, or rejects with the server's message. */
export async function signIn(username, password) {
  const response = await fetch('/login', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (!response.ok) {
    throw new Error(response.status === 401 ? '账号或密码错误' : `登录失败 (HTTP ${response.status})`);
  }
  const body = await response.json();
  sessionStorage.setItem(TOKEN, body.access_token);
  const who = await authFetch('/api/v1/me', { headers: { Accept: 'application/json' } });
  if (!who.ok) throw new Error(`登录失败 (HTTP ${who.status})`);
  sessionStorage.setItem(ME, JSON.stringify(await who.json()));
  return me();
}

/**
 * Downloads behind a link (CSV, YAML) with the token: a plain link cannot send the header, so the
 * file is fetched and handed to the browser as a blob under the link's file name.
 */
export async function download(href, filename) {
  const response = await authFetch(href);
  if (!response.ok) return;
  const blob = await response.blob();
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename || href.split('?')[0].split('/').pop();
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

// The alerts HTTP API as the pages use it, with the signed-in person's token.
import { authFetch } from './session.js';

export class ApiError extends Error {
  constructor(status, body) {
    super((body && body.message) || `HTTP ${status}`);
    this.status = status;
    this.body = body || {};
  }
}

async function request(path, options = {}) {
  const response = await authFetch(path, {
    headers: { Accept: 'application/json', ...(options.body ? { 'Content-Type': 'application/json' } : {}) },
    ...options,
  });
  const text = await response.text();
  let body = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch (e) {
    body = { message: text };
  }
  if (!response.ok) throw new ApiError(response.status, body);
  return body;
}

export function query(params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v !== null && v !== undefined && v !== '') q.set(k, v);
  }
  return q.toString();
}

const MAX_LIMIT = 1000;

/**
 * A page of the inbox: {count, offset, limit, alerts}. Speaks the paged contract
 * (offset/limit/sort/category in, offset/limit in the answer) and falls back, for a server that
 * still answers {count, alerts} only, to fetching the first offset+limit and paging here.
 */
export async function listAlerts(filters, offset, limit) {
  const page = await request(`/api/v1/alerts?${query({ ...filters, offset, limit, sort: 'score' })}`);
  if (page && page.offset !== undefined) return page;
  const wanted = Math.min(offset + limit, MAX_LIMIT);
  const all = offset === 0 && wanted === limit ? page
    : await request(`/api/v1/alerts?${query({ ...filters, limit: wanted })}`);
  let alerts = all.alerts || [];
  let count = all.count;
  if (filters.category) {
    // An old server ignores category: filter what it sent.
    alerts = alerts.filter((a) => a.category === filters.category);
    count = alerts.length;
  }
  return { count, offset, limit, alerts: alerts.slice(offset, offset + limit) };
}

export function getAlert(id) {
  return request(`/api/v1/alerts/${encodeURIComponent(id)}`);
}

export function act(id, body) {
  return request(`/api/v1/alerts/${encodeURIComponent(id)}/actions`, {
    method: 'POST',
    body: JSON.stringify(body),
  });
}

export function summary(from, to) {
  return request(`/api/v1/reports/summary?${query({ from, to })}`);
}

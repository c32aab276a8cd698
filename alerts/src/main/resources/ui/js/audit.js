// #/audit: the audit trail for supervisors. Every write made through the APIs, refused ones too,
// newest first, with filters kept in the URL and a CSV download of the same selection.
import { h, replace, formatTime } from './dom.js';
import { query } from './api.js';
import { authFetch } from './session.js';

const PAGE_SIZE = 50;
const FILTERS = ['who', 'action', 'from', 'to', 'outcome'];

async function fetchPage(filters, offset) {
  const response = await authFetch(`/api/v1/audit?${query({ ...filters, offset, limit: PAGE_SIZE })}`, {
    headers: { Accept: 'application/json' },
  });
  const text = await response.text();
  let body = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch (e) {
    body = { message: text };
  }
  if (!response.ok) throw new Error((body && body.message) || `HTTP ${response.status}`);
  return body;
}

function target(entry) {
  return Object.entries(entry.target || {}).map(([k, v]) => `${k}=${v}`).join(' ');
}

function row(entry) {
  const refused = entry.outcome >= 400;
  return h('tr', { dataset: { id: entry.id } },
    h('td', { class: 'muted' }, formatTime(entry.at)),
    h('td', {}, entry.who, entry.roles && entry.roles.length ? h('div', { class: 'muted' }, entry.roles.join(' ')) : null),
    h('td', {}, entry.action, h('div', { class: 'muted' }, target(entry))),
    h('td', {}, h('span', { class: refused ? 'badge OPEN' : 'badge CONFIRMED' }, String(entry.outcome))),
    h('td', {}, entry.remoteAddress || '',
      entry.forwardedFor ? h('div', { class: 'muted', title: '客户端自称，未经核实' }, `XFF（自称）${entry.forwardedFor}`) : null),
    h('td', { class: 'muted' }, entry.records === null || entry.records === undefined ? '' : String(entry.records)),
    h('td', { class: 'muted' }, entry.requestId || ''));
}

export async function renderAudit(view, params) {
  const filters = {};
  for (const f of FILTERS) if (params.get(f)) filters[f] = params.get(f);
  const offset = Math.max(0, Number.parseInt(params.get('offset') || '0', 10) || 0);

  const input = (name, text, attrs = {}) => h('label', {}, text,
    h('input', { name, id: `audit-${name}`, value: filters[name] || '', ...attrs }));
  const form = h('form', { class: 'filters', id: 'audit-filters' },
    input('who', '操作人', { size: 12 }),
    input('action', '操作（如 POST /api/v1/alerts 或 /api/v1/rules）', { size: 28 }),
    input('from', '起（日期或时间）', { placeholder: '2026-03-01', size: 12 }),
    input('to', '止', { placeholder: '2026-03-31', size: 12 }),
    input('outcome', '结果（403 或 4xx）', { size: 6 }),
    h('button', { type: 'submit', id: 'audit-apply' }, '筛选'),
    h('button', { type: 'button', onclick: () => { location.hash = '#/audit'; } }, '清除'));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const chosen = {};
    for (const [k, v] of new FormData(form).entries()) if (String(v).trim()) chosen[k] = String(v).trim();
    location.hash = `#/audit?${query(chosen)}`;
  });

  const status = h('span', { class: 'muted', id: 'audit-status' }, '加载中…');
  const body = h('tbody', { id: 'audit-rows' });
  const pager = h('div', { class: 'pager' });
  replace(view,
    h('section', { class: 'card' }, h('h2', {}, '操作审计（最新在前）'), form),
    h('section', { class: 'card' },
      h('div', { class: 'pager' }, status,
        h('a', { href: `/api/v1/audit.csv?${query(filters)}`, id: 'audit-export', download: 'audit.csv' }, '导出当前筛选 CSV')),
      h('table', { id: 'audit' },
        h('thead', {}, h('tr', {}, ['时间', '操作人', '操作 / 对象', '结果', '来源地址', '记录数', '请求 ID'].map((t) => h('th', {}, t)))),
        body),
      pager));

  let page;
  try {
    page = await fetchPage(filters, offset);
  } catch (e) {
    replace(status, h('span', { class: 'error' }, `无法加载审计记录：${e.message}`));
    return;
  }
  const count = page.entries.length;
  replace(status, count === 0 ? '没有符合条件的记录'
    : `第 ${page.offset + 1}–${page.offset + count} 条${page.truncated ? '（读取已达上限，请缩小时间范围）' : ''}`);
  status.dataset.count = String(count);
  replace(body, page.entries.map(row));
  const link = (o, text) => h('a', { href: `#/audit?${query({ ...filters, offset: o || null })}` }, text);
  replace(pager,
    page.offset > 0 ? link(Math.max(0, page.offset - PAGE_SIZE), '‹ 较新') : null,
    page.more ? link(page.offset + PAGE_SIZE, '较早 ›') : null);
}

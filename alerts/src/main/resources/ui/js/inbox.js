// The inbox: alerts highest risk first, with filters, a count and paging. The filters live in the
// URL (#/?bureau=...), so the browser's back button and a shared link keep them.
import { h, replace, formatTime } from './dom.js';
import { listAlerts, summary, query } from './api.js';
import { STATUS, TYPE, CATEGORY, label } from './labels.js';

export const PAGE_SIZE = 50;
const FILTERS = ['bureau', 'region', 'category', 'type', 'status', 'text', 'assignee'];

/** The bureaus, districts and categories of the last year's alerts, for the filter menus. */
async function filterOptions() {
  try {
    // 360 days back from the browser's today stays within the API's 366-day limit whatever the
    // browser's zone is against Asia/Shanghai.
    const from = new Date(Date.now() - 360 * 86400000).toISOString().slice(0, 10);
    const s = await summary(from, null);
    return { bureau: s.byBureau, region: s.byDistrict, category: s.byCategory };
  } catch (e) {
    // The menus then offer only "all"; the list itself reports what is wrong.
    return { bureau: [], region: [], category: [] };
  }
}

function select(name, caption, choices, current) {
  const el = h('select', { name, id: `filter-${name}` }, h('option', { value: '' }, '全部'));
  for (const c of choices) {
    el.appendChild(h('option', { value: c.key }, c.label && c.label !== c.key ? `${c.label}` : c.key));
  }
  if (current && ![...el.options].some((o) => o.value === current)) {
    el.appendChild(h('option', { value: current }, current));
  }
  el.value = current || '';
  return h('label', {}, caption, el);
}

function scoreClass(score) {
  return score >= 80 ? 'score high' : score >= 50 ? 'score mid' : 'score';
}

export function alertHref(id) {
  return `#/alert/${encodeURIComponent(id)}`;
}

/** The export link carries the same filters as the list. */
export function exportHref(filters) {
  const q = query(filters);
  return `/api/v1/exports/alerts.csv${q ? `?${q}` : ''}`;
}

function row(a) {
  const first = (a.listings && a.listings[0]) || {};
  const flags = [];
  if (a.escalation && a.escalation.policeReferral) flags.push(h('span', { class: 'badge flag' }, '移送公安'));
  if (a.escalation && a.escalation.supervisedCase) flags.push(h('span', { class: 'badge flag' }, '督办'));
  return h('tr', { class: 'alert-row', dataset: { id: a.id, score: a.score } },
    h('td', { class: scoreClass(a.score) }, Math.round(a.score)),
    h('td', {}, h('span', { class: `badge ${a.status}` }, label(STATUS, a.status))),
    h('td', {}, h('a', { href: alertHref(a.id), class: 'open-alert' }, first.title || a.sellerId), ' ', flags),
    h('td', {}, a.bureau ? a.bureau.name : ''),
    h('td', {}, a.crossRegion ? `外地 ${a.jurisdictionName || a.jurisdiction || ''}` : a.jurisdictionName || a.jurisdiction || ''),
    h('td', {}, label(CATEGORY, a.category)),
    h('td', {}, label(TYPE, a.infringementType)),
    h('td', {}, `${a.platform || ''} · ${a.sellerId}`),
    h('td', {}, a.assignee || ''),
    h('td', { class: 'muted' }, formatTime(a.updatedAt)));
}

export async function renderInbox(view, params) {
  const filters = {};
  for (const f of FILTERS) if (params.get(f)) filters[f] = params.get(f);
  const offset = Math.max(0, Number.parseInt(params.get('offset') || '0', 10) || 0);
  const opts = await filterOptions();

  const form = h('form', { class: 'filters', id: 'filters' },
    select('bureau', '主办部门', opts.bureau, filters.bureau),
    select('region', '辖区', [{ key: '320600', label: '全市' }, ...opts.region], filters.region),
    select('category', '品类', opts.category.map((c) => ({ key: c.key, label: label(CATEGORY, c.key) })), filters.category),
    select('type', '侵权类型', Object.keys(TYPE).filter((t) => t !== 'NONE').map((k) => ({ key: k, label: TYPE[k] })), filters.type),
    select('status', '状态', Object.keys(STATUS).map((k) => ({ key: k, label: STATUS[k] })), filters.status),
    h('label', {}, '承办人', h('input', { name: 'assignee', id: 'filter-assignee', value: filters.assignee || '', size: 10 })),
    h('label', {}, '关键词', h('input', { name: 'text', id: 'filter-text', value: filters.text || '', placeholder: '标题、店铺或卖家' })),
    h('button', { type: 'submit', id: 'apply-filters' }, '筛选'),
    h('button', { type: 'button', onclick: () => { location.hash = '#/'; } }, '清除'));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const chosen = {};
    for (const [k, v] of new FormData(form).entries()) if (String(v).trim()) chosen[k] = String(v).trim();
    location.hash = `#/?${query(chosen)}`;
  });
  // A changed select applies at once; text applies on Enter or the button.
  form.querySelectorAll('select').forEach((el) => el.addEventListener('change', () => form.requestSubmit()));

  const status = h('span', { class: 'muted', id: 'inbox-count' }, '加载中…');
  const body = h('tbody', { id: 'inbox-rows' });
  const pager = h('div', { class: 'pager' });
  replace(view,
    h('section', { class: 'card' }, h('h2', {}, '线索收件箱（按风险排序）'), form),
    h('section', { class: 'card' },
      h('div', { class: 'pager' }, status, h('a', { href: exportHref(filters), id: 'export-alerts', download: true }, '导出当前筛选 CSV')),
      h('table', { id: 'inbox' },
        h('thead', {}, h('tr', {}, ['风险分', '状态', '商品 / 卖家', '主办部门', '辖区', '品类', '侵权类型', '平台 · 卖家', '承办人', '更新时间'].map((t) => h('th', {}, t)))),
        body),
      pager));

  let page;
  try {
    page = await listAlerts(filters, offset, PAGE_SIZE);
  } catch (e) {
    replace(status, h('span', { class: 'error' }, `无法加载线索：${e.message}`));
    return;
  }
  const last = Math.min(page.offset + page.alerts.length, page.count);
  replace(status, page.count === 0 ? '没有符合条件的线索' : `共 ${page.count} 条，第 ${page.offset + 1}–${last} 条`);
  status.dataset.count = String(page.count);
  replace(body, page.alerts.map(row));
  const link = (o, text) => h('a', { href: `#/?${query({ ...filters, offset: o || null })}` }, text);
  replace(pager,
    page.offset > 0 ? link(Math.max(0, page.offset - PAGE_SIZE), '‹ 上一页') : null,
    last < page.count ? link(page.offset + PAGE_SIZE, '下一页 ›') : null);
}

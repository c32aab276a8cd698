// The dashboard: the figures the city's supervision and assessment asks for, over a date range.
import { h, replace, formatSeconds } from './dom.js';
import { summary, query } from './api.js';
import { STATUS, STATUS_COLORS, CATEGORY, label } from './labels.js';
import { barChart, dailyChart, legend } from './charts.js';

function figure(caption, value, id) {
  return h('div', { class: 'figure', id }, h('b', {}, value), h('span', { class: 'muted' }, caption));
}

export async function renderDashboard(view, params) {
  const from = params.get('from') || '';
  const to = params.get('to') || '';
  const form = h('form', { class: 'filters', id: 'range' },
    h('label', {}, '起始日期', h('input', { type: 'date', name: 'from', value: from })),
    h('label', {}, '截止日期', h('input', { type: 'date', name: 'to', value: to })),
    h('button', { type: 'submit' }, '更新'),
    h('span', { class: 'muted' }, '按北京时间自然日统计；默认最近 30 天。'));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const chosen = Object.fromEntries([...new FormData(form).entries()].filter(([, v]) => v));
    location.hash = `#/dashboard?${query(chosen)}`;
  });
  const body = h('div', { id: 'dashboard' }, h('p', { class: 'muted' }, '加载中…'));
  replace(view, h('section', { class: 'card' }, h('h2', {}, '统计看板'), form), body);

  let r;
  try {
    r = await summary(from || null, to || null);
  } catch (e) {
    replace(body, h('p', { class: 'error' }, `无法加载统计：${e.message}`));
    return;
  }
  // Show the range the server chose when the request named none.
  form.elements.from.value = r.from;
  form.elements.to.value = r.to;
  const statuses = Object.keys(STATUS);
  const statusLabel = (code) => label(STATUS, code);
  const fa = r.firstAction;
  replace(body,
    h('section', { class: 'card' },
      h('h3', {}, `${r.from} 至 ${r.to}`),
      h('div', { class: 'figures' },
        figure('新增线索', r.total, 'figure-total'),
        figure('已处理', fa.acted, 'figure-acted'),
        figure('尚未处理', fa.notYet, 'figure-not-yet'),
        figure('首次处理用时（中位数）', formatSeconds(fa.medianSeconds), 'figure-median'),
        figure('首次处理用时（90% 分位）', formatSeconds(fa.p90Seconds), 'figure-p90')),
      h('p', {},
        h('a', { href: '/api/v1/exports/alerts.csv', download: true }, '导出全部线索 CSV'), ' · ',
        h('a', { href: '/api/v1/exports/penalties.csv', download: true }, '导出行政处罚决定 CSV'))),
    h('div', { class: 'charts' },
      h('section', { class: 'card' }, h('h3', {}, '按主办部门'), barChart('byBureau', r.byBureau)),
      h('section', { class: 'card' }, h('h3', {}, '按辖区'), barChart('byDistrict', r.byDistrict)),
      h('section', { class: 'card' }, h('h3', {}, '按品类'), barChart('byCategory', r.byCategory, (c) => label(CATEGORY, c.key))),
      h('section', { class: 'card' }, h('h3', {}, '按状态'), barChart('byStatus', r.byStatus, (c) => statusLabel(c.key)))),
    h('section', { class: 'card' }, h('h3', {}, '每日新增线索（按当前状态）'),
      legend(statuses, STATUS_COLORS, statusLabel), h('div', { style: 'overflow-x:auto' }, dailyChart(r.daily, statuses, STATUS_COLORS, statusLabel))),
    h('section', { class: 'card' }, h('h3', {}, '各部门首次处理用时'),
      h('table', { id: 'first-action' },
        h('thead', {}, h('tr', {}, ['主办部门', '已处理', '尚未处理', '中位数', '90% 分位'].map((t) => h('th', {}, t)))),
        h('tbody', {}, r.firstActionByBureau.map((b) => h('tr', { dataset: { key: b.key } },
          h('td', {}, b.label), h('td', {}, b.acted), h('td', {}, b.notYet),
          h('td', {}, formatSeconds(b.medianSeconds)), h('td', {}, formatSeconds(b.p90Seconds))))))));
}

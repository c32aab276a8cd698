// The operator page: the pipeline at a glance, from GET /api/v1/ops/summary, which reads the same
// meters as /prometheus. Counters are totals since the app started; the page turns two readings
// into per-second rates. Operators, administrators and supervisors only: the server's
// /api/v1/ops routes check it; the nav only hides the link from others.
import { h, replace, formatTime } from './dom.js';
import { authFetch } from './session.js';

const POLL_MS = 5000;
let previous = null;
let timer = null;

async function fetchSummary() {
  const response = await authFetch('/api/v1/ops/summary', { headers: { Accept: 'application/json' } });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return response.json();
}

const keyOf = (series) => JSON.stringify(series.tags);

/** Per-second rate of each series since the previous reading, or null on the first. */
function rates(section, now) {
  if (!previous) return new Map();
  const dt = now.at - previous.at;
  const before = new Map((previous[section] || []).map((s) => [keyOf(s), s.value]));
  const out = new Map();
  for (const s of now[section] || []) {
    const was = before.get(keyOf(s));
    if (was !== undefined && dt > 0) out.set(keyOf(s), Math.max(0, (s.value - was) / dt));
  }
  return out;
}

const fmt = (n, digits = 0) => (n === null || n === undefined || Number.isNaN(n) ? '—'
  : Number(n).toLocaleString('zh-CN', { maximumFractionDigits: digits }));

function seriesTable(id, title, rows, columns, withRate, rateMap, empty) {
  const head = [...columns.map(([, label]) => label), '累计', ...(withRate ? ['每秒'] : [])];
  return h('section', { class: 'card' }, h('h3', {}, title),
    rows.length === 0 ? h('p', { class: 'muted' }, empty || '暂无数据')
      : h('table', { id },
        h('thead', {}, h('tr', {}, head.map((t) => h('th', {}, t)))),
        h('tbody', {}, rows.map((s) => h('tr', {},
          columns.map(([tag]) => h('td', {}, s.tags[tag] ?? '')),
          h('td', {}, fmt(s.value)),
          withRate ? h('td', {}, rateMap.has(keyOf(s)) ? fmt(rateMap.get(keyOf(s)), 2) : '—') : null)))));
}

function render(body, r) {
  const latency = r.assessmentLatency || { count: 0, meanMillis: 0, maxMillis: 0 };
  const lagTotal = (r.lag || []).reduce((sum, s) => sum + s.value, 0);
  const deadTotal = (r.deadLetters || []).reduce((sum, s) => sum + s.value, 0);
  const streams = Object.entries(r.streams || {});
  replace(body,
    h('section', { class: 'card' },
      h('div', { class: 'figures' },
        h('div', { class: 'figure', id: 'ops-ready' },
          h('b', { class: r.ready ? 'notice' : 'error' }, r.ready ? '就绪' : '未就绪'),
          h('span', { class: 'muted' }, streams.map(([app, state]) => `${app}: ${state}`).join(' · ') || '本应用无流处理')),
        h('div', { class: 'figure', id: 'ops-lag' }, h('b', {}, fmt(lagTotal)), h('span', { class: 'muted' }, '积压记录（各分区合计）')),
        h('div', { class: 'figure', id: 'ops-dead' }, h('b', {}, fmt(deadTotal)), h('span', { class: 'muted' }, '死信（累计）')),
        h('div', { class: 'figure', id: 'ops-latency' },
          h('b', {}, `${fmt(latency.meanMillis, 1)} ms`),
          h('span', { class: 'muted' }, `评估延迟均值（${fmt(latency.count)} 条，最近最大 ${fmt(latency.maxMillis, 1)} ms）`))),
      h('p', { class: 'muted' }, `更新于 ${formatTime(r.at)}，每 ${POLL_MS / 1000} 秒刷新；数据与 /prometheus 相同。`)),
    h('div', { class: 'charts' },
      seriesTable('ops-records-in', '读入记录（按主题）', r.recordsIn || [], [['application', '应用'], ['topic', '主题']], true, rates('recordsIn', r)),
      seriesTable('ops-records-out', '写出记录（按主题）', r.recordsOut || [], [['application', '应用'], ['topic', '主题']], true, rates('recordsOut', r)),
      seriesTable('ops-lag-table', '消费积压（按分区）', r.lag || [], [['group', '消费组'], ['topic', '主题'], ['partition', '分区']], false, null),
      seriesTable('ops-dead-letters', '死信（按原因）', r.deadLetters || [], [['application', '应用'], ['topic', '来源主题'], ['reason', '原因']], true, rates('deadLetters', r), '没有死信'),
      h('section', { class: 'card' }, h('h3', {}, '最慢的规则（命中过的规则，按平均用时）'),
        (r.slowestRules || []).length === 0 ? h('p', { class: 'muted' }, '暂无命中')
          : h('table', { id: 'ops-rules' },
            h('thead', {}, h('tr', {}, ['规则', '评估次数', '命中', '平均 µs', '最近最大 µs'].map((t) => h('th', {}, t)))),
            h('tbody', {}, r.slowestRules.map((x) => h('tr', {},
              h('td', {}, x.rule), h('td', {}, fmt(x.evaluations)), h('td', {}, fmt(x.hits)),
              h('td', {}, fmt(x.meanMicros, 1)), h('td', {}, fmt(x.maxMicros, 1))))))),
      seriesTable('ops-leads', '线索（按主办部门）', r.leads || [], [['bureau', '部门']], true, rates('leads', r)),
      seriesTable('ops-alerts', '告警（按部门与状态）', r.alerts || [], [['bureau', '部门'], ['status', '状态']], false, null),
      seriesTable('ops-webhooks', 'Webhook 推送（按结果）', r.webhooks || [], [['outcome', '结果']], true, rates('webhooks', r)),
      seriesTable('ops-http', 'HTTP 请求（按路由与状态）', r.http || [], [['method', '方法'], ['uri', '路由'], ['status', '状态']], true, rates('http', r))));
}

export async function renderOps(view) {
  clearTimeout(timer);
  previous = null;
  const body = h('div', { id: 'ops' }, h('p', { class: 'muted' }, '加载中…'));
  replace(view, h('section', { class: 'card' }, h('h2', {}, '运行监控')), body);
  const tick = async () => {
    if (!location.hash.startsWith('#/ops')) return; // left the page: stop polling
    try {
      const r = await fetchSummary();
      render(body, r);
      previous = r;
    } catch (e) {
      replace(body, h('p', { class: 'error' }, `无法加载运行数据：${e.message}`));
    }
    timer = setTimeout(tick, POLL_MS);
  };
  await tick();
}

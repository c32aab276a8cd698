// The routing page (#/operator/routing): the bureau directory and routing table in force, the table
// as JSON to edit with every problem listed at its path, a preview of where the open alerts would
// go under the draft, and every version written. Speaks alerts' /api/v1/routing.
import { h, replace, formatTime } from './dom.js';
import { ApiError } from './api.js';
import { authFetch } from './session.js';
import { TYPE, label } from './labels.js';

const BASE = '/api/v1/routing';

async function call(path, options = {}) {
  const headers = { Accept: 'application/json' };
  if (options.body) headers['Content-Type'] = 'application/json';
  const response = await authFetch(BASE + path, { ...options, headers });
  const text = await response.text();
  let body = null;
  try { body = text ? JSON.parse(text) : null; } catch (e) { body = { message: text }; }
  if (!response.ok) throw new ApiError(response.status, body);
  return body;
}

function tables(table) {
  const bureauName = new Map((table.bureaus || []).map((b) => [b.id, b.name]));
  return h('div', { class: 'grid2' },
    h('div', {}, h('h3', {}, '部门'),
      h('table', { id: 'bureaus' }, h('thead', {}, h('tr', {}, ['编号', '名称'].map((t) => h('th', {}, t)))),
        h('tbody', {}, (table.bureaus || []).map((b) => h('tr', { dataset: { bureau: b.id } },
          h('td', {}, b.id), h('td', {}, b.name, b.id === table.defaultBureau ? h('span', { class: 'muted' }, '（默认）') : null)))))),
    h('div', {}, h('h3', {}, '分派规则'),
      h('table', { id: 'routes' }, h('thead', {}, h('tr', {}, ['侵权类型', '类目', '部门', '抄送'].map((t) => h('th', {}, t)))),
        h('tbody', {}, (table.routes || []).map((r) => h('tr', {},
          h('td', {}, label(TYPE, r.type)), h('td', {}, r.category || '任意'),
          h('td', {}, bureauName.get(r.bureau) || r.bureau),
          h('td', {}, (r.coRecipients || []).map((c) => bureauName.get(c) || c).join('、'))))))));
}

function problemsView(error) {
  const problems = (error.body && error.body.problems) || [];
  if (!problems.length) return h('p', { class: 'error' }, error.message);
  return h('div', { class: 'error', id: 'problems' }, h('b', {}, '未保存，请修改：'),
    h('ul', {}, problems.map((p) => h('li', { dataset: { path: p.path } }, h('code', {}, p.path || '（整表）'), `：${p.reason}`))));
}

function previewView(r) {
  const place = (p) => `${p.bureau}${p.coRecipients && p.coRecipients.length ? ` + ${p.coRecipients.join('、')}` : ''}`;
  return h('div', { id: 'routing-preview-result' },
    h('h3', {}, `预览：${r.openAlerts} 条待处理线索中 ${r.changed} 条会改变（未保存）`),
    h('div', { class: 'figures' }, Object.entries(r.counts || {}).map(([aspect, n]) =>
      h('div', { class: 'figure' }, h('b', {}, n), h('span', { class: 'muted' }, aspect)))),
    Object.keys(r.moves || {}).length ? h('ul', { id: 'routing-moves' },
      Object.entries(r.moves).map(([move, n]) => h('li', {}, `${move}：${n} 条`))) : null,
    h('table', { id: 'routing-preview-alerts' }, h('thead', {}, h('tr', {}, ['线索', '状态', '现在', '改后', '变化'].map((t) => h('th', {}, t)))),
      h('tbody', {}, (r.alerts || []).map((a) => h('tr', {},
        h('td', {}, h('a', { href: `#/alert/${encodeURIComponent(a.id)}` }, a.id)), h('td', {}, a.status),
        h('td', {}, place(a.current)), h('td', {}, place(a.draft)), h('td', {}, (a.changes || []).join(', ')))))));
}

async function historyView() {
  try {
    const entries = (await call('/history')) || [];
    if (!entries.length) return h('p', { class: 'muted', id: 'routing-history' }, '尚无运行时修改：使用启动配置（第 0 版）。');
    return h('table', { id: 'routing-history' },
      h('thead', {}, h('tr', {}, ['版本', '时间', '操作人', '说明', '结果', '改动'].map((t) => h('th', {}, t)))),
      h('tbody', {}, entries.slice().reverse().map((e) => h('tr', {},
        h('td', {}, e.version ?? '—'), h('td', {}, formatTime(e.changedAt)), h('td', {}, e.changedBy || ''), h('td', {}, e.comment || ''),
        h('td', {}, e.accepted ? '生效' : h('span', { class: 'error' }, `被拒：${(e.problems || []).map((p) => `${p.path} ${p.reason}`).join('；')}`)),
        h('td', {}, h('pre', { class: 'generic' }, (e.changes || []).join('\n')))))));
  } catch (e) { return h('p', { class: 'error' }, `无法加载历史：${e.message}`); }
}

/** #/operator/routing */
export async function renderRouting(view, actor, nav) {
  let routing;
  try { routing = await call(''); } catch (e) {
    replace(view, h('section', { class: 'card' }, h('h2', {}, '分派规则'), nav(), h('p', { class: 'error' }, `无法加载：${e.message}`)));
    return;
  }
  const text = h('textarea', { id: 'routing-table', rows: 24, cols: 90, spellcheck: 'false' }, JSON.stringify(routing.table, null, 2));
  const comment = h('input', { id: 'routing-comment', size: 50, placeholder: '为何修改' });
  const outcome = h('div', { id: 'outcome' });
  const history = h('div', {}, h('p', { class: 'muted' }, '加载中…'));
  const body = () => {
    let table;
    try { table = JSON.parse(text.value); } catch (e) {
      throw new ApiError(400, { message: `表不是有效的 JSON：${e.message}`, problems: [{ path: '', reason: `不是有效的 JSON：${e.message}` }] });
    }
    return { table, changedBy: actor(), comment: comment.value.trim() || null, baseVersion: routing.version };
  };
  const preview = async () => {
    replace(outcome, h('p', { class: 'muted' }, '预览中…'));
    try { replace(outcome, previewView(await call('/preview', { method: 'POST', body: JSON.stringify(body()) }))); } catch (e) { replace(outcome, problemsView(e)); }
  };
  const save = async () => {
    try {
      const saved = await call('', { method: 'PUT', body: JSON.stringify(body()) });
      replace(outcome, h('p', { class: 'notice' }, `已提交第 ${saved.version} 版，片刻后生效。`));
      routing = { ...routing, version: saved.version };
      replace(history, await historyView());
    } catch (e) { replace(outcome, problemsView(e)); }
  };
  replace(view,
    h('section', { class: 'card' }, h('h2', {}, '分派规则'), nav(),
      h('p', { class: 'muted', id: 'routing-version' }, `第 ${routing.version} 版${routing.changedBy ? `，${routing.changedBy} 于 ${formatTime(routing.changedAt)} 修改` : '（启动配置）'}${routing.comment ? `：${routing.comment}` : ''}`),
      tables(routing.table)),
    h('section', { class: 'card' }, h('h2', {}, '修改（JSON，字段同路由 YAML）'), text,
      h('label', { class: 'field' }, '说明', comment),
      h('div', { class: 'actions' },
        h('button', { type: 'button', id: 'routing-preview', onclick: preview }, '预览待处理线索的去向（不影响线上）'),
        h('button', { type: 'button', id: 'routing-save', onclick: save }, '保存')),
      outcome),
    h('section', { class: 'card' }, h('h2', {}, '修改历史'), history));
  replace(history, await historyView());
}

// The thresholds and weights page (#/operator/scoring): the settings in force for every listing and
// per category, an edit form whose refused fields are marked where they are, a preview on the
// listings detect assessed last before saving, and who changed what. Speaks detect's
// /api/v1/operator/scoring, served on the same port by the standalone app.
import { h, replace, formatTime } from './dom.js';
import { ApiError } from './api.js';
import { authFetch } from './session.js';

const BASE = '/api/v1/operator/scoring';
const DEFAULT = 'default';
const LABELS = {
  leadThreshold: '线索阈值', brandMentionWeight: '品牌提及', priceBelowBandWeight: '低于参考价',
  priceBandRatio: '低价比例 (0-1)', priceWithinBandWeight: '参考价内扣分', categoryPoints: '重点类目加分',
  crossBorderWeight: '跨境', implausibleNutrientWeight: '养分含量不实', maxPlausibleNutrientPercent: '养分上限 %',
  sellerBlacklistedWeight: '卖家失信名单', sellerPenaltyWeight: '每次处罚', sellerPenaltyCap: '处罚上限',
  sellerConfirmedAlertWeight: '每条已确认线索', sellerConfirmedAlertCap: '已确认线索上限', sellerHistoryCap: '卖家历史上限',
  networkShare: '关联卖家比例 (0-1)', networkCap: '关联卖家上限', listingComplaintWeight: '每条商品投诉',
  listingComplaintCap: '商品投诉上限', sellerComplaintWeight: '每条卖家投诉', sellerComplaintCap: '卖家投诉上限',
  surgeWeight: '投诉激增',
};

async function call(path, actor, options = {}) {
  const headers = { Accept: 'application/json' };
  if (options.body) headers['Content-Type'] = 'application/json';
  if (actor) headers['X-Changed-By'] = actor();
  const response = await authFetch(BASE + path, { ...options, headers });
  const text = await response.text();
  let body = null;
  try { body = text ? JSON.parse(text) : null; } catch (e) { body = { message: text }; }
  if (!response.ok) throw new ApiError(response.status, body);
  return body;
}

const fmt = (v) => (v === null || v === undefined ? '—' : String(Math.round(v * 1000) / 1000));

/** Every value in force, one row per setting, one column per key; values an entry sets in bold. */
function settingsTable(view) {
  const columns = [view.defaults, ...view.categories];
  return h('table', { id: 'scoring-values' },
    h('thead', {}, h('tr', {}, h('th', {}, '设置'), columns.map((c) => h('th', {}, c.key === DEFAULT ? '全部类目' : c.key)))),
    h('tbody', {}, Object.keys(view.fields).map((name) => h('tr', { dataset: { field: name } },
      h('td', {}, LABELS[name] || name, h('div', { class: 'muted' }, name)),
      columns.map((c) => {
        const own = c.entry && c.entry[name] !== null && c.entry[name] !== undefined;
        const value = c.values[name];
        return h('td', { class: 'score', dataset: { key: c.key } }, own ? h('b', {}, fmt(value)) : fmt(value));
      })))));
}

/** Shows each problem next to its input, and all of them above the buttons. */
function showProblems(form, outcome, error) {
  form.querySelectorAll('.field-error').forEach((n) => n.remove());
  const problems = (error.body && error.body.problems) || [];
  if (!problems.length) { replace(outcome, h('p', { class: 'error' }, error.message)); return; }
  for (const p of problems) {
    const input = form.elements[p.field];
    if (input && input.closest) input.closest('label').append(h('span', { class: 'error field-error', dataset: { field: p.field } }, p.message));
  }
  replace(outcome, h('div', { class: 'error', id: 'problems' }, h('b', {}, '未保存，请修改：'),
    h('ul', {}, problems.map((p) => h('li', { dataset: { field: p.field } }, `${LABELS[p.field] || p.field || p.id}：${p.message}`)))));
}

function previewView(r) {
  const leads = (keys, cls) => (keys.length ? h('ul', {}, keys.map((k) => h('li', { class: cls }, k))) : h('span', { class: 'muted' }, '无'));
  return h('div', { id: 'scoring-preview-result' },
    h('h3', {}, `预览：${r.listings} 条${r.source === 'sample' ? '样本' : '最近评估的'}商品（未保存，不影响线上）`),
    h('div', { class: 'figures' },
      h('div', { class: 'figure' }, h('b', { id: 'preview-leads' }, `${r.leadListingsBefore} → ${r.leadListingsAfter}`), h('span', { class: 'muted' }, '成为线索的商品'))),
    r.sampleProblems && r.sampleProblems.length ? h('p', { class: 'error' }, r.sampleProblems.join('；')) : null,
    h('div', { class: 'grid2' },
      h('div', {}, h('h3', {}, '新增线索'), leads(r.newLeads || [], 'new-lead')),
      h('div', {}, h('h3', {}, '消失线索'), leads(r.goneLeads || [], 'gone-lead'))),
    h('h3', {}, '按类目'),
    h('table', { id: 'preview-categories' }, h('thead', {}, h('tr', {}, ['类目', '商品', '线索 前 → 后', '得分变化的商品'].map((t) => h('th', {}, t)))),
      h('tbody', {}, (r.byCategory || []).map((c) => h('tr', { dataset: { category: c.category } },
        h('td', {}, c.category), h('td', {}, c.listings), h('td', {}, `${c.leadsBefore} → ${c.leadsAfter}`), h('td', {}, c.changedScores))))),
    h('h3', {}, '示例商品'),
    h('table', { id: 'preview-examples' }, h('thead', {}, h('tr', {}, ['商品', '类目', '标题', '得分', '线索', '线索编号'].map((t) => h('th', {}, t)))),
      h('tbody', {}, (r.examples || []).map((e) => h('tr', {},
        h('td', {}, e.listingKey), h('td', {}, e.category || '—'), h('td', {}, e.title),
        h('td', { class: 'score' }, `${Math.round(e.scoreBefore)} → ${Math.round(e.scoreAfter)}`),
        h('td', {}, `${e.leadBefore ? '是' : '否'} → ${e.leadAfter ? '是' : '否'}`), h('td', {}, e.leadKey))))));
}

async function historyView(key) {
  try {
    const changes = (await call(`/${encodeURIComponent(key)}/history`)) || [];
    if (!changes.length) return h('p', { class: 'muted', id: 'scoring-history' }, '没有经运营接口的修改记录。');
    return h('table', { id: 'scoring-history' },
      h('thead', {}, h('tr', {}, ['时间', '操作人', '操作', '版本', '改动字段', '修改后'].map((t) => h('th', {}, t)))),
      h('tbody', {}, changes.slice().reverse().map((c) => h('tr', {},
        h('td', {}, formatTime(c.changedAt)), h('td', {}, c.changedBy), h('td', {}, c.action), h('td', {}, c.version),
        h('td', {}, (c.changedFields || []).join(', ')),
        h('td', {}, h('pre', { class: 'generic' }, c.after ? JSON.stringify(c.after, null, 1) : '（已删除）'))))));
  } catch (e) { return h('p', { class: 'error' }, `无法加载历史：${e.message}`); }
}

/** #/operator/scoring[/<key>]: the values in force and the form for one key's entry. */
export async function renderScoring(view, key, actor, nav) {
  key = key || DEFAULT;
  let settings;
  try { settings = await call(''); } catch (e) {
    replace(view, h('section', { class: 'card' }, h('h2', {}, '阈值与权重'), nav(), h('p', { class: 'error' }, `无法加载：${e.message}`)));
    return;
  }
  settings.categories = settings.categories || [];
  const current = key === DEFAULT ? settings.defaults : settings.categories.find((c) => c.key === key);
  const entry = (current && current.entry) || {};
  const values = (current && current.values) || settings.defaults.values;
  const names = Object.keys(settings.fields).filter((n) => key !== DEFAULT || n !== 'categoryPoints');
  const keys = [DEFAULT, ...settings.categories.map((c) => c.key)];
  const form = h('form', { class: 'action-inputs', id: 'scoring-form' },
    h('label', { class: 'field', dataset: { name: 'key' } }, '适用于',
      h('select', { name: 'key', onchange: (ev) => { location.hash = `#/operator/scoring/${encodeURIComponent(ev.target.value)}`; } },
        keys.map((k) => h('option', { value: k, selected: k === key }, k === DEFAULT ? '全部类目 (default)' : k)),
        keys.includes(key) ? null : h('option', { value: key, selected: true }, key))),
    h('label', { class: 'field' }, '或新类目', h('input', { name: 'newKey', size: 14, placeholder: 'food',
      onchange: (ev) => { if (ev.target.value.trim()) location.hash = `#/operator/scoring/${encodeURIComponent(ev.target.value.trim())}`; } })),
    names.map((name) => h('label', { class: 'field', dataset: { name } }, `${LABELS[name] || name} (0-${settings.fields[name]})`,
      h('input', { name, type: 'number', step: 'any', size: 6, value: entry[name] ?? '', placeholder: `当前 ${fmt(values[name])}` }))),
    h('label', { class: 'field', dataset: { name: 'description' } }, '说明（为何修改）',
      h('input', { name: 'description', size: 40, value: entry.description || '' })));
  const outcome = h('div', { id: 'outcome' });
  const history = h('div', {}, h('p', { class: 'muted' }, '加载中…'));
  const draft = () => {
    const d = {};
    for (const name of names) {
      const v = form.elements[name].value.trim();
      // A number the browser cannot read goes as text, so that the server names the field.
      if (v !== '') d[name] = Number.isFinite(Number(v)) ? Number(v) : v;
    }
    const text = form.elements.description.value.trim();
    if (text) d.description = text;
    return d;
  };
  const clearMarks = () => form.querySelectorAll('.field-error').forEach((n) => n.remove());
  const preview = async () => {
    replace(outcome, h('p', { class: 'muted' }, '预览中…'));
    try {
      clearMarks();
      replace(outcome, previewView(await call('/preview', null, { method: 'POST', body: JSON.stringify({ key, settings: draft(), examples: 20 }) })));
    } catch (e) { showProblems(form, outcome, e); }
  };
  const save = async () => {
    try {
      clearMarks();
      const saved = await call(`/${encodeURIComponent(key)}`, actor, { method: 'PUT', body: JSON.stringify(draft()) });
      replace(outcome, h('p', { class: 'notice' }, `已保存 ${key} 第 ${saved.version} 版，片刻后对新评估的商品生效。`));
      replace(history, await historyView(key));
    } catch (e) { showProblems(form, outcome, e); }
  };
  const remove = async () => {
    if (!confirm(`删除 ${key} 的设置？其商品回到下一层的设置。`)) return;
    try {
      await call(`/${encodeURIComponent(key)}`, actor, { method: 'DELETE' });
      replace(outcome, h('p', { class: 'notice' }, `已删除 ${key} 的设置。`));
      replace(history, await historyView(key));
    } catch (e) { showProblems(form, outcome, e); }
  };
  const previewDelete = async () => {
    try {
      replace(outcome, previewView(await call('/preview', null, { method: 'POST', body: JSON.stringify({ key, delete: true, examples: 20 }) })));
    } catch (e) { showProblems(form, outcome, e); }
  };
  replace(view,
    h('section', { class: 'card' }, h('h2', {}, '阈值与权重'), nav(),
      h('p', { class: 'muted' }, `权重版本 ${settings.version}。粗体为运营设置的值，其余来自下一层（类目 → 全部类目 → 启动配置）。`),
      settingsTable(settings)),
    h('section', { class: 'card' }, h('h2', {}, `修改 ${key === DEFAULT ? '全部类目' : key} 的设置`),
      h('p', { class: 'muted' }, '留空的字段沿用下一层的值。保存前可预览对最近评估商品的影响。'), form,
      h('div', { class: 'actions' },
        h('button', { type: 'button', id: 'scoring-preview', onclick: preview }, '预览（不影响线上）'),
        h('button', { type: 'button', id: 'scoring-save', onclick: save }, '保存'),
        current && current.entry ? h('button', { type: 'button', id: 'scoring-preview-delete', onclick: previewDelete }, '预览删除') : null,
        current && current.entry ? h('button', { type: 'button', id: 'scoring-delete', onclick: remove }, '删除该设置') : null),
      outcome),
    h('section', { class: 'card' }, h('h2', {}, '修改历史'), history));
  replace(history, await historyView(key));
}

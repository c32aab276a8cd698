// Operator pages: rules with their performance, brands with their edit form, a rule's edit form with validation errors and a
// dry run showing highlighted evidence, the history of a rule or brand, and the brands. They speak
// the operator API of detect (/api/v1/operator), which the standalone app serves on the same port.
import { h, replace, formatTime } from './dom.js';
import { ApiError } from './api.js';
import { authFetch } from './session.js';
import { highlight } from './alert.js';
import { TYPE, label } from './labels.js';
import { renderScoring } from './scoring.js';
import { renderRouting } from './routing.js';

const BASE = '/api/v1/operator';
const TYPES = ['COUNTERFEIT_TRADEMARK', 'PIRACY_COPYRIGHT', 'COUNTERFEIT_DRUG_OR_FOOD',
  'SUBSTANDARD_AGRI_INPUT', 'PROHIBITED', 'PATENT'];
const FLAG = { NEVER_FIRED: '从未命中', MOSTLY_DISMISSED: '多被驳回', NO_VERDICTS: '暂无研判', OK: '正常' };

async function call(path, actor, options = {}) {
  const headers = { Accept: 'application/json' };
  if (options.body) headers['Content-Type'] = options.type || 'application/json';
  if (actor) headers['X-Changed-By'] = actor();
  const response = await authFetch(BASE + path, { ...options, headers });
  const text = await response.text();
  let body = null;
  try { body = text ? JSON.parse(text) : null; } catch (e) { body = { message: text }; }
  if (!response.ok) throw new ApiError(response.status, body);
  return body;
}

function problemsView(error) {
  const problems = (error.body && error.body.problems) || [];
  if (!problems.length) return h('p', { class: 'error' }, error.message);
  return h('div', { class: 'error', id: 'problems' }, h('b', {}, '未保存，请修改：'),
    h('ul', {}, problems.map((p) => h('li', { dataset: { field: p.field } },
      `${p.field || p.id}${p.column ? `（第 ${p.column} 列）` : ''}：${p.message}`))));
}

function nav() {
  return h('p', { class: 'actions' },
    h('a', { href: '#/operator' }, '规则'), h('a', { href: '#/operator/rule/new' }, '新建规则'),
    h('a', { href: '#/operator/brands' }, '品牌'), h('a', { href: '#/operator/brand/new' }, '新建品牌'),
    h('a', { href: '#/operator/scoring', id: 'nav-scoring' }, '阈值与权重'), h('a', { href: '#/operator/routing', id: 'nav-routing' }, '分派规则'),
    h('a', { href: `${BASE}/config.yaml`, download: 'ipr-radar-config.yaml' }, '导出 YAML'));
}

/** Rules with their figures; the ones that never fire or are mostly dismissed come first. */
async function renderRules(view, actor) {
  const body = h('div', {}, h('p', { class: 'muted' }, '加载中…'));
  replace(view, h('section', { class: 'card' }, h('h2', {}, '规则运营'), nav(), body));
  let rules;
  let figures = [];
  try {
    rules = (await call('/rules')) || [];
  } catch (e) {
    replace(body, h('p', { class: 'error' }, `无法加载规则：${e.message}`));
    return;
  }
  try {
    figures = (await call('/rules/performance')) || [];
  } catch (e) {
    body.before(h('p', { class: 'error' }, `无法加载规则效果：${e.message}`));
  }
  const byId = new Map(rules.map((r) => [r.id, r]));
  const order = figures.map((f) => f.ruleId).filter((id) => byId.has(id));
  rules.forEach((r) => { if (!order.includes(r.id)) order.push(r.id); });
  const figureOf = new Map(figures.map((f) => [f.ruleId, f]));
  const rows = order.map((id) => {
    const r = byId.get(id);
    const f = figureOf.get(id) || {};
    const days = Object.entries(f.hitsByDay || {}).slice(-14);
    const toggle = async () => {
      try {
        await call(`/rules/${encodeURIComponent(id)}/${r.enabled ? 'disable' : 'enable'}`, actor, { method: 'POST' });
        setTimeout(() => renderRules(view, actor), 500);
      } catch (e) { alert(e.message); }
    };
    return h('tr', { dataset: { rule: id } },
      h('td', {}, h('a', { href: `#/operator/rule/${encodeURIComponent(id)}` }, id)),
      h('td', {}, r.enabled ? '启用' : h('span', { class: 'muted' }, '停用')),
      h('td', {}, label(TYPE, r.infringementType)),
      h('td', { class: 'score' }, r.weight),
      h('td', {}, f.hits ?? 0, days.length ? h('div', { class: 'muted', title: days.map(([d, n]) => `${d}: ${n}`).join('\n') }, `近 ${days.length} 天有命中`) : null),
      h('td', {}, f.recentHits ?? 0),
      h('td', {}, f.alerts ?? 0),
      h('td', {}, `${f.confirmed ?? 0} / ${f.dismissed ?? 0}`),
      h('td', { class: 'score' }, f.precision == null ? '—' : `${Math.round(f.precision * 100)}%`),
      h('td', {}, h('span', { class: `badge ${f.flag === 'OK' ? 'CONFIRMED' : f.flag === 'NO_VERDICTS' ? '' : 'OPEN'}` }, FLAG[f.flag] || '—')),
      h('td', {}, h('button', { type: 'button', onclick: toggle }, r.enabled ? '停用' : '启用'), ' ',
        h('a', { href: `#/operator/history/rule/${encodeURIComponent(id)}` }, '历史')));
  });
  replace(body, h('table', { id: 'rules' },
    h('thead', {}, h('tr', {}, ['规则', '状态', '类型', '权重', '线索命中', '近期命中', '涉及线索', '确认/驳回', '精确率', '提示', ''].map((t) => h('th', {}, t)))),
    h('tbody', {}, rows)),
  h('p', { class: 'muted' }, '线索命中与精确率来自进入线索的评估和分析员的最终研判（确认 vs 驳回）；近期命中为检测最近评估的商品（含未成线索的）中的命中数，重启后清零。'));
}

function field(name, labelText, input) {
  return h('label', { class: 'field', dataset: { name } }, labelText, input);
}

/** The edit form of a rule (or a new one), with validation errors and a dry run. */
async function renderRule(view, id, actor) {
  let rule = { id: '', query: '', infringementType: 'COUNTERFEIT_TRADEMARK', weight: 40, enabled: true, description: '' };
  const isNew = id === 'new';
  if (!isNew) {
    try { rule = await call(`/rules/${encodeURIComponent(id)}`); } catch (e) {
      replace(view, h('section', { class: 'card' }, nav(), h('p', { class: 'error' }, `无法加载规则 ${id}：${e.message}`)));
      return;
    }
  }
  const form = h('form', { class: 'action-inputs', id: 'rule-form' },
    field('id', '规则 ID', h('input', { name: 'id', value: rule.id, readonly: !isNew, required: true })),
    field('query', '查询（Lucene 语法）', h('textarea', { name: 'query', rows: 3, cols: 70 }, rule.query)),
    field('infringementType', '侵权类型', h('select', { name: 'infringementType' },
      TYPES.map((t) => h('option', { value: t, selected: t === rule.infringementType }, label(TYPE, t))))),
    field('weight', '权重 0-100', h('input', { name: 'weight', type: 'number', step: 'any', value: rule.weight })),
    field('category', '类目（可空）', h('input', { name: 'category', value: rule.category || '' })),
    field('bureauHint', '建议部门（可空）', h('input', { name: 'bureauHint', value: rule.bureauHint || '' })),
    field('enabled', '启用', h('input', { name: 'enabled', type: 'checkbox', checked: rule.enabled })),
    field('description', '说明', h('textarea', { name: 'description', rows: 2, cols: 70 }, rule.description || '')),
    field('threshold', '试运行阈值（可空）', h('input', { name: 'threshold', type: 'number', step: 'any' })),
    field('sample', '样本 NDJSON（可空，默认最近的商品）', h('input', { name: 'sample', type: 'file', accept: '.ndjson,.json,.txt' })));
  const outcome = h('div', { id: 'outcome' });
  const draft = () => {
    const d = Object.fromEntries(['id', 'query', 'infringementType', 'category', 'bureauHint', 'description']
      .map((k) => [k, form.elements[k].value.trim() || null]));
    const w = form.elements.weight.value;
    d.weight = w === '' ? null : Number(w);
    d.enabled = form.elements.enabled.checked;
    return d;
  };
  const save = async () => {
    const d = draft();
    try {
      const saved = await call(`/rules/${encodeURIComponent(d.id || '')}`, actor, { method: 'PUT', body: JSON.stringify(d) });
      replace(outcome, h('p', { class: 'notice' }, `已保存 ${saved.id} 第 ${saved.version} 版，片刻后生效。`));
    } catch (e) { replace(outcome, problemsView(e)); }
  };
  const remove = async () => {
    if (!confirm(`删除规则 ${id}？历史中保留其记录；停用可随时恢复。`)) return;
    try {
      await call(`/rules/${encodeURIComponent(id)}`, actor, { method: 'DELETE' });
      replace(outcome, h('p', { class: 'notice' }, `已删除 ${id}。`));
    } catch (e) { replace(outcome, problemsView(e)); }
  };
  const dryRun = async () => {
    const request = { rule: draft(), examples: 20 };
    const t = form.elements.threshold.value;
    if (t !== '') request.leadThreshold = Number(t);
    const file = form.elements.sample.files[0];
    if (file) request.sample = await file.text();
    replace(outcome, h('p', { class: 'muted' }, '试运行中…'));
    try {
      replace(outcome, dryRunView(await call('/dry-run', null, { method: 'POST', body: JSON.stringify(request) })));
    } catch (e) { replace(outcome, problemsView(e)); }
  };
  replace(view, h('section', { class: 'card' }, h('h2', {}, isNew ? '新建规则' : `规则 ${id}`), nav(), form,
    h('div', { class: 'actions' },
      h('button', { type: 'button', id: 'save', onclick: save }, '保存'),
      h('button', { type: 'button', id: 'dry-run', onclick: dryRun }, '试运行（不影响线上）'),
      isNew ? null : h('button', { type: 'button', id: 'delete', onclick: remove }, '删除'),
      isNew ? null : h('a', { href: `#/operator/history/rule/${encodeURIComponent(id)}` }, '修改历史'))),
  h('section', { class: 'card' }, outcome));
}

function dryRunView(r) {
  const leads = (keys, cls) => keys.length ? h('ul', {}, keys.map((k) => h('li', { class: cls }, k))) : h('span', { class: 'muted' }, '无');
  return h('div', { id: 'dry-run-result' },
    h('h3', {}, `试运行：${r.listings} 条${r.source === 'sample' ? '样本' : '最近的'}商品`),
    h('div', { class: 'figures' },
      h('div', { class: 'figure' }, h('b', {}, `${r.hitsBefore} → ${r.hitsAfter}`), h('span', { class: 'muted' }, '规则命中')),
      h('div', { class: 'figure' }, h('b', {}, `${r.leadListingsBefore} → ${r.leadListingsAfter}`), h('span', { class: 'muted' }, '成为线索的商品'))),
    r.sampleProblems && r.sampleProblems.length ? h('p', { class: 'error' }, r.sampleProblems.join('；')) : null,
    h('div', { class: 'grid2' },
      h('div', {}, h('h3', {}, '新增线索'), leads(r.newLeads || [], 'new-lead')),
      h('div', {}, h('h3', {}, '消失线索'), leads(r.goneLeads || [], 'gone-lead'))),
    h('h3', {}, '示例商品'),
    h('table', {}, h('thead', {}, h('tr', {}, ['商品', '标题 / 描述（高亮为证据）', '得分', '线索'].map((t) => h('th', {}, t)))),
      h('tbody', {}, (r.examples || []).map((e) => h('tr', {},
        h('td', {}, e.listingKey),
        h('td', {}, h('div', {}, highlight(e.title, (e.evidence || []).filter((x) => x.field === 'title'))),
          e.description ? h('div', { class: 'muted' }, highlight(e.description, (e.evidence || []).filter((x) => x.field === 'description'))) : null),
        h('td', { class: 'score' }, `${Math.round(e.scoreBefore)} → ${Math.round(e.scoreAfter)}`),
        h('td', {}, `${e.leadBefore ? '是' : '否'} → ${e.leadAfter ? '是' : '否'}`))))));
}

async function renderHistory(view, kind, id) {
  const body = h('div', {}, h('p', { class: 'muted' }, '加载中…'));
  replace(view, h('section', { class: 'card' }, h('h2', {}, `${kind === 'rule' ? '规则' : '品牌'} ${id} 的修改历史`), nav(), body));
  try {
    const changes = (await call(`/${kind}s/${encodeURIComponent(id)}/history`)) || [];
    replace(body, changes.length ? h('table', { id: 'history' },
      h('thead', {}, h('tr', {}, ['时间', '操作人', '操作', '版本', '改动字段', '修改后'].map((t) => h('th', {}, t)))),
      h('tbody', {}, changes.slice().reverse().map((c) => h('tr', {},
        h('td', {}, formatTime(c.changedAt)), h('td', {}, c.changedBy), h('td', {}, c.action),
        h('td', {}, c.version), h('td', {}, (c.changedFields || []).join(', ')),
        h('td', {}, h('pre', { class: 'generic' }, c.after ? JSON.stringify(c.after, null, 1) : '（已删除）'))))))
      : h('p', { class: 'muted' }, '没有修改记录（来自初始 YAML 或直接写入主题的修改不在此列）。'));
  } catch (e) { replace(body, h('p', { class: 'error' }, `无法加载历史：${e.message}`)); }
}

async function renderBrands(view) {
  const body = h('div', {}, h('p', { class: 'muted' }, '加载中…'));
  replace(view, h('section', { class: 'card' }, h('h2', {}, '受保护品牌'), nav(), body));
  try {
    const brands = (await call('/brands')) || [];
    replace(body, h('table', { id: 'brands' },
      h('thead', {}, h('tr', {}, ['品牌', '名称', '别名', '权利人', '参考价 (元)', '版本', ''].map((t) => h('th', {}, t)))),
      h('tbody', {}, brands.map((b) => h('tr', {},
        h('td', {}, h('a', { href: `#/operator/brand/${encodeURIComponent(b.brandId)}` }, b.brandId)), h('td', {}, (b.names || []).join('、')), h('td', {}, (b.aliases || []).join('、')),
        h('td', {}, b.owner || ''), h('td', {}, b.referencePriceMin == null ? '—' : `${b.referencePriceMin}–${b.referencePriceMax ?? ''}`),
        h('td', {}, b.version), h('td', {}, h('a', { href: `#/operator/history/brand/${encodeURIComponent(b.brandId)}` }, '历史')))))),
    h('p', { class: 'muted' }, '也可导入 YAML（见 README「Operate rules and brands」）。'));
  } catch (e) { replace(body, h('p', { class: 'error' }, `无法加载品牌：${e.message}`)); }
}

const PROTECTIONS = ['REGISTERED', 'WELL_KNOWN', 'GEOGRAPHICAL_INDICATION', 'TIME_HONORED'];
const list = (text) => text.split(/[,，、\n]/).map((x) => x.trim()).filter((x) => x);

/** The edit form of a brand (or a new one): names and aliases comma-separated. */
async function renderBrand(view, id, actor) {
  const isNew = id === 'new';
  let b = { brandId: '', names: [], aliases: [], officialShops: [], protection: 'REGISTERED' };
  if (!isNew) {
    try { b = await call(`/brands/${encodeURIComponent(id)}`); } catch (e) {
      replace(view, h('section', { class: 'card' }, nav(), h('p', { class: 'error' }, `无法加载品牌 ${id}：${e.message}`)));
      return;
    }
  }
  const form = h('form', { class: 'action-inputs', id: 'brand-form' },
    field('brandId', '品牌 ID', h('input', { name: 'brandId', value: b.brandId, readonly: !isNew })),
    field('names', '名称（逗号分隔）', h('input', { name: 'names', size: 40, value: (b.names || []).join(', ') })),
    field('aliases', '别名（逗号分隔）', h('input', { name: 'aliases', size: 40, value: (b.aliases || []).join(', ') })),
    field('owner', '权利人', h('input', { name: 'owner', value: b.owner || '' })),
    field('category', '类目', h('input', { name: 'category', value: b.category || '' })),
    field('protection', '保护类型', h('select', { name: 'protection' },
      PROTECTIONS.map((p) => h('option', { value: p, selected: p === b.protection }, p)))),
    field('referencePriceMin', '参考最低价', h('input', { name: 'referencePriceMin', type: 'number', step: 'any', value: b.referencePriceMin ?? '' })),
    field('referencePriceMax', '参考最高价', h('input', { name: 'referencePriceMax', type: 'number', step: 'any', value: b.referencePriceMax ?? '' })),
    field('officialShops', '官方店铺（逗号分隔）', h('input', { name: 'officialShops', size: 40, value: (b.officialShops || []).join(', ') })));
  const outcome = h('div', { id: 'outcome' });
  const save = async () => {
    const e = form.elements;
    const num = (v) => (v === '' ? null : Number(v));
    const d = { brandId: e.brandId.value.trim(), names: list(e.names.value), aliases: list(e.aliases.value),
      owner: e.owner.value.trim() || null, category: e.category.value.trim() || null, protection: e.protection.value,
      referencePriceMin: num(e.referencePriceMin.value), referencePriceMax: num(e.referencePriceMax.value),
      officialShops: list(e.officialShops.value) };
    try {
      const saved = await call(`/brands/${encodeURIComponent(d.brandId)}`, actor, { method: 'PUT', body: JSON.stringify(d) });
      replace(outcome, h('p', { class: 'notice' }, `已保存 ${saved.brandId} 第 ${saved.version} 版，片刻后生效。`));
    } catch (err) { replace(outcome, problemsView(err)); }
  };
  const remove = async () => {
    if (!confirm(`删除品牌 ${id}？历史中保留其记录。`)) return;
    try {
      await call(`/brands/${encodeURIComponent(id)}`, actor, { method: 'DELETE' });
      replace(outcome, h('p', { class: 'notice' }, `已删除 ${id}。`));
    } catch (err) { replace(outcome, problemsView(err)); }
  };
  replace(view, h('section', { class: 'card' }, h('h2', {}, isNew ? '新建品牌' : `品牌 ${id}`), nav(), form,
    h('div', { class: 'actions' },
      h('button', { type: 'button', id: 'save', onclick: save }, '保存'),
      isNew ? null : h('button', { type: 'button', id: 'delete', onclick: remove }, '删除'),
      isNew ? null : h('a', { href: `#/operator/history/brand/${encodeURIComponent(id)}` }, '修改历史'))),
  h('section', { class: 'card' }, outcome));
}

/**
 * Routes #/operator, #/operator/rule/<id|new>, #/operator/history/<kind>/<id>, #/operator/brands and
 * #/operator/brand/<id|new>, #/operator/scoring[/<key>] and #/operator/routing.
 */
export async function renderOperator(view, path, actor) {
  const parts = path.split('/').slice(2).map(decodeURIComponent);
  if (parts[0] === 'scoring') return renderScoring(view, parts[1], actor, nav);
  if (parts[0] === 'routing') return renderRouting(view, actor, nav);
  if (parts[0] === 'rule' && parts[1]) return renderRule(view, parts[1], actor);
  if (parts[0] === 'history' && parts[2]) return renderHistory(view, parts[1], parts[2]);
  if (parts[0] === 'brands') return renderBrands(view);
  if (parts[0] === 'brand' && parts[1]) return renderBrand(view, parts[1], actor);
  return renderRules(view, actor);
}

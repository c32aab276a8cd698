// One alert: its facts, the listings with highlighted evidence and each signal's share of the
// score, escalation, network and complaints when the API sends them, the history, and the actions
// its status allows.
import { h, replace, formatTime, formatMoney } from './dom.js';
import { getAlert, act, ApiError } from './api.js';
import { STATUS, TYPE, ACTION, SIGNAL, FIELD, CATEGORY, allowedActions, label } from './labels.js';

/**
 * The text with the evidence spans of one field in <mark>. Offsets count UTF-16 units, as Java's
 * do; a span whose offsets no longer match the text is found by its text instead, and one that
 * cannot be found is left out rather than marking the wrong characters.
 */
export function highlight(text, evidence) {
  if (!text) return [];
  const spans = [];
  for (const e of evidence) {
    let start = e.start;
    let end = e.end;
    if (text.slice(start, end) !== e.text) {
      start = e.text ? text.indexOf(e.text) : -1;
      end = start + (e.text || '').length;
    }
    if (start >= 0 && end > start) spans.push([start, end]);
  }
  spans.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const merged = [];
  for (const span of spans) {
    const prev = merged[merged.length - 1];
    if (prev && span[0] <= prev[1]) prev[1] = Math.max(prev[1], span[1]);
    else merged.push([...span]);
  }
  const parts = [];
  let at = 0;
  for (const [start, end] of merged) {
    if (start > at) parts.push(text.slice(at, start));
    parts.push(h('mark', { class: 'evidence' }, text.slice(start, end)));
    at = end;
  }
  if (at < text.length) parts.push(text.slice(at));
  return parts;
}

function evidenceOf(assessment, field) {
  return (assessment.signals || []).flatMap((s) => (s.evidence || []).filter((e) => e.field === field));
}

function facts(pairs) {
  return h('dl', { class: 'facts' }, pairs.filter(([, v]) => v !== null && v !== undefined && v !== '')
    .flatMap(([k, v]) => [h('dt', {}, k), h('dd', {}, v)]));
}

// Known shapes get named rows; anything newer the API adds falls back to generic().
function networkFacts(n) {
  if (!Array.isArray(n.members)) return generic(n);
  const withRisk = n.membersWithRisk || [];
  return facts([
    ['网络编号', n.id || '—'],
    ['成员数', String(n.size ?? n.members.length)],
    ['成员', n.members.join('、') || '—'],
    ['有处罚或黑名单的成员', withRisk.length ? withRisk.join('、') : '无'],
    ['注册地区', (n.regions || []).join('、') || '未知'],
  ]);
}

function complaintFacts(c) {
  if (typeof c.listing30d !== 'number') return generic(c);
  return facts([
    ['本商品 30 天内投诉', String(c.listing30d)],
    ['该卖家 30 天内投诉', String(c.seller30d)],
    ['近 7 天投诉', String(c.last7d)],
    ['投诉激增', c.surge ? '是' : '否'],
  ]);
}

/** Any JSON value as readable text, for blocks whose shape another module owns. */
function generic(value) {
  if (value === null || value === undefined) return '—';
  if (Array.isArray(value)) return value.map((v) => (typeof v === 'object' ? JSON.stringify(v) : String(v))).join('、');
  if (typeof value === 'object') {
    return facts(Object.entries(value).map(([k, v]) => [k, typeof v === 'object' && v !== null && !Array.isArray(v) ? JSON.stringify(v) : generic(v)]));
  }
  return String(value);
}

function signalTable(assessment) {
  const signals = assessment.signals || [];
  const total = signals.reduce((sum, s) => sum + (s.contribution || 0), 0);
  const positive = signals.filter((s) => s.contribution > 0);
  const palette = ['#1f5fa8', '#c0392b', '#e08e0b', '#7b4fa0', '#16836f', '#8a5a2b', '#34495e', '#b0417a'];
  return [
    // The positive contributions side by side: the bar is as long as the score they make.
    h('div', { class: 'stack', title: `合计 ${total.toFixed(1)}` },
      positive.map((s, i) => h('span', {
        style: `width:${Math.max(0, Math.min(100, s.contribution))}%;background:${palette[i % palette.length]}`,
        title: `${label(SIGNAL, s.type)} +${s.contribution}`,
      }))),
    h('table', { class: 'signals' },
      h('thead', {}, h('tr', {}, ['信号', '规则', '依据', '证据', '贡献分'].map((t) => h('th', {}, t)))),
      h('tbody', {}, signals.map((s) => h('tr', { class: 'signal', dataset: { contribution: s.contribution } },
        h('td', { class: 'signal-type' },
          s.contribution > 0 ? h('i', { class: 'swatch', style: `background:${palette[positive.indexOf(s) % palette.length]}` }) : null,
          label(SIGNAL, s.type)),
        h('td', { class: 'muted' }, `${s.ruleId} v${s.ruleVersion}`),
        h('td', {}, s.reason || ''),
        h('td', { class: 'evidence-cell' }, (s.evidence || []).map((e) => h('div', {}, `${label(FIELD, e.field)}：`, h('mark', {}, e.text)))),
        h('td', {},
          h('div', { class: `bar${s.contribution < 0 ? ' negative' : ''}` },
            h('span', { style: `width:${Math.min(100, Math.abs(s.contribution))}%` })),
          h('span', { class: 'contribution' }, `${s.contribution > 0 ? '+' : ''}${Number(s.contribution).toFixed(1)}`))))),
      h('tfoot', {}, h('tr', {}, h('td', { colspan: 4 }, '合计（即该商品风险分）'),
        h('td', { class: 'score', id: `total-${assessment.listingKey}` }, total.toFixed(1))))),
  ];
}

function listingCard(a) {
  const extra = [];
  if (a.network) extra.push(h('h4', {}, '关联卖家网络'), h('div', { class: 'network' }, networkFacts(a.network)));
  if (a.complaints) extra.push(h('h4', {}, '投诉举报'), h('div', { class: 'complaints' }, complaintFacts(a.complaints)));
  return h('section', { class: 'card listing', dataset: { key: a.listingKey } },
    h('h3', { class: 'listing-title' }, highlight(a.title || '', evidenceOf(a, 'title'))),
    facts([
      ['风险分', h('span', { class: 'score' }, Number(a.score).toFixed(1))],
      ['平台 / 商品号', `${a.platform || ''} / ${a.listingId || ''}（版本 ${a.listingVersion}）`],
      ['店铺', a.shopName ? h('span', {}, highlight(a.shopName, evidenceOf(a, 'shopName'))) : null],
      ['价格', formatMoney(a.price)],
      ['估算销售额', a.estimatedSales !== null && a.estimatedSales !== undefined ? formatMoney(a.estimatedSales) : null],
      ['品类', a.category ? label(CATEGORY, a.category) : null],
      ['出口', a.crossBorder ? '是（已通知海关）' : null],
      ['评估时间', formatTime(a.assessedAt)],
    ]),
    h('h4', {}, '评分构成'),
    signalTable(a),
    extra);
}

function history(alert) {
  const entries = alert.history || [];
  if (entries.length === 0) return h('p', { class: 'muted', id: 'history-empty' }, '尚无处理记录');
  return h('table', { id: 'history' },
    h('thead', {}, h('tr', {}, ['时间', '分析员', '操作', '状态变化', '说明', '承办人', '处罚决定'].map((t) => h('th', {}, t)))),
    h('tbody', {}, entries.map((e) => h('tr', { class: 'history-entry', dataset: { action: e.action } },
      h('td', {}, formatTime(e.at)),
      h('td', {}, e.actor),
      h('td', {}, label(ACTION, e.action)),
      h('td', {}, `${label(STATUS, e.from)} → ${label(STATUS, e.to)}`),
      h('td', {}, e.reason || ''),
      h('td', {}, e.assignee || ''),
      h('td', {}, e.decisionNumber ? `${e.decisionNumber} ${formatMoney(e.penaltyAmount)}` : '')))));
}

function actionPanel(alert, actor, onDone) {
  const allowed = allowedActions(alert.status);
  const message = h('div', { id: 'action-message' });
  if (allowed.length === 0) {
    return h('section', { class: 'card' }, h('h3', {}, '处理'), h('p', { class: 'muted' }, '已结案，不再接受操作。'));
  }
  const field = (name, caption, attrs = {}) => h('label', {}, caption, h(attrs.rows ? 'textarea' : 'input', { id: `action-${name}`, name, ...attrs }));
  const inputs = h('div', { class: 'action-inputs' },
    allowed.includes('ASSIGN') ? field('assignee', '承办人（分派时必填）', { value: alert.assignee || actor() }) : null,
    field('reason', '理由 / 备注（排除、备注时必填）', { rows: 2, cols: 40 }),
    allowed.includes('RECORD_PENALTY') ? [field('decisionNumber', '处罚决定书文号'), field('penaltyAmount', '罚款金额（元）', { type: 'number', min: 0, step: '0.01' })] : null);
  const value = (name) => {
    const el = inputs.querySelector(`[name=${name}]`);
    return el && el.value.trim() ? el.value.trim() : undefined;
  };
  const buttons = allowed.map((action) => h('button', {
    type: 'button', id: `action-${action}`, class: 'action', dataset: { action },
    onclick: async (event) => {
      const body = { action, actor: actor(), reason: value('reason') };
      if (action === 'ASSIGN') body.assignee = value('assignee');
      if (action === 'RECORD_PENALTY') {
        body.decisionNumber = value('decisionNumber');
        body.penaltyAmount = value('penaltyAmount');
      }
      event.target.disabled = true;
      replace(message, h('span', { class: 'muted' }, '提交中…'));
      try {
        await act(alert.id, body);
        replace(message, h('span', { class: 'notice' }, `已提交：${label(ACTION, action)}，等待更新…`));
        await onDone((alert.history || []).length);
      } catch (e) {
        event.target.disabled = false;
        replace(message, h('div', { class: 'error', id: 'action-error' }, describe(e)));
      }
    },
  }, label(ACTION, action)));
  return h('section', { class: 'card', id: 'actions' }, h('h3', {}, '处理'), inputs, h('div', { class: 'actions' }, buttons), message);
}

function describe(e) {
  if (e instanceof ApiError && e.status === 409) {
    const allowed = (e.body.allowed || []).map((a) => label(ACTION, a)).join('、') || '无';
    return `操作被拒绝：当前状态为「${label(STATUS, e.body.status)}」，允许的操作：${allowed}。（${e.message}）`;
  }
  if (e instanceof ApiError && e.status === 400 && e.body.field) {
    return `请检查「${e.body.field}」：${e.message}`;
  }
  return `提交失败：${e.message}`;
}

export async function renderAlert(view, id, actor) {
  replace(view, h('p', { class: 'muted' }, '加载中…'));
  let alert;
  try {
    alert = await getAlert(id);
  } catch (e) {
    replace(view, h('p', { class: 'error' }, e.status === 404 ? `没有编号为 ${id} 的线索` : `无法加载线索：${e.message}`));
    return;
  }
  const refresh = async (seen) => {
    // The action goes through Kafka; poll until the alert shows it, for at most 20 seconds.
    const deadline = Date.now() + 20000;
    while (Date.now() < deadline) {
      const current = await getAlert(id).catch(() => null);
      if (current && (current.history || []).length > seen) break;
      await new Promise((r) => setTimeout(r, 300));
    }
    await renderAlert(view, id, actor);
  };
  const esc = alert.escalation || {};
  replace(view,
    h('p', {}, h('a', { href: '#/' }, '‹ 返回收件箱')),
    h('section', { class: 'card', id: 'alert', dataset: { id: alert.id, status: alert.status } },
      h('h2', {}, `${alert.sellerId} `, h('span', { class: `badge ${alert.status}`, id: 'alert-status' }, label(STATUS, alert.status)),
        ' ', h('span', { class: 'score', id: 'alert-score' }, Number(alert.score).toFixed(1))),
      h('div', { class: 'grid2' },
        facts([
          ['线索编号', alert.id],
          ['主办部门', alert.bureau ? `${alert.bureau.name}（${alert.bureau.id}）` : ''],
          ['抄送', (alert.coRecipients || []).join('、')],
          ['辖区', `${alert.jurisdictionName || ''} ${alert.jurisdiction || ''}${alert.crossRegion ? '（外地卖家，通报属地）' : ''}`],
          ['侵权类型', label(TYPE, alert.infringementType)],
          ['品类', alert.category ? label(CATEGORY, alert.category) : null],
          ['平台 / 卖家', `${alert.platform || ''} / ${alert.sellerId}`],
          ['承办人', alert.assignee],
          ['创建 / 更新', `${formatTime(alert.createdAt)} / ${formatTime(alert.updatedAt)}`],
        ]),
        facts([
          ['估算销售额', formatMoney(alert.estimatedSales)],
          ['销量', alert.unitsSold],
          ['移送公安', esc.policeReferral ? h('span', { class: 'badge flag' }, '是') : '否'],
          ['督办案件', esc.supervisedCase ? h('span', { class: 'badge flag' }, '是') : '否'],
          ['升级依据', (esc.reasons || []).length ? h('ul', {}, esc.reasons.map((r) => h('li', {}, r))) : null],
        ]))),
    actionPanel(alert, actor, refresh),
    h('section', { class: 'card' }, h('h3', {}, '处理记录'), history(alert)),
    h('h3', {}, `涉案商品（${(alert.listings || []).length}）`),
    (alert.listings || []).map(listingCard));
}

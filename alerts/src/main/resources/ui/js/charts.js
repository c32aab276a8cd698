// Small SVG charts. Each mark carries data-key and data-count, so a test or a screen reader can
// read the figure a bar stands for.
import { h, s } from './dom.js';

const BAR_COLOR = '#1f5fa8';

/** Horizontal bars, one per count, longest first as the API sorts them. */
export function barChart(name, counts, labelOf = (c) => c.label || c.key) {
  const rowHeight = 24;
  const labelWidth = 170;
  const width = 480;
  const barSpace = width - labelWidth - 50;
  const max = Math.max(1, ...counts.map((c) => c.count));
  const height = Math.max(1, counts.length) * rowHeight + 6;
  // Scales to its card: the viewBox keeps the proportions.
  const svg = s('svg', { viewBox: `0 0 ${width} ${height}`, style: `width:100%;max-width:${width}px`, role: 'img', 'data-chart': name });
  if (counts.length === 0) {
    svg.appendChild(s('text', { x: 0, y: 16 }, '无数据'));
  }
  counts.forEach((c, i) => {
    const y = i * rowHeight + 4;
    const w = Math.round((c.count / max) * barSpace);
    svg.appendChild(s('g', { class: 'bar-row' },
      s('text', { x: labelWidth - 6, y: y + 14, 'text-anchor': 'end' }, truncate(labelOf(c), 14)),
      s('rect', { x: labelWidth, y, width: Math.max(w, 1), height: rowHeight - 8, fill: BAR_COLOR, 'data-key': c.key, 'data-count': c.count },
        s('title', {}, `${labelOf(c)}：${c.count}`)),
      s('text', { x: labelWidth + w + 4, y: y + 14, class: 'value' }, String(c.count))));
  });
  return svg;
}

/** One stacked bar per day: the alerts created that day, coloured by their current status. */
export function dailyChart(daily, statuses, colors, labelOf) {
  const width = Math.max(480, daily.length * 22 + 50);
  const height = 220;
  const left = 34;
  const bottom = 30;
  const plot = height - bottom - 10;
  const max = Math.max(1, ...daily.map((d) => d.total));
  const step = (width - left - 10) / Math.max(1, daily.length);
  const svg = s('svg', { viewBox: `0 0 ${width} ${height}`, style: `width:100%;max-width:${width}px`, role: 'img', 'data-chart': 'daily' });
  for (const tick of [0, Math.ceil(max / 2), max]) {
    const y = 10 + plot - (tick / max) * plot;
    svg.appendChild(s('line', { x1: left, x2: width - 10, y1: y, y2: y, stroke: '#d8dee5' }));
    svg.appendChild(s('text', { x: left - 4, y: y + 4, 'text-anchor': 'end' }, String(tick)));
  }
  const labelEvery = Math.ceil(daily.length / 10);
  daily.forEach((d, i) => {
    const x = left + i * step + 2;
    const g = s('g', { class: 'day', 'data-key': d.date, 'data-count': d.total });
    let y = 10 + plot;
    for (const status of statuses) {
      const n = (d.byStatus || {})[status] || 0;
      if (n === 0) continue;
      const barHeight = (n / max) * plot;
      y -= barHeight;
      g.appendChild(s('rect', { x, y, width: Math.max(2, step - 4), height: barHeight, fill: colors[status] || BAR_COLOR, 'data-status': status, 'data-count': n },
        s('title', {}, `${d.date} ${labelOf(status)}：${n}`)));
    }
    if (i % labelEvery === 0) {
      g.appendChild(s('text', { x: x + step / 2, y: height - 12, 'text-anchor': 'middle' }, d.date.slice(5)));
    }
    svg.appendChild(g);
  });
  return svg;
}

export function legend(statuses, colors, labelOf) {
  return h('div', { class: 'legend' }, statuses.map((st) => h('span', {}, h('i', { style: `background:${colors[st]}` }), labelOf(st))));
}

function truncate(text, max) {
  const t = String(text);
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}

import { svg } from '../dom';

/** One bar: its label under the axis and its value. */
export type Bar = { readonly label: string; readonly value: number };

const WIDTH = 420;
const HEIGHT = 160;
const AXIS = 24;

/**
 * A plain SVG bar chart, drawn here rather than by a library: a handful of bars does not justify a
 * dependency, and the CSP forbids the inline styles most chart libraries write. The `title` names
 * it for screen readers and each bar says its value on hover.
 */
export function barChart(title: string, bars: readonly Bar[], unit: string): SVGSVGElement {
  const max = Math.max(1, ...bars.map((bar) => bar.value));
  const slot = (WIDTH - 8) / Math.max(1, bars.length);
  const chart = svg('svg', { viewBox: `0 0 ${WIDTH} ${HEIGHT}`, role: 'img', 'aria-label': title, class: 'chart' }, svg('title', {}, title));
  chart.appendChild(svg('line', { x1: '4', y1: String(HEIGHT - AXIS), x2: String(WIDTH - 4), y2: String(HEIGHT - AXIS), class: 'axis' }));
  bars.forEach((bar, index) => {
    const height = Math.round(((HEIGHT - AXIS - 16) * bar.value) / max);
    const x = 4 + index * slot + slot * 0.15;
    const width = slot * 0.7;
    const y = HEIGHT - AXIS - height;
    chart.appendChild(svg('rect', { x: x.toFixed(1), y: String(y), width: width.toFixed(1), height: String(height), class: 'bar' }, svg('title', {}, `${bar.label}: ${bar.value} ${unit}`)));
    chart.appendChild(svg('text', { x: (x + width / 2).toFixed(1), y: String(y - 3), class: 'value' }, String(bar.value)));
    chart.appendChild(svg('text', { x: (x + width / 2).toFixed(1), y: String(HEIGHT - 8), class: 'label' }, bar.label));
  });
  return chart;
}

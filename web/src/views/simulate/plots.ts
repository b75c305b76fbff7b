// The plot data of a simulation job (GET /v1/simulations/{id}/plots, the JSON files of
// `landbridge simulate --plots`) turned into chart series: transit-time histograms as shares per
// bin, crane queues as a median line with its min–max band over simulated days, and the shaded
// warm-up, drain and closure intervals. Chart.js options live in charts.tsx; this is data only.
import type { HistogramPlot, Plots, QueuePlot } from './api';

export const isHistogram = (p: HistogramPlot | QueuePlot): p is HistogramPlot => 'edges' in p && 'sets' in p;
export const isQueue = (p: HistogramPlot | QueuePlot): p is QueuePlot => 'series' in p;

export interface PlotIndex {
  histograms: { key: string; flow?: string; plot: HistogramPlot }[]; // flow undefined: all flows in one plot
  queues: { key: string; node: string; plot: QueuePlot }[];
}

// Sorted by key: transit-<FLOW> (or transit-histogram) and crane-queue-<NODE>.
export function indexPlots(plots: Plots): PlotIndex {
  const out: PlotIndex = { histograms: [], queues: [] };
  for (const key of Object.keys(plots).sort()) {
    const plot = plots[key];
    if (key.startsWith('transit-') && isHistogram(plot)) {
      out.histograms.push({ key, flow: key === 'transit-histogram' ? undefined : key.slice('transit-'.length), plot });
    } else if (key.startsWith('crane-queue-') && isQueue(plot)) {
      out.queues.push({ key, node: key.slice('crane-queue-'.length), plot });
    }
  }
  return out;
}

// Histograms in the order the summary lists its flows (the scenario's demand order); the
// all-flows plot and flows the summary does not name keep their place after them.
export function orderByFlows<T extends { flow?: string }>(histograms: T[], flows: string[]): T[] {
  const rank = (h: T) => (h.flow && flows.includes(h.flow) ? flows.indexOf(h.flow) : flows.length);
  return histograms.map((h, i) => ({ h, i })).sort((a, b) => rank(a.h) - rank(b.h) || a.i - b.i).map((x) => x.h);
}

// The corridor a flow's histogram describes, as the server's title names it after the flow
// ("…: JPHKT-DEDUI sea–rail via CNLYG, KZHOR, PLMAA" → "sea–rail via CNLYG, KZHOR, PLMAA").
export function corridorOf(title: string, flow: string): string | undefined {
  const i = title.indexOf(`${flow} `);
  return i < 0 ? undefined : title.slice(i + flow.length + 1).trim() || undefined;
}

// flow → corridor, for every per-flow histogram whose title names one.
export function flowCorridors(index: PlotIndex): Map<string, string> {
  const out = new Map<string, string>();
  for (const h of index.histograms) {
    const c = h.flow ? corridorOf(h.plot.title, h.flow) : undefined;
    if (h.flow && c) out.set(h.flow, c);
  }
  return out;
}

// A one-run histogram names each set "<FLOW> <corridor>"; the flow is its first word.
export function flowOfLabel(label: string): string {
  return label.trim().split(/\s+/)[0] ?? label;
}

export interface HistogramSeries {
  label: string; // the server's set label: the scenario's name, or "<FLOW> <corridor>"
  percent: number[]; // share of the set's boxes in each bin
  n: number;
  mean: number;
  p95: number;
}
export interface HistogramData {
  edges: number[]; // bin i is [edges[i], edges[i+1])
  series: HistogramSeries[];
}

export function histogramData(p: HistogramPlot): HistogramData {
  return {
    edges: p.edges,
    series: p.sets.map((s) => {
      const total = s.n > 0 ? s.n : s.counts.reduce((a, b) => a + b, 0);
      return {
        label: s.label,
        percent: s.counts.map((c) => (total > 0 ? (100 * c) / total : 0)),
        n: s.n,
        mean: s.mean,
        p95: s.p95,
      };
    }),
  };
}

export interface Point {
  x: number;
  y: number;
}
export interface QueueSeriesData {
  label: string;
  centre: Point[]; // median over replications of the day's largest queue
  lo: Point[]; // band: smallest…
  hi: Point[]; // …and largest over replications
  peak?: number;
}
export type IntervalKind = 'warmup' | 'drain' | 'closure';
export interface Interval {
  from: number;
  to: number;
  kind: IntervalKind;
  label: string;
}

// The server labels its intervals in English ("warm-up (not measured)", "drain (no new boxes)",
// closures by what closed); the page names them in the reader's language by kind.
export function intervalKind(label: string): IntervalKind {
  const l = label.toLowerCase();
  if (l.startsWith('warm')) return 'warmup';
  if (l.startsWith('drain')) return 'drain';
  return 'closure';
}

export function queueData(p: QueuePlot): { series: QueueSeriesData[]; intervals: Interval[] } {
  const pts = (t0: number, dt: number, ys: number[]) => ys.map((y, i) => ({ x: t0 + i * dt, y }));
  return {
    series: p.series.map((s) => ({
      label: s.label,
      centre: pts(s.t0, s.dt, s.centre_values),
      lo: pts(s.t0, s.dt, s.lo),
      hi: pts(s.t0, s.dt, s.hi),
      peak: s.peak?.centre,
    })),
    intervals: p.intervals.map((iv) => ({ from: iv.from, to: iv.to, kind: intervalKind(iv.label), label: iv.label })),
  };
}

// Base first, what-if second; more colours for the one-run histogram of every flow.
export const SERIES_COLOURS = ['#0b5fa5', '#d9480f', '#2b8a3e', '#7048e8', '#c2255c', '#5c940d', '#1098ad', '#e67700'];
export function withAlpha(hex: string, alpha: number): string {
  const n = parseInt(hex.slice(1), 16);
  return `rgba(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255}, ${alpha})`;
}

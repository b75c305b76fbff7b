// The time/cost–distance chart (GET /v1/chart) as lines to draw: distance along the x axis,
// days, US dollars or kg CO2e along y, one line per series in the colour of the table's row it
// belongs to. A series is matched to its itinerary by its label: the itinerary's label (static)
// or its services and departure day ("FDR-HKT-LYG, RAIL-LYG-HOR · dep 2026-12-10", timetabled).
import type { ChartAnswer, Itinerary } from './types';

export const CHART_METRICS = ['days', 'usd', 'co2e_kg'] as const;
export type ChartMetric = (typeof CHART_METRICS)[number];

export interface ChartLine {
  label: string;
  rank: number | null; // the itinerary drawn by this series, when it is in the table
  colour: string;
  points: { x: number; y: number; node: string; what: string }[];
}

function serviceLabels(it: Itinerary): string[] {
  if (!it.services?.length) return [];
  const svc = it.services.join(', ');
  const days = new Set([it.depart_local?.slice(0, 10), it.depart?.slice(0, 10), it.ready_local?.slice(0, 10)].filter(Boolean));
  return [...days].map((d) => `${svc} · dep ${d}`);
}

// For each series, the rank of the itinerary it draws (null: not in the table). Each itinerary
// is matched once, exact labels first, in the server's order.
export function matchSeries(chart: ChartAnswer, its: readonly Itinerary[]): (number | null)[] {
  const used = new Set<number>();
  return chart.series.map((s) => {
    const hit = its.find((it) => !used.has(it.rank) && (it.label === s.label || serviceLabels(it).includes(s.label)));
    if (!hit) return null;
    used.add(hit.rank);
    return hit.rank;
  });
}

export function chartLines(
  chart: ChartAnswer,
  its: readonly Itinerary[],
  metric: ChartMetric,
  colourOf: (rank: number) => string,
  otherColour = '#9aa5ae',
): ChartLine[] {
  const ranks = matchSeries(chart, its);
  return chart.series.map((s, i) => ({
    label: s.label,
    rank: ranks[i],
    colour: ranks[i] !== null ? colourOf(ranks[i]!) : otherColour,
    points: s.points.map((p) => ({ x: p.km, y: p[metric], node: p.node, what: p.what })),
  }));
}

// The KPI summary of a simulation job as table rows: one row per (group, key, metric), the base
// estimate and, with a what-if, its estimate and the change, each written "mean ± half-width" of
// the 95 % confidence interval with as many decimals as the half-width warrants.
import { intlLocale } from '../../format';
import type { ComparisonSummary, Estimate, Summary } from './api';

export interface KpiRow {
  group: string;
  key: string;
  metric: string;
  base: Estimate;
  whatIf?: Estimate;
  change?: Estimate; // what-if minus base, with the half-width of the difference
  clear?: boolean; // |change| beyond that half-width
}

export function isComparison(s: Summary): s is ComparisonSummary {
  return 'what_if' in s;
}

export function kpiRows(s: Summary): KpiRow[] {
  if (isComparison(s)) {
    return s.kpis.map((k) => ({
      group: k.group,
      key: k.key,
      metric: k.metric,
      base: k.base,
      whatIf: k.what_if,
      change: { mean: k.change, half_width: k.half_width },
      clear: k.clear,
    }));
  }
  return s.kpis.map((k) => ({ group: k.group, key: k.key, metric: k.metric, base: { mean: k.mean, half_width: k.half_width } }));
}

// The groups in reading order: the whole system, then flows, gauge-change nodes, services, rail
// lines. A group the page does not know yet comes last rather than not at all.
export const GROUP_ORDER = ['total', 'flow', 'node', 'service', 'link'];
export function groupRows(rows: KpiRow[]): { group: string; rows: KpiRow[] }[] {
  const groups = new Map<string, KpiRow[]>();
  for (const r of rows) (groups.get(r.group) ?? groups.set(r.group, []).get(r.group)!).push(r);
  const rank = (g: string) => (GROUP_ORDER.includes(g) ? GROUP_ORDER.indexOf(g) : GROUP_ORDER.length);
  return [...groups.entries()].sort((a, b) => rank(a[0]) - rank(b[0])).map(([group, rs]) => ({ group, rows: rs }));
}

// Shares (0..1) are shown in per cent; counts without decimals when there is no spread.
export type MetricKind = 'share' | 'count' | 'measure';
const SHARES = new Set(['on_time', 'utilisation', 'load_factor']);
const COUNTS = new Set(['boxes', 'undelivered', 'rerouted', 'cranes', 'max_queue', 'departures', 'trains']);
export function metricKind(metric: string): MetricKind {
  return SHARES.has(metric) ? 'share' : COUNTS.has(metric) ? 'count' : 'measure';
}

// Decimals for two significant digits of the half-width (0 to 3); without a spread, the
// metric's usual precision.
export function ciDigits(halfWidth: number, kind: MetricKind): number {
  if (!(halfWidth > 0) || !Number.isFinite(halfWidth)) return kind === 'count' ? 0 : 1;
  return Math.min(3, Math.max(0, 1 - Math.floor(Math.log10(halfWidth))));
}

function number(x: number, digits: number, lang: string | undefined, signed = false): string {
  return new Intl.NumberFormat(intlLocale(lang), {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
    signDisplay: signed ? 'exceptZero' : 'auto',
  }).format(x);
}

export interface CiText {
  mean: string;
  halfWidth: string;
  text: string; // "653 ± 11"
}

// An estimate as text, in per cent for a share. `signed`: a change, "+23 ± 14".
export function formatCi(e: Estimate, metric: string, lang?: string, signed = false): CiText {
  const kind = metricKind(metric);
  const f = kind === 'share' ? 100 : 1;
  const digits = ciDigits(e.half_width * f, kind);
  const mean = number(e.mean * f, digits, lang, signed);
  const halfWidth = number(e.half_width * f, digits, lang);
  return { mean, halfWidth, text: `${mean} ± ${halfWidth}` };
}

// Only the rows whose change is clear, for "changes only".
export function clearChanges(rows: KpiRow[]): KpiRow[] {
  return rows.filter((r) => r.clear);
}

// The places a KPI key names, as the network spells them: a node's name, or "from – to" for a
// flow ("JPHKT-DEDUI") or a service ("rail-CNLYG-CNZGZ"). Undefined when a code is unknown.
export function keyPlaces(group: string, key: string, names: ReadonlyMap<string, string>): string | undefined {
  if (group === 'total') return undefined;
  const codes = key.split('-').filter((w) => /^[A-Z]{5}$/.test(w));
  if (codes.length === 0 || !codes.every((c) => names.has(c))) return undefined;
  return codes.map((c) => names.get(c)).join(' – ');
}

// The search's inputs as the URL keeps them, and the API queries made from them. A shared link
// carries exactly these names, so that opening it runs the same search and shows the same row:
//   ?view=search&from=JPHKT&to=DEDUI&depart=2026-12-10T08:00&unit=feu&n=4&opt=pareto
//    &avoid=RU,suez&win=7&sort=-cost&sel=3
import type { Params } from '../../state/url';
import type { Query } from '../../api/client';

export const OBJECTIVES = ['pareto', 'time', 'cost', 'co2e'] as const;
export type Objective = (typeof OBJECTIVES)[number];
export const UNITS = ['teu', 'feu', '40hc'] as const;
export type Unit = (typeof UNITS)[number];
export const WINDOWS = [0, 3, 7, 14] as const; // days; 0: one ready time only
export type Plan = 'timetabled' | 'static';

export interface SearchInput {
  from: string;
  to: string;
  plan: Plan;
  depart: string; // "YYYY-MM-DDTHH:MM", local at the origin (timetabled only)
  unit: Unit;
  count: number;
  objective: Objective;
  avoid: string[];
  window: number; // days (timetabled only)
}

const isoLocal = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;

// The ready time a new search starts from: tomorrow 08:00 on the reader's calendar.
export function defaultDepart(now: Date = new Date()): string {
  const d = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1, 8, 0);
  const p = (x: number) => String(x).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T08:00`;
}

function pick<T extends string | number>(allowed: readonly T[], v: T | undefined, fallback: T): T {
  return v !== undefined && allowed.includes(v) ? v : fallback;
}

// The URL's parameters as a search; unknown or missing values take their defaults.
export function inputFromParams(p: Params, now?: Date): SearchInput {
  const count = Number.parseInt(p.n ?? '', 10);
  const depart = p.depart && isoLocal.test(p.depart) ? p.depart : p.depart && /^\d{4}-\d{2}-\d{2}$/.test(p.depart) ? `${p.depart}T00:00` : defaultDepart(now);
  return {
    from: p.from ?? '',
    to: p.to ?? '',
    plan: p.plan === 'static' ? 'static' : 'timetabled',
    depart,
    unit: pick(UNITS, p.unit as Unit, 'feu'),
    count: Number.isFinite(count) && count >= 1 ? count : 1,
    objective: pick(OBJECTIVES, p.opt as Objective, 'pareto'),
    avoid: (p.avoid ?? '').split(',').map((s) => s.trim()).filter(Boolean),
    window: pick(WINDOWS as readonly number[], Number(p.win ?? 0), 0),
  };
}

// The search as URL parameters (defaults left out, so that links stay short). `undefined`
// removes a name that an earlier search had set.
export function paramsFromInput(s: SearchInput): Record<string, string | undefined> {
  const timetabled = s.plan === 'timetabled';
  return {
    from: s.from.trim() || undefined,
    to: s.to.trim() || undefined,
    plan: timetabled ? undefined : 'static',
    depart: timetabled ? s.depart : undefined,
    unit: s.unit === 'feu' ? undefined : s.unit,
    n: s.count === 1 ? undefined : String(s.count),
    opt: s.objective === 'pareto' ? undefined : s.objective,
    avoid: s.avoid.length ? s.avoid.join(',') : undefined,
    win: timetabled && s.window ? String(s.window) : undefined,
  };
}

// Whether the URL holds a search to run (both ends given).
export function isComplete(s: SearchInput): boolean {
  return s.from.trim() !== '' && s.to.trim() !== '';
}

// GET /v1/routes. Timetabled: `depart` (local at the origin, no offset), `window`, Pareto or
// the earliest arrival. Static: `optimize` with a few corridors (`alternatives`), or Pareto.
export function routesQuery(s: SearchInput): Query {
  const q: Query = { from: s.from.trim(), to: s.to.trim(), unit: s.unit, count: s.count };
  if (s.avoid.length) q.avoid = s.avoid.join(',');
  if (s.plan === 'timetabled') {
    q.depart = s.depart;
    if (s.window) q.window = `${s.window}d`;
    if (s.objective === 'pareto') q.pareto = true;
  } else if (s.objective === 'pareto') {
    q.pareto = true;
  } else {
    q.optimize = s.objective;
    q.alternatives = 5;
  }
  return q;
}

// GET /v1/chart: the same shipment; timetabled charts the boxes ready at `depart`.
export function chartQuery(s: SearchInput): Query {
  const q: Query = { from: s.from.trim(), to: s.to.trim(), unit: s.unit, count: s.count };
  if (s.avoid.length) q.avoid = s.avoid.join(',');
  if (s.plan === 'timetabled') q.depart = s.depart;
  return q;
}

// The request fields the form shows errors for, by the name the server gives (`field`).
export const FORM_FIELDS = ['from', 'to', 'depart', 'unit', 'count', 'optimize', 'avoid', 'window', 'pareto', 'alternatives'];

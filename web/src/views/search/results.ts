// The table's logic: sort keys, the sort as the URL writes it ("-cost": descending), the days of
// a "which day to ship" window with what each gives, and which itineraries are not beaten.
import type { Itinerary } from './types';

export const SORT_KEYS = ['days', 'cost', 'co2e', 'ts', 'depart', 'label'] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export interface Sort {
  key: SortKey;
  desc: boolean;
}

export function parseSort(text: string | undefined): Sort | null {
  if (!text) return null;
  const desc = text.startsWith('-');
  const key = (desc ? text.slice(1) : text) as SortKey;
  return SORT_KEYS.includes(key) ? { key, desc } : null;
}
export function formatSort(s: Sort | null): string | undefined {
  return s ? `${s.desc ? '-' : ''}${s.key}` : undefined;
}
// A header click: the same column flips the direction, another column sorts ascending.
export function nextSort(current: Sort | null, key: SortKey): Sort {
  return current && current.key === key ? { key, desc: !current.desc } : { key, desc: false };
}

function value(it: Itinerary, key: SortKey): number | string {
  switch (key) {
    case 'days': return it.total.days;
    case 'cost': return it.total.cost_usd;
    case 'co2e': return it.total.co2e_kg;
    case 'ts': return it.transshipments;
    case 'depart': return it.depart ? Date.parse(it.depart) : 0;
    case 'label': return it.label;
  }
}

// A sorted copy; ties keep the server's order (its rank). No sort: the server's order.
export function sortItineraries(its: readonly Itinerary[], sort: Sort | null): Itinerary[] {
  const out = [...its];
  if (!sort) return out.sort((a, b) => a.rank - b.rank);
  const sign = sort.desc ? -1 : 1;
  return out.sort((a, b) => {
    const x = value(a, sort.key), y = value(b, sort.key);
    const c = typeof x === 'string' ? x.localeCompare(y as string) : x - (y as number);
    return c !== 0 ? sign * c : a.rank - b.rank;
  });
}

// The calendar day ("2026-12-10") of an instant written with its offset ("2026-12-10T21:57+09:00"):
// the wall clock of the place, as the API writes *_local.
export function localDay(localText: string | undefined): string {
  return localText ? localText.slice(0, 10) : '';
}

export interface DayOption {
  day: string; // departure day at the origin, local
  count: number;
  fastest: Itinerary;
  cheapest: Itinerary;
  greenest: Itinerary;
}

// "Which day to ship": the itineraries of a window grouped by their departure day at the origin,
// with the fastest, the cheapest and the lowest-CO2e of each day. Days in calendar order.
export function byDepartureDay(its: readonly Itinerary[]): DayOption[] {
  const days = new Map<string, Itinerary[]>();
  for (const it of its) {
    const d = localDay(it.depart_local ?? it.ready_local);
    if (!d) continue;
    if (!days.has(d)) days.set(d, []);
    days.get(d)!.push(it);
  }
  const best = (list: Itinerary[], f: (i: Itinerary) => number) => list.reduce((a, b) => (f(b) < f(a) ? b : a));
  return [...days.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([day, list]) => ({
      day,
      count: list.length,
      fastest: best(list, (i) => i.total.days),
      cheapest: best(list, (i) => i.total.cost_usd),
      greenest: best(list, (i) => i.total.co2e_kg),
    }));
}

// The best value of each column, to mark it in the table.
export function bestOf(its: readonly Itinerary[]): { days: number; cost: number; co2e: number } {
  return {
    days: Math.min(...its.map((i) => i.total.days)),
    cost: Math.min(...its.map((i) => i.total.cost_usd)),
    co2e: Math.min(...its.map((i) => i.total.co2e_kg)),
  };
}

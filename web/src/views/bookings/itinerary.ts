// A routing reference's itinerary as /v1/routes gives it for the same question (the reference
// names its query, reference.ts): times, totals, and per ride the chokepoints it passes, which the
// map needs to draw a ship round the Cape rather than through Suez.
import { useEffect, useState } from 'preact/hooks';
import { get } from '../../api/client';
import { decodeReference, routesQuery } from './reference';

export interface Step {
  kind: 'leg' | 'node';
  from: string;
  to: string;
  mode: string | null;
  service?: string | null;
  link?: string | null;
  passages?: string[];
  depart: string;
  arrive: string;
  depart_zone?: string | null;
}
export interface Itinerary {
  routingReference: string;
  depart: string;
  arrive: string;
  days: number;
  label?: string;
  transshipments?: number;
  total: { cost_usd: number; co2e_kg: number; distance_km: number };
  steps: Step[];
}
export interface RoutesAnswer {
  from: string;
  to: string;
  from_zone?: string;
  to_zone?: string;
  from_name?: string;
  to_name?: string;
  itineraries: Itinerary[];
}

// The passages of each ride of an itinerary, by service id and by "FROM>TO".
export type RidePassages = Map<string, string[]>;
export function ridePassages(it: Itinerary | null): RidePassages {
  const out: RidePassages = new Map();
  for (const s of it?.steps ?? []) {
    if (s.kind !== 'leg') continue;
    const p = s.passages ?? [];
    if (s.service) out.set(s.service, p);
    out.set(`${s.from}>${s.to}`, p);
  }
  return out;
}
export function passagesOf(rides: RidePassages, service: string | undefined | null, from: string, to: string): string[] | undefined {
  return (service ? rides.get(service) : undefined) ?? rides.get(`${from}>${to}`);
}

// null itinerary: the timetable no longer offers it as it was, or the reference is unreadable.
export function useItinerary(reference: string | undefined) {
  const [state, setState] = useState<{ loading: boolean; itinerary: Itinerary | null; answer: RoutesAnswer | null }>({ loading: !!reference, itinerary: null, answer: null });
  useEffect(() => {
    const decoded = reference ? decodeReference(reference) : null;
    if (!decoded) {
      setState({ loading: false, itinerary: null, answer: null });
      return;
    }
    const ctl = new AbortController();
    setState({ loading: true, itinerary: null, answer: null });
    get<RoutesAnswer>('/v1/routes', routesQuery(decoded), ctl.signal)
      .then((a) => setState({ loading: false, answer: a, itinerary: a.itineraries.find((i) => i.routingReference === reference) ?? null }))
      .catch(() => !ctl.signal.aborted && setState({ loading: false, itinerary: null, answer: null }));
    return () => ctl.abort();
  }, [reference]);
  return state;
}

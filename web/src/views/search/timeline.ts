// The step-by-step timeline of one itinerary: where the box is, what happens there, when it
// starts and ends at the place's own wall clock. Timetabled answers carry the instants with
// their zones; static answers only durations, counted from the start.
import type { Itinerary, Step } from './types';

export interface TimelineEntry {
  kind: 'leg' | 'stay' | 'wait';
  place: string; // node code: where a stay is; a leg's origin
  to?: string; // a leg's destination
  what: string; // mode ("rail"), "rail 1520", or the operation ("gauge_change+border")
  service?: string;
  start?: { at: string; zone?: string }; // instant (UTC) and the zone to show it in
  end?: { at: string; zone?: string };
  hours: number;
  elapsedHours: number; // from the start of the journey to the end of this entry
  km: number;
  usd: number;
  co2eKg: number;
}

function stepKind(s: Step): TimelineEntry['kind'] {
  if (s.kind === 'leg') return 'leg';
  return s.operation === 'wait' ? 'wait' : 'stay';
}

// Zero-length stays (an operation of no time and no cost) say nothing and are left out.
export function buildTimeline(it: Itinerary): TimelineEntry[] {
  const out: TimelineEntry[] = [];
  let elapsed = 0;
  for (const s of it.steps) {
    elapsed += s.hours;
    const kind = stepKind(s);
    if (kind !== 'leg' && s.hours <= 0 && s.cost_usd <= 0) continue;
    const what = kind === 'leg' ? (s.gauge ? `${s.mode} ${s.gauge}` : (s.mode ?? '')) : (s.operation ?? '');
    const e: TimelineEntry = {
      kind,
      place: kind === 'leg' ? s.from : (s.at ?? s.from),
      what,
      hours: s.hours,
      elapsedHours: elapsed,
      km: s.distance_km,
      usd: s.cost_usd,
      co2eKg: s.co2e_kg,
    };
    if (kind === 'leg') e.to = s.to;
    if (s.service) e.service = s.service;
    // Every step, a stay too, runs from its `depart` instant to its `arrive` instant.
    if (s.depart && isInstant(s.depart)) e.start = { at: s.depart, zone: s.depart_zone };
    if (s.arrive && isInstant(s.arrive)) e.end = { at: s.arrive, zone: s.arrive_zone };
    out.push(e);
  }
  return out;
}

// Node steps of static answers have "arrive": "road" (the mode it came by), not an instant.
function isInstant(text: string): boolean {
  return /^\d{4}-\d{2}-\d{2}T/.test(text);
}

// A container's DCSA Track & Trace events (GET /v2/events) turned into its journey: one
// milestone per thing that happens to the box (gate in, load, discharge, inspection, gate out,
// departure, arrival) with its planned (PLN), latest estimated (EST) and actual (ACT) time, and
// the stops between which it travels. Pure: the timeline and the map draw what this returns.

export interface TrackEvent {
  eventID?: string;
  eventType: 'EQUIPMENT' | 'TRANSPORT' | string;
  eventClassifierCode: 'PLN' | 'EST' | 'ACT' | string;
  eventDateTime: string;
  eventCreatedDateTime?: string;
  equipmentEventTypeCode?: string;
  transportEventTypeCode?: string;
  equipmentReference?: string;
  isTransshipmentMove?: boolean;
  eventLocation?: { UNLocationCode?: string; locationName?: string };
  transportCall?: { UNLocationCode?: string; modeOfTransport?: string; facilityTypeCode?: string; carrierServiceCode?: string; carrierVoyageNumber?: string };
  documentReferences?: { documentReferenceType: string; documentReferenceValue: string }[];
}

export interface Milestone {
  code: string; // GTIN LOAD DISC INSP GTOT (equipment) or DEPA ARRI (transport)
  type: string;
  location: string;
  locationName?: string;
  voyage?: string; // the departure key "SERVICE@start"
  mode?: string; // VESSEL RAIL TRUCK BARGE
  transshipment?: boolean;
  planned?: string;
  estimated?: string;
  actual?: string;
}
export type MilestoneState = 'done' | 'late' | 'early' | 'estimated' | 'planned';

const time = (s: string | undefined) => (s ? Date.parse(s) : NaN);
export const codeOf = (e: TrackEvent) => e.equipmentEventTypeCode ?? e.transportEventTypeCode ?? '';
export const bookingOf = (e: TrackEvent) => e.documentReferences?.find((d) => d.documentReferenceType === 'BKG')?.documentReferenceValue;

// When the milestone happened or is now expected to.
export function bestTime(m: Milestone): string | undefined {
  return m.actual ?? m.estimated ?? m.planned;
}

// done: it happened (late or early when it missed its plan by more than `slackMinutes`);
// estimated: a newer estimate than the plan; planned: only the plan.
export function milestoneState(m: Milestone, slackMinutes = 0): MilestoneState {
  if (m.actual) {
    if (!m.planned) return 'done';
    const d = (time(m.actual) - time(m.planned)) / 60000;
    return d > slackMinutes ? 'late' : d < -slackMinutes ? 'early' : 'done';
  }
  return m.estimated ? 'estimated' : 'planned';
}
// Minutes between the plan and what happened or is expected (positive: later than planned).
export function delayMinutes(m: Milestone): number | null {
  const other = m.actual ?? m.estimated;
  if (!other || !m.planned) return null;
  return Math.round((time(other) - time(m.planned)) / 60000);
}

// Builds the milestones. Planned events make the skeleton; an EST or ACT event goes to the
// planned milestone of the same kind, place (and ride, when the event names one) whose plan is
// nearest its time; one without a counterpart (the server re-planned, or nothing was planned)
// is a milestone of its own. The latest estimate and the latest actual report win. Ordered by
// the time each happened or is expected; equal times keep the service's order.
export function buildMilestones(events: TrackEvent[]): Milestone[] {
  const ms: Milestone[] = [];
  const order = new Map<Milestone, number>();
  const sameThing = (m: Milestone, e: TrackEvent) =>
    m.code === codeOf(e) && m.type === e.eventType && m.location === (e.eventLocation?.UNLocationCode ?? '') &&
    (!e.transportCall?.carrierVoyageNumber || !m.voyage || m.voyage === e.transportCall.carrierVoyageNumber);
  const fill = (m: Milestone, e: TrackEvent) => {
    m.locationName ??= e.eventLocation?.locationName;
    m.voyage ??= e.transportCall?.carrierVoyageNumber;
    m.mode ??= e.transportCall?.modeOfTransport;
    m.transshipment ||= e.isTransshipmentMove || undefined;
  };
  const add = (e: TrackEvent, seq: number): Milestone => {
    const m: Milestone = { code: codeOf(e), type: e.eventType, location: e.eventLocation?.UNLocationCode ?? '' };
    fill(m, e);
    ms.push(m);
    order.set(m, seq);
    return m;
  };
  const indexed = events.map((e, i) => ({ e, i }));
  indexed.filter(({ e }) => e.eventClassifierCode === 'PLN').forEach(({ e, i }) => (add(e, i).planned = e.eventDateTime));
  // Reports in the order they were made, so that the last word wins.
  const reports = indexed
    .filter(({ e }) => e.eventClassifierCode === 'EST' || e.eventClassifierCode === 'ACT')
    .sort((a, b) => (time(a.e.eventCreatedDateTime) - time(b.e.eventCreatedDateTime)) || a.i - b.i);
  for (const { e, i } of reports) {
    const slot = e.eventClassifierCode === 'ACT' ? 'actual' : 'estimated';
    const same = ms.filter((m) => sameThing(m, e));
    if (slot === 'actual' && same.some((m) => m.actual === e.eventDateTime)) continue; // the same report again
    // An actual report settles one milestone; later reports go to those still open.
    const open = same.filter((m) => !m.actual);
    const distance = (m: Milestone) => Math.abs(time(m.planned ?? m.estimated) - time(e.eventDateTime));
    let target = open.sort((a, b) => distance(a) - distance(b))[0];
    target ??= add(e, i);
    fill(target, e);
    target[slot] = e.eventDateTime;
  }
  return ms.sort((a, b) => (time(bestTime(a)) - time(bestTime(b))) || order.get(a)! - order.get(b)!);
}

export interface Stop {
  location: string;
  locationName?: string;
}
export interface JourneyLeg {
  from: string;
  to: string;
  mode?: string;
  voyage?: string;
  done: boolean; // the box has reached `to` (an actual event there or later)
}
export interface Journey {
  stops: Stop[];
  legs: JourneyLeg[];
  current: string | null; // where the box was last reported (latest actual), null: not yet handed over
  currentMilestone: Milestone | null;
}

// The places the box passes, in order, and the legs between them. A leg's mode is the mode of
// the ride it boards (LOAD/DEPA at its start), else of the discharge at its end.
export function buildJourney(ms: Milestone[]): Journey {
  const stops: Stop[] = [];
  const firstIndexAt: number[] = []; // per stop, the index of its first milestone
  ms.forEach((m, i) => {
    if (!m.location) return;
    if (stops.length === 0 || stops[stops.length - 1].location !== m.location) {
      stops.push({ location: m.location, locationName: m.locationName });
      firstIndexAt.push(i);
    }
  });
  let lastActual = -1;
  ms.forEach((m, i) => m.actual && (lastActual = i));
  const legs: JourneyLeg[] = [];
  for (let s = 0; s + 1 < stops.length; ++s) {
    const startIdx = firstIndexAt[s], endIdx = firstIndexAt[s + 1];
    const atStart = ms.slice(startIdx, endIdx);
    const boarding = [...atStart].reverse().find((m) => m.code === 'LOAD' || m.code === 'DEPA');
    const nextStopEnd = s + 2 < firstIndexAt.length ? firstIndexAt[s + 2] : ms.length;
    const arriving = ms.slice(endIdx, nextStopEnd).find((m) => m.code === 'DISC' || m.code === 'ARRI');
    legs.push({
      from: stops[s].location,
      to: stops[s + 1].location,
      mode: boarding?.mode ?? arriving?.mode,
      voyage: boarding?.voyage ?? arriving?.voyage,
      done: lastActual >= endIdx,
    });
  }
  const currentMilestone = lastActual >= 0 ? ms[lastActual] : null;
  return { stops, legs, current: currentMilestone?.location ?? null, currentMilestone };
}

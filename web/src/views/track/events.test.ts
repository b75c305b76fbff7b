import { describe, expect, it } from 'vitest';
import { buildJourney, buildMilestones, delayMinutes, milestoneState, type TrackEvent } from './events';

let created = 0;
function ev(cls: string, code: string, at: string, when: string, extra: Partial<TrackEvent> = {}, mode?: string, voyage?: string): TrackEvent {
  return {
    eventType: code === 'DEPA' || code === 'ARRI' ? 'TRANSPORT' : 'EQUIPMENT',
    eventClassifierCode: cls,
    ...(code === 'DEPA' || code === 'ARRI' ? { transportEventTypeCode: code } : { equipmentEventTypeCode: code }),
    eventDateTime: when,
    eventCreatedDateTime: `2026-12-06T10:${String(created++ % 60).padStart(2, '0')}:00Z`,
    eventLocation: { UNLocationCode: at, locationName: at.toLowerCase() },
    transportCall: mode ? { modeOfTransport: mode, carrierVoyageNumber: voyage } : undefined,
    ...extra,
  };
}
// Hakata → Busan (feeder) → Tianjin (ship) → Zamyn-Uud (train), as the service plans it.
const FDR = 'FDR-PUS-TXG@2026-12-17T05:05Z', TRN = 'RAIL-TXG-ZUU@2026-12-20T11:50Z';
const PLAN = [
  ev('PLN', 'GTIN', 'JPHKT', '2026-12-15T18:33:00Z', {}, 'VESSEL'),
  ev('PLN', 'LOAD', 'JPHKT', '2026-12-16T04:36:00Z', {}, 'VESSEL'),
  ev('PLN', 'DISC', 'KRPUS', '2026-12-16T19:02:00Z', {}, 'VESSEL'),
  ev('PLN', 'LOAD', 'KRPUS', '2026-12-17T05:05:00Z', {}, 'VESSEL', FDR),
  ev('PLN', 'DISC', 'CNTXG', '2026-12-20T01:15:00Z', {}, 'VESSEL', FDR),
  ev('PLN', 'LOAD', 'CNTXG', '2026-12-20T11:50:00Z', {}, 'RAIL', TRN),
  ev('PLN', 'DISC', 'MNZUU', '2026-12-21T17:15:00Z', {}, 'RAIL', TRN),
  ev('PLN', 'GTOT', 'MNZUU', '2026-12-22T05:00:00Z', {}, 'RAIL', TRN),
];

describe('buildMilestones', () => {
  it('keeps the plan in time order when nothing has happened', () => {
    const ms = buildMilestones([...PLAN].reverse());
    expect(ms.map((m) => `${m.code} ${m.location}`)).toEqual([
      'GTIN JPHKT', 'LOAD JPHKT', 'DISC KRPUS', 'LOAD KRPUS', 'DISC CNTXG', 'LOAD CNTXG', 'DISC MNZUU', 'GTOT MNZUU',
    ]);
    expect(ms.every((m) => milestoneState(m) === 'planned')).toBe(true);
    expect(ms[3].voyage).toBe(FDR);
  });
  it('puts an actual report (without a transport call) beside its plan and says how late it was', () => {
    const ms = buildMilestones([...PLAN, ev('ACT', 'LOAD', 'KRPUS', '2026-12-17T07:05:00Z')]);
    const load = ms.find((m) => m.code === 'LOAD' && m.location === 'KRPUS')!;
    expect(load).toMatchObject({ planned: '2026-12-17T05:05:00Z', actual: '2026-12-17T07:05:00Z', voyage: FDR, mode: 'VESSEL' });
    expect(milestoneState(load)).toBe('late');
    expect(delayMinutes(load)).toBe(120);
    expect(ms).toHaveLength(PLAN.length);
  });
  it('keeps the newest estimate and tells early from on time', () => {
    const ms = buildMilestones([
      ...PLAN,
      ev('EST', 'DISC', 'CNTXG', '2026-12-20T09:00:00Z'),
      ev('EST', 'DISC', 'CNTXG', '2026-12-20T03:00:00Z'),
      ev('ACT', 'GTIN', 'JPHKT', '2026-12-15T17:00:00Z'),
    ]);
    const disc = ms.find((m) => m.code === 'DISC' && m.location === 'CNTXG')!;
    expect(disc.estimated).toBe('2026-12-20T03:00:00Z');
    expect(milestoneState(disc)).toBe('estimated');
    expect(delayMinutes(disc)).toBe(105);
    expect(milestoneState(ms[0])).toBe('early');
    expect(milestoneState(ms[0], 120)).toBe('done');
  });
  it('makes an unplanned report a milestone of its own, placed by its time', () => {
    // After a re-plan the service removes the plan of the late event itself.
    const ms = buildMilestones([...PLAN.slice(1), ev('ACT', 'GTIN', 'JPHKT', '2026-12-15T20:00:00Z')]);
    expect(ms[0]).toMatchObject({ code: 'GTIN', actual: '2026-12-15T20:00:00Z' });
    expect(ms[0].planned).toBeUndefined();
    expect(milestoneState(ms[0])).toBe('done');
  });
  it('does not count the same actual report twice', () => {
    const act = ev('ACT', 'DISC', 'KRPUS', '2026-12-16T20:00:00Z');
    const ms = buildMilestones([...PLAN, act, { ...act }]);
    expect(ms).toHaveLength(PLAN.length);
  });
});

describe('buildJourney', () => {
  it('lists the stops and legs with the mode of each ride; nothing done before the gate-in', () => {
    const j = buildJourney(buildMilestones(PLAN));
    expect(j.stops.map((s) => s.location)).toEqual(['JPHKT', 'KRPUS', 'CNTXG', 'MNZUU']);
    expect(j.legs.map((l) => [l.from, l.to, l.mode, l.done])).toEqual([
      ['JPHKT', 'KRPUS', 'VESSEL', false],
      ['KRPUS', 'CNTXG', 'VESSEL', false],
      ['CNTXG', 'MNZUU', 'RAIL', false],
    ]);
    expect(j.legs[2].voyage).toBe(TRN);
    expect(j.current).toBeNull();
  });
  it('marks the legs travelled up to the latest actual event and places the box there', () => {
    const j = buildJourney(buildMilestones([...PLAN, ev('ACT', 'GTIN', 'JPHKT', '2026-12-15T18:00:00Z'), ev('ACT', 'DISC', 'CNTXG', '2026-12-20T02:00:00Z')]));
    expect(j.legs.map((l) => l.done)).toEqual([true, true, false]);
    expect(j.current).toBe('CNTXG');
    expect(j.currentMilestone?.code).toBe('DISC');
  });
});

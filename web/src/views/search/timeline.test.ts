import { describe, expect, it } from 'vitest';
import { itinerary, step } from './fixtures.test-data';
import { buildTimeline } from './timeline';

describe('timeline', () => {
  it('lists legs and stays with their instants and zones, skipping empty stays', () => {
    const it = itinerary(1, 3, 606, 355, {
      steps: [
        step({ kind: 'node', from: 'JPHKT', to: 'JPHKT', at: 'JPHKT', operation: 'handling', hours: 10.05, cost_usd: 164,
          depart: '2026-12-10T12:57Z', arrive: '2026-12-10T23:00Z', depart_zone: 'Asia/Tokyo', arrive_zone: 'Asia/Tokyo' }),
        step({ kind: 'leg', from: 'JPHKT', to: 'CNLYG', mode: 'feeder', service: 'FDR-HKT-LYG', hours: 55.65, distance_km: 1071.9, cost_usd: 278, co2e_kg: 355,
          depart: '2026-12-10T23:00Z', arrive: '2026-12-13T06:39Z', depart_zone: 'Asia/Tokyo', arrive_zone: 'Asia/Shanghai' }),
        step({ kind: 'node', from: 'CNLYG', to: 'CNLYG', at: 'CNLYG', operation: 'border', hours: 0, cost_usd: 0 }),
        step({ kind: 'node', from: 'CNLYG', to: 'CNLYG', at: 'CNLYG', operation: 'wait', hours: 7.3,
          depart: '2026-12-13T16:42Z', arrive: '2026-12-14T00:00Z', depart_zone: 'Asia/Shanghai', arrive_zone: 'Asia/Shanghai' }),
        step({ kind: 'leg', from: 'CNLYG', to: 'KZHOR', mode: 'rail', gauge: '1435', hours: 97, distance_km: 4000 }),
      ],
    });
    const tl = buildTimeline(it);
    expect(tl.map((e) => [e.kind, e.place, e.to ?? '', e.what])).toEqual([
      ['stay', 'JPHKT', '', 'handling'],
      ['leg', 'JPHKT', 'CNLYG', 'feeder'],
      ['wait', 'CNLYG', '', 'wait'],
      ['leg', 'CNLYG', 'KZHOR', 'rail 1435'],
    ]);
    expect(tl[1].start).toEqual({ at: '2026-12-10T23:00Z', zone: 'Asia/Tokyo' });
    expect(tl[1].end).toEqual({ at: '2026-12-13T06:39Z', zone: 'Asia/Shanghai' });
    expect(tl[1].service).toBe('FDR-HKT-LYG');
    expect(tl[3].start).toBeUndefined(); // no instants: static
    expect(tl.map((e) => Math.round(e.elapsedHours * 100) / 100)).toEqual([10.05, 65.7, 73, 170]);
  });
  it('does not take a static node step mode ("arrive": "road") for an instant', () => {
    const it = itinerary(1, 1, 1, 1, { steps: [step({ kind: 'node', from: 'JPHKT', to: 'JPHKT', at: 'JPHKT', operation: 'handling', hours: 10, arrive: 'road', depart: 'feeder' })] });
    const [e] = buildTimeline(it);
    expect(e.start).toBeUndefined();
    expect(e.end).toBeUndefined();
  });
});

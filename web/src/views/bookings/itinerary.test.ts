import { describe, expect, it } from 'vitest';
import { passagesOf, ridePassages, type Itinerary } from './itinerary';

const step = (from: string, to: string, service: string | null, passages: string[]) => ({ kind: 'leg' as const, from, to, mode: 'deep_sea', service, passages, depart: '', arrive: '' });

describe('ridePassages', () => {
  it('finds a ride’s chokepoints by its service or by its ends', () => {
    const it: Itinerary = {
      routingReference: 'x', depart: '', arrive: '', days: 1, total: { cost_usd: 0, co2e_kg: 0, distance_km: 0 },
      steps: [step('JPHKT', 'KRPUS', null, []), step('KRPUS', 'NLRTM', 'CAPE-AEU-PUS', ['sunda', 'south_africa']), { ...step('NLRTM', 'NLRTM', null, []), kind: 'node' }],
    };
    const rides = ridePassages(it);
    expect(passagesOf(rides, 'CAPE-AEU-PUS', 'X', 'Y')).toEqual(['sunda', 'south_africa']);
    expect(passagesOf(rides, undefined, 'KRPUS', 'NLRTM')).toEqual(['sunda', 'south_africa']);
    expect(passagesOf(rides, null, 'JPHKT', 'KRPUS')).toEqual([]);
    expect(passagesOf(rides, 'OTHER', 'A', 'B')).toBeUndefined();
    expect(ridePassages(null).size).toBe(0);
  });
});

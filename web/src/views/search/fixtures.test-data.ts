// Small hand-made answers in the shapes of GET /v1/routes and /v1/chart, for the unit tests.
import type { Itinerary, Step } from './types';

export function step(p: Partial<Step> & Pick<Step, 'kind' | 'from' | 'to'>): Step {
  return { hours: 0, distance_km: 0, cost_usd: 0, co2e_kg: 0, ...p };
}

export function itinerary(rank: number, days: number, cost: number, co2: number, extra: Partial<Itinerary> = {}): Itinerary {
  return {
    rank,
    label: `option ${rank}`,
    corridor: [],
    passages: [],
    transshipments: rank % 3,
    via: ['JPHKT', 'DEDUI'],
    total: { days, hours: days * 24, cost_usd: cost, co2e_kg: co2, distance_km: 10000 },
    steps: [],
    ...extra,
  };
}

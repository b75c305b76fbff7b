import { describe, expect, it } from 'vitest';
import { itinerary } from './fixtures.test-data';
import { bestOf, byDepartureDay, formatSort, nextSort, parseSort, sortItineraries } from './results';

const its = [itinerary(1, 20.7, 8910, 5195), itinerary(2, 21.7, 8090, 4749), itinerary(3, 21.7, 8132, 4786), itinerary(4, 46.5, 7659, 4163)];
const ranks = (xs: { rank: number }[]) => xs.map((x) => x.rank);

describe('sorting the table', () => {
  it('sorts by each column, ties in the server order', () => {
    expect(ranks(sortItineraries(its, { key: 'days', desc: false }))).toEqual([1, 2, 3, 4]);
    expect(ranks(sortItineraries(its, { key: 'days', desc: true }))).toEqual([4, 2, 3, 1]);
    expect(ranks(sortItineraries(its, { key: 'cost', desc: false }))).toEqual([4, 2, 3, 1]);
    expect(ranks(sortItineraries(its, { key: 'co2e', desc: true }))).toEqual([1, 3, 2, 4]);
    expect(ranks(sortItineraries(its, { key: 'ts', desc: false }))).toEqual([3, 1, 4, 2]);
  });
  it('without a sort keeps the server ranks and does not touch its input', () => {
    const shuffled = [its[2], its[0], its[3], its[1]];
    expect(ranks(sortItineraries(shuffled, null))).toEqual([1, 2, 3, 4]);
    expect(ranks(shuffled)).toEqual([3, 1, 4, 2]);
  });
  it('writes the sort for the URL and flips it on a second click', () => {
    expect(parseSort('-cost')).toEqual({ key: 'cost', desc: true });
    expect(parseSort('nonsense')).toBeNull();
    expect(formatSort({ key: 'days', desc: false })).toBe('days');
    expect(nextSort({ key: 'days', desc: false }, 'days')).toEqual({ key: 'days', desc: true });
    expect(nextSort({ key: 'days', desc: true }, 'cost')).toEqual({ key: 'cost', desc: false });
  });
  it('finds the best value of each column', () => {
    expect(bestOf(its)).toEqual({ days: 20.7, cost: 7659, co2e: 4163 });
  });
});

describe('which day to ship', () => {
  it('groups by the departure day at the origin clock, with the best of each day', () => {
    const w = [
      itinerary(1, 46.5, 7659, 4163, { depart_local: '2026-12-10T21:28+09:00' }),
      itinerary(2, 20.7, 8910, 5195, { depart_local: '2026-12-10T21:57+09:00' }),
      itinerary(3, 22.7, 8294, 4900, { depart_local: '2026-12-12T21:28+09:00' }),
      // 23:30 UTC on the 11th is the 12th in Tokyo
      itinerary(4, 21.0, 8500, 4800, { depart: '2026-12-11T23:30Z', depart_local: '2026-12-12T08:30+09:00' }),
    ];
    const days = byDepartureDay(w);
    expect(days.map((d) => [d.day, d.count])).toEqual([['2026-12-10', 2], ['2026-12-12', 2]]);
    expect([days[0].fastest.rank, days[0].cheapest.rank, days[0].greenest.rank]).toEqual([2, 1, 1]);
    expect([days[1].fastest.rank, days[1].cheapest.rank, days[1].greenest.rank]).toEqual([4, 3, 4]);
  });
});

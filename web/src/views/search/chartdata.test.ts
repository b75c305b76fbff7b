import { describe, expect, it } from 'vitest';
import { itinerary } from './fixtures.test-data';
import { chartLines, matchSeries } from './chartdata';
import type { ChartAnswer } from './types';

const pts = (n: number) => [
  { kind: 'start' as const, node: 'JPHKT', km: 0, days: 0, usd: 0, co2e_kg: 0, what: '' },
  { kind: 'leg' as const, node: 'DEDUI', km: 12000 + n, days: 20 + n, usd: 8000 + n, co2e_kg: 4000 + n, what: 'rail:1435' },
];

describe('chart series and itineraries', () => {
  it('matches timetabled series by services and departure day, each itinerary once', () => {
    const its = [
      itinerary(1, 20, 8910, 5195, { services: ['FDR-HKT-LYG', 'RAIL-LYG-ZBK'], depart: '2026-12-10T12:57Z', depart_local: '2026-12-10T21:57+09:00' }),
      itinerary(2, 21, 8090, 4749, { services: ['FDR-HKT-LYG', 'RAIL-LYG-HOR'], depart: '2026-12-10T12:57Z', depart_local: '2026-12-10T21:57+09:00' }),
      itinerary(3, 21, 8090, 4749, { services: ['FDR-HKT-LYG', 'RAIL-LYG-HOR'], depart: '2026-12-17T12:57Z', depart_local: '2026-12-17T21:57+09:00' }),
    ];
    const chart: ChartAnswer = {
      units: {},
      series: [
        { label: 'FDR-HKT-LYG, RAIL-LYG-HOR · dep 2026-12-10', points: pts(1) },
        { label: 'FDR-HKT-LYG, RAIL-LYG-ZBK · dep 2026-12-10', points: pts(2) },
        { label: 'all-sea via Suez, NLRTM', points: pts(3) },
      ],
    };
    expect(matchSeries(chart, its)).toEqual([2, 1, null]);
  });
  it('matches static series by label, twice the same label to two itineraries', () => {
    const its = [itinerary(1, 24.6, 8500, 5719, { label: 'sea–rail via CNLYG, KZHOR, PLMAA' }), itinerary(2, 24.62, 8132, 4785, { label: 'sea–rail via CNLYG, KZHOR, PLMAA' })];
    const chart: ChartAnswer = { units: {}, series: [{ label: 'sea–rail via CNLYG, KZHOR, PLMAA', points: pts(0) }, { label: 'sea–rail via CNLYG, KZHOR, PLMAA', points: pts(1) }] };
    expect(matchSeries(chart, its)).toEqual([1, 2]);
  });
  it('draws distance against the chosen quantity in the itinerary colour', () => {
    const its = [itinerary(1, 20, 1, 1, { label: 'a' })];
    const chart: ChartAnswer = { units: {}, series: [{ label: 'a', points: pts(5) }, { label: 'b', points: pts(6) }] };
    const lines = chartLines(chart, its, 'usd', (r) => `colour-${r}`, 'grey');
    expect(lines.map((l) => [l.rank, l.colour])).toEqual([[1, 'colour-1'], [null, 'grey']]);
    expect(lines[0].points.map((p) => [p.x, p.y])).toEqual([[0, 0], [12005, 8005]]);
    expect(chartLines(chart, its, 'co2e_kg', () => 'x')[1].points[1].y).toBe(4006);
  });
});

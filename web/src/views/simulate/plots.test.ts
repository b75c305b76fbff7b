import { describe, expect, it } from 'vitest';
import type { HistogramPlot, Plots, QueuePlot } from './api';
import { corridorOf, flowCorridors, flowOfLabel, histogramData, orderByFlows, indexPlots, intervalKind, queueData, withAlpha } from './plots';

const hist: HistogramPlot = {
  title: 'Door-to-door transit time: JPHKT-DEDUI sea–rail via CNLYG, KZHOR, PLMAA',
  unit: 'days',
  x_title: 'transit time',
  y: 'percent',
  bin_width: 1,
  edges: [21, 22, 23, 24],
  sets: [
    { label: 'base', counts: [1, 2, 1], n: 4, mean: 22.4, p50: 22.3, p95: 23.5, min: 21.1, max: 23.9 },
    { label: 'half', counts: [0, 1, 3], n: 4, mean: 23.1, p50: 23.2, p95: 23.8, min: 22.1, max: 23.95 },
  ],
};
const queue: QueuePlot = {
  title: 'Boxes waiting for a gauge-change crane at KZHOR',
  x_title: 'time (days)',
  y_title: 'boxes waiting',
  interpolation: 'step',
  intervals: [
    { from: 0, to: 28, label: 'warm-up (not measured)' },
    { from: 182, to: 302, label: 'drain (no new boxes)' },
    { from: 60, to: 90, label: 'KZHOR: 3 of 8 cranes' },
  ],
  references: [],
  series: [
    { label: 'base', t0: 0, dt: 1, centre: 'median', centre_values: [0, 5, 2], band: 'min_max', lo: [0, 3, 1], hi: [0, 9, 4], replications: 2, peak: { any: 9, centre: 5, t: 1 } },
    { label: 'half', t0: 0, dt: 1, centre: 'median', centre_values: [0, 8, 6], band: 'min_max', lo: [0, 7, 5], hi: [1, 9, 8], replications: 2 },
  ],
};

describe('indexPlots', () => {
  it('sorts the plot set into transit histograms per flow and crane queues per node', () => {
    const plots: Plots = { 'crane-queue-KZHOR': queue, 'transit-JPHKT-DEDUI': hist, 'transit-histogram': hist, 'other-thing': queue };
    const ix = indexPlots(plots);
    expect(ix.histograms.map((h) => [h.key, h.flow])).toEqual([['transit-JPHKT-DEDUI', 'JPHKT-DEDUI'], ['transit-histogram', undefined]]);
    expect(ix.queues.map((q) => q.node)).toEqual(['KZHOR']);
    expect([...flowCorridors(ix)]).toEqual([['JPHKT-DEDUI', 'sea–rail via CNLYG, KZHOR, PLMAA']]);
  });
  it('orders histograms as the summary lists its flows', () => {
    const hs = [{ flow: 'CNLYG-DEDUI' }, { flow: 'JPHKT-DEDUI' }, { flow: undefined }, { flow: 'X-Y' }];
    expect(orderByFlows(hs, ['JPHKT-DEDUI', 'CNLYG-DEDUI']).map((h) => h.flow)).toEqual(['JPHKT-DEDUI', 'CNLYG-DEDUI', undefined, 'X-Y']);
  });
  it("names a one-run histogram's set by its flow", () => {
    expect(flowOfLabel('KRPUS-TRHAL sea–rail–ferry–rail via CNLYG, KZHOR')).toBe('KRPUS-TRHAL');
    expect(flowOfLabel('base')).toBe('base');
  });
  it("finds a flow's corridor in the server's title", () => {
    expect(corridorOf(hist.title, 'JPHKT-DEDUI')).toBe('sea–rail via CNLYG, KZHOR, PLMAA');
    expect(corridorOf(hist.title, 'KRPUS-PLLOD')).toBeUndefined();
  });
});

describe('histogramData', () => {
  it('gives each series its share of boxes per bin, base and what-if on the same bins', () => {
    const d = histogramData(hist);
    expect(d.edges).toEqual([21, 22, 23, 24]);
    expect(d.series.map((s) => s.label)).toEqual(['base', 'half']);
    expect(d.series[0].percent).toEqual([25, 50, 25]);
    expect(d.series[1].percent).toEqual([0, 25, 75]);
  });
  it('uses the counts when n is missing, and zeros for an empty set', () => {
    const d = histogramData({ ...hist, sets: [{ ...hist.sets[0], n: 0 }, { ...hist.sets[1], n: 0, counts: [0, 0, 0] }] });
    expect(d.series[0].percent).toEqual([25, 50, 25]);
    expect(d.series[1].percent).toEqual([0, 0, 0]);
  });
});

describe('queueData', () => {
  it('places each bucket at t0 + i·dt with its band, per series', () => {
    const d = queueData(queue);
    expect(d.series).toHaveLength(2);
    expect(d.series[0].centre).toEqual([{ x: 0, y: 0 }, { x: 1, y: 5 }, { x: 2, y: 2 }]);
    expect(d.series[1].hi).toEqual([{ x: 0, y: 1 }, { x: 1, y: 9 }, { x: 2, y: 8 }]);
    expect(d.series[0].peak).toBe(5);
  });
  it('names the shaded intervals by kind', () => {
    expect(queueData(queue).intervals.map((i) => i.kind)).toEqual(['warmup', 'drain', 'closure']);
    expect(intervalKind('Drain')).toBe('drain');
  });
  it('makes translucent colours', () => {
    expect(withAlpha('#0b5fa5', 0.5)).toBe('rgba(11, 95, 165, 0.5)');
  });
});

import { describe, expect, it } from 'vitest';
import { indexNetwork } from '../api/network';
import { isReverseTwin, networkLayers } from './layers';

const node = (code: string, kind: string) => ({
  type: 'Feature' as const, geometry: { type: 'Point' as const, coordinates: [0, 0] as [number, number] },
  properties: { feature: 'node' as const, code, name: code, kind, country: 'XX' },
});
const link = (id: string, from: string, to: string, mode: string, gauge: string | null = null) => ({
  type: 'Feature' as const, geometry: { type: 'LineString' as const, coordinates: [[0, 0], [1, 1]] as [number, number][] },
  properties: { feature: 'link' as const, id, from, to, mode, gauge, distance_km: 1, hours: 1, cost_usd_teu: 1, sources: '', passages: '' },
});

const net = indexNetwork({
  features: [
    node('A', 'rail_terminal'), node('B', 'seaport'), node('C', 'seaport'), node('D', 'weird'),
    link('r1', 'A', 'B', 'rail', '1520'), link('r1~r', 'B', 'A', 'rail', '1520'),
    link('r2', 'A', 'C', 'rail', '1435'), link('s1', 'B', 'C', 'deep_sea'),
    link('lonely~r', 'C', 'B', 'feeder'), // a reverse id without its forward twin is drawn
  ],
});

describe('network layers', () => {
  it('counts nodes by kind and links by mode and gauge, a link and its reverse once', () => {
    expect(networkLayers(net).map((l) => [l.name, l.count])).toEqual([
      ['node:seaport', 2], ['node:rail_terminal', 1], ['node:weird', 1],
      ['link:deep_sea', 1], ['link:feeder', 1], ['link:rail-1435', 1], ['link:rail-1520', 1],
    ]);
  });
  it('knows a reverse twin only when its forward link exists', () => {
    expect(isReverseTwin({ id: 'r1~r' }, net)).toBe(true);
    expect(isReverseTwin({ id: 'r1' }, net)).toBe(false);
    expect(isReverseTwin({ id: 'lonely~r' }, net)).toBe(false);
  });
});

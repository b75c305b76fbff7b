import { describe, expect, it } from 'vitest';
import type { Network, NetworkLink, NetworkNode } from '../../api/network';
import { shortestLinks } from '../../api/network';
import { legPath } from './path';

const node = (code: string, lon: number, lat: number): NetworkNode => ({ feature: 'node', code, name: code, kind: 'seaport', country: 'XX', lon, lat });
const link = (id: string, from: string, to: string, mode: string, km: number, coords: [number, number][], passages = ''): NetworkLink => ({
  feature: 'link', id, from, to, mode, gauge: null, distance_km: km, hours: 1, cost_usd_teu: 1, sources: '', passages, coords,
});
// A port A, a port B, a rail hub R: the sea lane A–B (through Suez) is shorter than rail A–R–B
// and than the sea lanes A–C–B round the Cape.
function net(): Network {
  const nodes = [node('A', 0, 0), node('B', 10, 0), node('R', 5, 5), node('C', 5, -9)];
  const links = [
    link('sea-A-B', 'A', 'B', 'deep_sea', 1000, [[0, 0], [5, -2], [10, 0]], 'suez+babalmandab'),
    link('rail-A-R', 'A', 'R', 'rail', 800, [[0, 0], [5, 5]]),
    link('rail-B-R', 'B', 'R', 'rail', 800, [[10, 0], [5, 5]]), // stored the other way round
    link('sea-A-C', 'A', 'C', 'deep_sea', 2000, [[0, 0], [5, -9]], 'south_africa'),
    link('sea-C-B', 'C', 'B', 'deep_sea', 2000, [[5, -9], [10, 0]], 'south_africa'),
  ];
  return { nodes: new Map(nodes.map((n) => [n.code, n])), links: new Map(links.map((l) => [l.id, l])) };
}

describe('legPath', () => {
  it('follows rail links for a train, even when the sea is shorter', () => {
    expect(legPath(net(), 'A', 'B', 'RAIL')).toEqual([[0, 0], [5, 5], [10, 0]]);
  });
  it('follows the sea lane for a ship and reverses a link ridden against its direction', () => {
    expect(legPath(net(), 'A', 'B', 'VESSEL')).toEqual([[0, 0], [5, -2], [10, 0]]);
    expect(legPath(net(), 'B', 'A', 'VESSEL')).toEqual([[10, 0], [5, -2], [0, 0]]);
  });
  it('keeps a ride to the chokepoints it passes: round the Cape, not through Suez', () => {
    expect(legPath(net(), 'A', 'B', 'VESSEL', ['sunda', 'south_africa'])).toEqual([[0, 0], [5, -9], [10, 0]]);
    expect(legPath(net(), 'A', 'B', 'VESSEL', ['suez', 'babalmandab'])).toEqual([[0, 0], [5, -2], [10, 0]]);
    // passages no link can honour: the shortest way of the mode all the same
    expect(legPath(net(), 'A', 'B', 'VESSEL', [])).toEqual([[0, 0], [5, -2], [10, 0]]);
  });
  it('uses any links when the mode has none, and a straight line when there are no links', () => {
    expect(legPath(net(), 'A', 'R', 'TRUCK')).toEqual([[0, 0], [5, 5]]);
    const bare: Network = { nodes: net().nodes, links: new Map() };
    expect(legPath(bare, 'A', 'B', 'RAIL')).toEqual([[0, 0], [10, 0]]);
    expect(legPath(bare, 'A', 'NOPE', 'RAIL')).toEqual([]);
  });
});

describe('shortestLinks', () => {
  it('takes the shorter way and says when there is none', () => {
    expect(shortestLinks(net(), 'A', 'B', () => true)!.map((s) => s.link.id)).toEqual(['sea-A-B']);
    expect(shortestLinks(net(), 'A', 'B', (l) => l.mode === 'road')).toBeNull();
    expect(shortestLinks(net(), 'A', 'A', () => true)).toEqual([]);
  });
});

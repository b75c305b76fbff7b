import { describe, expect, it } from 'vitest';
import { indexNetwork, type LngLat } from '../../api/network';
import { itinerary, step } from './fixtures.test-data';
import { chainOfLinks, itineraryLines, legNodes } from './mapdraw';

const node = (code: string, lon: number, lat: number) => ({
  type: 'Feature' as const, geometry: { type: 'Point' as const, coordinates: [lon, lat] as LngLat },
  properties: { feature: 'node' as const, code, name: code, kind: 'seaport', country: code.slice(0, 2) },
});
const link = (id: string, from: string, to: string, mode: string, coords: LngLat[], passages = '', km = 100) => ({
  type: 'Feature' as const, geometry: { type: 'LineString' as const, coordinates: coords },
  properties: { feature: 'link' as const, id, from, to, mode, gauge: null, distance_km: km, hours: 1, cost_usd_teu: 1, sources: '', passages },
});
// A toy world: Busan to Rotterdam by Suez (one link) or by the Cape (via Singapore); a rail line.
const net = indexNetwork({
  features: [
    node('KRPUS', 129, 35), node('SGSIN', 104, 1), node('NLRTM', 4, 52), node('CNLYG', 119, 34), node('CNXIA', 109, 34), node('KZHOR', 80, 44),
    link('sea-suez', 'KRPUS', 'NLRTM', 'deep_sea', [[129, 35], [32, 30], [4, 52]], 'suez+malacca', 20000),
    link('sea-pus-sin', 'KRPUS', 'SGSIN', 'deep_sea', [[129, 35], [104, 1]], '', 4000),
    link('sea-sin-rtm-cape', 'SGSIN', 'NLRTM', 'deep_sea', [[104, 1], [20, -35], [4, 52]], 'sunda+south_africa', 20000),
    link('rail-lyg-xia', 'CNLYG', 'CNXIA', 'rail', [[119, 34], [109, 34]]),
    link('rail-xia-hor', 'CNXIA', 'KZHOR', 'rail', [[109, 34], [80, 44]]),
  ],
});

describe('drawing itineraries', () => {
  it('draws a leg with a link by its shape, ridden backwards when needed', () => {
    const it = itinerary(1, 1, 1, 1, { via: ['CNXIA', 'CNLYG'], steps: [step({ kind: 'leg', from: 'CNXIA', to: 'CNLYG', link: 'rail-lyg-xia', mode: 'rail' })] });
    expect(itineraryLines(net, it)[0].coords).toEqual([[109, 34], [119, 34]]);
  });
  it('draws a service ride through the via nodes between its ends', () => {
    const it = itinerary(1, 1, 1, 1, { via: ['JPHKT', 'CNLYG', 'CNXIA', 'KZHOR'], steps: [step({ kind: 'leg', from: 'CNLYG', to: 'KZHOR', mode: 'rail', service: 'RAIL-LYG-HOR' })] });
    expect(legNodes(it, it.steps[0])).toEqual(['CNLYG', 'CNXIA', 'KZHOR']);
    expect(itineraryLines(net, it)[0].coords).toEqual([[119, 34], [109, 34], [80, 44]]);
  });
  it('finds the chain of links of a ride whose stops are not joined directly', () => {
    const it = itinerary(1, 1, 1, 1, { via: ['CNLYG', 'KZHOR'], steps: [step({ kind: 'leg', from: 'CNLYG', to: 'KZHOR', mode: 'rail' })] });
    expect(itineraryLines(net, it)[0].coords).toEqual([[119, 34], [109, 34], [80, 44]]);
  });
  it('goes round the Cape when the leg says so, not through Suez', () => {
    const cape = step({ kind: 'leg', from: 'KRPUS', to: 'NLRTM', mode: 'deep_sea', passages: ['sunda', 'south_africa'] });
    const it = itinerary(1, 1, 1, 1, { via: ['KRPUS', 'NLRTM'], steps: [cape] });
    expect(itineraryLines(net, it)[0].coords).toEqual([[129, 35], [104, 1], [20, -35], [4, 52]]);
    const suez = step({ kind: 'leg', from: 'KRPUS', to: 'NLRTM', mode: 'deep_sea', passages: ['suez', 'malacca'] });
    expect(itineraryLines(net, { ...it, steps: [suez] })[0].coords).toEqual([[129, 35], [32, 30], [4, 52]]);
    expect(chainOfLinks(net, 'KRPUS', 'NLRTM', 'rail', [])).toBeNull();
    // a static leg on the Suez link re-routed round the Cape (avoid=suez)
    const rerouted = step({ kind: 'leg', from: 'KRPUS', to: 'NLRTM', mode: 'deep_sea', link: 'sea-suez', passages: ['sunda', 'south_africa'] });
    expect(itineraryLines(net, { ...it, steps: [rerouted] })[0].coords).toEqual([[129, 35], [104, 1], [20, -35], [4, 52]]);
  });
  it('draws a door-to-door end off the network as a straight line to the given place', () => {
    const it = itinerary(1, 1, 1, 1, { via: ['KZSHY', 'KZHOR'], steps: [step({ kind: 'leg', from: 'KZSHY', to: 'KZHOR', mode: 'road', link: 'road-KZSHY-KZHOR' })] });
    expect(itineraryLines(net, it)).toEqual([]);
    const lines = itineraryLines(net, it, new Map([['KZSHY', { lat: 42.3, lon: 69.6 }]]));
    expect(lines[0].coords).toEqual([[69.6, 42.3], [80, 44]]);
  });
});

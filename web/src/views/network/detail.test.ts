import { afterEach, describe, expect, it, vi } from 'vitest';
import { indexNetwork } from '../../api/network';
import { ApiError } from '../../api/client';
import { linkFromNetwork, linksAt, loadLink, loadNode } from './detail';
import { sourceDate, sourceHref, uniqueSources } from './sources';
import { servicesInOrder } from './node-panel';
import { passagesOf } from './link-panel';

const pt = (code: string, name: string) => ({
  type: 'Feature' as const, geometry: { type: 'Point' as const, coordinates: [80, 44] as [number, number] },
  properties: { feature: 'node' as const, code, name, kind: 'dry_port', country: 'KZ', timezone: 'Asia/Almaty' },
});
const ln = (id: string, from: string, to: string) => ({
  type: 'Feature' as const, geometry: { type: 'LineString' as const, coordinates: [[80, 44], [81, 45]] as [number, number][] },
  properties: { feature: 'link' as const, id, from, to, mode: 'rail', gauge: '1520', distance_km: 278.5, hours: 14.4, cost_usd_teu: 48, sources: 'S06;S08', passages: '' },
});
const net = indexNetwork({
  features: [
    pt('KZHOR', 'Altynkol'), pt('KZALA', 'Almaty'), pt('CNHRS', 'Horgos'), pt('KZDOS', 'Dostyk'),
    ln('r-HOR-ALA', 'KZHOR', 'KZALA'), ln('r-HOR-ALA~r', 'KZALA', 'KZHOR'), ln('r-HRS-HOR', 'CNHRS', 'KZHOR'), ln('r-DOS-ALA', 'KZDOS', 'KZALA'),
  ],
});

const answer = (status: number, body: unknown) =>
  vi.fn(async () => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } }));

afterEach(() => vi.unstubAllGlobals());

describe('node and link details', () => {
  it('lists the links at a node once per connection, by the other end', () => {
    expect(linksAt(net, 'KZHOR').map((l) => l.id)).toEqual(['r-HOR-ALA', 'r-HRS-HOR']);
    expect(linksAt(net, 'KZDOS').map((l) => l.id)).toEqual(['r-DOS-ALA']);
    expect(linksAt(net, 'NOPE')).toEqual([]);
  });
  it('builds a partial link from the network map', () => {
    const d = linkFromNetwork(net.links.get('r-HOR-ALA')!, net);
    expect(d).toMatchObject({ fromName: 'Altynkol', toName: 'Almaty', distanceKm: { lo: 278.5, hi: 278.5 }, partial: true });
    expect(d.sources).toEqual([{ key: 'S06' }, { key: 'S08' }]);
  });
  it('uses the service answer when it has one', async () => {
    const fetch = answer(200, { code: 'KZHOR', name: 'Altynkol', kind: 'dry_port', country: 'KZ', operations: [{ kind: 'handling' }] });
    vi.stubGlobal('fetch', fetch);
    const d = await loadNode('KZHOR', net);
    expect(d.partial).toBeUndefined();
    expect(d.operations).toHaveLength(1);
    expect(String((fetch.mock.calls[0] as unknown[])[0])).toBe('/v1/nodes/KZHOR?limit=3');
    await loadNode('KZHOR', net, undefined, '2026-12-20');
    expect(String((fetch.mock.calls[1] as unknown[])[0])).toBe('/v1/nodes/KZHOR?after=2026-12-20&limit=3');
  });
  it('falls back to the network map when the server has no detail endpoint', async () => {
    vi.stubGlobal('fetch', answer(404, { title: 'Not found', detail: 'no resource at /v1/nodes/KZHOR' }));
    expect(await loadNode('KZHOR', net)).toMatchObject({ code: 'KZHOR', timezone: 'Asia/Almaty', partial: true });
    expect(await loadLink('r-HOR-ALA~r', net)).toMatchObject({ from: 'KZALA', to: 'KZHOR', partial: true });
  });
  it('reports an unknown code and other failures', async () => {
    vi.stubGlobal('fetch', answer(404, { title: 'Not found', detail: 'unknown node XXXXX' }));
    await expect(loadNode('XXXXX', net)).rejects.toBeInstanceOf(ApiError);
    vi.stubGlobal('fetch', answer(500, { title: 'Internal error' }));
    await expect(loadNode('KZHOR', net)).rejects.toMatchObject({ status: 500 });
  });
});

describe('sources and passages', () => {
  it('lists each source once, keeping the entry with a title', () => {
    expect(uniqueSources([[{ key: 'S1' }, { key: 'S2', title: 'B' }], undefined, [{ key: 'S1', title: 'A', date: '2025-01-02' }]])).toEqual([
      { key: 'S1', title: 'A', date: '2025-01-02' },
      { key: 'S2', title: 'B' },
    ]);
  });
  it('links addresses stored without a scheme', () => {
    expect(sourceHref('www.railfreight.com/news/x')).toBe('https://www.railfreight.com/news/x');
    expect(sourceHref('http://a.org/b')).toBe('http://a.org/b');
    expect(sourceHref('internal note')).toBeUndefined();
    expect(sourceHref(undefined)).toBeUndefined();
  });
  it("writes source dates in the reader's words, a bare year as it is", () => {
    expect(sourceDate('2024-03-12', 'en')).toBe('12 Mar 2024');
    expect(sourceDate('2026-02', 'en')).toBe('Feb 2026');
    expect(sourceDate('2017', 'en')).toBe('2017');
    expect(sourceDate('2026-02', 'ja')).toBe('2026年2月');
  });
  it('lists services leaving a node first and those ending there last', () => {
    const dep = [{ departure: 'x', depart: '2026-12-07T03:00Z' }];
    const svcs = [
      { id: 'ends', calls: ['CNLYG', 'KZHOR'], nextDepartures: [] },
      { id: 'none', calls: ['KZHOR', 'KZALA'], nextDepartures: [] },
      { id: 'leaves1', calls: ['KZHOR', 'KZALA'], nextDepartures: dep },
      { id: 'leaves2', calls: ['CNHRS', 'KZHOR', 'KZALA'], nextDepartures: dep },
    ];
    expect(servicesInOrder(svcs, 'KZHOR').map((s) => s.id)).toEqual(['leaves1', 'leaves2', 'none', 'ends']);
  });
  it('splits passages written with +, ; or ,', () => {
    expect(passagesOf('suez+babalmandab+malacca')).toEqual(['suez', 'babalmandab', 'malacca']);
    expect(passagesOf(['bosporus', 'dardanelles'])).toEqual(['bosporus', 'dardanelles']);
    expect(passagesOf('')).toEqual([]);
  });
});

// @vitest-environment jsdom
// The panels as a reader sees them, given answers shaped like the service's /v1/nodes/{code} and
// /v1/links/{id}: the figures, their units and the local departure times.
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { render } from 'preact';
import { initI18n } from '../../i18n';
import { indexNetwork } from '../../api/network';
import type { LinkDetail, NodeDetail } from './detail';
import { NodePanel } from './node-panel';
import { LinkPanel } from './link-panel';

const node = (code: string, name: string, lon: number, lat: number) => ({
  type: 'Feature' as const, geometry: { type: 'Point' as const, coordinates: [lon, lat] as [number, number] },
  properties: { feature: 'node' as const, code, name, kind: 'dry_port', country: 'KZ' },
});
const net = indexNetwork({
  features: [
    node('KZHOR', 'Altynkol / KTZE Khorgos Gateway', 80.38, 44.22), node('CNHRS', 'Horgos (China)', 80.83, 44.05), node('KZALA', 'Almaty', 76.9, 43.2),
    { type: 'Feature', geometry: { type: 'LineString', coordinates: [[80.38, 44.22], [76.9, 43.2]] },
      properties: { feature: 'link', id: 'rail-KZHOR-KZALA', from: 'KZHOR', to: 'KZALA', mode: 'rail', gauge: '1520', distance_km: 397, hours: 10.1, cost_usd_teu: 165, sources: 'S16', passages: '' } },
  ],
});

const khorgos: NodeDetail = {
  code: 'KZHOR', name: 'Altynkol / KTZE Khorgos Gateway', kind: 'dry_port', country: 'KZ', timezone: 'Asia/Almaty',
  sources: [{ key: 'S06', title: 'Khorgos Gateway handling time', url: 'www.example.kz/news', date: '2025-03-01' }],
  operations: [
    { kind: 'gauge_change', arrive: 'rail:1435', depart: 'rail:1520', hours: { lo: 1, hi: 5 }, costUsdFeu: { lo: 329, hi: 329 }, costUsdTeu: { lo: 165, hi: 165 },
      capacityTeuPerDay: 5000, cranes: 4, movesPerHour: 30, sources: [{ key: 'S06' }, { key: 'S78', title: 'CAREC CPMM 2020' }] },
    { kind: 'dwell', arrive: 'rail:1435', depart: 'rail:1520', hours: { lo: 18.6, hi: 49.9 } },
  ],
  services: [{
    id: 'RAIL-LYG-HOR', name: 'Lianyungang – Khorgos block train', mode: 'rail', capacityTeu: 82, calls: ['CNHRS', 'KZHOR', 'KZALA'],
    nextDepartures: [{ departure: 'RAIL-LYG-HOR@2026-12-14T00:00Z', depart: '2026-12-14T03:00Z', departLocal: '2026-12-14T08:00+05:00', nextStop: 'KZALA', freeTeu: 80, capacityTeu: 82 }],
  }],
};

const link: LinkDetail = {
  id: 'rail-KZHOR-KZALA', from: 'KZHOR', to: 'KZALA', fromName: 'Altynkol / KTZE Khorgos Gateway', toName: 'Almaty', mode: 'rail', gauge: '1520',
  distanceKm: { lo: 380, hi: 397 }, distanceBasis: 'gc*1.25', hours: { lo: 10.1, hi: 10.1 }, costUsdTeu: { lo: 165, hi: 165 }, costUsdFeu: { lo: 300, hi: 330 },
  co2eKgPerTeu: 97.4, co2eTtwKgPerTeu: 12, emissionFactor: { id: 'rail-diesel', description: 'Diesel rail, Kazakhstan', wtwGPerTkm: 22.1, ttwGPerTkm: 17.5 },
  passages: '', sources: [{ key: 'S16', title: 'KTZ tariff 2024', url: 'ktz.kz/tariffs', date: '2024-01-15' }],
};

beforeAll(async () => {
  await initI18n('en');
});

const mount = (el: preact.JSX.Element) => {
  const box = document.createElement('div');
  render(el, box);
  return box;
};
const text = (box: Element, id: string) => box.querySelector(`[data-testid="${id}"]`)?.textContent?.replace(/\s+/g, ' ') ?? '';

describe('node panel', () => {
  it('shows operations with times, costs and equipment, and the departures in local time', () => {
    const box = mount(<NodePanel node={khorgos} net={net} onSelect={() => undefined} />);
    const ops = text(box, 'node-operations');
    expect(ops).toMatch(/Gauge change/);
    expect(ops).toMatch(/Rail 1,435 mm → Rail 1,520 mm/);
    expect(ops).toMatch(/1–5 hr/);
    expect(ops).toMatch(/US\$329/);
    expect(ops).toMatch(/US\$165 per TEU/);
    expect(ops).toMatch(/4 cranes · 30 moves\/h · 5,000 TEU\/day/);
    expect(ops).toMatch(/Expected wait/);
    const dep = text(box, 'node-departure');
    expect(dep).toMatch(/14 Dec/);
    expect(dep).toMatch(/08:00/); // 03:00 UTC at Khorgos
    expect(dep).toMatch(/Almaty/);
    expect(dep).toMatch(/80 \/ 82/);
    // the calls list: this node marked, the others selectable
    expect(box.querySelector('.calls [aria-current="location"]')?.textContent).toBe('Altynkol / KTZE Khorgos Gateway');
    expect(text(box, 'node-sources')).toMatch(/S06 Khorgos Gateway handling time · 1 Mar 2025/);
    expect(text(box, 'node-sources')).toMatch(/S78 CAREC CPMM 2020/);
    expect(box.querySelector('[data-testid="node-sources"] a')?.getAttribute('href')).toBe('https://www.example.kz/news');
  });
  it('selects a link or another node from the panel', () => {
    const onSelect = vi.fn();
    const box = mount(<NodePanel node={khorgos} net={net} onSelect={onSelect} />);
    (box.querySelector('[data-testid="node-links"] button') as HTMLButtonElement).click();
    expect(onSelect).toHaveBeenLastCalledWith({ type: 'link', id: 'rail-KZHOR-KZALA' });
    (box.querySelector('.calls button') as HTMLButtonElement).click();
    expect(onSelect).toHaveBeenLastCalledWith({ type: 'node', code: 'CNHRS' });
  });
  it('says what is missing when it knows only the map', () => {
    const box = mount(<NodePanel node={{ code: 'KZHOR', name: 'Altynkol', kind: 'dry_port', country: 'KZ', partial: true }} net={net} onSelect={() => undefined} />);
    expect(text(box, 'partial')).toMatch(/no node details/);
    expect(box.querySelector('[data-testid="node-operations"]')).toBeNull();
  });
});

describe('link panel', () => {
  it('shows distance, time, cost, emissions and sources', () => {
    const box = mount(<LinkPanel link={link} onSelect={() => undefined} />);
    expect(text(box, 'link-distance')).toMatch(/380–397 km/);
    expect(text(box, 'link-distance')).toMatch(/gc\*1\.25/);
    expect(text(box, 'link-time')).toMatch(/10\.1 hr/);
    expect(text(box, 'link-cost')).toMatch(/US\$165 per TEU/);
    expect(text(box, 'link-cost')).toMatch(/US\$300–(US\$)?330 per FEU/);
    expect(text(box, 'link-emissions')).toMatch(/97 kg CO₂e well-to-wheel/);
    expect(text(box, 'link-emissions')).toMatch(/12 kg CO₂e tank-to-wheel/);
    expect(text(box, 'link-sources')).toMatch(/S16 KTZ tariff 2024 · 15 Jan 2024/);
    expect(box.textContent).toMatch(/22\.1 g\/t·km well-to-wheel, 17\.5 g\/t·km tank-to-wheel/);
  });
});

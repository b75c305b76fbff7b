// The network as the service draws it (GET /v1/network.geojson), loaded once per page and indexed
// by node code and link id: the map draws it, and itineraries are drawn from their links' shapes.
import { get } from './client';

export interface NodeProps {
  feature: 'node';
  code: string;
  name: string;
  kind: string; // seaport, dry_port, rail_terminal, border_crossing, hub
  country: string;
  timezone?: string;
}
export interface LinkProps {
  feature: 'link';
  id: string;
  from: string;
  to: string;
  mode: string; // sea, feeder, rail, road, ...
  gauge: string | null; // 1435, 1520, ... for rail
  distance_km: number;
  hours: number;
  cost_usd_teu: number;
  sources: string;
  passages: string;
}
export type LngLat = [number, number];
export interface NetworkNode extends NodeProps {
  lat: number;
  lon: number;
}
export interface NetworkLink extends LinkProps {
  coords: LngLat[]; // [lon, lat] as GeoJSON
}
export interface Network {
  nodes: Map<string, NetworkNode>;
  links: Map<string, NetworkLink>;
}

interface Feature {
  type: 'Feature';
  geometry: { type: 'Point'; coordinates: LngLat } | { type: 'LineString'; coordinates: LngLat[] };
  properties: NodeProps | LinkProps;
}

export function indexNetwork(geojson: { features: Feature[] }): Network {
  const nodes = new Map<string, NetworkNode>();
  const links = new Map<string, NetworkLink>();
  for (const f of geojson.features) {
    if (f.properties.feature === 'node' && f.geometry.type === 'Point') {
      const [lon, lat] = f.geometry.coordinates;
      nodes.set(f.properties.code, { ...f.properties, lat, lon });
    } else if (f.properties.feature === 'link' && f.geometry.type === 'LineString') {
      links.set(f.properties.id, { ...f.properties, coords: f.geometry.coordinates });
    }
  }
  return { nodes, links };
}

let loading: Promise<Network> | null = null;
export function loadNetwork(): Promise<Network> {
  loading ??= get<{ features: Feature[] }>('/v1/network.geojson').then(indexNetwork);
  loading.catch(() => (loading = null)); // a failed load is tried again next time
  return loading;
}

// The shape of a leg from `from` to `to` over `linkId`, in travel order (a link is stored in
// one direction and ridden in both). Falls back to the straight line between the nodes.
export function legShape(net: Network, linkId: string | null | undefined, from: string, to: string): LngLat[] {
  const link = linkId ? net.links.get(linkId) : undefined;
  if (link && link.coords.length >= 2) {
    return link.from === to && link.to === from ? [...link.coords].reverse() : link.coords;
  }
  const a = net.nodes.get(from), b = net.nodes.get(to);
  return a && b ? [[a.lon, a.lat], [b.lon, b.lat]] : [];
}

// The chokepoints a link passes ("suez+bab_el_mandeb" → two names).
export function linkPassages(l: Pick<LinkProps, 'passages'>): string[] {
  return (l.passages || '').split('+').filter(Boolean);
}

// One link of a chain as it is ridden: from `from` to `to` (a link is stored one way).
export interface Ride {
  link: NetworkLink;
  from: string;
  to: string;
}

// Dijkstra by distance from `from` to `to` over the links `allowed` accepts, each ridden either
// way; the rides in travel order ([] when from = to), or null when there is no way. The network
// is small (a few hundred links): a linear scan for the nearest open node is enough.
export function shortestLinks(net: Network, from: string, to: string, allowed: (l: NetworkLink) => boolean): Ride[] | null {
  if (from === to) return [];
  const out = new Map<string, NetworkLink[]>();
  const add = (n: string, l: NetworkLink) => (out.get(n) ?? out.set(n, []).get(n)!).push(l);
  for (const l of net.links.values()) {
    if (!allowed(l)) continue;
    add(l.from, l);
    add(l.to, l);
  }
  const dist = new Map<string, number>([[from, 0]]);
  const prev = new Map<string, { link: NetworkLink; from: string }>();
  const done = new Set<string>();
  for (;;) {
    let u: string | null = null;
    for (const [n, d] of dist) if (!done.has(n) && (u === null || d < dist.get(u)!)) u = n;
    if (u === null) return null;
    if (u === to) break;
    done.add(u);
    for (const l of out.get(u) ?? []) {
      const v = l.from === u ? l.to : l.from;
      const d = dist.get(u)! + Math.max(l.distance_km || 0, 0.001);
      if (!dist.has(v) || d < dist.get(v)!) {
        dist.set(v, d);
        prev.set(v, { link: l, from: u });
      }
    }
  }
  const path: Ride[] = [];
  for (let n = to; n !== from; ) {
    const p = prev.get(n)!;
    path.unshift({ link: p.link, from: p.from, to: n });
    n = p.from;
  }
  return path;
}

// The line of a chain of rides, each link's shape turned the way it is ridden.
export function chainShape(rides: Ride[]): LngLat[] {
  const coords: LngLat[] = [];
  for (const r of rides) {
    const c = r.link.from === r.from ? r.link.coords : [...r.link.coords].reverse();
    coords.push(...(coords.length ? c.slice(1) : c));
  }
  return coords;
}

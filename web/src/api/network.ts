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

// What the network view shows about one node or one link: the service's detail answers
// (GET /v1/nodes/{code}, GET /v1/links/{id}) and, when a server does not have them (an older
// binary: 404/405), the little that /v1/network.geojson already says, marked as `partial`.
import { ApiError, get } from '../../api/client';
import type { Network, NetworkLink, NetworkNode } from '../../api/network';

// A figure the dataset stores as a range; lo == hi when it has one value.
export interface Range {
  lo?: number | null;
  hi?: number | null;
  value?: number | null; // the figure the planner uses, within lo..hi
}
export interface SourceRef {
  key: string;
  title?: string;
  url?: string;
  date?: string;
  note?: string;
}
export interface Operation {
  kind: string; // handling, gauge_change, border, dwell
  arrive?: string; // "start", "sea", "rail:1435"...
  depart?: string;
  hours?: Range | null;
  costUsdTeu?: Range | null;
  costUsdFeu?: Range | null;
  hubKgCo2ePerT?: number | null;
  capacityTeuPerDay?: number | null;
  movesPerHour?: number | null;
  cranes?: number | null;
  sources?: SourceRef[];
  note?: string;
}
export interface Departure {
  departure: string; // "SVC@2026-12-14T00:00Z": the key of the load list
  depart: string; // UTC instant
  departLocal?: string; // the same instant at the node's offset
  nextStop?: string;
  freeTeu?: number | null;
  capacityTeu?: number | null;
}
export interface ServiceAtNode {
  id: string;
  name?: string;
  mode?: string;
  capacityTeu?: number | null;
  calls?: string[];
  nextDepartures?: Departure[];
  gauge?: string | null;
  operator?: string;
}
export interface NodeDetail {
  code: string;
  name: string;
  kind: string;
  country: string;
  timezone?: string;
  lat?: number;
  lon?: number;
  aliases?: string[];
  note?: string;
  sources?: SourceRef[];
  operations?: Operation[];
  services?: ServiceAtNode[];
  partial?: boolean; // built from the network map only: no operations or services known
}
export interface EmissionFactor {
  id: string;
  description?: string;
  wtwGPerTkm?: number | null;
  ttwGPerTkm?: number | null;
}
export interface LinkDetail {
  id: string;
  from: string;
  to: string;
  fromName?: string;
  toName?: string;
  mode: string;
  gauge?: string | null;
  distanceKm?: Range | null;
  distanceBasis?: string;
  hours?: Range | null;
  costUsdTeu?: Range | null;
  costUsdFeu?: Range | null;
  speedKnots?: number | null;
  capacityTeuPerDay?: number | null;
  co2eKgPerTeu?: number | null;
  co2eTtwKgPerTeu?: number | null;
  emissionFactor?: EmissionFactor | null;
  passages?: string | string[];
  note?: string;
  sources?: SourceRef[];
  partial?: boolean;
}

const one = (x: number | undefined | null): Range | null => (x === undefined || x === null ? null : { lo: x, hi: x, value: x });
const keys = (text: string | undefined): SourceRef[] =>
  (text ?? '')
    .split(/[;,\s]+/)
    .filter(Boolean)
    .map((key) => ({ key }));

// The node as the network map knows it.
export function nodeFromNetwork(node: NetworkNode): NodeDetail {
  return {
    code: node.code, name: node.name, kind: node.kind, country: node.country, timezone: node.timezone,
    lat: node.lat, lon: node.lon, partial: true,
  };
}

// The link as the network map knows it: one figure per quantity, source keys without titles.
export function linkFromNetwork(link: NetworkLink, net?: Network | null): LinkDetail {
  return {
    id: link.id, from: link.from, to: link.to,
    fromName: net?.nodes.get(link.from)?.name, toName: net?.nodes.get(link.to)?.name,
    mode: link.mode, gauge: link.gauge,
    distanceKm: one(link.distance_km), hours: one(link.hours), costUsdTeu: one(link.cost_usd_teu),
    passages: link.passages || undefined, sources: keys(link.sources), partial: true,
  };
}

// The links that start or end at `code`, one per pair of nodes (a link and its reverse "~r" are
// one connection), ordered by the other end's name.
export function linksAt(net: Network, code: string): NetworkLink[] {
  const seen = new Set<string>();
  const out: NetworkLink[] = [];
  for (const l of net.links.values()) {
    if (l.from !== code && l.to !== code) continue;
    const base = l.id.replace(/~r$/, '');
    if (seen.has(base)) continue;
    seen.add(base);
    out.push(l);
  }
  const other = (l: NetworkLink) => (l.from === code ? l.to : l.from);
  const name = (c: string) => net.nodes.get(c)?.name ?? c;
  return out.sort((a, b) => name(other(a)).localeCompare(name(other(b))) || a.id.localeCompare(b.id));
}

// A server without the detail endpoints answers 404 (no such route) or 405; a node or link it
// does not know is also a 404, which the caller tells apart by the map knowing it or not.
const missingEndpoint = (e: unknown) => e instanceof ApiError && (e.status === 404 || e.status === 405 || e.status === 501);

// `after`: departures from this date (YYYY-MM-DD, local at the node) or instant; default now.
export async function loadNode(code: string, net: Network | null, signal?: AbortSignal, after?: string): Promise<NodeDetail> {
  try {
    return await get<NodeDetail>(`/v1/nodes/${encodeURIComponent(code)}`, { after, limit: 3 }, signal);
  } catch (e) {
    const known = net?.nodes.get(code);
    if (known && missingEndpoint(e)) return nodeFromNetwork(known);
    throw e;
  }
}

export async function loadLink(id: string, net: Network | null, signal?: AbortSignal): Promise<LinkDetail> {
  try {
    return await get<LinkDetail>(`/v1/links/${encodeURIComponent(id)}`, {}, signal);
  } catch (e) {
    const known = net?.links.get(id);
    if (known && missingEndpoint(e)) return linkFromNetwork(known, net);
    throw e;
  }
}

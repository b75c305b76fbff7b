// An itinerary's legs as lines on the map. A leg that names its link is drawn with the link's
// shape (legShape). A ride on a timetabled service names only the service; it runs through the
// itinerary's `via` nodes between its ends, and each hop is drawn with the network link joining
// them whose sea passages the leg takes (the Cape, not Suez, when the leg says so). When no such
// link exists the shortest chain of fitting links of the same kind (sea or land) is drawn, and
// failing that a straight line. A link re-routed around a closed passage (avoid=suez) is drawn
// the same way, by the passages the leg says it takes. Places off the network (door-to-door ends) are given by `places`.
import { chainShape, legShape, linkPassages, shortestLinks, type LngLat, type Network, type NetworkLink, type Ride } from '../../api/network';
import type { Itinerary, Step } from './types';

export type Places = Map<string, { lat: number; lon: number; name?: string }>;

const SEA = new Set(['sea', 'deep_sea', 'feeder', 'ferry', 'short_sea']);
const family = (mode: string | null | undefined) => (mode && SEA.has(mode) ? 'sea' : 'land');
const fits = (l: NetworkLink, allowed: Set<string>) => linkPassages(l).every((p) => allowed.has(p));

// Links by their (unordered) pair of ends.
function pairKey(a: string, b: string): string {
  return a < b ? `${a}|${b}` : `${b}|${a}`;
}
const pairIndex = new WeakMap<Network, Map<string, NetworkLink[]>>();
function linksBetween(net: Network, a: string, b: string): NetworkLink[] {
  let idx = pairIndex.get(net);
  if (!idx) {
    idx = new Map();
    for (const l of net.links.values()) {
      const k = pairKey(l.from, l.to);
      if (!idx.has(k)) idx.set(k, []);
      idx.get(k)!.push(l);
    }
    pairIndex.set(net, idx);
  }
  return idx.get(pairKey(a, b)) ?? [];
}

// Shortest chain of links from a to b by distance, over links of the leg's kind (sea or land)
// whose passages the leg takes.
export function chainOfLinks(net: Network, a: string, b: string, mode: string | null | undefined, passages: string[]): Ride[] | null {
  const allowed = new Set(passages);
  const fam = family(mode);
  return shortestLinks(net, a, b, (l) => family(l.mode) === fam && fits(l, allowed));
}

function point(net: Network, places: Places, code: string): LngLat | null {
  const n = net.nodes.get(code) ?? places.get(code);
  return n ? [n.lon, n.lat] : null;
}

// One hop a -> b of a leg.
function hop(net: Network, places: Places, a: string, b: string, step: Step): LngLat[] {
  const allowed = new Set(step.passages ?? []);
  const fam = family(step.mode);
  const direct = linksBetween(net, a, b).filter((l) => family(l.mode) === fam && fits(l, allowed));
  if (direct.length) {
    // of several, the one with the most of the leg's passages (the leg's own way round)
    direct.sort((x, y) => linkPassages(y).length - linkPassages(x).length);
    return legShape(net, direct[0].id, a, b);
  }
  const chain = chainOfLinks(net, a, b, step.mode, step.passages ?? []);
  if (chain && chain.length) return chainShape(chain);
  const p = point(net, places, a), q = point(net, places, b);
  return p && q ? [p, q] : [];
}

// The nodes a leg passes, in order: its ends and the itinerary's via nodes between them.
export function legNodes(it: Itinerary, step: Step): string[] {
  const i = it.via.indexOf(step.from);
  const j = it.via.indexOf(step.to, i + 1);
  return i >= 0 && j > i ? it.via.slice(i, j + 1) : [step.from, step.to];
}

// Each leg of the itinerary as one line (a list of [lon, lat]).
export function itineraryLines(net: Network, it: Itinerary, places: Places = new Map()): { step: Step; coords: LngLat[] }[] {
  const out: { step: Step; coords: LngLat[] }[] = [];
  for (const step of it.steps) {
    if (step.kind !== 'leg') continue;
    let coords: LngLat[];
    const link = step.link ? net.links.get(step.link) : undefined;
    // a link re-routed around a closed passage is ridden the other way round: its stored shape
    // (through the passage) is not where the box goes, the step's passages are
    if (link && (!step.passages || fits(link, new Set(step.passages)))) {
      coords = legShape(net, link.id, step.from, step.to);
    } else {
      const nodes = legNodes(it, step);
      coords = [];
      for (let k = 0; k + 1 < nodes.length; k++) {
        const part = hop(net, places, nodes[k], nodes[k + 1], step);
        coords.push(...(coords.length ? part.slice(1) : part));
      }
    }
    if (coords.length >= 2) out.push({ step, coords });
  }
  return out;
}

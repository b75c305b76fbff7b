// The shape of a container's leg on the map. Events name only the places where the box is
// handled (Busan, Tianjin, Zamyn-Uud), not the links between, so a leg is drawn along the
// shortest way over the network's links of the ride's mode (a train follows rail links, a ship
// sea lanes, through the chokepoints it passes); when the network has no such way, along any
// links; else as a straight line.
import type { LngLat, Network, NetworkLink } from '../../api/network';

// DCSA modeOfTransport → the network's link modes.
const MODES: Record<string, string[]> = {
  VESSEL: ['deep_sea', 'feeder', 'ferry', 'sea'],
  RAIL: ['rail'],
  TRUCK: ['road'],
  BARGE: ['inland_water'],
};

// Dijkstra over links (by distance) from `from` to `to` using links `allowed` accepts; the links
// in travel order, or null when there is no way.
export function shortestLinks(net: Network, from: string, to: string, allowed: (l: NetworkLink) => boolean): { link: NetworkLink; from: string; to: string }[] | null {
  if (from === to) return [];
  const out = new Map<string, NetworkLink[]>();
  for (const l of net.links.values()) {
    if (!allowed(l)) continue;
    (out.get(l.from) ?? out.set(l.from, []).get(l.from)!).push(l);
    // A link may be stored one way only; travel it both ways.
    (out.get(l.to) ?? out.set(l.to, []).get(l.to)!).push(l);
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
  const path: { link: NetworkLink; from: string; to: string }[] = [];
  for (let n = to; n !== from; ) {
    const p = prev.get(n)!;
    path.unshift({ link: p.link, from: p.from, to: n });
    n = p.from;
  }
  return path;
}

function shapeOf(steps: { link: NetworkLink; from: string; to: string }[]): LngLat[] {
  const coords: LngLat[] = [];
  for (const s of steps) {
    const c = s.link.from === s.from ? s.link.coords : [...s.link.coords].reverse();
    coords.push(...(coords.length ? c.slice(1) : c));
  }
  return coords;
}

// The chokepoints a link passes ("suez+babalmandab+malacca" → three names).
export function linkPassages(l: Pick<NetworkLink, 'passages'>): string[] {
  return (l.passages || '').split('+').filter(Boolean);
}

// `passages`: the chokepoints the ride passes, when known (a routes answer says them): then only
// links passing no other chokepoint are taken, so that a ship round the Cape is not drawn
// through Suez.
export function legPath(net: Network, from: string, to: string, mode: string | undefined, passages?: string[]): LngLat[] {
  const modes = mode ? MODES[mode] : undefined;
  const through = (l: NetworkLink) => !passages || linkPassages(l).every((p) => passages.includes(p));
  const byMode = modes ? shortestLinks(net, from, to, (l) => modes.includes(l.mode) && through(l)) ?? shortestLinks(net, from, to, (l) => modes.includes(l.mode)) : null;
  const any = byMode ?? shortestLinks(net, from, to, () => true);
  if (any && any.length) return shapeOf(any);
  const a = net.nodes.get(from), b = net.nodes.get(to);
  return a && b ? [[a.lon, a.lat], [b.lon, b.lat]] : [];
}

// A network link mode ("feeder", "rail") as the DCSA mode of transport the events use.
export function dcsaMode(networkMode: string | null | undefined): string | undefined {
  if (!networkMode) return undefined;
  const m = Object.entries(MODES).find(([, modes]) => modes.includes(networkMode));
  return m?.[0];
}

// The shape of a container's leg on the map. Events name only the places where the box is
// handled (Busan, Tianjin, Zamyn-Uud), not the links between, so a leg is drawn along the
// shortest way over the network's links of the ride's mode (a train follows rail links, a ship
// sea lanes, through the chokepoints it passes); when the network has no such way, along any
// links; else as a straight line.
import { chainShape, linkPassages, shortestLinks, type LngLat, type Network, type NetworkLink } from '../../api/network';

// DCSA modeOfTransport → the network's link modes.
const MODES: Record<string, string[]> = {
  VESSEL: ['deep_sea', 'feeder', 'ferry', 'sea'],
  RAIL: ['rail'],
  TRUCK: ['road'],
  BARGE: ['inland_water'],
};

// `passages`: the chokepoints the ride passes, when known (a routes answer says them): then only
// links passing no other chokepoint are taken, so that a ship round the Cape is not drawn
// through Suez.
export function legPath(net: Network, from: string, to: string, mode: string | undefined, passages?: string[]): LngLat[] {
  const modes = mode ? MODES[mode] : undefined;
  const through = (l: NetworkLink) => !passages || linkPassages(l).every((p) => passages.includes(p));
  const byMode = modes ? shortestLinks(net, from, to, (l) => modes.includes(l.mode) && through(l)) ?? shortestLinks(net, from, to, (l) => modes.includes(l.mode)) : null;
  const any = byMode ?? shortestLinks(net, from, to, () => true);
  if (any && any.length) return chainShape(any);
  const a = net.nodes.get(from), b = net.nodes.get(to);
  return a && b ? [[a.lon, a.lat], [b.lon, b.lat]] : [];
}

// A network link mode ("feeder", "rail") as the DCSA mode of transport the events use.
export function dcsaMode(networkMode: string | null | undefined): string | undefined {
  if (!networkMode) return undefined;
  const m = Object.entries(MODES).find(([, modes]) => modes.includes(networkMode));
  return m?.[0];
}

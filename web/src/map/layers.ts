// The network's layers as the legend lists them: one per node kind ("node:seaport") and one per
// link mode, rail split by gauge ("link:rail-1520"), each with how many features it holds. A link
// and its reverse twin ("...~r") are one connection and drawn once.
import type { Network, NetworkLink } from '../api/network';
import { linkLayer } from './style';

const NODE_ORDER = ['seaport', 'dry_port', 'rail_terminal', 'border_crossing', 'hub'];
const LINK_ORDER = ['deep_sea', 'sea', 'feeder', 'ferry', 'rail-1435', 'rail-1520', 'rail', 'road', 'inland_water', 'air'];

export interface LayerInfo {
  name: string; // "node:seaport", "link:rail-1520"
  group: 'node' | 'link';
  key: string; // "seaport", "rail-1520"
  count: number;
}

// True for the reverse twin of a link the network also holds in the other direction.
export function isReverseTwin(l: Pick<NetworkLink, 'id'>, net: Pick<Network, 'links'>): boolean {
  return l.id.endsWith('~r') && net.links.has(l.id.slice(0, -2));
}

const rank = (order: string[], key: string) => {
  const i = order.indexOf(key);
  return i < 0 ? order.length : i;
};

export function networkLayers(net: Network): LayerInfo[] {
  const counts = new Map<string, number>();
  for (const n of net.nodes.values()) counts.set(`node:${n.kind}`, (counts.get(`node:${n.kind}`) ?? 0) + 1);
  for (const l of net.links.values()) {
    if (isReverseTwin(l, net)) continue;
    const name = `link:${linkLayer(l)}`;
    counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  const out: LayerInfo[] = [...counts].map(([name, count]) => {
    const [group, key] = name.split(':') as ['node' | 'link', string];
    return { name, group, key, count };
  });
  return out.sort((a, b) =>
    a.group !== b.group
      ? (a.group === 'node' ? -1 : 1)
      : rank(a.group === 'node' ? NODE_ORDER : LINK_ORDER, a.key) - rank(a.group === 'node' ? NODE_ORDER : LINK_ORDER, b.key) || a.key.localeCompare(b.key),
  );
}

// The node finder of the network view (the keyboard's way to what the map shows): codes that
// start with the query first, then names that contain it, each group by name.
import type { NetworkNode } from '../../api/network';

export function matchNodes(nodes: Iterable<NetworkNode>, query: string, limit = 8): NetworkNode[] {
  const q = query.trim().toLowerCase();
  if (!q) return [];
  const byCode: NetworkNode[] = [], byName: NetworkNode[] = [];
  for (const n of nodes) {
    if (n.code.toLowerCase().startsWith(q)) byCode.push(n);
    else if (n.name.toLowerCase().includes(q)) byName.push(n);
  }
  const byNameOrder = (a: NetworkNode, b: NetworkNode) => a.name.localeCompare(b.name) || a.code.localeCompare(b.code);
  return [...byCode.sort(byNameOrder), ...byName.sort(byNameOrder)].slice(0, limit);
}

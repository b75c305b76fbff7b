// The selection drawn over the network: a node with its links, or a link with its two ends,
// thicker than the rest and labelled; clicking a highlighted link or node selects it.
import type { Network } from '../../api/network';
import type { Overlay, Selection } from '../../map/mapview';
import { linkColour, nodeColour } from '../../map/style';
import { linksAt } from './detail';

export function selectionOverlay(net: Network, sel: Selection, onSelect: (s: Selection) => void): Overlay | null {
  const point = (code: string, main: boolean) => {
    const n = net.nodes.get(code);
    return n
      ? [{
          lat: n.lat, lon: n.lon, color: nodeColour(n.kind), radius: main ? 9 : 6, tooltip: n.name, permanentLabel: true,
          className: main ? 'lb-selected lb-selected-node' : 'lb-selected-end', onClick: () => onSelect({ type: 'node', code }),
        }]
      : [];
  };
  if (sel.type === 'node') {
    if (!net.nodes.has(sel.code)) return null;
    return {
      lines: linksAt(net, sel.code).map((l) => ({
        coords: l.coords, color: linkColour(l), weight: 5, opacity: 0.95, className: 'lb-selected-link',
        onClick: () => onSelect({ type: 'link', id: l.id }),
      })),
      points: point(sel.code, true),
    };
  }
  const l = net.links.get(sel.id);
  if (!l) return null;
  return {
    lines: [{ coords: l.coords, color: linkColour(l), weight: 7, opacity: 1, className: 'lb-selected lb-selected-link' }],
    points: [...point(l.from, false), ...point(l.to, false)],
  };
}

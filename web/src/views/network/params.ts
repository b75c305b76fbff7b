// The network view's part of the URL: the selected node (`node=KZHOR`) or link
// (`link=rail-CNLYG-CNZGZ`), and the layers the reader switched off (`hide=link:feeder,node:hub`),
// so that a shared link opens the same panel over the same map.
import type { Params } from '../../state/url';
import type { Selection } from '../../map/mapview';

export function selectionOf(p: Params): Selection | null {
  if (p.node) return { type: 'node', code: p.node };
  if (p.link) return { type: 'link', id: p.link };
  return null;
}

// The URL patch for a new selection (null clears it); the other kind is removed.
// The departure date (`after`) belongs to the node it was chosen at and goes with it.
export function selectionPatch(s: Selection | null): Record<string, string | undefined> {
  return { node: s?.type === 'node' ? s.code : undefined, link: s?.type === 'link' ? s.id : undefined, after: undefined };
}

export function hiddenOf(p: Params): Set<string> {
  return new Set((p.hide ?? '').split(',').map((x) => x.trim()).filter(Boolean));
}

// The `hide` value after switching `layer` on or off; sorted so one state has one link.
export function hidePatch(hidden: Set<string>, layer: string, visible: boolean): string | undefined {
  const next = new Set(hidden);
  if (visible) next.delete(layer);
  else next.add(layer);
  return next.size ? [...next].sort().join(',') : undefined;
}

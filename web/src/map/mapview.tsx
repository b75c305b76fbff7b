// The one map of the page. Every view draws on it through mapApi(): the network is always there
// (muted while a view shows its own overlay), each view adds named overlays (the itineraries of a
// search, a container's journey), and a click on a node or link is reported to whoever listens.
import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import { useEffect, useRef } from 'preact/hooks';
import { loadNetwork, type LngLat, type Network } from '../api/network';
import { addBasemap } from './basemap';
import { linkColour, linkLayer, nodeColour } from './style';

export interface OverlayLine {
  coords: LngLat[]; // [lon, lat]
  color: string;
  weight?: number;
  dash?: string; // SVG dash array: planned legs dashed, travelled solid
  opacity?: number;
  tooltip?: string;
  onClick?: () => void;
}
export interface OverlayPoint {
  lat: number;
  lon: number;
  color: string;
  radius?: number;
  tooltip?: string;
  permanentLabel?: boolean;
  onClick?: () => void;
}
export interface Overlay {
  lines?: OverlayLine[];
  points?: OverlayPoint[];
}
export type Selection = { type: 'node'; code: string } | { type: 'link'; id: string };

export interface MapApi {
  // Draws (or with null removes) a named overlay; `fit` zooms to it.
  setOverlay(id: string, overlay: Overlay | null, fit?: boolean): void;
  fitTo(coords: LngLat[]): void;
  // Network layers by name: node kinds ("node:seaport") and link layers ("link:rail-1520").
  setLayerVisible(layer: string, visible: boolean): void;
  layerNames(): string[];
  setNetworkMuted(muted: boolean): void;
  onSelect(handler: (s: Selection) => void): () => void;
  invalidateSize(): void;
  network(): Network | null;
}

let api: MapApi | null = null;
const waiting: ((a: MapApi) => void)[] = [];
// The map's handle once it exists (views may render before it).
export function whenMap(): Promise<MapApi> {
  return api ? Promise.resolve(api) : new Promise((r) => waiting.push(r));
}
export function mapApi(): MapApi | null {
  return api;
}

const toLatLng = (c: LngLat): L.LatLngTuple => [c[1], c[0]];

function createApi(map: L.Map): MapApi {
  const overlays = new Map<string, L.LayerGroup>();
  const layers = new Map<string, L.LayerGroup>();
  const handlers = new Set<(s: Selection) => void>();
  let net: Network | null = null;
  const select = (s: Selection) => handlers.forEach((h) => h(s));

  loadNetwork().then((n) => {
    net = n;
    const group = (name: string) => {
      let g = layers.get(name);
      if (!g) {
        g = L.layerGroup().addTo(map);
        layers.set(name, g);
      }
      return g;
    };
    for (const l of n.links.values()) {
      L.polyline(l.coords.map(toLatLng), { color: linkColour(l), weight: 2.5, opacity: 0.75, pane: 'network' })
        .bindTooltip(`${l.from} – ${l.to} (${l.mode}${l.gauge ? ` ${l.gauge} mm` : ''})`, { sticky: true })
        .on('click', () => select({ type: 'link', id: l.id }))
        .addTo(group(`link:${linkLayer(l)}`));
    }
    for (const node of n.nodes.values()) {
      L.circleMarker([node.lat, node.lon], {
        radius: 4.5, color: '#fff', weight: 1.2, fillColor: nodeColour(node.kind), fillOpacity: 1, pane: 'nodes',
      })
        .bindTooltip(`${node.name} (${node.code})`)
        .on('click', () => select({ type: 'node', code: node.code }))
        .addTo(group(`node:${node.kind}`));
    }
  });

  return {
    setOverlay(id, overlay, fit = false) {
      overlays.get(id)?.remove();
      overlays.delete(id);
      if (!overlay) return;
      const g = L.layerGroup();
      const all: LngLat[] = [];
      for (const line of overlay.lines ?? []) {
        if (line.coords.length < 2) continue;
        const pl = L.polyline(line.coords.map(toLatLng), {
          color: line.color, weight: line.weight ?? 4, opacity: line.opacity ?? 0.9, dashArray: line.dash, pane: 'overlay',
        });
        if (line.tooltip) pl.bindTooltip(line.tooltip, { sticky: true });
        if (line.onClick) pl.on('click', line.onClick);
        pl.addTo(g);
        all.push(...line.coords);
      }
      for (const p of overlay.points ?? []) {
        const m = L.circleMarker([p.lat, p.lon], {
          radius: p.radius ?? 6, color: '#fff', weight: 1.5, fillColor: p.color, fillOpacity: 1, pane: 'overlayPoints',
        });
        if (p.tooltip) m.bindTooltip(p.tooltip, { permanent: p.permanentLabel ?? false, direction: 'top' });
        if (p.onClick) m.on('click', p.onClick);
        m.addTo(g);
        all.push([p.lon, p.lat]);
      }
      g.addTo(map);
      overlays.set(id, g);
      if (fit && all.length) this.fitTo(all);
    },
    fitTo(coords) {
      if (!coords.length) return;
      map.fitBounds(L.latLngBounds(coords.map(toLatLng)), { padding: [24, 24], maxZoom: 7 });
    },
    setLayerVisible(name, visible) {
      const g = layers.get(name);
      if (!g) return;
      visible ? g.addTo(map) : g.remove();
    },
    layerNames: () => [...layers.keys()].sort(),
    setNetworkMuted(muted) {
      map.getPane('network')!.style.opacity = muted ? '0.25' : '1';
      map.getPane('nodes')!.style.opacity = muted ? '0.35' : '1';
    },
    onSelect(h) {
      handlers.add(h);
      return () => handlers.delete(h);
    },
    invalidateSize: () => map.invalidateSize(),
    network: () => net,
  };
}

export function MapView() {
  const el = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const map = L.map(el.current!, { worldCopyJump: false, minZoom: 2, maxZoom: 10, zoomSnap: 0.5, attributionControl: true });
    map.attributionControl.setPrefix(false).addAttribution('Natural Earth (world-atlas)');
    for (const [pane, z] of [['basemap', 200], ['network', 400], ['nodes', 450], ['overlay', 500], ['overlayPoints', 550]] as const) {
      map.createPane(pane).style.zIndex = String(z);
    }
    map.setView([45, 75], 3);
    addBasemap(map).catch(() => undefined);
    api = createApi(map);
    waiting.splice(0).forEach((w) => w(api!));
    const ro = new ResizeObserver(() => map.invalidateSize());
    ro.observe(el.current!);
    return () => {
      ro.disconnect();
      map.remove();
      api = null;
    };
  }, []);
  return <div ref={el} class="map" data-testid="map" role="region" aria-label="map" />;
}

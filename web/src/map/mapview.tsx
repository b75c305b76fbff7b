// The one map of the page. Every view draws on it through mapApi(): the network is always there
// (muted while a view shows its own overlay), each view adds named overlays (the itineraries of a
// search, a container's journey), and a click on a node or link is reported to whoever listens.
import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import { useEffect, useRef } from 'preact/hooks';
import { loadNetwork, type LngLat, type Network } from '../api/network';
import { addBasemap } from './basemap';
import { isReverseTwin } from './layers';
import { i18next, useT } from '../i18n';
import { linkColour, linkLayer, nodeColour } from './style';

export interface OverlayLine {
  coords: LngLat[]; // [lon, lat]
  color: string;
  weight?: number;
  dash?: string; // SVG dash array: planned legs dashed, travelled solid
  opacity?: number;
  tooltip?: string;
  onClick?: () => void;
  className?: string; // on the SVG path, for tests and styles
}
export interface OverlayPoint {
  lat: number;
  lon: number;
  color: string;
  radius?: number;
  tooltip?: string;
  permanentLabel?: boolean;
  onClick?: () => void;
  className?: string;
}
export interface Overlay {
  lines?: OverlayLine[];
  points?: OverlayPoint[];
}
export type Selection = { type: 'node'; code: string } | { type: 'link'; id: string };

export interface MapApi {
  // Draws (or with null removes) a named overlay; `fit` zooms to it (no closer than maxZoom, 7 unless given).
  setOverlay(id: string, overlay: Overlay | null, fit?: boolean | { maxZoom?: number }): void;
  fitTo(coords: LngLat[], maxZoom?: number): void;
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
// The drawn element carries the feature's code or id (tests and tools find a node's marker by it).
const tag = (layer: L.Path, name: string, value: string) => layer.getElement()?.setAttribute(name, value);

function createApi(map: L.Map): MapApi {
  const overlays = new Map<string, L.LayerGroup>();
  const layers = new Map<string, L.LayerGroup>();
  const handlers = new Set<(s: Selection) => void>();
  let net: Network | null = null;
  const select = (s: Selection) => handlers.forEach((h) => h(s));
  const fitBounds = (coords: LngLat[], maxZoom = 7, padding: [number, number] = [24, 24]) => {
    if (coords.length) map.fitBounds(L.latLngBounds(coords.map(toLatLng)), { padding, maxZoom });
  };

  // Layers switched off before the network arrived stay off once it is drawn.
  const hidden = new Set<string>();

  loadNetwork().then((n) => {
    net = n;
    const group = (name: string) => {
      let g = layers.get(name);
      if (!g) {
        g = L.layerGroup();
        if (!hidden.has(name)) g.addTo(map);
        layers.set(name, g);
      }
      return g;
    };
    const nodeName = (code: string) => n.nodes.get(code)?.name ?? code;
    for (const l of n.links.values()) {
      if (isReverseTwin(l, n)) continue; // drawn once, with its forward twin
      const layer = linkLayer(l);
      L.polyline(l.coords.map(toLatLng), {
        color: linkColour(l), weight: 2.5, opacity: 0.8, pane: 'network', className: `lb-link lb-link--${layer}`,
      })
        .bindTooltip(() => `${nodeName(l.from)} – ${nodeName(l.to)} · ${i18next.t(`network:layer.${layer}`, { defaultValue: layer })}`, { sticky: true })
        .on('click', () => select({ type: 'link', id: l.id }))
        .on('add', (e) => tag(e.target, 'data-link', l.id))
        .addTo(group(`link:${layer}`));
    }
    for (const node of n.nodes.values()) {
      L.circleMarker([node.lat, node.lon], {
        radius: 5, color: '#fff', weight: 1.2, fillColor: nodeColour(node.kind), fillOpacity: 1, pane: 'nodes',
        className: `lb-node lb-node--${node.kind}`,
      })
        .bindTooltip(`${node.name} (${node.code})`)
        .on('click', () => select({ type: 'node', code: node.code }))
        .on('add', (e) => tag(e.target, 'data-node', node.code))
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
          color: line.color, weight: line.weight ?? 4, opacity: line.opacity ?? 0.9, dashArray: line.dash, pane: 'overlay', className: line.className,
        });
        if (line.tooltip) pl.bindTooltip(line.tooltip, { sticky: true });
        if (line.onClick) pl.on('click', line.onClick);
        pl.addTo(g);
        all.push(...line.coords);
      }
      for (const p of overlay.points ?? []) {
        const m = L.circleMarker([p.lat, p.lon], {
          radius: p.radius ?? 6, color: '#fff', weight: 1.5, fillColor: p.color, fillOpacity: 1, pane: 'overlayPoints', className: p.className,
        });
        if (p.tooltip) m.bindTooltip(p.tooltip, { permanent: p.permanentLabel ?? false, direction: 'top', offset: [0, -(p.radius ?? 6)] });
        if (p.onClick) m.on('click', p.onClick);
        m.addTo(g);
        all.push([p.lon, p.lat]);
      }
      g.addTo(map);
      overlays.set(id, g);
      if (fit && all.length) {
        // a permanent label is centred over its point: leave room for half of it at the sides
        const labelled = (overlay.points ?? []).some((p) => p.tooltip && p.permanentLabel);
        fitBounds(all, typeof fit === 'object' ? fit.maxZoom : undefined, labelled ? [110, 40] : [24, 24]);
      }
    },
    fitTo(coords, maxZoom) {
      fitBounds(coords, maxZoom);
    },
    setLayerVisible(name, visible) {
      visible ? hidden.delete(name) : hidden.add(name);
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
  const t = useT();
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
    // While the map pans or zooms its container says so (screenshots wait for the end).
    const box = el.current!;
    map.on('movestart zoomstart', () => box.setAttribute('data-moving', '1'));
    map.on('moveend', () => box.removeAttribute('data-moving'));
    const ro = new ResizeObserver(() => map.invalidateSize());
    ro.observe(el.current!);
    return () => {
      ro.disconnect();
      map.remove();
      api = null;
    };
  }, []);
  return <div ref={el} class="map" data-testid="map" role="region" aria-label={t('map')} />;
}

// The offline basemap: country shapes from the world-atlas package (Natural Earth 1:50m, as
// TopoJSON), shipped as a build asset and drawn as a plain GeoJSON layer. No tile server.
import L from 'leaflet';
import { feature } from 'topojson-client';
import type { Topology, GeometryCollection } from 'topojson-specification';
import worldUrl from 'world-atlas/countries-50m.json?url';
import { unwrapGeometry } from './unwrap';

export async function addBasemap(map: L.Map): Promise<L.GeoJSON> {
  const res = await fetch(worldUrl);
  const topo = (await res.json()) as Topology<{ countries: GeometryCollection }>;
  const raw = feature(topo, topo.objects.countries);
  const countries = { ...raw, features: raw.features.map((f) => ({ ...f, geometry: unwrapGeometry(f.geometry) })) };
  const layer = L.geoJSON(countries, {
    pane: 'basemap',
    interactive: false,
    style: { color: '#b8b2a6', weight: 0.6, fillColor: '#f4f1ea', fillOpacity: 1 },
  });
  layer.addTo(map);
  return layer;
}

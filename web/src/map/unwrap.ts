// Country rings that cross the antimeridian (Russia's Chukotka, Fiji) jump from +180 to -180 in
// the data; drawn as they are, the jump becomes a band across the whole map. A ring that crosses
// there and back is made continuous (Chukotka east of 180°); a ring round a pole (Antarctica),
// which crosses once, is left as it is.
import type { Position } from 'geojson';

export function unwrapRing(ring: Position[]): Position[] {
  let shift = 0;
  const out: Position[] = [];
  for (let i = 0; i < ring.length; i++) {
    if (i > 0) {
      const jump = ring[i][0] + shift - out[i - 1][0];
      if (jump > 180) shift -= 360;
      else if (jump < -180) shift += 360;
    }
    out.push(shift ? [ring[i][0] + shift, ...ring[i].slice(1)] : ring[i]);
  }
  return shift === 0 ? out : ring; // it did not come back: a ring round a pole
}

export function unwrapGeometry<G extends { type: string; coordinates?: unknown }>(g: G): G {
  if (g.type === 'Polygon') return { ...g, coordinates: (g.coordinates as Position[][]).map(unwrapRing) };
  if (g.type === 'MultiPolygon') return { ...g, coordinates: (g.coordinates as Position[][][]).map((p) => p.map(unwrapRing)) };
  return g;
}

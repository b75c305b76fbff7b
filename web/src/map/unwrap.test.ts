import { describe, expect, it } from 'vitest';
import { unwrapGeometry, unwrapRing } from './unwrap';

describe('antimeridian rings', () => {
  it('makes a ring that crosses 180° and comes back continuous', () => {
    const ring = [[170, 65], [180, 66], [-175, 66], [-170, 65], [-180, 64], [170, 65]];
    expect(unwrapRing(ring)).toEqual([[170, 65], [180, 66], [185, 66], [190, 65], [180, 64], [170, 65]]);
  });
  it('leaves a ring round the pole and an ordinary ring alone', () => {
    const pole = [[-180, -70], [0, -70], [180, -70], [180, -90], [-180, -90], [-180, -70]];
    // Antarctica's shape: along the coast eastwards, then back along the pole: one jump
    const crossOnce = [[-180, -70], [-90, -72], [0, -70], [90, -68], [178, -70], [178, -89.999], [-180, -89.999], [-180, -70]];
    expect(unwrapRing(pole)).toBe(pole);
    expect(unwrapRing(crossOnce)).toBe(crossOnce);
    const plain = [[10, 50], [20, 50], [20, 55], [10, 50]];
    expect(unwrapRing(plain)).toEqual(plain);
  });
  it('unwraps every ring of a multipolygon', () => {
    const g = unwrapGeometry({ type: 'MultiPolygon', coordinates: [[[[179, 1], [-179, 1], [-179, 2], [179, 1]]]] });
    expect(g.coordinates).toEqual([[[[179, 1], [181, 1], [181, 2], [179, 1]]]]);
  });
});

import { describe, expect, it } from 'vitest';
import { decodeReference, routesQuery } from './reference';

// A reference as /v1/routes gave it (Hakata → Duisburg, 13 Dec 2026), payload re-encoded here
// from its lines so that the test says what it contains.
function encode(lines: string[]): string {
  const b64 = btoa(lines.join('\n') + '\n').replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  return `lb1.${b64}.248e80852d270fea`;
}
const LINES = [
  'net=aed60b55fe53473d', 'from=JPHKT', 'to=DEDUI', 'depart=2026-12-13T08:00', 'arrive_by=', 'window=', 'unit=teu',
  'count=1', 'pareto=1', 'max_trips=12', 'max_transshipments=-1',
  'ride=FDR-PUS-TXG@2026-12-17T05:05Z/KRPUS/CNTXG', 'ride=RAIL-TXG-ZUU@2026-12-20T11:50Z/CNTXG/MNZUU',
];

describe('decodeReference', () => {
  it('reads the query and the rides in order', () => {
    const d = decodeReference(encode(LINES))!;
    expect(d).toMatchObject({ from: 'JPHKT', to: 'DEDUI', depart: '2026-12-13T08:00', unit: 'teu', count: 1, pareto: true, maxTrips: 12, maxTransshipments: -1 });
    expect(d.arriveBy).toBeUndefined();
    expect(d.rides).toEqual([
      { departure: 'FDR-PUS-TXG@2026-12-17T05:05Z', service: 'FDR-PUS-TXG', start: '2026-12-17T05:05Z', board: 'KRPUS', alight: 'CNTXG' },
      { departure: 'RAIL-TXG-ZUU@2026-12-20T11:50Z', service: 'RAIL-TXG-ZUU', start: '2026-12-20T11:50Z', board: 'CNTXG', alight: 'MNZUU' },
    ]);
  });
  it('decodes the service’s own text (with - and _ in the alphabet) as given', () => {
    const real =
      'lb1.bmV0PWFlZDYwYjU1ZmU1MzQ3M2QKZnJvbT1KUEhLVAp0bz1ERURVSQpkZXBhcnQ9MjAyNi0xMi0xM1QwODowMAphcnJpdmVfYnk9CndpbmRvdz0KdW5pdD10ZXUKY291bnQ9MQpwYXJldG89MQptYXhfdHJpcHM9MTIKbWF4X3RyYW5zc2hpcG1lbnRzPS0xCnJpZGU9RkRSLVBVUy1UWEdAMjAyNi0xMi0xN1QwNTowNVovS1JQVVMvQ05UWEcKcmlkZT1SQUlMLVRYRy1aVVVAMjAyNi0xMi0yMFQxMTo1MFovQ05UWEcvTU5aVVUKcmlkZT1SQUlMLVpVVS1NQUxAMjAyNi0xMi0yMlQwMDowMFovTU5aVVUvUExNQUEKcmlkZT1SQUlMLU1BTC1EVUlAMjAyNy0wMS0wMVQwNzowMFovUExNQUEvREVEVUkK.248e80852d270fea';
    const d = decodeReference(real)!;
    expect(d.rides.map((r) => r.service)).toEqual(['FDR-PUS-TXG', 'RAIL-TXG-ZUU', 'RAIL-ZUU-MAL', 'RAIL-MAL-DUI']);
    expect(d.rides[3].alight).toBe('DEDUI');
  });
  it('gives null for text of another shape', () => {
    expect(decodeReference('not-a-reference')).toBeNull();
    expect(decodeReference('lb2.abc.def')).toBeNull();
    expect(decodeReference('lb1.***.def')).toBeNull();
    expect(decodeReference(encode(['to=DEDUI']))).toBeNull(); // no origin
  });
});

describe('routesQuery', () => {
  it('asks /v1/routes the same question, leaving out what was not set', () => {
    const q = routesQuery(decodeReference(encode([...LINES, 'avoid=RU', 'avoid=suez']))!);
    expect(q).toEqual({
      from: 'JPHKT', to: 'DEDUI', depart: '2026-12-13T08:00', arriveBy: undefined, window: undefined, unit: 'teu', count: 1,
      avoid: ['RU', 'suez'], pareto: 'true', maxTrips: 12, maxTransshipments: undefined,
    });
  });
});

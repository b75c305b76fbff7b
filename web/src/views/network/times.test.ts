import { describe, expect, it } from 'vitest';
import { departureLocal, zoneOfOffset } from './times';

describe('departure times', () => {
  it('turns an offset into the IANA Etc zone (opposite sign)', () => {
    expect(zoneOfOffset('2026-12-14T08:00+08:00')).toBe('Etc/GMT-8');
    expect(zoneOfOffset('2026-12-14T08:00-03:00')).toBe('Etc/GMT+3');
    expect(zoneOfOffset('2026-12-14T08:00Z')).toBe('UTC');
    expect(zoneOfOffset('2026-12-14T08:00+05:30')).toBeNull();
    expect(zoneOfOffset(undefined)).toBeNull();
  });
  it("shows the node's wall clock, not the reader's", () => {
    // 00:00 UTC is 08:00 at Lianyungang (Asia/Shanghai) and 05:00 at Khorgos (Asia/Almaty, UTC+5).
    expect(departureLocal('2026-12-14T00:00Z', '2026-12-14T08:00+08:00', 'Asia/Shanghai', 'en')).toMatch(/08:00/);
    expect(departureLocal('2026-12-14T00:00Z', undefined, 'Asia/Almaty', 'en')).toMatch(/05:00/);
    // no zone name: the offset the service wrote
    expect(departureLocal('2026-12-14T00:00Z', '2026-12-14T09:00+09:00', undefined, 'en')).toMatch(/09:00/);
    expect(departureLocal('2026-12-14T00:00Z', '2026-12-14T09:00+09:00', undefined, 'en')).toMatch(/14 Dec/);
  });
});

import { describe, expect, it } from 'vitest';
import { formatDateTime, formatMoney, formatKm, formatCo2, formatDays } from './format';

describe('format', () => {
  it('shows an instant at the wall clock of its place', () => {
    // 22:58 UTC is 07:58 next morning in Tokyo and 23:58 the same evening in Berlin
    expect(formatDateTime('2026-12-09T22:58Z', 'Asia/Tokyo', 'en')).toMatch(/10 Dec 2026.*07:58/);
    expect(formatDateTime('2026-12-09T22:58Z', 'Europe/Berlin', 'en')).toMatch(/9 Dec 2026.*23:58/);
    expect(formatDateTime('2026-12-09T22:58Z', 'Asia/Tokyo', 'ja')).toMatch(/2026年12月10日.*07:58/);
  });
  it('does not fail on an unknown zone', () => {
    expect(formatDateTime('2026-12-09T22:58Z', 'Mars/Olympus', 'en')).toMatch(/UTC$/);
  });
  it('writes money, distance, mass and days in the reader\'s locale', () => {
    expect(formatMoney(5565.96, 'en')).toBe('US$5,566');
    expect(formatMoney(5565.96, 'ru')).toMatch(/^5\s566\s\$$/);
    expect(formatKm(12297.7, 'en')).toBe('12,298 km');
    expect(formatCo2(2418.3, 'en')).toBe('2.42 t');
    expect(formatCo2(46, 'en')).toBe('46 kg');
    expect(formatDays(21.25, 'en')).toBe('21.3 days');
  });
});

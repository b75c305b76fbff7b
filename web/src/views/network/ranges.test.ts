import { describe, expect, it } from 'vitest';
import { durationRange, ends, kmRange, usdRange } from './ranges';

// Intl may put a narrow no-break space or a thin space around the dash; compare on plain text.
const plain = (s: string | null) => s?.replace(/[\u00a0\u2009\u202f]/g, ' ').replace(/\s*[–-]\s*/g, '-') ?? null;

describe('ranges', () => {
  it('orders the ends and fills a missing one', () => {
    expect(ends({ lo: 5, hi: 1 })).toEqual([1, 5]);
    expect(ends({ lo: 3 })).toEqual([3, 3]);
    expect(ends({ hi: null, lo: null })).toBeNull();
    expect(ends(null)).toBeNull();
    expect(ends({ lo: Number.NaN, hi: 2 })).toEqual([2, 2]);
  });
  it('shows one figure when the ends agree and a range otherwise', () => {
    expect(plain(usdRange({ lo: 329, hi: 329 }, 'en'))).toBe('US$329');
    expect(plain(usdRange({ lo: 178, hi: 215 }, 'en'))).toMatch(/^US\$178-(US\$)?215$/);
    expect(plain(kmRange({ lo: 278.058, hi: 278.058 }, 'en'))).toBe('278 km');
    expect(usdRange(undefined, 'en')).toBeNull();
  });
  it("puts the planner's value before its range", () => {
    expect(plain(durationRange({ lo: 1, hi: 4, value: 2 }, 'en'))).toBe('2 hrs (1-4 hrs)');
    expect(plain(durationRange({ lo: 18.6, hi: 49.9, value: 35.3 }, 'en'))).toBe('1.5 days (0.8-2.1 days)');
    expect(plain(usdRange({ lo: 178, hi: 215, value: 215 }, 'en'))).toMatch(/^US\$215 \(US\$178-(US\$)?215\)$/);
    expect(plain(kmRange({ lo: 397, hi: 397, value: 397 }, 'en'))).toBe('397 km');
  });
  it('gives hours up to two days and days beyond', () => {
    expect(plain(durationRange({ lo: 1, hi: 5 }, 'en'))).toMatch(/^1-5 hr/);
    expect(plain(durationRange({ lo: 2, hi: 2 }, 'en'))).toMatch(/^2 hr/);
    expect(plain(durationRange({ lo: 600, hi: 720 }, 'en'))).toBe('25-30 days');
    expect(plain(durationRange({ lo: 36, hi: 60 }, 'en'))).toBe('1.5-2.5 days');
  });
  it("writes numbers the reader's way", () => {
    expect(plain(kmRange({ lo: 12298, hi: 12298 }, 'ru'))).toBe('12 298 км');
    expect(durationRange({ lo: 1, hi: 5 }, 'ja')).toContain('時間');
  });
});

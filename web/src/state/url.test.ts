import { describe, expect, it } from 'vitest';
import { formatParams, parseParams, viewOf } from './url';

describe('url state', () => {
  it('round-trips a search with repeated avoid items', () => {
    const p = parseParams('?view=search&from=JPHKT&to=DEDUI&avoid=RU&avoid=suez');
    expect(p).toEqual({ view: 'search', from: 'JPHKT', to: 'DEDUI', avoid: 'RU,suez' });
    expect(formatParams(p)).toBe('?view=search&avoid=RU%2Csuez&from=JPHKT&to=DEDUI');
    expect(parseParams(formatParams(p))).toEqual(p);
  });
  it('drops empty values and puts view first', () => {
    expect(formatParams({ b: '2', view: 'track', a: '', c: '3' })).toBe('?view=track&b=2&c=3');
    expect(formatParams({})).toBe('');
  });
  it('falls back to the search view for an unknown one', () => {
    expect(viewOf({ view: 'nope' })).toBe('search');
    expect(viewOf({ view: 'simulate' })).toBe('simulate');
  });
});

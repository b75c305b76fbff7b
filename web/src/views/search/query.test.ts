import { describe, expect, it } from 'vitest';
import { formatParams, parseParams } from '../../state/url';
import { chartQuery, defaultDepart, inputFromParams, paramsFromInput, routesQuery } from './query';

describe('search input <-> URL', () => {
  it('reads a shared link and writes the same link back', () => {
    const url = '?view=search&avoid=RU%2Csuez&depart=2026-12-10T08%3A00&from=JPHKT&n=4&to=DEDUI&unit=40hc&win=7';
    const s = inputFromParams(parseParams(url));
    expect(s).toEqual({
      from: 'JPHKT', to: 'DEDUI', plan: 'timetabled', depart: '2026-12-10T08:00', unit: '40hc', count: 4,
      objective: 'pareto', avoid: ['RU', 'suez'], window: 7,
    });
    expect(formatParams({ view: 'search', ...(paramsFromInput(s) as Record<string, string>) })).toBe(url);
  });
  it('falls back to defaults for missing or bad values', () => {
    const s = inputFromParams({ from: 'JPHKT', unit: 'box', n: '-2', opt: 'fast', win: '5', depart: 'tomorrow' }, new Date(2026, 11, 9, 15, 0));
    expect(s.unit).toBe('feu');
    expect(s.count).toBe(1);
    expect(s.objective).toBe('pareto');
    expect(s.window).toBe(0);
    expect(s.depart).toBe('2026-12-10T08:00');
    expect(inputFromParams({ depart: '2026-12-24' }).depart).toBe('2026-12-24T00:00');
  });
  it('leaves defaults and static-only names out of the URL', () => {
    const s = inputFromParams({ from: 'JPHKT', to: 'DEDUI', plan: 'static', opt: 'cost', depart: '2026-12-10T08:00', win: '7' });
    expect(paramsFromInput(s)).toEqual({
      from: 'JPHKT', to: 'DEDUI', plan: 'static', depart: undefined, unit: undefined, n: undefined, opt: 'cost', avoid: undefined, win: undefined,
    });
  });
  it('starts tomorrow at 08:00 on the reader calendar, across a month end', () => {
    expect(defaultDepart(new Date(2026, 11, 31, 23, 30))).toBe('2027-01-01T08:00');
  });
});

describe('API queries', () => {
  const base = inputFromParams({ from: ' JPHKT ', to: 'DEDUI', depart: '2026-12-10T08:00', n: '4', avoid: 'RU,suez' });
  it('asks the timetabled Pareto set with the ready time and window', () => {
    expect(routesQuery({ ...base, window: 7 })).toEqual({
      from: 'JPHKT', to: 'DEDUI', unit: 'feu', count: 4, avoid: 'RU,suez', depart: '2026-12-10T08:00', window: '7d', pareto: true,
    });
    expect(routesQuery({ ...base, objective: 'time' }).pareto).toBeUndefined();
  });
  it('asks static routes by objective with alternatives, or the static Pareto set', () => {
    const st = { ...base, plan: 'static' as const, avoid: [] };
    expect(routesQuery({ ...st, objective: 'co2e' })).toEqual({ from: 'JPHKT', to: 'DEDUI', unit: 'feu', count: 4, optimize: 'co2e', alternatives: 5 });
    expect(routesQuery(st)).toEqual({ from: 'JPHKT', to: 'DEDUI', unit: 'feu', count: 4, pareto: true });
  });
  it('charts the same shipment, timetabled at the ready time', () => {
    expect(chartQuery(base)).toEqual({ from: 'JPHKT', to: 'DEDUI', unit: 'feu', count: 4, avoid: 'RU,suez', depart: '2026-12-10T08:00' });
    expect(chartQuery({ ...base, plan: 'static' }).depart).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import type { Operation } from './detail';
import { operationRows } from './operations';

const op = (kind: string, arrive: string, depart: string, hi: number, feu = 0): Operation => ({
  kind, arrive, depart, hours: { lo: 1, hi, value: 1 }, costUsdFeu: { lo: feu, hi: feu, value: feu },
});

describe('operation rows', () => {
  it('joins the two directions of a step with the same figures', () => {
    const rows = operationRows([
      op('gauge_change', 'rail:1435', 'rail:1520', 5, 329), op('gauge_change', 'rail:1520', 'rail:1435', 5, 329),
      op('border', 'rail:1435', 'rail:1520', 4, 215), op('dwell', 'rail:1435', 'rail:1520', 49.9),
      op('border', 'rail:1520', 'rail:1435', 4, 215),
    ]);
    expect(rows.map((r) => [r.kind, r.arrive, r.depart, r.both ?? false])).toEqual([
      ['gauge_change', 'rail:1435', 'rail:1520', true],
      ['border', 'rail:1435', 'rail:1520', true],
      ['dwell', 'rail:1435', 'rail:1520', false],
    ]);
  });
  it('keeps directions apart when their figures differ, and same-side steps alone', () => {
    const rows = operationRows([op('handling', 'sea', 'rail', 5, 100), op('handling', 'rail', 'sea', 5, 120), op('handling', 'sea', 'sea', 5), op('handling', 'sea', 'sea', 5)]);
    expect(rows).toHaveLength(4);
    expect(rows.some((r) => r.both)).toBe(false);
  });
});

describe('operation sides', () => {
  it('names both sides, with ↔ for a step the same both ways', async () => {
    const { operationSides } = await import('./labels');
    const t = ((k: string, o?: { defaultValue?: string }) => ({ 'layer.rail-1435': 'Rail 1,435 mm', 'layer.rail-1520': 'Rail 1,520 mm', 'layer.sea': 'Sea', 'side.start': 'journey starts' })[k] ?? o?.defaultValue ?? k) as never;
    expect(operationSides(t, 'rail:1435', 'rail:1520', true)).toBe('Rail 1,435 mm ↔ Rail 1,520 mm');
    expect(operationSides(t, 'sea', 'sea')).toBe('Sea → Sea');
    expect(operationSides(t, 'start', 'sea')).toBe('journey starts → Sea');
    expect(operationSides(t, 'deep_sea', undefined)).toBe('deep_sea');
  });
});

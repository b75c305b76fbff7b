import { describe, expect, it } from 'vitest';
import type { ComparisonSummary, SingleSummary } from './api';
import { ciDigits, clearChanges, formatCi, groupRows, isComparison, keyPlaces, kpiRows, metricKind } from './kpis';

const single: SingleSummary = {
  scenario: 'base',
  replications: 4,
  seed: 42,
  confidence: 0.95,
  flows: [{ flow: 'JPHKT-DEDUI', corridor: 'sea–rail via CNLYG', planned_h: 590.85 }],
  kpis: [
    { group: 'node', key: 'KZHOR', metric: 'utilisation', mean: 0.3842, half_width: 0.0039, stddev: 0.002 },
    { group: 'total', key: 'all', metric: 'throughput_teu_per_day', mean: 100.04, half_width: 1.234 },
    { group: 'flow', key: 'JPHKT-DEDUI', metric: 'mean_h', mean: 653.1210565, half_width: 10.8645336 },
    { group: 'rail_path', key: 'X', metric: 'new_metric', mean: 1, half_width: 0 },
  ],
};
const comparison: ComparisonSummary = {
  base: 'base',
  what_if: 'half',
  replications: 2,
  confidence: 0.95,
  kpis: [
    { group: 'flow', key: 'JPHKT-DEDUI', metric: 'mean_h', base: { mean: 653.12, half_width: 10.86 }, what_if: { mean: 676.08, half_width: 8.68 }, change: 22.96, half_width: 13.9, clear: true },
    { group: 'flow', key: 'JPHKT-DEDUI', metric: 'on_time', base: { mean: 0.4414, half_width: 0.0553 }, what_if: { mean: 0.3212, half_width: 0.038 }, change: -0.1202, half_width: 0.0671, clear: true },
    { group: 'flow', key: 'JPHKT-DEDUI', metric: 'boxes', base: { mean: 686.5, half_width: 57.18 }, what_if: { mean: 686.5, half_width: 57.18 }, change: 0, half_width: 80.86, clear: false },
  ],
};

describe('kpiRows', () => {
  it('reads a one-scenario summary as base estimates', () => {
    expect(isComparison(single)).toBe(false);
    const rows = kpiRows(single);
    expect(rows[2]).toEqual({ group: 'flow', key: 'JPHKT-DEDUI', metric: 'mean_h', base: { mean: 653.1210565, half_width: 10.8645336 } });
  });
  it('reads a comparison as base, what-if and change side by side', () => {
    expect(isComparison(comparison)).toBe(true);
    expect(kpiRows(comparison)[0]).toEqual({
      group: 'flow', key: 'JPHKT-DEDUI', metric: 'mean_h',
      base: { mean: 653.12, half_width: 10.86 }, whatIf: { mean: 676.08, half_width: 8.68 },
      change: { mean: 22.96, half_width: 13.9 }, clear: true,
    });
    expect(clearChanges(kpiRows(comparison)).map((r) => r.metric)).toEqual(['mean_h', 'on_time']);
  });
  it('groups rows as total, flows, nodes, then groups it does not know', () => {
    expect(groupRows(kpiRows(single)).map((g) => g.group)).toEqual(['total', 'flow', 'node', 'rail_path']);
  });
});

describe('confidence intervals as text', () => {
  it('keeps two significant digits of the half-width', () => {
    expect(ciDigits(10.86, 'measure')).toBe(0);
    expect(ciDigits(5.53, 'measure')).toBe(1);
    expect(ciDigits(0.38, 'measure')).toBe(2);
    expect(ciDigits(0.0004, 'measure')).toBe(3); // at most three
    expect(ciDigits(0, 'count')).toBe(0);
    expect(ciDigits(0, 'measure')).toBe(1);
  });
  it('writes mean ± half-width in the reader\'s locale', () => {
    expect(formatCi({ mean: 653.1210565, half_width: 10.8645336 }, 'mean_h', 'en').text).toBe('653 ± 11');
    expect(formatCi({ mean: 1653.12, half_width: 0.86 }, 'mean_h', 'ru').text).toBe('1\u00a0653,12 ± 0,86');
    expect(formatCi({ mean: 686.5, half_width: 0 }, 'boxes', 'en').text).toBe('687 ± 0');
  });
  it('writes shares in per cent', () => {
    expect(metricKind('on_time')).toBe('share');
    expect(formatCi({ mean: 0.4414, half_width: 0.0553 }, 'on_time', 'en').text).toBe('44.1 ± 5.5');
  });
  it('signs a change, and not a zero one', () => {
    expect(formatCi({ mean: 22.96, half_width: 13.9 }, 'mean_h', 'en', true).text).toBe('+23 ± 14');
    expect(formatCi({ mean: -0.1202, half_width: 0.0671 }, 'on_time', 'en', true).text).toBe('-12.0 ± 6.7');
    expect(formatCi({ mean: 0, half_width: 80.86 }, 'boxes', 'en', true).text).toBe('0 ± 81');
  });
});

describe('keyPlaces', () => {
  const names = new Map([['JPHKT', 'Hakata (Fukuoka)'], ['DEDUI', 'Duisburg'], ['KZHOR', 'Altynkol / KTZE Khorgos Gateway'], ['CNLYG', 'Lianyungang'], ['CNZGZ', 'Zhengzhou']]);
  it('names nodes, flows and services by their places', () => {
    expect(keyPlaces('node', 'KZHOR', names)).toBe('Altynkol / KTZE Khorgos Gateway');
    expect(keyPlaces('flow', 'JPHKT-DEDUI', names)).toBe('Hakata (Fukuoka) – Duisburg');
    expect(keyPlaces('service', 'rail-CNLYG-CNZGZ', names)).toBe('Lianyungang – Zhengzhou');
  });
  it('gives nothing for the total, an unknown code or a key without codes', () => {
    expect(keyPlaces('total', 'all', names)).toBeUndefined();
    expect(keyPlaces('flow', 'JPHKT-PLLOD', names)).toBeUndefined();
    expect(keyPlaces('service', 'sea', names)).toBeUndefined();
  });
});

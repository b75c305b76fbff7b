import { describe, expect, it } from 'vitest';
import { bundledExamples, examplesFrom, suggestedWhatIf } from './examples';

describe('examplesFrom', () => {
  const files = {
    '/x/base.toml': '[scenario]\nname = "base"\ndemand = "d.csv"\nreplications = 20\n',
    '/x/base-half.toml': '# What-if variant of base.toml: half.\n[scenario]\ndemand = "d.csv"\n',
    '/x/lonely.toml': '[scenario]\ndemand = "missing.csv"\n',
    '/x/d.csv': 'origin,destination\n',
  };
  const ex = examplesFrom(files);
  it('pairs each scenario with the demand it names and drops one whose demand is not bundled', () => {
    expect(ex.map((e) => e.id)).toEqual(['base', 'base-half']);
    expect(ex[0]).toMatchObject({ name: 'base', demandName: 'd.csv', demand: 'origin,destination\n', replications: 20 });
    expect(ex[1]).toMatchObject({ name: 'base-half', variantOf: 'base' }); // name: the file's stem
  });
  it('suggests the variant of a base as its what-if', () => {
    expect(suggestedWhatIf('base', ex)).toBe('base-half');
    expect(suggestedWhatIf('base-half', ex)).toBeUndefined();
  });
});

describe('bundledExamples', () => {
  const ex = bundledExamples();
  it("bundles the repository's example scenarios with their demand files", () => {
    const base = ex.find((e) => e.id === 'hakata-busan-europe');
    expect(base?.demandName).toBe('hakata-busan-europe.csv');
    expect(base?.demand).toMatch(/^# Demand assumption/);
    expect(ex.find((e) => e.id === 'hakata-busan-europe-khorgos-half')?.variantOf).toBe('hakata-busan-europe');
  });
  it('sends no example with a network line, and lists each base before its variants', () => {
    for (const e of ex) expect(e.toml).not.toMatch(/^\s*network\s*=/m);
    const order = ex.map((e) => e.id);
    expect(order.indexOf('hakata-busan-europe')).toBeLessThan(order.indexOf('hakata-busan-europe-khorgos-half'));
    expect(order.indexOf('hakata-busan-europe-caspian')).toBeLessThan(order.indexOf('hakata-busan-europe-caspian-fleet-half'));
  });
});

// The `sim` catalogues: every key the view asks for exists in English, and Japanese and Russian
// have exactly the English keys.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const here = dirname(fileURLToPath(import.meta.url));
const load = (lang: string) => JSON.parse(readFileSync(join(here, `../../../locales/${lang}/sim.json`), 'utf8'));

function keys(o: Record<string, unknown>, prefix = ''): string[] {
  return Object.entries(o).flatMap(([k, v]) => (v && typeof v === 'object' ? keys(v as Record<string, unknown>, `${prefix}${k}.`) : [`${prefix}${k}`]));
}

describe('sim catalogues', () => {
  const en = new Set(keys(load('en')));
  it.each(['ja', 'ru'])('%s has the English keys, no more and no fewer', (lang) => {
    expect(keys(load(lang)).sort()).toEqual([...en].sort());
  });
  it("has every literal key the view's components use", () => {
    const used = new Set<string>();
    for (const f of readdirSync(here).filter((n) => n.endsWith('.tsx'))) {
      for (const m of readFileSync(join(here, f), 'utf8').matchAll(/\bt\('([a-zA-Z.]+)'/g)) used.add(m[1]);
    }
    expect(used.size).toBeGreaterThan(30);
    expect([...used].filter((k) => !en.has(k))).toEqual([]);
  });
});

// Every part of the page speaks every language: for each namespace, English, Japanese and Russian
// have the same keys (plural forms aside), each plural has exactly the forms its language's
// grammar needs (Intl.PluralRules), no string is empty, and every {{placeholder}} of English is
// used in the translation too.
import { describe, expect, it } from 'vitest';
import { catalogues, LANGUAGES, NAMESPACES } from './index';

type Tree = { [k: string]: string | Tree };
const PLURAL = /_(zero|one|two|few|many|other)$/;

function flatten(t: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(t)) {
    if (typeof v === 'string') out.set(prefix + k, v);
    else flatten(v, `${prefix}${k}.`).forEach((s, kk) => out.set(kk, s));
  }
  return out;
}
const baseKeys = (m: Map<string, string>) => [...new Set([...m.keys()].map((k) => k.replace(PLURAL, '')))].sort();
const placeholders = (s: string) => [...s.matchAll(/\{\{\s*(\w+)/g)].map((x) => x[1]).sort();

const all = catalogues();

describe('message catalogues', () => {
  it('have every namespace in every language', () => {
    for (const { code } of LANGUAGES) for (const ns of NAMESPACES) expect(all[code]?.[ns], `${code}/${ns}`).toBeTruthy();
  });
  for (const ns of NAMESPACES) {
    describe(ns, () => {
      const en = flatten(all.en[ns] as Tree);
      it('is not empty in English', () => expect(en.size).toBeGreaterThan(ns === 'common' ? 5 : 20));
      for (const { code } of LANGUAGES) {
        const cat = flatten(all[code][ns] as Tree);
        if (code !== 'en') it(`${code}: same keys as English`, () => expect(baseKeys(cat)).toEqual(baseKeys(en)));
        it(`${code}: plurals in the language's own forms`, () => {
          const needed = [...new Intl.PluralRules(code).resolvedOptions().pluralCategories].sort();
          const plurals = new Map<string, string[]>();
          for (const k of cat.keys()) {
            const m = PLURAL.exec(k);
            if (m) plurals.set(k.replace(PLURAL, ''), [...(plurals.get(k.replace(PLURAL, '')) ?? []), m[1]]);
          }
          for (const [k, forms] of plurals) expect(forms.sort(), `${code}:${ns}:${k}`).toEqual(needed);
        });
        it(`${code}: no empty string, English placeholders kept`, () => {
          for (const [k, v] of cat) {
            expect(v.trim().length, `${code}:${ns}:${k}`).toBeGreaterThan(0);
            const enText = en.get(k) ?? en.get(k.replace(PLURAL, '_other'));
            if (enText !== undefined && !PLURAL.test(k)) expect(placeholders(v), `${code}:${ns}:${k}`).toEqual(placeholders(enText));
          }
        });
      }
    });
  }
});

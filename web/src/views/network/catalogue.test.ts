// The network view's strings exist in every language: the same keys (plural forms aside) in
// English, Japanese and Russian, each language with the plural forms its grammar needs.
import { describe, expect, it } from 'vitest';
import en from '../../../locales/en/network.json';
import ja from '../../../locales/ja/network.json';
import ru from '../../../locales/ru/network.json';

type Tree = { [k: string]: string | Tree };
function keys(t: Tree, prefix = ''): string[] {
  return Object.entries(t).flatMap(([k, v]) => (typeof v === 'string' ? [prefix + k] : keys(v, `${prefix}${k}.`)));
}
const PLURAL = /_(zero|one|two|few|many|other)$/;
const base = (ks: string[]) => [...new Set(ks.map((k) => k.replace(PLURAL, '')))].sort();
const forms = (ks: string[], key: string) => ks.filter((k) => k.replace(PLURAL, '') === key && PLURAL.test(k)).map((k) => PLURAL.exec(k)![1]).sort();

describe('network catalogues', () => {
  const all = { en: keys(en as Tree), ja: keys(ja as Tree), ru: keys(ru as Tree) };
  it('have the same keys in English, Japanese and Russian', () => {
    expect(base(all.ja)).toEqual(base(all.en));
    expect(base(all.ru)).toEqual(base(all.en));
  });
  it('give each plural the forms of its language', () => {
    const plurals = base(all.en).filter((k) => forms(all.en, k).length);
    expect(plurals.length).toBeGreaterThan(0);
    for (const k of plurals) {
      expect(forms(all.en, k), k).toEqual(['one', 'other']);
      expect(forms(all.ja, k), k).toEqual(['other']);
      expect(forms(all.ru, k), k).toEqual(['few', 'many', 'one', 'other']);
    }
  });
  it('leave no string empty', () => {
    for (const [lang, ks] of Object.entries(all)) {
      const tree = { en, ja, ru }[lang] as Tree;
      for (const k of ks) {
        const v = k.split('.').reduce<string | Tree>((t, p) => (t as Tree)[p], tree);
        expect(typeof v === 'string' && v.trim().length > 0, `${lang}:${k}`).toBe(true);
      }
    }
  });
});

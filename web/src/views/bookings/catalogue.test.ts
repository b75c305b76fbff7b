// The booking namespace: Japanese has every English key; Russian has at least the main flows
// (booking form, states, list, detail, tracking). Plural keys count by their base name.
import { describe, expect, it } from 'vitest';
import en from '../../../locales/en/booking.json';
import ja from '../../../locales/ja/booking.json';
import ru from '../../../locales/ru/booking.json';

function keys(o: Record<string, unknown>, prefix = ''): Set<string> {
  const out = new Set<string>();
  for (const [k, v] of Object.entries(o)) {
    const name = prefix + k.replace(/_(zero|one|two|few|many|other)$/, '');
    if (v && typeof v === 'object') keys(v as Record<string, unknown>, `${name}.`).forEach((x) => out.add(x));
    else out.add(name);
  }
  return out;
}

describe('booking catalogues', () => {
  const english = keys(en);
  it('Japanese is complete', () => {
    const japanese = keys(ja);
    expect([...english].filter((k) => !japanese.has(k))).toEqual([]);
  });
  it('Russian covers the main flows', () => {
    const russian = keys(ru);
    const main = [...english].filter((k) => /^(status|equipment|event|iso6346|form|result|list|detail|track)\./.test(k));
    expect(main.filter((k) => !russian.has(k))).toEqual([]);
  });
  it('Japanese uses only the _other plural form, Russian has one, few and many', () => {
    expect(JSON.stringify(ja)).not.toMatch(/_one"/);
    expect(Object.keys(ru.detail)).toEqual(expect.arrayContaining(['containers_one', 'containers_few', 'containers_many']));
  });
});

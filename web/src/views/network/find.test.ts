import { describe, expect, it } from 'vitest';
import type { NetworkNode } from '../../api/network';
import { matchNodes } from './find';

const n = (code: string, name: string): NetworkNode => ({ feature: 'node', code, name, kind: 'seaport', country: 'XX', lat: 0, lon: 0 });
const nodes = [n('KZHOR', 'Altynkol / KTZE Khorgos Gateway'), n('CNHRS', 'Horgos (China)'), n('CNLYG', 'Lianyungang'), n('KZDOS', 'Dostyk'), n('KZAKX', 'Aktobe')];

describe('node finder', () => {
  it('puts code prefixes before name matches, case-insensitively', () => {
    expect(matchNodes(nodes, 'kz').map((x) => x.code)).toEqual(['KZAKX', 'KZHOR', 'KZDOS']); // Aktobe, Altynkol, Dostyk
    expect(matchNodes(nodes, 'CNH').map((x) => x.code)).toEqual(['CNHRS']);
    expect(matchNodes(nodes, 'horgos').map((x) => x.code)).toEqual(['KZHOR', 'CNHRS']); // by name: Altynkol..., Horgos
    expect(matchNodes(nodes, 'khorgos').map((x) => x.code)).toEqual(['KZHOR']);
  });
  it('gives nothing for an empty query and respects the limit', () => {
    expect(matchNodes(nodes, '  ')).toEqual([]);
    expect(matchNodes(nodes, 'a', 2)).toHaveLength(2);
  });
});

import { describe, expect, it } from 'vitest';
import { formatParams, parseParams } from '../../state/url';
import { hiddenOf, hidePatch, selectionOf, selectionPatch } from './params';

describe('network view URL state', () => {
  it('reads a node or a link selection, the node first', () => {
    expect(selectionOf({ view: 'network', node: 'KZHOR' })).toEqual({ type: 'node', code: 'KZHOR' });
    expect(selectionOf({ link: 'rail-CNLYG-CNZGZ~r' })).toEqual({ type: 'link', id: 'rail-CNLYG-CNZGZ~r' });
    expect(selectionOf({ node: 'A', link: 'x' })).toEqual({ type: 'node', code: 'A' });
    expect(selectionOf({ view: 'network' })).toBeNull();
  });
  it('writes one kind of selection and removes the other', () => {
    expect(selectionPatch({ type: 'link', id: 'l1' })).toEqual({ node: undefined, link: 'l1', after: undefined });
    expect(selectionPatch({ type: 'node', code: 'CNLYG' })).toEqual({ node: 'CNLYG', link: undefined, after: undefined });
    expect(selectionPatch(null)).toEqual({ node: undefined, link: undefined, after: undefined });
  });
  it('keeps hidden layers as one sorted list that survives the URL', () => {
    let hidden = hiddenOf({});
    expect(hidden.size).toBe(0);
    const hide = hidePatch(hidden, 'node:hub', false);
    hidden = hiddenOf({ hide: hidePatch(hiddenOf({ hide: hide! }), 'link:feeder', false)! });
    expect([...hidden]).toEqual(['link:feeder', 'node:hub']);
    const url = formatParams({ view: 'network', hide: [...hidden].join(',') });
    expect(hiddenOf(parseParams(url))).toEqual(hidden);
    expect(hidePatch(hidden, 'link:feeder', true)).toBe('node:hub');
    expect(hidePatch(new Set(['node:hub']), 'node:hub', true)).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import { buildRequest, FormProblem } from './request';

const base = { toml: '[scenario]\nname = "b"\ndemand = "d.csv"\n', demand: 'o,d\n' };

describe('buildRequest', () => {
  it('sends scenario and demand; empty replications and seed are left to the scenario', () => {
    expect(buildRequest({ base, replications: ' ', seed: '' })).toEqual({ body: { scenario: base.toml, demand: 'o,d\n' }, leftOut: [] });
  });
  it('sends whole numbers as numbers and anything else as written, for the server to name', () => {
    expect(buildRequest({ base, replications: '6', seed: '7' }).body).toMatchObject({ replications: 6, seed: 7 });
    expect(buildRequest({ base, replications: '1.5', seed: 'x' }).body).toMatchObject({ replications: '1.5', seed: 'x' });
  });
  it("gives a what-if without its own demand the base's", () => {
    const body = buildRequest({ base, whatIf: { toml: '[scenario]\nname = "w"\n' }, replications: '', seed: '' }).body;
    expect(body.compare).toContain('name = "w"');
    expect(body.compareDemand).toBe('o,d\n');
  });
  it('leaves out a network line and says where', () => {
    const r = buildRequest({ base, whatIf: { toml: '[scenario]\nnetwork = "pkg"\n', demand: 'x' }, replications: '', seed: '' });
    expect(r.leftOut).toEqual(['compare']);
    expect(r.body.compare).toMatch(/^# network = "pkg"/m);
  });
  it('names the missing file by the request member it feeds', () => {
    const missing = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return e instanceof FormProblem ? `${e.field}/${e.reason}` : String(e);
      }
      return 'no problem';
    };
    expect(missing(() => buildRequest({ base: { toml: '' }, replications: '', seed: '' }))).toBe('scenario/missingScenario');
    expect(missing(() => buildRequest({ base: { toml: base.toml }, replications: '', seed: '' }))).toBe('demand/missingDemand');
    expect(missing(() => buildRequest({ base, whatIf: { toml: '  ' }, replications: '', seed: '' }))).toBe('compare/missingScenario');
  });
});

import { describe, expect, it } from 'vitest';
import { leadingComment, leaveOutNetwork, scenarioHead, whatIfOf } from './scenario-text';

const TOML = `# A test scenario.
# Second line of the description.
# Run: landbridge simulate x.toml
[scenario]
name = "base-case"            # a comment
demand = 'flows/demand.csv'
network = "../pkg"
replications = 1_000
seed = 42

[services.rail]
name = "not the scenario's"
network = "not this one either"

[[nodes]]
code = "KZHOR"
`;

describe('scenarioHead', () => {
  it('reads name, demand, replications and seed from the [scenario] table only', () => {
    expect(scenarioHead(TOML)).toEqual({ name: 'base-case', demand: 'flows/demand.csv', replications: 1000, seed: 42 });
  });
  it('gives nothing for a text without a [scenario] table', () => {
    expect(scenarioHead('name = "x"\n[other]\nseed = 3\n')).toEqual({});
  });
  it('leaves out a seed that is not a whole number', () => {
    expect(scenarioHead('[scenario]\nseed = -4\n').seed).toBeUndefined();
  });
});

describe('leaveOutNetwork', () => {
  it("comments out the scenario's network line and keeps the line count", () => {
    const { text, removed } = leaveOutNetwork(TOML);
    expect(removed).toBe(true);
    expect(text.split('\n')).toHaveLength(TOML.split('\n').length);
    const lines = text.split('\n');
    expect(lines[6]).toMatch(/^# network = "\.\.\/pkg"/);
    expect(lines[12]).toBe('network = "not this one either"'); // another table's key stays
    expect(scenarioHead(text).name).toBe('base-case');
  });
  it('changes nothing without a network line', () => {
    const plain = '[scenario]\nname = "a"\n';
    expect(leaveOutNetwork(plain)).toEqual({ text: plain, removed: false });
  });
});

describe('whatIfOf and leadingComment', () => {
  it("finds the base a variant names in its comment", () => {
    expect(whatIfOf('# What-if variant of hakata-busan-europe.toml: Khorgos cranes halved.\n')).toBe('hakata-busan-europe');
    expect(whatIfOf(TOML)).toBeUndefined();
  });
  it('joins the opening comment without its Run: lines', () => {
    expect(leadingComment(TOML)).toBe('A test scenario. Second line of the description.');
  });
});

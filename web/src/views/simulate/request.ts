// The body of POST /v1/simulations from what the reader chose: a scenario (an example or an
// uploaded TOML) with its demand CSV, optionally a what-if, replications and seed (empty: the
// scenario's own). A `network` line is left out (the service refuses it); a what-if without a
// demand of its own uses the base's, as the examples' variants do.
import type { SimulationRequest } from './api';
import { leaveOutNetwork } from './scenario-text';

export interface Source {
  toml: string;
  demand?: string;
}
export interface FormInput {
  base: Source;
  whatIf?: Source;
  replications: string;
  seed: string;
}

// What the page checks before sending: a missing file, named by the request member it feeds.
export class FormProblem extends Error {
  constructor(
    readonly field: 'scenario' | 'demand' | 'compare' | 'compareDemand',
    readonly reason: 'missingScenario' | 'missingDemand',
  ) {
    super(`${field}: ${reason}`);
  }
}

// "12" → 12; "" → undefined (the scenario's); anything else goes to the server as written,
// so that its message names the field ("'seed' must be a whole number…").
function wholeOrText(text: string): number | string | undefined {
  const t = text.trim();
  if (t === '') return undefined;
  return /^\d+$/.test(t) ? Number(t) : t;
}

export function buildRequest(f: FormInput): { body: SimulationRequest; leftOut: ('scenario' | 'compare')[] } {
  if (!f.base.toml.trim()) throw new FormProblem('scenario', 'missingScenario');
  if (f.base.demand === undefined) throw new FormProblem('demand', 'missingDemand');
  const leftOut: ('scenario' | 'compare')[] = [];
  const base = leaveOutNetwork(f.base.toml);
  if (base.removed) leftOut.push('scenario');
  const body: SimulationRequest = { scenario: base.text, demand: f.base.demand };
  if (f.whatIf) {
    if (!f.whatIf.toml.trim()) throw new FormProblem('compare', 'missingScenario');
    const w = leaveOutNetwork(f.whatIf.toml);
    if (w.removed) leftOut.push('compare');
    body.compare = w.text;
    body.compareDemand = f.whatIf.demand ?? f.base.demand;
  }
  const reps = wholeOrText(f.replications);
  const seed = wholeOrText(f.seed);
  if (reps !== undefined) (body as unknown as Record<string, unknown>).replications = reps;
  if (seed !== undefined) (body as unknown as Record<string, unknown>).seed = seed;
  return { body, leftOut };
}

// The example scenarios of the repository (examples/scenarios/*.toml and the demand CSVs they
// name), bundled into the page as text so that a reader can run one without files of their own.
import { leaveOutNetwork, scenarioHead, whatIfOf } from './scenario-text';

export interface Example {
  id: string; // the file's stem: hakata-busan-europe
  name: string; // [scenario].name, else the stem
  toml: string; // ready to send (a network line left out)
  demandName: string;
  demand: string | undefined; // the CSV text; undefined: the file is not bundled
  replications?: number;
  seed?: number;
  variantOf?: string; // the id of the scenario this one is a what-if of
}

// files: path → text, as import.meta.glob gives them.
export function examplesFrom(files: Record<string, string>): Example[] {
  const byName = new Map<string, string>();
  for (const [path, text] of Object.entries(files)) byName.set(path.split('/').pop()!, text);
  const out: Example[] = [];
  for (const [file, text] of byName) {
    if (!file.endsWith('.toml')) continue;
    const id = file.slice(0, -'.toml'.length);
    const head = scenarioHead(text);
    const demandName = (head.demand ?? '').split('/').pop() ?? '';
    out.push({
      id,
      name: head.name ?? id,
      toml: leaveOutNetwork(text).text,
      demandName,
      demand: byName.get(demandName),
      replications: head.replications,
      seed: head.seed,
      variantOf: whatIfOf(text),
    });
  }
  // Bases first, each followed by its what-if variants; alphabetical otherwise.
  const rank = (e: Example) => `${e.variantOf ?? e.id}\u0000${e.variantOf ? 1 : 0}${e.id}`;
  return out.filter((e) => e.demand !== undefined).sort((a, b) => (rank(a) < rank(b) ? -1 : rank(a) > rank(b) ? 1 : 0));
}

// The what-if to offer with a base: its first variant, if it has one.
export function suggestedWhatIf(base: string, examples: Example[]): string | undefined {
  return examples.find((e) => e.variantOf === base)?.id;
}

let cache: Example[] | null = null;
export function bundledExamples(): Example[] {
  if (!cache) {
    const files = import.meta.glob('../../../../examples/scenarios/*.{toml,csv}', {
      eager: true,
      query: '?raw',
      import: 'default',
    }) as Record<string, string>;
    cache = examplesFrom(files);
  }
  return cache;
}

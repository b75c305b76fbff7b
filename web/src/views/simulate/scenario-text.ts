// Reading the few things the page needs from a scenario's TOML text without a TOML library: the
// `[scenario]` table's name, demand file name, replications and seed, and leaving out its
// `network` line (the service simulates on the network it serves and refuses the key). The
// server parses the text properly; these only fill the form and name the files.

export interface ScenarioHead {
  name?: string;
  demand?: string;
  replications?: number;
  seed?: number;
}

// The lines of the `[scenario]` table (its header excluded), with their 0-based line numbers.
function scenarioTableLines(toml: string): { line: string; index: number }[] {
  const lines = toml.split(/\r?\n/);
  const out: { line: string; index: number }[] = [];
  let inside = false;
  lines.forEach((line, index) => {
    const header = /^\s*\[\[?\s*([^\]]+?)\s*\]\]?\s*(#.*)?$/.exec(line);
    if (header) {
      inside = header[1] === 'scenario' && !line.trim().startsWith('[[');
      return;
    }
    if (inside) out.push({ line, index });
  });
  return out;
}

// `key = value   # comment` → the value text, quotes removed for a basic or literal string.
function valueOf(line: string, key: string): string | undefined {
  const m = new RegExp(`^\\s*${key}\\s*=\\s*(.*)$`).exec(line);
  if (!m) return undefined;
  const rest = m[1].trim();
  const quoted = /^"((?:[^"\\]|\\.)*)"|^'([^']*)'/.exec(rest);
  if (quoted) return quoted[1] !== undefined ? quoted[1].replace(/\\(["\\])/g, '$1') : quoted[2];
  return rest.replace(/\s*#.*$/, '').trim();
}

function wholeNumber(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const clean = text.replace(/_/g, '');
  return /^\d+$/.test(clean) ? Number(clean) : undefined;
}

export function scenarioHead(toml: string): ScenarioHead {
  const head: ScenarioHead = {};
  for (const { line } of scenarioTableLines(toml)) {
    head.name ??= valueOf(line, 'name');
    head.demand ??= valueOf(line, 'demand');
    head.replications ??= wholeNumber(valueOf(line, 'replications'));
    head.seed ??= wholeNumber(valueOf(line, 'seed'));
  }
  return head;
}

// Comments out the `network = ...` line of the `[scenario]` table. A comment rather than a
// deletion keeps the line numbers of the server's messages those of the reader's file.
export function leaveOutNetwork(toml: string): { text: string; removed: boolean } {
  const lines = toml.split('\n');
  let removed = false;
  for (const { line, index } of scenarioTableLines(toml)) {
    if (valueOf(line, 'network') !== undefined) {
      lines[index] = `# ${line.trim()}   # left out: the service simulates on the network it serves`;
      removed = true;
    }
  }
  return { text: lines.join('\n'), removed };
}

// A scenario's own comment that it is a what-if of another file: "What-if variant of X.toml".
export function whatIfOf(toml: string): string | undefined {
  const m = /what-if variant of\s+([\w.-]+?)(?:\.toml)?\b[:\s]/i.exec(toml);
  return m ? m[1] : undefined;
}

// The comment block a scenario file starts with (its author's description), without the
// "Run: landbridge simulate ..." lines meant for the command line.
export function leadingComment(toml: string): string {
  const out: string[] = [];
  for (const line of toml.split(/\r?\n/)) {
    const m = /^\s*#\s?(.*)$/.exec(line);
    if (!m) break;
    out.push(m[1]);
  }
  const run = out.findIndex((l) => /^Run:/.test(l.trim()));
  return (run >= 0 ? out.slice(0, run) : out).join(' ').replace(/\s+/g, ' ').trim();
}

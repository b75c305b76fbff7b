// The page's state lives in the URL's query string, so that a result can be shared and the back
// button works: `?view=search&from=JPHKT&to=DEDUI&depart=2026-12-10T08:00&pareto=1&lang=ja`.
// Every view reads and writes its own parameters here; nothing else keeps what a link must carry.
import { useEffect, useState } from 'preact/hooks';

export type Params = Record<string, string>;

export const VIEWS = ['network', 'search', 'bookings', 'track', 'operator', 'simulate'] as const;
export type View = (typeof VIEWS)[number];

export function parseParams(search: string): Params {
  const out: Params = {};
  new URLSearchParams(search).forEach((v, k) => {
    // Repeated names (avoid=RU&avoid=suez) are joined with commas.
    out[k] = k in out ? `${out[k]},${v}` : v;
  });
  return out;
}

// Stable order (view first, then alphabetical) so that the same state gives the same link.
export function formatParams(p: Params): string {
  const keys = Object.keys(p)
    .filter((k) => p[k] !== undefined && p[k] !== '')
    .sort((a, b) => (a === 'view' ? -1 : b === 'view' ? 1 : a < b ? -1 : a > b ? 1 : 0));
  if (keys.length === 0) return '';
  const q = new URLSearchParams();
  keys.forEach((k) => q.set(k, p[k]));
  return `?${q.toString()}`;
}

export function viewOf(p: Params): View {
  return (VIEWS as readonly string[]).includes(p.view) ? (p.view as View) : 'search';
}

type Listener = (p: Params) => void;
const listeners = new Set<Listener>();
let current: Params = typeof location === 'undefined' ? {} : parseParams(location.search);

export function getParams(): Params {
  return current;
}

// Merges `patch` into the state (a value of '' or undefined removes the name). `push`: a new
// history entry (a new search, another view); otherwise the current one is replaced (typing).
export function setParams(patch: Record<string, string | undefined>, push = false): void {
  const next: Params = { ...current };
  for (const [k, v] of Object.entries(patch)) {
    if (v === undefined || v === '') delete next[k];
    else next[k] = v;
  }
  current = next;
  if (typeof history !== 'undefined') {
    const url = `${location.pathname}${formatParams(next)}${location.hash}`;
    push ? history.pushState(null, '', url) : history.replaceState(null, '', url);
  }
  listeners.forEach((l) => l(current));
}

if (typeof window !== 'undefined') {
  window.addEventListener('popstate', () => {
    current = parseParams(location.search);
    listeners.forEach((l) => l(current));
  });
}

export function useParams(): Params {
  const [p, setP] = useState(current);
  useEffect(() => {
    const l: Listener = (n) => setP(n);
    listeners.add(l);
    return () => {
      listeners.delete(l);
    };
  }, []);
  return p;
}

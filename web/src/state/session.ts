// The signed-in API key: kept in sessionStorage (gone when the tab closes), never in the URL.
const STORAGE = 'landbridge.apiKey';
type Listener = () => void;
const listeners = new Set<Listener>();
let memory: string | null = null;

function storage(): Storage | null {
  try {
    return globalThis.sessionStorage ?? null;
  } catch {
    return null;
  }
}

export function getApiKey(): string | null {
  return storage()?.getItem(STORAGE) ?? memory;
}

export function setApiKey(key: string | null): void {
  memory = key;
  const s = storage();
  if (s) key ? s.setItem(STORAGE, key) : s.removeItem(STORAGE);
  listeners.forEach((l) => l());
}

export function onApiKeyChange(l: Listener): () => void {
  listeners.add(l);
  return () => listeners.delete(l);
}

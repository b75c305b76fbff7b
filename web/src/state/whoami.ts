// Who the signed-in key belongs to (GET /v1/whoami): its party and role decide which views
// offer what (operators see load lists and post events).
import { useEffect, useState } from 'preact/hooks';
import { get } from '../api/client';
import { getApiKey, onApiKeyChange } from './session';

export interface Caller {
  party: string;
  role: 'shipper' | 'operator' | 'admin';
  keyId: string;
}

// One GET /v1/whoami per key, shared by the sign-in and every view that asks (a view switch
// remounts the view); a failed answer is not kept, so the next call asks again.
let cached: { key: string; caller: Promise<Caller> } | null = null;

export async function fetchCaller(): Promise<Caller | null> {
  const key = getApiKey();
  if (!key) return null;
  if (cached?.key !== key) {
    const entry = { key, caller: get<Caller>('/v1/whoami') };
    cached = entry;
    entry.caller.catch(() => {
      if (cached === entry) cached = null;
    });
  }
  return cached.caller;
}

export function useCaller(): { caller: Caller | null; loading: boolean } {
  const [state, setState] = useState<{ caller: Caller | null; loading: boolean }>({ caller: null, loading: !!getApiKey() });
  useEffect(() => {
    let live = true;
    const load = () => {
      setState((s) => ({ ...s, loading: true }));
      fetchCaller()
        .then((c) => live && setState({ caller: c, loading: false }))
        .catch(() => live && setState({ caller: null, loading: false }));
    };
    load();
    const off = onApiKeyChange(load);
    return () => {
      live = false;
      off();
    };
  }, []);
  return state;
}

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

export async function fetchCaller(): Promise<Caller | null> {
  if (!getApiKey()) return null;
  return get<Caller>('/v1/whoami');
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

// One way to talk to `landbridge serve`: JSON in and out, problem+json errors as ApiError (with
// the field the server names), the API key from the sign-in, an Idempotency-Key on every write.
// Same origin: the page is served by the service it calls.
import { getApiKey } from '../state/session';

export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  field?: string;
  [more: string]: unknown;
}

// An answer other than 2xx. `field` is the request field the server blames ("from", "depart",
// "routingReference", "Authorization"...), so that a form can show the message next to it.
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: Problem,
  ) {
    super(problem.detail || problem.title || `HTTP ${status}`);
  }
  get field(): string | undefined {
    return this.problem.field || undefined;
  }
}

export type Query = Record<string, string | number | boolean | string[] | undefined | null>;

// "a=1&b=x&avoid=KZ&avoid=suez": arrays repeat the name; empty, null and undefined are left out.
export function queryString(q: Query): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(q)) {
    if (v === undefined || v === null || v === '') continue;
    if (Array.isArray(v)) v.forEach((x) => p.append(k, x));
    else p.append(k, String(v));
  }
  const s = p.toString();
  return s ? `?${s}` : '';
}

export function newIdempotencyKey(): string {
  if (globalThis.crypto?.randomUUID) return globalThis.crypto.randomUUID();
  return `k-${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}

interface Options {
  method?: string;
  body?: unknown;
  auth?: boolean; // send the signed-in key (default: when there is one)
  idempotencyKey?: string; // writes: one is made when not given
  signal?: AbortSignal;
}

export interface Answer<T> {
  data: T;
  headers: Headers;
  status: number;
}

export async function request<T>(path: string, opts: Options = {}): Promise<Answer<T>> {
  const method = opts.method ?? 'GET';
  const headers: Record<string, string> = { Accept: 'application/json' };
  const key = getApiKey();
  if (key && opts.auth !== false) headers.Authorization = `Bearer ${key}`;
  let body: string | undefined;
  if (opts.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(opts.body);
  }
  if (method === 'POST' || method === 'PATCH') headers['Idempotency-Key'] = opts.idempotencyKey ?? newIdempotencyKey();
  let res: Response;
  try {
    res = await fetch(path, { method, headers, body, signal: opts.signal });
  } catch (e) {
    if ((e as Error).name === 'AbortError') throw e;
    throw new ApiError(0, { title: 'network', detail: (e as Error).message });
  }
  const text = await res.text();
  let data: unknown = undefined;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = text;
    }
  }
  if (!res.ok) {
    const problem: Problem = data && typeof data === 'object' ? (data as Problem) : { detail: String(data ?? res.statusText) };
    throw new ApiError(res.status, { status: res.status, ...problem });
  }
  return { data: data as T, headers: res.headers, status: res.status };
}

export async function get<T>(path: string, q: Query = {}, signal?: AbortSignal): Promise<T> {
  return (await request<T>(path + queryString(q), { signal })).data;
}

// The simulation job API (docs/service-http.md, "Simulation jobs"): submit a scenario, poll the
// job, fetch its KPI summary and plot data, cancel it. Operator and admin keys only.
import { get, request } from '../../api/client';

export interface SimulationRequest {
  scenario: string;
  demand: string;
  compare?: string;
  compareDemand?: string;
  replications?: number;
  seed?: number;
}

export type JobStatus = 'queued' | 'running' | 'done' | 'failed' | 'cancelled';
export interface Job {
  id: string;
  status: JobStatus;
  progress: { done: number; total: number };
  cancelRequested: boolean;
  createdAt: string | null;
  startedAt: string | null;
  finishedAt: string | null;
  error?: string;
}

export interface Estimate {
  mean: number;
  half_width: number;
  stddev?: number;
}
// `landbridge simulate --json` of one scenario…
export interface SingleSummary {
  scenario: string;
  replications: number;
  seed: number;
  confidence: number;
  flows: { flow: string; corridor: string; planned_h: number }[];
  kpis: ({ group: string; key: string; metric: string } & Estimate)[];
}
// …and of a base with a what-if (`--compare`).
export interface ComparisonSummary {
  base: string;
  what_if: string;
  replications: number;
  confidence: number;
  kpis: { group: string; key: string; metric: string; base: Estimate; what_if: Estimate; change: number; half_width: number; clear: boolean }[];
}
export type Summary = SingleSummary | ComparisonSummary;

export interface HistogramPlot {
  title: string;
  unit: string;
  x_title: string;
  y: string;
  bin_width: number;
  edges: number[];
  sets: { label: string; counts: number[]; n: number; mean: number; p50: number; p95: number; min: number; max: number }[];
}
export interface QueueSeries {
  label: string;
  t0: number;
  dt: number;
  centre: string;
  centre_values: number[];
  band: string;
  lo: number[];
  hi: number[];
  replications: number;
  peak?: { any: number; centre: number; t: number };
}
export interface QueuePlot {
  title: string;
  x_title: string;
  y_title: string;
  interpolation: string;
  intervals: { from: number; to: number; label: string }[];
  references: unknown[];
  series: QueueSeries[];
}
export type Plots = Record<string, HistogramPlot | QueuePlot>;

const base = '/v1/simulations';

export async function submitSimulation(body: SimulationRequest, idempotencyKey: string): Promise<Job> {
  return (await request<Job>(base, { method: 'POST', body, idempotencyKey })).data;
}
export const getJob = (id: string, signal?: AbortSignal) => get<Job>(`${base}/${encodeURIComponent(id)}`, {}, signal);
export const getSummary = (id: string) => get<Summary>(`${base}/${encodeURIComponent(id)}/summary`);
export const getPlots = (id: string) => get<Plots>(`${base}/${encodeURIComponent(id)}/plots`);
export async function cancelJob(id: string): Promise<Job> {
  return (await request<Job>(`${base}/${encodeURIComponent(id)}`, { method: 'DELETE' })).data;
}

export const isFinished = (s: JobStatus) => s === 'done' || s === 'failed' || s === 'cancelled';

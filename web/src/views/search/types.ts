// The shapes of the route answers the search view reads (GET /v1/routes, GET /v1/chart). Only
// the members the view uses are named; the answer carries more (docs/service.md).

export interface Step {
  kind: 'leg' | 'node';
  from: string;
  to: string;
  at?: string | null; // node steps: the place
  mode?: string | null; // legs: feeder, deep_sea, rail, road...
  gauge?: string | null;
  link?: string | null; // static legs and unscheduled legs; null on a service's ride
  service?: string | null; // timetabled legs: the service ridden
  operation?: string | null; // node steps: handling, gauge_change+border, wait...
  passages?: string[];
  hours: number;
  distance_km: number;
  cost_usd: number;
  co2e_kg: number;
  // timetabled answers: instants (UTC), the same at the place's wall clock, the place's zone
  depart?: string | null;
  arrive?: string | null;
  depart_local?: string;
  arrive_local?: string;
  depart_zone?: string;
  arrive_zone?: string;
}

export interface Totals {
  days: number;
  hours: number;
  cost_usd: number;
  co2e_kg: number;
  distance_km: number;
}

export interface Itinerary {
  rank: number;
  label: string;
  corridor: string[];
  passages: string[];
  transshipments: number;
  via: string[];
  services?: string[];
  total: Totals;
  steps: Step[];
  routingReference?: string;
  ready?: string;
  ready_local?: string;
  depart?: string;
  depart_local?: string;
  arrive?: string;
  arrive_local?: string;
}

export interface RoutesAnswer {
  from: string;
  to: string;
  from_name: string;
  to_name: string;
  from_zone?: string;
  to_zone?: string;
  timetabled?: boolean;
  objective: string;
  pareto: boolean;
  unit: string;
  equipment: string;
  count: number;
  window_days?: number | null;
  truncated: boolean;
  capped: boolean;
  itineraries: Itinerary[];
}

export interface ChartPoint {
  kind: 'start' | 'node' | 'leg' | 'wait';
  node: string;
  km: number;
  days: number;
  usd: number;
  co2e_kg: number;
  what: string;
}
export interface ChartAnswer {
  series: { label: string; points: ChartPoint[] }[];
  units: Record<string, string>;
}

export interface Location {
  code: string;
  name: string;
  country: string;
  kind: string; // a node kind, or "place" for a UN/LOCODE place off the network
  lat: number;
  lon: number;
  on_network: boolean;
  timezone?: string;
}

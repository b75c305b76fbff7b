// What a routing reference says about its itinerary, read on the page without asking anyone.
// The service's format (src/query/reference.cpp): "lb1.<payload>.<checksum>", the payload
// base64url (no padding) of key=value lines — the query (from, to, depart, arrive_by, window,
// unit, count, avoid, pareto, max_trips, max_transshipments) and one line per ride
// "ride=SERVICE@START/BOARD/ALIGHT". The server re-plans the reference when it is booked; the
// page only uses it to show what is being booked and to ask /v1/routes for the same answer.
import type { Query } from '../../api/client';

export interface Ride {
  departure: string; // "RAIL-TXG-ZUU@2026-12-20T11:50Z"
  service: string;
  start: string; // the departure's start instant (UTC)
  board: string; // node code
  alight: string;
}
export interface DecodedReference {
  from: string;
  to: string;
  depart?: string;
  arriveBy?: string;
  window?: string;
  unit?: string;
  count?: number;
  avoid: string[];
  pareto: boolean;
  maxTrips?: number;
  maxTransshipments?: number;
  rides: Ride[];
}

function fromBase64Url(text: string): string | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return null;
  const b64 = text.replace(/-/g, '+').replace(/_/g, '/');
  const padded = b64 + '='.repeat((4 - (b64.length % 4)) % 4);
  try {
    const bin = atob(padded);
    return new TextDecoder().decode(Uint8Array.from(bin, (c) => c.charCodeAt(0)));
  } catch {
    return null;
  }
}

// null: not a reference of this format (the page then shows no summary; the server still decides).
export function decodeReference(ref: string): DecodedReference | null {
  const parts = ref.trim().split('.');
  if (parts.length !== 3 || parts[0] !== 'lb1') return null;
  const text = fromBase64Url(parts[1]);
  if (text === null) return null;
  const out: DecodedReference = { from: '', to: '', avoid: [], pareto: false, rides: [] };
  for (const line of text.split('\n')) {
    const eq = line.indexOf('=');
    if (eq < 0) continue;
    const key = line.slice(0, eq);
    const value = line.slice(eq + 1);
    if (value === '') continue;
    switch (key) {
      case 'from': out.from = value; break;
      case 'to': out.to = value; break;
      case 'depart': out.depart = value; break;
      case 'arrive_by': out.arriveBy = value; break;
      case 'window': out.window = value; break;
      case 'unit': out.unit = value; break;
      case 'count': out.count = Number(value); break;
      case 'avoid': out.avoid.push(value); break;
      case 'pareto': out.pareto = value === '1' || value === 'true'; break;
      case 'max_trips': out.maxTrips = Number(value); break;
      case 'max_transshipments': out.maxTransshipments = Number(value); break;
      case 'ride': {
        const m = /^([^@/]+)@([^/]+)\/([^/]+)\/([^/]+)$/.exec(value);
        if (m) out.rides.push({ departure: `${m[1]}@${m[2]}`, service: m[1], start: m[2], board: m[3], alight: m[4] });
        break;
      }
      default:
        break; // the network's fingerprint and anything newer
    }
  }
  return out.from && out.to ? out : null;
}

// The /v1/routes query that gave the reference, so that its itinerary can be shown in full.
export function routesQuery(d: DecodedReference): Query {
  return {
    from: d.from,
    to: d.to,
    depart: d.depart,
    arriveBy: d.arriveBy,
    window: d.window,
    unit: d.unit,
    count: d.count,
    avoid: d.avoid.length ? d.avoid : undefined,
    pareto: d.pareto ? 'true' : undefined,
    maxTrips: d.maxTrips,
    maxTransshipments: d.maxTransshipments !== undefined && d.maxTransshipments >= 0 ? d.maxTransshipments : undefined,
  };
}

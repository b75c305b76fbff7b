// The booking as the service answers it (DCSA Booking 2.0 shape, docs/service-domain.md), the
// equipment it sells, and what a state allows. Pure: the views render what these say.

export interface LocationRef {
  UNLocationCode: string;
  locationName?: string;
}
export interface BookedDeparture {
  departure: string; // "SERVICE@YYYY-MM-DDTHH:MMZ"
  TEU: number;
  capacityTEU: number;
}
export interface TransportPlanStage {
  transportPlanStageSequenceNumber: number;
  modeOfTransport: string;
  carrierServiceCode?: string;
  loadLocation: LocationRef;
  dischargeLocation: LocationRef;
  plannedDepartureDate: string;
  plannedArrivalDate: string;
}
export type BookingStatus = 'RECEIVED' | 'CONFIRMED' | 'REJECTED' | 'CANCELLED' | 'COMPLETED';
export interface Booking {
  carrierBookingReference: string;
  bookingStatus: BookingStatus;
  TEU?: number;
  bookingRequestCreatedDateTime?: string;
  bookingRequestUpdatedDateTime?: string;
  plannedArrivalDateTime?: string;
  estimatedArrivalDateTime?: string;
  routingReference?: string;
  departures?: BookedDeparture[];
  requestedEquipments?: { ISOEquipmentCode: string; units: number; equipmentReferences?: string[]; isShipperOwned?: boolean }[];
  shipmentLocations?: { locationTypeCode: string; location: LocationRef }[];
  transportPlan?: TransportPlanStage[];
}
export interface BookingPage {
  bookings: Booking[];
  nextCursor?: string | null;
}

// The equipment the service sells (docs/service.md: a 40' or 45' box takes 2 TEU, a 20' box 1).
export const EQUIPMENT = [
  { code: '22G1', teu: 1 },
  { code: '42G1', teu: 2 },
  { code: '45G1', teu: 2 },
  { code: '22R1', teu: 1 },
  { code: '45R1', teu: 2 },
] as const;
export type EquipmentCode = (typeof EQUIPMENT)[number]['code'];
export const MAX_UNITS = 500; // the service's limit (route::kMaxBoxes)

export function teuPerBox(code: string): number {
  return EQUIPMENT.find((e) => e.code === code)?.teu ?? 2;
}

// Who may move a booking where (docs/service.md "States"): a shipper cancels a confirmed or
// received booking; an operator may also mark a confirmed one COMPLETED.
export function canCancel(status: BookingStatus): boolean {
  return status === 'CONFIRMED' || status === 'RECEIVED';
}
export function canComplete(status: BookingStatus, role: string | undefined): boolean {
  return status === 'CONFIRMED' && (role === 'operator' || role === 'admin');
}
// The look of a state: holding slots, travelled, or ended without travelling.
export function statusTone(status: string): 'ok' | 'done' | 'ended' | 'pending' {
  switch (status) {
    case 'CONFIRMED': return 'ok';
    case 'COMPLETED': return 'done';
    case 'RECEIVED': return 'pending';
    default: return 'ended';
  }
}

export function containersOf(b: Booking): string[] {
  return (b.requestedEquipments ?? []).flatMap((r) => r.equipmentReferences ?? []);
}
export function equipmentSummary(b: Booking): { code: string; units: number }[] {
  return (b.requestedEquipments ?? []).map((r) => ({ code: r.ISOEquipmentCode, units: r.units }));
}
export function placeOf(b: Booking, type: 'PRE' | 'POL' | 'POD' | 'PDE'): LocationRef | undefined {
  return b.shipmentLocations?.find((s) => s.locationTypeCode === type)?.location;
}

// "RAIL-LYG-HOR@2026-12-14T00:00Z" → its service and start; null if it is not that shape.
export function splitDeparture(key: string): { service: string; start: string } | null {
  const m = /^([A-Za-z0-9_.-]+)@(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}Z)$/.exec(key.trim());
  return m ? { service: m[1], start: m[2] } : null;
}

// The departures of the bookings a caller sees, each once, in order of their start.
export function departuresOf(bookings: Booking[]): string[] {
  const seen = new Set<string>();
  for (const b of bookings) for (const d of b.departures ?? []) seen.add(d.departure);
  return [...seen].sort((a, b) => (splitDeparture(a)?.start ?? a).localeCompare(splitDeparture(b)?.start ?? b) || a.localeCompare(b));
}

// A server's field name for one of the shipper's own numbers ("equipmentReferences[2]") → 2.
export function containerIndexOfField(field: string | undefined): number | null {
  const m = field ? /^(?:requestedEquipments\[\d+\]\.)?equipmentReferences\[(\d+)\]$/.exec(field) : null;
  return m ? Number(m[1]) : null;
}

// The transport plan is the plan as booked; a re-plan (after a late event) moves the slots to
// other departures and may move the arrival. True when the departures held are not the plan's
// rides any more, or the expected arrival is not the booked one.
export function replannedSinceBooking(b: Booking): boolean {
  if (b.estimatedArrivalDateTime && b.plannedArrivalDateTime && b.estimatedArrivalDateTime !== b.plannedArrivalDateTime) return true;
  const held = (b.departures ?? []).map((d) => splitDeparture(d.departure)?.service ?? d.departure);
  if (held.length === 0) return false; // cancelled or rejected: nothing held
  const planned = (b.transportPlan ?? []).map((s) => s.carrierServiceCode).filter((s): s is string => !!s);
  return held.length !== planned.length || held.some((s, i) => s !== planned[i]);
}

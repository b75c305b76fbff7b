// The operator's event form → one DCSA T&T 2.2 event for POST /v2/events, and the wall-clock
// time at a place → the instant the service wants. Pure: the form renders, this decides.
import { checkContainer } from '../bookings/iso6346';

export const EQUIPMENT_CODES = ['GTIN', 'LOAD', 'DISC', 'GTOT'] as const;
export const TRANSPORT_CODES = ['DEPA', 'ARRI'] as const;
export type EventCode = (typeof EQUIPMENT_CODES)[number] | (typeof TRANSPORT_CODES)[number];

export interface EventForm {
  classifier: 'ACT' | 'EST';
  code: EventCode;
  equipmentReference: string; // equipment events
  bookingReference: string; // transport events (required there), equipment events (optional)
  location: string; // UN/LOCODE of a network place
  localTime: string; // "YYYY-MM-DDTHH:MM" at the place
  zone?: string; // the place's IANA zone; UTC when not known
}
export type FormErrors = Partial<Record<'equipmentReference' | 'bookingReference' | 'location' | 'localTime', { key: string; values?: Record<string, unknown> }>>;

export const isTransport = (code: string) => (TRANSPORT_CODES as readonly string[]).includes(code);

// The offset of `zone` from UTC at `instantMs`, in minutes (Tokyo: +540).
export function zoneOffsetMinutes(zone: string, instantMs: number): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
  }).formatToParts(new Date(instantMs));
  const v = (t: string) => Number(parts.find((p) => p.type === t)!.value);
  const asUtc = Date.UTC(v('year'), v('month') - 1, v('day'), v('hour'), v('minute'), v('second'));
  return Math.round((asUtc - Math.floor(instantMs / 1000) * 1000) / 60000);
}

// "2026-12-16T13:36" at Asia/Tokyo → "2026-12-16T04:36:00Z". null: not a date and time.
export function localToInstant(local: string, zone: string | undefined): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local);
  if (!m) return null;
  const wall = Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5]);
  if (Number.isNaN(wall)) return null;
  let t = wall;
  if (zone) {
    try {
      // Twice: the offset at the guess may differ from the offset at the answer (DST edges).
      t = wall - zoneOffsetMinutes(zone, wall) * 60000;
      t = wall - zoneOffsetMinutes(zone, t) * 60000;
    } catch {
      t = wall; // an unknown zone: take the time as UTC
    }
  }
  return new Date(t).toISOString().replace('.000Z', 'Z');
}

// The instant as wall-clock text at `zone` for a datetime-local input ("2026-12-16T13:36").
export function instantToLocal(instant: string, zone: string | undefined): string {
  const ms = Date.parse(instant);
  if (Number.isNaN(ms)) return '';
  let offset = 0;
  try {
    offset = zone ? zoneOffsetMinutes(zone, ms) : 0;
  } catch {
    offset = 0;
  }
  return new Date(ms + offset * 60000).toISOString().slice(0, 16);
}

export function checkEventForm(f: EventForm): FormErrors {
  const errors: FormErrors = {};
  if (isTransport(f.code)) {
    if (!f.bookingReference.trim()) errors.bookingReference = { key: 'operator.errors.bookingNeeded' };
  } else {
    const c = checkContainer(f.equipmentReference);
    if (!f.equipmentReference.trim()) errors.equipmentReference = { key: 'operator.errors.containerNeeded' };
    else if (!c.ok) errors.equipmentReference = c.reason === 'format' ? { key: 'iso6346.format' } : { key: 'iso6346.checkDigit', values: { expected: c.expected } };
  }
  if (!/^[A-Za-z]{2}[A-Za-z0-9]{3}$/.test(f.location.trim())) errors.location = { key: 'operator.errors.location' };
  if (!localToInstant(f.localTime, f.zone)) errors.localTime = { key: 'operator.errors.time' };
  return errors;
}

export function eventBody(f: EventForm): Record<string, unknown> {
  const when = localToInstant(f.localTime, f.zone);
  const base: Record<string, unknown> = {
    eventClassifierCode: f.classifier,
    eventDateTime: when,
    eventLocation: { UNLocationCode: f.location.trim().toUpperCase() },
  };
  const booking = f.bookingReference.trim().toUpperCase();
  const docs = booking ? { documentReferences: [{ documentReferenceType: 'BKG', documentReferenceValue: booking }] } : {};
  if (isTransport(f.code)) return { eventType: 'TRANSPORT', transportEventTypeCode: f.code, ...base, ...docs };
  return {
    eventType: 'EQUIPMENT',
    equipmentEventTypeCode: f.code,
    equipmentReference: checkContainer(f.equipmentReference).number,
    emptyIndicatorCode: 'LADEN',
    ...base,
    ...docs,
  };
}

// The server names fields of a posted event as "eventLocation.UNLocationCode" or, in a list,
// "events[0].equipmentReference": the form's field it means.
export function formFieldOf(serverField: string | undefined): keyof FormErrors | 'code' | null {
  if (!serverField) return null;
  const f = serverField.replace(/^events\[\d+\]\./, '');
  if (f === 'equipmentReference') return 'equipmentReference';
  if (f.startsWith('eventLocation') || f.startsWith('transportCall.UNLocationCode')) return 'location';
  if (f === 'eventDateTime') return 'localTime';
  if (f.startsWith('documentReferences')) return 'bookingReference';
  if (f === 'equipmentEventTypeCode' || f === 'transportEventTypeCode' || f === 'eventType' || f === 'eventClassifierCode') return 'code';
  return null;
}

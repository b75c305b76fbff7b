import { describe, expect, it } from 'vitest';
import { replannedSinceBooking, canCancel, canComplete, containerIndexOfField, containersOf, departuresOf, placeOf, splitDeparture, statusTone, teuPerBox, type Booking } from './model';

const booking = (ref: string, status: Booking['bookingStatus'], deps: string[]): Booking => ({
  carrierBookingReference: ref,
  bookingStatus: status,
  departures: deps.map((d) => ({ departure: d, TEU: 2, capacityTEU: 100 })),
  requestedEquipments: [{ ISOEquipmentCode: '42G1', units: 2, equipmentReferences: [`${ref}-1`, `${ref}-2`] }],
  shipmentLocations: [
    { locationTypeCode: 'POL', location: { UNLocationCode: 'JPHKT', locationName: 'Hakata (Fukuoka)' } },
    { locationTypeCode: 'PDE', location: { UNLocationCode: 'DEDUI', locationName: 'Duisburg' } },
  ],
});

describe('booking states', () => {
  it('lets confirmed and received bookings be cancelled, nothing final', () => {
    expect(canCancel('CONFIRMED')).toBe(true);
    expect(canCancel('RECEIVED')).toBe(true);
    for (const s of ['CANCELLED', 'REJECTED', 'COMPLETED'] as const) expect(canCancel(s)).toBe(false);
  });
  it('lets only operators and admins complete a confirmed booking', () => {
    expect(canComplete('CONFIRMED', 'operator')).toBe(true);
    expect(canComplete('CONFIRMED', 'admin')).toBe(true);
    expect(canComplete('CONFIRMED', 'shipper')).toBe(false);
    expect(canComplete('CANCELLED', 'operator')).toBe(false);
  });
  it('gives each state its tone', () => {
    expect(statusTone('CONFIRMED')).toBe('ok');
    expect(statusTone('COMPLETED')).toBe('done');
    expect(statusTone('REJECTED')).toBe('ended');
    expect(statusTone('CANCELLED')).toBe('ended');
    expect(statusTone('RECEIVED')).toBe('pending');
  });
});

describe('booking fields', () => {
  it('lists containers and places', () => {
    const b = booking('A', 'CONFIRMED', []);
    expect(containersOf(b)).toEqual(['A-1', 'A-2']);
    expect(placeOf(b, 'PDE')?.locationName).toBe('Duisburg');
    expect(placeOf(b, 'PRE')).toBeUndefined();
    expect(teuPerBox('22R1')).toBe(1);
    expect(teuPerBox('45G1')).toBe(2);
  });
  it('collects the departures of several bookings once each, by start time', () => {
    const list = [
      booking('A', 'CONFIRMED', ['RAIL-X@2026-12-20T00:00Z', 'FDR-Y@2026-12-16T23:00Z']),
      booking('B', 'CONFIRMED', ['FDR-Y@2026-12-16T23:00Z', 'AAA@2026-12-16T23:00Z']),
    ];
    expect(departuresOf(list)).toEqual(['AAA@2026-12-16T23:00Z', 'FDR-Y@2026-12-16T23:00Z', 'RAIL-X@2026-12-20T00:00Z']);
  });
  it('splits a departure key and refuses other text', () => {
    expect(splitDeparture('RAIL-LYG-HOR@2026-12-14T00:00Z')).toEqual({ service: 'RAIL-LYG-HOR', start: '2026-12-14T00:00Z' });
    expect(splitDeparture('RAIL-LYG-HOR 2026-12-14')).toBeNull();
    expect(splitDeparture('RAIL@2026-12-14T00:00')).toBeNull();
  });
  it('finds which own number the server blames', () => {
    expect(containerIndexOfField('equipmentReferences[3]')).toBe(3);
    expect(containerIndexOfField('requestedEquipments[0].equipmentReferences[1]')).toBe(1);
    expect(containerIndexOfField('units')).toBeNull();
    expect(containerIndexOfField(undefined)).toBeNull();
  });
});

describe('replannedSinceBooking', () => {
  const stage = (n: number, service?: string) => ({
    transportPlanStageSequenceNumber: n, modeOfTransport: 'RAIL', carrierServiceCode: service,
    loadLocation: { UNLocationCode: 'A' }, dischargeLocation: { UNLocationCode: 'B' }, plannedDepartureDate: '', plannedArrivalDate: '',
  });
  const b = (deps: string[]): Booking => ({
    ...booking('R', 'CONFIRMED', deps),
    transportPlan: [stage(1), stage(2, 'FDR-PUS-TXG'), stage(3, 'RAIL-TXG-ZUU')],
  });
  it('is false while the slots are on the plan’s rides (a road or unserviced first leg aside)', () => {
    expect(replannedSinceBooking(b(['FDR-PUS-TXG@2026-12-17T05:05Z', 'RAIL-TXG-ZUU@2026-12-20T11:50Z']))).toBe(false);
  });
  it('is true when the slots moved to other rides', () => {
    expect(replannedSinceBooking(b(['FDR-HKT-VYP@2026-12-16T23:00Z', 'TSR-VYP-MAL@2026-12-20T22:00Z']))).toBe(true);
    // the same services a week later: the arrival tells
    const later = { ...b(['FDR-PUS-TXG@2026-12-24T05:05Z', 'RAIL-TXG-ZUU@2026-12-27T11:50Z']), plannedArrivalDateTime: '2027-01-04T05:03:00Z', estimatedArrivalDateTime: '2027-01-11T05:03:00Z' };
    expect(replannedSinceBooking(later)).toBe(true);
  });
  it('is false for a booking holding nothing', () => {
    expect(replannedSinceBooking(b([]))).toBe(false);
  });
});

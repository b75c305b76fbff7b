// The booking just made on this page, so that its detail can say "booked" once it opens.
import type { Booking } from './model';

let last: Booking | null = null;
export function noteBooked(b: Booking): void {
  last = b;
}
export function justBooked(reference: string): Booking | null {
  return last && last.carrierBookingReference === reference ? last : null;
}

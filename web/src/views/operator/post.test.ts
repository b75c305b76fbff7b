import { describe, expect, it } from 'vitest';
import { checkEventForm, eventBody, formFieldOf, instantToLocal, localToInstant, zoneOffsetMinutes, type EventForm } from './post';

const form = (over: Partial<EventForm> = {}): EventForm => ({
  classifier: 'ACT', code: 'LOAD', equipmentReference: 'lbuu 1181712', bookingReference: '', location: 'krpus',
  localTime: '2026-12-17T14:05', zone: 'Asia/Seoul', ...over,
});

describe('local time at a place', () => {
  it('knows the offsets of the corridor’s zones, with summer time', () => {
    expect(zoneOffsetMinutes('Asia/Tokyo', Date.UTC(2026, 11, 16))).toBe(540);
    expect(zoneOffsetMinutes('Europe/Berlin', Date.UTC(2026, 11, 16))).toBe(60);
    expect(zoneOffsetMinutes('Europe/Berlin', Date.UTC(2026, 6, 16))).toBe(120);
    expect(zoneOffsetMinutes('Asia/Almaty', Date.UTC(2026, 11, 16))).toBe(300);
  });
  it('turns wall-clock time at the place into the instant and back', () => {
    expect(localToInstant('2026-12-16T13:36', 'Asia/Tokyo')).toBe('2026-12-16T04:36:00Z');
    expect(localToInstant('2027-01-04T06:03', 'Europe/Berlin')).toBe('2027-01-04T05:03:00Z');
    expect(localToInstant('2026-12-16T13:36', undefined)).toBe('2026-12-16T13:36:00Z');
    expect(instantToLocal('2026-12-16T04:36:00Z', 'Asia/Tokyo')).toBe('2026-12-16T13:36');
    expect(instantToLocal('2026-03-29T01:30:00Z', 'Europe/Berlin')).toBe('2026-03-29T03:30'); // after the spring change
  });
  it('refuses text that is not a date and time', () => {
    expect(localToInstant('', 'Asia/Tokyo')).toBeNull();
    expect(localToInstant('2026-12-16', 'Asia/Tokyo')).toBeNull();
  });
});

describe('the event form', () => {
  it('builds an equipment event with the normalised container and the instant', () => {
    expect(eventBody(form())).toEqual({
      eventType: 'EQUIPMENT', equipmentEventTypeCode: 'LOAD', equipmentReference: 'LBUU1181712', emptyIndicatorCode: 'LADEN',
      eventClassifierCode: 'ACT', eventDateTime: '2026-12-17T05:05:00Z', eventLocation: { UNLocationCode: 'KRPUS' },
    });
  });
  it('builds a transport event naming its booking', () => {
    const body = eventBody(form({ code: 'DEPA', classifier: 'EST', bookingReference: ' lbhx0lar1j93 ', equipmentReference: '' }));
    expect(body).toMatchObject({ eventType: 'TRANSPORT', transportEventTypeCode: 'DEPA', eventClassifierCode: 'EST' });
    expect(body.documentReferences).toEqual([{ documentReferenceType: 'BKG', documentReferenceValue: 'LBHX0LAR1J93' }]);
    expect(body.equipmentReference).toBeUndefined();
  });
  it('says what is missing or wrong before sending', () => {
    expect(checkEventForm(form())).toEqual({});
    expect(checkEventForm(form({ equipmentReference: 'LBUU1181713' })).equipmentReference).toEqual({ key: 'iso6346.checkDigit', values: { expected: 2 } });
    expect(checkEventForm(form({ code: 'ARRI' })).bookingReference?.key).toBe('operator.errors.bookingNeeded');
    expect(checkEventForm(form({ code: 'ARRI', bookingReference: 'X', equipmentReference: '' }))).toEqual({});
    expect(Object.keys(checkEventForm(form({ location: 'Busan port', localTime: '' })))).toEqual(['location', 'localTime']);
  });
  it('maps the server’s field names onto the form', () => {
    expect(formFieldOf('events[1].equipmentReference')).toBe('equipmentReference');
    expect(formFieldOf('eventLocation.UNLocationCode')).toBe('location');
    expect(formFieldOf('documentReferences')).toBe('bookingReference');
    expect(formFieldOf('eventDateTime')).toBe('localTime');
    expect(formFieldOf('Idempotency-Key')).toBeNull();
  });
});

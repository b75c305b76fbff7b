// Posting one actual or estimated event (POST /v2/events, operators): what happened, to which
// box (or, for a departure or arrival, which booking), where and when (local time at the place).
// The answer shows the stored event and any re-plan the service made of the late box's journey.
import { useEffect, useMemo, useState } from 'preact/hooks';
import { ApiError, request } from '../../api/client';
import { Field } from '../../components/field';
import { ProblemBox, errorText } from '../../components/problem';
import { formatHours } from '../../format';
import { useT } from '../../i18n';
import { setParams } from '../../state/url';
import { At, placeName, useNetwork, zoneOf } from '../bookings/shared';
import type { TrackEvent } from '../track/events';
import { EQUIPMENT_CODES, TRANSPORT_CODES, checkEventForm, eventBody, formFieldOf, instantToLocal, isTransport, type EventCode, type EventForm, type FormErrors } from './post';

interface Replan {
  carrierBookingReference: string;
  UNLocationCode?: string;
  replanned: boolean;
  delayMinutes?: number;
  plannedDateTime?: string;
  eventDateTime?: string;
  estimatedArrivalDateTime?: string;
  departures?: string[];
  holdsMoved?: boolean;
  reason?: string;
  [more: string]: unknown;
}
interface PostAnswer {
  events: TrackEvent[];
  replans: Replan[];
}

export function EventFormPanel({ container, booking }: { container?: string; booking?: string }) {
  const t = useT('booking');
  const net = useNetwork();
  const [form, setForm] = useState<EventForm>({
    classifier: 'ACT', code: 'GTIN', equipmentReference: container ?? '', bookingReference: booking ?? '', location: '', localTime: '',
  });
  const [errors, setErrors] = useState<FormErrors>({});
  const [error, setError] = useState<unknown>(null);
  const [answer, setAnswer] = useState<PostAnswer | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => setForm((f) => ({ ...f, equipmentReference: container ?? f.equipmentReference, bookingReference: booking ?? f.bookingReference })), [container, booking]);

  const code = form.location.trim().toUpperCase();
  const zone = zoneOf(net, code);
  const places = useMemo(() => (net ? [...net.nodes.values()].sort((a, b) => a.code.localeCompare(b.code)) : []), [net]);
  const set = (patch: Partial<EventForm>) => setForm((f) => ({ ...f, ...patch }));
  const serverField = error instanceof ApiError ? formFieldOf(error.field) : null;
  const message = (k: keyof FormErrors) => {
    const e = errors[k];
    if (e) return t(e.key, e.values);
    return serverField === k ? errorText(error) : undefined;
  };

  const submit = async (e: Event) => {
    e.preventDefault();
    const f = { ...form, zone };
    const errs = checkEventForm(f);
    setErrors(errs);
    if (Object.keys(errs).length) return;
    setBusy(true);
    setError(null);
    setAnswer(null);
    try {
      const { data } = await request<PostAnswer>('/v2/events', { method: 'POST', body: eventBody(f) });
      setAnswer(data);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const transport = isTransport(form.code);
  return (
    <section class="card" data-testid="event-form">
      <h2>{t('operator.postTitle')}</h2>
      <form onSubmit={submit} noValidate>
        <fieldset class="classifier">
          <legend>{t('operator.classifier')}</legend>
          {(['ACT', 'EST'] as const).map((c) => (
            <label key={c}>
              <input type="radio" name="classifier" value={c} checked={form.classifier === c} onChange={() => set({ classifier: c })} data-testid={`event-classifier-${c}`} /> {t(`operator.classifiers.${c}`)}
            </label>
          ))}
        </fieldset>
        <Field id="op-code" label={t('operator.code')} error={serverField === 'code' ? errorText(error) : undefined}>
          <select id="op-code" value={form.code} onChange={(e) => set({ code: (e.target as HTMLSelectElement).value as EventCode })} data-testid="event-code">
            <optgroup label={t('operator.equipmentEvents')}>
              {EQUIPMENT_CODES.map((c) => (
                <option value={c}>
                  {t(`event.${c}`)} ({c})
                </option>
              ))}
            </optgroup>
            <optgroup label={t('operator.transportEvents')}>
              {TRANSPORT_CODES.map((c) => (
                <option value={c}>
                  {t(`event.${c}`)} ({c})
                </option>
              ))}
            </optgroup>
          </select>
        </Field>
        <div class="row">
          {!transport && (
            <Field id="op-eq" label={t('operator.container')} error={message('equipmentReference')}>
              <input id="op-eq" value={form.equipmentReference} spellcheck={false} autocapitalize="characters" placeholder="LBUU1181712" onInput={(e) => set({ equipmentReference: (e.target as HTMLInputElement).value })} data-testid="event-container" />
            </Field>
          )}
          <Field id="op-bk" label={transport ? t('operator.booking') : t('operator.bookingOptional')} error={message('bookingReference')}>
            <input id="op-bk" value={form.bookingReference} spellcheck={false} autocapitalize="characters" onInput={(e) => set({ bookingReference: (e.target as HTMLInputElement).value })} data-testid="event-booking" />
          </Field>
        </div>
        <div class="row place-time">
          <Field id="op-loc" label={t('operator.location')} error={message('location')} hint={net?.nodes.get(code)?.name}>
            <input id="op-loc" list="op-places" value={form.location} spellcheck={false} autocapitalize="characters" placeholder="KZHOR" onInput={(e) => set({ location: (e.target as HTMLInputElement).value })} data-testid="event-location" />
            <datalist id="op-places">
              {places.map((n) => (
                <option value={n.code}>{n.name}</option>
              ))}
            </datalist>
          </Field>
          <Field id="op-time" label={t('operator.time', { zone: zone ?? 'UTC' })} error={message('localTime')}>
            <div class="inline">
              <input id="op-time" type="datetime-local" value={form.localTime} onInput={(e) => set({ localTime: (e.target as HTMLInputElement).value })} data-testid="event-time" />
              <button type="button" class="secondary" onClick={() => set({ localTime: instantToLocal(new Date().toISOString(), zone) })}>
                {t('operator.now')}
              </button>
            </div>
          </Field>
        </div>
        <div class="actions">
          <button type="submit" disabled={busy} data-testid="event-submit">
            {t('operator.post')}
          </button>
        </div>
        {!serverField && <ProblemBox error={error} />}
      </form>
      {answer && (
        <div class="answer" data-testid="event-answer" role="status">
          <p class="notice ok">{t('operator.posted', { count: answer.events.length })}</p>
          <ul>
            {answer.events.map((ev) => {
              const c = ev.equipmentEventTypeCode ?? ev.transportEventTypeCode ?? '';
              const at = ev.eventLocation?.UNLocationCode ?? '';
              return (
                <li key={ev.eventID}>
                  {ev.eventClassifierCode} · {t(`event.${c}`, { defaultValue: c })} · {placeName(net, at, ev.eventLocation?.locationName)} · <At instant={ev.eventDateTime} code={at} net={net} />
                  {ev.equipmentReference && (
                    <>
                      {' · '}
                      <a
                        href={`?view=track&eq=${ev.equipmentReference}`}
                        onClick={(e) => {
                          e.preventDefault();
                          setParams({ view: 'track', eq: ev.equipmentReference, dep: undefined, bk: undefined }, true);
                        }}
                      >
                        <code>{ev.equipmentReference}</code>
                      </a>
                    </>
                  )}
                </li>
              );
            })}
          </ul>
          {answer.replans.length === 0 ? (
            <p class="muted" data-testid="event-no-replan">{t('operator.noReplan')}</p>
          ) : (
            <>
              <h3>{t('operator.replans')}</h3>
              <ul data-testid="event-replans">
                {answer.replans.map((r) => (
                  <li key={r.carrierBookingReference} data-testid="event-replan">
                    <code>{r.carrierBookingReference}</code>:{' '}
                    {r.replanned ? (
                      <>
                        {t('operator.replanned', { delay: formatHours((r.delayMinutes ?? 0) / 60) })}{' '}
                        {r.estimatedArrivalDateTime && (
                          <>
                            {t('operator.newEta')} <At instant={r.estimatedArrivalDateTime} net={net} />
                          </>
                        )}
                        {r.departures && r.departures.length > 0 && (
                          <ul class="rides">
                            {r.departures.map((d) => (
                              <li key={d}>
                                <code>{d}</code>
                              </li>
                            ))}
                          </ul>
                        )}
                      </>
                    ) : (
                      <>
                        {t('operator.notReplanned')} {typeof r.reason === 'string' ? r.reason : ''}
                      </>
                    )}
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
    </section>
  );
}

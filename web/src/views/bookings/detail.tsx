// One booking (?bk=): its state, places, equipment and containers (each opens the Track view),
// the rides it holds slots on, and cancelling it (PATCH bookingStatus CANCELLED) after a
// confirm step; operators may also mark it COMPLETED.
import { useEffect, useRef, useState } from 'preact/hooks';
import { get, request } from '../../api/client';
import { ProblemBox } from '../../components/problem';
import { formatNumber } from '../../format';
import { useT } from '../../i18n';
import { whenMap } from '../../map/mapview';
import { setParams } from '../../state/url';
import type { Caller } from '../../state/whoami';
import { legPath } from '../track/path';
import { justBooked } from './booked';
import { passagesOf, ridePassages, useItinerary } from './itinerary';
import { canCancel, canComplete, containersOf, equipmentSummary, placeOf, replannedSinceBooking, splitDeparture, type Booking } from './model';
import { At, StatusBadge, placeName, useNetwork } from './shared';

const OVERLAY = 'booking-detail';

export function BookingDetail({ reference, caller, onChanged }: { reference: string; caller: Caller | null; onChanged: () => void }) {
  const t = useT('booking');
  const net = useNetwork();
  const [booking, setBooking] = useState<Booking | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [confirming, setConfirming] = useState<'CANCELLED' | 'COMPLETED' | null>(null);
  const [busy, setBusy] = useState(false);
  const fresh = justBooked(reference);
  const { itinerary } = useItinerary(booking?.routingReference);

  useEffect(() => {
    let live = true;
    setBooking(null);
    setError(null);
    setConfirming(null);
    get<Booking>(`/v2/bookings/${encodeURIComponent(reference)}`)
      .then((b) => live && setBooking(b))
      .catch((e) => live && setError(e));
    return () => {
      live = false;
    };
  }, [reference]);

  // The booked rides on the map.
  useEffect(() => {
    if (!net || !booking?.transportPlan) return;
    const stages = booking.transportPlan;
    const rides = ridePassages(itinerary);
    const asBooked = replannedSinceBooking(booking);
    whenMap().then((m) => {
      m.setNetworkMuted(true);
      m.setOverlay(
        OVERLAY,
        {
          lines: stages.map((s) => ({
            coords: legPath(net, s.loadLocation.UNLocationCode, s.dischargeLocation.UNLocationCode, s.modeOfTransport, passagesOf(rides, s.carrierServiceCode, s.loadLocation.UNLocationCode, s.dischargeLocation.UNLocationCode)),
            color: !asBooked && (booking.bookingStatus === 'CONFIRMED' || booking.bookingStatus === 'COMPLETED') ? '#0b5fa5' : '#8a96a3',
            dash: asBooked ? '6 6' : undefined,
            weight: 4,
            tooltip: `${s.carrierServiceCode ?? s.modeOfTransport}: ${s.loadLocation.UNLocationCode} – ${s.dischargeLocation.UNLocationCode}`,
          })),
        },
        true,
      );
    });
  }, [net, booking, itinerary]);
  useEffect(
    () => () => {
      whenMap().then((m) => {
        m.setOverlay(OVERLAY, null);
        m.setNetworkMuted(false);
      });
    },
    [],
  );

  const change = async (status: 'CANCELLED' | 'COMPLETED') => {
    setBusy(true);
    setError(null);
    try {
      const { data } = await request<Booking>(`/v2/bookings/${encodeURIComponent(reference)}`, { method: 'PATCH', body: { bookingStatus: status } });
      setBooking(data);
      setConfirming(null);
      onChanged();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const close = (
    <button type="button" class="link" onClick={() => setParams({ bk: undefined }, true)}>
      {t('detail.back')}
    </button>
  );
  if (!booking) {
    return (
      <section class="card" data-testid="booking-detail">
        {close}
        {error ? <ProblemBox error={error} /> : <p class="muted">{t('common:loading')}</p>}
      </section>
    );
  }
  const pol = placeOf(booking, 'POL') ?? placeOf(booking, 'PRE');
  const pde = placeOf(booking, 'PDE') ?? placeOf(booking, 'POD');
  const boxes = containersOf(booking);
  const eta = booking.estimatedArrivalDateTime;
  const replanned = replannedSinceBooking(booking);
  const late = eta && booking.plannedArrivalDateTime && Date.parse(eta) > Date.parse(booking.plannedArrivalDateTime);
  return (
    <section class="card booking-detail" data-testid="booking-detail" data-ref={booking.carrierBookingReference}>
      {close}
      {fresh && booking.bookingStatus === 'CONFIRMED' && (
        <p class="notice ok" role="status" data-testid="book-confirmed">
          {t('result.confirmed', { count: boxes.length })}
        </p>
      )}
      <h2>
        <code data-testid="booking-reference">{booking.carrierBookingReference}</code> <StatusBadge status={booking.bookingStatus} />
      </h2>
      <p class="route">
        <strong>{pol?.locationName ?? pol?.UNLocationCode}</strong> → <strong>{pde?.locationName ?? pde?.UNLocationCode}</strong>
      </p>
      <dl class="facts">
        <dt>{t('detail.equipment')}</dt>
        <dd>
          {equipmentSummary(booking)
            .map((q) => `${q.units} × ${t(`equipment.${q.code}`, { defaultValue: q.code })} (${q.code})`)
            .join(', ')}
          {booking.TEU !== undefined && <span class="muted"> · {t('form.teu', { count: booking.TEU })}</span>}
        </dd>
        {booking.plannedArrivalDateTime && (
          <>
            <dt>{t('detail.planned')}</dt>
            <dd>
              <At instant={booking.plannedArrivalDateTime} code={pde?.UNLocationCode} net={net} />
            </dd>
          </>
        )}
        {eta && eta !== booking.plannedArrivalDateTime && (
          <>
            <dt>{t('detail.estimated')}</dt>
            <dd class={late ? 'late' : ''}>
              <At instant={eta} code={pde?.UNLocationCode} net={net} />
            </dd>
          </>
        )}
        {booking.bookingRequestCreatedDateTime && (
          <>
            <dt>{t('detail.created')}</dt>
            <dd>
              <At instant={booking.bookingRequestCreatedDateTime} net={net} />
            </dd>
          </>
        )}
      </dl>
      {boxes.length > 0 && (
        <>
          <h3>{t('detail.containers', { count: boxes.length })}</h3>
          <ul class="containers" data-testid="booking-containers">
            {boxes.map((c) => (
              <li key={c}>
                <a
                  href={`?view=track&eq=${c}`}
                  data-testid="container-link"
                  onClick={(e) => {
                    e.preventDefault();
                    setParams({ view: 'track', eq: c, bk: undefined, ref: undefined }, true);
                  }}
                  title={t('detail.track')}
                >
                  <code>{c}</code>
                </a>
              </li>
            ))}
          </ul>
        </>
      )}
      {replanned && (
        <div class="notice replanned" role="status" data-testid="booking-replanned">
          <p>{t('detail.replanned')}</p>
          <ul>
            {(booking.departures ?? []).map((d) => (
              <li key={d.departure}>
                <code>{d.departure}</code>
              </li>
            ))}
          </ul>
        </div>
      )}
      {booking.transportPlan && booking.transportPlan.length > 0 && (
        <>
          <h3>{replanned ? t('detail.planAsBooked') : t('detail.plan')}</h3>
          <div class="scroll-x">
            <table data-testid="booking-plan">
              <thead>
                <tr>
                  <th>{t('detail.ride')}</th>
                  <th>{t('detail.from')}</th>
                  <th>{t('detail.to')}</th>
                </tr>
              </thead>
              <tbody>
                {booking.transportPlan.map((s) => (
                  <tr key={s.transportPlanStageSequenceNumber}>
                    <td>
                      {t(`mode.${s.modeOfTransport}`, { defaultValue: s.modeOfTransport })}
                      {s.carrierServiceCode && (
                        <>
                          <br />
                          <code>{s.carrierServiceCode}</code>
                        </>
                      )}
                    </td>
                    <td>
                      {placeName(net, s.loadLocation.UNLocationCode, s.loadLocation.locationName)}
                      <br />
                      <small><At instant={s.plannedDepartureDate} code={s.loadLocation.UNLocationCode} net={net} /></small>
                    </td>
                    <td>
                      {placeName(net, s.dischargeLocation.UNLocationCode, s.dischargeLocation.locationName)}
                      <br />
                      <small><At instant={s.plannedArrivalDate} code={s.dischargeLocation.UNLocationCode} net={net} /></small>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      {booking.departures && booking.departures.length > 0 && (
        <details class="departures">
          <summary>{t('detail.departures', { count: booking.departures.length })}</summary>
          <ul>
            {booking.departures.map((d) => {
              const s = splitDeparture(d.departure);
              return (
                <li key={d.departure}>
                  <code>{d.departure}</code> · {t('detail.holds', { teu: formatNumber(d.TEU), capacity: formatNumber(d.capacityTEU) })}
                  {s && caller && (caller.role === 'operator' || caller.role === 'admin') && (
                    <>
                      {' '}
                      <a
                        href={`?view=operator&dep=${encodeURIComponent(d.departure)}`}
                        onClick={(e) => {
                          e.preventDefault();
                          setParams({ view: 'operator', dep: d.departure, bk: undefined }, true);
                        }}
                      >
                        {t('detail.loadList')}
                      </a>
                    </>
                  )}
                </li>
              );
            })}
          </ul>
        </details>
      )}
      <ProblemBox error={error} />
      <div class="actions">
        {canCancel(booking.bookingStatus) && confirming !== 'CANCELLED' && (
          <button type="button" class="danger" onClick={() => setConfirming('CANCELLED')} data-testid="booking-cancel">
            {t('detail.cancel')}
          </button>
        )}
        {canComplete(booking.bookingStatus, caller?.role) && confirming !== 'COMPLETED' && (
          <button type="button" class="secondary" onClick={() => setConfirming('COMPLETED')} data-testid="booking-complete">
            {t('detail.complete')}
          </button>
        )}
      </div>
      {confirming && (
        <Confirm
          question={confirming === 'CANCELLED' ? t('detail.cancelQuestion', { count: boxes.length }) : t('detail.completeQuestion')}
          yes={confirming === 'CANCELLED' ? t('detail.cancelYes') : t('detail.completeYes')}
          no={t('detail.keep')}
          danger={confirming === 'CANCELLED'}
          busy={busy}
          onYes={() => change(confirming)}
          onNo={() => setConfirming(null)}
        />
      )}
    </section>
  );
}

// The confirm step: the answer that changes something gets the focus; Escape keeps things as they are.
function Confirm(props: { question: string; yes: string; no: string; danger: boolean; busy: boolean; onYes: () => void; onNo: () => void }) {
  const yes = useRef<HTMLButtonElement>(null);
  useEffect(() => yes.current?.focus(), []);
  return (
    <div class="confirm" role="alertdialog" aria-labelledby="confirm-q" data-testid="booking-confirm" onKeyDown={(e) => e.key === 'Escape' && props.onNo()}>
      <p id="confirm-q">{props.question}</p>
      <div class="actions">
        <button type="button" ref={yes} class={props.danger ? 'danger' : ''} disabled={props.busy} onClick={props.onYes} data-testid="booking-confirm-yes">
          {props.yes}
        </button>
        <button type="button" class="secondary" disabled={props.busy} onClick={props.onNo} data-testid="booking-confirm-no">
          {props.no}
        </button>
      </div>
    </div>
  );
}

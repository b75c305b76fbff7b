// A departure's load list (GET /v1/departures/{SERVICE@start}/load-list): its capacity, the TEU
// booked and free, a row per booking holding slots and the TEU per feeder. The departure is
// picked from those of the bookings the operator sees, or typed; it is kept in the URL (?dep=).
import { useEffect, useState } from 'preact/hooks';
import { get } from '../../api/client';
import { Field } from '../../components/field';
import { ProblemBox, fieldError } from '../../components/problem';
import { formatNumber } from '../../format';
import { useT } from '../../i18n';
import { setParams } from '../../state/url';
import { departuresOf, splitDeparture, type BookingPage, type LocationRef } from '../bookings/model';
import { At, StatusBadge, useNetwork } from '../bookings/shared';

interface LoadList {
  departure: string;
  service: string;
  departureDateTime: string;
  capacityTEU: number;
  bookedTEU: number;
  freeTEU: number;
  bookings: {
    carrierBookingReference: string;
    party: string;
    bookingStatus: string;
    ISOEquipmentCode: string;
    units: number;
    TEU: number;
    boardingLocation?: LocationRef | null;
    placeOfReceipt?: LocationRef | null;
    feederService?: string | null;
    inboundService?: string | null;
  }[];
  feeders: { feederService: string; TEU: number; bookings: number }[];
}

export function LoadListPanel({ departure }: { departure: string }) {
  const t = useT('booking');
  const net = useNetwork();
  const [known, setKnown] = useState<string[]>([]);
  const [typed, setTyped] = useState(departure);
  const [typedError, setTypedError] = useState<string>();
  const [list, setList] = useState<LoadList | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(false);

  useEffect(() => {
    get<BookingPage>('/v2/bookings', { limit: 100 })
      .then((p) => setKnown(departuresOf(p.bookings.filter((b) => b.bookingStatus === 'CONFIRMED' || b.bookingStatus === 'RECEIVED'))))
      .catch(() => setKnown([]));
  }, []);
  useEffect(() => setTyped(departure), [departure]);
  useEffect(() => {
    if (!departure) {
      setList(null);
      return;
    }
    let live = true;
    setLoading(true);
    setError(null);
    get<LoadList>(`/v1/departures/${encodeURIComponent(departure)}/load-list`)
      .then((l) => live && setList(l))
      .catch((e) => {
        if (!live) return;
        setList(null);
        setError(e);
      })
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [departure]);

  const open = (dep: string) => {
    const d = dep.trim();
    if (!splitDeparture(d)) {
      setTypedError(t('operator.errors.departure'));
      return;
    }
    setTypedError(undefined);
    setParams({ dep: d }, true);
  };
  const used = list ? Math.min(1, list.bookedTEU / Math.max(1, list.capacityTEU)) : 0;
  return (
    <section class="card" data-testid="load-list">
      <h2>{t('operator.loadList')}</h2>
      {known.length > 0 && (
        <Field id="op-dep-pick" label={t('operator.pick')}>
          <select id="op-dep-pick" value={known.includes(departure) ? departure : ''} onChange={(e) => open((e.target as HTMLSelectElement).value)} data-testid="load-list-pick">
            <option value="">{t('operator.pickNone')}</option>
            {known.map((d) => (
              <option value={d}>{d}</option>
            ))}
          </select>
        </Field>
      )}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          open(typed);
        }}
        noValidate
      >
        <Field id="op-dep" label={t('operator.departure')} hint={t('operator.departureHint')} error={typedError || fieldError(error, 'departure')}>
          <div class="inline">
            <input id="op-dep" value={typed} spellcheck={false} placeholder="RAIL-LYG-HOR@2026-12-14T00:00Z" onInput={(e) => setTyped((e.target as HTMLInputElement).value)} data-testid="load-list-input" />
            <button type="submit">{t('operator.show')}</button>
          </div>
        </Field>
      </form>
      {error && !fieldError(error, 'departure') ? <ProblemBox error={error} /> : null}
      {loading && <p class="muted">{t('common:loading')}</p>}
      {list && (
        <div data-testid="load-list-result">
          <p>
            <code>{list.service}</code> · <At instant={list.departureDateTime} net={net} />
          </p>
          <div class="capacity" aria-label={t('operator.capacityLabel')}>
            <div class="bar">
              <div class="used" style={{ width: `${used * 100}%` }} />
            </div>
            <span data-testid="load-list-teu">
              {t('operator.teu', { booked: formatNumber(list.bookedTEU), capacity: formatNumber(list.capacityTEU), free: formatNumber(list.freeTEU) })}
            </span>
          </div>
          {list.bookings.length === 0 ? (
            <p class="muted">{t('operator.noBookings')}</p>
          ) : (
            <div class="scroll-x">
              <table>
                <thead>
                  <tr>
                    <th>{t('list.reference')}</th>
                    <th>{t('operator.party')}</th>
                    <th>{t('list.status')}</th>
                    <th>{t('list.equipment')}</th>
                    <th class="num">TEU</th>
                    <th>{t('operator.receipt')}</th>
                    <th>{t('operator.feeder')}</th>
                  </tr>
                </thead>
                <tbody>
                  {list.bookings.map((b) => (
                    <tr key={b.carrierBookingReference} data-testid="load-list-row">
                      <td>
                        <a
                          href={`?view=bookings&bk=${b.carrierBookingReference}`}
                          onClick={(e) => {
                            e.preventDefault();
                            setParams({ view: 'bookings', bk: b.carrierBookingReference, dep: undefined, eq: undefined }, true);
                          }}
                        >
                          <code>{b.carrierBookingReference}</code>
                        </a>
                      </td>
                      <td>{b.party}</td>
                      <td>
                        <StatusBadge status={b.bookingStatus} />
                      </td>
                      <td>
                        {b.units} × {b.ISOEquipmentCode}
                      </td>
                      <td class="num">{formatNumber(b.TEU)}</td>
                      <td>{b.placeOfReceipt?.locationName ?? b.placeOfReceipt?.UNLocationCode ?? '–'}</td>
                      <td>
                        <code>{b.feederService ?? '–'}</code>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {list.feeders.length > 0 && (
            <>
              <h3>{t('operator.feeders')}</h3>
              <ul class="feeders">
                {list.feeders.map((f) => (
                  <li key={f.feederService}>
                    <code>{f.feederService}</code>: {t('operator.feederRow', { teu: formatNumber(f.TEU), count: f.bookings })}
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

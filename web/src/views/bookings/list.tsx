// The caller's bookings (an operator's: everyone's), newest first, a page at a time
// (GET /v2/bookings?limit=&cursor=). A row opens the booking (?bk=).
import { useEffect, useState } from 'preact/hooks';
import { get } from '../../api/client';
import { ProblemBox } from '../../components/problem';
import { formatDate, formatDateTime } from '../../format';
import type { Network } from '../../api/network';
import { useT } from '../../i18n';
import { setParams } from '../../state/url';
import { equipmentSummary, placeOf, type Booking, type BookingPage } from './model';
import { StatusBadge, useNetwork, zoneOf } from './shared';

const PAGE = 20;

export function BookingList({ selected, version, everyone }: { selected?: string; version: number; everyone?: boolean }) {
  const t = useT('booking');
  const net = useNetwork();
  const [rows, setRows] = useState<Booking[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);

  const load = async (cursor?: string) => {
    setLoading(true);
    setError(null);
    try {
      const page = await get<BookingPage>('/v2/bookings', { limit: PAGE, cursor });
      setRows((r) => (cursor ? [...r, ...page.bookings] : page.bookings));
      setNext(page.nextCursor || null);
    } catch (e) {
      setError(e);
    } finally {
      setLoading(false);
    }
  };
  useEffect(() => {
    load();
  }, [version]);

  return (
    <section class="booking-list" data-testid="booking-list">
      <div class="head">
        <h2>{everyone ? t('list.titleAll') : t('list.title')}</h2>
        <button type="button" class="link" onClick={() => load()} disabled={loading}>
          {t('list.refresh')}
        </button>
      </div>
      <ProblemBox error={error} />
      {!loading && !error && rows.length === 0 && <p class="muted">{t('list.empty')}</p>}
      {rows.length > 0 && (
        <div class="scroll-x">
          <table>
            <thead>
              <tr>
                <th>{t('list.reference')}</th>
                <th>{t('list.status')}</th>
                <th>{t('list.route')}</th>
                <th>{t('list.arrival')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((b) => {
                const pol = placeOf(b, 'POL') ?? placeOf(b, 'PRE');
                const pde = placeOf(b, 'PDE') ?? placeOf(b, 'POD');
                return (
                  <tr key={b.carrierBookingReference} class={b.carrierBookingReference === selected ? 'selected' : ''} data-testid="booking-row" data-ref={b.carrierBookingReference}>
                    <td>
                      <a
                        href={`?view=bookings&bk=${b.carrierBookingReference}`}
                        onClick={(e) => {
                          e.preventDefault();
                          setParams({ bk: b.carrierBookingReference, ref: undefined }, true);
                        }}
                        title={b.bookingRequestCreatedDateTime ? formatDateTime(b.bookingRequestCreatedDateTime) : undefined}
                      >
                        <code>{b.carrierBookingReference}</code>
                      </a>
                      <br />
                      <small class="muted">
                        {equipmentSummary(b)
                          .map((q) => `${q.units} × ${q.code}`)
                          .join(', ')}
                      </small>
                    </td>
                    <td>
                      <StatusBadge status={b.bookingStatus} />
                    </td>
                    <td>
                      <span class="nowrap">{pol?.locationName ?? pol?.UNLocationCode ?? '–'}</span> <span class="nowrap">→ {pde?.locationName ?? pde?.UNLocationCode ?? '–'}</span>
                    </td>
                    <td>
                      {b.bookingStatus === 'CONFIRMED' || b.bookingStatus === 'COMPLETED' ? (
                        <ArrivalDate instant={b.estimatedArrivalDateTime ?? b.plannedArrivalDateTime} code={pde?.UNLocationCode} net={net} />
                      ) : (
                        '–'
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {loading && <p class="muted">{t('common:loading')}</p>}
      {next && !loading && (
        <button type="button" class="secondary" onClick={() => load(next)} data-testid="booking-more">
          {t('list.more')}
        </button>
      )}
    </section>
  );
}

// The day of arrival at the destination's date (the detail gives the hour).
function ArrivalDate({ instant, code, net }: { instant?: string; code?: string; net: Network | null }) {
  if (!instant) return <>–</>;
  return (
    <time dateTime={instant} title={formatDateTime(instant, zoneOf(net, code) ?? 'UTC')}>
      {formatDate(instant, zoneOf(net, code) ?? 'UTC')}
    </time>
  );
}

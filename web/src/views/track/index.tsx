// A container's journey (?eq=<ISO 6346 number>): its events (GET /v2/events) as a timeline of
// planned, estimated and actual times at each place's local time, and on the map: travelled legs
// solid, legs still to go dashed, the box where it was last reported.
import { useEffect, useMemo, useState } from 'preact/hooks';
import { ApiError, get, request } from '../../api/client';
import { Field } from '../../components/field';
import { ProblemBox } from '../../components/problem';
import { formatHours } from '../../format';
import { useT } from '../../i18n';
import { whenMap } from '../../map/mapview';
import { setParams, useParams } from '../../state/url';
import { useCaller } from '../../state/whoami';
import { checkContainer } from '../bookings/iso6346';
import { containersOf, type Booking, type BookingPage } from '../bookings/model';
import { passagesOf, ridePassages, useItinerary } from '../bookings/itinerary';
import { At, StatusBadge, placeName, useNetwork } from '../bookings/shared';
import { bestTime, bookingOf, buildJourney, buildMilestones, delayMinutes, milestoneState, type Milestone, type TrackEvent } from './events';
import { legPath } from './path';
import '../bookings/bookings.css';
import './track.css';

const OVERLAY = 'track';
const DONE = '#1e7b34';
const TODO = '#0b5fa5';
const HERE = '#d7263d';

// Every page of a query (the service gives the next page's address in Next-Page).
async function allEvents(query: Record<string, string>): Promise<TrackEvent[]> {
  const out: TrackEvent[] = [];
  let url: string | null = `/v2/events?${new URLSearchParams({ ...query, limit: '500' })}`;
  for (let pages = 0; url && pages < 10; ++pages) {
    const { data, headers }: { data: TrackEvent[]; headers: Headers } = await request<TrackEvent[]>(url);
    out.push(...data);
    url = headers.get('Next-Page');
  }
  return out;
}

function ContainerForm({ initial }: { initial: string }) {
  const t = useT('booking');
  const [text, setText] = useState(initial);
  const [error, setError] = useState<string>();
  useEffect(() => setText(initial), [initial]);
  const submit = (e: Event) => {
    e.preventDefault();
    const c = checkContainer(text);
    if (!c.ok) {
      setError(c.reason === 'format' ? t('iso6346.format') : t('iso6346.checkDigit', { expected: c.expected }));
      return;
    }
    setError(undefined);
    setParams({ eq: c.number }, true);
  };
  return (
    <form class="track-form" onSubmit={submit} noValidate>
      <Field id="track-eq" label={t('track.container')} error={error}>
        <div class="inline">
          <input id="track-eq" value={text} spellcheck={false} autocapitalize="characters" placeholder="LBUU1181712" onInput={(e) => setText((e.target as HTMLInputElement).value)} data-testid="track-input" />
          <button type="submit" data-testid="track-submit">{t('track.follow')}</button>
        </div>
      </Field>
    </form>
  );
}

// The containers of the caller's latest confirmed bookings, to follow with one click.
function RecentContainers() {
  const t = useT('booking');
  const [boxes, setBoxes] = useState<{ box: string; bk: string }[]>([]);
  useEffect(() => {
    let live = true;
    get<BookingPage>('/v2/bookings', { limit: 10 })
      .then((p) => live && setBoxes(p.bookings.filter((b) => b.bookingStatus === 'CONFIRMED').flatMap((b) => containersOf(b).map((box) => ({ box, bk: b.carrierBookingReference }))).slice(0, 12)))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, []);
  if (boxes.length === 0) return null;
  return (
    <div class="recent" data-testid="track-recent">
      <h3>{t('track.recent')}</h3>
      <div class="chips">
        {boxes.map(({ box, bk }) => (
          <button type="button" class="chip" key={box} title={t('track.booking', { bk })} onClick={() => setParams({ eq: box }, true)}>
            {box}
          </button>
        ))}
      </div>
    </div>
  );
}

function Delay({ m }: { m: Milestone }) {
  const t = useT('booking');
  const d = delayMinutes(m);
  if (d === null || Math.abs(d) < 1) return null;
  return <span class={`delay ${d > 0 ? 'late' : 'early'}`}>{t(d > 0 ? 'track.late' : 'track.early', { time: formatHours(Math.abs(d) / 60) })}</span>;
}

export function TrackView() {
  const t = useT('booking');
  const params = useParams();
  const { caller, loading: callerLoading } = useCaller();
  const net = useNetwork();
  const eq = params.eq ?? '';
  const [events, setEvents] = useState<TrackEvent[] | null>(null);
  const [booking, setBooking] = useState<Booking | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(false);
  const [version, setVersion] = useState(0);

  useEffect(() => {
    if (!eq || !caller) return;
    let live = true;
    setLoading(true);
    setError(null);
    (async () => {
      const box = await allEvents({ equipmentReference: eq });
      const bk = box.map(bookingOf).find(Boolean);
      let ride: TrackEvent[] = [];
      let b: Booking | null = null;
      if (bk) {
        // Reported departures and arrivals of the box's booking (its plan is the box's own LOAD and DISC).
        const [transport, got] = await Promise.all([
          allEvents({ carrierBookingReference: bk, eventType: 'TRANSPORT' }).catch(() => []),
          get<Booking>(`/v2/bookings/${encodeURIComponent(bk)}`).catch(() => null),
        ]);
        ride = transport.filter((e) => e.eventClassifierCode !== 'PLN');
        b = got;
      }
      return { all: [...box, ...ride], b };
    })()
      .then(({ all, b }) => {
        if (!live) return;
        setEvents(all);
        setBooking(b);
      })
      .catch((e) => {
        if (!live) return;
        setEvents(null);
        setBooking(null);
        setError(e);
      })
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [eq, caller?.keyId, version]);

  const { itinerary } = useItinerary(booking?.routingReference);
  const milestones = useMemo(() => (events ? buildMilestones(events) : []), [events]);
  const journey = useMemo(() => buildJourney(milestones), [milestones]);

  // The journey on the map.
  useEffect(() => {
    if (!net || !events) return;
    const rides = ridePassages(itinerary);
    whenMap().then((m) => {
      m.setNetworkMuted(true);
      const lines = journey.legs.map((l) => ({
        coords: legPath(net, l.from, l.to, l.mode, passagesOf(rides, l.voyage?.split('@')[0], l.from, l.to)),
        color: l.done ? DONE : TODO,
        weight: l.done ? 5 : 3.5,
        dash: l.done ? undefined : '8 7',
        tooltip: `${placeName(net, l.from)} – ${placeName(net, l.to)}${l.voyage ? ` (${l.voyage})` : ''}`,
      }));
      const points = journey.stops.flatMap((s) => {
        const n = net.nodes.get(s.location);
        return n && s.location !== journey.current ? [{ lat: n.lat, lon: n.lon, color: TODO, radius: 4, tooltip: `${n.name} (${n.code})` }] : [];
      });
      const here = journey.current ? net.nodes.get(journey.current) : undefined;
      if (here) points.push({ lat: here.lat, lon: here.lon, color: HERE, radius: 8, tooltip: `${eq}: ${here.name}`, permanentLabel: true } as (typeof points)[number]);
      m.setOverlay(OVERLAY, { lines, points }, true);
    });
  }, [net, events, journey, itinerary]);
  useEffect(
    () => () => {
      whenMap().then((m) => {
        m.setOverlay(OVERLAY, null);
        m.setNetworkMuted(false);
      });
    },
    [],
  );

  if (!caller) {
    return (
      <div class="track-view">
        <h2>{t('track.title')}</h2>
        <p class="muted" data-testid="track-signin">{callerLoading ? t('common:loading') : t('common:signin.needed')}</p>
      </div>
    );
  }
  const bk = booking?.carrierBookingReference ?? (events ? events.map(bookingOf).find(Boolean) : undefined);
  const cur = journey.currentMilestone;
  const destination = journey.stops[journey.stops.length - 1]?.location;
  const notFound = error instanceof ApiError && error.status === 404;
  return (
    <div class="track-view">
      <h2>{t('track.title')}</h2>
      <ContainerForm initial={eq} />
      {!eq && <RecentContainers />}
      {error && !notFound ? <ProblemBox error={error} /> : null}
      {eq && events && events.length === 0 && <p class="muted" data-testid="track-none">{t('track.none', { eq })}</p>}
      {notFound && <p class="muted" data-testid="track-none">{t('track.none', { eq })}</p>}
      {eq && events && events.length > 0 && (
        <section class="card journey" data-testid="track-journey">
          <div class="journey-head">
            <code class="box">{eq}</code>
            {bk && (
              <a
                href={`?view=bookings&bk=${bk}`}
                onClick={(e) => {
                  e.preventDefault();
                  setParams({ view: 'bookings', bk, eq: undefined }, true);
                }}
              >
                {t('track.booking', { bk })}
              </a>
            )}
            {booking && <StatusBadge status={booking.bookingStatus} />}
            <button type="button" class="link" onClick={() => setVersion((v) => v + 1)} disabled={loading} data-testid="track-refresh">
              {t('list.refresh')}
            </button>
          </div>
          <p class="now" data-testid="track-now">
            {cur ? (
              <>
                {t('track.last', { what: t(`event.${cur.code}`, { defaultValue: cur.code }), where: placeName(net, cur.location, cur.locationName) })}{' '}
                <At instant={cur.actual} code={cur.location} net={net} />
              </>
            ) : (
              t('track.notStarted')
            )}
          </p>
          {booking?.estimatedArrivalDateTime && (
            <p class="eta">
              {t('track.eta')} <At instant={booking.estimatedArrivalDateTime} code={destination} net={net} />
            </p>
          )}
          <p class="legend muted">
            <span class="key done" /> {t('track.legendDone')} <span class="key todo" /> {t('track.legendTodo')} <span class="key here" /> {t('track.legendHere')}
          </p>
          <ol class="timeline track-timeline" data-testid="track-timeline">
            {milestones.map((m, i) => {
              const state = milestoneState(m);
              // Planned, never reported, and the box is already further along.
              const unreported = !m.actual && cur !== null && i < milestones.indexOf(cur);
              return (
                <li key={i} class={`${m.actual ? 'done' : 'planned'} ${state}${m === cur ? ' current' : ''}${unreported ? ' unreported' : ''}`} data-testid="track-event" data-state={state} data-code={m.code}>
                  <div class="what">
                    <strong>{t(`event.${m.code}`, { defaultValue: m.code })}</strong>
                    {m.transshipment && <span class="tag">{t('track.transshipment')}</span>}
                    <span class="where">{placeName(net, m.location, m.locationName)}</span>
                  </div>
                  <div class="when">
                    {m.actual && (
                      <span class="actual">
                        <span class="cls">{t('track.actual')}</span> <At instant={m.actual} code={m.location} net={net} />
                      </span>
                    )}
                    {!m.actual && m.estimated && (
                      <span class="estimated">
                        <span class="cls">{t('track.estimated')}</span> <At instant={m.estimated} code={m.location} net={net} />
                      </span>
                    )}
                    {m.planned && (m.actual || m.estimated) ? (
                      <span class="planned-was">
                        <span class="cls">{t('track.planned')}</span> <At instant={m.planned} code={m.location} net={net} /> <Delay m={m} />
                      </span>
                    ) : null}
                    {!m.actual && !m.estimated && (
                      <span class="planned">
                        <span class="cls">{t('track.planned')}</span> <At instant={bestTime(m)} code={m.location} net={net} />
                        {unreported && <span class="unreported"> · {t('track.unreported')}</span>}
                      </span>
                    )}
                  </div>
                  {m.voyage && (
                    <div class="ride muted">
                      {t(`mode.${m.mode}`, { defaultValue: m.mode ?? '' })} <code>{m.voyage}</code>
                    </div>
                  )}
                </li>
              );
            })}
          </ol>
          {(caller.role === 'operator' || caller.role === 'admin') && (
            <p>
              <a
                href={`?view=operator&eq=${eq}`}
                onClick={(e) => {
                  e.preventDefault();
                  setParams({ view: 'operator', eq, bk }, true);
                }}
              >
                {t('track.postEvent')}
              </a>
            </p>
          )}
        </section>
      )}
      {loading && <p class="muted">{t('common:loading')}</p>}
    </div>
  );
}
